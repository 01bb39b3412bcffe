// The SQLite store: the full-text index kept in step with the rows a transaction changed.

#include "model/store/sqlite/SqliteStoreInternals.h"

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

bool SqliteTimelineStore::flushSearchIndex(StoreError *error) {
    // Inside the write transaction, just before COMMIT: the index changes with the data or not
    // at all. Each noted row is taken out with the text it was indexed with, then indexed
    // with what the views give now; rows that were deleted simply drop out (the views have
    // nothing for them).
    if (!noteIndexedWords(error))
        return false;
    const QStringList statements = {
        uR"(INSERT INTO event_fts(event_fts, rowid, title, summary, names)
              SELECT 'delete', id, title, summary, names FROM temp.changed_event
               WHERE title IS NOT NULL)"_s,
        uR"(INSERT INTO event_fts(rowid, title, summary, names)
              SELECT id, title, summary, names FROM event_search_text
               WHERE id IN (SELECT id FROM temp.changed_event))"_s,
        u"DELETE FROM temp.changed_event"_s,
        uR"(INSERT INTO source_fts(source_fts, rowid, title, outlet, excerpt, notes, quotes)
              SELECT 'delete', id, title, outlet, excerpt, notes, quotes FROM temp.changed_source
               WHERE title IS NOT NULL)"_s,
        uR"(INSERT INTO source_fts(rowid, title, outlet, excerpt, notes, quotes)
              SELECT id, title, outlet, excerpt, notes, quotes FROM source_search_text
               WHERE id IN (SELECT id FROM temp.changed_source))"_s,
        u"DELETE FROM temp.changed_source"_s,
    };
    for (const QString &sql : statements) {
        QSqlQuery &query = statement(sql);
        if (!query.exec()) {
            *error = errorFrom(query, u"update the search index"_s);
            return false;
        }
    }
    return true;
}
