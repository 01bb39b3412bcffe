#include "model/formats/ICalendarFormat.h"

#include "model/formats/FormatSupport.h"
#include "model/formats/LinkedSources.h"
#include "model/formats/SourceListText.h"
#include "model/formats/TextDecoding.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString SourcesHeading = u"Sources:"_s;

QString dateValue(const QDate &date) {
    return date.toString(u"yyyyMMdd"_s);
}

// Splits on unescaped commas (CATEGORIES is a list).
QStringList splitList(QStringView value) {
    QStringList items;
    QString current;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) == u'\\' && i + 1 < value.size()) {
            current += value.at(i);
            current += value.at(++i);
            continue;
        }
        if (value.at(i) == u',') {
            items << current;
            current.clear();
            continue;
        }
        current += value.at(i);
    }
    items << current;
    return items;
}

// The uid the reader makes of a UID value: a UUID is kept (in lower case), anything else
// ("abc@google.com") becomes a UUID derived from it, the same on every import.
QString uidAsRead(const QString &value) {
    const QString uid = value.trimmed();
    QString uuid = FormatSupport::uuidIn(uid);
    if (uuid.isEmpty() && !uid.isEmpty())
        uuid = QUuid::createUuidV5(QUuid(), uid).toString(QUuid::WithoutBraces);
    return uuid;
}

// Every VEVENT needs a UID, and the reader refuses one that appears twice. An event's own
// uid is written as it is unless an event before it reads back as the same uid; an event
// without one (or with a taken one) gets a UUID derived from its title and start, numbered
// on ("|2", "|3", …) while that is taken too: two events alike in both are not one event.
void assignExportUids(QList<Event> *events) {
    QSet<QString> taken;
    QList<bool> kept(events->size(), false);
    for (qsizetype i = 0; i < events->size(); ++i) {
        QString written = events->at(i).uid;
        const QString asRead = uidAsRead(written.remove(u'\r')); // escapeText drops CRs
        if (!asRead.isEmpty() && !taken.contains(asRead)) {
            taken.insert(asRead);
            kept[i] = true;
        }
    }
    for (qsizetype i = 0; i < events->size(); ++i) {
        if (kept.at(i))
            continue;
        Event &event = (*events)[i];
        const QString basis = event.title + u'|' + event.start.toIsoString();
        QString uid = QUuid::createUuidV5(QUuid(), basis).toString(QUuid::WithoutBraces);
        for (int n = 2; taken.contains(uid); ++n)
            uid = QUuid::createUuidV5(QUuid(), basis + u'|' + QString::number(n))
                      .toString(QUuid::WithoutBraces);
        taken.insert(uid);
        event.uid = uid;
    }
}

} // namespace

QString ICalendarFormat::escapeText(QStringView text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\\':
            out += u"\\\\";
            break;
        case u';':
            out += u"\\;";
            break;
        case u',':
            out += u"\\,";
            break;
        case u'\n':
            out += u"\\n";
            break;
        case u'\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString ICalendarFormat::unescapeText(QStringView text) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' && i + 1 < text.size()) {
            const QChar next = text.at(++i);
            out += (next == u'n' || next == u'N') ? QChar(u'\n') : next;
            continue;
        }
        out += c;
    }
    return out;
}

QByteArray ICalendarFormat::foldLine(const QByteArray &line) {
    QByteArray out;
    out.reserve(line.size() + line.size() / 70 * 3 + 2);
    qsizetype pos = 0;
    int limit = 75; // the first line; continuation lines spend one octet on the space
    while (line.size() - pos > limit) {
        qsizetype cut = pos + limit;
        while (cut > pos && (static_cast<unsigned char>(line.at(cut)) & 0xC0) == 0x80)
            --cut; // back to the start of the UTF-8 sequence
        out += line.mid(pos, cut - pos);
        out += "\r\n ";
        pos = cut;
        limit = 74;
    }
    out += line.mid(pos);
    out += "\r\n";
    return out;
}

bool ICalendarFormat::looksLikeICalendar(const QByteArray &bytes) {
    QByteArray head = bytes.left(256).trimmed();
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.mid(3);
    return head.toUpper().startsWith("BEGIN:VCALENDAR");
}

