#include "model/formats/TimelineJsSlide.h"

#include "model/formats/HtmlMarkdown.h"
#include "model/formats/LinkedSources.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

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

// Whether `text` contains `part`, as QString::contains tells, found by looking for its first
// character (which Qt does quickly) rather than by Qt's search for short texts (slower here).
bool containsText(QStringView text, QStringView part) {
    if (part.isEmpty())
        return true;
    for (qsizetype at = text.indexOf(part.front()); at >= 0 && at + part.size() <= text.size();
         at = text.indexOf(part.front(), at + 1)) {
        if (text.sliced(at).startsWith(part))
            return true;
    }
    return false;
}

// Where the last paragraph of Markdown starts, as text.split(u"\n\n") would cut it.
qsizetype lastParagraphStart(QStringView text) {
    qsizetype start = 0;
    for (qsizetype at = text.indexOf(u'\n'); at >= 0; at = text.indexOf(u'\n', at)) {
        if (at + 1 < text.size() && text[at + 1] == u'\n') {
            start = at + 2;
            at += 2;
        } else {
            ++at;
        }
    }
    return start;
}

// One "[Title](url) (Outlet)" of the list our export appends.
struct ListedLink {
    QStringView title; // Markdown-escaped
    QStringView url;
    QStringView outlet; // null when not given
};

// The whitespace of a regular expression's \s (ASCII, as QRegularExpression reads it).
bool isPatternSpace(QChar c) {
    return c == u' ' || (c >= u'\t' && c <= u'\r');
}

// The link at text[from] == '[' as the pattern \[((?:[^\]\\]|\\.)*)\]\(([^)\s]+)\)(?: \(([^)]*)\))?
// matches it there, and where the match ends; std::nullopt where it does not match.
std::optional<qsizetype> matchListedLink(QStringView text, qsizetype from, ListedLink *link) {
    const qsizetype size = text.size();
    qsizetype p = from + 1;
    // The title: characters but ']' and '\', or '\' and the one after it (not a line feed).
    while (p < size && text[p] != u']') {
        if (text[p] == u'\\') {
            if (p + 1 >= size || text[p + 1] == u'\n')
                return std::nullopt;
            ++p;
        }
        ++p;
    }
    const qsizetype titleEnd = p;
    if (p + 1 >= size || text[p + 1] != u'(')
        return std::nullopt;
    p += 2;
    const qsizetype urlStart = p;
    while (p < size && text[p] != u')' && !isPatternSpace(text[p]))
        ++p;
    if (p == urlStart || p >= size || text[p] != u')')
        return std::nullopt;
    link->title = text.sliced(from + 1, titleEnd - from - 1);
    link->url = text.sliced(urlStart, p - urlStart);
    link->outlet = {};
    ++p;
    if (p + 1 < size && text[p] == u' ' && text[p + 1] == u'(') {
        const qsizetype close = text.indexOf(u')', p + 2);
        if (close >= 0) {
            link->outlet = text.sliced(p + 2, close - p - 2);
            p = close + 1;
        }
    }
    return p;
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
    // Plain digits (nearly every cell) are read in place.
    if (!text.isEmpty() && text.size() <= 18 &&
        std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; })) {
        qint64 value = 0;
        for (const QChar c : text)
            value = value * 10 + (c.unicode() - u'0');
        return value;
    }
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
    // What the ISO text below gives, made directly when it is a date (nearly always); the
    // text is parsed for the reason when it is not.
    if (month == 0)
        return PartialDate::fromYear(int(year));
    if (month <= 12 && day == 0)
        return PartialDate::fromYearMonth(int(year), int(month));
    if (month <= 12 && QDate::isValid(int(year), int(month), int(day)))
        return PartialDate::fromYmd(int(year), int(month), int(day));
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

    QString url = mediaUrl.trimmed();
    // "//host/path" takes the scheme of the page TimelineJS runs in, today always https.
    if (url.startsWith(u"//"_s) && url.size() > 2 && url.at(2) != u'/')
        url.prepend(u"https:"_s);
    if (LinkedSources::isWebUrl(url) && !isImageUrl(url)) {
        const QString credit = HtmlMarkdown::toPlainText(mediaCredit).trimmed();
        QString caption = HtmlMarkdown::toPlainText(mediaCaption).trimmed();
        if (caption.isEmpty())
            caption = credit;
        cite(&event, sources->addWeb(url, caption, credit), MediaLocator);
    }

    QList<HtmlLink> links;
    QString markdown = HtmlMarkdown::toMarkdown(text, &links);
    // The last paragraph may be the one our export appends.
    const qsizetype lastStart = lastParagraphStart(markdown);
    QString sourceList;
    if (QStringView(markdown).sliced(lastStart).startsWith(SourcesLead)) {
        sourceList = markdown.sliced(lastStart);
        markdown.truncate(std::max<qsizetype>(lastStart - 2, 0));
        markdown.squeeze(); // kept for the import: no room left over from the list
    }
    event.summary = std::move(markdown);
    event.translations = translations;
    for (const HtmlLink &link : std::as_const(links)) {
        const QString written = u"]("_s + QString(link.url).replace(u' ', u"%20"_s) + u')';
        if (containsText(event.summary, written))
            cite(&event, sources->addWeb(link.url, link.text, {}), {});
    }
    // "Sources: [Title](url) (Outlet); …": the outlet, when given, follows the link.
    for (qsizetype at = sourceList.indexOf(u'['); at >= 0; at = sourceList.indexOf(u'[', at)) {
        ListedLink link;
        const std::optional<qsizetype> matchEnd = matchListedLink(sourceList, at, &link);
        if (!matchEnd) {
            ++at;
            continue;
        }
        at = *matchEnd;
        const QString linkUrl = link.url.toString();
        if (!LinkedSources::isWebUrl(linkUrl))
            continue;
        cite(&event,
             sources->addWeb(linkUrl, HtmlMarkdown::unescapeMarkdown(link.title),
                             link.outlet.toString()),
             {});
    }
    return event;
}

QHash<QString, QString> TimelineJsSlide::laneLabels(const QList<Category> &categories) {
    QHash<QString, QString> labels;
    for (const Category &category : categories) {
        if (!category.label.trimmed().isEmpty())
            labels.insert(category.name, category.label);
    }
    return labels;
}

TimelineJsSlide TimelineJsSlide::fromEvent(const Event &event,
                                           const QHash<QString, Source> &sourcesByUid,
                                           const QHash<QString, QString> &laneLabels) {
    TimelineJsSlide slide;
    slide.start = event.start;
    slide.end = event.end;
    slide.era = event.category == eraCategory() && event.isRange();
    slide.group = slide.era ? QString() : laneLabels.value(event.category, event.category);
    slide.uniqueId = event.uid;
    slide.headline = HtmlMarkdown::escapeHtml(event.title);
    slide.text = HtmlMarkdown::fromMarkdown(event.summary);
    slide.translations = event.translations;
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
