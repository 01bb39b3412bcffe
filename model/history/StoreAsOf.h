#pragma once

#include "model/Dataset.h"

#include <QTemporaryDir>

#include <memory>

class TimelineStore;

// The timeline as it stood at a revision, held in a store of its own (a temporary SQLite
// file) so that whatever reads a timeline reads it with the same code as the current one:
// the command line's --as-of (filters, search, export) and the window's View → As Of….
struct StoreAsOf {
    std::unique_ptr<QTemporaryDir> folder;
    std::unique_ptr<TimelineStore> store;
    qint64 revision = 0;
    Dataset dataset; // as TimelineStore::datasetAsOf gives it, when asked for (AsOfDataset)
};

// Whether the caller needs the whole as-of dataset besides the store (`list` and
// `export-data` write it; a figure reads only the store). InsteadOfImport: the store only
// where it is a copy of the file (few items changed since); else the dataset alone and no
// store, for a reader that can take either (a figure: DatasetReads); that dataset then has
// only the fields a figure reads (TimelineStore::figureDataset).
enum class AsOfDataset { Skip, Keep, InsteadOfImport };

// The store as of revision `revision` of `store` (a revision it has: see
// TimelineStore::revisionAt); nullptr in `store` with `error` set (one line) when it cannot
// be made.
//
// A file-based store is copied as it is (its online backup) and only the items a change
// after the revision touched are put back as they were, in one transaction
// (::changesBackTo): the untouched rows, their search index and their links are the file's
// own, so the cost over a current read follows the changes since, not the timeline's size.
// A server, or a point so far back that most events changed since, is held the other way:
// a new file filled by one import of the as-of dataset.
[[nodiscard]] StoreAsOf storeAsOf(const TimelineStore &store, qint64 revision, QString *error,
                                  AsOfDataset dataset = AsOfDataset::Keep);
