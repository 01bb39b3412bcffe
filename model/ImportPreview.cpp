#include "model/ImportPreview.h"

#include "model/store/TimelineStore.h"

using namespace Qt::StringLiterals;

namespace {

constexpr size_t HashSeed = 0x9e3779b97f4a7c15u;

size_t uidKey(QStringView uid) {
    return qHash(uid, HashSeed);
}

size_t spanKey(const QString &title, qint64 first, qint64 last) {
    return qHashMulti(HashSeed, QStringView(title).trimmed(), first, last);
}

} // namespace

ImportPreview::Existing ImportPreview::Existing::read(const TimelineStore &store) {
    Existing existing;
    store.visitEventKeys(
        [&existing](const QString &uid, const QString &title, qint64 firstDay, qint64 lastDay) {
            existing.eventUids.insert(uidKey(uid));
            existing.eventSpans.insert(spanKey(title, firstDay, lastDay));
        });
    existing.sources = store.sources();
    for (const Category &category : store.categories())
        existing.categories.insert(category.name);
    return existing;
}

ImportSummary ImportPreview::preview(const TimelineStore &store, const Dataset &dataset,
                                     ImportPolicy policy) {
    return preview(Existing::read(store), dataset, policy);
}

ImportSummary ImportPreview::preview(const Existing &existing, const Dataset &dataset,
                                     ImportPolicy policy) {
    Counter counter(existing, policy);
    counter.add(dataset);
    return counter.summary();
}

ImportPreview::Counter::Counter(const Existing &existing, ImportPolicy policy)
    : m_policy(policy)
    , m_categories(existing.categories)
    , m_matcher(existing.sources)
    , m_eventUids(existing.eventUids)
    , m_eventSpans(existing.eventSpans) {
    for (const Source &source : existing.sources)
        m_sourceUids.insert(source.uid);
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
        const size_t span = spanKey(event.title, event.firstJulianDay(), event.lastJulianDay());
        const bool exists = event.uid.isEmpty() ? m_eventSpans.contains(span)
                                                : m_eventUids.contains(uidKey(event.uid));
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
            m_eventUids.insert(uidKey(event.uid));
        m_eventSpans.insert(span);
    }
}
