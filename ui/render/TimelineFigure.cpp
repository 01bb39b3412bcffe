#include "ui/render/TimelineFigure.h"

#include "ui/render/TimelinePainter.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLineF>
#include <QPainter>
#include <QPainterPath>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("TimelineFigure", text);
}

// A font of `size` units: pixel sizes, so geometry is the same on every device, and never
// below 7 pt (10 whole units is the first pixel size at or above 9.33).
QFont sizedFont(QFont font, double size) {
    font.setPixelSize(
        std::max(int(std::ceil(TimelineFigure::MinTextSize)), int(std::lround(size))));
    return font;
}

// Characters after which an address may break across lines.
bool isAddressBreak(QChar c) {
    return c == u'/' || c == u'.' || c == u'-' || c == u'_' || c == u'?' || c == u'&' ||
           c == u'=' || c == u'#';
}

// Splits `word` into a head no wider than `room` and the rest, at the last break character
// that fits (at any character when none does); the head is empty if nothing fits.
std::pair<QString, QString> splitWord(const QString &word, const QFontMetricsF &fm, double room) {
    qsizetype fit = 0;
    qsizetype lastBreak = 0;
    double width = 0;
    for (qsizetype i = 0; i < word.size(); ++i) {
        width += fm.horizontalAdvance(word.at(i));
        if (width > room)
            break;
        fit = i + 1;
        if (isAddressBreak(word.at(i)))
            lastBreak = i + 1;
    }
    const qsizetype cut = lastBreak > 0 ? lastBreak : fit;
    return {word.left(cut), word.mid(cut)};
}

// Greedy line breaking at spaces; words wider than a line (addresses) break after '/' and
// friends. Widths are measured with the metrics the text is drawn with.
QStringList wrapText(const QString &text, const QFontMetricsF &fm, double width) {
    QStringList lines;
    QString current;
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    for (QString word : words) {
        const QString candidate = current.isEmpty() ? word : current + u' ' + word;
        if (fm.horizontalAdvance(candidate) <= width) {
            current = candidate;
            continue;
        }
        if (!current.isEmpty()) {
            // A long address starts on this line if a useful part of it fits.
            const double room = width - fm.horizontalAdvance(current + u' ');
            if (fm.horizontalAdvance(word) > width && room > width * 0.25) {
                auto [head, rest] = splitWord(word, fm, room);
                if (head.size() >= 8) {
                    lines << current + u' ' + head;
                    current.clear();
                    word = rest;
                }
            }
            if (!current.isEmpty()) {
                lines << current;
                current.clear();
            }
        }
        while (!word.isEmpty() && fm.horizontalAdvance(word) > width) {
            auto [head, rest] = splitWord(word, fm, width);
            if (head.isEmpty()) { // not even one character fits: give up on this word
                head = word.left(1);
                rest = word.mid(1);
            }
            lines << head;
            word = rest;
        }
        current = word;
    }
    if (!current.isEmpty())
        lines << current;
    return lines;
}

// At most `maxLines` lines; the last one shortened with "…" when text was left over.
QStringList wrapLimited(const QString &text, const QFontMetricsF &fm, double width, int maxLines) {
    QStringList lines = wrapText(text, fm, width);
    if (lines.size() > maxLines) {
        const QString rest = lines.mid(maxLines - 1).join(u' ');
        lines.resize(maxLines);
        lines.last() = fm.elidedText(rest, Qt::ElideRight, width);
    }
    return lines;
}

// The events of `data` reaching into [first, last], as their own TimelineData (shares the
// storage when all of them do).
TimelineData eventsInRange(const TimelineData &data, qint64 first, qint64 last) {
    qsizetype inside = 0;
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (data.lastDay(i) >= first && data.firstDay(i) <= last)
            ++inside;
    }
    if (inside == data.size())
        return data;
    TimelineDataBuilder builder;
    builder.setCategories(data.categories());
    builder.setActorNames(data.actorNames());
    builder.setChipNames(data.chipNames());
    builder.reserve(inside);
    TimelineRow row;
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (data.lastDay(i) < first || data.firstDay(i) > last)
            continue;
        row.id = data.id(i);
        row.firstDay = data.firstDay(i);
        row.lastDay = data.lastDay(i);
        row.precision = data.precision(i);
        row.isRange = data.isRange(i);
        row.category = data.category(i);
        row.status = data.status(i);
        row.importance = data.importance(i);
        row.sourceCount = data.isUnsourced(i) ? 0 : std::max(1, data.sourceCount(i));
        row.anySourceHasAddress = !data.isUnsourced(i) && !data.hasNoSourceAddress(i);
        row.actors.clear();
        for (quint32 a : data.actors(i))
            row.actors << int(a);
        row.chips.clear();
        for (quint32 c : data.chips(i))
            row.chips << int(c);
        builder.add(row, data.titleUtf8(i));
    }
    return std::move(builder).build();
}

