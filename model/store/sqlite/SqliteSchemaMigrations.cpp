#include "model/store/sqlite/SqliteSchemaMigrations.h"

using namespace Qt::StringLiterals;

namespace {

// Version 1: the data model of DESIGN.md. Dates are stored as their parts (month and day
// NULL when not known) plus the Julian day span they cover, which the timeline queries by.
QStringList version1() {
    return {
        uR"(CREATE TABLE meta (
              key   TEXT PRIMARY KEY,
              value TEXT NOT NULL))"_s,
        uR"(CREATE TABLE category (
              id         INTEGER PRIMARY KEY,
              name       TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
              label      TEXT NOT NULL DEFAULT '',
              color      TEXT NOT NULL DEFAULT '#808080',
              sort_order INTEGER NOT NULL DEFAULT 0))"_s,
        uR"(CREATE TABLE event (
              id          INTEGER PRIMARY KEY,
              uid         TEXT NOT NULL UNIQUE,
              title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
              summary     TEXT NOT NULL DEFAULT '',
              start_year  INTEGER NOT NULL CHECK (start_year BETWEEN 1 AND 9999),
              start_month INTEGER CHECK (start_month BETWEEN 1 AND 12),
              start_day   INTEGER CHECK (start_day BETWEEN 1 AND 31),
              end_year    INTEGER CHECK (end_year BETWEEN 1 AND 9999),
              end_month   INTEGER CHECK (end_month BETWEEN 1 AND 12),
              end_day     INTEGER CHECK (end_day BETWEEN 1 AND 31),
              first_day   INTEGER NOT NULL,
              last_day    INTEGER NOT NULL CHECK (last_day >= first_day),
              category_id INTEGER REFERENCES category(id) ON DELETE SET NULL,
              status      TEXT NOT NULL DEFAULT 'confirmed'
                          CHECK (status IN ('confirmed', 'reported', 'disputed')),
              importance  INTEGER NOT NULL DEFAULT 2 CHECK (importance BETWEEN 1 AND 3),
              created     TEXT NOT NULL,
              modified    TEXT NOT NULL))"_s,
        u"CREATE INDEX event_by_first_day ON event(first_day, id)"_s,
        u"CREATE INDEX event_by_category ON event(category_id)"_s,
        uR"(CREATE TABLE source (
              id        INTEGER PRIMARY KEY,
              uid       TEXT NOT NULL UNIQUE,
              kind      TEXT NOT NULL DEFAULT 'news',
              title     TEXT NOT NULL CHECK (length(trim(title)) > 0),
              outlet    TEXT NOT NULL DEFAULT '',
              authors   TEXT NOT NULL DEFAULT '',
              url       TEXT NOT NULL DEFAULT '',
              doi       TEXT NOT NULL DEFAULT '',
              published TEXT NOT NULL DEFAULT '',
              accessed  TEXT NOT NULL DEFAULT '',
              language  TEXT NOT NULL DEFAULT '',
              excerpt   TEXT NOT NULL DEFAULT '',
              notes     TEXT NOT NULL DEFAULT '',
              created   TEXT NOT NULL,
              modified  TEXT NOT NULL))"_s,
        uR"(CREATE TABLE event_source (
              event_id  INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
              source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
              quote     TEXT NOT NULL DEFAULT '',
              locator   TEXT NOT NULL DEFAULT '',
              position  INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (event_id, source_id)) WITHOUT ROWID)"_s,
        u"CREATE INDEX event_source_by_source ON event_source(source_id)"_s,
        u"CREATE TABLE actor (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"_s,
        u"CREATE TABLE chip (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"_s,
        u"CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"_s,
        uR"(CREATE TABLE event_actor (
              event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
              actor_id INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
              position INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (event_id, actor_id)) WITHOUT ROWID)"_s,
        uR"(CREATE TABLE event_chip (
              event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
              chip_id  INTEGER NOT NULL REFERENCES chip(id) ON DELETE CASCADE,
              position INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (event_id, chip_id)) WITHOUT ROWID)"_s,
        uR"(CREATE TABLE event_tag (
              event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
              tag_id   INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
              position INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (event_id, tag_id)) WITHOUT ROWID)"_s,
        u"CREATE INDEX event_actor_by_actor ON event_actor(actor_id)"_s,
        u"CREATE INDEX event_chip_by_chip ON event_chip(chip_id)"_s,
        u"CREATE INDEX event_tag_by_tag ON event_tag(tag_id)"_s,
        uR"(CREATE TABLE saved_view (
              id     INTEGER PRIMARY KEY,
              name   TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
              filter TEXT NOT NULL DEFAULT ''))"_s,
    };
}

