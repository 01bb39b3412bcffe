#include "DatabaseFileTestUtil.h"
#include "StoreConnectionTestUtil.h"
#include "StoreLocationTestUtil.h"
#include "model/EventSearch.h"
#include "model/ImportPreview.h"
#include "model/store/TimelineStore.h"
#include "model/store/sqlite/SqliteSchemaMigrations.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray fileHash(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

Dataset smallDataset() {
    Dataset dataset;
    dataset.title = u"Test"_s;
    dataset.categories = {
        Category{0, u"us-export-control"_s, u"US export controls"_s, QColor(u"#c0392b"_s), 1},
        Category{0, u"industry"_s, u"Industry"_s, QColor(u"#2e86c1"_s), 2},
    };
    Source seed;
    seed.uid = u"00000000-0000-4000-8000-000000000001"_s;
    seed.title = u"DeepSeek verschiebt Modellstart nach Problemen mit Huaweis KI-Chips"_s;
    seed.outlet = u"Eulerpool News"_s;
    seed.published = PartialDate::fromYmd(2025, 8, 15);
    seed.language = u"de"_s;
    seed.authors = {u"Muster, Erika"_s, u"Reuters"_s};
    Source web;
    web.uid = u"00000000-0000-4000-8000-000000000002"_s;
    web.kind = u"official"_s;
    web.title = u"Commerce implements new export controls"_s;
    web.url = u"https://www.bis.gov/press-release/x"_s;
    dataset.sources = {seed, web};

    Event h20;
    h20.uid = u"10000000-0000-4000-8000-000000000001"_s;
    h20.title = u"H20 licence requirement in force"_s;
    h20.summary = u"Exportbeschränkungen for the **H20**."_s;
    h20.start = PartialDate::fromYmd(2025, 4, 9);
    h20.end = PartialDate::fromYmd(2025, 7, 14);
    h20.category = u"us-export-control"_s;
    h20.importance = 3;
    h20.actors = {u"US government"_s, u"Nvidia"_s};
    h20.chips = {u"H20"_s, u"MI308"_s};
    h20.tags = {u"licence"_s};
    h20.citations = {Citation{web.uid, QString(), QString()},
                     Citation{seed.uid, u"Die US-Regierung hat im April 2025 …"_s, u"para. 4"_s}};
    Event ascend;
    ascend.uid = u"10000000-0000-4000-8000-000000000002"_s;
    ascend.title = u"Huawei readies Ascend 910C mass shipments"_s;
    ascend.start = PartialDate::fromYearMonth(2025, 4);
    ascend.category = u"industry"_s;
    ascend.status = EventStatus::Reported;
    ascend.importance = 1;
    ascend.actors = {u"Huawei"_s};
    ascend.chips = {u"Ascend 910C"_s};
    ascend.citations = {Citation{seed.uid, u"Huawei-Chips"_s, {}}};
    Event claim;
    claim.uid = u"10000000-0000-4000-8000-000000000003"_s;
    claim.title = u"Claim: R1 trained on 50,000 Hopper GPUs"_s;
    claim.start = PartialDate::fromYear(2025);
    claim.category = u"industry"_s;
    claim.status = EventStatus::Reported;
    dataset.events = {h20, ascend, claim};
    return dataset;
}

QList<QStringList> rowsOf(const QSqlDatabase &db, const QString &sql, int columns) {
    QList<QStringList> rows;
    QSqlQuery query(db);
    if (!query.exec(sql))
        return {{u"error: "_s + query.lastError().text()}};
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < columns; ++i)
            row << query.value(i).toString();
        rows << row;
    }
    return rows;
}

// A database file as an older ChipTimeline left it: its migrations up to `version`, then
// `rows`. (Failures are reported through QTest; the caller checks currentTestFailed().)
void writeOldDatabase(const QString &file, int version, const QStringList &rows) {
    const QString name = u"old-v%1"_s.arg(version);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const SchemaMigration &migration : schemaMigrations())
            if (migration.version <= version)
                for (const QString &statement : migration.statements)
                    QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        for (const QString &statement : rows)
            QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

// The rows the search index `table` (event_fts or source_fts; on a server event_search or
// source_search) matches for an FTS5 `query`, in id order.
QList<qint64> matches(const TimelineStore &store, const QString &table, const QString &query) {
    QList<qint64> ids;
    QSqlQuery select(connectionOf(store));
    if (StoreLocations::onServer()) {
        const bool events = table == u"event_fts"_s;
        select.prepare(u"SELECT %1 FROM %2 WHERE document @@ to_tsquery('chiptimeline_search', "
                       ":q) ORDER BY %1"_s.arg(events ? u"event_id"_s : u"source_id"_s,
                                               events ? u"event_search"_s : u"source_search"_s));
        select.bindValue(u":q"_s, PostgresDetail::tsqueryFromFts(query));
    } else {
        select.prepare(u"SELECT rowid FROM %1 WHERE %1 MATCH :q ORDER BY rowid"_s.arg(table));
        select.bindValue(u":q"_s, query);
    }
    if (select.exec())
        while (select.next())
            ids << select.value(0).toLongLong();
    return ids;
}

QStringList titles(const QList<Event> &events) {
    QStringList result;
    for (const Event &event : events)
        result << event.title;
    return result;
}

} // namespace

class TestTimelineStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void createsCurrentSchemaWithWal();
    void importAndReadBack();
    void ordersByPartialDate();
    void filters();
    void fullTextSearchFoldsDiacritics();
    void importIsAllOrNothing();
    void badRecordLateInALargeImportChangesNothing_data();
    void badRecordLateInALargeImportChangesNothing();
    void importPolicies();
    void uidRepeatedWithinTheFile_data();
    void uidRepeatedWithinTheFile();
    void saveAndDeleteEventCascades();
    void mergesDuplicateSourcesOnImport();
    void refusesEndBeforeStart();
    void refusesNonSqliteFileUntouched();
    void refusesForeignSqliteFileUntouched();
    void refusesNewerSchemaUntouched();
    void readOnlyRefusesWrites();
    void migratesFromVersion1WithBackup();
    void statusCheckedWithoutATemporaryIndex();
    void importIndexesAsTheTriggersWould();
    void changeTrackingWorksAfterImports();
    void searchIndexFollowsEveryChange();
    void migratesFromVersion3WithItsIndex();
    void largeImportRebuildsSecondaryIndexes();
    void datasetIsWhatTheReadersGive();
    void newestRevisionIsOneQuery();

private:
    StoreLocations m_locations;
    // The timeline `name` of this test: a file, or a fresh database on the server.
    QString path(const QString &name) { return m_locations.location(name); }
};

// Cases about SQLite's file (its header, pragmas, migrations, backups, the FTS5 tables'
// columns) run only against SQLite: a server has no file, and its schema (search documents
// included) is tested in tst_postgresschema.
#define SQLITE_FILE_ONLY()                                                                         \
    do {                                                                                           \
        if (StoreLocations::onServer())                                                            \
            QSKIP("about SQLite's file or its FTS5 tables; not a server's case");                  \
    } while (false)

void TestTimelineStore::initTestCase() {
    if (!m_locations.start()) {
        if (m_locations.skipped())
            QSKIP("CHIPTIMELINE_TEST_PG is not set: no PostgreSQL server to test against "
                  "(scripts/test starts one with scripts/pg-cluster)");
        QFAIL("the PostgreSQL server CHIPTIMELINE_TEST_PG names cannot be used");
    }
}