// The same events with only the categories they use: a figure by category shows no empty
// lanes (a filtered export would otherwise list every category with "0 events").
TimelineData withUsedCategories(const TimelineData &data) {
    const QList<Category> &all = data.categories();
    QList<int> map(all.size(), -1);
    for (qsizetype i = 0; i < data.size(); ++i) {
        const int c = data.category(i);
        if (c >= 0 && c < all.size())
            map[c] = 0;
    }
    QList<Category> used;
    for (qsizetype c = 0; c < all.size(); ++c) {
        if (map[c] == 0) {
            map[c] = int(used.size());
            used << all[c];
        }
    }
    if (used.size() == all.size())
        return data;
    TimelineDataBuilder builder;
    builder.setCategories(used);
    builder.setActorNames(data.actorNames());
    builder.setChipNames(data.chipNames());
    builder.reserve(data.size());
    TimelineRow row;
    for (qsizetype i = 0; i < data.size(); ++i) {
        row.id = data.id(i);
        row.firstDay = data.firstDay(i);
        row.lastDay = data.lastDay(i);
        row.precision = data.precision(i);
        row.isRange = data.isRange(i);
        const int c = data.category(i);
        row.category = c >= 0 && c < all.size() ? map[c] : -1;
        row.status = data.status(i);
        row.importance = data.importance(i);
        row.sourceCount = data.isUnsourced(i) ? 0 : std::max(1, data.sourceCount(i));
        row.anySourceHasAddress = !data.isUnsourced(i) && !data.hasNoSourceAddress(i);
        row.actors.clear();
        for (quint32 a : data.actors(i))
            row.actors << int(a);
        row.chips.clear();
        for (quint32 ch : data.chips(i))
            row.chips << int(ch);
        builder.add(row, data.titleUtf8(i));
    }
    return std::move(builder).build();
}

QString rangeText(const std::optional<PartialDate> &from, const std::optional<PartialDate> &to) {
    if (from && to)
        return tr("no events between %1 and %2").arg(from->toIsoString(), to->toIsoString());
    if (from)
        return tr("no events on or after %1").arg(from->toIsoString());
    if (to)
        return tr("no events on or before %1").arg(to->toIsoString());
    return tr("no events to export");
}

QPen hairline(const QColor &c, double width = 1.0) {
    QPen pen(c, width);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

} // namespace

// ---------------------------------------------------------------------------------------

class TimelineFigureBuilder {
public:
    TimelineFigureBuilder(const TimelineData &data, const FigureSources::Map &sources,
                          const FigureOptions &options);
    std::shared_ptr<const TimelineFigure> run(QString *error);

private:
    using Figure = TimelineFigure;

    struct NoteBlock {
        Figure::Note note;
        QStringList lines;
        double height = 0;
    };

    std::shared_ptr<const TimelineLayout> layoutFor(double height) const;
    QList<NoteBlock> notesFor(const TimelineLayout &layout) const;
    double balancedHeight(const QList<NoteBlock> &notes, qsizetype from, qsizetype to) const;
    qsizetype fill(const QList<NoteBlock> &notes, qsizetype from, double height) const;
    double placeNotes(Figure::Page &page, const QList<NoteBlock> &notes, qsizetype from,
                      qsizetype to, double top, double height) const;
    double layoutLegend(Figure::Page &page, const TimelineLayout &layout, double top) const;
    double layoutHeader(Figure::Page &page, double top) const;
    double textHeight(Figure::Role role) const {
        return std::ceil(QFontMetricsF(m_figure->m_fonts[role]).lineSpacing());
    }

    std::unique_ptr<TimelineFigure> m_figure;
    TimelineData m_data;
    std::shared_ptr<const TimelineIndex> m_index;
    const FigureSources::Map &m_sources;
    LayoutOptions m_layoutOptions;
    double m_scale = 1;
    double m_margin = 32;
    double m_contentWidth = 0;
    int m_columns = 1;
    double m_columnWidth = 0;
    double m_columnGap = 24;
    double m_gutter = 0;
};

