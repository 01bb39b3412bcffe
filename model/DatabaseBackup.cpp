#include "model/DatabaseBackup.h"

#include "model/store/TimelineStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

QString baseName(const QString &databasePath) {
    return QFileInfo(databasePath).completeBaseName();
}

} // namespace

QString DatabaseBackup::folder(const QString &databasePath) {
    const QFileInfo info(databasePath);
    return info.absoluteDir().filePath(info.fileName() + u".backups"_s);
}

QString DatabaseBackup::pathFor(const QString &databasePath, const QDate &day) {
    return QDir(folder(databasePath))
        .filePath(u"%1-%2.sqlite"_s.arg(baseName(databasePath), day.toString(Qt::ISODate)));
}

QDate DatabaseBackup::dayOf(const QString &backupPath) {
    static const QRegularExpression dated(u"-(\\d{4}-\\d{2}-\\d{2})\\.sqlite$"_s);
    const QRegularExpressionMatch match = dated.match(QFileInfo(backupPath).fileName());
    return match.hasMatch() ? QDate::fromString(match.captured(1), Qt::ISODate) : QDate();
}

QStringList DatabaseBackup::backups(const QString &databasePath) {
    const QDir dir(folder(databasePath));
    const QString prefix = baseName(databasePath) + u'-';
    QStringList found;
    for (const QString &name :
         dir.entryList({prefix + u"*.sqlite"_s}, QDir::Files, QDir::Name | QDir::Reversed)) {
        // Only "<name>-YYYY-MM-DD.sqlite": another database's backups may share the folder's
        // prefix ("a-b.sqlite" beside "a.sqlite").
        if (name.size() == prefix.size() + 17 && dayOf(name).isValid())
            found << dir.filePath(name);
    }
    return found;
}

bool DatabaseBackup::backupIfDue(const QString &databasePath, const QDate &today, QString *made,
                                 StoreError *error) {
    if (made)
        made->clear();
    const QStringList existing = backups(databasePath);
    if (!existing.isEmpty() && dayOf(existing.constFirst()) >= today)
        return true;
    if (!QDir().mkpath(folder(databasePath))) {
        *error = {StoreError::Kind::Io, u"%1: cannot create the backup folder"_s.arg(
                                            QDir::toNativeSeparators(folder(databasePath)))};
        return false;
    }
    const QString target = pathFor(databasePath, today);
    if (!TimelineStore::backupFile(databasePath, target, error))
        return false;
    if (made)
        *made = target;
    const QStringList all = backups(databasePath);
    for (qsizetype i = kept; i < all.size(); ++i)
        QFile::remove(all.at(i));
    return true;
}

QString DatabaseBackup::newestGoodBackup(const QString &databasePath) {
    for (const QString &backup : backups(databasePath))
        if (!TimelineStore::quickCheckFile(backup).isError())
            return backup;
    return {};
}