void TestTimelineStore::init() {
    QVERIFY(m_locations.beginTest());
}

void TestTimelineStore::cleanup() {
    m_locations.endTest();
}

void TestTimelineStore::cleanupTestCase() {
    m_locations.stop();
}

void TestTimelineStore::createsCurrentSchemaWithWal() {
    SQLITE_FILE_ONLY();
    StoreError error;
    auto store = TimelineStore::open(path(u"new.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    QCOMPARE(store->schemaVersion(), latestSchemaVersion());
    QCOMPARE(store->schemaVersion(), 13);
    QVERIFY(!store->isReadOnly());
    QSqlQuery query(connectionOf(*store));
    QVERIFY(query.exec(u"PRAGMA journal_mode"_s) && query.next());
    QCOMPARE(query.value(0).toString(), u"wal"_s);
    QVERIFY(query.exec(u"PRAGMA foreign_keys"_s) && query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    QVERIFY(query.exec(u"PRAGMA page_size"_s) && query.next());
    QCOMPARE(query.value(0).toInt(), 16384);
    QVERIFY(query.exec(u"PRAGMA cache_size"_s) && query.next());
    QCOMPARE(query.value(0).toInt(), -32768); // 32 MB, whatever the page size
    QCOMPARE(store->eventCount(), 0);
    QVERIFY(store->backupPath().isEmpty());
}

void TestTimelineStore::importAndReadBack() {
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    QVERIFY(store);
    ImportSummary summary;
    QVERIFY2(store->importDataset(smallDataset(), ImportPolicy::Skip, &summary, &error),
             qPrintable(error.message));
    QCOMPARE(summary.eventsAdded, 3);
    QCOMPARE(summary.sourcesAdded, 2);
    QCOMPARE(summary.categoriesAdded, 2);

    const auto h20 = store->eventByUid(u"10000000-0000-4000-8000-000000000001"_s);
    QVERIFY(h20);
    const Event expected = smallDataset().events.at(0);
    QCOMPARE(h20->title, expected.title);
    QCOMPARE(h20->summary, expected.summary);
    QCOMPARE(h20->start, expected.start);
    QCOMPARE(h20->end, expected.end);
    QCOMPARE(h20->category, expected.category);
    QCOMPARE(h20->importance, 3);
    QCOMPARE(h20->actors, expected.actors);
    QCOMPARE(h20->chips, expected.chips);
    QCOMPARE(h20->tags, expected.tags);
    QCOMPARE(h20->citations, expected.citations);
    QVERIFY(h20->created.isValid());

    const auto seed = store->sourceByUid(u"00000000-0000-4000-8000-000000000001"_s);
    QVERIFY(seed);
    Source expectedSource = smallDataset().sources.at(0);
    expectedSource.id = seed->id;
    QCOMPARE(*seed, expectedSource);

    const QList<Category> categories = store->categories();
    QCOMPARE(categories.size(), 2);
    QCOMPARE(categories.at(0).name, u"us-export-control"_s);
    QCOMPARE(categories.at(0).color, QColor(u"#c0392b"_s));
    QCOMPARE(store->actorNames(), (QStringList{u"Huawei"_s, u"Nvidia"_s, u"US government"_s}));

    // The whole database comes back as the dataset that went in.
    Dataset back = store->dataset();
    QCOMPARE(back.title, u"Test"_s);
    QCOMPARE(back.events.size(), 3);
    QCOMPARE(back.sources.size(), 2);
}

void TestTimelineStore::ordersByPartialDate() {
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    QVERIFY(store->importDataset(smallDataset(), ImportPolicy::Skip, nullptr, &error));
    // "2025" starts on 1 January, "April 2025" on 1 April, the range on 9 April.
    QCOMPARE(titles(store->events()), (QStringList{u"Claim: R1 trained on 50,000 Hopper GPUs"_s,
                                                   u"Huawei readies Ascend 910C mass shipments"_s,
                                                   u"H20 licence requirement in force"_s}));
}

void TestTimelineStore::filters() {
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    QVERIFY(store->importDataset(smallDataset(), ImportPolicy::Skip, nullptr, &error));

    EventFilter byActor;
    byActor.actors = {u"Nvidia"_s};
    QCOMPARE(titles(store->events(byActor)), QStringList{u"H20 licence requirement in force"_s});

    EventFilter byStatus;
    byStatus.statuses = {EventStatus::Reported};
    QCOMPARE(store->events(byStatus).size(), 2);

    EventFilter unsourced;
    unsourced.hasSources = false;
    QCOMPARE(titles(store->events(unsourced)),
             QStringList{u"Claim: R1 trained on 50,000 Hopper GPUs"_s});

    // May 2025 overlaps the range (April–July) and the year "2025", not "April 2025".
    EventFilter may;
    may.fromJulianDay = QDate(2025, 5, 1).toJulianDay();
    may.toJulianDay = QDate(2025, 5, 31).toJulianDay();
    QCOMPARE(titles(store->events(may)), (QStringList{u"Claim: R1 trained on 50,000 Hopper GPUs"_s,
                                                      u"H20 licence requirement in force"_s}));

    EventFilter nobody;
    nobody.actors = {u"Nobody at all"_s};
    QVERIFY(store->events(nobody).isEmpty());

    EventFilter combined;
    combined.categories = {u"industry"_s};
    combined.chips = {u"Ascend 910C"_s};
    QCOMPARE(titles(store->events(combined)),
             QStringList{u"Huawei readies Ascend 910C mass shipments"_s});
}

void TestTimelineStore::fullTextSearchFoldsDiacritics() {
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    QVERIFY(store->importDataset(smallDataset(), ImportPolicy::Skip, nullptr, &error));
    EventFilter filter;
    filter.query = u"exportbeschrankungen"_s;
    QCOMPARE(titles(store->events(filter)), QStringList{u"H20 licence requirement in force"_s});
    filter.query = u"mi308"_s; // a chip name is searchable through the event
    QCOMPARE(titles(store->events(filter)), QStringList{u"H20 licence requirement in force"_s});
    filter.query = u"huawei"_s; // an actor and a title word
    QCOMPARE(titles(store->events(filter)),
             QStringList{u"Huawei readies Ascend 910C mass shipments"_s});

    // Renaming keeps the index in step (triggers).
    Event event = *store->eventByUid(u"10000000-0000-4000-8000-000000000002"_s);
    event.title = u"Ascend shipments begin"_s;
    event.actors = {u"SMIC"_s};
    QVERIFY(store->saveEvent(event, &error));
    filter.query = u"huawei"_s;
    QVERIFY(store->events(filter).isEmpty());
    filter.query = u"smic"_s;
    QCOMPARE(titles(store->events(filter)), QStringList{u"Ascend shipments begin"_s});
}

void TestTimelineStore::importIsAllOrNothing() {
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    Dataset broken = smallDataset();
    broken.events[2].citations = {Citation{u"no-such-source"_s, {}, {}}};
    QVERIFY(!store->importDataset(broken, ImportPolicy::Skip, nullptr, &error));
    QCOMPARE(error.kind, StoreError::Kind::Invalid);
    QVERIFY2(error.message.endsWith(
                 u"event 'Claim: R1 trained on 50,000 Hopper GPUs' cites source no-such-source, "
                 "which is not in the database"_s),
             qPrintable(error.message));
    QCOMPARE(store->eventCount(), 0);
    QCOMPARE(store->sourceCount(), 0);
    QVERIFY(store->categories().isEmpty());
}

void TestTimelineStore::badRecordLateInALargeImportChangesNothing_data() {
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("message");
    QTest::newRow("importance out of range")
        << u"importance"_s << u"event 'Large import 4990' has importance 7 (allowed: 1 to 3)"_s;
    QTest::newRow("cites a source not stored")
        << u"citation"_s
        << u"event 'Large import 4990' cites source no-such-source, which is not in the "
           "database"_s;
}

// 5,000 new events (the server sends them in batches of 2,000) and a new source; the event
// at 4,990 is bad, so two batches were already sent when it is met: nothing stays.
void TestTimelineStore::badRecordLateInALargeImportChangesNothing() {
    QFETCH(QString, fault);
    QFETCH(QString, message);
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    QVERIFY2(store->importDataset(smallDataset(), ImportPolicy::Skip, nullptr, &error),
             qPrintable(error.message));
    Dataset large;
    Source source;
    source.uid = u"20000000-0000-4000-8000-000000000001"_s;
    source.title = u"Large import source"_s;
    large.sources = {source};
    for (int i = 0; i < 5000; ++i) {
        Event event;
        event.uid = u"30000000-0000-4000-8000-%1"_s.arg(i, 12, 10, QChar(u'0'));
        event.title = u"Large import %1"_s.arg(i);
        event.start = PartialDate::fromYmd(2020, 1 + i % 12, 1 + i % 28);
        event.category = u"large-import"_s;
        event.actors = {u"Actor %1"_s.arg(i % 7)};
        event.tags = {u"large"_s};
        event.citations = {Citation{source.uid, u"quote %1"_s.arg(i), {}}};
        large.events << event;
    }
    Event &bad = large.events[4990];
    if (fault == u"importance"_s)
        bad.importance = 7;
    else
        bad.citations = {Citation{u"no-such-source"_s, {}, {}}};
    QVERIFY(!store->importDataset(large, ImportPolicy::Skip, nullptr, &error));
    QCOMPARE(error.kind, StoreError::Kind::Invalid);
    QVERIFY2(error.message.endsWith(message), qPrintable(error.message));
    QCOMPARE(store->eventCount(), 3);
    QCOMPARE(store->sourceCount(), 2);
    QVERIFY(!store->eventByUid(large.events.at(0).uid));
    QVERIFY(!store->sourceByUid(source.uid));
    QCOMPARE(store->actorNames(), (QStringList{u"Huawei"_s, u"Nvidia"_s, u"US government"_s}));
    QVERIFY(!store->tagNames().contains(u"large"_s));
    QCOMPARE(store->categories().size(), 2);
    EventFilter filter;
    filter.query = u"large"_s;
    QVERIFY(store->events(filter).isEmpty());
    QCOMPARE(store->countSources(u"large"_s), 0);
}

void TestTimelineStore::importPolicies() {
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    QVERIFY(store->importDataset(smallDataset(), ImportPolicy::Skip, nullptr, &error));

    Dataset changed = smallDataset();
    changed.events[0].title = u"H20 licence requirement (updated)"_s;
    ImportSummary summary;
    QVERIFY(store->importDataset(changed, ImportPolicy::Skip, &summary, &error));
    QCOMPARE(summary.eventsSkipped, 3);
    QCOMPARE(summary.eventsAdded, 0);
    QCOMPARE(store->eventByUid(changed.events[0].uid)->title,
             u"H20 licence requirement in force"_s);

    QVERIFY(store->importDataset(changed, ImportPolicy::Update, &summary, &error));
    QCOMPARE(summary.eventsUpdated, 3);
    QCOMPARE(summary.sourcesUpdated, 2);
    QCOMPARE(store->eventByUid(changed.events[0].uid)->title,
             u"H20 licence requirement (updated)"_s);
    QCOMPARE(store->eventCount(), 3);

    QVERIFY(store->importDataset(changed, ImportPolicy::KeepBoth, &summary, &error));
    QCOMPARE(summary.eventsAdded, 3);
    QCOMPARE(summary.sourcesAdded, 2);
    QCOMPARE(store->eventCount(), 6);
    QCOMPARE(store->sourceCount(), 4);
}

void TestTimelineStore::uidRepeatedWithinTheFile_data() {
    QTest::addColumn<bool>("eventsStored");
    QTest::addColumn<ImportPolicy>("policy");
    // Into a database without events the import finds the uids it wrote in memory; with
    // events stored, through the uid index. Both must give the same.
    for (const bool stored : {false, true}) {
        const char *where = stored ? "beside a stored event" : "into no events";
        QTest::addRow("%s, skip", where) << stored << ImportPolicy::Skip;
        QTest::addRow("%s, update", where) << stored << ImportPolicy::Update;
        QTest::addRow("%s, keep both", where) << stored << ImportPolicy::KeepBoth;
    }
}

// A file that lists the same uid twice: the second is matched with the first, as with a
// stored event, and the policy applies.
void TestTimelineStore::uidRepeatedWithinTheFile() {
    QFETCH(bool, eventsStored);
    QFETCH(ImportPolicy, policy);
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    if (eventsStored) {
        Event other;
        other.title = u"An event stored before"_s;
        other.start = PartialDate::fromYmd(2024, 12, 2);
        QVERIFY2(store->saveEvent(other, &error), qPrintable(error.message));
    }
    Dataset file = smallDataset();
    Event again = file.events.at(0);
    again.title = u"H20 licence requirement, second record"_s;
    again.citations.clear();
    file.events.append(again);
    ImportSummary summary;
    QVERIFY2(store->importDataset(file, policy, &summary, &error), qPrintable(error.message));
    const int before = eventsStored ? 1 : 0;
    const QString uid = file.events.at(0).uid;
    switch (policy) {
    case ImportPolicy::Skip:
        QCOMPARE(summary.eventsAdded, 3);
        QCOMPARE(summary.eventsSkipped, 1);
        QCOMPARE(store->eventByUid(uid)->title, u"H20 licence requirement in force"_s);
        QCOMPARE(store->eventCount(), before + 3);
        break;
    case ImportPolicy::Update:
        QCOMPARE(summary.eventsAdded, 3);
        QCOMPARE(summary.eventsUpdated, 1);
        QCOMPARE(store->eventByUid(uid)->title, u"H20 licence requirement, second record"_s);
        QCOMPARE(store->eventByUid(uid)->citations.size(), 0);
        QCOMPARE(store->eventCount(), before + 3);
        break;
    case ImportPolicy::KeepBoth: {
        QCOMPARE(summary.eventsAdded, 4);
        QCOMPARE(store->eventByUid(uid)->title, u"H20 licence requirement in force"_s);
        QCOMPARE(store->eventCount(), before + 4);
        const QList<Event> events = store->events();
        const auto second = std::find_if(events.cbegin(), events.cend(), [](const Event &event) {
            return event.title == u"H20 licence requirement, second record"_s;
        });
        QVERIFY(second != events.cend());
        QVERIFY(second->uid != uid && !second->uid.isEmpty());
        break;
    }
    }
}

void TestTimelineStore::mergesDuplicateSourcesOnImport() {
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    QVERIFY(store->importDataset(smallDataset(), ImportPolicy::Skip, nullptr, &error));

    // The BIS page again, from a citation manager: another uid, the address written
    // differently (http, no www, trailing slash), and an author the store did not have.
    Dataset again;
    Source same;
    same.uid = u"99999999-0000-4000-8000-000000000002"_s;
    same.kind = u"official"_s;
    same.title = u"Commerce implements new export controls"_s;
    same.url = u"http://bis.gov/press-release/x/"_s;
    same.authors = {u"Bureau of Industry and Security"_s};
    Event event;
    event.uid = u"20000000-0000-4000-8000-000000000001"_s;
    event.title = u"Cites the duplicate"_s;
    event.start = PartialDate::fromYmd(2022, 10, 7);
    event.citations = {Citation{same.uid, u"q"_s, {}}};
    again.sources = {same, same}; // and twice within the same file
    again.sources[1].uid = u"99999999-0000-4000-8000-000000000003"_s;
    again.events = {event};

    ImportSummary summary;
    QVERIFY2(store->importDataset(again, ImportPolicy::Update, &summary, &error),
             qPrintable(error.message));
    QCOMPARE(summary.sourcesAdded, 0);
    QCOMPARE(summary.sourcesUpdated, 2);
    QCOMPARE(store->sourceCount(), 2);
    // The event cites the stored source, which gained the author.
    const auto stored = store->sourceByUid(u"00000000-0000-4000-8000-000000000002"_s);
    QVERIFY(stored);
    QCOMPARE(stored->authors, QStringList{u"Bureau of Industry and Security"_s});
    QCOMPARE(stored->url, u"https://www.bis.gov/press-release/x"_s);
    QCOMPARE(store->eventByUid(event.uid)->citations.constFirst().sourceUid, stored->uid);
}

void TestTimelineStore::saveAndDeleteEventCascades() {
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    QVERIFY(store->importDataset(smallDataset(), ImportPolicy::Skip, nullptr, &error));
    Event event;
    event.title = u"New event"_s;
    event.start = PartialDate::fromYmd(2026, 1, 14);
    event.category = u"china-policy"_s; // created on the fly
    event.chips = {u"H200"_s};
    event.citations = {Citation{u"00000000-0000-4000-8000-000000000002"_s, u"q"_s, {}}};
    QVERIFY2(store->saveEvent(event, &error), qPrintable(error.message));
    QVERIFY(event.id > 0);
    QCOMPARE(event.uid.size(), 36);
    QCOMPARE(store->categories().size(), 3);
    QCOMPARE(store->event(event.id)->citations.size(), 1);

    QVERIFY(store->deleteEvent(event.id, &error));
    QVERIFY(!store->event(event.id));
    QSqlQuery query(connectionOf(*store));
    QVERIFY(query.exec(u"SELECT count(*) FROM event_source WHERE event_id = %1"_s.arg(event.id)));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    QVERIFY(query.exec(u"SELECT count(*) FROM event_chip WHERE event_id = %1"_s.arg(event.id)));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);

    // Deleting a source removes its links but keeps the events.
    const qint64 webId = store->sourceByUid(u"00000000-0000-4000-8000-000000000002"_s)->id;
    QVERIFY(store->deleteSource(webId, &error));
    QCOMPARE(store->eventByUid(u"10000000-0000-4000-8000-000000000001"_s)->citations.size(), 1);
}

void TestTimelineStore::refusesEndBeforeStart() {
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    Event event;
    event.title = u"Backwards"_s;
    event.start = PartialDate::fromYmd(2025, 8, 12);
    event.end = PartialDate::fromYmd(2025, 8, 11);
    QVERIFY(!store->saveEvent(event, &error));
    QCOMPARE(error.kind, StoreError::Kind::Invalid);
    QVERIFY2(error.message.endsWith(
                 u"event 'Backwards' ends (2025-08-11) before it starts (2025-08-12)"_s),
             qPrintable(error.message));
    event.end = PartialDate::fromYearMonth(2025, 8); // the month contains the start: fine
    QVERIFY2(store->saveEvent(event, &error), qPrintable(error.message));
    event.title = u"   "_s;
    QVERIFY(!store->saveEvent(event, &error));
    QVERIFY(error.message.contains(u"has no title"_s));
    QCOMPARE(store->eventCount(), 1);
}

void TestTimelineStore::refusesNonSqliteFileUntouched() {
    SQLITE_FILE_ONLY();
    const QString file = path(u"notes.sqlite"_s);
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("These are my notes, not a database.\n");
    }
    const QByteArray before = fileHash(file);
    StoreError error;
    QVERIFY(!TimelineStore::open(file, &error));
    QCOMPARE(error.kind, StoreError::Kind::NotADatabase);
    QCOMPARE(error.message,
             file + u": not a ChipTimeline database (not an SQLite file); left untouched"_s);
    QCOMPARE(fileHash(file), before);
    QVERIFY(!QFile::exists(file + u"-wal"_s));
}

void TestTimelineStore::refusesForeignSqliteFileUntouched() {
    SQLITE_FILE_ONLY();
    const QString file = path(u"other.sqlite"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign"_s);
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery(db).exec(u"CREATE TABLE contacts(name TEXT)"_s);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"foreign"_s);
    const QByteArray before = fileHash(file);
    StoreError error;
    QVERIFY(!TimelineStore::open(file, &error));
    QCOMPARE(error.kind, StoreError::Kind::NotADatabase);
    QCOMPARE(error.message,
             file + u": an SQLite file, but not a ChipTimeline database; left untouched"_s);
    QCOMPARE(fileHash(file), before);
}

void TestTimelineStore::refusesNewerSchemaUntouched() {
    SQLITE_FILE_ONLY();
    const QString file = path(u"future.sqlite"_s);
    {
        StoreError error;
        auto store = TimelineStore::open(file, &error);
        QVERIFY(store);
        QSqlQuery query(connectionOf(*store));
        QVERIFY(query.exec(u"UPDATE meta SET value = '99' WHERE key = 'schema_version'"_s));
        QVERIFY(query.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
    }
    const QByteArray before = fileHash(file);
    StoreError error;
    QVERIFY(!TimelineStore::open(file, &error));
    QCOMPARE(error.kind, StoreError::Kind::TooNew);
    QCOMPARE(error.message,
             file + u": written by a newer ChipTimeline (schema version 99; this version reads "
                    "up to 13); left untouched"_s);
    QCOMPARE(fileHash(file), before);
}

void TestTimelineStore::readOnlyRefusesWrites() {
    const QString file = path(u"ro.sqlite"_s);
    {
        StoreError error;
        auto store = TimelineStore::open(file, &error);
        QVERIFY(store->importDataset(smallDataset(), ImportPolicy::Skip, nullptr, &error));
    }
    StoreError error;
    auto store = TimelineStore::open(file, &error, TimelineStore::OpenMode::ReadOnly);
    QVERIFY2(store, qPrintable(error.message));
    QVERIFY(store->isReadOnly());
    QCOMPARE(store->eventCount(), 3);
    Event event = store->events().constFirst();
    event.title = u"Changed"_s;
    QVERIFY(!store->saveEvent(event, &error));
    QCOMPARE(error.kind, StoreError::Kind::ReadOnly);
    QCOMPARE(error.message, file + u": opened read-only; nothing was changed"_s);
    QCOMPARE(store->events().constFirst().title, u"Claim: R1 trained on 50,000 Hopper GPUs"_s);
}

void TestTimelineStore::migratesFromVersion1WithBackup() {
    SQLITE_FILE_ONLY();
    const QString file = path(u"v1.sqlite"_s);
    writeOldDatabase(
        file, 1,
        {u"INSERT INTO meta VALUES ('schema_version', '1')"_s,
         u"INSERT INTO event(uid, title, summary, start_year, start_month, first_day, last_day, "
         "created, modified) VALUES ('u1', 'Exportkontrollen für Chips', '', 2022, 10, %1, %2, "
         "'2022-10-07T00:00:00Z', '2022-10-07T00:00:00Z')"_s.arg(QDate(2022, 10, 1).toJulianDay())
             .arg(QDate(2022, 10, 31).toJulianDay()),
         u"INSERT INTO actor(name) VALUES ('US Commerce/BIS')"_s,
         u"INSERT INTO event_actor(event_id, actor_id) VALUES (1, 1)"_s});
    if (QTest::currentTestFailed())
        return;
    const QByteArray original = fileHash(file);

    StoreError error;
    auto store = TimelineStore::open(file, &error);
    QVERIFY2(store, qPrintable(error.message));
    QCOMPARE(store->schemaVersion(), 13);
    // Its history starts at the upgrade, with one revision and no changes.
    const QList<Revision> history = store->revisions({{}, {}, {}, {}, true});
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().kind, u"start"_s);
    QCOMPARE(history.first().summary, u"history starts here"_s);
    QCOMPARE(history.first().changes.size(), 0);
    QVERIFY(!store->backupPath().isEmpty());
    QVERIFY(QFile::exists(store->backupPath()));
    QVERIFY(store->backupPath().startsWith(file + u".v1-"_s));

    const QList<Event> events = store->events();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).start, PartialDate::fromYearMonth(2022, 10));
    QCOMPARE(events.at(0).actors, QStringList{u"US Commerce/BIS"_s});
    // Rows that existed before the upgrade are in the new full-text index.
    EventFilter filter;
    filter.query = u"fur"_s;
    QCOMPARE(store->events(filter).size(), 1);
    filter.query = u"bis"_s;
    QCOMPARE(store->events(filter).size(), 1);
    verifyDatabaseIntegrity(connectionOf(*store));
    // The backup is the version-1 file as it was.
    auto backup =
        TimelineStore::open(store->backupPath(), &error, TimelineStore::OpenMode::ReadOnly);
    QVERIFY(!backup);
    QVERIFY2(error.message.contains(u"needs upgrading from schema version 1"_s),
             qPrintable(error.message));
    Q_UNUSED(original);
}

