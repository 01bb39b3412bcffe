#pragma once

#include "model/Dataset.h"
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

    // What Dataset Health reports about relations, each finding as (relation, why):
    // a response dated before what it answers, and relations that go round in a circle.
    struct Backward {
        Relation relation;
        PartialDate from;
        PartialDate to;
    };
    [[nodiscard]] static QList<Backward> backward(const Dataset &dataset);
    // Each cycle once, as the uids along it (a → b → … → a, the first repeated at the end).
    [[nodiscard]] QList<QStringList> cycles() const;

private:
    QList<Relation> m_relations;
    QHash<QString, QList<qsizetype>> m_touching; // event uid → indexes into m_relations
};
