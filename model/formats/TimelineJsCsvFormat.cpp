#include "model/formats/TimelineJsCsvFormat.h"

#include "model/formats/CsvReader.h"
#include "model/formats/CsvWriter.h"
#include "model/formats/HtmlMarkdown.h"
#include "model/formats/LinkedSources.h"
#include "model/formats/TimelineJsSlide.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

const QStringList &TimelineJsCsvFormat::columns() {
    static const QStringList names{
        u"Year"_s,      u"Month"_s,   u"Day"_s,          u"Time"_s,          u"End Year"_s,
        u"End Month"_s, u"End Day"_s, u"End Time"_s,     u"Display Date"_s,  u"Headline"_s,
        u"Text"_s,      u"Media"_s,   u"Media Credit"_s, u"Media Caption"_s, u"Media Thumbnail"_s,
        u"Alt Text"_s,  u"Type"_s,    u"Group"_s,        u"Background"_s};
    return names;
}

namespace {

QStringList headerOf(const QByteArray &bytes) {
    const qsizetype end = bytes.indexOf('\n');
    CsvReader reader(end < 0 ? bytes.left(4096) : bytes.left(end), {});
    QStringList cells;
    if (!reader.readRecord(&cells))
        return {};
    for (QString &cell : cells)
        cell = cell.trimmed();
    return cells;
}

// A legacy "Start Date" cell: "2025", "2025-04", "2025-04-15", "4/15/2025" (the US order
// Google Sheets writes) or "2025,4,15" (old TimelineJS).
std::optional<PartialDate> legacyDate(const QString &text, QString *reason) {
    const QString t = text.trimmed();
    static const QRegularExpression us(uR"(^(\d{1,2})/(\d{1,2})/(\d{4})$)"_s);
    static const QRegularExpression commas(
        uR"(^(\d{1,4})\s*,\s*(\d{1,2})(?:\s*,\s*(\d{1,2}))?$)"_s);
    if (const auto m = us.match(t); m.hasMatch())
        return TimelineJsSlide::dateFromParts(m.captured(3).toLongLong(),
                                              m.captured(1).toLongLong(),
                                              m.captured(2).toLongLong(), reason);
    if (const auto m = commas.match(t); m.hasMatch())
        return TimelineJsSlide::dateFromParts(m.captured(1).toLongLong(),
                                              m.captured(2).toLongLong(),
                                              m.captured(3).toLongLong(), reason);
    return PartialDate::parseIso(t, reason);
}

} // namespace

bool TimelineJsCsvFormat::looksLikeTimelineJsCsv(const QByteArray &bytes) {
    const QStringList header = headerOf(bytes);
    return header.contains(u"Headline"_s) &&
           (header.contains(u"Year"_s) || header.contains(u"Start Date"_s));
}

std::optional<Dataset> TimelineJsCsvFormat::read(const QByteArray &bytes, const QString &fileName,
                                                 InputError *error) {
    return readSheet(bytes, fileName, error, nullptr, 0, 0);
}

bool TimelineJsCsvFormat::readInParts(const QByteArray &bytes, const QString &fileName,
                                      InputError *error, qsizetype firstPartEvents,
                                      qsizetype partEvents, const DatasetPartReceiver &receive) {
    return readSheet(bytes, fileName, error, &receive, std::max<qsizetype>(1, firstPartEvents),
                     std::max<qsizetype>(1, partEvents))
        .has_value();
}

