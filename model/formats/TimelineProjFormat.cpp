#include "model/formats/TimelineProjFormat.h"

#include "model/formats/LinkedSources.h"
#include "model/formats/TextDecoding.h"

#include <QHash>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct RawEvent {
    int line = 0;
    QString start;
    QString end;
    QString text;
    QString description;
    QString category;
    QStringList categories;
    QString hyperlink;
    bool fuzzy = false;
    bool milestone = false;
};

struct RawEra {
    int line = 0;
    QString name;
    QString start;
    QString end;
};

bool isOldLineFormat(const QByteArray &bytes) {
    const QByteArray head = bytes.left(4096).trimmed();
    if (head.startsWith('<'))
        return false;
    return head.startsWith("# Written by Timeline") || head.startsWith("EVENT:") ||
           head.contains("\nEVENT:") || head.startsWith("CATEGORY:") ||
           head.contains("\nCATEGORY:");
}

class Reader {
public:
    Reader(const QByteArray &bytes, QString fileName)
        : m_xml(bytes)
        , m_fileName(std::move(fileName)) {}

    std::optional<Dataset> read() {
        if (!m_xml.readNextStartElement())
            return xmlFailure(u"not a Timeline file (no XML root element)"_s);
        if (m_xml.name() != u"timeline"_s)
            return fail(int(m_xml.lineNumber()), {},
                        u"not a Timeline file (the root element is <%1>, not <timeline>)"_s.arg(
                            m_xml.name().toString()));
        while (m_xml.readNextStartElement()) {
            const QStringView name = m_xml.name();
            if (name == u"timetype"_s) {
                const int line = int(m_xml.lineNumber());
                const QString type = m_xml.readElementText().trimmed();
                if (!type.isEmpty() && type != u"gregoriantime"_s)
                    return fail(
                        line, u"timetype"_s,
                        u"'%1' timelines are not supported (only gregoriantime)"_s.arg(type));
            } else if (name == u"categories"_s) {
                if (!readCategories())
                    return m_xml.hasError() ? xmlFailure({}) : std::nullopt;
            } else if (name == u"events"_s) {
                if (!readEvents())
                    return m_xml.hasError() ? xmlFailure({}) : std::nullopt;
            } else if (name == u"eras"_s) {
                if (!readEras())
                    return m_xml.hasError() ? xmlFailure({}) : std::nullopt;
            } else {
                m_xml.skipCurrentElement();
            }
        }
        if (m_xml.hasError())
            return xmlFailure({});
        return build();
    }

    InputError m_error;

private:
    std::nullopt_t fail(int line, const QString &field, const QString &message) {
        m_error = {m_fileName, line, 0, field, message};
        return std::nullopt;
    }

    std::nullopt_t xmlFailure(const QString &fallback) {
        if (!m_xml.hasError())
            return fail(int(m_xml.lineNumber()), {}, fallback);
        m_error = {m_fileName,
                   int(m_xml.lineNumber()),
                   int(m_xml.columnNumber()),
                   {},
                   u"not well-formed XML: %1"_s.arg(m_xml.errorString())};
        return std::nullopt;
    }

