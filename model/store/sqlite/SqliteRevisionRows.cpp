// The SQLite store: the history's rows (schema versions 10 and 11, docs/history.md). A change
// is (revision, seq: its place in the revision, item, field, old, new) in `revision_change`,
// clustered by revision, with one index by item; `revision_item` names each item once
// (entity, uid) and `revision_field` each field ("*" is 0). A value that is a UTC time with
// milliseconds is stored as an integer (its milliseconds since 1970), any other as its text.
// A field change's new value is not stored (NULL): it is what came next (reverse deltas,
// SqliteRevisionNewValues.cpp); '' stands for "no new value" in rows written before that.
// An edit's own `modified` change is kept apart in revision_modified from schema version 12
// (SqliteRevisionModified.h) and put back in its place as the changes are read.
// Writing them, and reading the history back exactly as it was recorded.

#include "model/history/EntitySnapshot.h"
#include "model/store/sqlite/SqliteRevisionModified.h"
#include "model/store/sqlite/SqliteRowReader.h"
#include "model/store/sqlite/SqliteStoreInternals.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

namespace {

// A time value's compact JSON text, "\"2026-12-05T19:00:00.123Z\"" (a year from 1000).
QString timeText(qint64 milliseconds) {
    return revisionTimeText(milliseconds);
}

// A value as stored: nothing (NULL), a time's milliseconds, or the text itself. Only a text
// that timeText gives back exactly becomes an integer (as the schema 10 migration converts).
QVariant storedValue(const QString &text) {
    if (text.isNull())
        return {};
    if (text.size() == 26 && text.front() == u'"' && text.back() == u'"' && text.at(24) == u'Z' &&
        text.at(1) >= u'1' && text.at(1) <= u'9') {
        const std::optional<QDateTime> at = isoUtcTimeStamp(text.utf16() + 1, 24);
        if (at && timeText(at->toMSecsSinceEpoch()) == text)
            return at->toMSecsSinceEpoch();
    }
    return text;
}

QString valueOf(const QVariant &stored) {
    if (stored.isNull())
        return {};
    if (stored.typeId() == QMetaType::LongLong || stored.typeId() == QMetaType::Int)
        return timeText(stored.toLongLong());
    const QString text = stored.toString();
    return text.isEmpty() ? QString() : text; // '': no value (schema 10's NULL of a field)
}

// The columns revision, entity, uid, field, old, new, item of the changes `c` (joined to
// their item `i` and field `f`).
const QString changeColumns = u"c.revision, i.entity, i.uid, f.name, c.old, c.new, c.item"_s;
const QString changeJoins = u"JOIN revision_item i ON i.id = c.item "
                            "JOIN revision_field f ON f.code = c.field"_s;

RevisionChange changeAt(const QSqlQuery &query) {
    return {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(),   valueOf(query.value(4)),   valueOf(query.value(5))};
}

// Whether the change just read lacks its new value (a field change: it is derived).
bool lacksNewValue(const QSqlQuery &query) {
    return query.value(5).isNull() && query.value(3).toString() != u"*"_s;
}

// The compact `modified` change of one item in one revision (revision_modified's key).
std::optional<CompactModified> modifiedOf(QSqlQuery &query, qint64 revision, qint64 item) {
    query.bindValue(u":revision"_s, revision);
    query.bindValue(u":item"_s, item);
    std::optional<CompactModified> found;
    if (query.exec() && query.next())
        found = compactModified(query.value(0), query.value(1));
    query.finish();
    return found;
}

const QString modifiedOfSql =
    u"SELECT place, old FROM revision_modified WHERE revision = :revision AND item = :item"_s;

// The changes of `revisions` in order, and which of them lack their new value.
void collect(QList<Revision> &revisions, QList<RevisionChange *> *changes, QList<bool> *lacking,
             const QList<QList<bool>> &lackingByRevision) {
    for (qsizetype r = 0; r < revisions.size(); ++r)
        for (qsizetype c = 0; c < revisions[r].changes.size(); ++c) {
            changes->append(&revisions[r].changes[c]);
            lacking->append(lackingByRevision.at(r).at(c));
        }
}

} // namespace

