// FileImport: a native file read on a second thread while the store writes it, part after
// part, in one transaction. It must store exactly what reading the file whole and importing
// it stores; a file that turns out bad halfway stores nothing and gets the thorough reader's
// message; a file the fast reader declines is still imported; and a store that cannot be
// written stops the reader instead of leaving it waiting. DatasetSlices (the window's import
// of a dataset in memory, in slices with progress) stores what a whole import stores, and
// stopped halfway stores nothing.
#include "DatabaseFileTestUtil.h"
#include "StoreConnectionTestUtil.h"
#include "model/DatasetSlices.h"
#include "model/FileImport.h"
#include "model/ImportControl.h"
#include "model/ImportPreview.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/formats/TimelineJsCsvFormat.h"
#include "model/store/TimelineStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Events with categories the file does not list (made on the way, in several parts),
// actors, chips, tags, citations with quotes, ranges and partial dates; saved views last.
Dataset sampleDataset(int eventCount, int sourceCount) {
    Dataset dataset;
    dataset.title = u"Parts test"_s;
    dataset.categories << Category{0, u"us-export-control"_s, u"US export controls"_s,
                                   QColor(0xc0, 0x39, 0x2b), 1};
    for (int s = 0; s < sourceCount; ++s) {
        Source source;
        source.uid = u"00000000-0000-4000-8000-%1"_s.arg(s, 12, 10, QChar(u'0'));
        source.title = u"Source %1 on licences for H20 shipments"_s.arg(s);
        source.outlet = s % 2 ? u"Reuters"_s : u"Handelsblatt"_s;
        source.url = u"https://example.org/articles/%1"_s.arg(s);
        source.published = PartialDate::fromYmd(2023 + s % 3, 1 + s % 12, 1 + s % 28);
        source.excerpt = u"Exportbeschränkungen, excerpt %1."_s.arg(s);
        dataset.sources << source;
    }
    for (int e = 0; e < eventCount; ++e) {
        Event event;
        event.uid = u"10000000-0000-4000-8000-%1"_s.arg(e, 12, 10, QChar(u'0'));
        event.title = u"Event %1: licence decision"_s.arg(e);
        event.summary = u"Summary of **event %1**."_s.arg(e);
        event.start = e % 7 == 0 ? PartialDate::fromYearMonth(2024 + e % 2, 1 + e % 12)
                                 : PartialDate::fromYmd(2022 + e % 4, 1 + e % 12, 1 + e % 28);
        if (e % 11 == 0)
            event.end = PartialDate::fromYmd(2026, 6, 30);
        // A new category every 1,500 events: each first met in a later part.
        event.category = e % 3 ? u"us-export-control"_s : u"unlisted-%1"_s.arg(e / 1500);
        event.status = static_cast<EventStatus>(e % 3);
        event.importance = 1 + e % 3;
        event.actors = {u"Actor %1"_s.arg(e % 13), u"Nvidia"_s};
        event.chips = {u"Chip %1"_s.arg(e % 5)};
        if (e % 4 == 0)
            event.tags = {u"tag-%1"_s.arg(e % 6)};
        if (e % 10 != 0)
            event.citations = {Citation{dataset.sources.at(e % sourceCount).uid,
                                        u"Quote %1 über Verzögerung"_s.arg(e), u"p. %1"_s.arg(e)}};
        dataset.events << event;
    }
    dataset.savedViews << SavedView{0, u"Recent"_s, {}};
    return dataset;
}

// What the store holds, without the times the import stamps (and, for a file without uids,
// the random uids the store gives its events).
enum class Uids { Compare, Ignore };
Dataset stored(const TimelineStore &store, Uids uids = Uids::Compare) {
    Dataset dataset = store.dataset();
    for (Event &event : dataset.events) {
        event.created = event.modified = {};
        if (uids == Uids::Ignore)
            event.uid.clear();
    }
    return dataset;
}

QStringList indexNames(const TimelineStore &store) {
    QSqlQuery query(connectionOf(store));
    query.exec(u"SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"_s);
    QStringList names;
    while (query.next())
        names << query.value(0).toString();
    return names;
}

