#include "ui/render/TimelineLayoutBuilder.h"

#include <QCoreApplication>

#include <cmath>

using namespace Qt::StringLiterals;

LayoutOptions::LayoutOptions() {
    labelFont.setPixelSize(12);
    headerFont.setPixelSize(12);
    headerFont.setWeight(QFont::DemiBold);
    axisFont.setPixelSize(11);
    smallFont.setPixelSize(10);
    for (QFont *f : {&labelFont, &headerFont, &axisFont, &smallFont}) {
        f->setHintingPreference(QFont::PreferVerticalHinting);
        // Without kerning a Latin-1 text is as wide as the sum of its characters' advances,
        // which lets the layout measure labels from a table instead of shaping each one.
        f->setKerning(false);
    }
}

std::shared_ptr<const TimelineLayout> TimelineLayoutBuilder::run() {
    TimelineLayout &L = *m_layout;
    const TimelineIndex &index = L.index();
    const LayoutOptions &opt = L.m_options;
    const double width = std::max(1.0, L.m_viewport.width());
    const double height = std::max(1.0, L.m_viewport.height());

    const double headerWidth = headerWidthFor(index, width, opt);
    const double timeWidth = std::max(1.0, width - headerWidth - RightMargin);
    if (std::abs(L.m_scale.width() - timeWidth) > 1e-9)
        L.m_scale = L.m_scale.withWidth(timeWidth);
    L.m_axisRowHeight = std::ceil(m_fmAxis.height()) + 8;
    L.m_axisRect = QRectF(headerWidth, 0, timeWidth, 2 * L.m_axisRowHeight);
    L.m_firstVisibleDay = qint64(std::floor(L.m_scale.firstDay()));
    L.m_endVisibleDay = qint64(std::ceil(L.m_scale.lastDay()));

    m_labelHeight = m_fmLabel.height();
    m_smallHeight = m_fmSmall.height();
    m_rowHeight = std::ceil(std::max(m_labelHeight, m_fmBold.height())) + 4;
    m_stripHeight = std::ceil(m_fmSmall.height()) + 6;
    m_minLabelWidth = m_fmLabel.horizontalAdvance(u"Abcdefg\u2026"_s);
    m_binWidth = std::ceil(m_fmSmall.horizontalAdvance(u"+999k"_s) + 14);
    m_badgeSize = std::ceil(m_fmSmall.height() * 0.9);

    // Rows: as many as fill the viewport, within [min, max]; lanes then share what is left.
    const int laneCount = index.laneCount();
    const double lanesTop = L.m_axisRect.bottom() + 2;
    const double available = std::max(0.0, height - lanesTop - 2);
    const double fixed = LanePadTop + LanePadBottom + m_stripHeight + LaneGapY;
    double laneHeight = fixed + opt.minRowsPerLane * m_rowHeight;
    m_rows = std::max(1, opt.minRowsPerLane);
    if (laneCount > 0) {
        const double per = available / laneCount;
        m_rows = std::clamp(int((per - fixed) / m_rowHeight), std::max(1, opt.minRowsPerLane),
                            std::max(opt.minRowsPerLane, opt.maxRowsPerLane));
        laneHeight = fixed + m_rows * m_rowHeight;
        if (per > laneHeight) // spare room: a little air, not more rows
            laneHeight = std::min(per, laneHeight + m_rowHeight);
    }
    L.m_rowsPerLane = m_rows;
    if (opt.hasNote && opt.labelEveryEvent) {
        // A figure numbers at most every event it shows.
        const qsizetype most = std::max<qsizetype>(1, index.data().size());
        m_noteReserve =
            m_fmSmall.horizontalAdvance(QString(QString::number(most).size(), u'0')) + 2;
    } else if (opt.hasNote) {
        // Room for the widest number the frame can need: every numbered label takes at least
        // its number's room and a gap in its row, which bounds how many there can be.
        for (int digits = 1; digits < 10; ++digits) {
            m_noteReserve = m_fmSmall.horizontalAdvance(QString(digits, u'0')) + 2;
            const double most =
                double(laneCount) * m_rows * std::ceil(timeWidth / (m_noteReserve + SlotGap) + 1);
            if (most < std::pow(10.0, digits))
                break;
        }
    }
    {
        TimeTickRows ticks = TimeTicks::compute(L.m_scale, opt.locale, m_fmAxis);
        for (QList<TimeTick> *row : {&ticks.major, &ticks.context}) {
            for (TimeTick &t : *row) {
                t.x += headerWidth;
                t.labelX += headerWidth;
            }
        }
        L.m_ticks = std::move(ticks);
    }

    if (opt.labelEveryEvent) {
        layoutFigureLanes(lanesTop, headerWidth, timeWidth, width);
    } else {
        L.m_timeArea = QRectF(headerWidth, lanesTop, timeWidth, laneCount * laneHeight);
        L.m_contentHeight = lanesTop + laneCount * laneHeight + 2;

        for (int l = 0; l < laneCount; ++l) {
            LaneBox box;
            box.lane = l;
            const double top = lanesTop + l * laneHeight;
            box.rect = QRectF(0, top, width, laneHeight);
            box.headerRect = QRectF(0, top, headerWidth, laneHeight);
            box.rowsRect = QRectF(headerWidth, top + LanePadTop, timeWidth, m_rows * m_rowHeight);
            box.stripRect = QRectF(headerWidth, top + laneHeight - LanePadBottom - m_stripHeight,
                                   timeWidth, m_stripHeight);
            box.category = index.lane(l).category;
            box.name = m_fmHeader.elidedText(index.lane(l).name, Qt::ElideRight,
                                             headerWidth - SwatchSize - 3 * HeaderPad);
            box.nameLines = QStringList{box.name};
            const qsizetype before = L.m_events.size();
            layoutLane(l, box);
            box.placedCount = L.m_events.size() - before;
            box.detail = laneDetail(box.visibleCount, headerWidth - SwatchSize - 3 * HeaderPad);
            L.m_lanes.append(box);
        }
    }

    if (opt.hasNote) {
        // Number the noted placed events in time order (data order is time order).
        std::vector<quint32> noted;
        for (const PlacedEvent &p : L.m_events) {
            if (p.noteNumber < 0)
                noted.push_back(p.index);
        }
        std::sort(noted.begin(), noted.end());
        noted.erase(std::unique(noted.begin(), noted.end()), noted.end());
        for (PlacedEvent &p : L.m_events) {
            if (p.noteNumber >= 0)
                continue;
            p.noteNumber =
                int(std::lower_bound(noted.begin(), noted.end(), p.index) - noted.begin()) + 1;
            p.noteRect.setWidth(m_fmSmall.horizontalAdvance(QString::number(p.noteNumber)) + 1);
        }
        L.m_options.hasNote = nullptr; // it may refer to the caller's data
    }

    // Density strips: counts of starts per pixel column, by galloping through each lane.
    if (opt.showDensity && laneCount > 0 && L.m_firstVisibleDay < L.m_endVisibleDay) {
        const int columns = int(std::ceil(timeWidth));
        m_densityCounts.assign(size_t(columns) * size_t(laneCount), 0);
        std::vector<qint64> boundary(size_t(columns) + 1);
        for (int c = 0; c <= columns; ++c) {
            const double day = std::ceil(L.m_scale.dayForX(c) - 0.5);
            boundary[size_t(c)] =
                std::clamp<qint64>(qint64(day), L.m_firstVisibleDay, L.m_endVisibleDay);
        }
        for (int l = 0; l < laneCount; ++l) {
            const TimelineIndex::Lane &lane = index.lane(l);
            qsizetype *counts = m_densityCounts.data() + size_t(l) * size_t(columns);
            if (lane.hasDayTable()) {
                // Dense lanes: a column's count is the difference of two positions.
                qsizetype from = lane.startOfDay(boundary[0]);
                for (int c = 0; c < columns; ++c) {
                    const qsizetype to = lane.startOfDay(boundary[size_t(c) + 1]);
                    counts[c] = to - from;
                    from = to;
                }
                continue;
            }
            const auto &firsts = lane.firstDays;
            auto it = std::lower_bound(firsts.begin(), firsts.end(), boundary[0]);
            for (int c = 0; c < columns; ++c) {
                // Gallop: dense data moves a few steps, sparse data jumps.
                const qint64 to = boundary[size_t(c) + 1];
                auto end = it;
                size_t step = 1;
                while (end != firsts.end() && *end < to) {
                    const size_t left = size_t(firsts.end() - end);
                    end += qsizetype(std::min(step, left));
                    step *= 2;
                }
                end = std::lower_bound(it, end, to);
                counts[c] = qsizetype(end - it);
                it = end;
            }
        }
        // The strip shows what is hidden: placed events leave it.
        for (const PlacedEvent &p : L.m_events) {
            const qint64 first = L.data().firstDay(p.index);
            if (first < L.m_firstVisibleDay || first >= L.m_endVisibleDay)
                continue;
            const auto b = std::upper_bound(boundary.begin(), boundary.end(), first);
            const qsizetype c = qsizetype(b - boundary.begin()) - 1;
            if (c >= 0 && c < columns)
                --m_densityCounts[size_t(p.lane) * size_t(columns) + size_t(c)];
        }
        for (qsizetype n : m_densityCounts)
            m_densityMax = std::max(m_densityMax, n);
        const double logMax = std::log1p(double(std::max<qsizetype>(1, m_densityMax)));
        // Heights by count, remembered: most columns share a handful of small counts, and a
        // log1p for each of ~15k columns was a tenth of a dense layout.
        std::vector<double> heightOfCount(size_t(std::min<qsizetype>(m_densityMax + 1, 4096)),
                                          -1.0);
        for (int l = 0; l < laneCount; ++l) {
            LaneBox &box = L.m_lanes[l];
            const double base = std::round(box.stripRect.bottom() - 1);
            const double maxH = m_stripHeight - 3;
            // One rectangle per run of equal height: whole pixels, cheap to fill. Collected in
            // a buffer kept across lanes, then copied once at their exact number.
            std::vector<QRectF> &rects = m_densityRuns;
            rects.clear();
            double runHeight = 0;
            int runStart = 0;
            const auto flush = [&](int end) {
                if (runHeight > 0)
                    rects.emplace_back(headerWidth + runStart, base - runHeight, end - runStart,
                                       runHeight);
            };
            const qsizetype *counts = m_densityCounts.data() + size_t(l) * size_t(columns);
            for (int c = 0; c < columns; ++c) {
                const qsizetype n = counts[c];
                // Five steps of height: enough to read density, and long runs to fill.
                const auto heightOf = [&](qsizetype count) {
                    return count <= 0
                               ? 0.0
                               : std::max(2.0, std::ceil(5 * std::log1p(double(count)) / logMax) *
                                                   maxH / 5);
                };
                double h;
                if (n >= 0 && size_t(n) < heightOfCount.size()) {
                    double &known = heightOfCount[size_t(n)];
                    if (known < 0)
                        known = heightOf(n);
                    h = known;
                } else {
                    h = heightOf(n);
                }
                if (h != runHeight) {
                    flush(c);
                    runHeight = h;
                    runStart = c;
                }
            }
            flush(columns);
            box.density = QList<QRectF>(rects.cbegin(), rects.cend());
        }
    }
    return std::shared_ptr<const TimelineLayout>(m_layout.release());
}

