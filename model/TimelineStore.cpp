#include "model/TimelineStore.h"

#include "model/SchemaMigrations.h"
#include "model/formats/SourceMatcher.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringEncoder>
#include <QUrl>
#include <QUuid>
#include <QVarLengthArray>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// SQLite's primary result codes that deserve their own message.
constexpr int SqliteBusy = 5;
constexpr int SqliteLocked = 6;
constexpr int SqliteReadOnly = 8;
constexpr int SqliteIoErr = 10;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteFull = 13;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteConstraint = 19;
constexpr int SqliteNotADb = 26;

// How long a statement waits for another connection's lock before it reports "busy".
constexpr int BusyTimeoutMs = 5000;
// Reads through a memory map of up to 256 MB (see TimelineStore::configure).
constexpr auto MmapSizePragma = "PRAGMA mmap_size = 268435456";

QString newConnectionName() {
    static std::atomic<int> counter{0};
    return u"chiptimeline-store-%1"_s.arg(++counter);
}

QString nowIso() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString newUid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Text columns are NOT NULL: a null QString would bind as NULL, so bind "" instead.
QVariant text(const QString &value) {
    return value.isNull() ? QVariant(u""_s) : QVariant(value);
}

// A QVariant of a type but no value is not NULL in Qt 6; an invalid QVariant binds NULL.
QVariant nullIfZero(int value) {
    return value == 0 ? QVariant() : QVariant(value);
}

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

bool hasSqliteHeader(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    static const QByteArray header("SQLite format 3\0", 16);
    return file.read(16) == header;
}

int primaryCode(const QSqlError &error) {
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

// Binds the filter's conditions as named placeholders; returns the WHERE clause over
// `event e` (without the keyword), or an empty string for "everything".
QString filterClause(const EventFilter &filter, QVariantMap &bindings) {
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

} // namespace

namespace {

// An event's title (trimmed) and span of days: how an event without a uid is matched.
struct TitleAndDays {
    QString title;
    qint64 firstDay = 0;
    qint64 lastDay = 0;
    friend bool operator==(const TitleAndDays &, const TitleAndDays &) = default;
};
size_t qHash(const TitleAndDays &key, size_t seed = 0) {
    return qHashMulti(seed, key.title, key.firstDay, key.lastDay);
}

// Adds the key unless it is there: the first (lowest) id stays the match.
void addFirst(QHash<TitleAndDays, qint64> &ids, TitleAndDays key, qint64 id) {
    if (!ids.contains(key))
        ids.insert(std::move(key), id);
}

// How a row is noted for flushSearchIndex before it first changes in a transaction (see
// installChangeTracking), for an id expression: "old.id" in a trigger, "?1" in the import.
// An indexed row is noted with the text it is indexed with, from the views; a row not yet
// indexed (inserted in the transaction) without text. The first note of a row is kept.
QString noteIndexedEventSql(const QString &id) {
    return uR"(INSERT OR IGNORE INTO changed_event(id, title, summary, names)
                 SELECT id, title, summary, names FROM main.event_search_text
                  WHERE id = %1 AND NOT EXISTS (SELECT 1 FROM changed_event WHERE id = %1))"_s.arg(
        id);
}
QString noteIndexedSourceSql(const QString &id) {
    return uR"(INSERT OR IGNORE INTO changed_source(id, title, outlet, excerpt, notes, quotes)
                 SELECT id, title, outlet, excerpt, notes, quotes FROM main.source_search_text
                  WHERE id = %1 AND NOT EXISTS (SELECT 1 FROM changed_source WHERE id = %1))"_s.arg(
        id);
}
QString noteUnindexedSql(const QString &table, const QString &id) {
    return u"INSERT OR IGNORE INTO %1(id) VALUES (%2)"_s.arg(table, id);
}

} // namespace

namespace StoreBulk {

// A statement of the bulk import, through SQLite's own interface: binding a QVariant per
// value through QtSql cost more than SQLite's work on a 100k-event import. Prepared once per
// import, on the store's connection (QSqlDriver::handle), inside its transaction.
class BulkStatement {
public:
    BulkStatement(sqlite3 *db, const char *sql) {
        if (db && sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement,
                                     nullptr) != SQLITE_OK) {
            // Kept now: the next statement's preparation would overwrite SQLite's message.
            m_errorCode = sqlite3_errcode(db) & 0xff;
            m_errorText = QString::fromUtf8(sqlite3_errmsg(db));
        }
    }
    ~BulkStatement() { sqlite3_finalize(m_statement); }
    BulkStatement(const BulkStatement &) = delete;
    BulkStatement &operator=(const BulkStatement &) = delete;

    [[nodiscard]] bool isValid() const { return m_statement != nullptr; }

    // Encoded to UTF-8 (the database's encoding) here, into a buffer of the parameter's
    // that is reused row after row: handing SQLite UTF-16 made it convert and allocate per
    // value. A null QString binds "" (text columns are NOT NULL).
    void bindText(int index, QStringView value) {
        if (value.isEmpty()) {
            sqlite3_bind_text(m_statement, index, "", 0, SQLITE_STATIC);
            return;
        }
        if (size_t(index) >= m_utf8.size())
            m_utf8.resize(size_t(index) + 1);
        QByteArray &buffer = m_utf8[size_t(index)];
        buffer.resize(m_encoder.requiredSpace(value.size()));
        const char *end = m_encoder.appendToBuffer(buffer.data(), value);
        sqlite3_bind_text(m_statement, index, buffer.constData(), int(end - buffer.constData()),
                          SQLITE_STATIC);
    }
    void bindInt(int index, qint64 value) { sqlite3_bind_int64(m_statement, index, value); }
    void bindNull(int index) { sqlite3_bind_null(m_statement, index); }
    // NULL for 0 (an unknown month or day, no category).
    void bindIntOrNull(int index, qint64 value) {
        if (value == 0)
            bindNull(index);
        else
            bindInt(index, value);
    }

    // Runs an INSERT or UPDATE; on failure keeps SQLite's code and message for error().
    bool run() {
        const int rc = sqlite3_step(m_statement);
        const bool ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
        if (!ok)
            keepError(rc);
        sqlite3_reset(m_statement);
        return ok;
    }
    // A SELECT of one integer: its first row's value, 0 when there is none, nothing when
    // SQLite failed (see errorCode()).
    std::optional<qint64> firstInt() {
        const int rc = sqlite3_step(m_statement);
        std::optional<qint64> value;
        if (rc == SQLITE_ROW)
            value = sqlite3_column_int64(m_statement, 0);
        else if (rc == SQLITE_DONE)
            value = 0;
        else
            keepError(rc);
        sqlite3_reset(m_statement);
        return value;
    }

    // A SELECT of one integer column: every row's value, in order; false when SQLite failed.
    bool allInts(QVarLengthArray<qint64, 8> *values) {
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(m_statement)) == SQLITE_ROW)
            values->append(sqlite3_column_int64(m_statement, 0));
        const bool ok = rc == SQLITE_DONE;
        if (!ok)
            keepError(rc);
        sqlite3_reset(m_statement);
        return ok;
    }

    [[nodiscard]] int errorCode() const { return m_errorCode; }
    [[nodiscard]] QString errorText() const { return m_errorText; }

private:
    void keepError(int rc) {
        m_errorCode = rc & 0xff;
        m_errorText = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_statement)));
    }

    sqlite3_stmt *m_statement = nullptr;
    int m_errorCode = 0;
    QString m_errorText;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
    std::vector<QByteArray> m_utf8; // by parameter index; bound until the next run()
};

// The statements of one import, prepared once on the store's connection.
struct ImportStatements {
    explicit ImportStatements(sqlite3 *connection)
        : db(connection)
        , eventByUid(db, "SELECT id FROM event WHERE uid = ?1")
        , sourceByUid(db, "SELECT id FROM source WHERE uid = ?1")
        , insertEvent(db, "INSERT INTO event(uid, title, summary, start_year, start_month, "
                          "start_day, end_year, end_month, end_day, first_day, last_day, "
                          "category_id, status, importance, created, modified) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                          "?15, ?16)")
        , insertSource(db, "INSERT INTO source(uid, kind, title, outlet, authors, url, doi, "
                           "published, accessed, language, excerpt, notes, created, modified) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)")
        , insertActor(db,
                      "INSERT INTO event_actor(event_id, actor_id, position) VALUES (?1, ?2, ?3)")
        , insertChip(db, "INSERT INTO event_chip(event_id, chip_id, position) VALUES (?1, ?2, ?3)")
        , insertTag(db, "INSERT INTO event_tag(event_id, tag_id, position) VALUES (?1, ?2, ?3)")
        , insertCitation(db, "INSERT INTO event_source(event_id, source_id, quote, locator, "
                             "position) VALUES (?1, ?2, ?3, ?4, ?5)")
        , insertEventIndex(db, "INSERT INTO event_fts(rowid, title, summary, names) "
                               "VALUES (?1, ?2, ?3, ?4)")
        , insertSourceIndex(db, "INSERT INTO source_fts(rowid, title, outlet, excerpt, notes, "
                                "quotes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        , noteIndexedEvent(db, noteIndexedEventSql(u"?1"_s).toUtf8().constData())
        , noteIndexedSource(db, noteIndexedSourceSql(u"?1"_s).toUtf8().constData())
        , noteUnindexedSource(db,
                              noteUnindexedSql(u"changed_source"_s, u"?1"_s).toUtf8().constData())
        , sourcesCitedBy(db, "SELECT source_id FROM event_source WHERE event_id = ?1") {}

    // The first statement that could not be prepared, or none.
    [[nodiscard]] const BulkStatement *invalidStatement() const {
        for (const BulkStatement *statement :
             {&eventByUid, &sourceByUid, &insertEvent, &insertSource, &insertActor, &insertChip,
              &insertTag, &insertCitation, &insertEventIndex, &insertSourceIndex, &noteIndexedEvent,
              &noteIndexedSource, &noteUnindexedSource, &sourcesCitedBy})
            if (!statement->isValid())
                return statement;
        return nullptr;
    }

    // The time stamp, as stored (milliseconds): formatted again only when it changed.
    const QString &now() {
        const QDateTime current = QDateTime::currentDateTimeUtc();
        if (current.toMSecsSinceEpoch() != m_nowMs) {
            m_nowMs = current.toMSecsSinceEpoch();
            m_now = current.toString(Qt::ISODateWithMs);
        }
        return m_now;
    }

    sqlite3 *db;
    BulkStatement eventByUid;
    BulkStatement sourceByUid;
    BulkStatement insertEvent;
    BulkStatement insertSource;
    BulkStatement insertActor;
    BulkStatement insertChip;
    BulkStatement insertTag;
    BulkStatement insertCitation;
    BulkStatement insertEventIndex;
    BulkStatement insertSourceIndex;
    BulkStatement noteIndexedEvent;
    BulkStatement noteIndexedSource;
    BulkStatement noteUnindexedSource;
    BulkStatement sourcesCitedBy;

    // The change tracking is off during an import (see importParts): a stored row it is about
    // to change is noted by hand, with the text it is indexed with, for flushSearchIndex.
    // Rows it inserts are indexed by it, events at once and sources at its end; a source of
    // the import that is noted is left to flushSearchIndex. Each returns the statement that
    // failed, or none.
    const BulkStatement *noteEvent(qint64 id) {
        return noteOnce(noteIndexedEvent, notedEvents, id);
    }
    const BulkStatement *noteSource(qint64 id) {
        return noteOnce(newSourceAt.contains(id) ? noteUnindexedSource : noteIndexedSource,
                        notedSources, id);
    }
    // The sources an event cites now.
    const BulkStatement *noteSourcesCitedBy(qint64 eventId) {
        QVarLengthArray<qint64, 8> cited;
        sourcesCitedBy.bindInt(1, eventId);
        if (!sourcesCitedBy.allInts(&cited))
            return &sourcesCitedBy;
        for (const qint64 id : std::as_const(cited))
            if (const BulkStatement *failed = noteSource(id))
                return failed;
        return nullptr;
    }
    QSet<qint64> notedEvents;
    QSet<qint64> notedSources;

    static const BulkStatement *noteOnce(BulkStatement &note, QSet<qint64> &noted, qint64 id) {
        if (noted.contains(id))
            return nullptr;
        note.bindInt(1, id);
        if (!note.run())
            return &note;
        noted.insert(id);
        return nullptr;
    }

    // The search index rows of the sources this import inserted, written at its end, when
    // the quotes of all the events citing them are known (in the order of the events' ids,
    // as the view source_search_text orders them).
    struct NewSource {
        qint64 id = 0;
        QString title;
        QString outlet;
        QString excerpt;
        QString notes;
    };
    std::vector<NewSource> newSources;
    QHash<qint64, qsizetype> newSourceAt; // by row id
    // Every quote that cites a new source, in the order written: (its newSources index, the
    // quote, shared with the dataset's string).
    std::vector<std::pair<qsizetype, QString>> newSourceQuotes;

private:
    qint64 m_nowMs = -1;
    QString m_now;
};

} // namespace StoreBulk

