#pragma once

#include "model/SearchVocabulary.h"
#include "model/store/RevisionRecorder.h"
#include "model/store/TimelineStore.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <memory>
#include <unordered_map>

namespace StoreBulk {
struct ImportStatements;
}

// The SQLite store: a timeline in one file, through QtSql's QSQLITE driver (and SQLite's own
// interface where QtSql costs more than SQLite's work: the bulk import, the whole dataset's
// read, the search's ranking; see SqliteApi.h). Private to the store: the rest of the program
// holds a TimelineStore. Its units, one responsibility each, are the files beside this one.
class SqliteTimelineStore final : public TimelineStore {
public:
    // What TimelineStore::open does for a file path.
    [[nodiscard]] static std::unique_ptr<SqliteTimelineStore>
    open(const QString &path, StoreError *error, OpenMode mode, OpenCheck check);
    ~SqliteTimelineStore() override;

    // The connection (for the store's own units, and for tests that build damaged files).
    [[nodiscard]] QSqlDatabase database() const;
    // The filter as an SQL condition over `event e` with named placeholders (empty: all).
    // Full-text queries are included; they must be FTS5 expressions (see SearchQuery), and
    // are widened to compound words (searchExpression).
    [[nodiscard]] QString filterSql(const EventFilter &filter, QVariantMap &bindings) const;
    // `expression` widened by SearchCompounds with the words this file's indexes hold
    // (SqliteSearchTerms.cpp).
    [[nodiscard]] QString searchExpression(const QString &expression) const;
    // Records the error `query` holds, if any, as damage to `table`; true when there was one.
    bool readFailed(const QSqlQuery &query, const QString &table) const;
    // The same from SQLite's result code and message (the fast readers that step statements).
    bool readFailed(int code, const QString &detail, const QString &table) const;

    // The file operations behind TimelineStore's static ones (SqliteIntegrity, SqliteBackups).
    [[nodiscard]] static StoreError quickCheckFile(const QString &path);
    static bool backupFile(const QString &from, const QString &target, StoreError *error);
    static bool restoreBackup(const QString &backupPath, const QString &livePath,
                              StoreError *error);

    // ---- TimelineStore ----
    [[nodiscard]] int schemaVersion() const override;
    [[nodiscard]] bool isFileBased() const override { return true; }
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
    [[nodiscard]] QList<Event> eventsByUid(const QStringList &uids) const override;
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
    [[nodiscard]] Dataset figureDataset() const override;
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
    [[nodiscard]] QList<RevisionChange> decidingChangesAfter(qint64 revision) const override;
    [[nodiscard]] std::optional<Revision> firstRevision() const override;
    [[nodiscard]] bool hasRevision(qint64 number) const override;
    [[nodiscard]] qint64 lastRevisionBy(const QDateTime &at) const override;
    [[nodiscard]] QList<DeletedEvent> deletedEvents() const override;
    [[nodiscard]] qint64 dataVersion() const override;

private:
    explicit SqliteTimelineStore(QString path, QString connectionName);

    // dataset() (`whole`) or figureDataset(): the same passes, the fields a figure does not
    // read selected as NULL.
    [[nodiscard]] Dataset readDataset(bool whole) const;

    bool configure(OpenMode mode, OpenCheck check, StoreError *error);
    // Why a file is shorter than its header says ("the file is cut short (…)"), else empty.
    [[nodiscard]] static QString truncation(const QString &path);
    bool migrate(int fromVersion, StoreError *error);
    bool installChangeTracking(StoreError *error);
    // Drops the change-tracking triggers within the current transaction (a ROLLBACK brings
    // them back; after a COMMIT, installChangeTracking puts them back).
    bool suspendChangeTracking(StoreError *error);
    bool flushSearchIndex(StoreError *error);
    // The words of the rows flushSearchIndex is about to index, added to search_word (and
    // to the vocabulary in memory when the write commits; SqliteSearchTerms.cpp).
    bool noteIndexedWords(StoreError *error);
    // Every word the indexes hold added to search_word (after a bulk import).
    bool addIndexedWords(StoreError *error);
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
    // The relations `where` selects (over `relation r`, `event f` (from) and `event t` (to),
    // with `uid` bound to :uid), with their sources (SqliteRelations).
    [[nodiscard]] QList<Relation> readRelations(const QString &where, const QString &uid) const;
    // Writes a relation and its sources; one already stored is kept as it is unless
    // `replace`. Both events and every cited source must be stored.
    bool writeRelation(const Relation &relation, bool replace, StoreError *error);
    bool removeRelation(const Relation &relation, StoreError *error);
    bool writeEventLinks(const Event &event, bool isNew, StoreError *error);
    bool markFilled(StoreError *error);
    qint64 nameId(const QString &table, const QString &name, StoreError *error);
    qint64 categoryId(const QString &name, StoreError *error);
    qint64 idForUid(const QString &table, const QString &uid) const;
    qint64 sourceIdForUid(const QString &uid);
    void clearWriteCaches();
    bool writeCategory(Category &category, StoreError *error);

