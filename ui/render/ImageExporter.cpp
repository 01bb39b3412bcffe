#include "ui/render/ImageExporter.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Characters XML 1.0 does not allow anywhere, even escaped: C0 controls other than tab,
// line feed and carriage return, and U+FFFE / U+FFFF. A title may hold them; the SVG may not.
QByteArray withoutXmlForbiddenCharacters(const QByteArray &utf8) {
    QByteArray out;
    out.reserve(utf8.size());
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8.at(i));
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            continue;
        if (c == 0xEF && i + 2 < utf8.size() &&
            static_cast<unsigned char>(utf8.at(i + 1)) == 0xBF &&
            (static_cast<unsigned char>(utf8.at(i + 2)) == 0xBE ||
             static_cast<unsigned char>(utf8.at(i + 2)) == 0xBF)) {
            i += 2;
            continue;
        }
        out += char(c);
    }
    return out;
}

// Text for an element QSvgGenerator writes without escaping (<title>, <desc>).
QString xmlText(const QString &text) {
    return text.toHtmlEscaped();
}

} // namespace

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("ImageExporter", text);
}

constexpr double UnitsPerMm = 96.0 / 25.4;
constexpr double UnitsPerInch = 96.0;
constexpr int PdfResolution = 1200; // QPdfWriter's coordinates; the output is vector anyway

const QString sizeForms = u"WxH, slide, a4, a4-portrait, letter or letter-portrait"_s;

bool isPdfPage(ExportRequest::Preset preset) {
    return preset != ExportRequest::Preset::Custom && preset != ExportRequest::Preset::Slide;
}

} // namespace

std::optional<ExportRequest::Format> ImageExporter::formatFromName(QStringView name) {
    if (name.compare(u"png", Qt::CaseInsensitive) == 0)
        return ExportRequest::Format::Png;
    if (name.compare(u"svg", Qt::CaseInsensitive) == 0)
        return ExportRequest::Format::Svg;
    if (name.compare(u"pdf", Qt::CaseInsensitive) == 0)
        return ExportRequest::Format::Pdf;
    return std::nullopt;
}

std::optional<ExportRequest::Format> ImageExporter::formatOf(const ExportRequest &r) {
    if (r.format != ExportRequest::Format::FromExtension)
        return r.format;
    return formatFromName(QFileInfo(r.path).suffix());
}

QString ImageExporter::formatName(ExportRequest::Format format) {
    switch (format) {
    case ExportRequest::Format::Png:
        return u"png"_s;
    case ExportRequest::Format::Svg:
        return u"svg"_s;
    case ExportRequest::Format::Pdf:
        return u"pdf"_s;
    case ExportRequest::Format::FromExtension:
        break;
    }
    return {};
}

QString ImageExporter::presetName(ExportRequest::Preset preset) {
    switch (preset) {
    case ExportRequest::Preset::Custom:
        return u"custom"_s;
    case ExportRequest::Preset::Slide:
        return u"slide"_s;
    case ExportRequest::Preset::A4Landscape:
        return u"a4"_s;
    case ExportRequest::Preset::A4Portrait:
        return u"a4-portrait"_s;
    case ExportRequest::Preset::LetterLandscape:
        return u"letter"_s;
    case ExportRequest::Preset::LetterPortrait:
        return u"letter-portrait"_s;
    }
    return {};
}

bool ImageExporter::parseSize(QStringView text, ExportRequest &request, QString *reason) {
    const QString t = text.trimmed().toString().toLower();
    for (ExportRequest::Preset preset :
         {ExportRequest::Preset::Slide, ExportRequest::Preset::A4Landscape,
          ExportRequest::Preset::A4Portrait, ExportRequest::Preset::LetterLandscape,
          ExportRequest::Preset::LetterPortrait}) {
        if (t == presetName(preset)) {
            request.preset = preset;
            return true;
        }
    }
    if (t == u"a4-landscape"_s || t == u"letter-landscape"_s) {
        request.preset = t.startsWith(u'a') ? ExportRequest::Preset::A4Landscape
                                            : ExportRequest::Preset::LetterLandscape;
        return true;
    }
    static const QRegularExpression wxh(u"^(\\d{1,5})\\s*[x\u00d7]\\s*(\\d{1,5})$"_s);
    const QRegularExpressionMatch m = wxh.match(t);
    if (m.hasMatch()) {
        const int w = m.captured(1).toInt();
        const int h = m.captured(2).toInt();
        if (w >= 320 && h >= 240 && w <= 20000 && h <= 20000) {
            request.preset = ExportRequest::Preset::Custom;
            request.pixels = QSize(w, h);
            return true;
        }
        if (reason)
            *reason = tr("the size '%1' is outside 320x240 .. 20000x20000").arg(text);
        return false;
    }
    if (reason)
        *reason = tr("the size '%1' is not %2").arg(text, sizeForms);
    return false;
}

