#include "ui/widgets/EditingController.h"

#include "model/EditCommands.h"
#include "model/RelationCommands.h"
#include "model/store/TimelineStore.h"
#include "ui/widgets/BulkEditDialog.h"
#include "ui/widgets/CategoryManagerDialog.h"
#include "ui/widgets/EventEditorDialog.h"
#include "ui/widgets/RelationEditorDialog.h"
#include "ui/widgets/SourceEditorDialog.h"
#include "ui/widgets/TimelineView.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QTextEdit>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QString quoted(const QString &title) {
    return u"“%1”"_s.arg(title);
}
} // namespace

EditingController::EditingController(TimelineStore &store, QWidget *window)
    : QObject(window)
    , m_store(store)
    , m_window(window)
    , m_stack(new QUndoStack(this)) {
    setObjectName(u"editing"_s);
    makeAction(u"newEvent"_s, tr("&New Event…"), QKeySequence::New, &EditingController::newEvent);
    makeAction(u"editEvent"_s, tr("&Edit Event…"), QKeySequence(Qt::Key_F2),
               &EditingController::editSelected);
    makeAction(u"duplicateEvent"_s, tr("D&uplicate Event"), QKeySequence(u"Ctrl+D"_s),
               &EditingController::duplicateSelected);
    makeAction(u"deleteEvent"_s, tr("&Delete Event…"), QKeySequence::Delete,
               &EditingController::deleteSelected);
    makeAction(u"mergeEvents"_s, tr("&Merge Selected…"), {}, &EditingController::mergeSelected);
    makeAction(u"bulkEdit"_s, tr("&Bulk Edit…"), {}, &EditingController::bulkEditSelected);
    makeAction(u"newSource"_s, tr("New &Source…"), QKeySequence(u"Ctrl+Shift+N"_s),
               &EditingController::newSource);
    makeAction(u"manageCategories"_s, tr("Manage &Categories…"), {},
               &EditingController::manageCategories);
    makeAction(u"linkEvents"_s, tr("&Link Events…"), QKeySequence(u"Ctrl+L"_s),
               &EditingController::linkSelected);
    makeAction(u"changeNote"_s, tr("Change &Note…"), {}, &EditingController::askChangeNote);

    m_undo = new QAction(tr("&Undo"), this);
    m_undo->setObjectName(u"undo"_s);
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setIcon(QIcon::fromTheme(u"edit-undo"_s));
    m_redo = new QAction(tr("&Redo"), this);
    m_redo->setObjectName(u"redo"_s);
    m_redo->setShortcuts({QKeySequence(u"Ctrl+Shift+Z"_s), QKeySequence::Redo});
    m_redo->setIcon(QIcon::fromTheme(u"edit-redo"_s));
    connect(m_undo, &QAction::triggered, this, [this] {
        m_lastFailed = false;
        m_stack->undo();
    });
    connect(m_redo, &QAction::triggered, this, [this] {
        m_lastFailed = false;
        m_stack->redo();
    });
    makeAction(u"undoHistory"_s, tr("Undo &History"), QKeySequence(u"Ctrl+Alt+Z"_s),
               &EditingController::showHistory);

    connect(m_stack, &QUndoStack::indexChanged, this, [this] {
        updateActions();
        emit dataChanged();
    });
    connect(m_stack, &QUndoStack::canUndoChanged, this, &EditingController::updateActions);
    connect(m_stack, &QUndoStack::canRedoChanged, this, &EditingController::updateActions);
    connect(m_stack, &QUndoStack::undoTextChanged, this, &EditingController::updateActions);
    connect(m_stack, &QUndoStack::redoTextChanged, this, &EditingController::updateActions);

    for (const auto &[name, icon] : {std::pair{u"newEvent"_s, u"document-new"_s},
                                     std::pair{u"editEvent"_s, u"document-edit"_s},
                                     std::pair{u"deleteEvent"_s, u"edit-delete"_s},
                                     std::pair{u"newSource"_s, u"bookmark-new"_s}})
        if (QAction *a = action(name))
            a->setIcon(QIcon::fromTheme(icon));

    // The change token is first read where the window loads the data (noteDataLoaded), or at
    // the first look for outside changes: on a server it sums every event's row version, and
    // reading it here as well would cost the window's first frame a second pass.
    if (m_window)
        m_window->installEventFilter(this);
    // Live updates from a server: the notices of one commit arrive together and are taken in
    // as one refresh, once the event loop has read them all.
    // The window destroys the store before this controller (its child); the guard covers a
    // store that lives on.
    m_liveChanges = m_store.listenForChanges(
        [this, self = QPointer<EditingController>(this)](const StoreChangeNotice &) {
            if (!self || m_changesHeard)
                return;
            m_changesHeard = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_changesHeard = false;
                    if (!m_dataVersion) { // nothing read yet to compare with: the notice says
                        emit dataChanged();
                        return;
                    }
                    checkForOutsideChanges();
                },
                Qt::QueuedConnection);
        });
    updateActions();
}

