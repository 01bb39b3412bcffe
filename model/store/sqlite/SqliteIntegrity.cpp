// The SQLite store: how damage is found and reported (reads that fail, quick_check and
// integrity_check, a file cut short). (The rest of the store is in the files beside this one.)

#include "model/store/sqlite/SqliteTimelineStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

#include <atomic>

using namespace Qt::StringLiterals;

namespace {

// SQLite's primary result codes for damage (SQLITE_CORRUPT, SQLITE_NOTADB).
constexpr int SqliteCorrupt = 11;
constexpr int SqliteNotADb = 26;

int primaryCodeOf(const QSqlError &error) {
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

QString shown(const QString &path) {
    return QDir::toNativeSeparators(path);
}

StoreError damaged(const QString &path, const QString &what, const QString &detail) {
    return {StoreError::Kind::Corrupt,
            what.isEmpty()
                ? u"%1: the database is damaged: %2"_s.arg(shown(path), detail)
                : u"%1: the database is damaged (%2): %3"_s.arg(shown(path), what, detail)};
}

// Runs quick_check or integrity_check on `db`. Their findings name b-trees by root page
// ("Tree 5 page 5 cell 0: ..."): the first one is reported with the table it belongs to.
StoreError runCheck(const QSqlDatabase &db, const QString &path, bool full) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    QStringList findings;
    if (query.exec(full ? u"PRAGMA integrity_check(20)"_s : u"PRAGMA quick_check(20)"_s)) {
        while (query.next())
            findings << query.value(0).toString();
    }
    // A page it cannot even open ends the check with an error after the finding that names it.
    if (findings.isEmpty() && query.lastError().isValid())
        return damaged(path, {}, query.lastError().databaseText());
    query.finish();
    if (findings == QStringList{u"ok"_s})
        return {};
    if (findings.isEmpty())
        return damaged(path, {}, u"the check found nothing to read"_s);
    // The first line of the first finding, without the "*** in database main ***" heading.
    QString first = findings.constFirst();
    first.remove(u"*** in database main ***"_s);
    first = first.trimmed().section(u'\n', 0, 0);
    QString what;
    // "Tree 5 page 9 ...", or "Page 6: ..." for a page that could not be opened (its table
    // is known when it is a table's first page).
    static const QRegularExpression tree(u"^(?:Tree (\\d+) page|Page (\\d+):)"_s);
    if (const QRegularExpressionMatch match = tree.match(first); match.hasMatch()) {
        QSqlQuery table(db);
        table.prepare(u"SELECT tbl_name FROM sqlite_master WHERE rootpage = :page"_s);
        table.bindValue(
            u":page"_s,
            (match.captured(1).isEmpty() ? match.captured(2) : match.captured(1)).toLongLong());
        if (table.exec() && table.next())
            what = u"table "_s + table.value(0).toString();
    }
    return damaged(path, what, first);
}

} // namespace

bool SqliteTimelineStore::readFailed(const QSqlQuery &query, const QString &table) const {
    const QSqlError error = query.lastError();
    if (!error.isValid())
        return false;
    return readFailed(primaryCodeOf(error),
                      error.databaseText().isEmpty() ? error.text() : error.databaseText(), table);
}

bool SqliteTimelineStore::readFailed(int code, const QString &detail, const QString &table) const {
    if (m_readError.isError())
        return true; // the first error is the one to report
    if ((code & 0xff) == SqliteCorrupt || (code & 0xff) == SqliteNotADb)
        noteDamage(damaged(m_path, u"table "_s + table, detail));
    else
        m_readError = errorFromCode(code & 0xff, detail, u"read the table "_s + table);
    return true;
}

StoreError SqliteTimelineStore::checkIntegrity(bool full) const {
    return runCheck(database(), m_path, full);
}

StoreError SqliteTimelineStore::quickCheckFile(const QString &path) {
    static std::atomic<int> counter{0};
    const QString name = u"chiptimeline-check-%1"_s.arg(++counter);
    StoreError result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!QFileInfo(path).isFile())
            result = {StoreError::Kind::Io, u"%1: no such file"_s.arg(shown(path))};
        else if (const QString cut = truncation(path); !cut.isEmpty())
            result = damaged(path, {}, cut);
        else if (!db.open())
            result = damaged(path, {}, db.lastError().text());
        else
            result = runCheck(db, path, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

QString SqliteTimelineStore::truncation(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() < 100)
        return file.size() > 0 ? u"the file is cut short (%1 bytes)"_s.arg(file.size()) : QString();
    // With a write-ahead log or a hot rollback journal beside it (a write cut short by a
    // crash), the file may differ from what its header says until SQLite replays the log or
    // the journal on opening: only a file without either is judged.
    if (QFileInfo(path + u"-wal"_s).size() > 0 || QFileInfo(path + u"-journal"_s).size() > 0)
        return {};
    const QByteArray header = file.read(100);
    const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
    const quint32 rawPageSize = qFromBigEndian<quint16>(bytes + 16);
    const qint64 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    // The page count at offset 28 is valid when the change counter (24) matches the
    // version-valid-for number (92), as every SQLite since 3.7.0 writes it.
    const quint32 pageCount = qFromBigEndian<quint32>(bytes + 28);
    const bool countValid =
        pageCount > 0 && qFromBigEndian<quint32>(bytes + 24) == qFromBigEndian<quint32>(bytes + 92);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return u"the header gives no valid page size"_s;
    const qint64 size = file.size();
    if (size % pageSize != 0 || (countValid && size < qint64(pageCount) * pageSize))
        return u"the file is cut short (%1 bytes, %2 expected)"_s.arg(size).arg(
            countValid ? qint64(pageCount) * pageSize : (size / pageSize + 1) * pageSize);
    return {};
}