qint64 SqliteTimelineStore::revisionItemId(const RevisionChange &change, RevisionRowIds *ids,
                                           StoreError *error) {
    const QString itemKey = change.entity + u':' + change.uid;
    auto item = ids->items.constFind(itemKey);
    if (item == ids->items.cend()) {
        QSqlQuery &find =
            statement(u"SELECT id FROM revision_item WHERE uid = :uid AND entity = :entity"_s);
        find.bindValue(u":uid"_s, change.uid);
        find.bindValue(u":entity"_s, change.entity);
        qint64 id = find.exec() && find.next() ? find.value(0).toLongLong() : 0;
        find.finish();
        if (id == 0) {
            QSqlQuery &add =
                statement(u"INSERT INTO revision_item(entity, uid) VALUES (:entity, :uid)"_s);
            add.bindValue(u":entity"_s, change.entity);
            add.bindValue(u":uid"_s, change.uid);
            if (!add.exec()) {
                *error = errorFrom(add, u"record the revision"_s);
                return 0;
            }
            id = add.lastInsertId().toLongLong();
        }
        item = ids->items.insert(itemKey, id);
    }
    return *item;
}

bool SqliteTimelineStore::writeModifiedChange(qint64 revision, const RevisionChange &change,
                                              qsizetype place, RevisionRowIds *ids,
                                              StoreError *error) {
    const qint64 item = revisionItemId(change, ids, error);
    if (item == 0)
        return false;
    QSqlQuery &insert = statement(u"INSERT INTO revision_modified(revision, item, place, old) "
                                  "VALUES (:revision, :item, :place, :old)"_s);
    insert.bindValue(u":revision"_s, revision);
    insert.bindValue(u":item"_s, item);
    insert.bindValue(u":place"_s, qint64(place));
    insert.bindValue(u":old"_s, storedValue(change.oldValue));
    if (!insert.exec()) {
        *error = errorFrom(insert, u"record the revision"_s);
        return false;
    }
    return true;
}

bool SqliteTimelineStore::writeRevisionChange(qint64 revision, const RevisionChange &change,
                                              RevisionRowIds *ids, StoreError *error) {
    const qint64 item = revisionItemId(change, ids, error);
    if (item == 0)
        return false;
    auto field = ids->fields.constFind(change.field);
    if (field == ids->fields.cend()) {
        QSqlQuery &find = statement(u"SELECT code FROM revision_field WHERE name = :name"_s);
        find.bindValue(u":name"_s, change.field);
        std::optional<qint64> code;
        if (find.exec() && find.next())
            code = find.value(0).toLongLong();
        find.finish();
        if (!code) {
            QSqlQuery &add = statement(u"INSERT INTO revision_field(name) VALUES (:name)"_s);
            add.bindValue(u":name"_s, change.field);
            if (!add.exec()) {
                *error = errorFrom(add, u"record the revision"_s);
                return false;
            }
            code = add.lastInsertId().toLongLong();
        }
        field = ids->fields.insert(change.field, *code);
    }
    QSqlQuery &insert =
        statement(u"INSERT INTO revision_change(revision, seq, item, field, old, new) "
                  "VALUES (:revision, :seq, :item, :field, :old, :new)"_s);
    insert.bindValue(u":revision"_s, revision);
    insert.bindValue(u":seq"_s, ++ids->seq);
    insert.bindValue(u":item"_s, item);
    insert.bindValue(u":field"_s, *field);
    insert.bindValue(u":old"_s, storedValue(change.oldValue));
    // A field's new value is what comes next (fillNewValues); a whole item's is kept.
    insert.bindValue(u":new"_s, change.field == u"*"_s ? storedValue(change.newValue) : QVariant());
    if (!insert.exec()) {
        *error = errorFrom(insert, u"record the revision"_s);
        return false;
    }
    return true;
}

qint64 SqliteTimelineStore::lastRevisionSeq(qint64 revision) const {
    QSqlQuery &query =
        statement(u"SELECT coalesce(MAX(seq), 0) FROM revision_change WHERE revision = :r"_s);
    query.bindValue(u":r"_s, revision);
    const qint64 seq = query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return seq;
}

