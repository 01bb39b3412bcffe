#pragma once

#include "model/Category.h"
#include "model/Event.h"
#include "model/Source.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

class QAction;
class QDockWidget;
class QMainWindow;
class QUndoStack;
class QUndoView;
class QWidget;
class StoreCommand;
class TimelineStore;
class TimelineView;
struct Relation;
struct StoreError;

// Curating: owns the undo stack and the editing actions, opens the editors and turns what
// they return into undoable commands. Every change is written at once (no Save button);
// after every successful do, undo or redo it emits dataChanged() so the window reloads.
// A failed write is reported with the store's message and leaves nothing half done.
class EditingController : public QObject {
    Q_OBJECT

public:
    EditingController(TimelineStore &store, QWidget *window);
    ~EditingController() override;

    // For the Edit menu (with separators as separator actions) and a toolbar.
    [[nodiscard]] QList<QAction *> editMenuActions() const;
    [[nodiscard]] QList<QAction *> toolBarActions() const;
    [[nodiscard]] QUndoStack *undoStack() const { return m_stack; }
    [[nodiscard]] QList<qint64> selectedEvents() const { return m_selected; }
    [[nodiscard]] QAction *action(const QString &objectName) const;

    // Double-click on empty time, drags of marks, Enter/F2 in the details, and reloading
    // when another window or program changed the database.
    void attachTimeline(TimelineView *timeline);
    void attachDetails(QWidget *details);
    // Runs the command on the stack; false (and the error reported) when it was not written.
    bool push(StoreCommand *command);
    // When false, errors are only emitted (tests), not shown in a message box.
    void setShowErrors(bool show) { m_showErrors = show; }

public slots:
    void setSelectedEvents(const QList<qint64> &ids);
    void setSelectedEvent(qint64 id);
    void newEvent();
    void newEventAt(qint64 julianDay);
    void editSelected();
    void editEvent(qint64 id);
    void duplicateSelected();
    void deleteSelected();
    void mergeSelected();
    void bulkEditSelected();
    void newSource();
    void manageCategories();
    // Relations: Link Events… for the one selected event; a drag from one mark to another
    // (Alt held); Edit and Remove in Details' relation list. Each is one undoable step.
    void linkSelected();
    void linkEvents(qint64 subjectId, qint64 otherId);
    void editRelation(const Event &subject, const Relation &relation);
    void removeRelation(const Relation &relation);
    void showHistory();
    // Edit → Change Note…: the "why" the next change records in the history.
    void askChangeNote();
    // The History pane's Restore: the event `uid` as it stood after `revision`, put back as a
    // new, undoable change (or added again when it was deleted since).
    void restoreEvent(const QString &uid, qint64 revision);
    void moveEvent(qint64 id, qint64 dayDelta);
    void resizeEvent(qint64 id, bool end, qint64 julianDay);
    // Reload if another connection committed since the last look (PRAGMA data_version).
    void checkForOutsideChanges();
    // The window has just read the store afresh: what other connections committed before
    // now is no outside change any more.
    void noteDataLoaded();

signals:
    void dataChanged();
    void selectRequested(qint64 id);
    void errorOccurred(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateActions();
    void reportError(const StoreError &error);
    // Edits `event`; the dialog starts from `shown` when given (the user's text, offered again
    // over a version someone else saved meanwhile).
    void openEditor(const Event &event, const std::optional<Event> &shown = std::nullopt);
    // `parent`: the dialog it opens over (the window when none).
    void openRelationEditor(const Event &subject, const std::optional<Relation> &existing,
                            const std::optional<Event> &other, QWidget *parent = nullptr);
    [[nodiscard]] QList<Event> selectedEventList() const;
    QAction *makeAction(const QString &name, const QString &text, const QKeySequence &shortcut,
                        void (EditingController::*slot)());

    TimelineStore &m_store;
    QWidget *m_window = nullptr;
    QUndoStack *m_stack = nullptr;
    QPointer<TimelineView> m_timeline;
    QPointer<QDockWidget> m_historyDock;
    QList<qint64> m_selected;
    QList<QAction *> m_actions;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    bool m_showErrors = true;
    bool m_lastFailed = false;
    std::optional<qint64> m_dataVersion; // the store's change token as last seen
    bool m_changesHeard = false;         // a refresh for live notices is queued
    bool m_liveChanges = false; // the store tells of other clients' commits (listenForChanges)
    // What the event editor offers, as last read: an editor opened again while the server is
    // not reachable offers these rather than nothing.
    struct EditorLists {
        QList<Category> categories;
        QList<Source> sources;
        QStringList actors, chips, tags;
    };
    EditorLists m_editorLists;
};
