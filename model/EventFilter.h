#pragma once

#include "model/EventStatus.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Which events to show: the same filter drives the timeline, the event list, the overview
// strip, `list`, `search` and `export`. Empty lists mean "no restriction"; names that match
// nothing give an empty result, not an error.
struct EventFilter {
    std::optional<qint64> fromJulianDay; // events whose span ends on or after this day
    std::optional<qint64> toJulianDay;   // events whose span starts on or before this day
    QStringList categories;              // Category::name
    QStringList actors;
    QStringList chips;
    QStringList tags;
    QList<EventStatus> statuses;
    std::optional<bool> hasSources;
    QString query; // full-text query over events (title, summary, actors, chips, tags)

    [[nodiscard]] bool isEmpty() const {
        return !fromJulianDay && !toJulianDay && categories.isEmpty() && actors.isEmpty() &&
               chips.isEmpty() && tags.isEmpty() && statuses.isEmpty() && !hasSources &&
               query.trimmed().isEmpty();
    }
    friend bool operator==(const EventFilter &, const EventFilter &) = default;
};
