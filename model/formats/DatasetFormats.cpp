#include "model/formats/DatasetFormats.h"

#include "model/formats/FormatSupport.h"

#include "model/formats/EventCsvFormat.h"
#include "model/formats/ICalendarFormat.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/formats/SourceFormat.h"
#include "model/formats/TimelineJsCsvFormat.h"
#include "model/formats/TimelineJsFormat.h"
#include "model/formats/TimelineProjFormat.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace {

struct Name {
    QStringView name;
    DatasetFormat format;
};

constexpr Name Names[] = {
    {u"auto", DatasetFormat::Auto},
    {u"json", DatasetFormat::Native},
    {u"csv", DatasetFormat::EventCsv},
    {u"timelinejs", DatasetFormat::TimelineJsJson},
    {u"timelinejs-json", DatasetFormat::TimelineJsJson},
    {u"timelinejs-csv", DatasetFormat::TimelineJsCsv},
    {u"timeline", DatasetFormat::TimelineProj},
    {u"ics", DatasetFormat::ICalendar},
    {u"csl-json", DatasetFormat::CslJson},
    {u"ris", DatasetFormat::Ris},
    {u"bibtex", DatasetFormat::BibTex},
    {u"biblatex", DatasetFormat::BibLaTex},
    {u"article", DatasetFormat::ArticleText},
};

std::optional<SourceFileFormat> sourceFormat(DatasetFormat format) {
    switch (format) {
    case DatasetFormat::CslJson:
        return SourceFileFormat::CslJson;
    case DatasetFormat::Ris:
        return SourceFileFormat::Ris;
    case DatasetFormat::BibTex:
        return SourceFileFormat::BibTex;
    case DatasetFormat::BibLaTex:
        return SourceFileFormat::BibLaTex;
    case DatasetFormat::ArticleText:
        return SourceFileFormat::ArticleText;
    default:
        return std::nullopt;
    }
}

QByteArray firstNonBlank(const QByteArray &content) {
    QByteArray head = content.left(4096);
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.mid(3);
    return head.trimmed();
}

// What the content alone says, for files whose extension does not.
std::optional<DatasetFormat> sniff(const QByteArray &content) {
    const QByteArray head = firstNonBlank(content);
    if (NativeJsonFormat::looksLikeNative(content))
        return DatasetFormat::Native;
    if (TimelineJsFormat::looksLikeTimelineJs(content) ||
        TimelineJsFormat::looksLikeTimelineJs2(content)) // so its reader can say what it is
        return DatasetFormat::TimelineJsJson;
    if (head.startsWith('['))
        return DatasetFormat::CslJson;
    if (ICalendarFormat::looksLikeICalendar(content))
        return DatasetFormat::ICalendar;
    if (TimelineProjFormat::looksLikeTimelineProj(content))
        return DatasetFormat::TimelineProj;
    if (TimelineJsCsvFormat::looksLikeTimelineJsCsv(content))
        return DatasetFormat::TimelineJsCsv;
    if (EventCsvFormat::looksLikeEventCsv(content))
        return DatasetFormat::EventCsv;
    if (head.startsWith("TY  - ") || head.contains("\nTY  - "))
        return DatasetFormat::Ris;
    if (head.startsWith('@'))
        return DatasetFormat::BibTex;
    return std::nullopt;
}

} // namespace

std::optional<DatasetFormat> DatasetFormats::formatFromName(QStringView name) {
    const QString n = name.trimmed().toString().toLower();
    for (const Name &entry : Names) {
        if (entry.name == n)
            return entry.format;
    }
    return std::nullopt;
}

QString DatasetFormats::name(DatasetFormat format) {
    for (const Name &entry : Names) {
        if (entry.format == format && entry.name != u"timelinejs")
            return entry.name.toString();
    }
    return {};
}

QStringList DatasetFormats::readNames() {
    QStringList names;
    for (const Name &entry : Names)
        names << entry.name.toString();
    return names;
}

