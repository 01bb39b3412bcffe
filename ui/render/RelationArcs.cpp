#include "ui/render/RelationArcs.h"

#include "ui/render/TimelineLayout.h"
#include "ui/render/TimelineTheme.h"

#include <QFontMetricsF>
#include <QHash>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

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

// What an arc and its label must not cross: every title (the arc's own events' too) and
// cluster pill, and the marks of the events it does not join, in a grid of 48 px cells so a
// course meets only the few near it. Rects are shrunk by a pixel: an arc may touch an edge.
class ObstacleGrid {
public:
    explicit ObstacleGrid(const TimelineLayout &layout) {
        m_bounds = layout.timeArea();
        m_columns = std::max(1, int(std::ceil(m_bounds.width() / cell)));
        m_rows = std::max(1, int(std::ceil(m_bounds.height() / cell)));
        m_cells.resize(size_t(m_columns) * size_t(m_rows));
        const auto shrunk = [](const QRectF &r) {
            return r.adjusted(1, 1, -1, -1);
        };
        for (const PlacedEvent &placed : layout.events()) {
            if (!placed.text.isEmpty() && placed.labelRect.isValid())
                add({shrunk(placed.labelRect), placed.id, true});
            if (placed.secondLineRect.isValid())
                add({shrunk(placed.secondLineRect), placed.id, true});
            add({shrunk(placed.markRect), placed.id, false});
        }
        for (const ClusterMark &cluster : layout.clusters())
            add({shrunk(cluster.rect), 0, true});
        m_seen.assign(m_obstacles.size(), 0);
    }

    // Calls `visit(obstacle)` once for each obstacle in the cells `area` touches, until it
    // returns false.
    template <typename Visit>
    void forEachNear(const QRectF &area, Visit visit) {
        ++m_stamp;
        const auto [c0, c1, r0, r1] = cellsOf(area);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
                for (const qsizetype i : m_cells[size_t(r) * size_t(m_columns) + size_t(c)]) {
                    if (m_seen[size_t(i)] == m_stamp)
                        continue;
                    m_seen[size_t(i)] = m_stamp;
                    if (!visit(m_obstacles.at(i)))
                        return;
                }
    }

private:
    static constexpr double cell = 48;
    struct CellSpan {
        int c0, c1, r0, r1;
    };
    [[nodiscard]] CellSpan cellsOf(const QRectF &r) const {
        const auto column = [&](double x) {
            return std::clamp(int(std::floor((x - m_bounds.left()) / cell)), 0, m_columns - 1);
        };
        const auto row = [&](double y) {
            return std::clamp(int(std::floor((y - m_bounds.top()) / cell)), 0, m_rows - 1);
        };
        return {column(r.left()), column(r.right()), row(r.top()), row(r.bottom())};
    }
    void add(const Obstacle &obstacle) {
        if (obstacle.rect.isEmpty() || !obstacle.rect.intersects(m_bounds))
            return;
        const auto [c0, c1, r0, r1] = cellsOf(obstacle.rect);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
                m_cells[size_t(r) * size_t(m_columns) + size_t(c)].push_back(m_obstacles.size());
        m_obstacles.append(obstacle);
    }

    QRectF m_bounds;
    int m_columns = 1;
    int m_rows = 1;
    QList<Obstacle> m_obstacles;
    std::vector<std::vector<qsizetype>> m_cells;
    std::vector<quint32> m_seen; // the stamp of the last search that met each obstacle
    quint32 m_stamp = 0;
};

constexpr int segmentsPerArc = 24;

