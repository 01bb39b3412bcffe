#include "model/FilterText.h"

#include "model/PartialDate.h"
#include "model/SearchQuery.h"

#include <QCoreApplication>
#include <QDate>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("FilterText", text);
}

bool needsQuotes(QStringView value) {
    if (value.isEmpty())
        return true;
    for (QChar c : value) {
        if (c.isSpace() || c == u'"' || c == u'\\')
            return true;
    }
    return false;
}

QString quotedIfNeeded(QStringView value) {
    if (!needsQuotes(value))
        return value.toString();
    QString out = u"\""_s;
    for (QChar c : value) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        out += c;
    }
    return out + u'"';
}

// The shortest ISO form that names the same first (or last) day.
QString fromDayText(qint64 julianDay) {
    const QDate date = QDate::fromJulianDay(julianDay);
    if (date.month() == 1 && date.day() == 1)
        return PartialDate::fromYear(date.year()).toIsoString();
    if (date.day() == 1)
        return PartialDate::fromYearMonth(date.year(), date.month()).toIsoString();
    return PartialDate::fromDate(date).toIsoString();
}

QString toDayText(qint64 julianDay) {
    const QDate date = QDate::fromJulianDay(julianDay);
    if (date.month() == 12 && date.day() == 31)
        return PartialDate::fromYear(date.year()).toIsoString();
    if (date.day() == date.daysInMonth())
        return PartialDate::fromYearMonth(date.year(), date.month()).toIsoString();
    return PartialDate::fromDate(date).toIsoString();
}

enum class Field { Query, Category, Actor, Chip, Tag, Status, From, To, Sources };

std::optional<Field> fieldFromName(QStringView name) {
    static const QList<std::pair<QString, Field>> names = {
        {u"q"_s, Field::Query},         {u"category"_s, Field::Category},
        {u"actor"_s, Field::Actor},     {u"chip"_s, Field::Chip},
        {u"tag"_s, Field::Tag},         {u"status"_s, Field::Status},
        {u"from"_s, Field::From},       {u"to"_s, Field::To},
        {u"sources"_s, Field::Sources},
    };
    for (const auto &[text, field] : names) {
        if (name == text)
            return field;
    }
    return std::nullopt;
}

struct Scanner {
    QStringView text;
    qsizetype pos = 0;
    FilterText::Error error;

    bool fail(qsizetype at, const QString &message) {
        error = {at, message};
        return false;
    }

    // A bare value runs to the next space; a quoted one to its closing quote, which must be
    // followed by a space or the end.
    bool readValue(QString &value) {
        value.clear();
        if (pos < text.size() && text[pos] == u'"') {
            const qsizetype open = pos++;
            while (pos < text.size() && text[pos] != u'"') {
                if (text[pos] == u'\\') {
                    if (pos + 1 >= text.size())
                        break;
                    const QChar next = text[pos + 1];
                    if (next != u'"' && next != u'\\')
                        return fail(pos,
                                    tr("unknown escape \"\\%1\" (use \\\" or \\\\)").arg(next));
                    value += next;
                    pos += 2;
                    continue;
                }
                value += text[pos++];
            }
            if (pos >= text.size())
                return fail(open, tr("quote not closed"));
            ++pos;
            if (pos < text.size() && !text[pos].isSpace())
                return fail(pos, tr("a space is needed after the closing quote"));
            return true;
        }
        const qsizetype start = pos;
        while (pos < text.size() && !text[pos].isSpace()) {
            if (text[pos] == u'"')
                return fail(pos, tr("a quote may only open a value"));
            ++pos;
        }
        value = text.mid(start, pos - start).toString();
        return true;
    }
};

} // namespace

QString FilterText::Error::toString() const {
    return tr("column %1: %2").arg(position + 1).arg(message);
}

QString FilterText::format(const EventFilter &filter, const QString &searchText) {
    QStringList parts;
    if (!searchText.isEmpty())
        parts << u"q:"_s + quotedIfNeeded(searchText);
    const auto each = [&parts](const QString &field, const QStringList &values) {
        // An empty name names nothing in the store, and parse() refuses `chip:""`; writing
        // it would make a line that does not parse back.
        for (const QString &value : values)
            if (!value.isEmpty())
                parts << field + u':' + quotedIfNeeded(value);
    };
    each(u"category"_s, filter.categories);
    each(u"actor"_s, filter.actors);
    each(u"chip"_s, filter.chips);
    each(u"tag"_s, filter.tags);
    for (EventStatus status : filter.statuses)
        parts << u"status:"_s + eventStatusKey(status);
    if (filter.fromJulianDay)
        parts << u"from:"_s + fromDayText(*filter.fromJulianDay);
    if (filter.toJulianDay)
        parts << u"to:"_s + toDayText(*filter.toJulianDay);
    if (filter.hasSources)
        parts << (*filter.hasSources ? u"sources:yes"_s : u"sources:no"_s);
    return parts.join(u' ');
}

