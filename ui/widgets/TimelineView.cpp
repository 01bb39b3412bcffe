#include "ui/widgets/TimelineView.h"

#include "ui/render/TimelinePainter.h"

#include <QAccessible>
#include <QApplication>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
constexpr double ZoomStep = 1.25;
constexpr double DragThreshold = 4.0;

QString dateText(const TimelineData &data, qsizetype i) {
    const QDate first = QDate::fromJulianDay(data.firstDay(i));
    const PartialDate start = PartialDate::fromDate(first, data.precision(i));
    QString text = start.toDisplayString();
    if (data.isRange(i)) {
        const QDate last = QDate::fromJulianDay(data.lastDay(i));
        text += u" – "_s + PartialDate::fromDate(last).toDisplayString();
    }
    return text;
}
} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
    , m_index(TimelineIndex::create(TimelineData()))
    , m_theme(TimelineTheme::light())
    , m_today(QDate::currentDate()) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_AcceptTouchEvents);
    setMinimumSize(320, 200);
    setAccessibleName(tr("Timeline"));
    setAccessibleDescription(tr("No event selected"));
    m_vertical = new QScrollBar(Qt::Vertical, this);
    m_vertical->hide();
    connect(m_vertical, &QScrollBar::valueChanged, this, qOverload<>(&QWidget::update));
}

TimelineView::~TimelineView() = default;

void TimelineView::setData(TimelineData data, EmptyLanes emptyLanes) {
    // The same events again (a filter change while non-matching events are dimmed): the
    // index stays; only what is drawn over it changes.
    if (!m_index || !m_index->data().sharesStorageWith(data) || emptyLanes != m_emptyLanes) {
        m_emptyLanes = emptyLanes;
        m_index = TimelineIndex::create(std::move(data), m_grouping, m_emptyLanes);
    }
    if (m_selected && m_index->data().indexOfId(m_selected) < 0) {
        m_selected = 0;
        emit selectionChanged(0);
    }
    invalidateLayout();
    if (!m_hasFitted && !m_index->data().isEmpty()) {
        m_hasFitted = true;
        fitAll();
    }
}

void TimelineView::setLaneGrouping(LaneGrouping grouping) {
    if (grouping == m_grouping)
        return;
    m_grouping = grouping;
    m_index = TimelineIndex::create(m_index->data(), m_grouping, m_emptyLanes);
    invalidateLayout();
}

void TimelineView::setTheme(const TimelineTheme &theme) {
    m_theme = theme;
    update();
}

void TimelineView::setChainFocus(std::optional<QSet<qint64>> chain) {
    if (chain == m_chainFocus)
        return;
    m_chainFocus = std::move(chain);
    update();
}

void TimelineView::setHighlighted(std::optional<QSet<qint64>> matching) {
    m_highlighted = std::move(matching);
    update();
}

void TimelineView::setToday(QDate today) {
    m_today = today;
    update();
}

void TimelineView::setRelationArcs(const QList<RelationArc> &arcs) {
    if (arcs == m_relationArcs)
        return;
    m_relationArcs = arcs;
    m_hoveredArc = -1;
    update();
}

qint64 TimelineView::relatedNeighbour(bool later) const {
    const TimelineData &data = m_index->data();
    const qsizetype at = data.indexOfId(m_selected);
    if (at < 0)
        return 0;
    const auto key = [&](qsizetype i) {
        return std::pair(data.firstDay(i), data.id(i));
    };
    qint64 best = 0;
    std::pair<qint32, qint64> bestKey;
    for (const RelationArc &arc : m_relationArcs) {
        const qint64 other = arc.fromId == m_selected ? arc.toId : arc.fromId;
        const qsizetype i = data.indexOfId(other);
        if (i < 0 || other == m_selected || (later ? key(i) <= key(at) : key(i) >= key(at)))
            continue;
        if (!best || (later ? key(i) < bestKey : key(i) > bestKey)) {
            best = other;
            bestKey = key(i);
        }
    }
    return best;
}

void TimelineView::setTimeScale(const TimeScale &scale) {
    applyScale(scale.withWidth(timeAreaWidth()));
}

void TimelineView::showDays(double firstDay, double lastDay) {
    applyScale(m_scale.withWidth(timeAreaWidth()).showing(firstDay, lastDay));
}

double TimelineView::timeAreaWidth() const {
    return TimelineLayout::timeAreaWidth(*m_index, QSizeF(size()), m_options);
}