QList<qint64> searchRows(const TimelineStore &store, const QString &table, const QString &match) {
    QSqlQuery query(connectionOf(store));
    query.prepare(u"SELECT rowid FROM %1 WHERE %1 MATCH :m ORDER BY rowid"_s.arg(table));
    query.bindValue(u":m"_s, match);
    query.exec();
    QList<qint64> rows;
    while (query.next())
        rows << query.value(0).toLongLong();
    return rows;
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestFileImport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void partsStoreWhatTheWholeFileStores_data();
    void partsStoreWhatTheWholeFileStores();
    void updateIntoFilledDatabaseMatchesWholeImport();
    void fileBadHalfwayChangesNothing();
    void fileTheFastReaderDeclinesIsImported();
    void lockedDatabaseStopsTheReader();
    void sheetPartsStoreWhatTheWholeSheetStores_data();
    void sheetPartsStoreWhatTheWholeSheetStores();
    void sheetBadHalfwayChangesNothing();
    void otherFormatsAreReadWhole();
    void slicesStoreWhatTheWholeDatasetStores();
    void stoppedSlicesChangeNothing();
    void importGoesThroughTheWal_data();
    void importGoesThroughTheWal();
    void previewInPartsCountsWhatTheWholePreviewCounts();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    void importChangesNothing(const QString &file, const QString &expectedMessage);
    void failedImportChangesNothing(const QString &database,
                                    const std::function<void(TimelineStore &)> &attempt);

    QTemporaryDir m_dir;
    QString m_file;
    Dataset m_dataset;
};

void TestFileImport::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_dataset = sampleDataset(12000, 400);
    m_file = path(u"sample.chiptimeline.json"_s);
    QVERIFY(writeFile(m_file, NativeJsonFormat::write(m_dataset)));
}

void TestFileImport::partsStoreWhatTheWholeFileStores_data() {
    QTest::addColumn<qsizetype>("first");
    QTest::addColumn<qsizetype>("later");
    // Small parts: no index rebuild (the first part is under 5,000 events), categories met
    // in many parts. The app's sizes: indexes rebuilt, 5,000 + 3 × 2,000 + the rest.
    QTest::newRow("small parts") << qsizetype(700) << qsizetype(333);
    QTest::newRow("the app's parts") << qsizetype(5000) << qsizetype(2000);
    QTest::newRow("one part") << qsizetype(1000000) << qsizetype(1000000);
}

void TestFileImport::partsStoreWhatTheWholeFileStores() {
    QFETCH(qsizetype, first);
    QFETCH(qsizetype, later);
    StoreError error;
    const QString wholePath =
        path(u"whole-%1.sqlite"_s.arg(QLatin1StringView(QTest::currentDataTag())));
    const QString partsPath =
        path(u"parts-%1.sqlite"_s.arg(QLatin1StringView(QTest::currentDataTag())));
    const auto whole = TimelineStore::open(wholePath, &error);
    const auto parts = TimelineStore::open(partsPath, &error);
    QVERIFY2(whole && parts, qPrintable(error.message));

    InputError inputError;
    const std::optional<Dataset> read = NativeJsonFormat::readFile(m_file, &inputError);
    QVERIFY2(read, qPrintable(inputError.toString()));
    ImportSummary wholeSummary;
    QVERIFY2(whole->importDataset(*read, ImportPolicy::Skip, &wholeSummary, &error),
             qPrintable(error.message));

    ImportSummary partsSummary;
    QString message;
    QVERIFY2(FileImport::importFile(*parts, m_file, DatasetFormat::Auto, ImportPolicy::Skip,
                                    &partsSummary, &message, {first, later}),
             qPrintable(message));
    QCOMPARE(partsSummary, wholeSummary);
    QCOMPARE(partsSummary.eventsAdded, 12000);
    QCOMPARE(partsSummary.sourcesAdded, 400);

    const Dataset fromParts = stored(*parts);
    const Dataset fromWhole = stored(*whole);
    QCOMPARE(fromParts.title, u"Parts test"_s);
    QCOMPARE(fromParts.categories, fromWhole.categories);
    QCOMPARE(fromParts.categories.size(), 1 + 8); // unlisted-0 … unlisted-7
    QCOMPARE(fromParts.categories.last().name, u"unlisted-7"_s);
    QCOMPARE(fromParts.categories.last().order, 9);
    QCOMPARE(fromParts.sources, fromWhole.sources);
    QCOMPARE(fromParts.events.size(), fromWhole.events.size());
    for (qsizetype i = 0; i < fromParts.events.size(); ++i)
        QCOMPARE(fromParts.events.at(i), fromWhole.events.at(i));
    QCOMPARE(fromParts.savedViews, fromWhole.savedViews);
    QCOMPARE(fromParts, fromWhole);
    QCOMPARE(indexNames(*parts), indexNames(*whole));
    // The search index: the same rows for words of titles, names and quotes.
    for (const QString &match : {u"licence"_s, u"nvidia"_s, u"\"actor 7\""_s, u"tag"_s})
        QCOMPARE(searchRows(*parts, u"event_fts"_s, match),
                 searchRows(*whole, u"event_fts"_s, match));
    for (const QString &match : {u"verzogerung"_s, u"exportbeschrankungen"_s, u"quote"_s})
        QCOMPARE(searchRows(*parts, u"source_fts"_s, match),
                 searchRows(*whole, u"source_fts"_s, match));
    QSqlQuery check(connectionOf(*parts));
    QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
    QCOMPARE(check.value(0).toString(), u"ok"_s);
}

