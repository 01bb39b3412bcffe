#include "ui/render/TimelinePainter.h"

#include "ui/render/SpriteBlend.h"

#include <QHash>
#include <QMutex>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QStaticText>
#include <QTextLayout>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

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

// `tile` repeated side by side until it is at least `minWidth` device pixels wide. A texture
// brush is blended one tile width at a time, so a fill with a tile a few pixels wide makes a
// call per few pixels; a wide tile of the same repeating pattern paints the same pixels.
QImage widened(const QImage &tile, int minWidth) {
    const int w = tile.width();
    if (w <= 0 || w >= minWidth || tile.format() != QImage::Format_ARGB32_Premultiplied)
        return tile;
    const int copies = (minWidth + w - 1) / w;
    QImage wide(QSize(w * copies, tile.height()), tile.format());
    wide.setDevicePixelRatio(tile.devicePixelRatio());
    for (int y = 0; y < tile.height(); ++y) {
        const auto *from = reinterpret_cast<const QRgb *>(tile.constScanLine(y));
        auto *to = reinterpret_cast<QRgb *>(wide.scanLine(y));
        for (int k = 0; k < copies; ++k)
            std::copy(from, from + w, to + k * w);
    }
    return wide;
}

// A tile of diagonal hatch lines in `color` that repeats seamlessly (lines 3.5 px apart; 7 px
// square, repeated to a wide tile).
QImage hatchTile(const QColor &color, qreal dpr) {
    static QMutex mutex;
    static QHash<QString, QImage> cache;
    const QString key = QString::number(color.rgba()) + u'@' + QString::number(dpr);
    const QMutexLocker lock(&mutex);
    const auto found = cache.constFind(key);
    if (found != cache.constEnd())
        return *found;
    constexpr double Size = 7.0; // two lines per tile
    QImage tile(QSize(int(std::round(Size * dpr)), int(std::round(Size * dpr))),
                QImage::Format_ARGB32_Premultiplied);
    tile.setDevicePixelRatio(dpr);
    tile.fill(Qt::transparent);
    QPainter q(&tile);
    q.setRenderHint(QPainter::Antialiasing, true);
    q.setPen(hairline(color, 1.0));
    for (int k = -2; k <= 2; ++k) {
        const double x = k * Size / 2;
        q.drawLine(QPointF(x, Size), QPointF(x + Size, 0));
    }
    q.end();
    tile = widened(tile, 256);
    if (cache.size() > 256)
        cache.clear();
    cache.insert(key, tile);
    return tile;
}

// The dashes of a reported event's outline on raster devices: a tile whose diagonal stripes
// (2 px on, 2 px off) cut a 1 px horizontal or vertical line into dashes, whichever way it
// runs (4 px square, repeated to a wide tile).
QImage dashTile(const QColor &color) {
    static QMutex mutex;
    static QHash<QRgb, QImage> cache;
    const QMutexLocker lock(&mutex);
    const auto found = cache.constFind(color.rgba());
    if (found != cache.constEnd())
        return *found;
    QImage tile(QSize(4, 4), QImage::Format_ARGB32_Premultiplied);
    tile.fill(Qt::transparent);
    const QRgb on = color.rgba() == 0 ? 0 : qPremultiply(color.rgba());
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 4; ++x)
            if ((x + y) % 4 < 2)
                tile.setPixel(x, y, on);
    tile = widened(tile, 256);
    if (cache.size() > 256)
        cache.clear();
    cache.insert(color.rgba(), tile);
    return tile;
}

// Diagonal hatching inside `path` (disputed events). Vector devices get clipped lines, so SVG
// and PDF keep real strokes; on raster devices the path is filled with a repeating tile of
// the same lines (one fill instead of a clipped, antialiased stroke per line).
void hatch(QPainter &p, const QPainterPath &path, const QColor &color) {
    if (p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster) {
        const qreal dpr = p.device() ? p.device()->devicePixelRatioF() : 1.0;
        p.save();
        p.setPen(Qt::NoPen);
        p.setBrush(QBrush(hatchTile(color, dpr)));
        p.drawPath(path);
        p.restore();
        return;
    }
    p.save();
    p.setClipPath(path, Qt::IntersectClip);
    p.setPen(hairline(color, 1.0));
    const QRectF r = path.boundingRect();
    const double step = 3.5;
    for (double x = r.left() - r.height(); x < r.right(); x += step)
        p.drawLine(QPointF(x, r.bottom()), QPointF(x + r.height(), r.top()));
    p.restore();
}

// A cached image cut down to its ink: the smallest box, in whole logical pixels, that holds
// every pixel that is not fully transparent, and where that box starts in the original image
// (logical pixels). Blending a fully transparent pixel changes nothing, so drawing the cut
// image at that offset gives the same pixels with less to blend: text images have empty
// margins and rows above and below the letters. Only whole device pixels are cut (integer
// device pixel ratios); otherwise the image stays as it is.
struct InkedImage {
    QImage image; // null: nothing to draw
    QPoint offset;
};

