#pragma once

#include <QtGlobal>

#include <atomic>
#include <functional>

// What the window adds to a long import (DatasetSlices, FileImport::importFile): a step
// reported on the importing thread before each part is written, with the events handed to
// the store so far (and once more at the end, with all of them), and a stop, from any
// thread, seen before the next part: the import then writes nothing.
class ImportControl {
public:
    using Step = std::function<void(qsizetype eventsDone)>;

    explicit ImportControl(Step step = {})
        : m_step(std::move(step)) {}

    void step(qsizetype eventsDone) const {
        if (m_step)
            m_step(eventsDone);
    }
    void stop() { m_stopped.store(true); }
    [[nodiscard]] bool stopped() const { return m_stopped.load(); }

private:
    Step m_step;
    std::atomic<bool> m_stopped{false};
};
