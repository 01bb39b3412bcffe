#include "ui/render/TimelineIndex.h"

#include "ui/render/FigureLanguage.h"

#include <algorithm>
#include <bit>

namespace {

QString noneLaneName() {
    return FigureLanguage::translate("TimelineIndex", "(none)");
}

} // namespace

TimelineIndex::TimelineIndex(TimelineData data, LaneGrouping grouping, EmptyLanes emptyLanes)
    : m_data(std::move(data))
    , m_grouping(grouping)
    , m_emptyLanes(emptyLanes) {
    const TimelineData &d = m_data;
    const qsizetype n = d.size();

    // Lane keys in display order; `laneOfKey[key + 1]` maps a key (-1 = none) to its lane.
    std::vector<int> laneOfKey;
    std::vector<qsizetype> counts;
    const auto keysOf = [&](qsizetype i, auto &&f) {
        switch (m_grouping) {
        case LaneGrouping::Category:
            f(d.category(i));
            break;
        case LaneGrouping::Actor: {
            const auto a = d.actors(i);
            if (a.empty())
                f(-1);
            for (quint32 k : a)
                f(int(k));
            break;
        }
        case LaneGrouping::Chip: {
            const auto c = d.chips(i);
            if (c.empty())
                f(-1);
            for (quint32 k : c)
                f(int(k));
            break;
        }
        case LaneGrouping::None:
            f(-1);
            break;
        }
    };

    qsizetype tableSize = 0;
    QStringList names;
    switch (m_grouping) {
    case LaneGrouping::Category:
        tableSize = d.categories().size();
        for (const Category &c : d.categories())
            names.append(c.displayName());
        break;
    case LaneGrouping::Actor:
        tableSize = d.actorNames().size();
        names = d.actorNames();
        break;
    case LaneGrouping::Chip:
        tableSize = d.chipNames().size();
        names = d.chipNames();
        break;
    case LaneGrouping::None:
        break;
    }
    counts.assign(size_t(tableSize + 1), 0);
    for (qsizetype i = 0; i < n; ++i)
        keysOf(i, [&](int key) { ++counts[size_t(key + 1)]; });

    // Display order: categories as given (all of them, even empty: they are the legend,
    // unless empty lanes are dropped); actors and chips by name, only those with events;
    // "(none)" last, only when used.
    std::vector<int> order;
    if (m_grouping == LaneGrouping::Category) {
        for (int k = 0; k < tableSize; ++k) {
            if (m_emptyLanes == EmptyLanes::Keep || counts[size_t(k + 1)] > 0)
                order.push_back(k);
        }
    } else if (m_grouping != LaneGrouping::None) {
        for (int k = 0; k < tableSize; ++k) {
            if (counts[size_t(k + 1)] > 0)
                order.push_back(k);
        }
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return names[a].compare(names[b], Qt::CaseInsensitive) < 0;
        });
    }
    if (counts[0] > 0 || m_grouping == LaneGrouping::None)
        order.push_back(-1);

    laneOfKey.assign(size_t(tableSize + 1), -1);
    m_lanes.resize(order.size());
    for (size_t l = 0; l < order.size(); ++l) {
        const int key = order[l];
        Lane &lane = m_lanes[l];
        lane.key = key;
        if (key >= 0) {
            lane.name = names[key];
        } else {
            lane.name = m_grouping == LaneGrouping::None
                            ? FigureLanguage::translate("TimelineIndex", "All events")
                            : noneLaneName();
        }
        lane.category = m_grouping == LaneGrouping::Category ? key : -1;
        lane.events.reserve(size_t(counts[size_t(key + 1)]));
        laneOfKey[size_t(key + 1)] = int(l);
    }

    for (qsizetype i = 0; i < n; ++i) {
        keysOf(i, [&](int key) {
            const int l = laneOfKey[size_t(key + 1)];
            if (l >= 0)
                m_lanes[size_t(l)].events.push_back(quint32(i));
        });
    }

    for (Lane &lane : m_lanes) {
        const size_t m = lane.events.size();
        lane.firstDays.resize(m);
        std::vector<LengthClass> classes(33);
        for (size_t p = 0; p < m; ++p) {
            const qsizetype i = lane.events[p];
            const qint32 first = d.firstDay(i);
            const qint32 last = d.drawnLastDay(i); // a rescinded rule's bar ends at its end
            lane.firstDays[p] = first;
            const int imp = std::clamp(d.importance(i), 1, 3) - 1;
            auto &indices = lane.byImportance[size_t(imp)]; // data indices
            auto &blockLast = lane.byImportanceBlockLast[size_t(imp)];
            if (indices.size() % BlockSize == 0)
                blockLast.push_back(last);
            else
                blockLast.back() = std::max(blockLast.back(), last);
            indices.push_back(quint32(i));
            lane.byImportanceFirst[size_t(imp)].push_back(first);
            lane.byImportanceLast[size_t(imp)].push_back(last);
            lane.byImportanceFlags[size_t(imp)].push_back(d.flags(i));
            const quint32 len = quint32(last - first);
            if (len > 0) {
                const int bits = std::bit_width(len);
                classes[size_t(bits)].bits = bits;
                classes[size_t(bits)].firstDays.push_back(first);
                classes[size_t(bits)].positions.push_back(quint32(p));
            }
        }
        for (LengthClass &c : classes) {
            if (!c.firstDays.empty())
                lane.classes.push_back(std::move(c));
        }
        if (m > 0) {
            const qint64 span = qint64(lane.firstDays.back()) - lane.firstDays.front() + 1;
            if (span <= 4 * qint64(m) + 1024) {
                lane.dayTableFirst = lane.firstDays.front();
                lane.dayTable.resize(size_t(span));
                size_t p = 0;
                for (qint64 k = 0; k < span; ++k) {
                    while (p < m && lane.firstDays[p] < lane.dayTableFirst + k)
                        ++p;
                    lane.dayTable[size_t(k)] = quint32(p);
                }
            }
        }
        lane.sortedLastDays.resize(m);
        for (size_t p = 0; p < m; ++p)
            lane.sortedLastDays[p] = d.drawnLastDay(lane.events[p]);
        std::sort(lane.sortedLastDays.begin(), lane.sortedLastDays.end());
    }
}

