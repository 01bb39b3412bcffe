// File → Open Team Timeline… (TeamTimelineDialog) and the recent servers (RecentFiles, the
// start panel). The cases that connect need a server: they run as tst_teamtimeline_server
// (label `server`) and skip here, saying why.

#include "StoreLocationTestUtil.h"

#include "model/store/TimelineStore.h"
#include "model/store/postgres/ServerAddress.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/RecentFiles.h"
#include "ui/widgets/StartPanel.h"
#include "ui/widgets/TeamTimelineDialog.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

class TestTeamTimeline : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup() { m_locations.endTest(); }
    void cleanupTestCase() { m_locations.stop(); }

    void addressFillsTheParts();
    void partsMakeTheAddress();
    void badAddressIsOneLineAndTheDialogStays();
    void fileAddressIsRefused();
    void noServerSocketIsOneLine();
    void recentServersKeepNoPassword();
    void recentMenuAndStartPanelListServers();
    void fileMenuHasOpenTeamTimeline();
    // On the server.
    void opensTheServerAndRemembersItWithoutPassword();
    void missingDatabaseIsOneLine();

private:
    static QString settingsFileText() {
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll());
    }
    StoreLocations m_locations;
};

void TestTeamTimeline::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ChipTimelineTest"_s);
    QCoreApplication::setApplicationName(u"tst_teamtimeline"_s);
    if (!m_locations.start()) {
        if (m_locations.skipped())
            QSKIP("CHIPTIMELINE_TEST_PG is not set: no PostgreSQL server to test against "
                  "(scripts/test starts one with scripts/pg-cluster)");
        QFAIL("the PostgreSQL server CHIPTIMELINE_TEST_PG names cannot be used");
    }
}

void TestTeamTimeline::init() {
    QVERIFY(m_locations.beginTest());
    QSettings().clear();
}

void TestTeamTimeline::addressFillsTheParts() {
    TeamTimelineDialog dialog({});
    dialog.addressBox()->setEditText(
        u"postgresql://anna@db.example.org:5433/chinadesk?sslmode=require"_s);
    QCOMPARE(dialog.hostEdit()->text(), u"db.example.org"_s);
    QCOMPARE(dialog.portEdit()->text(), u"5433"_s);
    QCOMPARE(dialog.databaseEdit()->text(), u"chinadesk"_s);
    QCOMPARE(dialog.userEdit()->text(), u"anna"_s);
    dialog.addressBox()->setEditText(u"service=chinadesk"_s);
    QCOMPARE(dialog.hostEdit()->text(), QString());
    QCOMPARE(dialog.databaseEdit()->text(), QString());
}

void TestTeamTimeline::partsMakeTheAddress() {
    TeamTimelineDialog dialog({});
    dialog.show();
    QTest::keyClicks(dialog.hostEdit(), u"db.example.org"_s);
    QTest::keyClicks(dialog.portEdit(), u"5433"_s);
    QTest::keyClicks(dialog.databaseEdit(), u"chinadesk"_s);
    QTest::keyClicks(dialog.userEdit(), u"anna"_s);
    QCOMPARE(dialog.addressText(), u"postgresql://anna@db.example.org:5433/chinadesk"_s);
    // The address's other settings stay when a part changes; a password typed there goes.
    dialog.addressBox()->setEditText(
        u"postgresql://anna:s3cret@db.example.org/chinadesk?sslmode=verify-full"_s);
    dialog.databaseEdit()->clear();
    QTest::keyClicks(dialog.databaseEdit(), u"eudesk"_s);
    QCOMPARE(dialog.addressText(),
             u"postgresql://anna@db.example.org/eudesk?sslmode=verify-full"_s);
}