void TimelineView::applyScale(const TimeScale &scale) {
    if (scale == m_scale)
        return;
    m_scale = scale;
    invalidateLayout();
    emit timeScaleChanged(m_scale);
}

void TimelineView::fitAll() {
    const TimelineData &data = m_index->data();
    if (data.isEmpty())
        return;
    applyScale(TimeScale::fitting(data.minDay(), data.maxDay(), timeAreaWidth()));
}

void TimelineView::zoomIn() {
    ensureLayout();
    zoomAbout(m_scale.width() / 2, ZoomStep);
}

void TimelineView::zoomOut() {
    ensureLayout();
    zoomAbout(m_scale.width() / 2, 1 / ZoomStep);
}

void TimelineView::zoomAbout(double x, double factor) {
    applyScale(m_scale.zoomedAbout(x, factor));
}

void TimelineView::invalidateLayout() {
    m_layout.reset();
    update();
}

void TimelineView::ensureLayout() {
    if (m_layout)
        return;
    m_scale = m_scale.withWidth(timeAreaWidth());
    m_layout = TimelineLayout::compute(m_index, m_scale, QSizeF(size()), m_options);
    updateScrollBar();
}

std::shared_ptr<const TimelineLayout> TimelineView::currentLayout() {
    ensureLayout();
    return m_layout;
}

void TimelineView::updateScrollBar() {
    const int overflow = int(std::ceil(m_layout->contentHeight())) - height();
    if (overflow <= 0) {
        m_vertical->hide();
        m_vertical->setValue(0);
        return;
    }
    m_vertical->setRange(0, overflow);
    m_vertical->setPageStep(height());
    m_vertical->setSingleStep(24);
    m_vertical->setGeometry(width() - m_vertical->sizeHint().width(), 0,
                            m_vertical->sizeHint().width(), height());
    m_vertical->show();
}

QPointF TimelineView::contentPoint(QPointF widgetPoint) const {
    return widgetPoint + QPointF(0, m_vertical->isVisible() ? m_vertical->value() : 0);
}

