// Damaged databases are never read as empty (issue 22): a page overwritten in a table, a
// file cut short, a missing or unreadable schema version, a read-only store, a full disk;
// each with its exact message, the command line's exit code, and the file's bytes unchanged.
// And the automatic backups: made, rotated, checked and restored.

#include "CommandLineTestUtil.h"
#include "StoreConnectionTestUtil.h"
#include "app/CommandLine.h"
#include "model/DatabaseBackup.h"
#include "model/TimelineDataQuery.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"

#include "DatabaseFileTestUtil.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString shown(const QString &path) {
    return QDir::toNativeSeparators(path);
}

// Runs SQL on the file through a connection of its own, as another program would; the
// first column of the last statement's first row.
QVariant rawQuery(const QString &path, const QStringList &statements) {
    const QString name = u"raw"_s;
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            for (const QString &sql : statements)
                if (query.exec(sql) && query.next())
                    value = query.value(0);
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

// Overwrites `size` bytes at the start of `page` (1-based) with 0xa5.
bool overwritePage(const QString &path, qint64 page, qint64 pageSize, qint64 size) {
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek((page - 1) * pageSize))
        return false;
    return file.write(QByteArray(size, char(0xa5))) == size;
}

} // namespace

class TestDamagedDatabase : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void damagedTable_data();
    void damagedTable();
    void damagedTableReadUnchecked_data();
    void damagedTableReadUnchecked();
    void truncated_data();
    void truncated();
    void badSchemaVersion_data();
    void badSchemaVersion();
    void readOnly();
    void fullDiskLeavesFileAsItWas_data();
    void fullDiskLeavesFileAsItWas();
    void refusedLargeImportLeavesEveryByte_data();
    void refusedLargeImportLeavesEveryByte();
    void newFileThatCannotBeMadeIsRemoved();
    void backupsMadeRotatedAndRestored();

private:
    // A copy of the default dataset's database (39 events, 43 sources), no -wal beside it.
    QString copyOfBase(const QString &name);
    [[nodiscard]] qint64 rootPage(const QString &table) const { return m_rootPages.value(table); }

    QTemporaryDir m_dir;
    QString m_base;
    qint64 m_pageSize = 0;
    QHash<QString, qint64> m_rootPages;
};

void TestDamagedDatabase::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_base = m_dir.filePath(u"base.sqlite"_s);
    const Result imported = run({u"--db"_s, m_base, u"import"_s, datasetFile()});
    QVERIFY2(imported.code == 0, qPrintable(imported.err));
    QVERIFY(!QFile::exists(m_base + u"-wal"_s));
    m_pageSize = rawQuery(m_base, {u"PRAGMA page_size"_s}).toLongLong();
    QVERIFY(m_pageSize >= 512);
    for (const QString &table : {u"event"_s, u"source"_s, u"event_source"_s}) {
        m_rootPages.insert(
            table,
            rawQuery(m_base, {u"SELECT rootpage FROM sqlite_master WHERE name = '%1'"_s.arg(table)})
                .toLongLong());
        QVERIFY(m_rootPages.value(table) > 1);
    }
    QVERIFY(!QFile::exists(m_base + u"-wal"_s));
}

QString TestDamagedDatabase::copyOfBase(const QString &name) {
    const QString path = m_dir.filePath(name);
    QFile::remove(path);
    return QFile::copy(m_base, path) ? path : QString();
}

void TestDamagedDatabase::damagedTable_data() {
    QTest::addColumn<QString>("table");
    QTest::newRow("event") << u"event"_s;
    QTest::newRow("source") << u"source"_s;
    QTest::newRow("event_source") << u"event_source"_s;
}

