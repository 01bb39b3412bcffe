#include "ui/render/FigureProvenance.h"

#include "model/PartialDate.h"
#include "ui/render/FigureLanguage.h"
#include "ui/render/FigureOptionNames.h"
#include "ui/render/ImageExporter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QXmlStreamReader>

#include <array>

#ifndef CHIPTIMELINE_VERSION
#error "CHIPTIMELINE_VERSION is set by ui/render/CMakeLists.txt"
#endif

using namespace Qt::StringLiterals;

namespace {

const QString RecordNamespace = u"urn:chiptimeline:provenance:1"_s;

// One field of the digest: its length first, so that no two different inputs run together.
void addBytes(QCryptographicHash &hash, QByteArrayView bytes) {
    const quint32 size = quint32(bytes.size());
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(&size), sizeof size));
    hash.addData(bytes);
}

void addField(QCryptographicHash &hash, const QString &text) {
    const QByteArray utf8 = text.toUtf8();
    addBytes(hash, utf8);
}

void addNumber(QCryptographicHash &hash, qint64 value) {
    addBytes(hash, QByteArray::number(value));
}

// The text between the first <tag …> and </tag> of an XML document, unescaped; used for SVG
// and the PDF's XMP packet, both written by exportImage.
std::optional<QString> elementText(const QByteArray &xml, const QString &localName,
                                   QString *xmlError) {
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == localName &&
            reader.namespaceUri() == RecordNamespace)
            return reader.readElementText();
    }
    if (reader.hasError() && xmlError)
        *xmlError = reader.errorString();
    return std::nullopt;
}

// CRC-32 of PNG chunks (ISO 3309, as in the PNG specification's sample code).
quint32 pngCrc(QByteArrayView bytes) {
    static const auto table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 crc = 0xffffffffu;
    for (const char byte : bytes)
        crc = table[(crc ^ quint8(byte)) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

void appendBigEndian(QByteArray &bytes, quint32 value) {
    for (int shift = 24; shift >= 0; shift -= 8)
        bytes.append(char((value >> shift) & 0xff));
}

} // namespace

QString FigureProvenance::currentProgram() {
    return u"ChipTimeline "_s + QString::fromLatin1(CHIPTIMELINE_VERSION);
}

void FigureProvenance::describe(const ExportRequest &request) {
    const auto resolved = ImageExporter::formatOf(request);
    format = resolved ? ImageExporter::formatName(*resolved) : QString();
    language = FigureLanguage::codeOf(request.figure.language);
    ExportRequest sized = request;
    if (!request.sizeText.isEmpty())
        (void)ImageExporter::parseSize(request.sizeText, sized);
    size = sized.preset == ExportRequest::Preset::Custom
               ? u"%1x%2"_s.arg(sized.pixels.width()).arg(sized.pixels.height())
               : ImageExporter::presetName(sized.preset);
    scale = request.scale;
    dpi = request.dpi;
    const FigureOptions &figure = request.figure;
    theme = FigureOptionNames::theme(figure.theme);
    lanes = FigureOptionNames::lanes(figure.lanes);
    notes = FigureOptionNames::noteStyle(figure.noteStyle);
    dateLabels = figure.dateLabels;
    footer = figure.footer;
    title = figure.title;
    subtitle = figure.subtitle;
    chain = figure.chain;
    from = figure.from ? figure.from->toIsoString() : QString();
    to = figure.to ? figure.to->toIsoString() : QString();
    exportDate = figure.exportDate;
    asOf = figure.asOfRevision > 0;
}

std::optional<ExportRequest> FigureProvenance::toRequest(const QString &path,
                                                         QString *reason) const {
    const auto fail = [&](const QString &why) -> std::optional<ExportRequest> {
        if (reason)
            *reason = why;
        return std::nullopt;
    };
    ExportRequest request;
    request.path = path;
    if (!ImageExporter::formatOf(request)) {
        const auto recorded = ImageExporter::formatFromName(format);
        if (!recorded)
            return fail(u"unknown format '%1'"_s.arg(format));
        request.format = *recorded;
    }
    QString sizeReason;
    if (!ImageExporter::parseSize(size, request, &sizeReason))
        return fail(u"size: "_s + sizeReason);
    if (scale < 0 || scale > 4)
        return fail(u"scale %1 is not 0 to 4"_s.arg(scale));
    if (dpi != 0 && (dpi < 72 || dpi > 1200))
        return fail(u"dpi %1 is not 72 to 1200"_s.arg(dpi));
    request.scale = scale;
    request.dpi = dpi;
    FigureOptions &figure = request.figure;
    const auto themeValue = TimelineTheme::fromName(theme);
    if (!themeValue)
        return fail(u"unknown theme '%1'"_s.arg(theme));
    figure.theme = themeValue->kind;
    const auto lanesValue = FigureOptionNames::lanesFromName(lanes);
    if (!lanesValue)
        return fail(u"unknown lanes '%1'"_s.arg(lanes));
    figure.lanes = *lanesValue;
    const auto notesValue = FigureOptionNames::noteStyleFromName(notes);
    if (!notesValue)
        return fail(u"unknown notes '%1'"_s.arg(notes));
    figure.noteStyle = *notesValue;
    figure.dateLabels = dateLabels;
    figure.footer = footer;
    figure.title = title;
    figure.subtitle = subtitle;
    figure.chain = chain;
    if (!from.isEmpty()) {
        figure.from = PartialDate::parseIso(from);
        if (!figure.from || !figure.from->isValid())
            return fail(u"'from' is not a date: %1"_s.arg(from));
    }
    if (!to.isEmpty()) {
        figure.to = PartialDate::parseIso(to);
        if (!figure.to || !figure.to->isValid())
            return fail(u"'to' is not a date: %1"_s.arg(to));
    }
    if (language != u"en"_s && language != u"de"_s)
        return fail(u"unknown language '%1'"_s.arg(language));
    figure.language = language;
    figure.exportDate = exportDate;
    figure.asOfRevision = asOf ? revision : 0;
    return request;
}

QString FigureProvenance::digestOf(const TimelineData &data, const FigureSources::Map &sources) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addNumber(hash, data.size());
    for (qsizetype i = 0; i < data.size(); ++i) {
        addNumber(hash, data.firstDay(i));
        addNumber(hash, data.lastDay(i));
        addNumber(hash, qint64(data.precision(i)));
        addNumber(hash, qint64(data.status(i)));
        addNumber(hash, data.importance(i));
        addNumber(hash, data.flags(i));
        addBytes(hash, data.titleUtf8(i));
        const int category = data.category(i);
        addField(hash, category >= 0 ? data.categories().at(category).name : QString());
        for (const quint32 actor : data.actors(i))
            addField(hash, data.actorNames().at(actor));
        addField(hash, u"|"_s);
        for (const quint32 chip : data.chips(i))
            addField(hash, data.chipNames().at(chip));
        const QList<FigureSource> cited = sources.value(data.id(i));
        addNumber(hash, cited.size());
        for (const FigureSource &source : cited) {
            addField(hash, source.outlet);
            addField(hash, source.title);
            addField(hash, source.published.toIsoString());
            addField(hash, source.url);
            addField(hash, source.doi);
        }
    }
    return u"sha256:"_s + QString::fromLatin1(hash.result().toHex());
}