TimelineFigureBuilder::TimelineFigureBuilder(const TimelineData &data,
                                             const FigureSources::Map &sources,
                                             const FigureOptions &options)
    : m_figure(new TimelineFigure)
    , m_data(data)
    , m_sources(sources) {
    TimelineFigure &f = *m_figure;
    f.m_options = options;
    f.m_options.size = QSizeF(std::clamp(options.size.width(), 320.0, 20000.0),
                              std::clamp(options.size.height(), 240.0, 20000.0));
    f.m_theme = options.theme == TimelineTheme::Kind::Dark    ? TimelineTheme::dark()
                : options.theme == TimelineTheme::Kind::Print ? TimelineTheme::print()
                                                              : TimelineTheme::light();
    m_scale = std::clamp(options.fontScale, 0.5, 3.0);
    const double s = m_scale;

    // The timeline's fonts are the screen's, scaled; the figure's own text uses the same
    // family so that the page reads as one piece.
    LayoutOptions &lo = m_layoutOptions;
    lo.labelFont = sizedFont(lo.labelFont, 12 * s);
    lo.headerFont = sizedFont(lo.headerFont, 12 * s);
    lo.axisFont = sizedFont(lo.axisFont, 11 * s);
    lo.smallFont = sizedFont(lo.smallFont, 10 * s);
    lo.maxLabelWidth = 320 * s;
    lo.maxRowsPerLane = 6;

    QFont base = lo.labelFont;
    QFont bold = base;
    bold.setWeight(QFont::DemiBold);
    f.m_fonts[Figure::Title] = sizedFont(bold, 22 * s);
    f.m_fonts[Figure::Subtitle] = sizedFont(base, 14 * s);
    f.m_fonts[Figure::Legend] = sizedFont(base, 11 * s);
    f.m_fonts[Figure::Heading] = sizedFont(bold, 11 * s);
    f.m_fonts[Figure::NoteNumber] = sizedFont(base, 10 * s);
    f.m_fonts[Figure::NoteText] = sizedFont(base, 10 * s);
    f.m_fonts[Figure::Attribution] = sizedFont(base, 10 * s);
    f.m_fonts[Figure::Title].setKerning(true);
    f.m_fonts[Figure::Subtitle].setKerning(true);

    const QSizeF size = f.m_options.size;
    m_margin = std::clamp(std::round(std::min(size.width(), size.height()) * 0.04), 20.0, 64.0);
    m_contentWidth = size.width() - 2 * m_margin;
    m_columnGap = std::round(24 * s);
    const double minColumn = 330 * s;
    m_columns = std::clamp(int((m_contentWidth + m_columnGap) / (minColumn + m_columnGap)), 1, 3);
    m_columnWidth = (m_contentWidth - (m_columns - 1) * m_columnGap) / m_columns;
}

std::shared_ptr<const TimelineLayout> TimelineFigureBuilder::layoutFor(double height) const {
    LayoutOptions options = m_layoutOptions;
    if (m_figure->m_options.notes) {
        // Placed events with sources are numbered by the layout, in time order.
        const FigureSources::Map &sources = m_sources;
        options.hasNote = [&sources](qint64 id) {
            return sources.contains(id);
        };
    }
    const QSizeF viewport(m_contentWidth, std::max(1.0, height));
    const double width = TimelineLayout::timeAreaWidth(*m_index, viewport, options);
    const TimeScale scale =
        TimeScale::fitting(m_figure->m_firstDay, m_figure->m_lastDay, width, 0.02);
    return TimelineLayout::compute(m_index, scale, viewport, options);
}

QList<TimelineFigureBuilder::NoteBlock>
TimelineFigureBuilder::notesFor(const TimelineLayout &layout) const {
    // What was drawn: the numbers of placed events, in number order.
    QMap<int, qint64> byNumber;
    for (const PlacedEvent &e : layout.events()) {
        if (e.noteNumber > 0)
            byNumber.insert(e.noteNumber, e.id);
    }
    const QFontMetricsF fm(m_figure->m_fonts[TimelineFigure::NoteText]);
    const double lineHeight = textHeight(TimelineFigure::NoteText);
    const double textWidth = m_columnWidth - m_gutter - 2;
    QHash<qint64, int> firstNoteOfSource;
    QList<NoteBlock> notes;
    for (auto it = byNumber.cbegin(); it != byNumber.cend(); ++it) {
        QStringList parts;
        for (const FigureSource &source : m_sources.value(it.value())) {
            const auto seen = firstNoteOfSource.constFind(source.id);
            if (source.id != 0 && seen != firstNoteOfSource.cend()) {
                const QString who = !source.outlet.trimmed().isEmpty()
                                        ? source.outlet.simplified()
                                        : u"\u201c"_s + source.title.simplified() + u"\u201d"_s;
                parts << tr("%1, see [%2]").arg(who).arg(*seen);
                continue;
            }
            if (source.id != 0)
                firstNoteOfSource.insert(source.id, it.key());
            QStringList fields;
            if (!source.outlet.trimmed().isEmpty())
                fields << source.outlet.simplified();
            if (!source.title.trimmed().isEmpty())
                fields << u"\u201c"_s + source.title.simplified() + u"\u201d"_s;
            if (source.published.isValid())
                fields << source.published.toDisplayString(m_layoutOptions.locale);
            QString address = source.address();
            if (address.isEmpty()) {
                fields << tr("no address");
            } else {
                // An address longer than two lines keeps its host and its end.
                if (fm.horizontalAdvance(address) > 1.9 * textWidth)
                    address = fm.elidedText(address, Qt::ElideMiddle, 1.9 * textWidth);
                fields << address;
            }
            parts << fields.join(u", "_s);
        }
        NoteBlock block;
        block.note.number = it.key();
        block.note.eventId = it.value();
        block.note.text = parts.join(u"; "_s);
        block.lines = wrapText(block.note.text, fm, textWidth);
        if (block.lines.isEmpty())
            block.lines << QString();
        block.height = double(block.lines.size()) * lineHeight + std::round(3 * m_scale);
        notes.append(block);
    }
    return notes;
}