using StoreBulk::BulkStatement;
using StoreBulk::ImportStatements;

TimelineStore::TimelineStore(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName)) {}

TimelineStore::~TimelineStore() {
    m_statements.clear(); // prepared statements go before their connection
    m_failedStatement = QSqlQuery();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase TimelineStore::database() const {
    return QSqlDatabase::database(m_connectionName, false);
}

std::unique_ptr<TimelineStore> TimelineStore::open(const QString &path, StoreError *error,
                                                   OpenMode mode, OpenCheck check) {
    StoreError localError;
    StoreError &err = error ? *error : localError;
    err = {};
    const QFileInfo info(path);
    const QString shownPath = QDir::toNativeSeparators(path);
    const auto fail = [&](StoreError::Kind kind, const QString &message) {
        err.kind = kind;
        err.message = message;
        return nullptr;
    };

    if (path.isEmpty())
        return fail(StoreError::Kind::Io, u"no database file given"_s);
    if (info.exists()) {
        if (info.isDir())
            return fail(StoreError::Kind::NotADatabase,
                        u"%1: is a folder, not a database file"_s.arg(shownPath));
        if (!info.isReadable())
            return fail(StoreError::Kind::Io,
                        u"%1: cannot be read (permission denied)"_s.arg(shownPath));
        // Never hand a foreign file to SQLite: it would happily turn an empty or unrelated
        // file into a database. Only an empty file may become one.
        if (info.size() > 0 && !hasSqliteHeader(path))
            return fail(
                StoreError::Kind::NotADatabase,
                u"%1: not a ChipTimeline database (not an SQLite file); left untouched"_s.arg(
                    shownPath));
        // SQLite reads the missing end of a file cut short as zeros (a note full of NULs, a
        // table that ends early): a file shorter than its header says is refused.
        if (const QString cut = truncation(path); !cut.isEmpty())
            return fail(StoreError::Kind::Corrupt,
                        u"%1: the database is damaged: %2"_s.arg(shownPath, cut));
    } else {
        if (mode == OpenMode::ReadOnly)
            return fail(StoreError::Kind::Io, u"%1: no such file"_s.arg(shownPath));
        const QFileInfo dir(info.absolutePath());
        if (!dir.exists())
            return fail(StoreError::Kind::Io,
                        u"%1: the folder %2 does not exist"_s.arg(
                            shownPath, QDir::toNativeSeparators(info.absolutePath())));
        if (!dir.isWritable())
            return fail(
                StoreError::Kind::ReadOnly,
                u"%1: cannot create the file (the folder is not writable)"_s.arg(shownPath));
    }

    std::unique_ptr<TimelineStore> store(new TimelineStore(path, newConnectionName()));
    if (mode == OpenMode::ReadOnly)
        store->m_readOnlyReason = u"opened read-only"_s;
    else if (info.exists() && !info.isWritable())
        store->m_readOnlyReason = u"the file is read-only"_s;
    else if (info.exists() && !QFileInfo(info.absolutePath()).isWritable())
        store->m_readOnlyReason = u"its folder is read-only"_s;

    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, store->m_connectionName);
    db.setDatabaseName(path);
    QString options = u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs);
    if (store->isReadOnly())
        options += u";QSQLITE_OPEN_READONLY"_s;
    // A WAL database whose folder cannot be written (read-only media, a folder without write
    // permission) cannot get the -shm file every reader needs: opened as immutable, SQLite
    // reads it without one, and without locks (nothing can change it there). Only when no
    // write-ahead log is present, since immutable reading ignores one.
    if (store->isReadOnly() && info.exists() && !QFileInfo(info.absolutePath()).isWritable() &&
        !QFileInfo::exists(path + u"-wal"_s)) {
        db.setDatabaseName(
            QUrl::fromLocalFile(info.absoluteFilePath()).toString(QUrl::FullyEncoded) +
            u"?immutable=1"_s);
        options += u";QSQLITE_OPEN_URI"_s;
    }
    db.setConnectOptions(options);
    const bool existed = info.exists();
    // A new file that could not be made a database (a full disk, say) is not left behind.
    const auto removeNewFile = [&] {
        store.reset();
        if (!existed)
            for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
                QFile::remove(path + suffix);
    };
    if (!db.open()) {
        fail(StoreError::Kind::Io, u"%1: cannot open: %2"_s.arg(shownPath, db.lastError().text()));
        db = QSqlDatabase();
        removeNewFile();
        return nullptr;
    }
    db = QSqlDatabase();
    if (!store->configure(mode, check, &err)) {
        removeNewFile();
        return nullptr;
    }
    return store;
}

bool TimelineStore::configure(OpenMode mode, OpenCheck check, StoreError *error) {
    Q_UNUSED(mode);
    QSqlDatabase db = database();
    QSqlQuery query(db);
    const QString shownPath = QDir::toNativeSeparators(m_path);

    // A page cache of 32 MB (SQLite's default is 2 MB): a large import no longer spills dirty
    // pages to the WAL and reads them back mid-transaction, and searches find the full-text
    // index in memory. Reads through a memory map of up to 256 MB skip a copy per page, which
    // halves the time of a filter that walks most of a 100k-event table.
    for (const QString &pragma : {u"PRAGMA foreign_keys = ON"_s, u"PRAGMA cache_size = -32768"_s,
                                  QString::fromLatin1(MmapSizePragma)}) {
        if (!query.exec(pragma)) {
            *error = errorFrom(query, u"open"_s);
            return false;
        }
    }

    // Which version is this file? Reading sqlite_master is the first real read, so this is
    // also where a damaged file shows itself.
    QStringList tables;
    if (query.exec(u"SELECT name FROM sqlite_master WHERE type = 'table'"_s))
        while (query.next())
            tables << query.value(0).toString();
    if (readFailed(query, u"sqlite_master"_s)) {
        *error = m_readError;
        return false;
    }
    query.finish();
    // Damage shows itself only where it is read: a small file is checked whole before
    // anything is shown or written (a large one by whoever opened it with OpenCheck::None).
    if (!tables.isEmpty() &&
        (check == OpenCheck::Quick ||
         (check == OpenCheck::BySize && QFileInfo(m_path).size() <= quickCheckLimitBytes))) {
        if (StoreError damage = checkIntegrity(false); damage.isError()) {
            *error = damage;
            return false;
        }
    }
    int version = 0;
    if (tables.contains(u"meta"_s)) {
        QVariant stored;
        if (query.exec(u"SELECT value FROM meta WHERE key = 'schema_version'"_s) && query.next())
            stored = query.value(0);
        if (readFailed(query, u"meta"_s)) {
            *error = m_readError;
            return false;
        }
        query.finish();
        bool numeric = false;
        version = stored.toString().trimmed().toInt(&numeric);
        if (!stored.isValid() || !numeric || version < 1) {
            *error = {StoreError::Kind::NotADatabase,
                      !stored.isValid()
                          ? u"%1: schema version missing (the meta table has no schema_version); "
                            "not opened, left untouched"_s.arg(shownPath)
                          : u"%1: schema version unreadable ('%2' is not a version number); "
                            "not opened, left untouched"_s.arg(shownPath, stored.toString())};
            return false;
        }
    } else if (!tables.isEmpty()) {
        *error = {StoreError::Kind::NotADatabase,
                  u"%1: an SQLite file, but not a ChipTimeline database; left untouched"_s.arg(
                      shownPath)};
        return false;
    }
    // A database copied from elsewhere may carry triggers or views that run SQL when we
    // write. (trusted_schema=OFF cannot be used: it also forbids our own FTS5 triggers.)
    // Only the ones our migrations create, to the letter, are accepted.
    if (version <= latestSchemaVersion() &&
        !query.exec(
            u"SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')"_s)) {
        *error = errorFrom(query, u"read"_s);
        return false;
    }
    QSet<QString> expected;
    for (const SchemaMigration &migration : schemaMigrations())
        if (migration.version <= version)
            for (const QString &statement : migration.statements)
                expected.insert(statement.trimmed());
    while (version <= latestSchemaVersion() && query.next()) {
        if (!expected.contains(query.value(2).toString().trimmed())) {
            *error = {
                StoreError::Kind::NotADatabase,
                u"%1: contains a %2 '%3' that ChipTimeline did not create; refused and left untouched"_s
                    .arg(shownPath, query.value(0).toString(), query.value(1).toString())};
            return false;
        }
    }
    query.finish();
    if (version > latestSchemaVersion()) {
        *error = {
            StoreError::Kind::TooNew,
            u"%1: written by a newer ChipTimeline (schema version %2; this version reads up to %3); left untouched"_s
                .arg(shownPath)
                .arg(version)
                .arg(latestSchemaVersion())};
        return false;
    }
    if (isReadOnly()) {
        if (version < latestSchemaVersion()) {
            *error = {StoreError::Kind::ReadOnly,
                      version == 0
                          ? u"%1: the database is empty and %2"_s.arg(shownPath, m_readOnlyReason)
                          : u"%1: needs upgrading from schema version %2 but %3"_s.arg(shownPath)
                                .arg(version)
                                .arg(m_readOnlyReason)};
            return false;
        }
        return true;
    }
    // A new file gets 16 KB pages (SQLite's default is 4 KB; the size is fixed once the first
    // table is written). Event and source rows and the full-text index's segments run from
    // hundreds of bytes to kilobytes, so bigger pages mean fewer splits, shallower trees and a
    // quarter of the WAL frames (docs/benchmarks.md, "Import and export"). Files made with 4 KB
    // pages keep them. The cache size is given again: SQLite counts it in pages, as many as
    // the 32 MB made at the old page size.
    if (version == 0) {
        for (const QString &pragma :
             {u"PRAGMA page_size = 16384"_s, u"PRAGMA cache_size = -32768"_s}) {
            if (!query.exec(pragma)) {
                *error = errorFrom(query, u"open"_s);
                return false;
            }
        }
    }
    // Durable: an action shown as done survives a crash and a power cut.
    for (const QString &pragma : {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = FULL"_s}) {
        if (!query.exec(pragma)) {
            *error = errorFrom(query, u"open"_s);
            return false;
        }
    }
    query.finish();
    if (version < latestSchemaVersion() && !migrate(version, error))
        return false;
    return installChangeTracking(error);
}

bool TimelineStore::installChangeTracking(StoreError *error) {
    // Temporary triggers (this connection only, never stored in the file) note which events
    // and sources a transaction touched; flushSearchIndex() re-indexes each of them once.
    // The index keeps no copy of its text (schema version 4), and taking a row out of it needs
    // the text it was indexed with: so a row's indexed text is noted before its first change
    // in the transaction (a row inserted in it is noted without text: it was not indexed).
    // INSERT OR IGNORE keeps the first note, the text as indexed at the last commit.
    QStringList statements = {
        uR"(CREATE TEMP TABLE IF NOT EXISTS changed_event (
              id INTEGER PRIMARY KEY, title TEXT, summary TEXT, names TEXT))"_s,
        uR"(CREATE TEMP TABLE IF NOT EXISTS changed_source (
              id INTEGER PRIMARY KEY, title TEXT, outlet TEXT, excerpt TEXT, notes TEXT,
              quotes TEXT))"_s,
    };
    const auto track = [&statements](const QString &name, const QString &when, const QString &table,
                                     const QString &note) {
        statements << uR"(CREATE TEMP TRIGGER IF NOT EXISTS %1 %2 ON main.%3 BEGIN
                            %4;
                          END)"_s.arg(name, when, table, note);
    };
    const auto newEvent = [](const QString &id) {
        return noteUnindexedSql(u"changed_event"_s, id);
    };
    const auto newSource = [](const QString &id) {
        return noteUnindexedSql(u"changed_source"_s, id);
    };
    track(u"track_event_insert"_s, u"AFTER INSERT"_s, u"event"_s, newEvent(u"new.id"_s));
    track(u"track_event_update"_s, u"BEFORE UPDATE OF title, summary"_s, u"event"_s,
          noteIndexedEventSql(u"old.id"_s));
    track(u"track_event_delete"_s, u"BEFORE DELETE"_s, u"event"_s,
          noteIndexedEventSql(u"old.id"_s));
    for (const QString &link : {u"event_actor"_s, u"event_chip"_s, u"event_tag"_s}) {
        track(u"track_%1_insert"_s.arg(link), u"BEFORE INSERT"_s, link,
              noteIndexedEventSql(u"new.event_id"_s));
        track(u"track_%1_update"_s.arg(link), u"BEFORE UPDATE"_s, link,
              noteIndexedEventSql(u"old.event_id"_s) + u";\n"_s +
                  noteIndexedEventSql(u"new.event_id"_s));
        track(u"track_%1_delete"_s.arg(link), u"BEFORE DELETE"_s, link,
              noteIndexedEventSql(u"old.event_id"_s));
    }
    for (const QString &names : {u"actor"_s, u"chip"_s, u"tag"_s}) {
        // A renamed actor, chip or tag changes the names of every event linked to it.
        track(u"track_%1_rename"_s.arg(names), u"BEFORE UPDATE OF name"_s, names,
              uR"(INSERT OR IGNORE INTO changed_event(id, title, summary, names)
                    SELECT id, title, summary, names FROM main.event_search_text
                     WHERE id IN (SELECT event_id FROM main.event_%1 WHERE %1_id = old.id)
                       AND id NOT IN (SELECT id FROM changed_event))"_s.arg(names));
    }
    track(u"track_source_insert"_s, u"AFTER INSERT"_s, u"source"_s, newSource(u"new.id"_s));
    track(u"track_source_update"_s, u"BEFORE UPDATE OF title, outlet, excerpt, notes"_s,
          u"source"_s, noteIndexedSourceSql(u"old.id"_s));
    track(u"track_source_delete"_s, u"BEFORE DELETE"_s, u"source"_s,
          noteIndexedSourceSql(u"old.id"_s));
    track(u"track_event_source_insert"_s, u"BEFORE INSERT"_s, u"event_source"_s,
          noteIndexedSourceSql(u"new.source_id"_s));
    track(u"track_event_source_update"_s, u"BEFORE UPDATE"_s, u"event_source"_s,
          noteIndexedSourceSql(u"old.source_id"_s) + u";\n"_s +
              noteIndexedSourceSql(u"new.source_id"_s));
    track(u"track_event_source_delete"_s, u"BEFORE DELETE"_s, u"event_source"_s,
          noteIndexedSourceSql(u"old.source_id"_s));
    QSqlQuery query(database());
    for (const QString &sql : std::as_const(statements)) {
        if (!query.exec(sql)) {
            *error = errorFrom(query, u"open"_s);
            return false;
        }
    }
    return true;
}