EditingController::~EditingController() = default;

QAction *EditingController::makeAction(const QString &name, const QString &text,
                                       const QKeySequence &shortcut,
                                       void (EditingController::*slot)()) {
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this, slot);
    m_actions << action;
    return action;
}

QAction *EditingController::action(const QString &objectName) const {
    if (objectName == u"undo"_s)
        return m_undo;
    if (objectName == u"redo"_s)
        return m_redo;
    for (QAction *action : m_actions)
        if (action->objectName() == objectName)
            return action;
    return nullptr;
}

QList<QAction *> EditingController::editMenuActions() const {
    const auto separator = [this] {
        auto *action = new QAction(const_cast<EditingController *>(this));
        action->setSeparator(true);
        return action;
    };
    return {m_undo,
            m_redo,
            action(u"undoHistory"_s),
            action(u"changeNote"_s),
            separator(),
            action(u"newEvent"_s),
            action(u"editEvent"_s),
            action(u"duplicateEvent"_s),
            action(u"deleteEvent"_s),
            separator(),
            action(u"mergeEvents"_s),
            action(u"bulkEdit"_s),
            action(u"linkEvents"_s),
            separator(),
            action(u"newSource"_s),
            action(u"manageCategories"_s)};
}

QList<QAction *> EditingController::toolBarActions() const {
    return {action(u"newEvent"_s), action(u"editEvent"_s), action(u"deleteEvent"_s), m_undo,
            m_redo};
}

void EditingController::attachTimeline(TimelineView *timeline) {
    m_timeline = timeline;
    connect(timeline, &TimelineView::emptyDayActivated, this, &EditingController::newEventAt);
    connect(timeline, &TimelineView::eventMoved, this, &EditingController::moveEvent);
    connect(timeline, &TimelineView::eventResized, this, &EditingController::resizeEvent);
    connect(timeline, &TimelineView::selectionChanged, this, &EditingController::setSelectedEvent);
    connect(this, &EditingController::selectRequested, timeline, &TimelineView::selectEvent);
    updateActions();
}

void EditingController::attachDetails(QWidget *details) {
    details->installEventFilter(this);
}

