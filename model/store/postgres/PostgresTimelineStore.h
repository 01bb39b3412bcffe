#pragma once

#include "model/store/RevisionRecorder.h"
#include "model/store/TimelineStore.h"
#include "model/store/postgres/ServerAddress.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantMap>

#include <functional>
#include <initializer_list>
#include <memory>

// The PostgreSQL store: a team's timeline on a server, through QtSql's QPSQL driver, on the
// schema of PostgresSchema (full-text search with unaccent, row versions, roles). Private to
// the store: the rest of the program holds a TimelineStore. Its units, one responsibility
// each, are the Postgres*.cpp files beside this one. Every value travels as a bound parameter.
class PostgresTimelineStore final : public TimelineStore {
public:
    // What TimelineStore::open does for a server address: connects, refuses a database
    // without the schema (`chiptimeline init` makes it) or with a newer one, and notes
    // "read-only for USER" when the role may not change the timeline.
    [[nodiscard]] static std::unique_ptr<PostgresTimelineStore>
    open(const QString &location, StoreError *error, OpenMode mode);
    // What `chiptimeline --db URL init` does: connects and brings an empty database (or one
    // with an older schema) to the latest schema.
    static bool initialize(const QString &location, StoreError *error);
    ~PostgresTimelineStore() override;

    // The connection (for the store's own units and for test fixtures).
    [[nodiscard]] QSqlDatabase database() const;
    // The role the store is connected as (current_user).
    [[nodiscard]] QString userName() const { return m_user; }
    // Records the error `query` holds, if any, as a read error on `table`; true when there was one.
    bool readFailed(const QSqlQuery &query, const QString &table) const;
    // The filter as an SQL condition over `event e` with named placeholders (empty: all);
    // a full-text `query` (SearchQuery's FTS5 expression) is widened to compound words
    // (searchExpression) and translated to a tsquery.
    [[nodiscard]] QString filterSql(const EventFilter &filter, QVariantMap &bindings) const;
    // `expression` widened by SearchCompounds with the words of the search documents (the
    // table search_word; PostgresSearch.cpp).
    [[nodiscard]] QString searchExpression(const QString &expression) const;
    // The refusal of an edit made against an older version: who changed the event and when.
    [[nodiscard]] static QString conflictMessage(const QString &changedBy, const QDateTime &when);

    // ---- TimelineStore ----
    [[nodiscard]] int schemaVersion() const override;
    [[nodiscard]] bool isFileBased() const override { return false; }
    [[nodiscard]] StoreError checkIntegrity(bool full) const override;

    [[nodiscard]] bool wasEverFilled() const override;
    [[nodiscard]] int eventCount() const override;
    [[nodiscard]] int sourceCount() const override;
    [[nodiscard]] QList<Category> categories() const override;
    [[nodiscard]] QHash<qint64, QString> translatedTitles(const QString &language) const override;
    [[nodiscard]] QList<Event> events(const EventFilter &filter = {}) const override;
    [[nodiscard]] std::vector<qint64> eventIds(const EventFilter &filter) const override;
    [[nodiscard]] std::optional<Event> event(qint64 id) const override;
    [[nodiscard]] std::optional<Event> eventByUid(const QString &uid) const override;
    [[nodiscard]] QList<Source> sources() const override;
    [[nodiscard]] std::optional<Source> source(qint64 id) const override;
    [[nodiscard]] std::optional<Source> sourceByUid(const QString &uid) const override;
    [[nodiscard]] QHash<QString, int> citationCounts() const override;
    [[nodiscard]] QList<std::pair<Event, Citation>>
    citingEvents(const QString &sourceUid) const override;
    [[nodiscard]] QHash<qint64, QList<CitedSource>>
    citationsFor(const QList<qint64> &eventIds) const override;
    [[nodiscard]] QStringList actorNames() const override;
    [[nodiscard]] QStringList chipNames() const override;
    [[nodiscard]] QStringList tagNames() const override;
    [[nodiscard]] QList<SavedView> savedViews() const override;
    [[nodiscard]] QList<Relation> relations() const override;
    [[nodiscard]] QList<Relation> relationsOf(const QString &eventUid) const override;
    [[nodiscard]] TimelineData timelineData(const EventFilter &filter) const override;
    void visitEventKeys(const EventKeyVisitor &visit) const override;
    [[nodiscard]] Dataset dataset() const override;
    bool saveCopy(const QString &path, StoreError *error) const override;