void TestTeamTimeline::badAddressIsOneLineAndTheDialogStays() {
    TeamTimelineDialog dialog({});
    dialog.show();
    dialog.addressBox()->setEditText(u"postgresql://anna@h:99999/chinadesk"_s);
    dialog.openButton()->click();
    QCOMPARE(dialog.message(),
             u"not a PostgreSQL address: postgresql://anna@h:99999/chinadesk (port '99999' is "
             "not a number from 1 to 65535), expected postgresql://user@host:port/dbname"_s);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.takeStore());

    dialog.addressBox()->setEditText(QString());
    dialog.openButton()->click();
    QCOMPARE(dialog.message(), u"Type the server's address, or its host and database."_s);
}

void TestTeamTimeline::fileAddressIsRefused() {
    TeamTimelineDialog dialog({});
    dialog.show();
    dialog.addressBox()->setEditText(u"host=db.example.org dbname=chinadesk"_s);
    dialog.openButton()->click();
    QCOMPARE(dialog.message(), u"host=db.example.org dbname=chinadesk: write the address as "
                               "postgresql://user@host:port/database or service=name"_s);
    QVERIFY(dialog.isVisible());
}

void TestTeamTimeline::noServerSocketIsOneLine() {
    TeamTimelineDialog dialog({});
    dialog.show();
    const QString address = u"postgresql://anna@/chinadesk?host=/nonexistent-ct-folder"_s;
    dialog.addressBox()->setEditText(address);
    dialog.openButton()->click();
    QCOMPARE(dialog.message(), address + u": the server is not reachable (no server socket in "
                                         "that folder)"_s);
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.takeStore());
}

void TestTeamTimeline::recentServersKeepNoPassword() {
    RecentFiles recent;
    recent.addServer(u"postgresql://anna:s3cret-pw@db.example.org/chinadesk"_s);
    recent.addServer(u"service=eudesk sslpassword=key-s3cret"_s);
    recent.addServer(u"postgresql://anna@h:99999/chinadesk"_s); // not an address: not kept
    recent.addServer(u"postgres://anna:other@db.example.org/chinadesk"_s); // the same again
    QCOMPARE(recent.servers(),
             (QStringList{u"postgresql://anna@db.example.org/chinadesk"_s, u"service=eudesk"_s}));
    const QString written = settingsFileText();
    QVERIFY(written.contains(u"db.example.org"_s));
    QVERIFY(!written.contains(u"s3cret"_s));
    QVERIFY(!written.contains(u"other"_s));
    recent.clear();
    QCOMPARE(recent.servers(), QStringList());
}

void TestTeamTimeline::recentMenuAndStartPanelListServers() {
    RecentFiles recent;
    const QString file = QDir::temp().filePath(u"ct-team-recent.chiptimeline.sqlite"_s);
    recent.add(file);
    recent.addServer(u"postgresql://anna@db.example.org/chinadesk"_s);
    QMenu menu;
    recent.fillMenu(&menu);
    QStringList texts;
    for (QAction *action : menu.actions())
        if (!action->isSeparator())
            texts << action->text();
    QCOMPARE(texts, (QStringList{u"&1 ct-team-recent.chiptimeline.sqlite (not found)"_s,
                                 u"&2 postgresql://anna@db.example.org/chinadesk"_s,
                                 u"&Remove Missing Timelines"_s, u"&Clear List"_s}));
    QString asked;
    connect(&recent, &RecentFiles::openRequested, this, [&](const QString &what) { asked = what; });
    menu.actions().value(2)->trigger();
    QCOMPARE(asked, u"postgresql://anna@db.example.org/chinadesk"_s);

    StartPanel panel;
    panel.setRecentFiles(recent.files(), u"/elsewhere.sqlite"_s, recent.servers());
    QCOMPARE(panel.recentList()->count(), 2);
    QCOMPARE(panel.recentList()->item(1)->text(), u"postgresql://anna@db.example.org/chinadesk"_s);
    QCOMPARE(panel.recentList()->item(1)->data(Qt::UserRole).toString(),
             u"postgresql://anna@db.example.org/chinadesk"_s);
    // Not the one shown.
    panel.setRecentFiles({}, u"postgresql://anna@db.example.org/chinadesk"_s, recent.servers());
    QCOMPARE(panel.recentList()->item(0)->text(), u"No other timelines yet"_s);
}

