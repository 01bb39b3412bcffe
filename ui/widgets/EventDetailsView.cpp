#include "ui/widgets/EventDetailsView.h"

#include <QUrl>

#include "model/LinkPolicy.h"
#include "ui/render/FigureLanguage.h"
#include "ui/widgets/TextContrast.h"

#include <QEvent>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {
QString escaped(const QString &text) {
    return text.toHtmlEscaped();
}

QString eventDate(const Event &event) {
    QString text = event.start.toDisplayString();
    if (event.isRange())
        text += u" – "_s + event.end.toDisplayString();
    return text;
}
} // namespace

EventDetailsView::EventDetailsView(QWidget *parent)
    : QTextBrowser(parent) {
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
    setAccessibleName(tr("Event details"));
    document()->setDocumentMargin(12);
    connect(this, &QTextBrowser::anchorClicked, this, &EventDetailsView::onAnchorClicked);
    clearEvent();
}

QString EventDetailsView::readableColor(const QColor &wanted) const {
    return TextContrast::readable(wanted, palette().color(QPalette::Base),
                                  palette().color(QPalette::Text))
        .name();
}

void EventDetailsView::clearEvent() {
    m_shown.reset();
    setHtml(u"<p style='color:%1'>%2</p>"_s.arg(
        readableColor(Qt::gray),
        escaped(tr("Select an event on the timeline to see its details and sources."))));
}

void EventDetailsView::changeEvent(QEvent *event) {
    QTextBrowser::changeEvent(event);
    // Another palette (the system switched between light and dark): the colours are chosen
    // for the palette's background, so the text is written again.
    if (event->type() == QEvent::PaletteChange) {
        if (m_shown) {
            const Shown shown = *m_shown; // showEvent() replaces m_shown
            showEvent(shown.event, shown.sources, shown.categories, shown.relations, shown.related);
        } else {
            clearEvent();
        }
    }
}