// How many notes from `from` fit, column by column, into `m_columns` columns of `height`.
qsizetype TimelineFigureBuilder::fill(const QList<NoteBlock> &notes, qsizetype from,
                                      double height) const {
    qsizetype i = from;
    for (int c = 0; c < m_columns && i < notes.size(); ++c) {
        double used = 0;
        while (i < notes.size() && used + notes[i].height <= height + 0.01) {
            used += notes[i].height;
            ++i;
        }
    }
    return i;
}

// The least column height that holds notes [from, to) in the columns.
double TimelineFigureBuilder::balancedHeight(const QList<NoteBlock> &notes, qsizetype from,
                                             qsizetype to) const {
    double lo = 0;
    double hi = 0;
    for (qsizetype i = from; i < to; ++i) {
        lo = std::max(lo, notes[i].height);
        hi += notes[i].height;
    }
    const QList<NoteBlock> part = notes.mid(from, to - from);
    for (int k = 0; k < 40 && hi - lo > 0.5; ++k) {
        const double mid = (lo + hi) / 2;
        if (fill(part, 0, mid) >= part.size())
            hi = mid;
        else
            lo = mid;
    }
    return std::ceil(hi);
}

// Places notes [from, to) in columns of `height` from `top`; returns the height used.
double TimelineFigureBuilder::placeNotes(TimelineFigure::Page &page, const QList<NoteBlock> &notes,
                                         qsizetype from, qsizetype to, double top,
                                         double height) const {
    const double lineHeight = textHeight(TimelineFigure::NoteText);
    const QFontMetricsF numberFm(m_figure->m_fonts[TimelineFigure::NoteNumber]);
    qsizetype i = from;
    double used = 0;
    for (int c = 0; c < m_columns && i < to; ++c) {
        const double left = m_margin + c * (m_columnWidth + m_columnGap);
        double y = 0;
        while (i < to && y + notes[i].height <= height + 0.01) {
            const QString number = u"[%1]"_s.arg(notes[i].note.number);
            page.texts.append({QPointF(left, top + y), number, TimelineFigure::NoteNumber});
            double lineTop = top + y;
            for (const QString &line : notes[i].lines) {
                page.texts.append(
                    {QPointF(left + m_gutter, lineTop), line, TimelineFigure::NoteText});
                lineTop += lineHeight;
            }
            y += notes[i].height;
            ++i;
        }
        used = std::max(used, y);
    }
    return used;
}

// Title and subtitle from `top`; returns the y below them.
double TimelineFigureBuilder::layoutHeader(TimelineFigure::Page &page, double top) const {
    const TimelineFigure &f = *m_figure;
    double y = top;
    const QString title = f.m_options.title.simplified();
    const QString subtitle = f.m_options.subtitle.simplified();
    if (!title.isEmpty()) {
        const QFontMetricsF fm(f.m_fonts[TimelineFigure::Title]);
        for (const QString &line : wrapLimited(title, fm, m_contentWidth - 2, 2)) {
            page.texts.append({QPointF(m_margin, y), line, TimelineFigure::Title});
            y += textHeight(TimelineFigure::Title);
        }
        y += std::round(2 * m_scale);
    }
    if (!subtitle.isEmpty()) {
        const QFontMetricsF fm(f.m_fonts[TimelineFigure::Subtitle]);
        for (const QString &line : wrapLimited(subtitle, fm, m_contentWidth - 2, 2)) {
            page.texts.append({QPointF(m_margin, y), line, TimelineFigure::Subtitle});
            y += textHeight(TimelineFigure::Subtitle);
        }
    }
    if (y > top)
        y += std::round(12 * m_scale);
    return y;
}

