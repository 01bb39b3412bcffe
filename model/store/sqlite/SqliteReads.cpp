// The SQLite store: reading events, sources, categories, names and saved views.

#include "model/store/sqlite/SqliteStoreInternals.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

bool SqliteTimelineStore::wasEverFilled() const {
    QSqlQuery query(database());
    if (query.exec(u"SELECT 1 FROM meta WHERE key = 'filled'"_s) && query.next())
        return true;
    readFailed(query, u"meta"_s);
    return false;
}

int SqliteTimelineStore::eventCount() const {
    QSqlQuery query(database());
    if (query.exec(u"SELECT count(*) FROM event"_s) && query.next())
        return query.value(0).toInt();
    readFailed(query, u"event"_s);
    return 0;
}

int SqliteTimelineStore::sourceCount() const {
    QSqlQuery query(database());
    if (query.exec(u"SELECT count(*) FROM source"_s) && query.next())
        return query.value(0).toInt();
    readFailed(query, u"source"_s);
    return 0;
}

QList<Category> SqliteTimelineStore::categories() const {
    QList<Category> result;
    QSqlQuery query(database());
    query.exec(u"SELECT id, name, label, color, sort_order, translations FROM category "
               "ORDER BY sort_order, name"_s);
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

QList<Event> SqliteTimelineStore::events(const EventFilter &filter) const {
    QVariantMap bindings;
    const QString where = filterSql(filter, bindings);
    return loadEvents(where, bindings);
}

std::vector<qint64> SqliteTimelineStore::eventIds(const EventFilter &filter) const {
    QVariantMap bindings;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (filterClause(filter, bindings).isEmpty() && !filter.query.trimmed().isEmpty()) {
        // Only a full-text query: the index gives the ids (every indexed row is an event),
        // without a lookup in `event` for each match.
        bindings = {{u":fts"_s, searchExpression(filter.query)}};
        query.prepare(u"SELECT rowid FROM event_fts WHERE event_fts MATCH :fts ORDER BY rowid"_s);
    } else {
        bindings.clear();
        const QString where = filterSql(filter, bindings);
        query.prepare(u"SELECT e.id FROM event e"_s + (where.isEmpty() ? QString() : u" WHERE "_s) +
                      where + u" ORDER BY e.id"_s);
    }
    for (auto it = bindings.cbegin(); it != bindings.cend(); ++it)
        query.bindValue(it.key(), it.value());
    std::vector<qint64> ids;
    if (query.exec())
        while (query.next())
            ids.push_back(query.value(0).toLongLong());
    readFailed(query, u"event"_s);
    return ids;
}

std::optional<Event> SqliteTimelineStore::event(qint64 id) const {
    const QList<Event> found = loadEvents(u"e.id = :id"_s, {{u":id"_s, id}});
    return found.isEmpty() ? std::nullopt : std::optional<Event>(found.constFirst());
}

std::optional<Event> SqliteTimelineStore::eventByUid(const QString &uid) const {
    const QList<Event> found = loadEvents(u"e.uid = :uid"_s, {{u":uid"_s, uid}});
    return found.isEmpty() ? std::nullopt : std::optional<Event>(found.constFirst());
}

QList<Event> SqliteTimelineStore::eventsByUid(const QStringList &uids) const {
    if (uids.isEmpty())
        return {};
    // One read for them all, the uids given as one JSON array (found through the uid index).
    return loadEvents(
        u"e.uid IN (SELECT value FROM json_each(:uids))"_s,
        {{u":uids"_s,
          QString::fromUtf8(
              QJsonDocument(QJsonArray::fromStringList(uids)).toJson(QJsonDocument::Compact))}});
}

QList<Event> SqliteTimelineStore::loadEvents(const QString &where,
                                             const QVariantMap &bindings) const {
    QSqlDatabase db = database();
    const QString whereSql = where.isEmpty() ? QString() : u" WHERE "_s + where;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(uR"(SELECT e.id, e.uid, e.title, e.summary,
                             e.start_year, e.start_month, e.start_day,
                             e.end_year, e.end_month, e.end_day,
                             coalesce(c.name, ''), e.status, e.importance, e.created, e.modified,
                             e.translations
                        FROM event e LEFT JOIN category c ON c.id = e.category_id)"_s +
                  whereSql + u" ORDER BY e.first_day, e.last_day, e.id"_s);
    for (auto it = bindings.cbegin(); it != bindings.cend(); ++it)
        query.bindValue(it.key(), it.value());
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
        for (auto it = bindings.cbegin(); it != bindings.cend(); ++it)
            links.bindValue(it.key(), it.value());
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
    for (auto it = bindings.cbegin(); it != bindings.cend(); ++it)
        citations.bindValue(it.key(), it.value());
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

namespace {
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
} // namespace

QList<Source> SqliteTimelineStore::sources() const {
    QList<Source> result;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.exec(u"SELECT %1 FROM source ORDER BY published, title, id"_s.arg(sourceColumns));
    while (query.next())
        result << sourceFromQuery(query);
    readFailed(query, u"source"_s);
    return result;
}

std::optional<Source> SqliteTimelineStore::source(qint64 id) const {
    QSqlQuery query(database());
    query.prepare(u"SELECT %1 FROM source WHERE id = :id"_s.arg(sourceColumns));
    query.bindValue(u":id"_s, id);
    if (query.exec() && query.next())
        return sourceFromQuery(query);
    readFailed(query, u"source"_s);
    return std::nullopt;
}

std::optional<Source> SqliteTimelineStore::sourceByUid(const QString &uid) const {
    QSqlQuery query(database());
    query.prepare(u"SELECT %1 FROM source WHERE uid = :uid"_s.arg(sourceColumns));
    query.bindValue(u":uid"_s, uid);
    if (query.exec() && query.next())
        return sourceFromQuery(query);
    readFailed(query, u"source"_s);
    return std::nullopt;
}

namespace {
QStringList namesOf(const SqliteTimelineStore &store, const QString &table) {
    QStringList names;
    QSqlQuery query(store.database());
    query.exec(u"SELECT name FROM %1 ORDER BY name COLLATE NOCASE"_s.arg(table));
    while (query.next())
        names << query.value(0).toString();
    store.readFailed(query, table);
    return names;
}
} // namespace

QHash<QString, int> SqliteTimelineStore::citationCounts() const {
    QHash<QString, int> counts;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.exec(u"SELECT s.uid, count(*) FROM event_source es JOIN source s ON s.id = es.source_id "
               "GROUP BY es.source_id"_s);
    while (query.next())
        counts.insert(query.value(0).toString(), query.value(1).toInt());
    readFailed(query, u"event_source"_s);
    return counts;
}

QList<std::pair<Event, Citation>>
SqliteTimelineStore::citingEvents(const QString &sourceUid) const {
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

QStringList SqliteTimelineStore::actorNames() const {
    return namesOf(*this, u"actor"_s);
}

QStringList SqliteTimelineStore::chipNames() const {
    return namesOf(*this, u"chip"_s);
}

QStringList SqliteTimelineStore::tagNames() const {
    return namesOf(*this, u"tag"_s);
}

QList<SavedView> SqliteTimelineStore::savedViews() const {
    QList<SavedView> views;
    QSqlQuery query(database());
    query.exec(u"SELECT id, name, filter FROM saved_view ORDER BY name COLLATE NOCASE"_s);
    while (query.next())
        views << SavedView{query.value(0).toLongLong(), query.value(1).toString(),
                           query.value(2).toString()};
    readFailed(query, u"saved_view"_s);
    return views;
}

QHash<qint64, QList<CitedSource>>
SqliteTimelineStore::citationsFor(const QList<qint64> &eventIds) const {
    QHash<qint64, QList<CitedSource>> cited;
    const QSqlDatabase db = database();
    // Ids are integers from the caller's data: written into the statement in chunks rather
    // than bound one placeholder each (SQLite limits the number of parameters).
    constexpr qsizetype Chunk = 500;
    for (qsizetype from = 0; from < eventIds.size(); from += Chunk) {
        QStringList ids;
        for (qsizetype i = from; i < std::min(from + Chunk, eventIds.size()); ++i)
            ids << QString::number(eventIds.at(i));
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(uR"(SELECT es.event_id, s.id, s.outlet, s.title, s.published, s.url, s.doi
                              FROM event_source es JOIN source s ON s.id = es.source_id
                             WHERE es.event_id IN (%1)
                             ORDER BY es.event_id, es.position)"_s.arg(ids.join(u',')))) {
            readFailed(query, u"event_source"_s);
            continue;
        }
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
        readFailed(query, u"event_source"_s);
    }
    return cited;
}

void SqliteTimelineStore::visitEventKeys(const EventKeyVisitor &visit) const {
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (query.exec(u"SELECT uid, title, first_day, last_day FROM event"_s)) {
        while (query.next())
            visit(query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong(),
                  query.value(3).toLongLong());
    }
    readFailed(query, u"event"_s);
}

QHash<qint64, QString> SqliteTimelineStore::translatedTitles(const QString &language) const {
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
