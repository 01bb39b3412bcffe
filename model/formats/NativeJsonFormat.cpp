#include "model/formats/NativeJsonFormat.h"

#include "model/formats/FormatSupport.h"
#include "model/formats/JsonWriter.h"
#include "model/formats/NativeJsonFastReader.h"
#include "model/formats/NativeJsonRelations.h"
#include "model/formats/TranslationsJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// Where each element of the top-level arrays starts, so a message about events[17] can name
// its line. QJsonDocument keeps no positions, so scan the text once, minding strings.
QHash<QString, QList<int>> elementLines(const QByteArray &bytes) {
    QHash<QString, QList<int>> lines;
    int depth = 0;
    int line = 1;
    bool inString = false;
    bool escaped = false;
    // Only a key at depth 1 is ever needed: remember where the last string was, not a copy.
    qsizetype lastStart = 0;
    qsizetype lastEnd = 0;
    qsizetype stringStart = 0;
    QString currentKey;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c == '\n')
            ++line;
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"') {
                inString = false;
                lastStart = stringStart;
                lastEnd = i;
            }
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            stringStart = i + 1;
            break;
        case ':':
            if (depth == 1)
                currentKey = QString::fromUtf8(bytes.constData() + lastStart, lastEnd - lastStart);
            break;
        case '{':
        case '[':
            if (depth == 2 && c == '{')
                lines[currentKey] << line;
            ++depth;
            break;
        case '}':
        case ']':
            --depth;
            break;
        default:
            break;
        }
    }
    return lines;
}

class Reader {
public:
    Reader(const QByteArray &bytes, QString fileName)
        : m_fileName(std::move(fileName))
        , m_lines(elementLines(bytes)) {}

    bool fail(const QString &array, qsizetype index, const QString &field, const QString &message) {
        m_error.file = m_fileName;
        const QList<int> lines = m_lines.value(array);
        m_error.line = index >= 0 && index < lines.size() ? lines.at(index) : 0;
        if (array.isEmpty())
            m_error.field = field;
        else if (field.isEmpty())
            m_error.field = u"%1[%2]"_s.arg(array).arg(index);
        else
            m_error.field = u"%1[%2].%3"_s.arg(array).arg(index).arg(field);
        m_error.message = message;
        return false;
    }

