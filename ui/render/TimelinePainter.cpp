#include "ui/render/TimelinePainter.h"

#include <QHash>
#include <QMutex>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QStaticText>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QPen hairline(const QColor &c, double width = 1.0) {
    QPen pen(c, width);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

QPen statusPen(const QColor &c, EventStatus status, double width) {
    QPen pen(c, width);
    pen.setJoinStyle(Qt::RoundJoin);
    if (status == EventStatus::Reported) {
        pen.setStyle(Qt::CustomDashLine);
        pen.setDashPattern({2.5, 1.8});
        pen.setCapStyle(Qt::FlatCap);
    }
    return pen;
}

QPainterPath shapePath(TimelineTheme::Shape shape, const QRectF &r) {
    QPainterPath path;
    const QPointF c = r.center();
    const double w = r.width() / 2;
    const double h = r.height() / 2;
    switch (shape) {
    case TimelineTheme::Shape::Circle:
        path.addEllipse(r);
        break;
    case TimelineTheme::Shape::Square:
        path.addRect(r.adjusted(w * 0.1, h * 0.1, -w * 0.1, -h * 0.1));
        break;
    case TimelineTheme::Shape::Diamond:
        path.moveTo(c.x(), r.top() - h * 0.1);
        path.lineTo(r.right() + w * 0.1, c.y());
        path.lineTo(c.x(), r.bottom() + h * 0.1);
        path.lineTo(r.left() - w * 0.1, c.y());
        path.closeSubpath();
        break;
    case TimelineTheme::Shape::TriangleUp:
        path.moveTo(c.x(), r.top() - h * 0.1);
        path.lineTo(r.right() + w * 0.05, r.bottom());
        path.lineTo(r.left() - w * 0.05, r.bottom());
        path.closeSubpath();
        break;
    case TimelineTheme::Shape::TriangleDown:
        path.moveTo(r.left() - w * 0.05, r.top());
        path.lineTo(r.right() + w * 0.05, r.top());
        path.lineTo(c.x(), r.bottom() + h * 0.1);
        path.closeSubpath();
        break;
    case TimelineTheme::Shape::Hexagon:
        for (int k = 0; k < 6; ++k) {
            const double a = M_PI / 3 * k;
            const QPointF p(c.x() + w * 1.05 * std::cos(a), c.y() + h * 1.05 * std::sin(a));
            if (k == 0)
                path.moveTo(p);
            else
                path.lineTo(p);
        }
        path.closeSubpath();
        break;
    }
    return path;
}

// Diagonal hatching inside `path` (disputed events): clipped lines, so SVG and PDF keep it.
void hatch(QPainter &p, const QPainterPath &path, const QColor &color) {
    p.save();
    p.setClipPath(path, Qt::IntersectClip);
    p.setPen(hairline(color, 1.0));
    const QRectF r = path.boundingRect();
    const double step = 3.5;
    for (double x = r.left() - r.height(); x < r.right(); x += step)
        p.drawLine(QPointF(x, r.bottom()), QPointF(x + r.height(), r.top()));
    p.restore();
}

// Text on raster devices goes through a process-wide cache of shaped QStaticText: shaping
// is most of the cost of a frame, and zooming and panning keep most labels from one frame
// to the next. Vector devices (SVG, PDF) get plain drawText, so they keep real text.
class TextDrawer {
public:
    explicit TextDrawer(QPainter &p)
        : m_p(p)
        , m_raster(p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster) {}

    // Draws `text` with its top-left corner at `topLeft` in the painter's current font.
    void draw(QPointF topLeft, const QString &text, double ascent) {
        if (!m_raster) {
            m_p.drawText(QPointF(topLeft.x(), topLeft.y() + ascent), text);
            return;
        }
        const QFont &font = m_p.font();
        const QString key = font.key() + u'\x1f' + text;
        static QMutex mutex;
        static QHash<QString, QStaticText> cache;
        QStaticText staticText;
        {
            const QMutexLocker lock(&mutex);
            const auto it = cache.constFind(key);
            if (it != cache.constEnd()) {
                staticText = *it;
            } else {
                if (cache.size() > 8192) // bounded: forget everything now and then
                    cache.clear();
                staticText.setText(text);
                staticText.setTextFormat(Qt::PlainText);
                staticText.setPerformanceHint(QStaticText::AggressiveCaching);
                staticText.prepare(QTransform(), font);
                cache.insert(key, staticText);
            }
        }
        m_p.drawStaticText(topLeft, staticText);
    }

private:
    QPainter &m_p;
    bool m_raster;
};

} // namespace