// The case: 512 bytes of a table's first page overwritten. The small file is checked
// whole on open, so every command stops there with the table named.
void TestDamagedDatabase::damagedTable() {
    QFETCH(QString, table);
    const QString path = copyOfBase(u"damaged-%1.sqlite"_s.arg(table));
    QVERIFY(overwritePage(path, rootPage(table), m_pageSize, 512));
    const QByteArray before = fileSha256(path);
    const QString expected =
        u"chiptimeline: %1: the database is damaged (table %2): Page %3: btreeInitPage() "
        "returns error code 11\n"_s.arg(shown(path), table)
            .arg(rootPage(table));
    const QString out = m_dir.filePath(u"export-%1.json"_s.arg(table));
    for (const QStringList &command :
         {QStringList{u"list"_s}, QStringList{u"check"_s}, QStringList{u"search"_s, u"H20"_s},
          QStringList{u"export-data"_s, u"--out"_s, out},
          QStringList{u"import"_s, datasetFile()}}) {
        const Result result = run(QStringList{u"--db"_s, path} + command);
        QCOMPARE(result.code, 1);
        QCOMPARE(result.err, expected);
        QCOMPARE(result.out, QString());
    }
    QVERIFY(!QFile::exists(out));
    QCOMPARE(fileSha256(path), before);
    QVERIFY(!QFile::exists(path + u"-wal"_s));
    QVERIFY(!QFile::exists(path + u"-shm"_s));
}

void TestDamagedDatabase::damagedTableReadUnchecked_data() {
    damagedTable_data();
}

// Opened without the check (as the window opens a file over 64 MB, checking it after its
// first frame), every read stops at the damage and says so instead of returning less.
void TestDamagedDatabase::damagedTableReadUnchecked() {
    QFETCH(QString, table);
    const QString path = copyOfBase(u"unchecked-%1.sqlite"_s.arg(table));
    QVERIFY(overwritePage(path, rootPage(table), m_pageSize, 512));
    const QByteArray before = fileSha256(path);
    const QString expected =
        u"%1: the database is damaged (table %2): database disk image is malformed"_s.arg(
            shown(path), table);
    {
        StoreError error;
        auto store = TimelineStore::open(path, &error, TimelineStore::OpenMode::ReadWrite,
                                         TimelineStore::OpenCheck::None);
        QVERIFY2(store, qPrintable(error.message));
        QVERIFY(!store->readError().isError());
        // What export-data and check read (the fast reader).
        const Dataset dataset = store->dataset();
        QCOMPARE(store->readError().kind, StoreError::Kind::Corrupt);
        QCOMPARE(store->readError().message, expected);
        store->clearReadError();
        // What list reads, and what the window's timeline reads.
        if (table == u"source"_s) {
            QVERIFY(store->sources().isEmpty());
        } else {
            (void)store->events();
            QCOMPARE(store->readError().message, expected);
            store->clearReadError();
            (void)TimelineDataQuery::load(*store, {});
        }
        QCOMPARE(store->readError().message, expected);
        // The full check of the `check` command finds it too.
        const StoreError damage = store->checkIntegrity(true);
        QCOMPARE(damage.message, u"%1: the database is damaged (table %2): Page %3: "
                                 "btreeInitPage() returns error code 11"_s.arg(shown(path), table)
                                     .arg(rootPage(table)));
    }
    QCOMPARE(fileSha256(path), before);
}

void TestDamagedDatabase::truncated_data() {
    QTest::addColumn<qint64>("cut");
    QTest::newRow("1 byte") << qint64(1);
    QTest::newRow("7 bytes") << qint64(7);
    QTest::newRow("100 bytes") << qint64(100);
}

void TestDamagedDatabase::truncated() {
    QFETCH(qint64, cut);
    const QString path = copyOfBase(u"cut-%1.sqlite"_s.arg(cut));
    const qint64 whole = QFileInfo(path).size();
    QVERIFY(QFile::resize(path, whole - cut));
    const QByteArray before = fileSha256(path);
    const Result result = run({u"--db"_s, path, u"list"_s});
    QCOMPARE(result.code, 1);
    QCOMPARE(result.err, u"chiptimeline: %1: the database is damaged: the file is cut short "
                         "(%2 bytes, %3 expected)\n"_s.arg(shown(path))
                             .arg(whole - cut)
                             .arg(whole));
    QCOMPARE(result.out, QString());
    QCOMPARE(TimelineStore::quickCheckFile(path).message,
             u"%1: the database is damaged: the file is cut short (%2 bytes, %3 expected)"_s
                 .arg(shown(path))
                 .arg(whole - cut)
                 .arg(whole));
    QCOMPARE(fileSha256(path), before);
    QVERIFY(!QFile::exists(path + u"-wal"_s));
}

