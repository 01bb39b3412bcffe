// The SQLite store: recording each write's revision in the write's own transaction (the
// items it touches are read before and after, and their differences written; see
// RevisionRecorder), and reading the history back.

#include "model/history/EntitySnapshot.h"
#include "model/store/sqlite/SqliteStoreInternals.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

void SqliteTimelineStore::touchEventsWhere(const QString &condition, const QVariant &key) {
    QSqlQuery query(database());
    query.prepare(u"SELECT e.uid FROM event e WHERE "_s + condition);
    query.bindValue(u":id"_s, key);
    query.exec();
    QStringList uids;
    while (query.next())
        uids << query.value(0).toString();
    for (const QString &uid : std::as_const(uids))
        touch(u"event"_s, uid);
}

void SqliteTimelineStore::touchRelationsWhere(const QString &condition, const QString &uid) {
    QSqlQuery query(database());
    query.prepare(u"SELECT f.uid, r.type, t.uid FROM relation r JOIN event f ON f.id = "
                  "r.from_event JOIN event t ON t.id = r.to_event WHERE "_s +
                  condition);
    query.bindValue(u":uid"_s, uid);
    query.exec();
    QList<Relation> found;
    while (query.next())
        if (const std::optional<RelationType> type = relationTypeFromKey(query.value(1).toString()))
            found << Relation{query.value(0).toString(), query.value(2).toString(), *type, {}, {}};
    for (const Relation &relation : std::as_const(found))
        touch(u"relation"_s, EntitySnapshot::relationKey(relation));
}

void SqliteTimelineStore::touchRelationsOfEvent(const QString &eventUid) {
    touchRelationsWhere(u"f.uid = :uid OR t.uid = :uid"_s, eventUid);
}

void SqliteTimelineStore::touchRelationsCitingSource(const QString &sourceUid) {
    touchRelationsWhere(u"r.id IN (SELECT rs.relation_id FROM relation_source rs JOIN source s "
                        "ON s.id = rs.source_id WHERE s.uid = :uid)"_s,
                        sourceUid);
}

QString SqliteTimelineStore::uidOf(const QString &table, qint64 id) const {
    QSqlQuery &query = statement(u"SELECT uid FROM %1 WHERE id = :id"_s.arg(table));
    query.bindValue(u":id"_s, id);
    const QString uid = query.exec() && query.next() ? query.value(0).toString() : QString();
    query.finish();
    return uid;
}

qint64 SqliteTimelineStore::writeRevision(const QString &kind, const QString &summary,
                                          StoreError *error) {
    QSqlQuery &insert = statement(u"INSERT INTO revision(at, author, note, kind, summary) "
                                  "VALUES (:at, :author, :note, :kind, :summary)"_s);
    insert.bindValue(u":at"_s, nowIso());
    insert.bindValue(u":author"_s, text(m_author));
    insert.bindValue(u":note"_s, text(m_changeNote));
    insert.bindValue(u":kind"_s, kind);
    insert.bindValue(u":summary"_s, text(summary));
    if (!insert.exec()) {
        *error = errorFrom(insert, u"record the revision"_s);
        return 0;
    }
    const qint64 number = insert.lastInsertId().toLongLong();
    QSqlQuery &change =
        statement(u"INSERT INTO revision_change(revision, entity, uid, field, old, new) "
                  "VALUES (:revision, :entity, :uid, :field, :old, :new)"_s);
    for (const RevisionChange &field : m_revision.changes()) {
        change.bindValue(u":revision"_s, number);
        change.bindValue(u":entity"_s, field.entity);
        change.bindValue(u":uid"_s, field.uid);
        change.bindValue(u":field"_s, field.field);
        change.bindValue(u":old"_s, field.oldValue.isNull() ? QVariant() : field.oldValue);
        change.bindValue(u":new"_s, field.newValue.isNull() ? QVariant() : field.newValue);
        if (!change.exec()) {
            *error = errorFrom(change, u"record the revision"_s);
            return 0;
        }
    }
    m_revision.clear();
    m_changeNote.clear();
    return number;
}

