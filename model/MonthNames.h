#pragma once

#include <QStringView>

#include <span>

// A month's name as people write it, lower case: "august", "aug", "märz", "dez".
struct MonthName {
    QStringView name;
    int month; // 1–12
};

// The one table of month names the date readers share (DateInput for typed dates, LooseDate
// for citation managers and articles, BibTeX's month macros): English and German, full and
// abbreviated, with spellings for keyboards without umlauts ("maerz", "jaenner").
class MonthNames {
public:
    [[nodiscard]] static std::span<const MonthName> all();
    // 1–12 for "August", "Aug", "Aug.", "März", "Dez"… in any case; 0 otherwise.
    [[nodiscard]] static int fromName(QStringView name);
    // "January" … "December"; empty outside 1–12.
    [[nodiscard]] static QStringView englishName(int month);
};
