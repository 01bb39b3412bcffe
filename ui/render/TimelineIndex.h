#pragma once

// TimelineIndex: the lanes of a TimelineData for one grouping (category, actor, chip or
// none), each an array of its events sorted by first day, with per-importance arrays and
// per-length-class arrays so that a layout finds what is visible with binary searches and
// never walks the whole data. Built once per (data, grouping) — O(n) — and shared,
// immutable, by every layout made from it. Also the keyboard-navigation helpers, which are
// questions about the data rather than about one frame.

#include "model/TimelineData.h"

#include <QString>

#include <array>
#include <memory>
#include <vector>

enum class LaneGrouping : quint8 { Category, Actor, Chip, None };
// Whether every category gets its lane, with events or not (the legend of the whole
// timeline), or only those with events (a filter that hides what does not match).
enum class EmptyLanes : quint8 { Keep, Drop };

class TimelineIndex {
public:
    // Ranges are split by length (class c holds events with bit_width(last - first) == c) so
    // that events starting before the view but reaching into it are found in a window of
    // at most 2^c days before the view per class.
    struct LengthClass {
        int bits = 0;
        std::vector<qint32> firstDays;  // sorted
        std::vector<quint32> positions; // into Lane::events
    };

    static constexpr size_t BlockSize = 16;

    struct Lane {
        QString name;
        int key = -1;                // category, actor or chip index; -1 for "(none)" / "all"
        int category = -1;           // category whose colour the lane wears (category lanes), or -1
        std::vector<quint32> events; // data indices, in time order
        std::vector<qint32> firstDays;      // events' first days, for cache-friendly searches
        std::vector<qint32> sortedLastDays; // the same events' last days, sorted: counts
        // The lane's events of importance 1..3 (at [i-1]), in time order: data indices, and
        // side by side with them what a layout reads of each candidate (first and last day,
        // TimelineData::flags()), so that it reads them in order rather than from the data's
        // columns, where the events of a dense stretch lie far apart.
        std::array<std::vector<quint32>, 3> byImportance;
        std::array<std::vector<qint32>, 3> byImportanceFirst;
        std::array<std::vector<qint32>, 3> byImportanceLast;
        std::array<std::vector<quint16>, 3> byImportanceFlags;
        // The latest last day of each block of BlockSize events of byImportance[i]: lets
        // someCarryingInto() pass over blocks where nothing reaches the day it asks about.
        std::array<std::vector<qint32>, 3> byImportanceBlockLast;
        std::vector<LengthClass> classes; // only non-empty ones, by bits

        // Where each day's events begin in firstDays, for lanes dense enough that a table of
        // their days costs little (at most about four entries per event): a layout counts
        // events per pixel column and per bin with two reads instead of searching. Empty
        // when the lane is too sparse; see hasDayTable().
        qint32 dayTableFirst = 0;      // the lane's earliest first day
        std::vector<quint32> dayTable; // [d − dayTableFirst]: first position starting on d or later
        [[nodiscard]] bool hasDayTable() const { return !dayTable.empty(); }
        // std::lower_bound(firstDays, day) as a position; only when hasDayTable().
        [[nodiscard]] qsizetype startOfDay(qint64 day) const {
            const qint64 k = day - dayTableFirst;
            if (k <= 0)
                return 0;
            if (k >= qint64(dayTable.size()))
                return qsizetype(firstDays.size());
            return qsizetype(dayTable[size_t(k)]);
        }
    };

    explicit TimelineIndex(TimelineData data, LaneGrouping grouping = LaneGrouping::Category,
                           EmptyLanes emptyLanes = EmptyLanes::Keep);
    [[nodiscard]] static std::shared_ptr<const TimelineIndex>
    create(TimelineData data, LaneGrouping grouping = LaneGrouping::Category,
           EmptyLanes emptyLanes = EmptyLanes::Keep);

    [[nodiscard]] const TimelineData &data() const { return m_data; }
    [[nodiscard]] LaneGrouping grouping() const { return m_grouping; }
    [[nodiscard]] EmptyLanes emptyLanes() const { return m_emptyLanes; }
    [[nodiscard]] int laneCount() const { return int(m_lanes.size()); }
    [[nodiscard]] const Lane &lane(int i) const { return m_lanes[size_t(i)]; }

    // Lanes in which the event with data index `index` appears (several for actor/chip).
    [[nodiscard]] QList<int> lanesOfIndex(qsizetype index) const;
    // Position of data index `index` in lane `lane`'s arrays, or -1.
    [[nodiscard]] qsizetype positionInLane(int lane, qsizetype index) const;

    // Events with first day in [fromDay, toDay) of a lane: positions [lo, hi).
    [[nodiscard]] std::pair<qsizetype, qsizetype> startingIn(int lane, qint64 fromDay,
                                                             qint64 toDay) const;
    // Data indices of a lane's events that start before `day` and last until it or later.
    // Walks those events (for listing a cluster); carryingIntoCount() only counts them.
    [[nodiscard]] std::vector<quint32> carryingInto(int lane, qint64 day) const;
    // How many of a lane's events start before `day` and last until it or later: O(log n),
    // as (events starting before `day`) − (events ending before `day`).
    [[nodiscard]] qsizetype carryingIntoCount(int lane, qint64 day) const;
    // Up to `limit` of those events with importance `importance`, the latest-starting
    // first, looking at no more than `scanLimit` candidates: label candidates for a frame.
    [[nodiscard]] std::vector<quint32> someCarryingInto(int lane, qint64 day, int importance,
                                                        int limit, int scanLimit) const;

    // Keyboard navigation. Time order is (first day, id). With lane < 0 the next/previous
    // event of the whole data; otherwise within that lane. 0 when there is none.
    [[nodiscard]] qint64 nextEvent(qint64 id, int lane = -1) const;
    [[nodiscard]] qint64 previousEvent(qint64 id, int lane = -1) const;
    // The event nearest in time (by first day) to event `id` in the closest non-empty lane
    // above (direction -1) or below (+1) `fromLane`; 0 when there is none.
    [[nodiscard]] qint64 eventInAdjacentLane(qint64 id, int fromLane, int direction) const;

    [[nodiscard]] qint64 memoryBytes() const;

private:
    TimelineData m_data;
    LaneGrouping m_grouping;
    EmptyLanes m_emptyLanes;
    std::vector<Lane> m_lanes;
};
