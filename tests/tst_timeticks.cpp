#include "ui/render/TimeTicks.h"

#include <QDate>
#include <QFont>
#include <QGuiApplication>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QFont axisFont() {
    QFont f;
    f.setPixelSize(11);
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}
} // namespace

class TestTimeTicks : public QObject {
    Q_OBJECT

private slots:
    void labelsNeverOverlap_data();
    void labelsNeverOverlap();
    void unitForZoom_data();
    void unitForZoom();
    void boundaries_data();
    void boundaries();
    void localeMonthNames();
    void deterministic();
};

void TestTimeTicks::labelsNeverOverlap_data() {
    QTest::addColumn<double>("visibleDays");
    QTest::addColumn<double>("width");
    QTest::addColumn<QString>("locale");
    for (const double width : {320.0, 900.0, 1920.0}) {
        for (const double days : {1.0, 2.5, 7.0, 16.0, 31.0, 62.0, 120.0, 200.0, 365.0, 800.0,
                                  1500.0, 4000.0, 9000.0, 20000.0, 36525.0}) {
            for (const QString &loc : {u"en_GB"_s, u"de_DE"_s}) {
                QTest::addRow("%g days / %g px / %s", days, width, qPrintable(loc))
                    << days << width << loc;
            }
        }
    }
}

void TestTimeTicks::labelsNeverOverlap() {
    QFETCH(double, visibleDays);
    QFETCH(double, width);
    QFETCH(QString, locale);
    const QFontMetricsF fm(axisFont());
    // An odd start so that units are cut at the edges.
    const TimeScale scale(double(QDate(2024, 2, 17).toJulianDay()) + 0.3, visibleDays, width);
    const TimeTickRows rows = TimeTicks::compute(scale, QLocale(locale), fm);
    for (const QList<TimeTick> *row : {&rows.major, &rows.context}) {
        double previousRight = -1e9;
        int labels = 0;
        for (const TimeTick &t : *row) {
            if (t.label.isEmpty())
                continue;
            ++labels;
            QVERIFY2(t.labelX >= previousRight + 1, qPrintable(t.label));
            QVERIFY2(t.labelX >= 0 && t.labelX + t.labelWidth <= width, qPrintable(t.label));
            QCOMPARE(t.labelWidth, fm.horizontalAdvance(t.label));
            previousRight = t.labelX + t.labelWidth;
        }
        if (row == &rows.major)
            QVERIFY(labels >= 1);
    }
}

void TestTimeTicks::unitForZoom_data() {
    QTest::addColumn<double>("visibleDays");
    QTest::addColumn<int>("unit");
    QTest::addColumn<int>("contextUnit");
    QTest::newRow("one day") << 1.0 << int(TickUnit::Day) << int(TickUnit::Month);
    QTest::newRow("a month") << 30.0 << int(TickUnit::Day) << int(TickUnit::Month);
    QTest::newRow("a year") << 365.0 << int(TickUnit::Week) << int(TickUnit::Month);
    QTest::newRow("three years") << 1100.0 << int(TickUnit::Month) << int(TickUnit::Year);
    QTest::newRow("ten years") << 3650.0 << int(TickUnit::Quarter) << int(TickUnit::Year);
    QTest::newRow("thirty years") << 11000.0 << int(TickUnit::Year) << int(TickUnit::Decade);
    QTest::newRow("a century") << 36525.0 << int(TickUnit::Decade) << int(TickUnit::Century);
}

void TestTimeTicks::unitForZoom() {
    QFETCH(double, visibleDays);
    QFETCH(int, unit);
    QFETCH(int, contextUnit);
    const TimeScale scale(double(QDate(2020, 1, 1).toJulianDay()), visibleDays, 1920);
    const TimeTickRows rows =
        TimeTicks::compute(scale, QLocale(u"en_GB"_s), QFontMetricsF(axisFont()));
    QCOMPARE(int(rows.unit), unit);
    QCOMPARE(int(rows.contextUnit), contextUnit);
}

void TestTimeTicks::boundaries_data() {
    QTest::addColumn<QDate>("date");
    QTest::addColumn<int>("unit");
    QTest::addColumn<QDate>("floor");
    QTest::addColumn<QDate>("next");
    QTest::newRow("week from Sunday")
        << QDate(2025, 4, 13) << int(TickUnit::Week) << QDate(2025, 4, 7) << QDate(2025, 4, 14);
    QTest::newRow("week from Monday")
        << QDate(2025, 4, 14) << int(TickUnit::Week) << QDate(2025, 4, 14) << QDate(2025, 4, 21);
    QTest::newRow("month, leap Feb")
        << QDate(2024, 2, 29) << int(TickUnit::Month) << QDate(2024, 2, 1) << QDate(2024, 3, 1);
    QTest::newRow("quarter") << QDate(2025, 8, 11) << int(TickUnit::Quarter) << QDate(2025, 7, 1)
                             << QDate(2025, 10, 1);
    QTest::newRow("year end") << QDate(2025, 12, 31) << int(TickUnit::Year) << QDate(2025, 1, 1)
                              << QDate(2026, 1, 1);
    QTest::newRow("decade") << QDate(2025, 4, 15) << int(TickUnit::Decade) << QDate(2020, 1, 1)
                            << QDate(2030, 1, 1);
    QTest::newRow("century") << QDate(2025, 4, 15) << int(TickUnit::Century) << QDate(2000, 1, 1)
                             << QDate(2100, 1, 1);
}

void TestTimeTicks::boundaries() {
    QFETCH(QDate, date);
    QFETCH(int, unit);
    QFETCH(QDate, floor);
    QFETCH(QDate, next);
    QCOMPARE(QDate::fromJulianDay(TimeTicks::floorToUnit(date.toJulianDay(), TickUnit(unit))),
             floor);
    QCOMPARE(QDate::fromJulianDay(TimeTicks::nextBoundary(date.toJulianDay(), TickUnit(unit))),
             next);
}

void TestTimeTicks::localeMonthNames() {
    const qint64 march = QDate(2025, 3, 1).toJulianDay();
    QCOMPARE(TimeTicks::label(march, TickUnit::Month, QLocale(u"de_DE"_s), true), u"März"_s);
    QCOMPARE(TimeTicks::label(march, TickUnit::Month, QLocale(u"en_GB"_s), false), u"Mar"_s);
    QCOMPARE(TimeTicks::label(march, TickUnit::Month, QLocale(u"en_GB"_s), true, true),
             u"March 2025"_s);
    QCOMPARE(TimeTicks::label(march, TickUnit::Quarter, QLocale(u"en_GB"_s), false), u"Q1"_s);
    QCOMPARE(TimeTicks::label(march, TickUnit::Decade, QLocale(u"en_GB"_s), false), u"2020s"_s);
}

void TestTimeTicks::deterministic() {
    const TimeScale scale(double(QDate(2023, 5, 5).toJulianDay()), 500, 1200);
    const QFontMetricsF fm(axisFont());
    const TimeTickRows a = TimeTicks::compute(scale, QLocale(u"en_GB"_s), fm);
    const TimeTickRows b = TimeTicks::compute(scale, QLocale(u"en_GB"_s), fm);
    QCOMPARE(a.major.size(), b.major.size());
    for (qsizetype i = 0; i < a.major.size(); ++i) {
        QCOMPARE(a.major[i].label, b.major[i].label);
        QCOMPARE(a.major[i].labelX, b.major[i].labelX);
    }
}

QTEST_MAIN(TestTimeTicks)
#include "tst_timeticks.moc"