    bool readString(const QJsonObject &object, const QString &array, qsizetype index,
                    const QString &key, QString *out, bool required = false) {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                return fail(array, index, key, u"missing"_s);
            out->clear();
            return true;
        }
        if (!value.isString())
            return fail(array, index, key, u"must be a string"_s);
        *out = value.toString();
        if (required && out->trimmed().isEmpty())
            return fail(array, index, key, u"must not be empty"_s);
        return true;
    }

    // "translations": {"de": {...}}, absent when there are none (see DataTranslations).
    template <typename Translations>
    bool readTranslations(const QJsonObject &object, const QString &array, qsizetype index,
                          Translations *out) {
        const QJsonValue value = object.value(u"translations"_s);
        if (value.isUndefined() || value.isNull())
            return true;
        if (!value.isObject())
            return fail(array, index, u"translations"_s, u"must be an object"_s);
        QString problem;
        if constexpr (std::is_same_v<Translations, EventTranslations>)
            *out = DataTranslations::eventTranslationsFromJson(value.toObject(), &problem);
        else
            *out = DataTranslations::labelTranslationsFromJson(value.toObject(), &problem);
        if (!problem.isEmpty())
            return fail(array, index, u"translations"_s, problem);
        return true;
    }

    bool readStrings(const QJsonObject &object, const QString &array, qsizetype index,
                     const QString &key, QStringList *out) {
        out->clear();
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull())
            return true;
        if (!value.isArray())
            return fail(array, index, key, u"must be an array of strings"_s);
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isString())
                return fail(array, index, key, u"must be an array of strings"_s);
            *out << item.toString();
        }
        return true;
    }

    bool readDate(const QJsonObject &object, const QString &array, qsizetype index,
                  const QString &key, PartialDate *out, bool required = false) {
        QString text;
        if (!readString(object, array, index, key, &text, required))
            return false;
        if (text.isEmpty()) {
            *out = {};
            return true;
        }
        QString reason;
        const auto date = PartialDate::parseIso(text, &reason);
        if (!date)
            return fail(array, index, key, reason);
        *out = *date;
        return true;
    }

    std::optional<Dataset> read(const QJsonObject &root) {
        Dataset dataset;
        if (root.value(u"format"_s).toString() != u"chiptimeline"_s) {
            fail({}, -1, u"format"_s,
                 u"not a ChipTimeline file (expected \"format\": \"chiptimeline\")"_s);
            return std::nullopt;
        }
        const int version = root.value(u"version"_s).toInt(0);
        if (version < 1) {
            fail({}, -1, u"version"_s, u"missing or not a positive whole number"_s);
            return std::nullopt;
        }
        if (version > NativeJsonFormat::Version) {
            fail({}, -1, u"version"_s,
                 u"written by a newer ChipTimeline (version %1; this one reads up to %2)"_s
                     .arg(version)
                     .arg(NativeJsonFormat::Version));
            return std::nullopt;
        }
        dataset.title = root.value(u"title"_s).toString();

        const QJsonArray categories = root.value(u"categories"_s).toArray();
        QSet<QString> categoryNames;
        for (qsizetype i = 0; i < categories.size(); ++i) {
            const QString arrayName = u"categories"_s;
            if (!categories.at(i).isObject()) {
                fail(arrayName, i, {}, u"must be an object"_s);
                return std::nullopt;
            }
            const QJsonObject object = categories.at(i).toObject();
            Category category;
            QString color;
            if (!readString(object, arrayName, i, u"name"_s, &category.name, true) ||
                !readString(object, arrayName, i, u"label"_s, &category.label) ||
                !readString(object, arrayName, i, u"color"_s, &color))
                return std::nullopt;
            if (!color.isEmpty()) {
                category.color = QColor::fromString(color);
                if (!category.color.isValid()) {
                    fail(arrayName, i, u"color"_s,
                         u"'%1' is not a colour (use #rrggbb)"_s.arg(color));
                    return std::nullopt;
                }
            }
            category.order = object.value(u"order"_s).toInt(int(i) + 1);
            if (!readTranslations(object, arrayName, i, &category.labelTranslations))
                return std::nullopt;
            if (categoryNames.contains(category.name)) {
                fail(arrayName, i, u"name"_s, u"category '%1' appears twice"_s.arg(category.name));
                return std::nullopt;
            }
            categoryNames.insert(category.name);
            dataset.categories << category;
        }

        const QJsonArray sources = root.value(u"sources"_s).toArray();
        QSet<QString> sourceUids;
        sourceUids.reserve(sources.size());
        dataset.sources.reserve(sources.size());
        for (qsizetype i = 0; i < sources.size(); ++i) {
            const QString arrayName = u"sources"_s;
            if (!sources.at(i).isObject()) {
                fail(arrayName, i, {}, u"must be an object"_s);
                return std::nullopt;
            }
            const QJsonObject object = sources.at(i).toObject();
            Source source;
            if (!readString(object, arrayName, i, u"uid"_s, &source.uid, true) ||
                !readString(object, arrayName, i, u"kind"_s, &source.kind) ||
                !readString(object, arrayName, i, u"title"_s, &source.title, true) ||
                !readString(object, arrayName, i, u"outlet"_s, &source.outlet) ||
                !readStrings(object, arrayName, i, u"authors"_s, &source.authors) ||
                !readString(object, arrayName, i, u"url"_s, &source.url) ||
                !readString(object, arrayName, i, u"doi"_s, &source.doi) ||
                !readDate(object, arrayName, i, u"published"_s, &source.published) ||
                !readDate(object, arrayName, i, u"accessed"_s, &source.accessed) ||
                !readString(object, arrayName, i, u"language"_s, &source.language) ||
                !readString(object, arrayName, i, u"excerpt"_s, &source.excerpt) ||
                !readString(object, arrayName, i, u"notes"_s, &source.notes))
                return std::nullopt;
            if (source.kind.isEmpty())
                source.kind = u"news"_s;
            if (sourceUids.contains(source.uid)) {
                fail(arrayName, i, u"uid"_s, u"uid %1 appears twice"_s.arg(source.uid));
                return std::nullopt;
            }
            sourceUids.insert(source.uid);
            dataset.sources << std::move(source);
        }

        const QJsonArray events = root.value(u"events"_s).toArray();
        QSet<QString> eventUids;
        eventUids.reserve(events.size());
        dataset.events.reserve(events.size());
        for (qsizetype i = 0; i < events.size(); ++i) {
            const QString arrayName = u"events"_s;
            if (!events.at(i).isObject()) {
                fail(arrayName, i, {}, u"must be an object"_s);
                return std::nullopt;
            }
            const QJsonObject object = events.at(i).toObject();
            Event event;
            QString status;
            if (!readString(object, arrayName, i, u"uid"_s, &event.uid, true) ||
                !readString(object, arrayName, i, u"title"_s, &event.title, true) ||
                !readString(object, arrayName, i, u"summary"_s, &event.summary) ||
                !readDate(object, arrayName, i, u"start"_s, &event.start, true) ||
                !readDate(object, arrayName, i, u"end"_s, &event.end) ||
                !readString(object, arrayName, i, u"category"_s, &event.category) ||
                !readString(object, arrayName, i, u"status"_s, &status) ||
                !readStrings(object, arrayName, i, u"actors"_s, &event.actors) ||
                !readStrings(object, arrayName, i, u"chips"_s, &event.chips) ||
                !readStrings(object, arrayName, i, u"tags"_s, &event.tags) ||
                !readTranslations(object, arrayName, i, &event.translations))
                return std::nullopt;
            if (event.end.isValid() && event.end.lastJulianDay() < event.start.firstJulianDay()) {
                fail(arrayName, i, u"end"_s,
                     u"%1 is before the start %2"_s.arg(event.end.toIsoString(),
                                                        event.start.toIsoString()));
                return std::nullopt;
            }
            if (!status.isEmpty()) {
                const auto parsed = eventStatusFromKey(status);
                if (!parsed) {
                    fail(arrayName, i, u"status"_s,
                         u"'%1' is not one of confirmed, reported, disputed"_s.arg(status));
                    return std::nullopt;
                }
                event.status = *parsed;
            }
            const QJsonValue importance = object.value(u"importance"_s);
            if (!importance.isUndefined()) {
                event.importance = importance.toInt(0);
                if (event.importance < 1 || event.importance > 3) {
                    fail(arrayName, i, u"importance"_s, u"must be 1, 2 or 3"_s);
                    return std::nullopt;
                }
            }
            if (!event.category.isEmpty() && !categoryNames.contains(event.category)) {
                // An unknown category is created on import, so it appears in the file too.
                categoryNames.insert(event.category);
                Category category;
                category.name = event.category;
                category.order = int(dataset.categories.size()) + 1;
                category.color = QColor(0x80, 0x80, 0x80);
                dataset.categories << category;
            }
            const QJsonArray links = object.value(u"sources"_s).toArray();
            for (qsizetype k = 0; k < links.size(); ++k) {
                const QJsonObject link = links.at(k).toObject();
                Citation citation;
                citation.sourceUid = link.value(u"source"_s).toString();
                citation.quote = link.value(u"quote"_s).toString();
                citation.locator = link.value(u"locator"_s).toString();
                if (!sourceUids.contains(citation.sourceUid)) {
                    fail(arrayName, i, u"sources[%1].source"_s.arg(k),
                         citation.sourceUid.isEmpty()
                             ? u"missing source uid"_s
                             : u"cites source %1, which the file does not contain"_s.arg(
                                   citation.sourceUid));
                    return std::nullopt;
                }
                event.citations << citation;
            }
            if (eventUids.contains(event.uid)) {
                fail(arrayName, i, u"uid"_s, u"uid %1 appears twice"_s.arg(event.uid));
                return std::nullopt;
            }
            eventUids.insert(event.uid);
            dataset.events << std::move(event);
        }

        NativeJsonRelations::Problem problem;
        if (!NativeJsonRelations::read(root.value(u"relations"_s).toArray(), eventUids, sourceUids,
                                       &dataset.relations, &problem)) {
            fail(u"relations"_s, problem.index, problem.field, problem.message);
            return std::nullopt;
        }

        const QJsonArray views = root.value(u"saved_views"_s).toArray();
        for (qsizetype i = 0; i < views.size(); ++i) {
            const QJsonObject object = views.at(i).toObject();
            SavedView view;
            if (!readString(object, u"saved_views"_s, i, u"name"_s, &view.name, true) ||
                !readString(object, u"saved_views"_s, i, u"filter"_s, &view.filter))
                return std::nullopt;
            dataset.savedViews << view;
        }
        return dataset;
    }

    InputError m_error;

