// The PostgreSQL store: the events a filter selects, read straight into the compact
// TimelineData the timeline draws, without building Event objects (see TimelineDataQuery).

#include "model/TimelineData.h"
#include "model/store/RelationRows.h"
#include "model/store/postgres/PostgresTimelineStore.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// Maps the store's name-table ids to the builder's indices.
QHash<qint64, int> nameIndices(const PostgresTimelineStore &store, const QString &table,
                               TimelineDataBuilder &builder, bool actors) {
    QHash<qint64, int> indices;
    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    query.exec(
        u"SELECT id, name FROM %1 ORDER BY lower(name) COLLATE \"C\", name COLLATE \"C\""_s.arg(
            table));
    while (query.next()) {
        const QString name = query.value(1).toString();
        indices.insert(query.value(0).toLongLong(),
                       actors ? builder.actorIndex(name) : builder.chipIndex(name));
    }
    store.readFailed(query, table);
    return indices;
}

// An event's sources counted, whether one has an address, its actors' and chips' ids in order:
// looked up for each event a filter selects, or, for the whole timeline, by one pass over each
// link table grouped by event and merge-joined (at 100k events half the server's time).
const QString linksOfEach = uR"((SELECT count(*) FROM event_source es WHERE es.event_id = e.id),
      EXISTS (SELECT 1 FROM event_source es JOIN source s ON s.id = es.source_id
               WHERE es.event_id = e.id AND (s.url <> '' OR s.doi <> '')),
      (SELECT string_agg(CAST(actor_id AS text), ',' ORDER BY position)
         FROM event_actor WHERE event_id = e.id),
      (SELECT string_agg(CAST(chip_id AS text), ',' ORDER BY position)
         FROM event_chip WHERE event_id = e.id))"_s;
const QString linksOfAll =
    u"coalesce(cited.sources, 0), coalesce(cited.addressed, FALSE), actors.ids, chips.ids"_s;
const QString linksJoined = uR"((SELECT es.event_id, count(*) AS sources,
             bool_or(s.url <> '' OR s.doi <> '') AS addressed
        FROM event_source es JOIN source s ON s.id = es.source_id
       GROUP BY es.event_id) cited ON cited.event_id = e.id
  LEFT JOIN (SELECT event_id, string_agg(CAST(actor_id AS text), ',' ORDER BY position) AS ids
               FROM event_actor GROUP BY event_id) actors ON actors.event_id = e.id
  LEFT JOIN (SELECT event_id, string_agg(CAST(chip_id AS text), ',' ORDER BY position) AS ids
               FROM event_chip GROUP BY event_id) chips ON chips.event_id = e.id)"_s;

void appendIds(const QVariant &list, const QHash<qint64, int> &indices, QList<int> &out) {
    out.clear();
    const QString text = list.toString();
    if (text.isEmpty())
        return;
    for (QStringView part : QStringView(text).split(u',')) {
        const auto found = indices.constFind(part.toLongLong());
        if (found != indices.cend())
            out << *found;
    }
}

} // namespace

TimelineData PostgresTimelineStore::timelineData(const EventFilter &filter) const {
    TimelineDataBuilder builder;
    const QList<Category> stored = categories();
    builder.setCategories(stored);
    QHash<qint64, int> categoryIndex;
    for (qsizetype i = 0; i < stored.size(); ++i)
        categoryIndex.insert(stored.at(i).id, int(i));
    const QHash<qint64, int> actorIndex = nameIndices(*this, u"actor"_s, builder, true);
    const QHash<qint64, int> chipIndex = nameIndices(*this, u"chip"_s, builder, false);

    QVariantMap bindings;
    const QString where = filterSql(filter, bindings);
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(uR"(SELECT e.id, e.title, e.first_day, e.last_day,
                             e.start_month IS NOT NULL, e.start_day IS NOT NULL,
                             e.end_year IS NOT NULL, e.category_id, e.status, e.importance, %1
                        FROM event e %2)"_s.arg(where.isEmpty() ? linksOfAll : linksOfEach,
                                                where.isEmpty() ? u"LEFT JOIN "_s + linksJoined
                                                                : u"WHERE "_s + where) +
                  u" ORDER BY e.id"_s);
    PostgresDetail::bindAll(query, bindings);
    if (!query.exec()) {
        readFailed(query, u"event"_s);
        return std::move(builder).build();
    }
    TimelineRow row;
    while (query.next()) {
        row.id = query.value(0).toLongLong();
        row.title = query.value(1).toString();
        row.firstDay = query.value(2).toLongLong();
        row.lastDay = query.value(3).toLongLong();
        const bool hasMonth = query.value(4).toBool();
        const bool hasDay = query.value(5).toBool();
        row.precision =
            hasDay ? DatePrecision::Day : (hasMonth ? DatePrecision::Month : DatePrecision::Year);
        row.isRange = query.value(6).toBool();
        row.category =
            query.value(7).isNull() ? -1 : categoryIndex.value(query.value(7).toLongLong(), -1);
        row.status = eventStatusFromKey(query.value(8).toString()).value_or(EventStatus::Confirmed);
        row.importance = query.value(9).toInt();
        row.sourceCount = query.value(10).toInt();
        row.anySourceHasAddress = query.value(11).toBool();
        appendIds(query.value(12), actorIndex, row.actors);
        appendIds(query.value(13), chipIndex, row.chips);
        builder.add(row);
    }
    readFailed(query, u"event"_s);
    // The rules' in-force ends, after the events: damage there is reported as theirs.
    if (!readError().isError())
        builder.setForceEndDays(RelationRows::forceEndDays(
            database(), [this](const QSqlQuery &failed, const QString &table) {
                return readFailed(failed, table);
            }));
    return std::move(builder).build();
}
