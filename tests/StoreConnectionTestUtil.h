#pragma once

// The SQLite store's own connection, for tests that look below the store or build what it
// must cope with (the rows an import wrote, a damaged page, a lock held mid-write): test
// fixtures, the one place outside model/store/sqlite that sees it.

#include "model/store/postgres/PostgresTimelineStore.h"
#include "model/store/sqlite/SqliteTimelineStore.h"

#include <QSqlDatabase>

inline QSqlDatabase connectionOf(const TimelineStore &store) {
    if (const auto *sqlite = dynamic_cast<const SqliteTimelineStore *>(&store))
        return sqlite->database();
    const auto *server = dynamic_cast<const PostgresTimelineStore *>(&store);
    return server ? server->database() : QSqlDatabase();
}