std::optional<FilterText::Parsed> FilterText::parse(QStringView text, Error *error) {
    Scanner scanner{text, 0, {}};
    Parsed parsed;
    QStringList bareWords;
    bool haveQuery = false;
    const auto failed = [&]() -> std::optional<Parsed> {
        if (error)
            *error = scanner.error;
        return std::nullopt;
    };

    while (true) {
        while (scanner.pos < text.size() && text[scanner.pos].isSpace())
            ++scanner.pos;
        if (scanner.pos >= text.size())
            break;
        const qsizetype start = scanner.pos;
        qsizetype colon = -1;
        for (qsizetype i = start; i < text.size() && !text[i].isSpace() && text[i] != u'"'; ++i) {
            if (text[i] == u':') {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            // Not a field: search text, as typed into the search box.
            QString word;
            if (!scanner.readValue(word))
                return failed();
            bareWords << word;
            continue;
        }
        const QStringView name = text.mid(start, colon - start);
        const std::optional<Field> field = fieldFromName(name);
        if (!field) {
            scanner.fail(start, tr("unknown field \"%1\" (q, category, actor, chip, tag, status, "
                                   "from, to, sources)")
                                    .arg(name));
            return failed();
        }
        scanner.pos = colon + 1;
        const qsizetype valueStart = scanner.pos;
        QString value;
        if (!scanner.readValue(value))
            return failed();
        if (value.isEmpty() && *field != Field::Query) {
            scanner.fail(valueStart, tr("\"%1\" needs a value").arg(name));
            return failed();
        }
        const auto once = [&](bool given) {
            if (given)
                scanner.fail(start, tr("\"%1\" is given twice").arg(name));
            return !given;
        };
        switch (*field) {
        case Field::Query:
            if (!once(haveQuery))
                return failed();
            haveQuery = true;
            parsed.searchText = value;
            break;
        case Field::Category:
            parsed.filter.categories << value;
            break;
        case Field::Actor:
            parsed.filter.actors << value;
            break;
        case Field::Chip:
            parsed.filter.chips << value;
            break;
        case Field::Tag:
            parsed.filter.tags << value;
            break;
        case Field::Status: {
            const std::optional<EventStatus> status = eventStatusFromKey(value);
            if (!status) {
                scanner.fail(valueStart, tr("unknown status \"%1\" (confirmed, reported, "
                                            "disputed)")
                                             .arg(value));
                return failed();
            }
            parsed.filter.statuses << *status;
            break;
        }
        case Field::From:
        case Field::To: {
            const bool isFrom = *field == Field::From;
            if (!once(isFrom ? parsed.filter.fromJulianDay.has_value()
                             : parsed.filter.toJulianDay.has_value()))
                return failed();
            QString reason;
            const std::optional<PartialDate> date = PartialDate::parseIso(value, &reason);
            if (!date) {
                scanner.fail(valueStart,
                             tr("\"%1\": %2 (YYYY, YYYY-MM or YYYY-MM-DD)")
                                 .arg(value, reason.isEmpty() ? tr("not a date") : reason));
                return failed();
            }
            if (isFrom)
                parsed.filter.fromJulianDay = date->firstJulianDay();
            else
                parsed.filter.toJulianDay = date->lastJulianDay();
            break;
        }
        case Field::Sources:
            if (!once(parsed.filter.hasSources.has_value()))
                return failed();
            if (value == u"yes") {
                parsed.filter.hasSources = true;
            } else if (value == u"no") {
                parsed.filter.hasSources = false;
            } else {
                scanner.fail(valueStart, tr("sources is yes or no, not \"%1\"").arg(value));
                return failed();
            }
            break;
        }
    }
    if (!bareWords.isEmpty()) {
        if (haveQuery) {
            scanner.fail(0, tr("search words are given both with q: and without"));
            return failed();
        }
        parsed.searchText = bareWords.join(u' ');
    }
    parsed.filter.query = SearchQuery::toFtsExpression(parsed.searchText);
    if (error)
        *error = {};
    return parsed;
}
