#pragma once

#include "model/Dataset.h"
#include "model/history/StoreAsOf.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QTextStream>

#include <optional>

class TimelineStore;

// The history on the command line: `history` (the revisions, filterable by item, author
// and date range, as text or JSON) and `--as-of POINT` (the dataset as it stood then).
namespace HistoryCommand {

[[nodiscard]] QList<QCommandLineOption> options(); // --event, --author, --as-of, --since
[[nodiscard]] QStringList optionNames();
[[nodiscard]] QString usage();
// Prints the revisions the parser's --event, --author, --from and --to select; with --event
// each with its changes to that item. The exit code.
int history(const TimelineStore &store, const QCommandLineParser &parser, QTextStream &out,
            QTextStream &err);
// The dataset as of the parser's --as-of, or nothing (one line on `err`, `*code` the exit
// code) when the point names no revision. Without --as-of: nothing, `*code` 0.
[[nodiscard]] std::optional<Dataset> datasetAsOf(const TimelineStore &store,
                                                 const QCommandLineParser &parser, QTextStream &err,
                                                 int *code);

using StoreAsOf = ::StoreAsOf; // model/history/StoreAsOf.h
// The store as of revision `revision` of `store` (with AsOfDataset::InsteadOfImport, or the
// dataset alone); revision 0 (one line on `err`, `*code` the exit code) when it cannot be
// made.
[[nodiscard]] StoreAsOf storeAsOf(const TimelineStore &store, qint64 revision, QTextStream &err,
                                  int *code, AsOfDataset dataset = AsOfDataset::Keep);
// The store as of the parser's --as-of (its revision checked with TimelineStore::revisionAt);
// without --as-of an empty StoreAsOf and `*code` 0. Without `withStore` only the revision and
// the dataset, no store (for a command that writes the whole dataset: no import to wait for);
// with AsOfDataset::Skip the store without the whole dataset (a figure reads only the store).
[[nodiscard]] StoreAsOf storeAsOf(const TimelineStore &store, const QCommandLineParser &parser,
                                  QTextStream &err, int *code, bool withStore = true,
                                  AsOfDataset dataset = AsOfDataset::Keep);

} // namespace HistoryCommand