std::shared_ptr<const TimelineIndex> TimelineIndex::create(TimelineData data, LaneGrouping grouping,
                                                           EmptyLanes emptyLanes) {
    return std::make_shared<const TimelineIndex>(std::move(data), grouping, emptyLanes);
}

QList<int> TimelineIndex::lanesOfIndex(qsizetype index) const {
    QList<int> result;
    if (index < 0 || index >= m_data.size())
        return result;
    for (int l = 0; l < laneCount(); ++l) {
        if (positionInLane(l, index) >= 0)
            result.append(l);
    }
    return result;
}

qsizetype TimelineIndex::positionInLane(int laneIndex, qsizetype index) const {
    if (laneIndex < 0 || laneIndex >= laneCount() || index < 0 || index >= m_data.size())
        return -1;
    // Lane arrays are subsequences of the data's order, so data indices ascend too.
    const Lane &lane = m_lanes[size_t(laneIndex)];
    const auto it = std::lower_bound(lane.events.begin(), lane.events.end(), quint32(index));
    if (it == lane.events.end() || *it != quint32(index))
        return -1;
    return qsizetype(it - lane.events.begin());
}

std::pair<qsizetype, qsizetype> TimelineIndex::startingIn(int laneIndex, qint64 fromDay,
                                                          qint64 toDay) const {
    const Lane &lane = m_lanes[size_t(laneIndex)];
    const auto lo = std::lower_bound(lane.firstDays.begin(), lane.firstDays.end(), fromDay);
    const auto hi = std::lower_bound(lo, lane.firstDays.end(), toDay);
    return {qsizetype(lo - lane.firstDays.begin()), qsizetype(hi - lane.firstDays.begin())};
}

