#pragma once

#include <QString>
#include <QTextStream>

// The commands for timelines that live anywhere, a file or a PostgreSQL server (docs/team.md):
//   chiptimeline --db LOCATION init          creates the schema (a server's empty database)
//   chiptimeline copy --from A --to B         the whole timeline from A into the empty B
// Each returns CommandLine's exit status and writes one line to `err` when it fails.
namespace TeamCommands {
[[nodiscard]] int init(const QString &location, QTextStream &out, QTextStream &err);
[[nodiscard]] int copy(const QString &from, const QString &to, QTextStream &out, QTextStream &err);
} // namespace TeamCommands