bool SqliteTimelineStore::writeAddedItems(qint64 revision, const QString &table, qint64 maxId,
                                          StoreError *error) {
    QSqlQuery query(database());
    const auto single = [&](const QString &sql) -> std::optional<qint64> {
        query.prepare(sql);
        query.bindValue(u":max"_s, maxId);
        if (!query.exec() || !query.next()) {
            *error = errorFrom(query, u"record the revision"_s);
            return std::nullopt;
        }
        const qint64 value = query.value(0).toLongLong();
        query.finish();
        return value;
    };
    const std::optional<qint64> itemsBefore =
        single(u"SELECT coalesce(max(id), 0) FROM revision_item"_s);
    const std::optional<qint64> added =
        single(u"SELECT count(*) FROM %1 WHERE id > :max"_s.arg(table));
    if (!itemsBefore || !added)
        return false;
    query.prepare(u"INSERT OR IGNORE INTO revision_item(entity, uid) "
                  "SELECT '%1', uid FROM %1 WHERE id > :max ORDER BY id"_s.arg(table));
    query.bindValue(u":max"_s, maxId);
    if (!query.exec()) {
        *error = errorFrom(query, u"record the revision"_s);
        return false;
    }
    // Each added row is one change of its item, in the order of the rows' ids. When every
    // row's uid was new to the history (always, but for an item deleted and imported again),
    // its items are the ones just inserted, in that same order: read from them alone, not
    // each row's item looked up by its uid (at 100k events, ~0.15 s of the import's 0.45 s
    // revision). Their ids follow one another from the largest before (the table is only
    // ever added to), so each one's place in the revision is counted from its id: a window
    // function's ROW_NUMBER() cleared a temporary table for every row (~45% of the SQL here).
    const bool allNew = query.numRowsAffected() == *added;
    query.prepare(allNew ? u"INSERT INTO revision_change(revision, seq, item, field, old, new) "
                           "SELECT :revision, :seq + (i.id - :items), i.id, 0, NULL, NULL "
                           "FROM revision_item i WHERE i.id > :items ORDER BY i.id"_s
                         : u"INSERT INTO revision_change(revision, seq, item, field, old, new) "
                           "SELECT :revision, :seq + ROW_NUMBER() OVER (ORDER BY t.id), i.id, 0, "
                           "NULL, NULL FROM %1 t JOIN revision_item i ON i.uid = t.uid AND "
                           "i.entity = '%1' WHERE t.id > :max"_s.arg(table));
    query.bindValue(u":revision"_s, revision);
    query.bindValue(u":seq"_s, lastRevisionSeq(revision));
    if (allNew)
        query.bindValue(u":items"_s, *itemsBefore);
    else
        query.bindValue(u":max"_s, maxId);
    if (!query.exec()) {
        *error = errorFrom(query, u"record the revision"_s);
        return false;
    }
    return true;
}

