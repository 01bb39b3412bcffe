// Figures: every event of a lane with its whole label. Unlike the screen, which tries a bounded
// number of candidates per bin and folds the rest into "+N", a figure is laid out once for a
// page, and what it leaves out is lost to its reader. So each event is tried in every row of its
// lane (up to LayoutOptions::figureMaxRows), with its label on one line or wrapped to two,
// right or left of its mark, inside or above its bar; rows are added as they are needed and the
// lane takes their height. Rows are counted before any y is known: the lanes are stacked, and
// the room the viewport has left is shared out as air between rows, afterwards.

#include "ui/render/TimelineLayoutBuilder.h"

#include "ui/render/FigureLanguage.h"

#include "ui/render/FigureText.h"

#include <QCoreApplication>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Where a text of `width` may break into two lines: the space that makes the wider of the two
// lines narrowest. Returns false when the text has no space.
bool balancedBreak(const QString &text, const TextMeasurer &measure, QString &first,
                   QString &second) {
    qsizetype best = -1;
    double bestWidth = 0;
    for (qsizetype k = text.indexOf(u' '); k > 0; k = text.indexOf(u' ', k + 1)) {
        const double w =
            std::max(measure.width(text.left(k)), measure.width(text.mid(k + 1).trimmed()));
        if (best < 0 || w < bestWidth) {
            best = k;
            bestWidth = w;
        }
    }
    if (best < 0)
        return false;
    first = text.left(best).trimmed();
    second = text.mid(best + 1).trimmed();
    return true;
}

} // namespace

QString TimelineLayoutBuilder::figureLabelText(qsizetype i) const {
    const TimelineData &d = m_layout->data();
    QString title = FigureText::capped(QString::fromUtf8(d.titleUtf8(i)).simplified());
    if (title.isEmpty())
        title = FigureLanguage::translate("TimelineLayout", "(untitled)");
    if (!m_layout->m_options.dateLabels)
        return title;
    const QLocale &locale = m_layout->m_options.locale;
    const DatePrecision precision = d.precision(i);
    QString when = FigureText::dateText(d.firstDay(i), precision, locale);
    if (d.isRange(i) && d.lastDay(i) != d.firstDay(i)) {
        const QString end = FigureText::dateText(d.lastDay(i), precision, locale);
        if (end != when)
            when += u" \u2013 "_s + end;
    }
    return when + u" \u2014 "_s + title;
}

