#include "model/TimelineDataFilter.h"

#include "model/store/TimelineStore.h"

#include <algorithm>
#include <vector>

namespace {

// Which entries of a name table a filter names (exact names, as the store compares them).
std::vector<bool> namedIn(const QStringList &table, const QStringList &names) {
    std::vector<bool> named(size_t(table.size()), false);
    for (qsizetype i = 0; i < table.size(); ++i)
        named[size_t(i)] = names.contains(table.at(i));
    return named;
}

bool anyNamed(std::span<const quint32> indices, const std::vector<bool> &named) {
    return std::any_of(indices.begin(), indices.end(),
                       [&](quint32 i) { return i < named.size() && named[i]; });
}

} // namespace

TimelineData TimelineDataFilter::apply(const TimelineData &all, const EventFilter &filter,
                                       const TimelineStore &store) {
    if (filter.isEmpty())
        return all;

    // Tags and the full-text query are answered by the store, as a sorted list of ids.
    std::vector<qint64> storeIds;
    const bool askStore = !filter.tags.isEmpty() || !filter.query.trimmed().isEmpty();
    if (askStore) {
        EventFilter byStore;
        byStore.tags = filter.tags;
        byStore.query = filter.query;
        storeIds = store.eventIds(byStore);
    }

    QStringList categoryNames;
    for (const Category &c : all.categories())
        categoryNames << c.name;
    const std::vector<bool> categories = namedIn(categoryNames, filter.categories);
    const std::vector<bool> actors = namedIn(all.actorNames(), filter.actors);
    const std::vector<bool> chips = namedIn(all.chipNames(), filter.chips);
    quint8 statuses = 0; // one bit per EventStatus
    for (EventStatus status : filter.statuses)
        statuses |= quint8(1u << (int(status) & 0x7));

    std::vector<quint32> kept;
    kept.reserve(size_t(askStore ? qsizetype(storeIds.size()) : all.size()));
    const auto matches = [&](qsizetype i) {
        if (filter.fromJulianDay && all.lastDay(i) < *filter.fromJulianDay)
            return false;
        if (filter.toJulianDay && all.firstDay(i) > *filter.toJulianDay)
            return false;
        if (!filter.categories.isEmpty()) {
            const int category = all.category(i);
            if (category < 0 || !categories[size_t(category)])
                return false;
        }
        if (!filter.actors.isEmpty() && !anyNamed(all.actors(i), actors))
            return false;
        if (!filter.chips.isEmpty() && !anyNamed(all.chips(i), chips))
            return false;
        if (!filter.statuses.isEmpty() && !(statuses & (1u << (int(all.status(i)) & 0x7))))
            return false;
        if (filter.hasSources && (all.sourceCount(i) > 0) != *filter.hasSources)
            return false;
        return true;
    };
    if (askStore) {
        // Few ids, usually: look each one up instead of walking the whole snapshot.
        for (const qint64 id : storeIds) {
            const qsizetype i = all.indexOfId(id);
            if (i >= 0 && matches(i))
                kept.push_back(quint32(i));
        }
        std::sort(kept.begin(), kept.end());
    } else {
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (matches(i))
                kept.push_back(quint32(i));
        }
    }
    return all.subset(kept);
}