bool SqliteTimelineStore::recordImport(const QString &fileName, const ImportSummary &counts,
                                       const BeforeImport &before, StoreError *error) {
    const QString summary =
        fileName.isEmpty() ? counts.toString()
                           : u"%1: %2"_s.arg(QFileInfo(fileName).fileName(), counts.toString());
    const qint64 number = writeRevision(u"import"_s, summary, error);
    if (number == 0)
        return false;
    QSqlQuery query(database());
    for (const auto &[table, maxId] :
         {std::pair(u"event"_s, before.maxEventId), std::pair(u"source"_s, before.maxSourceId)}) {
        query.prepare(u"INSERT INTO revision_change(revision, entity, uid, field, old, new) "
                      "SELECT :revision, '%1', uid, '*', NULL, NULL FROM %1 WHERE id > :max "
                      "ORDER BY id"_s.arg(table));
        query.bindValue(u":revision"_s, number);
        query.bindValue(u":max"_s, maxId);
        if (!query.exec()) {
            *error = errorFrom(query, u"record the revision"_s);
            return false;
        }
    }
    query.prepare(u"SELECT value FROM meta WHERE key = 'title'"_s);
    const QString title = query.exec() && query.next() ? query.value(0).toString() : QString();
    query.finish();
    if (title != before.title) {
        query.prepare(u"INSERT INTO revision_change(revision, entity, uid, field, old, new) "
                      "VALUES (:revision, 'dataset', 'title', 'title', :old, :new)"_s);
        query.bindValue(u":revision"_s, number);
        query.bindValue(u":old"_s, EntitySnapshot::valueText(before.title));
        query.bindValue(u":new"_s, EntitySnapshot::valueText(title));
        if (!query.exec()) {
            *error = errorFrom(query, u"record the revision"_s);
            return false;
        }
    }
    return true;
}

QList<Revision> SqliteTimelineStore::revisions(const RevisionFilter &filter) const {
    QSqlQuery query(database());
    query.setForwardOnly(true);
    QStringList conditions;
    if (!filter.uid.isEmpty())
        // Through revision_change_by_uid: as fast with a million revisions as with ten.
        conditions << u"r.number IN (SELECT c.revision FROM revision_change c "
                      "WHERE c.uid = :uid)"_s;
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
    changes.prepare(
        u"SELECT entity, uid, field, old, new FROM revision_change WHERE revision = :revision "
        "%1 ORDER BY rowid"_s.arg(filter.uid.isEmpty() ? QString() : u"AND uid = :uid"_s));
    for (Revision &revision : found) {
        changes.bindValue(u":revision"_s, revision.number);
        if (!filter.uid.isEmpty())
            changes.bindValue(u":uid"_s, filter.uid);
        changes.exec();
        while (changes.next())
            revision.changes.append({revision.number, changes.value(0).toString(),
                                     changes.value(1).toString(), changes.value(2).toString(),
                                     changes.value(3).toString(), changes.value(4).toString()});
        if (readFailed(changes, u"revision_change"_s))
            break;
    }
    return found;
}

qint64 SqliteTimelineStore::latestRevision() const {
    QSqlQuery &query = statement(u"SELECT MAX(number) FROM revision"_s);
    const qint64 number = query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    readFailed(query, u"revision"_s);
    query.finish();
    return number;
}

QList<RevisionChange> SqliteTimelineStore::changesAfter(qint64 revision) const {
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT revision, entity, uid, field, old, new FROM revision_change "
                  "WHERE revision > :revision ORDER BY rowid"_s);
    query.bindValue(u":revision"_s, revision);
    QList<RevisionChange> found;
    query.exec();
    while (query.next())
        found.append({query.value(0).toLongLong(), query.value(1).toString(),
                      query.value(2).toString(), query.value(3).toString(),
                      query.value(4).toString(), query.value(5).toString()});
    readFailed(query, u"revision_change"_s);
    return found;
}