void TimelineView::paintEvent(QPaintEvent *) {
    ensureLayout();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(rect(), m_theme.background);
    if (m_vertical->isVisible())
        painter.translate(0, -m_vertical->value());
    PaintOptions options;
    if (m_selected)
        options.selectedIds.insert(m_selected);
    options.hoveredId = m_hovered;
    options.hoveredCluster = m_hoveredCluster;
    options.today = m_today;
    options.relationArcs = m_relationArcs;
    options.arcLabelsOnHover = true;
    options.hoveredArc = m_hoveredArc;
    TimelinePainter::paint(painter, *m_layout, m_theme, options);
    if (m_highlighted || m_chainFocus) {
        // Only what the layout placed (bounded by the pixels), never the whole data set.
        QColor veil = m_theme.background;
        veil.setAlpha(185);
        const auto veiled = [&](qint64 id) {
            return id != m_selected && ((m_highlighted && !m_highlighted->contains(id)) ||
                                        (m_chainFocus && !m_chainFocus->contains(id)));
        };
        for (const PlacedEvent &placed : m_layout->events())
            if (veiled(placed.id))
                painter.fillRect(placed.markRect.united(placed.labelRect).adjusted(-2, -1, 2, 1),
                                 veil);
    }

    if (m_drag == Drag::Band) {
        const double left = std::min(m_bandFromX, m_bandToX);
        const double right = std::max(m_bandFromX, m_bandToX);
        QColor fill = m_theme.selection;
        fill.setAlpha(40);
        painter.resetTransform();
        painter.fillRect(QRectF(left, 0, right - left, height()), fill);
        painter.setPen(QPen(m_theme.selection, 1));
        painter.drawLine(QPointF(left, 0), QPointF(left, height()));
        painter.drawLine(QPointF(right, 0), QPointF(right, height()));
    }
    if (m_drag == Drag::Move || m_drag == Drag::ResizeStart || m_drag == Drag::ResizeEnd)
        paintMarkGhost(painter);
    if (m_drag == Drag::Link)
        if (const PlacedEvent *from = m_layout->placedEvent(m_dragEvent)) {
            // The link being drawn: from the mark to the pointer, dashed until it is dropped.
            painter.setPen(QPen(m_theme.selection, 1.6, Qt::DashLine, Qt::RoundCap));
            painter.drawLine(from->markRect.center(), contentPoint(m_lastPos));
        }
    if (hasFocus() && !m_selected) {
        painter.resetTransform();
        QPen focus(m_theme.selection, 1, Qt::DotLine);
        painter.setPen(focus);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

void TimelineView::resizeEvent(QResizeEvent *) {
    const double width = timeAreaWidth();
    if (!m_hasFitted && !m_index->data().isEmpty()) {
        m_hasFitted = true;
        m_scale = TimeScale::fitting(m_index->data().minDay(), m_index->data().maxDay(), width);
    } else {
        m_scale = m_scale.withWidth(width);
    }
    invalidateLayout();
}

void TimelineView::wheelEvent(QWheelEvent *event) {
    ensureLayout();
    const QPoint pixels = event->pixelDelta();
    const QPoint angle = event->angleDelta();
    const bool horizontal = std::abs(angle.x()) > std::abs(angle.y());
    if (horizontal || (event->modifiers() & Qt::ShiftModifier)) {
        const double dx = !pixels.isNull() ? (horizontal ? pixels.x() : pixels.y())
                                           : (horizontal ? angle.x() : angle.y()) / 2.0;
        applyScale(m_scale.pannedBy(dx));
    } else if (event->modifiers() & Qt::AltModifier && m_vertical->isVisible()) {
        m_vertical->setValue(m_vertical->value() - angle.y() / 2);
    } else {
        const double x = event->position().x() - m_layout->timeArea().left();
        zoomAbout(x, std::pow(1.0015, angle.y()));
    }
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_pressPos = m_lastPos = event->position();
    m_drag = Drag::Pending;
    m_dragEvent = 0;
    if (m_editable && !(event->modifiers() & Qt::ShiftModifier))
        beginMarkDrag(event->position());
    if (m_dragEvent && (event->modifiers() & Qt::AltModifier))
        m_dragKind = Drag::Link; // Alt: draw a link to another mark instead of moving it
    if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::Band;
        m_bandFromX = m_bandToX = event->position().x();
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent *event) {
    const QPointF pos = event->position();
    if (m_drag == Drag::Pending && (pos - m_pressPos).manhattanLength() >= DragThreshold) {
        m_drag = m_dragEvent ? m_dragKind : Drag::Pan;
        setCursor(!m_dragEvent || m_dragKind == Drag::Move ? Qt::ClosedHandCursor
                  : m_dragKind == Drag::Link               ? Qt::CrossCursor
                                                           : Qt::SizeHorCursor);
    }
    if (m_drag == Drag::Move || m_drag == Drag::ResizeStart || m_drag == Drag::ResizeEnd) {
        updateMarkDrag(pos);
        return;
    }
    if (m_drag == Drag::Link) {
        m_lastPos = pos;
        ensureLayout();
        const LayoutHit hit = m_layout->hitTest(contentPoint(pos));
        setHovered(hit.kind == LayoutHit::Event && hit.eventId != m_dragEvent ? hit.eventId : 0,
                   -1);
        update();
        return;
    }
    if (m_drag == Drag::Pan) {
        applyScale(m_scale.pannedBy(pos.x() - m_lastPos.x()));
        if (m_vertical->isVisible())
            m_vertical->setValue(m_vertical->value() - int(pos.y() - m_lastPos.y()));
        m_lastPos = pos;
        return;
    }
    if (m_drag == Drag::Band) {
        m_bandToX = pos.x();
        update();
        return;
    }
    ensureLayout();
    const LayoutHit hit = m_layout->hitTest(contentPoint(pos));
    setHovered(hit.kind == LayoutHit::Event ? hit.eventId : 0,
               hit.kind == LayoutHit::Cluster ? hit.cluster : -1);
    // An arc under the pointer shows its type (routed as the frame routes it: cheap, and
    // only while the selected event has relations).
    setHoveredArc(
        m_relationArcs.isEmpty() || hit.kind == LayoutHit::Event
            ? -1
            : RelationArcPainter::arcAt(RelationArcPainter::route(*m_layout, m_relationArcs),
                                        contentPoint(pos), ArcHoverTolerance));
}

void TimelineView::setHoveredArc(qsizetype arc) {
    if (arc == m_hoveredArc)
        return;
    m_hoveredArc = arc;
    update();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton)
        return;
    const Drag drag = m_drag;
    m_drag = Drag::None;
    unsetCursor();
    if (drag == Drag::Move && m_dragDelta != 0)
        emit eventMoved(m_dragEvent, m_dragDelta);
    if (drag == Drag::ResizeStart || drag == Drag::ResizeEnd)
        emit eventResized(m_dragEvent, drag == Drag::ResizeEnd, m_dragDelta);
    if (drag == Drag::Move || drag == Drag::ResizeStart || drag == Drag::ResizeEnd) {
        update();
        return;
    }
    if (drag == Drag::Link) {
        ensureLayout();
        const LayoutHit hit = m_layout->hitTest(contentPoint(event->position()));
        update();
        if (hit.kind == LayoutHit::Event && hit.eventId != m_dragEvent)
            emit linkDragged(m_dragEvent, hit.eventId);
        return;
    }
    if (drag == Drag::Band) {
        ensureLayout();
        const double from = m_layout->dayForX(std::min(m_bandFromX, m_bandToX));
        const double to = m_layout->dayForX(std::max(m_bandFromX, m_bandToX));
        if (std::abs(m_bandToX - m_bandFromX) >= DragThreshold)
            showDays(from, to);
        update();
        return;
    }
    if (drag == Drag::Pending) {
        ensureLayout();
        const LayoutHit hit = m_layout->hitTest(contentPoint(event->position()));
        if (hit.kind == LayoutHit::Event)
            selectEvent(hit.eventId);
        else if (hit.kind != LayoutHit::Cluster)
            selectEvent(0);
    }
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event) {
    ensureLayout();
    const QPointF point = contentPoint(event->position());
    const LayoutHit hit = m_layout->hitTest(point);
    if (hit.kind == LayoutHit::Cluster && hit.cluster >= 0) {
        const ClusterMark &cluster = m_layout->clusters().at(hit.cluster);
        // Zoom so the folded stretch fills the view, with a little room either side.
        const double span = std::max<double>(cluster.toDay - cluster.fromDay, 1);
        showDays(cluster.fromDay - span * 0.1, cluster.toDay + span * 0.1);
    } else if (hit.kind == LayoutHit::Event) {
        selectEvent(hit.eventId);
        emit activated(hit.eventId);
    } else if (m_layout->timeArea().contains(point)) {
        emit emptyDayActivated(qint64(std::floor(m_layout->dayForX(point.x()))));
    }
}

int TimelineView::laneOf(qint64 id) const {
    const qsizetype index = m_index->data().indexOfId(id);
    if (index < 0)
        return -1;
    const QList<int> lanes = m_index->lanesOfIndex(index);
    if (lanes.contains(m_selectedLane))
        return m_selectedLane;
    return lanes.isEmpty() ? -1 : lanes.constFirst();
}

void TimelineView::keyPressEvent(QKeyEvent *event) {
    ensureLayout();
    const TimelineData &data = m_index->data();
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    qint64 target = 0;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_F:
        fitAll();
        return;
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const bool right = event->key() == Qt::Key_Right;
        if (ctrl) {
            applyScale(m_scale.pannedBy((right ? -1 : 1) * m_scale.width() / 4));
            return;
        }
        if (event->modifiers() & Qt::AltModifier) {
            // Along the selected event's relations: the nearest related event later (Right)
            // or earlier (Left) in time, walking a policy's chain.
            target = relatedNeighbour(right);
            if (!target)
                return;
            break;
        }
        if (data.isEmpty())
            return;
        if (!m_selected)
            target = data.id(right ? 0 : data.size() - 1);
        else
            target = right ? m_layout->nextEvent(m_selected) : m_layout->previousEvent(m_selected);
        break;
    }
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (!m_selected)
            return;
        target = event->key() == Qt::Key_Up
                     ? m_layout->eventInLaneAbove(m_selected, laneOf(m_selected))
                     : m_layout->eventInLaneBelow(m_selected, laneOf(m_selected));
        if (target) {
            const int lane = laneOf(m_selected);
            const QList<int> lanes = m_index->lanesOfIndex(data.indexOfId(target));
            // Stay in the neighbouring lane when the event lives in several.
            for (int candidate : lanes)
                if (std::abs(candidate - lane) == 1)
                    m_selectedLane = candidate;
        }
        break;
    case Qt::Key_Home:
        if (!data.isEmpty())
            target = data.id(0);
        break;
    case Qt::Key_End:
        if (!data.isEmpty())
            target = data.id(data.size() - 1);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selected)
            emit activated(m_selected);
        return;
    case Qt::Key_Escape:
        if (m_drag == Drag::Band || m_drag == Drag::Move || m_drag == Drag::ResizeStart ||
            m_drag == Drag::ResizeEnd || m_drag == Drag::Link) {
            // Cancelled: the mark stays where it was and nothing is reported.
            m_drag = Drag::None;
            unsetCursor();
            update();
            return;
        }
        selectEvent(0);
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    if (target)
        selectEvent(target);
}

