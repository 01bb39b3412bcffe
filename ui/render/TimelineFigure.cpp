#include "ui/render/TimelineFigureBuilder.h"

#include "ui/render/FigureLanguage.h"

#include "ui/render/TimelinePainter.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLineF>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// A font of `size` units: pixel sizes, so geometry is the same on every device, and never
// below `floor` (7 pt at the figure's print size: 10 whole units on paper, the first pixel
// size at or above 9.33).
QFont sizedFont(QFont font, double size, double floor) {
    font.setPixelSize(std::max(int(std::ceil(floor)), int(std::lround(size))));
    return font;
}

// The events of `data` reaching into [first, last], as their own TimelineData (shares the
// storage when all of them do).
TimelineData eventsInRange(const TimelineData &data, qint64 first, qint64 last) {
    qsizetype inside = 0;
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (data.drawnLastDay(i) >= first && data.firstDay(i) <= last)
            ++inside;
    }
    if (inside == data.size())
        return data;
    TimelineDataBuilder builder;
    builder.setCategories(data.categories());
    builder.setActorNames(data.actorNames());
    builder.setChipNames(data.chipNames());
    builder.reserve(inside);
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (data.drawnLastDay(i) >= first && data.firstDay(i) <= last)
            builder.add(data.row(i), data.titleUtf8(i));
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
    for (qsizetype i = 0; i < data.size(); ++i) {
        TimelineRow row = data.row(i);
        const int c = row.category;
        row.category = c >= 0 && c < all.size() ? map[c] : -1;
        builder.add(row, data.titleUtf8(i));
    }
    return std::move(builder).build();
}

QString rangeText(const std::optional<PartialDate> &from, const std::optional<PartialDate> &to) {
    if (from && to)
        return FigureLanguage::translate("TimelineFigure", "no events between %1 and %2")
            .arg(from->toIsoString(), to->toIsoString());
    if (from)
        return FigureLanguage::translate("TimelineFigure", "no events on or after %1")
            .arg(from->toIsoString());
    if (to)
        return FigureLanguage::translate("TimelineFigure", "no events on or before %1")
            .arg(to->toIsoString());
    return FigureLanguage::translate("TimelineFigure", "no events to export");
}

QPen hairline(const QColor &c, double width = 1.0) {
    QPen pen(c, width);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}
} // namespace

// ---------------------------------------------------------------------------------------

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
    f.m_options.printScale = std::clamp(options.printScale, 0.25, 4.0);
    setScale(std::clamp(options.fontScale * f.m_options.printScale, 0.5, 6.0));
}

void TimelineFigureBuilder::setScale(double scale) {
    TimelineFigure &f = *m_figure;
    m_scale = scale;
    f.m_textScale = scale;
    const double s = m_scale;
    const double floor = TimelineFigure::MinTextSize * f.m_options.printScale;

    // The timeline's fonts are the screen's, scaled; the figure's own text uses the same
    // family so that the page reads as one piece.
    LayoutOptions &lo = m_layoutOptions;
    lo = LayoutOptions();
    lo.locale = FigureLanguage::locale();
    lo.labelFont = sizedFont(lo.labelFont, 12 * s, floor);
    lo.headerFont = sizedFont(lo.headerFont, 12 * s, floor);
    lo.axisFont = sizedFont(lo.axisFont, 11 * s, floor);
    lo.smallFont = sizedFont(lo.smallFont, 10 * s, floor);
    lo.maxLabelWidth = 300 * s;
    lo.labelEveryEvent = true;
    lo.dateLabels = f.m_options.dateLabels;
    lo.showDensity = false;
    lo.minRowsPerLane = 1;

    QFont base = lo.labelFont;
    QFont bold = base;
    bold.setWeight(QFont::DemiBold);
    f.m_fonts[Figure::Title] = sizedFont(bold, 22 * s, floor);
    f.m_fonts[Figure::Subtitle] = sizedFont(base, 14 * s, floor);
    f.m_fonts[Figure::Legend] = sizedFont(base, 11 * s, floor);
    f.m_fonts[Figure::Heading] = sizedFont(bold, 11 * s, floor);
    f.m_fonts[Figure::NoteNumber] = sizedFont(base, 10 * s, floor);
    f.m_fonts[Figure::NoteText] = sizedFont(base, 10 * s, floor);
    f.m_fonts[Figure::Attribution] = sizedFont(base, 10 * s, floor);
    f.m_fonts[Figure::Remark] = sizedFont(base, 11 * s, floor);
    f.m_fonts[Figure::Title].setKerning(true);
    f.m_fonts[Figure::Subtitle].setKerning(true);

    const QSizeF size = f.m_options.size;
    m_margin = std::clamp(std::round(std::min(size.width(), size.height()) * 0.04), 20.0, 64.0);
    m_contentWidth = size.width() - 2 * m_margin;
    m_columnGap = std::round(24 * s);
    const double minColumn = 330 * s;
    m_columns = std::clamp(int((m_contentWidth + m_columnGap) / (minColumn + m_columnGap)), 1, 4);
    m_columnWidth = (m_contentWidth - (m_columns - 1) * m_columnGap) / m_columns;
    const QFontMetricsF fm(f.m_fonts[TimelineFigure::NoteNumber]);
    m_gutter = std::ceil(fm.horizontalAdvance(u"[000]"_s) + 6 * m_scale);
}

