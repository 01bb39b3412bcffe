#pragma once

#include "model/store/sqlite/SqliteApi.h"

#include <QSqlDatabase>

// The ranking function of the SQLite store's full-text search (private to the store): an FTS5
// auxiliary function registered on a store's connection,
//
//     chiptimeline_rank(fts_table, weight_0, weight_1, ..., partial_phrases)
//
// with one weight per column of the table, and optionally SearchCompounds::partialPhrases of
// the query ('1' per prefix phrase added to a typed word): a row that matches a whole-word
// phrase then ranks above every row matched only by prefixes. For each phrase of the query it sums
// the weights of the columns its matches are in (a match in a column of weight 10 counts 10, two
// matches in a column of weight 3 count 6), saturates that sum as BM25 does (tf·(k1+1)/(tf+k1), k1
// = 1.2), multiplies by the phrase's inverse document frequency when the query has more than one
// phrase, and returns the negated total: lower is better, as with bm25().
//
// Unlike bm25() it does not normalise by the length of the row: that needs the row's column
// sizes, one B-tree lookup per matching row, which was most of a search's time on a large
// store. It reads only the position lists FTS5 already holds for the row.
namespace SearchRank {

inline constexpr char FunctionName[] = "chiptimeline_rank";

// Makes chiptimeline_rank() available on `db` (once per connection; later calls only check).
// False when the connection is not SQLite or FTS5 is missing.
bool ensureInstalled(const QSqlDatabase &db);

// FTS5's interface on `db` (version 2 or later), or nullptr.
fts5_api *fts5Api(sqlite3 *db);

} // namespace SearchRank
