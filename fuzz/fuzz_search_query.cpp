// SearchQuery::toFtsExpression on arbitrary text. Invariants: the expression is accepted by
// a real SQLite FTS5 MATCH over a table like ours (an expression SQLite rejects would be an
// SQL error in the search box); and reading it again gives the same expression.
#include "fuzz/FuzzSupport.h"
#include "model/SearchQuery.h"
#include "model/store/sqlite/SqliteApi.h" // SQLite's C interface: the one include of <sqlite3.h>

using namespace Qt::StringLiterals;

namespace {

sqlite3 *database() {
    static sqlite3 *db = [] {
        sqlite3 *handle = nullptr;
        if (sqlite3_open(":memory:", &handle) != SQLITE_OK)
            fuzzFail("cannot open an in-memory SQLite database");
        const char *setup = "CREATE VIRTUAL TABLE event_fts USING fts5(title, summary, names,"
                            " tokenize = 'unicode61 remove_diacritics 2');"
                            "INSERT INTO event_fts(rowid, title, summary, names) VALUES"
                            " (1, 'US licence requirement on Nvidia H20', 'DeepSeek-R1 and Huawei "
                            "Ascend', 'Nvidia'),"
                            " (2, 'Beschränkung der Exporte', 'Nvidia''s revenue share', 'BIS');";
        char *message = nullptr;
        if (sqlite3_exec(handle, setup, nullptr, nullptr, &message) != SQLITE_OK)
            fuzzFail("cannot create the FTS5 table", QString::fromUtf8(message));
        return handle;
    }();
    return db;
}

void checkSqliteAccepts(const QString &expression, const QString &input) {
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(database(), "SELECT rowid FROM event_fts WHERE event_fts MATCH ?1", -1,
                           &statement, nullptr) != SQLITE_OK)
        fuzzFail("cannot prepare the MATCH query");
    const QByteArray utf8 = expression.toUtf8();
    sqlite3_bind_text(statement, 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    }
    const QString message = QString::fromUtf8(sqlite3_errmsg(database()));
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE)
        fuzzFail("SQLite FTS5 rejects the expression",
                 u"input: %1\nexpression: %2\nsqlite: %3"_s.arg(input, expression, message));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QString text = QString::fromUtf8(fuzzBytes(data, size));
    QString hint;
    const QString expression = SearchQuery::toFtsExpression(text, &hint);
    (void)SearchQuery::toFtsExpression(text); // without a hint
    if (expression.isEmpty())
        return 0;
    checkSqliteAccepts(expression, text);
    // Read again, the expression is the same text: what SearchQuery writes, it reads back
    // with the same grouping (FTS5's NOT binds tighter than AND; SearchQuery reads a typed
    // NOT left to right, so the writer parenthesises whatever the two would group apart).
    const QString again = SearchQuery::toFtsExpression(expression);
    FUZZ_CHECK(again == expression, u"input: %1\nonce: %2\ntwice: %3"_s.arg(text, expression, again)
                                        .replace(QChar(0), u"\\0"_s));
    return 0;
}
