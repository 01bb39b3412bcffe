// The PostgreSQL store: reading events, sources, categories, names, saved views and the
// whole dataset. Text is ordered byte by byte (COLLATE "C"), as SQLite orders it.

#include "model/store/postgres/PostgresTimelineStore.h"

#include <QColor>
#include <QDateTime>
#include <QVariant>

using namespace Qt::StringLiterals;
using PostgresDetail::bindAll;

namespace {

PartialDate dateFromParts(const QVariant &year, const QVariant &month, const QVariant &day) {
    if (year.isNull())
        return {};
    if (month.isNull())
        return PartialDate::fromYear(year.toInt());
    if (day.isNull())
        return PartialDate::fromYearMonth(year.toInt(), month.toInt());
    return PartialDate::fromYmd(year.toInt(), month.toInt(), day.toInt());
}

PartialDate dateFromIso(const QString &text) {
    return PartialDate::parseIso(text).value_or(PartialDate());
}

Source sourceFromQuery(const QSqlQuery &query) {
    Source source;
    source.id = query.value(0).toLongLong();
    source.uid = query.value(1).toString();
    source.kind = query.value(2).toString();
    source.title = query.value(3).toString();
    source.outlet = query.value(4).toString();
    const QString authors = query.value(5).toString();
    source.authors = authors.isEmpty() ? QStringList() : authors.split(u'\n');
    source.url = query.value(6).toString();
    source.doi = query.value(7).toString();
    source.published = dateFromIso(query.value(8).toString());
    source.accessed = dateFromIso(query.value(9).toString());
    source.language = query.value(10).toString();
    source.excerpt = query.value(11).toString();
    source.notes = query.value(12).toString();
    return source;
}

const QString sourceColumns = u"id, uid, kind, title, outlet, authors, url, doi, published, "
                              "accessed, language, excerpt, notes"_s;

QStringList namesOf(const PostgresTimelineStore &store, const QString &table) {
    QStringList names;
    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    query.exec(
        u"SELECT name FROM %1 ORDER BY lower(name) COLLATE \"C\", name COLLATE \"C\""_s.arg(table));
    while (query.next())
        names << query.value(0).toString();
    store.readFailed(query, table);
    return names;
}

} // namespace

bool PostgresTimelineStore::wasEverFilled() const {
    QSqlQuery query(database());
    if (query.exec(u"SELECT 1 FROM meta WHERE key = 'filled'"_s) && query.next())
        return true;
    readFailed(query, u"meta"_s);
    return false;
}

int PostgresTimelineStore::eventCount() const {
    QSqlQuery query(database());
    if (query.exec(u"SELECT count(*) FROM event"_s) && query.next())
        return query.value(0).toInt();
    readFailed(query, u"event"_s);
    return 0;
}

int PostgresTimelineStore::sourceCount() const {
    QSqlQuery query(database());
    if (query.exec(u"SELECT count(*) FROM source"_s) && query.next())
        return query.value(0).toInt();
    readFailed(query, u"source"_s);
    return 0;
}

QList<Category> PostgresTimelineStore::categories() const {
    QList<Category> result;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.exec(u"SELECT id, name, label, color, sort_order, translations FROM category "
               "ORDER BY sort_order, name COLLATE \"C\""_s);
    while (query.next()) {
        Category category;
        category.id = query.value(0).toLongLong();
        category.name = query.value(1).toString();
        category.label = query.value(2).toString();
        category.color = QColor::fromString(query.value(3).toString());
        category.order = query.value(4).toInt();
        category.labelTranslations =
            DataTranslations::labelTranslationsFromText(query.value(5).toString());
        result << category;
    }
    readFailed(query, u"category"_s);
    return result;
}

QList<Event> PostgresTimelineStore::events(const EventFilter &filter) const {
    QVariantMap bindings;
    const QString where = filterSql(filter, bindings);
    return loadEvents(where, bindings);
}

std::vector<qint64> PostgresTimelineStore::eventIds(const EventFilter &filter) const {
    QVariantMap bindings;
    const QString where = filterSql(filter, bindings);
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT e.id FROM event e"_s + (where.isEmpty() ? QString() : u" WHERE "_s) +
                  where + u" ORDER BY e.id"_s);
    bindAll(query, bindings);
    std::vector<qint64> ids;
    if (query.exec())
        while (query.next())
            ids.push_back(query.value(0).toLongLong());
    readFailed(query, u"event"_s);
    return ids;
}

std::optional<Event> PostgresTimelineStore::event(qint64 id) const {
    const QList<Event> found = loadEvents(u"e.id = :id"_s, {{u":id"_s, id}});
    return found.isEmpty() ? std::nullopt : std::optional<Event>(found.constFirst());
}

std::optional<Event> PostgresTimelineStore::eventByUid(const QString &uid) const {
    const QList<Event> found = loadEvents(u"e.uid = :uid"_s, {{u":uid"_s, uid}});
    return found.isEmpty() ? std::nullopt : std::optional<Event>(found.constFirst());
}