void EventDetailsView::showEvent(const Event &event, const QHash<QString, Source> &sources,
                                 const QList<Category> &categories,
                                 const QList<Relation> &relations,
                                 const QHash<QString, Event> &related) {
    m_shown = Shown{event, sources, categories, relations, related};
    // Every colour of the text reads on this palette's background (4.5:1, both in a light and a
    // dark palette): the muted ones are darkened or lightened as far as needed.
    const QString quoteColor = readableColor(QColor(0x44, 0x44, 0x44));
    const QString mutedColor = readableColor(Qt::gray);
    const QString warningColor = readableColor(QColor(0xc6, 0x28, 0x28));
    // Links are coloured here too: the document would take the application's link colour,
    // which need not be the one of this view's palette.
    const QString linkColor = readableColor(palette().color(QPalette::Link));
    // Title, summary and category in the window's language where the data has them.
    const QString language = FigureLanguage::codeOf({});
    const QString title = DataTranslations::title(event, language);
    const QString summary = DataTranslations::summary(event, language);
    QString categoryName = event.category;
    QString categoryColor = u"#808080"_s;
    for (const Category &category : categories) {
        if (category.name == event.category) {
            categoryName = DataTranslations::label(category, language);
            categoryColor = category.color.name();
        }
    }
    QString head = u"<h2 style='margin-bottom:2px'>%1</h2>"_s.arg(escaped(title));
    head += u"<p style='margin-top:0'><b>%1</b> &nbsp;·&nbsp; "
            "<span style='color:%2'>■</span> %3</p>"_s.arg(escaped(eventDate(event)), categoryColor,
                                                           escaped(categoryName));
    const QString statusColor =
        readableColor(event.status == EventStatus::Confirmed  ? QColor(0x2e, 0x7d, 0x32)
                      : event.status == EventStatus::Reported ? QColor(0xb2, 0x6a, 0x00)
                                                              : QColor(0xc6, 0x28, 0x28));
    head += u"<p><span style='color:%1; font-weight:bold'>%2</span> — %3</p>"_s.arg(
        statusColor, escaped(eventStatusLabel(event.status)),
        escaped(eventStatusExplanation(event.status)));
    QStringList facts;
    if (!event.actors.isEmpty())
        facts << u"<b>%1</b> %2"_s.arg(escaped(tr("Actors:")), escaped(event.actors.join(u", "_s)));
    if (!event.chips.isEmpty())
        facts << u"<b>%1</b> %2"_s.arg(escaped(tr("Chips:")), escaped(event.chips.join(u", "_s)));
    if (!event.tags.isEmpty())
        facts << u"<b>%1</b> %2"_s.arg(escaped(tr("Tags:")), escaped(event.tags.join(u", "_s)));
    if (!facts.isEmpty())
        head += u"<p>%1</p>"_s.arg(facts.join(u"<br>"_s));
    // A rule that was rescinded or replaced: how long it was in force, and what ended it.
    for (const Relation &relation : relations) {
        if (relation.toUid != event.uid || !relationEndsForce(relation.type))
            continue;
        const Event ender = related.value(relation.fromUid);
        head += u"<p><b>%1</b></p>"_s.arg(
            escaped(tr("In force %1 – %2, %3 “%4”")
                        .arg(event.start.toDisplayString(), ender.start.toDisplayString(),
                             relationTypeInverseLabel(relation.type), ender.title)));
    }
    setHtml(head);

    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    if (!summary.isEmpty()) {
        cursor.insertBlock();
        // Markdown without raw HTML: a description cannot smuggle in markup or fetch anything.
        cursor.insertMarkdown(summary, QTextDocument::MarkdownNoHTML);
        replaceImagesWithText();
    }

    QString body = u"<h3>%1</h3>"_s.arg(escaped(tr("Sources (%1)").arg(event.citations.size())));
    if (event.citations.isEmpty())
        body += u"<p style='color:%1'>%2</p>"_s.arg(
            warningColor, escaped(tr("No source reports this event yet.")));
    for (const Citation &citation : event.citations) {
        const Source source = sources.value(citation.sourceUid);
        QStringList line;
        if (!source.outlet.isEmpty())
            line << u"<b>%1</b>"_s.arg(escaped(source.outlet));
        line << u"“%1”"_s.arg(escaped(source.title));
        if (source.published.isValid())
            line << escaped(source.published.toDisplayString());
        if (!source.language.isEmpty())
            line << escaped(source.language);
        body += u"<p style='margin-bottom:2px'>%1</p>"_s.arg(line.join(u", "_s));
        if (!citation.quote.isEmpty()) {
            body +=
                u"<blockquote style='margin-left:16px; color:%1'><i>„%2“</i>%3</blockquote>"_s.arg(
                    quoteColor, escaped(citation.quote),
                    citation.locator.isEmpty() ? QString()
                                               : u" <span style='color:%1'>(%2)</span>"_s.arg(
                                                     mutedColor, escaped(citation.locator)));
        }
        QString address = source.url;
        if (address.isEmpty() && !source.doi.isEmpty())
            address = LinkPolicy::doiUrl(source.doi).toString();
        if (address.isEmpty()) {
            body += u"<p style='color:%1; margin-top:0'>%2</p>"_s.arg(
                mutedColor, escaped(tr("No address recorded for this source.")));
        } else {
            // The full address is the link text: the reader sees where it goes before clicking.
            body += u"<p style='margin-top:0'><a href=\"%1\" style='color:%2'>%3</a></p>"_s.arg(
                escaped(address), linkColor, escaped(address));
        }
    }
    body += relationsHtml(*m_shown, quoteColor, mutedColor, warningColor, linkColor);
    cursor.movePosition(QTextCursor::End);
    cursor.insertBlock();
    cursor.insertHtml(body);
    moveCursor(QTextCursor::Start);
}

