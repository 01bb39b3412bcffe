#include "model/DatasetSlices.h"

#include <algorithm>

DatasetSlices::DatasetSlices(const Dataset &whole, qsizetype firstSize, qsizetype laterSize,
                             const ImportControl *control)
    : m_whole(whole)
    , m_firstSize(std::max<qsizetype>(firstSize, 1))
    , m_laterSize(std::max<qsizetype>(laterSize, 1))
    , m_control(control) {}

const Dataset *DatasetSlices::next() {
    const qsizetype total = m_whole.events.size();
    if (m_finished || stopped())
        return nullptr;
    if (m_started && m_handedOver >= total) {
        m_finished = true;
        m_slice = {};
        if (m_control)
            m_control->step(total);
        return nullptr;
    }
    if (m_control)
        m_control->step(m_handedOver);
    // The user may have stopped it while the step was shown.
    if (stopped())
        return nullptr;
    const qsizetype size = std::min(m_started ? m_laterSize : m_firstSize, total - m_handedOver);
    if (!m_started) {
        m_slice.title = m_whole.title;
        m_slice.categories = m_whole.categories;
        m_slice.sources = m_whole.sources;
        m_slice.savedViews = m_whole.savedViews;
    } else {
        m_slice = {};
    }
    m_slice.events = m_whole.events.mid(m_handedOver, size);
    m_handedOver += size;
    m_started = true;
    return &m_slice;
}