InkedImage cropToInk(const QImage &image) {
    const qreal dpr = image.devicePixelRatio();
    if (image.format() != QImage::Format_ARGB32_Premultiplied || dpr != std::round(dpr) || dpr < 1)
        return {image, QPoint()};
    const int d = int(dpr);
    const int w = image.width();
    const int h = image.height();
    int top = h;
    int bottom = -1;
    int left = w;
    int right = -1;
    for (int y = 0; y < h; ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        int x0 = 0;
        while (x0 < w && line[x0] == 0)
            ++x0;
        if (x0 == w)
            continue;
        int x1 = w - 1;
        while (line[x1] == 0)
            --x1;
        top = std::min(top, y);
        bottom = y;
        left = std::min(left, x0);
        right = std::max(right, x1);
    }
    if (bottom < 0)
        return {};
    // Whole logical pixels, so the image still lands on the same device pixels.
    left = left / d * d;
    top = top / d * d;
    right = std::min(w, (right / d + 1) * d) - 1;
    bottom = std::min(h, (bottom / d + 1) * d) - 1;
    if (left == 0 && top == 0 && right == w - 1 && bottom == h - 1)
        return {image, QPoint()};
    QImage cut = image.copy(QRect(QPoint(left, top), QPoint(right, bottom)));
    cut.setDevicePixelRatio(dpr);
    return {cut, QPoint(left / d, top / d)};
}

// Where cached images (labels, points, pills) can be blended straight into the QImage the
// painter draws on (SpriteBlend) instead of through QPainter::drawImage, which for a small
// image costs more per call and per row than its pixels do: a QImage painted without
// redirection, clipping, opacity below 1 or another composition mode, translated by whole
// pixels, at a whole device pixel ratio. The pixels are the same (SourceOver, same rounding).
class DirectTarget {
public:
    explicit DirectTarget(QPainter &p) {
        QPaintEngine *engine = p.paintEngine();
        QPaintDevice *device = p.device();
        if (!engine || engine->type() != QPaintEngine::Raster || !device ||
            device->devType() != QInternal::Image || engine->paintDevice() != device ||
            !engine->systemClip().isEmpty() || p.hasClipping() ||
            p.compositionMode() != QPainter::CompositionMode_SourceOver || p.opacity() != 1.0)
            return;
        const auto *image = static_cast<const QImage *>(device);
        const qreal dpr = image->devicePixelRatio();
        const QTransform &world = p.worldTransform();
        const QTransform toDevice = p.deviceTransform();
        if (!SpriteBlend::supports(*image) || dpr < 1 || dpr != std::round(dpr) ||
            world.type() > QTransform::TxTranslate || world.dx() != std::round(world.dx()) ||
            world.dy() != std::round(world.dy()) || toDevice.type() > QTransform::TxScale ||
            toDevice.m11() != dpr || toDevice.m22() != dpr ||
            toDevice.dx() != std::round(toDevice.dx()) ||
            toDevice.dy() != std::round(toDevice.dy()))
            return;
        m_image = image;
        m_dpr = int(dpr);
        m_offset = QPoint(int(toDevice.dx()), int(toDevice.dy()));
    }

    [[nodiscard]] bool enabled() const { return m_image != nullptr; }

    // Draws `sprite` with its top-left corner at `topLeft` (logical pixels) as
    // QPainter::drawImage would; false (nothing drawn) when this target cannot.
    bool draw(QPoint topLeft, const QImage &sprite) const {
        if (!m_image || sprite.devicePixelRatio() != m_dpr ||
            sprite.format() != QImage::Format_ARGB32_Premultiplied)
            return false;
        SpriteBlend::blendOnto(*m_image, topLeft * m_dpr + m_offset, sprite);
        return true;
    }

private:
    const QImage *m_image = nullptr;
    int m_dpr = 1;
    QPoint m_offset; // device pixels
};

// Text on raster devices is drawn from caches, because text is most of the cost of a frame
// and zooming and panning keep most labels from one frame to the next. With a plain
// translation on whole pixels (the window, PNG export at scale 1) each string is rendered
// once into a small image in the pen's colour and blitted: one SIMD blend instead of a
// glyph-by-glyph alpha-map blit. Otherwise the shaped QStaticText is cached. Vector devices
// (SVG, PDF) get plain drawText, so they keep real text.
class TextDrawer {
public:
    explicit TextDrawer(QPainter &p)
        : m_p(p)
        , m_raster(p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster)
        , m_direct(p) {
        const QTransform &t = p.worldTransform();
        m_blit = m_raster && t.type() <= QTransform::TxTranslate && t.dx() == std::round(t.dx()) &&
                 t.dy() == std::round(t.dy());
        m_dpr = p.device() ? p.device()->devicePixelRatioF() : 1.0;
    }

    // Draws `text` with its top-left corner at `topLeft` in the painter's current font.
    void draw(QPointF topLeft, const QString &text, double ascent) {
        if (!m_raster) {
            m_p.drawText(QPointF(topLeft.x(), topLeft.y() + ascent), text);
            return;
        }
        if (text.isEmpty())
            return;
        const QFont &font = m_p.font();
        // QFont::key() is costly: once per font (isCopyOf is a pointer comparison).
        if (m_fontKey.isNull() || !(font.isCopyOf(m_font) || font == m_font)) {
            m_font = font;
            m_fontKey = font.key();
            m_fontHash = qHashMulti(0, m_fontKey, m_dpr);
        }
        if (!m_blit) {
            m_p.drawStaticText(topLeft, shaped(m_fontKey, font, text));
            return;
        }
        const InkedImage image = rendered(font, m_p.pen().color().rgba(), text);
        if (image.image.isNull())
            return;
        const QPoint at(int(std::round(topLeft.x())) - Margin,
                        int(std::round(topLeft.y())) - Margin);
        if (!m_direct.draw(at + image.offset, image.image))
            m_p.drawImage(at + image.offset, image.image);
    }

private:
    static constexpr int Margin = 2; // antialiased glyph edges may reach past the text box