void TimelineView::selectEvent(qint64 id) {
    const TimelineData &data = m_index->data();
    const qsizetype index = id ? data.indexOfId(id) : -1;
    if (id && index < 0)
        id = 0;
    if (id && !m_index->lanesOfIndex(index).contains(m_selectedLane)) {
        const QList<int> lanes = m_index->lanesOfIndex(index);
        m_selectedLane = lanes.isEmpty() ? -1 : lanes.constFirst();
    }
    if (id) {
        // Bring it into view, keeping the zoom.
        const double first = data.firstDay(index);
        const double last = data.drawnLastDay(index) + 1.0;
        if (last < m_scale.firstDay() || first > m_scale.lastDay()) {
            const double centre = (first + std::min(last, first + m_scale.visibleDays())) / 2;
            applyScale(TimeScale(centre - m_scale.visibleDays() / 2, m_scale.visibleDays(),
                                 m_scale.width()));
        }
    }
    if (id == m_selected)
        return;
    m_selected = id;
    update();
    announceSelection();
    emit selectionChanged(id);
}

void TimelineView::announceSelection() {
    const QString description = m_selected ? describe(m_selected) : tr("No event selected");
    setAccessibleDescription(description);
    QAccessibleEvent accessibleEvent(this, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&accessibleEvent);
}