bool TimelineLayoutBuilder::placeFigureLabel(const Candidate &c, std::vector<RowOccupancy> &rows,
                                             FigureLabel &out) const {
    const TimelineLayout &L = *m_layout;
    const TimelineData &d = L.data();
    const LayoutOptions &opt = L.m_options;
    const Geometry g = geometryOf(c);
    const double timeLeft = L.m_timeArea.left();
    const double timeRight = L.m_timeArea.right();
    const double g2 = SlotGap / 2;
    const bool isPoint = g.shape == MarkShape::Point;

    int note = 0;
    if (opt.hasNote)
        note = opt.hasNote(d.id(c.index)) ? -1 : 0;
    else if (!opt.noteNumbers.isEmpty())
        note = opt.noteNumbers.value(d.id(c.index), 0);
    const bool unsourced = c.flags & TimelineData::UnsourcedFlag;
    const double noteWidth = note > 0 ? m_fmSmall.horizontalAdvance(QString::number(note)) + 2
                                      : (note < 0 ? m_noteReserve : 0);
    const double extras = noteWidth + (unsourced ? m_badgeSize + 4 : 0);

    // The text on one line, and on two when it is wider than a line may be.
    const QString text = figureLabelText(c.index);
    const double oneWidth = m_measure.width(text);
    const double maxLine = std::max(m_minLabelWidth, opt.maxLabelWidth);
    QString first, second;
    const bool canWrap = balancedBreak(text, m_measure, first, second);
    const double w1 = canWrap ? m_measure.width(first) : 0;
    const double w2 = canWrap ? m_measure.width(second) : 0;
    const double twoWidth = std::max(w1, w2 + extras);
    const double timeWidth = timeRight - timeLeft;

    struct Option {
        int lines;
        double width; // the label's, note and badge included
    };
    QList<Option> shapes;
    if (oneWidth + extras <= maxLine)
        shapes.append({1, oneWidth + extras});
    if (canWrap)
        shapes.append({2, twoWidth});
    if (shapes.isEmpty() || (oneWidth + extras > maxLine && (!canWrap || twoWidth > maxLine)))
        shapes.append({1, oneWidth + extras}); // wider than a label should be, but whole
    const double barWidth = g.markRight - g.markLeft;
    // The label in `lines` lines from `row`, its text starting at `textLeft`.
    const auto labelOf = [&](int lines, int row, int markRow, bool onLeft, double textLeft) {
        FigureLabel label;
        label.candidate = c;
        label.geometry = g;
        label.row = row;
        label.lines = lines;
        label.markRow = markRow;
        label.onLeft = onLeft;
        label.textLeft = textLeft;
        label.line1 = lines == 1 ? text : first;
        label.line2 = lines == 1 ? QString() : second;
        label.width1 = lines == 1 ? oneWidth : w1;
        label.width2 = lines == 1 ? 0.0 : w2;
        label.note = note;
        return label;
    };

    const auto isFree = [&](int row, double a, double b) {
        return size_t(row) < rows.size() && rows[size_t(row)].isFree(a, b);
    };
    const auto take = [&](int row, double a, double b) {
        rows[size_t(row)].insert({a, b});
    };
    const int maxRows = int(rows.size());
    for (int r = 0; r < maxRows; ++r) {
        for (const Option &shape : shapes) {
            const int last = r + shape.lines - 1;
            if (last >= maxRows)
                continue;
            const auto freeRows = [&](double a, double b, int from, int to) {
                for (int k = from; k <= to; ++k) {
                    if (!isFree(k, a, b))
                        return false;
                }
                return true;
            };
            // Inside a bar: one line that fits with 6 units to spare at each end.
            if (!isPoint && shape.lines == 1 && shape.width <= barWidth - 12 &&
                freeRows(g.markLeft - g2, g.markRight + g2, r, r)) {
                out = labelOf(1, r, -1, false, g.markLeft + 6);
                out.inside = true;
                take(r, g.markLeft - g2, g.markRight + g2);
                return true;
            }
            // Right of the mark, then left of it.
            const double rightLeft = g.markRight + LabelGap;
            const double rightEnd = rightLeft + shape.width;
            if (rightEnd <= timeRight && freeRows(g.markLeft - g2, rightEnd + g2, r, last)) {
                out = labelOf(shape.lines, r, -1, false, rightLeft);
                for (int k = r; k <= last; ++k)
                    take(k, g.markLeft - g2, rightEnd + g2);
                return true;
            }
            const double leftStart = g.markLeft - LabelGap - shape.width;
            if (leftStart >= timeLeft && freeRows(leftStart - g2, g.markRight + g2, r, last)) {
                out = labelOf(shape.lines, r, -1, true, leftStart);
                for (int k = r; k <= last; ++k)
                    take(k, leftStart - g2, g.markRight + g2);
                return true;
            }
            // Above a bar: the text starts where the bar does (moved left to stay in the
            // plot), the bar takes the row under it.
            if (!isPoint && last + 1 < maxRows && shape.width <= timeWidth) {
                const double textLeft =
                    std::max(timeLeft, std::min(g.markLeft, timeRight - shape.width));
                const double a = std::min(textLeft, g.markLeft) - g2;
                const double b = std::max(textLeft + shape.width, g.markRight) + g2;
                if (freeRows(textLeft - g2, textLeft + shape.width + g2, r, last) &&
                    freeRows(a, b, last + 1, last + 1)) {
                    out = labelOf(shape.lines, r, last + 1, false, textLeft);
                    for (int k = r; k <= last; ++k)
                        take(k, textLeft - g2, textLeft + shape.width + g2);
                    take(last + 1, a, b);
                    return true;
                }
            }
        }
    }
    return false;
}

