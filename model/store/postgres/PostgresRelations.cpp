// The PostgreSQL store: relations between events (model/Relation.h), read and written.

#include "model/store/postgres/PostgresTimelineStore.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// Relations in time order of the event that points, then of the one it points at (as SQLite).
const QString relationColumns = uR"(SELECT r.id, f.uid, t.uid, r.type, r.note
          FROM relation r JOIN event f ON f.id = r.from_event JOIN event t ON t.id = r.to_event
         %1
         ORDER BY f.first_day, f.id, t.first_day, t.id, r.type COLLATE "C")"_s;

} // namespace

QList<Relation> PostgresTimelineStore::readRelations(const QString &where,
                                                     const QString &uid) const {
    QList<Relation> relations;
    QHash<qint64, qsizetype> indexById;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(relationColumns.arg(where));
    if (!uid.isEmpty())
        query.bindValue(u":uid"_s, uid);
    query.exec();
    while (query.next()) {
        const std::optional<RelationType> type = relationTypeFromKey(query.value(3).toString());
        if (!type)
            continue; // written by a newer ChipTimeline: not shown rather than misread
        indexById.insert(query.value(0).toLongLong(), relations.size());
        relations << Relation{query.value(1).toString(),
                              query.value(2).toString(),
                              *type,
                              query.value(4).toString(),
                              {}};
    }
    if (readFailed(query, u"relation"_s) || relations.isEmpty())
        return relations;
    QSqlQuery citations(database());
    citations.setForwardOnly(true);
    citations.prepare(uR"(SELECT rs.relation_id, s.uid, rs.quote, rs.locator
              FROM relation_source rs JOIN source s ON s.id = rs.source_id
             %1
             ORDER BY rs.relation_id, rs.position)"_s.arg(
        uid.isEmpty() ? QString()
                      : u"WHERE rs.relation_id IN (SELECT r.id FROM relation r "
                        "JOIN event f ON f.id = r.from_event "
                        "JOIN event t ON t.id = r.to_event %1)"_s.arg(where)));
    if (!uid.isEmpty())
        citations.bindValue(u":uid"_s, uid);
    citations.exec();
    while (citations.next()) {
        const auto at = indexById.constFind(citations.value(0).toLongLong());
        if (at != indexById.cend())
            relations[*at].citations
                << Citation{citations.value(1).toString(), citations.value(2).toString(),
                            citations.value(3).toString()};
    }
    readFailed(citations, u"relation_source"_s);
    return relations;
}

QList<Relation> PostgresTimelineStore::relations() const {
    return readRelations({}, {});
}

QList<Relation> PostgresTimelineStore::relationsOf(const QString &eventUid) const {
    if (eventUid.isEmpty())
        return {};
    return readRelations(u"WHERE f.uid = :uid OR t.uid = :uid"_s, eventUid);
}

bool PostgresTimelineStore::writeRelation(const Relation &relation, bool replace,
                                          StoreError *error) {
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
    QSqlQuery query(database());
    query.prepare(
        u"SELECT id FROM relation WHERE from_event = :from AND to_event = :to AND type = :type"_s);
    query.bindValue(u":from"_s, from);
    query.bindValue(u":to"_s, to);
    query.bindValue(u":type"_s, relationTypeKey(relation.type));
    if (!query.exec()) {
        *error = errorFrom(query, u"save the relation"_s);
        return false;
    }
    qint64 id = query.next() ? query.value(0).toLongLong() : 0;
    if (id != 0 && !replace)
        return true;
    if (id == 0) {
        query.prepare(u"INSERT INTO relation(from_event, to_event, type, note) "
                      "VALUES (:from, :to, :type, :note) RETURNING id"_s);
        query.bindValue(u":from"_s, from);
        query.bindValue(u":to"_s, to);
        query.bindValue(u":type"_s, relationTypeKey(relation.type));
    } else {
        query.prepare(u"UPDATE relation SET note = :note WHERE id = :id RETURNING id"_s);
        query.bindValue(u":id"_s, id);
    }
    query.bindValue(u":note"_s, relation.note.trimmed());
    if (!query.exec() || !query.next()) {
        *error = errorFrom(query, u"save the relation"_s);
        return false;
    }
    id = query.value(0).toLongLong();
    query.prepare(u"DELETE FROM relation_source WHERE relation_id = :id"_s);
    query.bindValue(u":id"_s, id);
    if (!query.exec()) {
        *error = errorFrom(query, u"save the relation's sources"_s);
        return false;
    }
    int position = 0;
    for (const Citation &citation : relation.citations) {
        const qint64 source = idForUid(u"source"_s, citation.sourceUid);
        if (source == 0)
            return refuse(u"there is no source %1"_s.arg(citation.sourceUid));
        query.prepare(
            u"INSERT INTO relation_source(relation_id, source_id, quote, locator, position) "
            "VALUES (:relation, :source, :quote, :locator, :position)"_s);
        query.bindValue(u":relation"_s, id);
        query.bindValue(u":source"_s, source);
        query.bindValue(u":quote"_s, citation.quote);
        query.bindValue(u":locator"_s, citation.locator);
        query.bindValue(u":position"_s, position++);
        if (!query.exec()) {
            *error = errorFrom(query, u"save the relation's sources"_s);
            return false;
        }
    }
    return true;
}

bool PostgresTimelineStore::removeRelation(const Relation &relation, StoreError *error) {
    QSqlQuery query(database());
    query.prepare(
        u"DELETE FROM relation WHERE from_event = (SELECT id FROM event WHERE uid = "
        ":from) AND to_event = (SELECT id FROM event WHERE uid = :to) AND type = :type"_s);
    query.bindValue(u":from"_s, relation.fromUid);
    query.bindValue(u":to"_s, relation.toUid);
    query.bindValue(u":type"_s, relationTypeKey(relation.type));
    if (!query.exec()) {
        *error = errorFrom(query, u"remove the relation"_s);
        return false;
    }
    return true;
}
