#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The numbered, cumulative schema migrations. Migration N takes a database from version
// N-1 to N; the store runs every pending one in a single transaction after taking a copy
// of the file. Never edit a released migration: add a new one.
struct SchemaMigration {
    int version = 0;
    QString description;
    QStringList statements;
    // True when the statements rewrite a table's CREATE text in sqlite_master (SQLite's
    // procedure for changes that leave every stored row as it is, "ALTER TABLE", section 7):
    // the store then advances the schema cookie so that every connection reads the new text.
    bool rewritesTableText = false;
};

[[nodiscard]] const QList<SchemaMigration> &schemaMigrations();
[[nodiscard]] int latestSchemaVersion();
