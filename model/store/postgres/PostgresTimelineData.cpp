// The PostgreSQL store: the events a filter selects, read straight into the compact
// TimelineData the timeline draws, without building Event objects (see TimelineDataQuery).

#include "model/TimelineData.h"
#include "model/store/RelationRows.h"
#include "model/store/postgres/PostgresTimelineStore.h"

#include <QVariant>

#include <array>

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

// An event's sources counted, whether one has an address, its actors' and chips' ids in order
// (separated by spaces): looked up for each event a filter selects, or, for the whole
// timeline, by one pass over each link table grouped by event and merge-joined.
const QString linksOfEach = uR"((SELECT count(*) FROM event_source es WHERE es.event_id = e.id)
        AS sources,
      EXISTS (SELECT 1 FROM event_source es JOIN source s ON s.id = es.source_id
               WHERE es.event_id = e.id AND (s.url <> '' OR s.doi <> '')) AS addressed,
      (SELECT string_agg(CAST(actor_id AS text), ' ' ORDER BY position)
         FROM event_actor WHERE event_id = e.id) AS actors,
      (SELECT string_agg(CAST(chip_id AS text), ' ' ORDER BY position)
         FROM event_chip WHERE event_id = e.id) AS chips)"_s;
const QString linksOfAll = uR"(coalesce(cited.sources, 0) AS sources,
      coalesce(cited.addressed, FALSE) AS addressed, actors.ids AS actors, chips.ids AS chips)"_s;
// The sources are hashed once (the OFFSET 0 keeps the planner from looking each citation's
// source up by its index, 150k lookups at 100k events), and the links are aggregated from
// one sort by (event, position) instead of one small sort per event that an aggregate's own
// ORDER BY costs (PostgreSQL keeps the input order within each group). Server time at 100k
// events: ~725 → ~455 ms.
const QString linksJoined = uR"((SELECT es.event_id, count(*) AS sources,
             bool_or(s.url <> '' OR s.doi <> '') AS addressed
        FROM event_source es JOIN (SELECT id, url, doi FROM source OFFSET 0) s
          ON s.id = es.source_id
       GROUP BY es.event_id) cited ON cited.event_id = e.id
  LEFT JOIN (SELECT event_id, string_agg(CAST(actor_id AS text), ' ') AS ids
               FROM (SELECT event_id, actor_id FROM event_actor
                      ORDER BY event_id, position) o
              GROUP BY event_id) actors ON actors.event_id = e.id
  LEFT JOIN (SELECT event_id, string_agg(CAST(chip_id AS text), ' ') AS ids
               FROM (SELECT event_id, chip_id FROM event_chip
                      ORDER BY event_id, position) o
              GROUP BY event_id) chips ON chips.event_id = e.id)"_s;

// The events travel in chunks of this many ids, each one row of two values: the numbers of
// every event ("id,first,last,flags,category,status,importance,sources,actors,chips", events
// separated by ';', ids in a list by ' ') and the titles as a text array. At 100k events, one
// row per event cost the client more than the server (~0.5 µs for each of 1.4M values, and a
// result per row): ~1 s against ~0.5 s for the same data in 25 rows.
constexpr int ChunkIds = 4096;

enum Flag { HasMonth = 1, HasDay = 2, IsRange = 4, Addressed = 8 };

void appendIds(QStringView list, const QHash<qint64, int> &indices, QList<int> &out) {
    out.clear();
    if (list.isEmpty())
        return;
    for (const QStringView part : list.tokenize(u' ')) {
        const auto found = indices.constFind(part.toLongLong());
        if (found != indices.cend())
            out << *found;
    }
}

} // namespace