bool TimelineStore::flushSearchIndex(StoreError *error) {
    // Inside the write transaction, just before COMMIT: the index changes with the data or not
    // at all. Each noted row is taken out with the text it was indexed with, then indexed
    // with what the views give now; rows that were deleted simply drop out (the views have
    // nothing for them).
    const QStringList statements = {
        uR"(INSERT INTO event_fts(event_fts, rowid, title, summary, names)
              SELECT 'delete', id, title, summary, names FROM temp.changed_event
               WHERE title IS NOT NULL)"_s,
        uR"(INSERT INTO event_fts(rowid, title, summary, names)
              SELECT id, title, summary, names FROM event_search_text
               WHERE id IN (SELECT id FROM temp.changed_event))"_s,
        u"DELETE FROM temp.changed_event"_s,
        uR"(INSERT INTO source_fts(source_fts, rowid, title, outlet, excerpt, notes, quotes)
              SELECT 'delete', id, title, outlet, excerpt, notes, quotes FROM temp.changed_source
               WHERE title IS NOT NULL)"_s,
        uR"(INSERT INTO source_fts(rowid, title, outlet, excerpt, notes, quotes)
              SELECT id, title, outlet, excerpt, notes, quotes FROM source_search_text
               WHERE id IN (SELECT id FROM temp.changed_source))"_s,
        u"DELETE FROM temp.changed_source"_s,
    };
    for (const QString &sql : statements) {
        QSqlQuery &query = statement(sql);
        if (!query.exec()) {
            *error = errorFrom(query, u"update the search index"_s);
            return false;
        }
    }
    return true;
}

QSqlQuery &TimelineStore::statement(const QString &sql) const {
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        QSqlQuery query(database());
        if (!query.prepare(sql)) {
            // Not kept: the caller's exec() fails with this error, and the next call tries
            // again (the schema may have changed since).
            m_failedStatement = std::move(query);
            return m_failedStatement;
        }
        found = m_statements.emplace(sql, std::move(query)).first;
    }
    return found->second;
}