TimelineLayoutBuilder::FigureLane TimelineLayoutBuilder::placeFigureLane(int laneIndex,
                                                                         double nameWidth) const {
    const TimelineLayout &L = *m_layout;
    const TimelineIndex::Lane &lane = L.index().lane(laneIndex);
    const LayoutOptions &opt = L.m_options;
    FigureLane result;

    // The lane's name, wrapped at spaces (a word wider than the header is cut at a character).
    const QString name = lane.name.simplified();
    QString line;
    for (const QString &word : name.split(u' ', Qt::SkipEmptyParts)) {
        const QString candidate = line.isEmpty() ? word : line + u' ' + word;
        if (line.isEmpty() || m_fmHeader.horizontalAdvance(candidate) <= nameWidth) {
            line = candidate;
            continue;
        }
        result.nameLines << line;
        line = word;
    }
    if (!line.isEmpty() || result.nameLines.isEmpty())
        result.nameLines << line;
    for (QString &l : result.nameLines) {
        if (m_fmHeader.horizontalAdvance(l) > nameWidth)
            l = m_fmHeader.elidedText(l, Qt::ElideRight, nameWidth);
    }

    // The lane's visible events, most important first, then in time order.
    std::vector<Candidate> candidates;
    const qint64 s = L.m_firstVisibleDay;
    const qint64 e = L.m_endVisibleDay;
    for (quint32 i : lane.events) {
        const Candidate c = candidateOf(i);
        if (c.lastDay >= s && c.firstDay < e)
            candidates.push_back(c);
    }
    result.visible = qsizetype(candidates.size());
    // Each label takes the first row where it fits, in time order or most important first.
    const auto placeAll = [&](const std::vector<Candidate> &order, FigureLane &into) {
        std::vector<RowOccupancy> rows(size_t(std::max(1, opt.figureMaxRows)));
        for (const Candidate &c : order) {
            FigureLabel label;
            if (placeFigureLabel(c, rows, label)) {
                into.rows = std::max({into.rows, label.row + label.lines, label.markRow + 1});
                into.labels.push_back(std::move(label));
            } else {
                into.unplaced.push_back(c.index);
            }
        }
    };
    // Both orders are tried; the one that folds fewer events, then uses fewer rows, wins.
    placeAll(candidates, result);
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) {
                         return (a.flags & TimelineData::ImportanceMask) >
                                (b.flags & TimelineData::ImportanceMask);
                     });
    FigureLane byImportance;
    byImportance.nameLines = result.nameLines;
    byImportance.visible = result.visible;
    placeAll(candidates, byImportance);
    if (byImportance.unplaced.size() < result.unplaced.size() ||
        (byImportance.unplaced.size() == result.unplaced.size() &&
         byImportance.rows <= result.rows))
        result = std::move(byImportance);
    std::sort(result.unplaced.begin(), result.unplaced.end());
    return result;
}

