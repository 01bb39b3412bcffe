#include "ui/render/RelationArcs.h"

#include "ui/render/TimelineLayout.h"
#include "ui/render/TimelineTheme.h"

#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// Where an arc meets a mark: the middle of a dot (the arrow stops at its rim), or a bar's
// edge near its start (the event's date): the top edge for an arc that bows upward, the
// bottom edge for one that bows downward, so the line never runs through the bar's title.
// The `nth` arc at the same bar meets it 10 px further along, so arrows do not pile up.
QPointF anchorOf(const PlacedEvent &placed, bool upward, int nth) {
    const QRectF &mark = placed.markRect;
    if (placed.shape == MarkShape::Point)
        return mark.center();
    const double along = std::min(6.0 + 10.0 * nth, mark.width() / 2);
    return {mark.left() + along, upward ? mark.top() : mark.bottom()};
}

double rimOf(const PlacedEvent &placed) {
    return placed.shape == MarkShape::Point ? placed.markRect.height() / 2 + 1 : 0;
}

// Whether the segment a–b passes through `r` (Liang–Barsky clipping).
bool segmentCrosses(QPointF a, QPointF b, const QRectF &r) {
    double t0 = 0;
    double t1 = 1;
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    const auto clip = [&](double p, double q) {
        if (std::abs(p) < 1e-12)
            return q >= 0;
        const double t = q / p;
        if (p < 0) {
            if (t > t1)
                return false;
            t0 = std::max(t0, t);
        } else {
            if (t < t0)
                return false;
            t1 = std::min(t1, t);
        }
        return true;
    };
    return clip(-dx, a.x() - r.left()) && clip(dx, r.right() - a.x()) &&
           clip(-dy, a.y() - r.top()) && clip(dy, r.bottom() - a.y()) && t0 <= t1;
}

struct Obstacle {
    QRectF rect;
    qint64 id = 0;     // the event whose title or mark it is; 0 for a cluster
    bool title = true; // a title (or a cluster's pill), else a mark
};

// What an arc must not cross: every title (the arc's own events' too) and cluster pill, and
// the marks of the events it does not join. Shrunk by a pixel, so an arc may touch an edge.
QList<Obstacle> obstaclesOf(const TimelineLayout &layout) {
    QList<Obstacle> obstacles;
    obstacles.reserve(layout.events().size() * 2 + layout.clusters().size());
    const auto shrunk = [](const QRectF &r) {
        return r.adjusted(1, 1, -1, -1);
    };
    for (const PlacedEvent &placed : layout.events()) {
        if (placed.textRect.isValid() && !placed.text.isEmpty())
            obstacles.append({shrunk(placed.labelRect), placed.id, true});
        if (placed.secondLineRect.isValid())
            obstacles.append({shrunk(placed.secondLineRect), placed.id, true});
        obstacles.append({shrunk(placed.markRect), placed.id, false});
    }
    for (const ClusterMark &cluster : layout.clusters())
        obstacles.append({shrunk(cluster.rect), 0, true});
    return obstacles;
}

constexpr int segmentsPerArc = 24;

// Titles and foreign marks a course crosses, as titles × 1000 + marks.
int crossingsOf(const RelationArcPainter::Course &course, const RelationArc &arc,
                const QList<Obstacle> &obstacles, int *titles) {
    const QRectF hull = QRectF(course.from, course.to)
                            .normalized()
                            .united(QRectF(course.c1, course.c2).normalized());
    int titleCount = 0;
    int markCount = 0;
    for (const Obstacle &obstacle : obstacles) {
        if (!obstacle.rect.intersects(hull) ||
            (!obstacle.title && (obstacle.id == arc.fromId || obstacle.id == arc.toId)))
            continue;
        QPointF previous = course.from;
        for (int i = 1; i <= segmentsPerArc; ++i) {
            const QPointF next = course.at(double(i) / segmentsPerArc);
            if (segmentCrosses(previous, next, obstacle.rect)) {
                ++(obstacle.title ? titleCount : markCount);
                break;
            }
            previous = next;
        }
    }
    *titles = titleCount;
    return titleCount * 1000 + markCount;
}

