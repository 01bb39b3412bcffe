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
};

[[nodiscard]] const QList<SchemaMigration> &schemaMigrations();
[[nodiscard]] int latestSchemaVersion();