std::shared_ptr<const TimelineLayout>
TimelineLayout::compute(std::shared_ptr<const TimelineIndex> index, const TimeScale &scale,
                        QSizeF viewport, const LayoutOptions &options) {
    if (!index)
        index = TimelineIndex::create(TimelineData());
    TimelineLayoutBuilder builder(std::move(index), scale, viewport, options);
    return builder.run();
}

double TimelineLayout::heightForRows(const TimelineIndex &index, int rows,
                                     const LayoutOptions &options) {
    const QFontMetricsF label(options.labelFont);
    const QFontMetricsF bold(TimelineLayoutBuilder::boldOf(options.labelFont));
    const QFontMetricsF axis(options.axisFont);
    const QFontMetricsF small(options.smallFont);
    const double rowHeight = std::ceil(std::max(label.height(), bold.height())) + 4;
    const double stripHeight = std::ceil(small.height()) + 6;
    const double lanesTop = 2 * (std::ceil(axis.height()) + 8) + 2;
    const double fixed = TimelineLayoutBuilder::LanePadTop + TimelineLayoutBuilder::LanePadBottom +
                         stripHeight + TimelineLayoutBuilder::LaneGapY;
    const int lanes = std::max(1, index.laneCount());
    // A quarter pixel more per lane: the row count is a floor of a division.
    return lanesTop + 2 + lanes * (fixed + std::max(1, rows) * rowHeight + 0.25);
}

double TimelineLayout::timeAreaWidth(const TimelineIndex &index, QSizeF viewport,
                                     const LayoutOptions &options) {
    const double width = std::max(1.0, viewport.width());
    return std::max(1.0, width - TimelineLayoutBuilder::headerWidthFor(index, width, options) -
                             TimelineLayoutBuilder::RightMargin);
}
