// The SQLite store: a curated change (undo and redo, see StoreChanges) in one transaction.

#include "model/history/EntitySnapshot.h"
#include "model/store/sqlite/SqliteStoreInternals.h"

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

void SqliteTimelineStore::touchChanged(const StoreChanges &changes) {
    for (const Category &category : std::as_const(changes.saveCategories))
        if (category.id != 0)
            touch(u"category"_s, QString::number(category.id));
    for (const Source &source : std::as_const(changes.saveSources))
        touch(u"source"_s, source.uid);
    for (const Event &event : std::as_const(changes.saveEvents))
        touch(u"event"_s, event.uid);
    for (const QString &uid : std::as_const(changes.deleteEventUids)) {
        touch(u"event"_s, uid);
        touchRelationsOfEvent(uid); // they go with it
    }
    for (const QString &uid : std::as_const(changes.deleteSourceUids)) {
        touchEventsWhere(u"e.id IN (SELECT es.event_id FROM event_source es JOIN source s "
                         "ON s.id = es.source_id WHERE s.uid = :id)"_s,
                         uid);
        touchRelationsCitingSource(uid);
        touch(u"source"_s, uid);
    }
    for (const Relation &relation : std::as_const(changes.deleteRelations))
        touch(u"relation"_s, EntitySnapshot::relationKey(relation));
    for (const Relation &relation : std::as_const(changes.saveRelations))
        touch(u"relation"_s, EntitySnapshot::relationKey(relation));
    for (qint64 id : std::as_const(changes.deleteCategoryIds)) {
        touchEventsWhere(u"e.category_id = :id"_s, id);
        touch(u"category"_s, QString::number(id));
    }
}

