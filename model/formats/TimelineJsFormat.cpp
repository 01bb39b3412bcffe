#include "model/formats/TimelineJsFormat.h"

#include <QRegularExpression>

#include "model/formats/FormatSupport.h"
#include "model/formats/HtmlMarkdown.h"
#include "model/formats/JsonWriter.h"
#include "model/formats/LinkedSources.h"
#include "model/formats/TimelineJsSlide.h"
#include "model/formats/TranslationsJson.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Lines where each element of the top-level arrays (events, eras) starts, and where the
// title object starts; QJsonDocument keeps no positions, so scan once, minding strings.
struct ElementLines {
    QHash<QString, QList<int>> arrays;
    int title = 0;
};

ElementLines elementLines(const QByteArray &bytes) {
    ElementLines lines;
    int depth = 0;
    int line = 1;
    bool inString = false;
    bool escaped = false;
    qsizetype stringStart = 0;
    QByteArray lastString;
    QString key;
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
                lastString = bytes.mid(stringStart, i - stringStart);
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
                key = QString::fromUtf8(lastString);
            break;
        case '{':
        case '[':
            if (depth == 2 && c == '{')
                lines.arrays[key] << line;
            if (depth == 1 && c == '{' && key == u"title"_s)
                lines.title = line;
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

// A date object's part: a whole number or a string of digits; 0 when absent or empty.
std::optional<qint64> part(const QJsonObject &date, const QString &key) {
    const QJsonValue value = date.value(key);
    if (value.isUndefined() || value.isNull())
        return 0;
    if (value.isDouble()) {
        const double d = value.toDouble();
        // Range first: converting a double beyond qint64 (1e300, found by fuzzing) is
        // undefined behaviour. Whole numbers up to 2^53 are exact in a double.
        constexpr double Exact = 9007199254740992.0;
        if (!(d >= -Exact && d <= Exact) || d != std::trunc(d))
            return std::nullopt;
        return qint64(d);
    }
    if (value.isString())
        return TimelineJsSlide::number(value.toString());
    return std::nullopt;
}

QString htmlField(const QJsonObject &object, const QString &key) {
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

class Reader {
public:
    Reader(const QByteArray &bytes, QString fileName)
        : m_fileName(std::move(fileName))
        , m_lines(elementLines(bytes)) {}

    bool fail(const QString &array, qsizetype index, const QString &field, const QString &message) {
        const QList<int> lines = m_lines.arrays.value(array);
        const int line = array == u"title"_s                  ? m_lines.title
                         : index >= 0 && index < lines.size() ? lines.at(index)
                                                              : 0;
        QString where = array == u"title"_s ? array : u"%1[%2]"_s.arg(array).arg(index);
        if (!field.isEmpty())
            where += u'.' + field;
        m_error = {m_fileName, line, 0, where, message};
        return false;
    }

    bool readDate(const QJsonObject &slide, const QString &array, qsizetype index,
                  const QString &key, bool required, PartialDate *out) {
        const QJsonValue value = slide.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                return fail(array, index, key, u"missing"_s);
            return true;
        }
        if (!value.isObject())
            return fail(array, index, key, u"must be an object with year, month, day"_s);
        const QJsonObject date = value.toObject();
        qint64 parts[3] = {0, 0, 0};
        const QString names[3] = {u"year"_s, u"month"_s, u"day"_s};
        for (int k = 0; k < 3; ++k) {
            const auto n = part(date, names[k]);
            if (!n)
                return fail(array, index, key + u'.' + names[k], u"must be a whole number"_s);
            parts[k] = *n;
        }
        if (parts[0] == 0 && !date.contains(u"year"_s))
            return fail(array, index, key + u".year"_s, u"missing"_s);
        QString reason;
        const auto parsed = TimelineJsSlide::dateFromParts(parts[0], parts[1], parts[2], &reason);
        if (!parsed)
            return fail(array, index, key, reason);
        *out = *parsed;
        return true;
    }

    bool readSlide(const QJsonValue &value, const QString &array, qsizetype index,
                   TimelineJsSlide *slide) {
        if (!value.isObject())
            return fail(array, index, {}, u"must be an object"_s);
        const QJsonObject object = value.toObject();
        slide->era = array == u"eras"_s;
        if (!readDate(object, array, index, u"start_date"_s, true, &slide->start) ||
            !readDate(object, array, index, u"end_date"_s, slide->era, &slide->end))
            return false;
        if (slide->end.isValid() && slide->end.lastJulianDay() < slide->start.firstJulianDay())
            return fail(array, index, u"end_date"_s,
                        u"%1 is before the start %2"_s.arg(slide->end.toIsoString(),
                                                           slide->start.toIsoString()));
        const QJsonObject text = object.value(u"text"_s).toObject();
        slide->headline = htmlField(text, u"headline"_s);
        slide->text = htmlField(text, u"text"_s);
        const QJsonObject media = object.value(u"media"_s).toObject();
        slide->mediaUrl = htmlField(media, u"url"_s);
        slide->mediaCredit = htmlField(media, u"credit"_s);
        slide->mediaCaption = htmlField(media, u"caption"_s);
        slide->group = htmlField(object, u"group"_s);
        const QJsonValue uid = object.value(u"unique_id"_s);
        slide->uniqueId = uid.isDouble() ? QString::number(uid.toInteger()) : uid.toString();
        const QJsonValue translations = object.value(u"translations"_s);
        if (!translations.isUndefined() && !translations.isObject())
            return fail(array, index, u"translations"_s, u"must be an object"_s);
        QString problem;
        slide->translations =
            DataTranslations::eventTranslationsFromJson(translations.toObject(), &problem);
        if (!problem.isEmpty())
            return fail(array, index, u"translations"_s, problem);
        return true;
    }

    std::optional<Dataset> read(const QJsonObject &root) {
        const QJsonValue events = root.value(u"events"_s);
        if (!events.isArray()) {
            m_error = {m_fileName, 1, 0, u"events"_s,
                       u"missing: a TimelineJS file has an \"events\" array"_s};
            return std::nullopt;
        }
        Dataset dataset;
        LinkedSources sources;
        QSet<QString> uids;
        if (root.value(u"title"_s).isObject()) {
            const QJsonObject text = root.value(u"title"_s).toObject().value(u"text"_s).toObject();
            dataset.title = HtmlMarkdown::toPlainText(htmlField(text, u"headline"_s)).trimmed();
        }
        for (const QString &array : {u"events"_s, u"eras"_s}) {
            const QJsonArray items = root.value(array).toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                TimelineJsSlide slide;
                if (!readSlide(items.at(i), array, i, &slide))
                    return std::nullopt;
                QString reason;
                std::optional<Event> event = slide.toEvent(&sources, &reason);
                if (!event) {
                    fail(array, i, u"text.headline"_s, reason);
                    return std::nullopt;
                }
                if (!event->uid.isEmpty()) {
                    if (uids.contains(event->uid)) {
                        fail(array, i, u"unique_id"_s, u"'%1' appears twice"_s.arg(event->uid));
                        return std::nullopt;
                    }
                    uids.insert(event->uid);
                }
                dataset.events << std::move(*event);
            }
        }
        dataset.sources = sources.take();
        return dataset;
    }

    InputError m_error;

private:
    QString m_fileName;
    ElementLines m_lines;
};

} // namespace