QStringList PostgresDetail::textArrayElements(QStringView array) {
    // array_out's text: {a,"b c","d\"e",NULL}; an element is quoted when it is empty, holds
    // white space, a quote, a backslash, a brace or a comma, or reads NULL, and inside the
    // quotes a backslash escapes the next character. An unquoted NULL is a null: empty here.
    QStringList elements;
    if (array.size() < 2 || array.front() != u'{' || array.back() != u'}')
        return elements;
    const QStringView inner = array.sliced(1, array.size() - 2);
    if (inner.isEmpty())
        return elements;
    qsizetype i = 0;
    while (i <= inner.size()) {
        QString element;
        if (i < inner.size() && inner.at(i) == u'"') {
            ++i;
            while (i < inner.size() && inner.at(i) != u'"') {
                if (inner.at(i) == u'\\' && i + 1 < inner.size())
                    ++i;
                element += inner.at(i++);
            }
            ++i; // the closing quote
        } else {
            const qsizetype end = inner.indexOf(u',', i);
            const QStringView raw = inner.sliced(i, (end < 0 ? inner.size() : end) - i);
            if (raw != u"NULL")
                element = raw.toString();
            i += raw.size();
        }
        elements << element;
        ++i; // the comma
    }
    return elements;
}

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
    query.prepare(uR"(SELECT string_agg(concat_ws(',', id, first_day, last_day, flags,
                                                  coalesce(category_id, 0), status, importance,
                                                  sources, coalesce(actors, ''),
                                                  coalesce(chips, '')), ';' ORDER BY id),
                             array_agg(title ORDER BY id)
                        FROM (SELECT e.id, e.title, e.first_day, e.last_day,
                                     CAST(e.start_month IS NOT NULL AS int) * %1
                                       + CAST(e.start_day IS NOT NULL AS int) * %2
                                       + CAST(e.end_year IS NOT NULL AS int) * %3
                                       + CAST(addressed AS int) * %4 AS flags,
                                     e.category_id, e.status, e.importance, sources, actors, chips
                                FROM (SELECT e.id, e.title, e.first_day, e.last_day,
                                             e.start_month, e.start_day, e.end_year,
                                             e.category_id, e.status, e.importance, %6
                                        FROM event e %7) e) r
                       GROUP BY id / %5 ORDER BY id / %5)"_s.arg(HasMonth)
                      .arg(HasDay)
                      .arg(IsRange)
                      .arg(Addressed)
                      .arg(ChunkIds)
                      .arg(where.isEmpty() ? linksOfAll : linksOfEach,
                           where.isEmpty() ? u"LEFT JOIN "_s + linksJoined : u"WHERE "_s + where));
    PostgresDetail::bindAll(query, bindings);
    if (!query.exec()) {
        readFailed(query, u"event"_s);
        return std::move(builder).build();
    }
    TimelineRow row;
    while (query.next()) {
        const QString numbers = query.value(0).toString();
        const QStringList titles = PostgresDetail::textArrayElements(query.value(1).toString());
        qsizetype index = 0;
        for (const QStringView event : QStringView(numbers).tokenize(u';')) {
            if (event.isEmpty())
                continue;
            // id, first, last, flags, category, status, importance, sources, actors, chips
            std::array<QStringView, 10> values;
            qsizetype count = 0;
            for (const QStringView value : event.tokenize(u','))
                if (count < qsizetype(values.size()))
                    values[count++] = value;
            row.id = values[0].toLongLong();
            row.firstDay = values[1].toLongLong();
            row.lastDay = values[2].toLongLong();
            const int flags = values[3].toInt();
            row.precision = (flags & HasDay)     ? DatePrecision::Day
                            : (flags & HasMonth) ? DatePrecision::Month
                                                 : DatePrecision::Year;
            row.isRange = flags & IsRange;
            row.anySourceHasAddress = flags & Addressed;
            row.category = categoryIndex.value(values[4].toLongLong(), -1);
            row.status = eventStatusFromKey(values[5]).value_or(EventStatus::Confirmed);
            row.importance = values[6].toInt();
            row.sourceCount = values[7].toInt();
            appendIds(values[8], actorIndex, row.actors);
            appendIds(values[9], chipIndex, row.chips);
            row.title = titles.value(index++);
            builder.add(row);
        }
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
