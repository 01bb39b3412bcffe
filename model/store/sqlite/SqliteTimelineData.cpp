// The SQLite store: the events a filter selects, read straight into the compact TimelineData
// the timeline draws, row by row, without building Event objects (see TimelineDataQuery).

#include "model/TimelineData.h"
#include "model/store/RelationRows.h"
#include "model/store/sqlite/SqliteTimelineStore.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// Maps the store's name-table ids to the builder's indices.
QHash<qint64, int> nameIndices(const SqliteTimelineStore &store, const QString &table,
                               TimelineDataBuilder &builder, bool actors) {
    QHash<qint64, int> indices;
    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    query.exec(u"SELECT id, name FROM %1 ORDER BY name COLLATE NOCASE"_s.arg(table));
    while (query.next()) {
        const QString name = query.value(1).toString();
        indices.insert(query.value(0).toLongLong(),
                       actors ? builder.actorIndex(name) : builder.chipIndex(name));
    }
    store.readFailed(query, table);
    return indices;
}

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

// The first ten columns both queries select: id, title, first_day, last_day, whether the start
// has a month and a day, whether it is a range, category_id, status, importance.
void readEventColumns(const QSqlQuery &query, const QHash<qint64, int> &categoryIndex,
                      TimelineRow &row) {
    row.id = query.value(0).toLongLong();
    row.title = query.value(1).toString();
    row.firstDay = query.value(2).toLongLong();
    row.lastDay = query.value(3).toLongLong();
    const bool hasMonth = query.value(4).toBool();
    const bool hasDay = query.value(5).toBool();
    row.precision =
        hasDay ? DatePrecision::Day : (hasMonth ? DatePrecision::Month : DatePrecision::Year);
    row.isRange = query.value(6).toBool();
    row.category = categoryIndex.value(query.value(7).toLongLong(), -1);
    row.status = eventStatusFromKey(query.value(8).toString()).value_or(EventStatus::Confirmed);
    row.importance = query.value(9).toInt();
}

// The rows of a link table in event order, read alongside the events (also in id order):
// one sequential pass per table instead of index lookups for every event.
class LinkCursor {
public:
    LinkCursor(const QSqlDatabase &db, const QString &sql)
        : m_query(db) {
        m_query.setForwardOnly(true);
        m_ok = m_query.exec(sql);
        advance();
    }
    [[nodiscard]] bool ok() const { return m_ok; }
    // Skips rows of events before `id`; true while the current row belongs to `id`.
    bool at(qint64 id) {
        while (m_valid && m_eventId < id)
            advance();
        return m_valid && m_eventId == id;
    }
    [[nodiscard]] QVariant value(int column) const { return m_query.value(column); }
    // Records an error that ended the rows early in the store (see TimelineStore::readError).
    void checkRead(const SqliteTimelineStore &store, const QString &table) const {
        store.readFailed(m_query, table);
    }
    void advance() {
        m_valid = m_query.next();
        m_eventId = m_valid ? m_query.value(0).toLongLong() : 0;
    }

private:
    QSqlQuery m_query;
    bool m_ok = false;
    bool m_valid = false;
    qint64 m_eventId = 0;
};

// The in-force ends of the rules (RelationRows::forceEndDays), read after the events so that
// damage in the events is reported as theirs, and only when they were read whole.
void readForceEnds(const SqliteTimelineStore &store, TimelineDataBuilder &builder) {
    if (store.readError().isError())
        return;
    builder.setForceEndDays(RelationRows::forceEndDays(
        store.database(), [&store](const QSqlQuery &query, const QString &table) {
            return store.readFailed(query, table);
        }));
}