bool SqliteTimelineStore::applyChanges(StoreChanges &changes, StoreError *error) {
    StoreError localError;
    StoreError *err = error ? error : &localError;
    if (!beginWrite(err))
        return false;
    const auto fail = [&] {
        rollbackWrite();
        return false;
    };
    QSqlQuery query(database());
    const auto rowExists = [&](const QString &table, qint64 id) {
        QSqlQuery find(database());
        find.prepare(u"SELECT 1 FROM %1 WHERE id = :id"_s.arg(table));
        find.bindValue(u":id"_s, id);
        return id > 0 && find.exec() && find.next();
    };

    // Checked inside the write transaction, so no other writer can slip in between.
    for (auto it = changes.expectModified.cbegin(); it != changes.expectModified.cend(); ++it) {
        const qint64 id = idForUid(u"event"_s, it.key());
        if (id == 0) {
            *err = {StoreError::Kind::Invalid,
                    u"This event was deleted elsewhere; your edit was not saved."_s};
            return fail();
        }
        query.prepare(u"SELECT modified FROM event WHERE id = :id"_s);
        query.bindValue(u":id"_s, id);
        const QDateTime stored =
            query.exec() && query.next()
                ? QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs)
                : QDateTime();
        query.finish();
        if (stored != it.value()) {
            *err = {StoreError::Kind::Invalid,
                    u"This event was changed elsewhere at %1; your edit was not saved. Reopen it "
                    "to edit again."_s.arg(stored.toLocalTime().toString(u"HH:mm"_s))};
            return fail();
        }
    }

    // What the revision records: every item as it was before the change.
    if (changes.recordRevision)
        touchChanged(changes);

    for (Category &category : changes.saveCategories) {
        if (category.id != 0 && !rowExists(u"category"_s, category.id)) {
            query.prepare(u"INSERT INTO category(id, name, label, color, sort_order) "
                          "VALUES (:id, :name, '', '#808080', 0)"_s);
            query.bindValue(u":id"_s, category.id);
            query.bindValue(u":name"_s, category.name.trimmed());
            if (!query.exec()) {
                *err = errorFrom(query, u"restore category '%1'"_s.arg(category.name));
                return fail();
            }
        }
        if (!saveCategory(category, err))
            return fail();
    }

    for (Source &source : changes.saveSources) {
        qint64 id = idForUid(u"source"_s, source.uid);
        if (id == 0 && !source.uid.isEmpty()) {
            query.prepare(u"INSERT INTO source(id, uid, title, created, modified) "
                          "VALUES (:id, :uid, :title, :now, :now)"_s);
            query.bindValue(u":id"_s, rowExists(u"source"_s, source.id) || source.id <= 0
                                          ? QVariant()
                                          : QVariant(source.id));
            query.bindValue(u":uid"_s, source.uid);
            query.bindValue(u":title"_s, source.title.trimmed());
            query.bindValue(u":now"_s, nowIso());
            if (!query.exec()) {
                *err = errorFrom(query, u"restore source '%1'"_s.arg(source.title));
                return fail();
            }
            id = query.lastInsertId().toLongLong();
        }
        if (!writeSource(source, id, err))
            return fail();
    }

    for (Event &event : changes.saveEvents) {
        qint64 id = idForUid(u"event"_s, event.uid);
        const bool restoring = id == 0 && !event.uid.isEmpty();
        if (restoring) {
            if (!event.created.isValid())
                event.created = QDateTime::currentDateTimeUtc();
            query.prepare(
                uR"(INSERT INTO event(id, uid, title, start_year, first_day, last_day, created,
                                      modified)
                    VALUES (:id, :uid, :title, :year, :first, :last, :created, :created))"_s);
            query.bindValue(u":id"_s, rowExists(u"event"_s, event.id) || event.id <= 0
                                          ? QVariant()
                                          : QVariant(event.id));
            query.bindValue(u":uid"_s, event.uid);
            query.bindValue(u":title"_s, event.title.trimmed());
            query.bindValue(u":year"_s, event.start.year());
            query.bindValue(u":first"_s, event.firstJulianDay());
            query.bindValue(u":last"_s, event.lastJulianDay());
            query.bindValue(u":created"_s, isoUtcText(event.created));
            if (!query.exec()) {
                *err = errorFrom(query, u"restore event '%1'"_s.arg(event.title));
                return fail();
            }
            id = query.lastInsertId().toLongLong();
        }
        const QDateTime modified = event.modified;
        if (!writeEvent(event, id, err))
            return fail();
        if ((restoring || changes.keepModified) && modified.isValid()) {
            query.prepare(u"UPDATE event SET modified = :modified WHERE id = :id"_s);
            query.bindValue(u":modified"_s, isoUtcText(modified));
            query.bindValue(u":id"_s, event.id);
            if (!query.exec()) {
                *err = errorFrom(query, u"restore event '%1'"_s.arg(event.title));
                return fail();
            }
            event.modified = modified;
        }
    }

    for (const Relation &relation : std::as_const(changes.deleteRelations))
        if (!removeRelation(relation, err))
            return fail();
    for (const Relation &relation : std::as_const(changes.saveRelations))
        if (!writeRelation(relation, true, err))
            return fail();

    const auto deleteRows = [&](const QString &table, const QString &column,
                                const QVariantList &keys) {
        for (const QVariant &key : keys) {
            query.prepare(u"DELETE FROM %1 WHERE %2 = :key"_s.arg(table, column));
            query.bindValue(u":key"_s, key);
            if (!query.exec()) {
                *err = errorFrom(query, u"delete the %1"_s.arg(table));
                return false;
            }
        }
        return true;
    };
    QVariantList eventKeys, sourceKeys, categoryKeys;
    for (const QString &uid : std::as_const(changes.deleteEventUids))
        eventKeys << uid;
    for (const QString &uid : std::as_const(changes.deleteSourceUids))
        sourceKeys << uid;
    for (qint64 id : std::as_const(changes.deleteCategoryIds))
        categoryKeys << id;
    if (!deleteRows(u"event"_s, u"uid"_s, eventKeys) ||
        !deleteRows(u"source"_s, u"uid"_s, sourceKeys) ||
        !deleteRows(u"category"_s, u"id"_s, categoryKeys))
        return fail();
    clearWriteCaches();
    if (!markFilled(err))
        return fail();
    if (!changes.recordRevision) {
        m_revision.clear(); // what saving a category noted
        return commitWrite(err);
    }
    // Items that had no uid before the change are new.
    for (const Source &source : std::as_const(changes.saveSources))
        touchNew(u"source"_s, source.uid);
    for (const Event &event : std::as_const(changes.saveEvents))
        touchNew(u"event"_s, event.uid);
    if (writeRevision(changes.revisionKind, changes.revisionSummary, err) == 0)
        return fail();
    return commitWrite(err);
}
