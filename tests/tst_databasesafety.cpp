// The window's side of issue 22, offscreen: a read-only database opens with editing off and
// a banner saying why; damage met while reading is shown instead of an empty timeline, and
// nothing is written to the damaged file.

#include "StoreConnectionTestUtil.h"
#include "model/DatabaseBackup.h"
#include "model/store/TimelineStore.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/TimelineView.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray sha256(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestDatabaseSafety : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void readOnlyShowsBannerAndKeepsEditingOff();
    void damageIsShownInsteadOfAnEmptyTimeline();
    void backupTakenAfterFirstFrame();

private:
    // A database of three events, closed again; its event table's first page and page size.
    QString makeDatabase(const QString &name, qint64 *eventRootPage, qint64 *pageSize);
    QTemporaryDir m_dir;
};

void TestDatabaseSafety::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

QString TestDatabaseSafety::makeDatabase(const QString &name, qint64 *eventRootPage,
                                         qint64 *pageSize) {
    const QString path = m_dir.filePath(name);
    StoreError error;
    auto store = TimelineStore::open(path, &error);
    if (!store)
        return {};
    Dataset dataset;
    for (int n = 0; n < 3; ++n) {
        Event event;
        event.title = u"Event %1"_s.arg(n);
        event.start = PartialDate::fromYmd(2025, 4 + n, 1);
        dataset.events << event;
    }
    if (!store->importDataset(dataset, ImportPolicy::Skip, nullptr, &error))
        return {};
    QSqlQuery query(connectionOf(*store));
    if (!query.exec(u"SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM "
                    "sqlite_master WHERE name = 'event'"_s) ||
        !query.next())
        return {};
    *eventRootPage = query.value(0).toLongLong();
    *pageSize = query.value(1).toLongLong();
    query.finish();
    store.reset();
    return path;
}

void TestDatabaseSafety::readOnlyShowsBannerAndKeepsEditingOff() {
    qint64 root = 0;
    qint64 pageSize = 0;
    const QString path = makeDatabase(u"read-only.sqlite"_s, &root, &pageSize);
    QVERIFY(!path.isEmpty());
    StoreError error;
    auto store = TimelineStore::open(path, &error, TimelineStore::OpenMode::ReadOnly);
    QVERIFY2(store, qPrintable(error.message));
    MainWindow window(std::move(store));
    window.show();
    auto *banner = window.findChild<QLabel *>(u"databaseBanner"_s);
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), u"Read-only (opened read-only): browsing, searching and exporting "
                             "work; editing is off."_s);
    QCOMPARE(window.timelineView()->data().size(), 3);
    // The editing actions are off (EditingController disables them for a read-only store).
    auto *newEvent = window.findChild<QAction *>(u"newEvent"_s);
    QVERIFY(newEvent);
    QVERIFY(!newEvent->isEnabled());
}

void TestDatabaseSafety::damageIsShownInsteadOfAnEmptyTimeline() {
    qint64 root = 0;
    qint64 pageSize = 0;
    const QString path = makeDatabase(u"damaged.sqlite"_s, &root, &pageSize);
    QVERIFY(!path.isEmpty());
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite) && file.seek((root - 1) * pageSize));
        QCOMPARE(file.write(QByteArray(512, char(0xa5))), qint64(512));
    }
    const QByteArray before = sha256(path);
    {
        // Opened unchecked, as a file over 64 MB is (checked after the first frame).
        StoreError error;
        auto store = TimelineStore::open(path, &error, TimelineStore::OpenMode::ReadWrite,
                                         TimelineStore::OpenCheck::None);
        QVERIFY2(store, qPrintable(error.message));
        MainWindow window(std::move(store));
        window.show();
        auto *banner = window.findChild<QLabel *>(u"databaseBanner"_s);
        QVERIFY(banner);
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->text(),
                 u"%1: the database is damaged (table event): database disk image is malformed\n"
                 "Nothing is shown or changed. No good backup was found."_s.arg(path));
        QCOMPARE(window.timelineView()->data().size(), 0);
        // Where SQLite cannot read, nothing is written.
        QVERIFY(window.store().isReadOnly());
        Event event;
        event.title = u"New"_s;
        event.start = PartialDate::fromYear(2026);
        QVERIFY(!window.store().saveEvent(event, &error));
        QCOMPARE(error.message, u"%1: the database is damaged; nothing was changed"_s.arg(path));
    }
    QCOMPARE(sha256(path), before);
}

// The day's backup comes once the window has painted (a small file: on the GUI thread).
void TestDatabaseSafety::backupTakenAfterFirstFrame() {
    qint64 root = 0;
    qint64 pageSize = 0;
    const QString path = makeDatabase(u"backed-up.sqlite"_s, &root, &pageSize);
    QVERIFY(!path.isEmpty());
    const QString backup = DatabaseBackup::pathFor(path, QDate::currentDate());
    StoreError error;
    auto store = TimelineStore::open(path, &error);
    QVERIFY2(store, qPrintable(error.message));
    MainWindow window(std::move(store));
    QVERIFY(!QFile::exists(backup));
    window.show();
    QTRY_VERIFY(QFile::exists(backup));
    QCOMPARE(DatabaseBackup::backups(path), QStringList{backup});
    QVERIFY(!TimelineStore::quickCheckFile(backup).isError());
    auto copy = TimelineStore::open(backup, &error, TimelineStore::OpenMode::ReadOnly);
    QVERIFY2(copy, qPrintable(error.message));
    QCOMPARE(copy->eventCount(), 3);
}

QTEST_MAIN(TestDatabaseSafety)
#include "tst_databasesafety.moc"
