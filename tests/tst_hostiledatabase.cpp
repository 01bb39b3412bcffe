#include "DatabaseFileTestUtil.h"
#include "StoreConnectionTestUtil.h"
#include "model/store/TimelineStore.h"
#include "model/store/sqlite/SqliteSchemaMigrations.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

// Databases copied from shared drives or mailed by colleagues: damaged, foreign, newer,
// read-only, locked, on a full disk, or crafted to run SQL when the app writes. Each one is
// refused with its exact message, and a refused file is left byte-for-byte as it was.
class TestHostileDatabase : public QObject {
    Q_OBJECT

private slots:
    void init();
    void notAnSqliteFile();
    void foreignSqliteFile();
    void truncatedDatabase();
    void corruptedPage();
    void newerSchemaVersion();
    void readOnlyMode();
    void readOnlyFile();
    void lockedByAnotherProgram();
    void fullDisk();
    void foreignTrigger_data();
    void foreignTrigger();
    void extensionLoadingStaysDisabled();

private:
    // A real database holding `events` events, closed again (no -wal left beside it).
    QString makeDatabase(const QString &name, int events);
    QTemporaryDir m_dir;
};

namespace {

QByteArray sha256(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QString shown(const QString &path) {
    return QDir::toNativeSeparators(path);
}

// Runs SQL on the file through a connection of its own, as another program would.
bool rawExec(const QString &path, const QStringList &statements) {
    const QString name = u"raw-%1"_s.arg(quintptr(&statements));
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open())
            return false;
        QSqlQuery query(db);
        for (const QString &sql : statements) {
            if (!query.exec(sql)) {
                qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
                ok = false;
                break;
            }
        }
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

Event sampleEvent(int n) {
    Event event;
    event.uid = u"20000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QChar(u'0'));
    event.title = u"Event %1 about H20 export licences"_s.arg(n);
    event.summary = QString(300, QChar(u'a' + n % 26));
    event.start = PartialDate::fromYmd(2025, 1 + n % 12, 1 + n % 28);
    event.actors = {u"Nvidia"_s};
    return event;
}

} // namespace

void TestHostileDatabase::init() {
    QVERIFY(m_dir.isValid());
}

QString TestHostileDatabase::makeDatabase(const QString &name, int events) {
    const QString path = m_dir.filePath(name);
    StoreError error;
    auto store = TimelineStore::open(path, &error);
    if (!store)
        return {};
    Dataset dataset;
    for (int n = 0; n < events; ++n)
        dataset.events << sampleEvent(n);
    ImportSummary summary;
    if (!store->importDataset(dataset, ImportPolicy::Skip, &summary, &error))
        return {};
    store.reset();
    return QFile::exists(path + u"-wal"_s) ? QString() : path;
}

void TestHostileDatabase::notAnSqliteFile() {
    const QString path = m_dir.filePath(u"notes.sqlite"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("These are my notes, not a database.\n");
    file.close();
    const QByteArray before = sha256(path);
    StoreError error;
    QVERIFY(!TimelineStore::open(path, &error));
    QCOMPARE(error.kind, StoreError::Kind::NotADatabase);
    QCOMPARE(
        error.message,
        u"%1: not a ChipTimeline database (not an SQLite file); left untouched"_s.arg(shown(path)));
    QCOMPARE(sha256(path), before);
    QVERIFY(!QFile::exists(path + u"-wal"_s));
}

void TestHostileDatabase::foreignSqliteFile() {
    const QString path = m_dir.filePath(u"other-app.sqlite"_s);
    QVERIFY(rawExec(path, {u"CREATE TABLE contacts (name TEXT)"_s,
                           u"INSERT INTO contacts VALUES ('Alice')"_s}));
    const QByteArray before = sha256(path);
    StoreError error;
    QVERIFY(!TimelineStore::open(path, &error));
    QCOMPARE(error.kind, StoreError::Kind::NotADatabase);
    QCOMPARE(
        error.message,
        u"%1: an SQLite file, but not a ChipTimeline database; left untouched"_s.arg(shown(path)));
    QCOMPARE(sha256(path), before);
}

void TestHostileDatabase::truncatedDatabase() {
    const QString path = makeDatabase(u"truncated.sqlite"_s, 400);
    QVERIFY(!path.isEmpty());
    QFile file(path);
    const qint64 whole = file.size();
    QVERIFY(file.resize(whole / 2));
    const QByteArray before = sha256(path);
    StoreError error;
    auto store = TimelineStore::open(path, &error);
    QVERIFY(!store);
    QCOMPARE(error.kind, StoreError::Kind::Corrupt);
    // Seen from the header's page count before SQLite reads a page.
    QCOMPARE(error.message,
             u"%1: the database is damaged: the file is cut short (%2 bytes, %3 expected)"_s
                 .arg(shown(path))
                 .arg(whole / 2)
                 .arg(whole));
    QCOMPARE(sha256(path), before);
}

void TestHostileDatabase::corruptedPage() {
    const QString path = makeDatabase(u"corrupted.sqlite"_s, 400);
    QVERIFY(!path.isEmpty());
    // A page in the middle of the event table's leaves, which the import below rewrites (a
    // free page would go unnoticed: the schema's upgrades leave some).
    qint64 damagedAt = 0;
    qint64 damagedPage = 0;
    {
        const QString name = u"pages"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery pages(db);
            QVERIFY(pages.exec(u"SELECT pageno, (SELECT page_size FROM pragma_page_size) "
                               "FROM dbstat WHERE name = 'event' AND pagetype = 'leaf' "
                               "ORDER BY pageno"_s));
            QList<std::pair<qint64, qint64>> leaves;
            while (pages.next())
                leaves.append({pages.value(0).toLongLong(), pages.value(1).toLongLong()});
            QVERIFY(leaves.size() > 4);
            const auto [page, pageSize] = leaves.at(leaves.size() / 2);
            damagedAt = (page - 1) * pageSize;
            damagedPage = page;
        }
        QSqlDatabase::removeDatabase(name);
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(damagedAt));
    QByteArray garbage(4096, '\0');
    for (qsizetype i = 0; i < garbage.size(); ++i)
        garbage[i] = char((i * 131 + 7) & 0xff);
    file.write(garbage);
    file.close();
    const QByteArray before = databaseFileHash(path);
    // A small file is checked whole on open (quick_check): refused, and left as it was.
    StoreError error;
    QVERIFY(!TimelineStore::open(path, &error));
    QCOMPARE(error.kind, StoreError::Kind::Corrupt);
    QCOMPARE(error.message,
             u"%1: the database is damaged: Page %2: btreeInitPage() returns error code 11"_s
                 .arg(shown(path))
                 .arg(damagedPage));
    QCOMPARE(databaseFileHash(path), before);
    // Opened unchecked (as the window opens a large file, checking it after the first frame),
    // SQLite's own check sees the damage, and a change that touches the damaged pages is
    // refused and leaves the file as it was.
    auto store = TimelineStore::open(path, &error, TimelineStore::OpenMode::ReadWrite,
                                     TimelineStore::OpenCheck::None);
    QVERIFY2(store, qPrintable(error.message));
    QSqlQuery query(connectionOf(*store));
    QVERIFY(query.exec(u"PRAGMA quick_check"_s) && query.next());
    QVERIFY(query.value(0).toString() != u"ok"_s);
    query.finish();
    Dataset rewrite;
    for (int n = 0; n < 400; ++n)
        rewrite.events << sampleEvent(n);
    for (Event &event : rewrite.events)
        event.title += u" (edited)"_s;
    ImportSummary summary;
    QVERIFY(!store->importDataset(rewrite, ImportPolicy::Update, &summary, &error));
    QCOMPARE(error.kind, StoreError::Kind::Corrupt);
    QVERIFY2(
        // SQLite's reason depends on which page the damage hit: "database disk image is
        // malformed" for a table's page, "vtable constructor failed: event_fts" for the
        // full-text index's.
        error.message.startsWith(u"%1: the database file is damaged ("_s.arg(shown(path))) &&
            error.message.contains(u"); could not "_s),
        qPrintable(error.message));
    store.reset();
    // As it was but for SQLite's write counters (see databaseFileHash).
    QCOMPARE(databaseFileHash(path), before);
}

void TestHostileDatabase::newerSchemaVersion() {
    const QString path = makeDatabase(u"newer.sqlite"_s, 3);
    QVERIFY(!path.isEmpty());
    QVERIFY(rawExec(path, {u"UPDATE meta SET value = '999' WHERE key = 'schema_version'"_s}));
    const QByteArray before = sha256(path);
    StoreError error;
    QVERIFY(!TimelineStore::open(path, &error));
    QCOMPARE(error.kind, StoreError::Kind::TooNew);
    QCOMPARE(error.message, u"%1: written by a newer ChipTimeline (schema version 999; this "
                            "version reads up to %2); left untouched"_s.arg(shown(path))
                                .arg(latestSchemaVersion()));
    QCOMPARE(sha256(path), before);
}

void TestHostileDatabase::readOnlyMode() {
    const QString path = makeDatabase(u"readonly-mode.sqlite"_s, 3);
    QVERIFY(!path.isEmpty());
    const QByteArray before = sha256(path);
    StoreError error;
    auto store = TimelineStore::open(path, &error, TimelineStore::OpenMode::ReadOnly);
    QVERIFY2(store, qPrintable(error.message));
    QVERIFY(store->isReadOnly());
    QCOMPARE(store->eventCount(), 3);
    Event event = sampleEvent(99);
    QVERIFY(!store->saveEvent(event, &error));
    QCOMPARE(error.kind, StoreError::Kind::ReadOnly);
    QCOMPARE(error.message, u"%1: opened read-only; nothing was changed"_s.arg(shown(path)));
    QVERIFY(!store->deleteEvent(store->events().first().id, &error));
    QCOMPARE(error.message, u"%1: opened read-only; nothing was changed"_s.arg(shown(path)));
    // Even SQL through the connection itself cannot write.
    QSqlQuery query(connectionOf(*store));
    QVERIFY(!query.exec(u"DELETE FROM event"_s));
    store.reset();
    QCOMPARE(sha256(path), before);
}

void TestHostileDatabase::readOnlyFile() {
    const QString path = makeDatabase(u"readonly-file.sqlite"_s, 3);
    QVERIFY(!path.isEmpty());
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    if (geteuid() == 0)
        QSKIP("running as root: chmod 0444 does not stop root from writing, so the file looks "
              "writable; the read-only path is covered by readOnlyMode");
    const QByteArray before = sha256(path);
    StoreError error;
    auto store = TimelineStore::open(path, &error);
    QVERIFY2(store, qPrintable(error.message));
    QCOMPARE(store->readOnlyReason(), u"the file is read-only"_s);
    Event event = sampleEvent(99);
    QVERIFY(!store->saveEvent(event, &error));
    QCOMPARE(error.kind, StoreError::Kind::ReadOnly);
    QCOMPARE(error.message, u"%1: the file is read-only; nothing was changed"_s.arg(shown(path)));
    store.reset();
    QCOMPARE(sha256(path), before);
}

void TestHostileDatabase::lockedByAnotherProgram() {
    const QString path = makeDatabase(u"locked.sqlite"_s, 3);
    QVERIFY(!path.isEmpty());
    StoreError error;
    auto store = TimelineStore::open(path, &error);
    QVERIFY2(store, qPrintable(error.message));
    const QString name = u"other-program"_s;
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        other.setDatabaseName(path);
        QVERIFY(other.open());
        QSqlQuery lock(other);
        QVERIFY(lock.exec(u"BEGIN EXCLUSIVE"_s));
        QVERIFY(lock.exec(u"DELETE FROM meta WHERE key = 'nothing'"_s));

        // Waits for the busy timeout (5 s), then refuses instead of hanging.
        Event event = sampleEvent(99);
        QVERIFY(!store->saveEvent(event, &error));
        QCOMPARE(error.kind, StoreError::Kind::Locked);
        QCOMPARE(error.message,
                 u"%1: locked by another program; could not start a change (try again when it "
                 "is closed)"_s.arg(shown(path)));
        QCOMPARE(store->eventCount(), 3); // reading still works

        QVERIFY(lock.exec(u"ROLLBACK"_s));
        lock.finish();
        other.close();
    }
    QSqlDatabase::removeDatabase(name);
    // Once the other program lets go, the same action goes through.
    Event event = sampleEvent(99);
    QVERIFY2(store->saveEvent(event, &error), qPrintable(error.message));
    QCOMPARE(store->eventCount(), 4);
}

