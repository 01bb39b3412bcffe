#pragma once

#include "model/StoreError.h"

#include <QDate>
#include <QString>
#include <QStringList>

class TimelineStore;

// Automatic backups, as Zotero keeps them: when the window starts, at most once a day, a
// consistent copy of the database through SQLite's online backup API, in a folder beside it:
// `<file>.backups/<name>-YYYY-MM-DD.sqlite` (for chiptimeline.sqlite,
// chiptimeline.sqlite.backups/chiptimeline-2026-12-04.sqlite). The newest `kept` are kept.
class DatabaseBackup {
public:
    static constexpr int kept = 7;

    [[nodiscard]] static QString folder(const QString &databasePath);
    // The backup the given day would be written to.
    [[nodiscard]] static QString pathFor(const QString &databasePath, const QDate &day);
    // The backups there are, newest first.
    [[nodiscard]] static QStringList backups(const QString &databasePath);
    // The day a backup was taken (from its name), invalid for another file.
    [[nodiscard]] static QDate dayOf(const QString &backupPath);
    // Takes the day's backup of the database at `databasePath` unless one was taken that day
    // or later, then removes all but the newest `kept`. `made` is the new backup's path,
    // empty when none was due. False with `error` set when the copy failed (nothing is left
    // of it). Safe on any thread (TimelineStore::backupFile); the caller skips a read-only
    // store (there is nowhere beside it to write).
    static bool backupIfDue(const QString &databasePath, const QDate &today, QString *made,
                            StoreError *error);
    // The newest backup that passes SQLite's quick_check, empty when there is none.
    [[nodiscard]] static QString newestGoodBackup(const QString &databasePath);
};
