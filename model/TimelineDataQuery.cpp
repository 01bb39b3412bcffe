#include "model/TimelineDataQuery.h"

#include "model/TimelineReads.h"

TimelineData TimelineDataQuery::load(const TimelineReads &reads, const EventFilter &filter) {
    return reads.timelineData(filter);
}

TimelineData TimelineDataQuery::load(const TimelineReads &reads, const EventFilter &filter,
                                     const QString &language) {
    TimelineData data = reads.timelineData(filter);
    if (language.isEmpty() || language == u"en")
        return data;
    return data.inLanguage(reads.translatedTitles(language), language);
}
