// Recent timelines (ui/widgets/RecentFiles) and the File menu's new, open and save-a-copy
// (MainWindowFiles.cpp), on the offscreen platform.
#include "model/store/TimelineStore.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/RecentFiles.h"
#include "ui/widgets/WindowMemory.h"

#include <QAction>
#include <QCryptographicHash>
#include <QDockWidget>
#include <QFile>
#include <QGuiApplication>
#include <QMenu>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestRecentFiles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void newestFirstAndAtMostTen();
    void addingAgainMovesToFront();
    void menuGreysMissingFilesAndRemovesThem();
    void menuOpensAndClears();
    void windowRecordsItsTimelineAndOpensAnother();
    void newTimelineRefusesAnExistingFile();
    void saveCopyWritesAnOpenableCopy();
    void windowRemembersItsGeometry();
    void screenLayoutIsNamedByItsScreens();
    void geometryAndDocksPerScreenLayout();

private:
    QString touch(const QString &name);
    std::unique_ptr<MainWindow> openWindow(const QString &name);

    QTemporaryDir m_dir;
};

void TestRecentFiles::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(u"chiptimeline-test-recent"_s);
    QVERIFY(m_dir.isValid());
}

void TestRecentFiles::init() {
    RecentFiles().clear();
}

QString TestRecentFiles::touch(const QString &name) {
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    return file.fileName();
}

std::unique_ptr<MainWindow> TestRecentFiles::openWindow(const QString &name) {
    StoreError error;
    auto store = TimelineStore::open(m_dir.filePath(name), &error);
    if (!store)
        return nullptr;
    return std::make_unique<MainWindow>(std::move(store));
}

void TestRecentFiles::newestFirstAndAtMostTen() {
    RecentFiles recent;
    QStringList expected;
    for (int i = 1; i <= 12; ++i) {
        recent.add(m_dir.filePath(u"t%1.sqlite"_s.arg(i)));
        expected.prepend(m_dir.filePath(u"t%1.sqlite"_s.arg(i)));
    }
    QCOMPARE(recent.files(), expected.mid(0, 10));
    QCOMPARE(recent.files().constFirst(), m_dir.filePath(u"t12.sqlite"_s));
    QCOMPARE(recent.files().constLast(), m_dir.filePath(u"t3.sqlite"_s));
    // Kept in the settings: another instance (another window) sees the same list.
    QCOMPARE(RecentFiles().files(), expected.mid(0, 10));
}

void TestRecentFiles::addingAgainMovesToFront() {
    RecentFiles recent;
    const QString a = m_dir.filePath(u"a.sqlite"_s);
    const QString b = m_dir.filePath(u"b.sqlite"_s);
    recent.add(a);
    recent.add(b);
    recent.add(a);
    QCOMPARE(recent.files(), (QStringList{a, b}));
    recent.remove(a);
    QCOMPARE(recent.files(), QStringList{b});
}

void TestRecentFiles::menuGreysMissingFilesAndRemovesThem() {
    const QString kept = touch(u"kept.chiptimeline.sqlite"_s);
    const QString gone = touch(u"gone.chiptimeline.sqlite"_s);
    QVERIFY(!kept.isEmpty() && !gone.isEmpty());
    RecentFiles recent;
    recent.add(gone);
    recent.add(kept);
    QVERIFY(QFile::remove(gone));

    QMenu menu;
    recent.fillMenu(&menu);
    const QList<QAction *> actions = menu.actions();
    QCOMPARE(actions.size(), 5); // two files, a separator, Remove Missing, Clear List
    QCOMPARE(actions.at(0)->text(), u"&1 kept.chiptimeline.sqlite"_s);
    QVERIFY(actions.at(0)->isEnabled());
    QCOMPARE(actions.at(0)->toolTip(), kept);
    QCOMPARE(actions.at(1)->text(), u"&2 gone.chiptimeline.sqlite (not found)"_s);
    QVERIFY(!actions.at(1)->isEnabled());
    QVERIFY(actions.at(2)->isSeparator());
    QCOMPARE(actions.at(3)->objectName(), u"removeMissing"_s);
    QVERIFY(actions.at(3)->isEnabled());

    actions.at(3)->trigger();
    QCOMPARE(recent.files(), QStringList{kept});
    recent.fillMenu(&menu);
    QCOMPARE(menu.actions().size(), 4);
    QCOMPARE(menu.actions().at(0)->text(), u"&1 kept.chiptimeline.sqlite"_s);
    QVERIFY(!menu.findChild<QAction *>(u"removeMissing"_s)->isEnabled()); // nothing missing
}