bool TimelineStore::migrate(int fromVersion, StoreError *error) {
    QSqlDatabase db = database();
    QSqlQuery query(db);
    if (fromVersion > 0) {
        // A consistent copy of the whole file before its schema changes.
        const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
        m_backupPath = u"%1.v%2-%3.bak"_s.arg(m_path).arg(fromVersion).arg(stamp);
        QFile::remove(m_backupPath);
        query.prepare(u"VACUUM INTO :target"_s);
        query.bindValue(u":target"_s, m_backupPath);
        if (!query.exec()) {
            *error = errorFrom(query, u"back up before upgrading"_s);
            return false;
        }
    }
    if (!beginWrite(error))
        return false;
    for (const SchemaMigration &migration : schemaMigrations()) {
        if (migration.version <= fromVersion)
            continue;
        for (const QString &statement : migration.statements) {
            if (!query.exec(statement)) {
                *error = errorFrom(query, u"upgrade to schema version %1"_s.arg(migration.version));
                rollbackWrite();
                return false;
            }
        }
    }
    query.prepare(u"INSERT INTO meta(key, value) VALUES ('schema_version', :version) "
                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
    query.bindValue(u":version"_s, QString::number(latestSchemaVersion()));
    if (!query.exec()) {
        *error = errorFrom(query, u"upgrade"_s);
        rollbackWrite();
        return false;
    }
    // A plain COMMIT: change tracking is installed after the upgrade, and the migrations
    // themselves keep the search index whole.
    if (!query.exec(u"COMMIT"_s)) {
        *error = errorFrom(query, u"upgrade"_s);
        rollbackWrite();
        return false;
    }
    return true;
}

int TimelineStore::schemaVersion() const {
    QSqlQuery query(database());
    if (query.exec(u"SELECT value FROM meta WHERE key = 'schema_version'"_s) && query.next())
        return query.value(0).toInt();
    readFailed(query, u"meta"_s);
    return 0;
}

StoreError TimelineStore::errorFrom(const QSqlQuery &query, const QString &action) const {
    const QSqlError sqlError = query.lastError();
    const QString detail =
        sqlError.databaseText().isEmpty() ? sqlError.text() : sqlError.databaseText();
    return errorFromCode(primaryCode(sqlError), detail, action);
}

StoreError TimelineStore::errorFromCode(int code, const QString &detail,
                                        const QString &action) const {
    const QString shownPath = QDir::toNativeSeparators(m_path);
    switch (code) {
    case SqliteBusy:
    case SqliteLocked:
        return {StoreError::Kind::Locked,
                u"%1: locked by another program; could not %2 (try again when it is closed)"_s.arg(
                    shownPath, action)};
    case SqliteReadOnly:
        return {StoreError::Kind::ReadOnly,
                u"%1: the database is read-only; could not %2"_s.arg(shownPath, action)};
    case SqliteCorrupt:
        return {StoreError::Kind::Corrupt,
                u"%1: the database file is damaged (%2); could not %3"_s.arg(shownPath, detail,
                                                                             action)};
    case SqliteNotADb:
        return {StoreError::Kind::NotADatabase,
                u"%1: not a ChipTimeline database (%2)"_s.arg(shownPath, detail)};
    case SqliteFull:
        return {StoreError::Kind::Io,
                u"%1: the disk is full; could not %2"_s.arg(shownPath, action)};
    case SqliteConstraint:
        return {StoreError::Kind::Invalid,
                u"%1: could not %2: %3"_s.arg(shownPath, action, detail)};
    case SqliteIoErr:
    case SqliteCantOpen:
    default:
        return {StoreError::Kind::Io, u"%1: could not %2: %3"_s.arg(shownPath, action, detail)};
    }
}

StoreError TimelineStore::refusedBecauseReadOnly() const {
    return {StoreError::Kind::ReadOnly, u"%1: %2; nothing was changed"_s.arg(
                                            QDir::toNativeSeparators(m_path), m_readOnlyReason)};
}

void TimelineStore::clearWriteCaches() {
    m_nameIds.clear();
    m_categoryIds.clear();
    m_sourceIds.clear();
}

bool TimelineStore::beginWrite(StoreError *error) {
    if (isReadOnly()) {
        *error = refusedBecauseReadOnly();
        return false;
    }
    clearWriteCaches();
    QSqlQuery query(database());
    // IMMEDIATE takes the write lock now, so a busy database fails before any work is done.
    if (!query.exec(u"BEGIN IMMEDIATE"_s)) {
        *error = errorFrom(query, u"start a change"_s);
        return false;
    }
    return true;
}

bool TimelineStore::commitWrite(StoreError *error) {
    clearWriteCaches();
    if (!flushSearchIndex(error)) {
        rollbackWrite();
        return false;
    }
    QSqlQuery query(database());
    if (!query.exec(u"COMMIT"_s)) {
        *error = errorFrom(query, u"save the change"_s);
        rollbackWrite();
        return false;
    }
    return true;
}

void TimelineStore::rollbackWrite() {
    clearWriteCaches(); // ids written in the transaction are gone with it
    QSqlQuery query(database());
    query.exec(u"ROLLBACK"_s);
}

bool TimelineStore::suspendChangeTracking(StoreError *error) {
    QSqlQuery query(database());
    QStringList triggers;
    if (query.exec(u"SELECT name FROM sqlite_temp_master WHERE type = 'trigger' "
                   "AND name LIKE 'track\\_%' ESCAPE '\\'"_s))
        while (query.next())
            triggers << query.value(0).toString();
    else {
        *error = errorFrom(query, u"import"_s);
        return false;
    }
    for (const QString &trigger : std::as_const(triggers)) {
        if (!query.exec(u"DROP TRIGGER temp.%1"_s.arg(trigger))) {
            *error = errorFrom(query, u"import"_s);
            return false;
        }
    }
    return true;
}

// ---- Reading ----

bool TimelineStore::wasEverFilled() const {
    QSqlQuery query(database());
    if (query.exec(u"SELECT 1 FROM meta WHERE key = 'filled'"_s) && query.next())
        return true;
    readFailed(query, u"meta"_s);
    return false;
}

bool TimelineStore::markFilled(StoreError *error) {
    QSqlQuery query(database());
    if (query.exec(u"INSERT OR IGNORE INTO meta(key, value) VALUES ('filled', '1')"_s))
        return true;
    *error = errorFrom(query, u"save"_s);
    return false;
}

int TimelineStore::eventCount() const {
    QSqlQuery query(database());
    if (query.exec(u"SELECT count(*) FROM event"_s) && query.next())
        return query.value(0).toInt();
    readFailed(query, u"event"_s);
    return 0;
}

int TimelineStore::sourceCount() const {
    QSqlQuery query(database());
    if (query.exec(u"SELECT count(*) FROM source"_s) && query.next())
        return query.value(0).toInt();
    readFailed(query, u"source"_s);
    return 0;
}

QList<Category> TimelineStore::categories() const {
    QList<Category> result;
    QSqlQuery query(database());
    query.exec(
        u"SELECT id, name, label, color, sort_order FROM category ORDER BY sort_order, name"_s);
    while (query.next()) {
        Category category;
        category.id = query.value(0).toLongLong();
        category.name = query.value(1).toString();
        category.label = query.value(2).toString();
        category.color = QColor::fromString(query.value(3).toString());
        category.order = query.value(4).toInt();
        result << category;
    }
    readFailed(query, u"category"_s);
    return result;
}

QString TimelineStore::filterSql(const EventFilter &filter, QVariantMap &bindings) {
    QString where = filterClause(filter, bindings);
    if (!filter.query.trimmed().isEmpty()) {
        if (!where.isEmpty())
            where += u" AND "_s;
        where += u"e.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH :fts)"_s;
        bindings.insert(u":fts"_s, filter.query);
    }
    return where;
}

QList<Event> TimelineStore::events(const EventFilter &filter) const {
    QVariantMap bindings;
    const QString where = filterSql(filter, bindings);
    return loadEvents(where, bindings);
}

std::vector<qint64> TimelineStore::eventIds(const EventFilter &filter) const {
    QVariantMap bindings;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (filterClause(filter, bindings).isEmpty() && !filter.query.trimmed().isEmpty()) {
        // Only a full-text query: the index gives the ids (every indexed row is an event),
        // without a lookup in `event` for each match.
        bindings = {{u":fts"_s, filter.query}};
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

std::optional<Event> TimelineStore::event(qint64 id) const {
    const QList<Event> found = loadEvents(u"e.id = :id"_s, {{u":id"_s, id}});
    return found.isEmpty() ? std::nullopt : std::optional<Event>(found.constFirst());
}

std::optional<Event> TimelineStore::eventByUid(const QString &uid) const {
    const QList<Event> found = loadEvents(u"e.uid = :uid"_s, {{u":uid"_s, uid}});
    return found.isEmpty() ? std::nullopt : std::optional<Event>(found.constFirst());
}

QList<Event> TimelineStore::loadEvents(const QString &where, const QVariantMap &bindings) const {
    QSqlDatabase db = database();
    const QString whereSql = where.isEmpty() ? QString() : u" WHERE "_s + where;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(uR"(SELECT e.id, e.uid, e.title, e.summary,
                             e.start_year, e.start_month, e.start_day,
                             e.end_year, e.end_month, e.end_day,
                             coalesce(c.name, ''), e.status, e.importance, e.created, e.modified
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

QList<Source> TimelineStore::sources() const {
    QList<Source> result;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.exec(u"SELECT %1 FROM source ORDER BY published, title, id"_s.arg(sourceColumns));
    while (query.next())
        result << sourceFromQuery(query);
    readFailed(query, u"source"_s);
    return result;
}

std::optional<Source> TimelineStore::source(qint64 id) const {
    QSqlQuery query(database());
    query.prepare(u"SELECT %1 FROM source WHERE id = :id"_s.arg(sourceColumns));
    query.bindValue(u":id"_s, id);
    if (query.exec() && query.next())
        return sourceFromQuery(query);
    readFailed(query, u"source"_s);
    return std::nullopt;
}

std::optional<Source> TimelineStore::sourceByUid(const QString &uid) const {
    QSqlQuery query(database());
    query.prepare(u"SELECT %1 FROM source WHERE uid = :uid"_s.arg(sourceColumns));
    query.bindValue(u":uid"_s, uid);
    if (query.exec() && query.next())
        return sourceFromQuery(query);
    readFailed(query, u"source"_s);
    return std::nullopt;
}

namespace {
QStringList namesOf(const TimelineStore &store, const QString &table) {
    QStringList names;
    QSqlQuery query(store.database());
    query.exec(u"SELECT name FROM %1 ORDER BY name COLLATE NOCASE"_s.arg(table));
    while (query.next())
        names << query.value(0).toString();
    store.readFailed(query, table);
    return names;
}
} // namespace

QHash<QString, int> TimelineStore::citationCounts() const {
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

QList<std::pair<Event, Citation>> TimelineStore::citingEvents(const QString &sourceUid) const {
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

QStringList TimelineStore::actorNames() const {
    return namesOf(*this, u"actor"_s);
}

QStringList TimelineStore::chipNames() const {
    return namesOf(*this, u"chip"_s);
}

QStringList TimelineStore::tagNames() const {
    return namesOf(*this, u"tag"_s);
}

QList<SavedView> TimelineStore::savedViews() const {
    QList<SavedView> views;
    QSqlQuery query(database());
    query.exec(u"SELECT id, name, filter FROM saved_view ORDER BY name COLLATE NOCASE"_s);
    while (query.next())
        views << SavedView{query.value(0).toLongLong(), query.value(1).toString(),
                           query.value(2).toString()};
    readFailed(query, u"saved_view"_s);
    return views;
}

namespace {

sqlite3 *sqliteHandle(const QSqlDatabase &db) {
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(handle.constData());
    return nullptr;
}

// Rows read through SQLite's interface: for the whole dataset, a QVariant per column cost
// more than SQLite's own work.
class RowReader {
public:
    RowReader(sqlite3 *db, const char *sql) {
        if (db)
            sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr);
    }
    ~RowReader() { sqlite3_finalize(m_statement); }
    RowReader(const RowReader &) = delete;
    RowReader &operator=(const RowReader &) = delete;

    [[nodiscard]] bool isValid() const { return m_statement != nullptr; }
    bool next() {
        m_result = sqlite3_step(m_statement);
        return m_result == SQLITE_ROW;
    }
    // The error that ended the rows (a damaged page), recorded in the store as damage to
    // `table`; false when they ended as they should.
    bool failed(const TimelineStore &store, const QString &table) const {
        if (m_result == SQLITE_DONE || m_result == SQLITE_ROW)
            return false;
        return store.readFailed(
            m_result, QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_statement))), table);
    }

    // As QSqlQuery::value(column).toString(): NULL gives a null string.
    [[nodiscard]] QString text(int column) const {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        if (!data)
            return {};
        return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
    }
    // Texts that repeat (a locator, a source's kind or outlet): one shared QString each.
    [[nodiscard]] QString sharedText(int column, QHash<QByteArray, QString> *known) const {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        if (!data)
            return {};
        const int size = sqlite3_column_bytes(m_statement, column);
        // Looked up without copying the bytes; copied only the first time they are seen.
        if (const auto found = known->constFind(QByteArray::fromRawData(data, size));
            found != known->cend())
            return *found;
        const QString text = QString::fromUtf8(data, size);
        known->insert(QByteArray(data, size), text);
        return text;
    }
    [[nodiscard]] qint64 integer(int column) const {
        return sqlite3_column_int64(m_statement, column);
    }
    [[nodiscard]] bool isNull(int column) const {
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
    }
    // A partial date stored as year, month and day columns (dateFromParts).
    [[nodiscard]] PartialDate date(int yearColumn) const {
        if (isNull(yearColumn))
            return {};
        const int year = int(integer(yearColumn));
        if (isNull(yearColumn + 1))
            return PartialDate::fromYear(year);
        const int month = int(integer(yearColumn + 1));
        if (isNull(yearColumn + 2))
            return PartialDate::fromYearMonth(year, month);
        return PartialDate::fromYmd(year, month, int(integer(yearColumn + 2)));
    }
    // A time stamp as stored ("2025-11-22T11:41:41.123Z"), read without QDateTime's general
    // parser when it has exactly that form; anything else goes through fromString.
    [[nodiscard]] QDateTime timeStamp(int column) const {
        const auto *data =
            reinterpret_cast<const unsigned char *>(sqlite3_column_text(m_statement, column));
        const int size = data ? sqlite3_column_bytes(m_statement, column) : 0;
        const auto digits = [data](int at, int count) {
            int value = 0;
            for (int i = at; i < at + count; ++i) {
                if (data[i] < '0' || data[i] > '9')
                    return -1;
                value = value * 10 + (data[i] - '0');
            }
            return value;
        };
        if (size == 24 && data[4] == '-' && data[7] == '-' && data[10] == 'T' && data[13] == ':' &&
            data[16] == ':' && data[19] == '.' && data[23] == 'Z') {
            const QDate day(digits(0, 4), digits(5, 2), digits(8, 2));
            const QTime time(digits(11, 2), digits(14, 2), digits(17, 2), digits(20, 3));
            if (digits(0, 4) > 0 && day.isValid() && time.isValid())
                return QDateTime(day, time, Qt::UTC);
        }
        return QDateTime::fromString(text(column), Qt::ISODateWithMs);
    }

private:
    sqlite3_stmt *m_statement = nullptr;
    int m_result = SQLITE_DONE;
};

} // namespace

Dataset TimelineStore::dataset() const {
    Dataset dataset;
    QSqlQuery query(database());
    if (query.exec(u"SELECT value FROM meta WHERE key = 'title'"_s) && query.next())
        dataset.title = query.value(0).toString();
    readFailed(query, u"meta"_s);
    query.finish();
    dataset.categories = categories();
    dataset.savedViews = savedViews();

    // What sources() and events() give, read in a few passes through SQLite's interface.
    // Names (of categories, actors, chips, tags) and the uids of cited sources are read once
    // and shared by every event that has them, rather than joined and decoded on every row.
    sqlite3 *db = sqliteHandle(database());
    RowReader sources(db, "SELECT id, uid, kind, title, outlet, authors, url, doi, published, "
                          "accessed, language, excerpt, notes FROM source "
                          "ORDER BY published, title, id");
    RowReader events(db, "SELECT id, uid, title, summary, start_year, start_month, start_day, "
                         "end_year, end_month, end_day, category_id, status, importance, "
                         "created, modified FROM event ORDER BY first_day, last_day, id");
    RowReader actorNames(db, "SELECT id, name FROM actor");
    RowReader chipNames(db, "SELECT id, name FROM chip");
    RowReader tagNames(db, "SELECT id, name FROM tag");
    RowReader actors(db, "SELECT event_id, actor_id FROM event_actor ORDER BY event_id, position");
    RowReader chips(db, "SELECT event_id, chip_id FROM event_chip ORDER BY event_id, position");
    RowReader tags(db, "SELECT event_id, tag_id FROM event_tag ORDER BY event_id, position");
    RowReader citations(db, "SELECT event_id, source_id, quote, locator FROM event_source "
                            "ORDER BY event_id, position");
    if (!sources.isValid() || !events.isValid() || !actorNames.isValid() || !chipNames.isValid() ||
        !tagNames.isValid() || !actors.isValid() || !chips.isValid() || !tags.isValid() ||
        !citations.isValid()) {
        dataset.sources = this->sources();
        dataset.events = this->events();
        return dataset;
    }

    QHash<QByteArray, QString> sharedTexts;
    QHash<qint64, QString> sourceUids;
    const int sourceTotal = sourceCount();
    sourceUids.reserve(sourceTotal);
    dataset.sources.reserve(sourceTotal);
    while (sources.next()) {
        Source &source = dataset.sources.emplaceBack();
        source.id = sources.integer(0);
        source.uid = sources.text(1);
        source.kind = sources.sharedText(2, &sharedTexts);
        source.title = sources.text(3);
        source.outlet = sources.sharedText(4, &sharedTexts);
        const QString authors = sources.text(5);
        source.authors = authors.isEmpty() ? QStringList() : authors.split(u'\n');
        source.url = sources.text(6);
        source.doi = sources.text(7);
        source.published = dateFromIso(sources.text(8));
        source.accessed = dateFromIso(sources.text(9));
        source.language = sources.sharedText(10, &sharedTexts);
        source.excerpt = sources.text(11);
        source.notes = sources.text(12);
        sourceUids.insert(source.id, source.uid);
    }
    sources.failed(*this, u"source"_s);

    QHash<qint64, QString> categoryNames;
    for (const Category &category : std::as_const(dataset.categories))
        categoryNames.insert(category.id, category.name);
    dataset.events.reserve(eventCount());
    while (events.next()) {
        Event &event = dataset.events.emplaceBack();
        event.id = events.integer(0);
        event.uid = events.text(1);
        event.title = events.text(2);
        event.summary = events.text(3);
        event.start = events.date(4);
        event.end = events.date(7);
        if (!events.isNull(10))
            event.category = categoryNames.value(events.integer(10));
        event.status = eventStatusFromKey(events.sharedText(11, &sharedTexts))
                           .value_or(EventStatus::Confirmed);
        event.importance = int(events.integer(12));
        event.created = events.timeStamp(13);
        event.modified = events.timeStamp(14);
    }
    events.failed(*this, u"event"_s);

    // The link rows come in order of event id: each pass walks the events sorted by id.
    std::vector<Event *> byId;
    byId.reserve(size_t(dataset.events.size()));
    for (Event &event : dataset.events)
        byId.push_back(&event);
    std::sort(byId.begin(), byId.end(),
              [](const Event *a, const Event *b) { return a->id < b->id; });
    const auto eventWithId = [&byId](size_t *cursor, qint64 id) -> Event * {
        while (*cursor < byId.size() && byId[*cursor]->id < id)
            ++*cursor;
        return *cursor < byId.size() && byId[*cursor]->id == id ? byId[*cursor] : nullptr;
    };
    const auto readNames = [&](RowReader &names, RowReader &links, QStringList Event::*list,
                               const QString &table) {
        QHash<qint64, QString> nameOf;
        while (names.next())
            nameOf.insert(names.integer(0), names.text(1));
        names.failed(*this, table);
        size_t cursor = 0;
        while (links.next()) {
            Event *event = eventWithId(&cursor, links.integer(0));
            const auto name = nameOf.constFind(links.integer(1));
            if (event && name != nameOf.cend())
                (event->*list) << *name;
        }
        links.failed(*this, u"event_"_s + table);
    };
    readNames(actorNames, actors, &Event::actors, u"actor"_s);
    readNames(chipNames, chips, &Event::chips, u"chip"_s);
    readNames(tagNames, tags, &Event::tags, u"tag"_s);
    size_t cursor = 0;
    while (citations.next()) {
        Event *event = eventWithId(&cursor, citations.integer(0));
        const auto uid = sourceUids.constFind(citations.integer(1));
        if (event && uid != sourceUids.cend())
            event->citations << Citation{*uid, citations.text(2),
                                         citations.sharedText(3, &sharedTexts)};
    }
    citations.failed(*this, u"event_source"_s);
    return dataset;
}

// ---- Writing ----

qint64 TimelineStore::idForUid(const QString &table, const QString &uid) const {
    if (uid.isEmpty())
        return 0;
    QSqlQuery &query = statement(u"SELECT id FROM %1 WHERE uid = :uid"_s.arg(table));
    query.bindValue(u":uid"_s, uid);
    const qint64 id = query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return id;
}

qint64 TimelineStore::nameId(const QString &table, const QString &name, StoreError *error) {
    QHash<QString, qint64> &known = m_nameIds[table];
    if (const auto found = known.constFind(name); found != known.cend())
        return *found;
    QSqlQuery &find = statement(u"SELECT id FROM %1 WHERE name = :name"_s.arg(table));
    find.bindValue(u":name"_s, name);
    if (find.exec() && find.next()) {
        const qint64 id = find.value(0).toLongLong();
        find.finish();
        known.insert(name, id);
        return id;
    }
    find.finish();
    QSqlQuery &insert = statement(u"INSERT INTO %1(name) VALUES (:name)"_s.arg(table));
    insert.bindValue(u":name"_s, name);
    if (!insert.exec()) {
        *error = errorFrom(insert, u"add %1 '%2'"_s.arg(table, name));
        return 0;
    }
    const qint64 id = insert.lastInsertId().toLongLong();
    known.insert(name, id);
    return id;
}

qint64 TimelineStore::sourceIdForUid(const QString &uid) {
    if (const auto found = m_sourceIds.constFind(uid); found != m_sourceIds.cend())
        return *found;
    const qint64 id = idForUid(u"source"_s, uid);
    if (id != 0)
        m_sourceIds.insert(uid, id);
    return id;
}

qint64 TimelineStore::categoryId(const QString &name, StoreError *error) {
    if (name.isEmpty())
        return 0;
    if (const auto found = m_categoryIds.constFind(name); found != m_categoryIds.cend())
        return *found;
    QSqlQuery &find = statement(u"SELECT id FROM category WHERE name = :name"_s);
    find.bindValue(u":name"_s, name);
    if (find.exec() && find.next()) {
        const qint64 id = find.value(0).toLongLong();
        find.finish();
        m_categoryIds.insert(name, id);
        return id;
    }
    find.finish();
    QSqlQuery query(database());
    Category category;
    category.name = name;
    category.color = QColor(0x80, 0x80, 0x80);
    query.exec(u"SELECT coalesce(max(sort_order), 0) + 1 FROM category"_s);
    category.order = query.next() ? query.value(0).toInt() : 1;
    if (!saveCategory(category, error))
        return 0;
    m_categoryIds.insert(name, category.id);
    return category.id;
}

bool TimelineStore::saveCategory(Category &category, StoreError *error) {
    if (isReadOnly()) {
        *error = refusedBecauseReadOnly();
        return false;
    }
    m_categoryIds.clear(); // a rename would leave a name pointing at the wrong row
    QSqlQuery query(database());
    if (category.id == 0)
        category.id = [&] {
            QSqlQuery find(database());
            find.prepare(u"SELECT id FROM category WHERE name = :name"_s);
            find.bindValue(u":name"_s, category.name);
            return find.exec() && find.next() ? find.value(0).toLongLong() : qint64(0);
        }();
    if (category.id == 0)
        query.prepare(u"INSERT INTO category(name, label, color, sort_order) "
                      "VALUES (:name, :label, :color, :order)"_s);
    else {
        query.prepare(u"UPDATE category SET name = :name, label = :label, color = :color, "
                      "sort_order = :order WHERE id = :id"_s);
        query.bindValue(u":id"_s, category.id);
    }
    query.bindValue(u":name"_s, category.name.trimmed());
    query.bindValue(u":label"_s, text(category.label));
    query.bindValue(u":color"_s, category.color.isValid() ? category.color.name() : u"#808080"_s);
    query.bindValue(u":order"_s, category.order);
    if (!query.exec()) {
        *error = errorFrom(query, u"save category '%1'"_s.arg(category.name));
        return false;
    }
    if (category.id == 0)
        category.id = query.lastInsertId().toLongLong();
    return true;
}

bool TimelineStore::checkEvent(const Event &event, StoreError *error) const {
    const QString shownPath = QDir::toNativeSeparators(m_path);
    const auto what = [&event] {
        return event.title.isEmpty() ? event.uid : u"'%1'"_s.arg(event.title);
    };
    if (event.title.trimmed().isEmpty()) {
        *error = {StoreError::Kind::Invalid,
                  u"%1: event %2 has no title"_s.arg(shownPath, event.uid)};
        return false;
    }
    if (!event.start.isValid()) {
        *error = {StoreError::Kind::Invalid,
                  u"%1: event %2 has no valid start date"_s.arg(shownPath, what())};
        return false;
    }
    if (event.end.isValid() && event.end.lastJulianDay() < event.start.firstJulianDay()) {
        *error = {StoreError::Kind::Invalid,
                  u"%1: event %2 ends (%3) before it starts (%4)"_s.arg(
                      shownPath, what(), event.end.toIsoString(), event.start.toIsoString())};
        return false;
    }
    if (event.importance < 1 || event.importance > 3) {
        *error = {StoreError::Kind::Invalid,
                  u"%1: event %2 has importance %3 (allowed: 1 to 3)"_s.arg(shownPath, what())
                      .arg(event.importance)};
        return false;
    }
    return true;
}

bool TimelineStore::writeEvent(Event &event, qint64 existingId, StoreError *error) {
    const QString what = event.title.isEmpty() ? event.uid : u"'%1'"_s.arg(event.title);
    if (!checkEvent(event, error))
        return false;
    const qint64 category = categoryId(event.category, error);
    if (!event.category.isEmpty() && category == 0)
        return false;

    // Milliseconds, as stored: the same value the text reads back as.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString nowText = now.toString(Qt::ISODateWithMs);
    if (event.uid.isEmpty())
        event.uid = newUid();
    const bool createdNow = !event.created.isValid();
    if (createdNow)
        event.created = now;
    event.modified = now;

    QSqlQuery &query = statement(
        existingId == 0
            ? uR"(INSERT INTO event(uid, title, summary, start_year, start_month, start_day,
                            end_year, end_month, end_day, first_day, last_day, category_id, status,
                            importance, created, modified)
                          VALUES (:uid, :title, :summary, :sy, :sm, :sd, :ey, :em, :ed, :first,
                            :last, :category, :status, :importance, :created, :modified))"_s
            : uR"(UPDATE event SET uid = :uid, title = :title, summary = :summary,
                            start_year = :sy, start_month = :sm, start_day = :sd,
                            end_year = :ey, end_month = :em, end_day = :ed,
                            first_day = :first, last_day = :last, category_id = :category,
                            status = :status, importance = :importance, modified = :modified
                          WHERE id = :id)"_s);
    if (existingId == 0)
        query.bindValue(u":created"_s,
                        createdNow ? nowText : event.created.toString(Qt::ISODateWithMs));
    else
        query.bindValue(u":id"_s, existingId);
    query.bindValue(u":uid"_s, event.uid);
    query.bindValue(u":title"_s, event.title.trimmed());
    query.bindValue(u":summary"_s, text(event.summary));
    query.bindValue(u":sy"_s, event.start.year());
    query.bindValue(u":sm"_s, nullIfZero(event.start.month()));
    query.bindValue(u":sd"_s, nullIfZero(event.start.day()));
    query.bindValue(u":ey"_s, nullIfZero(event.end.year()));
    query.bindValue(u":em"_s, nullIfZero(event.end.month()));
    query.bindValue(u":ed"_s, nullIfZero(event.end.day()));
    query.bindValue(u":first"_s, event.firstJulianDay());
    query.bindValue(u":last"_s, event.lastJulianDay());
    query.bindValue(u":category"_s, category ? QVariant(category) : QVariant());
    query.bindValue(u":status"_s, eventStatusKey(event.status));
    query.bindValue(u":importance"_s, event.importance);
    query.bindValue(u":modified"_s, nowText);
    if (!query.exec()) {
        *error = errorFrom(query, u"save event %1"_s.arg(what));
        return false;
    }
    event.id = existingId ? existingId : query.lastInsertId().toLongLong();
    return writeEventLinks(event, existingId == 0, error);
}

bool TimelineStore::writeEventLinks(const Event &event, bool isNew, StoreError *error) {
    // A row just inserted has no links yet (they go with their event: ON DELETE CASCADE).
    for (const QString &table : {u"actor"_s, u"chip"_s, u"tag"_s, u"source"_s}) {
        if (isNew)
            break;
        QSqlQuery &query = statement(u"DELETE FROM event_%1 WHERE event_id = :event"_s.arg(table));
        query.bindValue(u":event"_s, event.id);
        if (!query.exec()) {
            *error = errorFrom(query, u"save event links"_s);
            return false;
        }
    }
    const auto writeNames = [&](const QString &table, const QStringList &names) {
        int position = 0;
        QSet<qint64> seen;
        for (const QString &rawName : names) {
            const QString name = rawName.trimmed();
            if (name.isEmpty())
                continue;
            const qint64 nameRow = nameId(table, name, error);
            if (nameRow == 0)
                return false;
            if (seen.contains(nameRow))
                continue;
            seen.insert(nameRow);
            QSqlQuery &query = statement(
                u"INSERT INTO event_%1(event_id, %1_id, position) VALUES (:e, :n, :p)"_s.arg(
                    table));
            query.bindValue(u":e"_s, event.id);
            query.bindValue(u":n"_s, nameRow);
            query.bindValue(u":p"_s, position++);
            if (!query.exec()) {
                *error = errorFrom(query, u"link %1 '%2'"_s.arg(table, name));
                return false;
            }
        }
        return true;
    };
    if (!writeNames(u"actor"_s, event.actors) || !writeNames(u"chip"_s, event.chips) ||
        !writeNames(u"tag"_s, event.tags))
        return false;
    int position = 0;
    QSet<qint64> seen;
    for (const Citation &citation : std::as_const(event.citations)) {
        const qint64 sourceRow = sourceIdForUid(citation.sourceUid);
        if (sourceRow == 0) {
            *error = {StoreError::Kind::Invalid,
                      u"%1: event '%2' cites source %3, which is not in the database"_s.arg(
                          QDir::toNativeSeparators(m_path), event.title, citation.sourceUid)};
            return false;
        }
        if (seen.contains(sourceRow))
            continue;
        seen.insert(sourceRow);
        QSqlQuery &query =
            statement(u"INSERT INTO event_source(event_id, source_id, quote, locator, position) "
                      "VALUES (:e, :s, :quote, :locator, :p)"_s);
        query.bindValue(u":e"_s, event.id);
        query.bindValue(u":s"_s, sourceRow);
        query.bindValue(u":quote"_s, text(citation.quote));
        query.bindValue(u":locator"_s, text(citation.locator));
        query.bindValue(u":p"_s, position++);
        if (!query.exec()) {
            *error = errorFrom(query, u"link source"_s);
            return false;
        }
    }
    return true;
}

bool TimelineStore::writeSource(Source &source, qint64 existingId, StoreError *error) {
    if (source.title.trimmed().isEmpty()) {
        *error = {StoreError::Kind::Invalid, u"%1: source %2 has no title"_s.arg(
                                                 QDir::toNativeSeparators(m_path), source.uid)};
        return false;
    }
    if (source.uid.isEmpty())
        source.uid = newUid();
    const QString now = nowIso();
    QSqlQuery &query = statement(
        existingId == 0
            ? uR"(INSERT INTO source(uid, kind, title, outlet, authors, url, doi, published,
                            accessed, language, excerpt, notes, created, modified)
                          VALUES (:uid, :kind, :title, :outlet, :authors, :url, :doi, :published,
                            :accessed, :language, :excerpt, :notes, :now, :now))"_s
            : uR"(UPDATE source SET uid = :uid, kind = :kind, title = :title,
                            outlet = :outlet, authors = :authors, url = :url, doi = :doi,
                            published = :published, accessed = :accessed, language = :language,
                            excerpt = :excerpt, notes = :notes, modified = :now
                          WHERE id = :id)"_s);
    if (existingId != 0)
        query.bindValue(u":id"_s, existingId);
    query.bindValue(u":uid"_s, source.uid);
    query.bindValue(u":kind"_s, text(source.kind));
    query.bindValue(u":title"_s, source.title.trimmed());
    query.bindValue(u":outlet"_s, text(source.outlet));
    query.bindValue(u":authors"_s, text(source.authors.join(u'\n')));
    query.bindValue(u":url"_s, text(source.url.trimmed()));
    query.bindValue(u":doi"_s, text(source.doi.trimmed()));
    query.bindValue(u":published"_s, text(source.published.toIsoString()));
    query.bindValue(u":accessed"_s, text(source.accessed.toIsoString()));
    query.bindValue(u":language"_s, text(source.language));
    query.bindValue(u":excerpt"_s, text(source.excerpt));
    query.bindValue(u":notes"_s, text(source.notes));
    query.bindValue(u":now"_s, now);
    if (!query.exec()) {
        *error = errorFrom(query, u"save source '%1'"_s.arg(source.title));
        return false;
    }
    source.id = existingId ? existingId : query.lastInsertId().toLongLong();
    m_sourceIds.insert(source.uid, source.id);
    return true;
}

