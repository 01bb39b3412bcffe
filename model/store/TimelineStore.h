#pragma once

#include "model/Dataset.h"
#include "model/EventFilter.h"
#include "model/ImportPolicy.h"
#include "model/StoreChanges.h"
#include "model/StoreError.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace StoreBulk {
struct ImportStatements;
}

// The SQLite store: the one place that speaks SQL. The window and the command line both go
// through it. Every write is one transaction, so a crash loses at most the action in
// flight and nothing needs a Save button.
//
// Opening is careful: a file that is not SQLite, was written by a newer ChipTimeline, or
// cannot be written is reported and left byte-for-byte untouched. Pending migrations run
// in one transaction after a copy of the file is kept beside it.
class TimelineStore {
public:
    enum class OpenMode { ReadWrite, ReadOnly };
    // What opening checks besides the header and the schema: SQLite's quick_check for a file
    // up to quickCheckLimitBytes (BySize), never (None: a caller that checks later, off its
    // GUI thread, with quickCheckFile), or always (Quick).
    enum class OpenCheck { BySize, None, Quick };
    // Larger files are not checked on open: quick_check reads every page (about a second
    // per 100 MB); the window checks them after its first frame (see MainWindow).
    static constexpr qint64 quickCheckLimitBytes = 64 * 1024 * 1024;

    [[nodiscard]] static std::unique_ptr<TimelineStore> open(const QString &path, StoreError *error,
                                                             OpenMode mode = OpenMode::ReadWrite,
                                                             OpenCheck check = OpenCheck::BySize);