void TestFileImport::updateIntoFilledDatabaseMatchesWholeImport() {
    // A database already holding some of the events: "update" rewrites them, adds the rest.
    Dataset start = sampleDataset(3000, 400);
    for (Event &event : start.events)
        event.title += u" (old)"_s;
    StoreError error;
    const auto whole = TimelineStore::open(path(u"update-whole.sqlite"_s), &error);
    const auto parts = TimelineStore::open(path(u"update-parts.sqlite"_s), &error);
    QVERIFY2(whole && parts, qPrintable(error.message));
    QVERIFY(whole->importDataset(start, ImportPolicy::Skip, nullptr, &error));
    QVERIFY(parts->importDataset(start, ImportPolicy::Skip, nullptr, &error));

    InputError inputError;
    const std::optional<Dataset> read = NativeJsonFormat::readFile(m_file, &inputError);
    QVERIFY2(read, qPrintable(inputError.toString()));
    ImportSummary wholeSummary;
    QVERIFY(whole->importDataset(*read, ImportPolicy::Update, &wholeSummary, &error));
    ImportSummary partsSummary;
    QString message;
    QVERIFY2(FileImport::importFile(*parts, m_file, DatasetFormat::Native, ImportPolicy::Update,
                                    &partsSummary, &message, {1000, 1000}),
             qPrintable(message));
    QCOMPARE(partsSummary, wholeSummary);
    QCOMPARE(partsSummary.eventsUpdated, 3000);
    QCOMPARE(partsSummary.eventsAdded, 9000);
    QCOMPARE(stored(*parts), stored(*whole));
    QCOMPARE(searchRows(*parts, u"event_fts"_s, u"old"_s), QList<qint64>());
}

// `attempt` fails to import into `database`, which holds 50 events: the database must be
// left as it was, to the byte (but for SQLite's write counters, see databaseFileHash).
void TestFileImport::failedImportChangesNothing(
    const QString &database, const std::function<void(TimelineStore &)> &attempt) {
    Dataset before;
    {
        StoreError error;
        const auto store = TimelineStore::open(database, &error);
        QVERIFY(store);
        QVERIFY(store->importDataset(sampleDataset(50, 10), ImportPolicy::Skip, nullptr, &error));
        before = store->dataset();
    }
    const QByteArray hashBefore = databaseFileHash(database);
    {
        StoreError error;
        const auto store = TimelineStore::open(database, &error);
        QVERIFY(store);
        attempt(*store);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(store->dataset(), before);
        QCOMPARE(store->eventCount(), 50);
        QCOMPARE(searchRows(*store, u"event_fts"_s, u"\"event 1500\""_s), QList<qint64>());
    }
    QCOMPARE(databaseFileHash(database), hashBefore);
}