void TestDamagedDatabase::badSchemaVersion_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << u"DELETE FROM meta WHERE key = 'schema_version'"_s
                             << u"schema version missing (the meta table has no schema_version); "
                                "not opened, left untouched"_s;
    QTest::newRow("not a number")
        << u"UPDATE meta SET value = 'x2' WHERE key = 'schema_version'"_s
        << u"schema version unreadable ('x2' is not a version number); not opened, left "
           "untouched"_s;
}

void TestDamagedDatabase::badSchemaVersion() {
    QFETCH(QString, sql);
    QFETCH(QString, message);
    const QString path = copyOfBase(
        u"version-%1.sqlite"_s.arg(QString::fromUtf8(QTest::currentDataTag()).replace(u' ', u'-')));
    rawQuery(path, {sql});
    QVERIFY(!QFile::exists(path + u"-wal"_s));
    const QByteArray before = fileSha256(path);
    for (const QString &command : {u"list"_s, u"check"_s}) {
        const Result result = run({u"--db"_s, path, command});
        QCOMPARE(result.code, 1);
        QCOMPARE(result.err, u"chiptimeline: %1: %2\n"_s.arg(shown(path), message));
    }
    QCOMPARE(fileSha256(path), before);
}

// A folder without write permission cannot be tested here: CI runs as root, whom chmod does
// not stop. The store's read-only mode is what such a folder gets (TimelineStore::open sees
// the folder is not writable and opens the file read-only, immutable when no -wal is there),
// and is what --read-only asks for: reading works, changing is refused with one line.
void TestDamagedDatabase::readOnly() {
    const QString path = copyOfBase(u"read-only.sqlite"_s);
    const QByteArray before = fileSha256(path);
    const Result listed = run({u"--db"_s, path, u"--read-only"_s, u"list"_s});
    QCOMPARE(listed.code, 0);
    QVERIFY(listed.out.endsWith(u"\n39 events\n"_s));
    const Result found = run({u"--db"_s, path, u"--read-only"_s, u"search"_s, u"H20"_s});
    QCOMPARE(found.code, 0);
    const QString out = m_dir.filePath(u"read-only-export.json"_s);
    const Result exported =
        run({u"--db"_s, path, u"--read-only"_s, u"export-data"_s, u"--out"_s, out});
    QCOMPARE(exported.code, 0);
    QVERIFY(QFileInfo(out).size() > 0);
    const Result imported = run({u"--db"_s, path, u"--read-only"_s, u"import"_s, datasetFile()});
    QCOMPARE(imported.code, 1);
    QCOMPARE(imported.err,
             u"chiptimeline: %1: opened read-only; nothing was changed\n"_s.arg(shown(path)));
    QCOMPARE(imported.out, QString());
    QCOMPARE(fileSha256(path), before);
}

void TestDamagedDatabase::fullDiskLeavesFileAsItWas_data() {
    QTest::addColumn<int>("events");
    QTest::newRow("400 events") << 400;
    // As many as once made an import with the file to itself leave the WAL for a rollback
    // journal, which advanced the header's change counters even when the import was refused.
    QTest::newRow("5,000 events") << 5000;
}

