#include "model/ImportPreview.h"

#include "model/formats/SourceMatcher.h"

#include "model/TimelineStore.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace {

QString spanKey(const QString &title, qint64 first, qint64 last) {
    return title.trimmed() + u'\x1f' + QString::number(first) + u'\x1f' + QString::number(last);
}

} // namespace

ImportSummary ImportPreview::preview(const TimelineStore &store, const Dataset &dataset,
                                     ImportPolicy policy) {
    return preview(store.events(), store.sources(), store.categories(), dataset, policy);
}

ImportSummary ImportPreview::preview(const QList<Event> &existingEvents,
                                     const QList<Source> &existingSources,
                                     const QList<Category> &existingCategories,
                                     const Dataset &dataset, ImportPolicy policy) {
    ImportSummary counts;
    QSet<QString> categories;
    for (const Category &category : existingCategories)
        categories.insert(category.name);
    for (const Category &category : dataset.categories) {
        if (!categories.contains(category.name)) {
            ++counts.categoriesAdded;
            categories.insert(category.name);
        }
    }

    // The store sees what this import wrote a moment earlier, so keys grow as we go.
    QSet<QString> sourceUids;
    for (const Source &source : existingSources)
        sourceUids.insert(source.uid);
    // As the store does: the same article under another uid is merged, never added.
    SourceMatcher matcher(existingSources);
    for (const Source &source : dataset.sources) {
        const bool exists = sourceUids.contains(source.uid);
        if (!exists && matcher.findMatch(source) >= 0) {
            ++(policy == ImportPolicy::Update ? counts.sourcesUpdated : counts.sourcesSkipped);
            continue;
        }
        if (!exists)
            matcher.add(source);
        if (exists && policy == ImportPolicy::Skip)
            ++counts.sourcesSkipped;
        else if (exists && policy == ImportPolicy::Update)
            ++counts.sourcesUpdated;
        else
            ++counts.sourcesAdded;
        sourceUids.insert(source.uid);
    }

    QSet<QString> eventUids;
    QSet<QString> eventSpans;
    for (const Event &event : existingEvents) {
        eventUids.insert(event.uid);
        eventSpans.insert(spanKey(event.title, event.firstJulianDay(), event.lastJulianDay()));
    }
    for (const Event &event : dataset.events) {
        const QString span = spanKey(event.title, event.firstJulianDay(), event.lastJulianDay());
        const bool exists =
            event.uid.isEmpty() ? eventSpans.contains(span) : eventUids.contains(event.uid);
        if (exists && policy == ImportPolicy::Skip) {
            ++counts.eventsSkipped;
            continue;
        }
        if (exists && policy == ImportPolicy::Update) {
            ++counts.eventsUpdated;
            // An updated event takes the file's title and dates.
            eventSpans.insert(span);
            continue;
        }
        ++counts.eventsAdded;
        if (!event.uid.isEmpty())
            eventUids.insert(event.uid);
        eventSpans.insert(span);
    }
    return counts;
}
