#include "model/formats/EventCsvFormat.h"

#include "model/formats/CsvReader.h"
#include "model/formats/CsvWriter.h"
#include "model/formats/LinkedSources.h"
#include "model/formats/SourceListText.h"

#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

const QStringList &EventCsvFormat::columns() {
    static const QStringList names{u"uid"_s,     u"start"_s,    u"end"_s,    u"title"_s,
                                   u"summary"_s, u"category"_s, u"status"_s, u"importance"_s,
                                   u"actors"_s,  u"chips"_s,    u"tags"_s,   u"sources"_s};
    return names;
}

namespace {

QList<Event> sortedEvents(const Dataset &dataset) {
    QList<Event> events = dataset.events;
    std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        if (a.start != b.start)
            return a.start < b.start;
        return a.uid < b.uid;
    });
    return events;
}

// The languages any event has a translation in, sorted: each gets a title_LANG and a
// summary_LANG column after the others (none when no event is translated).
QStringList translatedLanguages(const Dataset &dataset) {
    QSet<QString> languages;
    for (const Event &event : dataset.events)
        for (auto it = event.translations.cbegin(); it != event.translations.cend(); ++it)
            languages.insert(it.key());
    QStringList sorted(languages.cbegin(), languages.cend());
    sorted.sort();
    return sorted;
}

// "title_de" → {"title", "de"}; empty for any other column name.
std::pair<QString, QString> translationColumn(const QString &name) {
    for (const QString &field : {u"title"_s, u"summary"_s}) {
        const QString prefix = field + u'_';
        if (name.startsWith(prefix) && DataTranslations::isLanguageCode(name.mid(prefix.size())))
            return {field, name.mid(prefix.size())};
    }
    return {};
}

} // namespace

QByteArray EventCsvFormat::write(const Dataset &dataset) {
    QHash<QString, Source> sources;
    for (const Source &source : dataset.sources)
        sources.insert(source.uid, source);
    const QStringList languages = translatedLanguages(dataset);
    CsvWriter csv(true);
    QStringList header = columns();
    for (const QString &language : languages)
        header << u"title_"_s + language << u"summary_"_s + language;
    csv.writeRecord(header);
    for (const Event &event : sortedEvents(dataset)) {
        QStringList record{event.uid,
                           event.start.toIsoString(),
                           event.end.toIsoString(),
                           event.title,
                           event.summary,
                           event.category,
                           eventStatusKey(event.status),
                           QString::number(event.importance),
                           SourceListText::joinList(event.actors),
                           SourceListText::joinList(event.chips),
                           SourceListText::joinList(event.tags),
                           SourceListText::format(event.citations, sources)};
        for (const QString &language : languages) {
            const EventTranslation translation = event.translations.value(language);
            record << translation.title << translation.summary;
        }
        csv.writeRecord(record);
    }
    return csv.take();
}

bool EventCsvFormat::looksLikeEventCsv(const QByteArray &bytes) {
    const qsizetype end = bytes.indexOf('\n');
    const QByteArray head = (end < 0 ? bytes.left(4096) : bytes.left(end)).toLower();
    QStringList cells;
    CsvReader reader(head, {});
    if (!reader.readRecord(&cells))
        return false;
    for (QString &cell : cells)
        cell = cell.trimmed();
    return cells.contains(u"title"_s) && cells.contains(u"start"_s);
}

std::optional<Dataset> EventCsvFormat::read(const QByteArray &bytes, const QString &fileName,
                                            InputError *error) {
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
        return fail(1, {}, u"the file is empty (expected a header row naming the columns)"_s);
    }
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const QString name = cells.at(i).trimmed().toLower();
        if (name.isEmpty())
            continue;
        if (index.contains(name))
            return fail(1, {}, u"column '%1' appears twice"_s.arg(name));
        index.insert(name, i);
    }
    for (const QString &required : {u"title"_s, u"start"_s}) {
        if (!index.contains(required))
            return fail(1, {}, u"missing required column '%1'"_s.arg(required));
    }

    Dataset dataset;
    LinkedSources sources;
    QSet<QString> uids;
    while (reader.readRecord(&cells)) {
        const int line = reader.recordLine();
        if (std::all_of(cells.cbegin(), cells.cend(),
                        [](const QString &c) { return QStringView(c).trimmed().isEmpty(); }))
            continue;
        const auto cell = [&](const QString &name) {
            const qsizetype i = index.value(name, -1);
            return i >= 0 && i < cells.size() ? cells.at(i) : QString();
        };
        const auto column = [](const QString &name) -> QString {
            return u"column "_s + name;
        };
        Event event;
        event.uid = cell(u"uid"_s).trimmed();
        event.title = cell(u"title"_s).trimmed();
        if (event.title.isEmpty())
            return fail(line, column(u"title"_s), u"must not be empty"_s);
        for (const QString &name : {u"start"_s, u"end"_s}) {
            const QString text = cell(name).trimmed();
            if (text.isEmpty()) {
                if (name == u"start"_s)
                    return fail(line, column(name), u"missing"_s);
                continue;
            }
            QString reason;
            const auto date = PartialDate::parseIso(text, &reason);
            if (!date)
                return fail(line, column(name), reason);
            (name == u"start"_s ? event.start : event.end) = *date;
        }
        if (event.end.isValid() && event.end.lastJulianDay() < event.start.firstJulianDay())
            return fail(line, column(u"end"_s),
                        u"%1 is before the start %2"_s.arg(event.end.toIsoString(),
                                                           event.start.toIsoString()));
        event.summary = cell(u"summary"_s);
        event.category = cell(u"category"_s).trimmed();
        const QString status = cell(u"status"_s).trimmed().toLower();
        if (!status.isEmpty()) {
            const auto parsed = eventStatusFromKey(status);
            if (!parsed)
                return fail(line, column(u"status"_s),
                            u"'%1' is not one of confirmed, reported, disputed"_s.arg(status));
            event.status = *parsed;
        }
        const QString importance = cell(u"importance"_s).trimmed();
        if (!importance.isEmpty()) {
            bool ok = false;
            event.importance = importance.toInt(&ok);
            if (!ok || event.importance < 1 || event.importance > 3)
                return fail(line, column(u"importance"_s),
                            u"'%1' is not 1, 2 or 3"_s.arg(importance));
        }
        event.actors = SourceListText::splitList(cell(u"actors"_s));
        event.chips = SourceListText::splitList(cell(u"chips"_s));
        event.tags = SourceListText::splitList(cell(u"tags"_s));
        for (auto it = index.cbegin(); it != index.cend(); ++it) {
            const auto [field, language] = translationColumn(it.key());
            const QString text = it.value() < cells.size() ? cells.at(it.value()) : QString();
            if (field == u"title"_s && !text.trimmed().isEmpty())
                event.translations[language].title = text.trimmed();
            else if (field == u"summary"_s && !text.isEmpty())
                event.translations[language].summary = text;
        }
        QString reason;
        const auto entries = SourceListText::parse(cell(u"sources"_s), &reason);
        if (!entries)
            return fail(line, column(u"sources"_s), reason);
        for (const SourceEntry &entry : *entries) {
            sources.add(entry.source);
            event.citations << entry.citation;
        }
        if (!event.uid.isEmpty()) {
            if (uids.contains(event.uid))
                return fail(line, column(u"uid"_s), u"uid %1 appears twice"_s.arg(event.uid));
            uids.insert(event.uid);
        }
        dataset.events << std::move(event);
    }
    if (reader.hasError()) {
        err = reader.error();
        return std::nullopt;
    }
    dataset.sources = sources.take();
    return dataset;
}