QList<Revision> SqliteTimelineStore::revisions(const RevisionFilter &filter) const {
    QSqlQuery query(database());
    query.setForwardOnly(true);
    QStringList conditions;
    if (!filter.uid.isEmpty())
        // Through revision_item's uid and revision_change_by_item: as fast with a million
        // revisions as with ten.
        conditions << u"r.number IN (SELECT c.revision FROM revision_change c "
                      "JOIN revision_item i ON i.id = c.item WHERE i.uid = :uid)"_s;
    if (!filter.author.isEmpty())
        conditions << u"r.author = :author"_s;
    if (filter.from.isValid())
        conditions << u"r.at >= :from"_s;
    if (filter.to.isValid())
        conditions << u"r.at <= :to"_s;
    query.prepare(u"SELECT number, at, author, note, kind, summary FROM revision r %1 "
                  "ORDER BY number"_s.arg(conditions.isEmpty()
                                              ? QString()
                                              : u"WHERE "_s + conditions.join(u" AND "_s)));
    if (!filter.uid.isEmpty())
        query.bindValue(u":uid"_s, filter.uid);
    if (!filter.author.isEmpty())
        query.bindValue(u":author"_s, filter.author);
    if (filter.from.isValid())
        query.bindValue(u":from"_s, filter.from.toUTC().toString(Qt::ISODateWithMs));
    if (filter.to.isValid())
        query.bindValue(u":to"_s, filter.to.toUTC().toString(Qt::ISODateWithMs));
    QList<Revision> found;
    query.exec();
    while (query.next())
        found.append({query.value(0).toLongLong(),
                      QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs),
                      query.value(2).toString(),
                      query.value(3).toString(),
                      query.value(4).toString(),
                      query.value(5).toString(),
                      {}});
    if (readFailed(query, u"revision"_s) || !filter.withChanges)
        return found;
    QSqlQuery changes(database());
    changes.setForwardOnly(true);
    if (!filter.uid.isEmpty()) {
        // One item's changes, all at once through revision_change_by_item (a revision's own
        // rows can be a whole bulk edit's), given to the revisions selected.
        // Every change of the item, so their new values follow from each other and the item
        // now, whichever revisions the filter keeps.
        QHash<qint64, Revision *> byNumber;
        for (Revision &revision : found)
            byNumber.insert(revision.number, &revision);
        changes.prepare(u"SELECT %1 FROM revision_change c INDEXED BY revision_change_by_item "
                        "%2 WHERE c.item IN (SELECT id FROM revision_item WHERE uid = :uid) "
                        "ORDER BY c.revision, c.seq"_s.arg(changeColumns, changeJoins));
        changes.bindValue(u":uid"_s, filter.uid);
        changes.exec();
        QList<RevisionChange> all;
        QList<bool> lacking;
        QList<qint64> items;
        while (changes.next()) {
            all.append(changeAt(changes));
            lacking.append(lacksNewValue(changes));
            items.append(changes.value(6).toLongLong());
        }
        if (readFailed(changes, u"revision_change"_s))
            return found;
        QSqlQuery &modified = statement(modifiedOfSql);
        mergeModified(&all, &lacking, items, [&](qint64 revision, qint64 item) {
            return modifiedOf(modified, revision, item);
        });
        if (readFailed(modified, u"revision_modified"_s))
            return found;
        QList<RevisionChange *> pointers;
        for (RevisionChange &change : all)
            pointers.append(&change);
        fillNewValues(pointers, lacking, true);
        for (const RevisionChange &change : std::as_const(all))
            if (Revision *revision = byNumber.value(change.revision))
                revision->changes.append(change);
        return found;
    }
    changes.prepare(u"SELECT %1 FROM revision_change c %2 WHERE c.revision = :revision "
                    "ORDER BY c.seq"_s.arg(changeColumns, changeJoins));
    QSqlQuery &modified =
        statement(u"SELECT item, place, old FROM revision_modified WHERE revision = :revision"_s);
    QList<QList<bool>> lackingByRevision;
    for (Revision &revision : found) {
        changes.bindValue(u":revision"_s, revision.number);
        changes.exec();
        QList<bool> &lacking = lackingByRevision.emplace_back();
        QList<qint64> items;
        while (changes.next()) {
            revision.changes.append(changeAt(changes));
            lacking.append(lacksNewValue(changes));
            items.append(changes.value(6).toLongLong());
        }
        if (readFailed(changes, u"revision_change"_s))
            return found;
        // The revision's compact `modified` changes, by item.
        QHash<qint64, CompactModified> ofRevision;
        modified.bindValue(u":revision"_s, revision.number);
        modified.exec();
        while (modified.next())
            ofRevision.insert(modified.value(0).toLongLong(),
                              compactModified(modified.value(1), modified.value(2)));
        if (readFailed(modified, u"revision_modified"_s))
            return found;
        modified.finish();
        if (!ofRevision.isEmpty())
            mergeModified(&revision.changes, &lacking, items,
                          [&](qint64, qint64 item) { return takeModified(ofRevision, item); });
    }
    QList<RevisionChange *> pointers;
    QList<bool> lacking;
    collect(found, &pointers, &lacking, lackingByRevision);
    // Unfiltered, the list holds every revision, so each change's successors too.
    const bool everyRevision =
        filter.author.isEmpty() && !filter.from.isValid() && !filter.to.isValid();
    fillNewValues(pointers, lacking, everyRevision);
    return found;
}

QList<RevisionChange> SqliteTimelineStore::itemChangesFrom(const QString &entity,
                                                           const QString &uid, qint64 from,
                                                           QList<bool> *lacking) const {
    QSqlQuery &query =
        statement(u"SELECT %1 FROM revision_change c INDEXED BY revision_change_by_item %2 "
                  "WHERE c.item = (SELECT id FROM revision_item WHERE uid = :uid AND "
                  "entity = :entity) AND c.revision >= :from "
                  "ORDER BY c.revision, c.seq"_s.arg(changeColumns, changeJoins));
    query.bindValue(u":uid"_s, uid);
    query.bindValue(u":entity"_s, entity);
    query.bindValue(u":from"_s, from);
    QList<RevisionChange> found;
    QList<qint64> items;
    query.exec();
    while (query.next()) {
        found.append(changeAt(query));
        lacking->append(lacksNewValue(query));
        items.append(query.value(6).toLongLong());
    }
    readFailed(query, u"revision_change"_s);
    query.finish();
    QSqlQuery &modified = statement(modifiedOfSql);
    mergeModified(&found, lacking, items, [&](qint64 revision, qint64 item) {
        return modifiedOf(modified, revision, item);
    });
    readFailed(modified, u"revision_modified"_s);
    return found;
}

qint64 SqliteTimelineStore::latestRevision() const {
    QSqlQuery &query = statement(u"SELECT MAX(number) FROM revision"_s);
    const qint64 number = query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    readFailed(query, u"revision"_s);
    query.finish();
    return number;
}

