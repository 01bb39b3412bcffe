#pragma once

#include "model/Dataset.h"
#include "model/ImportPolicy.h"
#include "model/formats/SourceMatcher.h"

#include <QSet>

class TimelineStore;

// What importing a dataset would do, counted without writing: the same matching the store's
// importDataset uses (uid; for events without a uid the title and the span of days), so the
// window can show "12 new, 3 updated, 1 skipped" before the researcher commits to it.
class ImportPreview {
public:
    // Counts a dataset given in parts (as FileImport reads a large file), each part against
    // what the store holds and what the parts before it would have written: the same counts
    // as preview() of the whole dataset.
    class Counter {
    public:
        Counter(const QList<Event> &existingEvents, const QList<Source> &existingSources,
                const QList<Category> &existingCategories, ImportPolicy policy);
        void add(const Dataset &part);
        [[nodiscard]] ImportSummary summary() const { return m_counts; }
        // Events counted so far, in all.
        [[nodiscard]] qsizetype events() const { return m_events; }

    private:
        ImportPolicy m_policy;
        ImportSummary m_counts;
        qsizetype m_events = 0;
        QSet<QString> m_categories;
        // The store sees what this import wrote a moment earlier, so keys grow as we go.
        QSet<QString> m_sourceUids;
        SourceMatcher m_matcher; // as the store does: the same article is merged, not added
        QSet<QString> m_eventUids;
        QSet<QString> m_eventSpans;
    };

    [[nodiscard]] static ImportSummary preview(const TimelineStore &store, const Dataset &dataset,
                                               ImportPolicy policy);
    // The same, against what a store holds, given as lists.
    [[nodiscard]] static ImportSummary preview(const QList<Event> &existingEvents,
                                               const QList<Source> &existingSources,
                                               const QList<Category> &existingCategories,
                                               const Dataset &dataset, ImportPolicy policy);
};
