#pragma once

// The lineage of the selected event (or of a figure's chain, `export --chain`): each relation
// as an arc from the later event's mark to the mark of the event it answers, with an arrow
// at the answered end and the relation's type written on the arc. Each arc is routed around
// the titles: of the courses it may take (bowed up or down, flat or high, leaving a bar from
// its top or its bottom edge) it takes the first, in order of preference, that crosses no
// title, else the one that crosses fewest. TimelinePainter draws the lines under the marks
// and the type labels over everything, so they stay readable.

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QtGlobal>

#include <functional>
#include <optional>

class QPainter;
class TimelineLayout;
struct TimelineTheme;

struct RelationArc {
    qint64 fromId = 0; // the later event: the response, the rescission
    qint64 toId = 0;   // the event it answers
    QString label;     // "rescinds", "responds to"
    friend bool operator==(const RelationArc &, const RelationArc &) = default;
};

class RelationArcPainter {
public:
    // An arc's course: a cubic curve from `from` to `to` that leaves and meets the marks at
    // right angles to the straight line between them (so it clears the titles beside a dot),
    // bowed to one side of it. `apex` is the middle of the curve.
    struct Course {
        QPointF from;
        QPointF c1, c2; // the cubic curve's control points
        QPointF to;
        QPointF apex;
        double toRim = 0; // the arrow stops this far short of `to` (a dot's radius)
        int titlesCrossed = 0;
        QRectF labelBox; // where the type's label goes: on the arc, clear of titles and marks
        [[nodiscard]] QPointF at(double t) const;
    };
    // One course per arc, in the order of `arcs`; none where the two events are not both
    // placed. Route once per frame and hand the result to both paint calls. The titles and
    // marks are looked up through a grid of the layout, so routing costs the same at 1M
    // events as at 100 (bench_timeline's "arcs").
    using Routes = QList<std::optional<Course>>;
    [[nodiscard]] static Routes route(const TimelineLayout &layout, const QList<RelationArc> &arcs);

    static void paintLines(QPainter &painter, const TimelineTheme &theme, const Routes &routes);
    // The type labels, over everything; only those of the arcs `shown` accepts when given
    // (the window labels an arc while the pointer is on it or on one of its marks).
    static void paintLabels(QPainter &painter, const TimelineLayout &layout,
                            const TimelineTheme &theme, const QList<RelationArc> &arcs,
                            const Routes &routes,
                            const std::function<bool(qsizetype arc)> &shown = {});
    // The arc whose line passes within `tolerance` of `point` (the nearest), or -1.
    [[nodiscard]] static qsizetype arcAt(const Routes &routes, QPointF point, double tolerance);
};