QString EventDetailsView::relationsHtml(const Shown &shown, const QString &quoteColor,
                                        const QString &mutedColor, const QString &warningColor,
                                        const QString &linkColor) const {
    if (shown.relations.isEmpty())
        return {};
    QString html = u"<h3>%1</h3>"_s.arg(escaped(tr("Relations (%1)").arg(shown.relations.size())));
    for (qsizetype index = 0; index < shown.relations.size(); ++index) {
        const Relation &relation = shown.relations.at(index);
        const bool outgoing = relation.fromUid == shown.event.uid;
        const QString otherUid = outgoing ? relation.toUid : relation.fromUid;
        const Event other = shown.related.value(otherUid);
        const QString verb =
            outgoing ? relationTypeLabel(relation.type) : relationTypeInverseLabel(relation.type);
        // The related event's title links to it: clicking walks the chain.
        // Edit and Remove, where the timeline may be changed.
        const QString actions =
            m_editable
                ? u" &nbsp;<a href=\"relation-edit:%1\" style='color:%2'>%3</a>"
                  " · <a href=\"relation-remove:%1\" style='color:%2'>%4</a>"_s.arg(
                      QString::number(index), linkColor, escaped(tr("Edit")), escaped(tr("Remove")))
                : QString();
        html += u"<p style='margin-bottom:2px'>%1 <a href=\"event:%2\" style='color:%3'>%4</a>"
                " <span style='color:%5'>(%6)</span>%7</p>"_s.arg(
                    escaped(verb.left(1).toUpper() + verb.mid(1)),
                    QString::fromUtf8(QUrl::toPercentEncoding(otherUid)), linkColor,
                    escaped(other.title.isEmpty() ? otherUid : other.title), mutedColor,
                    escaped(other.start.toDisplayString()), actions);
        if (!relation.note.isEmpty())
            html +=
                u"<p style='margin-top:0; margin-left:16px'>%1</p>"_s.arg(escaped(relation.note));
        if (relation.citations.isEmpty())
            html += u"<p style='margin-top:0; margin-left:16px; color:%1'>%2</p>"_s.arg(
                warningColor, escaped(tr("No source supports this relation yet.")));
        for (const Citation &citation : relation.citations) {
            const Source source = shown.sources.value(citation.sourceUid);
            QStringList line;
            if (!source.outlet.isEmpty())
                line << escaped(source.outlet);
            line << u"“%1”"_s.arg(escaped(source.title));
            if (source.published.isValid())
                line << escaped(source.published.toDisplayString());
            html += u"<p style='margin-top:0; margin-left:16px; color:%1'>%2</p>"_s.arg(
                mutedColor, line.join(u", "_s));
            if (!citation.quote.isEmpty())
                html +=
                    u"<blockquote style='margin-left:32px; color:%1'><i>„%2“</i>%3</blockquote>"_s
                        .arg(quoteColor, escaped(citation.quote),
                             citation.locator.isEmpty()
                                 ? QString()
                                 : u" <span style='color:%1'>(%2)</span>"_s.arg(
                                       mutedColor, escaped(citation.locator)));
        }
    }
    return html;
}

void EventDetailsView::setEditable(bool editable) {
    if (editable == m_editable)
        return;
    m_editable = editable;
    if (m_shown) {
        const Shown shown = *m_shown;
        showEvent(shown.event, shown.sources, shown.categories, shown.relations, shown.related);
    }
}

void EventDetailsView::replaceImagesWithText() {
    // A Markdown image (![alt](http://…)) would make the view ask for its address when it
    // lays it out. Nothing remote is ever fetched to show a description, so the image
    // becomes its address as text before the document is laid out.
    QList<std::pair<int, QTextImageFormat>> images;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().isImageFormat())
                images.append({fragment.position(), fragment.charFormat().toImageFormat()});
        }
    }
    for (auto it = images.crbegin(); it != images.crend(); ++it) {
        QTextCursor cursor(document());
        cursor.setPosition(it->first);
        cursor.setPosition(it->first + 1, QTextCursor::KeepAnchor);
        cursor.insertText(tr("[image not shown: %1]").arg(it->second.name()), QTextCharFormat());
    }
}

void EventDetailsView::onAnchorClicked(const QUrl &url) {
    if (url.scheme() == u"event"_s) {
        emit relatedEventRequested(QUrl::fromPercentEncoding(url.path().toUtf8()));
        return;
    }
    if (url.scheme() == u"relation-edit"_s || url.scheme() == u"relation-remove"_s) {
        bool ok = false;
        const qsizetype index = url.path().toLongLong(&ok);
        if (ok && m_shown && index >= 0 && index < m_shown->relations.size()) {
            if (url.scheme() == u"relation-edit"_s)
                emit editRelationRequested(m_shown->event, m_shown->relations.at(index));
            else
                emit removeRelationRequested(m_shown->event, m_shown->relations.at(index));
        }
        return;
    }
    QString reason;
    const auto allowed = LinkPolicy::openableUrl(url.toString(QUrl::FullyEncoded), &reason);
    if (allowed)
        emit openLinkRequested(*allowed);
    else
        emit linkRefused(tr("Link not opened: %1").arg(reason));
}
