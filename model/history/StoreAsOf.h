#pragma once

#include "model/Dataset.h"

#include <QTemporaryDir>

#include <memory>

class TimelineStore;

// The timeline as it stood at a revision, held in a store of its own (a temporary SQLite
// file filled with the as-of dataset through the store's import) so that whatever reads a
// timeline reads it with the same code as the current one: the command line's --as-of
// (filters, search, export) and the window's View → As Of….
struct StoreAsOf {
    std::unique_ptr<QTemporaryDir> folder;
    std::unique_ptr<TimelineStore> store;
    qint64 revision = 0;
    Dataset dataset; // as TimelineStore::datasetAsOf gives it
};

// The store as of revision `revision` of `store` (a revision it has: see
// TimelineStore::revisionAt); nullptr in `store` with `error` set (one line) when it cannot
// be made.
[[nodiscard]] StoreAsOf storeAsOf(const TimelineStore &store, qint64 revision, QString *error);