void TestRecentFiles::menuOpensAndClears() {
    const QString file = touch(u"open-me.chiptimeline.sqlite"_s);
    RecentFiles recent;
    recent.add(file);
    QSignalSpy opened(&recent, &RecentFiles::openRequested);
    QMenu menu;
    recent.attachMenu(&menu);
    menu.actions().at(0)->trigger();
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), file);

    menu.findChild<QAction *>(u"clearRecent"_s)->trigger();
    QCOMPARE(recent.files(), QStringList());
    recent.fillMenu(&menu);
    QCOMPARE(menu.actions().size(), 1);
    QCOMPARE(menu.actions().at(0)->text(), u"No recent timelines"_s);
    QVERIFY(!menu.actions().at(0)->isEnabled());
}

void TestRecentFiles::windowRecordsItsTimelineAndOpensAnother() {
    auto first = openWindow(u"first.chiptimeline.sqlite"_s);
    QVERIFY(first);
    QCOMPARE(first->windowTitle(), u"first.chiptimeline.sqlite — ChipTimeline"_s);
    QCOMPARE(first->recentFiles()->files(),
             QStringList{m_dir.filePath(u"first.chiptimeline.sqlite"_s)});
    {
        StoreError error;
        QVERIFY(TimelineStore::open(m_dir.filePath(u"second.chiptimeline.sqlite"_s), &error));
    }
    MainWindow *second = first->openTimeline(m_dir.filePath(u"second.chiptimeline.sqlite"_s));
    QVERIFY(second);
    QVERIFY(second != first.get());
    QCOMPARE(second->store().path(), m_dir.filePath(u"second.chiptimeline.sqlite"_s));
    QCOMPARE(second->windowTitle(), u"second.chiptimeline.sqlite — ChipTimeline"_s);
    QCOMPARE(first->recentFiles()->files(),
             (QStringList{m_dir.filePath(u"second.chiptimeline.sqlite"_s),
                          m_dir.filePath(u"first.chiptimeline.sqlite"_s)}));
    // Its own file again: this window, no second window on the same file.
    QCOMPARE(first->openTimeline(m_dir.filePath(u"first.chiptimeline.sqlite"_s)), first.get());
    delete second;
}

void TestRecentFiles::newTimelineRefusesAnExistingFile() {
    auto window = openWindow(u"base.chiptimeline.sqlite"_s);
    QVERIFY(window);
    const QString existing = touch(u"taken.chiptimeline.sqlite"_s);
    QString error;
    QCOMPARE(window->newTimelineAt(existing, &error), nullptr);
    QCOMPARE(error, existing + u" already exists: open it with File → Open, or choose another "
                               "name."_s);
    QCOMPARE(QFile(existing).size(), 0); // untouched

    const QString fresh = m_dir.filePath(u"fresh.chiptimeline.sqlite"_s);
    MainWindow *created = window->newTimelineAt(fresh, &error);
    QVERIFY(created);
    QCOMPARE(created->store().path(), fresh);
    QCOMPARE(created->store().eventCount(), 0);
    QCOMPARE(window->recentFiles()->files().constFirst(), fresh);
    delete created;
}

void TestRecentFiles::saveCopyWritesAnOpenableCopy() {
    auto window = openWindow(u"original.chiptimeline.sqlite"_s);
    QVERIFY(window);
    Event event;
    event.title = u"US requires a licence for the H20"_s;
    event.start = PartialDate::fromYmd(2025, 4, 9);
    StoreError storeError;
    QVERIFY(window->store().saveEvent(event, &storeError));

    const QString copyPath = m_dir.filePath(u"copy.chiptimeline.sqlite"_s);
    QString error;
    QVERIFY2(window->saveCopyTo(copyPath, &error), qPrintable(error));
    QVERIFY(!QFile::exists(copyPath + u"-wal"_s)); // one self-contained file
    QCOMPARE(window->store().path(), m_dir.filePath(u"original.chiptimeline.sqlite"_s));
    {
        auto copy = TimelineStore::open(copyPath, &storeError);
        QVERIFY(copy);
        QCOMPARE(copy->eventCount(), 1);
        QCOMPARE(copy->events().constFirst().title, u"US requires a licence for the H20"_s);
    }
    QVERIFY(!window->saveCopyTo(window->store().path(), &error));
    QCOMPARE(error,
             window->store().path() + u": cannot save a copy: it is the open timeline itself"_s);
    const QString nowhere = m_dir.filePath(u"missing/copy.chiptimeline.sqlite"_s);
    QVERIFY(!window->saveCopyTo(nowhere, &error));
    QCOMPARE(error, nowhere + u": cannot save a copy: the folder "_s +
                        m_dir.filePath(u"missing"_s) + u" does not exist"_s);
}

