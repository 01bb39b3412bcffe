#include "ui/render/TimelineLayout.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QMutex>
#include <QSet>

#include <array>
#include <iterator>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr double RefDay = 2451545.0; // 2000-01-01: origin of the bin grid (pan-stable bins)
constexpr double LaneGapY = 0;       // lanes touch; bands alternate in the painter
constexpr double LanePadTop = 6;
constexpr double LanePadBottom = 3;
constexpr double HeaderPad = 10;
constexpr double SwatchSize = 10;
constexpr double RightMargin = 12;
constexpr double LabelGap = 5;    // between a mark and its text
constexpr double SlotGap = 10;    // between two occupied stretches of a row
constexpr double MinBarWidth = 7; // narrower spans are drawn as points
constexpr double Inf = std::numeric_limits<double>::infinity();

double markRadius(int importance) {
    return importance >= 3 ? 5.5 : importance == 2 ? 4.5 : 3.5;
}

// "+N", "+1.2k", "+34k", "+1.2M". Written digit by digit (a frame of dense data has hundreds of
// clusters); the few cases where rounding to one decimal is a tie go through QString::number,
// which decides them from the double as before.
QString compactCount(qsizetype n) {
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

struct Interval {
    double left;
    double right;
};

// std::lower_bound for a value expected near `first`: it looks at `first`, then 2, 4, 8, …
// elements on, and searches only the last step. A layout's searches move forward through
// sorted arrays of a lane, so each one reads near the last instead of from the whole array.
template <typename It, typename T>
It gallopLowerBound(It first, It last, const T &value) {
    qsizetype step = 1;
    while (first != last) {
        const It probe = first + std::min<qsizetype>(step, last - first) - 1;
        if (!(*probe < value))
            return std::lower_bound(first, probe + 1, value);
        first = probe + 1;
        step *= 2;
    }
    return last;
}

// One row of a lane: occupied stretches, disjoint and sorted.
class RowOccupancy {
public:
    // The first stretch that ends after `a`.
    [[nodiscard]] std::vector<Interval>::const_iterator firstEndingAfter(double a) const {
        return std::upper_bound(m_items.cbegin(), m_items.cend(), a,
                                [](double v, const Interval &i) { return v < i.right; });
    }
    [[nodiscard]] bool isFree(double a, double b) const {
        const auto it = firstEndingAfter(a);
        return it == m_items.cend() || it->left >= b;
    }
    // The free stretch around [a, b] (which must be free): (previous end, next start).
    [[nodiscard]] std::pair<double, double> freeAround(double a) const {
        const auto it = firstEndingAfter(a);
        const double right = it == m_items.cend() ? Inf : it->left;
        const double left = it == m_items.cbegin() ? -Inf : (it - 1)->right;
        return {left, right};
    }
    // Whether a free stretch at least `width` wide reaches into [a, b].
    [[nodiscard]] bool hasGap(double a, double b, double width) const {
        auto it = firstEndingAfter(a);
        double gapLeft = it == m_items.cbegin() ? -Inf : (it - 1)->right;
        for (;;) {
            if (gapLeft >= b)
                return false;
            const double gapRight = it == m_items.cend() ? Inf : it->left;
            if (gapRight > a && gapRight - gapLeft >= width)
                return true;
            if (it == m_items.cend())
                return false;
            gapLeft = it->right;
            ++it;
        }
    }
    // Appends the free stretches that reach into [a, b] (as hasGap() walks them).
    void appendGaps(double a, double b, std::vector<Interval> &out) const {
        auto it = firstEndingAfter(a);
        double gapLeft = it == m_items.cbegin() ? -Inf : (it - 1)->right;
        for (;;) {
            if (gapLeft >= b)
                return;
            const double gapRight = it == m_items.cend() ? Inf : it->left;
            if (gapRight > a)
                out.push_back({gapLeft, gapRight});
            if (it == m_items.cend())
                return;
            gapLeft = it->right;
            ++it;
        }
    }
    void insert(Interval interval) {
        const auto it = std::lower_bound(m_items.begin(), m_items.end(), interval.left,
                                         [](const Interval &i, double v) { return i.left < v; });
        m_items.insert(it, interval);
    }

private:
    std::vector<Interval> m_items;
};

// Measures and elides labels. Latin-1 text (nearly all titles) is measured from a table of
// advances cached per font for the process, about fifty times faster than shaping it; other
// text goes through QFontMetricsF.
class TextMeasurer {
public:
    explicit TextMeasurer(const QFont &font)
        : m_fm(font)
        , m_table(tableFor(font)) {}

    [[nodiscard]] double width(const QString &text) const {
        double w = 0;
        for (const QChar c : text) {
            if (c.unicode() > 0xff)
                return m_fm.horizontalAdvance(text);
            w += (*m_table)[c.unicode()];
        }
        return w;
    }

    // `text` shortened with "…" to at most `room`; `width` receives its width.
    [[nodiscard]] QString elided(const QString &text, double room, double *width) const {
        const double ellipsis = (*m_table)[256];
        double w = 0;
        qsizetype fit = 0;
        for (const QChar c : text) {
            if (c.unicode() > 0xff) {
                const QString e = m_fm.elidedText(text, Qt::ElideRight, room);
                *width = m_fm.horizontalAdvance(e);
                return e;
            }
            const double a = (*m_table)[c.unicode()];
            if (w + a + ellipsis > room)
                break;
            w += a;
            ++fit;
        }
        while (fit > 0 && text[fit - 1].isSpace()) {
            --fit;
            w -= (*m_table)[text[fit].unicode()];
        }
        *width = w + ellipsis;
        return text.left(fit) + QChar(0x2026);
    }

    [[nodiscard]] const QFontMetricsF &metrics() const { return m_fm; }

private:
    using Table = std::array<double, 257>; // Latin-1, then the ellipsis

    static std::shared_ptr<const Table> tableFor(const QFont &font) {
        static QMutex mutex;
        static QHash<QString, std::shared_ptr<const Table>> cache;
        const QString key = font.key();
        const QMutexLocker lock(&mutex);
        if (auto it = cache.constFind(key); it != cache.constEnd())
            return *it;
        const QFontMetricsF fm(font);
        auto table = std::make_shared<Table>();
        for (int c = 0; c < 256; ++c)
            (*table)[size_t(c)] = fm.horizontalAdvance(QChar(c));
        (*table)[256] = fm.horizontalAdvance(QChar(0x2026));
        cache.insert(key, table);
        return table;
    }

    QFontMetricsF m_fm;
    std::shared_ptr<const Table> m_table;
};

} // namespace

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

