// The start panel of an empty timeline (ui/widgets/StartPanel, MainWindowFiles.cpp): its
// three ways to a first event and the recent timelines, on the offscreen platform.
#include "model/store/TimelineStore.h"
#include "ui/widgets/EventEditorDialog.h"
#include "ui/widgets/FilterBar.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/RecentFiles.h"
#include "ui/widgets/StartPanel.h"
#include "ui/widgets/TimelineView.h"

#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;

class TestStartPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void emptyTimelineShowsThePanel();
    void panelGivesWayToTheFirstEvent();
    void importButtonAsksForFiles();
    void addEventButtonOpensTheEditor();
    void bundledButtonOpensACopyOfTheDataset();
    void recentTimelinesAreListedAndOpen();

private:
    std::unique_ptr<MainWindow> openWindow(const QString &name);
    // Runs `handle` on the modal dialog the next action opens, once it is open.
    static void onNextModal(std::function<void(QWidget *)> handle);

    QTemporaryDir m_dir;
};

void TestStartPanel::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(u"chiptimeline-test-start"_s);
    QVERIFY(m_dir.isValid());
}

void TestStartPanel::init() {
    RecentFiles().clear();
}

std::unique_ptr<MainWindow> TestStartPanel::openWindow(const QString &name) {
    StoreError error;
    auto store = TimelineStore::open(m_dir.filePath(name), &error);
    if (!store)
        return nullptr;
    auto window = std::make_unique<MainWindow>(std::move(store));
    window->show();
    return window;
}

void TestStartPanel::onNextModal(std::function<void(QWidget *)> handle) {
    // Queued behind the dialog's own exec(): the timer fires from inside its event loop.
    QTimer::singleShot(0, qApp, [handle] {
        QWidget *modal = QApplication::activeModalWidget();
        handle(modal);
        if (auto *dialog = qobject_cast<QDialog *>(modal); dialog && dialog->isVisible())
            dialog->reject();
    });
}

void TestStartPanel::emptyTimelineShowsThePanel() {
    auto window = openWindow(u"empty.chiptimeline.sqlite"_s);
    QVERIFY(window);
    StartPanel *panel = window->startPanel();
    QVERIFY(panel->isVisible());
    QVERIFY(!window->timelineView()->isVisible());
    QVERIFY(!window->filterBar()->isVisible());
    QCOMPARE(panel->importButton()->text(), u"Import a File…"_s);
    QCOMPARE(panel->addEventButton()->text(), u"Add the First Event…"_s);
    QCOMPARE(panel->bundledButton()->text(), u"Open the AI-Chip Export-Control Dataset…"_s);
    QVERIFY(!panel->importButton()->toolTip().isEmpty());
    QVERIFY(!panel->addEventButton()->toolTip().isEmpty());
    QVERIFY(!panel->bundledButton()->toolTip().isEmpty());
}

void TestStartPanel::panelGivesWayToTheFirstEvent() {
    auto window = openWindow(u"first.chiptimeline.sqlite"_s);
    QVERIFY(window);
    QVERIFY(window->startPanel()->isVisible());
    Event event;
    event.title = u"US requires a licence for the H20"_s;
    event.start = PartialDate::fromYmd(2025, 4, 9);
    StoreError error;
    QVERIFY(window->store().saveEvent(event, &error));
    window->reload();
    QVERIFY(!window->startPanel()->isVisible());
    QVERIFY(window->timelineView()->isVisible());
    QVERIFY(window->filterBar()->isVisible());
    QVERIFY(window->store().deleteEvent(event.id, &error));
    window->reload();
    QVERIFY(window->startPanel()->isVisible());
}

void TestStartPanel::importButtonAsksForFiles() {
    auto window = openWindow(u"import.chiptimeline.sqlite"_s);
    QVERIFY(window);
    QString title;
    bool isFileDialog = false;
    onNextModal([&](QWidget *modal) {
        isFileDialog = qobject_cast<QFileDialog *>(modal) != nullptr;
        title = modal ? modal->windowTitle() : QString();
    });
    QTest::mouseClick(window->startPanel()->importButton(), Qt::LeftButton);
    QVERIFY(isFileDialog);
    QCOMPARE(title, u"Import Files"_s);
    QCOMPARE(window->store().eventCount(), 0); // cancelled: nothing imported
    QVERIFY(window->startPanel()->isVisible());
}

void TestStartPanel::addEventButtonOpensTheEditor() {
    auto window = openWindow(u"add.chiptimeline.sqlite"_s);
    QVERIFY(window);
    bool isEditor = false;
    onNextModal([&](QWidget *modal) { isEditor = qobject_cast<EventEditorDialog *>(modal); });
    QTest::mouseClick(window->startPanel()->addEventButton(), Qt::LeftButton);
    QVERIFY(isEditor);
    QCOMPARE(window->store().eventCount(), 0); // cancelled
}