QByteArray ICalendarFormat::write(const Dataset &dataset) {
    QHash<QString, Source> sources;
    for (const Source &source : dataset.sources)
        sources.insert(source.uid, source);
    QList<Event> events = dataset.events;
    // Before sorting, so events are in the order their uids will have when read back.
    assignExportUids(&events);
    std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        if (a.start != b.start)
            return a.start < b.start;
        return a.uid < b.uid;
    });
    QByteArray out;
    const auto line = [&](const QString &text) {
        out += foldLine(text.toUtf8());
    };
    line(u"BEGIN:VCALENDAR"_s);
    line(u"VERSION:2.0"_s);
    line(u"PRODID:-//ChipTimeline//ChipTimeline//EN"_s);
    line(u"CALSCALE:GREGORIAN"_s);
    if (!dataset.title.isEmpty())
        line(u"X-WR-CALNAME:"_s + escapeText(dataset.title));
    for (const Event &event : std::as_const(events)) {
        line(u"BEGIN:VEVENT"_s);
        line(u"UID:"_s + escapeText(event.uid));
        QDateTime stamp = event.modified.isValid() ? event.modified : event.created;
        if (!stamp.isValid())
            stamp = QDateTime::currentDateTimeUtc();
        line(u"DTSTAMP:"_s + stamp.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s));
        const QDate first = QDate::fromJulianDay(event.firstJulianDay());
        const QDate last = QDate::fromJulianDay(event.lastJulianDay());
        line(u"DTSTART;VALUE=DATE:"_s + dateValue(first));
        line(u"DTEND;VALUE=DATE:"_s + dateValue(last.addDays(1)));
        line(u"SUMMARY:"_s + escapeText(event.title));
        QString description = event.summary;
        const QString list = SourceListText::format(event.citations, sources);
        if (!list.isEmpty()) {
            if (!description.isEmpty())
                description += u"\n\n"_s;
            QStringList items = list.split(u'\n');
            for (QString &item : items)
                item.prepend(u"- "_s);
            description += SourcesHeading + u'\n' + items.join(u'\n');
        }
        if (!description.isEmpty())
            line(u"DESCRIPTION:"_s + escapeText(description));
        for (const Citation &citation : event.citations) {
            const QString url = sources.value(citation.sourceUid).url;
            if (!url.isEmpty()) {
                line(u"URL:"_s + url);
                break;
            }
        }
        if (!event.category.isEmpty())
            line(u"CATEGORIES:"_s + escapeText(event.category));
        line(u"END:VEVENT"_s);
    }
    line(u"END:VCALENDAR"_s);
    return out;
}

namespace {

struct Property {
    int line = 0;
    QString name;                       // upper case
    QHash<QString, QString> parameters; // upper-case names
    QString value;
};

// "NAME;PARAM=a;PARAM2=\"b:c\":value"
std::optional<Property> parseProperty(const QString &text, int line) {
    Property property;
    property.line = line;
    qsizetype i = 0;
    while (i < text.size() && text.at(i) != u';' && text.at(i) != u':')
        ++i;
    if (i >= text.size())
        return std::nullopt;
    property.name = text.left(i).trimmed().toUpper();
    while (i < text.size() && text.at(i) == u';') {
        ++i;
        const qsizetype eq = text.indexOf(u'=', i);
        if (eq < 0)
            return std::nullopt;
        const QString name = text.mid(i, eq - i).toUpper();
        i = eq + 1;
        QString value;
        if (i < text.size() && text.at(i) == u'"') {
            const qsizetype close = text.indexOf(u'"', i + 1);
            if (close < 0)
                return std::nullopt;
            value = text.mid(i + 1, close - i - 1);
            i = close + 1;
        } else {
            const qsizetype start = i;
            while (i < text.size() && text.at(i) != u';' && text.at(i) != u':')
                ++i;
            value = text.mid(start, i - start);
        }
        property.parameters.insert(name, value);
    }
    if (i >= text.size() || text.at(i) != u':')
        return std::nullopt;
    property.value = text.mid(i + 1);
    return property;
}

// DATE "20250415" or DATE-TIME "20250415T093000[Z]" → the calendar date, and whether it
// had a time.
std::optional<QDate> parseDateValue(const QString &value, bool *hadTime, QString *reason) {
    static const QRegularExpression form(uR"(^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$)"_s);
    const QRegularExpressionMatch m = form.match(value.trimmed());
    if (!m.hasMatch()) {
        *reason =
            u"'%1' is not a DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS)"_s.arg(value.trimmed());
        return std::nullopt;
    }
    *hadTime = m.hasCaptured(4);
    const QString iso = m.captured(1) + u'-' + m.captured(2) + u'-' + m.captured(3);
    const auto date = PartialDate::parseIso(iso, reason);
    if (!date)
        return std::nullopt;
    return date->firstDay();
}

// The span first..last as partial dates: whole years and whole months are recognised.
std::pair<PartialDate, PartialDate> spanDates(QDate first, QDate last) {
    if (first.day() == 1 && first.month() == 1 && last.month() == 12 && last.day() == 31) {
        const PartialDate a = PartialDate::fromYear(first.year());
        const PartialDate b = PartialDate::fromYear(last.year());
        return {a, a == b ? PartialDate() : b};
    }
    if (first.day() == 1 && last.day() == last.daysInMonth()) {
        const PartialDate a = PartialDate::fromYearMonth(first.year(), first.month());
        const PartialDate b = PartialDate::fromYearMonth(last.year(), last.month());
        return {a, a == b ? PartialDate() : b};
    }
    const PartialDate a = PartialDate::fromDate(first);
    const PartialDate b = PartialDate::fromDate(last);
    return {a, a == b ? PartialDate() : b};
}

} // namespace

