#include "model/PartialDate.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

bool isYearInRange(int year) {
    return year >= PartialDate::MinYear && year <= PartialDate::MaxYear;
}

// Reads exactly `width` ASCII digits at `pos`; -1 if they are not all digits.
int readDigits(QStringView text, qsizetype pos, int width) {
    if (pos + width > text.size())
        return -1;
    int value = 0;
    for (int i = 0; i < width; ++i) {
        const QChar c = text[pos + i];
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

void setError(QString *error, const QString &message) {
    if (error)
        *error = message;
}

} // namespace

PartialDate PartialDate::fromYear(int year) {
    return isYearInRange(year) ? PartialDate(year, 0, 0) : PartialDate();
}

PartialDate PartialDate::fromYearMonth(int year, int month) {
    if (!isYearInRange(year) || month < 1 || month > 12)
        return {};
    return PartialDate(year, month, 0);
}

PartialDate PartialDate::fromYmd(int year, int month, int day) {
    if (!isYearInRange(year) || !QDate::isValid(year, month, day))
        return {};
    return PartialDate(year, month, day);
}

PartialDate PartialDate::fromDate(QDate date, DatePrecision precision) {
    if (!date.isValid())
        return {};
    switch (precision) {
    case DatePrecision::Year:
        return fromYear(date.year());
    case DatePrecision::Month:
        return fromYearMonth(date.year(), date.month());
    case DatePrecision::Day:
        break;
    }
    return fromYmd(date.year(), date.month(), date.day());
}

std::optional<PartialDate> PartialDate::parseIso(QStringView text, QString *error) {
    const QStringView t = text.trimmed();
    if (t.isEmpty()) {
        setError(error, u"empty date"_s);
        return std::nullopt;
    }
    const auto malformed = [&] {
        setError(error, u"'%1' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"_s.arg(t));
        return std::nullopt;
    };
    if (t.size() != 4 && t.size() != 7 && t.size() != 10)
        return malformed();
    const int year = readDigits(t, 0, 4);
    if (year < 0)
        return malformed();
    if (!isYearInRange(year)) {
        setError(error, u"year %1 is outside %2–%3"_s.arg(year).arg(MinYear).arg(MaxYear));
        return std::nullopt;
    }
    if (t.size() == 4)
        return PartialDate(year, 0, 0);
    if (t[4] != u'-')
        return malformed();
    const int month = readDigits(t, 5, 2);
    if (month < 0)
        return malformed();
    if (month < 1 || month > 12) {
        setError(error, u"month %1 does not exist"_s.arg(month));
        return std::nullopt;
    }
    if (t.size() == 7)
        return PartialDate(year, month, 0);
    if (t[7] != u'-')
        return malformed();
    const int day = readDigits(t, 8, 2);
    if (day < 0)
        return malformed();
    if (!QDate::isValid(year, month, day)) {
        setError(error, u"day %1 does not exist in %2"_s.arg(day).arg(
                            PartialDate(year, month, 0).toDisplayString(QLocale::c())));
        return std::nullopt;
    }
    return PartialDate(year, month, day);
}

DatePrecision PartialDate::precision() const {
    if (m_day != 0)
        return DatePrecision::Day;
    if (m_month != 0)
        return DatePrecision::Month;
    return DatePrecision::Year;
}

QDate PartialDate::firstDay() const {
    if (!isValid())
        return {};
    return QDate(m_year, m_month ? m_month : 1, m_day ? m_day : 1);
}

QDate PartialDate::lastDay() const {
    if (!isValid())
        return {};
    if (m_day)
        return QDate(m_year, m_month, m_day);
    if (m_month)
        return QDate(m_year, m_month, 1).addMonths(1).addDays(-1);
    return QDate(m_year, 12, 31);
}

qint64 PartialDate::firstJulianDay() const {
    return isValid() ? firstDay().toJulianDay() : 0;
}

qint64 PartialDate::lastJulianDay() const {
    return isValid() ? lastDay().toJulianDay() : 0;
}

QString PartialDate::toIsoString() const {
    if (!isValid())
        return {};
    if (m_year >= 0 && m_year <= 9999 && m_month >= 0 && m_month <= 99 && m_day >= 0 &&
        m_day <= 99) {
        // Digit by digit: an export writes a few of these for every event and source.
        char16_t text[10];
        qsizetype size = 0;
        const auto digits = [&text, &size](int value, int width) {
            for (int i = width - 1; i >= 0; --i, value /= 10)
                text[size + i] = char16_t(u'0' + value % 10);
            size += width;
        };
        digits(m_year, 4);
        if (m_month) {
            text[size++] = u'-';
            digits(m_month, 2);
        }
        if (m_day) {
            text[size++] = u'-';
            digits(m_day, 2);
        }
        return QString(reinterpret_cast<const QChar *>(text), size);
    }
    QString text = u"%1"_s.arg(int(m_year), 4, 10, QChar(u'0'));
    if (m_month)
        text += u"-%1"_s.arg(int(m_month), 2, 10, QChar(u'0'));
    if (m_day)
        text += u"-%1"_s.arg(int(m_day), 2, 10, QChar(u'0'));
    return text;
}

QString PartialDate::toDisplayString(const QLocale &locale) const {
    if (!isValid())
        return {};
    const QString year = QString::number(m_year);
    if (!m_month)
        return year;
    const QString month = locale.standaloneMonthName(m_month, QLocale::LongFormat);
    if (!m_day)
        return month + u' ' + year;
    // German writes the day as an ordinal: "12. August 2025".
    return locale.toString(firstDay(), locale.language() == QLocale::German ? u"d. MMMM yyyy"_s
                                                                            : u"d MMMM yyyy"_s);
}

QString PartialDate::toDisplayString() const {
    return toDisplayString(QLocale());
}

std::strong_ordering operator<=>(const PartialDate &a, const PartialDate &b) {
    if (a.isValid() != b.isValid())
        return a.isValid() ? std::strong_ordering::greater : std::strong_ordering::less;
    if (const auto c = a.firstJulianDay() <=> b.firstJulianDay(); c != 0)
        return c;
    return static_cast<int>(a.precision()) <=> static_cast<int>(b.precision());
}
