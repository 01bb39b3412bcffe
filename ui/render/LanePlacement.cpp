#include "ui/render/TimelineLayoutBuilder.h"

#include "ui/render/FigureLanguage.h"

#include <array>
#include <cmath>
#include <iterator>

using namespace Qt::StringLiterals;

namespace {
constexpr double Inf = std::numeric_limits<double>::infinity();
} // namespace

double TimelineLayoutBuilder::markRadius(int importance) {
    return importance >= 3 ? 5.5 : importance == 2 ? 4.5 : 3.5;
}

// Written digit by digit (a frame of dense data has hundreds of clusters); the few cases where
// rounding to one decimal is a tie go through QString::number, which decides them from the
// double as before.
QString TimelineLayoutBuilder::compactCount(qsizetype n) {
    // "+0" to "+999", made once: a dense frame has hundreds of pills, and a shared string is
    // copied without an allocation (and freed without one).
    static const std::array<QString, 1000> small = [] {
        std::array<QString, 1000> texts;
        for (int k = 0; k < 1000; ++k)
            texts[size_t(k)] = u'+' + QString::number(k);
        return texts;
    }();
    if (n >= 0 && n < 1000)
        return small[size_t(n)];
    char16_t buf[24];
    char16_t *end = buf + std::size(buf);
    char16_t *p = end;
    const auto digits = [&](qsizetype v) {
        do {
            *--p = char16_t(u'0' + v % 10);
            v /= 10;
        } while (v > 0);
    };
    if (n >= 0 && n < 1000) {
        digits(n);
    } else if (n >= 1000 && n < 10000 && n % 100 != 50) {
        const qsizetype tenths = (n + 50) / 100; // rounded to one decimal, no tie
        *--p = u'k';
        *--p = char16_t(u'0' + tenths % 10);
        *--p = u'.';
        digits(tenths / 10);
    } else if (n >= 10000 && n < 1000000) {
        *--p = u'k';
        digits(n / 1000);
    } else if (n < 10000) {
        return u"+"_s + QString::number(double(n) / 1000.0, 'f', 1) + u'k';
    } else {
        return u"+"_s + QString::number(double(n) / 1e6, 'f', 1) + u'M';
    }
    *--p = u'+';
    return QString(reinterpret_cast<const QChar *>(p), qsizetype(end - p));
}

TimelineLayoutBuilder::Candidate TimelineLayoutBuilder::candidateOf(qsizetype i) const {
    const TimelineData &d = m_layout->data();
    return {quint32(i), d.firstDay(i), d.drawnLastDay(i), d.flags(i)};
}

TimelineLayoutBuilder::Geometry TimelineLayoutBuilder::geometryOf(const Candidate &c) const {
    const TimelineLayout &L = *m_layout;
    const double x0 = L.xForDay(c.firstDay);
    const double x1 = L.xForDay(double(c.lastDay) + 1.0);
    const double left = L.m_timeArea.left();
    const double right = L.m_timeArea.right();
    Geometry g{};
    const bool isRange = c.flags & TimelineData::RangeFlag;
    const bool forceEnded = c.flags & TimelineData::ForceEndedFlag;
    const auto precision = DatePrecision(c.flags & TimelineData::PrecisionMask);
    const bool bar =
        (isRange || forceEnded || precision != DatePrecision::Day) && x1 - x0 >= MinBarWidth;
    if (bar) {
        g.shape =
            forceEnded ? MarkShape::InForce : (isRange ? MarkShape::Range : MarkShape::Partial);
        g.continuesLeft = x0 < left;
        g.continuesRight = x1 > right;
        g.markLeft = std::max(x0, left);
        g.markRight = std::min(x1, right);
        g.textLeftIfRight = g.markLeft + 6;
    } else {
        g.shape = MarkShape::Point;
        const double r =
            markRadius((c.flags & TimelineData::ImportanceMask) >> TimelineData::ImportanceShift);
        const double cx = (x0 + x1) / 2;
        g.markLeft = cx - r;
        g.markRight = cx + r;
        g.textLeftIfRight = g.markRight + LabelGap;
    }
    return g;
}