// Imports `file` in small parts: it must fail with the message and change nothing.
void TestFileImport::importChangesNothing(const QString &file, const QString &expectedMessage) {
    failedImportChangesNothing(
        path(QFileInfo(file).completeBaseName() + u".sqlite"_s), [&](TimelineStore &store) {
            QString message;
            QVERIFY(!FileImport::importFile(store, file, DatasetFormat::Auto, ImportPolicy::Update,
                                            nullptr, &message, {1000, 500}));
            QCOMPARE(message, expectedMessage);
            QVERIFY(message.startsWith(file + u':'));
        });
}

void TestFileImport::fileBadHalfwayChangesNothing() {
    // Event 9,000 of 12,000 has a day that does not exist: by then several parts are written.
    Dataset bad = m_dataset;
    bad.events[9000].start = PartialDate::fromYmd(2025, 2, 28);
    QByteArray json = NativeJsonFormat::write(bad);
    const QByteArray good = "\"start\": \"2025-02-28\"";
    const qsizetype at = json.indexOf(good, json.indexOf("10000000-0000-4000-8000-000000009000"));
    QVERIFY(at > 0);
    json.replace(at, good.size(), "\"start\": \"2025-02-30\"");
    const QString badFile = path(u"bad.chiptimeline.json"_s);
    QVERIFY(writeFile(badFile, json));
    // The message is the thorough reader's, as for the file read whole.
    InputError expected;
    QVERIFY(!NativeJsonFormat::readFile(badFile, &expected));
    QVERIFY2(expected.toString().contains(u"day 30 does not exist in February 2025"_s),
             qPrintable(expected.toString()));

    importChangesNothing(badFile, expected.toString());
}

void TestFileImport::fileTheFastReaderDeclinesIsImported() {
    // The last event gives its title twice (the last one counts, as Qt's reader has it): the
    // fast reader declines only there, after writing most of the file, and the thorough
    // reader imports all of it.
    QByteArray json = NativeJsonFormat::write(m_dataset);
    const QByteArray title = "\"title\": \"Event 11999: licence decision\"";
    const qsizetype at = json.indexOf(title);
    QVERIFY(at > 0);
    json.insert(at, "\"title\": \"An earlier title\",\n      ");
    const QString file = path(u"twice.chiptimeline.json"_s);
    QVERIFY(writeFile(file, json));

    StoreError error;
    const auto store = TimelineStore::open(path(u"twice.sqlite"_s), &error);
    QVERIFY(store);
    ImportSummary summary;
    QString message;
    QVERIFY2(FileImport::importFile(*store, file, DatasetFormat::Native, ImportPolicy::Skip,
                                    &summary, &message, {1000, 1000}),
             qPrintable(message));
    QCOMPARE(summary.eventsAdded, 12000);
    QCOMPARE(store->eventCount(), 12000);
    const std::optional<Event> last = store->eventByUid(u"10000000-0000-4000-8000-000000011999"_s);
    QVERIFY(last);
    QCOMPARE(last->title, u"Event 11999: licence decision"_s);
}

void TestFileImport::lockedDatabaseStopsTheReader() {
    // Another connection holds the write lock: the import fails at once with SQLite's
    // reason, and the reader, which may be waiting to hand over a part, is let go.
    const QString database = path(u"locked.sqlite"_s);
    StoreError error;
    const auto store = TimelineStore::open(database, &error);
    const auto other = TimelineStore::open(database, &error);
    QVERIFY(store && other);
    QSqlQuery lock(connectionOf(*other));
    QVERIFY(lock.exec(u"PRAGMA busy_timeout = 0"_s));
    QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s));
    QVERIFY(lock.exec(u"INSERT INTO meta(key, value) VALUES ('lock', 'held')"_s));
    QString message;
    QVERIFY(!FileImport::importFile(*store, m_file, DatasetFormat::Native, ImportPolicy::Skip,
                                    nullptr, &message, {100, 100}));
    QVERIFY2(message.contains(u"locked"_s), qPrintable(message));
    QVERIFY2(message.startsWith(database), qPrintable(message));
    QVERIFY(lock.exec(u"ROLLBACK"_s));
    QCOMPARE(store->eventCount(), 0);
}