QString TimelineView::describe(qint64 id) const {
    const TimelineData &data = m_index->data();
    const qsizetype i = data.indexOfId(id);
    if (i < 0)
        return {};
    return tr("%1, %2").arg(data.title(i), dateText(data, i));
}

void TimelineView::setHovered(qint64 id, int cluster) {
    if (id == m_hovered && cluster == m_hoveredCluster)
        return;
    m_hovered = id;
    m_hoveredCluster = cluster;
    setCursor(id || cluster >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    update();
}

void TimelineView::leaveEvent(QEvent *event) {
    setHovered(0, -1);
    setHoveredArc(-1);
    QWidget::leaveEvent(event);
}

bool TimelineView::event(QEvent *event) {
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        ensureLayout();
        const LayoutHit hit = m_layout->hitTest(contentPoint(help->pos()));
        const TimelineData &data = m_index->data();
        if (hit.kind == LayoutHit::Event) {
            const qsizetype i = data.indexOfId(hit.eventId);
            const int sources = data.sourceCount(i);
            const QString sourcesText =
                sources == 0 ? tr("no source")
                             : (sources == 1 ? tr("1 source") : tr("%1 sources").arg(sources));
            QToolTip::showText(help->globalPos(),
                               u"<b>%1</b><br>%2 · %3 · %4"_s.arg(
                                   data.title(i).toHtmlEscaped(), dateText(data, i).toHtmlEscaped(),
                                   eventStatusLabel(data.status(i)), sourcesText),
                               this);
        } else if (hit.kind == LayoutHit::Cluster) {
            const ClusterMark &cluster = m_layout->clusters().at(hit.cluster);
            QToolTip::showText(
                help->globalPos(),
                cluster.count == 1
                    ? tr("1 more event here; double-click to zoom in")
                    : tr("%1 more events here; double-click to zoom in").arg(cluster.count),
                this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    if (event->type() == QEvent::NativeGesture) {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            ensureLayout();
            zoomAbout(gesture->position().x() - m_layout->timeArea().left(),
                      1.0 + gesture->value());
            return true;
        }
    }
    return QWidget::event(event);
}

// ---- Dragging marks in time ----

void TimelineView::beginMarkDrag(QPointF widgetPoint) {
    ensureLayout();
    const QPointF point = contentPoint(widgetPoint);
    const LayoutHit hit = m_layout->hitTest(point);
    if (hit.kind != LayoutHit::Event)
        return;
    const PlacedEvent *placed = m_layout->placedEvent(hit.eventId);
    if (!placed)
        return;
    m_dragEvent = hit.eventId;
    m_dragKind = Drag::Move;
    m_dragDelta = 0;
    // The ends of a bar resize it: a few pixels either side of each edge.
    constexpr double Grip = 5.0;
    const QRectF bar = placed->markRect;
    if (placed->shape == MarkShape::Range && bar.width() > 3 * Grip &&
        std::abs(point.y() - bar.center().y()) <= bar.height() / 2 + Grip) {
        if (!placed->continuesLeft && std::abs(point.x() - bar.left()) <= Grip)
            m_dragKind = Drag::ResizeStart;
        else if (!placed->continuesRight && std::abs(point.x() - bar.right()) <= Grip)
            m_dragKind = Drag::ResizeEnd;
    }
}

void TimelineView::updateMarkDrag(QPointF widgetPoint) {
    const TimelineData &data = m_index->data();
    const qsizetype i = data.indexOfId(m_dragEvent);
    if (i < 0)
        return;
    const double rawDays = m_layout->dayForX(widgetPoint.x()) - m_layout->dayForX(m_pressPos.x());
    if (m_drag == Drag::Move) {
        // Snap the start to the nearest whole day, month or year of its precision.
        const qint64 first = data.firstDay(i);
        const QDate target = QDate::fromJulianDay(qint64(std::llround(first + rawDays)));
        QDate snapped = target;
        switch (data.precision(i)) {
        case DatePrecision::Day:
            break;
        case DatePrecision::Month:
            snapped = QDate(target.year(), target.month(), 1);
            if (target.day() > target.daysInMonth() / 2)
                snapped = snapped.addMonths(1);
            break;
        case DatePrecision::Year:
            snapped = QDate(target.year(), 1, 1);
            if (target.dayOfYear() > target.daysInYear() / 2)
                snapped = snapped.addYears(1);
            break;
        }
        m_dragDelta = snapped.toJulianDay() - first;
    } else {
        m_dragDelta = qint64(std::floor(m_layout->dayForX(widgetPoint.x())));
        // An end never crosses the other one.
        if (m_drag == Drag::ResizeStart)
            m_dragDelta = std::min<qint64>(m_dragDelta, data.lastDay(i));
        else
            m_dragDelta = std::max<qint64>(m_dragDelta, data.firstDay(i));
    }
    update();
}

void TimelineView::paintMarkGhost(QPainter &painter) {
    const TimelineData &data = m_index->data();
    const qsizetype i = data.indexOfId(m_dragEvent);
    const PlacedEvent *placed = m_layout->placedEvent(m_dragEvent);
    if (i < 0 || !placed)
        return;
    QRectF ghost = placed->markRect;
    QDate from = QDate::fromJulianDay(data.firstDay(i));
    QDate to = QDate::fromJulianDay(data.lastDay(i));
    if (m_drag == Drag::Move) {
        ghost.translate(m_layout->xForDay(data.firstDay(i) + m_dragDelta) -
                            m_layout->xForDay(data.firstDay(i)),
                        0);
        from = from.addDays(m_dragDelta);
        to = to.addDays(m_dragDelta);
    } else if (m_drag == Drag::ResizeStart) {
        ghost.setLeft(m_layout->xForDay(double(m_dragDelta)));
        from = QDate::fromJulianDay(m_dragDelta);
    } else {
        ghost.setRight(m_layout->xForDay(double(m_dragDelta + 1)));
        to = QDate::fromJulianDay(m_dragDelta);
    }
    QColor fill = m_theme.selection;
    fill.setAlpha(70);
    painter.setPen(QPen(m_theme.selection, 1.5, Qt::DashLine));
    painter.setBrush(fill);
    if (placed->shape == MarkShape::Point)
        painter.drawEllipse(ghost);
    else
        painter.drawRoundedRect(ghost, 3, 3);

    // Where it would land, at the date's own precision.
    const DatePrecision precision = data.precision(i);
    QString text = PartialDate::fromDate(from, precision).toDisplayString();
    if (data.isRange(i) || m_drag != Drag::Move)
        text += u" – "_s + PartialDate::fromDate(to, precision).toDisplayString();
    const QFontMetricsF metrics(font());
    const QRectF label(ghost.left(), ghost.top() - metrics.height() - 6,
                       metrics.horizontalAdvance(text) + 10, metrics.height() + 4);
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_theme.selection);
    painter.drawRoundedRect(label, 3, 3);
    painter.setPen(m_theme.background);
    painter.drawText(label, Qt::AlignCenter, text);
}
