#pragma once

#include "model/Dataset.h"
#include "model/ImportControl.h"
#include "model/store/TimelineStore.h"

// A dataset already in memory, handed to TimelineStore::importParts a slice of events at a
// time, so that a long import says how far it got and can be stopped between two slices
// (the transaction is then undone: nothing is written), through an ImportControl. The
// window's Import dialog writes several files at once through it, on a worker thread.
//
// The first slice carries the title, categories, sources and saved views with the first
// `firstSize` events (large enough for the store's decisions on the whole import, as
// FileImport's first part); each later one `laterSize` events. A slice is a copy of its
// events, made when it is asked for; the whole dataset is not copied.
class DatasetSlices final : public TimelineStore::DatasetParts {
public:
    explicit DatasetSlices(const Dataset &whole, qsizetype firstSize = 5000,
                           qsizetype laterSize = 2000, const ImportControl *control = nullptr);

    const Dataset *next() override;
    [[nodiscard]] bool failed() const override { return false; }
    // Only the first slice carries sources.
    [[nodiscard]] bool laterPartsMayHaveSources() const override { return !m_started; }
    [[nodiscard]] bool stopped() const override { return m_control && m_control->stopped(); }

private:
    const Dataset &m_whole;
    const qsizetype m_firstSize;
    const qsizetype m_laterSize;
    const ImportControl *m_control;
    Dataset m_slice;
    qsizetype m_handedOver = 0; // events
    bool m_started = false;
    bool m_finished = false;
};