// Schema version 13 writes the event's status check and the history item's entity check as
// comparisons (an IN list of three or more made SQLite build a temporary index for every row
// written): on a new file and on one upgraded from version 1, in the tables' text and for a
// second connection, the same values are allowed and nothing else.
void TestTimelineStore::statusCheckedWithoutATemporaryIndex() {
    SQLITE_FILE_ONLY();
    const QString upgraded = path(u"v1-status.sqlite"_s);
    writeOldDatabase(upgraded, 1, {u"INSERT INTO meta VALUES ('schema_version', '1')"_s});
    if (QTest::currentTestFailed())
        return;
    for (const QString &file : {path(u"new-status.sqlite"_s), upgraded}) {
        StoreError error;
        auto store = TimelineStore::open(file, &error);
        QVERIFY2(store, qPrintable(error.message));
        QCOMPARE(store->schemaVersion(), 13);
        QSqlQuery query(connectionOf(*store));
        QVERIFY(query.exec(u"SELECT sql FROM sqlite_master WHERE name = 'event'"_s) &&
                query.next());
        const QString text = query.value(0).toString();
        QVERIFY2(text.contains(u"CHECK (status = 'confirmed' OR status = 'reported' OR "
                               "status = 'disputed')"_s),
                 qPrintable(text));
        QVERIFY(!text.contains(u"status IN"_s));
        QVERIFY(query.exec(u"SELECT sql FROM sqlite_master WHERE name = 'revision_item'"_s) &&
                query.next());
        const QString itemText = query.value(0).toString();
        QVERIFY2(itemText.contains(u"CHECK (entity = 'event' OR entity = 'source'"_s),
                 qPrintable(itemText));
        QVERIFY(!itemText.contains(u"entity IN"_s));
        query.finish();
        // A second connection reads the new text too (the schema cookie moved on).
        QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"status-check"_s);
        other.setDatabaseName(file);
        QVERIFY(other.open());
        // Rows written past the store's connection and rolled back: they are in no search
        // index, and the history is never rewritten.
        QVERIFY(other.transaction());
        {
            QSqlQuery insert(other);
            const auto insertWith = [&](const QString &status) {
                return insert.exec(
                    u"INSERT INTO event(uid, title, start_year, first_day, last_day, status, "
                    "created, modified) VALUES ('s-%1', 'Status %1', 2025, 1, 1, '%1', "
                    "'2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')"_s.arg(status));
            };
            for (const QString &status : {u"confirmed"_s, u"reported"_s, u"disputed"_s})
                QVERIFY2(insertWith(status), qPrintable(insert.lastError().text()));
            QVERIFY(!insertWith(u"rumoured"_s));
            QVERIFY2(insert.lastError().text().contains(
                         u"CHECK constraint failed: status = 'confirmed' OR status = 'reported' "
                         "OR status = 'disputed'"_s),
                     qPrintable(insert.lastError().text()));
            QVERIFY(!insertWith(u"Confirmed"_s));
            QVERIFY(insert.exec(u"SELECT count(*) FROM event WHERE uid LIKE 's-%'"_s) &&
                    insert.next());
            QCOMPARE(insert.value(0).toInt(), 3);
            const auto insertItem = [&](const QString &entity) {
                return insert.exec(
                    u"INSERT INTO revision_item(entity, uid) VALUES ('%1', 'i-%1')"_s.arg(entity));
            };
            for (const QString &entity :
                 {u"event"_s, u"source"_s, u"category"_s, u"relation"_s, u"dataset"_s})
                QVERIFY2(insertItem(entity), qPrintable(insert.lastError().text()));
            QVERIFY(!insertItem(u"person"_s));
            QVERIFY2(insert.lastError().text().contains(u"CHECK constraint failed: entity"_s),
                     qPrintable(insert.lastError().text()));
        }
        QVERIFY(other.rollback());
        other.close();
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"status-check"_s);
        verifyDatabaseIntegrity(connectionOf(*store));
    }
}

