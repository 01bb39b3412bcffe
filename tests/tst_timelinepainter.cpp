#include "tests/benchmarks/SyntheticTimeline.h"
#include "ui/render/SpriteBlend.h"
#include "ui/render/TimelinePainter.h"

#include <QBuffer>
#include <QDate>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QRandomGenerator>
#include <QSvgGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

std::shared_ptr<const TimelineLayout> handLayout(QSizeF size) {
    static const auto index = TimelineIndex::create(TimelineData::fromEvents(
        SyntheticTimeline::handMadeEvents(), SyntheticTimeline::categories()));
    const double width = TimelineLayout::timeAreaWidth(*index, size);
    return TimelineLayout::compute(
        index, TimeScale::fitting(index->data().minDay(), index->data().maxDay(), width), size);
}

QImage paintToImage(const TimelineLayout &layout, const TimelineTheme &theme,
                    const PaintOptions &options = {}) {
    QImage image(layout.viewportSize().toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::magenta);
    QPainter p(&image);
    TimelinePainter::paint(p, layout, theme, options);
    p.end();
    return image;
}

} // namespace

class TestTimelinePainter : public QObject {
    Q_OBJECT

private slots:
    void markCentreHasMarkColour_data();
    void markCentreHasMarkColour();
    void backgroundAndHeaders();
    void selectionIsVisible();
    void svgHasRealText();
    void pdfIsWritten();
    void themesByName();
    void spriteBlendMatchesDrawImage_data();
    void spriteBlendMatchesDrawImage();
    void directBlendPaintsLikeQPainter_data();
    void directBlendPaintsLikeQPainter();
};

void TestTimelinePainter::markCentreHasMarkColour_data() {
    QTest::addColumn<QString>("theme");
    QTest::newRow("light") << u"light"_s;
    QTest::newRow("dark") << u"dark"_s;
    QTest::newRow("print") << u"print"_s;
}

void TestTimelinePainter::markCentreHasMarkColour() {
    QFETCH(QString, theme);
    const TimelineTheme t = *TimelineTheme::fromName(theme);
    const auto layout = handLayout(QSizeF(1600, 900));
    const QImage image = paintToImage(*layout, t);
    const QList<Category> &categories = layout->data().categories();
    int checked = 0;
    for (const PlacedEvent &e : layout->events()) {
        if (e.shape != MarkShape::Point || e.status == EventStatus::Disputed)
            continue;
        const QPointF c = e.markRect.center();
        const QColor expected = t.markFill(t.categoryColor(categories, e.category), e.status);
        const QColor actual = image.pixelColor(int(c.x()), int(c.y()));
        QVERIFY2(actual.rgb() == expected.rgb(),
                 qPrintable(u"%1: %2 instead of %3"_s.arg(e.text, actual.name(), expected.name())));
        ++checked;
    }
    QVERIFY(checked >= 10);
    // Light theme: a confirmed US export-control mark is exactly the category's colour.
    if (theme == u"light") {
        const PlacedEvent *rule = layout->placedEvent(1012); // AI Diffusion Rule, confirmed
        QVERIFY(rule);
        const QPointF c = rule->markRect.center();
        QCOMPARE(image.pixelColor(int(c.x()), int(c.y())).rgb(), QColor(0x3a6ea5).rgb());
    }
}

void TestTimelinePainter::backgroundAndHeaders() {
    const TimelineTheme t = TimelineTheme::light();
    const auto layout = handLayout(QSizeF(1200, 700));
    const QImage image = paintToImage(*layout, t);
    const LaneBox &lane = layout->lanes().first();
    QCOMPARE(image.pixelColor(lane.headerRect.bottomLeft().toPoint() + QPoint(3, -5)).rgb(),
             t.headerBackground.rgb());
    // Nothing is left unpainted.
    QVERIFY(image.pixelColor(image.width() - 1, image.height() - 1) != QColor(Qt::magenta));
    // The lane's swatch wears the category colour.
    const QColor swatch = image.pixelColor(
        15, int(lane.rect.top() + 7 + QFontMetricsF(layout->options().headerFont).height() / 2));
    QCOMPARE(swatch.rgb(), QColor(0x3a6ea5).rgb());
}

void TestTimelinePainter::selectionIsVisible() {
    const TimelineTheme t = TimelineTheme::light();
    const auto layout = handLayout(QSizeF(1600, 900));
    const PlacedEvent *e = layout->placedEvent(1015);
    QVERIFY(e);
    PaintOptions options;
    options.selectedIds.insert(e->id);
    const QImage plain = paintToImage(*layout, t);
    const QImage selected = paintToImage(*layout, t, options);
    const QPoint probe = QPointF(e->markRect.center().x(), e->markRect.top() - 2).toPoint();
    QVERIFY(plain.pixelColor(probe) != selected.pixelColor(probe));
}

void TestTimelinePainter::svgHasRealText() {
    const auto layout = handLayout(QSizeF(1600, 900));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(QSize(1600, 900));
    svg.setViewBox(QRect(0, 0, 1600, 900));
    QPainter p(&svg);
    TimelinePainter::paint(p, *layout, TimelineTheme::print());
    p.end();
    const QByteArray text = buffer.data();
    QVERIFY(text.contains("<text"));
    QVERIFY(text.contains("DeepSeek-R1 released"));
    QVERIFY(text.contains("US export controls"));
}

