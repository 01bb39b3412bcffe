#include "model/RelationChain.h"

#include <QSet>

#include <algorithm>

RelationGraph::RelationGraph(const QList<Relation> &relations)
    : m_relations(relations) {
    for (qsizetype i = 0; i < m_relations.size(); ++i) {
        m_touching[m_relations.at(i).fromUid] << i;
        m_touching[m_relations.at(i).toUid] << i;
    }
}

RelationChain RelationGraph::chainOf(const QString &uid) const {
    RelationChain chain;
    QSet<QString> reached{uid};
    QSet<qsizetype> taken;
    chain.eventUids << uid;
    QList<qsizetype> relationIndexes;
    for (qsizetype next = 0; next < chain.eventUids.size(); ++next) {
        for (qsizetype index : m_touching.value(chain.eventUids.at(next))) {
            if (taken.contains(index))
                continue;
            taken.insert(index);
            relationIndexes << index;
            const Relation &relation = m_relations.at(index);
            for (const QString &end : {relation.fromUid, relation.toUid}) {
                if (!reached.contains(end)) {
                    reached.insert(end);
                    chain.eventUids << end;
                }
            }
        }
    }
    std::sort(relationIndexes.begin(), relationIndexes.end());
    for (qsizetype index : std::as_const(relationIndexes))
        chain.relations << m_relations.at(index);
    return chain;
}

QList<QStringList> RelationGraph::cycles() const {
    // Depth-first along from → to; an edge back to an event on the current path closes a
    // cycle. Each event is finished once, so every relation is followed once.
    QHash<QString, QList<QString>> next;
    for (const Relation &relation : m_relations)
        next[relation.fromUid] << relation.toUid;
    QHash<QString, int> state; // 1: on the path, 2: finished
    QList<QStringList> found;
    QSet<QString> seenCycles;
    QStringList keys = next.keys();
    std::sort(keys.begin(), keys.end());
    for (const QString &start : std::as_const(keys)) {
        if (state.value(start))
            continue;
        QStringList path{start};
        QList<qsizetype> position{0};
        state.insert(start, 1);
        while (!path.isEmpty()) {
            const QList<QString> &targets = next[path.constLast()];
            qsizetype &at = position.last();
            if (at >= targets.size()) {
                state.insert(path.constLast(), 2);
                path.removeLast();
                position.removeLast();
                continue;
            }
            const QString target = targets.at(at++);
            const int targetState = state.value(target);
            if (targetState == 1) {
                QStringList cycle = path.mid(path.indexOf(target));
                // The same cycle found from another event is reported once.
                QStringList sorted = cycle;
                std::sort(sorted.begin(), sorted.end());
                const QString key = sorted.join(u'\n');
                if (!seenCycles.contains(key)) {
                    seenCycles.insert(key);
                    cycle << target;
                    found << cycle;
                }
            } else if (targetState == 0) {
                state.insert(target, 1);
                path << target;
                position << 0;
            }
        }
    }
    return found;
}
