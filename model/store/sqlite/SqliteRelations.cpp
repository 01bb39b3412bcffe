// The SQLite store: relations between events (model/Relation.h), read and written.

#include "model/store/RelationRows.h"
#include "model/store/sqlite/SqliteStoreInternals.h"

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

QList<Relation> SqliteTimelineStore::readRelations(const QString &where, const QString &uid) const {
    return RelationRows::read(
        database(), where, uid, u"r.type"_s,
        [this](const QSqlQuery &query, const QString &table) { return readFailed(query, table); });
}

QList<Relation> SqliteTimelineStore::relations() const {
    return readRelations({}, {});
}

QList<Relation> SqliteTimelineStore::relationsOf(const QString &eventUid) const {
    if (eventUid.isEmpty())
        return {};
    return readRelations(RelationRows::ofEventWhere, eventUid);
}

bool SqliteTimelineStore::writeRelation(const Relation &relation, bool replace, StoreError *error) {
    const qint64 from = idForUid(u"event"_s, relation.fromUid);
    const qint64 to = idForUid(u"event"_s, relation.toUid);
    const auto refuse = [&](const QString &why) {
        *error = {StoreError::Kind::Invalid,
                  u"relation %1 %2 %3: %4"_s.arg(relation.fromUid, relationTypeKey(relation.type),
                                                 relation.toUid, why)};
        return false;
    };
    if (from == 0)
        return refuse(u"there is no event %1"_s.arg(relation.fromUid));
    if (to == 0)
        return refuse(u"there is no event %1"_s.arg(relation.toUid));
    if (from == to)
        return refuse(u"an event cannot answer itself"_s);
    QSqlQuery &existing = statement(
        u"SELECT id FROM relation WHERE from_event = :from AND to_event = :to AND type = :type"_s);
    existing.bindValue(u":from"_s, from);
    existing.bindValue(u":to"_s, to);
    existing.bindValue(u":type"_s, relationTypeKey(relation.type));
    qint64 id = existing.exec() && existing.next() ? existing.value(0).toLongLong() : 0;
    existing.finish();
    if (id != 0 && !replace)
        return true;
    QSqlQuery &write =
        statement(id == 0 ? u"INSERT INTO relation(from_event, to_event, type, note) "
                            "VALUES (:from, :to, :type, :note)"_s
                          : u"UPDATE relation SET note = :note WHERE id = :id"_s);
    if (id == 0) {
        write.bindValue(u":from"_s, from);
        write.bindValue(u":to"_s, to);
        write.bindValue(u":type"_s, relationTypeKey(relation.type));
    } else {
        write.bindValue(u":id"_s, id);
    }
    write.bindValue(u":note"_s, text(relation.note.trimmed()));
    if (!write.exec()) {
        *error = errorFrom(write, u"save the relation"_s);
        return false;
    }
    if (id == 0)
        id = write.lastInsertId().toLongLong();
    write.finish();
    QSqlQuery &clear = statement(u"DELETE FROM relation_source WHERE relation_id = :id"_s);
    clear.bindValue(u":id"_s, id);
    if (!clear.exec()) {
        *error = errorFrom(clear, u"save the relation's sources"_s);
        return false;
    }
    QSqlQuery &cite =
        statement(u"INSERT INTO relation_source(relation_id, source_id, quote, locator, position) "
                  "VALUES (:relation, :source, :quote, :locator, :position)"_s);
    int position = 0;
    for (const Citation &citation : relation.citations) {
        const qint64 source = sourceIdForUid(citation.sourceUid);
        if (source == 0)
            return refuse(u"there is no source %1"_s.arg(citation.sourceUid));
        cite.bindValue(u":relation"_s, id);
        cite.bindValue(u":source"_s, source);
        cite.bindValue(u":quote"_s, text(citation.quote));
        cite.bindValue(u":locator"_s, text(citation.locator));
        cite.bindValue(u":position"_s, position++);
        if (!cite.exec()) {
            *error = errorFrom(cite, u"save the relation's sources"_s);
            return false;
        }
    }
    return true;
}

bool SqliteTimelineStore::removeRelation(const Relation &relation, StoreError *error) {
    // The sources go first: the import writes with SQLite's foreign-key actions off.
    for (const QString &sql :
         {u"DELETE FROM relation_source WHERE relation_id IN (SELECT id FROM relation %1)"_s,
          u"DELETE FROM relation %1"_s}) {
        QSqlQuery &remove = statement(
            sql.arg(u"WHERE from_event = (SELECT id FROM event WHERE uid = :from) AND "
                    "to_event = (SELECT id FROM event WHERE uid = :to) AND type = :type"_s));
        remove.bindValue(u":from"_s, relation.fromUid);
        remove.bindValue(u":to"_s, relation.toUid);
        remove.bindValue(u":type"_s, relationTypeKey(relation.type));
        if (!remove.exec()) {
            *error = errorFrom(remove, u"remove the relation"_s);
            return false;
        }
    }
    return true;
}
