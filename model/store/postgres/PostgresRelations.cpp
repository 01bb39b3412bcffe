// The PostgreSQL store: relations between events (model/Relation.h), read and written.

#include "model/store/RelationRows.h"
#include "model/store/postgres/PostgresTimelineStore.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// Text columns are NOT NULL: a null QString (a relation without a note) binds "".
QVariant text(const QString &value) {
    return value.isNull() ? QVariant(u""_s) : QVariant(value);
}

} // namespace

QList<Relation> PostgresTimelineStore::readRelations(const QString &where,
                                                     const QString &uid) const {
    return RelationRows::read(
        database(), where, uid, u"r.type COLLATE \"C\""_s,
        [this](const QSqlQuery &query, const QString &table) { return readFailed(query, table); });
}

QList<Relation> PostgresTimelineStore::relations() const {
    return readRelations({}, {});
}

QList<Relation> PostgresTimelineStore::relationsOf(const QString &eventUid) const {
    if (eventUid.isEmpty())
        return {};
    return readRelations(RelationRows::ofEventWhere, eventUid);
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
    query.bindValue(u":note"_s, text(relation.note.trimmed()));
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
        query.bindValue(u":quote"_s, text(citation.quote));
        query.bindValue(u":locator"_s, text(citation.locator));
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