    struct RenderedKey {
        size_t hash;  // of the other members, made once per font and text (see rendered())
        QString font; // QFont::key()
        QString text;
        QRgb color;
        qreal dpr;
        friend bool operator==(const RenderedKey &, const RenderedKey &) = default;
        friend size_t qHash(const RenderedKey &k, size_t seed = 0) { return k.hash ^ seed; }
    };

    static QStaticText shaped(const QString &fontKey, const QFont &font, const QString &text) {
        const QString key = fontKey + u'\x1f' + text;
        static QMutex mutex;
        static QHash<QString, QStaticText> cache;
        const QMutexLocker lock(&mutex);
        const auto it = cache.constFind(key);
        if (it != cache.constEnd())
            return *it;
        if (cache.size() > 8192) // bounded: forget everything now and then
            cache.clear();
        QStaticText staticText;
        staticText.setText(text);
        staticText.setTextFormat(Qt::PlainText);
        staticText.setPerformanceHint(QStaticText::AggressiveCaching);
        staticText.prepare(QTransform(), font);
        cache.insert(key, staticText);
        return staticText;
    }

    // The image of `text` in `color`, cut to its ink, from the cache (shaped and rendered only
    // the first time). Its offset is from the text box's corner less the margin.
    InkedImage rendered(const QFont &font, QRgb color, const QString &text) const {
        // The font key (a long string) and the device pixel ratio are hashed once per font.
        const RenderedKey key{qHashMulti(m_fontHash, text, color), m_fontKey, text, color, m_dpr};
        static QMutex mutex;
        static QHash<RenderedKey, InkedImage> cache;
        static qint64 cacheBytes = 0;
        {
            const QMutexLocker lock(&mutex);
            const auto it = cache.constFind(key);
            if (it != cache.constEnd())
                return *it;
        }
        const QStaticText staticText = shaped(m_fontKey, font, text);
        const QSizeF size = staticText.size();
        QImage image(QSize(int(std::ceil((size.width() + 2 * Margin) * m_dpr)),
                           int(std::ceil((size.height() + 2 * Margin) * m_dpr))),
                     QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(m_dpr);
        image.fill(Qt::transparent);
        QPainter q(&image);
        q.setRenderHints(m_p.renderHints());
        q.setFont(font);
        q.setPen(QColor::fromRgba(color));
        q.drawStaticText(QPointF(Margin, Margin), staticText);
        q.end();
        const InkedImage inked = cropToInk(image);
        const QMutexLocker lock(&mutex);
        if (cacheBytes > 48LL * 1024 * 1024) { // bounded: forget everything now and then
            cache.clear();
            cacheBytes = 0;
        }
        cache.insert(key, inked);
        cacheBytes += inked.image.sizeInBytes() + qsizetype(sizeof(InkedImage));
        return inked;
    }

    QPainter &m_p;
    bool m_raster;
    DirectTarget m_direct;
    bool m_blit = false;
    qreal m_dpr = 1;
    QFont m_font;
    QString m_fontKey;
    size_t m_fontHash = 0; // of m_fontKey and m_dpr
};

void paintStatic(QPainter &p, const TimelineLayout &layout, const TimelineTheme &theme,
                 const PaintOptions &options, TextDrawer &text) {
    const LayoutOptions &lo = layout.options();
    const QList<Category> &categories = layout.data().categories();
    const QSizeF size = layout.viewportSize();
    const double contentBottom = std::max(size.height(), layout.contentHeight());
    const QRectF timeArea = layout.timeArea();
    const QRectF axis = layout.axisRect();
    const double rowH = layout.axisRowHeight();

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
            p.drawPath(shapePath(theme.shapeFor(lane.category), swatch));
        }
        const double textLeft = lane.category >= 0 ? swatch.right() + 8 : 10;
        p.setFont(lo.headerFont);
        p.setPen(theme.headerText);
        // A figure's lane names wrap; the screen's are one shortened line.
        double nameBottom = top + headerFm.height();
        if (lane.nameLines.isEmpty()) {
            text.draw(QPointF(textLeft, top), lane.name, headerFm.ascent());
        } else {
            const double lineStep = std::ceil(headerFm.lineSpacing());
            for (qsizetype k = 0; k < lane.nameLines.size(); ++k)
                text.draw(QPointF(textLeft, top + double(k) * lineStep), lane.nameLines[k],
                          headerFm.ascent());
            nameBottom = top + double(lane.nameLines.size() - 1) * lineStep + headerFm.height();
        }
        if (lane.rect.bottom() - nameBottom > smallFm.height() + 6) {
            p.setFont(lo.smallFont);
            p.setPen(theme.headerDetail);
            text.draw(QPointF(textLeft, nameBottom + 2), lane.detail, smallFm.ascent());
        }
        if (!lane.density.isEmpty()) {
            p.setRenderHint(QPainter::Antialiasing, false);
            p.setPen(Qt::NoPen);
            p.setBrush(theme.density);
            p.drawRects(lane.density.constData(), int(lane.density.size()));
            p.setRenderHint(QPainter::Antialiasing, true);
        }
    }
}