    [[nodiscard]] QList<EventSearch::EventHit>
    searchEvents(const QString &expression, const EventFilter &filter, int limit) const override;
    [[nodiscard]] QList<EventSearch::EventHit> searchEventsAmong(const QString &expression,
                                                                 const TimelineData &among,
                                                                 int limit) const override;
    [[nodiscard]] int countEvents(const QString &expression,
                                  const EventFilter &filter) const override;
    [[nodiscard]] QList<EventSearch::SourceHit> searchSources(const QString &expression,
                                                              int limit) const override;
    [[nodiscard]] int countSources(const QString &expression) const override;

    bool importParts(DatasetParts &parts, ImportPolicy policy, ImportSummary *summary,
                     StoreError *error) override;
    bool saveEvent(Event &event, StoreError *error) override;
    bool deleteEvent(qint64 id, StoreError *error) override;
    bool saveSource(Source &source, StoreError *error) override;
    bool deleteSource(qint64 id, StoreError *error) override;
    bool saveCategory(Category &category, StoreError *error) override;
    bool saveView(SavedView &view, StoreError *error) override;
    bool deleteView(qint64 id, StoreError *error) override;
    bool applyChanges(StoreChanges &changes, StoreError *error) override;
    [[nodiscard]] QList<Revision> revisions(const RevisionFilter &filter) const override;
    [[nodiscard]] qint64 latestRevision() const override;
    [[nodiscard]] QList<RevisionChange> changesAfter(qint64 revision) const override;
    [[nodiscard]] qint64 dataVersion() const override;
    bool listenForChanges(ChangeListener listener) override;
    [[nodiscard]] bool isConnectionLost() const override { return m_connectionLost; }
    bool reconnect(StoreError *error) override;
    [[nodiscard]] bool checkConnection() const override;
    void watchConnection(ConnectionLostListener listener) override;

private:
    PostgresTimelineStore(QString shownAddress, QString connectionName);

    // ---- Transactions and errors (PostgresStoreOpen.cpp) ----
    // Runs `work` in one transaction: committed when it returns true, rolled back (with
    // `error` set by `work`) when it returns false. Refused at once on a read-only store.
    bool inTransaction(StoreError *error, const std::function<bool()> &work);
    [[nodiscard]] StoreError errorFrom(const QSqlQuery &query, const QString &action) const;
    [[nodiscard]] StoreError refusedBecauseReadOnly() const;

