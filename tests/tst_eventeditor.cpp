#include "MessageBoxTestUtil.h"
#include "model/EditCommands.h"
#include "model/store/TimelineStore.h"
#include "ui/widgets/BulkEditDialog.h"
#include "ui/widgets/CategoryManagerDialog.h"
#include "ui/widgets/EditingController.h"
#include "ui/widgets/EventEditorDialog.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/NameListEdit.h"
#include "ui/widgets/SourceEditorDialog.h"

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace {
template <typename T>
T *child(QWidget *parent, const QString &name) {
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

// Types into a line edit the way a person does: select all, then type.
void retype(QLineEdit *edit, const QString &text) {
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

bool shows(QWidget *dialog, const QString &labelName, const QString &text) {
    auto *label = child<QLabel>(dialog, labelName);
    return label && !label->isHidden() && label->text() == text;
}

bool silent(QWidget *dialog, const QString &labelName) {
    auto *label = child<QLabel>(dialog, labelName);
    return label && label->isHidden();
}

// Screenshots for a person to look at, when CHIPTIMELINE_GRAB_DIR is set.
void grab(QWidget *widget, const QString &name) {
    const QString dir = qEnvironmentVariable("CHIPTIMELINE_GRAB_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + u'/' + name + u".png"_s);
}

Event sampleEvent() {
    Event event;
    event.uid = u"ev-1"_s;
    event.title = u"License requirement on H20"_s;
    event.start = PartialDate::fromYmd(2025, 4, 15);
    event.category = u"us-export-control"_s;
    event.status = EventStatus::Reported;
    event.actors = {u"Nvidia"_s, u"US Commerce"_s};
    event.chips = {u"H20"_s};
    event.tags = {u"license"_s};
    event.summary = u"The **US** requires a license. <b>raw</b>"_s;
    event.citations = {
        Citation{u"src-a"_s, u"Nvidia said the license is required"_s, u"para. 2"_s}};
    return event;
}

QList<Category> sampleCategories() {
    return {Category{1, u"us-export-control"_s, u"US export controls"_s, QColor(u"#1f77b4"_s), 1},
            Category{2, u"china-industry"_s, u"China industry"_s, QColor(u"#d62728"_s), 2}};
}

QList<Source> sampleSources() {
    Source a;
    a.uid = u"src-a"_s;
    a.title = u"Nvidia flags H20 charge"_s;
    a.outlet = u"Reuters"_s;
    a.url = u"https://www.reuters.com/h20"_s;
    a.published = PartialDate::fromYmd(2025, 4, 16);
    Source b;
    b.uid = u"src-b"_s;
    b.title = u"15% deal"_s;
    b.outlet = u"Financial Times"_s;
    b.published = PartialDate::fromYmd(2025, 8, 11);
    return {a, b};
}
} // namespace

class TestEventEditor : public QObject {
    Q_OBJECT

private slots:
    void typedDateShowsPrecision();
    void impossibleDateDisablesOk();
    void emptyTitleDisablesOk();
    void endBeforeStartIsRefused();
    void returnsTheEditedEvent();
    void editsTheGermanTranslationBeside();
    void linksAndUnlinksSources();
    void previewRendersMarkdownWithoutHtml();
    void namesAreSplitAndDeduplicated();
    void namesCompleteFromKnownOnes();
    void otherWindowsChangesReloadOnActivation();
    void sourceEditorValidates();
    void controllerUndoesAndReportsReadOnly();
    void categoryManagerAppliesAtOnce();
    void escapeAsksBeforeDiscardingAnEvent();
    void escapeAsksBeforeDiscardingASource();
    void grabsForReview();
};

void TestEventEditor::typedDateShowsPrecision() {
    EventEditorDialog dialog(Event{}, sampleCategories(), sampleSources(), {});
    retype(child<QLineEdit>(&dialog, u"title"_s), u"A new event"_s);
    retype(child<QLineEdit>(&dialog, u"start"_s), u"15.08.2025"_s);
    QVERIFY(shows(&dialog, u"startInfo"_s, u"15 August 2025 · day precision"_s));
    QVERIFY(silent(&dialog, u"startError"_s));
    QVERIFY(dialog.okButton()->isEnabled());
    retype(child<QLineEdit>(&dialog, u"start"_s), u"Mrz 2025"_s);
    QVERIFY(shows(&dialog, u"startInfo"_s, u"March 2025 · month precision"_s));
    QVERIFY(dialog.okButton()->isEnabled());
}

void TestEventEditor::impossibleDateDisablesOk() {
    EventEditorDialog dialog(sampleEvent(), sampleCategories(), sampleSources(), {});
    QVERIFY(dialog.okButton()->isEnabled());
    retype(child<QLineEdit>(&dialog, u"start"_s), u"2025-02-30"_s);
    QVERIFY(shows(&dialog, u"startError"_s, u"day 30 does not exist in February 2025"_s));
    QVERIFY(silent(&dialog, u"startInfo"_s));
    QVERIFY(!dialog.okButton()->isEnabled());
    // Pressing Enter does not get past it either.
    QTest::keyClick(child<QLineEdit>(&dialog, u"start"_s), Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    retype(child<QLineEdit>(&dialog, u"start"_s), u"2025-02-28"_s);
    QVERIFY(silent(&dialog, u"startError"_s));
    QVERIFY(dialog.okButton()->isEnabled());
}

void TestEventEditor::emptyTitleDisablesOk() {
    EventEditorDialog dialog(sampleEvent(), sampleCategories(), sampleSources(), {});
    auto *title = child<QLineEdit>(&dialog, u"title"_s);
    title->setFocus();
    title->selectAll();
    QTest::keyClick(title, Qt::Key_Delete);
    QVERIFY(shows(&dialog, u"titleError"_s, u"A title is required."_s));
    QVERIFY(!dialog.okButton()->isEnabled());
    QTest::keyClicks(title, u"   "_s);
    QVERIFY(!dialog.okButton()->isEnabled());
    QTest::keyClicks(title, u"x"_s);
    QVERIFY(silent(&dialog, u"titleError"_s));
    QVERIFY(dialog.okButton()->isEnabled());
}

void TestEventEditor::endBeforeStartIsRefused() {
    EventEditorDialog dialog(sampleEvent(), sampleCategories(), sampleSources(), {});
    retype(child<QLineEdit>(&dialog, u"end"_s), u"March 2025"_s);
    QVERIFY(shows(&dialog, u"endError"_s,
                  u"The end (March 2025) is before the start (15 April 2025)."_s));
    QVERIFY(!dialog.okButton()->isEnabled());
    retype(child<QLineEdit>(&dialog, u"end"_s), u"Aug 15, 2025"_s);
    QVERIFY(shows(&dialog, u"endInfo"_s, u"15 August 2025 · day precision"_s));
    QVERIFY(dialog.okButton()->isEnabled());
    retype(child<QLineEdit>(&dialog, u"end"_s), u"31.04.2025"_s);
    QVERIFY(shows(&dialog, u"endError"_s, u"day 31 does not exist in April 2025"_s));
    QVERIFY(!dialog.okButton()->isEnabled());
}

void TestEventEditor::returnsTheEditedEvent() {
    const Event original = sampleEvent();
    EventEditorDialog dialog(original, sampleCategories(), sampleSources(), {});
    QCOMPARE(dialog.event(), original); // opened and closed: nothing changes
    retype(child<QLineEdit>(&dialog, u"title"_s), u"H20 license"_s);
    retype(child<QLineEdit>(&dialog, u"start"_s), u"April 2025"_s);
    retype(child<QLineEdit>(&dialog, u"end"_s), u"15. August 2025"_s);
    retype(child<QLineEdit>(&dialog, u"tags"_s), u"license, China , license,"_s);
    child<QComboBox>(&dialog, u"category"_s)->setCurrentIndex(2);
    child<QComboBox>(&dialog, u"status"_s)->setCurrentIndex(2);
    const Event edited = dialog.event();
    QCOMPARE(edited.uid, original.uid);
    QCOMPARE(edited.title, u"H20 license"_s);
    QCOMPARE(edited.start, PartialDate::fromYearMonth(2025, 4));
    QCOMPARE(edited.end, PartialDate::fromYmd(2025, 8, 15));
    QCOMPARE(edited.tags, (QStringList{u"license"_s, u"China"_s}));
    QCOMPARE(edited.category, u"china-industry"_s);
    QCOMPARE(edited.status, EventStatus::Disputed);
    QCOMPARE(edited.citations, original.citations);
    // The status explains itself.
    QCOMPARE(child<QComboBox>(&dialog, u"status"_s)->toolTip(),
             u"Disputed: "_s + eventStatusExplanation(EventStatus::Disputed));
}

void TestEventEditor::editsTheGermanTranslationBeside() {
    Event original = sampleEvent();
    original.translations.insert(u"de"_s, {u"Alter Titel"_s, u"Alte *Beschreibung*"_s});
    original.translations.insert(u"fr"_s, {u"Titre"_s, {}});
    EventEditorDialog dialog(original, sampleCategories(), sampleSources(), {});
    QCOMPARE(dialog.event(), original); // opened and closed: nothing changes
    auto *germanTitle = child<QLineEdit>(&dialog, u"germanTitle"_s);
    auto *germanDescription = child<QPlainTextEdit>(&dialog, u"germanDescription"_s);
    QCOMPARE(germanTitle->text(), u"Alter Titel"_s);
    QCOMPARE(germanDescription->toPlainText(), u"Alte *Beschreibung*"_s);
    retype(germanTitle, u" USA verlangen Lizenzen "_s);
    germanDescription->setPlainText(u"Für den **H20**."_s);
    Event edited = dialog.event();
    QCOMPARE(edited.title, original.title);
    QCOMPARE(edited.translations.value(u"de"_s),
             (EventTranslation{u"USA verlangen Lizenzen"_s, u"Für den **H20**."_s}));
    QCOMPARE(edited.translations.value(u"fr"_s), original.translations.value(u"fr"_s));
    // Both emptied: no German translation is left, the others stay.
    retype(germanTitle, {});
    germanDescription->clear();
    edited = dialog.event();
    QVERIFY(!edited.translations.contains(u"de"_s));
    QCOMPARE(edited.translations.size(), 1);
}

void TestEventEditor::linksAndUnlinksSources() {
    EventEditorDialog dialog(sampleEvent(), sampleCategories(), sampleSources(), {});
    auto *table = child<QTableWidget>(&dialog, u"citations"_s);
    auto *choice = child<QComboBox>(&dialog, u"sourceChoice"_s);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(choice->count(), 1); // only the source not linked yet
    choice->setCurrentIndex(0);
    QTest::mouseClick(child<QPushButton>(&dialog, u"linkSource"_s), Qt::LeftButton);
    QCOMPARE(table->rowCount(), 2);
    table->item(1, 1)->setText(u"15 percent of revenue"_s);
    table->item(1, 2)->setText(u"para. 1"_s);
    QCOMPARE(dialog.event().citations.at(1),
             (Citation{u"src-b"_s, u"15 percent of revenue"_s, u"para. 1"_s}));
    QCOMPARE(choice->count(), 0);
    table->setCurrentCell(0, 0);
    QTest::mouseClick(child<QPushButton>(&dialog, u"unlinkSource"_s), Qt::LeftButton);
    QCOMPARE(dialog.event().citations,
             (QList<Citation>{Citation{u"src-b"_s, u"15 percent of revenue"_s, u"para. 1"_s}}));
}

void TestEventEditor::previewRendersMarkdownWithoutHtml() {
    EventEditorDialog dialog(sampleEvent(), sampleCategories(), sampleSources(), {});
    child<QTabWidget>(&dialog, u"descriptionTabs"_s)->setCurrentIndex(1);
    auto *preview = child<QTextBrowser>(&dialog, u"preview"_s);
    // Markdown is rendered ("**US**" in bold), raw HTML is shown as text, never obeyed.
    QCOMPARE(preview->toPlainText(), u"The US requires a license. <b>raw</b>"_s);
}

void TestEventEditor::namesAreSplitAndDeduplicated() {
    NameListEdit edit;
    edit.setKnownNames({u"Nvidia"_s, u"NXP"_s, u"US Commerce"_s});
    edit.setNames({u"Nvidia"_s, u"AMD"_s});
    QCOMPARE(edit.text(), u"Nvidia, AMD"_s);
    edit.setText(u" nvidia ,  AMD,, Huawei  Technologies , NVIDIA"_s);
    QCOMPARE(edit.names(), (QStringList{u"nvidia"_s, u"AMD"_s, u"Huawei Technologies"_s}));
}

void TestEventEditor::namesCompleteFromKnownOnes() {
    QWidget window;
    auto *edit = new NameListEdit(&window);
    edit->setKnownNames({u"Nvidia"_s, u"NXP"_s, u"US Commerce"_s});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    edit->setFocus();
    QTest::keyClicks(edit, u"AMD, nv"_s);
    auto *completer = edit->findChild<QCompleter *>();
    QVERIFY(completer);
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->completionCount(), 1);
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(edit->text(), u"AMD, Nvidia, "_s);
    QTest::keyClicks(edit, u"Huawei"_s); // not known: simply a new name
    QCOMPARE(edit->names(), (QStringList{u"AMD"_s, u"Nvidia"_s, u"Huawei"_s}));
}

void TestEventEditor::otherWindowsChangesReloadOnActivation() {
    QTemporaryDir dir;
    StoreError error;
    auto mine = TimelineStore::open(dir.filePath(u"two.sqlite"_s), &error);
    auto other = TimelineStore::open(dir.filePath(u"two.sqlite"_s), &error);
    QVERIFY(mine && other);
    QWidget window;
    EditingController controller(*mine, &window);
    QSignalSpy changed(&controller, &EditingController::dataChanged);
    QEvent activate(QEvent::WindowActivate);
    QCoreApplication::sendEvent(&window, &activate);
    QCOMPARE(changed.size(), 0); // nothing new
    Event event = sampleEvent();
    event.citations.clear();
    QVERIFY(other->saveEvent(event, &error)); // the other window adds an event
    QCoreApplication::sendEvent(&window, &activate);
    QCOMPARE(changed.size(), 1);
    QCoreApplication::sendEvent(&window, &activate);
    QCOMPARE(changed.size(), 1); // seen already
    // This window's own edits do not count as outside changes.
    QVERIFY(controller.push(new DeleteEventsCommand(*mine, mine->events())));
    QCOMPARE(changed.size(), 2);
    QCoreApplication::sendEvent(&window, &activate);
    QCOMPARE(changed.size(), 2);
}

void TestEventEditor::sourceEditorValidates() {
    SourceEditorDialog dialog(Source{});
    QVERIFY(shows(&dialog, u"titleError"_s, u"A title is required."_s));
    QVERIFY(!dialog.okButton()->isEnabled());
    retype(child<QLineEdit>(&dialog, u"title"_s), u"BIS guidance"_s);
    QVERIFY(dialog.okButton()->isEnabled());

    auto *url = child<QLineEdit>(&dialog, u"url"_s);
    retype(url, u"javascript:alert(1)"_s);
    QVERIFY(!silent(&dialog, u"urlError"_s));
    QVERIFY(!dialog.okButton()->isEnabled());
    retype(url, u"mailto:press@bis.gov"_s);
    QVERIFY(shows(&dialog, u"urlError"_s,
                  u"A source's address must start with http:// or https://."_s));
    retype(url, u"https://www.bis.gov/press-release"_s);
    QVERIFY(silent(&dialog, u"urlError"_s));

    auto *doi = child<QLineEdit>(&dialog, u"doi"_s);
    retype(doi, u"10.12/x"_s);
    QVERIFY(shows(&dialog, u"doiError"_s,
                  u"A DOI looks like 10.1234/abc (“doi:” and https://doi.org/ are fine)."_s));
    QVERIFY(!dialog.okButton()->isEnabled());
    retype(doi, u"https://doi.org/10.1234/ABC.5"_s);
    QVERIFY(silent(&dialog, u"doiError"_s));

    retype(child<QLineEdit>(&dialog, u"published"_s), u"30.02.2025"_s);
    QVERIFY(shows(&dialog, u"publishedError"_s, u"day 30 does not exist in February 2025"_s));
    QVERIFY(!dialog.okButton()->isEnabled());
    retype(child<QLineEdit>(&dialog, u"published"_s), u"13. Mai 2025"_s);
    QVERIFY(shows(&dialog, u"publishedInfo"_s, u"13 May 2025 · day precision"_s));
    retype(child<QLineEdit>(&dialog, u"language"_s), u"english!"_s);
    QVERIFY(!dialog.okButton()->isEnabled());
    retype(child<QLineEdit>(&dialog, u"language"_s), u"en"_s);
    QVERIFY(dialog.okButton()->isEnabled());

    const Source source = dialog.source();
    QCOMPARE(source.title, u"BIS guidance"_s);
    QCOMPARE(source.url, u"https://www.bis.gov/press-release"_s);
    QCOMPARE(source.doi, u"10.1234/ABC.5"_s);
    QCOMPARE(source.published, PartialDate::fromYmd(2025, 5, 13));
    QCOMPARE(source.language, u"en"_s);
}

void TestEventEditor::controllerUndoesAndReportsReadOnly() {
    QTemporaryDir dir;
    StoreError error;
    const QString path = dir.filePath(u"c.sqlite"_s);
    {
        auto store = TimelineStore::open(path, &error);
        QVERIFY(store);
        QWidget window;
        EditingController controller(*store, &window);
        controller.setShowErrors(false);
        QSignalSpy changed(&controller, &EditingController::dataChanged);
        QSignalSpy selected(&controller, &EditingController::selectRequested);
        QVERIFY(!controller.action(u"editEvent"_s)->isEnabled());
        QVERIFY(!controller.action(u"undo"_s)->isEnabled());

        Event event;
        event.title = u"Added"_s;
        event.start = PartialDate::fromYmd(2025, 8, 15);
        QVERIFY(controller.push(new AddEventCommand(*store, event)));
        QCOMPARE(store->eventCount(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(selected.size(), 1);
        const qint64 id = selected.at(0).at(0).toLongLong();
        controller.setSelectedEvent(id);
        QVERIFY(controller.action(u"editEvent"_s)->isEnabled());
        QVERIFY(controller.action(u"undo"_s)->isEnabled());
        QCOMPARE(controller.action(u"undo"_s)->text(), u"&Undo Add “Added”"_s);

        controller.action(u"duplicateEvent"_s)->trigger();
        QCOMPARE(store->eventCount(), 2);
        controller.action(u"undo"_s)->trigger();
        controller.action(u"undo"_s)->trigger();
        QCOMPARE(store->eventCount(), 0);
        QCOMPARE(changed.size(), 4);
        controller.action(u"redo"_s)->trigger();
        QCOMPARE(store->eventCount(), 1);
        QCOMPARE(store->event(id)->title, u"Added"_s); // the same event, same row

        controller.moveEvent(id, 3);
        QCOMPARE(store->event(id)->start, PartialDate::fromYmd(2025, 8, 18));
        controller.resizeEvent(id, true, QDate(2025, 8, 30).toJulianDay());
        QCOMPARE(store->event(id)->end, PartialDate::fromYmd(2025, 8, 30));
        QCOMPARE(controller.undoStack()->count(), 3);
    }
    auto store = TimelineStore::open(path, &error, TimelineStore::OpenMode::ReadOnly);
    QVERIFY(store);
    QWidget window;
    EditingController controller(*store, &window);
    controller.setShowErrors(false);
    QSignalSpy errors(&controller, &EditingController::errorOccurred);
    controller.setSelectedEvent(store->events().constFirst().id);
    for (const QString &name :
         {u"newEvent"_s, u"editEvent"_s, u"deleteEvent"_s, u"duplicateEvent"_s, u"newSource"_s}) {
        QVERIFY2(!controller.action(name)->isEnabled(), qPrintable(name));
        QCOMPARE(controller.action(name)->toolTip(), u"Read-only: opened read-only"_s);
    }
    QVERIFY(!controller.push(new DeleteEventsCommand(*store, store->events())));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(store->eventCount(), 1);
}

void TestEventEditor::categoryManagerAppliesAtOnce() {
    QTemporaryDir dir;
    StoreError error;
    auto store = TimelineStore::open(dir.filePath(u"m.sqlite"_s), &error);
    QVERIFY(store);
    for (Category category : sampleCategories()) {
        category.id = 0;
        QVERIFY(store->saveCategory(category, &error));
    }
    QWidget window;
    EditingController controller(*store, &window);
    controller.setShowErrors(false);
    CategoryManagerDialog dialog(
        *store, [&](StoreCommand *command) { return controller.push(command); }, &window);
    auto *list = child<QListWidget>(&dialog, u"categories"_s);
    QCOMPARE(list->count(), 2);
    list->setCurrentRow(0);
    auto *label = child<QLineEdit>(&dialog, u"label"_s);
    retype(label, u"US controls"_s);
    QTest::keyClick(label, Qt::Key_Return);
    QCOMPARE(store->categories().constFirst().label, u"US controls"_s);
    auto *germanLabel = child<QLineEdit>(&dialog, u"germanLabel"_s);
    retype(germanLabel, u" US-Kontrollen "_s);
    QTest::keyClick(germanLabel, Qt::Key_Return);
    QCOMPARE(store->categories().constFirst().labelTranslations,
             (LabelTranslations{{u"de"_s, u"US-Kontrollen"_s}}));
    auto *name = child<QLineEdit>(&dialog, u"name"_s);
    retype(name, u"Bad Name"_s);
    QVERIFY(shows(&dialog, u"nameError"_s,
                  u"Use lower case letters, digits and dashes, e.g. us-export-control."_s));
    retype(name, u"china-industry"_s);
    QVERIFY(
        shows(&dialog, u"nameError"_s, u"Another category is already called china-industry."_s));
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(store->categories().constFirst().name, u"us-export-control"_s);
    QTest::mouseClick(dialog.findChildren<QPushButton *>().at(3), Qt::LeftButton); // Move Down
    QCOMPARE(store->categories().constFirst().name, u"china-industry"_s);
    connect(&controller, &EditingController::dataChanged, &dialog, &CategoryManagerDialog::reload);
    controller.undoStack()->undo();
    QCOMPARE(store->categories().constFirst().name, u"us-export-control"_s);
    controller.undoStack()->undo();
    QVERIFY(store->categories().constFirst().labelTranslations.isEmpty());
    QCOMPARE(germanLabel->text(), QString());
    QCOMPARE(store->categories().constFirst().label, u"US controls"_s);
    controller.undoStack()->undo();
    QCOMPARE(store->categories().constFirst().label, u"US export controls"_s);
    QCOMPARE(list->item(0)->text(), u"US export controls"_s); // the dialog follows the undo
    grab(&dialog, u"category-manager"_s);
}

void TestEventEditor::escapeAsksBeforeDiscardingAnEvent() {
    EventEditorDialog dialog(sampleEvent(), sampleCategories(), sampleSources(), {});
    dialog.show();
    // Nothing changed: Escape closes at once.
    auto seen = answerNextBox(u"&Discard Changes"_s);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCoreApplication::processEvents(); // the answering timer, had a box been open
    QVERIFY(!seen->shown);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));

    // A typed date that is no date is a change too.
    dialog.show();
    retype(child<QLineEdit>(&dialog, u"end"_s), u"sometime"_s);
    QVERIFY(dialog.hasChanges());
    seen = answerNextBox(u"&Keep Editing"_s);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(seen->shown);
    QCOMPARE(seen->title, u"Discard changes?"_s);
    QCOMPARE(seen->text, u"The changes to this event have not been saved. Discard them?"_s);
    QCOMPARE(seen->buttons, (QStringList{u"&Discard Changes"_s, u"&Keep Editing"_s}));
    QVERIFY(dialog.isVisible());
    QCOMPARE(child<QLineEdit>(&dialog, u"end"_s)->text(), u"sometime"_s);
    // Escape in the question keeps editing as well; Cancel asks the same.
    seen = answerNextBox(QString());
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel),
                      Qt::LeftButton);
    QVERIFY(seen->shown);
    QVERIFY(dialog.isVisible());
    // Back as it was: no question.
    retype(child<QLineEdit>(&dialog, u"end"_s), QString());
    QVERIFY(!dialog.hasChanges());
    retype(child<QLineEdit>(&dialog, u"title"_s), u"Licence requirement on the H20"_s);
    seen = answerNextBox(u"&Discard Changes"_s);
    QVERIFY(dialog.close()); // the close button asks too, and closes on Discard
    QVERIFY(seen->shown);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestEventEditor::escapeAsksBeforeDiscardingASource() {
    SourceEditorDialog dialog(sampleSources().constFirst());
    dialog.show();
    auto seen = answerNextBox(u"&Discard Changes"_s);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCoreApplication::processEvents();
    QVERIFY(!seen->shown);
    QVERIFY(!dialog.isVisible());

    dialog.show();
    child<QPlainTextEdit>(&dialog, u"notes"_s)->setPlainText(u"Check the figure."_s);
    seen = answerNextBox(u"&Keep Editing"_s);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(seen->text, u"The changes to this source have not been saved. Discard them?"_s);
    QVERIFY(dialog.isVisible());
    seen = answerNextBox(u"&Discard Changes"_s);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(seen->shown);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestEventEditor::grabsForReview() {
    if (qEnvironmentVariableIsEmpty("CHIPTIMELINE_GRAB_DIR"))
        QSKIP("set CHIPTIMELINE_GRAB_DIR to save screenshots of the dialogs");
    EventEditorDialog editor(sampleEvent(), sampleCategories(), sampleSources(),
                             KnownNames{{u"Nvidia"_s}, {u"H20"_s}, {u"license"_s}});
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    retype(child<QLineEdit>(&editor, u"start"_s), u"15.08.2025"_s);
    retype(child<QLineEdit>(&editor, u"end"_s), u"2025-02-30"_s);
    grab(&editor, u"event-editor"_s);
    SourceEditorDialog source(sampleSources().constFirst());
    source.show();
    QVERIFY(QTest::qWaitForWindowExposed(&source));
    retype(child<QLineEdit>(&source, u"doi"_s), u"10.12/x"_s);
    grab(&source, u"source-editor"_s);
    BulkEditDialog bulk(3, sampleCategories(), {u"license"_s});
    bulk.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bulk));
    grab(&bulk, u"bulk-edit"_s);

    QTemporaryDir dir;
    StoreError error;
    auto store = TimelineStore::open(dir.filePath(u"w.sqlite"_s), &error);
    QVERIFY(store);
    Event event = sampleEvent();
    event.citations.clear();
    QVERIFY(store->saveEvent(event, &error));
    MainWindow window(std::move(store));
    window.resize(1100, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    grab(&window, u"main-window"_s);
}

QTEST_MAIN(TestEventEditor)
#include "tst_eventeditor.moc"
