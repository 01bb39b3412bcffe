#pragma once

#include <QObject>
#include <QString>

class QLabel;
class QWidget;
class TimelineStore;

// The window's side of issue 22: a banner above the timeline that says why the database is
// read-only or what is damaged (instead of an empty timeline), the quick_check of a large
// file off the GUI thread after the first frame, and choosing a backup to restore.
class DatabaseSafety : public QObject {
    Q_OBJECT

public:
    DatabaseSafety(const TimelineStore &store, QWidget *parent);

    [[nodiscard]] QLabel *banner() const { return m_banner; }
    // Shows the store's read error or read-only reason, or hides the banner.
    void update();
    // Once the window has painted its first frame: a file too large to be checked on open
    // (TimelineStore::quickCheckLimitBytes) is checked, and then the day's backup is taken
    // (DatabaseBackup::backupIfDue; not of a read-only or damaged store), on a thread of its
    // own; damage found is noted in the store and damageFound emitted. A small file's backup
    // (milliseconds) is taken here, on the GUI thread.
    void afterFirstFrame();
    // Asks which backup of `databasePath` to restore and to confirm; empty when cancelled or
    // there is none (said in a message box).
    [[nodiscard]] static QString chooseBackup(const QString &databasePath, QWidget *parent);
    // File → Restore From Backup…: once a backup is chosen, `window` (created with new, its
    // store on `databasePath`) closes, since the file is replaced only when no connection has
    // it open; the backup is restored and a MainWindow on the file takes its place.
    static void restoreFromBackup(QWidget *window, const QString &databasePath);

signals:
    void damageFound();

private:
    const TimelineStore &m_store;
    QLabel *m_banner = nullptr;
    bool m_checkStarted = false;
};