bool TimelineLayoutBuilder::tryPlace(int laneIndex, const Candidate &c,
                                     std::vector<RowOccupancy> &rows, double laneTop,
                                     quint64 rowMask) {
    TimelineLayout &L = *m_layout;
    const TimelineData &d = L.data();
    const qsizetype i = c.index;
    const Geometry g = geometryOf(c);
    const double timeLeft = L.m_timeArea.left();
    const double timeRight = L.m_timeArea.right();
    // The id is read from the data only when notes ask for it, or once the event is placed.
    const bool notes = L.m_options.hasNote || !L.m_options.noteNumbers.isEmpty();
    const qint64 noteId = notes ? d.id(i) : 0;
    // -1: numbered after the layout (hasNote), with room for the widest number.
    const int note = !notes                ? 0
                     : L.m_options.hasNote ? (L.m_options.hasNote(noteId) ? -1 : 0)
                                           : L.m_options.noteNumbers.value(noteId, 0);
    const bool unsourced = c.flags & TimelineData::UnsourcedFlag;
    const double noteWidth = note > 0 ? m_fmSmall.horizontalAdvance(QString::number(note)) + 2
                                      : (note < 0 ? m_noteReserve : 0);
    const double badgeWidth = unsourced ? m_badgeSize + 4 : 0;
    const double extras = noteWidth + badgeWidth;
    const double g2 = SlotGap / 2;
    const bool isPoint = g.shape == MarkShape::Point;
    const double barWidth = g.markRight - g.markLeft;
    const double insideRoom = barWidth - 12; // text inside a bar keeps 6 px from each end
    const double maxWidth = L.m_options.maxLabelWidth;

    // Two passes over the rows: first only where the whole label fits, then shortened.
    QString fullText;
    double fullWidth = -1;
    bool anyRowHasRoom = false; // the second pass differs only where a row had room
    for (int pass = 0; pass < 2 && (pass == 0 || anyRowHasRoom); ++pass)
        for (int r = 0; r < int(rows.size()); ++r) {
            if (r < 64 && !((rowMask >> r) & 1))
                continue;
            RowOccupancy &row = rows[size_t(r)];
            // Where the label may go in this row: right of the mark (or inside / right of a bar),
            // or, for points, left of the mark.
            enum Side { Right, Inside, Left } side = Right;
            double textLeft = g.markRight + LabelGap;
            double limit = 0;
            const bool rightFree =
                g.markRight + LabelGap + m_minLabelWidth + extras <= timeRight &&
                row.isFree(g.markLeft - g2, g.markRight + LabelGap + m_minLabelWidth + extras + g2);
            if (isPoint) {
                if (rightFree) {
                    limit = std::min(row.freeAround(g.markLeft - g2).second - g2, timeRight);
                } else {
                    const double needLeft = g.markLeft - LabelGap - m_minLabelWidth - extras;
                    if (needLeft < timeLeft || !row.isFree(needLeft - g2, g.markRight + g2))
                        continue;
                    side = Left;
                    limit = std::max(row.freeAround(needLeft - g2).first + g2, timeLeft);
                }
            } else {
                if (!row.isFree(g.markLeft - g2, g.markRight + g2))
                    continue;
                const double next =
                    std::min(row.freeAround(g.markLeft - g2).second - g2, timeRight);
                if (insideRoom >= m_minLabelWidth + extras) {
                    side = Inside; // may still move right of the bar once the text is measured
                    textLeft = g.markLeft + 6;
                    limit = next;
                } else if (rightFree) {
                    limit = next;
                } else {
                    continue;
                }
            }

            // Measure only once a row has room: this is the expensive part.
            anyRowHasRoom = true;
            if (fullWidth < 0) {
                fullText = QString::fromUtf8(d.titleUtf8(i)).simplified();
                if (fullText.isEmpty())
                    fullText = FigureLanguage::translate("TimelineLayout", "(untitled)");
                fullWidth = m_measure.width(fullText);
            }
            QString text = fullText;
            double textWidth = fullWidth;
            double room = 0;
            if (side == Inside && textWidth + extras > insideRoom) {
                // Too long for the bar: beside it if there is room for the whole text there,
                // else shortened inside it.
                const double besideRoom = std::min(limit - (g.markRight + LabelGap), maxWidth);
                if (rightFree && besideRoom >= std::min(textWidth + extras, maxWidth)) {
                    side = Right;
                    textLeft = g.markRight + LabelGap;
                    room = besideRoom - extras;
                } else {
                    room = std::min(insideRoom, maxWidth) - extras;
                }
            } else if (side == Inside) {
                room = insideRoom - extras;
            } else if (side == Right) {
                room = std::min(limit - textLeft, maxWidth) - extras;
            } else {
                room = std::min(g.markLeft - LabelGap - limit, maxWidth) - extras;
            }
            bool elided = false;
            if (textWidth > room) {
                if (pass == 0)
                    continue;
                text = m_measure.elided(text, room, &textWidth);
                elided = true;
                if (textWidth > room || text.size() < 4)
                    continue;
            }
            const double labelWidth = textWidth + extras;
            if (side == Left)
                textLeft = g.markLeft - LabelGap - labelWidth;
            const double rowTop = laneTop + LanePadTop + r * m_rowHeight;
            const double cy = rowTop + m_rowHeight / 2;

            PlacedEvent p;
            p.index = quint32(i);
            p.id = notes ? noteId : d.id(i);
            p.lane = laneIndex;
            p.row = r;
            p.category = d.category(i);
            p.shape = g.shape;
            p.status =
                EventStatus((c.flags & TimelineData::StatusMask) >> TimelineData::StatusShift);
            p.importance =
                quint8((c.flags & TimelineData::ImportanceMask) >> TimelineData::ImportanceShift);
            p.unsourced = unsourced;
            p.noSourceAddress = c.flags & TimelineData::NoAddressFlag;
            p.continuesLeft = g.continuesLeft;
            p.continuesRight = g.continuesRight;
            p.labelOnLeft = side == Left;
            const double barHeight = m_rowHeight - 4;
            if (isPoint)
                p.markRect = QRectF(g.markLeft, cy - barWidth / 2, barWidth, barWidth);
            else
                p.markRect = QRectF(g.markLeft, cy - barHeight / 2, barWidth, barHeight);
            const double textHeight = m_labelHeight;
            p.textRect = QRectF(textLeft, cy - textHeight / 2, textWidth, textHeight);
            double x = textLeft + textWidth;
            if (note != 0) {
                p.noteNumber = note;
                p.noteRect = QRectF(x + 1, p.textRect.top() - 2, noteWidth - 1, m_smallHeight);
                x += noteWidth;
            }
            if (unsourced) {
                p.badgeRect = QRectF(x + 3, cy - m_badgeSize / 2, m_badgeSize, m_badgeSize);
                x += badgeWidth;
            }
            p.labelRect = QRectF(textLeft, p.textRect.top() - (note != 0 ? 2 : 0), x - textLeft,
                                 textHeight + (note != 0 ? 2 : 0));
            p.text = std::move(text);
            p.elided = elided;

            const double occLeft = std::min(g.markLeft, p.labelRect.left());
            const double occRight = std::max(g.markRight, p.labelRect.right());
            row.insert({occLeft - g2, occRight + g2});
            L.m_events.append(std::move(p));
            return true;
        }
    return false;
}