// Version 2: full-text search. FTS5 tables over events (with their actor, chip and tag
// names) and sources (with the quotes that cite them), kept in step by triggers, with
// diacritics folded so "beschrankung" meets "Beschränkung". Existing rows are indexed.
QStringList version2() {
    const QString eventNames = uR"((SELECT coalesce(group_concat(name, ' '), '') FROM (
               SELECT a.name FROM event_actor ea JOIN actor a ON a.id = ea.actor_id
                WHERE ea.event_id = %1
               UNION ALL
               SELECT c.name FROM event_chip ec JOIN chip c ON c.id = ec.chip_id
                WHERE ec.event_id = %1
               UNION ALL
               SELECT t.name FROM event_tag et JOIN tag t ON t.id = et.tag_id
                WHERE et.event_id = %1)))"_s;
    const QString sourceQuotes =
        u"(SELECT coalesce(group_concat(quote, ' '), '') FROM event_source WHERE source_id = %1)"_s;

    QStringList statements = {
        uR"(CREATE VIRTUAL TABLE event_fts USING fts5(
              title, summary, names,
              tokenize = 'unicode61 remove_diacritics 2'))"_s,
        uR"(CREATE VIRTUAL TABLE source_fts USING fts5(
              title, outlet, excerpt, notes, quotes,
              tokenize = 'unicode61 remove_diacritics 2'))"_s,
        uR"(CREATE TRIGGER event_fts_insert AFTER INSERT ON event BEGIN
              INSERT INTO event_fts(rowid, title, summary, names)
              VALUES (new.id, new.title, new.summary, '');
            END)"_s,
        uR"(CREATE TRIGGER event_fts_update AFTER UPDATE OF title, summary ON event BEGIN
              UPDATE event_fts SET title = new.title, summary = new.summary
               WHERE rowid = new.id;
            END)"_s,
        uR"(CREATE TRIGGER event_fts_delete AFTER DELETE ON event BEGIN
              DELETE FROM event_fts WHERE rowid = old.id;
            END)"_s,
        uR"(CREATE TRIGGER source_fts_insert AFTER INSERT ON source BEGIN
              INSERT INTO source_fts(rowid, title, outlet, excerpt, notes, quotes)
              VALUES (new.id, new.title, new.outlet, new.excerpt, new.notes, '');
            END)"_s,
        uR"(CREATE TRIGGER source_fts_update AFTER UPDATE OF title, outlet, excerpt, notes
              ON source BEGIN
              UPDATE source_fts SET title = new.title, outlet = new.outlet,
                     excerpt = new.excerpt, notes = new.notes
               WHERE rowid = new.id;
            END)"_s,
        uR"(CREATE TRIGGER source_fts_delete AFTER DELETE ON source BEGIN
              DELETE FROM source_fts WHERE rowid = old.id;
            END)"_s,
    };
    // Names and quotes live in link tables: re-derive the indexed text when a link changes.
    for (const QString &link : {u"event_actor"_s, u"event_chip"_s, u"event_tag"_s}) {
        statements << uR"(CREATE TRIGGER %1_fts_insert AFTER INSERT ON %1 BEGIN
                            UPDATE event_fts SET names = %2 WHERE rowid = new.event_id;
                          END)"_s.arg(link, eventNames.arg(u"new.event_id"_s))
                   << uR"(CREATE TRIGGER %1_fts_delete AFTER DELETE ON %1 BEGIN
                            UPDATE event_fts SET names = %2 WHERE rowid = old.event_id;
                          END)"_s.arg(link, eventNames.arg(u"old.event_id"_s));
    }
    statements << uR"(CREATE TRIGGER event_source_fts_insert AFTER INSERT ON event_source BEGIN
                        UPDATE source_fts SET quotes = %1 WHERE rowid = new.source_id;
                      END)"_s.arg(sourceQuotes.arg(u"new.source_id"_s))
               << uR"(CREATE TRIGGER event_source_fts_update AFTER UPDATE OF quote ON event_source
                      BEGIN
                        UPDATE source_fts SET quotes = %1 WHERE rowid = new.source_id;
                      END)"_s.arg(sourceQuotes.arg(u"new.source_id"_s))
               << uR"(CREATE TRIGGER event_source_fts_delete AFTER DELETE ON event_source BEGIN
                        UPDATE source_fts SET quotes = %1 WHERE rowid = old.source_id;
                      END)"_s.arg(sourceQuotes.arg(u"old.source_id"_s))
               << uR"(INSERT INTO event_fts(rowid, title, summary, names)
                      SELECT e.id, e.title, e.summary, %1 FROM event e)"_s.arg(
                      eventNames.arg(u"e.id"_s))
               << uR"(INSERT INTO source_fts(rowid, title, outlet, excerpt, notes, quotes)
                      SELECT s.id, s.title, s.outlet, s.excerpt, s.notes, %1 FROM source s)"_s.arg(
                      sourceQuotes.arg(u"s.id"_s));
    return statements;
}

