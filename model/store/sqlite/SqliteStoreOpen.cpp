// The SQLite store: opening a file (the checks before anything is read or written), the
// connection's settings and the schema migrations.

#include "model/store/sqlite/SqliteSchemaMigrations.h"
#include "model/store/sqlite/SqliteStoreInternals.h"

#include <QSqlDriver>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

SqliteTimelineStore::SqliteTimelineStore(QString path, QString connectionName)
    : TimelineStore(std::move(path))
    , m_connectionName(std::move(connectionName)) {}

SqliteTimelineStore::~SqliteTimelineStore() {
    m_statements.clear(); // prepared statements go before their connection
    m_failedStatement = QSqlQuery();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase SqliteTimelineStore::database() const {
    return QSqlDatabase::database(m_connectionName, false);
}

std::unique_ptr<SqliteTimelineStore>
SqliteTimelineStore::open(const QString &path, StoreError *error, OpenMode mode, OpenCheck check) {
    StoreError localError;
    StoreError &err = error ? *error : localError;
    err = {};
    const QFileInfo info(path);
    const QString shownPath = QDir::toNativeSeparators(path);
    const auto fail = [&](StoreError::Kind kind, const QString &message) {
        err.kind = kind;
        err.message = message;
        return nullptr;
    };

    if (path.isEmpty())
        return fail(StoreError::Kind::Io, u"no database file given"_s);
    if (info.exists()) {
        if (info.isDir())
            return fail(StoreError::Kind::NotADatabase,
                        u"%1: is a folder, not a database file"_s.arg(shownPath));
        if (!info.isReadable())
            return fail(StoreError::Kind::Io,
                        u"%1: cannot be read (permission denied)"_s.arg(shownPath));
        // Never hand a foreign file to SQLite: it would happily turn an empty or unrelated
        // file into a database. Only an empty file may become one.
        if (info.size() > 0 && !hasSqliteHeader(path))
            return fail(
                StoreError::Kind::NotADatabase,
                u"%1: not a ChipTimeline database (not an SQLite file); left untouched"_s.arg(
                    shownPath));
        // SQLite reads the missing end of a file cut short as zeros (a note full of NULs, a
        // table that ends early): a file shorter than its header says is refused.
        if (const QString cut = truncation(path); !cut.isEmpty())
            return fail(StoreError::Kind::Corrupt,
                        u"%1: the database is damaged: %2"_s.arg(shownPath, cut));
    } else {
        if (mode == OpenMode::ReadOnly)
            return fail(StoreError::Kind::Io, u"%1: no such file"_s.arg(shownPath));
        const QFileInfo dir(info.absolutePath());
        if (!dir.exists())
            return fail(StoreError::Kind::Io,
                        u"%1: the folder %2 does not exist"_s.arg(
                            shownPath, QDir::toNativeSeparators(info.absolutePath())));
        if (!dir.isWritable())
            return fail(
                StoreError::Kind::ReadOnly,
                u"%1: cannot create the file (the folder is not writable)"_s.arg(shownPath));
    }

    std::unique_ptr<SqliteTimelineStore> store(new SqliteTimelineStore(path, newConnectionName()));
    if (mode == OpenMode::ReadOnly)
        store->m_readOnlyReason = u"opened read-only"_s;
    else if (info.exists() && !info.isWritable())
        store->m_readOnlyReason = u"the file is read-only"_s;
    else if (info.exists() && !QFileInfo(info.absolutePath()).isWritable())
        store->m_readOnlyReason = u"its folder is read-only"_s;

    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, store->m_connectionName);
    db.setDatabaseName(path);
    QString options = u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs);
    if (store->isReadOnly())
        options += u";QSQLITE_OPEN_READONLY"_s;
    // A WAL database whose folder cannot be written (read-only media, a folder without write
    // permission) cannot get the -shm file every reader needs: opened as immutable, SQLite
    // reads it without one, and without locks (nothing can change it there). Only when no
    // write-ahead log is present, since immutable reading ignores one.
    if (store->isReadOnly() && info.exists() && !QFileInfo(info.absolutePath()).isWritable() &&
        !QFileInfo::exists(path + u"-wal"_s)) {
        db.setDatabaseName(
            QUrl::fromLocalFile(info.absoluteFilePath()).toString(QUrl::FullyEncoded) +
            u"?immutable=1"_s);
        options += u";QSQLITE_OPEN_URI"_s;
    }
    db.setConnectOptions(options);
    const bool existed = info.exists();
    // A new file that could not be made a database (a full disk, say) is not left behind.
    const auto removeNewFile = [&] {
        store.reset();
        if (!existed)
            for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
                QFile::remove(path + suffix);
    };
    if (!db.open()) {
        fail(StoreError::Kind::Io, u"%1: cannot open: %2"_s.arg(shownPath, db.lastError().text()));
        db = QSqlDatabase();
        removeNewFile();
        return nullptr;
    }
    db = QSqlDatabase();
    if (!store->configure(mode, check, &err)) {
        removeNewFile();
        return nullptr;
    }
    return store;
}

