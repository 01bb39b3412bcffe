#pragma once

#include "model/Dataset.h"
#include "model/InputError.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// Every file format a dataset is imported from or exported to.
enum class DatasetFormat {
    Auto,
    Native,         // json: the app's own exchange file
    EventCsv,       // csv: one row per event
    TimelineJsJson, // timelinejs-json (timelinejs)
    TimelineJsCsv,  // timelinejs-csv: the TimelineJS Google-Sheet template
    TimelineProj,   // timeline: thetimelineproj .timeline XML, import only
    ICalendar,      // ics
    CslJson,        // csl-json: sources only
    Ris,            // ris: sources only
    BibTex,         // bibtex: sources only; written as classic BibTeX
    BibLaTex,       // biblatex: sources only; read as bibtex, written as current BibLaTeX
    ArticleText,    // article: one source from an article's text, import only
};

// The one entry point the command line and the window use to read and write files
// (docs/formats.md). Names, in the order listed by readNames()/writeNames():
//   auto json csv timelinejs timelinejs-json timelinejs-csv timeline ics csl-json ris bibtex
//   biblatex article
class DatasetFormats {
public:
    [[nodiscard]] static std::optional<DatasetFormat> formatFromName(QStringView name);
    // The canonical command-line name ("timelinejs-json", …).
    [[nodiscard]] static QString name(DatasetFormat format);
    // Names accepted by `import --format` and by `export-data --format`.
    [[nodiscard]] static QStringList readNames();
    [[nodiscard]] static QStringList writeNames();
    [[nodiscard]] static bool canWrite(DatasetFormat format);
    // The usual file name extension for a format ("ics", "csv", "timeline", …).
    [[nodiscard]] static QString extension(DatasetFormat format);

    // By extension, confirmed or overruled by the content; std::nullopt when neither tells.
    [[nodiscard]] static std::optional<DatasetFormat> detect(const QString &fileName,
                                                             const QByteArray &content);

    // Reads a file whole; all or nothing. Auto detects the format. Citation formats give a
    // dataset with only sources.
    [[nodiscard]] static std::optional<Dataset> read(const QByteArray &content,
                                                     const QString &fileName, DatasetFormat format,
                                                     InputError *error);
    // Empty for formats that are not written (see canWrite).
    [[nodiscard]] static QByteArray write(const Dataset &dataset, DatasetFormat format);
};

[[nodiscard]] inline std::optional<DatasetFormat> formatFromName(QStringView name) {
    return DatasetFormats::formatFromName(name);
}
[[nodiscard]] std::optional<Dataset> readDatasetFile(const QString &path, DatasetFormat format,
                                                     InputError *error);
[[nodiscard]] QByteArray writeDataset(const Dataset &dataset, DatasetFormat format);