QList<Event> PostgresTimelineStore::loadEvents(const QString &where,
                                               const QVariantMap &bindings) const {
    const QSqlDatabase db = database();
    const QString whereSql = where.isEmpty() ? QString() : u" WHERE "_s + where;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(uR"(SELECT e.id, e.uid, e.title, e.summary,
                             e.start_year, e.start_month, e.start_day,
                             e.end_year, e.end_month, e.end_day,
                             coalesce(c.name, ''), e.status, e.importance, e.created, e.modified,
                             e.translations, e.row_version
                        FROM event e LEFT JOIN category c ON c.id = e.category_id)"_s +
                  whereSql + u" ORDER BY e.first_day, e.last_day, e.id"_s);
    bindAll(query, bindings);
    QList<Event> events;
    QHash<qint64, qsizetype> indexOf;
    if (!query.exec()) {
        readFailed(query, u"event"_s);
        return events;
    }
    while (query.next()) {
        Event event;
        event.id = query.value(0).toLongLong();
        event.uid = query.value(1).toString();
        event.title = query.value(2).toString();
        event.summary = query.value(3).toString();
        event.start = dateFromParts(query.value(4), query.value(5), query.value(6));
        event.end = dateFromParts(query.value(7), query.value(8), query.value(9));
        event.category = query.value(10).toString();
        event.status =
            eventStatusFromKey(query.value(11).toString()).value_or(EventStatus::Confirmed);
        event.importance = query.value(12).toInt();
        event.created = QDateTime::fromString(query.value(13).toString(), Qt::ISODateWithMs);
        event.modified = QDateTime::fromString(query.value(14).toString(), Qt::ISODateWithMs);
        event.translations =
            DataTranslations::eventTranslationsFromText(query.value(15).toString());
        event.rowVersion.value = query.value(16).toLongLong();
        indexOf.insert(event.id, events.size());
        events << event;
    }
    if (readFailed(query, u"event"_s) || events.isEmpty())
        return events;

    // The links of just these events, in the order they were given.
    const QString selected = u"(SELECT e.id FROM event e"_s + whereSql + u")"_s;
    const auto loadNames = [&](const QString &table, QStringList Event::*list) {
        QSqlQuery links(db);
        links.setForwardOnly(true);
        links.prepare(uR"(SELECT l.event_id, n.name FROM event_%1 l JOIN %1 n ON n.id = l.%1_id
                           WHERE l.event_id IN %2 ORDER BY l.event_id, l.position)"_s.arg(
            table, selected));
        bindAll(links, bindings);
        if (links.exec()) {
            while (links.next()) {
                const auto found = indexOf.constFind(links.value(0).toLongLong());
                if (found != indexOf.cend())
                    (events[*found].*list) << links.value(1).toString();
            }
        }
        readFailed(links, u"event_"_s + table);
    };
    loadNames(u"actor"_s, &Event::actors);
    loadNames(u"chip"_s, &Event::chips);
    loadNames(u"tag"_s, &Event::tags);

    QSqlQuery citations(db);
    citations.setForwardOnly(true);
    citations.prepare(uR"(SELECT es.event_id, s.uid, es.quote, es.locator
                            FROM event_source es JOIN source s ON s.id = es.source_id
                           WHERE es.event_id IN %1 ORDER BY es.event_id, es.position)"_s.arg(
        selected));
    bindAll(citations, bindings);
    if (citations.exec()) {
        while (citations.next()) {
            const auto found = indexOf.constFind(citations.value(0).toLongLong());
            if (found != indexOf.cend())
                events[*found].citations
                    << Citation{citations.value(1).toString(), citations.value(2).toString(),
                                citations.value(3).toString()};
        }
    }
    readFailed(citations, u"event_source"_s);
    return events;
}

QList<Source> PostgresTimelineStore::sources() const {
    QList<Source> result;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.exec(
        u"SELECT %1 FROM source ORDER BY published COLLATE \"C\", title COLLATE \"C\", id"_s.arg(
            sourceColumns));
    while (query.next())
        result << sourceFromQuery(query);
    readFailed(query, u"source"_s);
    return result;
}

std::optional<Source> PostgresTimelineStore::source(qint64 id) const {
    QSqlQuery query(database());
    query.prepare(u"SELECT %1 FROM source WHERE id = :id"_s.arg(sourceColumns));
    query.bindValue(u":id"_s, id);
    if (query.exec() && query.next())
        return sourceFromQuery(query);
    readFailed(query, u"source"_s);
    return std::nullopt;
}

std::optional<Source> PostgresTimelineStore::sourceByUid(const QString &uid) const {
    QSqlQuery query(database());
    query.prepare(u"SELECT %1 FROM source WHERE uid = :uid"_s.arg(sourceColumns));
    query.bindValue(u":uid"_s, uid);
    if (query.exec() && query.next())
        return sourceFromQuery(query);
    readFailed(query, u"source"_s);
    return std::nullopt;
}