// Titles and foreign marks a course crosses, as titles × 1000 + marks; stops counting once
// it is no better than `toBeat`.
int crossingsOf(const RelationArcPainter::Course &course, const RelationArc &arc,
                ObstacleGrid &grid, int toBeat, int *titles) {
    int titleCount = 0;
    int markCount = 0;
    QList<const Obstacle *> crossed; // each counted once, however many segments cross it
    QPointF previous = course.from;
    for (int i = 1; i <= segmentsPerArc && titleCount * 1000 + markCount < toBeat; ++i) {
        const QPointF next = course.at(double(i) / segmentsPerArc);
        grid.forEachNear(QRectF(previous, next).normalized(), [&](const Obstacle &obstacle) {
            if (!obstacle.title && (obstacle.id == arc.fromId || obstacle.id == arc.toId))
                return true;
            if (segmentCrosses(previous, next, obstacle.rect) && !crossed.contains(&obstacle)) {
                crossed << &obstacle;
                ++(obstacle.title ? titleCount : markCount);
            }
            return true;
        });
        previous = next;
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

// Where an arc's type label goes: at the middle of the arc, or as near to it along the arc
// as covers no title, mark or other label; never beyond the time area's sides.
QRectF labelBoxOn(const RelationArcPainter::Course &course, const QFontMetricsF &fm, double width,
                  ObstacleGrid &grid, const QList<QRectF> &otherLabels, const QRectF &timeArea) {
    const auto boxAt = [&](double t) {
        const QPointF at = course.at(t);
        QRectF box(at.x() - width / 2, at.y() - fm.height() / 2 - 1, width, fm.height() + 2);
        box.moveLeft(std::clamp(box.left(), timeArea.left(),
                                std::max(timeArea.left(), timeArea.right() - box.width())));
        return box;
    };
    const auto covers = [&](const QRectF &box) {
        if (std::any_of(otherLabels.cbegin(), otherLabels.cend(),
                        [&](const QRectF &other) { return other.intersects(box); }))
            return true;
        bool covered = false;
        grid.forEachNear(box, [&](const Obstacle &obstacle) {
            covered = obstacle.rect.intersects(box);
            return !covered;
        });
        return covered;
    };
    for (const double t : {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8}) {
        const QRectF box = boxAt(t);
        if (!covers(box))
            return box;
    }
    return boxAt(0.5);
}

// The course flattened to a point every dozen pixels, shifted by `offset` along its normals.
QPolygonF polylineOf(const RelationArcPainter::Course &course, double offset) {
    const auto distance = [](QPointF a, QPointF b) {
        return std::hypot(a.x() - b.x(), a.y() - b.y());
    };
    const double reach = distance(course.from, course.c1) + distance(course.c1, course.c2) +
                         distance(course.c2, course.to);
    const int steps = std::clamp(int(reach / 12), 12, 160);
    QPolygonF points(steps + 1);
    for (int i = 0; i <= steps; ++i)
        points[i] = course.at(double(i) / steps);
    QPolygonF shifted(points.size());
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QPointF along = points.at(std::min(i + 1, points.size() - 1)) -
                              points.at(std::max<qsizetype>(i - 1, 0));
        const double length = std::max(1e-9, std::hypot(along.x(), along.y()));
        shifted[i] = points.at(i) + QPointF(-along.y(), along.x()) * (offset / length);
    }
    return shifted;
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
    ObstacleGrid grid(layout);
    const QFontMetricsF fm(layout.options().smallFont);
    const QRectF area = layout.timeArea().adjusted(0, fm.height() / 2 + 1, 0, -fm.height() / 2 - 1);
    QHash<qint64, int> arcsAtMark;
    QList<QRectF> labelBoxes; // one label never covers another
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
            for (const double factor : {1.0, 0.5, 1.7, 0.25, 2.6, 3.6}) {
                for (const bool upward : {true, false}) {
                    std::optional<Course> course =
                        courseBowed(*from, *to, upward, bow * factor, area,
                                    arcsAtMark.value(arc.fromId), arcsAtMark.value(arc.toId));
                    if (!course)
                        continue;
                    const int score =
                        crossingsOf(*course, arc, grid, bestScore, &course->titlesCrossed);
                    if (score < bestScore) {
                        best = course;
                        bestScore = score;
                    }
                    if (bestScore == 0)
                        break;
                }
                if (bestScore == 0)
                    break;
            }
        }
        if (best) {
            ++arcsAtMark[arc.fromId];
            ++arcsAtMark[arc.toId];
            if (!arc.label.isEmpty()) {
                best->labelBox = labelBoxOn(*best, fm, fm.horizontalAdvance(arc.label) + 8, grid,
                                            labelBoxes, layout.timeArea());
                labelBoxes << best->labelBox;
            }
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
    // On a raster device that does not scale (the window at 1×, PNG at scale 1) the 1.6 px
    // line is drawn as two 1 px lines 0.6 px apart: stroking or filling a wide curve costs the
    // raster engine about 0.35 ms an arc, thin lines a sixth of that (bench_timeline "arcs").
    // Vector devices (SVG, PDF) keep one stroked curve.
    const bool raster = p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster &&
                        p.deviceTransform().type() <= QTransform::TxTranslate;
    constexpr double lineWidth = 1.6;
    for (const std::optional<Course> &course : routes) {
        if (!course)
            continue;
        if (raster) {
            // Two 1 px lines side by side: the raster engine's fast path for thin lines.
            QColor half = line;
            half.setAlphaF(0.62f);
            p.setPen(QPen(half, 1.0, Qt::SolidLine, Qt::FlatCap));
            p.setBrush(Qt::NoBrush);
            p.drawPolyline(polylineOf(*course, -0.3));
            p.drawPolyline(polylineOf(*course, 0.3));
        } else {
            QPainterPath path(course->from);
            path.cubicTo(course->c1, course->c2, course->to);
            p.setPen(QPen(line, lineWidth, Qt::SolidLine, Qt::RoundCap));
            p.setBrush(Qt::NoBrush);
            p.drawPath(path);
        }
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
                                     const Routes &routes,
                                     const std::function<bool(qsizetype)> &shown) {
    if (arcs.isEmpty() || routes.size() != arcs.size())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setFont(layout.options().smallFont);
    QColor line = theme.selection;
    line.setAlphaF(0.85f);
    for (qsizetype i = 0; i < arcs.size(); ++i) {
        const std::optional<Course> &course = routes.at(i);
        if (!course || course->labelBox.isEmpty() || (shown && !shown(i)))
            continue;
        p.setPen(QPen(line, 0.8));
        p.setBrush(theme.background);
        p.drawRoundedRect(course->labelBox, 3, 3);
        p.setPen(theme.labelText);
        p.drawText(course->labelBox, Qt::AlignCenter, arcs.at(i).label);
    }
    p.restore();
}

qsizetype RelationArcPainter::arcAt(const Routes &routes, QPointF point, double tolerance) {
    // Each curve as a polyline of short chords: 48 steps keep a chord within a pixel of the
    // curve for arcs across a full-width view.
    constexpr int Steps = 48;
    const auto distanceToSegment = [](QPointF p, QPointF a, QPointF b) {
        const QPointF ab = b - a;
        const double length2 = QPointF::dotProduct(ab, ab);
        const double t =
            length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
        const QPointF d = p - (a + ab * t);
        return std::sqrt(QPointF::dotProduct(d, d));
    };
    qsizetype best = -1;
    double bestDistance = tolerance;
    for (qsizetype i = 0; i < routes.size(); ++i) {
        const std::optional<Course> &course = routes.at(i);
        if (!course)
            continue;
        const QRectF bounds = QPolygonF({course->from, course->c1, course->c2, course->to})
                                  .boundingRect()
                                  .adjusted(-tolerance, -tolerance, tolerance, tolerance);
        if (!bounds.contains(point))
            continue; // a curve lies within the hull of its control points
        QPointF previous = course->from;
        for (int k = 1; k <= Steps; ++k) {
            const QPointF next = course->at(double(k) / Steps);
            const double distance = distanceToSegment(point, previous, next);
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = i;
            }
            previous = next;
        }
    }
    return best;
}