void TimelinePainter::paintShape(QPainter &painter, TimelineTheme::Shape shape, const QRectF &box) {
    painter.drawPath(shapePath(shape, box));
}

void TimelinePainter::paint(QPainter &p, const TimelineLayout &layout, const TimelineTheme &theme,
                            const PaintOptions &options) {
    const LayoutOptions &lo = layout.options();
    const QList<Category> &categories = layout.data().categories();
    const QSizeF size = layout.viewportSize();
    const double contentBottom = std::max(size.height(), layout.contentHeight());
    const QRectF timeArea = layout.timeArea();
    const QRectF axis = layout.axisRect();
    const double rowH = layout.axisRowHeight();

    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);

    if (options.paintBackground)
        p.fillRect(QRectF(0, 0, size.width(), contentBottom), theme.background);

    // Lane bands (only where they differ from the background) and the header column.
    for (const LaneBox &lane : layout.lanes()) {
        const QColor &band = lane.lane % 2 ? theme.laneBandAlt : theme.laneBand;
        if (band != theme.background || !options.paintBackground)
            p.fillRect(lane.rect, band);
    }
    if (!layout.lanes().isEmpty()) {
        p.fillRect(QRectF(0, layout.lanes().first().rect.top(), timeArea.left(),
                          layout.lanes().last().rect.bottom() - layout.lanes().first().rect.top()),
                   theme.headerBackground);
    }
    p.setPen(hairline(theme.laneSeparator));
    for (const LaneBox &lane : layout.lanes())
        p.drawLine(QPointF(0, lane.rect.bottom()), QPointF(size.width(), lane.rect.bottom()));
    if (!layout.lanes().isEmpty()) {
        p.drawLine(QPointF(timeArea.left(), axis.bottom()),
                   QPointF(timeArea.left(), timeArea.bottom()));
    }

    // Grid: light lines at the major ticks, stronger at the context boundaries.
    const double gridTop = axis.bottom();
    const double gridBottom = timeArea.bottom();
    const auto inTime = [&](double x) {
        return x > timeArea.left() + 0.5 && x < timeArea.right();
    };
    // Grid lines snap to whole pixels: crisp, and much cheaper than antialiased.
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(hairline(theme.gridMinor));
    for (const TimeTick &t : layout.ticks().major) {
        if (inTime(t.x))
            p.drawLine(QPointF(t.x, gridTop), QPointF(t.x, gridBottom));
    }
    p.setPen(hairline(theme.gridMajor));
    for (const TimeTick &t : layout.ticks().context) {
        if (inTime(t.x))
            p.drawLine(QPointF(t.x, gridTop), QPointF(t.x, gridBottom));
    }
    p.setRenderHint(QPainter::Antialiasing, true);

    // Axis: context row on top, major row below, a baseline.
    p.fillRect(QRectF(0, 0, size.width(), axis.bottom()), theme.axisBackground);
    // Same font as the ticks measured with: weight would change the widths.
    TextDrawer text(p);
    p.setFont(lo.axisFont);
    const QFontMetricsF axisFm(lo.axisFont);
    const double axisTextTop = (rowH - axisFm.height()) / 2;
    p.setPen(theme.axisContextText);
    for (const TimeTick &t : layout.ticks().context) {
        if (!t.label.isEmpty())
            text.draw(QPointF(t.labelX, axis.top() + axisTextTop), t.label, axisFm.ascent());
    }
    p.setPen(theme.axisText);
    for (const TimeTick &t : layout.ticks().major) {
        if (!t.label.isEmpty())
            text.draw(QPointF(t.labelX, axis.top() + rowH + axisTextTop), t.label, axisFm.ascent());
    }
    p.setPen(hairline(theme.axisLine));
    for (const TimeTick &t : layout.ticks().major) {
        if (inTime(t.x))
            p.drawLine(QPointF(t.x, axis.bottom() - 4), QPointF(t.x, axis.bottom()));
    }
    for (const TimeTick &t : layout.ticks().context) {
        if (inTime(t.x))
            p.drawLine(QPointF(t.x, axis.top() + 4), QPointF(t.x, axis.bottom()));
    }
    p.drawLine(QPointF(axis.left(), axis.bottom()), QPointF(axis.right(), axis.bottom()));

    // Headers: swatch, name, how many events are in view.
    const QFontMetricsF headerFm(lo.headerFont);
    const QFontMetricsF smallFm(lo.smallFont);
    for (const LaneBox &lane : layout.lanes()) {
        const double top = lane.rect.top() + 7;
        const QRectF swatch(10, top + (headerFm.height() - 10) / 2, 10, 10);
        if (lane.category >= 0) {
            const QColor c = theme.categoryColor(categories, lane.category);
            p.setPen(hairline(theme.markOutline(c, EventStatus::Confirmed)));
            p.setBrush(c);
            paintShape(p, theme.shapeFor(lane.category), swatch);
        }
        const double textLeft = lane.category >= 0 ? swatch.right() + 8 : 10;
        p.setFont(lo.headerFont);
        p.setPen(theme.headerText);
        text.draw(QPointF(textLeft, top), lane.name, headerFm.ascent());
        if (lane.rect.height() > headerFm.height() + smallFm.height() + 14) {
            p.setFont(lo.smallFont);
            p.setPen(theme.headerDetail);
            text.draw(QPointF(textLeft, top + headerFm.height() + 2), lane.detail,
                      smallFm.ascent());
        }
        if (!lane.density.isEmpty()) {
            p.setRenderHint(QPainter::Antialiasing, false);
            p.setPen(Qt::NoPen);
            p.setBrush(theme.density);
            p.drawRects(lane.density.constData(), int(lane.density.size()));
            p.setRenderHint(QPainter::Antialiasing, true);
        }
    }

    // Today.
    if (options.today && options.today->isValid()) {
        const double x = layout.xForDay(double(options.today->toJulianDay()) + 0.5);
        if (x >= timeArea.left() && x <= timeArea.right()) {
            QPen pen(theme.today, 1.2);
            pen.setStyle(Qt::CustomDashLine);
            pen.setDashPattern({4, 3});
            p.setPen(pen);
            p.drawLine(QPointF(x, axis.bottom()), QPointF(x, timeArea.bottom()));
            p.setPen(Qt::NoPen);
            p.setBrush(theme.today);
            QPainterPath tri;
            tri.moveTo(x - 4, axis.bottom() - 5);
            tri.lineTo(x + 4, axis.bottom() - 5);
            tri.lineTo(x, axis.bottom());
            tri.closeSubpath();
            p.drawPath(tri);
        }
    }

    // Selection and hover halos go under the marks.
    const auto isSelected = [&](const PlacedEvent &e) {
        return options.selectedIds.contains(e.id);
    };
    for (const PlacedEvent &e : layout.events()) {
        const bool selected = isSelected(e);
        if (!selected && e.id != options.hoveredId)
            continue;
        QColor halo = selected ? theme.selection : theme.hover;
        halo.setAlphaF(selected ? 0.16f : 0.12f);
        const QRectF r = e.markRect.united(e.labelRect).adjusted(-4, -2, 4, 2);
        p.setPen(Qt::NoPen);
        p.setBrush(halo);
        p.drawRoundedRect(r, 4, 4);
    }

    // Bars: ranges and partial dates.
    for (const PlacedEvent &e : layout.events()) {
        if (e.shape == MarkShape::Point)
            continue;
        const QColor base = theme.categoryColor(categories, e.category);
        const bool soft = e.shape == MarkShape::Partial;
        QPainterPath path;
        const QRectF r = e.markRect;
        const double radius = soft ? 2.0 : 3.0;
        if (e.continuesLeft || e.continuesRight)
            path.addRect(r);
        else
            path.addRoundedRect(r, radius, radius);
        p.setPen(Qt::NoPen);
        p.setBrush(theme.barFill(base, soft));
        p.drawPath(path);
        if (e.status == EventStatus::Disputed)
            hatch(p, path, theme.barFill(base, false).darker(115));
        p.setBrush(Qt::NoBrush);
        if (soft) {
            // A soft bar shows its span by its ends: thin ticks, no box.
            p.setPen(statusPen(base, e.status, 1.0));
            if (e.status != EventStatus::Confirmed)
                p.drawPath(path);
            if (!e.continuesLeft)
                p.drawLine(QPointF(r.left() + 0.5, r.top()), QPointF(r.left() + 0.5, r.bottom()));
            if (!e.continuesRight)
                p.drawLine(QPointF(r.right() - 0.5, r.top()), QPointF(r.right() - 0.5, r.bottom()));
        } else {
            p.setPen(statusPen(theme.markOutline(base, e.status), e.status, 1.0));
            p.drawPath(path);
            // The start of a range is a solid cap, so it reads like a point with duration.
            if (!e.continuesLeft) {
                p.setPen(Qt::NoPen);
                p.setBrush(e.status == EventStatus::Confirmed ? base
                                                              : theme.markOutline(base, e.status));
                p.drawRoundedRect(QRectF(r.left(), r.top(), 3, r.height()), 1.5, 1.5);
            }
        }
    }

    // Points.
    for (const PlacedEvent &e : layout.events()) {
        if (e.shape != MarkShape::Point)
            continue;
        const QColor base = theme.categoryColor(categories, e.category);
        const QPainterPath path = shapePath(theme.shapeFor(e.category), e.markRect);
        p.setPen(Qt::NoPen);
        p.setBrush(theme.markFill(base, e.status));
        p.drawPath(path);
        if (e.status == EventStatus::Disputed)
            hatch(p, path, base);
        p.setBrush(Qt::NoBrush);
        p.setPen(statusPen(theme.markOutline(base, e.status), e.status,
                           e.status == EventStatus::Confirmed ? 1.0 : 1.3));
        p.drawPath(path);
        if (isSelected(e)) {
            p.setPen(QPen(theme.selection, 1.6));
            p.drawEllipse(e.markRect.adjusted(-3, -3, 3, 3));
        }
    }

    // Labels.
    // Text boxes are the layout's: drawn from their top-left corner.
    p.setFont(lo.labelFont);
    const double labelAscent = QFontMetricsF(lo.labelFont).ascent();
    for (const PlacedEvent &e : layout.events()) {
        p.setPen(e.status == EventStatus::Confirmed ? theme.labelText : theme.labelMuted);
        text.draw(e.textRect.topLeft(), e.text, labelAscent);
    }
    p.setFont(lo.smallFont);
    for (const PlacedEvent &e : layout.events()) {
        if (e.noteNumber > 0) {
            p.setPen(theme.labelMuted);
            p.drawText(e.noteRect, Qt::AlignLeft | Qt::AlignTop, QString::number(e.noteNumber));
        }
        if (e.unsourced) {
            // "?": no source backs this event yet.
            p.setPen(QPen(theme.badge, 1.0));
            p.setBrush(theme.background);
            p.drawEllipse(e.badgeRect);
            p.drawText(e.badgeRect, Qt::AlignCenter, u"?"_s);
        }
    }

    // Clusters.
    if (theme.kind == TimelineTheme::Kind::Print)
        p.setPen(hairline(theme.clusterBorder, 0.8));
    else
        p.setPen(Qt::NoPen);
    p.setBrush(theme.clusterFill);
    for (const ClusterMark &c : layout.clusters())
        p.drawRoundedRect(c.rect, c.rect.height() / 2, c.rect.height() / 2);
    if (options.hoveredCluster >= 0 && options.hoveredCluster < layout.clusters().size()) {
        const QRectF r = layout.clusters()[options.hoveredCluster].rect;
        p.setPen(hairline(theme.hover, 1.5));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
    }
    p.setPen(theme.clusterText);
    for (const ClusterMark &c : layout.clusters()) {
        text.draw(QPointF(c.rect.left() + 5, c.rect.top() + 1), c.text, smallFm.ascent());
    }

    p.restore();
}
