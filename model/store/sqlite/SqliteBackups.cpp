// The SQLite store: copies of the file through SQLite's online backup API (saveCopy,
// backupFile, restoreBackup; see DatabaseBackup).

#include "model/store/sqlite/SqliteApi.h"
#include "model/store/sqlite/SqliteStoreInternals.h"

#include <QTemporaryFile>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

namespace {

// Copies every page of `from` into `to` in one step of SQLite's online backup API: the copy
// is consistent (a snapshot of one committed state) and written in one transaction of `to`.
int copyPages(sqlite3 *from, sqlite3 *to) {
    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return sqlite3_errcode(to);
    const int stepped = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    return stepped == SQLITE_DONE ? finished : stepped;
}

} // namespace

bool SqliteTimelineStore::backupFile(const QString &from, const QString &target,
                                     StoreError *error) {
    const QString partial = target + u".partial"_s;
    QFile::remove(partial);
    sqlite3 *source = nullptr;
    sqlite3 *to = nullptr;
    int result = sqlite3_open_v2(QFile::encodeName(from).constData(), &source, SQLITE_OPEN_READONLY,
                                 nullptr);
    if (result == SQLITE_OK)
        result = sqlite3_open_v2(QFile::encodeName(partial).constData(), &to,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (result == SQLITE_OK) {
        sqlite3_busy_timeout(source, BusyTimeoutMs);
        result = copyPages(source, to);
    }
    const QString detail = QString::fromUtf8(
        to ? sqlite3_errmsg(to) : (source ? sqlite3_errmsg(source) : "out of memory"));
    sqlite3_close(source);
    sqlite3_close(to);
    // Renamed into place only when whole: a failed copy leaves no file behind.
    if (result == SQLITE_OK) {
        QFile::remove(target);
        if (QFile::rename(partial, target))
            return true;
    }
    QFile::remove(partial);
    *error = {StoreError::Kind::Io, u"%1: could not write the backup: %2"_s.arg(
                                        QDir::toNativeSeparators(target),
                                        result == SQLITE_OK ? u"cannot rename"_s : detail)};
    return false;
}

bool SqliteTimelineStore::restoreBackup(const QString &backupPath, const QString &livePath,
                                        StoreError *error) {
    if (StoreError damage = quickCheckFile(backupPath); damage.isError()) {
        *error = damage;
        return false;
    }
    const QString shownLive = QDir::toNativeSeparators(livePath);
    const QString restored = livePath + u".restoring"_s;
    QFile::remove(restored);
    sqlite3 *from = nullptr;
    sqlite3 *to = nullptr;
    int result = sqlite3_open_v2(QFile::encodeName(backupPath).constData(), &from,
                                 SQLITE_OPEN_READONLY, nullptr);
    if (result == SQLITE_OK)
        result = sqlite3_open_v2(QFile::encodeName(restored).constData(), &to,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (result == SQLITE_OK)
        result = copyPages(from, to);
    const QString detail = QString::fromUtf8(to ? sqlite3_errmsg(to)
                                                : (from ? sqlite3_errmsg(from) : "out of memory"));
    sqlite3_close(from);
    sqlite3_close(to);
    if (result != SQLITE_OK) {
        QFile::remove(restored);
        *error = {StoreError::Kind::Io,
                  u"%1: could not restore the backup %2: %3"_s.arg(
                      shownLive, QDir::toNativeSeparators(backupPath), detail)};
        return false;
    }
    // The live file may be the damaged one SQLite cannot read: it is not written into but
    // kept beside as it was (with its -wal and -shm), and the copy renamed into its place.
    const QString kept = livePath + u".replaced"_s;
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s}) {
        QFile::remove(kept + suffix);
        if (QFile::exists(livePath + suffix) && !QFile::rename(livePath + suffix, kept + suffix)) {
            QFile::remove(restored);
            *error = {StoreError::Kind::Io,
                      u"%1: could not restore the backup: the file cannot be moved aside"_s.arg(
                          shownLive)};
            return false;
        }
    }
    if (!QFile::rename(restored, livePath)) {
        QFile::rename(kept, livePath);
        *error = {
            StoreError::Kind::Io,
            u"%1: could not restore the backup: cannot rename it into place"_s.arg(shownLive)};
        return false;
    }
    return true;
}

namespace {

StoreError copyError(const QString &path, const QString &reason) {
    return StoreError{StoreError::Kind::Io, u"%1: cannot save a copy: %2"_s.arg(path, reason)};
}

} // namespace

bool SqliteTimelineStore::saveCopy(const QString &path, StoreError *error) const {
    const auto failed = [&](const QString &reason) {
        if (error)
            *error = copyError(path, reason);
        return false;
    };
    const QFileInfo target(path);
    if (target.absoluteFilePath() == QFileInfo(m_path).absoluteFilePath())
        return failed(u"it is the open timeline itself"_s);
    if (!QFileInfo(target.absolutePath()).isDir())
        return failed(u"the folder %1 does not exist"_s.arg(target.absolutePath()));
    sqlite3 *source = sqliteHandle(database());
    if (!source)
        return failed(u"the database is not open"_s);

    // Written under a temporary name beside the target and renamed into place, so a failed
    // copy leaves no half file and keeps an existing file as it was.
    QTemporaryFile temporary(target.absolutePath() + u"/.%1.XXXXXX"_s.arg(target.fileName()));
    if (!temporary.open())
        return failed(temporary.errorString());
    temporary.close();
    const QByteArray temporaryName = QFile::encodeName(temporary.fileName());

    sqlite3 *copy = nullptr;
    int rc = sqlite3_open_v2(temporaryName.constData(), &copy,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    QString reason;
    if (rc == SQLITE_OK) {
        sqlite3_backup *backup = sqlite3_backup_init(copy, "main", source, "main");
        if (!backup) {
            reason = QString::fromUtf8(sqlite3_errmsg(copy));
        } else {
            rc = sqlite3_backup_step(backup, -1); // every page in one step: a consistent copy
            sqlite3_backup_finish(backup);
            if (rc != SQLITE_DONE)
                reason = QString::fromUtf8(sqlite3_errstr(rc));
        }
        // One self-contained file: no write-ahead log beside the temporary name to lose in
        // the rename (the store puts a file it opens back into WAL mode).
        if (reason.isEmpty() && sqlite3_exec(copy, "PRAGMA journal_mode = DELETE", nullptr, nullptr,
                                             nullptr) != SQLITE_OK)
            reason = QString::fromUtf8(sqlite3_errmsg(copy));
    } else {
        reason = QString::fromUtf8(sqlite3_errstr(rc));
    }
    if (sqlite3_close(copy) != SQLITE_OK && reason.isEmpty())
        reason = u"the copy could not be closed"_s;
    if (!reason.isEmpty())
        return failed(reason);
    if (std::rename(temporaryName.constData(), QFile::encodeName(path).constData()) != 0)
        return failed(u"cannot rename %1 into place"_s.arg(temporary.fileName()));
    temporary.setAutoRemove(false); // renamed: nothing left to remove
    return true;
}
