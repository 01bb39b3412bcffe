#pragma once

// The lineage of the selected event (or of a figure's chain, `export --chain`): each relation
// as an arc from the later event's mark to the mark of the event it answers, with an arrow
// at the answered end and the relation's type written at the arc's middle. TimelinePainter
// draws the lines under the marks and labels, so an arc never hides a title, and the type
// labels over everything, so they stay readable.

#include <QList>
#include <QPointF>
#include <QString>
#include <QtGlobal>

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
    // Arcs whose two events are not both placed are left out.
    static void paintLines(QPainter &painter, const TimelineLayout &layout,
                           const TimelineTheme &theme, const QList<RelationArc> &arcs);
    static void paintLabels(QPainter &painter, const TimelineLayout &layout,
                            const TimelineTheme &theme, const QList<RelationArc> &arcs);

    // An arc's course: from `from` to `to`, bowed to one side of the straight line by a
    // height that grows with its length, upward (or, for a vertical line, leftward) unless
    // that leaves the time area. `apex` is the middle of the curve.
    struct Course {
        QPointF from;
        QPointF control; // of the quadratic curve
        QPointF to;
        QPointF apex;
        double toRim = 0; // the arrow stops this far short of `to` (a dot's radius)
    };
    [[nodiscard]] static std::optional<Course> courseOf(const TimelineLayout &layout,
                                                        const RelationArc &arc);
};