void TimelineLayoutBuilder::addFigureLabel(const FigureLabel &f, int laneIndex, double rowsTop,
                                           double pitch) {
    TimelineLayout &L = *m_layout;
    const TimelineData &d = L.data();
    const Candidate &c = f.candidate;
    const Geometry &g = f.geometry;
    const double lineSpacing = std::ceil(m_fmLabel.lineSpacing());
    // The text block: one line centred in its row, two lines centred on their rows' boundary.
    const double blockTop = rowsTop + f.row * pitch;
    const double blockHeight = f.lines * pitch;
    const double textHeight = m_labelHeight + (f.lines - 1) * lineSpacing;
    const double textTop = blockTop + (blockHeight - textHeight) / 2;
    const double cy =
        f.markRow >= 0 ? rowsTop + f.markRow * pitch + pitch / 2 : blockTop + blockHeight / 2;

    PlacedEvent p;
    p.index = c.index;
    p.id = d.id(c.index);
    p.lane = laneIndex;
    p.row = f.row;
    p.category = d.category(c.index);
    p.shape = g.shape;
    p.status = EventStatus((c.flags & TimelineData::StatusMask) >> TimelineData::StatusShift);
    p.importance =
        quint8((c.flags & TimelineData::ImportanceMask) >> TimelineData::ImportanceShift);
    p.unsourced = c.flags & TimelineData::UnsourcedFlag;
    p.noSourceAddress = c.flags & TimelineData::NoAddressFlag;
    p.continuesLeft = g.continuesLeft;
    p.continuesRight = g.continuesRight;
    p.labelOnLeft = f.onLeft;
    const double barWidth = g.markRight - g.markLeft;
    const double barHeight = m_rowHeight - 4;
    if (g.shape == MarkShape::Point)
        p.markRect = QRectF(g.markLeft, cy - barWidth / 2, barWidth, barWidth);
    else
        p.markRect = QRectF(g.markLeft, cy - barHeight / 2, barWidth, barHeight);
    p.textRect = QRectF(f.textLeft, textTop, f.width1, m_labelHeight);
    p.text = f.line1;
    double lastRight = p.textRect.right();
    double lastTop = p.textRect.top();
    if (f.lines == 2) {
        p.secondLine = f.line2;
        p.secondLineRect = QRectF(f.textLeft, textTop + lineSpacing, f.width2, m_labelHeight);
        lastRight = p.secondLineRect.right();
        lastTop = p.secondLineRect.top();
    }
    double x = lastRight;
    if (f.note != 0) {
        p.noteNumber = f.note;
        const double noteWidth =
            f.note > 0 ? m_fmSmall.horizontalAdvance(QString::number(f.note)) + 2 : m_noteReserve;
        // Raised as a superscript, but not into a first line above it.
        p.noteRect =
            QRectF(x + 1, f.lines == 2 ? lastTop : lastTop - 2, noteWidth - 1, m_smallHeight);
        x += noteWidth;
    }
    if (p.unsourced) {
        p.badgeRect =
            QRectF(x + 3, lastTop + (m_labelHeight - m_badgeSize) / 2, m_badgeSize, m_badgeSize);
        x += m_badgeSize + 4;
    }
    QRectF label = p.textRect.united(p.secondLineRect.isNull() ? p.textRect : p.secondLineRect);
    label.setRight(std::max(label.right(), x));
    if (f.note != 0 && f.lines == 1)
        label.setTop(label.top() - 2);
    p.labelRect = label;
    p.elided = f.elided;
    L.m_events.append(std::move(p));
}

void TimelineLayoutBuilder::addFigureClusters(const FigureLane &lane, int laneIndex,
                                              const LaneBox &box) {
    TimelineLayout &L = *m_layout;
    const TimelineData &d = L.data();
    const double ppd = L.m_scale.pixelsPerDay();
    QList<ClusterMark> clusters;
    for (quint32 i : lane.unplaced) {
        const qint64 first = std::max<qint64>(d.firstDay(i), L.m_firstVisibleDay);
        const qint64 bin = qint64(std::floor((double(first) + 0.5 - RefDay) * ppd / m_binWidth));
        const qint64 from = qint64(std::ceil(RefDay + double(bin) * m_binWidth / ppd - 0.5));
        const qint64 to = qint64(std::ceil(RefDay + double(bin + 1) * m_binWidth / ppd - 0.5));
        if (!clusters.isEmpty() && clusters.last().toDay > first) {
            ++clusters.last().count;
            makePill(clusters.last(), clusters.last().rect.center().x(), box.stripRect.top());
            continue;
        }
        ClusterMark c;
        c.lane = laneIndex;
        c.count = 1;
        c.fromDay = std::max(from, L.m_firstVisibleDay);
        c.toDay = std::min(to, L.m_endVisibleDay);
        c.includesCarryIn = d.firstDay(i) < L.m_firstVisibleDay;
        makePill(c, L.xForDay(double(first) + 0.5), box.stripRect.top());
        while (!clusters.isEmpty() && c.rect.left() < clusters.last().rect.right() + 4) {
            ClusterMark prev = clusters.takeLast();
            prev.count += c.count;
            prev.toDay = c.toDay;
            prev.includesCarryIn = prev.includesCarryIn || c.includesCarryIn;
            makePill(prev, (prev.rect.center().x() + c.rect.center().x()) / 2, box.stripRect.top());
            c = prev;
        }
        clusters.append(c);
    }
    L.m_clusters.append(clusters);
}