// Version 3: the full-text index is brought up to date once per transaction by the store
// (see TimelineStore::flushSearchIndex) instead of by per-row triggers: a bulk import rewrote
// each event's index row once per actor, chip and tag, and each source's quotes once per
// citing event. Now every changed row is indexed once, at commit.
QStringList version3() {
    QStringList statements;
    for (const QString &trigger :
         {u"event_fts_insert"_s, u"event_fts_update"_s, u"event_fts_delete"_s,
          u"source_fts_insert"_s, u"source_fts_update"_s, u"source_fts_delete"_s,
          u"event_actor_fts_insert"_s, u"event_actor_fts_delete"_s, u"event_chip_fts_insert"_s,
          u"event_chip_fts_delete"_s, u"event_tag_fts_insert"_s, u"event_tag_fts_delete"_s,
          u"event_source_fts_insert"_s, u"event_source_fts_update"_s, u"event_source_fts_delete"_s})
        statements << u"DROP TRIGGER %1"_s.arg(trigger);
    return statements;
}

// Version 4: the full-text index keeps no copy of the text it indexes. Its tables read their
// text from two views (external content): an import of 100k events wrote every title,
// summary and quote a second time, 85 MB of the file's 250 MB. The views are the one place
// that says what is indexed: an event's title, summary and names (actors, chips, then tags,
// each in the order of their row ids), a source's fields and the quotes citing it (in the
// order of the citing events' ids). Removing a row from such an index needs the text it was
// indexed with, so the store notes a row's text before it first changes in a transaction
// (TimelineStore::installChangeTracking) and indexes it anew at commit.
QStringList version4() {
    return {
        u"DROP TABLE event_fts"_s,
        u"DROP TABLE source_fts"_s,
        uR"(CREATE VIEW event_search_text AS
              SELECT e.id AS id, e.title AS title, e.summary AS summary,
                     (SELECT coalesce(group_concat(name, ' '), '') FROM (
                        SELECT name FROM (
                          SELECT 1 AS kind, a.id AS row, a.name AS name
                            FROM event_actor ea JOIN actor a ON a.id = ea.actor_id
                           WHERE ea.event_id = e.id
                          UNION ALL
                          SELECT 2, c.id, c.name
                            FROM event_chip ec JOIN chip c ON c.id = ec.chip_id
                           WHERE ec.event_id = e.id
                          UNION ALL
                          SELECT 3, t.id, t.name
                            FROM event_tag et JOIN tag t ON t.id = et.tag_id
                           WHERE et.event_id = e.id)
                        ORDER BY kind, row)) AS names
                FROM event e)"_s,
        uR"(CREATE VIEW source_search_text AS
              SELECT s.id AS id, s.title AS title, s.outlet AS outlet, s.excerpt AS excerpt,
                     s.notes AS notes,
                     (SELECT coalesce(group_concat(quote, ' '), '') FROM (
                        SELECT quote FROM event_source WHERE source_id = s.id
                         ORDER BY event_id)) AS quotes
                FROM source s)"_s,
        uR"(CREATE VIRTUAL TABLE event_fts USING fts5(
              title, summary, names,
              content = 'event_search_text', content_rowid = 'id', columnsize = 0,
              tokenize = 'unicode61 remove_diacritics 2'))"_s,
        uR"(CREATE VIRTUAL TABLE source_fts USING fts5(
              title, outlet, excerpt, notes, quotes,
              content = 'source_search_text', content_rowid = 'id', columnsize = 0,
              tokenize = 'unicode61 remove_diacritics 2'))"_s,
        // No table of each row's column sizes either (columnsize = 0): the ranking
        // (SearchRank) does not use them, and snippet() measures the few rows it shows.
        // Terms are gathered in memory up to 8 MB (1 MB by default) before a segment is
        // written: a large import writes fewer, larger segments and merges them less often
        // (100k events: 0.18 s less). A single edit holds a few kilobytes.
        u"INSERT INTO event_fts(event_fts, rank) VALUES ('hashsize', 8388608)"_s,
        u"INSERT INTO source_fts(source_fts, rank) VALUES ('hashsize', 8388608)"_s,
        u"INSERT INTO event_fts(event_fts) VALUES ('rebuild')"_s,
        u"INSERT INTO source_fts(source_fts) VALUES ('rebuild')"_s,
    };
}