    ~TimelineStore();
    TimelineStore(const TimelineStore &) = delete;
    TimelineStore &operator=(const TimelineStore &) = delete;

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] int schemaVersion() const;
    [[nodiscard]] bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    // Why the store is read-only ("the file is read-only"), empty when it can be written.
    [[nodiscard]] QString readOnlyReason() const { return m_readOnlyReason; }
    // The copy taken before the last migration, empty when none was needed.
    [[nodiscard]] QString backupPath() const { return m_backupPath; }

    // ---- Damage ----
    // A read that meets an error (a damaged page, an I/O error) returns what it read so far
    // and records the error here: the first since the store was opened or the error cleared.
    // Whoever shows or writes a result checks it first, so damage never passes for emptiness.
    [[nodiscard]] const StoreError &readError() const { return m_readError; }
    void clearReadError() const { m_readError = {}; }
    // Records damage found elsewhere (quickCheckFile on another thread) as a read error.
    // Damage also makes the store read-only: where SQLite cannot read, nothing is written.
    void noteDamage(const StoreError &damage) const;
    // For code in model/ that reads through database(): records the error `query` holds, if
    // any, as damage to `table`; true when there was one.
    bool readFailed(const QSqlQuery &query, const QString &table) const;
    // The same from SQLite's result code and message (the fast readers that step statements).
    bool readFailed(int code, const QString &detail, const QString &table) const;
    // PRAGMA integrity_check (full) or quick_check: no error when the file is sound, else
    // "FILE: the database is damaged (table T): what SQLite found".
    [[nodiscard]] StoreError checkIntegrity(bool full) const;
    // quick_check of a file through a connection of its own, read-only: safe on any thread
    // (the window checks a large file after its first frame; backups are checked before use).
    [[nodiscard]] static StoreError quickCheckFile(const QString &path);
    // A consistent copy of the database at `from` at `target` through SQLite's online backup
    // API, on a read-only connection of its own (safe on any thread, beside a writer: the copy
    // is one snapshot); written beside the target and renamed into place, nothing is left on
    // failure (a page that cannot be read fails it).
    static bool backupFile(const QString &from, const QString &target, StoreError *error);
    // Replaces the database at `livePath` by the one at `backupPath` (no store may have it
    // open): the backup must pass quick_check; it is copied through the backup API beside the
    // live file, which is then kept as `<livePath>.replaced` (never written into: it may be
    // the damaged one) while the copy is renamed into its place.
    static bool restoreBackup(const QString &backupPath, const QString &livePath,
                              StoreError *error);

    // ---- Reading ----
    // True once anything was ever stored here, even if it was deleted since: a database
    // its owner emptied is not filled with the default dataset again.
    [[nodiscard]] bool wasEverFilled() const;
    [[nodiscard]] int eventCount() const;
    [[nodiscard]] int sourceCount() const;
    [[nodiscard]] QList<Category> categories() const;
    [[nodiscard]] QList<Event> events(const EventFilter &filter = {}) const;
    // The row ids of the events a filter selects, ascending (no Event objects are built).
    [[nodiscard]] std::vector<qint64> eventIds(const EventFilter &filter) const;
    [[nodiscard]] std::optional<Event> event(qint64 id) const;
    [[nodiscard]] std::optional<Event> eventByUid(const QString &uid) const;
    [[nodiscard]] QList<Source> sources() const;
    [[nodiscard]] std::optional<Source> source(qint64 id) const;
    [[nodiscard]] std::optional<Source> sourceByUid(const QString &uid) const;
    // How many events cite each source, by source uid (sources cited by none are absent).
    [[nodiscard]] QHash<QString, int> citationCounts() const;
    // The events that cite a source, in time order, each with the citation's quote and locator.
    [[nodiscard]] QList<std::pair<Event, Citation>> citingEvents(const QString &sourceUid) const;
    [[nodiscard]] QStringList actorNames() const;
    [[nodiscard]] QStringList chipNames() const;
    [[nodiscard]] QStringList tagNames() const;
    [[nodiscard]] QList<SavedView> savedViews() const;
    // Everything, as the native exchange file carries it.
    [[nodiscard]] Dataset dataset() const;
    // A consistent copy of the whole database in another file (SQLite's online backup),
    // written under a temporary name and renamed into place; this store stays on its file.
    bool saveCopy(const QString &path, StoreError *error) const;

    // ---- Writing: each call is one transaction, all or nothing ----
    bool importDataset(const Dataset &dataset, ImportPolicy policy, ImportSummary *summary,
                       StoreError *error);
    // Where importParts takes a dataset from, one part after another: a file still being read
    // on another thread, say (see FileImport). Each part carries what was read since the last:
    // categories, sources and events (an event's sources and category come in its part or
    // an earlier one), saved views.
    class DatasetParts {
    public:
        virtual ~DatasetParts() = default;
        // The next part, kept until the next call; nullptr when there are no more or the
        // reading failed.
        virtual const Dataset *next() = 0;
        // True when the reading failed: the import then writes nothing.
        [[nodiscard]] virtual bool failed() const = 0;
        // False once no later part can bring sources: the stored sources read to match
        // them against are then freed.
        [[nodiscard]] virtual bool laterPartsMayHaveSources() const { return true; }
        // True when the user stopped the import (next() then returns nullptr): the import
        // writes nothing and reports StoreError::Kind::Stopped.
        [[nodiscard]] virtual bool stopped() const { return false; }
        // The size of the file the parts are read from, in bytes (0: unknown): a large file is
        // a large import even when its first part is small (a native file's sources).
        [[nodiscard]] virtual qint64 bytesHint() const { return 0; }
    };
    // importDataset for a dataset given in parts: written as they arrive, in one
    // transaction, committed only after the last part (nothing is written when the reading
    // fails or the import is stopped). The decisions a whole dataset's size makes (rebuilding the
    // indexes, matching events without a uid in memory) are made on the first part.
    bool importParts(DatasetParts &parts, ImportPolicy policy, ImportSummary *summary,
                     StoreError *error);
    // Inserts (id == 0) or updates the event with its links; fills in id, uid and times.
    bool saveEvent(Event &event, StoreError *error);
    bool deleteEvent(qint64 id, StoreError *error);
    bool saveSource(Source &source, StoreError *error);
    bool deleteSource(qint64 id, StoreError *error);
    bool saveCategory(Category &category, StoreError *error);
    bool saveView(SavedView &view, StoreError *error);
    bool deleteView(qint64 id, StoreError *error);

    // The connection, for code in model/ that builds on the store (search, timeline data).
    [[nodiscard]] QSqlDatabase database() const;
    // The filter as an SQL condition over `event e` with named placeholders (empty: all).
    // Full-text queries are included; they must be FTS5 expressions (see SearchQuery).
    [[nodiscard]] static QString filterSql(const EventFilter &filter, QVariantMap &bindings);

