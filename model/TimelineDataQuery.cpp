#include "model/TimelineDataQuery.h"

#include "model/DatasetReads.h"
#include "model/store/TimelineStore.h"

namespace {

// What a store or a dataset in memory (DatasetReads) selects, as a reader in `language` sees
// it: both answer the same two reads.
template <typename Reads>
TimelineData loadIn(const Reads &reads, const EventFilter &filter, const QString &language) {
    TimelineData data = reads.timelineData(filter);
    if (language.isEmpty() || language == u"en")
        return data;
    return data.inLanguage(reads.translatedTitles(language), language);
}

} // namespace

TimelineData TimelineDataQuery::load(const TimelineStore &store, const EventFilter &filter) {
    return store.timelineData(filter);
}

TimelineData TimelineDataQuery::load(const TimelineStore &store, const EventFilter &filter,
                                     const QString &language) {
    return loadIn(store, filter, language);
}

TimelineData TimelineDataQuery::load(const DatasetReads &reads, const EventFilter &filter,
                                     const QString &language) {
    return loadIn(reads, filter, language);
}
