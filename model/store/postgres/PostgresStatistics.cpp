// PostgreSQL schema 9 (PostgresMigrations.cpp lists it; declared in PostgresSchema.h), and the
// store's use of it after a large import.
#include "model/store/postgres/PostgresSchema.h"
#include "model/store/postgres/PostgresTimelineStore.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

// The planner's statistics of the tables the whole timeline's read joins, gathered at once
// after a large import. Without them (autovacuum gathers them a minute or so later) the read
// of a freshly imported 100k-event timeline took ~1.4 s instead of ~0.5 s, and that read is
// what a window waits for before its first frame. Only a table's owner may ANALYZE it, so
// an editor asks this function, which runs as the schema's owner and takes no argument.
QStringList postgresStatisticsGathering() {
    return {
        uR"(CREATE FUNCTION chiptimeline_gather_statistics() RETURNS void
              LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
            BEGIN
              ANALYZE event, source, event_actor, event_chip, event_tag, event_source;
            END $$)"_s,
        u"REVOKE ALL ON FUNCTION chiptimeline_gather_statistics() FROM PUBLIC"_s,
        u"GRANT EXECUTE ON FUNCTION chiptimeline_gather_statistics() TO chiptimeline_editor"_s,
    };
}

void PostgresTimelineStore::gatherStatisticsAfterImport(const ImportSummary &counts) const {
    // Below this many new rows the statistics the server has are as good as fresh ones.
    constexpr int largeImportRows = 10000;
    if (counts.eventsAdded + counts.sourcesAdded < largeImportRows)
        return;
    // After the import's commit, outside its transaction: the timeline is imported whether
    // or not this works. If it fails (an older client's grants, a server under a lock),
    // autovacuum gathers the same statistics later; nothing is read from it.
    QSqlQuery query(database());
    query.exec(u"SELECT chiptimeline_gather_statistics()"_s);
}
