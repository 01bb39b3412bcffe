#pragma once

#include "model/PartialDate.h"

#include <QStringView>

#include <optional>

// Dates as people and citation managers write them: "2025-08-12", "2025/8/12",
// "12.08.2025", "15. August 2025", "August 15, 2025", "August 2025", "2025-08", "2025".
// English and German month names (full and abbreviated) are understood.
class LooseDate {
public:
    // The whole text (trimmed) must be one date.
    [[nodiscard]] static std::optional<PartialDate> parse(QStringView text);
    // The first complete date (day or month precision) found inside a line such as
    // "15. August 2025, 15:51 Uhr · Quelle: …"; bare years are not taken from running text.
    [[nodiscard]] static std::optional<PartialDate> find(QStringView text);
    // 1–12 for "August", "Aug", "Aug.", "März", "Dez"…; 0 otherwise.
    [[nodiscard]] static int monthFromName(QStringView name);
};
