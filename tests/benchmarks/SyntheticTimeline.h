#pragma once

// SyntheticTimeline: deterministic made-up timelines for tests and benchmarks. Events clump
// around a few hundred "news days" between 2015 and 2026 the way real coverage does, over
// eight categories, with 20–90 character titles, one to three actors, up to two chips, some
// ranges, mixed date precision, statuses and importance, and a few unsourced events.
// The same (count, seed) always gives the same data, on every platform (own RNG and
// distributions, no std::*_distribution).

#include "model/Category.h"
#include "model/Event.h"
#include "model/TimelineData.h"

#include <QList>

class SyntheticTimeline {
public:
    [[nodiscard]] static QList<Category> categories();
    // Builds TimelineData directly (no Event objects): a million events in a few seconds.
    [[nodiscard]] static TimelineData generate(qsizetype count, quint64 seed = 20250415);
    // The same kind of events as Event values (for small data and fromEvents tests).
    [[nodiscard]] static QList<Event> generateEvents(qsizetype count, quint64 seed = 20250415);
    // A small hand-made chronology (real 2022–2025 events), categories from categories().
    [[nodiscard]] static QList<Event> handMadeEvents();
};