private:
    QString m_fileName;
    QHash<QString, QList<int>> m_lines;
};

} // namespace

std::optional<Dataset> NativeJsonFormat::read(const QByteArray &bytes, const QString &fileName,
                                              InputError *error) {
    // A well-formed file is read in one pass without a document tree; anything the fast
    // reader is not sure about (every error included) is read again the thorough way, which
    // gives the same dataset or the message with file, line and field.
    if (std::optional<Dataset> dataset = NativeJsonFastReader::read(bytes))
        return dataset;
    return readThoroughly(bytes, fileName, error);
}

std::optional<Dataset> NativeJsonFormat::readThoroughly(const QByteArray &bytes,
                                                        const QString &fileName,
                                                        InputError *error) {
    InputError local;
    InputError &err = error ? *error : local;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        err = FormatSupport::jsonSyntaxError(bytes, parseError.offset, parseError.errorString(),
                                             fileName);
        return std::nullopt;
    }
    if (!document.isObject()) {
        err = {fileName, 1, 0, {}, u"not a ChipTimeline file (the top level is not an object)"_s};
        return std::nullopt;
    }
    Reader reader(bytes, fileName);
    std::optional<Dataset> dataset = reader.read(document.object());
    if (!dataset)
        err = reader.m_error;
    return dataset;
}

