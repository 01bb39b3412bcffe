// TimelineStore::saveCopy: SQLite's online backup of the open database into another file.
#include "model/TimelineStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QTemporaryFile>

#include <sqlite3.h>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

sqlite3 *handleOf(const QSqlDatabase &db) {
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(handle.constData());
    return nullptr;
}

StoreError copyError(const QString &path, const QString &reason) {
    return StoreError{StoreError::Kind::Io, u"%1: cannot save a copy: %2"_s.arg(path, reason)};
}

} // namespace

bool TimelineStore::saveCopy(const QString &path, StoreError *error) const {
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
    sqlite3 *source = handleOf(database());
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