qint64 TimelineStore::insertImportedEvent(ImportStatements &bulk, const Event &event,
                                          StoreError *error) {
    const auto what = [&event] {
        return event.title.isEmpty() ? event.uid : u"'%1'"_s.arg(event.title);
    };
    if (!checkEvent(event, error))
        return 0;
    const qint64 category = categoryId(event.category, error);
    if (!event.category.isEmpty() && category == 0)
        return 0;
    const QString &now = bulk.now();
    const QString uid = event.uid.isEmpty() ? newUid() : event.uid;
    const QString created =
        event.created.isValid() ? event.created.toString(Qt::ISODateWithMs) : now;
    const QString title = event.title.trimmed();
    const QString status = eventStatusKey(event.status);
    BulkStatement &insert = bulk.insertEvent;
    insert.bindText(1, uid);
    insert.bindText(2, title);
    insert.bindText(3, event.summary);
    insert.bindInt(4, event.start.year());
    insert.bindIntOrNull(5, event.start.month());
    insert.bindIntOrNull(6, event.start.day());
    insert.bindIntOrNull(7, event.end.year());
    insert.bindIntOrNull(8, event.end.month());
    insert.bindIntOrNull(9, event.end.day());
    insert.bindInt(10, event.firstJulianDay());
    insert.bindInt(11, event.lastJulianDay());
    insert.bindIntOrNull(12, category);
    insert.bindText(13, status);
    insert.bindInt(14, event.importance);
    insert.bindText(15, created);
    insert.bindText(16, now);
    if (!insert.run()) {
        *error =
            errorFromCode(insert.errorCode(), insert.errorText(), u"save event %1"_s.arg(what()));
        return 0;
    }
    const qint64 eventRow = sqlite3_last_insert_rowid(bulk.db);

    // As writeEventLinks: names trimmed, empty ones and repeats left out, in file order.
    // The search index's "names" column lists them as the view event_search_text does:
    // actors, chips, then tags, each in the order of their row ids.
    QString indexNames;
    const auto writeNames = [&](const QString &table, BulkStatement &link,
                                const QStringList &names) {
        // The names met so far (nameId's), looked up here without first finding the table's.
        const QHash<QString, qint64> &known = m_nameIds[table];
        qint64 position = 0;
        QVarLengthArray<qint64, 8> seen;
        QVarLengthArray<std::pair<qint64, QString>, 8> indexed;
        for (const QString &rawName : names) {
            const QString name = rawName.trimmed();
            if (name.isEmpty())
                continue;
            const auto found = known.constFind(name);
            const qint64 nameRow = found != known.cend() ? *found : nameId(table, name, error);
            if (nameRow == 0)
                return false;
            if (std::find(seen.cbegin(), seen.cend(), nameRow) != seen.cend())
                continue;
            seen.append(nameRow);
            indexed.append({nameRow, name});
            link.bindInt(1, eventRow);
            link.bindInt(2, nameRow);
            link.bindInt(3, position++);
            if (!link.run()) {
                *error = errorFromCode(link.errorCode(), link.errorText(),
                                       u"link %1 '%2'"_s.arg(table, name));
                return false;
            }
        }
        std::sort(indexed.begin(), indexed.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[row, name] : indexed) {
            if (!indexNames.isEmpty())
                indexNames += u' ';
            indexNames += name;
        }
        return true;
    };
    if (!writeNames(u"actor"_s, bulk.insertActor, event.actors) ||
        !writeNames(u"chip"_s, bulk.insertChip, event.chips) ||
        !writeNames(u"tag"_s, bulk.insertTag, event.tags))
        return 0;
    qint64 position = 0;
    QVarLengthArray<qint64, 8> seen;
    for (const Citation &citation : event.citations) {
        const qint64 sourceRow = sourceIdForUid(citation.sourceUid);
        if (sourceRow == 0) {
            *error = {StoreError::Kind::Invalid,
                      u"%1: event '%2' cites source %3, which is not in the database"_s.arg(
                          QDir::toNativeSeparators(m_path), event.title, citation.sourceUid)};
            return 0;
        }
        if (std::find(seen.cbegin(), seen.cend(), sourceRow) != seen.cend())
            continue;
        seen.append(sourceRow);
        const auto newSource = bulk.newSourceAt.constFind(sourceRow);
        if (newSource == bulk.newSourceAt.cend()) {
            // A stored source: its quotes change.
            if (const BulkStatement *failed = bulk.noteSource(sourceRow)) {
                *error = errorFromCode(failed->errorCode(), failed->errorText(), u"link source"_s);
                return 0;
            }
        }
        BulkStatement &link = bulk.insertCitation;
        link.bindInt(1, eventRow);
        link.bindInt(2, sourceRow);
        link.bindText(3, citation.quote);
        link.bindText(4, citation.locator);
        link.bindInt(5, position++);
        if (!link.run()) {
            *error = errorFromCode(link.errorCode(), link.errorText(), u"link source"_s);
            return 0;
        }
        if (newSource != bulk.newSourceAt.cend())
            bulk.newSourceQuotes.emplace_back(*newSource, citation.quote);
    }
    BulkStatement &index = bulk.insertEventIndex;
    index.bindInt(1, eventRow);
    index.bindText(2, title);
    index.bindText(3, event.summary);
    index.bindText(4, indexNames);
    if (!index.run()) {
        *error =
            errorFromCode(index.errorCode(), index.errorText(), u"save event %1"_s.arg(what()));
        return 0;
    }
    return eventRow;
}

