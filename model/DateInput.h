#pragma once

#include "model/PartialDate.h"

#include <QString>
#include <QStringView>

#include <optional>

// What researchers type into a date field, read into a PartialDate that keeps the precision
// they gave: "2025", "Apr 2025", "April 2025", "2025-04", "04/2025", "15.08.2025",
// "15. August 2025", "Aug 15, 2025", "15 Aug 2025". Month names are English or German, in
// full or abbreviated ("März", "Mär", "Mrz", "Sept."). Impossible dates are refused with a
// message that says what is wrong, never silently moved to the next valid day.
class DateInput {
public:
    [[nodiscard]] static std::optional<PartialDate> parse(QStringView text,
                                                          QString *error = nullptr);
    // 1..12 for an English or German month name or abbreviation (case-insensitive, a
    // trailing dot allowed), 0 otherwise.
    [[nodiscard]] static int monthFromName(QStringView name);
    // "15 August 2025 · day precision", for showing the parsed result as people type.
    [[nodiscard]] static QString describe(const PartialDate &date);
};
