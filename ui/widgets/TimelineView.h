#pragma once

#include "model/TimelineData.h"
#include "ui/render/RelationArcs.h"
#include "ui/render/TimeScale.h"
#include "ui/render/TimelineIndex.h"
#include "ui/render/TimelineLayout.h"
#include "ui/render/TimelineTheme.h"

#include <QDate>
#include <QSet>

#include <QPointer>
#include <QWidget>
#include <optional>

#include <memory>

class QScrollBar;

// The timeline on screen: zoom (wheel, pinch, +/-, rubber band with Shift+drag), pan (drag,
// horizontal wheel, arrows with Ctrl), selection (click, keyboard) and hover. It owns no
// drawing code: every frame is a TimelineLayout painted by TimelinePainter, the same code
// the image export uses. A layout is only recomputed when the scale, size or data change.
class TimelineView : public QWidget {
    Q_OBJECT

public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    // `emptyLanes`: whether a category without events keeps its lane (the legend of the
    // whole timeline) or not (a filter hiding what does not match).
    void setData(TimelineData data, EmptyLanes emptyLanes = EmptyLanes::Keep);
    [[nodiscard]] const TimelineData &data() const { return m_index->data(); }
    void setLaneGrouping(LaneGrouping grouping);
    [[nodiscard]] LaneGrouping laneGrouping() const { return m_grouping; }
    [[nodiscard]] EmptyLanes emptyLanes() const { return m_emptyLanes; }
    void setTheme(const TimelineTheme &theme);
    [[nodiscard]] const TimelineTheme &theme() const { return m_theme; }
    void setToday(QDate today);
    // The selected event's relations, drawn as arcs to the events they join.
    void setRelationArcs(const QList<RelationArc> &arcs);
    [[nodiscard]] const QList<RelationArc> &relationArcs() const { return m_relationArcs; }
    // The arc under the pointer (an index into relationArcs()), -1 when none: its type is
    // written on it, as on the arcs of a hovered mark; the others stay unlabelled.
    [[nodiscard]] qsizetype hoveredArc() const { return m_hoveredArc; }
    // How near (pixels) the pointer must come to an arc's line to hover it.
    static constexpr double ArcHoverTolerance = 5.0;
    // The related event nearest in time after (or before) the selected one, 0 when none:
    // Alt+Right and Alt+Left walk a chain this way.
    [[nodiscard]] qint64 relatedNeighbour(bool later) const;
    // "Dim non-matching": every event stays drawn, those not in `matching` under a veil.
    // std::nullopt draws everything plainly.
    void setHighlighted(std::optional<QSet<qint64>> matching);
    // Show Chain: the events of the selected event's lineage stay clear, the rest is veiled.
    void setChainFocus(std::optional<QSet<qint64>> chain);
    [[nodiscard]] const std::optional<QSet<qint64>> &chainFocus() const { return m_chainFocus; }

    [[nodiscard]] const TimeScale &timeScale() const { return m_scale; }
    void setTimeScale(const TimeScale &scale);
    // The visible span in Julian days [first, last).
    void showDays(double firstDay, double lastDay);
    [[nodiscard]] qint64 selectedEvent() const { return m_selected; }
    // The layout of the last frame (for tests and the export's "current view").
    [[nodiscard]] std::shared_ptr<const TimelineLayout> currentLayout();
    // Whether marks can be dragged in time (off for a read-only database).
    void setEditable(bool editable) { m_editable = editable; }

public slots:
    void selectEvent(qint64 id); // 0 clears; scrolls the event into view
    void fitAll();
    void zoomIn();
    void zoomOut();

signals:
    void selectionChanged(qint64 id);
    void activated(qint64 id); // Enter or double-click on an event
    void timeScaleChanged(const TimeScale &scale);
    // Double-click on empty time: the day clicked (for "new event here").
    void emptyDayActivated(qint64 julianDay);
    // A mark dragged in time (setEditable): by whole units of its precision, in days.
    void eventMoved(qint64 id, qint64 dayDelta);
    // One end of a range bar dragged to a day (`end` false: the start).
    void eventResized(qint64 id, bool end, qint64 newDay);
    // A drag with Alt held from one event's mark to another's: link them (setEditable).
    void linkDragged(qint64 fromId, qint64 toId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    void invalidateLayout();
    void ensureLayout();
    void applyScale(const TimeScale &scale);
    void zoomAbout(double x, double factor);
    void updateScrollBar();
    void setHovered(qint64 id, int cluster);
    void setHoveredArc(qsizetype arc);
    void announceSelection();
    [[nodiscard]] QPointF contentPoint(QPointF widgetPoint) const;
    [[nodiscard]] QString describe(qint64 id) const;
    [[nodiscard]] double timeAreaWidth() const;
    [[nodiscard]] int laneOf(qint64 id) const;

    std::shared_ptr<const TimelineIndex> m_index;
    std::shared_ptr<const TimelineLayout> m_layout;
    LaneGrouping m_grouping = LaneGrouping::Category;
    EmptyLanes m_emptyLanes = EmptyLanes::Keep;
    TimelineTheme m_theme;
    LayoutOptions m_options;
    TimeScale m_scale;
    QDate m_today;
    QList<RelationArc> m_relationArcs;
    std::optional<QSet<qint64>> m_highlighted;
    std::optional<QSet<qint64>> m_chainFocus;
    QScrollBar *m_vertical = nullptr;
    bool m_hasFitted = false;

    qint64 m_selected = 0;
    int m_selectedLane = -1;
    qint64 m_hovered = 0;
    int m_hoveredCluster = -1;
    qsizetype m_hoveredArc = -1;

    enum class Drag { None, Pending, Pan, Band, Move, ResizeStart, ResizeEnd, Link };
    Drag m_drag = Drag::None;
    // Dragging a mark in time: which one, what the press grabbed, where it would land.
    void beginMarkDrag(QPointF widgetPoint);
    void updateMarkDrag(QPointF widgetPoint);
    void paintMarkGhost(QPainter &painter);
    bool m_editable = false;
    qint64 m_dragEvent = 0;
    Drag m_dragKind = Drag::None;
    qint64 m_dragDelta = 0; // Move: snapped days; Resize*: the new day
    QPointF m_pressPos;
    QPointF m_lastPos;
    double m_bandFromX = 0;
    double m_bandToX = 0;
};