qsizetype FigureProvenance::distinctSources(const FigureSources::Map &sources) {
    QSet<qint64> ids;
    for (const QList<FigureSource> &list : sources)
        for (const FigureSource &source : list)
            ids.insert(source.id);
    return ids.size();
}

QByteArray FigureProvenance::toJson() const {
    // QJsonObject sorts its keys: the text is the same for the same record.
    QJsonObject request{{u"format"_s, format},
                        {u"size"_s, size},
                        {u"scale"_s, scale},
                        {u"dpi"_s, dpi},
                        {u"theme"_s, theme},
                        {u"lanes"_s, lanes},
                        {u"notes"_s, notes},
                        {u"dateLabels"_s, dateLabels},
                        {u"footer"_s, footer},
                        {u"title"_s, title},
                        {u"subtitle"_s, subtitle},
                        {u"chain"_s, chain},
                        {u"from"_s, from},
                        {u"to"_s, to},
                        {u"exportDate"_s, exportDate.toString(Qt::ISODate)}};
    if (asOf) // only then: records without it read as before
        request.insert(u"asOf"_s, true);
    QJsonObject record{
        {u"record"_s, u"chiptimeline-figure"_s},
        {u"version"_s, RecordVersion},
        {u"program"_s, program},
        {u"madeAt"_s, madeAt.toUTC().toString(Qt::ISODate)},
        {u"database"_s, database},
        {u"filter"_s, filter},
        {u"language"_s, language},
        {u"events"_s, qint64(events)},
        {u"sources"_s, qint64(sources)},
        {u"digest"_s, digest},
        {u"request"_s, request},
    };
    if (revision > 0)
        record.insert(u"revision"_s, revision);
    return QJsonDocument(record).toJson(QJsonDocument::Compact);
}

