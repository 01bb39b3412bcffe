#include "model/store/sqlite/SqliteSearchRank.h"

#include "model/store/sqlite/SqliteApi.h"

#include <cmath>
#include <cstring>
#include <vector>

namespace {

constexpr double K1 = 1.2;
// With SearchCompounds' prefixes: a row matched only by them is ranked this far below the rows
// with a whole word (each phrase contributes at most idf·(k1+1) < 60).
constexpr double WholeWordTier = 1000.0;
constexpr double PartialWeight = 0.01;

// What one query needs on every row, computed on its first row: the column weights and,
// with more than one phrase, each phrase's inverse document frequency.
struct QueryData {
    std::vector<double> weights;
    std::vector<double> idf;
    // Per phrase: a prefix added by SearchCompounds (ranked below the whole words), or empty.
    std::vector<bool> partial;
};

int countRow(const Fts5ExtensionApi *, Fts5Context *, void *userData) {
    ++*static_cast<sqlite3_int64 *>(userData);
    return SQLITE_OK;
}

QueryData *queryData(const Fts5ExtensionApi *api, Fts5Context *fts, int argc, sqlite3_value **argv,
                     int *rc) {
    if (auto *data = static_cast<QueryData *>(api->xGetAuxdata(fts, 0)))
        return data;
    auto *data = new QueryData;
    const int columns = api->xColumnCount(fts);
    data->weights.assign(std::size_t(columns), 1.0);
    for (int i = 0; i < columns && i < argc; ++i)
        data->weights[std::size_t(i)] = sqlite3_value_double(argv[i]);
    const int phrases = api->xPhraseCount(fts);
    data->idf.assign(std::size_t(phrases), 1.0);
    if (argc > columns && sqlite3_value_type(argv[columns]) == SQLITE_TEXT) {
        const auto *mask = reinterpret_cast<const char *>(sqlite3_value_text(argv[columns]));
        const std::size_t length = std::strlen(mask);
        if (length == std::size_t(phrases)) {
            data->partial.resize(length);
            for (std::size_t p = 0; p < length; ++p)
                data->partial[p] = mask[p] == '1';
        }
    }
    const auto isPartial = [data](int p) {
        return !data->partial.empty() && data->partial[std::size_t(p)];
    };
    int wholePhrases = 0;
    for (int p = 0; p < phrases; ++p)
        wholePhrases += isPartial(p) ? 0 : 1;
    if (wholePhrases > 1) {
        // As bm25(): idf = ln((N - n + 0.5) / (n + 0.5)), at least a small positive value so
        // that a phrase found in most rows still counts a little. One pass over each phrase's
        // rows, once per query; a one-phrase query skips it (a constant factor changes no order).
        // The prefixes SearchCompounds added are left at 1: they only order the rows that no
        // whole word matched, and a common word's prefix would cost a pass over most rows.
        sqlite3_int64 rows = 0;
        *rc = api->xRowCount(fts, &rows);
        for (int p = 0; p < phrases && *rc == SQLITE_OK; ++p) {
            if (isPartial(p))
                continue;
            sqlite3_int64 hits = 0;
            *rc = api->xQueryPhrase(fts, p, &hits, countRow);
            const double idf = std::log((double(rows - hits) + 0.5) / (double(hits) + 0.5));
            data->idf[std::size_t(p)] = idf > 1e-6 ? idf : 1e-6;
        }
    }
    if (*rc == SQLITE_OK)
        *rc = api->xSetAuxdata(fts, data, [](void *p) { delete static_cast<QueryData *>(p); });
    else
        delete data;
    return *rc == SQLITE_OK ? data : nullptr;
}

void rankFunction(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int argc,
                  sqlite3_value **argv) {
    int rc = SQLITE_OK;
    const QueryData *data = queryData(api, fts, argc, argv, &rc);
    if (!data) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    double score = 0;
    double partialScore = 0;
    bool wholeMatched = false;
    const int phrases = int(data->idf.size());
    const int columns = int(data->weights.size());
    for (int p = 0; p < phrases; ++p) {
        double tf = 0;
        Fts5PhraseIter iter;
        int column = -1;
        int offset = 0;
        rc = api->xPhraseFirst(fts, p, &iter, &column, &offset);
        if (rc != SQLITE_OK) {
            sqlite3_result_error_code(context, rc);
            return;
        }
        for (; column >= 0; api->xPhraseNext(fts, &iter, &column, &offset))
            tf += column < columns ? data->weights[std::size_t(column)] : 1.0;
        if (tf <= 0)
            continue;
        const double part = data->idf[std::size_t(p)] * tf * (K1 + 1) / (tf + K1);
        if (!data->partial.empty() && data->partial[std::size_t(p)]) {
            partialScore += part;
        } else {
            score += part;
            wholeMatched = true;
        }
    }
    if (!data->partial.empty() && !wholeMatched) {
        // Whole words first: a row found only through a longer word ranks below every row
        // with a whole word (whose rank is what it would be without the prefixes); among
        // those, the better match of the longer words first.
        score = PartialWeight * partialScore - WholeWordTier;
    }
    sqlite3_result_double(context, -score);
}

} // namespace

fts5_api *SearchRank::fts5Api(sqlite3 *db) {
    // As SQLite's documentation shows: the fts5() SQL function hands out the API through a
    // pointer bound with the type "fts5_api_ptr".
    fts5_api *api = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    return api && api->iVersion >= 2 ? api : nullptr;
}

namespace {

bool isInstalled(sqlite3 *db) {
    // FTS5 overloads a global placeholder of the same name for each auxiliary function, so
    // the name resolves once registered.
    sqlite3_stmt *statement = nullptr;
    const int rc = sqlite3_prepare_v2(db, "SELECT chiptimeline_rank()", -1, &statement, nullptr);
    sqlite3_finalize(statement);
    return rc == SQLITE_OK;
}

} // namespace

bool SearchRank::ensureInstalled(const QSqlDatabase &db) {
    sqlite3 *connection = sqliteHandle(db);
    if (!connection)
        return false;
    if (isInstalled(connection))
        return true;
    fts5_api *api = fts5Api(connection);
    return api &&
           api->xCreateFunction(api, FunctionName, nullptr, rankFunction, nullptr) == SQLITE_OK;
}
