#pragma once

// Shared by the tests that check what an import left in the database file: its bytes,
// hashed, and its integrity.

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

// The file's SHA-256, with two counters of SQLite's header read as zero: the file change
// counter (offset 24) and the version-valid-for number (offset 92). Every write transaction
// in rollback journal mode advances both. Imports used to leave the WAL for a rollback
// journal when they had the file to itself, which advanced both even for a refused import;
// they no longer do (a refused import is compared unmasked in tst_damageddatabase), and the
// tests of killed and damaged files that use this were not re-examined since. Every other
// byte must be the same.
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

// SQLite's integrity check; then FTS5's of both search indexes with rank 1, which reads every
// row of the views they index and fails ("database disk image is malformed") unless the index
// holds exactly their text, no more and no less (it keeps no copy of it: an import that
// indexes its rows itself, or a change noted with the wrong text, fails it); then that every
// link points at a row (an import writes with the foreign keys unchecked). Callers check
// QTest::currentTestFailed() afterwards.
inline void verifyDatabaseIntegrity(const QSqlDatabase &db) {
    // A server keeps its own pages and foreign keys sound; its search documents are written by
    // its own triggers (the store suites check them through searches).
    if (db.driverName() == QStringLiteral("QPSQL"))
        return;
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
    query.finish();
    for (const char *table : {"event_fts", "source_fts"})
        QVERIFY2(
            query.exec(QStringLiteral("INSERT INTO %1(%1, rank) VALUES ('integrity-check', 1)")
                           .arg(QLatin1StringView(table))),
            qPrintable(QLatin1StringView(table) + QStringLiteral(": ") + query.lastError().text()));
    QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_key_check")));
    const QString brokenLink = query.next() ? query.value(0).toString() : QString();
    QVERIFY2(brokenLink.isNull(), qPrintable(QStringLiteral("a link to nothing in ") + brokenLink));
}
