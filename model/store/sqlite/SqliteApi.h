#pragma once

// SQLite's C interface, for the store's units that go below QtSql (the bulk import, the whole
// dataset's read, the search's ranking function and scans, the online backup). The only
// file that includes <sqlite3.h>: everything else in the store includes this one.
//
// Debian's Qt SQLite plugin links the system libsqlite3, so the handle QtSql opened is one
// this library can use.

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

// The connection's SQLite handle; null when `db` is not an open QSQLITE connection.
[[nodiscard]] inline sqlite3 *sqliteHandle(const QSqlDatabase &db) {
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(handle.constData());
    return nullptr;
}
