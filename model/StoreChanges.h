#pragma once

#include "model/Category.h"
#include "model/Event.h"
#include "model/Relation.h"
#include "model/Source.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>

// One step of curating (an edit, its undo or its redo) that TimelineStore::applyChanges
// writes in one transaction, in this order: categories, sources and events saved, then
// events, sources and categories deleted. Events and sources are matched by uid, categories
// by id; one that no longer exists is put back with its old uid, row id (when still free),
// created and modified time, so undoing a delete gives back the very same item.
struct StoreChanges {
    QList<Category> saveCategories;
    QList<Source> saveSources;
    QList<Event> saveEvents;
    QStringList deleteEventUids;
    QStringList deleteSourceUids;
    QList<qint64> deleteCategoryIds;
    // Relations are written after the events (their ends) and removed before them; a saved
    // relation replaces the stored one with the same events and type.
    QList<Relation> saveRelations;
    QList<Relation> deleteRelations;
    // Event uid → the `modified` time the change was prepared from. When the stored event
    // was changed (or deleted) since, by another window or program, nothing is written.
    QHash<QString, QDateTime> expectModified;
    // Event uid → the row version the change was prepared from (Event::rowVersion, where the
    // store keeps one). The server checks it instead of `modified`, so a change that left
    // `modified` alone (a script's UPDATE) is caught as well; SQLite checks `expectModified`.
    QHash<QString, qint64> expectRowVersion;
    // Undo and redo put events back exactly, `modified` included, so that the state after
    // each step of the history is the same every time it is reached.
    bool keepModified = false;
    // What the change's revision records: its kind (edit, merge, bulk, undo, redo, …) and a
    // one-line summary.
    QString revisionKind = QStringLiteral("edit");
    QString revisionSummary;
    // False only for a private copy that no one edits, made to be read as of an earlier
    // revision (::storeAsOf turns the copy back): its writes are not the timeline's history,
    // and recording them would read every touched item twice. A server records every write.
    bool recordRevision = true;

    [[nodiscard]] bool isEmpty() const {
        return saveCategories.isEmpty() && saveSources.isEmpty() && saveEvents.isEmpty() &&
               deleteEventUids.isEmpty() && deleteSourceUids.isEmpty() &&
               deleteCategoryIds.isEmpty() && saveRelations.isEmpty() && deleteRelations.isEmpty();
    }
};
