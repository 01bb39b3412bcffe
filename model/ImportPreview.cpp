#include "model/ImportPreview.h"

#include "model/TimelineStore.h"

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
    Counter counter(existingEvents, existingSources, existingCategories, policy);
    counter.add(dataset);
    return counter.summary();
}

ImportPreview::Counter::Counter(const QList<Event> &existingEvents,
                                const QList<Source> &existingSources,
                                const QList<Category> &existingCategories, ImportPolicy policy)
    : m_policy(policy)
    , m_matcher(existingSources) {
    for (const Category &category : existingCategories)
        m_categories.insert(category.name);
    for (const Source &source : existingSources)
        m_sourceUids.insert(source.uid);
    for (const Event &event : existingEvents) {
        m_eventUids.insert(event.uid);
        m_eventSpans.insert(spanKey(event.title, event.firstJulianDay(), event.lastJulianDay()));
    }
}

void ImportPreview::Counter::add(const Dataset &part) {
    ImportSummary &counts = m_counts;
    for (const Category &category : part.categories) {
        if (!m_categories.contains(category.name)) {
            ++counts.categoriesAdded;
            m_categories.insert(category.name);
        }
    }
    for (const Source &source : part.sources) {
        const bool exists = m_sourceUids.contains(source.uid);
        if (!exists && m_matcher.findMatch(source) >= 0) {
            ++(m_policy == ImportPolicy::Update ? counts.sourcesUpdated : counts.sourcesSkipped);
            continue;
        }
        if (!exists)
            m_matcher.add(source);
        if (exists && m_policy == ImportPolicy::Skip)
            ++counts.sourcesSkipped;
        else if (exists && m_policy == ImportPolicy::Update)
            ++counts.sourcesUpdated;
        else
            ++counts.sourcesAdded;
        m_sourceUids.insert(source.uid);
    }
    m_events += part.events.size();
    for (const Event &event : part.events) {
        const QString span = spanKey(event.title, event.firstJulianDay(), event.lastJulianDay());
        const bool exists =
            event.uid.isEmpty() ? m_eventSpans.contains(span) : m_eventUids.contains(event.uid);
        if (exists && m_policy == ImportPolicy::Skip) {
            ++counts.eventsSkipped;
            continue;
        }
        if (exists && m_policy == ImportPolicy::Update) {
            ++counts.eventsUpdated;
            // An updated event takes the file's title and dates.
            m_eventSpans.insert(span);
            continue;
        }
        ++counts.eventsAdded;
        if (!event.uid.isEmpty())
            m_eventUids.insert(event.uid);
        m_eventSpans.insert(span);
    }
}