bool TimelineStore::insertImportedSource(ImportStatements &bulk, Source &source,
                                         StoreError *error) {
    if (source.title.trimmed().isEmpty()) {
        *error = {StoreError::Kind::Invalid, u"%1: source %2 has no title"_s.arg(
                                                 QDir::toNativeSeparators(m_path), source.uid)};
        return false;
    }
    if (source.uid.isEmpty())
        source.uid = newUid();
    const QString &now = bulk.now();
    const QString title = source.title.trimmed();
    const QString authors = source.authors.join(u'\n');
    const QString url = source.url.trimmed();
    const QString doi = source.doi.trimmed();
    const QString published = source.published.toIsoString();
    const QString accessed = source.accessed.toIsoString();
    BulkStatement &insert = bulk.insertSource;
    insert.bindText(1, source.uid);
    insert.bindText(2, source.kind);
    insert.bindText(3, title);
    insert.bindText(4, source.outlet);
    insert.bindText(5, authors);
    insert.bindText(6, url);
    insert.bindText(7, doi);
    insert.bindText(8, published);
    insert.bindText(9, accessed);
    insert.bindText(10, source.language);
    insert.bindText(11, source.excerpt);
    insert.bindText(12, source.notes);
    insert.bindText(13, now);
    if (!insert.run()) {
        *error = errorFromCode(insert.errorCode(), insert.errorText(),
                               u"save source '%1'"_s.arg(source.title));
        return false;
    }
    source.id = sqlite3_last_insert_rowid(bulk.db);
    m_sourceIds.insert(source.uid, source.id);
    bulk.newSourceAt.insert(source.id, qsizetype(bulk.newSources.size()));
    bulk.newSources.push_back({source.id, title, source.outlet, source.excerpt, source.notes});
    return true;
}

namespace {

// A whole dataset, as the one part of an import.
class WholeDataset final : public TimelineStore::DatasetParts {
public:
    explicit WholeDataset(const Dataset &dataset)
        : m_dataset(&dataset) {}
    const Dataset *next() override { return std::exchange(m_dataset, nullptr); }
    [[nodiscard]] bool failed() const override { return false; }
    [[nodiscard]] bool laterPartsMayHaveSources() const override { return false; }

private:
    const Dataset *m_dataset;
};

} // namespace

bool TimelineStore::importDataset(const Dataset &dataset, ImportPolicy policy,
                                  ImportSummary *summary, StoreError *error) {
    WholeDataset whole(dataset);
    return importParts(whole, policy, summary, error);
}