std::optional<FigureProvenance> FigureProvenance::fromJson(const QByteArray &json,
                                                           QString *reason) {
    const auto fail = [&](const QString &why) -> std::optional<FigureProvenance> {
        if (reason)
            *reason = why;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(
            u"not JSON at offset %1: %2"_s.arg(parseError.offset).arg(parseError.errorString()));
    const QJsonObject record = document.object();
    if (record.value(u"record"_s).toString() != u"chiptimeline-figure"_s)
        return fail(u"not a ChipTimeline figure record"_s);
    const int version = record.value(u"version"_s).toInt(-1);
    if (version != RecordVersion)
        return fail(
            u"record version %1 is not %2 (made by a newer ChipTimeline?)"_s.arg(version).arg(
                RecordVersion));
    const auto text = [&](const QJsonObject &object, const QString &key, QString &into) {
        const QJsonValue value = object.value(key);
        if (!value.isString())
            return false;
        into = value.toString();
        return true;
    };
    FigureProvenance p;
    const QJsonObject request = record.value(u"request"_s).toObject();
    for (const auto &[object, key, field] : {std::tuple{&record, u"program"_s, &p.program},
                                             {&record, u"database"_s, &p.database},
                                             {&record, u"filter"_s, &p.filter},
                                             {&record, u"language"_s, &p.language},
                                             {&record, u"digest"_s, &p.digest},
                                             {&request, u"format"_s, &p.format},
                                             {&request, u"size"_s, &p.size},
                                             {&request, u"theme"_s, &p.theme},
                                             {&request, u"lanes"_s, &p.lanes},
                                             {&request, u"notes"_s, &p.notes},
                                             {&request, u"title"_s, &p.title},
                                             {&request, u"subtitle"_s, &p.subtitle},
                                             {&request, u"from"_s, &p.from},
                                             {&request, u"to"_s, &p.to}}) {
        if (!text(*object, key, *field))
            return fail(u"the field '%1' is missing or not text"_s.arg(key));
    }
    // Records made before chains existed have none.
    if (const QJsonValue chain = request.value(u"chain"_s); !chain.isUndefined()) {
        if (!chain.isString())
            return fail(u"the field 'chain' is not text"_s);
        p.chain = chain.toString();
    }
    for (const auto &[key, field] : {std::pair{u"scale"_s, &p.scale}, {u"dpi"_s, &p.dpi}}) {
        const QJsonValue value = request.value(key);
        if (!value.isDouble() || value.toDouble() != double(value.toInt()))
            return fail(u"the field '%1' is missing or not a whole number"_s.arg(key));
        *field = value.toInt();
    }
    for (const auto &[key, field] :
         {std::pair{u"events"_s, &p.events}, {u"sources"_s, &p.sources}}) {
        const QJsonValue value = record.value(key);
        if (!value.isDouble() || value.toDouble() < 0)
            return fail(u"the field '%1' is missing or not a count"_s.arg(key));
        *field = qsizetype(value.toInteger());
    }
    for (const auto &[key, field] :
         {std::pair{u"dateLabels"_s, &p.dateLabels}, {u"footer"_s, &p.footer}}) {
        const QJsonValue value = request.value(key);
        if (!value.isBool())
            return fail(u"the field '%1' is missing or not true/false"_s.arg(key));
        *field = value.toBool();
    }
    // Records made before the history existed name no revision: reproduced from the data now.
    if (const QJsonValue revision = record.value(u"revision"_s); !revision.isUndefined()) {
        if (!revision.isDouble() || revision.toDouble() != double(revision.toInteger()) ||
            revision.toInteger() < 1)
            return fail(u"the field 'revision' is not a revision number"_s);
        p.revision = revision.toInteger();
    }
    p.madeAt = QDateTime::fromString(record.value(u"madeAt"_s).toString(), Qt::ISODate);
    if (!p.madeAt.isValid())
        return fail(u"the field 'madeAt' is not a date and time"_s);
    if (const QJsonValue asOf = request.value(u"asOf"_s); !asOf.isUndefined()) {
        if (!asOf.isBool() || (asOf.toBool() && p.revision == 0))
            return fail(u"the field 'asOf' is not true/false with a revision"_s);
        p.asOf = asOf.toBool();
    }
    const QString exportDate = request.value(u"exportDate"_s).toString();
    p.exportDate = QDate::fromString(exportDate, Qt::ISODate);
    if (!exportDate.isEmpty() && !p.exportDate.isValid())
        return fail(u"the field 'exportDate' is not a date: %1"_s.arg(exportDate));
    return p;
}

std::optional<FigureProvenance> FigureProvenance::readFromFile(const QString &path,
                                                               QString *error) {
    const auto fail = [&](const QString &why) -> std::optional<FigureProvenance> {
        if (error)
            *error = path + u": "_s + why;
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"cannot read: "_s + file.errorString());
    const QByteArray head = file.peek(8);
    QByteArray json;
    QString xmlError;
    if (head.startsWith("\x89PNG\r\n\x1a\n")) {
        QImageReader reader(&file, "png");
        json = reader.text(QString::fromLatin1(PngKey)).toUtf8();
    } else if (head.startsWith("%PDF-")) {
        // The XMP packet is an uncompressed stream (QPdfWriter writes it so, as XMP readers
        // expect): found by its start and end markers.
        const QByteArray bytes = file.readAll();
        const qsizetype start = bytes.indexOf("<x:xmpmeta");
        const qsizetype end = bytes.indexOf("</x:xmpmeta>", start);
        if (start >= 0 && end > start)
            json = elementText(bytes.mid(start, end + 12 - start), u"provenance"_s, &xmlError)
                       .value_or(QString())
                       .toUtf8();
    } else {
        const QByteArray bytes = file.readAll();
        if (!bytes.contains("<svg"))
            return fail(u"not a PNG, SVG or PDF figure"_s);
        json = elementText(bytes, u"provenance"_s, &xmlError).value_or(QString()).toUtf8();
    }
    if (json.isEmpty())
        return fail(xmlError.isEmpty()
                        ? u"has no ChipTimeline provenance record (only figures exported by "
                          "ChipTimeline 0.1.0 or later carry one)"_s
                        : u"the metadata cannot be read: "_s + xmlError);
    QString reason;
    auto record = fromJson(json, &reason);
    if (!record)
        return fail(u"the provenance record is damaged: "_s + reason);
    return record;
}

QByteArray FigureProvenance::svgMetadata() const {
    return "<metadata><ct:provenance xmlns:ct=\"" + RecordNamespace.toUtf8() + "\">" +
           QString::fromUtf8(toJson()).toHtmlEscaped().toUtf8() + "</ct:provenance></metadata>";
}

QByteArray FigureProvenance::withPngChunk(QByteArray png) const {
    // iTXt: keyword, NUL, compression flag 1, method 0 (zlib), language tag "", NUL,
    // translated keyword "", NUL, the zlib stream (qCompress's, without its 4-byte length).
    QByteArray chunk =
        QByteArray("iTXt") + PngKey + QByteArray("\0\1\0\0\0", 5) + qCompress(toJson(), 9).mid(4);
    QByteArray framed;
    appendBigEndian(framed, quint32(chunk.size() - 4));
    framed += chunk;
    appendBigEndian(framed, pngCrc(chunk));
    // Before the image data, where readers that stop at IDAT (QImageReader::text) find it.
    qsizetype at = 8;
    while (at + 8 <= png.size()) {
        if (png.mid(at + 4, 4) == "IDAT") {
            png.insert(at, framed);
            return png;
        }
        const quint32 length = (quint32(quint8(png[at])) << 24) |
                               (quint32(quint8(png[at + 1])) << 16) |
                               (quint32(quint8(png[at + 2])) << 8) | quint32(quint8(png[at + 3]));
        at += 12 + qsizetype(length);
    }
    return png;
}

QByteArray FigureProvenance::xmpPacket(const QString &documentTitle) const {
    const QByteArray escapedTitle = documentTitle.toHtmlEscaped().toUtf8();
    return "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
           "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
           "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
           "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:ct=\"" +
           RecordNamespace.toUtf8() +
           "\">\n"
           "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
           escapedTitle +
           "</rdf:li></rdf:Alt></dc:title>\n"
           "<xmp:CreatorTool>" +
           program.toHtmlEscaped().toUtf8() +
           "</xmp:CreatorTool>\n"
           "<xmp:CreateDate>" +
           madeAt.toUTC().toString(Qt::ISODate).toUtf8() +
           "</xmp:CreateDate>\n"
           "<ct:provenance>" +
           QString::fromUtf8(toJson()).toHtmlEscaped().toUtf8() +
           "</ct:provenance>\n"
           "</rdf:Description>\n"
           "</rdf:RDF>\n"
           "</x:xmpmeta>\n"
           "<?xpacket end=\"w\"?>";
}