// How events answer each other (model/Relation.h): typed, from the later event to the one it
// answers, with the sources that say so. A relation goes with either of its events (and a
// citation with its source), so deleting an event removes its relations in the same step.
QStringList version5() {
    return {
        uR"(CREATE TABLE relation (
              id         INTEGER PRIMARY KEY,
              from_event INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
              to_event   INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
              type       TEXT NOT NULL,
              note       TEXT NOT NULL DEFAULT '',
              UNIQUE (from_event, to_event, type),
              CHECK (from_event <> to_event)))"_s,
        u"CREATE INDEX relation_by_to ON relation(to_event)"_s,
        uR"(CREATE TABLE relation_source (
              relation_id INTEGER NOT NULL REFERENCES relation(id) ON DELETE CASCADE,
              source_id   INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
              quote       TEXT NOT NULL DEFAULT '',
              locator     TEXT NOT NULL DEFAULT '',
              position    INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (relation_id, source_id)) WITHOUT ROWID)"_s,
        u"CREATE INDEX relation_source_by_source ON relation_source(source_id)"_s,
    };
}

// Version 6: history. Every write records a revision (who, when, why, what kind, a summary)
// and, per item and field it touched, the old and new value as compact JSON text (see
// model/history). Revisions are never rewritten: updates and deletes of them are refused.
// An existing database starts its history at the upgrade.
QStringList version6() {
    return {
        uR"(CREATE TABLE revision (
              number  INTEGER PRIMARY KEY,
              at      TEXT NOT NULL,
              author  TEXT NOT NULL DEFAULT '',
              note    TEXT NOT NULL DEFAULT '',
              kind    TEXT NOT NULL,
              summary TEXT NOT NULL DEFAULT ''))"_s,
        uR"(CREATE TABLE revision_change (
              revision INTEGER NOT NULL REFERENCES revision(number),
              entity   TEXT NOT NULL CHECK (entity IN ('event', 'source', 'category', 'dataset')),
              uid      TEXT NOT NULL,
              field    TEXT NOT NULL,
              old      TEXT,
              new      TEXT))"_s,
        u"CREATE INDEX revision_change_by_revision ON revision_change(revision)"_s,
        u"CREATE INDEX revision_change_by_uid ON revision_change(uid, revision)"_s,
        u"CREATE INDEX revision_by_at ON revision(at)"_s,
        uR"(CREATE TRIGGER revision_never_updated BEFORE UPDATE ON revision BEGIN
              SELECT RAISE(ABORT, 'history is never rewritten');
            END)"_s,
        uR"(CREATE TRIGGER revision_never_deleted BEFORE DELETE ON revision BEGIN
              SELECT RAISE(ABORT, 'history is never rewritten');
            END)"_s,
        uR"(CREATE TRIGGER revision_change_never_updated BEFORE UPDATE ON revision_change BEGIN
              SELECT RAISE(ABORT, 'history is never rewritten');
            END)"_s,
        uR"(CREATE TRIGGER revision_change_never_deleted BEFORE DELETE ON revision_change BEGIN
              SELECT RAISE(ABORT, 'history is never rewritten');
            END)"_s,
        uR"(INSERT INTO revision(at, kind, summary)
              VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'start', 'history starts here'))"_s,
    };
}