void TestFileImport::sheetPartsStoreWhatTheWholeSheetStores_data() {
    QTest::addColumn<qsizetype>("first");
    QTest::addColumn<qsizetype>("later");
    // A sheet has no uids: under 1,000 in the first part, its events are matched by a query,
    // else in memory; its sources come with the rows that first link them.
    QTest::newRow("small parts") << qsizetype(700) << qsizetype(333);
    QTest::newRow("the app's parts") << qsizetype(5000) << qsizetype(2000);
}

void TestFileImport::sheetPartsStoreWhatTheWholeSheetStores() {
    QFETCH(qsizetype, first);
    QFETCH(qsizetype, later);
    const QString sheet = path(u"sheet-%1.csv"_s.arg(QLatin1StringView(QTest::currentDataTag())));
    // Twice the same rows: the second half matches the first (by title and days).
    Dataset twice = m_dataset;
    twice.events += m_dataset.events;
    QVERIFY(writeFile(sheet, TimelineJsCsvFormat::write(twice)));
    InputError inputError;
    const std::optional<Dataset> read =
        readDatasetFile(sheet, DatasetFormat::TimelineJsCsv, &inputError);
    QVERIFY2(read, qPrintable(inputError.toString()));
    QVERIFY(read->sources.size() > 100);

    for (const ImportPolicy policy : {ImportPolicy::Skip, ImportPolicy::KeepBoth}) {
        const QString tag =
            u"%1-%2"_s.arg(QLatin1StringView(QTest::currentDataTag())).arg(int(policy));
        StoreError error;
        const auto whole = TimelineStore::open(path(u"sheet-whole-%1.sqlite"_s.arg(tag)), &error);
        const auto parts = TimelineStore::open(path(u"sheet-parts-%1.sqlite"_s.arg(tag)), &error);
        QVERIFY2(whole && parts, qPrintable(error.message));
        ImportSummary wholeSummary;
        QVERIFY2(whole->importDataset(*read, policy, &wholeSummary, &error),
                 qPrintable(error.message));
        ImportSummary partsSummary;
        QString message;
        QVERIFY2(FileImport::importFile(*parts, sheet, DatasetFormat::Auto, policy, &partsSummary,
                                        &message, {first, later}),
                 qPrintable(message));
        QCOMPARE(partsSummary, wholeSummary);
        QCOMPARE(partsSummary.eventsAdded, policy == ImportPolicy::Skip ? 12000 : 24000);
        QCOMPARE(stored(*parts, Uids::Ignore), stored(*whole, Uids::Ignore));
        QCOMPARE(indexNames(*parts), indexNames(*whole));
        for (const QString &match : {u"licence"_s, u"reuters"_s, u"nvidia"_s})
            QCOMPARE(searchRows(*parts, u"event_fts"_s, match),
                     searchRows(*whole, u"event_fts"_s, match));
        QCOMPARE(searchRows(*parts, u"source_fts"_s, u"example"_s),
                 searchRows(*whole, u"source_fts"_s, u"example"_s));
    }
}

void TestFileImport::sheetBadHalfwayChangesNothing() {
    // Row 9,000 of 12,000 has month 13: parts are written by then; the message is the
    // sheet reader's (file, line, column), and the database is as it was.
    QByteArray csv = TimelineJsCsvFormat::write(m_dataset);
    QList<QByteArray> rows = csv.split('\n');
    QVERIFY(rows.size() > 9001);
    QList<QByteArray> cells = rows[9000].split(',');
    cells[1] = "13";
    rows[9000] = cells.join(',');
    csv = rows.join('\n');
    const QString sheet = path(u"bad-sheet.csv"_s);
    QVERIFY(writeFile(sheet, csv));
    InputError expected;
    QVERIFY(!readDatasetFile(sheet, DatasetFormat::TimelineJsCsv, &expected));
    QVERIFY2(expected.toString().startsWith(sheet + u":9001:"_s), qPrintable(expected.toString()));

    importChangesNothing(sheet, expected.toString());
}