QStringList DatasetFormats::writeNames() {
    QStringList names;
    for (const Name &entry : Names) {
        if (canWrite(entry.format) && entry.name != u"timelinejs")
            names << entry.name.toString();
    }
    return names;
}

bool DatasetFormats::canWrite(DatasetFormat format) {
    switch (format) {
    case DatasetFormat::Native:
    case DatasetFormat::EventCsv:
    case DatasetFormat::TimelineJsJson:
    case DatasetFormat::TimelineJsCsv:
    case DatasetFormat::ICalendar:
    case DatasetFormat::CslJson:
    case DatasetFormat::Ris:
    case DatasetFormat::BibTex:
    case DatasetFormat::BibLaTex:
        return true;
    case DatasetFormat::Auto:
    case DatasetFormat::TimelineProj:
    case DatasetFormat::ArticleText:
        return false;
    }
    return false;
}

QString DatasetFormats::extension(DatasetFormat format) {
    switch (format) {
    case DatasetFormat::Native:
        return u"chiptimeline.json"_s;
    case DatasetFormat::EventCsv:
    case DatasetFormat::TimelineJsCsv:
        return u"csv"_s;
    case DatasetFormat::TimelineJsJson:
    case DatasetFormat::CslJson:
        return u"json"_s;
    case DatasetFormat::TimelineProj:
        return u"timeline"_s;
    case DatasetFormat::ICalendar:
        return u"ics"_s;
    case DatasetFormat::Ris:
        return u"ris"_s;
    case DatasetFormat::BibTex:
    case DatasetFormat::BibLaTex:
        return u"bib"_s;
    case DatasetFormat::ArticleText:
        return u"txt"_s;
    case DatasetFormat::Auto:
        break;
    }
    return {};
}

std::optional<DatasetFormat> DatasetFormats::detect(const QString &fileName,
                                                    const QByteArray &content) {
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    const std::optional<DatasetFormat> byContent = sniff(content);
    if (suffix == u"timeline"_s)
        return DatasetFormat::TimelineProj;
    if (suffix == u"ics"_s || suffix == u"ical"_s || suffix == u"icalendar"_s)
        return DatasetFormat::ICalendar;
    if (suffix == u"ris"_s)
        return DatasetFormat::Ris;
    if (suffix == u"bib"_s || suffix == u"bibtex"_s)
        return DatasetFormat::BibTex;
    if (suffix == u"json"_s) {
        if (byContent == DatasetFormat::Native || byContent == DatasetFormat::TimelineJsJson ||
            byContent == DatasetFormat::CslJson)
            return byContent;
        return DatasetFormat::Native; // its reader names what is wrong
    }
    if (suffix == u"csv"_s) {
        if (byContent == DatasetFormat::TimelineJsCsv)
            return byContent;
        return DatasetFormat::EventCsv; // its reader names a missing column
    }
    if (byContent)
        return byContent;
    if (suffix == u"txt"_s)
        return DatasetFormat::ArticleText;
    return std::nullopt;
}