// A full disk, as SQLite reports it when the file may not grow (PRAGMA max_page_count):
// the import is refused and not a byte of the file changes, header included; nothing is
// left beside it.
void TestDamagedDatabase::fullDiskLeavesFileAsItWas() {
    QFETCH(int, events);
    const QString path = copyOfBase(u"full.sqlite"_s);
    const QByteArray before = fileSha256(path);
    {
        StoreError error;
        auto store = TimelineStore::open(path, &error);
        QVERIFY2(store, qPrintable(error.message));
        QSqlQuery query(connectionOf(*store));
        QVERIFY(query.exec(u"PRAGMA page_count"_s) && query.next());
        const int pages = query.value(0).toInt();
        QVERIFY(query.exec(u"PRAGMA max_page_count = %1"_s.arg(pages + 1)));
        query.finish();
        Dataset big;
        for (int n = 0; n < events; ++n) {
            Event event;
            event.title = u"Event %1"_s.arg(n);
            event.summary = QString(2000, QChar(u'a' + n % 26));
            event.start = PartialDate::fromYmd(2025, 1 + n % 12, 1 + n % 28);
            big.events << event;
        }
        ImportSummary summary;
        QVERIFY(!store->importDataset(big, ImportPolicy::Skip, &summary, &error));
        QCOMPARE(error.kind, StoreError::Kind::Io);
        QVERIFY2(error.message.startsWith(u"%1: the disk is full; could not "_s.arg(shown(path))),
                 qPrintable(error.message));
    }
    QCOMPARE(fileSha256(path), before);
    QVERIFY(!QFile::exists(path + u"-wal"_s));
    QVERIFY(!QFile::exists(path + u"-shm"_s));
}

void TestDamagedDatabase::refusedLargeImportLeavesEveryByte_data() {
    QTest::addColumn<bool>("besideReader");
    QTest::newRow("the file to itself") << false;
    QTest::newRow("beside a reader") << true;
}

