#include "ui/render/TimelineLayout.h"

#include <QSet>

#include <algorithm>

// What is under a point, and which events a cluster holds: questions about a finished layout.

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