void TestStartPanel::bundledButtonOpensACopyOfTheDataset() {
    auto window = openWindow(u"bundled-from.chiptimeline.sqlite"_s);
    QVERIFY(window);
    const QString copyPath = m_dir.filePath(u"my-dataset.chiptimeline.sqlite"_s);
    QString suggested;
    onNextModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<QFileDialog *>(modal);
        if (!dialog)
            return;
        suggested = dialog->selectedFiles().value(0);
        dialog->selectFile(copyPath);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept, as OK does
    });
    QTest::mouseClick(window->startPanel()->bundledButton(), Qt::LeftButton);
    QCOMPARE(suggested, m_dir.filePath(u"AI-chip export controls.chiptimeline.sqlite"_s));
    QVERIFY(QFile::exists(copyPath));
    MainWindow *copyWindow = nullptr;
    for (QWidget *widget : QApplication::topLevelWidgets())
        if (auto *candidate = qobject_cast<MainWindow *>(widget);
            candidate && candidate->store().path() == copyPath)
            copyWindow = candidate;
    QVERIFY(copyWindow);
    QCOMPARE(copyWindow->store().eventCount(), 39);
    QVERIFY(!copyWindow->startPanel()->isVisible());
    QVERIFY(!copyWindow->store().isReadOnly()); // the user's own copy, to change
    QCOMPARE(window->store().eventCount(), 0);  // the empty timeline stays as it was
    QString error;
    QCOMPARE(window->openBundledCopyAt(copyPath, &error), nullptr);
    QCOMPARE(error, copyPath + u" already exists: choose another name."_s);
    delete copyWindow;
}

void TestStartPanel::recentTimelinesAreListedAndOpen() {
    {
        StoreError error;
        QVERIFY(TimelineStore::open(m_dir.filePath(u"older.chiptimeline.sqlite"_s), &error));
    }
    RecentFiles recent;
    recent.add(m_dir.filePath(u"vanished.chiptimeline.sqlite"_s)); // never existed
    recent.add(m_dir.filePath(u"older.chiptimeline.sqlite"_s));
    auto window = openWindow(u"current.chiptimeline.sqlite"_s);
    QVERIFY(window);
    QListWidget *list = window->startPanel()->recentList();
    QCOMPARE(list->count(), 2); // not the open timeline itself
    QCOMPARE(list->item(0)->text(), u"older.chiptimeline.sqlite"_s);
    QVERIFY(list->item(0)->flags().testFlag(Qt::ItemIsEnabled));
    QCOMPARE(list->item(1)->text(), u"vanished.chiptimeline.sqlite (not found)"_s);
    QVERIFY(!list->item(1)->flags().testFlag(Qt::ItemIsEnabled));
    // CHIPTIMELINE_SCREENSHOT_DIR=docs/screenshots: the picture in the documentation.
    if (const QByteArray dir = qgetenv("CHIPTIMELINE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        window->resize(1200, 760);
        QVERIFY(window->grab().save(QString::fromLocal8Bit(dir) + u"/start-panel.png"_s));
    }

    QSignalSpy requested(window->startPanel(), &StartPanel::recentRequested);
    emit list->itemActivated(list->item(1)); // greyed: nothing happens
    QCOMPARE(requested.size(), 0);
    emit list->itemActivated(list->item(0));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), m_dir.filePath(u"older.chiptimeline.sqlite"_s));
    MainWindow *older = nullptr;
    for (QWidget *widget : QApplication::topLevelWidgets())
        if (auto *candidate = qobject_cast<MainWindow *>(widget);
            candidate &&
            candidate->store().path() == m_dir.filePath(u"older.chiptimeline.sqlite"_s))
            older = candidate;
    QVERIFY(older);
    delete older;

    // Remove Missing Timelines takes the vanished one off the list, and out of the settings.
    QPushButton *removeMissing = window->startPanel()->removeMissingButton();
    QVERIFY(removeMissing->isVisible());
    QCOMPARE(removeMissing->text(), u"&Remove Missing Timelines"_s);
    QTest::mouseClick(removeMissing, Qt::LeftButton);
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->text(), u"older.chiptimeline.sqlite"_s);
    QVERIFY(!removeMissing->isVisible()); // nothing missing any more
    QCOMPARE(RecentFiles().files(),       // the older one was opened last
             (QStringList{m_dir.filePath(u"older.chiptimeline.sqlite"_s),
                          m_dir.filePath(u"current.chiptimeline.sqlite"_s)}));
}

QTEST_MAIN(TestStartPanel)
#include "tst_startpanel.moc"