std::optional<Dataset> NativeJsonFormat::readFile(const QString &path, InputError *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = {path, 0, 0, {}, file.errorString()};
        return std::nullopt;
    }
    return readMapped(file, path, error);
}

std::optional<Dataset> NativeJsonFormat::readMapped(QFile &file, const QString &fileName,
                                                    InputError *error) {
    // Only a file on disk: a resource's "mapping" may be memory of the program's own.
    const qint64 size = file.size();
    const bool onDisk = !file.fileName().startsWith(u':') && !file.fileName().startsWith(u"qrc:"_s);
    uchar *mapped = onDisk && size > 0 ? file.map(0, size) : nullptr;
    if (!mapped)
        return read(file.readAll(), fileName, error);
    std::optional<Dataset> dataset = readMapping(
        QByteArray::fromRawData(reinterpret_cast<const char *>(mapped), qsizetype(size)), fileName,
        error);
    file.unmap(mapped);
    return dataset;
}

std::optional<Dataset> NativeJsonFormat::readMapping(const QByteArray &mappedBytes,
                                                     const QString &fileName, InputError *error) {
    if (std::optional<Dataset> dataset =
            NativeJsonFastReader::read(mappedBytes, NativeJsonFastReader::Pages::ReleaseAsRead))
        return dataset;
    // The pages given back are read again from the file.
    return readThoroughly(mappedBytes, fileName, error);
}

bool NativeJsonFormat::looksLikeNative(const QByteArray &bytes) {
    const QByteArray head = bytes.left(512);
    return head.trimmed().startsWith('{') && head.contains("\"format\"") &&
           head.contains("\"chiptimeline\"");
}

namespace {

// One event as the file holds it: its sources by uid, with the quote and locator.
// With `relations` (the list's form), the relations from and to the event follow its sources.
void writeEvent(JsonWriter &json, const Event &event,
                const QList<const Relation *> *relations = nullptr) {
    json.beginObject();
    json.key(u"uid");
    json.value(event.uid);
    json.key(u"title");
    json.value(event.title);
    json.key(u"summary");
    json.value(event.summary);
    TranslationsJson::write(json, event.translations);
    json.key(u"start");
    json.value(event.start.toIsoString());
    json.key(u"end");
    json.value(event.end.toIsoString());
    json.key(u"category");
    json.value(event.category);
    json.key(u"status");
    json.value(eventStatusKey(event.status));
    json.key(u"importance");
    json.value(qint64(event.importance));
    json.key(u"actors");
    json.stringArray(event.actors);
    json.key(u"chips");
    json.stringArray(event.chips);
    json.key(u"tags");
    json.stringArray(event.tags);
    json.key(u"sources");
    NativeJsonRelations::writeCitations(json, event.citations);
    if (relations) {
        json.key(u"relations");
        json.beginArray();
        for (const Relation *relation : *relations)
            NativeJsonRelations::writeRelation(json, *relation);
        json.endArray();
    }
    json.endObject();
}

} // namespace