std::optional<Dataset> TimelineJsFormat::read(const QByteArray &input, const QString &fileName,
                                              InputError *error) {
    // Editors on Windows like to start UTF-8 with a byte-order mark; JSON has no room for it.
    const QByteArray bytes = input.startsWith("\xEF\xBB\xBF") ? input.mid(3) : input;
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
        err = {fileName, 1, 0, {}, u"not a TimelineJS file (the top level is not an object)"_s};
        return std::nullopt;
    }
    Reader reader(bytes, fileName);
    std::optional<Dataset> dataset = reader.read(document.object());
    if (!dataset)
        err = reader.m_error;
    return dataset;
}

bool TimelineJsFormat::looksLikeTimelineJs(const QByteArray &bytes) {
    QByteArray head = bytes.left(64 * 1024);
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.mid(3);
    head = head.trimmed();
    return head.startsWith('{') && head.contains("\"events\"") &&
           !head.contains("\"chiptimeline\"");
}

bool TimelineJsFormat::looksLikeTimelineJs2(const QByteArray &bytes) {
    QByteArray head = bytes.left(64 * 1024);
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.mid(3);
    head = head.trimmed();
    static const QRegularExpression shape(uR"(^\{\s*"timeline"\s*:\s*\{)"_s);
    return shape.match(QString::fromUtf8(head.left(256))).hasMatch() &&
           (head.contains("\"startDate\"") || head.contains("\"date\""));
}