void TestTimelineStore::importIndexesAsTheTriggersWould() {
    SQLITE_FILE_ONLY();
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    Dataset dataset = smallDataset();
    // Names out of their row order, repeated, padded and empty; one source cited by three
    // events, once with an empty quote.
    Event more;
    more.uid = u"10000000-0000-4000-8000-000000000004"_s;
    more.title = u"  Padded title  "_s;
    more.start = PartialDate::fromYmd(2025, 8, 11);
    more.actors = {u"Nvidia"_s, u" Huawei "_s, u"US government"_s, u"Nvidia"_s, u" "_s};
    more.chips = {u"MI308"_s, u"H20"_s};
    more.tags = {u"deal"_s, u"licence"_s};
    more.citations = {Citation{u"00000000-0000-4000-8000-000000000002"_s, u"third"_s, {}},
                      Citation{u"00000000-0000-4000-8000-000000000002"_s, u"again"_s, {}}};
    dataset.events << more;
    QVERIFY2(store->importDataset(dataset, ImportPolicy::Skip, nullptr, &error),
             qPrintable(error.message));
    verifyDatabaseIntegrity(connectionOf(*store));
    QSqlQuery names(connectionOf(*store));
    QVERIFY(names.exec(u"SELECT names FROM event_fts WHERE rowid = 4"_s) && names.next());
    QCOMPARE(names.value(0).toString(), u"US government Nvidia Huawei H20 MI308 licence deal"_s);
    QSqlQuery quotes(connectionOf(*store));
    QVERIFY(quotes.exec(u"SELECT quotes FROM source_fts WHERE rowid = 2"_s) && quotes.next());
    QCOMPARE(quotes.value(0).toString(), u" third"_s); // h20's empty quote, then the new event's

    // Updating: a stored event cites another source, a new event cites a stored source, a
    // source under another uid is merged into the stored one.
    Dataset changed = smallDataset();
    changed.events[0].summary = u"Zeppelin summary"_s;
    changed.events[0].citations = {
        Citation{u"00000000-0000-4000-8000-000000000001"_s, u"umgeschrieben"_s, {}}};
    Event cites;
    cites.uid = u"10000000-0000-4000-8000-000000000005"_s;
    cites.title = u"Cites a stored source"_s;
    cites.start = PartialDate::fromYear(2026);
    cites.actors = {u"MOFCOM"_s};
    cites.citations = {Citation{u"00000000-0000-4000-8000-000000000002"_s, u"neu"_s, {}}};
    changed.events << cites;
    Source merged = changed.sources[1];
    merged.uid = u"99999999-0000-4000-8000-000000000002"_s;
    merged.notes = u"Merged notes"_s;
    changed.sources << merged;
    ImportSummary summary;
    QVERIFY2(store->importDataset(changed, ImportPolicy::Update, &summary, &error),
             qPrintable(error.message));
    QCOMPARE(summary.eventsUpdated, 3);
    QCOMPARE(summary.eventsAdded, 1);
    verifyDatabaseIntegrity(connectionOf(*store));
    QCOMPARE(matches(*store, u"event_fts"_s, u"zeppelin"_s), QList<qint64>{1});
    QCOMPARE(matches(*store, u"source_fts"_s, u"umgeschrieben"_s), QList<qint64>{1});
    QCOMPARE(matches(*store, u"source_fts"_s, u"neu"_s), QList<qint64>{2});

    // Keeping both: new rows for everything, the stored ones untouched.
    QVERIFY2(store->importDataset(changed, ImportPolicy::KeepBoth, &summary, &error),
             qPrintable(error.message));
    QCOMPARE(summary.eventsAdded, 4);
    verifyDatabaseIntegrity(connectionOf(*store));
}

