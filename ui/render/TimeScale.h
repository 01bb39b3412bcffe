#pragma once

#include <QtGlobal>

// Maps time to x and back. Time is measured in Julian days (fractional: 0.5 is noon), x in
// device-independent pixels from the left edge of the time area. A value type: zooming
// and panning return a new scale, so a layout can keep the scale it was made with.
class TimeScale {
public:
    static constexpr double MinVisibleDays = 1.0;     // one day across the width at most zoom
    static constexpr double MaxVisibleDays = 36525.0; // a century across the width at least

    TimeScale() = default;
    // `firstDay` is the Julian day at x = 0; `width` the pixels of the time area.
    TimeScale(double firstDay, double visibleDays, double width);

    // A scale showing [firstDay, lastDay + 1) across `width` with `marginFraction` of the
    // width left empty on each side.
    [[nodiscard]] static TimeScale fitting(qint64 firstDay, qint64 lastDay, double width,
                                           double marginFraction = 0.03);

    [[nodiscard]] double xForDay(double julianDay) const;
    [[nodiscard]] double dayForX(double x) const;
    [[nodiscard]] double pixelsPerDay() const { return m_width / m_visibleDays; }
    [[nodiscard]] double daysPerPixel() const { return m_visibleDays / m_width; }

    [[nodiscard]] double firstDay() const { return m_firstDay; }
    [[nodiscard]] double lastDay() const { return m_firstDay + m_visibleDays; }
    [[nodiscard]] double visibleDays() const { return m_visibleDays; }
    [[nodiscard]] double width() const { return m_width; }

    // Zoom by `factor` (> 1 zooms in) keeping the time under `anchorX` in place.
    // The visible span is clamped to [MinVisibleDays, MaxVisibleDays].
    [[nodiscard]] TimeScale zoomedAbout(double anchorX, double factor) const;
    // Move the content by `dx` pixels (positive: content moves right, earlier time shows).
    [[nodiscard]] TimeScale pannedBy(double dx) const;
    // The same time span at a new width (the window was resized).
    [[nodiscard]] TimeScale withWidth(double width) const;
    // The scale showing [firstDay, lastDay) at the same width, clamped like zoom.
    [[nodiscard]] TimeScale showing(double firstDay, double lastDay) const;

    friend bool operator==(const TimeScale &, const TimeScale &) = default;

private:
    double m_firstDay = 2460676.5; // 2025-01-01
    double m_visibleDays = 365.0;
    double m_width = 1000.0;
};
