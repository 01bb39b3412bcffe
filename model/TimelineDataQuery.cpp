#include "model/TimelineDataQuery.h"

#include "model/DatasetReads.h"
#include "model/store/TimelineStore.h"

TimelineData TimelineDataQuery::load(const TimelineStore &store, const EventFilter &filter) {
    return store.timelineData(filter);
}

TimelineData TimelineDataQuery::load(const TimelineStore &store, const EventFilter &filter,
                                     const QString &language) {
    TimelineData data = store.timelineData(filter);
    if (language.isEmpty() || language == u"en")
        return data;
    return data.inLanguage(store.translatedTitles(language), language);
}

TimelineData TimelineDataQuery::load(const DatasetReads &reads, const EventFilter &filter,
                                     const QString &language) {
    TimelineData data = reads.timelineData(filter);
    if (language.isEmpty() || language == u"en")
        return data;
    return data.inLanguage(reads.translatedTitles(language), language);
}
