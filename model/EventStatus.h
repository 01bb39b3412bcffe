#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// How far a fact holds: `confirmed` (official, or several independent reports),
// `reported` (one outlet, or unnamed sources) or `disputed` (contradicted).
enum class EventStatus : quint8 { Confirmed = 0, Reported = 1, Disputed = 2 };

[[nodiscard]] QString eventStatusKey(EventStatus status); // "confirmed", "reported", "disputed"
[[nodiscard]] std::optional<EventStatus> eventStatusFromKey(QStringView key);
[[nodiscard]] QString eventStatusLabel(EventStatus status); // translated, capitalised
// What the status means, as a lower-case clause to follow the label: "Reported — one outlet…".
[[nodiscard]] QString eventStatusExplanation(EventStatus status);
