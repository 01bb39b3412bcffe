// The SQLite store: the change tracking (temporary triggers that note what a transaction
// touched, for the search index) and the change token other connections' commits move.

#include "model/store/sqlite/SqliteStoreInternals.h"

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

bool SqliteTimelineStore::installChangeTracking(StoreError *error) {
    // Temporary triggers (this connection only, never stored in the file) note which events
    // and sources a transaction touched; flushSearchIndex() re-indexes each of them once.
    // The index keeps no copy of its text (schema version 4), and taking a row out of it needs
    // the text it was indexed with: so a row's indexed text is noted before its first change
    // in the transaction (a row inserted in it is noted without text: it was not indexed).
    // INSERT OR IGNORE keeps the first note, the text as indexed at the last commit.
    QStringList statements = {
        uR"(CREATE TEMP TABLE IF NOT EXISTS changed_event (
              id INTEGER PRIMARY KEY, title TEXT, summary TEXT, names TEXT))"_s,
        uR"(CREATE TEMP TABLE IF NOT EXISTS changed_source (
              id INTEGER PRIMARY KEY, title TEXT, outlet TEXT, excerpt TEXT, notes TEXT,
              quotes TEXT))"_s,
    };
    const auto track = [&statements](const QString &name, const QString &when, const QString &table,
                                     const QString &note) {
        statements << uR"(CREATE TEMP TRIGGER IF NOT EXISTS %1 %2 ON main.%3 BEGIN
                            %4;
                          END)"_s.arg(name, when, table, note);
    };
    const auto newEvent = [](const QString &id) {
        return noteUnindexedSql(u"changed_event"_s, id);
    };
    const auto newSource = [](const QString &id) {
        return noteUnindexedSql(u"changed_source"_s, id);
    };
    track(u"track_event_insert"_s, u"AFTER INSERT"_s, u"event"_s, newEvent(u"new.id"_s));
    track(u"track_event_update"_s, u"BEFORE UPDATE OF title, summary, translations"_s, u"event"_s,
          noteIndexedEventSql(u"old.id"_s));
    track(u"track_event_delete"_s, u"BEFORE DELETE"_s, u"event"_s,
          noteIndexedEventSql(u"old.id"_s));
    for (const QString &link : {u"event_actor"_s, u"event_chip"_s, u"event_tag"_s}) {
        track(u"track_%1_insert"_s.arg(link), u"BEFORE INSERT"_s, link,
              noteIndexedEventSql(u"new.event_id"_s));
        track(u"track_%1_update"_s.arg(link), u"BEFORE UPDATE"_s, link,
              noteIndexedEventSql(u"old.event_id"_s) + u";\n"_s +
                  noteIndexedEventSql(u"new.event_id"_s));
        track(u"track_%1_delete"_s.arg(link), u"BEFORE DELETE"_s, link,
              noteIndexedEventSql(u"old.event_id"_s));
    }
    for (const QString &names : {u"actor"_s, u"chip"_s, u"tag"_s}) {
        // A renamed actor, chip or tag changes the names of every event linked to it.
        track(u"track_%1_rename"_s.arg(names), u"BEFORE UPDATE OF name"_s, names,
              uR"(INSERT OR IGNORE INTO changed_event(id, title, summary, names)
                    SELECT id, title, summary, names FROM main.event_search_text
                     WHERE id IN (SELECT event_id FROM main.event_%1 WHERE %1_id = old.id)
                       AND id NOT IN (SELECT id FROM changed_event))"_s.arg(names));
    }
    track(u"track_source_insert"_s, u"AFTER INSERT"_s, u"source"_s, newSource(u"new.id"_s));
    track(u"track_source_update"_s, u"BEFORE UPDATE OF title, outlet, excerpt, notes"_s,
          u"source"_s, noteIndexedSourceSql(u"old.id"_s));
    track(u"track_source_delete"_s, u"BEFORE DELETE"_s, u"source"_s,
          noteIndexedSourceSql(u"old.id"_s));
    track(u"track_event_source_insert"_s, u"BEFORE INSERT"_s, u"event_source"_s,
          noteIndexedSourceSql(u"new.source_id"_s));
    track(u"track_event_source_update"_s, u"BEFORE UPDATE"_s, u"event_source"_s,
          noteIndexedSourceSql(u"old.source_id"_s) + u";\n"_s +
              noteIndexedSourceSql(u"new.source_id"_s));
    track(u"track_event_source_delete"_s, u"BEFORE DELETE"_s, u"event_source"_s,
          noteIndexedSourceSql(u"old.source_id"_s));
    QSqlQuery query(database());
    for (const QString &sql : std::as_const(statements)) {
        if (!query.exec(sql)) {
            *error = errorFrom(query, u"open"_s);
            return false;
        }
    }
    return true;
}

bool SqliteTimelineStore::suspendChangeTracking(StoreError *error) {
    QSqlQuery query(database());
    QStringList triggers;
    if (query.exec(u"SELECT name FROM sqlite_temp_master WHERE type = 'trigger' "
                   "AND name LIKE 'track\\_%' ESCAPE '\\'"_s))
        while (query.next())
            triggers << query.value(0).toString();
    else {
        *error = errorFrom(query, u"import"_s);
        return false;
    }
    for (const QString &trigger : std::as_const(triggers)) {
        if (!query.exec(u"DROP TRIGGER temp.%1"_s.arg(trigger))) {
            *error = errorFrom(query, u"import"_s);
            return false;
        }
    }
    return true;
}

// ---- Reading ----

qint64 SqliteTimelineStore::dataVersion() const {
    QSqlQuery query(database());
    return query.exec(u"PRAGMA data_version"_s) && query.next() ? query.value(0).toLongLong() : 0;
}
