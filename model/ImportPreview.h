#pragma once

#include "model/Dataset.h"
#include "model/ImportPolicy.h"

class TimelineStore;

// What importing a dataset would do, counted without writing: the same matching the store's
// importDataset uses (uid; for events without a uid the title and the span of days), so the
// window can show "12 new, 3 updated, 1 skipped" before the researcher commits to it.
class ImportPreview {
public:
    [[nodiscard]] static ImportSummary preview(const TimelineStore &store, const Dataset &dataset,
                                               ImportPolicy policy);
    // The same, against what a store holds, given as lists.
    [[nodiscard]] static ImportSummary preview(const QList<Event> &existingEvents,
                                               const QList<Source> &existingSources,
                                               const QList<Category> &existingCategories,
                                               const Dataset &dataset, ImportPolicy policy);
};