void TestFileImport::otherFormatsAreReadWhole() {
    // An iCalendar file goes the usual way, with its reader's message on bad input.
    const QString calendar = path(u"dates.ics"_s);
    QVERIFY(
        writeFile(calendar, QByteArray("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
                                       "BEGIN:VEVENT\r\nUID:h20@example.org\r\n"
                                       "DTSTAMP:20250415T000000Z\r\nDTSTART;VALUE=DATE:20250415\r\n"
                                       "SUMMARY:H20 licence requirement\r\nEND:VEVENT\r\n"
                                       "END:VCALENDAR\r\n")));
    StoreError error;
    const auto store = TimelineStore::open(path(u"dates.sqlite"_s), &error);
    QVERIFY(store);
    ImportSummary summary;
    QString message;
    QVERIFY2(FileImport::importFile(*store, calendar, DatasetFormat::Auto, ImportPolicy::Skip,
                                    &summary, &message),
             qPrintable(message));
    QCOMPARE(summary.eventsAdded, 1);
    QCOMPARE(store->events().first().title, u"H20 licence requirement"_s);
    QVERIFY(writeFile(calendar, QByteArray("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n")));
    QVERIFY(!FileImport::importFile(*store, calendar, DatasetFormat::Auto, ImportPolicy::Skip,
                                    nullptr, &message));
    InputError expected;
    QVERIFY(!readDatasetFile(calendar, DatasetFormat::Auto, &expected));
    QCOMPARE(message, expected.toString());
    QCOMPARE(store->eventCount(), 1);
    QVERIFY(!FileImport::importFile(*store, path(u"missing.chiptimeline.json"_s),
                                    DatasetFormat::Auto, ImportPolicy::Skip, nullptr, &message));
    QVERIFY2(message.contains(u"missing.chiptimeline.json"_s), qPrintable(message));
}

void TestFileImport::slicesStoreWhatTheWholeDatasetStores() {
    StoreError error;
    const auto whole = TimelineStore::open(path(u"slices-whole.sqlite"_s), &error);
    const auto sliced = TimelineStore::open(path(u"slices.sqlite"_s), &error);
    QVERIFY2(whole && sliced, qPrintable(error.message));
    ImportSummary wholeSummary;
    QVERIFY(whole->importDataset(m_dataset, ImportPolicy::Skip, &wholeSummary, &error));

    QList<qsizetype> steps;
    const ImportControl control([&](qsizetype done) { steps.append(done); });
    DatasetSlices slices(m_dataset, 5000, 3000, &control);
    ImportSummary slicedSummary;
    QVERIFY2(sliced->importParts(slices, ImportPolicy::Skip, &slicedSummary, &error),
             qPrintable(error.message));
    QCOMPARE(slicedSummary, wholeSummary);
    QCOMPARE(slicedSummary.eventsAdded, 12000);
    QCOMPARE(steps, (QList<qsizetype>{0, 5000, 8000, 11000, 12000}));
    QCOMPARE(stored(*sliced), stored(*whole));
    QCOMPARE(indexNames(*sliced), indexNames(*whole));
    QCOMPARE(searchRows(*sliced, u"event_fts"_s, u"nvidia"_s),
             searchRows(*whole, u"event_fts"_s, u"nvidia"_s));
    QCOMPARE(searchRows(*sliced, u"source_fts"_s, u"verzogerung"_s),
             searchRows(*whole, u"source_fts"_s, u"verzogerung"_s));

    // An empty dataset: one slice with its sources, then the end.
    Dataset sourcesOnly;
    sourcesOnly.sources = m_dataset.sources.mid(0, 3);
    steps.clear();
    DatasetSlices few(sourcesOnly, 5000, 2000, &control);
    const auto empty = TimelineStore::open(path(u"slices-sources.sqlite"_s), &error);
    QVERIFY(empty);
    ImportSummary summary;
    QVERIFY(empty->importParts(few, ImportPolicy::Skip, &summary, &error));
    QCOMPARE(summary.sourcesAdded, 3);
    QCOMPARE(steps, (QList<qsizetype>{0, 0}));
}