// The legend as a flow of swatches and labels, wrapped at the content width; items not in
// the figure are left out. Returns the height used.
double TimelineFigureBuilder::layoutLegend(TimelineFigure::Page &page, const TimelineLayout &layout,
                                           double top) const {
    using Item = TimelineFigure::LegendItem;
    const TimelineFigure &f = *m_figure;
    struct Entry {
        Item item;
        QString label;
        double swatchWidth;
        bool groupStart;
    };
    QList<Entry> entries;
    const double sw = std::round(10 * m_scale);
    // Lanes' colours: every category with an event in the range, in the categories' order.
    QSet<int> categories;
    for (qsizetype i = 0; i < m_data.size(); ++i)
        categories.insert(m_data.category(i));
    bool first = true;
    const QList<Category> &all = m_data.categories();
    for (int c = 0; c < all.size(); ++c) {
        if (!categories.contains(c))
            continue;
        entries.append({{Item::Category, c, {}}, all[c].displayName(), sw, false});
        first = false;
    }
    if (categories.contains(-1)) {
        entries.append({{Item::Category, -1, {}}, tr("no category"), sw, false});
        first = false;
    }
    QSet<int> statuses;
    bool unsourced = false;
    bool ranges = false;
    bool partial = false;
    for (const PlacedEvent &e : layout.events()) {
        statuses.insert(int(e.status));
        unsourced = unsourced || e.unsourced;
        ranges = ranges || e.shape == MarkShape::Range;
        partial = partial || e.shape == MarkShape::Partial;
    }
    const auto add = [&](Item::Kind kind, const QString &label, double width) {
        entries.append({{kind, -1, {}}, label, width, !first});
        first = false;
    };
    bool groupStarted = false;
    const auto addStatus = [&](Item::Kind kind, const QString &label, double width) {
        add(kind, label, width);
        if (groupStarted)
            entries.last().groupStart = false;
        groupStarted = true;
    };
    if (statuses.contains(int(EventStatus::Confirmed)))
        addStatus(Item::Confirmed, tr("confirmed"), sw);
    if (statuses.contains(int(EventStatus::Reported)))
        addStatus(Item::Reported, tr("reported (dashed)"), sw);
    if (statuses.contains(int(EventStatus::Disputed)))
        addStatus(Item::Disputed, tr("disputed (hatched)"), sw);
    if (unsourced)
        addStatus(Item::Unsourced, tr("no source yet"), sw);
    if (ranges)
        addStatus(Item::Range, tr("period"), std::round(22 * m_scale));
    if (partial)
        addStatus(Item::Partial, tr("month or year only"), std::round(22 * m_scale));
    if (!layout.clusters().isEmpty()) {
        const QFontMetricsF small(m_layoutOptions.smallFont);
        addStatus(Item::Cluster, tr("events too close to label"),
                  std::ceil(small.horizontalAdvance(u"+N"_s) + 10));
    }

    const QFontMetricsF fm(f.m_fonts[TimelineFigure::Legend]);
    const double lineHeight = std::max(textHeight(TimelineFigure::Legend), sw + 4);
    const double itemGap = std::round(16 * m_scale);
    const double groupGap = std::round(32 * m_scale);
    const double labelGap = std::round(6 * m_scale);
    double x = 0;
    double y = 0;
    const double width = m_contentWidth;
    for (Entry &e : entries) {
        double labelRoom = width - e.swatchWidth - labelGap;
        QString label = fm.elidedText(e.label, Qt::ElideRight, labelRoom);
        const double itemWidth = e.swatchWidth + labelGap + fm.horizontalAdvance(label);
        double gap = x == 0 ? 0 : (e.groupStart ? groupGap : itemGap);
        if (x > 0 && x + gap + itemWidth > width) {
            x = 0;
            gap = 0;
            y += lineHeight;
        }
        x += gap;
        const double swatchHeight =
            e.item.kind == Item::Cluster
                ? std::ceil(QFontMetricsF(m_layoutOptions.smallFont).height())
                : sw;
        e.item.swatch = QRectF(m_margin + x, top + y + (lineHeight - swatchHeight) / 2,
                               e.swatchWidth, swatchHeight);
        page.legend.append(e.item);
        page.texts.append({QPointF(m_margin + x + e.swatchWidth + labelGap,
                                   top + y + (lineHeight - fm.height()) / 2),
                           label, TimelineFigure::Legend});
        x += itemWidth;
    }
    return entries.isEmpty() ? 0 : y + lineHeight;
}