class TimelineLayoutBuilder {
public:
    TimelineLayoutBuilder(std::shared_ptr<const TimelineIndex> index, const TimeScale &scale,
                          QSizeF viewport, const LayoutOptions &options)
        : m_measure(options.labelFont)
        , m_measureSmall(options.smallFont)
        , m_fmLabel(options.labelFont)
        , m_fmBold(boldOf(options.labelFont))
        , m_fmHeader(options.headerFont)
        , m_fmAxis(options.axisFont)
        , m_fmSmall(options.smallFont) {
        m_layout.reset(new TimelineLayout);
        m_layout->m_index = std::move(index);
        m_layout->m_scale = scale;
        m_layout->m_options = options;
        m_layout->m_viewport = viewport;
    }

    static QFont boldOf(QFont f) {
        f.setWeight(QFont::DemiBold);
        return f;
    }

    static double headerWidthFor(const TimelineIndex &index, double width,
                                 const LayoutOptions &options) {
        if (options.headerWidth > 0)
            return std::min(options.headerWidth, width * 0.5);
        const QFontMetricsF fm(options.headerFont);
        double w = 0;
        for (int l = 0; l < index.laneCount(); ++l)
            w = std::max(w, fm.horizontalAdvance(index.lane(l).name));
        w += SwatchSize + 3 * HeaderPad;
        return std::clamp(w, 96.0, std::max(96.0, width * 0.22));
    }

    std::shared_ptr<const TimelineLayout> run();

private:
    struct Geometry {
        MarkShape shape;
        double markLeft, markRight, textLeftIfRight;
        bool continuesLeft, continuesRight;
    };
    struct Bin {
        qint64 fromDay, toDay;
        qsizetype lo, hi; // positions in the lane
        qsizetype placed = 0;
        double left, right; // x of the bin (viewport)
    };