void TestHostileDatabase::fullDisk() {
    const QString path = makeDatabase(u"full.sqlite"_s, 20);
    QVERIFY(!path.isEmpty());
    StoreError error;
    auto store = TimelineStore::open(path, &error);
    QVERIFY2(store, qPrintable(error.message));
    const Dataset before = store->dataset();
    // The file may not grow by more than a few pages: SQLite answers SQLITE_FULL as it does
    // on a full disk.
    QSqlQuery query(connectionOf(*store));
    QVERIFY(query.exec(u"PRAGMA page_count"_s) && query.next());
    const int pages = query.value(0).toInt();
    QVERIFY(query.exec(u"PRAGMA max_page_count = %1"_s.arg(pages + 2)));
    query.finish();
    Dataset big;
    for (int n = 1000; n < 3000; ++n)
        big.events << sampleEvent(n);
    ImportSummary summary;
    QVERIFY(!store->importDataset(big, ImportPolicy::Skip, &summary, &error));
    QCOMPARE(error.kind, StoreError::Kind::Io);
    // Which event no longer fits depends on how many pages each one takes (its search index
    // row is written with it); the message names it.
    const QRegularExpression message(
        u"^%1: the disk is full; could not save event 'Event 1\\d\\d\\d about H20 export licences'$"_s
            .arg(QRegularExpression::escape(shown(path))));
    QVERIFY2(message.match(error.message).hasMatch(), qPrintable(error.message));
    QCOMPARE(store->dataset(), before);
    store.reset();

    auto reopened = TimelineStore::open(path, &error);
    QVERIFY2(reopened, qPrintable(error.message));
    QSqlQuery check(connectionOf(*reopened));
    QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
    QCOMPARE(check.value(0).toString(), u"ok"_s);
    QCOMPARE(reopened->eventCount(), 20);
    QCOMPARE(reopened->dataset(), before);
}

