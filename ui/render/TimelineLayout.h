#pragma once

// TimelineLayout: where everything of one frame goes. A pure, deterministic function of
// (index of the data, time scale, viewport size, fonts, options) that places lanes with
// their headers, the two axis rows, event marks with their labels, and "+N" clusters. The
// painter draws exactly this and nothing more, on any paint device.
//
// How a lane is laid out:
//   ┌ header ┐┌ time area ─────────────────────────────────────────────┐
//   │▮ Name  ││ row 0:  ● Label of an event     ▬▬▬ Label over a range  │
//   │ 12 ev. ││ row 1:      ● Another label  ◆ …                        │
//   │        ││ strip:  ▁▂▅█▃▁  +12   +3        (density of all events) │
//   └────────┘└─────────────────────────────────────────────────────────┘
// Every visible event (first day < the view's end and last day ≥ its start, whole days)
// is, in each lane it belongs to, EITHER placed — a mark in a row with its label beside it
// (possibly shortened with "…"), never overlapping another label or mark of the frame —
// OR counted in exactly one cluster of that lane's strip. Events compete for rows by
// importance (3 first), then by time; the time area is cut into bins of a fixed width
// (aligned to absolute time, so panning does not reshuffle them) and only a bounded number
// of candidates per bin is tried, so the cost follows the pixels, not the event count.

#include "model/EventStatus.h"
#include "ui/render/TimeScale.h"
#include "ui/render/TimeTicks.h"
#include "ui/render/TimelineIndex.h"

#include <QFont>
#include <QHash>
#include <QList>
#include <QLocale>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

struct LayoutOptions {
    LayoutOptions(); // fonts in pixel sizes so that geometry is the same on every device

    QFont labelFont;
    QFont headerFont;
    QFont axisFont;
    QFont smallFont; // cluster badges, note numbers, header details
    QLocale locale;
    double headerWidth = 0; // 0: from the lane names, at most 25% of the width
    int minRowsPerLane = 2;
    int maxRowsPerLane = 5;
    double maxLabelWidth = 400;
    bool showDensity = true;
    // Optional numbered notes (the export's source notes): event id → number shown as a
    // small superscript after the label.
    QHash<qint64, int> noteNumbers;
    // Alternatively, which events have notes: the layout then numbers the placed ones itself,
    // 1.. in time order (an event placed in two lanes keeps one number), every label keeping
    // room for the widest number, so one layout is enough. Used during compute() only.
    std::function<bool(qint64 id)> hasNote;

    // Figures: every event gets its whole label — wrapped to at most two lines, left or right
    // of its mark or above its bar, in as many rows as the lane needs (up to figureMaxRows) —
    // and each lane takes the height its rows and its wrapped name need; room left in the
    // viewport goes to the rows as air. Only what still cannot be placed folds into "+N".
    // The screen keeps the bounded placement (labelEveryEvent false).
    bool labelEveryEvent = false;
    int figureMaxRows = 40;
    // Lanes with more visible events than this fall back to the bounded placement (a figure
    // of 100k events), and say what they folded.
    qsizetype figureMaxEventsPerLane = 1500;
    // The event's date in front of its label: "12 Aug 2025 — Title", "Aug 2025 — …".
    bool dateLabels = false;
};

enum class MarkShape : quint8 {
    Point,   // a day-precision point (or anything narrower than a mark)
    Range,   // a range event: a bar from its first to its last day
    Partial, // a month- or year-precision event: a soft bar over the span it covers
    InForce  // a rule rescinded or replaced: a bar from its start to the day it ended
};

struct PlacedEvent {
    quint32 index = 0; // into TimelineData
    qint64 id = 0;
    int lane = 0;
    int row = 0;
    int category = -1;
    MarkShape shape = MarkShape::Point;
    EventStatus status = EventStatus::Confirmed;
    quint8 importance = 2;
    bool unsourced = false;
    bool noSourceAddress = false;
    bool continuesLeft = false;  // the bar runs on beyond the left edge of the time area
    bool continuesRight = false; // ... the right edge
    bool labelOnLeft = false;    // the label stands left of the mark (near the right edge)
    QRectF markRect;             // the dot's box or the bar, clipped to the time area
    QRectF labelRect;            // text + note + badge: what no other label or mark may overlap
    QRectF textRect;             // where the (elided) text is drawn
    QString text;                // the label, elided when needed; "(untitled)" for an empty title
    QString secondLine;          // figures: a label's second line, drawn in secondLineRect
    QRectF secondLineRect;
    bool elided = false;
    int noteNumber = 0; // 0: none
    QRectF noteRect;
    QRectF badgeRect; // the unsourced "?" badge; empty when sourced
};

struct ClusterMark {
    int lane = 0;
    QRectF rect;  // the "+N" pill
    QString text; // "+N", "+1.2k", "+34k"
    qsizetype count = 0;
    qint64 fromDay = 0; // events starting in [fromDay, toDay) that were not placed...
    qint64 toDay = 0;
    bool includesCarryIn = false; // ... and, for the first cluster, those reaching in from the left
};

