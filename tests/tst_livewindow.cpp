// Live updates in the window (label `server`): two windows on one server database; an event
// saved through one shows in the other without the user doing anything.

#include "BundledDatasetTestUtil.h"
#include "StoreLocationTestUtil.h"

#include "model/DefaultDatabase.h"
#include "model/EditCommands.h"
#include "model/store/TimelineStore.h"
#include "ui/widgets/EditingController.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/TimelineView.h"

#include <QApplication>
#include <QScreen>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestLiveWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { QVERIFY(m_locations.beginTest()); }
    void cleanup() { m_locations.endTest(); }
    void cleanupTestCase() { m_locations.stop(); }
    void secondWindowShowsAnEditOfTheFirst();
    // With CHIPTIMELINE_SCREENSHOTS set (under xvfb-run, -platform xcb): the bundled dataset on
    // the server, two windows side by side, an edit in the left one shown live in the right:
    // team-two-windows.png in that folder.
    void twoWindowsScreenshot();

private:
    // The titles the window's timeline draws, sorted.
    static QStringList titles(MainWindow &window) {
        QStringList shown;
        const TimelineData &data = window.timelineView()->data();
        for (qsizetype i = 0; i < data.size(); ++i)
            shown << data.title(i);
        shown.sort();
        return shown;
    }
    StoreLocations m_locations;
};

void TestLiveWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(u"chiptimeline-test"_s);
    if (!StoreLocations::onServer())
        QSKIP("runs as tst_livewindow on the server only");
    if (!m_locations.start()) {
        if (m_locations.skipped())
            QSKIP("CHIPTIMELINE_TEST_PG is not set: no PostgreSQL server to test against "
                  "(scripts/test starts one with scripts/pg-cluster)");
        QFAIL("the PostgreSQL server CHIPTIMELINE_TEST_PG names cannot be used");
    }
}

void TestLiveWindow::secondWindowShowsAnEditOfTheFirst() {
    const QString location = m_locations.location(u"team"_s);
    StoreError error;
    auto firstStore = TimelineStore::open(location, &error);
    QVERIFY2(firstStore, qPrintable(error.message));
    Event event;
    event.title = u"Export rule announced"_s;
    event.start = PartialDate::fromYmd(2025, 1, 13);
    QVERIFY2(firstStore->saveEvent(event, &error), qPrintable(error.message));
    auto secondStore = TimelineStore::open(location, &error);
    QVERIFY2(secondStore, qPrintable(error.message));

    MainWindow first(std::move(firstStore));
    MainWindow second(std::move(secondStore));
    first.show();
    second.show();
    // Activation looks for changes too (on focus): it is over before the edit.
    QVERIFY(QTest::qWaitForWindowActive(&second));
    QCoreApplication::processEvents();
    QCOMPARE(titles(second), QStringList{u"Export rule announced"_s});

    // An edit and a new event through the first window's store, as its editor saves them.
    event.title = u"Export rule published"_s;
    QVERIFY2(first.store().saveEvent(event, &error), qPrintable(error.message));
    Event added;
    added.title = u"Licences granted"_s;
    added.start = PartialDate::fromYmd(2025, 2, 3);
    QVERIFY2(first.store().saveEvent(added, &error), qPrintable(error.message));
    QTRY_COMPARE_WITH_TIMEOUT(
        titles(second), (QStringList{u"Export rule published"_s, u"Licences granted"_s}), 5000);
}

void TestLiveWindow::twoWindowsScreenshot() {
    const QString folder = qEnvironmentVariable("CHIPTIMELINE_SCREENSHOTS");
    if (folder.isEmpty())
        QSKIP("CHIPTIMELINE_SCREENSHOTS is not set");
    const QString location = m_locations.location(u"chinadesk"_s);
    StoreError error;
    auto firstStore = TimelineStore::open(location, &error);
    QVERIFY2(firstStore, qPrintable(error.message));
    QVERIFY2(DefaultDatabase::fillIfNew(*firstStore, &error), qPrintable(error.message));
    auto secondStore = TimelineStore::open(location, &error);
    QVERIFY2(secondStore, qPrintable(error.message));
    MainWindow first(std::move(firstStore));
    MainWindow second(std::move(secondStore));
    const QRect screen = QGuiApplication::primaryScreen()->geometry();
    const int width = screen.width() / 2 - 10;
    first.setGeometry(0, 0, width, screen.height());
    second.setGeometry(width + 20, 0, width, screen.height());
    first.show();
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&first));
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    const qint64 id = first.store().eventByUid(BundledChain::july)->id;
    first.timelineView()->selectEvent(id);
    second.timelineView()->selectEvent(second.store().eventByUid(BundledChain::july)->id);

    // The left window's editor saves a new title, as OK in its dialog would.
    const Event before = *first.store().event(id);
    Event after = before;
    after.title = before.title + u" (edited by the left window)"_s;
    QVERIFY(first.findChild<EditingController *>()->push(
        new EditEventCommand(first.store(), before, after)));
    QTRY_VERIFY_WITH_TIMEOUT(titles(second).contains(after.title), 5000);
    second.timelineView()->selectEvent(second.store().eventByUid(BundledChain::july)->id);
    // Both windows painted and flushed before the screen is read.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    first.repaint();
    second.repaint();
    QCoreApplication::processEvents();
    const QPixmap shot = QGuiApplication::primaryScreen()->grabWindow(0);
    QVERIFY(shot.save(folder + u"/team-two-windows.png"_s));
}

QTEST_MAIN(TestLiveWindow)
#include "tst_livewindow.moc"
