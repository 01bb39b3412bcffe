#pragma once

// The bulk import's statements, through SQLite's own interface (SqliteImportRows.cpp and
// SqliteBulkImport.cpp). Private to the store.

#include "model/store/sqlite/SqliteApi.h"
#include "model/store/sqlite/SqliteStoreInternals.h"

#include <QStringEncoder>
#include <QVarLengthArray>

#include <optional>
#include <vector>

namespace StoreBulk {

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

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
                          "category_id, status, importance, created, modified, translations) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                          "?15, ?16, ?17)")
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
            m_now = isoUtcText(current);
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
