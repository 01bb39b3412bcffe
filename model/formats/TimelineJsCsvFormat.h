#pragma once

#include "model/Dataset.h"
#include "model/InputError.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

// The TimelineJS Google-Sheet template as CSV (docs/formats.md, "TimelineJS spreadsheet"):
// read with or without the Alt Text column, with Tag for Group and the legacy Start Date /
// End Date columns; written with the current template header, exactly.
class TimelineJsCsvFormat {
public:
    // The current template's header, in order.
    [[nodiscard]] static const QStringList &columns();

    [[nodiscard]] static std::optional<Dataset> read(const QByteArray &bytes,
                                                     const QString &fileName, InputError *error);
    [[nodiscard]] static QByteArray write(const Dataset &dataset);
    // A header row with Headline and Year (or Start Date).
    [[nodiscard]] static bool looksLikeTimelineJsCsv(const QByteArray &bytes);
};