std::vector<quint32> TimelineIndex::carryingInto(int laneIndex, qint64 day) const {
    std::vector<quint32> result;
    const Lane &lane = m_lanes[size_t(laneIndex)];
    for (const LengthClass &c : lane.classes) {
        const qint64 from = day - (qint64(1) << c.bits);
        auto it = std::upper_bound(c.firstDays.begin(), c.firstDays.end(), from);
        for (; it != c.firstDays.end() && *it < day; ++it) {
            const quint32 i = lane.events[c.positions[size_t(it - c.firstDays.begin())]];
            if (m_data.drawnLastDay(i) >= day)
                result.push_back(i);
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}

qsizetype TimelineIndex::carryingIntoCount(int laneIndex, qint64 day) const {
    const Lane &lane = m_lanes[size_t(laneIndex)];
    const auto startedBefore = std::lower_bound(lane.firstDays.begin(), lane.firstDays.end(), day) -
                               lane.firstDays.begin();
    const auto endedBefore =
        std::lower_bound(lane.sortedLastDays.begin(), lane.sortedLastDays.end(), day) -
        lane.sortedLastDays.begin();
    return qsizetype(startedBefore - endedBefore);
}

std::vector<quint32> TimelineIndex::someCarryingInto(int laneIndex, qint64 day, int importance,
                                                     int limit, int scanLimit) const {
    std::vector<quint32> result;
    const Lane &lane = m_lanes[size_t(laneIndex)];
    const size_t k = size_t(std::clamp(importance, 1, 3) - 1);
    const auto &firsts = lane.byImportanceFirst[k];
    const auto &lasts = lane.byImportanceLast[k];
    const auto &indices = lane.byImportance[k];
    const auto &blockLast = lane.byImportanceBlockLast[k];
    // Positions [stop, start) are looked at, latest first; a block whose events all end
    // before `day` holds none of them, and is passed over whole.
    const qsizetype start = std::lower_bound(firsts.begin(), firsts.end(), day) - firsts.begin();
    const qsizetype stop = std::max<qsizetype>(0, start - std::max(0, scanLimit));
    for (qsizetype j = start - 1; j >= stop && int(result.size()) < limit;) {
        const size_t block = size_t(j) / BlockSize;
        if (blockLast[block] < day) {
            j = qsizetype(block * BlockSize) - 1;
            continue;
        }
        if (lasts[size_t(j)] >= day)
            result.push_back(indices[size_t(j)]);
        --j;
    }
    return result;
}

qint64 TimelineIndex::nextEvent(qint64 id, int laneIndex) const {
    const qsizetype i = m_data.indexOfId(id);
    if (i < 0)
        return 0;
    if (laneIndex < 0)
        return i + 1 < m_data.size() ? m_data.id(i + 1) : 0;
    if (laneIndex >= laneCount())
        return 0;
    const Lane &lane = m_lanes[size_t(laneIndex)];
    const auto it = std::upper_bound(lane.events.begin(), lane.events.end(), quint32(i));
    return it == lane.events.end() ? 0 : m_data.id(*it);
}

qint64 TimelineIndex::previousEvent(qint64 id, int laneIndex) const {
    const qsizetype i = m_data.indexOfId(id);
    if (i < 0)
        return 0;
    if (laneIndex < 0)
        return i > 0 ? m_data.id(i - 1) : 0;
    if (laneIndex >= laneCount())
        return 0;
    const Lane &lane = m_lanes[size_t(laneIndex)];
    const auto it = std::lower_bound(lane.events.begin(), lane.events.end(), quint32(i));
    return it == lane.events.begin() ? 0 : m_data.id(*(it - 1));
}

qint64 TimelineIndex::eventInAdjacentLane(qint64 id, int fromLane, int direction) const {
    const qsizetype i = m_data.indexOfId(id);
    if (i < 0 || direction == 0)
        return 0;
    const qint64 day = m_data.firstDay(i);
    for (int l = fromLane + (direction > 0 ? 1 : -1); l >= 0 && l < laneCount();
         l += (direction > 0 ? 1 : -1)) {
        const Lane &lane = m_lanes[size_t(l)];
        if (lane.events.empty())
            continue;
        const auto it = std::lower_bound(lane.firstDays.begin(), lane.firstDays.end(), day);
        size_t best = size_t(it - lane.firstDays.begin());
        // Ties go to the earlier event.
        if (best == lane.firstDays.size() ||
            (best > 0 && day - lane.firstDays[best - 1] <= lane.firstDays[best] - day))
            --best;
        return m_data.id(lane.events[best]);
    }
    return 0;
}

qint64 TimelineIndex::memoryBytes() const {
    qint64 bytes = 0;
    for (const Lane &lane : m_lanes) {
        bytes += qint64(lane.events.capacity() * 4 + lane.firstDays.capacity() * 4 +
                        lane.sortedLastDays.capacity() * 4 + lane.dayTable.capacity() * 4);
        for (int k = 0; k < 3; ++k)
            bytes += qint64(lane.byImportance[size_t(k)].capacity() * 4 +
                            lane.byImportanceFirst[size_t(k)].capacity() * 4 +
                            lane.byImportanceLast[size_t(k)].capacity() * 4 +
                            lane.byImportanceFlags[size_t(k)].capacity() * 2 +
                            lane.byImportanceBlockLast[size_t(k)].capacity() * 4);
        for (const LengthClass &c : lane.classes)
            bytes += qint64(c.firstDays.capacity() * 4 + c.positions.capacity() * 4);
    }
    return bytes;
}
