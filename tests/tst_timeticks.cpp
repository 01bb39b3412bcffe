#include "model/Category.h"
#include "model/Event.h"
#include "model/TimelineData.h"
#include "ui/render/TimeTicks.h"
#include "ui/render/TimelineIndex.h"
#include "ui/render/TimelineLayout.h"

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

qint64 jd(int y, int m, int d) {
    return QDate(y, m, d).toJulianDay();
}

// Every major label of `rows` clear of every context boundary line (which the painter draws
// through both rows), its own tick under it; for day and week ticks, the tick at the middle of
// the day it names. Empty when all holds, else what failed.
QString checkMajorRow(const TimeTickRows &rows, const TimeScale &scale) {
    const bool dayTicks = rows.unit == TickUnit::Day || rows.unit == TickUnit::Week;
    for (const TimeTick &t : rows.major) {
        if (dayTicks && std::abs(t.x - scale.xForDay(double(t.day) + 0.5)) > 1e-9)
            return u"tick '%1' at %2, not at the middle of its day"_s.arg(t.label).arg(t.x);
        if (t.label.isEmpty())
            continue;
        const double left = t.labelX;
        const double right = t.labelX + t.labelWidth;
        if (dayTicks && (t.x < left || t.x > right))
            return u"tick '%1' at %2 outside its label [%3, %4]"_s.arg(t.label)
                .arg(t.x)
                .arg(left)
                .arg(right);
        for (const TimeTick &boundary : rows.context) {
            // Exactly the clearance away is clear (less a rounding error).
            if (boundary.x > left - TimeTicks::BoundaryClearance + 1e-6 &&
                boundary.x < right + TimeTicks::BoundaryClearance - 1e-6)
                return u"boundary %1 at %2 runs through label '%3' [%4, %5]"_s
                    .arg(QDate::fromJulianDay(boundary.day).toString(Qt::ISODate))
                    .arg(boundary.x)
                    .arg(t.label)
                    .arg(left)
                    .arg(right);
        }
    }
    return {};
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
    void tickAtItsDay_data();
    void tickAtItsDay();
    void tickAtTheEventMark();
    void weekTicksAtMonday();
    void boundariesClearOfLabels_data();
    void boundariesClearOfLabels();
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
    const QString problem = checkMajorRow(rows, scale);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
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

void TestTimeTicks::tickAtItsDay_data() {
    QTest::addColumn<double>("width");
    QTest::addColumn<int>("unit");
    QTest::addColumn<QString>("label");
    // July to September 2025: weeks at these widths; August alone: days.
    QTest::newRow("weeks, 600 px") << 600.0 << int(TickUnit::Week) << u"11"_s;
    QTest::newRow("weeks, 1000 px") << 1000.0 << int(TickUnit::Week) << u"11"_s;
    QTest::newRow("weeks, 2000 px") << 2000.0 << int(TickUnit::Week) << u"11"_s;
    QTest::newRow("days, 1000 px") << -1000.0 << int(TickUnit::Day) << u"11"_s;
    QTest::newRow("days, 2000 px") << -2000.0 << int(TickUnit::Day) << u"Mon 11"_s;
}

// The tick for 11 August 2025 stands at the middle of that day, where an event of that day is
// drawn, and its label is centred on it.
void TestTimeTicks::tickAtItsDay() {
    QFETCH(double, width);
    QFETCH(int, unit);
    QFETCH(QString, label);
    const TimeScale scale = width > 0 ? TimeScale::fitting(jd(2025, 7, 1), jd(2025, 9, 30), width)
                                      : TimeScale::fitting(jd(2025, 8, 1), jd(2025, 8, 31), -width);
    const QFontMetricsF fm(axisFont());
    const TimeTickRows rows = TimeTicks::compute(scale, QLocale(u"en_GB"_s), fm);
    QCOMPARE(int(rows.unit), unit);
    const auto tick = std::find_if(rows.major.cbegin(), rows.major.cend(),
                                   [](const TimeTick &t) { return t.day == jd(2025, 8, 11); });
    QVERIFY(tick != rows.major.cend());
    const double dayX = scale.xForDay(double(jd(2025, 8, 11)) + 0.5);
    QVERIFY2(std::abs(tick->x - dayX) <= 1.0, qPrintable(u"%1 vs %2"_s.arg(tick->x).arg(dayX)));
    QCOMPARE(tick->label, label);
    QCOMPARE(tick->labelX + tick->labelWidth / 2, tick->x);
}

// The same through the layout the window and every export draw: the mark of an 11 August
// 2025 event and the tick "11" share their x (within a pixel), and the mark is not left of
// the label's first pixel.
void TestTimeTicks::tickAtTheEventMark() {
    Event event;
    event.id = 1;
    event.uid = u"e1"_s;
    event.title = u"15% revenue-share deal"_s;
    event.start = PartialDate::fromYmd(2025, 8, 11);
    event.category = u"c"_s;
    Category category;
    category.name = u"c"_s;
    category.label = u"C"_s;
    const auto index = TimelineIndex::create(TimelineData::fromEvents({event}, {category}));
    for (const double viewportWidth : {600.0, 1000.0, 2000.0}) {
        const QSizeF viewport(viewportWidth, 400);
        const double timeWidth = TimelineLayout::timeAreaWidth(*index, viewport);
        const TimeScale scale = TimeScale::fitting(jd(2025, 7, 20), jd(2025, 8, 31), timeWidth);
        const auto layout = TimelineLayout::compute(index, scale, viewport);
        QCOMPARE(layout->events().size(), 1);
        const double markX = layout->events().constFirst().markRect.center().x();
        const auto tick = std::find_if(layout->ticks().major.cbegin(), layout->ticks().major.cend(),
                                       [](const TimeTick &t) { return t.day == jd(2025, 8, 11); });
        QVERIFY(tick != layout->ticks().major.cend());
        QCOMPARE(tick->label, u"11"_s);
        QVERIFY2(
            std::abs(tick->x - markX) <= 1.0,
            qPrintable(u"%1 px: tick %2, mark %3"_s.arg(viewportWidth).arg(tick->x).arg(markX)));
        QVERIFY(markX >= tick->labelX);
    }
}

void TestTimeTicks::weekTicksAtMonday() {
    const TimeScale scale = TimeScale::fitting(jd(2025, 7, 1), jd(2025, 9, 30), 1000);
    const TimeTickRows rows =
        TimeTicks::compute(scale, QLocale(u"en_GB"_s), QFontMetricsF(axisFont()));
    QCOMPARE(rows.unit, TickUnit::Week);
    QStringList labels;
    for (const TimeTick &t : rows.major) {
        QCOMPARE(QDate::fromJulianDay(t.day).dayOfWeek(), 1);
        if (!t.label.isEmpty())
            labels << QDate::fromJulianDay(t.day).toString(Qt::ISODate) + u' ' + t.label;
    }
    // Monday 30 June has no label: the 1 July line, half a day after its tick, would run
    // through it, and moving it clear would leave its tick outside its middle.
    QCOMPARE(labels, (QStringList{u"2025-07-07 7"_s, u"2025-07-14 14"_s, u"2025-07-21 21"_s,
                                  u"2025-07-28 28"_s, u"2025-08-04 4"_s, u"2025-08-11 11"_s,
                                  u"2025-08-18 18"_s, u"2025-08-25 25"_s, u"2025-09-01 1"_s,
                                  u"2025-09-08 8"_s, u"2025-09-15 15"_s, u"2025-09-22 22"_s,
                                  u"2025-09-29 29"_s}));
}

void TestTimeTicks::boundariesClearOfLabels_data() {
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<double>("width");
    for (const double width : {600.0, 1000.0, 2000.0}) {
        QTest::addRow("2025-07-20..2025-08-31 / %g px", width)
            << QDate(2025, 7, 20) << QDate(2025, 8, 31) << width;
    }
    // Month starts on every weekday, from the narrowest week axis to the widest.
    for (const double width : {2700.0, 3500.0, 5000.0, 8000.0, 12000.0, 17000.0}) {
        QTest::addRow("2024-01..2025-12 / %g px", width)
            << QDate(2024, 1, 1) << QDate(2025, 12, 31) << width;
    }
}

void TestTimeTicks::boundariesClearOfLabels() {
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(double, width);
    const TimeScale scale = TimeScale::fitting(first.toJulianDay(), last.toJulianDay(), width);
    const TimeTickRows rows =
        TimeTicks::compute(scale, QLocale(u"en_GB"_s), QFontMetricsF(axisFont()));
    QVERIFY(rows.unit == TickUnit::Week || rows.unit == TickUnit::Day);
    QCOMPARE(rows.contextUnit, TickUnit::Month);
    QVERIFY(rows.context.size() >= 2);
    const QString problem = checkMajorRow(rows, scale);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_MAIN(TestTimeTicks)
#include "tst_timeticks.moc"
