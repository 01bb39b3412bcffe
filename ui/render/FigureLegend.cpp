// The figure's legend: the lanes' colours and the marks' statuses and shapes that the figure
// shows, as a flow of swatches and labels, and the swatches painted as the timeline paints them.

#include "ui/render/TimelineFigureBuilder.h"

#include "ui/render/FigureLanguage.h"
#include "ui/render/TimelinePainter.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

QPen hairline(const QColor &c, double width = 1.0) {
    QPen pen(c, width);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

} // namespace

// The legend as a flow of swatches and labels, wrapped at the content width; items not in
// the figure are left out. Returns the height used.
double TimelineFigureBuilder::layoutLegend(TimelineFigure::Page &page, const TimelineLayout &layout,
                                           double top) const {
    using Item = TimelineFigure::LegendItem;
    const TimelineFigure &f = *m_figure;
    struct Entry {
        Item item;
        QString label;
        double swatchWidth;
        bool groupStart;
    };
    QList<Entry> entries;
    const double sw = std::round(10 * m_scale);
    // Lanes' colours: every category with an event in the range, in the categories' order.
    QSet<int> categories;
    for (qsizetype i = 0; i < m_data.size(); ++i)
        categories.insert(m_data.category(i));
    bool first = true;
    const QList<Category> &all = m_data.categories();
    for (int c = 0; c < all.size(); ++c) {
        if (!categories.contains(c))
            continue;
        entries.append({{Item::Category, c, {}}, all[c].displayName(), sw, false});
        first = false;
    }
    if (categories.contains(-1)) {
        entries.append({{Item::Category, -1, {}},
                        FigureLanguage::translate("TimelineFigure", "no category"),
                        sw,
                        false});
        first = false;
    }
    QSet<int> statuses;
    bool unsourced = false;
    bool ranges = false;
    bool partial = false;
    bool inForce = false;
    for (const PlacedEvent &e : layout.events()) {
        statuses.insert(int(e.status));
        unsourced = unsourced || e.unsourced;
        ranges = ranges || e.shape == MarkShape::Range;
        partial = partial || e.shape == MarkShape::Partial;
        inForce = inForce || e.shape == MarkShape::InForce;
    }
    const auto add = [&](Item::Kind kind, const QString &label, double width) {
        entries.append({{kind, -1, {}}, label, width, !first});
        first = false;
    };
    bool groupStarted = false;
    const auto addStatus = [&](Item::Kind kind, const QString &label, double width) {
        add(kind, label, width);
        if (groupStarted)
            entries.last().groupStart = false;
        groupStarted = true;
    };
    if (statuses.contains(int(EventStatus::Confirmed)))
        addStatus(Item::Confirmed, FigureLanguage::translate("TimelineFigure", "confirmed"), sw);
    if (statuses.contains(int(EventStatus::Reported)))
        addStatus(Item::Reported, FigureLanguage::translate("TimelineFigure", "reported (dashed)"),
                  sw);
    if (statuses.contains(int(EventStatus::Disputed)))
        addStatus(Item::Disputed, FigureLanguage::translate("TimelineFigure", "disputed (hatched)"),
                  sw);
    if (unsourced)
        addStatus(Item::Unsourced, FigureLanguage::translate("TimelineFigure", "no source yet"),
                  sw);
    if (ranges)
        addStatus(Item::Range, FigureLanguage::translate("TimelineFigure", "period"),
                  std::round(22 * m_scale));
    if (inForce)
        addStatus(
            Item::InForce,
            FigureLanguage::translate("TimelineFigure", "in force until rescinded or replaced"),
            std::round(22 * m_scale));
    if (partial)
        addStatus(Item::Partial, FigureLanguage::translate("TimelineFigure", "month or year only"),
                  std::round(22 * m_scale));
    if (!layout.clusters().isEmpty()) {
        const QFontMetricsF small(m_layoutOptions.smallFont);
        addStatus(Item::Cluster,
                  FigureLanguage::translate("TimelineFigure", "events too close to label"),
                  std::ceil(small.horizontalAdvance(u"+N"_s) + 10));
    }

    const QFontMetricsF fm(f.m_fonts[TimelineFigure::Legend]);
    const double lineHeight = std::max(textHeight(TimelineFigure::Legend), sw + 4);
    const double itemGap = std::round(16 * m_scale);
    const double groupGap = std::round(32 * m_scale);
    const double labelGap = std::round(6 * m_scale);
    double x = 0;
    double y = 0;
    const double width = m_contentWidth;
    for (Entry &e : entries) {
        double labelRoom = width - e.swatchWidth - labelGap;
        QString label = fm.elidedText(e.label, Qt::ElideRight, labelRoom);
        const double itemWidth = e.swatchWidth + labelGap + fm.horizontalAdvance(label);
        double gap = x == 0 ? 0 : (e.groupStart ? groupGap : itemGap);
        if (x > 0 && x + gap + itemWidth > width) {
            x = 0;
            gap = 0;
            y += lineHeight;
        }
        x += gap;
        const double swatchHeight =
            e.item.kind == Item::Cluster
                ? std::ceil(QFontMetricsF(m_layoutOptions.smallFont).height())
                : sw;
        e.item.swatch = QRectF(m_margin + x, top + y + (lineHeight - swatchHeight) / 2,
                               e.swatchWidth, swatchHeight);
        page.legend.append(e.item);
        page.texts.append({QPointF(m_margin + x + e.swatchWidth + labelGap,
                                   top + y + (lineHeight - fm.height()) / 2),
                           label,
                           TimelineFigure::Legend,
                           {}});
        x += itemWidth;
    }
    return entries.isEmpty() ? 0 : y + lineHeight;
}

