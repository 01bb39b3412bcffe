#pragma once

#include "model/TimelineData.h"
#include "ui/render/TimeScale.h"
#include "ui/render/TimelineTheme.h"

#include <QWidget>

#include <vector>

// The whole dataset at a glance under the timeline: a density histogram of event starts from
// the first to the last event, with the timeline's visible window as a rectangle that can be
// dragged. Clicking elsewhere centres the timeline there; the wheel zooms the timeline.
class OverviewStrip : public QWidget {
    Q_OBJECT

public:
    explicit OverviewStrip(QWidget *parent = nullptr);

    void setData(const TimelineData &data);
    void setTheme(const TimelineTheme &theme);
    [[nodiscard]] QSize sizeHint() const override;
    // The histogram's column counts (one per pixel of the plot), for tests.
    [[nodiscard]] const std::vector<int> &columns() const { return m_columns; }

public slots:
    void setVisibleWindow(const TimeScale &scale);

signals:
    // The window the user asks for, in Julian days [first, last).
    void windowRequested(double firstDay, double lastDay);
    void zoomRequested(double factor);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void rebuildHistogram();
    [[nodiscard]] QRectF plotRect() const;
    [[nodiscard]] double xForDay(double day) const;
    [[nodiscard]] double dayForX(double x) const;
    [[nodiscard]] QRectF windowRect() const;

    std::vector<qint32> m_starts; // first days, sorted
    double m_firstDay = 0;
    double m_lastDay = 1;
    std::vector<int> m_columns;
    int m_maxColumn = 0;
    TimelineTheme m_theme;
    double m_windowFirst = 0;
    double m_windowLast = 0;
    bool m_dragging = false;
    double m_dragOffset = 0;
};