void TestRecentFiles::windowRemembersItsGeometry() {
    {
        auto window = openWindow(u"geometry.chiptimeline.sqlite"_s);
        QVERIFY(window);
        window->show();
        window->resize(1000, 640);
        QVERIFY(window->close()); // closing saves the geometry, for this screen layout
    }
    QSettings settings;
    const QString group = WindowMemory::settingsGroup(WindowMemory::currentLayout());
    QCOMPARE(settings.value(group + u"/screens"_s).toString(), WindowMemory::currentLayout());
    auto again = openWindow(u"geometry.chiptimeline.sqlite"_s);
    QVERIFY(again);
    QCOMPARE(again->size(), QSize(1000, 640));
    settings.remove(u"windowLayouts"_s);
    settings.remove(u"window"_s);
    auto first = openWindow(u"geometry.chiptimeline.sqlite"_s);
    QVERIFY(first);
    QCOMPARE(first->size(), QSize(1400, 820)); // nothing remembered: the first start's size
}

void TestRecentFiles::screenLayoutIsNamedByItsScreens() {
    const QString docked = u"DP-1 0,0 2560x1440; eDP-1 2560,0 1920x1080"_s;
    QCOMPARE(WindowMemory::describe(
                 {{u"eDP-1"_s, QRect(2560, 0, 1920, 1080)}, {u"DP-1"_s, QRect(0, 0, 2560, 1440)}}),
             docked);
    QCOMPARE(WindowMemory::describe(
                 {{u"DP-1"_s, QRect(0, 0, 2560, 1440)}, {u"eDP-1"_s, QRect(2560, 0, 1920, 1080)}}),
             docked);
    // The same screen moved is another layout.
    const QString moved = WindowMemory::describe(
        {{u"eDP-1"_s, QRect(0, 1440, 1920, 1080)}, {u"DP-1"_s, QRect(0, 0, 2560, 1440)}});
    QCOMPARE(moved, u"DP-1 0,0 2560x1440; eDP-1 0,1440 1920x1080"_s);
    QVERIFY(WindowMemory::settingsGroup(moved) != WindowMemory::settingsGroup(docked));
    QCOMPARE(
        WindowMemory::settingsGroup(docked),
        u"windowLayouts/"_s +
            QString::fromLatin1(QCryptographicHash::hash(docked.toUtf8(), QCryptographicHash::Sha1)
                                    .toHex()
                                    .left(12)));
    // The offscreen platform's one screen.
    const QScreen *screen = QGuiApplication::primaryScreen();
    QCOMPARE(WindowMemory::currentLayout(), u"%1 0,0 %2x%3"_s.arg(screen->name())
                                                .arg(screen->geometry().width())
                                                .arg(screen->geometry().height()));
}

void TestRecentFiles::geometryAndDocksPerScreenLayout() {
    const QString laptop = u"eDP-1 0,0 1920x1080"_s;
    const QString docked = u"DP-1 0,0 2560x1440; eDP-1 2560,0 1920x1080"_s;
    const auto dock = [](MainWindow &window, const QString &name) {
        return window.findChild<QDockWidget *>(name);
    };
    {
        auto window = openWindow(u"layouts.chiptimeline.sqlite"_s);
        QVERIFY(window);
        window->show();
        // On the laptop: small, the sources on the left, no event list.
        window->resize(1000, 640);
        window->addDockWidget(Qt::LeftDockWidgetArea, dock(*window, u"sourcesDock"_s));
        dock(*window, u"eventListDock"_s)->hide();
        WindowMemory::save(*window, laptop);
        // At the desk: larger, everything on the right.
        window->resize(1300, 700);
        window->addDockWidget(Qt::RightDockWidgetArea, dock(*window, u"sourcesDock"_s));
        dock(*window, u"eventListDock"_s)->show();
        WindowMemory::save(*window, docked);
    }
    auto window = openWindow(u"layouts.chiptimeline.sqlite"_s);
    QVERIFY(window);
    window->show();
    QVERIFY(WindowMemory::restore(*window, laptop));
    QCOMPARE(window->size(), QSize(1000, 640));
    QCOMPARE(window->dockWidgetArea(dock(*window, u"sourcesDock"_s)), Qt::LeftDockWidgetArea);
    QVERIFY(dock(*window, u"eventListDock"_s)->isHidden());
    QVERIFY(WindowMemory::restore(*window, docked));
    QCOMPARE(window->size(), QSize(1300, 700));
    QCOMPARE(window->dockWidgetArea(dock(*window, u"sourcesDock"_s)), Qt::RightDockWidgetArea);
    QVERIFY(!dock(*window, u"eventListDock"_s)->isHidden());
    // A layout seen for the first time starts from the last saved.
    QVERIFY(WindowMemory::restore(*window, laptop));
    QVERIFY(WindowMemory::restore(*window, u"HDMI-1 0,0 1280x1024"_s));
    QCOMPARE(window->size(), QSize(1300, 700));
    QCOMPARE(window->dockWidgetArea(dock(*window, u"sourcesDock"_s)), Qt::RightDockWidgetArea);
}

QTEST_MAIN(TestRecentFiles)
#include "tst_recentfiles.moc"