    // What placing an event reads first: its days and flags, from the index's arrays (in
    // order) or from the data (candidateOf()).
    struct Candidate {
        quint32 index; // into TimelineData
        qint32 firstDay;
        qint32 lastDay;
        quint16 flags; // TimelineData::flags()
    };
    Candidate candidateOf(qsizetype i) const;
    Geometry geometryOf(const Candidate &c) const;
    // Rows whose bit in `rowMask` is clear are not tried (rows from the 64th on always are).
    bool tryPlace(int laneIndex, const Candidate &c, std::vector<RowOccupancy> &rows,
                  double laneTop, quint64 rowMask = ~quint64(0));
    void layoutLane(int laneIndex, LaneBox &box);

    std::unique_ptr<TimelineLayout> m_layout;
    TextMeasurer m_measure;
    TextMeasurer m_measureSmall;
    QFontMetricsF m_fmLabel;
    QFontMetricsF m_fmBold;
    QFontMetricsF m_fmHeader;
    QFontMetricsF m_fmAxis;
    QFontMetricsF m_fmSmall;
    double m_rowHeight = 20;
    double m_labelHeight = 14; // m_fmLabel.height(), which is not free
    double m_smallHeight = 12; // m_fmSmall.height()
    double m_stripHeight = 16;
    int m_rows = 3;
    double m_minLabelWidth = 60;
    double m_binWidth = 48;
    double m_badgeSize = 10;
    double m_noteReserve = 0;
    std::vector<qsizetype> m_densityCounts; // all lanes, laneCount × columns
    qsizetype m_densityMax = 0;
    std::vector<QRectF> m_densityRuns; // one lane's density rectangles, while they are made
    std::vector<Interval> m_gaps;      // free stretches near a bin (layoutLane)
};

TimelineLayoutBuilder::Candidate TimelineLayoutBuilder::candidateOf(qsizetype i) const {
    const TimelineData &d = m_layout->data();
    return {quint32(i), d.firstDay(i), d.lastDay(i), d.flags(i)};
}