// All events, no filter (what the window shows first): events and link tables in id order.
TimelineData loadAll(const SqliteTimelineStore &store, TimelineDataBuilder &builder,
                     const QHash<qint64, int> &categoryIndex, const QHash<qint64, int> &actorIndex,
                     const QHash<qint64, int> &chipIndex) {
    const QSqlDatabase db = store.database();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Sources without an address in a LEFT JOIN: every link row counts, as in load().
    LinkCursor sources(db, uR"(SELECT es.event_id, coalesce(s.url <> '' OR s.doi <> '', 0)
                                 FROM event_source es LEFT JOIN source s ON s.id = es.source_id
                                ORDER BY es.event_id)"_s);
    LinkCursor actors(db, u"SELECT event_id, actor_id FROM event_actor ORDER BY event_id"_s);
    LinkCursor chips(db, u"SELECT event_id, chip_id FROM event_chip ORDER BY event_id"_s);
    if (!sources.ok() || !actors.ok() || !chips.ok() ||
        !query.exec(uR"(SELECT e.id, e.title, e.first_day, e.last_day,
                               e.start_month IS NOT NULL, e.start_day IS NOT NULL,
                               e.end_year IS NOT NULL, e.category_id, e.status, e.importance
                          FROM event e ORDER BY e.id)"_s)) {
        sources.checkRead(store, u"event_source"_s);
        actors.checkRead(store, u"event_actor"_s);
        chips.checkRead(store, u"event_chip"_s);
        store.readFailed(query, u"event"_s);
        return std::move(builder).build();
    }

    TimelineRow row;
    while (query.next()) {
        readEventColumns(query, categoryIndex, row);
        row.sourceCount = 0;
        row.anySourceHasAddress = false;
        for (; sources.at(row.id); sources.advance()) {
            ++row.sourceCount;
            row.anySourceHasAddress = row.anySourceHasAddress || sources.value(1).toBool();
        }
        row.actors.clear();
        for (; actors.at(row.id); actors.advance()) {
            const auto found = actorIndex.constFind(actors.value(1).toLongLong());
            if (found != actorIndex.cend())
                row.actors << *found;
        }
        row.chips.clear();
        for (; chips.at(row.id); chips.advance()) {
            const auto found = chipIndex.constFind(chips.value(1).toLongLong());
            if (found != chipIndex.cend())
                row.chips << *found;
        }
        builder.add(row);
    }
    store.readFailed(query, u"event"_s);
    sources.checkRead(store, u"event_source"_s);
    actors.checkRead(store, u"event_actor"_s);
    chips.checkRead(store, u"event_chip"_s);
    readForceEnds(store, builder);
    return std::move(builder).build();
}

} // namespace

TimelineData SqliteTimelineStore::timelineData(const EventFilter &filter) const {
    const QSqlDatabase db = database();
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
    if (where.isEmpty())
        return loadAll(*this, builder, categoryIndex, actorIndex, chipIndex);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(uR"(SELECT e.id, e.title, e.first_day, e.last_day,
                             e.start_month IS NOT NULL, e.start_day IS NOT NULL,
                             e.end_year IS NOT NULL, e.category_id, e.status, e.importance,
                             (SELECT count(*) FROM event_source es WHERE es.event_id = e.id),
                             EXISTS (SELECT 1 FROM event_source es JOIN source s
                                       ON s.id = es.source_id
                                      WHERE es.event_id = e.id AND (s.url <> '' OR s.doi <> '')),
                             (SELECT group_concat(actor_id) FROM event_actor
                               WHERE event_id = e.id),
                             (SELECT group_concat(chip_id) FROM event_chip
                               WHERE event_id = e.id)
                        FROM event e)"_s +
                  (where.isEmpty() ? QString() : u" WHERE "_s + where));
    for (auto it = bindings.cbegin(); it != bindings.cend(); ++it)
        query.bindValue(it.key(), it.value());
    if (!query.exec()) {
        readFailed(query, u"event"_s);
        return std::move(builder).build();
    }

    TimelineRow row;
    while (query.next()) {
        readEventColumns(query, categoryIndex, row);
        row.sourceCount = query.value(10).toInt();
        row.anySourceHasAddress = query.value(11).toBool();
        appendIds(query.value(12), actorIndex, row.actors);
        appendIds(query.value(13), chipIndex, row.chips);
        builder.add(row);
    }
    readFailed(query, u"event"_s);
    readForceEnds(*this, builder);
    return std::move(builder).build();
}
