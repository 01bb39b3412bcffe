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
    // Reads as read() does, handing the dataset over while reading: a first part once
    // `firstPartEvents` events are read (with the title row), then one every `partEvents`,
    // each with the sources first linked in its rows, then the rest as the last part. False
    // with `error` set where read() fails (the parts handed over are then to be dropped), or
    // when `receive` returned false.
    [[nodiscard]] static bool readInParts(const QByteArray &bytes, const QString &fileName,
                                          InputError *error, qsizetype firstPartEvents,
                                          qsizetype partEvents, const DatasetPartReceiver &receive);
    [[nodiscard]] static QByteArray write(const Dataset &dataset);
    // A header row with Headline and Year (or Start Date).
    [[nodiscard]] static bool looksLikeTimelineJsCsv(const QByteArray &bytes);

private:
    [[nodiscard]] static std::optional<Dataset>
    readSheet(const QByteArray &bytes, const QString &fileName, InputError *error,
              const DatasetPartReceiver *receive, qsizetype firstPartEvents, qsizetype partEvents);
};