// Version 7: bilingual data. An event's title and summary and a category's label in other
// languages, as one compact JSON object per row (see DataTranslations); '' when none.
// The German texts are searchable: the index's summary column is the summary followed by
// " title summary" of the German translation when the event has any translation (see
// DataTranslations::searchText, which the bulk import writes; both must give the same text,
// or the index could not remove it). Scalar JSON functions only: FTS5 reads its content
// without virtual tables, so json_each would fail there. No
// event has translations yet, so no indexed text changes and the index need not be rebuilt.
QStringList version7() {
    return {
        u"ALTER TABLE event ADD COLUMN translations TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE category ADD COLUMN translations TEXT NOT NULL DEFAULT ''"_s,
        u"DROP VIEW event_search_text"_s,
        uR"(CREATE VIEW event_search_text AS
              SELECT e.id AS id, e.title AS title,
                     e.summary || CASE WHEN e.translations = '' THEN '' ELSE
                       ' ' || coalesce(json_extract(e.translations, '$.de.title'), '') ||
                       ' ' || coalesce(json_extract(e.translations, '$.de.summary'), '') END
                       AS summary,
                     (SELECT coalesce(group_concat(name, ' '), '') FROM (
                        SELECT name FROM (
                          SELECT 1 AS kind, a.id AS row, a.name AS name
                            FROM event_actor ea JOIN actor a ON a.id = ea.actor_id
                           WHERE ea.event_id = e.id
                          UNION ALL
                          SELECT 2, c.id, c.name
                            FROM event_chip ec JOIN chip c ON c.id = ec.chip_id
                           WHERE ec.event_id = e.id
                          UNION ALL
                          SELECT 3, t.id, t.name
                            FROM event_tag et JOIN tag t ON t.id = et.tag_id
                           WHERE et.event_id = e.id)
                        ORDER BY kind, row)) AS names
                FROM event e)"_s,
    };
}

// Version 8: relations in the history. revision_change's CHECK admits 'relation' (a
// relation's changes, keyed by its two events and type). SQLite cannot change a CHECK, so the
// table is rebuilt with its rows, indexes and never-rewritten triggers; dropping the old
// table fires no trigger, and nothing in it is changed.
QStringList version8() {
    return {
        uR"(CREATE TABLE revision_change_v8 (
              revision INTEGER NOT NULL REFERENCES revision(number),
              entity   TEXT NOT NULL
                       CHECK (entity IN ('event', 'source', 'category', 'relation', 'dataset')),
              uid      TEXT NOT NULL,
              field    TEXT NOT NULL,
              old      TEXT,
              new      TEXT))"_s,
        u"INSERT INTO revision_change_v8 SELECT revision, entity, uid, field, old, new "
        "FROM revision_change ORDER BY rowid"_s,
        u"DROP TABLE revision_change"_s,
        u"ALTER TABLE revision_change_v8 RENAME TO revision_change"_s,
        u"CREATE INDEX revision_change_by_revision ON revision_change(revision)"_s,
        u"CREATE INDEX revision_change_by_uid ON revision_change(uid, revision)"_s,
        uR"(CREATE TRIGGER revision_change_never_updated BEFORE UPDATE ON revision_change BEGIN
              SELECT RAISE(ABORT, 'history is never rewritten');
            END)"_s,
        uR"(CREATE TRIGGER revision_change_never_deleted BEFORE DELETE ON revision_change BEGIN
              SELECT RAISE(ABORT, 'history is never rewritten');
            END)"_s,
    };
}

// Version 9: the words the full-text indexes hold, for a search to find the compound words
// that contain a typed word (model/SearchCompounds.h). FTS5's vocabulary (fts5vocab) lists
// them too, but walks every position list to do it (0.15 s at 100k events); this table is read
// in a millisecond. Filled here from that vocabulary once; then each write adds the words of
// the rows it indexes (SqliteSearchTerms.cpp). A word no row holds any more stays: it finds
// nothing.
QStringList version9() {
    return {
        u"CREATE TABLE search_word (word TEXT PRIMARY KEY) WITHOUT ROWID"_s,
        u"CREATE VIRTUAL TABLE temp.event_fts_words USING fts5vocab(main, event_fts, 'row')"_s,
        u"CREATE VIRTUAL TABLE temp.source_fts_words USING fts5vocab(main, source_fts, 'row')"_s,
        uR"(INSERT OR IGNORE INTO search_word(word)
              SELECT term FROM temp.event_fts_words UNION SELECT term FROM temp.source_fts_words)"_s,
        u"DROP TABLE temp.event_fts_words"_s,
        u"DROP TABLE temp.source_fts_words"_s,
    };
}

