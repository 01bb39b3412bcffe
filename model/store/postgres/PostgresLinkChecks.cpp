// PostgreSQL schema 8 (PostgresMigrations.cpp lists it; declared in PostgresSchema.h).
#include "model/store/postgres/PostgresSchema.h"

#include <utility>

using namespace Qt::StringLiterals;

// The links' foreign keys checked once per statement instead of once per row. PostgreSQL
// checks a foreign key by one lookup per written row (`SELECT 1 … FOR KEY SHARE`, each
// locking its parent row): an import of 100k events ran ~1M of them (actors, chips,
// citations, search documents, history), about a third of its time on the server. The
// constraints of the link tables, the search tables and revision_change become statement
// triggers that ask the same in one pass over what the statement wrote:
//   - chiptimeline_check_links(column, parent, key, …): every written `column` value names a
//     row of `parent` (one join of the statement's distinct values with `parent`); the rows
//     another transaction made are then locked FOR KEY SHARE, as the per-row check locks
//     them, so that a concurrent delete waits for this transaction, or, committed first,
//     makes this check fail; rows this transaction made itself cannot be deleted by anyone
//     else and are not locked (xmin, as recordImport tells its rows);
//   - chiptimeline_delete_links(table, column, …): ON DELETE CASCADE, once per statement.
// The same error as the constraint's (SQLSTATE 23503). Only the migration takes the tables'
// strong locks (ALTER TABLE); the checks take the row locks the constraints took.
QStringList postgresStatementLinkChecks() {
    QStringList statements = {
        uR"(CREATE FUNCTION chiptimeline_check_links() RETURNS trigger
              LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
            DECLARE
              missing text;
              others bigint[];
              locked bigint;
              i integer := 0;
            BEGIN
              WHILE i < TG_NARGS LOOP
                -- One look per written value: is its row there, and did another
                -- transaction make it?
                EXECUTE format('SELECT min(c.k) FILTER (WHERE p.%3$I IS NULL)::text, '
                               'array_agg(c.k) FILTER (WHERE p.xmin <> pg_current_xact_id()::xid) '
                               'FROM (SELECT DISTINCT %1$I AS k FROM changed) c '
                               'LEFT JOIN %2$I p ON p.%3$I = c.k',
                               TG_ARGV[i], TG_ARGV[i + 1], TG_ARGV[i + 2]) INTO missing, others;
                IF missing IS NULL AND others IS NOT NULL THEN
                  -- Those rows locked as the constraint locked them; one deleted since the
                  -- look (by a transaction that committed meanwhile) is not locked: missing.
                  EXECUTE format('SELECT count(*) FROM (SELECT FROM %1$I p WHERE p.%2$I = ANY($1) '
                                 'FOR KEY SHARE OF p) l', TG_ARGV[i + 1], TG_ARGV[i + 2])
                    INTO locked USING others;
                  IF locked < cardinality(others) THEN
                    EXECUTE format('SELECT min(k)::text FROM unnest($1) k WHERE NOT EXISTS '
                                   '(SELECT FROM %1$I p WHERE p.%2$I = k)', TG_ARGV[i + 1],
                                   TG_ARGV[i + 2]) INTO missing USING others;
                    missing := coalesce(missing, others[1]::text);
                  END IF;
                END IF;
                IF missing IS NOT NULL THEN
                  RAISE foreign_key_violation USING
                    MESSAGE = format('insert or update on table "%s" violates foreign key '
                                     'constraint "%s_%s_fkey"', TG_TABLE_NAME, TG_TABLE_NAME,
                                     TG_ARGV[i]),
                    DETAIL = format('Key (%s)=(%s) is not present in table "%s".',
                                    TG_ARGV[i], missing, TG_ARGV[i + 1]),
                    TABLE = TG_TABLE_NAME;
                END IF;
                i := i + 3;
              END LOOP;
              RETURN NULL;
            END $$)"_s,
        uR"(CREATE FUNCTION chiptimeline_delete_links() RETURNS trigger
              LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
            DECLARE
              i integer := 0;
            BEGIN
              WHILE i < TG_NARGS LOOP
                EXECUTE format('DELETE FROM %I WHERE %I IN (SELECT id FROM gone)',
                               TG_ARGV[i], TG_ARGV[i + 1]);
                i := i + 2;
              END LOOP;
              RETURN NULL;
            END $$)"_s,
    };
    // The table, its constraints, and the checks that replace them.
    struct Checked {
        QString table;
        QStringList constraints;
        QString checks;
    };
    const QList<Checked> checked = {
        {u"event_actor"_s,
         {u"event_id"_s, u"actor_id"_s},
         u"'event_id', 'event', 'id', 'actor_id', 'actor', 'id'"_s},
        {u"event_chip"_s,
         {u"event_id"_s, u"chip_id"_s},
         u"'event_id', 'event', 'id', 'chip_id', 'chip', 'id'"_s},
        {u"event_tag"_s,
         {u"event_id"_s, u"tag_id"_s},
         u"'event_id', 'event', 'id', 'tag_id', 'tag', 'id'"_s},
        {u"event_source"_s,
         {u"event_id"_s, u"source_id"_s},
         u"'event_id', 'event', 'id', 'source_id', 'source', 'id'"_s},
        {u"event_search"_s, {u"event_id"_s}, u"'event_id', 'event', 'id'"_s},
        {u"source_search"_s, {u"source_id"_s}, u"'source_id', 'source', 'id'"_s},
        {u"revision_change"_s, {u"revision"_s}, u"'revision', 'revision', 'number'"_s},
    };
    for (const Checked &table : checked) {
        QStringList drops;
        for (const QString &column : table.constraints)
            drops << u"DROP CONSTRAINT %1_%2_fkey"_s.arg(table.table, column);
        statements << u"ALTER TABLE %1 %2"_s.arg(table.table, drops.join(u", "_s));
        for (const QString &operation : {u"INSERT"_s, u"UPDATE"_s}) {
            statements << uR"(CREATE TRIGGER %1_check_%2 AFTER %3 ON %1
                                REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
                                EXECUTE FUNCTION chiptimeline_check_links(%4))"_s.arg(
                table.table, operation.toLower(), operation, table.checks);
        }
    }
    // Named to run before the tables' other statement triggers (alphabetical order), as the
    // constraints' row triggers did: the links go before the deletion is announced.
    const QList<std::pair<QString, QString>> cascades = {
        {u"event"_s, u"'event_actor', 'event_id', 'event_chip', 'event_id', 'event_tag', "
                     "'event_id', 'event_source', 'event_id', 'event_search', 'event_id'"_s},
        {u"actor"_s, u"'event_actor', 'actor_id'"_s},
        {u"chip"_s, u"'event_chip', 'chip_id'"_s},
        {u"tag"_s, u"'event_tag', 'tag_id'"_s},
        {u"source"_s, u"'event_source', 'source_id', 'source_search', 'source_id'"_s},
    };
    for (const auto &[table, links] : cascades) {
        statements << uR"(CREATE TRIGGER %1_cascade_delete AFTER DELETE ON %1
                            REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
                            EXECUTE FUNCTION chiptimeline_delete_links(%2))"_s.arg(table, links);
    }
    return statements;
}
