// EditingController: the history's part of editing. Edit → Change Note… (the "why" of the next
// change) and the History dock's Restore (an event as it stood after a revision, put back as
// one undoable change).

#include "model/EditCommands.h"
#include "model/history/DatasetAsOf.h"
#include "model/store/TimelineStore.h"
#include "ui/widgets/EditingController.h"

#include <QInputDialog>
#include <QLineEdit>

void EditingController::askChangeNote() {
    bool ok = false;
    const QString note = QInputDialog::getText(
        m_window, tr("Change Note"), tr("Why (recorded in the history with your next change):"),
        QLineEdit::Normal, m_store.changeNote(), &ok);
    if (ok)
        m_store.setChangeNote(note.simplified());
}

void EditingController::restoreEvent(const QString &uid, qint64 revision) {
    if (m_store.isReadOnly())
        return;
    const std::optional<Event> current = m_store.eventByUid(uid);
    // Only this event's changes after the revision (through the history's index by item),
    // not every item's: a restore on a large timeline reads one event's history.
    RevisionFilter filter;
    filter.uid = uid;
    filter.withChanges = true;
    QList<RevisionChange> later;
    for (const Revision &each : m_store.revisions(filter))
        if (each.number > revision)
            later << each.changes;
    if (m_store.readError().isError()) {
        reportError(m_store.readError());
        return;
    }
    const std::optional<Event> then = eventAsOf(current, uid, later);
    if (!then) {
        reportError(
            StoreError{StoreError::Kind::Invalid,
                       tr("The event did not exist after r%1: nothing to restore").arg(revision)});
        return;
    }
    if (current && *then == *current)
        return;
    if (m_store.changeNote().isEmpty())
        m_store.setChangeNote(tr("restored as of r%1").arg(revision));
    if (current)
        push(new EditEventCommand(m_store, *current, *then,
                                  tr("Restore “%1” as of r%2").arg(then->title).arg(revision)));
    else
        push(new AddEventCommand(m_store, *then));
}
