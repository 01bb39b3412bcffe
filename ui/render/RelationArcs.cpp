#include "ui/render/RelationArcs.h"

#include "ui/render/TimelineLayout.h"
#include "ui/render/TimelineTheme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {

// Where an arc meets a mark: the top edge at the start of a bar (the event's date), the
// middle of a dot (the arrow stops at its rim: see rimOf).
QPointF anchorOf(const PlacedEvent &placed) {
    const QRectF &mark = placed.markRect;
    if (placed.shape == MarkShape::Point)
        return mark.center();
    return {mark.left() + std::min(6.0, mark.width() / 2), mark.top()};
}

double rimOf(const PlacedEvent &placed) {
    return placed.shape == MarkShape::Point ? placed.markRect.height() / 2 + 1 : 0;
}

} // namespace

std::optional<RelationArcPainter::Course> RelationArcPainter::courseOf(const TimelineLayout &layout,
                                                                       const RelationArc &arc) {
    const PlacedEvent *from = layout.placedEvent(arc.fromId);
    const PlacedEvent *to = layout.placedEvent(arc.toId);
    if (!from || !to)
        return std::nullopt;
    Course course;
    course.from = anchorOf(*from);
    course.to = anchorOf(*to);
    course.toRim = rimOf(*to);
    const QPointF chord = course.to - course.from;
    const double length = std::hypot(chord.x(), chord.y());
    if (length < 1)
        return std::nullopt;
    QPointF normal(-chord.y() / length, chord.x() / length);
    // Upward; a vertical line bows to the left, where the earlier events are.
    if (normal.y() > 0 || (std::abs(normal.y()) < 1e-6 && normal.x() > 0))
        normal = -normal;
    const double bow = std::clamp(length * 0.22, 14.0, 70.0);
    const QPointF middle = (course.from + course.to) / 2;
    // Inside the time area, with room for the type's label above: else the other side.
    const double labelRoom = QFontMetricsF(layout.options().smallFont).height();
    const QRectF area = layout.timeArea().adjusted(0, labelRoom, 0, 0);
    if (!area.contains(middle + normal * bow))
        normal = -normal;
    course.apex = middle + normal * bow;
    course.control = middle + normal * (2 * bow);
    return course;
}

void RelationArcPainter::paintLines(QPainter &p, const TimelineLayout &layout,
                                    const TimelineTheme &theme, const QList<RelationArc> &arcs) {
    if (arcs.isEmpty())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    QColor line = theme.selection;
    line.setAlphaF(0.85f);
    for (const RelationArc &arc : arcs) {
        const std::optional<Course> course = courseOf(layout, arc);
        if (!course)
            continue;
        QPainterPath path(course->from);
        path.quadTo(course->control, course->to);
        p.setPen(QPen(line, 1.6, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        // The arrow at the answered event, along the curve's last direction.
        const QPointF direction = course->to - course->control;
        const double length = std::hypot(direction.x(), direction.y());
        if (length > 0.01) {
            const QPointF unit = direction / length;
            const QPointF normal(-unit.y(), unit.x());
            const QPointF tip = course->to - unit * course->toRim;
            QPainterPath head(tip);
            head.lineTo(tip - unit * 9 + normal * 4.5);
            head.lineTo(tip - unit * 9 - normal * 4.5);
            head.closeSubpath();
            p.setPen(Qt::NoPen);
            p.setBrush(line);
            p.drawPath(head);
        }
    }
    p.restore();
}

void RelationArcPainter::paintLabels(QPainter &p, const TimelineLayout &layout,
                                     const TimelineTheme &theme, const QList<RelationArc> &arcs) {
    if (arcs.isEmpty())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    const QFont font = layout.options().smallFont;
    const QFontMetricsF fm(font);
    p.setFont(font);
    QColor line = theme.selection;
    line.setAlphaF(0.85f);
    QList<QRectF> placedPills; // one label never covers another
    for (const RelationArc &arc : arcs) {
        const std::optional<Course> course = courseOf(layout, arc);
        if (!course || arc.label.isEmpty())
            continue;
        // At the middle of the arc, or as near to it along the arc as covers no title or mark.
        const double width = fm.horizontalAdvance(arc.label) + 8;
        const auto pillAt = [&](double t) {
            const double u = 1 - t;
            const QPointF at =
                course->from * (u * u) + course->control * (2 * u * t) + course->to * (t * t);
            return QRectF(at.x() - width / 2, at.y() - fm.height() / 2 - 1, width, fm.height() + 2);
        };
        const auto covers = [&](const QRectF &pill) {
            return std::any_of(placedPills.cbegin(), placedPills.cend(),
                               [&](const QRectF &other) { return other.intersects(pill); }) ||
                   std::any_of(layout.events().cbegin(), layout.events().cend(),
                               [&](const PlacedEvent &placed) {
                                   return placed.labelRect.intersects(pill) ||
                                          placed.markRect.intersects(pill);
                               });
        };
        QRectF pill = pillAt(0.5);
        for (double t : {0.4, 0.6, 0.3, 0.7, 0.2, 0.8}) {
            if (!covers(pill))
                break;
            pill = pillAt(t);
        }
        if (covers(pill))
            pill = pillAt(0.5);
        // Never beyond the time area's sides (the arc's end may be at its edge).
        const QRectF area = layout.timeArea();
        pill.moveLeft(std::clamp(pill.left(), area.left(),
                                 std::max(area.left(), area.right() - pill.width())));
        placedPills << pill;
        p.setPen(QPen(line, 0.8));
        p.setBrush(theme.background);
        p.drawRoundedRect(pill, 3, 3);
        p.setPen(theme.labelText);
        p.drawText(pill, Qt::AlignCenter, arc.label);
    }
    p.restore();
}