std::optional<Dataset> DatasetFormats::read(const QByteArray &content, const QString &fileName,
                                            DatasetFormat format, InputError *error) {
    InputError local;
    InputError &err = error ? *error : local;
    if (format == DatasetFormat::Auto) {
        const auto detected = detect(fileName, content);
        if (!detected) {
            err = {fileName,
                   0,
                   0,
                   {},
                   u"cannot tell the file's format; name it with --format (one of %1)"_s.arg(
                       readNames().mid(1).join(u", "_s))};
            return std::nullopt;
        }
        format = *detected;
    }
    if ((format == DatasetFormat::Native || format == DatasetFormat::TimelineJsJson) &&
        TimelineJsFormat::looksLikeTimelineJs2(content)) {
        err = {fileName,
               0,
               0,
               {},
               u"a TimelineJS 2 file (timeline.date); ChipTimeline reads TimelineJS 3 JSON — open "
               "it in TimelineJS 3 (or convert it to its JSON, with \"events\" and "
               "\"start_date\", or to its spreadsheet saved as CSV) and import that"_s};
        return std::nullopt;
    }
    std::optional<Dataset> result = [&]() -> std::optional<Dataset> {
        switch (format) {
        case DatasetFormat::Native:
            return NativeJsonFormat::read(content, fileName, &err);
        case DatasetFormat::EventCsv:
            return EventCsvFormat::read(content, fileName, &err);
        case DatasetFormat::TimelineJsJson:
            // "timelinejs" names both TimelineJS forms: a sheet exported as CSV reads as one.
            if (!firstNonBlank(content).startsWith('{') &&
                TimelineJsCsvFormat::looksLikeTimelineJsCsv(content))
                return TimelineJsCsvFormat::read(content, fileName, &err);
            return TimelineJsFormat::read(content, fileName, &err);
        case DatasetFormat::TimelineJsCsv:
            return TimelineJsCsvFormat::read(content, fileName, &err);
        case DatasetFormat::TimelineProj:
            return TimelineProjFormat::read(content, fileName, &err);
        case DatasetFormat::ICalendar:
            return ICalendarFormat::read(content, fileName, &err);
        case DatasetFormat::CslJson:
        case DatasetFormat::Ris:
        case DatasetFormat::BibTex:
        case DatasetFormat::BibLaTex:
        case DatasetFormat::ArticleText: {
            const auto sources =
                SourceFormat::readSources(content, fileName, *sourceFormat(format), &err);
            if (!sources)
                return std::nullopt;
            Dataset sourcesOnly;
            sourcesOnly.sources = *sources;
            return sourcesOnly;
        }
        case DatasetFormat::Auto:
            break;
        }
        return std::nullopt;
    }();
    if (result)
        FormatSupport::setAsideUnsafeAddresses(&result->sources);
    return result;
}

QByteArray DatasetFormats::write(const Dataset &dataset, DatasetFormat format) {
    switch (format) {
    case DatasetFormat::Native:
        return NativeJsonFormat::write(dataset);
    case DatasetFormat::EventCsv:
        return EventCsvFormat::write(dataset);
    case DatasetFormat::TimelineJsJson:
        return TimelineJsFormat::write(dataset);
    case DatasetFormat::TimelineJsCsv:
        return TimelineJsCsvFormat::write(dataset);
    case DatasetFormat::ICalendar:
        return ICalendarFormat::write(dataset);
    case DatasetFormat::CslJson:
    case DatasetFormat::Ris:
    case DatasetFormat::BibTex:
    case DatasetFormat::BibLaTex:
        return SourceFormat::write(dataset.sources, *sourceFormat(format));
    case DatasetFormat::Auto:
    case DatasetFormat::TimelineProj:
    case DatasetFormat::ArticleText:
        break;
    }
    return {};
}

std::optional<Dataset> readDatasetFile(const QString &path, DatasetFormat format,
                                       InputError *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = {path, 0, 0, {}, u"cannot open: %1"_s.arg(file.errorString())};
        return std::nullopt;
    }
    // The native file, the large one, is read from a mapping of the file rather than a copy
    // (see NativeJsonFormat::readMapping).
    const qint64 size = file.size();
    uchar *mapped = (format == DatasetFormat::Native || format == DatasetFormat::Auto) && size > 0
                        ? file.map(0, size)
                        : nullptr;
    if (mapped) {
        const QByteArray bytes =
            QByteArray::fromRawData(reinterpret_cast<const char *>(mapped), qsizetype(size));
        if (format == DatasetFormat::Native ||
            DatasetFormats::detect(path, bytes) == DatasetFormat::Native) {
            InputError local;
            InputError &err = error ? *error : local;
            std::optional<Dataset> dataset = NativeJsonFormat::readMapping(bytes, path, &err);
            file.unmap(mapped);
            return dataset;
        }
        file.unmap(mapped);
    }
    return DatasetFormats::read(file.readAll(), path, format, error);
}

QByteArray writeDataset(const Dataset &dataset, DatasetFormat format) {
    return DatasetFormats::write(dataset, format);
}
