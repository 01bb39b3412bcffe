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
#include <QStringTokenizer>

using namespace Qt::StringLiterals;

namespace {

using Reader = std::optional<Dataset> (*)(const QByteArray &content, const QString &fileName,
                                          InputError *error);
using Writer = QByteArray (*)(const Dataset &dataset);

std::optional<Dataset> sourcesOnly(const QByteArray &content, const QString &fileName,
                                   SourceFileFormat format, InputError *error) {
    const auto sources = SourceFormat::readSources(content, fileName, format, error);
    if (!sources)
        return std::nullopt;
    Dataset dataset;
    dataset.sources = *sources;
    return dataset;
}

std::optional<Dataset> readTimelineJs(const QByteArray &content, const QString &fileName,
                                      InputError *error);

// The one list of formats: the command line's names (import --format, export-data --format,
// in this order), the extension written, the extensions that decide the format whatever the
// content, the reader and the writer (none: import only). An alias names a format a second
// time for reading only.
struct FormatEntry {
    DatasetFormat format;
    QStringView name;
    QStringView extension;
    QStringView decisiveSuffixes; // blank-separated
    Reader read;
    Writer write;
    bool alias = false;
};

const FormatEntry Formats[] = {
    {DatasetFormat::Auto, u"auto", {}, {}, nullptr, nullptr},
    {DatasetFormat::Native,
     u"json",
     u"chiptimeline.json",
     {},
     [](const QByteArray &c, const QString &f, InputError *e) {
         return NativeJsonFormat::read(c, f, e);
     },
     [](const Dataset &d) {
         return NativeJsonFormat::write(d);
     }},
    {DatasetFormat::EventCsv,
     u"csv",
     u"csv",
     {},
     [](const QByteArray &c, const QString &f, InputError *e) {
         return EventCsvFormat::read(c, f, e);
     },
     [](const Dataset &d) {
         return EventCsvFormat::write(d);
     }},
    {DatasetFormat::TimelineJsJson, u"timelinejs", u"json", {}, readTimelineJs, nullptr, true},
    {DatasetFormat::TimelineJsJson,
     u"timelinejs-json",
     u"json",
     {},
     readTimelineJs,
     [](const Dataset &d) {
         return TimelineJsFormat::write(d);
     }},
    {DatasetFormat::TimelineJsCsv,
     u"timelinejs-csv",
     u"csv",
     {},
     [](const QByteArray &c, const QString &f, InputError *e) {
         return TimelineJsCsvFormat::read(c, f, e);
     },
     [](const Dataset &d) {
         return TimelineJsCsvFormat::write(d);
     }},
    {DatasetFormat::TimelineProj, u"timeline", u"timeline", u"timeline",
     [](const QByteArray &c, const QString &f, InputError *e) {
         return TimelineProjFormat::read(c, f, e);
     },
     nullptr},
    {DatasetFormat::ICalendar, u"ics", u"ics", u"ics ical icalendar",
     [](const QByteArray &c, const QString &f, InputError *e) {
         return ICalendarFormat::read(c, f, e);
     },
     [](const Dataset &d) {
         return ICalendarFormat::write(d);
     }},
    {DatasetFormat::CslJson,
     u"csl-json",
     u"json",
     {},
     [](const QByteArray &c, const QString &f, InputError *e) {
         return sourcesOnly(c, f, SourceFileFormat::CslJson, e);
     },
     [](const Dataset &d) {
         return SourceFormat::write(d.sources, SourceFileFormat::CslJson);
     }},
    {DatasetFormat::Ris, u"ris", u"ris", u"ris",
     [](const QByteArray &c, const QString &f, InputError *e) {
         return sourcesOnly(c, f, SourceFileFormat::Ris, e);
     },
     [](const Dataset &d) {
         return SourceFormat::write(d.sources, SourceFileFormat::Ris);
     }},
    {DatasetFormat::BibTex, u"bibtex", u"bib", u"bib bibtex",
     [](const QByteArray &c, const QString &f, InputError *e) {
         return sourcesOnly(c, f, SourceFileFormat::BibTex, e);
     },
     [](const Dataset &d) {
         return SourceFormat::write(d.sources, SourceFileFormat::BibTex);
     }},
    {DatasetFormat::BibLaTex,
     u"biblatex",
     u"bib",
     {},
     [](const QByteArray &c, const QString &f, InputError *e) {
         return sourcesOnly(c, f, SourceFileFormat::BibLaTex, e);
     },
     [](const Dataset &d) {
         return SourceFormat::write(d.sources, SourceFileFormat::BibLaTex);
     }},
    {DatasetFormat::ArticleText,
     u"article",
     u"txt",
     {},
     [](const QByteArray &c, const QString &f, InputError *e) {
         return sourcesOnly(c, f, SourceFileFormat::ArticleText, e);
     },
     nullptr},
};

const FormatEntry *entryFor(DatasetFormat format) {
    for (const FormatEntry &entry : Formats) {
        if (entry.format == format && !entry.alias)
            return &entry;
    }
    return nullptr;
}

QByteArray firstNonBlank(const QByteArray &content) {
    QByteArray head = content.left(4096);
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.mid(3);
    return head.trimmed();
}

// "timelinejs" names both TimelineJS forms: a sheet exported as CSV reads as one.
std::optional<Dataset> readTimelineJs(const QByteArray &content, const QString &fileName,
                                      InputError *error) {
    if (!firstNonBlank(content).startsWith('{') &&
        TimelineJsCsvFormat::looksLikeTimelineJsCsv(content))
        return TimelineJsCsvFormat::read(content, fileName, error);
    return TimelineJsFormat::read(content, fileName, error);
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
    for (const FormatEntry &entry : Formats) {
        if (entry.name == n)
            return entry.format;
    }
    return std::nullopt;
}

QString DatasetFormats::name(DatasetFormat format) {
    const FormatEntry *entry = entryFor(format);
    return entry ? entry->name.toString() : QString();
}

QStringList DatasetFormats::readNames() {
    QStringList names;
    for (const FormatEntry &entry : Formats)
        names << entry.name.toString();
    return names;
}

QStringList DatasetFormats::writeNames() {
    QStringList names;
    for (const FormatEntry &entry : Formats) {
        if (entry.write && !entry.alias)
            names << entry.name.toString();
    }
    return names;
}

bool DatasetFormats::canWrite(DatasetFormat format) {
    const FormatEntry *entry = entryFor(format);
    return entry && entry->write;
}

QString DatasetFormats::extension(DatasetFormat format) {
    const FormatEntry *entry = entryFor(format);
    return entry ? entry->extension.toString() : QString();
}

std::optional<DatasetFormat> DatasetFormats::detect(const QString &fileName,
                                                    const QByteArray &content) {
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    const std::optional<DatasetFormat> byContent = sniff(content);
    for (const FormatEntry &entry : Formats) {
        for (QStringView decisive :
             QStringTokenizer(entry.decisiveSuffixes, u' ', Qt::SkipEmptyParts)) {
            if (decisive == suffix)
                return entry.format;
        }
    }
    // .json, .csv and .txt are shared: the content decides among the formats written so.
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
    const FormatEntry *entry = entryFor(format);
    if (!entry || !entry->read)
        return std::nullopt;
    std::optional<Dataset> result = entry->read(content, fileName, &err);
    if (result)
        FormatSupport::setAsideUnsafeAddresses(&result->sources);
    return result;
}

QByteArray DatasetFormats::write(const Dataset &dataset, DatasetFormat format) {
    const FormatEntry *entry = entryFor(format);
    return entry && entry->write ? entry->write(dataset) : QByteArray();
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
