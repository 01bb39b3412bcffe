#include "ui/render/TimeScale.h"

#include <QDate>
#include <QTest>

#include <cmath>

class TestTimeScale : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void zoomKeepsAnchor_data();
    void zoomKeepsAnchor();
    void zoomIsClamped_data();
    void zoomIsClamped();
    void panMovesContent();
    void fittingShowsWholeSpan();
    void withWidthKeepsSpan();
};

void TestTimeScale::roundTrip_data() {
    QTest::addColumn<double>("firstDay");
    QTest::addColumn<double>("visibleDays");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("day");
    QTest::addColumn<double>("expectedX");

    const double jan2025 = double(QDate(2025, 1, 1).toJulianDay());
    QTest::newRow("year, start") << jan2025 << 365.0 << 1460.0 << jan2025 << 0.0;
    QTest::newRow("year, 1 April")
        << jan2025 << 365.0 << 1460.0 << double(QDate(2025, 4, 1).toJulianDay()) << 360.0;
    QTest::newRow("day zoom, noon") << jan2025 << 1.0 << 1000.0 << jan2025 + 0.5 << 500.0;
    QTest::newRow("century") << jan2025 << 36525.0 << 3652.5 << jan2025 + 3652.5 << 365.25;
    QTest::newRow("left of view") << jan2025 << 100.0 << 1000.0 << jan2025 - 10 << -100.0;
}

void TestTimeScale::roundTrip() {
    QFETCH(double, firstDay);
    QFETCH(double, visibleDays);
    QFETCH(double, width);
    QFETCH(double, day);
    QFETCH(double, expectedX);

    const TimeScale scale(firstDay, visibleDays, width);
    QCOMPARE(scale.xForDay(day), expectedX);
    QCOMPARE(scale.dayForX(expectedX), day);
    QCOMPARE(scale.dayForX(scale.xForDay(day)), day);
}

void TestTimeScale::zoomKeepsAnchor_data() {
    QTest::addColumn<double>("anchorX");
    QTest::addColumn<double>("factor");

    QTest::newRow("in at centre") << 500.0 << 2.0;
    QTest::newRow("out at left") << 0.0 << 0.5;
    QTest::newRow("in at right") << 1000.0 << 1.25;
    QTest::newRow("in a lot") << 123.0 << 64.0;
    QTest::newRow("out a little") << 777.0 << 0.9;
}

void TestTimeScale::zoomKeepsAnchor() {
    QFETCH(double, anchorX);
    QFETCH(double, factor);
    const TimeScale scale(double(QDate(2024, 6, 1).toJulianDay()), 400, 1000);
    const double anchorDay = scale.dayForX(anchorX);
    const TimeScale zoomed = scale.zoomedAbout(anchorX, factor);
    // Julian days near 2.5 million leave about 1e-9 of a day of double precision.
    QVERIFY2(std::abs(zoomed.xForDay(anchorDay) - anchorX) < 1e-6,
             qPrintable(QString::number(zoomed.xForDay(anchorDay), 'g', 17)));
    QCOMPARE(zoomed.visibleDays(), 400.0 / factor);
    QCOMPARE(zoomed.width(), 1000.0);
}

void TestTimeScale::zoomIsClamped_data() {
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("expectedDays");

    QTest::newRow("to less than a day") << 10000.0 << TimeScale::MinVisibleDays;
    QTest::newRow("to more than a century") << 0.0001 << TimeScale::MaxVisibleDays;
    QTest::newRow("within") << 4.0 << 100.0;
    QTest::newRow("zero factor ignored") << 0.0 << 400.0;
    QTest::newRow("negative factor ignored") << -2.0 << 400.0;
}

void TestTimeScale::zoomIsClamped() {
    QFETCH(double, factor);
    QFETCH(double, expectedDays);
    const TimeScale scale(double(QDate(2024, 6, 1).toJulianDay()), 400, 1000);
    QCOMPARE(scale.zoomedAbout(500, factor).visibleDays(), expectedDays);
}

void TestTimeScale::panMovesContent() {
    const TimeScale scale(double(QDate(2024, 6, 1).toJulianDay()), 100, 1000);
    const double day = scale.dayForX(300);
    const TimeScale panned = scale.pannedBy(50);
    QCOMPARE(panned.xForDay(day), 350.0);
    QCOMPARE(panned.visibleDays(), 100.0);
    QCOMPARE(panned.pannedBy(-50), scale);
}

void TestTimeScale::fittingShowsWholeSpan() {
    const qint64 first = QDate(2022, 8, 31).toJulianDay();
    const qint64 last = QDate(2025, 9, 15).toJulianDay();
    const TimeScale scale = TimeScale::fitting(first, last, 1200, 0.05);
    QVERIFY(scale.xForDay(double(first)) >= 0);
    QVERIFY(scale.xForDay(double(last + 1)) <= 1200);
    QCOMPARE(std::round(scale.xForDay(double(first))), 60.0);
    // Swapped bounds give the same scale.
    QCOMPARE(TimeScale::fitting(last, first, 1200, 0.05), scale);
}

void TestTimeScale::withWidthKeepsSpan() {
    const TimeScale scale(double(QDate(2024, 1, 1).toJulianDay()), 366, 1000);
    const TimeScale wider = scale.withWidth(2000);
    QCOMPARE(wider.firstDay(), scale.firstDay());
    QCOMPARE(wider.lastDay(), scale.lastDay());
    QCOMPARE(wider.pixelsPerDay(), 2 * scale.pixelsPerDay());
}

QTEST_APPLESS_MAIN(TestTimeScale)
#include "tst_timescale.moc"
