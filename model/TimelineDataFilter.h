#pragma once

#include "model/EventFilter.h"
#include "model/TimelineData.h"

class TimelineStore;

// Applies an EventFilter to a snapshot already in memory: one pass over its columns, plus,
// only when the filter names tags or a full-text query, one id query to the store (tags and
// the search index are not part of the snapshot). A filter change in the window costs this
// instead of a reload from SQLite.
//
// It selects the same events as TimelineDataQuery::load(store, filter) on the same store
// (tested), with one difference by design: dates are compared with the span the timeline
// draws, so a range whose end lies before its start matches where it is drawn.
class TimelineDataFilter {
public:
    [[nodiscard]] static TimelineData apply(const TimelineData &all, const EventFilter &filter,
                                            const TimelineStore &store);
};