void TestTeamTimeline::fileMenuHasOpenTeamTimeline() {
    StoreError error;
    auto store = TimelineStore::open(
        QDir::temp().filePath(u"ct-team-menu-%1.sqlite"_s.arg(QCoreApplication::applicationPid())),
        &error);
    QVERIFY2(store, qPrintable(error.message));
    const QString path = store->path();
    {
        MainWindow window(std::move(store));
        QAction *team = window.findChild<QAction *>(u"openTeamAction"_s);
        QVERIFY(team);
        QCOMPARE(team->text(), u"Open &Team Timeline…"_s);
        bool seen = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<TeamTimelineDialog *>(QApplication::activeModalWidget());
            seen = dialog != nullptr;
            if (dialog)
                dialog->reject();
        });
        team->trigger();
        QVERIFY(seen);
    }
    QFile::remove(path);
}

void TestTeamTimeline::opensTheServerAndRemembersItWithoutPassword() {
    if (!StoreLocations::onServer())
        QSKIP("connects to a server: runs as tst_teamtimeline_server");
    const QString location = m_locations.location(u"team"_s);
    // The test server lets its superuser in over the socket without a password: one typed
    // into the address is handed to libpq and must go nowhere else.
    ServerAddress parsed;
    QString parseError;
    QVERIFY(parseServerAddress(location, &parsed, &parseError));
    QVERIFY(location.startsWith(u"postgresql://%1@"_s.arg(parsed.userName)));
    QString withPassword = location;
    withPassword.replace(u"postgresql://%1@"_s.arg(parsed.userName),
                         u"postgresql://%1:pw-s3cret-42@"_s.arg(parsed.userName));

    StoreError error;
    // In a folder of its own, removed after the window has closed the file: removing the file
    // while its store was open left its -wal and -shm files behind in /tmp.
    const QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString file = folder.filePath(u"ct-team-open.sqlite"_s);
    auto fileStore = TimelineStore::open(file, &error);
    QVERIFY2(fileStore, qPrintable(error.message));
    MainWindow window(std::move(fileStore));
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<TeamTimelineDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->addressBox()->setEditText(withPassword);
        dialog->openButton()->click();
        if (dialog->isVisible()) { // failed: say why
            qWarning("%s", qPrintable(dialog->message()));
            dialog->reject();
        }
    });
    MainWindow *opened = window.openTeamTimeline();
    QVERIFY(opened);
    QCOMPARE(opened->store().path(), location);
    QVERIFY(!opened->store().isFileBased());
    QCOMPARE(window.recentFiles()->servers(), QStringList{location});
    const QString written = settingsFileText();
    QVERIFY(written.contains(parsed.databaseName));
    QVERIFY(!written.contains(u"pw-s3cret-42"_s));
    // Its title names the server's address, without the password.
    QVERIFY(!opened->windowTitle().contains(u"pw-s3cret-42"_s));
    delete opened;
}

void TestTeamTimeline::missingDatabaseIsOneLine() {
    if (!StoreLocations::onServer())
        QSKIP("connects to a server: runs as tst_teamtimeline_server");
    ServerAddress address;
    QString parseError;
    QVERIFY(parseServerAddress(m_locations.location(u"team"_s), &address, &parseError));
    address.databaseName = u"ct_no_such_database"_s;
    TeamTimelineDialog dialog({});
    dialog.show();
    dialog.addressBox()->setEditText(address.displayString());
    dialog.openButton()->click();
    QCOMPARE(dialog.message(),
             address.displayString() + u": the server has no database ct_no_such_database"_s);
    QVERIFY(dialog.isVisible());
}

QTEST_MAIN(TestTeamTimeline)
#include "tst_teamtimeline.moc"