std::shared_ptr<const TimelineFigure> TimelineFigureBuilder::run(QString *error) {
    TimelineFigure &f = *m_figure;
    const FigureOptions &o = f.m_options;

    // The range, and only the events in it.
    const qint64 first = o.from ? o.from->firstJulianDay() : m_data.minDay();
    const qint64 last = o.to ? o.to->lastJulianDay() : m_data.maxDay();
    if (o.from && o.to && first > last) {
        if (error)
            *error = tr("the start %1 is after the end %2")
                         .arg(o.from->toIsoString(), o.to->toIsoString());
        return nullptr;
    }
    if (!m_data.isEmpty() && (o.from || o.to))
        m_data = eventsInRange(m_data, first, last);
    if (m_data.isEmpty()) {
        if (error)
            *error = rangeText(o.from, o.to);
        return nullptr;
    }
    if (o.lanes == LaneGrouping::Category)
        m_data = withUsedCategories(m_data);
    f.m_firstDay = o.from ? first : m_data.minDay();
    f.m_lastDay = o.to ? last : m_data.maxDay();
    f.m_eventCount = m_data.size();
    m_index = TimelineIndex::create(m_data, o.lanes);
    {
        QSet<qint64> distinct;
        for (qsizetype i = 0; i < m_data.size(); ++i) {
            const auto it = m_sources.constFind(m_data.id(i));
            if (it == m_sources.cend())
                continue;
            for (const FigureSource &s : *it)
                distinct.insert(s.id != 0 ? s.id : -qint64(distinct.size()) - 1);
        }
        f.m_sourceCount = distinct.size();
    }
    {
        const QFontMetricsF fm(f.m_fonts[TimelineFigure::NoteNumber]);
        m_gutter = std::ceil(fm.horizontalAdvance(u"[000]"_s) + 6 * m_scale);
    }

    // Vertical plan of the first page: header, timeline, legend, notes, attribution.
    const QSizeF size = o.size;
    TimelineFigure::Page page;
    page.hasTimeline = true;
    const double timelineTop = layoutHeader(page, m_margin);
    const double attributionHeight = textHeight(TimelineFigure::Attribution);
    const double bodyBottom =
        size.height() - m_margin - attributionHeight - std::round(12 * m_scale);
    const double footer = size.height() - bodyBottom;
    const double legendGap = std::round(12 * m_scale);
    const double notesGap = std::round(18 * m_scale);
    const double headingPad = std::round(5 * m_scale);
    const double headingHeight = 2 * headingPad + textHeight(TimelineFigure::Heading);
    // At most two layouts (a third only when the estimate below falls short): the first
    // with all the room the page has, which tells the legend and, row by row, which events
    // want notes and how much room their notes take; the second with as many rows as leave
    // room for the notes of the events those rows hold.
    std::shared_ptr<const TimelineLayout> layout = layoutFor(bodyBottom - timelineTop);
    double legendHeight = 0;
    {
        TimelineFigure::Page scratch;
        legendHeight = layoutLegend(scratch, *layout, 0);
    }
    const QList<NoteBlock> allNotes = o.notes ? notesFor(*layout) : QList<NoteBlock>();
    const double notesBlock = allNotes.isEmpty() ? 0 : notesGap + headingHeight;
    const double available = bodyBottom - timelineTop - legendGap - legendHeight - notesBlock;
    const int minRows = std::max(1, m_layoutOptions.minRowsPerLane);
    const auto heightFor = [&](int rows) {
        return TimelineLayout::heightForRows(*m_index, rows, m_layoutOptions);
    };
    // The notes a timeline of `rows` rows would carry: those of the events the first layout
    // placed in its top `rows` rows (rows fill from the top, by importance then time).
    QHash<qint64, int> topRow;
    for (const PlacedEvent &e : layout->events()) {
        const auto it = topRow.find(e.id);
        if (it == topRow.end())
            topRow.insert(e.id, e.row);
        else
            *it = std::min(*it, e.row);
    }
    const auto notesNeed = [&](int rows) {
        QList<NoteBlock> kept;
        for (const NoteBlock &n : allNotes) {
            if (topRow.value(n.note.eventId, 0) < rows)
                kept.append(n);
        }
        return kept.isEmpty() ? 0.0 : balancedHeight(kept, 0, kept.size());
    };
    int rows = layout->rowsPerLane();
    double timelineHeight = std::min(available, heightFor(rows));
    if (!allNotes.isEmpty()) {
        int chosen = 0;
        for (int r = layout->rowsPerLane(); r >= minRows && chosen == 0; --r) {
            if (heightFor(r) + notesNeed(r) <= available + 0.5)
                chosen = r;
        }
        if (chosen > 0) {
            rows = chosen;
        } else if (o.paginate) {
            // The notes go to the next pages: the timeline takes what the legend leaves.
            rows = minRows;
            for (int r = layout->rowsPerLane(); r > minRows; --r) {
                if (heightFor(r) <= available + notesBlock + 0.5) {
                    rows = r;
                    break;
                }
            }
        } else {
            rows = minRows;
        }
        // Spare room goes to the lanes as air (less than a row: the notes were counted for
        // `rows` rows).
        const double room = chosen > 0 ? available - notesNeed(rows)
                                       : (o.paginate ? available + notesBlock : heightFor(rows));
        timelineHeight = std::max(
            heightFor(rows),
            std::min(room, heightFor(rows) + 0.9 * (heightFor(rows + 1) - heightFor(rows))));
    } else {
        timelineHeight = std::max(heightFor(minRows), available);
    }
    layout = layoutFor(timelineHeight);
    if (!allNotes.isEmpty() && !o.paginate && rows > minRows) {
        // The estimate can miss by a few notes. The rows placed what they placed whatever
        // the air between them: keep them with less air if their notes fit, else one row less.
        TimelineFigure::Page scratch;
        const QList<NoteBlock> placed = notesFor(*layout);
        const double need =
            legendGap + layoutLegend(scratch, *layout, 0) +
            (placed.isEmpty() ? 0 : notesBlock + balancedHeight(placed, 0, placed.size()));
        if (timelineTop + layout->contentHeight() + need > bodyBottom + 0.5) {
            const double room = bodyBottom - timelineTop - need;
            layout = layoutFor(room >= heightFor(rows) ? room : heightFor(rows - 1));
        }
    }
    f.m_layout = layout;
    // Lanes that cannot shrink to the room (very many lanes) make the page grow below them.
    const double timelineBottom = timelineTop + layout->contentHeight();
    f.m_timelineRect = QRectF(m_margin, timelineTop, m_contentWidth, timelineBottom - timelineTop);
    double y = timelineBottom + legendGap;
    y += layoutLegend(page, *layout, y);
    double contentBottom = y;

    const QList<NoteBlock> notes = o.notes ? notesFor(*layout) : QList<NoteBlock>();
    for (const NoteBlock &n : notes)
        f.m_notes.append(n.note);
    const auto addHeading = [&](TimelineFigure::Page &p, double top, const QString &text) {
        p.rules.append(QLineF(m_margin, top, m_margin + m_contentWidth, top));
        p.texts.append({QPointF(m_margin, top + headingPad), text, TimelineFigure::Heading});
        return top + headingHeight;
    };
    QList<TimelineFigure::Page> pages;
    if (!notes.isEmpty()) {
        const double notesTop = y + notesGap;
        const double room = bodyBottom - (notesTop + headingHeight);
        const double balanced = balancedHeight(notes, 0, notes.size());
        if (balanced <= room + 0.5 || !o.paginate) {
            const double top = addHeading(page, notesTop, tr("Sources"));
            placeNotes(page, notes, 0, notes.size(), top, balanced);
            contentBottom = top + balanced;
            pages.append(page);
        } else {
            // Page one holds what fits (if that is more than a few lines), the rest follows.
            const qsizetype next0 =
                room >= 3 * textHeight(TimelineFigure::NoteText) ? fill(notes, 0, room) : 0;
            if (next0 > 0) {
                const double top = addHeading(page, notesTop, tr("Sources"));
                placeNotes(page, notes, 0, next0, top, room);
            }
            pages.append(page);
            const double pageRoom = bodyBottom - m_margin - headingHeight;
            qsizetype next = next0;
            while (next < notes.size()) {
                TimelineFigure::Page more;
                const double top = addHeading(
                    more, m_margin, next == 0 ? tr("Sources") : tr("Sources (continued)"));
                qsizetype end = fill(notes, next, pageRoom);
                if (end == next) // cannot happen: a note is a few lines, a page many
                    end = next + 1;
                placeNotes(more, notes, next, end, top,
                           end == notes.size() ? balancedHeight(notes, next, end) : pageRoom);
                next = end;
                pages.append(more);
            }
        }
    } else {
        pages.append(page);
    }
    // Content below the asked height makes the page taller: nothing is ever clipped.
    const double pageHeight = contentBottom + footer > size.height() + 0.01
                                  ? std::ceil(contentBottom + footer)
                                  : size.height();
    f.m_pageSize = QSizeF(size.width(), pageHeight);

    // The attribution line, at the foot of every page.
    QStringList parts{u"ChipTimeline"_s};
    if (o.exportDate.isValid())
        parts << tr("exported %1").arg(o.exportDate.toString(Qt::ISODate));
    parts << (f.m_eventCount == 1 ? tr("1 event") : tr("%1 events").arg(f.m_eventCount)) + u", "_s +
                 (f.m_sourceCount == 1 ? tr("1 source") : tr("%1 sources").arg(f.m_sourceCount));
    f.m_attribution = parts.join(u" \u00b7 "_s);
    const double attributionTop = pageHeight - m_margin - attributionHeight;
    for (qsizetype k = 0; k < pages.size(); ++k) {
        QString text = f.m_attribution;
        if (pages.size() > 1)
            text += u" \u00b7 "_s + tr("page %1 of %2").arg(k + 1).arg(pages.size());
        pages[k].texts.append(
            {QPointF(m_margin, attributionTop), text, TimelineFigure::Attribution});
    }
    f.m_pages = std::move(pages);
    return std::shared_ptr<const TimelineFigure>(m_figure.release());
}