// What the static layer depends on, hashed: the size, the theme's colours, the fonts, the
// lanes (names, counts, density) and the ticks. Equal keys paint equal pixels.
size_t staticKey(const TimelineLayout &layout, const TimelineTheme &theme, qreal dpr) {
    const LayoutOptions &lo = layout.options();
    size_t h = qHashMulti(0, layout.viewportSize().width(), layout.viewportSize().height(),
                          layout.contentHeight(), dpr, int(theme.kind), theme.name);
    for (const QColor &c :
         {theme.background, theme.laneBand, theme.laneBandAlt, theme.laneSeparator,
          theme.headerBackground, theme.headerText, theme.headerDetail, theme.axisBackground,
          theme.axisText, theme.axisContextText, theme.axisLine, theme.gridMinor, theme.gridMajor,
          theme.density})
        h = qHashMulti(h, c.rgba());
    h = qHashMulti(h, lo.axisFont.key(), lo.headerFont.key(), lo.smallFont.key());
    const QRectF ta = layout.timeArea();
    const QRectF ax = layout.axisRect();
    h = qHashMulti(h, ta.left(), ta.top(), ta.right(), ta.bottom(), ax.top(), ax.bottom(),
                   layout.axisRowHeight());
    const QList<Category> &categories = layout.data().categories();
    for (const LaneBox &lane : layout.lanes()) {
        h = qHashMulti(h, lane.lane, lane.name, lane.detail, lane.category, lane.rect.top(),
                       lane.rect.bottom());
        if (lane.category >= 0)
            h = qHashMulti(h, theme.categoryColor(categories, lane.category).rgba(),
                           int(theme.shapeFor(lane.category)));
        if (!lane.density.isEmpty())
            h = qHashBits(lane.density.constData(), size_t(lane.density.size()) * sizeof(QRectF),
                          h);
    }
    for (const QList<TimeTick> *row : {&layout.ticks().major, &layout.ticks().context}) {
        for (const TimeTick &t : *row)
            h = qHashMulti(h, t.x, t.labelX, t.label);
    }
    return h;
}

