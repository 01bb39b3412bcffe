// The SQLite store: an EventFilter as an SQL condition over `event e`.

#include "model/store/sqlite/SqliteStoreInternals.h"

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

QString SqliteDetail::filterClause(const EventFilter &filter, QVariantMap &bindings) {
    QStringList conditions;
    const auto inList = [&bindings](const QString &prefix, const QStringList &values) {
        QStringList names;
        for (qsizetype i = 0; i < values.size(); ++i) {
            const QString name = u":%1%2"_s.arg(prefix).arg(i);
            bindings.insert(name, values.at(i));
            names << name;
        }
        return names.join(u", ");
    };
    if (filter.fromJulianDay) {
        conditions << u"e.last_day >= :from_day"_s;
        bindings.insert(u":from_day"_s, *filter.fromJulianDay);
    }
    if (filter.toJulianDay) {
        conditions << u"e.first_day <= :to_day"_s;
        bindings.insert(u":to_day"_s, *filter.toJulianDay);
    }
    if (!filter.categories.isEmpty())
        conditions << u"e.category_id IN (SELECT id FROM category WHERE name IN (%1))"_s.arg(
            inList(u"category"_s, filter.categories));
    const auto linked = [&](const QString &table, const QString &prefix, const QStringList &names) {
        conditions << uR"(e.id IN (SELECT l.event_id FROM event_%1 l JOIN %1 n ON n.id = l.%1_id
                                    WHERE n.name IN (%2)))"_s.arg(table, inList(prefix, names));
    };
    if (!filter.actors.isEmpty())
        linked(u"actor"_s, u"actor"_s, filter.actors);
    if (!filter.chips.isEmpty())
        linked(u"chip"_s, u"chip"_s, filter.chips);
    if (!filter.tags.isEmpty())
        linked(u"tag"_s, u"tag"_s, filter.tags);
    if (!filter.statuses.isEmpty()) {
        QStringList keys;
        for (EventStatus status : filter.statuses)
            keys << eventStatusKey(status);
        conditions << u"e.status IN (%1)"_s.arg(inList(u"status"_s, keys));
    }
    if (filter.hasSources) {
        conditions
            << (*filter.hasSources
                    ? u"EXISTS (SELECT 1 FROM event_source es WHERE es.event_id = e.id)"_s
                    : u"NOT EXISTS (SELECT 1 FROM event_source es WHERE es.event_id = e.id)"_s);
    }
    return conditions.join(u" AND ");
}

QString SqliteTimelineStore::filterSql(const EventFilter &filter, QVariantMap &bindings) const {
    QString where = filterClause(filter, bindings);
    if (!filter.query.trimmed().isEmpty()) {
        if (!where.isEmpty())
            where += u" AND "_s;
        where += u"e.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH :fts)"_s;
        bindings.insert(u":fts"_s, searchExpression(filter.query));
    }
    return where;
}
