// The History dock: the selected event's revisions with who, when, why and old → new per field
// (RevisionHistoryModel, checked by QAbstractItemModelTester), the event editor's "why", Edit →
// Change Note…, and Restore This Version as one undoable change; and an edit refused because
// someone else saved the event meanwhile, whose text the reopened editor keeps.

#include "BundledDatasetTestUtil.h"

#include "model/EditCommands.h"
#include "ui/render/FigureProvenance.h"
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
#include <QBuffer>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
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

    void deletedEventsAreListedAndRestored() {
        TimelineStore &store = m_window->store();
        const Event april = *store.eventByUid(BundledChain::april);
        auto *editing = m_window->findChild<EditingController *>();
        store.setChangeNote(u"duplicate of the July entry"_s);
        QVERIFY(editing->push(new DeleteEventsCommand(store, {april})));
        const qint64 deletion = store.latestRevision();
        QVERIFY(!store.eventByUid(april.uid));

        qobject_cast<QDockWidget *>(m_pane->parentWidget())->raise();
        m_pane->deletedButton()->click();
        QVERIFY(m_pane->showsDeleted());
        QVERIFY(!m_pane->view()->isVisible());
        QTreeWidget *list = m_pane->deletedView();
        QVERIFY(list->isVisible());
        QCOMPARE(list->topLevelItemCount(), 1);
        const QTreeWidgetItem *item = list->topLevelItem(0);
        QCOMPARE(item->text(0), april.title);
        QVERIFY(item->text(1).endsWith(u" (r%1)"_s.arg(deletion)));
        QCOMPARE(item->text(2), u"Erika"_s);
        QCOMPARE(item->text(3), u"duplicate of the July entry"_s);
        QCOMPARE(item->data(0, Qt::UserRole).toString(), april.uid);
        QCOMPARE(m_pane->restoreButton()->text(), u"&Restore Deleted Event"_s);
        QVERIFY(!m_pane->restoreButton()->isEnabled()); // none chosen yet
        list->setCurrentItem(list->topLevelItem(0));
        QVERIFY(m_pane->restoreButton()->isEnabled());
        if (const QString folder = qEnvironmentVariable("CHIPTIMELINE_SCREENSHOTS");
            !folder.isEmpty()) {
            QCoreApplication::sendPostedEvents(); // the layout, as a person would see it
            m_window->grab().save(folder + u"/window-history-deleted.png"_s);
        }
        m_pane->restoreButton()->click();
        const std::optional<Event> back = store.eventByUid(april.uid);
        QVERIFY(back);
        QCOMPARE(back->title, april.title);
        QCOMPARE(back->citations, april.citations);
        QCOMPARE(list->topLevelItemCount(), 0);
        QCOMPARE(store.revisions({}).constLast().note, u"restored as of r%1"_s.arg(deletion - 1));
        m_window->findChild<QUndoStack *>()->undo(); // deleted again
        QVERIFY(!store.eventByUid(april.uid));
        QCOMPARE(list->topLevelItemCount(), 1);
        m_pane->deletedButton()->click(); // back to the selected event's history
        QVERIFY(!m_pane->showsDeleted());
        QCOMPARE(m_pane->restoreButton()->text(), u"&Restore This Version"_s);
    }

    void asOfShowsThenReadOnlyAndBackToNow() {
        TimelineStore &live = m_window->store();
        const qint64 before = live.latestRevision();
        const qsizetype eventsBefore = live.eventCount();
        const qsizetype shownBefore = m_window->timelineView()->data().size();
        Event april = *live.eventByUid(BundledChain::april);
        const QString oldTitle = april.title;
        Event renamed = april;
        renamed.title = u"H20 licence rule"_s;
        auto *editing = m_window->findChild<EditingController *>();
        QVERIFY(editing->push(new EditEventCommand(live, april, renamed)));
        QVERIFY(
            editing->push(new DeleteEventsCommand(live, {*live.eventByUid(BundledChain::july)})));
        QCOMPARE(live.eventCount(), eventsBefore - 1);
        QAction *editAction = m_window->findChild<QAction *>(u"newEvent"_s);
        QVERIFY(editAction->isEnabled());

        // Bad points: one line, nothing changes.
        QString error;
        QVERIFY(!m_window->showAsOf(u"r99999"_s, &error));
        QCOMPARE(error, u"Cannot show the timeline as of r99999: no such revision (the history "
                        "has r1 to r%1)"_s.arg(before + 2));
        QVERIFY(!m_window->showAsOf(u"2999-01-01T00:00"_s, &error));
        QCOMPARE(error,
                 u"Cannot show the timeline as of 2999-01-01T00:00: that is in the future"_s);
        QVERIFY(!m_window->showAsOf(u"1999-01-01"_s, &error));
        QVERIFY(error.startsWith(
            u"Cannot show the timeline as of 1999-01-01: before the first revision (r1, "_s));
        QCOMPARE(m_window->asOfRevision(), 0);
        QCOMPARE(&m_window->store(), &live);
        QVERIFY(!m_window->findChild<QWidget *>(u"asOfBanner"_s)->isVisible());

        // As of the revision before the edits: the old title and the deleted event, read-only.
        QVERIFY2(m_window->showAsOf(u"r%1"_s.arg(before), &error), qPrintable(error));
        QCOMPARE(m_window->asOfRevision(), before);
        // The wait cursor and "Turning the timeline back…" are gone once it is shown.
        QVERIFY(!QApplication::overrideCursor());
        QVERIFY(m_window->statusBar()->currentMessage().isEmpty());
        TimelineStore &then = m_window->store();
        QVERIFY(&then != &live);
        QCOMPARE(&m_window->liveStore(), &live);
        QCOMPARE(then.eventCount(), eventsBefore);
        QCOMPARE(then.eventByUid(BundledChain::april)->title, oldTitle);
        QVERIFY(then.eventByUid(BundledChain::july));
        QVERIFY(m_window->findChild<QWidget *>(u"asOfBanner"_s)->isVisible());
        QVERIFY(m_window->findChild<QLabel *>(u"asOfText"_s)
                    ->text()
                    .startsWith(u"As of r%1 ("_s.arg(before)));
        QVERIFY(
            m_window->findChild<QLabel *>(u"asOfText"_s)->text().endsWith(u" UTC) — read-only"_s));
        QVERIFY(!m_window->findChild<QWidget *>(u"databaseBanner"_s)->isVisible());
        QVERIFY(!editAction->isEnabled());
        QVERIFY(live.isReadOnly());
        QVERIFY(m_window->findChild<QAction *>(u"backToNowAction"_s)->isEnabled());
        QCOMPARE(m_window->timelineView()->data().size(), shownBefore);
        if (const QString folder = qEnvironmentVariable("CHIPTIMELINE_SCREENSHOTS");
            !folder.isEmpty()) {
            QCoreApplication::sendPostedEvents(); // the layout, as a person would see it
            m_window->grab().save(folder + u"/window-as-of.png"_s);
        }
        // A bad point while as of: still as of then.
        QVERIFY(!m_window->showAsOf(u"r0"_s, &error));
        QCOMPARE(m_window->asOfRevision(), before);

        m_window->findChild<QPushButton *>(u"backToNow"_s)->click();
        QCOMPARE(m_window->asOfRevision(), 0);
        QCOMPARE(&m_window->store(), &live);
        QVERIFY(!live.isReadOnly());
        QVERIFY(editAction->isEnabled());
        QVERIFY(!m_window->findChild<QWidget *>(u"asOfBanner"_s)->isVisible());
        QCOMPARE(m_window->timelineView()->data().size(), shownBefore - 1);
        QCOMPARE(live.eventByUid(BundledChain::april)->title, u"H20 licence rule"_s);
    }

    void changedSinceMyFigureNarrowsTheWindow() {
        TimelineStore &store = m_window->store();
        const auto writeFigure = [&](const QString &name, std::optional<qint64> revision) {
            QImage image(8, 8, QImage::Format_RGB32);
            image.fill(Qt::white);
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, "PNG");
            if (revision) {
                FigureProvenance record;
                record.database = u"t.sqlite"_s;
                record.revision = *revision;
                record.program = u"ChipTimeline test"_s;
                record.madeAt = QDateTime(QDate(2025, 9, 1), QTime(12, 0), Qt::UTC);
                record.format = u"png"_s;
                png = record.withPngChunk(png);
            }
            QFile file(m_dir.filePath(name));
            file.open(QIODevice::WriteOnly);
            file.write(png);
            return file.fileName();
        };
        const QString figure = writeFigure(u"september.png"_s, store.latestRevision());
        const qsizetype shownBefore = m_window->timelineView()->data().size();
        const Event april = *store.eventByUid(BundledChain::april);
        Event renamed = april;
        renamed.title = u"H20 licence rule"_s;
        auto *editing = m_window->findChild<EditingController *>();
        QVERIFY(editing->push(new EditEventCommand(store, april, renamed)));
        const QString julyTitle = store.eventByUid(BundledChain::july)->title;
        QVERIFY(
            editing->push(new DeleteEventsCommand(store, {*store.eventByUid(BundledChain::july)})));

        QString error;
        QVERIFY2(m_window->showChangedSince(figure, &error), qPrintable(error));
        QVERIFY(m_window->findChild<QWidget *>(u"changedSinceBanner"_s)->isVisible());
        QCOMPARE(m_window->findChild<QLabel *>(u"changedSinceText"_s)->text(),
                 u"Changed since september.png (r%1): one event added or changed; one event "
                 "deleted: “%2”"_s.arg(store.latestRevision() - 2)
                     .arg(julyTitle));
        // The deleted one is in the History pane's list of deleted events.
        auto *toDeleted = m_window->findChild<QPushButton *>(u"changedSinceDeleted"_s);
        QVERIFY(toDeleted->isVisible());
        toDeleted->click();
        QVERIFY(m_window->findChild<QPushButton *>(u"showDeletedEvents"_s)->isChecked());
        QVERIFY(m_window->findChild<QWidget *>(u"deletedEventsView"_s)->isVisible());
        const TimelineData &shown = m_window->timelineView()->data();
        QCOMPARE(shown.size(), qsizetype(1));
        QCOMPARE(shown.id(0), april.id);
        if (const QString folder = qEnvironmentVariable("CHIPTIMELINE_SCREENSHOTS");
            !folder.isEmpty()) {
            QCoreApplication::sendPostedEvents(); // the layout, as a person would see it
            m_window->grab().save(folder + u"/window-changed-since.png"_s);
        }

        // Figures it cannot use: one line each, and the window stays as it is.
        QVERIFY(!m_window->showChangedSince(writeFigure(u"plain.png"_s, std::nullopt), &error));
        QVERIFY2(error.startsWith(u"plain.png records no provenance: "_s), qPrintable(error));
        QVERIFY(!m_window->showChangedSince(writeFigure(u"old.png"_s, 0), &error));
        QCOMPARE(error, u"old.png records no revision (it was made before the timeline kept its "
                        "history)"_s);
        QVERIFY(!m_window->showChangedSince(writeFigure(u"other.png"_s, 99999), &error));
        QCOMPARE(error, u"other.png was drawn from r99999, which this timeline does not have"_s);
        QCOMPARE(m_window->timelineView()->data().size(), qsizetype(1));

        m_window->findChild<QPushButton *>(u"showAllEvents"_s)->click();
        QVERIFY(!m_window->findChild<QWidget *>(u"changedSinceBanner"_s)->isVisible());
        QCOMPARE(m_window->timelineView()->data().size(), shownBefore - 1);
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
