// The PostgreSQL store: an import's new sources and events written in batches. Each record is
// checked and its category, names and cited sources resolved when it is added (so an error
// names the record, as a single save's does, and comes in file order); a batch then goes to
// the server as one statement (an INSERT per table, the events' and their links' in one
// statement), each table's rows one JSON array bound as one parameter (json_to_recordset).
// The triggers' search indexing is deferred for the transaction (`chiptimeline.defer_index`,
// schema 5) and done once per touched row by index(). All of it inside the import's
// transaction: a failure anywhere leaves the server unchanged.

#include "model/formats/JsonWriter.h"
#include "model/store/postgres/PostgresTimelineStore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// Rows per INSERT: large enough that the triggers' per-statement work is spread thin, small
// enough that a batch's JSON stays a few megabytes.
constexpr qsizetype BatchSize = 2000;
// Ids per call of an index function.
constexpr qsizetype IndexChunk = 20000;

QString orEmpty(const QString &value) {
    return value.isNull() ? u""_s : value;
}

QString compact(const QJsonArray &rows) {
    return QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
}

QString newUid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

void PostgresTimelineStore::JsonRows::append(std::initializer_list<Field> fields) {
    m_text.append(m_rows == 0 ? "{" : ",{");
    bool first = true;
    for (const Field &field : fields) {
        if (!first)
            m_text.append(',');
        first = false;
        m_text.append('"').append(field.key.data(), field.key.size()).append("\":");
        switch (field.kind) {
        case Field::Kind::Text:
            appendJsonString(m_text, field.text);
            break;
        case Field::Kind::Number:
            m_text.append(QByteArray::number(field.number));
            break;
        case Field::Kind::Null:
            m_text.append("null");
            break;
        }
    }
    m_text.append('}');
    ++m_rows;
}

QString PostgresTimelineStore::JsonRows::text() const {
    QByteArray all;
    all.reserve(m_text.size() + 2);
    all.append('[').append(m_text).append(']');
    return QString::fromUtf8(all);
}

PostgresTimelineStore::ImportBatch::ImportBatch(PostgresTimelineStore &store)
    : m_store(store) {}

bool PostgresTimelineStore::ImportBatch::run(const QString &sql, const QString &rows,
                                             const QString &what, StoreError *error,
                                             QSqlQuery *query) {
    // A statement without rows (SET LOCAL) cannot be prepared: it is sent as it is.
    bool done = false;
    if (rows.isNull()) {
        done = query->exec(sql);
    } else {
        query->prepare(sql);
        query->bindValue(u":rows"_s, rows);
        done = query->exec();
    }
    if (done)
        return true;
    *error = m_store.errorFrom(*query, what);
    return false;
}

bool PostgresTimelineStore::ImportBatch::begin(StoreError *error) {
    QSqlQuery query(m_store.database());
    return run(u"SET LOCAL chiptimeline.defer_index = 'on'"_s, {}, u"import"_s, error, &query);
}

bool PostgresTimelineStore::ImportBatch::lookUp(const QString &table, const QStringList &uids,
                                                StoreError *error) {
    QHash<QString, qint64> &known = table == u"event"_s ? m_knownEvents : m_knownSources;
    const QSet<QString> &pending = table == u"event"_s ? m_pendingEvents : m_pendingSources;
    QJsonArray asked;
    for (const QString &uid : uids) {
        if (!uid.isEmpty() && !known.contains(uid) && !pending.contains(uid)) {
            asked.append(uid);
            known.insert(uid, 0); // unless the server has it
        }
    }
    if (asked.isEmpty())
        return true;
    QSqlQuery query(m_store.database());
    if (!run(u"SELECT uid, id FROM %1 WHERE uid IN "
             "(SELECT json_array_elements_text(CAST(:rows AS json)))"_s.arg(table),
             compact(asked), u"import"_s, error, &query))
        return false;
    while (query.next())
        known.insert(query.value(0).toString(), query.value(1).toLongLong());
    return true;
}

