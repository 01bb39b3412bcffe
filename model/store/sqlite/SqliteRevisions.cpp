// The SQLite store: recording each write's revision in the write's own transaction (the
// items it touches are read before and after, and their differences written; see
// RevisionRecorder; the rows themselves and the reads: SqliteRevisionRows.cpp).

#include "model/history/EntitySnapshot.h"
#include "model/store/sqlite/SqliteRevisionModified.h"
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
    insert.bindValue(u":author"_s, text(author()));
    insert.bindValue(u":note"_s, text(m_changeNote));
    insert.bindValue(u":kind"_s, kind);
    insert.bindValue(u":summary"_s, text(summary));
    if (!insert.exec()) {
        *error = errorFrom(insert, u"record the revision"_s);
        return 0;
    }
    const qint64 number = insert.lastInsertId().toLongLong();
    RevisionRowIds ids;
    const QList<RevisionChange> changes = m_revision.changes();
    // An edit's own `modified` change apart, where it reads back in its place (schema 12).
    const QList<qsizetype> places = compactModifiedPlaces(changes);
    for (qsizetype i = 0; i < changes.size(); ++i)
        if (places.at(i) >= 0
                ? !writeModifiedChange(number, changes.at(i), places.at(i), &ids, error)
                : !writeRevisionChange(number, changes.at(i), &ids, error))
            return 0;
    m_revision.clear();
    m_changeNote.clear();
    return number;
}

bool SqliteTimelineStore::recordImport(const QString &fileName, const ImportSummary &counts,
                                       const BeforeImport &before, StoreError *error) {
    const qint64 number =
        writeRevision(u"import"_s, RevisionRecorder::importSummary(fileName, counts), error);
    if (number == 0)
        return false;
    for (const auto &[table, maxId] :
         {std::pair(u"event"_s, before.maxEventId), std::pair(u"source"_s, before.maxSourceId)})
        if (!writeAddedItems(number, table, maxId, error))
            return false;
    QSqlQuery query(database());
    query.prepare(u"SELECT value FROM meta WHERE key = 'title'"_s);
    const QString title = query.exec() && query.next() ? query.value(0).toString() : QString();
    query.finish();
    if (title != before.title) {
        RevisionRowIds ids;
        ids.seq = lastRevisionSeq(number);
        return writeRevisionChange(number,
                                   {number, u"dataset"_s, u"title"_s, u"title"_s,
                                    EntitySnapshot::valueText(before.title),
                                    EntitySnapshot::valueText(title)},
                                   &ids, error);
    }
    return true;
}
