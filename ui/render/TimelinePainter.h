#pragma once

// TimelinePainter: draws a TimelineLayout with a QPainter on any paint device — the
// widget's viewport, a QImage, a QSvgGenerator or a QPdfWriter — so what a researcher
// sees is what they export. It only paints what the layout placed (never walks the data)
// and draws text with QPainter::drawText, so SVG and PDF carry real, selectable text.
// The caller may scale or translate the painter first (export at a higher resolution).

#include "ui/render/RelationArcs.h"
#include "ui/render/TimelineLayout.h"
#include "ui/render/TimelineTheme.h"

#include <QDate>
#include <QHash>
#include <QSet>

#include <optional>

class QPainter;

struct PaintOptions {
    QSet<qint64> selectedIds;
    qint64 hoveredId = 0;       // 0: none
    int hoveredCluster = -1;    // index into TimelineLayout::clusters(); -1: none
    std::optional<QDate> today; // the "today" marker; the painter never reads the clock
    bool paintBackground = true;
    // Figures: an event's label links to this address (its first source's); on a PDF the
    // label becomes a link annotation.
    QHash<qint64, QString> labelLinks;
    // The relations to draw as arcs: the selected event's on screen, a chain's in a figure.
    QList<RelationArc> relationArcs;
    // The window names an arc's type only while the pointer is on the arc (`hoveredArc`, an
    // index into relationArcs) or on one of its two marks; figures name every arc.
    bool arcLabelsOnHover = false;
    qsizetype hoveredArc = -1;
};

class TimelinePainter {
public:
    static void paint(QPainter &painter, const TimelineLayout &layout, const TimelineTheme &theme,
                      const PaintOptions &options = {});
    // `text` from its top-left corner; a link annotation over it on a PDF when `href` is set
    // (QPdfEngine adds one for text drawn with an anchor format), plain text elsewhere.
    static void drawLinkedText(QPainter &painter, QPointF topLeft, double ascent,
                               const QString &text, const QString &href);
    // One mark shape in `box` (used for lane swatches and legends as well).
    static void paintShape(QPainter &painter, TimelineTheme::Shape shape, const QRectF &box);
};