    // ---- Rows (PostgresReads.cpp, PostgresWrites.cpp) ----
    QList<Event> loadEvents(const QString &where, const QVariantMap &bindings) const;
    bool checkEvent(const Event &event, StoreError *error) const;
    bool writeEvent(Event &event, qint64 existingId, StoreError *error);
    bool writeEventLinks(const Event &event, bool isNew, StoreError *error);
    bool writeSource(Source &source, qint64 existingId, StoreError *error);
    // The relations `where` selects (over `relation r`, `event f` (from) and `event t` (to),
    // with `uid` bound to :uid), with their sources (PostgresRelations).
    [[nodiscard]] QList<Relation> readRelations(const QString &where, const QString &uid) const;
    // Writes a relation and its sources; one already stored is kept as it is unless
    // `replace`. Both events and every cited source must be stored.
    bool writeRelation(const Relation &relation, bool replace, StoreError *error);
    bool removeRelation(const Relation &relation, StoreError *error);
    bool writeCategory(Category &category, StoreError *error);
    bool deleteRow(const QString &table, qint64 id, const QString &what, StoreError *error);
    bool markFilled(StoreError *error);
    qint64 nameId(const QString &table, const QString &name, StoreError *error);
    qint64 categoryId(const QString &name, StoreError *error);
    qint64 idForUid(const QString &table, const QString &uid) const;
    // After rows were written with explicit ids (a copy, a restored row): each identity
    // sequence moved past the highest id.
    bool advanceIdSequences(StoreError *error);
    void clearWriteCaches();
    // ---- The revision of the write in progress (PostgresRevisions.cpp) ----
    // Notes the events in a category (a rename renames theirs), the relations whose
    // citations a source about to go takes along (see RevisionRecorder for the rest).
    void touchEventsInCategory(qint64 categoryId);
    void touchRelationsCitingSource(const QString &sourceUid);
    [[nodiscard]] QString uidOf(const QString &table, qint64 id) const;
    // Writes the revision of the write in progress (its number, time and author set by the
    // server): the touched items' differences and the change note, in one statement each;
    // its number, or 0 when it could not be written (error says why).
    qint64 writeRevision(const QString &kind, const QString &summary, StoreError *error);
    // The database before an import: the rows past these ids that its transaction wrote are
    // the import's.
    struct BeforeImport {
        qint64 maxEventId = 0;
        qint64 maxSourceId = 0;
        QString title;
    };
    // nullopt, with `error` set, when the read failed.
    [[nodiscard]] std::optional<BeforeImport> beforeImport(StoreError *error) const;
    // The import's one revision, naming the file: the updated items field by field, one "*"
    // change for each event and source it added, and the dataset's title if it set one.
    bool recordImport(const QString &fileName, const ImportSummary &counts,
                      const BeforeImport &before, StoreError *error);
    // After an import that added many rows, the planner's statistics of the timeline's
    // tables gathered at once (PostgresStatistics.cpp; best effort, after the commit).
    void gatherStatisticsAfterImport(const ImportSummary &counts) const;

    // ---- An import's new records, in batches (PostgresImportBatch.cpp) ----
    // The rows of one table for json_to_recordset(): the text of a JSON array of objects,
    // written as the rows come, each row's fields in the order given (a QJsonObject per row
    // sorted its keys and took more time than the server's work on the row).
    class JsonRows {
    public:
        struct Field {
            enum class Kind { Text, Number, Null };
            Field(QLatin1StringView name, const QString &value)
                : key(name)
                , text(value) {}
            Field(QLatin1StringView name, qint64 value)
                : key(name)
                , number(value)
                , kind(Kind::Number) {}
            // JSON null for 0 (an unknown month, no category).
            [[nodiscard]] static Field orNull(QLatin1StringView name, qint64 value) {
                Field field(name, value);
                if (value == 0)
                    field.kind = Kind::Null;
                return field;
            }
            QLatin1StringView key;
            QString text;
            qint64 number = 0;
            Kind kind = Kind::Text;
        };
        void append(std::initializer_list<Field> fields);
        [[nodiscard]] qsizetype size() const { return m_rows; }
        [[nodiscard]] bool isEmpty() const { return m_rows == 0; }
        // "[{…},{…}]", or "[]" for no rows.
        [[nodiscard]] QString text() const;
        void clear() {
            m_text.clear();
            m_rows = 0;
        }

    private:
        QByteArray m_text; // the rows, comma-separated, without the brackets
        qsizetype m_rows = 0;
    };

    class ImportBatch {
    public:
        explicit ImportBatch(PostgresTimelineStore &store);
        // Leaves the search index to index() for the rest of the transaction.
        bool begin(StoreError *error);
        // Notes which uids of `events` / `sources` the server holds, in one query.
        bool lookUpEvents(const QList<Event> &events, StoreError *error);
        bool lookUpSources(const QList<Source> &sources, StoreError *error);
        // The id of the row of `table` ("event", "source") stored under `uid` (0: none),
        // sending the batch first when it holds that uid; `failed` when that failed.
        qint64 storedId(const QString &table, const QString &uid, StoreError *error, bool *failed);
        // Checks a record and queues it as a new row (a uid made when it has none); sends
        // the batch when it is full.
        bool addSource(Source source, StoreError *error);
        bool addEvent(Event event, StoreError *error);
        // Sends the queued rows (and an event's links): one INSERT per table.
        bool flushSources(StoreError *error);
        bool flushEvents(StoreError *error);
        // A row written outside the batches (an update) to index at the end.
        void noteEvent(qint64 id) { m_eventIds.insert(id); }
        void noteSource(qint64 id) { m_sourceIds.insert(id); }
        // The sources event `eventId` cites now (their documents hold its quotes).
        bool noteCitedSources(qint64 eventId, StoreError *error);
        // Sends what is queued and indexes every row noted, once.
        bool index(StoreError *error);

