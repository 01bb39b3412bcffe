#include "ui/widgets/SearchResultsPane.h"

#include "model/EventSearch.h"
#include "model/TimelineData.h"
#include "model/store/TimelineStore.h"

#include <QLabel>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
constexpr int ResultLimit = 200;

// The search marks matches with private-use characters; escape the text first, then turn
// the marks into a highlight, so nothing in the data can become markup.
QString highlighted(const QString &marked) {
    QString html = marked.toHtmlEscaped();
    html.replace(EventSearch::MatchStart, u"<span style='background:#ffe066; font-weight:bold'>"_s);
    html.replace(EventSearch::MatchEnd, u"</span>"_s);
    return html;
}
} // namespace

SearchResultsPane::SearchResultsPane(QWidget *parent)
    : QWidget(parent) {
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"searchSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Type in the search field above the timeline to see ranked results."));
    m_results = new QTextBrowser(this);
    m_results->setObjectName(u"searchResults"_s);
    m_results->setOpenLinks(false);
    connect(m_results, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == u"event"_s)
            emit eventActivated(url.path().toLongLong());
        else if (url.scheme() == u"source"_s)
            emit sourceActivated(url.path());
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_summary);
    layout->addWidget(m_results, 1);
}

void SearchResultsPane::search(const TimelineStore &store, const QString &userText,
                               const EventFilter &filter, const TimelineData *among) {
    m_eventHits = 0;
    m_sourceHits = 0;
    if (userText.trimmed().isEmpty()) {
        m_summary->setText(
            tr("Type in the search field above the timeline to see ranked results."));
        m_results->clear();
        return;
    }
    QString hint;
    const QList<EventSearch::EventHit> events =
        among ? EventSearch::searchEventsAmong(store, userText, *among, ResultLimit, &hint)
              : EventSearch::searchEvents(store, userText, filter, ResultLimit, &hint);
    const QList<EventSearch::SourceHit> sources =
        EventSearch::searchSources(store, userText, ResultLimit);
    m_eventHits = int(events.size());
    m_sourceHits = int(sources.size());

    QString summary = (m_eventHits == 1 ? tr("1 event") : tr("%1 events").arg(m_eventHits)) +
                      u", "_s +
                      (m_sourceHits == 1 ? tr("1 source") : tr("%1 sources").arg(m_sourceHits)) +
                      u" "_s + tr("match “%1”").arg(userText.toHtmlEscaped());
    if (!hint.isEmpty())
        summary += u"<br><span style='color:gray'>%1</span>"_s.arg(hint.toHtmlEscaped());
    m_summary->setText(summary);

    QString html;
    if (!events.isEmpty())
        html += u"<h4>%1</h4>"_s.arg(tr("Events").toHtmlEscaped());
    for (const EventSearch::EventHit &hit : events) {
        html += u"<p style='margin-bottom:6px'><a href=\"event:%1\">%2</a>"_s.arg(hit.eventId)
                    .arg(highlighted(hit.title));
        if (!hit.snippet.isEmpty())
            html += u"<br><span style='color:#555'>%1</span>"_s.arg(highlighted(hit.snippet));
        html += u"</p>"_s;
    }
    if (!sources.isEmpty())
        html += u"<h4>%1</h4>"_s.arg(tr("Sources").toHtmlEscaped());
    for (const EventSearch::SourceHit &hit : sources) {
        const std::optional<Source> source = store.source(hit.sourceId);
        if (!source)
            continue;
        html += u"<p style='margin-bottom:6px'><a href=\"source:%1\">%2</a>"_s.arg(
            source->uid.toHtmlEscaped(), highlighted(hit.title));
        if (!hit.snippet.isEmpty())
            html +=
                u"<br><span style='color:#555'><i>%1</i></span>"_s.arg(highlighted(hit.snippet));
        html += u"</p>"_s;
    }
    if (events.isEmpty() && sources.isEmpty())
        html = u"<p style='color:gray'>%1</p>"_s.arg(tr("Nothing matches.").toHtmlEscaped());
    m_results->setHtml(html);
}