    // Notes every item `changes` is about to change (SqliteChanges.cpp).
    void touchChanged(const StoreChanges &changes);
    // ---- The revision of the write in progress (SqliteRevisions.cpp) ----
    // Notes an item the write is about to change, as it is now, and one it has just created
    // (see RevisionRecorder).
    void touch(const QString &entity, const QString &uid) { m_revision.touch(entity, uid); }
    void touchNew(const QString &entity, const QString &uid) { m_revision.touchNew(entity, uid); }
    // Notes the events a condition over `event e` with :id selects (those citing a source
    // or in a category that is about to change).
    void touchEventsWhere(const QString &condition, const QVariant &key);
    // Notes the relations an event about to go takes along, and those whose citations a
    // source about to go takes along.
    void touchRelationsOfEvent(const QString &eventUid);
    void touchRelationsCitingSource(const QString &sourceUid);
    // Notes the relations a condition over `relation r` (with its events f and t) selects,
    // :uid bound to `uid`.
    void touchRelationsWhere(const QString &condition, const QString &uid);
    [[nodiscard]] QString uidOf(const QString &table, qint64 id) const;
    // Writes the revision: the touched items' differences, author and note; its number, or 0
    // when it could not be written (error says why).
    qint64 writeRevision(const QString &kind, const QString &summary, StoreError *error);
    // The database before an import: the rows past these ids are the import's.
    struct BeforeImport {
        qint64 maxEventId = 0;
        qint64 maxSourceId = 0;
        QString title;
    };
    // The import's one revision: the touched (updated) items field by field, then one "*"
    // change for each event and source it added, and the dataset's title if it set one.
    bool recordImport(const QString &fileName, const ImportSummary &counts,
                      const BeforeImport &before, StoreError *error);

    // ---- The rows of the history (SqliteRevisionRows.cpp; schema version 10) ----
    // The ids of items and field names one revision's rows used so far, and its last row.
    struct RevisionRowIds {
        QHash<QString, qint64> items; // by "entity:uid"
        QHash<QString, qint64> fields;
        qint64 seq = 0;
    };
    // Appends one change row to revision `revision` (its item and field named once, in
    // revision_item and revision_field).
    bool writeRevisionChange(qint64 revision, const RevisionChange &change, RevisionRowIds *ids,
                             StoreError *error);
    // Writes a `modified` change to revision_modified (schema version 12): `place` of its
    // item's other changes in the revision come before it (SqliteRevisionModified.h).
    bool writeModifiedChange(qint64 revision, const RevisionChange &change, qsizetype place,
                             RevisionRowIds *ids, StoreError *error);
    // The id of the change's item in revision_item, added if new; 0 when it could not be.
    qint64 revisionItemId(const RevisionChange &change, RevisionRowIds *ids, StoreError *error);
    // One "*" change with no values for every row of `table` ("event" or "source") past
    // `maxId`, appended to revision `revision` after its rows so far (an import's added items).
    bool writeAddedItems(qint64 revision, const QString &table, qint64 maxId, StoreError *error);
    [[nodiscard]] qint64 lastRevisionSeq(qint64 revision) const;
    // ---- New values from what came after (SqliteRevisionNewValues.cpp; schema version 11) ----
    // A field change is stored with its old value only; these fill in the new values of
    // `changes` (in their order) marked in `lacking`. `complete`: `changes` holds every change
    // of each such item after its first lacking one (else the rest are read).
    void fillNewValues(const QList<RevisionChange *> &changes, const QList<bool> &lacking,
                       bool complete) const;
    // The items `keys` ("entity\nuid") as they are now, as their revisions record them.
    [[nodiscard]] QHash<QString, std::optional<QJsonObject>>
    itemsNow(const QStringList &keys) const;
    // One item's changes from revision `from` on, in order, with their lacking new values.
    [[nodiscard]] QList<RevisionChange> itemChangesFrom(const QString &entity, const QString &uid,
                                                        qint64 from, QList<bool> *lacking) const;

    QString m_connectionName;
    // std::unordered_map: references to its elements survive rehashing (QHash's do not).
    mutable std::unordered_map<QString, QSqlQuery> m_statements;
    mutable QSqlQuery m_failedStatement;
    // Ids looked up or written in the current write transaction, emptied when one begins or
    // ends and after deletes: a bulk import asks for the same few names on every row.
    QHash<QString, QHash<QString, qint64>> m_nameIds; // by table, then name
    QHash<QString, qint64> m_categoryIds;             // by name
    QHash<QString, qint64> m_sourceIds;               // by uid
    RevisionRecorder m_revision{*this};               // the items the write in progress touches
    bool m_inWrite = false;
    // The indexes' words, loaded at the first search that needs them, kept up to date with
    // this connection's writes and loaded again after another connection's (data_version).
    mutable SearchVocabulary m_vocabulary;
    mutable qint64 m_vocabularyDataVersion = -1;
    QStringList m_wordsWritten; // by the write in progress, added at its commit
};