    // The children of the current element as name → text (the format has no attributes and
    // at most one level of nesting we care about).
    bool readCategories() {
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() != u"category"_s) {
                m_xml.skipCurrentElement();
                continue;
            }
            const int line = int(m_xml.lineNumber());
            Category category;
            QString color;
            while (m_xml.readNextStartElement()) {
                if (m_xml.name() == u"name"_s)
                    category.name = m_xml.readElementText().trimmed();
                else if (m_xml.name() == u"color"_s)
                    color = m_xml.readElementText().trimmed();
                else
                    m_xml.skipCurrentElement();
            }
            if (m_xml.hasError())
                return false;
            if (category.name.isEmpty()) {
                fail(line, u"category"_s, u"has no name"_s);
                return false;
            }
            if (!color.isEmpty()) {
                const QStringList rgb = color.split(u',');
                bool ok = rgb.size() == 3;
                int values[3] = {0, 0, 0};
                for (int k = 0; ok && k < 3; ++k) {
                    values[k] = rgb.at(k).trimmed().toInt(&ok);
                    ok = ok && values[k] >= 0 && values[k] <= 255;
                }
                if (!ok) {
                    fail(line, u"category %1: color"_s.arg(category.name),
                         u"'%1' is not r,g,b with values 0–255"_s.arg(color));
                    return false;
                }
                category.color = QColor(values[0], values[1], values[2]);
            }
            if (!m_categoryNames.contains(category.name)) {
                category.order = int(m_categories.size()) + 1;
                m_categoryNames.insert(category.name, m_categories.size());
                m_categories << category;
            }
        }
        return !m_xml.hasError();
    }

    bool readEvents() {
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() != u"event"_s) {
                m_xml.skipCurrentElement();
                continue;
            }
            RawEvent event;
            event.line = int(m_xml.lineNumber());
            while (m_xml.readNextStartElement()) {
                const QStringView name = m_xml.name();
                if (name == u"start"_s)
                    event.start = m_xml.readElementText();
                else if (name == u"end"_s)
                    event.end = m_xml.readElementText();
                else if (name == u"text"_s)
                    event.text = m_xml.readElementText();
                else if (name == u"description"_s)
                    event.description = m_xml.readElementText();
                else if (name == u"category"_s)
                    event.category = m_xml.readElementText().trimmed();
                else if (name == u"categories"_s) {
                    while (m_xml.readNextStartElement()) {
                        if (m_xml.name() == u"category"_s)
                            event.categories << m_xml.readElementText().trimmed();
                        else
                            m_xml.skipCurrentElement();
                    }
                } else if (name == u"hyperlink"_s)
                    event.hyperlink = m_xml.readElementText();
                else if (name == u"fuzzy"_s)
                    event.fuzzy = m_xml.readElementText().trimmed() == u"True"_s;
                else if (name == u"milestone"_s)
                    event.milestone = m_xml.readElementText().trimmed() == u"True"_s;
                else
                    m_xml.skipCurrentElement();
            }
            if (m_xml.hasError())
                return false;
            m_events << event;
        }
        return !m_xml.hasError();
    }

    bool readEras() {
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() != u"era"_s) {
                m_xml.skipCurrentElement();
                continue;
            }
            RawEra era;
            era.line = int(m_xml.lineNumber());
            while (m_xml.readNextStartElement()) {
                if (m_xml.name() == u"name"_s)
                    era.name = m_xml.readElementText().trimmed();
                else if (m_xml.name() == u"start"_s)
                    era.start = m_xml.readElementText();
                else if (m_xml.name() == u"end"_s)
                    era.end = m_xml.readElementText();
                else
                    m_xml.skipCurrentElement();
            }
            if (m_xml.hasError())
                return false;
            m_eras << era;
        }
        return !m_xml.hasError();
    }

    // "2025-04-15 09:30:00" (or just the date) → day precision.
    std::optional<PartialDate> date(const QString &text, int line, const QString &field) {
        static const QRegularExpression form(
            uR"(^(-?\d+)-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$)"_s);
        const QString t = text.trimmed();
        if (t.isEmpty()) {
            fail(line, field, u"missing"_s);
            return std::nullopt;
        }
        const QRegularExpressionMatch m = form.match(t);
        if (!m.hasMatch()) {
            fail(line, field, u"'%1' is not a time of the form YYYY-MM-DD HH:MM:SS"_s.arg(t));
            return std::nullopt;
        }
        const int year = m.captured(1).toInt();
        if (year < PartialDate::MinYear || year > PartialDate::MaxYear) {
            fail(line, field,
                 u"year %1 is outside %2–%3"_s.arg(year)
                     .arg(PartialDate::MinYear)
                     .arg(PartialDate::MaxYear));
            return std::nullopt;
        }
        QString reason;
        const auto parsed =
            PartialDate::parseIso(u"%1-%2-%3"_s.arg(year, 4, 10, QChar(u'0'))
                                      .arg(m.captured(2).toInt(), 2, 10, QChar(u'0'))
                                      .arg(m.captured(3).toInt(), 2, 10, QChar(u'0')),
                                  &reason);
        if (!parsed)
            fail(line, field, reason);
        return parsed;
    }

    std::optional<Dataset> build() {
        static const QRegularExpression containerForm(
            uR"(^\[(\d+)\](.*)$)"_s, QRegularExpression::DotMatchesEverythingOption);
        static const QRegularExpression memberForm(uR"(^\((\d+)\)(.*)$)"_s,
                                                   QRegularExpression::DotMatchesEverythingOption);
        Dataset dataset;
        dataset.categories = m_categories;
        LinkedSources sources;
        QHash<QString, qsizetype> containers;         // container id → index in dataset.events
        QList<std::pair<qsizetype, QString>> members; // event index, container id
        for (const RawEvent &raw : std::as_const(m_events)) {
            Event event;
            const auto start = date(raw.start, raw.line, u"start"_s);
            if (!start)
                return std::nullopt;
            const auto end =
                raw.end.trimmed().isEmpty() ? start : date(raw.end, raw.line, u"end"_s);
            if (!end)
                return std::nullopt;
            if (*end < *start)
                return fail(
                    raw.line, u"end"_s,
                    u"%1 is before the start %2"_s.arg(end->toIsoString(), start->toIsoString()));
            event.start = *start;
            if (*end != *start)
                event.end = *end;

            QString text = raw.text;
            QString containerId;
            QString memberOf;
            if (const auto m = containerForm.match(text); m.hasMatch()) {
                containerId = m.captured(1);
                text = m.captured(2);
            } else if (const auto m2 = memberForm.match(text); m2.hasMatch()) {
                memberOf = m2.captured(1);
                text = m2.captured(2);
            } else if (text.startsWith(u" ("_s) || text.startsWith(u" ["_s)) {
                text.remove(0, 1); // Timeline's mark of ordinary text that starts so
            }
            event.title = text.trimmed();
            if (event.title.isEmpty())
                return fail(raw.line, u"text"_s, u"the event has no text to name it by"_s);
            event.summary = raw.description.trimmed();
            event.category = raw.category;
            if (event.category.isEmpty() && !raw.categories.isEmpty())
                event.category = raw.categories.first();
            for (const QString &category : raw.categories) {
                if (category != event.category && !category.isEmpty() &&
                    !event.tags.contains(category))
                    event.tags << category;
            }
            if (raw.fuzzy)
                event.tags << u"fuzzy"_s;
            if (raw.milestone)
                event.tags << u"milestone"_s;
            QStringList otherLinks;
            for (const QString &part : raw.hyperlink.split(u';')) {
                const QString url = part.trimmed();
                if (url.isEmpty())
                    continue;
                if (!LinkedSources::isWebUrl(url)) {
                    otherLinks << url;
                    continue;
                }
                const QString uid = sources.addWeb(url, {}, {});
                if (std::none_of(event.citations.cbegin(), event.citations.cend(),
                                 [&](const Citation &c) { return c.sourceUid == uid; }))
                    event.citations << Citation{uid, {}, {}};
            }
            if (!otherLinks.isEmpty()) {
                // Not web addresses (file:, ftp:): kept as text, never opened by the app.
                if (!event.summary.isEmpty())
                    event.summary += u"\n\n"_s;
                event.summary += u"Links: "_s + otherLinks.join(u"; "_s);
            }
            if (!containerId.isEmpty()) {
                event.tags << u"container"_s;
                containers.insert(containerId, dataset.events.size());
            } else if (!memberOf.isEmpty()) {
                members << std::pair(dataset.events.size(), memberOf);
            }
            dataset.events << std::move(event);
        }
        // Members name their container in a tag; a container spans its members.
        QHash<qsizetype, std::pair<qint64, qint64>> spans;
        for (const auto &[eventIndex, id] : std::as_const(members)) {
            const auto it = containers.constFind(id);
            Event &member = dataset.events[eventIndex];
            if (it == containers.cend()) {
                // No such container: the prefix was ordinary text after all.
                member.title = QString(u"("_s + id + u')' + member.title).trimmed();
                continue;
            }
            const Event &container = dataset.events.at(*it);
            if (!member.tags.contains(container.title))
                member.tags << container.title;
            auto span = spans.value(*it, {member.firstJulianDay(), member.lastJulianDay()});
            span.first = std::min(span.first, member.firstJulianDay());
            span.second = std::max(span.second, member.lastJulianDay());
            spans.insert(*it, span);
        }
        for (auto it = spans.cbegin(); it != spans.cend(); ++it) {
            Event &container = dataset.events[it.key()];
            container.start = PartialDate::fromDate(QDate::fromJulianDay(it.value().first));
            container.end = PartialDate::fromDate(QDate::fromJulianDay(it.value().second));
        }
        for (const RawEra &raw : std::as_const(m_eras)) {
            Event era;
            const auto start = date(raw.start, raw.line, u"era start"_s);
            if (!start)
                return std::nullopt;
            const auto end = date(raw.end, raw.line, u"era end"_s);
            if (!end)
                return std::nullopt;
            if (*end < *start)
                return fail(
                    raw.line, u"era end"_s,
                    u"%1 is before the start %2"_s.arg(end->toIsoString(), start->toIsoString()));
            era.title = raw.name.isEmpty() ? u"Era"_s : raw.name;
            era.start = *start;
            if (*end != *start)
                era.end = *end;
            era.category = u"era"_s;
            dataset.events << era;
        }
        dataset.sources = sources.take();
        return dataset;
    }

    QXmlStreamReader m_xml;
    QString m_fileName;
    QList<Category> m_categories;
    QHash<QString, qsizetype> m_categoryNames;
    QList<RawEvent> m_events;
    QList<RawEra> m_eras;
};

} // namespace