// A stored value as the compact JSON text of a UTC time with milliseconds
// ("2026-12-05T19:00:00.123Z", quotes included; a record's `created` and `modified`) is kept as
// its milliseconds since 1970, an integer; every other value as its text. Only a text that the
// integer gives back exactly is converted (SqliteRevisionRows.cpp reads and writes the same;
// "2026-02-30…" stays text: its integer would read back as 2 March).
QString compactValue(const QString &column) {
    return uR"(CASE WHEN %1 GLOB '"[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z"'
                 AND strftime('%Y-%m-%dT%H:%M:%S', strftime('%s', substr(%1, 2, 19)),
                              'unixepoch') = substr(%1, 2, 19)
            THEN CAST(strftime('%s', substr(%1, 2, 19)) AS INTEGER) * 1000
                 + CAST(substr(%1, 22, 3) AS INTEGER)
            ELSE %1 END)"_s.arg(column);
}

QStringList neverRewritten(const QString &table) {
    return {uR"(CREATE TRIGGER %1_never_updated BEFORE UPDATE ON %1 BEGIN
                  SELECT RAISE(ABORT, 'history is never rewritten');
                END)"_s.arg(table),
            uR"(CREATE TRIGGER %1_never_deleted BEFORE DELETE ON %1 BEGIN
                  SELECT RAISE(ABORT, 'history is never rewritten');
                END)"_s.arg(table)};
}

// Version 10: a compact history (docs/history.md). Each item a revision touched is named once
// (revision_item: entity and uid, an integer id), each field name once (revision_field; "*",
// the whole item, is code 0); a change is (revision, its place in the revision, item, field,
// old, new) in a table clustered by revision, with one index by item, and a time value as an
// integer. Every row is converted as it is: the history reads back exactly as before.
QStringList version10() {
    QStringList statements = {
        uR"(CREATE TABLE revision_item (
              id     INTEGER PRIMARY KEY,
              entity TEXT NOT NULL
                     CHECK (entity IN ('event', 'source', 'category', 'relation', 'dataset')),
              uid    TEXT NOT NULL,
              UNIQUE (uid, entity)))"_s,
        uR"(CREATE TABLE revision_field (
              code INTEGER PRIMARY KEY,
              name TEXT NOT NULL UNIQUE))"_s,
        u"INSERT INTO revision_field(code, name) VALUES (0, '*')"_s,
        uR"(INSERT INTO revision_field(name)
              SELECT field FROM revision_change WHERE field <> '*' GROUP BY field
              ORDER BY MIN(rowid))"_s,
        uR"(INSERT INTO revision_item(entity, uid)
              SELECT entity, uid FROM revision_change GROUP BY uid, entity ORDER BY MIN(rowid))"_s,
        // old and new have no declared type: a time is stored as an integer, any other
        // value as text, and neither is converted to the other.
        uR"(CREATE TABLE revision_change_v10 (
              revision INTEGER NOT NULL REFERENCES revision(number),
              seq      INTEGER NOT NULL,
              item     INTEGER NOT NULL REFERENCES revision_item(id),
              field    INTEGER NOT NULL REFERENCES revision_field(code),
              old,
              new,
              PRIMARY KEY (revision, seq)) WITHOUT ROWID)"_s,
        uR"(INSERT INTO revision_change_v10(revision, seq, item, field, old, new)
              SELECT c.revision, ROW_NUMBER() OVER (PARTITION BY c.revision ORDER BY c.rowid),
                     i.id, f.code, %1, %2
              FROM revision_change c
              JOIN revision_item i ON i.uid = c.uid AND i.entity = c.entity
              JOIN revision_field f ON f.name = c.field)"_s.arg(compactValue(u"c.old"_s),
                                                                compactValue(u"c.new"_s)),
        u"DROP TABLE revision_change"_s,
        u"ALTER TABLE revision_change_v10 RENAME TO revision_change"_s,
        u"CREATE INDEX revision_change_by_item ON revision_change(item, revision)"_s,
        // The deletions (of a whole item), for the deleted events: a few rows.
        uR"(CREATE INDEX revision_change_deletions ON revision_change(item)
              WHERE field = 0 AND old IS NOT NULL AND new IS NULL)"_s,
    };
    for (const QString &table : {u"revision_change"_s, u"revision_item"_s, u"revision_field"_s})
        statements << neverRewritten(table);
    return statements;
}