void TimelineLayoutBuilder::layoutFigureLanes(double lanesTop, double headerWidth, double timeWidth,
                                              double width) {
    TimelineLayout &L = *m_layout;
    const TimelineIndex &index = L.index();
    const LayoutOptions &opt = L.m_options;
    const int laneCount = index.laneCount();
    const double nameWidth = headerWidth - SwatchSize - 3 * HeaderPad;
    // The time area's x is known already; its height follows from the lanes.
    L.m_timeArea = QRectF(headerWidth, lanesTop, timeWidth, 0);

    const double headerLine = std::ceil(m_fmHeader.lineSpacing());
    const double detailHeight = std::ceil(m_fmSmall.height()) + 2;

    std::vector<FigureLane> lanes(static_cast<size_t>(laneCount));
    std::vector<bool> bounded(size_t(laneCount), false);
    int totalRows = 0;
    double fixedHeight = 0;
    for (int l = 0; l < laneCount; ++l) {
        FigureLane &lane = lanes[size_t(l)];
        if (qsizetype(index.lane(l).events.size()) > opt.figureMaxEventsPerLane) {
            bounded[size_t(l)] = true; // the screen's placement, rows as the viewport allows
            lane.rows = m_rows;
            lane.nameLines =
                QStringList{m_fmHeader.elidedText(index.lane(l).name, Qt::ElideRight, nameWidth)};
        } else {
            lane = placeFigureLane(l, nameWidth);
        }
        totalRows += std::max(1, lane.rows);
        const bool strip = bounded[size_t(l)] || !lane.unplaced.empty();
        const double header = 7 + lane.nameLines.size() * headerLine + detailHeight + 4;
        const double rowsHeight = std::max(1, lane.rows) * m_rowHeight;
        const double own = LanePadTop + LanePadBottom + (strip ? m_stripHeight : 0);
        fixedHeight += std::max(own + rowsHeight, header) - rowsHeight;
    }
    // Room the viewport has beyond the rows goes to them as air, up to most of a row each.
    const double natural = lanesTop + fixedHeight + totalRows * m_rowHeight + 2;
    const double spare = std::max(0.0, L.m_viewport.height() - natural);
    const double air = totalRows > 0 ? std::min(spare / totalRows, 0.75 * m_rowHeight) : 0.0;
    const double pitch = m_rowHeight + air;

    double top = lanesTop;
    for (int l = 0; l < laneCount; ++l) {
        FigureLane &lane = lanes[size_t(l)];
        const bool strip = bounded[size_t(l)] || !lane.unplaced.empty();
        const int rows = std::max(1, lane.rows);
        const double header = 7 + lane.nameLines.size() * headerLine + detailHeight + 4;
        const double stripHeight = strip ? m_stripHeight : 0;
        const double laneHeight =
            std::max(LanePadTop + rows * pitch + stripHeight + LanePadBottom, header);
        LaneBox box;
        box.lane = l;
        box.rect = QRectF(0, top, width, laneHeight);
        box.headerRect = QRectF(0, top, headerWidth, laneHeight);
        box.rowsRect = QRectF(headerWidth, top + LanePadTop, timeWidth, rows * pitch);
        box.stripRect = QRectF(headerWidth, top + laneHeight - LanePadBottom - stripHeight,
                               timeWidth, stripHeight);
        box.category = index.lane(l).category;
        box.nameLines = lane.nameLines;
        box.name = lane.nameLines.join(u' ');
        const qsizetype before = L.m_events.size();
        if (bounded[size_t(l)]) {
            layoutLane(l, box);
        } else {
            for (const FigureLabel &label : lane.labels)
                addFigureLabel(label, l, top + LanePadTop, pitch);
            addFigureClusters(lane, l, box);
            box.visibleCount = lane.visible;
        }
        box.placedCount = L.m_events.size() - before;
        box.detail = laneDetail(box.visibleCount, nameWidth);
        L.m_lanes.append(box);
        top += laneHeight;
    }
    L.m_timeArea.setHeight(top - lanesTop);
    L.m_contentHeight = top + 2;
}