void TestFileImport::stoppedSlicesChangeNothing() {
    const QString database = path(u"stopped.sqlite"_s);
    failedImportChangesNothing(database, [&](TimelineStore &store) {
        // Stopped while the third slice is announced: two slices are written, then undone.
        QList<qsizetype> announced;
        ImportControl *self = nullptr;
        ImportControl control([&](qsizetype done) {
            announced.append(done);
            if (done == 2000)
                self->stop();
        });
        self = &control;
        DatasetSlices slices(m_dataset, 1000, 1000, &control);
        ImportSummary summary;
        StoreError error;
        QVERIFY(!store.importParts(slices, ImportPolicy::Update, &summary, &error));
        QCOMPARE(announced, (QList<qsizetype>{0, 1000, 2000}));
        QCOMPARE(error.kind, StoreError::Kind::Stopped);
        QCOMPARE(error.message, QDir::toNativeSeparators(database) +
                                    u": the import was stopped; nothing was imported"_s);
        QVERIFY(slices.next() == nullptr);
    });
}

void TestFileImport::importGoesThroughTheWal_data() {
    QTest::addColumn<bool>("besideReader");
    QTest::newRow("alone") << false;
    QTest::newRow("beside a reader") << true;
}

// An import goes through the write-ahead log, with the file to itself as with another
// connection open on it (the main window's, say), which reads on; never under a rollback
// journal, whose switch in and out advanced the header's counters of a refused import
// (tst_damageddatabase::refusedLargeImportLeavesEveryByte). The file stays in WAL mode.
void TestFileImport::importGoesThroughTheWal() {
    QFETCH(bool, besideReader);
    const QString database =
        path(u"journal-%1.sqlite"_s.arg(besideReader ? u"reader"_s : u"alone"_s));
    StoreError error;
    const auto store = TimelineStore::open(database, &error);
    QVERIFY2(store, qPrintable(error.message));
    QVERIFY(store->importDataset(sampleDataset(50, 10), ImportPolicy::Skip, nullptr, &error));
    std::unique_ptr<TimelineStore> reader;
    if (besideReader) {
        reader = TimelineStore::open(database, &error);
        QVERIFY2(reader, qPrintable(error.message));
        QCOMPARE(reader->eventCount(), 50);
    }
    // Looked at between the slices, while the import's transaction is open.
    bool sawJournal = false;
    bool sawWal = false;
    int readerCount = -1;
    ImportControl control([&](qsizetype done) {
        if (done == 0)
            return;
        sawJournal = sawJournal || QFileInfo::exists(database + u"-journal"_s);
        sawWal = sawWal || QFileInfo::exists(database + u"-wal"_s);
        if (reader)
            readerCount = reader->eventCount(); // the file as it was
    });
    DatasetSlices slices(m_dataset, 5000, 2000, &control);
    ImportSummary summary;
    QVERIFY2(store->importParts(slices, ImportPolicy::Skip, &summary, &error),
             qPrintable(error.message));
    QCOMPARE(summary.eventsAdded, 11950); // the first 50 are stored already
    QVERIFY(!sawJournal);
    QVERIFY(sawWal);
    QCOMPARE(readerCount, besideReader ? 50 : -1);
    if (reader)
        QCOMPARE(reader->eventCount(), 12000);
    QVERIFY(!QFileInfo::exists(database + u"-journal"_s));
    QSqlQuery query(connectionOf(*store));
    QVERIFY(query.exec(u"PRAGMA journal_mode"_s) && query.next());
    QCOMPARE(query.value(0).toString(), u"wal"_s);
    QVERIFY(query.exec(u"PRAGMA mmap_size"_s) && query.next());
    QCOMPARE(query.value(0).toLongLong(), 268435456);
    query.finish();
    verifyDatabaseIntegrity(connectionOf(*store));
    if (QTest::currentTestFailed())
        return;
    // What a later edit writes goes through the WAL again.
    Event edit = m_dataset.events.first();
    edit.uid.clear();
    edit.title = u"Written after the import"_s;
    QVERIFY2(store->saveEvent(edit, &error), qPrintable(error.message));
    QVERIFY(QFileInfo(database + u"-wal"_s).size() > 0);
    QVERIFY(!QFileInfo::exists(database + u"-journal"_s));
}