// read() and readInParts(): with `receive`, the dataset returned is empty, all of it handed
// over.
std::optional<Dataset> TimelineJsCsvFormat::readSheet(const QByteArray &bytes,
                                                      const QString &fileName, InputError *error,
                                                      const DatasetPartReceiver *receive,
                                                      qsizetype firstPartEvents,
                                                      qsizetype partEvents) {
    InputError local;
    InputError &err = error ? *error : local;
    const auto fail = [&](int line, const QString &field, const QString &message) {
        err = {fileName, line, 0, field, message};
        return std::nullopt;
    };
    CsvReader reader(bytes, fileName);
    QStringList cells;
    if (!reader.readRecord(&cells)) {
        if (reader.hasError()) {
            err = reader.error();
            return std::nullopt;
        }
        return fail(1, {}, u"the file is empty (expected the TimelineJS header row)"_s);
    }
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        QString name = cells.at(i).trimmed();
        if (name.isEmpty())
            continue;
        if (name == u"Tag"_s)
            name = u"Group"_s;
        if (!columns().contains(name) && name != u"Start Date"_s && name != u"End Date"_s)
            return fail(1, {},
                        u"unknown column '%1' (the TimelineJS template has Year, Month, Day, "
                        "Time, End Year, End Month, End Day, End Time, Display Date, Headline, "
                        "Text, Media, Media Credit, Media Caption, Media Thumbnail, Alt Text, "
                        "Type, Group, Background)"_s.arg(cells.at(i).trimmed()));
        if (index.contains(name))
            return fail(1, {}, u"column '%1' appears twice"_s.arg(name));
        index.insert(name, i);
    }
    if (!index.contains(u"Year"_s) && !index.contains(u"Start Date"_s))
        return fail(1, {}, u"missing required column 'Year'"_s);
    if (!index.contains(u"Headline"_s))
        return fail(1, {}, u"missing required column 'Headline'"_s);

    // Where each column is, looked up once rather than on every row.
    const auto at = [&index](const QString &name) {
        return index.value(name, -1);
    };
    const qsizetype typeAt = at(u"Type"_s);
    const qsizetype headlineAt = at(u"Headline"_s);
    const qsizetype textAt = at(u"Text"_s);
    const qsizetype mediaAt = at(u"Media"_s);
    const qsizetype creditAt = at(u"Media Credit"_s);
    const qsizetype captionAt = at(u"Media Caption"_s);
    const qsizetype groupAt = at(u"Group"_s);
    // The split date columns and the legacy one of a start or an end.
    struct DateColumns {
        QString names[3];
        qsizetype at[3];
        QString legacy;
        qsizetype legacyAt;
    };
    const auto dateColumns = [&at](const QString &prefix, const QString &legacy) {
        DateColumns columns{
            {prefix + u"Year"_s, prefix + u"Month"_s, prefix + u"Day"_s}, {}, legacy, at(legacy)};
        for (int k = 0; k < 3; ++k)
            columns.at[k] = at(columns.names[k]);
        return columns;
    };
    const DateColumns startColumns = dateColumns({}, u"Start Date"_s);
    const DateColumns endColumns = dateColumns(u"End "_s, u"End Date"_s);
    const bool hasYear = index.contains(u"Year"_s);

    Dataset dataset;
    LinkedSources sources;
    qsizetype sourcesHandedOver = 0;
    qsizetype eventsPerPart = firstPartEvents;
    // What was read since the last part, as a part.
    const auto nextPart = [&] {
        Dataset part;
        part.title = dataset.title;
        part.sources = sources.sources().mid(sourcesHandedOver);
        sourcesHandedOver = sources.sources().size();
        part.events = std::exchange(dataset.events, {});
        return part;
    };
    bool seenRow = false;
    while (reader.readRecord(&cells)) {
        const int line = reader.recordLine();
        if (std::all_of(cells.cbegin(), cells.cend(),
                        [](const QString &c) { return QStringView(c).trimmed().isEmpty(); }))
            continue;
        const auto cell = [&cells](qsizetype i) {
            return i >= 0 && i < cells.size() ? cells.at(i) : QString();
        };
        const auto column = [](const QString &name) -> QString {
            return u"column "_s + name;
        };
        const QString type = cell(typeAt).trimmed().toLower();
        if (type == u"title"_s) {
            if (seenRow)
                return fail(line, column(u"Type"_s),
                            u"a title row must be the first row of the sheet"_s);
            seenRow = true;
            dataset.title = HtmlMarkdown::toPlainText(cell(headlineAt)).trimmed();
            continue;
        }
        seenRow = true;

        TimelineJsSlide slide;
        slide.era = type == u"era"_s;
        // The split date columns win over the legacy ones when both are filled.
        const auto date = [&](const DateColumns &columns, bool required, PartialDate *out) -> bool {
            qint64 parts[3] = {0, 0, 0};
            for (int k = 0; k < 3; ++k) {
                const auto n = TimelineJsSlide::number(cell(columns.at[k]));
                if (!n) {
                    fail(line, column(columns.names[k]),
                         u"'%1' is not a number"_s.arg(cell(columns.at[k]).trimmed()));
                    return false;
                }
                parts[k] = *n;
            }
            QString reason;
            if (!cell(columns.at[0]).trimmed().isEmpty()) {
                const auto parsed =
                    TimelineJsSlide::dateFromParts(parts[0], parts[1], parts[2], &reason);
                if (!parsed) {
                    fail(line, column(columns.names[0]), reason);
                    return false;
                }
                *out = *parsed;
                return true;
            }
            if (parts[1] != 0 || parts[2] != 0) {
                fail(line, column(columns.names[0]),
                     u"missing (a month or day is given without it)"_s);
                return false;
            }
            if (!cell(columns.legacyAt).trimmed().isEmpty()) {
                const auto parsed = legacyDate(cell(columns.legacyAt), &reason);
                if (!parsed) {
                    fail(line, column(columns.legacy), reason);
                    return false;
                }
                *out = *parsed;
                return true;
            }
            if (required) {
                fail(line, column(hasYear ? columns.names[0] : columns.legacy),
                     u"missing (every row but the title row needs one)"_s);
                return false;
            }
            return true;
        };
        if (!date(startColumns, true, &slide.start) || !date(endColumns, slide.era, &slide.end))
            return std::nullopt;
        if (slide.end.isValid() && slide.end.lastJulianDay() < slide.start.firstJulianDay())
            return fail(line, column(u"End Year"_s),
                        u"%1 is before the start %2"_s.arg(slide.end.toIsoString(),
                                                           slide.start.toIsoString()));
        slide.headline = cell(headlineAt);
        slide.text = cell(textAt);
        slide.mediaUrl = cell(mediaAt).trimmed();
        slide.mediaCredit = cell(creditAt);
        slide.mediaCaption = cell(captionAt);
        slide.group = cell(groupAt);
        QString reason;
        std::optional<Event> event = slide.toEvent(&sources, &reason);
        if (!event)
            return fail(line, column(u"Headline"_s), reason);
        dataset.events << std::move(*event);
        if (receive && dataset.events.size() >= eventsPerPart) {
            eventsPerPart = partEvents;
            if (!(*receive)(nextPart(), false))
                return fail(line, {}, u"the reading was stopped"_s);
        }
    }
    if (reader.hasError()) {
        err = reader.error();
        return std::nullopt;
    }
    if (receive) {
        if (!(*receive)(nextPart(), true))
            return fail(0, {}, u"the reading was stopped"_s);
        return Dataset();
    }
    dataset.sources = sources.take();
    return dataset;
}

