#pragma once

// ImageExporter: writes a TimelineFigure to PNG (QImage), SVG (QSvgGenerator: vector, real
// <text>) or PDF (QPdfWriter: vector, embedded font subsets), the same figure code for
// each. The file is written under a temporary name in the target folder and renamed into
// place at the end (QSaveFile): a failed or cancelled export leaves no file and keeps an
// existing one as it was. Errors are one line that names the file.

#include "model/TimelineData.h"
#include "ui/render/FigureProvenance.h"
#include "ui/render/FigureSources.h"
#include "ui/render/TimelineFigure.h"

#include <QSize>
#include <QSizeF>
#include <QString>
#include <QStringView>

#include <functional>
#include <optional>

struct ExportRequest {
    enum class Format : quint8 { FromExtension, Png, Svg, Pdf };
    enum class Preset : quint8 {
        Custom, // `pixels`
        Slide,  // 1920 × 1080
        A4Landscape,
        A4Portrait,
        LetterLandscape,
        LetterPortrait
    };

    QString path;
    Format format = Format::FromExtension;
    Preset preset = Preset::Slide;
    QSize pixels{1920, 1080}; // Custom: the figure in units (1/96 in), pixels at scale 1
    // When set, parsed instead of preset/pixels: "WxH", "slide", "a4", "a4-portrait",
    // "letter" or "letter-portrait" (what users type; a bad one is reported).
    QString sizeText;
    // PNG: device pixels per unit, 1..4; 0: the default — 300 dpi for paper sizes, 2 for
    // slides and custom sizes — the same for the window's dialog and the command line.
    int scale = 0;
    // PNG: the resolution rendered at and written into the file (pHYs), 72..1200; it decides
    // the pixels when set. 0: 96 × scale, so the file prints at its true size.
    int dpi = 0;
    FigureOptions figure; // its size is set from the preset
    // When set, the figure records how it was made in the file's metadata: the caller names
    // the timeline, the filter and the language; the exporter adds the rest.
    std::optional<FigureProvenance> provenance;
};

class ImageExporter {
public:
    // Called with 0..100 as the export goes; returning false cancels it.
    using Progress = std::function<bool(int percent)>;

    [[nodiscard]] static bool exportImage(const TimelineData &data,
                                          const FigureSources::Map &sources,
                                          const ExportRequest &request, QString *error,
                                          const Progress &progress = {}, QString *notice = nullptr);
    // Device pixels per unit a PNG is rendered at, and the dpi written into it.
    [[nodiscard]] static double pixelScale(const ExportRequest &request);
    [[nodiscard]] static int pngDpi(const ExportRequest &request);

    // The format a request resolves to ("png", "svg", "pdf" or the extension), or nullopt.
    [[nodiscard]] static std::optional<ExportRequest::Format> formatFromName(QStringView name);
    [[nodiscard]] static std::optional<ExportRequest::Format> formatOf(const ExportRequest &r);
    [[nodiscard]] static QString formatName(ExportRequest::Format format); // "png", ...
    // "1920x1080" (also "1920×1080"), "slide", "a4", "a4-portrait", "letter",
    // "letter-portrait"; on failure nullopt and a reason naming the accepted forms.
    [[nodiscard]] static bool parseSize(QStringView text, ExportRequest &request,
                                        QString *reason = nullptr);
    [[nodiscard]] static QString presetName(ExportRequest::Preset preset);
    // The figure size in units for a preset (Custom: `pixels`).
    [[nodiscard]] static QSizeF figureSize(const ExportRequest &request);
    // The figure a request would export (same code as exportImage), for previews.
    [[nodiscard]] static std::shared_ptr<const TimelineFigure>
    compose(const TimelineData &data, const FigureSources::Map &sources,
            const ExportRequest &request, QString *error = nullptr);
    // Renders page `page` of a figure into an image `scale` device pixels per unit.
    [[nodiscard]] static QImage render(const TimelineFigure &figure, double scale, int page = 0);
};