// A native file of 3 MB whose last event of 6,000 has a day that does not exist: the import
// has written its first parts when it meets it. Refused with the reader's message,
// and the file is as it was to the byte, its header's change counters (offsets 24 and 92)
// included, whether the import had the file to itself (it once left the WAL for a rollback
// journal then, and the switch advanced both counters) or not.
void TestDamagedDatabase::refusedLargeImportLeavesEveryByte() {
    QFETCH(bool, besideReader);
    const QString file = m_dir.filePath(u"bad-late.chiptimeline.json"_s);
    if (!QFile::exists(file)) {
        Dataset dataset;
        for (int n = 0; n < 6000; ++n) {
            Event event;
            event.uid = u"10000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QChar(u'0'));
            event.title = u"Event %1"_s.arg(n);
            event.summary = QString(300, QChar(u'a' + n % 26));
            event.start = PartialDate::fromYmd(2025, 1 + n % 12, 1 + n % 28);
            dataset.events << event;
        }
        // The latest event, so the last in the file (events are written in time order).
        dataset.events[5900].start = PartialDate::fromYmd(2026, 2, 28);
        QByteArray json = NativeJsonFormat::write(dataset);
        const QByteArray good = "\"start\": \"2026-02-28\"";
        const qsizetype at =
            json.indexOf(good, json.indexOf("10000000-0000-4000-8000-000000005900"));
        QVERIFY(at > 0);
        json.replace(at, good.size(), "\"start\": \"2026-02-30\"");
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(out.write(json), json.size());
        QVERIFY(json.size() > 3'000'000);
    }
    InputError expected;
    QVERIFY(!NativeJsonFormat::readFile(file, &expected));

    const QString path = copyOfBase(u"refused-large.sqlite"_s);
    const QByteArray before = fileSha256(path);
    std::unique_ptr<TimelineStore> reader;
    if (besideReader) {
        StoreError error;
        reader = TimelineStore::open(path, &error);
        QVERIFY2(reader && reader->eventCount() == 39, qPrintable(error.message));
    }
    const Result imported = run({u"--db"_s, path, u"import"_s, file});
    QCOMPARE(imported.err, u"chiptimeline: %1\n"_s.arg(expected.toString()));
    QVERIFY2(imported.err.contains(u"events[5999].start: day 30 does not exist in February 2026"_s),
             qPrintable(imported.err));
    QCOMPARE(imported.code, 1);
    QCOMPARE(imported.out, QString());
    reader.reset();
    QCOMPARE(fileSha256(path), before);
    for (const QString &beside : {u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QVERIFY2(!QFile::exists(path + beside), qPrintable(beside));
}

// A new database that cannot be made (here: its write-ahead log cannot be created, as on a
// full disk) leaves no empty file behind.
void TestDamagedDatabase::newFileThatCannotBeMadeIsRemoved() {
    const QString path = m_dir.filePath(u"new.sqlite"_s);
    QVERIFY(QDir().mkpath(path + u"-wal"_s)); // a folder where SQLite must write its log
    StoreError error;
    QVERIFY(!TimelineStore::open(path, &error));
    QVERIFY2(error.message.startsWith(shown(path) + u": "_s), qPrintable(error.message));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!QFile::exists(path + u"-shm"_s));
}

void TestDamagedDatabase::backupsMadeRotatedAndRestored() {
    const QString path = copyOfBase(u"backed-up.sqlite"_s);
    const QDate first(2026, 3, 1);
    QString made;
    StoreError error;
    {
        auto store = TimelineStore::open(path, &error);
        QVERIFY2(store, qPrintable(error.message));
        QVERIFY2(DatabaseBackup::backupIfDue(path, first, &made, &error),
                 qPrintable(error.message));
        QCOMPARE(made, m_dir.filePath(u"backed-up.sqlite.backups/backed-up-2026-03-01.sqlite"_s));
        QVERIFY(!TimelineStore::quickCheckFile(made).isError());
        // At most one a day.
        QVERIFY(DatabaseBackup::backupIfDue(path, first, &made, &error));
        QCOMPARE(made, QString());
        // Nine days later, the newest seven are kept.
        for (int day = 1; day <= 8; ++day) {
            QVERIFY(DatabaseBackup::backupIfDue(path, first.addDays(day), &made, &error));
            QCOMPARE(made, DatabaseBackup::pathFor(path, first.addDays(day)));
        }
        QStringList expected;
        for (int day = 8; day >= 2; --day)
            expected << DatabaseBackup::pathFor(path, first.addDays(day));
        QCOMPARE(DatabaseBackup::backups(path), expected);
        QVERIFY(!QFile::exists(DatabaseBackup::pathFor(path, first)));
        // A change after the backups: the restore takes it back.
        QVERIFY(store->deleteEvent(store->events().constFirst().id, &error));
        QCOMPARE(store->eventCount(), 38);
    }
    // A damaged newest backup is passed over, and refused when asked for.
    const QString newest = DatabaseBackup::backups(path).constFirst();
    QVERIFY(overwritePage(newest, rootPage(u"event"_s), m_pageSize, 512));
    QCOMPARE(DatabaseBackup::newestGoodBackup(path), DatabaseBackup::backups(path).at(1));
    const QByteArray live = fileSha256(path);
    QVERIFY(!TimelineStore::restoreBackup(newest, path, &error));
    QCOMPARE(error.message,
             u"%1: the database is damaged (table event): Page %2: btreeInitPage() returns "
             "error code 11"_s.arg(shown(newest))
                 .arg(rootPage(u"event"_s)));
    QCOMPARE(fileSha256(path), live);

    QVERIFY2(TimelineStore::restoreBackup(DatabaseBackup::newestGoodBackup(path), path, &error),
             qPrintable(error.message));
    auto restored = TimelineStore::open(path, &error);
    QVERIFY2(restored, qPrintable(error.message));
    QCOMPARE(restored->eventCount(), 39);
    QCOMPARE(restored->sourceCount(), 43);
    verifyDatabaseIntegrity(connectionOf(*restored));
    restored.reset();
    // The file it replaced is kept beside it, as it was.
    QCOMPARE(fileSha256(path + u".replaced"_s), live);
}

QTEST_GUILESS_MAIN(TestDamagedDatabase)
#include "tst_damageddatabase.moc"
