#include "tests/benchmarks/SyntheticTimeline.h"
#include "ui/render/TimelinePainter.h"

#include <QBuffer>
#include <QDate>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
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

QTEST_MAIN(TestTimelinePainter)
#include "tst_timelinepainter.moc"