bool TimelineStore::importParts(DatasetParts &parts, ImportPolicy policy, ImportSummary *summary,
                                StoreError *error) {
    StoreError localError;
    StoreError *err = error ? error : &localError;
    ImportSummary counts;
    // The import runs with the usual 32 MB page cache. (A 256 MB cache paid off while the
    // search index was built at commit by reading every new row back; now that the import
    // writes the index rows itself, a larger cache measured slower and raised the peak
    // memory by ~250 MB at 100k events.)
    //
    // Every reference the import writes is one it has checked: an event's category, actors,
    // chips and tags are looked up or added (categoryId, nameId), a cited source must be
    // stored (sourceIdForUid), and the event is the row just written. So SQLite's own checks
    // of the foreign keys, two lookups for each link (~600k links at 100k events, 0.45 s of
    // the import), are off for its transaction. (The pragma has effect only between
    // transactions: turned off before BEGIN, on again once it is committed or rolled back.)
    // The import deletes only link rows, which no foreign key points at.
    struct ForeignKeysOff {
        explicit ForeignKeysOff(const QSqlDatabase &db)
            : query(db) {
            query.exec(u"PRAGMA foreign_keys = OFF"_s);
        }
        ~ForeignKeysOff() { query.exec(u"PRAGMA foreign_keys = ON"_s); }
        ForeignKeysOff(const ForeignKeysOff &) = delete;
        ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;
        QSqlQuery query;
    };
    // The first part is awaited before anything touches the file: a file that cannot be read,
    // an import stopped before its first part, a read-only store leave every byte as it was.
    const Dataset *part = parts.next();
    if (!part && (parts.stopped() || parts.failed())) {
        *err = parts.stopped()
                   ? StoreError{StoreError::Kind::Stopped,
                                u"%1: the import was stopped; nothing was imported"_s.arg(
                                    QDir::toNativeSeparators(m_path))}
                   : StoreError{
                         StoreError::Kind::Invalid,
                         u"%1: nothing was imported: the file could not be read to its end"_s.arg(
                             QDir::toNativeSeparators(m_path))};
        return false;
    }
    if (isReadOnly()) {
        *err = refusedBecauseReadOnly();
        return false;
    }
    const ForeignKeysOff foreignKeysOff(database());
    // The import goes through the WAL like every other write, also with the file to itself.
    // Leaving the WAL for a rollback journal (each page written once instead of into the log
    // and again by the checkpoint: 0.45 s of a 3.2 s import of 100k events) writes the header
    // twice, its change counters advanced even when the import is then refused; through the
    // WAL a refused import leaves every byte of the file as it was (docs/reliability.md).
    if (!beginWrite(err))
        return false;
    const auto fail = [&] {
        rollbackWrite(); // undoes the DROP of the change tracking too; made sure of below
        StoreError ignored;
        installChangeTracking(&ignored);
        return false;
    };
    // A statement of the import that failed: its error, then all undone.
    const auto failWith = [&](const BulkStatement &statement) {
        *err = errorFromCode(statement.errorCode(), statement.errorText(), u"import"_s);
        return fail();
    };
    // The import indexes the rows it inserts itself, from the values in hand, so the
    // change-tracking triggers are dropped for its transaction (they would note every row
    // and link, and flushSearchIndex would read each one back); rows it updates are noted
    // by hand below. Installed again when it ends.
    if (!suspendChangeTracking(err))
        return fail();
    ImportStatements bulk(sqliteHandle(database()));
    if (!bulk.db) {
        *err = {StoreError::Kind::Io, u"%1: could not import: not an SQLite connection"_s.arg(
                                          QDir::toNativeSeparators(m_path))};
        return fail();
    }
    if (const BulkStatement *invalid = bulk.invalidStatement())
        return failWith(*invalid);
    // The file could not be read to its end: nothing of it is kept.
    const auto readingFailed = [&] {
        *err = {StoreError::Kind::Invalid,
                u"%1: nothing was imported: the file could not be read to its end"_s.arg(
                    QDir::toNativeSeparators(m_path))};
        return fail();
    };
    const auto stopped = [&] {
        *err = {StoreError::Kind::Stopped,
                u"%1: the import was stopped; nothing was imported"_s.arg(
                    QDir::toNativeSeparators(m_path))};
        return fail();
    };

    // Decided on the first part with events, which holds at least the first 5,000 events of a
    // file read in parts (a native file's sources come in a part of their own before them),
    // against the database as it was before the import:
    const qsizetype storedEvents = eventCount();
    const bool sourcesStored = sourceCount() > 0;
    // Events without a uid are matched by title and span of days: when there are many (a
    // spreadsheet has no uids), in memory (below), else by a query through event_by_first_day.
    bool matchInMemory = false;
    // A large import into a small database writes the link tables' and the event table's
    // secondary indexes afresh after its rows, from sorted keys, instead of inserting ~900k
    // entries one by one at 100k events (0.5 s of 6.5 s). Their SQL is taken as stored and
    // run again before anything reads them (the search index's flush does); a rollback
    // brings the old ones back. event_by_first_day stays while events without a uid are
    // matched by a query through it, and event_source_by_source while there are stored
    // sources: a stored source that new events cite has its quotes read through it before
    // they change (see ImportStatements::noteSource).
    QSqlQuery query(database());
    QList<std::pair<QString, QString>> rebuiltIndexes;
    // Without event_by_first_day, events without a uid in a later part are matched in memory.
    bool firstDayIndexDropped = false;
    bool decided = false;
    const auto decide = [&](const Dataset &firstEvents) {
        decided = true;
        const qsizetype withoutUid =
            std::count_if(firstEvents.events.cbegin(), firstEvents.events.cend(),
                          [](const Event &event) { return event.uid.isEmpty(); });
        matchInMemory = withoutUid >= 1000;
        if (firstEvents.events.size() < 5000 || firstEvents.events.size() < storedEvents)
            return true;
        const bool matchesByDay = withoutUid > 0 && !matchInMemory;
        if (!query.exec(u"SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                        "AND sql IS NOT NULL AND tbl_name IN "
                        "('event', 'event_source', 'event_actor', 'event_chip', 'event_tag')"_s)) {
            *err = errorFrom(query, u"import"_s);
            return false;
        }
        while (query.next()) {
            const QString name = query.value(0).toString();
            if ((matchesByDay && name == u"event_by_first_day"_s) ||
                (sourcesStored && name == u"event_source_by_source"_s))
                continue;
            rebuiltIndexes.append({name, query.value(1).toString()});
        }
        query.finish();
        for (const auto &[name, sql] : std::as_const(rebuiltIndexes)) {
            if (!query.exec(u"DROP INDEX \"%1\""_s.arg(name))) {
                *err = errorFrom(query, u"import"_s);
                return false;
            }
        }
        firstDayIndexDropped =
            std::any_of(rebuiltIndexes.cbegin(), rebuiltIndexes.cend(),
                        [](const auto &index) { return index.first == u"event_by_first_day"_s; });
        return true;
    };

    // Sources first: events refer to them by uid. With "keep both", a duplicate gets a new
    // uid and the file's events are pointed at it.
    QHash<QString, QString> renamedSources;
    // The same article under another uid (same DOI, same address, or same title and date,
    // as SourceMatcher judges) is merged into the stored one, never added twice. The stored
    // sources and the matcher's keys are read when the first source comes, and freed once
    // no more sources can come (before the events of a whole dataset are written).
    std::optional<QList<Source>> knownSources;
    std::optional<SourceMatcher> matcher;
    // Matching in memory: the stored events' keys are read once and each written event's
    // added, where a query per event walked every event of its first day. The first match
    // by id is taken, as that query's order (event_by_first_day) gives.
    std::optional<QHash<TitleAndDays, qint64>> byTitleAndDays;
    // Into a database without events, a uid can only come again within the import: the rows
    // it wrote are found by uid here, not through the event table's uid index (a query per
    // event, 0.1 s at 100k events).
    std::optional<QHash<QString, qint64>> writtenByUid;
    if (storedEvents == 0)
        writtenByUid.emplace();
    bool titleWritten = false;
    for (; part; part = parts.next()) {
        const Dataset &dataset = *part;
        if (!dataset.title.isEmpty() && !titleWritten) {
            titleWritten = true;
            query.prepare(u"INSERT INTO meta(key, value) VALUES ('title', :title) "
                          "ON CONFLICT(key) DO NOTHING"_s);
            query.bindValue(u":title"_s, dataset.title);
            if (!query.exec()) {
                *err = errorFrom(query, u"import"_s);
                return fail();
            }
        }
        for (Category category : dataset.categories) {
            category.id = 0;
            QSqlQuery find(database());
            find.prepare(u"SELECT id FROM category WHERE name = :name"_s);
            find.bindValue(u":name"_s, category.name);
            const bool exists = find.exec() && find.next();
            find.finish();
            if (exists && policy != ImportPolicy::Update)
                continue;
            if (!saveCategory(category, err))
                return fail();
            if (!exists)
                ++counts.categoriesAdded;
        }

        // A source the file's events are pointed at, and with "update" its empty fields filled in.
        if (!dataset.sources.isEmpty()) {
            if (!knownSources) {
                knownSources = sources();
                matcher.emplace(*knownSources);
            }
            for (Source source : dataset.sources) {
                qint64 existing = 0;
                if (!source.uid.isEmpty()) {
                    bulk.sourceByUid.bindText(1, source.uid);
                    const std::optional<qint64> found = bulk.sourceByUid.firstInt();
                    if (!found)
                        return failWith(bulk.sourceByUid);
                    existing = *found;
                }
                // Looked for among the known sources, then added to them: found by the same keys.
                const SourceMatcher::Keys keys =
                    existing ? SourceMatcher::Keys{} : SourceMatcher::keysOf(source);
                const qsizetype match = existing ? -1 : matcher->findMatch(source, keys);
                if (match >= 0) {
                    const Source stored = knownSources->at(match);
                    renamedSources.insert(source.uid, stored.uid);
                    if (policy == ImportPolicy::Update) {
                        Source merged = SourceMatcher::merged(stored, source);
                        merged.uid = stored.uid;
                        if (const BulkStatement *failed = bulk.noteSource(stored.id))
                            return failWith(*failed);
                        if (!writeSource(merged, stored.id, err))
                            return fail();
                        (*knownSources)[match] = merged;
                        ++counts.sourcesUpdated;
                    } else {
                        ++counts.sourcesSkipped;
                    }
                    continue;
                }
                if (existing && policy == ImportPolicy::Skip) {
                    ++counts.sourcesSkipped;
                    continue;
                }
                if (existing && policy == ImportPolicy::KeepBoth) {
                    const QString fileUid = source.uid;
                    source.uid = newUid();
                    renamedSources.insert(fileUid, source.uid);
                }
                if (existing && policy == ImportPolicy::Update) {
                    if (const BulkStatement *failed = bulk.noteSource(existing))
                        return failWith(*failed);
                    if (!writeSource(source, existing, err))
                        return fail();
                } else if (!insertImportedSource(bulk, source, err)) {
                    return fail();
                }
                ++(existing && policy == ImportPolicy::Update ? counts.sourcesUpdated
                                                              : counts.sourcesAdded);
                if (!existing) {
                    // Later records of the same file may be this article again.
                    knownSources->append(source);
                    matcher->add(source, keys);
                }
            }
        }
        if (!parts.laterPartsMayHaveSources()) {
            knownSources.reset();
            matcher.reset();
        }
        if (!decided && !dataset.events.isEmpty() && !decide(dataset))
            return fail();
        if (!byTitleAndDays &&
            (matchInMemory || (firstDayIndexDropped &&
                               std::any_of(dataset.events.cbegin(), dataset.events.cend(),
                                           [](const Event &e) { return e.uid.isEmpty(); })))) {
            byTitleAndDays.emplace();
            RowReader stored(bulk.db,
                             "SELECT id, title, first_day, last_day FROM event ORDER BY id");
            if (!stored.isValid()) {
                *err = {StoreError::Kind::Io, u"%1: could not import: %2"_s.arg(
                                                  QDir::toNativeSeparators(m_path),
                                                  QString::fromUtf8(sqlite3_errmsg(bulk.db)))};
                return fail();
            }
            while (stored.next())
                addFirst(*byTitleAndDays, {stored.text(1), stored.integer(2), stored.integer(3)},
                         stored.integer(0));
        }
        qsizetype citationCount = 0;
        for (const Event &event : dataset.events)
            citationCount += event.citations.size();
        // Grown by at least half each time: reserving just this part's need would move the
        // whole list again at every part.
        if (const size_t needed = bulk.newSourceQuotes.size() + size_t(citationCount);
            needed > bulk.newSourceQuotes.capacity())
            bulk.newSourceQuotes.reserve(std::max(needed, bulk.newSourceQuotes.capacity() * 3 / 2));
        for (const Event &event : dataset.events) {
            // The event as written: the file's, or a copy where the import changes it (a new
            // uid, sources renamed, an update's stored uid and creation time).
            std::optional<Event> changed;
            const auto changeable = [&]() -> Event & {
                if (!changed)
                    changed.emplace(event);
                return *changed;
            };
            qint64 existing = 0;
            if (!event.uid.isEmpty() && writtenByUid) {
                existing = writtenByUid->value(event.uid);
            } else if (!event.uid.isEmpty()) {
                bulk.eventByUid.bindText(1, event.uid);
                const std::optional<qint64> found = bulk.eventByUid.firstInt();
                if (!found)
                    return failWith(bulk.eventByUid);
                existing = *found;
            }
            if (!existing && event.uid.isEmpty() && byTitleAndDays) {
                const auto found = byTitleAndDays->constFind(
                    {event.title.trimmed(), event.firstJulianDay(), event.lastJulianDay()});
                existing = found != byTitleAndDays->cend() ? *found : 0;
            } else if (!existing && event.uid.isEmpty()) {
                QSqlQuery &same =
                    statement(u"SELECT id FROM event WHERE title = :title AND first_day = :first "
                              "AND last_day = :last"_s);
                same.bindValue(u":title"_s, event.title.trimmed());
                same.bindValue(u":first"_s, event.firstJulianDay());
                same.bindValue(u":last"_s, event.lastJulianDay());
                if (same.exec() && same.next())
                    existing = same.value(0).toLongLong();
                same.finish();
            }
            if (existing && policy == ImportPolicy::Skip) {
                ++counts.eventsSkipped;
                continue;
            }
            if (existing && policy == ImportPolicy::KeepBoth)
                changeable().uid = newUid();
            if (!renamedSources.isEmpty() &&
                std::any_of(
                    event.citations.cbegin(), event.citations.cend(),
                    [&](const Citation &c) { return renamedSources.contains(c.sourceUid); }))
                for (Citation &citation : changeable().citations)
                    citation.sourceUid =
                        renamedSources.value(citation.sourceUid, citation.sourceUid);
            const bool update = existing && policy == ImportPolicy::Update;
            if (update) {
                Event &updated = changeable();
                // Only its uid and creation time are kept from the stored event.
                QSqlQuery &old = statement(u"SELECT uid, created FROM event WHERE id = :id"_s);
                old.bindValue(u":id"_s, existing);
                if (old.exec() && old.next()) {
                    updated.created =
                        QDateTime::fromString(old.value(1).toString(), Qt::ISODateWithMs);
                    if (updated.uid.isEmpty())
                        updated.uid = old.value(0).toString();
                }
                old.finish();
            }
            const Event &written = changed ? *changed : event;
            qint64 writtenRow = 0;
            if (update) {
                // The event's index row, and the quotes of the sources it cited before and after.
                if (const BulkStatement *failed = bulk.noteEvent(existing))
                    return failWith(*failed);
                if (const BulkStatement *failed = bulk.noteSourcesCitedBy(existing))
                    return failWith(*failed);
                for (const Citation &citation : written.citations)
                    if (const qint64 cited = sourceIdForUid(citation.sourceUid))
                        if (const BulkStatement *failed = bulk.noteSource(cited))
                            return failWith(*failed);
                if (!writeEvent(*changed, existing, err))
                    return fail();
            } else if ((writtenRow = insertImportedEvent(bulk, written, err)) == 0) {
                return fail();
            } else {
                if (byTitleAndDays)
                    addFirst(*byTitleAndDays,
                             {written.title.trimmed(), written.firstJulianDay(),
                              written.lastJulianDay()},
                             writtenRow);
                if (writtenByUid && !written.uid.isEmpty())
                    writtenByUid->insert(written.uid, writtenRow);
            }
            ++(update ? counts.eventsUpdated : counts.eventsAdded);
        }
        for (const SavedView &view : dataset.savedViews) {
            query.prepare(u"INSERT INTO saved_view(name, filter) VALUES (:name, :filter) "
                          "ON CONFLICT(name) DO UPDATE SET filter = excluded.filter"_s);
            query.bindValue(u":name"_s, view.name);
            query.bindValue(u":filter"_s, text(view.filter));
            if (!query.exec()) {
                *err = errorFrom(query, u"import saved view '%1'"_s.arg(view.name));
                return fail();
            }
        }
    }
    if (parts.stopped())
        return stopped();
    if (parts.failed())
        return readingFailed();
    for (const auto &[name, sql] : std::as_const(rebuiltIndexes)) {
        if (!query.exec(sql)) {
            *err = errorFrom(query, u"import"_s);
            return fail();
        }
    }
    if (!markFilled(err))
        return fail();
    // The new sources' index rows, now that their quotes are known; stored sources that new
    // events cite, and new ones that stored events cite, are noted and indexed again by
    // flushSearchIndex at the commit.
    // Each one's quotes, joined by spaces as the view source_search_text joins them, in the
    // order of the citing events' ids: the quotes grouped by source (a stable sort keeps the
    // order the events were written in, which is their ids'), each group joined just before
    // its row is written.
    std::stable_sort(bulk.newSourceQuotes.begin(), bulk.newSourceQuotes.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    auto nextQuote = bulk.newSourceQuotes.cbegin();
    QString quotes;
    for (size_t at = 0; at < bulk.newSources.size(); ++at) {
        const ImportStatements::NewSource &source = bulk.newSources[at];
        if (bulk.notedSources.contains(source.id)) {
            while (nextQuote != bulk.newSourceQuotes.cend() && size_t(nextQuote->first) == at)
                ++nextQuote;
            continue;
        }
        quotes.resize(0); // keeps its capacity
        for (bool first = true;
             nextQuote != bulk.newSourceQuotes.cend() && size_t(nextQuote->first) == at;
             ++nextQuote, first = false) {
            if (!first)
                quotes += u' ';
            quotes += nextQuote->second;
        }
        BulkStatement &index = bulk.insertSourceIndex;
        index.bindInt(1, source.id);
        index.bindText(2, source.title);
        index.bindText(3, source.outlet);
        index.bindText(4, source.excerpt);
        index.bindText(5, source.notes);
        index.bindText(6, quotes);
        if (!index.run()) {
            *err =
                errorFromCode(index.errorCode(), index.errorText(), u"update the search index"_s);
            return fail();
        }
    }
    if (!commitWrite(err)) {
        StoreError ignored;
        installChangeTracking(&ignored);
        return false;
    }
    if (!installChangeTracking(err))
        return false;
    if (summary)
        *summary = counts;
    return true;
}

bool TimelineStore::inWriteTransaction(StoreError *error, const std::function<bool()> &work) {
    if (!beginWrite(error))
        return false;
    if (!work()) {
        rollbackWrite();
        return false;
    }
    return commitWrite(error);
}

bool TimelineStore::deleteRow(const QString &table, qint64 id, const QString &what,
                              StoreError *error) {
    return inWriteTransaction(error, [&] {
        QSqlQuery query(database());
        query.prepare(u"DELETE FROM %1 WHERE id = :id"_s.arg(table));
        query.bindValue(u":id"_s, id);
        if (query.exec())
            return true;
        *error = errorFrom(query, u"delete the %1"_s.arg(what));
        return false;
    });
}

bool TimelineStore::saveEvent(Event &event, StoreError *error) {
    Event copy = event;
    if (!inWriteTransaction(error,
                            [&] { return writeEvent(copy, event.id, error) && markFilled(error); }))
        return false;
    event = copy;
    return true;
}

bool TimelineStore::deleteEvent(qint64 id, StoreError *error) {
    return deleteRow(u"event"_s, id, u"event"_s, error);
}

bool TimelineStore::saveSource(Source &source, StoreError *error) {
    Source copy = source;
    if (!inWriteTransaction(
            error, [&] { return writeSource(copy, source.id, error) && markFilled(error); }))
        return false;
    source = copy;
    return true;
}

bool TimelineStore::deleteSource(qint64 id, StoreError *error) {
    return deleteRow(u"source"_s, id, u"source"_s, error);
}

bool TimelineStore::saveView(SavedView &view, StoreError *error) {
    if (!beginWrite(error))
        return false;
    QSqlQuery query(database());
    if (view.id == 0) {
        query.prepare(u"INSERT INTO saved_view(name, filter) VALUES (:name, :filter)"_s);
    } else {
        query.prepare(u"UPDATE saved_view SET name = :name, filter = :filter WHERE id = :id"_s);
        query.bindValue(u":id"_s, view.id);
    }
    query.bindValue(u":name"_s, view.name.trimmed());
    query.bindValue(u":filter"_s, text(view.filter));
    if (!query.exec()) {
        *error = errorFrom(query, u"save view '%1'"_s.arg(view.name));
        rollbackWrite();
        return false;
    }
    if (view.id == 0)
        view.id = query.lastInsertId().toLongLong();
    return commitWrite(error);
}

bool TimelineStore::deleteView(qint64 id, StoreError *error) {
    return deleteRow(u"saved_view"_s, id, u"view"_s, error);
}

// ---- Curating: undo and redo ----

qint64 TimelineStore::dataVersion() const {
    QSqlQuery query(database());
    return query.exec(u"PRAGMA data_version"_s) && query.next() ? query.value(0).toLongLong() : 0;
}

bool TimelineStore::applyChanges(StoreChanges &changes, StoreError *error) {
    StoreError localError;
    StoreError *err = error ? error : &localError;
    if (!beginWrite(err))
        return false;
    const auto fail = [&] {
        rollbackWrite();
        return false;
    };
    QSqlQuery query(database());
    const auto rowExists = [&](const QString &table, qint64 id) {
        QSqlQuery find(database());
        find.prepare(u"SELECT 1 FROM %1 WHERE id = :id"_s.arg(table));
        find.bindValue(u":id"_s, id);
        return id > 0 && find.exec() && find.next();
    };

    // Checked inside the write transaction, so no other writer can slip in between.
    for (auto it = changes.expectModified.cbegin(); it != changes.expectModified.cend(); ++it) {
        const qint64 id = idForUid(u"event"_s, it.key());
        if (id == 0) {
            *err = {StoreError::Kind::Invalid,
                    u"This event was deleted elsewhere; your edit was not saved."_s};
            return fail();
        }
        query.prepare(u"SELECT modified FROM event WHERE id = :id"_s);
        query.bindValue(u":id"_s, id);
        const QDateTime stored =
            query.exec() && query.next()
                ? QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs)
                : QDateTime();
        query.finish();
        if (stored != it.value()) {
            *err = {StoreError::Kind::Invalid,
                    u"This event was changed elsewhere at %1; your edit was not saved. Reopen it "
                    "to edit again."_s.arg(stored.toLocalTime().toString(u"HH:mm"_s))};
            return fail();
        }
    }

    for (Category &category : changes.saveCategories) {
        if (category.id != 0 && !rowExists(u"category"_s, category.id)) {
            query.prepare(u"INSERT INTO category(id, name, label, color, sort_order) "
                          "VALUES (:id, :name, '', '#808080', 0)"_s);
            query.bindValue(u":id"_s, category.id);
            query.bindValue(u":name"_s, category.name.trimmed());
            if (!query.exec()) {
                *err = errorFrom(query, u"restore category '%1'"_s.arg(category.name));
                return fail();
            }
        }
        if (!saveCategory(category, err))
            return fail();
    }

    for (Source &source : changes.saveSources) {
        qint64 id = idForUid(u"source"_s, source.uid);
        if (id == 0 && !source.uid.isEmpty()) {
            query.prepare(u"INSERT INTO source(id, uid, title, created, modified) "
                          "VALUES (:id, :uid, :title, :now, :now)"_s);
            query.bindValue(u":id"_s, rowExists(u"source"_s, source.id) || source.id <= 0
                                          ? QVariant()
                                          : QVariant(source.id));
            query.bindValue(u":uid"_s, source.uid);
            query.bindValue(u":title"_s, source.title.trimmed());
            query.bindValue(u":now"_s, nowIso());
            if (!query.exec()) {
                *err = errorFrom(query, u"restore source '%1'"_s.arg(source.title));
                return fail();
            }
            id = query.lastInsertId().toLongLong();
        }
        if (!writeSource(source, id, err))
            return fail();
    }

    for (Event &event : changes.saveEvents) {
        qint64 id = idForUid(u"event"_s, event.uid);
        const bool restoring = id == 0 && !event.uid.isEmpty();
        if (restoring) {
            if (!event.created.isValid())
                event.created = QDateTime::currentDateTimeUtc();
            query.prepare(
                uR"(INSERT INTO event(id, uid, title, start_year, first_day, last_day, created,
                                      modified)
                    VALUES (:id, :uid, :title, :year, :first, :last, :created, :created))"_s);
            query.bindValue(u":id"_s, rowExists(u"event"_s, event.id) || event.id <= 0
                                          ? QVariant()
                                          : QVariant(event.id));
            query.bindValue(u":uid"_s, event.uid);
            query.bindValue(u":title"_s, event.title.trimmed());
            query.bindValue(u":year"_s, event.start.year());
            query.bindValue(u":first"_s, event.firstJulianDay());
            query.bindValue(u":last"_s, event.lastJulianDay());
            query.bindValue(u":created"_s, event.created.toString(Qt::ISODateWithMs));
            if (!query.exec()) {
                *err = errorFrom(query, u"restore event '%1'"_s.arg(event.title));
                return fail();
            }
            id = query.lastInsertId().toLongLong();
        }
        const QDateTime modified = event.modified;
        if (!writeEvent(event, id, err))
            return fail();
        if ((restoring || changes.keepModified) && modified.isValid()) {
            query.prepare(u"UPDATE event SET modified = :modified WHERE id = :id"_s);
            query.bindValue(u":modified"_s, modified.toString(Qt::ISODateWithMs));
            query.bindValue(u":id"_s, event.id);
            if (!query.exec()) {
                *err = errorFrom(query, u"restore event '%1'"_s.arg(event.title));
                return fail();
            }
            event.modified = modified;
        }
    }

    const auto deleteRows = [&](const QString &table, const QString &column,
                                const QVariantList &keys) {
        for (const QVariant &key : keys) {
            query.prepare(u"DELETE FROM %1 WHERE %2 = :key"_s.arg(table, column));
            query.bindValue(u":key"_s, key);
            if (!query.exec()) {
                *err = errorFrom(query, u"delete the %1"_s.arg(table));
                return false;
            }
        }
        return true;
    };
    QVariantList eventKeys, sourceKeys, categoryKeys;
    for (const QString &uid : std::as_const(changes.deleteEventUids))
        eventKeys << uid;
    for (const QString &uid : std::as_const(changes.deleteSourceUids))
        sourceKeys << uid;
    for (qint64 id : std::as_const(changes.deleteCategoryIds))
        categoryKeys << id;
    if (!deleteRows(u"event"_s, u"uid"_s, eventKeys) ||
        !deleteRows(u"source"_s, u"uid"_s, sourceKeys) ||
        !deleteRows(u"category"_s, u"id"_s, categoryKeys))
        return fail();
    clearWriteCaches();
    if (!markFilled(err))
        return fail();
    return commitWrite(err);
}