// ---------------------------------------------------------------------------------------

std::shared_ptr<const TimelineFigure> TimelineFigure::compose(const TimelineData &data,
                                                              const FigureSources::Map &sources,
                                                              const FigureOptions &options,
                                                              QString *error) {
    TimelineFigureBuilder builder(data, sources, options);
    return builder.run(error);
}

void TimelineFigure::paintLegendSwatch(QPainter &p, const LegendItem &item) const {
    const QList<Category> &categories = m_layout->data().categories();
    const QColor neutral = m_theme.neutralMark;
    const QRectF r = item.swatch;
    p.save();
    switch (item.kind) {
    case LegendItem::Category: {
        const QColor c = m_theme.categoryColor(categories, item.category);
        p.setPen(hairline(m_theme.markOutline(c, EventStatus::Confirmed)));
        p.setBrush(c);
        TimelinePainter::paintShape(p, m_theme.shapeFor(item.category), r);
        break;
    }
    case LegendItem::Confirmed:
        p.setPen(hairline(m_theme.markOutline(neutral, EventStatus::Confirmed)));
        p.setBrush(m_theme.markFill(neutral, EventStatus::Confirmed));
        p.drawEllipse(r);
        break;
    case LegendItem::Reported: {
        // The painter's reported style: a paler fill inside a dashed outline.
        QPen pen(m_theme.markOutline(neutral, EventStatus::Reported), 1.3);
        pen.setStyle(Qt::CustomDashLine);
        pen.setDashPattern({2.5, 1.8});
        pen.setCapStyle(Qt::FlatCap);
        p.setPen(pen);
        p.setBrush(m_theme.markFill(neutral, EventStatus::Reported));
        p.drawEllipse(r);
        break;
    }
    case LegendItem::Disputed: {
        QPainterPath path;
        path.addEllipse(r);
        p.setPen(Qt::NoPen);
        p.setBrush(m_theme.markFill(neutral, EventStatus::Disputed));
        p.drawPath(path);
        p.save();
        p.setClipPath(path, Qt::IntersectClip);
        p.setPen(hairline(neutral));
        for (double x = r.left() - r.height(); x < r.right(); x += 3.5)
            p.drawLine(QPointF(x, r.bottom()), QPointF(x + r.height(), r.top()));
        p.restore();
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(m_theme.markOutline(neutral, EventStatus::Disputed), 1.3));
        p.drawPath(path);
        break;
    }
    case LegendItem::Unsourced:
        p.setPen(QPen(m_theme.badge, 1.0));
        p.setBrush(m_theme.background);
        p.drawEllipse(r);
        p.setFont(m_layout->options().smallFont);
        p.drawText(r, Qt::AlignCenter, u"?"_s);
        break;
    case LegendItem::Range: {
        p.setPen(hairline(m_theme.markOutline(neutral, EventStatus::Confirmed)));
        p.setBrush(m_theme.barFill(neutral, false));
        p.drawRoundedRect(r, 3, 3);
        p.setPen(Qt::NoPen);
        p.setBrush(neutral);
        p.drawRoundedRect(QRectF(r.left(), r.top(), 3, r.height()), 1.5, 1.5);
        break;
    }
    case LegendItem::Partial:
        p.setPen(Qt::NoPen);
        p.setBrush(m_theme.barFill(neutral, true));
        p.drawRoundedRect(r, 2, 2);
        p.setPen(hairline(neutral));
        p.drawLine(QPointF(r.left() + 0.5, r.top()), QPointF(r.left() + 0.5, r.bottom()));
        p.drawLine(QPointF(r.right() - 0.5, r.top()), QPointF(r.right() - 0.5, r.bottom()));
        break;
    case LegendItem::Cluster:
        if (m_theme.kind == TimelineTheme::Kind::Print)
            p.setPen(hairline(m_theme.clusterBorder, 0.8));
        else
            p.setPen(Qt::NoPen);
        p.setBrush(m_theme.clusterFill);
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        p.setPen(m_theme.clusterText);
        p.setFont(m_layout->options().smallFont);
        p.drawText(r, Qt::AlignCenter, u"+N"_s);
        break;
    }
    p.restore();
}

