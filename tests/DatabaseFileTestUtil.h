#pragma once

// Shared by the tests that check a failed or stopped import left the database file as it
// was: its bytes, hashed.

#include <QCryptographicHash>
#include <QFile>

// The file's SHA-256, with two counters of SQLite's header read as zero: the file change
// counter (offset 24) and the version-valid-for number (offset 92). Every write transaction
// in rollback journal mode advances both, and an import that has the file to itself runs in
// that mode (TimelineStore's RollbackJournalWhileAlone): entering it and going back to the
// WAL are two such transactions, even when the import itself is undone and every page,
// header included, is restored as it was at its start. Every other byte must be the same.
inline QByteArray databaseFileHash(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray bytes = file.readAll();
    for (const qsizetype counter : {24, 92})
        if (bytes.size() >= counter + 4)
            bytes.replace(counter, 4, QByteArray(4, '\0'));
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}
