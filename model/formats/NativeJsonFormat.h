#pragma once

#include "model/Dataset.h"
#include "model/InputError.h"

#include <QByteArray>
#include <QString>

class QFile;

#include <optional>

// The app's own exchange file (docs/formats.md): everything in a database, lossless both
// ways, written in a stable order so two versions diff cleanly. The default dataset is one.
class NativeJsonFormat {
public:
    static constexpr int Version = 2;

    // Strict: any problem is returned as one InputError naming file, line and field, and
    // nothing is returned.
    [[nodiscard]] static std::optional<Dataset> read(const QByteArray &bytes,
                                                     const QString &fileName, InputError *error);
    // The same through QJsonDocument only, without the single-pass fast reader: what read()
    // falls back on for anything unusual. For tests that compare the two.
    [[nodiscard]] static std::optional<Dataset>
    readThoroughly(const QByteArray &bytes, const QString &fileName, InputError *error);
    [[nodiscard]] static std::optional<Dataset> readFile(const QString &path, InputError *error);
    // read() of an open file, mapped instead of copied into memory; the pages already parsed
    // are given back to the system as the reading goes on. Falls back to reading the file.
    [[nodiscard]] static std::optional<Dataset> readMapped(QFile &file, const QString &fileName,
                                                           InputError *error);
    // read() of bytes that are a read-only mapping of a file (QFile::map), never bytes on
    // the heap: the pages already parsed are given back to the system (madvise).
    [[nodiscard]] static std::optional<Dataset>
    readMapping(const QByteArray &mappedBytes, const QString &fileName, InputError *error);
    [[nodiscard]] static QByteArray write(const Dataset &dataset);
    // The events alone, in the order given, as a JSON array of the objects write() puts
    // under "events" (`list --json`, `search --json`). With `relations`, each event object
    // ends with "relations": those of them from or to the event.
    [[nodiscard]] static QByteArray writeEvents(const QList<Event> &events,
                                                const QList<Relation> *relations = nullptr);
    // Quick check used by format detection.
    [[nodiscard]] static bool looksLikeNative(const QByteArray &bytes);
};