private:
    explicit TimelineStore(QString path, QString connectionName);

    bool configure(OpenMode mode, OpenCheck check, StoreError *error);
    // Why a file is shorter than its header says ("the file is cut short (…)"), else empty.
    [[nodiscard]] static QString truncation(const QString &path);
    bool migrate(int fromVersion, StoreError *error);
    bool installChangeTracking(StoreError *error);
    // Drops the change-tracking triggers within the current transaction (a ROLLBACK brings
    // them back; after a COMMIT, installChangeTracking puts them back).
    bool suspendChangeTracking(StoreError *error);
    bool flushSearchIndex(StoreError *error);
    // A prepared statement kept for the life of the connection: bulk writes prepare once.
    QSqlQuery &statement(const QString &sql) const;
    bool beginWrite(StoreError *error);
    // Runs `work` in one write transaction: committed when it returns true, rolled back
    // (with `error` set by `work`) when it returns false.
    bool inWriteTransaction(StoreError *error, const std::function<bool()> &work);
    bool deleteRow(const QString &table, qint64 id, const QString &what, StoreError *error);
    bool commitWrite(StoreError *error);
    void rollbackWrite();
    [[nodiscard]] StoreError errorFrom(const QSqlQuery &query, const QString &action) const;
    // The same from SQLite's primary result code and message.
    [[nodiscard]] StoreError errorFromCode(int code, const QString &detail,
                                           const QString &action) const;
    [[nodiscard]] StoreError refusedBecauseReadOnly() const;

    QList<Event> loadEvents(const QString &where, const QVariantMap &bindings) const;
    bool writeEvent(Event &event, qint64 existingId, StoreError *error);
    // What every stored event must have (a title, a valid start, …), as one message.
    bool checkEvent(const Event &event, StoreError *error) const;
    // The import's insert of a new event with its links, and of a new source, through
    // SQLite's interface (the same rows writeEvent/writeSource write).
    // The new event's row id, or 0 when it could not be written (error says why).
    qint64 insertImportedEvent(StoreBulk::ImportStatements &bulk, const Event &event,
                               StoreError *error);
    bool insertImportedSource(StoreBulk::ImportStatements &bulk, Source &source, StoreError *error);
    bool writeSource(Source &source, qint64 existingId, StoreError *error);
    bool writeEventLinks(const Event &event, bool isNew, StoreError *error);
    bool markFilled(StoreError *error);
    qint64 nameId(const QString &table, const QString &name, StoreError *error);
    qint64 categoryId(const QString &name, StoreError *error);
    qint64 idForUid(const QString &table, const QString &uid) const;
    qint64 sourceIdForUid(const QString &uid);
    void clearWriteCaches();

    QString m_path;
    QString m_connectionName;
    mutable QString m_readOnlyReason; // set by damage found in a read (see noteDamage)
    QString m_backupPath;
    mutable StoreError m_readError;
    // std::unordered_map: references to its elements survive rehashing (QHash's do not).
    mutable std::unordered_map<QString, QSqlQuery> m_statements;
    mutable QSqlQuery m_failedStatement;
    // Ids looked up or written in the current write transaction, emptied when one begins or
    // ends and after deletes: a bulk import asks for the same few names on every row.
    QHash<QString, QHash<QString, qint64>> m_nameIds; // by table, then name
    QHash<QString, qint64> m_categoryIds;             // by name
    QHash<QString, qint64> m_sourceIds;               // by uid

public:
    // ---- Curating: undo and redo (EditCommands) ----
    // Writes the whole change in one transaction, all or nothing (see StoreChanges); fills in
    // the ids, uids and times of what it saved.
    bool applyChanges(StoreChanges &changes, StoreError *error);
    // SQLite's PRAGMA data_version: changes when another connection (another window or
    // program) committed to the file since the last look, so a window can reload on focus.
    [[nodiscard]] qint64 dataVersion() const;
};
