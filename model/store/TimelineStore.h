#pragma once

#include "model/Dataset.h"
#include "model/EventFilter.h"
#include "model/EventSearch.h"
#include "model/ImportPolicy.h"
#include "model/RelationChain.h"
#include "model/StoreChangeNotice.h"
#include "model/StoreChanges.h"
#include "model/StoreError.h"
#include "model/TimelineReads.h"
#include "model/history/Revision.h"

#include <QHash>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class TimelineData;

// The timeline store: the one place that speaks to a database. The window, the command line
// and the importers go through this interface; each backend implements it in its own folder
// (model/store/sqlite: the embedded SQLite file; model/store/postgres: a team's timeline on
// a PostgreSQL server), and nothing
// outside that folder runs SQL. Every write is one transaction, so a crash loses at most the
// action in flight and nothing needs a Save button.
//
// Opening is careful: a file that is not SQLite, was written by a newer ChipTimeline, or
// cannot be written is reported and left byte-for-byte untouched. Pending migrations run
// in one transaction after a copy of the file is kept beside it.
// The reads a figure makes (categories, names, eventIds, timelineData, translatedTitles,
// citationsFor) are TimelineReads'.
class TimelineStore : public TimelineReads {
public:
    enum class OpenMode { ReadWrite, ReadOnly };
    // What opening checks besides the header and the schema: SQLite's quick_check for a file
    // up to quickCheckLimitBytes (BySize), never (None: a caller that checks later, off its
    // GUI thread, with quickCheckFile), or always (Quick).
    enum class OpenCheck { BySize, None, Quick };
    // Larger files are not checked on open: quick_check reads every page (about a second
    // per 100 MB); the window checks them after its first frame (see MainWindow).
    static constexpr qint64 quickCheckLimitBytes = 64 * 1024 * 1024;

    // Opens the timeline `location` names (the --db argument): a path opens an SQLite file;
    // a PostgreSQL address (postgresql://…, postgres://…, service=NAME) the timeline on that
    // server (model/store/postgres; `check` does not apply: the server checks itself).
    [[nodiscard]] static std::unique_ptr<TimelineStore> open(const QString &location,
                                                             StoreError *error,
                                                             OpenMode mode = OpenMode::ReadWrite,
                                                             OpenCheck check = OpenCheck::BySize);
    // Creates the schema at `location` (a server's empty database, a new file) or brings an
    // older one up to date; refuses, changing nothing, a newer schema (`chiptimeline init`).
    static bool initialize(const QString &location, StoreError *error);
    // True when `location` names a database server rather than a file.
    [[nodiscard]] static bool isServerLocation(const QString &location);

    virtual ~TimelineStore();
    TimelineStore(const TimelineStore &) = delete;
    TimelineStore &operator=(const TimelineStore &) = delete;