void TimelineLayoutBuilder::layoutLane(int laneIndex, LaneBox &box) {
    TimelineLayout &L = *m_layout;
    const TimelineIndex &index = L.index();
    const TimelineIndex::Lane &lane = index.lane(laneIndex);
    const qint64 s = L.m_firstVisibleDay;
    const qint64 e = L.m_endVisibleDay;
    const double ppd = L.m_scale.pixelsPerDay();
    const double timeLeft = L.m_timeArea.left();
    const double laneTop = box.rect.top();

    // Bins of the mark position (the middle of an event's first day), aligned to RefDay.
    const auto binOfDay = [&](qint64 day) {
        return qint64(std::floor((double(day) + 0.5 - RefDay) * ppd / m_binWidth));
    };
    const auto binStartDay = [&](qint64 b) {
        return qint64(std::ceil(RefDay + double(b) * m_binWidth / ppd - 0.5));
    };
    std::vector<Bin> bins;
    if (s < e) {
        const qint64 b0 = binOfDay(s);
        const qint64 b1 = binOfDay(e - 1);
        bins.reserve(size_t(b1 - b0 + 1));
        qsizetype pos = index.startingIn(laneIndex, s, s).first;
        for (qint64 b = b0; b <= b1; ++b) {
            const qint64 from = std::max(s, binStartDay(b));
            const qint64 to = std::min(e, binStartDay(b + 1));
            if (from >= to)
                continue;
            const qsizetype hi = lane.hasDayTable()
                                     ? lane.startOfDay(to)
                                     : qsizetype(gallopLowerBound(lane.firstDays.begin() + pos,
                                                                  lane.firstDays.end(), to) -
                                                 lane.firstDays.begin());
            Bin bin{from, to, pos, hi, 0, 0, 0};
            bin.left = timeLeft + (RefDay - L.m_scale.firstDay()) * ppd + double(b) * m_binWidth;
            bin.right = bin.left + m_binWidth;
            pos = hi;
            if (bin.hi > bin.lo)
                bins.push_back(bin);
        }
    }
    // Events reaching in from the left: counted exactly, but only a few are label candidates.
    const qsizetype carryCount = index.carryingIntoCount(laneIndex, s);
    std::vector<quint32> carryIn;
    for (int imp = 3; imp >= 1; --imp) {
        const auto some = index.someCarryingInto(laneIndex, s, imp, m_rows + 2, 256);
        carryIn.insert(carryIn.end(), some.begin(), some.end());
    }
    qsizetype carryPlaced = 0;
    qsizetype visible = carryCount;
    for (const Bin &b : bins)
        visible += b.hi - b.lo;
    box.visibleCount = visible;

    // Rows go to importance first, then time. Bars much wider than the view's third (and
    // those reaching in from the left) are context rather than news at this zoom: they
    // only get the rows left over, so they cannot crowd out the events of the view.
    std::vector<RowOccupancy> rows{size_t(m_rows)};
    const int attempts = m_rows + 2;
    const double longDays = 0.35 * L.m_timeArea.width() / ppd;
    struct Deferred {
        Candidate candidate;
        int bin; // -1: reaching in from the left
    };
    std::vector<Deferred> deferred;
    for (quint32 i : carryIn)
        deferred.push_back({candidateOf(i), -1});
    for (int imp = 3; imp >= 1; --imp) {
        const auto &firsts = lane.byImportanceFirst[size_t(imp - 1)];
        const auto &lasts = lane.byImportanceLast[size_t(imp - 1)];
        const auto &flags = lane.byImportanceFlags[size_t(imp - 1)];
        const auto &indices = lane.byImportance[size_t(imp - 1)];
        // Bins ascend: each one's candidates are searched for from the previous one's.
        auto cursor = firsts.begin();
        for (size_t b = 0; b < bins.size(); ++b) {
            Bin &bin = bins[b];
            // Every candidate here needs a free stretch of at least the shortest label that
            // reaches its mark, which lies in the bin (a bar may begin half a day before the
            // middle of its first day). Where no row has one, all of them would fail: the
            // candidates are not even read (dense data at a wide zoom, where it matters).
            const double binLeft = bin.left - ppd - 1;
            const double binRight = bin.right + 1;
            const bool roomy = std::any_of(rows.cbegin(), rows.cend(), [&](const RowOccupancy &r) {
                return r.hasGap(binLeft, binRight, m_minLabelWidth);
            });
            if (!roomy)
                continue;
            // More precisely, placed in a row, a label leaves a free stretch around its mark
            // at least as wide as the mark (a clipped bar may have none), the gap before the
            // text, the shortest label and half a slot gap on each side. Once a candidate of
            // the bin failed, the rows without such a stretch are not tried for the next
            // ones, and when no row has one, the remaining candidates are still read for the
            // long bars below, but not tried. Only a placement takes room, so the rows are
            // looked at again after one.
            const double need = m_minLabelWidth + LabelGap + SlotGap;
            // The free stretches of those rows near the bin, noted with the mask, also sort out
            // the next candidates before tryPlace(): one is only tried when such a stretch holds
            // the least tryPlace() asks of a row before measuring anything (its mark with the gap
            // and the shortest label right of it or, for a point, left of it; for a bar, the bar).
            // That spares tryPlace()'s searches of each row, which in dense data most candidates
            // fail. A candidate whose mark lies outside the window the stretches were taken from is
            // tried as before.
            const double windowLeft = binLeft - 16;
            const double windowRight = binRight + 16;
            const auto rowsWithRoom = [&] {
                quint64 mask = 0;
                m_gaps.clear();
                for (size_t r = 0; r < rows.size() && r < 64; ++r) {
                    if (rows[r].hasGap(binLeft, binRight, need)) {
                        mask |= quint64(1) << r;
                        rows[r].appendGaps(windowLeft, windowRight, m_gaps);
                    }
                }
                return mask;
            };
            quint64 rowMask = ~quint64(0); // every row, until a candidate fails
            const auto mayFit = [&](const Geometry &g) {
                if (rows.size() > 64)
                    return true;
                const double centre = (g.markLeft + g.markRight) / 2;
                if (!(centre >= windowLeft && centre <= windowRight))
                    return true;
                const double timeRight = L.m_timeArea.right();
                const double g2 = SlotGap / 2;
                if (g.shape != MarkShape::Point) {
                    const double ba = g.markLeft - g2;
                    const double bb = g.markRight + g2;
                    return std::any_of(m_gaps.cbegin(), m_gaps.cend(), [&](const Interval &gap) {
                        return gap.left <= ba && bb <= gap.right;
                    });
                }
                // As in tryPlace(), with no room for a note or badge: never stricter.
                const bool rightInTime = g.markRight + LabelGap + m_minLabelWidth <= timeRight;
                const double ra = g.markLeft - g2;
                const double rb = g.markRight + LabelGap + m_minLabelWidth + g2;
                const double needLeft = g.markLeft - LabelGap - m_minLabelWidth;
                const bool leftInTime = needLeft >= timeLeft;
                const double la = needLeft - g2;
                const double lb = g.markRight + g2;
                return std::any_of(m_gaps.cbegin(), m_gaps.cend(), [&](const Interval &gap) {
                    return (rightInTime && gap.left <= ra && rb <= gap.right) ||
                           (leftInTime && gap.left <= la && lb <= gap.right);
                });
            };
            bool masked = false;
            auto it = gallopLowerBound(cursor, firsts.end(), bin.fromDay);
            cursor = it;
            int tried = 0;
            for (; it != firsts.end() && *it < bin.toDay && tried < attempts; ++it, ++tried) {
                const size_t k = size_t(it - firsts.begin());
                const Candidate c{indices[k], *it, lasts[k], flags[k]};
                if (double(c.lastDay - c.firstDay + 1) > longDays) {
                    deferred.push_back({c, int(b)});
                    continue;
                }
                if (rowMask == 0 && rows.size() <= 64)
                    continue;
                if (masked && !mayFit(geometryOf(c)))
                    continue;
                if (tryPlace(laneIndex, c, rows, laneTop, rowMask)) {
                    ++bin.placed;
                    if (masked)
                        rowMask = rowsWithRoom();
                } else if (!masked) {
                    masked = true;
                    rowMask = rowsWithRoom();
                }
            }
        }
    }
    std::stable_sort(deferred.begin(), deferred.end(), [](const Deferred &a, const Deferred &b) {
        return (a.candidate.flags & TimelineData::ImportanceMask) >
               (b.candidate.flags & TimelineData::ImportanceMask);
    });
    int deferredTried = 0;
    for (const Deferred &item : deferred) {
        if (deferredTried++ >= 3 * attempts)
            break;
        if (tryPlace(laneIndex, item.candidate, rows, laneTop)) {
            if (item.bin < 0)
                ++carryPlaced;
            else
                ++bins[size_t(item.bin)].placed;
        }
    }

    // Clusters: what each bin did not place; those reaching in join the first bin.
    const double stripTop = box.stripRect.top();
    const double timeRight = L.m_timeArea.right();
    QList<ClusterMark> clusters;
    qsizetype carryLeft = carryCount - carryPlaced;
    for (const Bin &bin : bins) {
        qsizetype n = (bin.hi - bin.lo) - bin.placed;
        const bool withCarry = carryLeft > 0;
        n += carryLeft;
        carryLeft = 0;
        if (n <= 0)
            continue;
        ClusterMark c;
        c.lane = laneIndex;
        c.count = n;
        c.fromDay = bin.fromDay;
        c.toDay = bin.toDay;
        c.includesCarryIn = withCarry;
        makePill(c, std::clamp((bin.left + bin.right) / 2, timeLeft, timeRight), stripTop);
        // Merge into the previous pill while they would touch.
        while (!clusters.isEmpty() && c.rect.left() < clusters.last().rect.right() + 4) {
            ClusterMark prev = clusters.takeLast();
            const double centre = (prev.rect.center().x() + c.rect.center().x()) / 2;
            prev.count += c.count;
            prev.toDay = c.toDay;
            prev.includesCarryIn = prev.includesCarryIn || c.includesCarryIn;
            makePill(prev, centre, stripTop);
            c = prev;
        }
        clusters.append(c);
    }
    if (carryLeft > 0) { // nothing starts in view: the cluster sits at the left edge
        ClusterMark c;
        c.lane = laneIndex;
        c.count = carryLeft;
        c.fromDay = s;
        c.toDay = s;
        c.includesCarryIn = true;
        makePill(c, timeLeft, stripTop);
        clusters.append(c);
    }
    L.m_clusters.append(clusters);
}

void TimelineLayoutBuilder::makePill(ClusterMark &c, double centreX, double stripTop) const {
    const TimelineLayout &L = *m_layout;
    const double pillHeight = m_fmSmall.height() + 2;
    c.text = compactCount(c.count);
    const double w = m_measureSmall.width(c.text) + 10;
    const double x = std::clamp(centreX - w / 2, L.m_timeArea.left(), L.m_timeArea.right() - w);
    c.rect = QRectF(x, stripTop + (m_stripHeight - pillHeight) / 2, w, pillHeight);
}

QString TimelineLayoutBuilder::laneDetail(qsizetype visible, double room) const {
    const LayoutOptions &opt = m_layout->m_options;
    QString detail = visible == 1 ? FigureLanguage::translate("TimelineLayout", "1 event")
                                  : FigureLanguage::translate("TimelineLayout", "%1 events")
                                        .arg(opt.locale.toString(qlonglong(visible)));
    if (m_measureSmall.width(detail) > room) {
        double unused = 0;
        detail = m_measureSmall.elided(detail, room, &unused);
    }
    return detail;
}