void TimelineFigure::paintLegendSwatch(QPainter &p, const LegendItem &item) const {
    const QList<Category> &categories = m_layout->data().categories();
    const QColor neutral = m_theme.neutralMark;
    const QRectF r = item.swatch;
    p.save();
    switch (item.kind) {
    case LegendItem::Category: {
        const QColor c = m_theme.categoryColor(categories, item.category);
        p.setPen(hairline(m_theme.markOutline(c, EventStatus::Confirmed)));
        p.setBrush(c);
        TimelinePainter::paintShape(p, m_theme.shapeFor(item.category), r);
        break;
    }
    case LegendItem::Confirmed:
        p.setPen(hairline(m_theme.markOutline(neutral, EventStatus::Confirmed)));
        p.setBrush(m_theme.markFill(neutral, EventStatus::Confirmed));
        p.drawEllipse(r);
        break;
    case LegendItem::Reported: {
        // The painter's reported style: a paler fill inside a dashed outline.
        QPen pen(m_theme.markOutline(neutral, EventStatus::Reported), 1.3);
        pen.setStyle(Qt::CustomDashLine);
        pen.setDashPattern({2.5, 1.8});
        pen.setCapStyle(Qt::FlatCap);
        p.setPen(pen);
        p.setBrush(m_theme.markFill(neutral, EventStatus::Reported));
        p.drawEllipse(r);
        break;
    }
    case LegendItem::Disputed: {
        QPainterPath path;
        path.addEllipse(r);
        p.setPen(Qt::NoPen);
        p.setBrush(m_theme.markFill(neutral, EventStatus::Disputed));
        p.drawPath(path);
        p.save();
        p.setClipPath(path, Qt::IntersectClip);
        p.setPen(hairline(neutral));
        for (double x = r.left() - r.height(); x < r.right(); x += 3.5)
            p.drawLine(QPointF(x, r.bottom()), QPointF(x + r.height(), r.top()));
        p.restore();
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(m_theme.markOutline(neutral, EventStatus::Disputed), 1.3));
        p.drawPath(path);
        break;
    }
    case LegendItem::Unsourced:
        p.setPen(QPen(m_theme.badge, 1.0));
        p.setBrush(m_theme.background);
        p.drawEllipse(r);
        p.setFont(m_layout->options().smallFont);
        p.drawText(r, Qt::AlignCenter, u"?"_s);
        break;
    case LegendItem::Range:
    case LegendItem::InForce: {
        p.setPen(hairline(m_theme.markOutline(neutral, EventStatus::Confirmed)));
        p.setBrush(m_theme.barFill(neutral, false));
        p.drawRoundedRect(r, 3, 3);
        p.setPen(Qt::NoPen);
        p.setBrush(neutral);
        p.drawRoundedRect(QRectF(r.left(), r.top(), 3, r.height()), 1.5, 1.5);
        if (item.kind == LegendItem::InForce) { // the rule's end: a dark stop, as on the bar
            p.setBrush(m_theme.labelText);
            p.drawRect(QRectF(r.right() - 3, r.top(), 3, r.height()));
        }
        break;
    }
    case LegendItem::Partial:
        p.setPen(Qt::NoPen);
        p.setBrush(m_theme.barFill(neutral, true));
        p.drawRoundedRect(r, 2, 2);
        p.setPen(hairline(neutral));
        p.drawLine(QPointF(r.left() + 0.5, r.top()), QPointF(r.left() + 0.5, r.bottom()));
        p.drawLine(QPointF(r.right() - 0.5, r.top()), QPointF(r.right() - 0.5, r.bottom()));
        break;
    case LegendItem::Cluster:
        if (m_theme.kind == TimelineTheme::Kind::Print)
            p.setPen(hairline(m_theme.clusterBorder, 0.8));
        else
            p.setPen(Qt::NoPen);
        p.setBrush(m_theme.clusterFill);
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        p.setPen(m_theme.clusterText);
        p.setFont(m_layout->options().smallFont);
        p.drawText(r, Qt::AlignCenter, u"+N"_s);
        break;
    }
    p.restore();
}