QByteArray TimelineJsCsvFormat::write(const Dataset &dataset) {
    QHash<QString, Source> sources;
    for (const Source &source : dataset.sources)
        sources.insert(source.uid, source);
    const QHash<QString, QString> lanes = TimelineJsSlide::laneLabels(dataset.categories);
    QList<Event> events = dataset.events;
    std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        if (a.start != b.start)
            return a.start < b.start;
        return a.uid < b.uid;
    });
    const auto n = [](int value) {
        return value == 0 ? QString() : QString::number(value);
    };
    CsvWriter csv;
    csv.writeRecord(columns());
    if (!dataset.title.isEmpty()) {
        QStringList row(columns().size());
        row[9] = HtmlMarkdown::escapeHtml(dataset.title);
        row[16] = u"title"_s;
        csv.writeRecord(row);
    }
    for (const Event &event : std::as_const(events)) {
        const TimelineJsSlide slide = TimelineJsSlide::fromEvent(event, sources, lanes);
        QStringList row(columns().size());
        row[0] = n(slide.start.year());
        row[1] = n(slide.start.month());
        row[2] = n(slide.start.day());
        row[4] = n(slide.end.year());
        row[5] = n(slide.end.month());
        row[6] = n(slide.end.day());
        row[9] = slide.headline;
        row[10] = slide.text;
        row[11] = slide.mediaUrl;
        row[12] = slide.mediaCredit;
        row[13] = slide.mediaCaption;
        row[16] = slide.era ? u"era"_s : QString();
        row[17] = slide.group;
        csv.writeRecord(row);
    }
    return csv.take();
}
