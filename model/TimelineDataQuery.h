#pragma once

#include "model/EventFilter.h"
#include "model/TimelineData.h"

class TimelineReads;

// The events a filter selects, read by the store (TimelineStore::timelineData) into the
// compact TimelineData the timeline draws, row by row, without building Event objects: a
// million events load in bounded memory. A dataset held in memory (DatasetReads: a figure as
// of an earlier revision) answers the same reads.
class TimelineDataQuery {
public:
    [[nodiscard]] static TimelineData load(const TimelineReads &reads,
                                           const EventFilter &filter = {});
    // The same as a reader in `language` ("de") sees it: translated titles and labels where
    // there are any (see TimelineData::inLanguage); the original for "en" or empty.
    [[nodiscard]] static TimelineData load(const TimelineReads &reads, const EventFilter &filter,
                                           const QString &language);
};
