#pragma once

#include "model/Dataset.h"
#include "model/StoreChanges.h"
#include "model/history/Revision.h"

#include <QHash>

#include <optional>
#include <vector>

// A dataset as it stood at an earlier revision: the current one with the changes of every
// later revision undone, newest first (backend-neutral; see TimelineStore::datasetAsOf).
// `laterChanges` are those changes in the order they were written (oldest first). The
// result is in the order the store reads a dataset: categories by order and name, sources
// by publication date, title and row id, events by their span of days and row id.
[[nodiscard]] Dataset datasetAsOf(Dataset current, const QList<RevisionChange> &laterChanges);

// The later changes told apart once: the kind of item each changes, and the events and
// sources they touched, each given a slot (by uid), with the slot of each change of one.
// What ::datasetAsOf undoes by slot, and how many events a point turns back (::storeAsOf).
struct TouchedItems {
    enum class Entity : quint8 { Other, Event, Source, Category, Relation, DatasetTitle };
    std::vector<Entity> entityOfChange;
    QHash<QString, qsizetype> eventSlot;
    QHash<QString, qsizetype> sourceSlot;
    std::vector<qsizetype> slotOfChange; // of its event or source; -1 for other entities
};
[[nodiscard]] TouchedItems touchedItems(const QList<RevisionChange> &laterChanges);
// The same as above with the touched items of `laterChanges` told apart already.
[[nodiscard]] Dataset datasetAsOf(Dataset current, const QList<RevisionChange> &laterChanges,
                                  const TouchedItems &touched);

// One event as it stood at an earlier revision: `current` (nullopt: not stored now) with the
// later changes of the event `uid` undone, newest first. nullopt when it did not exist then.
// Restore (the History pane) puts this back as a new revision.
[[nodiscard]] std::optional<Event> eventAsOf(const std::optional<Event> &current,
                                             const QString &uid,
                                             const QList<RevisionChange> &laterChanges);

// What turns a store that holds the current timeline (a copy of it: ::storeAsOf) into one
// that holds the timeline as it stood then, so that only the items a later change touched
// are written: the touched events and sources as they were (or deleted, when they did not
// exist then), every category and relation that differs. `current` holds the touched events
// and sources that are stored now (only those), every category and every relation, as the
// store reads them. The result puts the items back exactly (their row ids where free,
// `created` and `modified`); its relations follow the rule of ::datasetAsOf (one whose events
// or cited sources did not exist then is left out).
// `touched` is ::touchedItems of `laterChanges`, whose events and sources (eventSlot,
// sourceSlot) are all that may differ between now and then.
[[nodiscard]] StoreChanges changesBackTo(const Dataset &current,
                                         const QList<RevisionChange> &laterChanges,
                                         const TouchedItems &touched);