    // ---- What it is and what it can do ----
    // Where the store is: the file's path (for a server, its address without a password).
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] virtual int schemaVersion() const = 0;
    // True for a store in one file (SQLite): it can be copied (saveCopy), backed up beside
    // itself and checked page by page (quick_check); a server does that itself.
    [[nodiscard]] virtual bool isFileBased() const = 0;
    [[nodiscard]] bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    // Why the store is read-only ("the file is read-only"), empty when it can be written.
    [[nodiscard]] QString readOnlyReason() const { return m_readOnlyReason; }
    // Refuses every write for a while with `reason` as why (the window's View → As Of…),
    // whatever the store was before; releaseReadOnly() puts back the reason it had.
    void holdReadOnly(const QString &reason);
    void releaseReadOnly();
    [[nodiscard]] bool isReadOnlyHeld() const { return m_readOnlyHeld; }
    // The copy taken before the last migration, empty when none was needed.
    [[nodiscard]] QString backupPath() const { return m_backupPath; }

    // ---- Damage ----
    // A read that meets an error (a damaged page, an I/O error) returns what it read so far
    // and records the error here: the first since the store was opened or the error cleared.
    // Whoever shows or writes a result checks it first, so damage never passes for emptiness.
    [[nodiscard]] const StoreError &readError() const { return m_readError; }
    void clearReadError() const { m_readError = {}; }
    // Records damage found elsewhere (quickCheckFile on another thread) as a read error.
    // Damage also makes the store read-only: where the database cannot read, nothing is written.
    void noteDamage(const StoreError &damage) const;
    // A full check of the database (SQLite: integrity_check) or a quick one (quick_check): no
    // error when it is sound, else "FILE: the database is damaged (table T): what was found".
    [[nodiscard]] virtual StoreError checkIntegrity(bool full) const = 0;

    // ---- A timeline file as a whole (file-based stores; safe on any thread) ----
    // quick_check of a file through a connection of its own, read-only (the window checks a
    // large file after its first frame; backups are checked before use).
    [[nodiscard]] static StoreError quickCheckFile(const QString &path);
    // A consistent copy of the database at `from` at `target` (one snapshot, taken beside a
    // writer), written beside the target and renamed into place; nothing is left on failure.
    static bool backupFile(const QString &from, const QString &target, StoreError *error);
    // Replaces the database at `livePath` by the one at `backupPath` (no store may have it
    // open): the backup must pass quick_check; the live file is kept as
    // `<livePath>.replaced` (never written into: it may be the damaged one).
    static bool restoreBackup(const QString &backupPath, const QString &livePath,
                              StoreError *error);

    // ---- Reading ----
    // True once anything was ever stored here, even if it was deleted since: a database
    // its owner emptied is not filled with the default dataset again.
    [[nodiscard]] virtual bool wasEverFilled() const = 0;
    [[nodiscard]] virtual int eventCount() const = 0;
    [[nodiscard]] virtual int sourceCount() const = 0;
    [[nodiscard]] virtual QList<Event> events(const EventFilter &filter = {}) const = 0;
    [[nodiscard]] virtual std::optional<Event> event(qint64 id) const = 0;
    [[nodiscard]] virtual std::optional<Event> eventByUid(const QString &uid) const = 0;
    // The stored events among `uids` (absent: not stored), in time order; the default asks
    // for each in turn, a backend reads them in one go (what ::storeAsOf reads of the items
    // changed since a revision).
    [[nodiscard]] virtual QList<Event> eventsByUid(const QStringList &uids) const;
    [[nodiscard]] virtual QList<Source> sources() const = 0;
    [[nodiscard]] virtual std::optional<Source> source(qint64 id) const = 0;
    [[nodiscard]] virtual std::optional<Source> sourceByUid(const QString &uid) const = 0;
    // How many events cite each source, by source uid (sources cited by none are absent).
    [[nodiscard]] virtual QHash<QString, int> citationCounts() const = 0;
    // The events that cite a source, in time order, each with the citation's quote and locator.
    [[nodiscard]] virtual QList<std::pair<Event, Citation>>
    citingEvents(const QString &sourceUid) const = 0;
    [[nodiscard]] virtual QStringList tagNames() const = 0;
    [[nodiscard]] virtual QList<SavedView> savedViews() const = 0;
    // Every relation between events (see Relation), in time order of the event that points.
    [[nodiscard]] virtual QList<Relation> relations() const = 0;
    // The relations from or to one event.
    [[nodiscard]] virtual QList<Relation> relationsOf(const QString &eventUid) const = 0;
    // The chain around one event (see RelationGraph::chainOf), read relation by relation
    // outward from it: what `chain` and `export --chain` print, without reading every
    // relation of the timeline. Check readError() afterwards.
    [[nodiscard]] RelationChain relationChain(const QString &eventUid) const;
    // Every stored event's uid, title and span of days, in no order: what an import matches
    // a file's events against (see ImportPreview).
    using EventKeyVisitor = std::function<void(const QString &uid, const QString &title,
                                               qint64 firstDay, qint64 lastDay)>;
    virtual void visitEventKeys(const EventKeyVisitor &visit) const = 0;
    // Everything, as the native exchange file carries it.
    [[nodiscard]] virtual Dataset dataset() const = 0;
    // The dataset with the fields a figure reads (DatasetReads: titles, days, categories,
    // names, tags, statuses, importance, translations, citations' sources, and the sources'
    // outlet, title, date and addresses), in the same order; the others may be left empty
    // (event summaries and times, citations' quotes and locators, the sources' other fields).
    // What a figure as of an earlier revision turns back (::storeAsOf). Default: dataset().
    [[nodiscard]] virtual Dataset figureDataset() const { return dataset(); }
    // A consistent copy of the whole database in another file, written under a temporary
    // name and renamed into place; this store stays where it is (file-based stores).
    virtual bool saveCopy(const QString &path, StoreError *error) const = 0;

    // ---- Search (see EventSearch, which turns what the user typed into `expression`) ----
    // `expression` is a full-text query as SearchQuery::toFtsExpression writes it.
    // The best `limit` events matching among those `filter` selects (its `query` ignored),
    // best first, ties in time order; titles and snippets marked (EventSearch::MatchStart).
    [[nodiscard]] virtual QList<EventSearch::EventHit>
    searchEvents(const QString &expression, const EventFilter &filter, int limit) const = 0;
    // The same among the events of `among` (the window's snapshot, already filtered).
    [[nodiscard]] virtual QList<EventSearch::EventHit>
    searchEventsAmong(const QString &expression, const TimelineData &among, int limit) const = 0;
    // How many events match among those `filter` selects (its `query` ignored).
    [[nodiscard]] virtual int countEvents(const QString &expression,
                                          const EventFilter &filter) const = 0;
    [[nodiscard]] virtual QList<EventSearch::SourceHit> searchSources(const QString &expression,
                                                                      int limit) const = 0;
    [[nodiscard]] virtual int countSources(const QString &expression) const = 0;

    // ---- Writing: each call is one transaction, all or nothing ----
    // `fileName` is named in the import's revision.
    bool importDataset(const Dataset &dataset, ImportPolicy policy, ImportSummary *summary,
                       StoreError *error, const QString &fileName = {});
    // Into an empty store, a timeline as another store holds it (::storeAsOf): every item as
    // it is, no source merged into another, no revision (DatasetParts::asStored).
    bool importAsStored(const Dataset &dataset, StoreError *error);
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
        // True when the parts are a timeline as a store holds it (the store of then of
        // ::storeAsOf): every source is written as it is, none merged into another by its
        // DOI, address or title and date as a file's would be (a store may hold two records
        // of one article, each cited where it is), and no revision is recorded (the writing
        // is no one's change, as the copy turned back records none).
        [[nodiscard]] virtual bool asStored() const { return false; }
        // The file the parts are read from, as the import's revision names it (empty: none).
        [[nodiscard]] QString fileName() const { return m_fileName; }
        void setFileName(const QString &fileName) { m_fileName = fileName; }

    private:
        QString m_fileName;
    };
    // importDataset for a dataset given in parts: written as they arrive, in one
    // transaction, committed only after the last part (nothing is written when the reading
    // fails or the import is stopped). The decisions a whole dataset's size makes (rebuilding the
    // indexes, matching events without a uid in memory) are made on the first part.
    virtual bool importParts(DatasetParts &parts, ImportPolicy policy, ImportSummary *summary,
                             StoreError *error) = 0;
    // Inserts (id == 0) or updates the event with its links; fills in id, uid and times.
    virtual bool saveEvent(Event &event, StoreError *error) = 0;
    virtual bool deleteEvent(qint64 id, StoreError *error) = 0;
    virtual bool saveSource(Source &source, StoreError *error) = 0;
    virtual bool deleteSource(qint64 id, StoreError *error) = 0;
    virtual bool saveCategory(Category &category, StoreError *error) = 0;
    virtual bool saveView(SavedView &view, StoreError *error) = 0;
    virtual bool deleteView(qint64 id, StoreError *error) = 0;

    // ---- Curating: undo and redo (EditCommands) ----
    // Writes the whole change in one transaction, all or nothing (see StoreChanges); fills in
    // the ids, uids and times of what it saved.
    virtual bool applyChanges(StoreChanges &changes, StoreError *error) = 0;

    // ---- History (see model/history) ----
    // Every write records one revision in its own transaction: who (author), why (the change
    // note), what kind, a summary, and per item and field the old and new value.
    // The author of the revisions this store writes from now on; empty (the default): the
    // program's, defaultAuthor(), as it is at each write. A server records its role instead.
    void setAuthor(const QString &author) { m_author = author; }
    [[nodiscard]] QString author() const;
    // The author of every store that was given none: the name set in Preferences, which the
    // program hands over at its start and when it changes (AppSettings); unset, loginName().
    static void setDefaultAuthor(const QString &author);
    [[nodiscard]] static QString defaultAuthor();
    // The system user's login name (getpwuid; $USER, $USERNAME if it has none).
    [[nodiscard]] static QString loginName();
    // The note ("why") of the next write only; it is cleared once that write has recorded it.
    void setChangeNote(const QString &note) { m_changeNote = note; }
    [[nodiscard]] QString changeNote() const { return m_changeNote; }
    // The revisions the filter selects, oldest first (a backend without history: none, and a
    // read error saying so).
    [[nodiscard]] virtual QList<Revision> revisions(const RevisionFilter &filter) const;
    // The newest revision's number, read directly (not the whole list); 0 when there is none
    // (a backend without history: 0, and no read error).
    [[nodiscard]] virtual qint64 latestRevision() const;
    // Every change recorded by the revisions after `revision`, in the order written.
    [[nodiscard]] virtual QList<RevisionChange> changesAfter(qint64 revision) const;
    // Of the changes after `revision`, those that decide what the items were then, in the
    // order written: per item its first whole-item change ("*") and, per field, the first
    // change before that one. ::datasetAsOf gives the same from them as from every change
    // after (which is what this default returns; a backend selects them where it stores them).
    // Only their old values are needed: a field change's new value may be absent here.
    [[nodiscard]] virtual QList<RevisionChange> decidingChangesAfter(qint64 revision) const;
    // The first revision (number and time; nothing when there is none), whether a revision
    // `number` exists, and the newest made at or before `at` (0: none). Read by index where
    // the backend can (defaults: from revisions()).
    [[nodiscard]] virtual std::optional<Revision> firstRevision() const;
    [[nodiscard]] virtual bool hasRevision(qint64 number) const;
    [[nodiscard]] virtual qint64 lastRevisionBy(const QDateTime &at) const;
    // The revision a point names: "r123", or a UTC date-time ("2025-09-01T12:00", a date
    // alone is its start) meaning the last revision made by then. 0 with `message` set (one
    // line) for an unknown revision, a point before the first revision or in the future.
    [[nodiscard]] qint64 revisionAt(const QString &point, QString *message) const;
    // The whole dataset as it stood at revision `revision` (see ::datasetAsOf).
    [[nodiscard]] Dataset datasetAsOf(qint64 revision) const;
    // The events deleted and not stored now, the latest deletion first: each with its content
    // before the deletion and who deleted it, when and why (this default reads them from
    // revisions(); a backend may find the deletions by index).
    [[nodiscard]] virtual QList<DeletedEvent> deletedEvents() const;

    // ---- Changes made elsewhere ----
    // A token that changes when another connection (another window or program) committed
    // since the last look, so a window can reload on focus (SQLite: PRAGMA data_version).
    [[nodiscard]] virtual qint64 dataVersion() const = 0;
    // Live updates: from now on `listener` is called, on this store's thread from its event
    // loop, for every row another client commits (a server announces them; see
    // StoreChangeNotice). False when the backend cannot tell (SQLite: a window looks at
    // dataVersion on focus instead) or the subscription failed. An empty listener stops it.
    using ChangeListener = std::function<void(const StoreChangeNotice &)>;
    virtual bool listenForChanges(ChangeListener listener);

    // ---- The connection (a server's; a file has none to lose) ----
    // True once a read, a write or checkConnection() met a broken connection: the store is
    // then read-only ("the server is not reachable") and its reads fail (readError() of kind
    // Unreachable) until reconnect() succeeds.
    [[nodiscard]] virtual bool isConnectionLost() const { return false; }
    // Asks the server whether the connection still answers (one round trip): a connection
    // that closed while idle (the server restarted, its backend ended) is found here, since
    // Qt's driver does not report it. False, the store then lost, when it does not.
    [[nodiscard]] virtual bool checkConnection() const { return true; }
    // Connects again: on success the store is writable as before the loss (a reader stays a
    // reader), its read error is cleared and it listens for changes again when it did; false
    // with one line in `error` (ServerTrouble's) while the server still does not answer.
    virtual bool reconnect(StoreError *error);
    // From now on `listener` is called once each time the connection is found lost, from
    // inside the read or write that met it or from the event loop: it should only queue its
    // work. An empty listener stops it.
    using ConnectionLostListener = std::function<void()>;
    virtual void watchConnection(ConnectionLostListener listener);

protected:
    explicit TimelineStore(QString path);

    QString m_path;
    mutable QString m_readOnlyReason; // set by damage found in a read (see noteDamage)
    QString m_backupPath;
    mutable StoreError m_readError;
    QString m_author;
    QString m_changeNote;
    bool m_readOnlyHeld = false;
    QString m_reasonBeforeHold;
};