bool SqliteTimelineStore::configure(OpenMode mode, OpenCheck check, StoreError *error) {
    Q_UNUSED(mode);
    QSqlDatabase db = database();
    QSqlQuery query(db);
    const QString shownPath = QDir::toNativeSeparators(m_path);

    // A page cache of 32 MB (SQLite's default is 2 MB): a large import no longer spills dirty
    // pages to the WAL and reads them back mid-transaction, and searches find the full-text
    // index in memory. Reads through a memory map of up to 256 MB skip a copy per page, which
    // halves the time of a filter that walks most of a 100k-event table.
    for (const QString &pragma : {u"PRAGMA foreign_keys = ON"_s, u"PRAGMA cache_size = -32768"_s,
                                  QString::fromLatin1(MmapSizePragma)}) {
        if (!query.exec(pragma)) {
            *error = errorFrom(query, u"open"_s);
            return false;
        }
    }

    // Which version is this file? Reading sqlite_master is the first real read, so this is
    // also where a damaged file shows itself.
    QStringList tables;
    if (query.exec(u"SELECT name FROM sqlite_master WHERE type = 'table'"_s))
        while (query.next())
            tables << query.value(0).toString();
    if (readFailed(query, u"sqlite_master"_s)) {
        *error = m_readError;
        return false;
    }
    query.finish();
    // Damage shows itself only where it is read: a small file is checked whole before
    // anything is shown or written (a large one by whoever opened it with OpenCheck::None).
    if (!tables.isEmpty() &&
        (check == OpenCheck::Quick ||
         (check == OpenCheck::BySize && QFileInfo(m_path).size() <= quickCheckLimitBytes))) {
        if (StoreError damage = checkIntegrity(false); damage.isError()) {
            *error = damage;
            return false;
        }
    }
    int version = 0;
    if (tables.contains(u"meta"_s)) {
        QVariant stored;
        if (query.exec(u"SELECT value FROM meta WHERE key = 'schema_version'"_s) && query.next())
            stored = query.value(0);
        if (readFailed(query, u"meta"_s)) {
            *error = m_readError;
            return false;
        }
        query.finish();
        bool numeric = false;
        version = stored.toString().trimmed().toInt(&numeric);
        if (!stored.isValid() || !numeric || version < 1) {
            *error = {StoreError::Kind::NotADatabase,
                      !stored.isValid()
                          ? u"%1: schema version missing (the meta table has no schema_version); "
                            "not opened, left untouched"_s.arg(shownPath)
                          : u"%1: schema version unreadable ('%2' is not a version number); "
                            "not opened, left untouched"_s.arg(shownPath, stored.toString())};
            return false;
        }
    } else if (!tables.isEmpty()) {
        *error = {StoreError::Kind::NotADatabase,
                  u"%1: an SQLite file, but not a ChipTimeline database; left untouched"_s.arg(
                      shownPath)};
        return false;
    }
    // A database copied from elsewhere may carry triggers or views that run SQL when we
    // write. (trusted_schema=OFF cannot be used: it also forbids our own FTS5 triggers.)
    // Only the ones our migrations create, to the letter, are accepted.
    if (version <= latestSchemaVersion() &&
        !query.exec(
            u"SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')"_s)) {
        *error = errorFrom(query, u"read"_s);
        return false;
    }
    QSet<QString> expected;
    for (const SchemaMigration &migration : schemaMigrations())
        if (migration.version <= version)
            for (const QString &statement : migration.statements)
                expected.insert(statement.trimmed());
    while (version <= latestSchemaVersion() && query.next()) {
        if (!expected.contains(query.value(2).toString().trimmed())) {
            *error = {
                StoreError::Kind::NotADatabase,
                u"%1: contains a %2 '%3' that ChipTimeline did not create; refused and left untouched"_s
                    .arg(shownPath, query.value(0).toString(), query.value(1).toString())};
            return false;
        }
    }
    query.finish();
    if (version > latestSchemaVersion()) {
        *error = {
            StoreError::Kind::TooNew,
            u"%1: written by a newer ChipTimeline (schema version %2; this version reads up to %3); left untouched"_s
                .arg(shownPath)
                .arg(version)
                .arg(latestSchemaVersion())};
        return false;
    }
    if (isReadOnly()) {
        if (version < latestSchemaVersion()) {
            *error = {StoreError::Kind::ReadOnly,
                      version == 0
                          ? u"%1: the database is empty and %2"_s.arg(shownPath, m_readOnlyReason)
                          : u"%1: needs upgrading from schema version %2 but %3"_s.arg(shownPath)
                                .arg(version)
                                .arg(m_readOnlyReason)};
            return false;
        }
        return true;
    }
    // A new file gets 16 KB pages (SQLite's default is 4 KB; the size is fixed once the first
    // table is written). Event and source rows and the full-text index's segments run from
    // hundreds of bytes to kilobytes, so bigger pages mean fewer splits, shallower trees and a
    // quarter of the WAL frames (docs/benchmarks.md, "Import and export"). Files made with 4 KB
    // pages keep them. The cache size is given again: SQLite counts it in pages, as many as
    // the 32 MB made at the old page size.
    if (version == 0) {
        for (const QString &pragma :
             {u"PRAGMA page_size = 16384"_s, u"PRAGMA cache_size = -32768"_s}) {
            if (!query.exec(pragma)) {
                *error = errorFrom(query, u"open"_s);
                return false;
            }
        }
    }
    // Durable: an action shown as done survives a crash and a power cut.
    for (const QString &pragma : {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = FULL"_s}) {
        if (!query.exec(pragma)) {
            *error = errorFrom(query, u"open"_s);
            return false;
        }
    }
    query.finish();
    if (version < latestSchemaVersion() && !migrate(version, error))
        return false;
    return installChangeTracking(error);
}

bool SqliteTimelineStore::migrate(int fromVersion, StoreError *error) {
    QSqlDatabase db = database();
    QSqlQuery query(db);
    if (fromVersion > 0) {
        // A consistent copy of the whole file before its schema changes.
        const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
        m_backupPath = u"%1.v%2-%3.bak"_s.arg(m_path).arg(fromVersion).arg(stamp);
        QFile::remove(m_backupPath);
        query.prepare(u"VACUUM INTO :target"_s);
        query.bindValue(u":target"_s, m_backupPath);
        if (!query.exec()) {
            *error = errorFrom(query, u"back up before upgrading"_s);
            return false;
        }
    }
    if (!beginWrite(error))
        return false;
    for (const SchemaMigration &migration : schemaMigrations()) {
        if (migration.version <= fromVersion)
            continue;
        for (const QString &statement : migration.statements) {
            if (!query.exec(statement)) {
                *error = errorFrom(query, u"upgrade to schema version %1"_s.arg(migration.version));
                rollbackWrite();
                return false;
            }
        }
        // A table's text rewritten: the schema cookie one further, so that this connection
        // (after the commit) and every other one read the tables again.
        if (migration.rewritesTableText) {
            const bool advanced =
                query.exec(u"PRAGMA schema_version"_s) && query.next() &&
                query.exec(u"PRAGMA schema_version = %1"_s.arg(query.value(0).toLongLong() + 1));
            if (!advanced) {
                *error = errorFrom(query, u"upgrade to schema version %1"_s.arg(migration.version));
                rollbackWrite();
                return false;
            }
        }
    }
    query.prepare(u"INSERT INTO meta(key, value) VALUES ('schema_version', :version) "
                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
    query.bindValue(u":version"_s, QString::number(latestSchemaVersion()));
    if (!query.exec()) {
        *error = errorFrom(query, u"upgrade"_s);
        rollbackWrite();
        return false;
    }
    // A plain COMMIT: change tracking is installed after the upgrade, and the migrations
    // themselves keep the search index whole.
    if (!query.exec(u"COMMIT"_s)) {
        *error = errorFrom(query, u"upgrade"_s);
        rollbackWrite();
        return false;
    }
    return true;
}

int SqliteTimelineStore::schemaVersion() const {
    QSqlQuery query(database());
    if (query.exec(u"SELECT value FROM meta WHERE key = 'schema_version'"_s) && query.next())
        return query.value(0).toInt();
    readFailed(query, u"meta"_s);
    return 0;
}