struct LaneBox {
    int lane = 0;
    QString name;
    QStringList nameLines; // the name as drawn: elided on the screen, wrapped in figures
    QString detail;        // "1,234 events in view"
    int category = -1;     // for the swatch and band colour; -1: neutral
    QRectF rect;           // the whole band, header included
    QRectF headerRect;
    QRectF rowsRect;  // the rows of the time area
    QRectF stripRect; // the cluster/density strip
    qsizetype visibleCount = 0;
    qsizetype placedCount = 0;
    // A histogram of the visible starts that were not placed (what the clusters hold):
    // whole-pixel rectangles, at most one per pixel column.
    QList<QRectF> density;
};

struct LayoutHit {
    enum Kind : quint8 { None, Event, Cluster, LaneHeader };
    Kind kind = None;
    qint64 eventId = 0;
    int cluster = -1;
    int lane = -1;
};

class TimelineLayout {
public:
    [[nodiscard]] static std::shared_ptr<const TimelineLayout>
    compute(std::shared_ptr<const TimelineIndex> index, const TimeScale &scale, QSizeF viewport,
            const LayoutOptions &options = {});

    // The viewport height at which every lane gets exactly `rows` rows (no spare room).
    [[nodiscard]] static double heightForRows(const TimelineIndex &index, int rows,
                                              const LayoutOptions &options = {});

    // The width of the time area for a viewport (what the caller's TimeScale should use).
    [[nodiscard]] static double timeAreaWidth(const TimelineIndex &index, QSizeF viewport,
                                              const LayoutOptions &options = {});

    [[nodiscard]] const TimelineIndex &index() const { return *m_index; }
    [[nodiscard]] const TimelineData &data() const { return m_index->data(); }
    [[nodiscard]] const TimeScale &scale() const { return m_scale; }
    [[nodiscard]] const LayoutOptions &options() const { return m_options; }
    [[nodiscard]] QSizeF viewportSize() const { return m_viewport; }
    [[nodiscard]] double contentHeight() const { return m_contentHeight; }
    [[nodiscard]] QRectF timeArea() const { return m_timeArea; } // lanes' time part
    [[nodiscard]] QRectF axisRect() const { return m_axisRect; }
    [[nodiscard]] double axisRowHeight() const { return m_axisRowHeight; }
    [[nodiscard]] int rowsPerLane() const { return m_rowsPerLane; }
    [[nodiscard]] double xForDay(double julianDay) const {
        return m_timeArea.left() + m_scale.xForDay(julianDay);
    }
    [[nodiscard]] double dayForX(double x) const { return m_scale.dayForX(x - m_timeArea.left()); }

    [[nodiscard]] const TimeTickRows &ticks() const { return m_ticks; } // x in viewport coords
    [[nodiscard]] const QList<LaneBox> &lanes() const { return m_lanes; }
    [[nodiscard]] const QList<PlacedEvent> &events() const { return m_events; }
    [[nodiscard]] const QList<ClusterMark> &clusters() const { return m_clusters; }

    [[nodiscard]] LayoutHit hitTest(QPointF point) const;
    // The id of the event whose mark or label is under `point`; 0 when none.
    [[nodiscard]] qint64 eventAt(QPointF point) const;
    // Ids of the events counted in cluster `cluster`, in time order; at most `limit` (< 0: all).
    [[nodiscard]] QList<qint64> eventsInCluster(int cluster, qsizetype limit = -1) const;
    // The placed mark of an event (first lane it is placed in), or nullptr.
    [[nodiscard]] const PlacedEvent *placedEvent(qint64 id) const;

    // Keyboard navigation (see TimelineIndex): time order and lane neighbours.
    [[nodiscard]] qint64 nextEvent(qint64 id, int lane = -1) const {
        return m_index->nextEvent(id, lane);
    }
    [[nodiscard]] qint64 previousEvent(qint64 id, int lane = -1) const {
        return m_index->previousEvent(id, lane);
    }
    [[nodiscard]] qint64 eventInLaneAbove(qint64 id, int lane) const {
        return m_index->eventInAdjacentLane(id, lane, -1);
    }
    [[nodiscard]] qint64 eventInLaneBelow(qint64 id, int lane) const {
        return m_index->eventInAdjacentLane(id, lane, +1);
    }

    // The days the view covers, whole days: [firstVisibleDay, endVisibleDay).
    [[nodiscard]] qint64 firstVisibleDay() const { return m_firstVisibleDay; }
    [[nodiscard]] qint64 endVisibleDay() const { return m_endVisibleDay; }

    TimelineLayout(const TimelineLayout &) = delete;
    TimelineLayout &operator=(const TimelineLayout &) = delete;

private:
    TimelineLayout() = default;
    friend class TimelineLayoutBuilder;

    std::shared_ptr<const TimelineIndex> m_index;
    TimeScale m_scale;
    LayoutOptions m_options;
    QSizeF m_viewport;
    double m_contentHeight = 0;
    QRectF m_timeArea;
    QRectF m_axisRect;
    double m_axisRowHeight = 0;
    int m_rowsPerLane = 0;
    qint64 m_firstVisibleDay = 0;
    qint64 m_endVisibleDay = 0;
    TimeTickRows m_ticks;
    QList<LaneBox> m_lanes;
    QList<PlacedEvent> m_events;
    QList<ClusterMark> m_clusters;
};
