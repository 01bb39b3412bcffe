#include "model/formats/SourceFormat.h"

#include "model/formats/ArticleTextFormat.h"
#include "model/formats/BibTexFormat.h"
#include "model/formats/ClassicBibTexWriter.h"
#include "model/formats/CslJsonFormat.h"
#include "model/formats/RisFormat.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

QString SourceFormat::name(SourceFileFormat format) {
    switch (format) {
    case SourceFileFormat::Auto:
        return u"auto"_s;
    case SourceFileFormat::CslJson:
        return u"csl-json"_s;
    case SourceFileFormat::Ris:
        return u"ris"_s;
    case SourceFileFormat::BibTex:
        return u"bibtex"_s;
    case SourceFileFormat::BibLaTex:
        return u"biblatex"_s;
    case SourceFileFormat::ArticleText:
        return u"article"_s;
    }
    return {};
}

std::optional<SourceFileFormat> SourceFormat::fromName(QStringView name) {
    const QString n = name.trimmed().toString().toLower();
    if (n == u"auto"_s)
        return SourceFileFormat::Auto;
    if (n == u"csl-json"_s || n == u"csljson"_s || n == u"csl"_s)
        return SourceFileFormat::CslJson;
    if (n == u"ris"_s)
        return SourceFileFormat::Ris;
    if (n == u"bibtex"_s || n == u"bib"_s)
        return SourceFileFormat::BibTex;
    if (n == u"biblatex"_s)
        return SourceFileFormat::BibLaTex;
    if (n == u"article"_s || n == u"text"_s || n == u"txt"_s)
        return SourceFileFormat::ArticleText;
    return std::nullopt;
}

QString SourceFormat::fileExtension(SourceFileFormat format) {
    switch (format) {
    case SourceFileFormat::CslJson:
        return u"json"_s;
    case SourceFileFormat::Ris:
        return u"ris"_s;
    case SourceFileFormat::BibTex:
    case SourceFileFormat::BibLaTex:
        return u"bib"_s;
    case SourceFileFormat::ArticleText:
        return u"txt"_s;
    case SourceFileFormat::Auto:
        break;
    }
    return {};
}

std::optional<SourceFileFormat> SourceFormat::detect(const QString &fileName,
                                                     const QByteArray &content) {
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == u"ris"_s)
        return SourceFileFormat::Ris;
    if (suffix == u"bib"_s || suffix == u"bibtex"_s || suffix == u"biblatex"_s)
        return SourceFileFormat::BibTex;

    const QByteArray head = content.left(64 * 1024);
    const std::optional<QStringConverter::Encoding> encoding =
        QStringConverter::encodingForData(head);
    QStringDecoder decoder(encoding.value_or(QStringConverter::Utf8));
    const QString text = decoder.decode(head);
    const QString start = text.trimmed().left(4096);

    static const QRegularExpression cslKey(
        u"\"(type|title|container-title|author|issued|URL|DOI)\"\\s*:"_s);
    const bool cslArray = start.startsWith(u'[') && cslKey.match(start).hasMatch();
    if (suffix == u"json"_s || suffix == u"csljson"_s) {
        if (cslArray || start.isEmpty() || start == u"[]"_s)
            return SourceFileFormat::CslJson;
        return std::nullopt;
    }
    if (cslArray)
        return SourceFileFormat::CslJson;
    static const QRegularExpression risLine(u"(^|\\n)\\s*TY  - "_s);
    if (risLine.match(text).hasMatch())
        return SourceFileFormat::Ris;
    static const QRegularExpression bibEntry(u"(^|\\n)[ \\t]*@[A-Za-z]+\\s*[{(]"_s);
    if (bibEntry.match(text).hasMatch())
        return SourceFileFormat::BibTex;
    return SourceFileFormat::ArticleText;
}

std::optional<QList<Source>> SourceFormat::readSources(const QString &path, SourceFileFormat format,
                                                       InputError *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = InputError{};
            error->file = path;
            error->message = u"cannot open: %1"_s.arg(file.errorString());
        }
        return std::nullopt;
    }
    return readSources(file.readAll(), path, format, error);
}

std::optional<QList<Source>> SourceFormat::readSources(const QByteArray &data,
                                                       const QString &fileName,
                                                       SourceFileFormat format, InputError *error) {
    if (format == SourceFileFormat::Auto) {
        const std::optional<SourceFileFormat> detected = detect(fileName, data);
        if (!detected) {
            if (error) {
                *error = InputError{};
                error->file = fileName;
                error->message =
                    u"not a source file this program reads (CSL-JSON, RIS, BibTeX or article "
                    "text)"_s;
            }
            return std::nullopt;
        }
        format = *detected;
    }
    switch (format) {
    case SourceFileFormat::CslJson:
        return CslJsonFormat::read(data, fileName, error);
    case SourceFileFormat::Ris:
        return RisFormat::read(data, fileName, error);
    case SourceFileFormat::BibTex:
    case SourceFileFormat::BibLaTex:
        return BibTexFormat::read(data, fileName, error);
    case SourceFileFormat::ArticleText: {
        std::optional<Source> source = ArticleTextFormat::read(data, fileName, error);
        if (!source)
            return std::nullopt;
        return QList<Source>{*source};
    }
    case SourceFileFormat::Auto:
        break;
    }
    return std::nullopt;
}

QByteArray SourceFormat::write(const QList<Source> &sources, SourceFileFormat format) {
    switch (format) {
    case SourceFileFormat::CslJson:
        return CslJsonFormat::write(sources);
    case SourceFileFormat::Ris:
        return RisFormat::write(sources);
    case SourceFileFormat::BibTex:
        return ClassicBibTexWriter::write(sources);
    case SourceFileFormat::BibLaTex:
        return BibTexFormat::write(sources);
    case SourceFileFormat::ArticleText:
    case SourceFileFormat::Auto:
        break;
    }
    return {};
}