void TestFileImport::previewInPartsCountsWhatTheWholePreviewCounts() {
    // A database holding a quarter of the events (retitled) and all the sources.
    StoreError error;
    const auto store = TimelineStore::open(path(u"preview.sqlite"_s), &error);
    QVERIFY(store);
    Dataset start = sampleDataset(3000, 400);
    for (Event &event : start.events)
        event.title += u" (old)"_s;
    QVERIFY(store->importDataset(start, ImportPolicy::Skip, nullptr, &error));
    const QString sheet = path(u"preview.csv"_s);
    Dataset twice = m_dataset;
    twice.events += m_dataset.events.mid(0, 500);
    QVERIFY(writeFile(sheet, TimelineJsCsvFormat::write(twice)));
    InputError inputError;
    const std::optional<Dataset> sheetRead =
        readDatasetFile(sheet, DatasetFormat::TimelineJsCsv, &inputError);
    QVERIFY2(sheetRead, qPrintable(inputError.toString()));
    // The file's categories: the one listed and those its events name (made on the way).
    const std::optional<Dataset> nativeRead = NativeJsonFormat::readFile(m_file, &inputError);
    QVERIFY2(nativeRead, qPrintable(inputError.toString()));
    QCOMPARE(nativeRead->categories.size(), 9);

    const auto counter = [&](ImportPolicy policy) {
        return ImportPreview::Counter(ImportPreview::Existing::read(*store), policy);
    };
    for (const ImportPolicy policy :
         {ImportPolicy::Skip, ImportPolicy::Update, ImportPolicy::KeepBoth}) {
        ImportPreview::Counter native = counter(policy);
        DatasetFormat readAs = DatasetFormat::Auto;
        InputError readError;
        QVERIFY2(FileImport::previewFile(m_file, DatasetFormat::Auto, native, &readAs, &readError,
                                         {}, {700, 333}),
                 qPrintable(readError.toString()));
        QCOMPARE(readAs, DatasetFormat::Native);
        QCOMPARE(native.summary(), ImportPreview::preview(*store, *nativeRead, policy));
        QCOMPARE(native.events(), 12000);

        ImportPreview::Counter csv = counter(policy);
        QVERIFY2(FileImport::previewFile(sheet, DatasetFormat::Auto, csv, &readAs, &readError, {},
                                         {700, 333}),
                 qPrintable(readError.toString()));
        QCOMPARE(readAs, DatasetFormat::TimelineJsCsv);
        QCOMPARE(csv.summary(), ImportPreview::preview(*store, *sheetRead, policy));
        QCOMPARE(csv.events(), 12500);
    }
    const ImportSummary update = ImportPreview::preview(*store, *nativeRead, ImportPolicy::Update);
    QCOMPARE(update.eventsUpdated, 3000);
    QCOMPARE(update.eventsAdded, 9000);
    QCOMPARE(update.categoriesAdded, 6); // the 3,000 stored events have unlisted-0 and -1

    // A file bad at event 9,000: the thorough reader's message, as for the file read whole.
    Dataset bad = m_dataset;
    QByteArray json = NativeJsonFormat::write(bad);
    const qsizetype at = json.indexOf("\"start\": \"", json.indexOf("8000-000000009000"));
    QVERIFY(at > 0);
    json.replace(at, 12, "\"start\": 7,");
    const QString badFile = path(u"preview-bad.chiptimeline.json"_s);
    QVERIFY(writeFile(badFile, json));
    InputError expected;
    QVERIFY(!NativeJsonFormat::readFile(badFile, &expected));
    ImportPreview::Counter badCounter = counter(ImportPolicy::Skip);
    InputError badError;
    QVERIFY(!FileImport::previewFile(badFile, DatasetFormat::Auto, badCounter, nullptr, &badError,
                                     {}, {700, 333}));
    QCOMPARE(badError.toString(), expected.toString());
    QVERIFY(badError.toString().startsWith(badFile + u':'));

    // Cancelled between two parts: false, no message, nothing counted.
    int parts = 0;
    ImportPreview::Counter cancelled = counter(ImportPolicy::Skip);
    InputError cancelError;
    QVERIFY(!FileImport::previewFile(m_file, DatasetFormat::Auto, cancelled, nullptr, &cancelError,
                                     [&parts] { return ++parts == 3; }, {700, 333}));
    QCOMPARE(parts, 3);
    QVERIFY(cancelError.message.isEmpty());
    QCOMPARE(cancelled.summary(), ImportSummary{});
    QCOMPARE(cancelled.events(), 0);
}

QTEST_GUILESS_MAIN(TestFileImport)
#include "tst_fileimport.moc"
