#include "model/TimelineDataQuery.h"

#include "model/store/TimelineStore.h"

TimelineData TimelineDataQuery::load(const TimelineStore &store, const EventFilter &filter) {
    return store.timelineData(filter);
}
