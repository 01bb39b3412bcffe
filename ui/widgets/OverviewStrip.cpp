#include "ui/widgets/OverviewStrip.h"

#include <QDate>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

OverviewStrip::OverviewStrip(QWidget *parent)
    : QWidget(parent)
    , m_theme(TimelineTheme::light()) {
    setMinimumHeight(36);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Overview of all events"));
    setToolTip(tr("All events: drag the window to move the timeline, click to centre it there"));
    setCursor(Qt::PointingHandCursor);
}

QSize OverviewStrip::sizeHint() const {
    return {400, 44};
}

void OverviewStrip::setData(const TimelineData &events) {
    m_starts.clear();
    m_starts.reserve(size_t(events.size()));
    for (qsizetype i = 0; i < events.size(); ++i)
        m_starts.push_back(events.firstDay(i));
    // TimelineData is sorted by first day already; keep the guarantee local.
    if (!std::is_sorted(m_starts.begin(), m_starts.end()))
        std::sort(m_starts.begin(), m_starts.end());
    if (events.isEmpty()) {
        m_firstDay = 0;
        m_lastDay = 1;
    } else {
        const double span = std::max<double>(double(events.maxDay() - events.minDay()), 30.0);
        m_firstDay = double(events.minDay()) - span * 0.02;
        m_lastDay = double(events.maxDay()) + 1 + span * 0.02;
    }
    rebuildHistogram();
    update();
}

void OverviewStrip::setTheme(const TimelineTheme &theme) {
    m_theme = theme;
    update();
}

void OverviewStrip::setVisibleWindow(const TimeScale &scale) {
    m_windowFirst = scale.firstDay();
    m_windowLast = scale.lastDay();
    update();
}

QRectF OverviewStrip::plotRect() const {
    return QRectF(rect()).adjusted(6, 4, -6, -4);
}

double OverviewStrip::xForDay(double day) const {
    const QRectF plot = plotRect();
    return plot.left() + (day - m_firstDay) / (m_lastDay - m_firstDay) * plot.width();
}

double OverviewStrip::dayForX(double x) const {
    const QRectF plot = plotRect();
    return m_firstDay + (x - plot.left()) / std::max(1.0, plot.width()) * (m_lastDay - m_firstDay);
}

void OverviewStrip::rebuildHistogram() {
    // One column per pixel: the number of starts in it, by binary search on the sorted days,
    // so the cost is the width times log(n), whatever the number of events.
    const int width = std::max(1, int(plotRect().width()));
    m_columns.assign(size_t(width), 0);
    m_maxColumn = 0;
    if (m_starts.empty())
        return;
    auto from = m_starts.begin();
    for (int column = 0; column < width; ++column) {
        const double endDay = m_firstDay + (column + 1.0) / width * (m_lastDay - m_firstDay);
        const auto to = std::lower_bound(from, m_starts.end(), endDay,
                                         [](qint32 day, double limit) { return day < limit; });
        m_columns[size_t(column)] = int(to - from);
        m_maxColumn = std::max(m_maxColumn, m_columns[size_t(column)]);
        from = to;
    }
}

QRectF OverviewStrip::windowRect() const {
    const QRectF plot = plotRect();
    double left = std::clamp(xForDay(m_windowFirst), plot.left(), plot.right());
    double right = std::clamp(xForDay(m_windowLast), plot.left(), plot.right());
    if (right - left < 4) {
        const double centre = (left + right) / 2;
        left = centre - 2;
        right = centre + 2;
    }
    return QRectF(left, rect().top() + 1, right - left, height() - 2);
}

void OverviewStrip::paintEvent(QPaintEvent *) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), m_theme.headerBackground);
    const QRectF plot = plotRect();

    // Year boundaries as faint ticks, so the strip reads as time.
    painter.setPen(QPen(m_theme.gridMinor, 1));
    const int firstYear = QDate::fromJulianDay(qint64(m_firstDay)).year();
    const int lastYear = QDate::fromJulianDay(qint64(m_lastDay)).year();
    QFont font = painter.font();
    font.setPixelSize(10);
    painter.setFont(font);
    for (int year = firstYear + 1; year <= lastYear && lastYear - firstYear < 200; ++year) {
        const double x = xForDay(double(QDate(year, 1, 1).toJulianDay()));
        painter.setPen(QPen(m_theme.gridMajor, 1));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter.setPen(m_theme.axisContextText);
        painter.drawText(QPointF(x + 3, plot.top() + 10), QString::number(year));
    }

    if (m_maxColumn > 0) {
        // Square-root scale: a single event stays visible beside a busy week.
        QPainterPath path;
        path.moveTo(plot.left(), plot.bottom());
        const double scale = plot.height() * 0.8 / std::sqrt(double(m_maxColumn));
        for (size_t column = 0; column < m_columns.size(); ++column) {
            const double h = m_columns[column]
                                 ? std::max(1.5, std::sqrt(double(m_columns[column])) * scale)
                                 : 0.0;
            path.lineTo(plot.left() + double(column), plot.bottom() - h);
            path.lineTo(plot.left() + double(column) + 1, plot.bottom() - h);
        }
        path.lineTo(plot.right(), plot.bottom());
        path.closeSubpath();
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_theme.density);
        painter.drawPath(path);
    }

    const QRectF window = windowRect();
    QColor fill = m_theme.selection;
    fill.setAlpha(45);
    painter.setBrush(fill);
    painter.setPen(QPen(m_theme.selection, 1.5));
    painter.drawRoundedRect(window.adjusted(0.75, 0.75, -0.75, -0.75), 3, 3);
}

void OverviewStrip::resizeEvent(QResizeEvent *) {
    rebuildHistogram();
}

void OverviewStrip::mousePressEvent(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton)
        return;
    const double x = event->position().x();
    const QRectF window = windowRect();
    const double visible = m_windowLast - m_windowFirst;
    if (!window.contains(event->position())) {
        // Centre the view where the user clicked, then let them drag on from there.
        const double centre = dayForX(x);
        emit windowRequested(centre - visible / 2, centre + visible / 2);
    }
    m_dragging = true;
    m_dragOffset = dayForX(x) -
                   (window.contains(event->position()) ? m_windowFirst : dayForX(x) - visible / 2);
}

void OverviewStrip::mouseMoveEvent(QMouseEvent *event) {
    if (!m_dragging)
        return;
    const double visible = m_windowLast - m_windowFirst;
    const double first = dayForX(event->position().x()) - m_dragOffset;
    emit windowRequested(first, first + visible);
}

void OverviewStrip::mouseReleaseEvent(QMouseEvent *) {
    m_dragging = false;
}

void OverviewStrip::wheelEvent(QWheelEvent *event) {
    emit zoomRequested(std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}