QSizeF ImageExporter::figureSize(const ExportRequest &request) {
    switch (request.preset) {
    case ExportRequest::Preset::Custom:
        return QSizeF(request.pixels);
    case ExportRequest::Preset::Slide:
        return QSizeF(1920, 1080);
    case ExportRequest::Preset::A4Landscape:
        return QSizeF(297 * UnitsPerMm, 210 * UnitsPerMm);
    case ExportRequest::Preset::A4Portrait:
        return QSizeF(210 * UnitsPerMm, 297 * UnitsPerMm);
    case ExportRequest::Preset::LetterLandscape:
        return QSizeF(11 * UnitsPerInch, 8.5 * UnitsPerInch);
    case ExportRequest::Preset::LetterPortrait:
        return QSizeF(8.5 * UnitsPerInch, 11 * UnitsPerInch);
    }
    return QSizeF(1920, 1080);
}

std::shared_ptr<const TimelineFigure> ImageExporter::compose(const TimelineData &data,
                                                             const FigureSources::Map &sources,
                                                             const ExportRequest &request,
                                                             QString *error) {
    FigureOptions options = request.figure;
    ExportRequest sized = request;
    if (!request.sizeText.isEmpty() && !parseSize(request.sizeText, sized, error))
        return nullptr;
    options.size = figureSize(sized);
    if (sized.preset == ExportRequest::Preset::Slide)
        options.printScale = 1.5;
    options.paginate = formatOf(request) == ExportRequest::Format::Pdf;
    return TimelineFigure::compose(data, sources, options, error);
}

QImage ImageExporter::render(const TimelineFigure &figure, double scale, int page) {
    const QSizeF size = figure.pageSize() * scale;
    // Every theme's page is opaque: no alpha channel to blend into or to encode.
    QImage image(QSize(int(std::ceil(size.width())), int(std::ceil(size.height()))),
                 QImage::Format_RGB32);
    image.fill(figure.theme().background);
    QPainter painter(&image);
    painter.scale(scale, scale);
    figure.paint(painter, page);
    painter.end();
    return image;
}

double ImageExporter::pixelScale(const ExportRequest &request) {
    if (request.dpi > 0)
        return double(request.dpi) / UnitsPerInch;
    if (request.scale > 0)
        return request.scale;
    return isPdfPage(request.preset) ? 300.0 / UnitsPerInch : 2.0;
}

int ImageExporter::pngDpi(const ExportRequest &request) {
    return request.dpi > 0 ? request.dpi : int(std::lround(UnitsPerInch * pixelScale(request)));
}

namespace {

// The figure's links as SVG <a> elements over their text (QSvgGenerator writes none), put
// just before the end of the document.
QByteArray withSvgLinks(QByteArray svg, const TimelineFigure &figure) {
    const QList<TimelineFigure::Link> links = figure.links(0);
    if (links.isEmpty())
        return svg;
    QByteArray anchors = "<g id=\"links\">\n";
    for (const TimelineFigure::Link &link : links) {
        const QRectF r = link.rect;
        anchors += "<a xlink:href=\"" + link.href.toHtmlEscaped().toUtf8() + "\"><rect x=\"" +
                   QByteArray::number(r.x(), 'f', 2) + "\" y=\"" +
                   QByteArray::number(r.y(), 'f', 2) + "\" width=\"" +
                   QByteArray::number(r.width(), 'f', 2) + "\" height=\"" +
                   QByteArray::number(r.height(), 'f', 2) +
                   "\" fill=\"none\" pointer-events=\"all\"/></a>\n";
    }
    anchors += "</g>\n";
    const qsizetype end = svg.lastIndexOf("</svg>");
    if (end < 0)
        return svg;
    svg.insert(end, anchors);
    return svg;
}

// The provenance record as the SVG's first child, where <metadata> belongs.
QByteArray withSvgMetadata(QByteArray svg, const QByteArray &metadata) {
    const qsizetype open = svg.indexOf("<svg");
    const qsizetype end = open < 0 ? -1 : svg.indexOf('>', open);
    if (end < 0)
        return svg;
    svg.insert(end + 1, "\n" + metadata);
    return svg;
}

} // namespace