void TestTimelinePainter::pdfIsWritten() {
    const auto layout = handLayout(QSizeF(1123, 794));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageOrientation(QPageLayout::Landscape);
    pdf.setResolution(300);
    QPainter p(&pdf);
    const double scale = double(pdf.width()) / 1123.0;
    p.scale(scale, scale);
    TimelinePainter::paint(p, *layout, TimelineTheme::light());
    p.end();
    QVERIFY(buffer.data().startsWith("%PDF"));
    QVERIFY(buffer.data().size() > 5000);
}

void TestTimelinePainter::themesByName() {
    QCOMPARE(TimelineTheme::fromName(u"DARK")->kind, TimelineTheme::Kind::Dark);
    QVERIFY(!TimelineTheme::fromName(u"sepia").has_value());
    const TimelineTheme print = TimelineTheme::print();
    // Print: categories differ by shape, and every colour is a grey.
    QVERIFY(print.shapeFor(0) != print.shapeFor(1));
    const QColor c = print.categoryColor(SyntheticTimeline::categories(), 2);
    QCOMPARE(c.red(), c.green());
    QCOMPARE(c.green(), c.blue());
}

void TestTimelinePainter::spriteBlendMatchesDrawImage_data() {
    QTest::addColumn<QImage::Format>("format");
    QTest::newRow("argb32 premultiplied") << QImage::Format_ARGB32_Premultiplied;
    QTest::newRow("rgb32") << QImage::Format_RGB32;
}

// SpriteBlend gives the pixels QPainter::drawImage gives, for every kind of source pixel
// (transparent, opaque, partly covered), widths around its block sizes and sprites cut by
// the target's edges.
void TestTimelinePainter::spriteBlendMatchesDrawImage() {
    QFETCH(QImage::Format, format);
    QRandomGenerator random(20250415);
    QImage target(QSize(97, 41), format);
    for (int y = 0; y < target.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(target.scanLine(y));
        for (int x = 0; x < target.width(); ++x) {
            const QRgb c = random.generate();
            line[x] = format == QImage::Format_RGB32 ? (c | 0xff000000) : qPremultiply(c);
        }
    }
    if (!SpriteBlend::supports(target))
        QSKIP("no SpriteBlend kernel for this CPU");
    for (const int width : {1, 7, 8, 9, 15, 16, 17, 31, 33, 60}) {
        QImage sprite(QSize(width, 13), QImage::Format_ARGB32_Premultiplied);
        for (int y = 0; y < sprite.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(sprite.scanLine(y));
            for (int x = 0; x < width; ++x) {
                const quint32 r = random.generate();
                // Runs of transparent and opaque pixels as well as partial ones.
                const int kind = (x / 5 + y) % 4;
                const QRgb c = kind == 0 ? 0 : kind == 1 ? (r | 0xff000000) : r;
                line[x] = qPremultiply(c);
            }
        }
        for (const QPoint at : {QPoint(0, 0), QPoint(3, 5), QPoint(-4, -2), QPoint(90, 30),
                                QPoint(97 - width, 28), QPoint(-width + 1, 0)}) {
            QImage expected = target.copy();
            {
                QPainter p(&expected);
                p.drawImage(at, sprite);
            }
            QImage actual = target.copy();
            SpriteBlend::blendOnto(actual, at, sprite);
            QVERIFY2(actual == expected,
                     qPrintable(u"width %1 at %2,%3"_s.arg(width).arg(at.x()).arg(at.y())));
        }
    }
}

void TestTimelinePainter::directBlendPaintsLikeQPainter_data() {
    QTest::addColumn<qreal>("dpr");
    QTest::addColumn<QImage::Format>("format");
    QTest::newRow("1x argb32 premultiplied") << 1.0 << QImage::Format_ARGB32_Premultiplied;
    QTest::newRow("1x rgb32") << 1.0 << QImage::Format_RGB32;
    QTest::newRow("2x argb32 premultiplied") << 2.0 << QImage::Format_ARGB32_Premultiplied;
}

// On a QImage the painter blends labels, points and pills itself (SpriteBlend); with a clip
// (here one that hides nothing) it leaves that to QPainter. Both give the same pixels.
void TestTimelinePainter::directBlendPaintsLikeQPainter() {
    QFETCH(qreal, dpr);
    QFETCH(QImage::Format, format);
    const QSize size(1100, 700);
    const auto layout = handLayout(size);
    QVERIFY(!layout->events().isEmpty());
    QVERIFY(!layout->clusters().isEmpty());
    PaintOptions options;
    options.today = QDate(2025, 11, 20);
    const auto paint = [&](bool clip) {
        QImage image(size * dpr, format);
        image.setDevicePixelRatio(dpr);
        image.fill(Qt::magenta);
        QPainter p(&image);
        if (clip)
            p.setClipRect(QRect(QPoint(0, 0), size));
        TimelinePainter::paint(p, *layout, TimelineTheme::light(), options);
        p.end();
        return image;
    };
    QCOMPARE(paint(false), paint(true));
}

QTEST_MAIN(TestTimelinePainter)
#include "tst_timelinepainter.moc"
