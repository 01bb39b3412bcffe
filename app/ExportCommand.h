#pragma once

#include <QList>
#include <QString>
#include <QTextStream>

class QCommandLineOption;
class QCommandLineParser;
class TimelineReads;
class TimelineStore;
struct EventFilter;

// `chiptimeline export`: the timeline as a PNG, SVG or PDF figure with source notes, from
// the command line and without a display. CommandLine parses the shared options (--out,
// --format, the filters); this reads the export's own (--size, --scale, --title,
// --subtitle, --theme, --lanes, --no-notes), loads the events and their sources, and calls
// ImageExporter. Exit codes are CommandLine's: 0, 1 failure, 2 usage error.
class ExportCommand {
public:
    // The options only `export` takes.
    [[nodiscard]] static QList<QCommandLineOption> options();
    [[nodiscard]] static QStringList optionNames();
    // Usage errors found before the store is opened: 0 when none, else 2 (message on err).
    [[nodiscard]] static int check(const QCommandLineParser &parser, QTextStream &err);
    // Draws from `store` (the timeline now, or as of --as-of), or, when `reads` is given, from
    // what it reads (as of --as-of: the dataset of then, DatasetReads); the provenance names
    // `live`'s file and `revision`, the revision drawn (0: no history).
    [[nodiscard]] static int run(const TimelineStore &store, const QCommandLineParser &parser,
                                 const EventFilter &filter, QTextStream &out, QTextStream &err,
                                 const TimelineStore &live, qint64 revision,
                                 const TimelineReads *reads = nullptr);
    // `chiptimeline reproduce FIGURE --out NEW`: redraws a figure from the provenance record
    // in its metadata (FigureProvenance), as of the revision it records (a record without one:
    // the timeline now), and says so when what it draws differs from what the figure drew.
    // As `export --as-of`, it draws from the dataset of then in memory unless the recorded
    // filter has a full-text query or the figure is a chain (a store of then answers those).
    [[nodiscard]] static int reproduce(const TimelineStore &store, const QString &figurePath,
                                       const QString &outPath, QTextStream &out, QTextStream &err);
    [[nodiscard]] static QString usage();
};