// Imports of 5,000 events or more into a database with fewer drop the secondary indexes and
// write them again at the end: the same indexes, consistent, and back after a failure.
void TestTimelineStore::largeImportRebuildsSecondaryIndexes() {
    SQLITE_FILE_ONLY();
    StoreError error;
    auto store = TimelineStore::open(path(u"large.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    const QString indexesSql =
        u"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "ORDER BY name"_s;
    const QList<QStringList> indexes = rowsOf(connectionOf(*store), indexesSql, 2);
    QStringList names;
    for (const QStringList &index : indexes)
        names << index.value(0);
    QCOMPARE(names, (QStringList{
                        u"event_actor_by_actor"_s, u"event_by_category"_s, u"event_by_first_day"_s,
                        u"event_chip_by_chip"_s, u"event_source_by_source"_s, u"event_tag_by_tag"_s,
                        u"relation_by_to"_s, u"relation_source_by_source"_s, u"revision_by_at"_s,
                        u"revision_change_by_item"_s, u"revision_change_deletions"_s}));

    const auto largeDataset = [](int count, bool withUids, const QString &citedSource) {
        Dataset dataset = smallDataset();
        dataset.events.clear();
        for (int n = 0; n < count; ++n) {
            Event event;
            if (withUids)
                event.uid = u"20000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QChar(u'0'));
            event.title = u"Event %1"_s.arg(n);
            event.start = PartialDate::fromYmd(2020 + n % 6, 1 + n % 12, 1 + n % 28);
            event.category = u"industry"_s;
            event.actors = {n % 2 ? u"Nvidia"_s : u"Huawei"_s, u"MOFCOM"_s};
            event.chips = {u"H20"_s};
            event.tags = {u"tag%1"_s.arg(n % 7)};
            event.citations = {Citation{citedSource, u"quote %1"_s.arg(n), {}}};
            dataset.events << event;
        }
        return dataset;
    };
    const QString seed = smallDataset().sources[0].uid;

    // A failure at the last event: nothing written, every index still there.
    Dataset failing = largeDataset(6000, true, seed);
    failing.events.last().citations = {Citation{u"not-in-the-file"_s, {}, {}}};
    QVERIFY(!store->importDataset(failing, ImportPolicy::Skip, nullptr, &error));
    QCOMPARE(store->eventCount(), 0);
    QCOMPARE(rowsOf(connectionOf(*store), indexesSql, 2), indexes);

    QVERIFY2(
        store->importDataset(largeDataset(6000, true, seed), ImportPolicy::Skip, nullptr, &error),
        qPrintable(error.message));
    QCOMPARE(store->eventCount(), 6000);
    QCOMPARE(rowsOf(connectionOf(*store), indexesSql, 2), indexes);
    QSqlQuery query(connectionOf(*store));
    QVERIFY(query.exec(u"PRAGMA integrity_check"_s) && query.next());
    QCOMPARE(query.value(0).toString(), u"ok"_s);
    // The rebuilt indexes answer as the tables do.
    QCOMPARE(rowsOf(connectionOf(*store),
                    u"SELECT count(*) FROM event_actor INDEXED BY event_actor_by_actor "
                    "WHERE actor_id = (SELECT id FROM actor WHERE name = 'Nvidia')"_s,
                    1),
             QList<QStringList>{{u"3000"_s}});
    QCOMPARE(rowsOf(connectionOf(*store),
                    u"SELECT count(*) FROM event INDEXED BY event_by_first_day "
                    "WHERE first_day >= 0"_s,
                    1),
             QList<QStringList>{{u"6000"_s}});
    verifyDatabaseIntegrity(connectionOf(*store));

    // Events without uids (5,000: matched in memory, so event_by_first_day is rebuilt too);
    // importing them again adds nothing.
    auto other = TimelineStore::open(path(u"large-nouid.sqlite"_s), &error);
    QVERIFY2(other, qPrintable(error.message));
    const Dataset withoutUids = largeDataset(5000, false, seed);
    ImportSummary summary;
    QVERIFY2(other->importDataset(withoutUids, ImportPolicy::Skip, &summary, &error),
             qPrintable(error.message));
    QCOMPARE(summary.eventsAdded, 5000);
    QVERIFY2(other->importDataset(withoutUids, ImportPolicy::Skip, &summary, &error),
             qPrintable(error.message));
    QCOMPARE(summary.eventsSkipped, 5000);
    QCOMPARE(summary.eventsAdded, 0);
    QCOMPARE(rowsOf(connectionOf(*other), indexesSql, 2), indexes);
    verifyDatabaseIntegrity(connectionOf(*other));

    // That many events without uids are matched in memory: as the query would, against the
    // stored events and the file's own earlier ones, the first by id winning, and the
    // preview counts the same.
    Dataset again = largeDataset(1200, false, seed);
    again.events[1].title = again.events[0].title; // a repeat in the file
    again.events[1].start = again.events[0].start;
    again.events[2].title = withoutUids.events[7].title + u"  "_s; // stored; padded
    again.events[2].start = withoutUids.events[7].start;
    for (qsizetype n = 3; n < again.events.size(); ++n) // the rest are new
        again.events[n].title += u" (again)"_s;
    again.events[0].title += u" (first)"_s;
    again.events[1].title = again.events[0].title;
    const ImportSummary expected = ImportPreview::preview(*other, again, ImportPolicy::Update);
    QVERIFY2(other->importDataset(again, ImportPolicy::Update, &summary, &error),
             qPrintable(error.message));
    QCOMPARE(summary.eventsAdded, 1199 - 1);
    QCOMPARE(summary.eventsUpdated, 2);
    QCOMPARE(summary.toString(), expected.toString());
    QCOMPARE(
        rowsOf(connectionOf(*other),
               u"SELECT count(*) FROM event WHERE title = '%1'"_s.arg(withoutUids.events[7].title),
               1),
        QList<QStringList>{{u"1"_s}});
}

void TestTimelineStore::changeTrackingWorksAfterImports() {
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    QVERIFY(store->importDataset(smallDataset(), ImportPolicy::Skip, nullptr, &error));
    // A failed import (the last event cites a source nobody has) changes nothing.
    Dataset broken = smallDataset();
    for (Event &event : broken.events)
        event.uid.replace(u"10000000"_s, u"30000000"_s);
    broken.events.last().citations = {Citation{u"no-such-source"_s, {}, {}}};
    QVERIFY(!store->importDataset(broken, ImportPolicy::Skip, nullptr, &error));
    QCOMPARE(store->eventCount(), 3);
    verifyDatabaseIntegrity(connectionOf(*store));

    // Edits after the imports are indexed by the change tracking as before.
    std::optional<Event> event = store->eventByUid(u"10000000-0000-4000-8000-000000000002"_s);
    QVERIFY(event);
    event->title = u"Huawei readies Zeppelin shipments"_s;
    event->actors = {u"Quokka"_s};
    QVERIFY2(store->saveEvent(*event, &error), qPrintable(error.message));
    QCOMPARE(matches(*store, u"event_fts"_s, u"zeppelin"_s), QList<qint64>{event->id});
    QCOMPARE(matches(*store, u"event_fts"_s, u"quokka"_s), QList<qint64>{event->id});
    std::optional<Source> source = store->sourceByUid(u"00000000-0000-4000-8000-000000000002"_s);
    QVERIFY(source);
    source->notes = u"Wombat"_s;
    QVERIFY2(store->saveSource(*source, &error), qPrintable(error.message));
    QCOMPARE(matches(*store, u"source_fts"_s, u"wombat"_s), QList<qint64>{source->id});
    QVERIFY(store->deleteEvent(event->id, &error));
    QVERIFY(matches(*store, u"event_fts"_s, u"zeppelin"_s).isEmpty());
    verifyDatabaseIntegrity(connectionOf(*store));
}

// Each kind of change, committed on its own: the index then holds exactly the views' text
// (verifyDatabaseIntegrity), so the text a row was indexed with was noted before it changed;
// what was there before is no longer found.
void TestTimelineStore::searchIndexFollowsEveryChange() {
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    QVERIFY2(store->importDataset(smallDataset(), ImportPolicy::Skip, nullptr, &error),
             qPrintable(error.message));
    verifyDatabaseIntegrity(connectionOf(*store));
    const QString seedUid = u"00000000-0000-4000-8000-000000000001"_s;
    const QString otherUid = u"00000000-0000-4000-8000-000000000002"_s;

    // Title, summary, names and quotes of one event, all at once.
    std::optional<Event> event = store->eventByUid(u"10000000-0000-4000-8000-000000000002"_s);
    QVERIFY(event);
    event->title = u"Huawei readies Zeppelin shipments"_s;
    event->summary = u"Brontosaurus"_s;
    event->actors = {u"Quokka"_s, u"Huawei"_s};
    event->tags = {u"Tapir"_s};
    event->citations = {Citation{seedUid, u"Okapi quote"_s, {}},
                        Citation{otherUid, u"Narwhal quote"_s, {}}};
    QVERIFY2(store->saveEvent(*event, &error), qPrintable(error.message));
    verifyDatabaseIntegrity(connectionOf(*store));
    QCOMPARE(matches(*store, u"event_fts"_s, u"zeppelin brontosaurus quokka tapir"_s),
             QList<qint64>{event->id});
    QVERIFY(matches(*store, u"event_fts"_s, u"mass"_s).isEmpty()); // the old title's word
    const qint64 seedId = store->sourceByUid(seedUid)->id;
    const qint64 otherId = store->sourceByUid(otherUid)->id;
    QCOMPARE(matches(*store, u"source_fts"_s, u"okapi"_s), QList<qint64>{seedId});
    QCOMPARE(matches(*store, u"source_fts"_s, u"narwhal"_s), QList<qint64>{otherId});

    // A name, a quote and a citation taken away again.
    event->actors = {u"Huawei"_s};
    event->citations = {Citation{otherUid, u"Walrus quote"_s, {}}};
    QVERIFY2(store->saveEvent(*event, &error), qPrintable(error.message));
    verifyDatabaseIntegrity(connectionOf(*store));
    QVERIFY(matches(*store, u"event_fts"_s, u"quokka"_s).isEmpty());
    QVERIFY(matches(*store, u"source_fts"_s, u"okapi OR narwhal"_s).isEmpty());
    QCOMPARE(matches(*store, u"source_fts"_s, u"walrus"_s), QList<qint64>{otherId});

    // A source's own fields.
    std::optional<Source> source = store->sourceByUid(otherUid);
    QVERIFY(source);
    source->title = u"Capybara report"_s;
    source->notes = u"Wombat"_s;
    QVERIFY2(store->saveSource(*source, &error), qPrintable(error.message));
    verifyDatabaseIntegrity(connectionOf(*store));
    QCOMPARE(matches(*store, u"source_fts"_s, u"capybara wombat walrus"_s), QList<qint64>{otherId});

    // Deleting the event takes its quotes out of the sources it cited (its links go with it).
    QVERIFY2(store->deleteEvent(event->id, &error), qPrintable(error.message));
    verifyDatabaseIntegrity(connectionOf(*store));
    QVERIFY(matches(*store, u"event_fts"_s, u"zeppelin"_s).isEmpty());
    QVERIFY(matches(*store, u"source_fts"_s, u"walrus"_s).isEmpty());
    QCOMPARE(matches(*store, u"source_fts"_s, u"capybara"_s), QList<qint64>{otherId});

    // Deleting a source takes it out, and the events citing it lose the link.
    QVERIFY2(store->deleteSource(seedId, &error), qPrintable(error.message));
    verifyDatabaseIntegrity(connectionOf(*store));
    QVERIFY(matches(*store, u"source_fts"_s, u"vergeltung OR h20"_s).size() <= 1);

    // A new event whose row id was the deleted one's (SQLite hands out the largest id + 1).
    Event fresh;
    fresh.title = u"Axolotl event"_s;
    fresh.start = PartialDate::fromYear(2026);
    fresh.actors = {u"Quokka"_s};
    fresh.citations = {Citation{otherUid, u"Pangolin quote"_s, {}}};
    QVERIFY2(store->saveEvent(fresh, &error), qPrintable(error.message));
    verifyDatabaseIntegrity(connectionOf(*store));
    QCOMPARE(matches(*store, u"event_fts"_s, u"axolotl quokka"_s), QList<qint64>{fresh.id});
    QCOMPARE(matches(*store, u"source_fts"_s, u"pangolin"_s), QList<qint64>{otherId});

    // A failed change leaves the index as it was (the notes go with the rollback).
    Event invalid = fresh;
    invalid.title = u"Dugong"_s;
    invalid.end = PartialDate::fromYear(2001); // before its start
    QVERIFY(!store->saveEvent(invalid, &error));
    verifyDatabaseIntegrity(connectionOf(*store));
    QVERIFY(matches(*store, u"event_fts"_s, u"dugong"_s).isEmpty());

    // An import, which notes by hand: a new event citing a stored source, and a stored event
    // (matched by uid) now citing a source new in the same file, whose own index row the
    // import would otherwise write.
    Dataset more;
    Source added;
    added.uid = u"00000000-0000-4000-8000-000000000099"_s;
    added.title = u"Gharial digest"_s;
    more.sources = {added};
    Event cites;
    cites.uid = u"10000000-0000-4000-8000-000000000099"_s;
    cites.title = u"Cites a stored source"_s;
    cites.start = PartialDate::fromYear(2026);
    cites.citations = {Citation{otherUid, u"Manatee quote"_s, {}},
                       Citation{added.uid, u"Ibis quote"_s, {}}};
    Event changed = fresh;
    changed.title = u"Axolotl event, updated"_s;
    changed.citations = {Citation{added.uid, u"Kakapo quote"_s, {}}};
    more.events = {cites, changed};
    ImportSummary summary;
    QVERIFY2(store->importDataset(more, ImportPolicy::Update, &summary, &error),
             qPrintable(error.message));
    QCOMPARE(summary.eventsAdded, 1);
    QCOMPARE(summary.eventsUpdated, 1);
    verifyDatabaseIntegrity(connectionOf(*store));
    QCOMPARE(matches(*store, u"source_fts"_s, u"manatee"_s), QList<qint64>{otherId});
    QVERIFY(matches(*store, u"source_fts"_s, u"pangolin"_s).isEmpty());
    const qint64 addedId = store->sourceByUid(added.uid)->id;
    QCOMPARE(matches(*store, u"source_fts"_s, u"ibis kakapo gharial"_s), QList<qint64>{addedId});
}

// A version-3 file (the index with its own copy of the text) upgraded: the index is rebuilt
// from the views and answers as before.
void TestTimelineStore::migratesFromVersion3WithItsIndex() {
    SQLITE_FILE_ONLY();
    const QString file = path(u"v3.sqlite"_s);
    writeOldDatabase(
        file, 3,
        {u"INSERT INTO meta VALUES ('schema_version', '3')"_s,
         uR"(INSERT INTO event(uid, title, summary, start_year, first_day, last_day,
               created, modified) VALUES ('e1', 'Exportkontrollen', 'Beschränkung', 2023,
               2459946, 2460310, '2023-01-01T00:00:00Z', '2023-01-01T00:00:00Z'))"_s,
         u"INSERT INTO actor(name) VALUES ('MOFCOM')"_s,
         u"INSERT INTO event_actor(event_id, actor_id) VALUES (1, 1)"_s,
         uR"(INSERT INTO source(uid, title, created, modified)
               VALUES ('s1', 'Bericht', '2023-01-01T00:00:00Z', '2023-01-01T00:00:00Z'))"_s,
         u"INSERT INTO event_source(event_id, source_id, quote) VALUES (1, 1, 'Zitat')"_s,
         // As version 3's store indexed them at commit.
         uR"(INSERT INTO event_fts(rowid, title, summary, names)
               VALUES (1, 'Exportkontrollen', 'Beschränkung', 'MOFCOM'))"_s,
         uR"(INSERT INTO source_fts(rowid, title, outlet, excerpt, notes, quotes)
               VALUES (1, 'Bericht', '', '', '', 'Zitat'))"_s});
    if (QTest::currentTestFailed())
        return;

    StoreError error;
    auto store = TimelineStore::open(file, &error);
    QVERIFY2(store, qPrintable(error.message));
    QCOMPARE(store->schemaVersion(), 13);
    QVERIFY(store->backupPath().startsWith(file + u".v3-"_s));
    verifyDatabaseIntegrity(connectionOf(*store));
    QCOMPARE(matches(*store, u"event_fts"_s, u"beschrankung mofcom"_s), QList<qint64>{1});
    QCOMPARE(matches(*store, u"source_fts"_s, u"zitat"_s), QList<qint64>{1});
    // Schema 9 listed the index's words: a part of the compound finds it.
    QCOMPARE(EventSearch::countEvents(*store, u"kontrolle"_s, {}), 1);
    // No copy of the text is kept, nor its sizes: the index's tables are the FTS5 index and
    // its configuration.
    QCOMPARE(rowsOf(connectionOf(*store),
                    u"SELECT name FROM sqlite_master WHERE name LIKE 'event_fts%' ORDER BY name"_s,
                    1),
             (QList<QStringList>{{u"event_fts"_s},
                                 {u"event_fts_config"_s},
                                 {u"event_fts_data"_s},
                                 {u"event_fts_idx"_s}}));
}

