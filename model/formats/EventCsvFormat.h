#pragma once

#include "model/Dataset.h"
#include "model/InputError.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

// Our CSV of events for spreadsheets (docs/formats.md, "Events as CSV"): one row per event,
// columns uid, start, end, title, summary, category, status, importance, actors, chips,
// tags, sources. Lists are joined with "; "; the sources cell holds one source per line
// (SourceListText). CSV → ours → CSV gives back every cell.
class EventCsvFormat {
public:
    [[nodiscard]] static const QStringList &columns();

    // All or nothing: title and start are required columns; unknown columns are ignored;
    // any bad cell is reported as "file:line: column start: …" and nothing is returned.
    [[nodiscard]] static std::optional<Dataset> read(const QByteArray &bytes,
                                                     const QString &fileName, InputError *error);
    // UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF, events by start date.
    [[nodiscard]] static QByteArray write(const Dataset &dataset);
    // A header row naming title and start, for format detection.
    [[nodiscard]] static bool looksLikeEventCsv(const QByteArray &bytes);
};