QHash<QString, int> PostgresTimelineStore::citationCounts() const {
    QHash<QString, int> counts;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.exec(u"SELECT s.uid, count(*) FROM event_source es JOIN source s ON s.id = es.source_id "
               "GROUP BY s.uid"_s);
    while (query.next())
        counts.insert(query.value(0).toString(), query.value(1).toInt());
    readFailed(query, u"event_source"_s);
    return counts;
}

QList<std::pair<Event, Citation>>
PostgresTimelineStore::citingEvents(const QString &sourceUid) const {
    QList<std::pair<Event, Citation>> result;
    const QList<Event> events = loadEvents(
        u"e.id IN (SELECT es.event_id FROM event_source es JOIN source s ON s.id = es.source_id "
        "WHERE s.uid = :source)"_s,
        {{u":source"_s, sourceUid}});
    for (const Event &event : events)
        for (const Citation &citation : event.citations)
            if (citation.sourceUid == sourceUid)
                result.append({event, citation});
    return result;
}

QHash<qint64, QList<CitedSource>>
PostgresTimelineStore::citationsFor(const QList<qint64> &eventIds) const {
    QHash<qint64, QList<CitedSource>> cited;
    if (eventIds.isEmpty())
        return cited;
    // All ids as one bound array literal ('{1,2,3}').
    QStringList ids;
    ids.reserve(eventIds.size());
    for (qint64 id : eventIds)
        ids << QString::number(id);
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(uR"(SELECT es.event_id, s.id, s.outlet, s.title, s.published, s.url, s.doi
                        FROM event_source es JOIN source s ON s.id = es.source_id
                       WHERE es.event_id = ANY(CAST(:ids AS bigint[]))
                       ORDER BY es.event_id, es.position)"_s);
    query.bindValue(u":ids"_s, QString(u"{"_s + ids.join(u',') + u"}"_s));
    if (query.exec()) {
        while (query.next()) {
            CitedSource source;
            source.id = query.value(1).toLongLong();
            source.outlet = query.value(2).toString();
            source.title = query.value(3).toString();
            source.published = dateFromIso(query.value(4).toString());
            source.url = query.value(5).toString();
            source.doi = query.value(6).toString();
            cited[query.value(0).toLongLong()].append(source);
        }
    }
    readFailed(query, u"event_source"_s);
    return cited;
}

QStringList PostgresTimelineStore::actorNames() const {
    return namesOf(*this, u"actor"_s);
}

QStringList PostgresTimelineStore::chipNames() const {
    return namesOf(*this, u"chip"_s);
}

QStringList PostgresTimelineStore::tagNames() const {
    return namesOf(*this, u"tag"_s);
}

QList<SavedView> PostgresTimelineStore::savedViews() const {
    QList<SavedView> views;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.exec(u"SELECT id, name, filter FROM saved_view "
               "ORDER BY lower(name) COLLATE \"C\", name COLLATE \"C\""_s);
    while (query.next())
        views << SavedView{query.value(0).toLongLong(), query.value(1).toString(),
                           query.value(2).toString()};
    readFailed(query, u"saved_view"_s);
    return views;
}

void PostgresTimelineStore::visitEventKeys(const EventKeyVisitor &visit) const {
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (query.exec(u"SELECT uid, title, first_day, last_day FROM event"_s)) {
        while (query.next())
            visit(query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong(),
                  query.value(3).toLongLong());
    }
    readFailed(query, u"event"_s);
}

Dataset PostgresTimelineStore::dataset() const {
    Dataset dataset;
    // One snapshot for the whole read: another editor's commit in between would tear it.
    QSqlDatabase db = database();
    const bool snapshot = db.transaction();
    QSqlQuery query(db);
    if (snapshot)
        query.exec(u"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"_s);
    if (query.exec(u"SELECT value FROM meta WHERE key = 'title'"_s) && query.next())
        dataset.title = query.value(0).toString();
    readFailed(query, u"meta"_s);
    query.finish();
    dataset.categories = categories();
    dataset.savedViews = savedViews();
    dataset.sources = sources();
    dataset.events = events();
    dataset.relations = relations();
    if (snapshot)
        db.commit();
    return dataset;
}

QHash<qint64, QString> PostgresTimelineStore::translatedTitles(const QString &language) const {
    QHash<qint64, QString> titles;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    // Few events carry translations: only their rows are read and decoded.
    query.exec(u"SELECT id, translations FROM event WHERE translations <> ''"_s);
    while (query.next()) {
        const EventTranslations translations =
            DataTranslations::eventTranslationsFromText(query.value(1).toString());
        const QString title = translations.value(language).title;
        if (!title.isEmpty())
            titles.insert(query.value(0).toLongLong(), title);
    }
    readFailed(query, u"event"_s);
    return titles;
}
