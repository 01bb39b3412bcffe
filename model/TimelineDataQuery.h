#pragma once

#include "model/EventFilter.h"
#include "model/TimelineData.h"

class TimelineStore;

// Reads the events a filter selects straight from SQLite into the compact TimelineData the
// timeline draws, row by row, without building Event objects: a million events load in
// bounded memory.
class TimelineDataQuery {
public:
    [[nodiscard]] static TimelineData load(const TimelineStore &store,
                                           const EventFilter &filter = {});
};
