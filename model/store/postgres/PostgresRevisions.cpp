// The PostgreSQL store: recording each write's revision in the write's own transaction (the
// items it touches are read before and after, and their differences written; see
// RevisionRecorder), and reading the history back. The server sets each revision's number,
// time and author (the role that writes), and refuses to update or delete one (schema 5).

#include "model/history/EntitySnapshot.h"
#include "model/store/postgres/PostgresTimelineStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// The first schema that keeps a history (PostgresMigrations.cpp); an older database opened
// read-only has none.
constexpr int historySchema = 5;

// A revision's time as the SQLite store keeps it: ISO 8601 UTC with milliseconds.
constexpr QLatin1StringView atText{
    "to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"};

QJsonValue nullable(const QString &value) {
    return value.isNull() ? QJsonValue() : QJsonValue(value);
}

// Every change of a list as one JSON array: one round trip writes them all.
QString changesJson(const QList<RevisionChange> &changes) {
    QJsonArray rows;
    for (const RevisionChange &change : changes)
        rows.append(QJsonObject{{u"entity"_s, change.entity},
                                {u"uid"_s, change.uid},
                                {u"field"_s, change.field},
                                {u"old"_s, nullable(change.oldValue)},
                                {u"new"_s, nullable(change.newValue)}});
    return QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
}

RevisionChange changeFrom(const QSqlQuery &query) {
    return {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(),   query.value(4).toString(), query.value(5).toString()};
}

} // namespace

void PostgresTimelineStore::touchEventsInCategory(qint64 categoryId) {
    QSqlQuery query(database());
    query.prepare(u"SELECT uid FROM event WHERE category_id = :id ORDER BY id"_s);
    query.bindValue(u":id"_s, categoryId);
    query.exec();
    QStringList uids;
    while (query.next())
        uids << query.value(0).toString();
    for (const QString &uid : std::as_const(uids))
        m_revision.touch(u"event"_s, uid);
}

void PostgresTimelineStore::touchRelationsCitingSource(const QString &sourceUid) {
    QSqlQuery query(database());
    query.prepare(u"SELECT f.uid, r.type, t.uid FROM relation r JOIN event f ON f.id = "
                  "r.from_event JOIN event t ON t.id = r.to_event WHERE r.id IN (SELECT "
                  "rs.relation_id FROM relation_source rs JOIN source s ON s.id = rs.source_id "
                  "WHERE s.uid = :uid) ORDER BY r.id"_s);
    query.bindValue(u":uid"_s, sourceUid);
    query.exec();
    QList<Relation> found;
    while (query.next())
        if (const std::optional<RelationType> type = relationTypeFromKey(query.value(1).toString()))
            found << Relation{query.value(0).toString(), query.value(2).toString(), *type, {}, {}};
    for (const Relation &relation : std::as_const(found))
        m_revision.touch(u"relation"_s, EntitySnapshot::relationKey(relation));
}