    private:
        bool run(const QString &sql, const QString &rows, const QString &what, StoreError *error,
                 QSqlQuery *query);
        bool lookUp(const QString &table, const QStringList &uids, StoreError *error);

        PostgresTimelineStore &m_store;
        QHash<QString, qint64> m_knownEvents;  // uid → id (0: not on the server)
        QHash<QString, qint64> m_knownSources; // uid → id (0: not on the server)
        QSet<QString> m_pendingEvents;
        QSet<QString> m_pendingSources;
        JsonRows m_events;
        JsonRows m_sources;
        QHash<QString, JsonRows> m_names; // by table (actor, chip, tag): {u, n, p}
        JsonRows m_citations;             // {u, s, quote, locator, p}
        QSet<qint64> m_eventIds;          // to index
        QSet<qint64> m_sourceIds;         // to index
    };

    // ---- Live updates (PostgresLiveChanges.cpp) ----
    // The notices the `chiptimeline_changes` payloads describe: one per changed row (the
    // payloads of an event's links count as the event's), each event's and source's uid,
    // version and author read when it is still there; payloads this version does not know are
    // left out.
    [[nodiscard]] QList<StoreChangeNotice> noticesFrom(const QStringList &payloads) const;
    // Tells the listener what the payloads heard since the last call announced.
    void deliverPendingNotices();
    // ---- A lost connection (PostgresConnection.cpp) ----
    // When `error` says the connection broke: the store turns read-only and the watcher is
    // told (once per loss).
    void noteConnectionTrouble(const QSqlError &error) const;

    QString m_connectionName;
    QString m_user;
    ChangeListener m_changeListener;
    QMetaObject::Connection m_changeConnection; // the driver's notification signal
    QStringList m_pendingPayloads;              // heard, not yet told to the listener
    QObject m_noticeContext; // receives the driver's signal; its queued calls die with the store
    ConnectionLostListener m_lostListener;
    mutable bool m_connectionLost = false;
    mutable QString m_reasonBeforeLoss; // the read-only reason to restore on reconnect
    int m_schemaVersion = 0;
    // Ids looked up or written in the current write transaction, emptied when it ends.
    QHash<QString, QHash<QString, qint64>> m_nameIds; // by table, then name
    QHash<QString, qint64> m_categoryIds;             // by name
    QHash<QString, qint64> m_sourceIds;               // by uid
    RevisionRecorder m_revision{*this};               // the items the write in progress touches
};

// Shared by the PostgreSQL store's units.
namespace PostgresDetail {
// The elements of a one-dimensional text array as PostgreSQL writes it ({a,"b c",NULL}); a
// NULL element is an empty string (PostgresTimelineData.cpp).
[[nodiscard]] QStringList textArrayElements(QStringView array);
// Binds every value of `bindings` to `query` by name.
void bindAll(QSqlQuery &query, const QVariantMap &bindings);
// SearchQuery's FTS5 expression as the text of a tsquery for to_tsquery('chiptimeline_search',
// …): phrases as `<->`, prefixes as `:*`, AND/OR/NOT as &, |, & !. Empty when nothing is left.
[[nodiscard]] QString tsqueryFromFts(const QString &expression);
// Settings for a newly opened connection: no parallel workers (the store's reads are short
// and latency-bound; starting a worker process costs more than it saves: on a busy server a
// search with no match took ~90 ms waiting for its worker, ~1 ms without), and a small GIN
// pending list for what it writes (searches read that list in full until autovacuum runs).
void setUpSession(QSqlDatabase &database);
// Keeps the driver's socket notifier for LISTEN from outliving the socket libpq closes when
// the server ends the connection (PostgresConnection.cpp); call it where a store subscribes.
void guardListeningSockets();
} // namespace PostgresDetail
