#include "model/DateInput.h"

#include "model/MonthNames.h"

#include <QDate>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

void setError(QString *error, const QString &message) {
    if (error)
        *error = message;
}

const QString examples = u"try 15.08.2025, Aug 15, 2025, April 2025, 2025-04 or 2025"_s;

std::optional<PartialDate> checked(int year, int month, int day, QString *error) {
    if (year < PartialDate::MinYear || year > PartialDate::MaxYear) {
        setError(error, u"year %1 is outside %2–%3"_s.arg(year)
                            .arg(PartialDate::MinYear)
                            .arg(PartialDate::MaxYear));
        return std::nullopt;
    }
    if (month == 0)
        return PartialDate::fromYear(year);
    if (month < 1 || month > 12) {
        setError(error, u"month %1 does not exist"_s.arg(month));
        return std::nullopt;
    }
    if (day == 0)
        return PartialDate::fromYearMonth(year, month);
    if (day < 1 || day > QDate(year, month, 1).daysInMonth()) {
        setError(error, u"day %1 does not exist in %2"_s.arg(day).arg(
                            PartialDate::fromYearMonth(year, month).toDisplayString(QLocale::c())));
        return std::nullopt;
    }
    return PartialDate::fromYmd(year, month, day);
}

// A day number as written in prose: "15", "15.", "15th", "1st".
int dayToken(QStringView token) {
    static const QRegularExpression day(u"^(\\d{1,2})(?:st|nd|rd|th|\\.)?$"_s);
    const QRegularExpressionMatch match = day.match(token.toString());
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

bool isYearToken(QStringView token) {
    static const QRegularExpression year(u"^\\d{1,4}$"_s);
    return year.match(token.toString()).hasMatch() && token.size() >= 3;
}

} // namespace

int DateInput::monthFromName(QStringView name) {
    return MonthNames::fromName(name);
}

std::optional<PartialDate> DateInput::parse(QStringView input, QString *error) {
    const QString text = input.trimmed().toString();
    if (text.isEmpty()) {
        setError(error, u"enter a date (%1)"_s.arg(examples));
        return std::nullopt;
    }

    // Numeric forms first: their separators say which order the parts are in.
    static const QRegularExpression iso(u"^(\\d{1,4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?$"_s);
    static const QRegularExpression monthSlashYear(u"^(\\d{1,2})[/.](\\d{4})$"_s);
    static const QRegularExpression dotted(u"^(\\d{1,2})\\.\\s*(\\d{1,2})\\.\\s*(\\d{4})$"_s);
    static const QRegularExpression slashed(u"^(\\d{1,2})/(\\d{1,2})/(\\d{4})$"_s);
    if (const QRegularExpressionMatch m = iso.match(text); m.hasMatch()) {
        if (m.captured(1).size() < 4 && m.captured(2).isEmpty()) {
            // "15" alone is far more likely a day than the year 15.
            setError(error, u"'%1' is not a date (%2)"_s.arg(text, examples));
            return std::nullopt;
        }
        return checked(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(), error);
    }
    if (const QRegularExpressionMatch m = monthSlashYear.match(text); m.hasMatch())
        return checked(m.captured(2).toInt(), m.captured(1).toInt(), 0, error);
    if (const QRegularExpressionMatch m = dotted.match(text); m.hasMatch())
        return checked(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt(), error);
    if (const QRegularExpressionMatch m = slashed.match(text); m.hasMatch()) {
        // 08/15/2025 (US) or 15/08/2025 (most of the world): only a part above 12 decides.
        const int first = m.captured(1).toInt();
        const int second = m.captured(2).toInt();
        const int year = m.captured(3).toInt();
        if (first > 12 && second <= 12)
            return checked(year, second, first, error);
        if (second > 12 && first <= 12)
            return checked(year, first, second, error);
        if (first != second) {
            setError(
                error,
                u"'%1' is ambiguous (day/month or month/day?); write %2-%3-%4 or %5.%6.%2"_s.arg(
                    text, m.captured(3), m.captured(2).rightJustified(2, u'0'),
                    m.captured(1).rightJustified(2, u'0'), m.captured(1), m.captured(2)));
            return std::nullopt;
        }
        return checked(year, first, second, error);
    }

    // Forms with a month name: "15. August 2025", "Aug 15, 2025", "April 2025".
    QString spaced = text;
    spaced.replace(u',', u' ');
    static const QRegularExpression dotBeforeSpace(u"\\.(?=\\s|$)"_s);
    spaced.replace(dotBeforeSpace, u" "_s);
    static const QRegularExpression whitespace(u"\\s+"_s);
    const QStringList tokens = spaced.split(whitespace, Qt::SkipEmptyParts);
    int monthIndex = -1;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (monthFromName(tokens.at(i)) != 0) {
            monthIndex = int(i);
            break;
        }
    }
    if (monthIndex < 0) {
        for (const QString &token : tokens) {
            if (token.front().isLetter()) {
                setError(error, u"'%1' is not a month name"_s.arg(token));
                return std::nullopt;
            }
        }
        setError(error, u"'%1' is not a date (%2)"_s.arg(text, examples));
        return std::nullopt;
    }
    const int month = monthFromName(tokens.at(monthIndex));
    const auto notADate = [&] {
        setError(error, u"'%1' is not a date (%2)"_s.arg(text, examples));
        return std::nullopt;
    };
    if (tokens.size() == 2) {
        const QString &other = tokens.at(monthIndex == 0 ? 1 : 0);
        if (!isYearToken(other))
            return notADate();
        return checked(other.toInt(), month, 0, error);
    }
    if (tokens.size() == 3 && isYearToken(tokens.at(2))) {
        const QString &dayText = tokens.at(monthIndex == 0 ? 1 : 0);
        if (monthIndex == 2)
            return notADate();
        const int day = dayToken(dayText);
        if (day == 0)
            return notADate();
        return checked(tokens.at(2).toInt(), month, day, error);
    }
    return notADate();
}

QString DateInput::describe(const PartialDate &date) {
    if (!date.isValid())
        return {};
    QString precision;
    switch (date.precision()) {
    case DatePrecision::Year:
        precision = u"year precision"_s;
        break;
    case DatePrecision::Month:
        precision = u"month precision"_s;
        break;
    case DatePrecision::Day:
        precision = u"day precision"_s;
        break;
    }
    return date.toDisplayString(QLocale::c()) + u" · "_s + precision;
}