// The screen (a raster device without scaling or rotation) reuses the static layer while the
// scale and size stay: hover, selection and repaints then cost only the marks and labels.
// Vector devices and exports always paint it, so SVG and PDF keep real lines and text.
bool paintStaticCached(QPainter &p, const TimelineLayout &layout, const TimelineTheme &theme,
                       const PaintOptions &options) {
    if (!options.paintBackground || !p.paintEngine() ||
        p.paintEngine()->type() != QPaintEngine::Raster ||
        p.worldTransform().type() > QTransform::TxTranslate)
        return false;
    const QTransform &t = p.worldTransform();
    if (t.dx() != std::round(t.dx()) || t.dy() != std::round(t.dy()))
        return false;
    const QSizeF size = layout.viewportSize();
    const double height = std::max(size.height(), layout.contentHeight());
    if (size.width() * height > 4096.0 * 4096.0)
        return false;
    const qreal dpr = p.device() ? p.device()->devicePixelRatioF() : 1.0;
    const size_t key = staticKey(layout, theme, dpr);

    struct Entry {
        size_t key = 0;
        QImage image;
    };
    static QMutex mutex;
    static Entry entries[2]; // the view and, e.g., a second window of another size
    static int next = 0;
    QImage image;
    {
        const QMutexLocker lock(&mutex);
        for (const Entry &e : entries) {
            if (e.key == key && !e.image.isNull())
                image = e.image;
        }
    }
    if (image.isNull()) {
        // Opaque (every theme's background is): blitted as a plain copy, not blended.
        image = QImage(QSize(int(std::ceil(size.width() * dpr)), int(std::ceil(height * dpr))),
                       theme.background.alpha() == 255 ? QImage::Format_RGB32
                                                       : QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        image.fill(theme.background);
        QPainter ip(&image);
        ip.setRenderHint(QPainter::Antialiasing, true);
        ip.setRenderHint(QPainter::TextAntialiasing, true);
        TextDrawer text(ip);
        paintStatic(ip, layout, theme, options, text);
        ip.end();
        const QMutexLocker lock(&mutex);
        entries[next] = {key, image};
        next = (next + 1) % 2;
    }
    p.drawImage(QPointF(0, 0), image);
    return true;
}

// The look of a bar's ends on the screen: equal keys give equal images.
struct EndsKey {
    QRgb color; // the category's colour
    int shape;
    int status;
    bool left;
    bool right;
    int height;
    qreal dpr;
    QString theme;
    friend bool operator==(const EndsKey &, const EndsKey &) = default;
    friend size_t qHash(const EndsKey &k, size_t seed = 0) {
        return qHashMulti(seed, k.color, k.shape, k.status, k.left, k.right, k.height, k.dpr,
                          k.theme);
    }
};

// Small images of marks that repeat (a point of one shape, colour and status; a "+N" pill),
// for raster devices painted without scaling: a blit instead of rasterising antialiased
// paths every frame. Marks land on whole device pixels. Vector devices and scaled exports
// draw the paths.
class SpriteDrawer {
public:
    // What a sprite looks like; equal keys give equal images.
    struct Key {
        char kind = 0; // 'p' point, 'c' cluster pill, 'b' "?" badge
        int shape = 0;
        QRgb color = 0;
        int status = 0;
        double width = 0;
        double height = 0;
        QString text;
        QString theme; // fills and outlines differ by theme
        qreal dpr = 1;
        size_t hash = 0; // of the members above, set by draw()
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &k, size_t seed = 0) { return k.hash ^ seed; }
    };

    explicit SpriteDrawer(QPainter &p)
        : m_p(p)
        , m_direct(p) {
        const QTransform &t = p.worldTransform();
        m_enabled = p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster &&
                    t.type() <= QTransform::TxTranslate && t.dx() == std::round(t.dx()) &&
                    t.dy() == std::round(t.dy());
        m_dpr = p.device() ? p.device()->devicePixelRatioF() : 1.0;
    }

    // Draws what `paint` draws in `box` from the sprite named `key`; false when sprites are
    // off for this painter (the caller then paints directly).
    template <typename Paint>
    bool draw(const QRectF &box, Key key, const Paint &paint) {
        if (!m_enabled)
            return false;
        constexpr int Margin = 2; // outlines reach over the box
        const QPointF at(std::round(box.left()) - Margin, std::round(box.top()) - Margin);
        key.width = box.width();
        key.height = box.height();
        key.dpr = m_dpr;
        // The theme's name and the device pixel ratio stay the same through a frame: hashed
        // once. Sizes are hashed by their bits (equal sizes have equal bits; 0 is made +0).
        if (!key.theme.isSharedWith(m_theme) || m_theme.isNull()) {
            m_theme = key.theme;
            m_themeHash = qHashMulti(0, m_theme, m_dpr);
        }
        const auto bits = [](double v) {
            return std::bit_cast<quint64>(v == 0 ? 0.0 : v);
        };
        key.hash = qHashMulti(m_themeHash, key.kind, key.shape, key.color, key.status,
                              bits(key.width), bits(key.height));
        if (!key.text.isEmpty())
            key.hash = qHashMulti(key.hash, key.text);
        const Key &fullKey = key;
        static QMutex mutex;
        static QHash<Key, InkedImage> cache;
        InkedImage sprite;
        bool found = false;
        {
            const QMutexLocker lock(&mutex);
            const auto it = cache.constFind(fullKey);
            if (it != cache.constEnd()) {
                sprite = *it;
                found = true;
            }
        }
        if (!found) {
            const QSizeF size(std::ceil(box.width()) + 2 * Margin,
                              std::ceil(box.height()) + 2 * Margin);
            QImage image((size * m_dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
            image.setDevicePixelRatio(m_dpr);
            image.fill(Qt::transparent);
            QPainter q(&image);
            q.setRenderHint(QPainter::Antialiasing, true);
            q.setRenderHint(QPainter::TextAntialiasing, true);
            paint(q, QRectF(QPointF(Margin, Margin), box.size()));
            q.end();
            sprite = cropToInk(image);
            const QMutexLocker lock(&mutex);
            if (cache.size() > 4096) // bounded: forget everything now and then
                cache.clear();
            cache.insert(fullKey, sprite);
        }
        if (sprite.image.isNull())
            return true;
        // `at` is on whole logical pixels (a translation on whole pixels, rounded box).
        const QPoint topLeft = QPoint(int(at.x()), int(at.y())) + sprite.offset;
        if (m_direct.draw(topLeft, sprite.image))
            return true;
        if (m_batching) {
            m_queue.push_back({sprite.image, topLeft});
            return true;
        }
        m_p.drawImage(at + QPointF(sprite.offset), sprite.image);
        return true;
    }

    // Between beginRow() and endRow(), sprites are queued and then drawn a run at a time:
    // sprites side by side on the same device rows (the "+N" pills of a lane) are copied
    // into one strip image, transparent between them, and that strip is blended with one
    // call. Blending is per pixel and a fully transparent pixel changes nothing, so when the
    // sprites do not overlap this gives the same pixels as drawing each; it saves the cost
    // Qt has per drawImage() and per image row, which for a small pill was most of its cost.
    void beginRow() {
        // Blended directly, sprites cost no more one by one.
        m_batching = m_enabled && !m_direct.enabled() && m_dpr == std::round(m_dpr) && m_dpr >= 1;
        m_queue.clear();
    }
    void endRow() {
        m_batching = false;
        const int d = int(m_dpr);
        size_t k = 0;
        while (k < m_queue.size()) {
            // A run: same device rows, left to right, not overlapping, close together (a
            // transparent pixel costs little to blend, but not nothing).
            const Queued &first = m_queue[k];
            const int height = first.image.height();
            size_t end = k + 1;
            int right = first.at.x() * d + first.image.width();
            while (end < m_queue.size()) {
                const Queued &q = m_queue[end];
                const int x = q.at.x() * d;
                if (q.at.y() != first.at.y() || q.image.height() != height || x < right ||
                    x - right > MaxGap)
                    break;
                right = x + q.image.width();
                ++end;
            }
            if (end - k < 2) {
                m_p.drawImage(QPointF(first.at), first.image);
                ++k;
                continue;
            }
            const int left = first.at.x() * d;
            const int span = right - left;
            const size_t pixels = size_t(span) * size_t(height);
            if (pixels > m_stripSize) {
                m_strip.reset(new QRgb[pixels]);
                m_stripSize = pixels;
            }
            // Sprite by sprite: the transparent columns before it, then its rows.
            int x = 0;
            for (size_t j = k; j < end; ++j) {
                const QImage &image = m_queue[j].image;
                const int at = m_queue[j].at.x() * d - left;
                const int w = image.width();
                const uchar *from = image.constBits();
                const qsizetype stride = image.bytesPerLine();
                QRgb *to = m_strip.get() + x;
                for (int y = 0; y < height; ++y, from += stride, to += span) {
                    std::fill(to, to + (at - x), QRgb(0));
                    std::memcpy(to + (at - x), from, size_t(w) * sizeof(QRgb));
                }
                x = at + w;
            }
            QImage strip(reinterpret_cast<const uchar *>(m_strip.get()), span, height,
                         qsizetype(span) * qsizetype(sizeof(QRgb)),
                         QImage::Format_ARGB32_Premultiplied);
            strip.setDevicePixelRatio(m_dpr);
            m_p.drawImage(QPointF(first.at), strip);
            k = end;
        }
        m_queue.clear();
    }

private:
    struct Queued {
        QImage image; // ARGB32 premultiplied (cropToInk keeps the sprite's format)
        QPoint at;    // top-left, logical pixels
    };

    QPainter &m_p;
    DirectTarget m_direct;
    bool m_enabled = false;
    qreal m_dpr = 1;
    QString m_theme;
    size_t m_themeHash = 0;
    static constexpr int MaxGap = 48; // device pixels between sprites of one strip
    bool m_batching = false;
    std::vector<Queued> m_queue;
    std::unique_ptr<QRgb[]> m_strip;
    size_t m_stripSize = 0;
};
} // namespace

void TimelinePainter::drawLinkedText(QPainter &p, QPointF topLeft, double ascent,
                                     const QString &text, const QString &href) {
    if (href.isEmpty() || !p.paintEngine() || p.paintEngine()->type() != QPaintEngine::Pdf) {
        p.drawText(QPointF(topLeft.x(), topLeft.y() + ascent), text);
        return;
    }
    QTextLayout layout(text, p.font());
    QTextCharFormat format;
    format.setAnchor(true);
    format.setAnchorHref(href);
    format.setForeground(p.pen().color());
    layout.setFormats({QTextLayout::FormatRange{0, int(text.size()), format}});
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(1e6);
    layout.endLayout();
    line.setPosition(QPointF(0, 0));
    layout.draw(&p, QPointF(topLeft.x(), topLeft.y() + ascent - line.ascent()));
}

void TimelinePainter::paintShape(QPainter &painter, TimelineTheme::Shape shape, const QRectF &box) {
    painter.drawPath(shapePath(shape, box));
}

void TimelinePainter::paint(QPainter &p, const TimelineLayout &layout, const TimelineTheme &theme,
                            const PaintOptions &options) {
    const LayoutOptions &lo = layout.options();
    const QList<Category> &categories = layout.data().categories();
    const QRectF timeArea = layout.timeArea();
    const QRectF axis = layout.axisRect();

    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);

    // The static layer (background, bands, grid, axis, headers, density) is the same for
    // every frame of one scale; on screen it is painted once into an image and blitted.
    TextDrawer text(p);
    SpriteDrawer sprites(p);
    if (!paintStaticCached(p, layout, theme, options))
        paintStatic(p, layout, theme, options, text);
    const QFontMetricsF smallFm(lo.smallFont);

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
    const RelationArcPainter::Routes arcRoutes =
        RelationArcPainter::route(layout, options.relationArcs);
    RelationArcPainter::paintLines(p, theme, arcRoutes);

    // Bars: ranges and partial dates. On a raster device that does not scale (the window, PNG
    // at scale 1) a bar's 1 px outline is filled as a ring, dashed by a pattern brush, instead
    // of stroked: the stroker blends a long bar's outline pixel by pixel, which made a frame
    // with a few dozen wide bars several times slower. Vector devices keep real strokes.
    const bool ringOutlines = p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster &&
                              p.worldTransform().type() <= QTransform::TxTranslate;
    const auto outline = [](QPainter &q, bool ring, const QPainterPath &path, const QRectF &r,
                            double radius, bool rounded, const QColor &color, EventStatus status) {
        if (!ring) {
            q.setPen(statusPen(color, status, 1.0));
            q.setBrush(Qt::NoBrush);
            q.drawPath(path);
            return;
        }
        QPainterPath ringPath = path;
        const QRectF inner = r.adjusted(1, 1, -1, -1);
        if (inner.isValid()) {
            if (rounded)
                ringPath.addRoundedRect(inner, radius - 1, radius - 1);
            else
                ringPath.addRect(inner);
        }
        ringPath.setFillRule(Qt::OddEvenFill);
        q.setPen(Qt::NoPen);
        q.setBrush(status == EventStatus::Reported ? QBrush(dashTile(color)) : QBrush(color));
        q.drawPath(ringPath);
        q.setBrush(Qt::NoBrush);
    };
    const qreal dpr = p.device() ? p.device()->devicePixelRatioF() : 1.0;
    // A whole bar as paths: fill, hatching, outline, and the ends (a soft bar's ticks, a
    // range's solid start).
    const auto paintBar = [&](QPainter &q, bool ring, const QRectF &r, const PlacedEvent &e) {
        const QColor base = theme.categoryColor(categories, e.category);
        const bool soft = e.shape == MarkShape::Partial;
        const double radius = soft ? 2.0 : 3.0;
        const bool square = e.continuesLeft || e.continuesRight;
        QPainterPath path;
        if (square)
            path.addRect(r);
        else
            path.addRoundedRect(r, radius, radius);
        q.setPen(Qt::NoPen);
        q.setBrush(theme.barFill(base, soft));
        q.drawPath(path);
        if (e.status == EventStatus::Disputed)
            hatch(q, path, theme.barFill(base, false).darker(115));
        q.setBrush(Qt::NoBrush);
        if (!soft || e.status != EventStatus::Confirmed)
            outline(q, ring, path, r, radius, !square,
                    soft ? base : theme.markOutline(base, e.status), e.status);
        if (soft) {
            // A soft bar shows its span by its ends: thin ticks, no box (a dashed one when
            // the event is not confirmed).
            q.setPen(statusPen(base, e.status, 1.0));
            if (!e.continuesLeft)
                q.drawLine(QPointF(r.left() + 0.5, r.top()), QPointF(r.left() + 0.5, r.bottom()));
            if (!e.continuesRight)
                q.drawLine(QPointF(r.right() - 0.5, r.top()), QPointF(r.right() - 0.5, r.bottom()));
        } else if (!e.continuesLeft) {
            // The start of a range is a solid cap, so it reads like a point with duration.
            q.setPen(Qt::NoPen);
            q.setBrush(e.status == EventStatus::Confirmed ? base
                                                          : theme.markOutline(base, e.status));
            q.drawRoundedRect(QRectF(r.left(), r.top(), 3, r.height()), 1.5, 1.5);
        }
        if (e.shape == MarkShape::InForce && !e.continuesRight) {
            // A rule that was rescinded or replaced stops at a hard end, in the text's
            // colour: not the category's, so it reads as "ended here", not as a date's span.
            q.setPen(Qt::NoPen);
            q.setBrush(theme.labelText);
            q.drawRect(QRectF(r.right() - 3, r.top(), 3, r.height()));
        }
    };
    // The middle of a bar on whole pixels: fill, hatching, and the outline's top and bottom
    // edges, and its left or right edge where the bar runs out of the view (as the outline
    // of the clipped rectangle does on other devices).
    const auto fillBarMiddle = [&](const QRectF &m, const PlacedEvent &e) {
        const QColor base = theme.categoryColor(categories, e.category);
        const bool soft = e.shape == MarkShape::Partial;
        p.fillRect(m, theme.barFill(base, soft));
        if (e.status == EventStatus::Disputed)
            p.fillRect(m, QBrush(hatchTile(theme.barFill(base, false).darker(115), dpr)));
        if (soft && e.status == EventStatus::Confirmed)
            return;
        const QColor color = soft ? base : theme.markOutline(base, e.status);
        const QBrush edge =
            e.status == EventStatus::Reported ? QBrush(dashTile(color)) : QBrush(color);
        p.fillRect(QRectF(m.left(), m.top(), m.width(), 1), edge);
        p.fillRect(QRectF(m.left(), m.bottom() - 1, m.width(), 1), edge);
        if (e.continuesLeft)
            p.fillRect(QRectF(m.left(), m.top() + 1, 1, m.height() - 2), edge);
        if (e.continuesRight)
            p.fillRect(QRectF(m.right() - 1, m.top() + 1, 1, m.height() - 2), edge);
    };
    for (const PlacedEvent &e : layout.events()) {
        if (e.shape == MarkShape::Point)
            continue;
        if (!ringOutlines) {
            paintBar(p, false, e.markRect, e);
            continue;
        }
        // On the screen, a bar is drawn on whole pixels: its middle is filled as rectangles,
        // far cheaper than rasterising a path as long as the bar (a month-precision event at
        // day zoom is as wide as the view), and its rounded ends come from a small cached
        // image of a short bar of the same look.
        const QRectF r(QPointF(std::round(e.markRect.left()), std::round(e.markRect.top())),
                       QPointF(std::round(e.markRect.right()), std::round(e.markRect.bottom())));
        if (e.continuesLeft && e.continuesRight) {
            fillBarMiddle(r, e);
            continue;
        }
        constexpr int End = 5; // pixels of each end taken from the image
        if (r.width() < 2 * End + 2 || r.height() < 3) {
            paintBar(p, true, r, e);
            continue;
        }
        const EndsKey key{theme.categoryColor(categories, e.category).rgba(),
                          int(e.shape),
                          int(e.status),
                          e.continuesLeft,
                          e.continuesRight,
                          int(r.height()),
                          dpr,
                          theme.name};
        static QMutex endsMutex;
        static QHash<EndsKey, QImage> endsCache;
        QImage ends;
        {
            const QMutexLocker lock(&endsMutex);
            ends = endsCache.value(key);
        }
        const int shortWidth = 2 * End + 2;
        if (ends.isNull()) {
            ends = QImage(QSize(int(std::ceil(shortWidth * dpr)), int(std::ceil(r.height() * dpr))),
                          QImage::Format_ARGB32_Premultiplied);
            ends.setDevicePixelRatio(dpr);
            ends.fill(Qt::transparent);
            QPainter q(&ends);
            q.setRenderHint(QPainter::Antialiasing, true);
            paintBar(q, true, QRectF(0, 0, shortWidth, r.height()), e);
            q.end();
            const QMutexLocker lock(&endsMutex);
            if (endsCache.size() > 1024)
                endsCache.clear();
            endsCache.insert(key, ends);
        }
        const double h = r.height();
        if (!e.continuesLeft)
            p.drawImage(QRectF(r.left(), r.top(), End, h), ends, QRectF(0, 0, End * dpr, h * dpr));
        if (!e.continuesRight)
            p.drawImage(QRectF(r.right() - End, r.top(), End, h), ends,
                        QRectF((shortWidth - End) * dpr, 0, End * dpr, h * dpr));
        const double middleLeft = e.continuesLeft ? r.left() : r.left() + End;
        const double middleRight = e.continuesRight ? r.right() : r.right() - End;
        fillBarMiddle(QRectF(middleLeft, r.top(), middleRight - middleLeft, h), e);
    }

    // Points. On the screen a mark of one look is drawn once into a small image and blitted
    // (antialiased paths are most of a frame's cost in the software rasteriser).
    for (const PlacedEvent &e : layout.events()) {
        if (e.shape != MarkShape::Point)
            continue;
        const QColor base = theme.categoryColor(categories, e.category);
        const TimelineTheme::Shape shape = theme.shapeFor(e.category);
        const auto draw = [&](QPainter &q, const QRectF &box) {
            const QPainterPath path = shapePath(shape, box);
            q.setPen(Qt::NoPen);
            q.setBrush(theme.markFill(base, e.status));
            q.drawPath(path);
            if (e.status == EventStatus::Disputed)
                hatch(q, path, base);
            q.setBrush(Qt::NoBrush);
            q.setPen(statusPen(theme.markOutline(base, e.status), e.status,
                               e.status == EventStatus::Confirmed ? 1.0 : 1.3));
            q.drawPath(path);
        };
        SpriteDrawer::Key key;
        key.kind = 'p';
        key.shape = int(shape);
        key.color = base.rgba();
        key.status = int(e.status);
        key.theme = theme.name;
        if (!sprites.draw(e.markRect, std::move(key), draw))
            draw(p, e.markRect);
    }
    for (const PlacedEvent &e : layout.events()) {
        if (e.shape == MarkShape::Point && isSelected(e)) {
            p.setPen(QPen(theme.selection, 1.6));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(e.markRect.adjusted(-3, -3, 3, 3));
        }
    }

    // Labels.
    // Text boxes are the layout's: drawn from their top-left corner.
    p.setFont(lo.labelFont);
    const double labelAscent = QFontMetricsF(lo.labelFont).ascent();
    const QColor *labelColor = nullptr; // the pen's, set again only when it changes
    const bool pdf = p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Pdf;
    for (const PlacedEvent &e : layout.events()) {
        const QColor &color =
            e.status == EventStatus::Confirmed ? theme.labelText : theme.labelMuted;
        if (&color != labelColor) {
            p.setPen(color);
            labelColor = &color;
        }
        if (const auto link = options.labelLinks.constFind(e.id);
            link != options.labelLinks.cend() && pdf) {
            drawLinkedText(p, e.textRect.topLeft(), labelAscent, e.text, *link);
            if (!e.secondLine.isEmpty())
                drawLinkedText(p, e.secondLineRect.topLeft(), labelAscent, e.secondLine, *link);
            continue;
        }
        text.draw(e.textRect.topLeft(), e.text, labelAscent);
        if (!e.secondLine.isEmpty())
            text.draw(e.secondLineRect.topLeft(), e.secondLine, labelAscent);
    }
    p.setFont(lo.smallFont);
    const auto drawBadge = [&](QPainter &q, const QRectF &r) {
        // "?": no source backs this event yet.
        q.setPen(QPen(theme.badge, 1.0));
        q.setBrush(theme.background);
        q.drawEllipse(r);
        q.setFont(lo.smallFont);
        q.drawText(r, Qt::AlignCenter, u"?"_s);
    };
    for (const PlacedEvent &e : layout.events()) {
        if (e.noteNumber > 0) {
            p.setPen(theme.labelMuted);
            text.draw(e.noteRect.topLeft(), QString::number(e.noteNumber), smallFm.ascent());
        }
        if (e.unsourced) {
            SpriteDrawer::Key key;
            key.kind = 'b';
            key.theme = theme.name;
            if (!sprites.draw(e.badgeRect, std::move(key), drawBadge))
                drawBadge(p, e.badgeRect);
        }
    }

    // Clusters: "+N" pills, blitted from small images on the screen like the points.
    const QPen pillPen = theme.kind == TimelineTheme::Kind::Print
                             ? hairline(theme.clusterBorder, 0.8)
                             : QPen(Qt::NoPen);
    const auto drawPill = [&](QPainter &q, const QRectF &r, const QString &label) {
        q.setPen(pillPen);
        q.setBrush(theme.clusterFill);
        q.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        q.setPen(theme.clusterText);
        q.setFont(lo.smallFont);
        TextDrawer pillText(q);
        pillText.draw(QPointF(r.left() + 5, r.top() + 1), label, smallFm.ascent());
    };
    sprites.beginRow();
    for (const ClusterMark &c : layout.clusters()) {
        const auto draw = [&](QPainter &q, const QRectF &box) {
            drawPill(q, box, c.text);
        };
        SpriteDrawer::Key key;
        key.kind = 'c';
        key.text = c.text;
        key.theme = theme.name;
        if (!sprites.draw(c.rect, std::move(key), draw))
            draw(p, c.rect);
    }
    sprites.endRow();
    if (options.hoveredCluster >= 0 && options.hoveredCluster < layout.clusters().size()) {
        const QRectF r = layout.clusters()[options.hoveredCluster].rect;
        p.setPen(hairline(theme.hover, 1.5));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
    }
    std::function<bool(qsizetype)> labelShown;
    if (options.arcLabelsOnHover)
        labelShown = [&options](qsizetype arc) {
            const RelationArc &relation = options.relationArcs.at(arc);
            return arc == options.hoveredArc ||
                   (options.hoveredId != 0 &&
                    (relation.fromId == options.hoveredId || relation.toId == options.hoveredId));
        };
    RelationArcPainter::paintLabels(p, layout, theme, options.relationArcs, arcRoutes, labelShown);

    p.restore();
}
