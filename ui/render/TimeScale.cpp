#include "ui/render/TimeScale.h"

#include <algorithm>

namespace {
// Julian days of 0001-01-01 and 9999-12-31: the supported calendar.
constexpr double FirstSupportedDay = 1721426.0;
constexpr double LastSupportedDay = 5373484.0;

double clampSpan(double days) {
    return std::clamp(days, TimeScale::MinVisibleDays, TimeScale::MaxVisibleDays);
}

double clampStart(double firstDay, double visibleDays) {
    return std::clamp(firstDay, FirstSupportedDay - visibleDays / 2,
                      LastSupportedDay + 1 - visibleDays / 2);
}
} // namespace

TimeScale::TimeScale(double firstDay, double visibleDays, double width)
    : m_firstDay(firstDay)
    , m_visibleDays(clampSpan(visibleDays))
    , m_width(std::max(1.0, width)) {
    m_firstDay = clampStart(m_firstDay, m_visibleDays);
}

TimeScale TimeScale::fitting(qint64 firstDay, qint64 lastDay, double width, double marginFraction) {
    if (lastDay < firstDay)
        std::swap(firstDay, lastDay);
    const double span = static_cast<double>(lastDay - firstDay + 1);
    const double margin = std::clamp(marginFraction, 0.0, 0.4);
    const double visible = clampSpan(span / (1.0 - 2 * margin));
    const double centre = static_cast<double>(firstDay) + span / 2;
    return TimeScale(centre - visible / 2, visible, width);
}

double TimeScale::xForDay(double julianDay) const {
    return (julianDay - m_firstDay) * m_width / m_visibleDays;
}

double TimeScale::dayForX(double x) const {
    return m_firstDay + x * m_visibleDays / m_width;
}

TimeScale TimeScale::zoomedAbout(double anchorX, double factor) const {
    if (!(factor > 0))
        return *this;
    const double anchorDay = dayForX(anchorX);
    const double visible = clampSpan(m_visibleDays / factor);
    const double first = anchorDay - anchorX * visible / m_width;
    return TimeScale(first, visible, m_width);
}

TimeScale TimeScale::pannedBy(double dx) const {
    return TimeScale(m_firstDay - dx * daysPerPixel(), m_visibleDays, m_width);
}

TimeScale TimeScale::withWidth(double width) const {
    return TimeScale(m_firstDay, m_visibleDays, width);
}

TimeScale TimeScale::showing(double firstDay, double lastDay) const {
    if (lastDay < firstDay)
        std::swap(firstDay, lastDay);
    const double visible = clampSpan(lastDay - firstDay);
    const double centre = (firstDay + lastDay) / 2;
    return TimeScale(centre - visible / 2, visible, m_width);
}
