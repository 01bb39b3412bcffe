#pragma once

#include <QDate>
#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

class QLocale;

// How much of a date is known: "2025", "April 2025" or "15 April 2025". A researcher's
// source often gives only a month; the app keeps that precision instead of inventing a day.
enum class DatePrecision : quint8 { Year = 1, Month = 2, Day = 3 };

// A calendar date known to year, month or day precision. It covers a span of days
// (a whole year, a whole month or one day) and orders by the first day of that span,
// coarser precision first on ties, so "2025" sorts before "2025-01" before "2025-01-01".
class PartialDate {
public:
    static constexpr int MinYear = 1;
    static constexpr int MaxYear = 9999;

    PartialDate() = default; // invalid

    [[nodiscard]] static PartialDate fromYear(int year);
    [[nodiscard]] static PartialDate fromYearMonth(int year, int month);
    [[nodiscard]] static PartialDate fromYmd(int year, int month, int day);
    [[nodiscard]] static PartialDate fromDate(QDate date,
                                              DatePrecision precision = DatePrecision::Day);

    // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD". On failure returns std::nullopt and, when
    // error is given, a short reason such as "day 30 does not exist in February 2025".
    [[nodiscard]] static std::optional<PartialDate> parseIso(QStringView text,
                                                             QString *error = nullptr);

    [[nodiscard]] bool isValid() const { return m_year != 0; }
    [[nodiscard]] int year() const { return m_year; }
    [[nodiscard]] int month() const { return m_month; } // 0 when not known
    [[nodiscard]] int day() const { return m_day; }     // 0 when not known
    [[nodiscard]] DatePrecision precision() const;

    [[nodiscard]] QDate firstDay() const;
    [[nodiscard]] QDate lastDay() const;
    // Julian day numbers of the covered span; the timeline works in these.
    [[nodiscard]] qint64 firstJulianDay() const;
    [[nodiscard]] qint64 lastJulianDay() const;

    [[nodiscard]] QString toIsoString() const; // "2025", "2025-04", "2025-04-15"; empty if invalid
    // "2025", "April 2025", "15 April 2025" in the given locale's month names.
    [[nodiscard]] QString toDisplayString(const QLocale &locale) const;
    [[nodiscard]] QString toDisplayString() const;

    friend bool operator==(const PartialDate &, const PartialDate &) = default;
    friend std::strong_ordering operator<=>(const PartialDate &a, const PartialDate &b);

private:
    PartialDate(int year, int month, int day)
        : m_year(year)
        , m_month(month)
        , m_day(day) {}

    qint16 m_year = 0;
    qint8 m_month = 0;
    qint8 m_day = 0;
};