// The course bowed by `bow` to the side `upward` (for a vertical chord: leftward), or none
// when its middle would leave the time area (`area`, which keeps room for the type label).
// `nthFrom`, `nthTo`: how many arcs met each of the two marks before this one.
std::optional<RelationArcPainter::Course> courseBowed(const PlacedEvent &from,
                                                      const PlacedEvent &to, bool upward,
                                                      double bow, const QRectF &area, int nthFrom,
                                                      int nthTo) {
    RelationArcPainter::Course course;
    course.from = anchorOf(from, upward, nthFrom);
    course.to = anchorOf(to, upward, nthTo);
    course.toRim = rimOf(to);
    const QPointF chord = course.to - course.from;
    const double length = std::hypot(chord.x(), chord.y());
    if (length < 1)
        return std::nullopt;
    QPointF normal(-chord.y() / length, chord.x() / length);
    const bool vertical = std::abs(normal.y()) < 1e-6;
    // `upward` picks the normal that points up; a vertical chord's picks the left one.
    if ((vertical ? normal.x() > 0 : normal.y() > 0) == upward)
        normal = -normal;
    const QPointF middle = (course.from + course.to) / 2;
    course.apex = middle + normal * bow;
    if (!area.contains(course.apex))
        return std::nullopt;
    // The cubic's middle lies 3/4 of the way out to its control points.
    course.c1 = course.from + normal * (bow * 4 / 3);
    course.c2 = course.to + normal * (bow * 4 / 3);
    return course;
}

} // namespace

QPointF RelationArcPainter::Course::at(double t) const {
    const double u = 1 - t;
    return from * (u * u * u) + c1 * (3 * u * u * t) + c2 * (3 * u * t * t) + to * (t * t * t);
}

RelationArcPainter::Routes RelationArcPainter::route(const TimelineLayout &layout,
                                                     const QList<RelationArc> &arcs) {
    Routes routes;
    routes.reserve(arcs.size());
    if (arcs.isEmpty())
        return routes;
    const QList<Obstacle> obstacles = obstaclesOf(layout);
    const double labelRoom = QFontMetricsF(layout.options().smallFont).height();
    const QRectF area = layout.timeArea().adjusted(0, labelRoom / 2 + 1, 0, -labelRoom / 2 - 1);
    QHash<qint64, int> arcsAtMark;
    for (const RelationArc &arc : arcs) {
        const PlacedEvent *from = layout.placedEvent(arc.fromId);
        const PlacedEvent *to = layout.placedEvent(arc.toId);
        std::optional<Course> best;
        int bestScore = std::numeric_limits<int>::max();
        if (from && to) {
            const QPointF chord = to->markRect.center() - from->markRect.center();
            const double length = std::hypot(chord.x(), chord.y());
            const double bow = std::clamp(length * 0.22, 14.0, 70.0);
            // In order of preference: the usual bow above, then below, then flatter and
            // higher ones on either side.
            for (const double factor : {1.0, 0.5, 1.7, 0.25, 2.6, 3.6})
                for (const bool upward : {true, false}) {
                    std::optional<Course> course =
                        courseBowed(*from, *to, upward, bow * factor, area,
                                    arcsAtMark.value(arc.fromId), arcsAtMark.value(arc.toId));
                    if (!course)
                        continue;
                    const int score = crossingsOf(*course, arc, obstacles, &course->titlesCrossed);
                    if (score < bestScore) {
                        best = course;
                        bestScore = score;
                    }
                    if (score == 0)
                        goto routed;
                }
        }
    routed:
        if (best) {
            ++arcsAtMark[arc.fromId];
            ++arcsAtMark[arc.toId];
        }
        routes << best;
    }
    return routes;
}

void RelationArcPainter::paintLines(QPainter &p, const TimelineTheme &theme, const Routes &routes) {
    if (routes.isEmpty())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    QColor line = theme.selection;
    line.setAlphaF(0.85f);
    for (const std::optional<Course> &course : routes) {
        if (!course)
            continue;
        QPainterPath path(course->from);
        path.cubicTo(course->c1, course->c2, course->to);
        p.setPen(QPen(line, 1.6, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        // The arrow at the answered event, along the curve's last direction.
        const QPointF direction = course->to - course->c2;
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
                                     const TimelineTheme &theme, const QList<RelationArc> &arcs,
                                     const Routes &routes) {
    if (arcs.isEmpty() || routes.size() != arcs.size())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    const QFont font = layout.options().smallFont;
    const QFontMetricsF fm(font);
    p.setFont(font);
    QColor line = theme.selection;
    line.setAlphaF(0.85f);
    QList<QRectF> placedPills; // one label never covers another
    for (qsizetype i = 0; i < arcs.size(); ++i) {
        const RelationArc &arc = arcs.at(i);
        const std::optional<Course> &course = routes.at(i);
        if (!course || arc.label.isEmpty())
            continue;
        // At the middle of the arc, or as near to it along the arc as covers no title or mark.
        const double width = fm.horizontalAdvance(arc.label) + 8;
        const auto pillAt = [&](double t) {
            const QPointF at = course->at(t);
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