std::optional<Revision> SqliteTimelineStore::firstRevision() const {
    QSqlQuery &query = statement(u"SELECT number, at FROM revision ORDER BY number LIMIT 1"_s);
    std::optional<Revision> first;
    if (query.exec() && query.next())
        first = Revision{query.value(0).toLongLong(),
                         QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs),
                         {},
                         {},
                         {},
                         {},
                         {}};
    readFailed(query, u"revision"_s);
    query.finish();
    return first;
}

bool SqliteTimelineStore::hasRevision(qint64 number) const {
    QSqlQuery &query = statement(u"SELECT 1 FROM revision WHERE number = :number"_s);
    query.bindValue(u":number"_s, number);
    const bool found = query.exec() && query.next();
    readFailed(query, u"revision"_s);
    query.finish();
    return found;
}

qint64 SqliteTimelineStore::lastRevisionBy(const QDateTime &at) const {
    // Through revision_by_at (the times are stored as ISO text, which orders as the times).
    QSqlQuery &query = statement(u"SELECT MAX(number) FROM revision WHERE at <= :at"_s);
    query.bindValue(u":at"_s, at.toUTC().toString(Qt::ISODateWithMs));
    const qint64 number = query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    readFailed(query, u"revision"_s);
    query.finish();
    return number;
}

QList<RevisionChange> SqliteTimelineStore::changesAfter(qint64 revision) const {
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT %1 FROM revision_change c %2 WHERE c.revision > :revision "
                  "ORDER BY c.revision, c.seq"_s.arg(changeColumns, changeJoins));
    query.bindValue(u":revision"_s, revision);
    QList<RevisionChange> found;
    QList<bool> lacking;
    QList<qint64> items;
    query.exec();
    while (query.next()) {
        found.append(changeAt(query));
        lacking.append(lacksNewValue(query));
        items.append(query.value(6).toLongLong());
    }
    if (readFailed(query, u"revision_change"_s))
        return found;
    sqlite3 *db = sqliteHandle(database());
    ModifiedAfter modified(db, revision);
    if (!modified.isValid()) {
        readFailed(sqlite3_errcode(db), QString::fromUtf8(sqlite3_errmsg(db)),
                   u"revision_modified"_s);
        return found;
    }
    mergeModified(&found, &lacking, items,
                  [&](qint64 number, qint64 item) { return modified.find(number, item); });
    if (modified.failed(*this))
        return found;
    QList<RevisionChange *> pointers;
    for (RevisionChange &change : found)
        pointers.append(&change);
    fillNewValues(pointers, lacking, true); // every change after the revision is here
    return found;
}

QList<DeletedEvent> SqliteTimelineStore::deletedEvents() const {
    // Each event's last deletion (through revision_change_deletions) with no whole-item
    // change after it that brought the event back, and no stored event of that uid now.
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT i.uid, c.old, r.number, r.at, r.author, r.note, r.summary "
                  "FROM revision_change c INDEXED BY revision_change_deletions "
                  "JOIN revision_item i ON i.id = c.item JOIN revision r ON r.number = c.revision "
                  "WHERE c.field = 0 AND c.old IS NOT NULL AND c.new IS NULL "
                  "AND i.entity = 'event' "
                  "AND NOT EXISTS (SELECT 1 FROM revision_change l WHERE l.item = c.item "
                  "AND l.field = 0 AND (l.revision, l.seq) > (c.revision, c.seq) "
                  "AND (l.new IS NOT NULL OR l.old IS NOT NULL)) "
                  "AND NOT EXISTS (SELECT 1 FROM event e WHERE e.uid = i.uid)"_s);
    QList<DeletedEvent> result;
    query.exec();
    while (query.next()) {
        DeletedEvent gone;
        gone.uid = query.value(0).toString();
        gone.title = EntitySnapshot::valueFromText(valueOf(query.value(1)))
                         .toObject()
                         .value(u"title"_s)
                         .toString();
        gone.revision = query.value(2).toLongLong();
        gone.at = QDateTime::fromString(query.value(3).toString(), Qt::ISODateWithMs);
        gone.author = query.value(4).toString();
        gone.note = query.value(5).toString();
        gone.summary = query.value(6).toString();
        result.append(gone);
    }
    readFailed(query, u"revision_change"_s);
    std::sort(result.begin(), result.end(), [](const DeletedEvent &a, const DeletedEvent &b) {
        return a.revision != b.revision ? a.revision > b.revision : a.uid < b.uid;
    });
    return result;
}
