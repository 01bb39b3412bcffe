// Live updates in the window (label `server`): two windows on one server database; an event
// saved through one shows in the other without the user doing anything.

#include "StoreLocationTestUtil.h"

#include "model/store/TimelineStore.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/TimelineView.h"

#include <QApplication>
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

QTEST_MAIN(TestLiveWindow)
#include "tst_livewindow.moc"