std::shared_ptr<const TimelineLayout> TimelineFigureBuilder::layoutFor(double height) const {
    LayoutOptions options = m_layoutOptions;
    if (m_figure->m_options.noteStyle != FigureOptions::NoteStyle::None) {
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

// Title and subtitle from `top`, wrapped, never cut; returns the y below them.
double TimelineFigureBuilder::layoutHeader(TimelineFigure::Page &page, double top) const {
    const TimelineFigure &f = *m_figure;
    double y = top;
    const QString title = f.m_options.title.simplified();
    const QString subtitle = f.m_options.subtitle.simplified();
    if (!title.isEmpty()) {
        const QFontMetricsF fm(f.m_fonts[TimelineFigure::Title]);
        for (const QString &line : FigureText::wrap(title, fm, m_contentWidth - 2)) {
            page.texts.append({QPointF(m_margin, y), line, TimelineFigure::Title, {}});
            y += textHeight(TimelineFigure::Title);
        }
        y += std::round(2 * m_scale);
    }
    if (!subtitle.isEmpty()) {
        const QFontMetricsF fm(f.m_fonts[TimelineFigure::Subtitle]);
        for (const QString &line : FigureText::wrap(subtitle, fm, m_contentWidth - 2)) {
            page.texts.append({QPointF(m_margin, y), line, TimelineFigure::Subtitle, {}});
            y += textHeight(TimelineFigure::Subtitle);
        }
    }
    if (y > top)
        y += std::round(12 * m_scale);
    return y;
}

TimelineFigureBuilder::Plan TimelineFigureBuilder::plan(FigureOptions::NoteStyle style,
                                                        double timelineHeight) const {
    Plan plan;
    TimelineFigure::Page scratch;
    plan.timelineTop = layoutHeader(scratch, m_margin);
    plan.layout = layoutFor(timelineHeight);
    plan.legendHeight = layoutLegend(scratch, *plan.layout, 0);
    plan.notes = notesFor(*plan.layout, style);
    // Folding thousands of events is helped neither by smaller text nor by shorter notes.
    plan.hopeless = foldedEvents(*plan.layout).size() > 200;
    plan.remarksHeight = layoutRemarks(scratch, foldedRemarks(*plan.layout, plan.notes), 0);
    plan.notesHeight = plan.notes.isEmpty() ? 0 : balancedHeight(plan.notes, 0, plan.notes.size());
    const double legendGap = std::round(12 * m_scale);
    const double notesBlock = plan.notes.isEmpty()
                                  ? 0
                                  : std::round(18 * m_scale) + 2 * std::round(5 * m_scale) +
                                        textHeight(TimelineFigure::Heading);
    plan.firstPage = plan.timelineTop + plan.layout->contentHeight() + std::round(6 * m_scale) +
                     legendGap + plan.legendHeight + plan.remarksHeight;
    plan.needed = plan.firstPage + notesBlock + plan.notesHeight;
    return plan;
}

std::shared_ptr<const TimelineFigure> TimelineFigureBuilder::run(QString *error) {
    TimelineFigure &f = *m_figure;
    const FigureOptions &o = f.m_options;

    // The range, and only the events in it.
    const qint64 first = o.from ? o.from->firstJulianDay() : m_data.minDay();
    const qint64 last = o.to ? o.to->lastJulianDay() : m_data.maxDay();
    if (o.from && o.to && first > last) {
        if (error)
            *error = FigureLanguage::translate("TimelineFigure", "the start %1 is after the end %2")
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

    // The page plan: header, timeline, remarks on what was folded, legend, notes, footer.
    // The timeline takes the height its labels need; if everything fits, the room left goes
    // to it as air. If not: short notes instead of full ones (PNG, SVG), then smaller text
    // (never below 7 pt), then notes on further pages (PDF) or a taller page.
    const QSizeF size = o.size;
    const auto footerHeight = [&] {
        return o.footer ? textHeight(TimelineFigure::Attribution) + std::round(12 * m_scale) : 0.0;
    };
    const auto bodyBottom = [&] {
        return size.height() - m_margin - footerHeight();
    };
    const double startScale = m_scale;
    const double minScale = std::min(startScale, TimelineFigure::MinTextSize * o.printScale / 12.0);
    FigureOptions::NoteStyle style = o.noteStyle;
    Plan chosen;
    bool fits = false;
    for (double scale = startScale;; scale = std::max(minScale, scale * 0.93)) {
        setScale(scale);
        QList<FigureOptions::NoteStyle> styles{o.noteStyle};
        if (o.noteStyle == FigureOptions::NoteStyle::Full && !o.paginate)
            styles << FigureOptions::NoteStyle::Short;
        for (FigureOptions::NoteStyle s : styles) {
            chosen = plan(s, 1);
            style = s;
            if (chosen.needed <= bodyBottom() + 0.5) {
                fits = true;
                break;
            }
            if (chosen.hopeless)
                break;
        }
        // A PDF continues its notes on further pages: the first page needs only the timeline.
        if (!fits && o.paginate && chosen.firstPage <= bodyBottom() + 0.5)
            break;
        if (fits || chosen.hopeless || !o.shrinkToFit || scale <= minScale + 1e-9)
            break;
    }
    if (!fits && o.paginate && style != o.noteStyle) {
        style = o.noteStyle;
        chosen = plan(style, 1);
    }
    const double legendGap = std::round(12 * m_scale);
    const double notesGap = std::round(18 * m_scale);
    const double headingPad = std::round(5 * m_scale);
    const double headingHeight = 2 * headingPad + textHeight(TimelineFigure::Heading);
    if (fits) {
        // The room left goes to the timeline as air between its rows.
        const double room = bodyBottom() - chosen.needed;
        chosen.layout = layoutFor(chosen.layout->contentHeight() + room);
    } else if (o.paginate && chosen.firstPage <= bodyBottom() + 0.5) {
        // The notes start on the next page when fewer than a few of their lines would fit
        // on this one: then this page's room goes to the timeline.
        const double noteRoom = bodyBottom() - chosen.firstPage - notesGap - headingHeight;
        if (noteRoom < 3 * textHeight(TimelineFigure::NoteText))
            chosen.layout =
                layoutFor(chosen.layout->contentHeight() + bodyBottom() - chosen.firstPage);
    }
    const std::shared_ptr<const TimelineLayout> layout = chosen.layout;
    f.m_layout = layout;
    // Each label links to its event's first source that has an address.
    for (const PlacedEvent &e : layout->events()) {
        for (const FigureSource &s : m_sources.value(e.id)) {
            if (!s.address().isEmpty()) {
                f.m_labelLinks.insert(e.id, s.address());
                break;
            }
        }
    }

    TimelineFigure::Page page;
    page.hasTimeline = true;
    const double timelineTop = layoutHeader(page, m_margin);
    const double timelineBottom = timelineTop + layout->contentHeight();
    f.m_timelineRect = QRectF(m_margin, timelineTop, m_contentWidth, timelineBottom - timelineTop);
    const QList<NoteBlock> &notes = chosen.notes;
    const QStringList remarks = foldedRemarks(*layout, notes);
    double y = timelineBottom + std::round(6 * m_scale);
    y += layoutRemarks(page, remarks, y);
    y += legendGap;
    y += layoutLegend(page, *layout, y);
    double contentBottom = y;

    for (const NoteBlock &n : notes)
        f.m_notes.append(n.note);
    const auto addHeading = [&](TimelineFigure::Page &p, double top, const QString &text) {
        p.rules.append(QLineF(m_margin, top, m_margin + m_contentWidth, top));
        p.texts.append({QPointF(m_margin, top + headingPad), text, TimelineFigure::Heading, {}});
        return top + headingHeight;
    };
    QList<TimelineFigure::Page> pages;
    if (!notes.isEmpty()) {
        const double notesTop = y + notesGap;
        const double room = bodyBottom() - (notesTop + headingHeight);
        const double balanced = balancedHeight(notes, 0, notes.size());
        if (balanced <= room + 0.5 || !o.paginate) {
            const double top =
                addHeading(page, notesTop, FigureLanguage::translate("TimelineFigure", "Sources"));
            placeNotes(page, notes, 0, notes.size(), top, balanced);
            contentBottom = top + balanced;
            pages.append(page);
        } else {
            // Page one holds what fits (if that is more than a few lines), the rest follows.
            const qsizetype next0 =
                room >= 3 * textHeight(TimelineFigure::NoteText) ? fill(notes, 0, room) : 0;
            if (next0 > 0) {
                const double top = addHeading(
                    page, notesTop, FigureLanguage::translate("TimelineFigure", "Sources"));
                placeNotes(page, notes, 0, next0, top, room);
            }
            pages.append(page);
            const double pageRoom = bodyBottom() - m_margin - headingHeight;
            qsizetype next = next0;
            while (next < notes.size()) {
                TimelineFigure::Page more;
                const double top = addHeading(
                    more, m_margin,
                    next == 0 ? FigureLanguage::translate("TimelineFigure", "Sources")
                              : FigureLanguage::translate("TimelineFigure", "Sources (continued)"));
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
    const double footer = size.height() - bodyBottom();
    const double pageHeight = contentBottom + footer > size.height() + 0.01
                                  ? std::ceil(contentBottom + footer)
                                  : size.height();
    f.m_pageSize = QSizeF(size.width(), pageHeight);

    // What was folded, in one line for the command line.
    const qsizetype folded = foldedEvents(*layout).size();
    f.m_foldedCount = folded;
    if (folded > 0) {
        const bool listed = std::any_of(notes.cbegin(), notes.cend(),
                                        [](const NoteBlock &n) { return n.note.folded; });
        f.m_foldedSummary =
            (listed ? FigureLanguage::translate(
                          "TimelineFigure",
                          "%1 of %2 events not labelled in the figure (listed in its notes)")
                    : FigureLanguage::translate(
                          "TimelineFigure",
                          "%1 of %2 events not labelled in the figure (too many to list; narrow "
                          "the range or the filters)"))
                .arg(folded)
                .arg(f.m_eventCount);
    }

    // The attribution line, at the foot of every page.
    QStringList parts{u"ChipTimeline"_s};
    if (o.asOfRevision > 0)
        parts
            << FigureLanguage::translate("TimelineFigure", "as of revision %1").arg(o.asOfRevision);
    if (o.exportDate.isValid())
        parts << FigureLanguage::translate("TimelineFigure", "exported %1")
                     .arg(o.exportDate.toString(Qt::ISODate));
    // Counts as the lanes give theirs, in the figure's locale ("100,000", "100.000").
    const QLocale locale = FigureLanguage::locale();
    parts << (f.m_eventCount == 1 ? FigureLanguage::translate("TimelineFigure", "1 event")
                                  : FigureLanguage::translate("TimelineFigure", "%1 events")
                                        .arg(locale.toString(qlonglong(f.m_eventCount)))) +
                 u", "_s +
                 (f.m_sourceCount == 1 ? FigureLanguage::translate("TimelineFigure", "1 source")
                                       : FigureLanguage::translate("TimelineFigure", "%1 sources")
                                             .arg(locale.toString(qlonglong(f.m_sourceCount))));
    f.m_attribution = parts.join(u" \u00b7 "_s);
    const double attributionTop = pageHeight - m_margin - textHeight(TimelineFigure::Attribution);
    for (qsizetype k = 0; k < pages.size(); ++k) {
        QString text = f.m_attribution;
        if (pages.size() > 1)
            text += u" \u00b7 "_s + FigureLanguage::translate("TimelineFigure", "page %1 of %2")
                                        .arg(k + 1)
                                        .arg(pages.size());
        if (o.footer)
            pages[k].texts.append(
                {QPointF(m_margin, attributionTop), text, TimelineFigure::Attribution, {}});
    }
    f.m_pages = std::move(pages);
    return std::shared_ptr<const TimelineFigure>(m_figure.release());
}

// ---------------------------------------------------------------------------------------

std::shared_ptr<const TimelineFigure> TimelineFigure::compose(const TimelineData &data,
                                                              const FigureSources::Map &sources,
                                                              const FigureOptions &options,
                                                              QString *error) {
    const FigureLanguage::Scope language(options.language);
    TimelineFigureBuilder builder(data, sources, options);
    return builder.run(error);
}

QList<TimelineFigure::Link> TimelineFigure::links(int pageIndex) const {
    QList<Link> links;
    if (pageIndex < 0 || pageIndex >= m_pages.size())
        return links;
    for (const Text &t : m_pages[pageIndex].texts) {
        if (t.href.isEmpty())
            continue;
        const QFontMetricsF fm(m_fonts[t.role]);
        links.append(
            {QRectF(t.topLeft, QSizeF(fm.horizontalAdvance(t.text), fm.height())), t.href});
    }
    if (m_pages[pageIndex].hasTimeline) {
        const QPointF at = m_timelineRect.topLeft();
        for (const PlacedEvent &e : m_layout->events()) {
            const auto link = m_labelLinks.constFind(e.id);
            if (link == m_labelLinks.cend())
                continue;
            links.append({e.textRect.translated(at), *link});
            if (!e.secondLine.isEmpty())
                links.append({e.secondLineRect.translated(at), *link});
        }
    }
    return links;
}

QList<TimelineFigure::TextBox> TimelineFigure::textBoxes(int pageIndex) const {
    QList<TextBox> boxes;
    if (pageIndex < 0 || pageIndex >= m_pages.size())
        return boxes;
    const Page &page = m_pages[pageIndex];
    for (const Text &t : page.texts) {
        const QFontMetricsF fm(m_fonts[t.role]);
        boxes.append(
            {QRectF(t.topLeft, QSizeF(fm.horizontalAdvance(t.text), fm.height())), t.text});
    }
    if (!page.hasTimeline)
        return boxes;
    const QPointF at = m_timelineRect.topLeft();
    const LayoutOptions &lo = m_layout->options();
    for (const PlacedEvent &e : m_layout->events()) {
        boxes.append({e.textRect.translated(at), e.text});
        if (!e.secondLine.isEmpty())
            boxes.append({e.secondLineRect.translated(at), e.secondLine});
    }
    const QFontMetricsF header(lo.headerFont);
    for (const LaneBox &lane : m_layout->lanes()) {
        const double left = lane.category >= 0 ? 28 : 10;
        const double step = std::ceil(header.lineSpacing());
        for (qsizetype k = 0; k < lane.nameLines.size(); ++k)
            boxes.append({QRectF(left, lane.rect.top() + 7 + double(k) * step,
                                 header.horizontalAdvance(lane.nameLines[k]), header.height())
                              .translated(at),
                          lane.nameLines[k]});
    }
    const QFontMetricsF axis(lo.axisFont);
    const double rowH = m_layout->axisRowHeight();
    const double textTop = m_layout->axisRect().top() + (rowH - axis.height()) / 2;
    for (const TimeTick &t : m_layout->ticks().context) {
        if (!t.label.isEmpty())
            boxes.append({QRectF(t.labelX, textTop, axis.horizontalAdvance(t.label), axis.height())
                              .translated(at),
                          t.label});
    }
    for (const TimeTick &t : m_layout->ticks().major) {
        if (!t.label.isEmpty())
            boxes.append(
                {QRectF(t.labelX, textTop + rowH, axis.horizontalAdvance(t.label), axis.height())
                     .translated(at),
                 t.label});
    }
    return boxes;
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
        options.labelLinks = m_labelLinks;
        options.relationArcs = m_options.relationArcs;
        TimelinePainter::paint(p, *m_layout, m_theme, options);
        p.restore();
    }
    for (const LegendItem &item : page.legend)
        paintLegendSwatch(p, item);
    p.setPen(hairline(m_theme.laneSeparator));
    for (const QLineF &line : page.rules)
        p.drawLine(line);

    const std::array<QColor, RoleCount> colors = {
        m_theme.labelText,  m_theme.labelMuted, m_theme.labelText,    m_theme.headerText,
        m_theme.labelMuted, m_theme.labelText,  m_theme.headerDetail, m_theme.labelText};
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
        TimelinePainter::drawLinkedText(p, t.topLeft, ascents[t.role], t.text, t.href);
    }
    p.restore();
}