QString PostgresTimelineStore::uidOf(const QString &table, qint64 id) const {
    QSqlQuery query(database());
    query.prepare(u"SELECT uid FROM %1 WHERE id = :id"_s.arg(table));
    query.bindValue(u":id"_s, id);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

qint64 PostgresTimelineStore::writeRevision(const QString &kind, const QString &summary,
                                            StoreError *error) {
    const QList<RevisionChange> changes = m_revision.changes();
    QSqlQuery query(database());
    query.prepare(u"INSERT INTO revision(note, kind, summary) VALUES (:note, :kind, :summary) "
                  "RETURNING number"_s);
    query.bindValue(u":note"_s, m_changeNote.isNull() ? u""_s : m_changeNote);
    query.bindValue(u":kind"_s, kind);
    query.bindValue(u":summary"_s, summary.isNull() ? u""_s : summary);
    if (!query.exec() || !query.next()) {
        *error = errorFrom(query, u"record the revision"_s);
        return 0;
    }
    const qint64 number = query.value(0).toLongLong();
    if (!changes.isEmpty()) {
        query.prepare(uR"(INSERT INTO revision_change(revision, entity, uid, field, old, new)
                          SELECT :revision, c.value ->> 'entity', c.value ->> 'uid',
                                 c.value ->> 'field', c.value ->> 'old', c.value ->> 'new'
                            FROM json_array_elements(CAST(:changes AS json))
                                 WITH ORDINALITY AS c(value, position)
                           ORDER BY c.position)"_s);
        query.bindValue(u":revision"_s, number);
        query.bindValue(u":changes"_s, changesJson(changes));
        if (!query.exec()) {
            *error = errorFrom(query, u"record the revision"_s);
            return 0;
        }
    }
    m_revision.clear();
    m_changeNote.clear();
    return number;
}

std::optional<PostgresTimelineStore::BeforeImport>
PostgresTimelineStore::beforeImport(StoreError *error) const {
    QSqlQuery query(database());
    // A read that fails is never an empty timeline: the import's revision would claim rows
    // that were there before it.
    if (!query.exec(u"SELECT (SELECT coalesce(max(id), 0) FROM event), "
                    "(SELECT coalesce(max(id), 0) FROM source), "
                    "(SELECT value FROM meta WHERE key = 'title')"_s) ||
        !query.next()) {
        *error = errorFrom(query, u"read the timeline before the import"_s);
        return std::nullopt;
    }
    BeforeImport before;
    before.maxEventId = query.value(0).toLongLong();
    before.maxSourceId = query.value(1).toLongLong();
    before.title = query.value(2).toString();
    return before;
}

bool PostgresTimelineStore::recordImport(const QString &fileName, const ImportSummary &counts,
                                         const BeforeImport &before, StoreError *error) {
    const qint64 number =
        writeRevision(u"import"_s, RevisionRecorder::importSummary(fileName, counts), error);
    if (number == 0)
        return false;
    QSqlQuery query(database());
    // The rows past the ids before the import that this transaction wrote (xmin): another
    // client's rows committed meanwhile are that client's revision's, not this one's.
    query.prepare(uR"(INSERT INTO revision_change(revision, entity, uid, field)
                      SELECT :revision, added.entity, added.uid, '*'
                        FROM (SELECT 'event' AS entity, uid, 1 AS part, id FROM event
                               WHERE id > :events AND xmin = pg_current_xact_id()::xid
                              UNION ALL
                              SELECT 'source', uid, 2, id FROM source
                               WHERE id > :sources AND xmin = pg_current_xact_id()::xid) added
                       ORDER BY added.part, added.id)"_s);
    query.bindValue(u":revision"_s, number);
    query.bindValue(u":events"_s, before.maxEventId);
    query.bindValue(u":sources"_s, before.maxSourceId);
    if (!query.exec()) {
        *error = errorFrom(query, u"record the revision"_s);
        return false;
    }
    const std::optional<BeforeImport> after = beforeImport(error);
    if (!after)
        return false;
    const QString title = after->title;
    if (title == before.title)
        return true;
    query.prepare(u"INSERT INTO revision_change(revision, entity, uid, field, old, new) "
                  "VALUES (:revision, 'dataset', 'title', 'title', :old, :new)"_s);
    query.bindValue(u":revision"_s, number);
    query.bindValue(u":old"_s, EntitySnapshot::valueText(before.title));
    query.bindValue(u":new"_s, EntitySnapshot::valueText(title));
    if (!query.exec()) {
        *error = errorFrom(query, u"record the revision"_s);
        return false;
    }
    return true;
}

QList<Revision> PostgresTimelineStore::revisions(const RevisionFilter &filter) const {
    if (m_schemaVersion < historySchema)
        return TimelineStore::revisions(filter);
    QStringList conditions;
    QVariantMap bindings;
    if (!filter.uid.isEmpty()) {
        // Through revision_change_by_uid: as fast with a million revisions as with ten.
        conditions << u"r.number IN (SELECT c.revision FROM revision_change c "
                      "WHERE c.uid = :uid)"_s;
        bindings.insert(u":uid"_s, filter.uid);
    }
    if (!filter.author.isEmpty()) {
        conditions << u"r.author = :author"_s;
        bindings.insert(u":author"_s, filter.author);
    }
    if (filter.from.isValid()) {
        conditions << u"r.at >= CAST(:from AS timestamptz)"_s;
        bindings.insert(u":from"_s, filter.from.toUTC().toString(Qt::ISODateWithMs));
    }
    if (filter.to.isValid()) {
        conditions << u"r.at <= CAST(:to AS timestamptz)"_s;
        bindings.insert(u":to"_s, filter.to.toUTC().toString(Qt::ISODateWithMs));
    }
    const QString where =
        conditions.isEmpty() ? QString() : u"WHERE "_s + conditions.join(u" AND "_s);
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT r.number, %1, r.author, r.note, r.kind, r.summary FROM revision r %2 "
                  "ORDER BY r.number"_s.arg(atText, where));
    PostgresDetail::bindAll(query, bindings);
    QList<Revision> found;
    QHash<qint64, qsizetype> indexOf; // revision number → position in `found`
    query.exec();
    while (query.next()) {
        indexOf.insert(query.value(0).toLongLong(), found.size());
        found.append({query.value(0).toLongLong(),
                      QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs),
                      query.value(2).toString(),
                      query.value(3).toString(),
                      query.value(4).toString(),
                      query.value(5).toString(),
                      {}});
    }
    if (readFailed(query, u"revision"_s) || !filter.withChanges || found.isEmpty())
        return found;
    // Every selected revision's changes in one query (one event's: only its own).
    query.prepare(u"SELECT c.revision, c.entity, c.uid, c.field, c.old, c.new "
                  "FROM revision_change c WHERE c.revision IN (SELECT r.number FROM revision r "
                  "%1) %2 ORDER BY c.revision, c.id"_s.arg(
                      where, filter.uid.isEmpty() ? QString() : u"AND c.uid = :uid"_s));
    PostgresDetail::bindAll(query, bindings);
    query.exec();
    while (query.next()) {
        const RevisionChange change = changeFrom(query);
        if (const auto at = indexOf.constFind(change.revision); at != indexOf.cend())
            found[*at].changes.append(change);
    }
    readFailed(query, u"revision_change"_s);
    return found;
}

qint64 PostgresTimelineStore::latestRevision() const {
    if (m_schemaVersion < historySchema)
        return 0;
    QSqlQuery query(database());
    const qint64 number =
        query.exec(u"SELECT coalesce(max(number), 0) FROM revision"_s) && query.next()
            ? query.value(0).toLongLong()
            : 0;
    readFailed(query, u"revision"_s);
    return number;
}

QList<RevisionChange> PostgresTimelineStore::changesAfter(qint64 revision) const {
    if (m_schemaVersion < historySchema)
        return TimelineStore::changesAfter(revision);
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT revision, entity, uid, field, old, new FROM revision_change "
                  "WHERE revision > :revision ORDER BY revision, id"_s);
    query.bindValue(u":revision"_s, revision);
    QList<RevisionChange> found;
    query.exec();
    while (query.next())
        found.append(changeFrom(query));
    readFailed(query, u"revision_change"_s);
    return found;
}