bool ImageExporter::exportImage(const TimelineData &data, const FigureSources::Map &sources,
                                const ExportRequest &original, QString *error,
                                const Progress &progress, QString *notice) {
    ExportRequest request = original;
    const QString path = request.path;
    const auto fail = [&](const QString &message) {
        if (error)
            *error = path + u": "_s + message;
        return false;
    };
    const auto step = [&](int percent) {
        return !progress || progress(percent);
    };

    const auto format = formatOf(request);
    if (!format) {
        const QString suffix = QFileInfo(path).suffix();
        if (request.format == ExportRequest::Format::FromExtension && suffix.isEmpty())
            return fail(tr("cannot tell the image format without an extension "
                           "(use .png, .svg or .pdf)"));
        return fail(tr("unknown image format '%1' (use png, svg or pdf)").arg(suffix));
    }
    if (!request.sizeText.isEmpty()) {
        QString reason;
        if (!parseSize(request.sizeText, request, &reason))
            return fail(reason);
    }
    if (request.scale < 0 || request.scale > 4)
        return fail(tr("the scale %1 is not between 1 and 4").arg(request.scale));
    if (request.dpi != 0 && (request.dpi < 72 || request.dpi > 1200))
        return fail(tr("the resolution %1 dpi is not between 72 and 1200").arg(request.dpi));
    const QFileInfo info(path);
    if (info.fileName().isEmpty())
        return fail(tr("no file name"));
    if (!QFileInfo(info.absolutePath()).isDir())
        return fail(tr("the folder %1 does not exist").arg(info.absolutePath()));
    if (info.isDir())
        return fail(tr("is a folder"));
    if (!step(2))
        return fail(tr("export cancelled"));

    QString reason;
    const auto figure = compose(data, sources, request, &reason);
    if (!figure)
        return fail(reason);
    if (notice) {
        QStringList said;
        if (!figure->foldedSummary().isEmpty())
            said << figure->foldedSummary();
        const QSizeF asked = figureSize(request);
        if (*format != ExportRequest::Format::Pdf &&
            figure->pageSize().height() > asked.height() + 0.5)
            said << tr("%1 units tall instead of %2, to keep every source note (a PDF keeps the "
                       "page size and continues the notes on further pages)")
                        .arg(std::ceil(figure->pageSize().height()))
                        .arg(std::ceil(asked.height()));
        *notice = said.isEmpty() ? QString() : path + u": "_s + said.join(u"; "_s);
    }
    if (!step(30))
        return fail(tr("export cancelled"));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("cannot write: %1").arg(file.errorString()));
    const QString title = request.figure.title.isEmpty() ? tr("ChipTimeline figure")
                                                         : request.figure.title.simplified();
    const QSizeF units = figure->pageSize();
    std::optional<FigureProvenance> record = request.provenance;
    if (record) {
        record->program = FigureProvenance::currentProgram();
        record->madeAt = QDateTime::currentDateTimeUtc();
        record->events = data.size();
        record->sources = FigureProvenance::distinctSources(sources);
        record->digest = FigureProvenance::digestOf(data, sources);
        record->describe(request);
    }
    bool cancelled = false;
    switch (*format) {
    case ExportRequest::Format::Png: {
        QImage image = render(*figure, pixelScale(request));
        if (!step(80)) {
            cancelled = true;
            break;
        }
        const int dpi = pngDpi(request);
        const int dotsPerMeter = int(std::lround(dpi / 0.0254));
        image.setDotsPerMeterX(dotsPerMeter);
        image.setDotsPerMeterY(dotsPerMeter);
        image.setText(u"Title"_s, title);
        image.setText(u"Software"_s, u"ChipTimeline"_s);
        image.setText(u"Description"_s, figure->attribution());
        QBuffer png;
        png.open(QIODevice::WriteOnly);
        QImageWriter writer(&png, "png");
        // zlib level 1 (Qt maps PNG quality 80 to it): flat colours compress nearly as well as
        // at the default level, several times faster.
        writer.setQuality(80);
        if (!writer.write(image)) {
            file.cancelWriting();
            return fail(tr("cannot write: %1").arg(writer.errorString()));
        }
        if (file.write(record ? record->withPngChunk(png.data()) : png.data()) < 0) {
            file.cancelWriting();
            return fail(tr("cannot write: %1").arg(file.errorString()));
        }
        break;
    }
    case ExportRequest::Format::Svg: {
        // Drawn into memory first: QSvgGenerator writes the title and description as they
        // are and passes control characters through, so the XML is made safe before it goes
        // to the file.
        QBuffer svg;
        svg.open(QIODevice::WriteOnly);
        QSvgGenerator generator;
        generator.setOutputDevice(&svg);
        generator.setSize(QSize(int(std::ceil(units.width())), int(std::ceil(units.height()))));
        generator.setViewBox(QRectF(QPointF(0, 0), units));
        generator.setResolution(96);
        generator.setTitle(xmlText(title));
        generator.setDescription(xmlText(figure->attribution()));
        QPainter painter;
        if (!painter.begin(&generator)) {
            file.cancelWriting();
            return fail(tr("cannot write: %1").arg(file.errorString()));
        }
        figure->paint(painter, 0);
        painter.end();
        QByteArray text = withSvgLinks(withoutXmlForbiddenCharacters(svg.data()), *figure);
        if (record)
            text = withSvgMetadata(std::move(text), record->svgMetadata());
        if (file.write(text) < 0) {
            file.cancelWriting();
            return fail(tr("cannot write: %1").arg(file.errorString()));
        }
        break;
    }
    case ExportRequest::Format::Pdf: {
        QPdfWriter writer(&file);
        writer.setResolution(PdfResolution);
        writer.setTitle(title);
        writer.setCreator(record ? record->program : u"ChipTimeline"_s);
        if (record)
            writer.setDocumentXmpMetadata(record->xmpPacket(title));
        const QSizeF asked = figureSize(request);
        QPageLayout pageLayout;
        if (isPdfPage(request.preset) && units == asked) {
            const bool a4 = request.preset == ExportRequest::Preset::A4Landscape ||
                            request.preset == ExportRequest::Preset::A4Portrait;
            const bool portrait = request.preset == ExportRequest::Preset::A4Portrait ||
                                  request.preset == ExportRequest::Preset::LetterPortrait;
            pageLayout = QPageLayout(QPageSize(a4 ? QPageSize::A4 : QPageSize::Letter),
                                     portrait ? QPageLayout::Portrait : QPageLayout::Landscape,
                                     QMarginsF(0, 0, 0, 0));
        } else {
            // A page of the figure's own size (points: 72 per inch, units: 96).
            pageLayout = QPageLayout(
                QPageSize(units * 72.0 / 96.0, QPageSize::Point, QString(), QPageSize::ExactMatch),
                QPageLayout::Portrait, QMarginsF(0, 0, 0, 0));
        }
        writer.setPageLayout(pageLayout);
        QPainter painter;
        if (!painter.begin(&writer)) {
            file.cancelWriting();
            return fail(tr("cannot write: %1").arg(file.errorString()));
        }
        const double toDevice = double(PdfResolution) / 96.0;
        for (int page = 0; page < figure->pageCount(); ++page) {
            if (page > 0)
                writer.newPage();
            painter.save();
            painter.scale(toDevice, toDevice);
            figure->paint(painter, page);
            painter.restore();
            if (!step(30 + 60 * (page + 1) / figure->pageCount())) {
                cancelled = true;
                break;
            }
        }
        painter.end();
        break;
    }
    case ExportRequest::Format::FromExtension:
        break;
    }
    if (cancelled || !step(95)) {
        file.cancelWriting();
        return fail(tr("export cancelled"));
    }
    if (!file.commit())
        return fail(tr("cannot write: %1").arg(file.errorString()));
    step(100);
    return true;
}
