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
    // What a preview matches a file against, read from the store once: the stored events'
    // keys (uid; title and span of days) as 64-bit hashes, 16 bytes an event where the events
    // themselves cost kilobytes (a dry run against 100k events loaded them all: 2.4 s and
    // 547 MB), and the stored sources and category names. Two keys that differ but share a
    // hash (odds about n²/2⁶⁵) could only make a preview's counts differ from the import's.
    struct Existing {
        QSet<size_t> eventUids;
        QSet<size_t> eventSpans;
        QList<Source> sources;
        QSet<QString> categories;

        [[nodiscard]] static Existing read(const TimelineStore &store);
    };

    // Counts a dataset given in parts (as FileImport reads a large file), each part against
    // what the store holds and what the parts before it would have written: the same counts
    // as preview() of the whole dataset.
    class Counter {
    public:
        Counter(const Existing &existing, ImportPolicy policy);
        void add(const Dataset &part);
        [[nodiscard]] ImportSummary summary() const { return m_counts; }
        // Events counted so far, in all.
        [[nodiscard]] qsizetype events() const { return m_events; }

    private:
        ImportPolicy m_policy;
        ImportSummary m_counts;
        qsizetype m_events = 0;
        // The store sees what this import wrote a moment earlier, so keys grow as we go.
        QSet<QString> m_categories;
        QSet<QString> m_sourceUids;
        SourceMatcher m_matcher; // as the store does: the same article is merged, not added
        QSet<size_t> m_eventUids;
        QSet<size_t> m_eventSpans;
    };

    [[nodiscard]] static ImportSummary preview(const TimelineStore &store, const Dataset &dataset,
                                               ImportPolicy policy);
    // The same, against what was read from a store.
    [[nodiscard]] static ImportSummary preview(const Existing &existing, const Dataset &dataset,
                                               ImportPolicy policy);
};