// ---- Backups (see DatabaseBackup) ----

namespace {

// Copies every page of `from` into `to` in one step of SQLite's online backup API: the copy
// is consistent (a snapshot of one committed state) and written in one transaction of `to`.
int copyPages(sqlite3 *from, sqlite3 *to) {
    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return sqlite3_errcode(to);
    const int stepped = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    return stepped == SQLITE_DONE ? finished : stepped;
}

} // namespace

bool TimelineStore::backupFile(const QString &from, const QString &target, StoreError *error) {
    const QString partial = target + u".partial"_s;
    QFile::remove(partial);
    sqlite3 *source = nullptr;
    sqlite3 *to = nullptr;
    int result = sqlite3_open_v2(QFile::encodeName(from).constData(), &source, SQLITE_OPEN_READONLY,
                                 nullptr);
    if (result == SQLITE_OK)
        result = sqlite3_open_v2(QFile::encodeName(partial).constData(), &to,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (result == SQLITE_OK) {
        sqlite3_busy_timeout(source, BusyTimeoutMs);
        result = copyPages(source, to);
    }
    const QString detail = QString::fromUtf8(
        to ? sqlite3_errmsg(to) : (source ? sqlite3_errmsg(source) : "out of memory"));
    sqlite3_close(source);
    sqlite3_close(to);
    // Renamed into place only when whole: a failed copy leaves no file behind.
    if (result == SQLITE_OK) {
        QFile::remove(target);
        if (QFile::rename(partial, target))
            return true;
    }
    QFile::remove(partial);
    *error = {StoreError::Kind::Io, u"%1: could not write the backup: %2"_s.arg(
                                        QDir::toNativeSeparators(target),
                                        result == SQLITE_OK ? u"cannot rename"_s : detail)};
    return false;
}

bool TimelineStore::restoreBackup(const QString &backupPath, const QString &livePath,
                                  StoreError *error) {
    if (StoreError damage = quickCheckFile(backupPath); damage.isError()) {
        *error = damage;
        return false;
    }
    const QString shownLive = QDir::toNativeSeparators(livePath);
    const QString restored = livePath + u".restoring"_s;
    QFile::remove(restored);
    sqlite3 *from = nullptr;
    sqlite3 *to = nullptr;
    int result = sqlite3_open_v2(QFile::encodeName(backupPath).constData(), &from,
                                 SQLITE_OPEN_READONLY, nullptr);
    if (result == SQLITE_OK)
        result = sqlite3_open_v2(QFile::encodeName(restored).constData(), &to,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (result == SQLITE_OK)
        result = copyPages(from, to);
    const QString detail = QString::fromUtf8(to ? sqlite3_errmsg(to)
                                                : (from ? sqlite3_errmsg(from) : "out of memory"));
    sqlite3_close(from);
    sqlite3_close(to);
    if (result != SQLITE_OK) {
        QFile::remove(restored);
        *error = {StoreError::Kind::Io,
                  u"%1: could not restore the backup %2: %3"_s.arg(
                      shownLive, QDir::toNativeSeparators(backupPath), detail)};
        return false;
    }
    // The live file may be the damaged one SQLite cannot read: it is not written into but
    // kept beside as it was (with its -wal and -shm), and the copy renamed into its place.
    const QString kept = livePath + u".replaced"_s;
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s}) {
        QFile::remove(kept + suffix);
        if (QFile::exists(livePath + suffix) && !QFile::rename(livePath + suffix, kept + suffix)) {
            QFile::remove(restored);
            *error = {StoreError::Kind::Io,
                      u"%1: could not restore the backup: the file cannot be moved aside"_s.arg(
                          shownLive)};
            return false;
        }
    }
    if (!QFile::rename(restored, livePath)) {
        QFile::rename(kept, livePath);
        *error = {
            StoreError::Kind::Io,
            u"%1: could not restore the backup: cannot rename it into place"_s.arg(shownLive)};
        return false;
    }
    return true;
}