void TestHostileDatabase::foreignTrigger_data() {
    QTest::addColumn<QStringList>("sql");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("name");
    QTest::newRow("trigger that empties the table on insert")
        << QStringList{u"CREATE TRIGGER wipe AFTER INSERT ON event BEGIN DELETE FROM event; END"_s}
        << u"trigger"_s << u"wipe"_s;
    // The name of a trigger schema version 2 had, with a body of its own: the name alone
    // earns no trust.
    QTest::newRow("trigger named like ours")
        << QStringList{u"CREATE TRIGGER event_fts_insert AFTER INSERT ON event BEGIN "
                       "DELETE FROM source; END"_s}
        << u"trigger"_s << u"event_fts_insert"_s;
    QTest::newRow("view named like our search index")
        << QStringList{u"CREATE VIEW changed_event AS SELECT id FROM event"_s} << u"view"_s
        << u"changed_event"_s;
    QTest::newRow("view that calls a function")
        << QStringList{u"CREATE VIEW v AS SELECT load_extension('/tmp/evil.so')"_s} << u"view"_s
        << u"v"_s;
}

void TestHostileDatabase::foreignTrigger() {
    QFETCH(QStringList, sql);
    QFETCH(QString, kind);
    QFETCH(QString, name);
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
    const QString path = makeDatabase(u"crafted-%1.sqlite"_s.arg(tag), 3);
    QVERIFY(!path.isEmpty());
    QVERIFY(rawExec(path, sql));
    QVERIFY(!QFile::exists(path + u"-wal"_s));
    const QByteArray before = sha256(path);
    StoreError error;
    QVERIFY(!TimelineStore::open(path, &error));
    QCOMPARE(error.kind, StoreError::Kind::NotADatabase);
    QCOMPARE(error.message,
             u"%1: contains a %2 '%3' that ChipTimeline did not create; refused and left "
             "untouched"_s.arg(shown(path), kind, name));
    QCOMPARE(sha256(path), before);
    // Read-only opening refuses it the same way.
    QVERIFY(!TimelineStore::open(path, &error, TimelineStore::OpenMode::ReadOnly));
    QCOMPARE(error.kind, StoreError::Kind::NotADatabase);
    QCOMPARE(sha256(path), before);
}

void TestHostileDatabase::extensionLoadingStaysDisabled() {
    const QString path = makeDatabase(u"extensions.sqlite"_s, 1);
    QVERIFY(!path.isEmpty());
    StoreError error;
    auto store = TimelineStore::open(path, &error);
    QVERIFY2(store, qPrintable(error.message));
    QSqlQuery query(connectionOf(*store));
    QVERIFY(!query.exec(u"SELECT load_extension('x')"_s));
    QCOMPARE(query.lastError().databaseText(), u"not authorized"_s);
}

QTEST_GUILESS_MAIN(TestHostileDatabase)
#include "tst_hostiledatabase.moc"