bool PostgresTimelineStore::ImportBatch::lookUpEvents(const QList<Event> &events,
                                                      StoreError *error) {
    QStringList uids;
    for (const Event &event : events)
        uids << event.uid;
    return lookUp(u"event"_s, uids, error);
}

bool PostgresTimelineStore::ImportBatch::lookUpSources(const QList<Source> &sources,
                                                       StoreError *error) {
    QStringList uids;
    for (const Source &source : sources)
        uids << source.uid;
    return lookUp(u"source"_s, uids, error);
}

qint64 PostgresTimelineStore::ImportBatch::storedId(const QString &table, const QString &uid,
                                                    StoreError *error, bool *failed) {
    *failed = false;
    const bool events = table == u"event"_s;
    if ((events ? m_pendingEvents : m_pendingSources).contains(uid) &&
        !(events ? flushEvents(error) : flushSources(error))) {
        *failed = true;
        return 0;
    }
    QHash<QString, qint64> &known = events ? m_knownEvents : m_knownSources;
    if (const auto found = known.constFind(uid); found != known.cend())
        return *found;
    // Not looked up, or written by a batch since: the uid index answers.
    const qint64 id = m_store.idForUid(table, uid);
    known.insert(uid, id);
    return id;
}

bool PostgresTimelineStore::ImportBatch::addSource(Source source, StoreError *error) {
    if (source.title.trimmed().isEmpty()) {
        *error = {StoreError::Kind::Invalid,
                  u"%1: source %2 has no title"_s.arg(m_store.m_path, source.uid)};
        return false;
    }
    if (source.uid.isEmpty())
        source.uid = newUid();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    m_sources.append({
        {"uid"_L1, source.uid},
        {"kind"_L1, orEmpty(source.kind)},
        {"title"_L1, source.title.trimmed()},
        {"outlet"_L1, orEmpty(source.outlet)},
        {"authors"_L1, source.authors.join(u'\n')},
        {"url"_L1, source.url.trimmed()},
        {"doi"_L1, source.doi.trimmed()},
        {"published"_L1, orEmpty(source.published.toIsoString())},
        {"accessed"_L1, orEmpty(source.accessed.toIsoString())},
        {"language"_L1, orEmpty(source.language)},
        {"excerpt"_L1, orEmpty(source.excerpt)},
        {"notes"_L1, orEmpty(source.notes)},
        {"now"_L1, now},
    });
    m_pendingSources.insert(source.uid);
    return m_sources.size() < BatchSize || flushSources(error);
}

bool PostgresTimelineStore::ImportBatch::flushSources(StoreError *error) {
    if (m_sources.isEmpty())
        return true;
    QSqlQuery query(m_store.database());
    if (!run(uR"(INSERT INTO source(uid, kind, title, outlet, authors, url, doi, published,
                   accessed, language, excerpt, notes, created, modified)
                 SELECT uid, kind, title, outlet, authors, url, doi, published, accessed,
                        language, excerpt, notes, now, now
                   FROM json_to_recordset(CAST(:rows AS json)) AS r(
                     uid text, kind text, title text, outlet text, authors text, url text,
                     doi text, published text, accessed text, language text, excerpt text,
                     notes text, now text)
                 RETURNING id, uid)"_s,
             m_sources.text(), u"import sources (%1 in one batch)"_s.arg(m_sources.size()), error,
             &query))
        return false;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        m_store.m_sourceIds.insert(query.value(1).toString(), id);
        m_sourceIds.insert(id);
    }
    for (const QString &uid : std::as_const(m_pendingSources))
        m_knownSources.remove(uid);
    m_pendingSources.clear();
    m_sources.clear();
    return true;
}

