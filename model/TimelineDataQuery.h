#pragma once

#include "model/EventFilter.h"
#include "model/TimelineData.h"

class TimelineStore;

// The events a filter selects, read by the store (TimelineStore::timelineData) into the
// compact TimelineData the timeline draws, row by row, without building Event objects: a
// million events load in bounded memory.
class TimelineDataQuery {
public:
    [[nodiscard]] static TimelineData load(const TimelineStore &store,
                                           const EventFilter &filter = {});
};