bool EditingController::eventFilter(QObject *watched, QEvent *event) {
    // A store that announces every commit (a server) has its notices bring the changes; the
    // change token is then not read again each time the window comes to the front.
    if (watched == m_window && event->type() == QEvent::WindowActivate && !m_liveChanges)
        checkForOutsideChanges();
    if (watched != m_window && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        // Enter on a link the user tabbed to still follows the link.
        const auto *text = qobject_cast<QTextEdit *>(watched);
        const bool onLink = text && text->textCursor().hasSelection();
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers() == Qt::NoModifier && !m_selected.isEmpty() && !onLink) {
            editSelected();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void EditingController::checkForOutsideChanges() {
    if (m_store.isConnectionLost()) // the window reloads once the server is back
        return;
    const qint64 version = m_store.dataVersion();
    if (!m_dataVersion) { // no data read through this controller yet: now is the baseline
        m_dataVersion = version;
        return;
    }
    if (version == *m_dataVersion)
        return;
    m_dataVersion = version;
    emit dataChanged();
}

void EditingController::noteDataLoaded() {
    m_dataVersion = m_store.dataVersion();
}

void EditingController::setSelectedEvents(const QList<qint64> &ids) {
    m_selected = ids;
    m_selected.removeAll(0);
    updateActions();
}

void EditingController::setSelectedEvent(qint64 id) {
    setSelectedEvents(id ? QList<qint64>{id} : QList<qint64>{});
}

void EditingController::updateActions() {
    const bool writable = !m_store.isReadOnly();
    const QString why = writable ? QString() : tr("Read-only: %1").arg(m_store.readOnlyReason());
    const qsizetype selected = m_selected.size();
    const QList<std::pair<QString, bool>> states = {
        {u"newEvent"_s, true},
        {u"editEvent"_s, selected == 1},
        {u"duplicateEvent"_s, selected == 1},
        {u"deleteEvent"_s, selected >= 1},
        {u"mergeEvents"_s, selected >= 1},
        {u"bulkEdit"_s, selected >= 1},
        {u"linkEvents"_s, selected == 1},
        {u"newSource"_s, true},
        {u"manageCategories"_s, true},
    };
    for (const auto &[name, enabled] : states) {
        QAction *a = action(name);
        // Categories can still be looked at in a read-only database.
        a->setEnabled(enabled && (writable || name == u"manageCategories"_s));
        a->setToolTip(writable ? a->text().remove(u'&').remove(u"…"_s) : why);
    }
    m_undo->setEnabled(writable && m_stack->canUndo());
    m_redo->setEnabled(writable && m_stack->canRedo());
    m_undo->setText(m_stack->canUndo() ? tr("&Undo %1").arg(m_stack->undoText()) : tr("&Undo"));
    m_redo->setText(m_stack->canRedo() ? tr("&Redo %1").arg(m_stack->redoText()) : tr("&Redo"));
    m_undo->setToolTip(writable ? m_undo->text().remove(u'&') : why);
    m_redo->setToolTip(writable ? m_redo->text().remove(u'&') : why);
    if (m_timeline)
        m_timeline->setEditable(writable);
}

void EditingController::reportError(const StoreError &error) {
    m_lastFailed = true;
    emit errorOccurred(error.message);
    if (m_showErrors) {
        // Not exec(): this may run inside QUndoStack::undo(), which must finish first.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Not saved"), error.message,
                                    QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    // Whatever made it fail (another window's edit, say) is worth showing now.
    emit dataChanged();
}

bool EditingController::push(StoreCommand *command) {
    if (m_store.isReadOnly()) {
        reportError(
            {StoreError::Kind::ReadOnly, tr("The database is read-only (%1); nothing was changed.")
                                             .arg(m_store.readOnlyReason())});
        delete command;
        return false;
    }
    command->setErrorHandler([this](const StoreError &error) { reportError(error); });
    m_lastFailed = false;
    m_stack->push(command); // deletes the command if it failed
    if (m_lastFailed)
        return false;
    if (command->focusEventId())
        emit selectRequested(command->focusEventId());
    return true;
}

QList<Event> EditingController::selectedEventList() const {
    QList<Event> events;
    for (qint64 id : m_selected)
        if (const std::optional<Event> event = m_store.event(id))
            events << *event;
    return events;
}

void EditingController::openEditor(const Event &event, const std::optional<Event> &shown) {
    if (!m_store.isConnectionLost())
        m_editorLists = {m_store.categories(), m_store.sources(), m_store.actorNames(),
                         m_store.chipNames(), m_store.tagNames()};
    const EditorLists &lists = m_editorLists;
    EventEditorDialog dialog(shown.value_or(event), lists.categories, lists.sources,
                             KnownNames{lists.actors, lists.chips, lists.tags}, m_window);
    if (!event.uid.isEmpty() && !m_store.isReadOnly()) {
        dialog.offerLinking();
        connect(&dialog, &EventEditorDialog::linkEventsRequested, &dialog, [this, &event, &dialog] {
            openRelationEditor(event, std::nullopt, std::nullopt, &dialog);
        });
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Event edited = dialog.event();
    if (!dialog.changeNote().isEmpty())
        m_store.setChangeNote(dialog.changeNote());
    if (event.uid.isEmpty()) {
        // Refused while the server is not reachable: the editor opens again with the text.
        if (!push(new AddEventCommand(m_store, edited)) && m_store.isConnectionLost())
            openEditor(event, edited);
    } else if (!(edited == event) && !push(new EditEventCommand(m_store, event, edited))) {
        if (m_store.isConnectionLost()) {
            openEditor(event, edited);
            return;
        }
        // Someone else saved the event meanwhile: the editor opens again on the version now
        // stored, holding this user's text, to apply again or to drop. Nothing is lost.
        const std::optional<Event> now = m_store.eventByUid(event.uid);
        if (now &&
            (now->modified != event.modified || now->rowVersion.value != event.rowVersion.value)) {
            Event again = edited;
            again.modified = now->modified;
            again.rowVersion = now->rowVersion;
            openEditor(*now, again);
        }
    }
}

void EditingController::openRelationEditor(const Event &subject,
                                           const std::optional<Relation> &existing,
                                           const std::optional<Event> &other, QWidget *parent) {
    if (m_store.isReadOnly())
        return;
    RelationEditorDialog dialog(m_store, subject, existing, other, parent ? parent : m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Relation edited = dialog.relation();
    if (existing && edited == *existing)
        return;
    push(new SaveRelationCommand(m_store, edited, existing, dialog.fromTitle(), dialog.toTitle()));
}

void EditingController::linkSelected() {
    if (m_selected.size() != 1)
        return;
    if (const std::optional<Event> subject = m_store.event(m_selected.constFirst()))
        openRelationEditor(*subject, std::nullopt, std::nullopt);
}

void EditingController::linkEvents(qint64 subjectId, qint64 otherId) {
    const std::optional<Event> subject = m_store.event(subjectId);
    const std::optional<Event> other = m_store.event(otherId);
    if (subject && other && subjectId != otherId)
        openRelationEditor(*subject, std::nullopt, other);
}

void EditingController::editRelation(const Event &subject, const Relation &relation) {
    openRelationEditor(subject, relation, std::nullopt);
}

void EditingController::removeRelation(const Relation &relation) {
    const std::optional<Event> from = m_store.eventByUid(relation.fromUid);
    const std::optional<Event> to = m_store.eventByUid(relation.toUid);
    push(new RemoveRelationCommand(m_store, relation, from ? from->title : relation.fromUid,
                                   to ? to->title : relation.toUid));
}

void EditingController::newEvent() {
    newEventAt(QDate::currentDate().toJulianDay());
}

void EditingController::newEventAt(qint64 julianDay) {
    if (m_store.isReadOnly())
        return;
    Event event;
    event.start = PartialDate::fromDate(QDate::fromJulianDay(julianDay), DatePrecision::Day);
    // New events usually belong with the one being looked at.
    const QList<Event> selected = selectedEventList();
    if (!selected.isEmpty())
        event.category = selected.constFirst().category;
    openEditor(event);
}

void EditingController::editSelected() {
    if (m_selected.size() == 1)
        editEvent(m_selected.constFirst());
}

void EditingController::editEvent(qint64 id) {
    if (const std::optional<Event> event = m_store.event(id))
        openEditor(*event);
}

void EditingController::duplicateSelected() {
    const QList<Event> events = selectedEventList();
    if (events.size() == 1)
        push(new DuplicateEventCommand(m_store, events.constFirst()));
}

void EditingController::deleteSelected() {
    const QList<Event> events = selectedEventList();
    if (events.isEmpty())
        return;
    const QString question = events.size() == 1
                                 ? tr("Delete %1 (%2)?")
                                       .arg(quoted(events.constFirst().title),
                                            events.constFirst().start.toDisplayString())
                                 : tr("Delete %n events?", nullptr, int(events.size()));
    QMessageBox box(QMessageBox::Question, tr("Delete Event"), question, QMessageBox::Cancel,
                    m_window);
    // Relations go with the events they join (in the same step): say how many.
    QSet<QString> uids;
    for (const Event &event : events)
        uids.insert(event.uid);
    QSet<QString> relations;
    const auto count = [&](const QList<Relation> &list) {
        for (const Relation &r : list)
            if (uids.contains(r.fromUid) || uids.contains(r.toUid))
                relations.insert(r.fromUid + u' ' + relationTypeKey(r.type) + u' ' + r.toUid);
    };
    if (events.size() <= 50) {
        for (const Event &event : events)
            count(m_store.relationsOf(event.uid));
    } else {
        count(m_store.relations());
    }
    if (relations.isEmpty())
        box.setInformativeText(
            tr("Its links to sources go with it. Undo (Ctrl+Z) brings it back."));
    else if (relations.size() == 1)
        box.setInformativeText(tr("Its links to sources and its relation to another event go "
                                  "with it. Undo (Ctrl+Z) brings them back."));
    else
        box.setInformativeText(tr("Its links to sources and %n relations to other events go with "
                                  "it. Undo (Ctrl+Z) brings them back.",
                                  nullptr, int(relations.size())));
    QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    push(new DeleteEventsCommand(m_store, events));
}

void EditingController::mergeSelected() {
    QList<Event> events = selectedEventList();
    if (events.isEmpty())
        return;
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Merge Events"));
    auto *other = new QComboBox(&dialog);
    other->setObjectName(u"mergeWith"_s);
    auto *keep = new QComboBox(&dialog);
    keep->setObjectName(u"keep"_s);
    const Event first = events.constFirst();
    if (events.size() >= 2) {
        other->addItem(events.at(1).title, events.at(1).id);
        other->setEnabled(false);
    } else {
        // Likely duplicates are close in time: offer the nearest first.
        QList<Event> candidates = m_store.events();
        candidates.removeIf([&](const Event &e) { return e.id == first.id; });
        std::stable_sort(candidates.begin(), candidates.end(), [&](const Event &a, const Event &b) {
            return std::abs(a.firstJulianDay() - first.firstJulianDay()) <
                   std::abs(b.firstJulianDay() - first.firstJulianDay());
        });
        for (const Event &candidate : std::as_const(candidates))
            other->addItem(u"%1 — %2"_s.arg(candidate.start.toIsoString(), candidate.title),
                           candidate.id);
    }
    const auto fillKeep = [&] {
        keep->clear();
        keep->addItem(first.title, first.id);
        keep->addItem(other->currentText(), other->currentData());
    };
    fillKeep();
    connect(other, &QComboBox::currentIndexChanged, &dialog, fillKeep);
    auto *note = new QLabel(tr("Actors, chips, tags and sources of both are kept; the other "
                               "event is deleted. Undo brings both back."),
                            &dialog);
    note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    form->addRow(tr("Merge %1 with:").arg(quoted(first.title)), other);
    form->addRow(tr("Keep title, dates and description of:"), keep);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    buttons->addButton(tr("Merge"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->setContentsMargins(18, 18, 18, 14);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    if (other->count() == 0 || dialog.exec() != QDialog::Accepted)
        return;
    const std::optional<Event> a = m_store.event(keep->currentData().toLongLong());
    const qint64 otherId = keep->currentIndex() == 0 ? other->currentData().toLongLong() : first.id;
    const std::optional<Event> b = m_store.event(otherId);
    if (a && b && a->id != b->id)
        push(new MergeEventsCommand(m_store, *a, *b));
}

void EditingController::bulkEditSelected() {
    const QList<Event> events = selectedEventList();
    if (events.isEmpty())
        return;
    BulkEditDialog dialog(int(events.size()), m_store.categories(), m_store.tagNames(), m_window);
    if (dialog.exec() != QDialog::Accepted || dialog.change().isEmpty())
        return;
    push(new BulkEditCommand(m_store, events, dialog.change()));
}

void EditingController::newSource() {
    Source source;
    source.accessed = PartialDate::fromDate(QDate::currentDate());
    SourceEditorDialog dialog(source, m_window);
    if (dialog.exec() == QDialog::Accepted)
        push(new AddSourceCommand(m_store, dialog.source()));
}

void EditingController::manageCategories() {
    CategoryManagerDialog dialog(
        m_store, [this](StoreCommand *command) { return push(command); }, m_window);
    // Ctrl+Z works in the dialog too, and what undo changes shows there at once.
    dialog.addActions({m_undo, m_redo});
    connect(this, &EditingController::dataChanged, &dialog, &CategoryManagerDialog::reload);
    dialog.exec();
}

void EditingController::showHistory() {
    auto *mainWindow = qobject_cast<QMainWindow *>(m_window);
    if (!m_historyDock && mainWindow) {
        m_historyDock = new QDockWidget(tr("Undo History"), mainWindow);
        m_historyDock->setObjectName(u"undoHistoryDock"_s);
        auto *view = new QUndoView(m_stack, m_historyDock);
        view->setEmptyLabel(tr("<opened>"));
        m_historyDock->setWidget(view);
        // One more tab beside the window's docks on the right (the details, the sources):
        // a dock of its own would take its width from the timeline, whose lane names would
        // then be cut short.
        mainWindow->addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
        const QList<QDockWidget *> docks = mainWindow->findChildren<QDockWidget *>();
        for (QDockWidget *dock : docks) {
            if (dock != m_historyDock && !dock->isFloating() && dock->isVisible() &&
                mainWindow->dockWidgetArea(dock) == Qt::RightDockWidgetArea) {
                mainWindow->tabifyDockWidget(dock, m_historyDock);
                break;
            }
        }
    }
    if (m_historyDock) {
        m_historyDock->show();
        m_historyDock->raise();
        return;
    }
    // Not in a main window: the history in a small window of its own.
    auto *dialog = new QDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Undo History"));
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(new QUndoView(m_stack, dialog));
    dialog->resize(360, 420);
    dialog->show();
}

void EditingController::moveEvent(qint64 id, qint64 dayDelta) {
    if (const std::optional<Event> event = m_store.event(id); event && dayDelta != 0)
        push(new MoveEventCommand(m_store, *event, dayDelta));
}

void EditingController::resizeEvent(qint64 id, bool end, qint64 julianDay) {
    const std::optional<Event> event = m_store.event(id);
    if (!event)
        return;
    const Event resized = MoveEventCommand::resized(*event, end, julianDay);
    if (!(resized == *event))
        push(new EditEventCommand(m_store, *event, resized,
                                  tr("Change the dates of %1").arg(quoted(event->title))));
}
