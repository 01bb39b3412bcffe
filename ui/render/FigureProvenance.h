#pragma once

// FigureProvenance: the record every exported figure carries of how it was made — the
// program and its version, the timeline it was drawn from, the filter, every option of the
// export request (size, resolution, theme, lanes, notes, title, range, the date in its
// footer), the language, and a digest of exactly what was drawn (each event's date, title,
// status, lane and sources). `chiptimeline reproduce` redraws a figure from it; the digest
// tells whether the timeline still holds what the figure showed.
//
// Where it is kept, in each format's own metadata, as one JSON text:
//   PNG  an iTXt chunk with the keyword "ChipTimeline-Provenance";
//   SVG  <metadata><ct:provenance xmlns:ct="urn:chiptimeline:provenance:1">…</ct:provenance>;
//   PDF  the document's XMP metadata stream (ct:provenance beside dc:title and
//        xmp:CreatorTool); the document information dictionary names the title and
//        "ChipTimeline VERSION" as its creator.
// Reading a record never trusts it: every field is checked and a bad one is named.

#include "model/TimelineData.h"
#include "ui/render/FigureSources.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

struct ExportRequest;

struct FigureProvenance {
    static constexpr int RecordVersion = 1;
    static constexpr char PngKey[] = "ChipTimeline-Provenance";

    // Filled by whoever asks for the figure.
    QString database; // the timeline's file name (never its folder: figures get published)
    QString filter;   // FilterText's canonical form; empty: every event
    QString language = QStringLiteral("en");
    qint64 revision = 0; // the revision drawn from; 0: none recorded (records before history)

    // Filled by ImageExporter when the figure is written.
    QString program; // "ChipTimeline 0.1.0"
    QDateTime madeAt;
    qsizetype events = 0;  // events the figure drew
    qsizetype sources = 0; // distinct sources it cited
    QString digest;        // "sha256:…" of the events and sources drawn

    // The export request, in the words of the command line: format png|svg|pdf, size
    // "slide" | "a4" | … | "WxH", scale and dpi (0: the default), theme, lanes, notes
    // full|short|none, date labels, footer, title, subtitle, from, to, and the date the footer
    // shows.
    QString format;
    QString size;
    int scale = 0;
    int dpi = 0;
    QString theme;
    QString lanes;
    QString notes;
    bool dateLabels = false;
    bool footer = true;
    QString title;
    QString subtitle;
    QString chain; // the event uid of `export --chain`; empty: no chain
    QString from;
    QString to;
    QDate exportDate;
    bool asOf = false; // the attribution says "as of revision `revision`" (export --as-of)

    // The program's own name and version, as records write it.
    [[nodiscard]] static QString currentProgram();

    // Records the request's options (everything but the path).
    void describe(const ExportRequest &request);
    // The request the record describes, writing to `path`; the format follows `path`'s
    // extension when it names one, else the record's. nullopt and a reason for a record
    // whose options this program does not accept.
    [[nodiscard]] std::optional<ExportRequest> toRequest(const QString &path,
                                                         QString *reason) const;

    // SHA-256 over what a figure of `data` and `sources` draws.
    [[nodiscard]] static QString digestOf(const TimelineData &data,
                                          const FigureSources::Map &sources);
    [[nodiscard]] static qsizetype distinctSources(const FigureSources::Map &sources);

    [[nodiscard]] QByteArray toJson() const; // compact, keys in a fixed order
    [[nodiscard]] static std::optional<FigureProvenance> fromJson(const QByteArray &json,
                                                                  QString *reason);

    // The record in a PNG, SVG or PDF file. nullopt and one line naming the file when it
    // cannot be read, has no record, or the record is damaged.
    [[nodiscard]] static std::optional<FigureProvenance> readFromFile(const QString &path,
                                                                      QString *error);

    // The formats' containers for the record.
    [[nodiscard]] QByteArray svgMetadata() const; // "<metadata>…</metadata>"
    // `png` with the record as a compressed UTF-8 iTXt chunk before IDAT (Qt writes its
    // text as tEXt or zTXt, Latin-1, unless it needs more).
    [[nodiscard]] QByteArray withPngChunk(QByteArray png) const;
    [[nodiscard]] QByteArray xmpPacket(const QString &documentTitle) const;

    friend bool operator==(const FigureProvenance &, const FigureProvenance &) = default;
};