bool TimelineProjFormat::looksLikeTimelineProj(const QByteArray &bytes) {
    const QByteArray head = bytes.left(4096);
    return head.contains("<timeline>") || isOldLineFormat(bytes);
}

std::optional<Dataset> TimelineProjFormat::read(const QByteArray &bytes, const QString &fileName,
                                                InputError *error) {
    InputError local;
    InputError &err = error ? *error : local;
    if (isOldLineFormat(bytes)) {
        err = {fileName,
               1,
               0,
               {},
               u"a Timeline 0.x file (its line format: EVENT:, CATEGORY:); ChipTimeline reads the "
               "XML .timeline files of Timeline 1.0 and later — open it in Timeline "
               "(thetimelineproj) 1.x or later, save it, and import the saved file"_s};
        return std::nullopt;
    }
    // Name the line of a bad byte the way every other import does, unless the file declares
    // an encoding of its own.
    const QByteArray declaration = bytes.left(bytes.indexOf("?>") + 2).toLower();
    const bool declaresOther = declaration.startsWith("<?xml") &&
                               declaration.contains("encoding") && !declaration.contains("utf-8");
    if (!declaresOther) {
        const qsizetype bad = TextDecoding::firstInvalidUtf8Byte(bytes);
        if (bad >= 0) {
            const auto byte = static_cast<unsigned char>(bytes.at(bad));
            err = {fileName,
                   int(bytes.left(bad).count('\n')) + 1,
                   0,
                   {},
                   u"not UTF-8 text (invalid byte 0x%1); save it as UTF-8"_s.arg(
                       QString::number(byte, 16).toUpper().rightJustified(2, u'0'))};
            return std::nullopt;
        }
    }
    Reader reader(bytes, fileName);
    std::optional<Dataset> dataset = reader.read();
    if (!dataset)
        err = reader.m_error;
    return dataset;
}
