// A server that goes away mid-session (label `server`): the window's connection is ended
// from the server's side (pg_terminate_backend, from a connection of the test's own); the
// window turns read-only under a banner, keeps showing the data as last read, reconnects by
// itself (QTimer backoff) and reloads, and an edit tried meanwhile is refused with the
// editor keeping its text.

#include "StoreLocationTestUtil.h"

#include "model/store/TimelineStore.h"
#include "model/store/postgres/ServerAddress.h"
#include "ui/widgets/EditingController.h"
#include "ui/widgets/EventEditorDialog.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/ServerConnectionWatch.h"
#include "ui/widgets/TimelineView.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

class TestServerLost : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init() {
        // The driver's socket notifier must not outlive the socket libpq closed when the server
        // ended the connection (the event loop would warn, and watch a reused descriptor).
        QTest::failOnWarning(QRegularExpression(u"QSocketNotifier: Invalid socket"_s));
        QVERIFY(m_locations.beginTest());
    }
    void cleanup() { m_locations.endTest(); }
    void cleanupTestCase() { m_locations.stop(); }
    void lostServerTurnsReadOnlyAndRecovers();
    void retriesUntilTheServerTakesConnectionsAgain();
    void editWhileLostIsRefusedAndTheEditorKeepsTheText();

private:
    static QStringList titles(MainWindow &window) {
        QStringList shown;
        const TimelineData &data = window.timelineView()->data();
        for (qsizetype i = 0; i < data.size(); ++i)
            shown << data.title(i);
        shown.sort();
        return shown;
    }
    static QString databaseOf(const QString &location) {
        ServerAddress address;
        QString error;
        return parseServerAddress(location, &address, &error) ? address.databaseName : QString();
    }
    // Ends every connection to the database but the test's own.
    bool terminateConnections(const QString &location) {
        return m_locations.runAsAdmin(
            u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1' "
            "AND pid <> pg_backend_pid()"_s.arg(databaseOf(location)));
    }
    bool allowConnections(const QString &location, bool allow) {
        return m_locations.runAsAdmin(u"ALTER DATABASE %1 ALLOW_CONNECTIONS %2"_s.arg(
            databaseOf(location), allow ? u"true"_s : u"false"_s));
    }
    // A window on a timeline holding one event, shown and active.
    std::unique_ptr<MainWindow> windowOn(const QString &location) {
        StoreError error;
        auto store = TimelineStore::open(location, &error);
        if (!store)
            return nullptr;
        Category category;
        category.name = u"us-export-controls"_s;
        category.label = u"US export controls"_s;
        category.color = QColor(u"#d95f02"_s);
        if (!store->saveCategory(category, &error))
            return nullptr;
        Event event;
        event.title = u"Export rule announced"_s;
        event.category = category.name;
        event.start = PartialDate::fromYmd(2025, 1, 13);
        if (!store->saveEvent(event, &error))
            return nullptr;
        auto window = std::make_unique<MainWindow>(std::move(store));
        window->serverWatch()->setCheckInterval(100); // 5 s in use
        window->show();
        if (!QTest::qWaitForWindowActive(window.get()))
            return nullptr;
        QCoreApplication::processEvents();
        return window;
    }
    static QString bannerText(const QString &location) {
        return u"The server at %1 is not reachable; showing the data as last read. "
               "Reconnecting…"_s.arg(location);
    }
    StoreLocations m_locations;
};

void TestServerLost::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(u"chiptimeline-test"_s);
    if (!StoreLocations::onServer())
        QSKIP("runs as tst_serverlost on the server only");
    if (!m_locations.start()) {
        if (m_locations.skipped())
            QSKIP("CHIPTIMELINE_TEST_PG is not set: no PostgreSQL server to test against "
                  "(scripts/test starts one with scripts/pg-cluster)");
        QFAIL("the PostgreSQL server CHIPTIMELINE_TEST_PG names cannot be used");
    }
}

void TestServerLost::lostServerTurnsReadOnlyAndRecovers() {
    const QString location = m_locations.location(u"team"_s);
    std::unique_ptr<MainWindow> window = windowOn(location);
    QVERIFY(window);
    ServerConnectionWatch *watch = window->serverWatch();
    QVERIFY(watch);
    QLabel *banner = watch->banner();
    QVERIFY(!banner->isVisible());
    QAction *newEvent = window->findChild<QAction *>(u"newEvent"_s);
    QVERIFY(newEvent->isEnabled());
    QSignalSpy lost(watch, &ServerConnectionWatch::connectionLost);
    QSignalSpy back(watch, &ServerConnectionWatch::reconnected);

    QVERIFY(terminateConnections(location));
    // Found by the watch's check, without any read or write.
    QTRY_COMPARE(lost.size(), 1);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), bannerText(location));
    QVERIFY(window->store().isConnectionLost());
    QVERIFY(window->store().isReadOnly());
    QCOMPARE(window->store().readOnlyReason(), u"the server is not reachable"_s);
    QVERIFY(!newEvent->isEnabled());
    // The data as last read stays on screen.
    QCOMPARE(titles(*window), QStringList{u"Export rule announced"_s});
    if (const QString folder = qEnvironmentVariable("CHIPTIMELINE_SCREENSHOTS");
        !folder.isEmpty()) {
        QCoreApplication::sendPostedEvents(); // the layout, as a person would see it
        window->grab().save(folder + u"/team-server-lost.png"_s);
    }

    // Meanwhile another client adds an event: no notice reaches the lost window.
    StoreError error;
    auto other = TimelineStore::open(location, &error);
    QVERIFY2(other, qPrintable(error.message));
    Event added;
    added.title = u"Licences granted"_s;
    added.start = PartialDate::fromYmd(2025, 2, 3);
    QVERIFY2(other->saveEvent(added, &error), qPrintable(error.message));

    // The first retry (after 1 s) finds the server and reloads.
    QTRY_COMPARE_WITH_TIMEOUT(back.size(), 1, 5000);
    QVERIFY(!banner->isVisible());
    QVERIFY(!window->store().isConnectionLost());
    QVERIFY(!window->store().isReadOnly());
    QVERIFY(newEvent->isEnabled());
    QCOMPARE(titles(*window), (QStringList{u"Export rule announced"_s, u"Licences granted"_s}));

    // Listening again: the next edit elsewhere shows live.
    added.title = u"Licences granted to two firms"_s;
    QVERIFY2(other->saveEvent(added, &error), qPrintable(error.message));
    QTRY_COMPARE_WITH_TIMEOUT(
        titles(*window),
        (QStringList{u"Export rule announced"_s, u"Licences granted to two firms"_s}), 5000);
    QCOMPARE(lost.size(), 1);
}

