#include "model/store/RelationRows.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

QList<Relation> RelationRows::read(const QSqlDatabase &db, const QString &where, const QString &uid,
                                   const QString &typeOrder, const ReadFailed &readFailed) {
    QList<Relation> relations;
    QHash<qint64, qsizetype> indexById;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(uR"(SELECT r.id, f.uid, t.uid, r.type, r.note
          FROM relation r JOIN event f ON f.id = r.from_event JOIN event t ON t.id = r.to_event
         %1
         ORDER BY f.first_day, f.id, t.first_day, t.id, %2)"_s.arg(where, typeOrder));
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
    QSqlQuery citations(db);
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

QHash<qint64, qint64> RelationRows::forceEndDays(const QSqlDatabase &db,
                                                 const ReadFailed &readFailed) {
    QHash<qint64, qint64> days;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // The types that end a rule's force (relationEndsForce), as bound values.
    QStringList ending;
    QStringList placeholders;
    for (const QString &key : relationTypeKeys()) {
        if (relationEndsForce(*relationTypeFromKey(key))) {
            placeholders << u":type%1"_s.arg(ending.size());
            ending << key;
        }
    }
    query.prepare(uR"(SELECT r.to_event, min(f.first_day)
          FROM relation r JOIN event f ON f.id = r.from_event
         WHERE r.type IN (%1)
         GROUP BY r.to_event)"_s.arg(placeholders.join(u", "_s)));
    for (qsizetype i = 0; i < ending.size(); ++i)
        query.bindValue(placeholders.at(i), ending.at(i));
    query.exec();
    while (query.next())
        days.insert(query.value(0).toLongLong(), query.value(1).toLongLong());
    readFailed(query, u"relation"_s);
    return days;
}