bool PostgresTimelineStore::ImportBatch::addEvent(Event event, StoreError *error) {
    if (!m_store.checkEvent(event, error))
        return false;
    const qint64 category = m_store.categoryId(event.category, error);
    if (!event.category.isEmpty() && category == 0)
        return false;
    if (event.uid.isEmpty())
        event.uid = newUid();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    using Field = JsonRows::Field;
    m_events.append({
        {"uid"_L1, event.uid},
        {"title"_L1, event.title.trimmed()},
        {"summary"_L1, orEmpty(event.summary)},
        {"sy"_L1, qint64(event.start.year())},
        Field::orNull("sm"_L1, event.start.month()),
        Field::orNull("sd"_L1, event.start.day()),
        Field::orNull("ey"_L1, event.end.year()),
        Field::orNull("em"_L1, event.end.month()),
        Field::orNull("ed"_L1, event.end.day()),
        {"fd"_L1, qint64(event.firstJulianDay())},
        {"ld"_L1, qint64(event.lastJulianDay())},
        Field::orNull("cat"_L1, category),
        {"status"_L1, eventStatusKey(event.status)},
        {"importance"_L1, qint64(event.importance)},
        {"created"_L1, event.created.isValid() ? event.created.toString(Qt::ISODateWithMs) : now},
        {"modified"_L1, now},
        {"translations"_L1, DataTranslations::toText(event.translations)},
    });

    // Names as writeEventLinks links them: trimmed, blanks left out, a repeat linked once.
    const auto addNames = [&](const QString &table, const QStringList &names) {
        int position = 0;
        QSet<qint64> seen;
        for (const QString &rawName : names) {
            const QString name = rawName.trimmed();
            if (name.isEmpty())
                continue;
            const qint64 nameRow = m_store.nameId(table, name, error);
            if (nameRow == 0)
                return false;
            if (seen.contains(nameRow))
                continue;
            seen.insert(nameRow);
            m_names[table].append(
                {{"u"_L1, event.uid}, {"n"_L1, nameRow}, {"p"_L1, qint64(position++)}});
        }
        return true;
    };
    if (!addNames(u"actor"_s, event.actors) || !addNames(u"chip"_s, event.chips) ||
        !addNames(u"tag"_s, event.tags))
        return false;
    int position = 0;
    QSet<qint64> seen;
    for (const Citation &citation : std::as_const(event.citations)) {
        if (m_pendingSources.contains(citation.sourceUid) && !flushSources(error))
            return false;
        qint64 sourceRow = m_store.m_sourceIds.value(citation.sourceUid);
        if (sourceRow == 0 && (sourceRow = m_store.idForUid(u"source"_s, citation.sourceUid)) != 0)
            m_store.m_sourceIds.insert(citation.sourceUid, sourceRow);
        if (sourceRow == 0) {
            *error = {StoreError::Kind::Invalid,
                      u"%1: event '%2' cites source %3, which is not in the database"_s.arg(
                          m_store.m_path, event.title, citation.sourceUid)};
            return false;
        }
        if (seen.contains(sourceRow))
            continue;
        seen.insert(sourceRow);
        m_sourceIds.insert(sourceRow); // its document holds the quotes citing it
        m_citations.append({{"u"_L1, event.uid},
                            {"s"_L1, sourceRow},
                            {"quote"_L1, orEmpty(citation.quote)},
                            {"locator"_L1, orEmpty(citation.locator)},
                            {"p"_L1, qint64(position++)}});
    }
    m_pendingEvents.insert(event.uid);
    return m_events.size() < BatchSize || flushEvents(error);
}

