#pragma once

#include "model/EventFilter.h"
#include "model/TimelineData.h"

class DatasetReads;
class TimelineStore;

// The events a filter selects, read by the store (TimelineStore::timelineData) into the
// compact TimelineData the timeline draws, row by row, without building Event objects: a
// million events load in bounded memory.
class TimelineDataQuery {
public:
    [[nodiscard]] static TimelineData load(const TimelineStore &store,
                                           const EventFilter &filter = {});
    // The same as a reader in `language` ("de") sees it: translated titles and labels where
    // there are any (see TimelineData::inLanguage); the original for "en" or empty.
    [[nodiscard]] static TimelineData load(const TimelineStore &store, const EventFilter &filter,
                                           const QString &language);
    // The same from a dataset held in memory (a figure as of an earlier revision); the filter
    // has no full-text query (DatasetReads::canSelect).
    [[nodiscard]] static TimelineData load(const DatasetReads &reads, const EventFilter &filter,
                                           const QString &language);
};