namespace {

void writeDate(JsonWriter &json, QStringView key, const PartialDate &date) {
    json.key(key);
    json.beginObject();
    json.key(u"year");
    json.value(qint64(date.year()));
    if (date.month() != 0) {
        json.key(u"month");
        json.value(qint64(date.month()));
    }
    if (date.day() != 0) {
        json.key(u"day");
        json.value(qint64(date.day()));
    }
    json.endObject();
}

void writeText(JsonWriter &json, const QString &headline, const QString &text) {
    json.key(u"text");
    json.beginObject();
    json.key(u"headline");
    json.value(headline);
    json.key(u"text");
    json.value(text);
    json.endObject();
}

} // namespace

QByteArray TimelineJsFormat::write(const Dataset &dataset) {
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
    QList<TimelineJsSlide> slides;
    QList<TimelineJsSlide> eras;
    for (const Event &event : std::as_const(events)) {
        TimelineJsSlide slide = TimelineJsSlide::fromEvent(event, sources, lanes);
        (slide.era ? eras : slides) << slide;
    }

    JsonWriter json;
    json.beginObject();
    if (!dataset.title.isEmpty()) {
        json.key(u"title");
        json.beginObject();
        writeText(json, HtmlMarkdown::escapeHtml(dataset.title), {});
        json.endObject();
    }
    json.key(u"events");
    json.beginArray();
    for (const TimelineJsSlide &slide : std::as_const(slides)) {
        json.beginObject();
        writeDate(json, u"start_date", slide.start);
        if (slide.end.isValid())
            writeDate(json, u"end_date", slide.end);
        writeText(json, slide.headline, slide.text);
        if (!slide.mediaUrl.isEmpty()) {
            json.key(u"media");
            json.beginObject();
            json.key(u"url");
            json.value(slide.mediaUrl);
            if (!slide.mediaCredit.isEmpty()) {
                json.key(u"credit");
                json.value(slide.mediaCredit);
            }
            if (!slide.mediaCaption.isEmpty()) {
                json.key(u"caption");
                json.value(slide.mediaCaption);
            }
            json.endObject();
        }
        if (!slide.group.isEmpty()) {
            json.key(u"group");
            json.value(slide.group);
        }
        if (!slide.uniqueId.isEmpty()) {
            json.key(u"unique_id");
            json.value(slide.uniqueId);
        }
        TranslationsJson::write(json, slide.translations);
        json.endObject();
    }
    json.endArray();
    if (!eras.isEmpty()) {
        json.key(u"eras");
        json.beginArray();
        for (const TimelineJsSlide &slide : std::as_const(eras)) {
            json.beginObject();
            writeDate(json, u"start_date", slide.start);
            writeDate(json, u"end_date", slide.end);
            writeText(json, slide.headline, slide.text);
            json.endObject();
        }
        json.endArray();
    }
    json.endObject();
    return json.take();
}
