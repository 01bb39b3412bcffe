#pragma once

// The History dock: every revision of the selected event (who, when, why, old → new per
// field; RevisionHistoryModel), newest first, and Restore This Version, which puts the event
// back as it stood after the chosen revision as a new, undoable change. It reads the store
// only while it is on screen (its dock's tab in front: setOnScreen).
// Deleted Events switches it to the events deleted and not stored now (who deleted each,
// when and why, TimelineStore::deletedEvents); Restore puts the chosen one back as it stood
// before its deletion, again as a new, undoable change.

#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;
class QTreeWidget;
class RevisionHistoryModel;
class TimelineStore;

class HistoryPane : public QWidget {
    Q_OBJECT

public:
    HistoryPane(const TimelineStore &store, QWidget *parent = nullptr);

    // The event whose history to show (empty: none); read at once when on screen.
    void setEvent(const QString &uid, const QString &title);
    // Reads the history again (after a change to the store).
    void refresh();
    void setRestoreEnabled(bool enabled);
    // Whether the pane can be seen (QDockWidget::visibilityChanged: shown, and its tab in
    // front); coming on screen reads the history it has not read yet.
    void setOnScreen(bool onScreen);
    // The store changed (the window reloaded): what is shown is read again when on screen.
    void noteStoreChanged();
    // Shows the deleted events instead of the selected event's history, or back.
    void setShowDeleted(bool show);
    [[nodiscard]] bool showsDeleted() const { return m_showDeleted; }

    [[nodiscard]] RevisionHistoryModel *model() const { return m_model; }
    [[nodiscard]] QTreeView *view() const { return m_view; }
    [[nodiscard]] QPushButton *restoreButton() const { return m_restore; }
    [[nodiscard]] QPushButton *deletedButton() const { return m_deletedButton; }
    // One row per deleted event: title, deleted (UTC), by, why; the uid and the deleting
    // revision in the first column's Qt::UserRole and Qt::UserRole + 1.
    [[nodiscard]] QTreeWidget *deletedView() const { return m_deletedView; }

signals:
    // Put the event `uid` back as it stood after `revision`.
    void restoreRequested(const QString &uid, qint64 revision);

private:
    void updateRestore();
    void refreshDeleted();
    [[nodiscard]] qint64 chosenRevision() const;

    const TimelineStore &m_store;
    QString m_uid;
    QString m_title;
    bool m_stale = true; // the shown history is not the event's (set while hidden)
    bool m_onScreen = false;
    bool m_restoreEnabled = true;
    QLabel *m_heading = nullptr;
    QTreeView *m_view = nullptr;
    RevisionHistoryModel *m_model = nullptr;
    QPushButton *m_restore = nullptr;
    bool m_showDeleted = false;
    QPushButton *m_deletedButton = nullptr;
    QTreeWidget *m_deletedView = nullptr;
};
