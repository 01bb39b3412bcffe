// The History dock: the selected event's revisions with who, when, why and old → new per field
// (RevisionHistoryModel, checked by QAbstractItemModelTester), the event editor's "why", Edit →
// Change Note…, and Restore This Version as one undoable change; and an edit refused because
// someone else saved the event meanwhile, whose text the reopened editor keeps.

#include "BundledDatasetTestUtil.h"

#include "ui/widgets/EditingController.h"
#include "ui/widgets/EventDetailsView.h"
#include "ui/widgets/EventEditorDialog.h"
#include "ui/widgets/HistoryPane.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/RevisionHistoryModel.h"
#include "ui/widgets/TimelineView.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;

class TestHistoryPane : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(u"chiptimeline-test"_s);
        // Settings of its own: the window's saved layout starts empty.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(u"settings"_s));
    }
    void init() {
        auto store = openBundledDataset(m_dir.filePath(u"t%1.sqlite"_s.arg(++m_count)));
        QVERIFY(store);
        store->setAuthor(u"Erika"_s);
        m_window = std::make_unique<MainWindow>(std::move(store));
        m_window->resize(1400, 820);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->findChild<EditingController *>()->setShowErrors(false);
        m_pane = m_window->historyPane();
        QVERIFY(m_pane);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_pane->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup() {
        m_tester.reset();
        m_window.reset();
    }

    void editWithWhyShowsInTheHistoryAndRestores() {
        TimelineStore &store = m_window->store();
        const Event april = *store.eventByUid(BundledChain::april);
        m_window->timelineView()->selectEvent(april.id);
        // The dock is tabbed behind Details: it reads the history when it comes to the front.
        QCOMPARE(m_pane->model()->rowCount(), 0);
        qobject_cast<QDockWidget *>(m_pane->parentWidget())->raise();
        QCOMPARE(m_pane->model()->rowCount(), 1); // the import that brought it in
        QCOMPARE(m_pane->model()->index(0, 0, m_pane->model()->index(0, 0)).data().toString(),
                 u"added by the import"_s);

        // Edit the title in the editor, saying why.
        QTimer::singleShot(0, [] {
            auto *editor = qobject_cast<EventEditorDialog *>(QApplication::activeModalWidget());
            QVERIFY(editor);
            editor->findChild<QLineEdit *>(u"title"_s)->setText(u"H20 licence rule"_s);
            editor->findChild<QLineEdit *>(u"why"_s)->setText(u"  shorter title  "_s);
            editor->okButton()->click();
        });
        m_window->findChild<QAction *>(u"editEvent"_s)->trigger();
        QCOMPARE(store.eventByUid(april.uid)->title, u"H20 licence rule"_s);

        const RevisionHistoryModel *model = m_pane->model();
        QCOMPARE(model->rowCount(), 2);
        const QModelIndex edit = model->index(0, 0); // newest first
        QCOMPARE(model->index(0, RevisionHistoryModel::AuthorColumn).data().toString(), u"Erika"_s);
        QCOMPARE(model->index(0, RevisionHistoryModel::WhyColumn).data().toString(),
                 u"shorter title (Edit “H20 licence rule”)"_s);
        QCOMPARE(model->rowCount(edit), 1); // the title; not the record's `modified` time
        QCOMPARE(model->index(0, 0, edit).data().toString(),
                 u"title: “H20 licence requirement in force” → “H20 licence rule”"_s);

        // Restore the version after the import: the old title, as a new undoable change.
        QPushButton *restore = m_pane->restoreButton();
        m_pane->view()->setCurrentIndex(edit);
        QVERIFY(!restore->isEnabled()); // the newest: how the event stands now
        m_pane->view()->setCurrentIndex(model->index(1, 0));
        QVERIFY(restore->isEnabled());
        restore->click();
        QCOMPARE(store.eventByUid(april.uid)->title, u"H20 licence requirement in force"_s);
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->index(0, RevisionHistoryModel::WhyColumn).data().toString(),
                 u"restored as of r%1 (Restore “H20 licence requirement in force” as of r%1)"_s.arg(
                     model->index(2, 0).data(RevisionHistoryModel::RevisionRole).toLongLong()));
        if (const QString folder = qEnvironmentVariable("CHIPTIMELINE_SCREENSHOTS");
            !folder.isEmpty())
            m_window->grab().save(folder + u"/history.png"_s);
        m_window->findChild<QUndoStack *>()->undo();
        QCOMPARE(store.eventByUid(april.uid)->title, u"H20 licence rule"_s);
    }

    void changeNoteGoesWithTheNextChange() {
        TimelineStore &store = m_window->store();
        QTimer::singleShot(0, [] {
            auto *ask = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(ask);
            ask->setTextValue(u"date corrected per the BIS press release"_s);
            ask->accept();
        });
        m_window->findChild<QAction *>(u"changeNote"_s)->trigger();
        QCOMPARE(store.changeNote(), u"date corrected per the BIS press release"_s);
        m_window->timelineView()->selectEvent(store.eventByUid(BundledChain::july)->id);
        QTimer::singleShot(0, [] {
            auto *editor = qobject_cast<EventEditorDialog *>(QApplication::activeModalWidget());
            QVERIFY(editor);
            editor->findChild<QLineEdit *>(u"title"_s)->setText(u"Licences to come"_s);
            editor->okButton()->click();
        });
        m_window->findChild<QAction *>(u"editEvent"_s)->trigger();
        RevisionFilter filter;
        filter.uid = BundledChain::july;
        QCOMPARE(store.revisions(filter).constLast().note,
                 u"date corrected per the BIS press release"_s);
        QVERIFY(store.changeNote().isEmpty()); // only for that one change
    }

    void refusedEditReopensWithTheUsersText() {
        TimelineStore &store = m_window->store();
        m_window->timelineView()->selectEvent(store.eventByUid(BundledChain::july)->id);
        QString reopenedWith;
        QTimer::singleShot(0, [&] {
            auto *editor = qobject_cast<EventEditorDialog *>(QApplication::activeModalWidget());
            QVERIFY(editor);
            // While this editor is open, another window saves the same event.
            StoreError error;
            auto other = TimelineStore::open(store.path(), &error);
            QVERIFY(other);
            Event elsewhere = *other->eventByUid(BundledChain::july);
            elsewhere.title = u"Changed in the other window"_s;
            QVERIFY(other->saveEvent(elsewhere, &error));
            QTimer::singleShot(0, [&] { // the editor again, after the refusal
                auto *again = qobject_cast<EventEditorDialog *>(QApplication::activeModalWidget());
                QVERIFY(again);
                reopenedWith = again->findChild<QLineEdit *>(u"title"_s)->text();
                again->okButton()->click(); // applied over the other window's version
            });
            editor->findChild<QLineEdit *>(u"title"_s)->setText(u"Changed in this window"_s);
            editor->okButton()->click();
        });
        m_window->findChild<QAction *>(u"editEvent"_s)->trigger();
        QCOMPARE(reopenedWith, u"Changed in this window"_s);
        QCOMPARE(store.eventByUid(BundledChain::july)->title, u"Changed in this window"_s);
    }

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    std::unique_ptr<MainWindow> m_window;
    HistoryPane *m_pane = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestHistoryPane)
#include "tst_historypane.moc"