// Version 11: a field change's new value is no longer stored (docs/history.md, "Storage"):
// it is what came next, the old value of the item's next change or the item now (reverse
// deltas). NULL now means "what came next"; the rows written before keep their new values, and
// the few of them that had none (a field an item lost) say so with ''.
QStringList version11() {
    return {
        u"DROP TRIGGER revision_change_never_updated"_s,
        u"UPDATE revision_change SET new = '' WHERE field <> 0 AND new IS NULL"_s,
        neverRewritten(u"revision_change"_s).constFirst(),
    };
}

// Version 12: a `modified` change that comes with other changes of its item in the same
// revision (every edit's) is written to a table of its own, keyed by (revision, item), with no
// seq, no field and no entry in the index by item: its place among the item's other changes
// (`place`) and its old value (docs/history.md, "Storage";
// model/store/sqlite/SqliteRevisionModified.h). The rows written before stay as they are.
QStringList version12() {
    return QStringList{
               uR"(CREATE TABLE revision_modified (
              revision INTEGER NOT NULL REFERENCES revision(number),
              item     INTEGER NOT NULL REFERENCES revision_item(id),
              place    INTEGER NOT NULL,
              old,
              PRIMARY KEY (revision, item)) WITHOUT ROWID)"_s,
           } +
           neverRewritten(u"revision_modified"_s);
}

// Version 13: an event's status and a history item's entity checked by comparisons instead of
// IN lists. SQLite checks `x IN (three or more values)` through a temporary index of the values
// that it builds, and clears again, for every row it writes (two values or fewer are compared):
// ~1.6 µs per row, at 100k imported events 100k temporary tables for the events and as many
// for the import's history items. The constraints allow the same values, so the stored rows
// stay as they are and only the tables' text changes: SQLite's procedure for such changes
// (writable_schema, then the schema cookie advanced by the store, see
// SchemaMigration::rewritesTableText).
QStringList version13() {
    return {
        u"PRAGMA writable_schema = ON"_s,
        uR"(UPDATE sqlite_master SET sql = replace(sql,
              'status IN (''confirmed'', ''reported'', ''disputed'')',
              'status = ''confirmed'' OR status = ''reported'' OR status = ''disputed''')
            WHERE type = 'table' AND name = 'event')"_s,
        uR"(UPDATE sqlite_master SET sql = replace(sql,
              'entity IN (''event'', ''source'', ''category'', ''relation'', ''dataset'')',
              'entity = ''event'' OR entity = ''source'' OR entity = ''category''
                            OR entity = ''relation'' OR entity = ''dataset''')
            WHERE type = 'table' AND name = 'revision_item')"_s,
        u"PRAGMA writable_schema = OFF"_s,
    };
}

} // namespace

const QList<SchemaMigration> &schemaMigrations() {
    static const QList<SchemaMigration> migrations = {
        {1, u"events, sources, links, categories, actors, chips, tags, saved views"_s, version1()},
        {2, u"full-text search over events and sources"_s, version2()},
        {3, u"full-text index maintained once per transaction"_s, version3()},
        {4, u"full-text index without a copy of the text"_s, version4()},
        {5, u"relations between events, with their sources"_s, version5()},
        {6, u"history: revisions with their changes"_s, version6()},
        {7, u"translations of titles, summaries and labels"_s, version7()},
        {8, u"relations in the history"_s, version8()},
        {9, u"the words of the full-text indexes"_s, version9()},
        {10, u"a compact history"_s, version10()},
        {11, u"the history's new values from what came next"_s, version11()},
        {12, u"an edit's own modified time kept apart"_s, version12()},
        {13, u"status and entity checked without temporary indexes"_s, version13(), true},
    };
    return migrations;
}

int latestSchemaVersion() {
    return schemaMigrations().constLast().version;
}
