// The PostgreSQL store: a curated change (undo and redo, see StoreChanges) in one transaction.

#include "model/history/EntitySnapshot.h"
#include "model/store/postgres/PostgresTimelineStore.h"

#include <QDateTime>
#include <QSqlError>
#include <QVariant>

using namespace Qt::StringLiterals;

QString PostgresTimelineStore::conflictMessage(const QString &changedBy, const QDateTime &when) {
    const QString who = changedBy.isEmpty() ? u"another user"_s : changedBy;
    // A change that left `modified` as it was (a script's UPDATE) has no time of its own.
    if (!when.isValid())
        return u"This event was changed by %1 since you opened it; your edit was not saved. "
               "Reopen it to edit again."_s.arg(who);
    return u"This event was changed by %1 at %2 UTC since you opened it; your edit was not "
           "saved. Reopen it to edit again."_s.arg(who,
                                                   when.toUTC().toString(u"yyyy-MM-dd HH:mm"_s));
}

bool PostgresTimelineStore::applyChanges(StoreChanges &changes, StoreError *error) {
    StoreError localError;
    StoreError *err = error ? error : &localError;
    StoreChanges result = changes;
    const bool done = inTransaction(err, [&] {
        QSqlQuery query(database());
        const auto rowExists = [&](const QString &table, qint64 id) {
            QSqlQuery find(database());
            find.prepare(u"SELECT 1 FROM %1 WHERE id = :id"_s.arg(table));
            find.bindValue(u":id"_s, id);
            return id > 0 && find.exec() && find.next();
        };
        // Rows put back under their old ids: the id sequences are moved past them at the end.
        bool restoredIds = false;

        // Checked inside the transaction, the rows locked, so no other writer slips in between.
        // The server raises `row_version` on every UPDATE, whoever sends it, so the version the
        // editor read is checked where it is known; else `modified`, the time it opened.
        // `modified_by` is the server's too, so a refusal names who changed the row and when
        // (UTC, the same for everyone).
        QStringList expected = result.expectModified.keys();
        for (auto it = result.expectRowVersion.cbegin(); it != result.expectRowVersion.cend(); ++it)
            if (!result.expectModified.contains(it.key()))
                expected << it.key();
        for (const QString &uid : std::as_const(expected)) {
            query.prepare(u"SELECT modified, modified_by, row_version FROM event "
                          "WHERE uid = :uid FOR UPDATE"_s);
            query.bindValue(u":uid"_s, uid);
            if (!query.exec() || !query.next()) {
                *err = query.lastError().isValid()
                           ? errorFrom(query, u"read the event"_s)
                           : StoreError{StoreError::Kind::Invalid,
                                        u"This event was deleted elsewhere; your edit was not "
                                        "saved."_s};
                return false;
            }
            const QDateTime stored =
                QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs);
            const auto version = result.expectRowVersion.constFind(uid);
            const bool changed = version != result.expectRowVersion.cend()
                                     ? query.value(2).toLongLong() != *version
                                     : stored != result.expectModified.value(uid);
            if (changed) {
                const auto opened = result.expectModified.constFind(uid);
                const bool timeKept = opened != result.expectModified.cend() && *opened == stored;
                *err = {
                    StoreError::Kind::Invalid,
                    conflictMessage(query.value(1).toString(), timeKept ? QDateTime() : stored)};
                return false;
            }
        }

        // What the revision records: every item as it was before the change.
        for (const Category &category : std::as_const(result.saveCategories))
            if (category.id != 0)
                m_revision.touch(u"category"_s, QString::number(category.id));
        for (const Source &source : std::as_const(result.saveSources))
            m_revision.touch(u"source"_s, source.uid);
        for (const Event &event : std::as_const(result.saveEvents))
            m_revision.touch(u"event"_s, event.uid);
        for (const QString &uid : std::as_const(result.deleteEventUids)) {
            m_revision.touch(u"event"_s, uid);
            m_revision.touchRelationsOfEvent(uid); // they go with it
        }
        for (const QString &uid : std::as_const(result.deleteSourceUids)) {
            m_revision.touchEventsCiting(uid);
            touchRelationsCitingSource(uid);
            m_revision.touch(u"source"_s, uid);
        }
        for (const Relation &relation : std::as_const(result.deleteRelations))
            m_revision.touch(u"relation"_s, EntitySnapshot::relationKey(relation));
        for (const Relation &relation : std::as_const(result.saveRelations))
            m_revision.touch(u"relation"_s, EntitySnapshot::relationKey(relation));
        for (qint64 id : std::as_const(result.deleteCategoryIds)) {
            touchEventsInCategory(id);
            m_revision.touch(u"category"_s, QString::number(id));
        }

        for (Category &category : result.saveCategories) {
            if (category.id != 0 && !rowExists(u"category"_s, category.id)) {
                query.prepare(u"INSERT INTO category(id, name, label, color, sort_order) "
                              "VALUES (:id, :name, '', '#808080', 0)"_s);
                query.bindValue(u":id"_s, category.id);
                query.bindValue(u":name"_s, category.name.trimmed());
                if (!query.exec()) {
                    *err = errorFrom(query, u"restore category '%1'"_s.arg(category.name));
                    return false;
                }
                restoredIds = true;
            }
            if (!writeCategory(category, err))
                return false;
        }

        for (Source &source : result.saveSources) {
            qint64 id = idForUid(u"source"_s, source.uid);
            if (id == 0 && !source.uid.isEmpty()) {
                const bool keepId = source.id > 0 && !rowExists(u"source"_s, source.id);
                query.prepare(keepId ? u"INSERT INTO source(id, uid, title, created, modified) "
                                       "VALUES (:id, :uid, :title, :now, :now) RETURNING id"_s
                                     : u"INSERT INTO source(uid, title, created, modified) "
                                       "VALUES (:uid, :title, :now, :now) RETURNING id"_s);
                if (keepId)
                    query.bindValue(u":id"_s, source.id);
                query.bindValue(u":uid"_s, source.uid);
                query.bindValue(u":title"_s, source.title.trimmed());
                query.bindValue(u":now"_s,
                                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
                if (!query.exec() || !query.next()) {
                    *err = errorFrom(query, u"restore source '%1'"_s.arg(source.title));
                    return false;
                }
                id = query.value(0).toLongLong();
                restoredIds = restoredIds || keepId;
            }
            if (!writeSource(source, id, err))
                return false;
        }

        for (Event &event : result.saveEvents) {
            qint64 id = idForUid(u"event"_s, event.uid);
            const bool restoring = id == 0 && !event.uid.isEmpty();
            if (restoring) {
                if (!event.created.isValid())
                    event.created = QDateTime::currentDateTimeUtc();
                const bool keepId = event.id > 0 && !rowExists(u"event"_s, event.id);
                query.prepare(
                    keepId ? uR"(INSERT INTO event(id, uid, title, start_year, first_day, last_day,
                                                   created, modified)
                                 VALUES (:id, :uid, :title, :year, :first, :last, :created,
                                         :created) RETURNING id)"_s
                           : uR"(INSERT INTO event(uid, title, start_year, first_day, last_day,
                                                   created, modified)
                                 VALUES (:uid, :title, :year, :first, :last, :created, :created)
                                 RETURNING id)"_s);
                if (keepId)
                    query.bindValue(u":id"_s, event.id);
                query.bindValue(u":uid"_s, event.uid);
                query.bindValue(u":title"_s, event.title.trimmed());
                query.bindValue(u":year"_s, event.start.year());
                query.bindValue(u":first"_s, qint64(event.firstJulianDay()));
                query.bindValue(u":last"_s, qint64(event.lastJulianDay()));
                query.bindValue(u":created"_s, event.created.toString(Qt::ISODateWithMs));
                if (!query.exec() || !query.next()) {
                    *err = errorFrom(query, u"restore event '%1'"_s.arg(event.title));
                    return false;
                }
                id = query.value(0).toLongLong();
                restoredIds = restoredIds || keepId;
            }
            const QDateTime modified = event.modified;
            if (!writeEvent(event, id, err))
                return false;
            if ((restoring || result.keepModified) && modified.isValid()) {
                query.prepare(u"UPDATE event SET modified = :modified WHERE id = :id "
                              "RETURNING row_version"_s);
                query.bindValue(u":modified"_s, modified.toString(Qt::ISODateWithMs));
                query.bindValue(u":id"_s, event.id);
                if (!query.exec() || !query.next()) {
                    *err = errorFrom(query, u"restore event '%1'"_s.arg(event.title));
                    return false;
                }
                event.modified = modified;
                event.rowVersion.value = query.value(0).toLongLong();
            }
        }

        for (const Relation &relation : std::as_const(result.deleteRelations))
            if (!removeRelation(relation, err))
                return false;
        for (const Relation &relation : std::as_const(result.saveRelations))
            if (!writeRelation(relation, true, err))
                return false;

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
        for (const QString &uid : std::as_const(result.deleteEventUids))
            eventKeys << uid;
        for (const QString &uid : std::as_const(result.deleteSourceUids))
            sourceKeys << uid;
        for (qint64 id : std::as_const(result.deleteCategoryIds))
            categoryKeys << id;
        if (!deleteRows(u"event"_s, u"uid"_s, eventKeys) ||
            !deleteRows(u"source"_s, u"uid"_s, sourceKeys) ||
            !deleteRows(u"category"_s, u"id"_s, categoryKeys))
            return false;
        if (restoredIds && !advanceIdSequences(err))
            return false;
        if (!markFilled(err))
            return false;
        // Items that had no uid before the change are new.
        for (const Source &source : std::as_const(result.saveSources))
            m_revision.touchNew(u"source"_s, source.uid);
        for (const Event &event : std::as_const(result.saveEvents))
            m_revision.touchNew(u"event"_s, event.uid);
        return writeRevision(result.revisionKind, result.revisionSummary, err) != 0;
    });
    if (done)
        changes = result;
    return done;
}
