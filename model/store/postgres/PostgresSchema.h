#pragma once

#include "model/StoreError.h"

#include <QList>
#include <QString>
#include <QStringList>

class QSqlDatabase;

// The schema of a team's timeline on a PostgreSQL server: the tables of the SQLite schema
// (model/SchemaMigrations.cpp) in PostgreSQL types, plus what a shared server needs —
// full-text search with unaccent, a row version on events and sources for conflict checks,
// change notifications on the channel `chiptimeline_changes`, and the roles
// `chiptimeline_reader` and `chiptimeline_editor`. Numbered like SQLite's: migration N takes
// a database from version N-1 to N, each in its own transaction together with its version
// row (meta.schema_version). Never edit a released migration: add a new one.
struct PostgresMigration {
    int version = 0;
    QString description;
    QStringList statements;
};

[[nodiscard]] const QList<PostgresMigration> &postgresMigrations();
[[nodiscard]] int latestPostgresSchemaVersion();
// Migration 8's statements (PostgresLinkChecks.cpp): the links' foreign keys checked once per
// statement instead of once per row.
[[nodiscard]] QStringList postgresStatementLinkChecks();
// Migration 9's (PostgresStatistics.cpp): chiptimeline_gather_statistics(), which an editor
// calls after a large import to give the planner the new rows' statistics at once.
[[nodiscard]] QStringList postgresStatisticsGathering();

// The channel the change triggers notify. Each payload is JSON:
//   {"table" : "event", "id" : 42, "op" : "update"}
// with `id` the row's id (the event's for the link tables event_actor, event_chip,
// event_tag and event_source). A statement touching more than 100 rows sends one
// notification for all of them, with "id" : null and "rows" : N.
inline constexpr QLatin1StringView postgresChangeChannel{"chiptimeline_changes"};

// The roles `init` creates and grants: readers may SELECT; editors may also INSERT, UPDATE
// and DELETE the timeline's rows and draw ids from its sequences.
inline constexpr QLatin1StringView postgresReaderRole{"chiptimeline_reader"};
inline constexpr QLatin1StringView postgresEditorRole{"chiptimeline_editor"};

// Brings the open QPSQL connection `db` to the latest schema: runs each pending migration
// in one transaction (holding an advisory lock, so two `init`s at once do the work once).
// An up-to-date database is left as it is. Refuses, changing nothing, a database written by
// a newer ChipTimeline (the SQLite store's wording) and one that holds other tables.
[[nodiscard]] bool initPostgresSchema(QSqlDatabase &db, StoreError *error);

// The schema version stored in `db`: 0 for a database without ChipTimeline's tables, -1
// when it cannot be read (then `*error` says why).
[[nodiscard]] int postgresSchemaVersion(QSqlDatabase &db, StoreError *error);