void TimelineFigure::paint(QPainter &p, int pageIndex) const {
    if (pageIndex < 0 || pageIndex >= m_pages.size())
        return;
    const Page &page = m_pages[pageIndex];
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.fillRect(QRectF(QPointF(0, 0), m_pageSize), m_theme.background);

    if (page.hasTimeline) {
        p.save();
        p.translate(m_timelineRect.topLeft());
        PaintOptions options;
        options.paintBackground = false;
        TimelinePainter::paint(p, *m_layout, m_theme, options);
        p.restore();
    }
    for (const LegendItem &item : page.legend)
        paintLegendSwatch(p, item);
    p.setPen(hairline(m_theme.laneSeparator));
    for (const QLineF &line : page.rules)
        p.drawLine(line);

    const std::array<QColor, RoleCount> colors = {
        m_theme.labelText,  m_theme.labelMuted, m_theme.labelText,   m_theme.headerText,
        m_theme.labelMuted, m_theme.labelText,  m_theme.headerDetail};
    std::array<double, RoleCount> ascents{};
    for (int r = 0; r < RoleCount; ++r)
        ascents[size_t(r)] = QFontMetricsF(m_fonts[size_t(r)]).ascent();
    int current = -1;
    for (const Text &t : page.texts) {
        if (t.role != current) {
            current = t.role;
            p.setFont(m_fonts[t.role]);
            p.setPen(colors[t.role]);
        }
        p.drawText(QPointF(t.topLeft.x(), t.topLeft.y() + ascents[t.role]), t.text);
    }
    p.restore();
}