void TestTimelineStore::datasetIsWhatTheReadersGive() {
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    Dataset dataset = smallDataset();
    dataset.events[1].created = QDateTime(QDate(2024, 2, 29), QTime(23, 59, 58, 7), Qt::UTC);
    dataset.events[2].end = PartialDate::fromYearMonth(2026, 1);
    dataset.savedViews = {SavedView{0, u"Mine"_s, u"category:industry"_s}};
    QVERIFY2(store->importDataset(dataset, ImportPolicy::Skip, nullptr, &error),
             qPrintable(error.message));
    // A time stamp in another form than the store writes is still read (the slow way).
    QSqlQuery odd(connectionOf(*store));
    QVERIFY(odd.exec(u"UPDATE event SET modified = '2025-01-02T03:04:05Z' WHERE id = 3"_s));

    const Dataset back = store->dataset();
    QCOMPARE(back.title, u"Test"_s);
    QCOMPARE(back.categories, store->categories());
    QCOMPARE(back.sources, store->sources());
    QCOMPARE(back.events, store->events());
    QCOMPARE(back.savedViews, store->savedViews());
    QCOMPARE(back.events.size(), 3);
    const auto ascend = std::find_if(back.events.cbegin(), back.events.cend(),
                                     [](const Event &e) { return e.id == 2; });
    QVERIFY(ascend != back.events.cend());
    QCOMPARE(ascend->created, QDateTime(QDate(2024, 2, 29), QTime(23, 59, 58, 7), Qt::UTC));
    QCOMPARE(ascend->created.timeSpec(), Qt::UTC);
    const auto claim = std::find_if(back.events.cbegin(), back.events.cend(),
                                    [](const Event &e) { return e.id == 3; });
    QVERIFY(claim != back.events.cend());
    QCOMPARE(claim->modified, QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC));
    for (const Event &event : back.events) {
        QVERIFY(event.created.isValid());
        QCOMPARE(event.modified.timeSpec(), Qt::UTC);
    }
}

// The newest revision, read directly: both backends count their history (r1 "history
// starts here", r2 the import), without a read error.
void TestTimelineStore::newestRevisionIsOneQuery() {
    StoreError error;
    auto store = TimelineStore::open(path(u"newest.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    const qint64 before = store->latestRevision();
    QVERIFY2(store->importDataset(smallDataset(), ImportPolicy::Skip, nullptr, &error),
             qPrintable(error.message));
    const qint64 after = store->latestRevision();
    QVERIFY(!store->readError().isError());
    QCOMPARE(before, 1);
    QCOMPARE(after, 2);
}

QTEST_GUILESS_MAIN(TestTimelineStore)
#include "tst_timelinestore.moc"
