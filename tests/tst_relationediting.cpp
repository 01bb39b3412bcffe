// Editing relations in the window: Link Events… (RelationEditorDialog), Edit and Remove in
// Details' relation list, and a drag with Alt from one mark to another. Each is one step on
// the undo stack.

#include "BundledDatasetTestUtil.h"
#include "MessageBoxTestUtil.h"

#include "ui/render/TimelineLayout.h"
#include "ui/widgets/EditingController.h"
#include "ui/widgets/EventDetailsView.h"
#include "ui/widgets/EventEditorDialog.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/RelationEditorDialog.h"
#include "ui/widgets/TimelineView.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace {

using namespace BundledChain;

// Runs `fill` on the Link Events dialog as soon as it is open, then presses OK.
void whenDialogOpens(const std::function<void(RelationEditorDialog *)> &fill) {
    QTimer::singleShot(0, [fill] {
        auto *dialog = qobject_cast<RelationEditorDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        fill(dialog);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
}

} // namespace

class TestRelationEditing : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(u"chiptimeline-test"_s);
    }
    void init() {
        auto store = openBundledDataset(m_dir.filePath(u"t%1.sqlite"_s.arg(++m_count)));
        QVERIFY(store);
        m_window = std::make_unique<MainWindow>(std::move(store));
        m_window->resize(1400, 820);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_editing = m_window->findChild<EditingController *>();
        QVERIFY(m_editing);
        m_editing->setShowErrors(false);
    }
    void cleanup() { m_window.reset(); }

    void dialogFindsTheOtherEventAndReadsTheDirection() {
        const TimelineStore &store = m_window->store();
        const Event subject = *store.eventByUid(july);
        RelationEditorDialog dialog(store, subject, std::nullopt, std::nullopt);
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QCOMPARE(dialog.findChild<QLabel *>(u"problem"_s)->text(), u"Choose the other event."_s);
        // Words typed find the event by its title, as prefixes.
        dialog.findChild<QLineEdit *>(u"find"_s)->setText(u"Beijing discour"_s);
        auto *found = dialog.findChild<QListWidget *>(u"found"_s);
        QCOMPARE(found->count(), 1);
        QCOMPARE(found->item(0)->text(), u"Beijing discourages H20 purchases"_s);
        found->setCurrentRow(0);
        QVERIFY(ok->isEnabled());
        // "Follows from", read from July, would make July answer a later event: said, allowed.
        auto *type = dialog.findChild<QComboBox *>(u"type"_s);
        type->setCurrentIndex(type->findText(u"follows from"_s));
        QCOMPARE(dialog.findChild<QLabel *>(u"problem"_s)->text(),
                 u"“US signals H20 licences will be granted” is dated before “Beijing discourages "
                 "H20 purchases”, which it follows from: Dataset Health will report it."_s);
        QVERIFY(ok->isEnabled());
        // Read from the other event: Beijing responds to July.
        type->setCurrentIndex(type->findText(u"answered by"_s));
        QCOMPARE(dialog.findChild<QLabel *>(u"problem"_s)->text(), QString());
        dialog.findChild<QLineEdit *>(u"note"_s)->setText(u" A warning after the signal "_s);
        auto *source = dialog.findChild<QComboBox *>(u"source"_s);
        source->setCurrentIndex(source->findData(seedSource));
        dialog.findChild<QPlainTextEdit *>(u"quote"_s)->setPlainText(u"Peking warnte"_s);
        dialog.findChild<QLineEdit *>(u"locator"_s)->setText(u"para. 6"_s);
        QCOMPARE(dialog.relation(), (Relation{beijing,
                                              july,
                                              RelationType::RespondsTo,
                                              u"A warning after the signal"_s,
                                              {{seedSource, u"Peking warnte"_s, u"para. 6"_s}}}));
        QCOMPARE(dialog.fromTitle(), u"Beijing discourages H20 purchases"_s);
        QCOMPARE(dialog.toTitle(), u"US signals H20 licences will be granted"_s);
    }

    void detailsRemoveAndEditAreUndoable() {
        TimelineStore &store = m_window->store();
        TimelineView *view = m_window->timelineView();
        const QList<Relation> before = store.relations();
        view->selectEvent(store.eventByUid(deal)->id);
        const QString details = m_window->detailsView()->toPlainText();
        QVERIFY2(details.contains(u"Amends H20 licence requirement in force (9 April 2025)  "
                                  "Edit · Remove"_s),
                 qPrintable(details));

        // Remove the first: the deal no longer amends the April requirement.
        emit m_window->detailsView()->anchorClicked(QUrl(u"relation-remove:0"_s));
        QCOMPARE(store.relations().size(), before.size() - 1);
        QCOMPARE(store.relationsOf(april).size(), 1);
        QCOMPARE(m_editing->undoStack()->undoText(),
                 u"Unlink “15% revenue-share deal (\"August 12 deal\")” amends “H20 licence "
                 "requirement in force”"_s);
        QCOMPARE(view->relationArcs().size(), 1);
        m_editing->undoStack()->undo();
        QCOMPARE(store.relations(), before);
        QCOMPARE(view->relationArcs().size(), 2);

        // Edit the second (Beijing answers the deal): a new note, the same evidence.
        whenDialogOpens([](RelationEditorDialog *dialog) {
            dialog->findChild<QLineEdit *>(u"note"_s)->setText(u"Beijing's counter-move"_s);
        });
        emit m_window->detailsView()->anchorClicked(QUrl(u"relation-edit:1"_s));
        const QList<Relation> ofBeijing = store.relationsOf(beijing);
        QCOMPARE(ofBeijing.size(), 1);
        QCOMPARE(ofBeijing.constFirst().note, u"Beijing's counter-move"_s);
        QCOMPARE(ofBeijing.constFirst().citations,
                 before.constLast().citations); // the evidence kept
        m_editing->undoStack()->undo();
        QCOMPARE(store.relations(), before);
    }

    void altDragFromMarkToMarkLinksThem() {
        TimelineStore &store = m_window->store();
        TimelineView *view = m_window->timelineView();
        view->showDays(QDate(2025, 6, 20).toJulianDay(), QDate(2025, 8, 31).toJulianDay());
        const qint64 from = store.eventByUid(july)->id;
        const qint64 to = store.eventByUid(beijing)->id;
        const PlacedEvent *a = view->currentLayout()->placedEvent(from);
        const PlacedEvent *b = view->currentLayout()->placedEvent(to);
        QVERIFY(a && b);
        const QPoint start = a->markRect.center().toPoint();
        const QPoint end = b->markRect.center().toPoint();
        QSignalSpy linked(view, &TimelineView::linkDragged);
        QSignalSpy moved(view, &TimelineView::eventMoved);
        whenDialogOpens([](RelationEditorDialog *dialog) {
            auto *type = dialog->findChild<QComboBox *>(u"type"_s);
            QCOMPARE(type->currentText(), u"answered by"_s); // the later event answers
        });
        QTest::mousePress(view, Qt::LeftButton, Qt::AltModifier, start);
        for (const QPoint at : {start + QPoint(8, 0), (start + end) / 2, end}) {
            QMouseEvent move(QEvent::MouseMove, at, view->mapToGlobal(at), Qt::NoButton,
                             Qt::LeftButton, Qt::AltModifier);
            QApplication::sendEvent(view, &move);
        }
        QTest::mouseRelease(view, Qt::LeftButton, Qt::AltModifier, end);
        QCOMPARE(linked.size(), 1);
        QCOMPARE(linked.at(0).at(0).toLongLong(), from);
        QCOMPARE(linked.at(0).at(1).toLongLong(), to);
        QCOMPARE(moved.size(), 0); // linked, not moved
        const QList<Relation> ofJuly = store.relationsOf(july);
        QVERIFY(ofJuly.contains(Relation{beijing, july, RelationType::RespondsTo, {}, {}}));
        QCOMPARE(store.eventByUid(july)->start, PartialDate::fromYmd(2025, 7, 14));
    }

    void showChainDrawsTheLineageAndVeilsTheRest() {
        const TimelineStore &store = m_window->store();
        TimelineView *view = m_window->timelineView();
        const auto idOf = [&](const QString &uid) {
            return store.eventByUid(uid)->id;
        };
        view->showDays(QDate(2025, 3, 20).toJulianDay(), QDate(2025, 9, 10).toJulianDay());
        view->selectEvent(idOf(deal));
        QCOMPARE(view->relationArcs().size(), 2);
        QVERIFY(!view->chainFocus());
        auto *showChain = m_window->findChild<QAction *>(u"showChain"_s);
        QVERIFY(showChain);
        showChain->trigger();
        const QList<RelationArc> arcs = view->relationArcs();
        QCOMPARE(arcs.size(), 3);
        for (const RelationArc &arc : {RelationArc{idOf(july), idOf(april), u"follows from"_s},
                                       RelationArc{idOf(deal), idOf(april), u"amends"_s},
                                       RelationArc{idOf(beijing), idOf(deal), u"responds to"_s}})
            QVERIFY2(arcs.contains(arc), qPrintable(arc.label));
        QCOMPARE(view->chainFocus(),
                 (QSet<qint64>{idOf(april), idOf(july), idOf(deal), idOf(beijing)}));
        const QString folder = qEnvironmentVariable("CHIPTIMELINE_SCREENSHOTS");
        if (!folder.isEmpty())
            m_window->grab().save(folder + u"/relations-chain.png"_s);
        // Another event: its own chain.
        view->selectEvent(idOf(diffusion)); // the AI Diffusion Rule
        QCOMPARE(view->chainFocus()->size(), 2);
        showChain->trigger();
        QVERIFY(!view->chainFocus());
        QCOMPARE(view->relationArcs().size(), 1);
    }

    void arcTypeShowsOnHover() {
        const TimelineStore &store = m_window->store();
        TimelineView *view = m_window->timelineView();
        view->showDays(QDate(2025, 3, 20).toJulianDay(), QDate(2025, 9, 10).toJulianDay());
        view->selectEvent(store.eventByUid(deal)->id);
        QCOMPARE(view->relationArcs().size(), 2);
        const auto layout = view->currentLayout();
        const RelationArcPainter::Routes routes =
            RelationArcPainter::route(*layout, view->relationArcs());
        QVERIFY(routes.at(0) && !routes.at(0)->labelBox.isEmpty());
        const QRect labelBox = routes.at(0)->labelBox.toAlignedRect();
        // Nowhere near an arc or a mark (the foot of the lane headers): no type written.
        const QPoint away(4, view->height() - 4);
        QTest::mouseMove(view, away);
        QCOMPARE(view->hoveredArc(), -1);
        const QImage plain = view->grab().toImage();
        // On the arc (its middle): its type is written on it.
        QTest::mouseMove(view, routes.at(0)->apex.toPoint());
        QCOMPARE(view->hoveredArc(), 0);
        const QImage labelled = view->grab().toImage();
        QVERIFY(labelled.copy(labelBox) != plain.copy(labelBox));
        if (const QString folder = qEnvironmentVariable("CHIPTIMELINE_SCREENSHOTS");
            !folder.isEmpty())
            labelled.save(folder + u"/relations-hover.png"_s);
        // Off it again: as before, pixel for pixel.
        QTest::mouseMove(view, away);
        QCOMPARE(view->hoveredArc(), -1);
        QCOMPARE(view->grab().toImage(), plain);
    }

    void rescindedRuleIsABarToItsRescission() {
        const TimelineStore &store = m_window->store();
        TimelineView *view = m_window->timelineView();
        view->showDays(QDate(2024, 12, 1).toJulianDay(), QDate(2025, 7, 1).toJulianDay());
        const qint64 rule = store.eventByUid(diffusion)->id;
        const auto layout = view->currentLayout();
        const PlacedEvent *placed = layout->placedEvent(rule);
        QVERIFY(placed);
        QCOMPARE(int(placed->shape), int(MarkShape::InForce));
        QCOMPARE(placed->markRect.right(),
                 layout->xForDay(double(QDate(2025, 5, 13).toJulianDay()) + 1));
        view->selectEvent(rule);
        const QString folder = qEnvironmentVariable("CHIPTIMELINE_SCREENSHOTS");
        if (!folder.isEmpty())
            m_window->grab().save(folder + u"/relations-in-force.png"_s);
        const QString details = m_window->detailsView()->toPlainText();
        QVERIFY2(details.contains(u"In force 13 January 2025 – 13 May 2025, rescinded by “AI "
                                  "Diffusion Rule rescinded; guidance on Huawei Ascend”"_s),
                 qPrintable(details));
    }

    void eventEditorLinksEvents() {
        TimelineStore &store = m_window->store();
        auto *undo = m_window->findChild<QUndoStack *>();
        QVERIFY(undo);
        const int steps = undo->count();
        m_window->timelineView()->selectEvent(store.eventByUid(july)->id);
        bool linked = false;
        QTimer::singleShot(0, [&linked] {
            auto *editor = qobject_cast<EventEditorDialog *>(QApplication::activeModalWidget());
            QVERIFY(editor && editor->linkEventsButton());
            QCOMPARE(editor->linkEventsButton()->text(), u"&Link Events…"_s);
            whenDialogOpens([](RelationEditorDialog *dialog) {
                dialog->findChild<QLineEdit *>(u"find"_s)->setText(u"Beijing discour"_s);
                dialog->findChild<QListWidget *>(u"found"_s)->setCurrentRow(0);
                auto *type = dialog->findChild<QComboBox *>(u"type"_s);
                type->setCurrentIndex(type->findText(u"answered by"_s));
            });
            editor->linkEventsButton()->click(); // returns when the relation is saved
            linked = true;
            editor->reject(); // nothing edited: closes without asking
        });
        m_window->findChild<QAction *>(u"editEvent"_s)->trigger();
        QVERIFY(linked);
        const Relation answer{beijing, july, RelationType::RespondsTo, {}, {}};
        QVERIFY(store.relationsOf(july).contains(answer));
        QCOMPARE(undo->count(), steps + 1); // the link is its own step; the edit none
        undo->undo();
        QVERIFY(!store.relationsOf(july).contains(answer));

        // A new event has nothing to link yet.
        bool offered = true;
        QTimer::singleShot(0, [&offered] {
            auto *editor = qobject_cast<EventEditorDialog *>(QApplication::activeModalWidget());
            QVERIFY(editor);
            offered = editor->linkEventsButton() != nullptr;
            editor->reject();
        });
        m_window->findChild<QAction *>(u"newEvent"_s)->trigger();
        QVERIFY(!offered);
    }

    void deletingAnEventSaysItsRelationsGoWithIt() {
        TimelineStore &store = m_window->store();
        m_window->timelineView()->selectEvent(store.eventByUid(deal)->id);
        QCOMPARE(store.relationsOf(deal).size(), 2);
        const auto seen = answerNextBox(u"Delete"_s);
        m_window->findChild<QAction *>(u"deleteEvent"_s)->trigger();
        QVERIFY(seen->shown);
        QCOMPARE(seen->informativeText, u"Its links to sources and 2 relations to other events go "
                                        "with it. Undo (Ctrl+Z) brings them back."_s);
        QVERIFY(!store.eventByUid(deal));
        QCOMPARE(store.relationsOf(april).size(), 1); // only July's "follows from" is left
        m_window->findChild<QUndoStack *>()->undo();  // one step gives back event and relations
        QCOMPARE(store.relationsOf(deal).size(), 2);
    }

    void readOnlyDetailsOfferNoEditing() {
        m_window->detailsView()->setEditable(false);
        m_window->timelineView()->selectEvent(m_window->store().eventByUid(deal)->id);
        QVERIFY(!m_window->detailsView()->toPlainText().contains(u"Remove"_s));
        m_window->detailsView()->setEditable(true);
        QVERIFY(m_window->detailsView()->toPlainText().contains(u"Edit · Remove"_s));
    }

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    std::unique_ptr<MainWindow> m_window;
    EditingController *m_editing = nullptr;
};

QTEST_MAIN(TestRelationEditing)
#include "tst_relationediting.moc"