bool PostgresTimelineStore::ImportBatch::flushEvents(StoreError *error) {
    if (m_events.isEmpty())
        return true;
    // One statement for the batch's events and their links: each link finds its event by uid
    // among the rows the statement itself inserted (a hash join), not through the uid index,
    // and the batch is one round trip. The links' checks and the tables' statement triggers
    // run at its end, as for separate statements.
    // The actors', chips' and tags' links, each from its table's rows.
    QString names;
    for (const QString &table : {u"actor"_s, u"chip"_s, u"tag"_s})
        names += uR"(,
                 %1_links AS (
                   INSERT INTO event_%1(event_id, %1_id, position)
                   SELECT e.id, r.n, r.p
                     FROM json_to_recordset(CAST(:%1 AS json)) AS r(u text, n bigint, p integer)
                     JOIN e ON e.uid = r.u))"_s.arg(table);
    QSqlQuery query(m_store.database());
    query.prepare(uR"(WITH e AS (
                   INSERT INTO event(uid, title, summary, start_year, start_month, start_day,
                     end_year, end_month, end_day, first_day, last_day, category_id, status,
                     importance, created, modified, translations)
                   SELECT uid, title, summary, sy, sm, sd, ey, em, ed, fd, ld, cat, status,
                          importance, created, modified, translations
                     FROM json_to_recordset(CAST(:events AS json)) AS r(
                       uid text, title text, summary text, sy integer, sm integer, sd integer,
                       ey integer, em integer, ed integer, fd integer, ld integer, cat bigint,
                       status text, importance integer, created text, modified text,
                       translations text)
                   RETURNING id, uid)%1,
                 s AS (
                   INSERT INTO event_source(event_id, source_id, quote, locator, position)
                   SELECT e.id, r.s, r.quote, r.locator, r.p
                     FROM json_to_recordset(CAST(:citations AS json))
                          AS r(u text, s bigint, quote text, locator text, p integer)
                     JOIN e ON e.uid = r.u)
                 SELECT id FROM e)"_s.arg(names));
    query.bindValue(u":events"_s, m_events.text());
    for (const QString &table : {u"actor"_s, u"chip"_s, u"tag"_s})
        query.bindValue(u":"_s + table, m_names.value(table).text());
    query.bindValue(u":citations"_s, m_citations.text());
    if (!query.exec()) {
        *error =
            m_store.errorFrom(query, u"import events (%1 in one batch)"_s.arg(m_events.size()));
        return false;
    }
    while (query.next())
        m_eventIds.insert(query.value(0).toLongLong());
    // The batch's uids now have rows: a later record of the file with one of them is matched
    // with it through the uid index.
    for (const QString &uid : std::as_const(m_pendingEvents))
        m_knownEvents.remove(uid);
    m_pendingEvents.clear();
    m_events.clear();
    m_names.clear();
    m_citations.clear();
    return true;
}

bool PostgresTimelineStore::ImportBatch::noteCitedSources(qint64 eventId, StoreError *error) {
    QSqlQuery query(m_store.database());
    query.prepare(u"SELECT source_id FROM event_source WHERE event_id = :id"_s);
    query.bindValue(u":id"_s, eventId);
    if (!query.exec()) {
        *error = m_store.errorFrom(query, u"import"_s);
        return false;
    }
    while (query.next())
        m_sourceIds.insert(query.value(0).toLongLong());
    return true;
}

bool PostgresTimelineStore::ImportBatch::index(StoreError *error) {
    if (!flushSources(error) || !flushEvents(error))
        return false;
    QSqlQuery query(m_store.database());
    const auto indexAll = [&](const QString &function, const QSet<qint64> &ids) {
        QList<qint64> sorted(ids.cbegin(), ids.cend());
        std::sort(sorted.begin(), sorted.end());
        for (qsizetype from = 0; from < sorted.size(); from += IndexChunk) {
            QJsonArray chunk;
            for (const qint64 id : sorted.mid(from, IndexChunk))
                chunk.append(id);
            if (!run(u"SELECT %1(ARRAY(SELECT json_array_elements_text(CAST(:rows AS json))"
                     "::bigint))"_s.arg(function),
                     compact(chunk), u"index the imported records"_s, error, &query))
                return false;
        }
        return true;
    };
    return indexAll(u"chiptimeline_index_events"_s, m_eventIds) &&
           indexAll(u"chiptimeline_index_sources"_s, m_sourceIds) &&
           run(u"SET LOCAL chiptimeline.defer_index = 'off'"_s, {}, u"import"_s, error, &query);
}