QByteArray NativeJsonFormat::write(const Dataset &dataset) {
    QList<Category> categories = dataset.categories;
    std::stable_sort(categories.begin(), categories.end(),
                     [](const Category &a, const Category &b) {
                         return std::tie(a.order, a.name) < std::tie(b.order, b.name);
                     });
    // Sorted as pointers: a sorted copy of the lists would copy every event and source.
    std::vector<const Source *> sources;
    sources.reserve(size_t(dataset.sources.size()));
    for (const Source &source : dataset.sources)
        sources.push_back(&source);
    std::stable_sort(sources.begin(), sources.end(),
                     [](const Source *a, const Source *b) { return a->uid < b->uid; });
    std::vector<const Event *> events;
    events.reserve(size_t(dataset.events.size()));
    for (const Event &event : dataset.events)
        events.push_back(&event);
    std::stable_sort(events.begin(), events.end(), [](const Event *a, const Event *b) {
        if (a->start != b->start)
            return a->start < b->start;
        return a->uid < b->uid;
    });

    // About what the file will hold, so the text is not copied as it grows.
    qsizetype estimate = 4096;
    for (const Source &source : dataset.sources)
        estimate += 400 + source.title.size() + source.excerpt.size() + source.notes.size() +
                    source.url.size();
    for (const Event &event : dataset.events) {
        estimate += 400 + event.title.size() + event.summary.size();
        for (const Citation &citation : event.citations)
            estimate += 100 + citation.quote.size();
    }
    JsonWriter json;
    json.reserve(estimate);
    json.beginObject();
    json.key(u"format");
    json.value(u"chiptimeline"_s);
    json.key(u"version");
    // Version 2 added relations: a file without them stays readable by older ChipTimelines.
    json.value(qint64(dataset.relations.isEmpty() ? 1 : Version));
    json.key(u"title");
    json.value(dataset.title);

    json.key(u"categories");
    json.beginArray();
    for (const Category &category : categories) {
        json.beginObject();
        json.key(u"name");
        json.value(category.name);
        json.key(u"label");
        json.value(category.label);
        json.key(u"color");
        json.value(category.color.isValid() ? category.color.name() : QString());
        json.key(u"order");
        json.value(qint64(category.order));
        TranslationsJson::write(json, category.labelTranslations);
        json.endObject();
    }
    json.endArray();

    json.key(u"sources");
    json.beginArray();
    for (const Source *sourceAt : sources) {
        const Source &source = *sourceAt;
        json.beginObject();
        json.key(u"uid");
        json.value(source.uid);
        json.key(u"kind");
        json.value(source.kind);
        json.key(u"title");
        json.value(source.title);
        json.key(u"outlet");
        json.value(source.outlet);
        json.key(u"authors");
        json.stringArray(source.authors);
        json.key(u"url");
        json.value(source.url);
        json.key(u"doi");
        json.value(source.doi);
        json.key(u"published");
        json.value(source.published.toIsoString());
        json.key(u"accessed");
        json.value(source.accessed.toIsoString());
        json.key(u"language");
        json.value(source.language);
        json.key(u"excerpt");
        json.value(source.excerpt);
        json.key(u"notes");
        json.value(source.notes);
        json.endObject();
    }
    json.endArray();

    json.key(u"events");
    json.beginArray();
    for (const Event *eventAt : events)
        writeEvent(json, *eventAt);
    json.endArray();

    if (!dataset.relations.isEmpty()) {
        json.key(u"relations");
        json.beginArray();
        for (const Relation &relation : dataset.relations)
            NativeJsonRelations::writeRelation(json, relation);
        json.endArray();
    }

    json.key(u"saved_views");
    json.beginArray();
    for (const SavedView &view : dataset.savedViews) {
        json.beginObject();
        json.key(u"name");
        json.value(view.name);
        json.key(u"filter");
        json.value(view.filter);
        json.endObject();
    }
    json.endArray();
    json.endObject();
    return json.take();
}

QByteArray NativeJsonFormat::writeEvents(const QList<Event> &events,
                                         const QList<Relation> *relations) {
    QHash<QString, QList<const Relation *>> relationsOf;
    if (relations) {
        for (const Relation &relation : *relations) {
            relationsOf[relation.fromUid] << &relation;
            relationsOf[relation.toUid] << &relation;
        }
    }
    const QList<const Relation *> none;
    JsonWriter json;
    json.beginArray();
    for (const Event &event : events) {
        const auto related = relationsOf.constFind(event.uid);
        writeEvent(json, event,
                   !relations                      ? nullptr
                   : related == relationsOf.cend() ? &none
                                                   : &*related);
    }
    json.endArray();
    return json.take();
}