std::optional<Dataset> ICalendarFormat::read(const QByteArray &bytes, const QString &fileName,
                                             InputError *error) {
    InputError local;
    InputError &err = error ? *error : local;
    const auto fail = [&](int line, const QString &field, const QString &message) {
        err = {fileName, line, 0, field, message};
        return std::nullopt;
    };
    const qsizetype bad = TextDecoding::firstInvalidUtf8Byte(bytes);
    if (bad >= 0) {
        const auto byte = static_cast<unsigned char>(bytes.at(bad));
        return fail(int(bytes.left(bad).count('\n')) + 1, {},
                    u"not UTF-8 text (invalid byte 0x%1); save it as UTF-8"_s.arg(
                        QString::number(byte, 16).toUpper().rightJustified(2, u'0')));
    }
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    if (const qsizetype nul = text.indexOf(QChar(u'\0')); nul >= 0)
        return fail(int(QStringView(text).first(nul).count(u'\n')) + 1, {},
                    u"binary data, not a text file (NUL byte)"_s);

    // Unfold: a line starting with a space or tab continues the one before.
    QList<std::pair<int, QString>> lines;
    {
        const QList<QStringView> raw = QStringView(text).split(u'\n');
        for (qsizetype i = 0; i < raw.size(); ++i) {
            QStringView l = raw.at(i);
            if (l.endsWith(u'\r'))
                l.chop(1);
            if (!l.isEmpty() && (l.front() == u' ' || l.front() == u'\t') && !lines.isEmpty()) {
                lines.last().second += l.mid(1);
                continue;
            }
            if (l.trimmed().isEmpty())
                continue;
            lines << std::pair(int(i) + 1, l.toString());
        }
    }
    if (lines.isEmpty() || lines.first().second.trimmed().toUpper() != u"BEGIN:VCALENDAR"_s)
        return fail(1, {}, u"not an iCalendar file (it does not start with BEGIN:VCALENDAR)"_s);

    Dataset dataset;
    LinkedSources sources;
    QSet<QString> uids;
    std::optional<Event> event;
    int eventLine = 0;
    bool hasEnd = false;
    bool endIsDate = false;
    bool allDay = true;
    QDate first;
    QDate last;
    QString url;
    QStringList nested; // components inside a VEVENT (VALARM) are skipped
    bool ended = false;
    for (const auto &[lineNumber, content] : std::as_const(lines)) {
        const auto property = parseProperty(content, lineNumber);
        if (!property)
            return fail(lineNumber, {},
                        u"'%1' is not a content line (NAME:value)"_s.arg(content.left(40)));
        const QString &name = property->name;
        const QString value = property->value;
        if (ended)
            return fail(lineNumber, {}, u"text after END:VCALENDAR"_s);
        if (name == u"BEGIN"_s) {
            const QString component = value.trimmed().toUpper();
            if (component == u"VEVENT"_s && !event && nested.isEmpty()) {
                event = Event{};
                eventLine = lineNumber;
                hasEnd = false;
                endIsDate = false;
                allDay = true;
                first = last = QDate();
                url.clear();
            } else if (event || component != u"VCALENDAR"_s || lineNumber != lines.first().first) {
                nested << component;
            }
            continue;
        }
        if (name == u"END"_s) {
            const QString component = value.trimmed().toUpper();
            if (!nested.isEmpty()) {
                if (nested.last() != component)
                    return fail(lineNumber, {},
                                u"END:%1 closes BEGIN:%2"_s.arg(component, nested.last()));
                nested.removeLast();
                continue;
            }
            if (component == u"VEVENT"_s && event) {
                if (event->title.isEmpty())
                    return fail(eventLine, u"SUMMARY"_s, u"missing (every event needs a title)"_s);
                if (!first.isValid())
                    return fail(eventLine, u"DTSTART"_s, u"missing"_s);
                if (!hasEnd)
                    last = first;
                // DTEND equal to an all-day DTSTART (some calendars write it so) means the
                // one day, not a day before it.
                if (allDay && endIsDate && last == first.addDays(-1))
                    last = first;
                if (last < first)
                    return fail(eventLine, u"DTEND"_s, u"before DTSTART"_s);
                const auto [start, end] =
                    allDay ? spanDates(first, last)
                           : std::pair(PartialDate::fromDate(first),
                                       first == last ? PartialDate() : PartialDate::fromDate(last));
                event->start = start;
                event->end = end;
                const bool urlListed = std::any_of(event->citations.cbegin(),
                                                   event->citations.cend(), [&](const Citation &c) {
                                                       for (const Source &s : sources.sources()) {
                                                           if (s.uid == c.sourceUid && s.url == url)
                                                               return true;
                                                       }
                                                       return false;
                                                   });
                if (!url.isEmpty() && LinkedSources::isWebUrl(url) && !urlListed) {
                    const QString uid = sources.add(LinkedSources::webSource(url, {}, {}));
                    if (std::none_of(event->citations.cbegin(), event->citations.cend(),
                                     [&](const Citation &c) { return c.sourceUid == uid; }))
                        event->citations << Citation{uid, {}, {}};
                }
                if (!event->uid.isEmpty()) {
                    if (uids.contains(event->uid))
                        return fail(eventLine, u"UID"_s, u"%1 appears twice"_s.arg(event->uid));
                    uids.insert(event->uid);
                }
                dataset.events << std::move(*event);
                event.reset();
                continue;
            }
            if (component == u"VCALENDAR"_s && !event) {
                ended = true;
                continue;
            }
            return fail(lineNumber, {}, u"END:%1 without its BEGIN"_s.arg(component));
        }
        if (!nested.isEmpty())
            continue;
        if (!event) {
            if (name == u"X-WR-CALNAME"_s)
                dataset.title = unescapeText(value).trimmed();
            continue;
        }
        if (name == u"UID"_s) {
            event->uid = uidAsRead(unescapeText(value));
        } else if (name == u"SUMMARY"_s) {
            event->title = unescapeText(value).trimmed();
        } else if (name == u"DESCRIPTION"_s) {
            QString description = unescapeText(value);
            description.replace(u"\r\n"_s, u"\n"_s);
            // The list our export appends: "Sources:" and one "- " line per source.
            qsizetype at = description.lastIndexOf(SourcesHeading + u'\n');
            if (at >= 0 && (at == 0 || description.mid(at - 2, 2) == u"\n\n"_s)) {
                const QStringList items =
                    description.mid(at + SourcesHeading.size() + 1).split(u'\n');
                if (std::all_of(items.cbegin(), items.cend(),
                                [](const QString &l) { return l.startsWith(u"- "_s); })) {
                    QString list;
                    for (const QString &item : items)
                        list += item.mid(2) + u'\n';
                    QString reason;
                    const auto entries = SourceListText::parse(list, &reason);
                    if (!entries)
                        return fail(lineNumber, u"DESCRIPTION"_s, reason);
                    for (const SourceEntry &entry : *entries) {
                        sources.add(entry.source);
                        event->citations << entry.citation;
                    }
                    description = description.left(std::max<qsizetype>(0, at - 2));
                }
            }
            event->summary = description.trimmed();
        } else if (name == u"DTSTART"_s || name == u"DTEND"_s) {
            bool hadTime = false;
            QString reason;
            const auto date = parseDateValue(value, &hadTime, &reason);
            if (!date)
                return fail(lineNumber, name, reason);
            if (name == u"DTSTART"_s) {
                first = *date;
                allDay = !hadTime;
            } else {
                hasEnd = true;
                endIsDate = !hadTime;
                // A DATE end is exclusive: the event's last day is the one before.
                last = hadTime ? *date : date->addDays(-1);
                if (hadTime && last > first && value.trimmed().endsWith(u"T000000"_s))
                    last = last.addDays(-1);
            }
        } else if (name == u"DURATION"_s) {
            static const QRegularExpression days(uR"(^P(\d+)([DW])$)"_s);
            const auto m = days.match(value.trimmed());
            if (m.hasMatch() && first.isValid()) {
                const qint64 n = m.captured(1).toLongLong() * (m.captured(2) == u"W"_s ? 7 : 1);
                hasEnd = true;
                last = first.addDays(std::max<qint64>(0, n - 1));
            }
        } else if (name == u"URL"_s) {
            url = value.trimmed();
        } else if (name == u"CATEGORIES"_s) {
            const QStringList items = splitList(value);
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QString item = unescapeText(items.at(i)).trimmed();
                if (item.isEmpty())
                    continue;
                if (event->category.isEmpty())
                    event->category = item;
                else if (!event->tags.contains(item))
                    event->tags << item;
            }
        }
    }
    if (event)
        return fail(eventLine, {}, u"BEGIN:VEVENT never ends (the file is cut short)"_s);
    if (!ended)
        return fail(lines.last().first, {}, u"END:VCALENDAR is missing (the file is cut short)"_s);
    dataset.sources = sources.take();
    return dataset;
}