void TestServerLost::retriesUntilTheServerTakesConnectionsAgain() {
    const QString location = m_locations.location(u"team"_s);
    std::unique_ptr<MainWindow> window = windowOn(location);
    QVERIFY(window);
    ServerConnectionWatch *watch = window->serverWatch();
    QSignalSpy failed(watch, &ServerConnectionWatch::reconnectFailed);
    QSignalSpy back(watch, &ServerConnectionWatch::reconnected);

    QVERIFY(allowConnections(location, false));
    QVERIFY(terminateConnections(location));
    QTRY_VERIFY(watch->isLost());
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    const QString why = u"%1: cannot connect: database \"%2\" is not currently accepting "
                        "connections"_s.arg(location, databaseOf(location));
    QCOMPARE(failed.constFirst().constFirst().toString(), why);
    QCOMPARE(watch->nextRetryMs(), 2000); // 1 s, then 2 s, 4 s, … up to 30 s
    QCOMPARE(watch->banner()->text(),
             bannerText(location) + u"\nNext try in 2 s ("_s + why + u")."_s);
    QVERIFY(window->store().isReadOnly());
    QCOMPARE(titles(*window), QStringList{u"Export rule announced"_s});

    QVERIFY(allowConnections(location, true));
    QTRY_COMPARE_WITH_TIMEOUT(back.size(), 1, 8000);
    QVERIFY(!watch->banner()->isVisible());
    QVERIFY(!window->store().isReadOnly());
    QCOMPARE(watch->nextRetryMs(), ServerConnectionWatch::firstRetryMs);
}

void TestServerLost::editWhileLostIsRefusedAndTheEditorKeepsTheText() {
    const QString location = m_locations.location(u"team"_s);
    std::unique_ptr<MainWindow> window = windowOn(location);
    QVERIFY(window);
    ServerConnectionWatch *watch = window->serverWatch();
    auto *editing = window->findChild<EditingController *>();
    editing->setShowErrors(false);
    QSignalSpy errors(editing, &EditingController::errorOccurred);
    const qint64 id = window->timelineView()->data().id(0);
    window->timelineView()->selectEvent(id);

    QString reopenedWith;
    int categoriesOffered = 0;
    int categoriesBefore = 0;
    QTimer::singleShot(0, this, [&] {
        auto *editor = qobject_cast<EventEditorDialog *>(QApplication::activeModalWidget());
        QVERIFY(editor);
        categoriesBefore = editor->findChild<QComboBox *>(u"category"_s)->count();
        // While the editor is open the server goes away (and takes no one back yet).
        QVERIFY(allowConnections(location, false));
        QVERIFY(terminateConnections(location));
        QTRY_VERIFY(watch->isLost());
        QTimer::singleShot(0, this, [&] { // the editor again, after the refusal
            auto *again = qobject_cast<EventEditorDialog *>(QApplication::activeModalWidget());
            QVERIFY(again);
            reopenedWith = again->findChild<QLineEdit *>(u"title"_s)->text();
            // The lists as last read, not the nothing a lost server gives.
            categoriesOffered = again->findChild<QComboBox *>(u"category"_s)->count();
            again->reject();
        });
        editor->findChild<QLineEdit *>(u"title"_s)->setText(u"Export rule published"_s);
        editor->okButton()->click();
    });
    editing->editSelected();
    QCOMPARE(reopenedWith, u"Export rule published"_s);
    QCOMPARE(categoriesBefore, 2); // (none) and US export controls
    QCOMPARE(categoriesOffered, categoriesBefore);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().constFirst().toString(),
             u"The database is read-only (the server is not reachable); nothing was changed."_s);
    QCOMPARE(titles(*window), QStringList{u"Export rule announced"_s});

    QVERIFY(allowConnections(location, true));
    QTRY_VERIFY_WITH_TIMEOUT(!watch->isLost(), 8000);
    // Nothing half-written: the event as it was, and editable again.
    QCOMPARE(window->store().event(id)->title, u"Export rule announced"_s);
    QVERIFY(window->findChild<QAction *>(u"editEvent"_s)->isEnabled());
}

QTEST_MAIN(TestServerLost)
#include "tst_serverlost.moc"