TimelineLayoutBuilder::Geometry TimelineLayoutBuilder::geometryOf(const Candidate &c) const {
    const TimelineLayout &L = *m_layout;
    const double x0 = L.xForDay(c.firstDay);
    const double x1 = L.xForDay(double(c.lastDay) + 1.0);
    const double left = L.m_timeArea.left();
    const double right = L.m_timeArea.right();
    Geometry g{};
    const bool isRange = c.flags & TimelineData::RangeFlag;
    const auto precision = DatePrecision(c.flags & TimelineData::PrecisionMask);
    const bool bar = (isRange || precision != DatePrecision::Day) && x1 - x0 >= MinBarWidth;
    if (bar) {
        g.shape = isRange ? MarkShape::Range : MarkShape::Partial;
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
                    fullText = QCoreApplication::translate("TimelineLayout", "(untitled)");
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
    const double pillHeight = m_fmSmall.height() + 2;
    const double timeRight = L.m_timeArea.right();
    QList<ClusterMark> clusters;
    const auto makePill = [&](ClusterMark &c, double centreX) {
        c.text = compactCount(c.count);
        const double w = m_measureSmall.width(c.text) + 10;
        const double x = std::clamp(centreX - w / 2, timeLeft, timeRight - w);
        c.rect = QRectF(x, stripTop + (m_stripHeight - pillHeight) / 2, w, pillHeight);
    };
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
        makePill(c, std::clamp((bin.left + bin.right) / 2, timeLeft, timeRight));
        // Merge into the previous pill while they would touch.
        while (!clusters.isEmpty() && c.rect.left() < clusters.last().rect.right() + 4) {
            ClusterMark prev = clusters.takeLast();
            const double centre = (prev.rect.center().x() + c.rect.center().x()) / 2;
            prev.count += c.count;
            prev.toDay = c.toDay;
            prev.includesCarryIn = prev.includesCarryIn || c.includesCarryIn;
            makePill(prev, centre);
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
        makePill(c, timeLeft);
        clusters.append(c);
    }
    L.m_clusters.append(clusters);
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
    if (opt.hasNote) {
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
    L.m_timeArea = QRectF(headerWidth, lanesTop, timeWidth, laneCount * laneHeight);
    L.m_contentHeight = lanesTop + laneCount * laneHeight + 2;

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

    const QString oneEvent = QCoreApplication::translate("TimelineLayout", "1 event");
    const QString manyEvents = QCoreApplication::translate("TimelineLayout", "%1 events");
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
        const qsizetype before = L.m_events.size();
        layoutLane(l, box);
        box.placedCount = L.m_events.size() - before;
        box.detail = box.visibleCount == 1
                         ? oneEvent
                         : manyEvents.arg(opt.locale.toString(qlonglong(box.visibleCount)));
        const double detailRoom = headerWidth - SwatchSize - 3 * HeaderPad;
        if (m_measureSmall.width(box.detail) > detailRoom) {
            double unused = 0;
            box.detail = m_measureSmall.elided(box.detail, detailRoom, &unused);
        }
        L.m_lanes.append(box);
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
    const double fixed = LanePadTop + LanePadBottom + stripHeight + LaneGapY;
    const int lanes = std::max(1, index.laneCount());
    // A quarter pixel more per lane: the row count is a floor of a division.
    return lanesTop + 2 + lanes * (fixed + std::max(1, rows) * rowHeight + 0.25);
}

double TimelineLayout::timeAreaWidth(const TimelineIndex &index, QSizeF viewport,
                                     const LayoutOptions &options) {
    const double width = std::max(1.0, viewport.width());
    return std::max(1.0, width - TimelineLayoutBuilder::headerWidthFor(index, width, options) -
                             RightMargin);
}

LayoutHit TimelineLayout::hitTest(QPointF point) const {
    LayoutHit hit;
    for (qsizetype k = m_events.size() - 1; k >= 0; --k) {
        const PlacedEvent &p = m_events[k];
        if (p.markRect.adjusted(-3, -3, 3, 3).contains(point) || p.labelRect.contains(point)) {
            hit.kind = LayoutHit::Event;
            hit.eventId = p.id;
            hit.lane = p.lane;
            return hit;
        }
    }
    for (qsizetype k = 0; k < m_clusters.size(); ++k) {
        if (m_clusters[k].rect.adjusted(-2, -2, 2, 2).contains(point)) {
            hit.kind = LayoutHit::Cluster;
            hit.cluster = int(k);
            hit.lane = m_clusters[k].lane;
            return hit;
        }
    }
    for (const LaneBox &lane : m_lanes) {
        if (lane.headerRect.contains(point)) {
            hit.kind = LayoutHit::LaneHeader;
            hit.lane = lane.lane;
            return hit;
        }
        if (lane.rect.contains(point)) {
            hit.lane = lane.lane;
            return hit;
        }
    }
    return hit;
}

qint64 TimelineLayout::eventAt(QPointF point) const {
    const LayoutHit hit = hitTest(point);
    return hit.kind == LayoutHit::Event ? hit.eventId : 0;
}

const PlacedEvent *TimelineLayout::placedEvent(qint64 id) const {
    for (const PlacedEvent &p : m_events) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

QList<qint64> TimelineLayout::eventsInCluster(int cluster, qsizetype limit) const {
    QList<qint64> ids;
    if (cluster < 0 || cluster >= m_clusters.size())
        return ids;
    const ClusterMark &c = m_clusters[cluster];
    QSet<quint32> placed;
    for (const PlacedEvent &p : m_events) {
        if (p.lane == c.lane)
            placed.insert(p.index);
    }
    std::vector<quint32> members;
    if (c.includesCarryIn) {
        for (quint32 i : m_index->carryingInto(c.lane, m_firstVisibleDay)) {
            if (!placed.contains(i))
                members.push_back(i);
        }
    }
    const auto [lo, hi] = m_index->startingIn(c.lane, c.fromDay, c.toDay);
    const auto &lane = m_index->lane(c.lane);
    for (qsizetype p = lo; p < hi; ++p) {
        if (limit >= 0 && qsizetype(members.size()) >= limit + placed.size())
            break;
        const quint32 i = lane.events[size_t(p)];
        if (!placed.contains(i))
            members.push_back(i);
    }
    std::sort(members.begin(), members.end());
    for (quint32 i : members) {
        if (limit >= 0 && ids.size() >= limit)
            break;
        ids.append(data().id(i));
    }
    return ids;
}
