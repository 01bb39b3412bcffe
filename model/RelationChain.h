#pragma once

#include "model/Relation.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// A policy's lineage: the events connected to one event through relations, whichever way
// they point, and the relations among them (`chain`, `export --chain`, the window's arcs).
struct RelationChain {
    QStringList eventUids; // the first event, then the others in the order they were reached
    QList<Relation> relations;
};

class RelationGraph {
public:
    explicit RelationGraph(const QList<Relation> &relations);
    // The chain around `uid` (just `uid` when it has no relations).
    [[nodiscard]] RelationChain chainOf(const QString &uid) const;

    // Relations that go round in a circle (Dataset Health reports them): each cycle once, as the
    // uids along it (a → b → … → a, the first repeated at the end).
    [[nodiscard]] QList<QStringList> cycles() const;

private:
    QList<Relation> m_relations;
    QHash<QString, QList<qsizetype>> m_touching; // event uid → indexes into m_relations
};
