#include "model/formats/TimelineJsSlide.h"

#include "model/formats/HtmlMarkdown.h"
#include "model/formats/LinkedSources.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

const QString SourcesLead = u"Sources:"_s;
const QString MediaLocator = u"media"_s;

void cite(Event *event, const QString &uid, const QString &locator) {
    for (const Citation &citation : std::as_const(event->citations)) {
        if (citation.sourceUid == uid)
            return;
    }
    event->citations << Citation{uid, {}, locator};
}

} // namespace

QString TimelineJsSlide::eraCategory() {
    return u"era"_s;
}

bool TimelineJsSlide::isImageUrl(const QString &url) {
    static const QRegularExpression image(uR"(\.(jpe?g|png|gif|webp|svg|bmp|tiff?)$)"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    return image.match(QUrl(url).path()).hasMatch();
}

std::optional<qint64> TimelineJsSlide::number(QStringView text) {
    QString digits;
    for (const QChar c : text) {
        if (c == u',' || c.isSpace())
            continue;
        digits += c;
    }
    if (digits.isEmpty())
        return 0;
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

std::optional<PartialDate> TimelineJsSlide::dateFromParts(qint64 year, qint64 month, qint64 day,
                                                          QString *reason) {
    if (year < PartialDate::MinYear || year > PartialDate::MaxYear) {
        *reason = u"year %1 is outside %2–%3"_s.arg(year)
                      .arg(PartialDate::MinYear)
                      .arg(PartialDate::MaxYear);
        return std::nullopt;
    }
    if (day != 0 && month == 0) {
        *reason = u"a day (%1) is given without a month"_s.arg(day);
        return std::nullopt;
    }
    if (month < 0 || month > 99 || day < 0 || day > 99) {
        *reason = month < 0 || month > 99 ? u"month %1 does not exist"_s.arg(month)
                                          : u"day %1 does not exist"_s.arg(day);
        return std::nullopt;
    }
    QString iso = u"%1"_s.arg(year, 4, 10, QChar(u'0'));
    if (month != 0)
        iso += u"-%1"_s.arg(month, 2, 10, QChar(u'0'));
    if (day != 0)
        iso += u"-%1"_s.arg(day, 2, 10, QChar(u'0'));
    return PartialDate::parseIso(iso, reason);
}

std::optional<Event> TimelineJsSlide::toEvent(LinkedSources *sources, QString *error) const {
    Event event;
    event.uid = uniqueId.trimmed();
    event.start = start;
    event.end = end;
    if (event.end.isValid() && event.end == event.start)
        event.end = {};
    event.category = era ? eraCategory() : group.trimmed();
    event.title = HtmlMarkdown::toPlainText(headline).trimmed();
    if (event.title.isEmpty())
        event.title = HtmlMarkdown::toPlainText(mediaCaption).trimmed();
    if (event.title.isEmpty()) {
        *error = u"no headline (every event needs one to be named by)"_s;
        return std::nullopt;
    }

    const QString url = mediaUrl.trimmed();
    if (LinkedSources::isWebUrl(url) && !isImageUrl(url)) {
        const QString credit = HtmlMarkdown::toPlainText(mediaCredit).trimmed();
        QString caption = HtmlMarkdown::toPlainText(mediaCaption).trimmed();
        if (caption.isEmpty())
            caption = credit;
        cite(&event, sources->addWeb(url, caption, credit), MediaLocator);
    }

    QList<HtmlLink> links;
    QStringList paragraphs = HtmlMarkdown::toMarkdown(text, &links).split(u"\n\n"_s);
    QString sourceList;
    if (!paragraphs.isEmpty() && paragraphs.constLast().startsWith(SourcesLead))
        sourceList = paragraphs.takeLast(); // the paragraph our export appends
    event.summary = paragraphs.join(u"\n\n"_s);
    for (const HtmlLink &link : std::as_const(links)) {
        const QString written = u"]("_s + QString(link.url).replace(u' ', u"%20"_s) + u')';
        if (event.summary.contains(written))
            cite(&event, sources->addWeb(link.url, link.text, {}), {});
    }
    // "Sources: [Title](url) (Outlet); …": the outlet, when given, follows the link.
    static const QRegularExpression entry(
        uR"(\[((?:[^\]\\]|\\.)*)\]\(([^)\s]+)\)(?: \(([^)]*)\))?)"_s);
    auto it = entry.globalMatch(sourceList);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (!LinkedSources::isWebUrl(m.captured(2)))
            continue;
        cite(&event,
             sources->addWeb(m.captured(2), HtmlMarkdown::unescapeMarkdown(m.captured(1)),
                             m.captured(3)),
             {});
    }
    return event;
}

TimelineJsSlide TimelineJsSlide::fromEvent(const Event &event,
                                           const QHash<QString, Source> &sourcesByUid) {
    TimelineJsSlide slide;
    slide.start = event.start;
    slide.end = event.end;
    slide.era = event.category == eraCategory() && event.isRange();
    slide.group = slide.era ? QString() : event.category;
    slide.uniqueId = event.uid;
    slide.headline = HtmlMarkdown::escapeHtml(event.title);
    slide.text = HtmlMarkdown::fromMarkdown(event.summary);
    QStringList listed;
    for (const Citation &citation : event.citations) {
        const auto it = sourcesByUid.constFind(citation.sourceUid);
        if (it == sourcesByUid.cend())
            continue;
        const Source &source = *it;
        if (citation.locator == MediaLocator && slide.mediaUrl.isEmpty() && !source.url.isEmpty()) {
            slide.mediaUrl = source.url;
            // Leave out what import fills in by default, so the slide comes back as it was.
            if (source.outlet != LinkedSources::hostOf(source.url))
                slide.mediaCredit = HtmlMarkdown::escapeHtml(source.outlet);
            const bool captionWasCredit =
                !slide.mediaCredit.isEmpty() && source.title == source.outlet;
            if (!captionWasCredit && source.title != LinkedSources::hostAndPath(source.url))
                slide.mediaCaption = HtmlMarkdown::escapeHtml(source.title);
            continue;
        }
        if (!source.url.isEmpty() &&
            event.summary.contains(u"]("_s + QString(source.url).replace(u' ', u"%20"_s) + u')'))
            continue; // already linked where the summary mentions it
        QString item;
        if (source.url.isEmpty())
            item = HtmlMarkdown::escapeHtml(source.title);
        else
            item = u"<a href=\""_s + HtmlMarkdown::escapeHtml(source.url) + u"\">"_s +
                   HtmlMarkdown::escapeHtml(source.title) + u"</a>"_s;
        if (!source.outlet.isEmpty() &&
            (source.url.isEmpty() || source.outlet != LinkedSources::hostOf(source.url)))
            item += u" ("_s + HtmlMarkdown::escapeHtml(source.outlet) + u')';
        listed << item;
    }
    if (!listed.isEmpty())
        slide.text += u"<p>"_s + SourcesLead + u' ' + listed.join(u"; "_s) + u"</p>"_s;
    return slide;
}
