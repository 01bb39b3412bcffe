#include "model/Event.h"
#include "model/TimelineData.h"
#include "tests/benchmarks/SyntheticTimeline.h"

#include <QDate>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Event makeEvent(qint64 id, const QString &start, const QString &end = {},
                const QString &title = u"Title"_s) {
    Event e;
    e.id = id;
    e.title = title;
    e.start = *PartialDate::parseIso(start);
    if (!end.isEmpty())
        e.end = *PartialDate::parseIso(end);
    e.category = u"industry"_s;
    return e;
}
qint64 jd(int y, int m, int d) {
    return QDate(y, m, d).toJulianDay();
}
} // namespace

class TestTimelineData : public QObject {
    Q_OBJECT

private slots:
    void partialDatesCoverTheirSpan();
    void sortedByFirstDayThenId();
    void endBeforeStartIsSwapped();
    void outOfRangeIsClampedAndMissingStartDropped();
    void flagsAndNames();
    void idLookup();
    void syntheticIsDeterministic();
};

void TestTimelineData::partialDatesCoverTheirSpan() {
    const TimelineData d = TimelineData::fromEvents(
        {makeEvent(1, u"2025-04"_s), makeEvent(2, u"2025"_s), makeEvent(3, u"2024-02-29"_s),
         makeEvent(4, u"2024-04"_s, u"2024-09"_s)},
        SyntheticTimeline::categories());
    QCOMPARE(d.size(), 4);
    const qsizetype month = d.indexOfId(1);
    QCOMPARE(d.firstDay(month), jd(2025, 4, 1));
    QCOMPARE(d.lastDay(month), jd(2025, 4, 30));
    QCOMPARE(d.precision(month), DatePrecision::Month);
    QVERIFY(!d.isRange(month));
    const qsizetype year = d.indexOfId(2);
    QCOMPARE(d.firstDay(year), jd(2025, 1, 1));
    QCOMPARE(d.lastDay(year), jd(2025, 12, 31));
    const qsizetype range = d.indexOfId(4);
    QCOMPARE(d.firstDay(range), jd(2024, 4, 1));
    QCOMPARE(d.lastDay(range), jd(2024, 9, 30));
    QVERIFY(d.isRange(range));
}

void TestTimelineData::sortedByFirstDayThenId() {
    const TimelineData d =
        TimelineData::fromEvents({makeEvent(9, u"2025-04-15"_s), makeEvent(3, u"2025-04-15"_s),
                                  makeEvent(5, u"2022-10-07"_s), makeEvent(1, u"2025"_s)},
                                 SyntheticTimeline::categories());
    QCOMPARE(d.id(0), 5);
    QCOMPARE(d.id(1), 1);
    QCOMPARE(d.id(2), 3);
    QCOMPARE(d.id(3), 9);
    QCOMPARE(d.minDay(), jd(2022, 10, 7));
    QCOMPARE(d.maxDay(), jd(2025, 12, 31));
}

void TestTimelineData::endBeforeStartIsSwapped() {
    const TimelineData d = TimelineData::fromEvents(
        {makeEvent(1, u"2025-05-10"_s, u"2025-05-01"_s)}, SyntheticTimeline::categories());
    QCOMPARE(d.firstDay(0), jd(2025, 5, 1));
    QCOMPARE(d.lastDay(0), jd(2025, 5, 10));

    TimelineDataBuilder b;
    TimelineRow row;
    row.id = 7;
    row.firstDay = jd(2025, 3, 3);
    row.lastDay = jd(2025, 3, 1);
    b.add(row);
    const TimelineData e = std::move(b).build();
    QCOMPARE(e.firstDay(0), jd(2025, 3, 1));
    QCOMPARE(e.lastDay(0), jd(2025, 3, 3));
}

void TestTimelineData::outOfRangeIsClampedAndMissingStartDropped() {
    TimelineDataBuilder b;
    TimelineRow row;
    row.id = 1;
    row.firstDay = 100;
    row.lastDay = 9000000;
    b.add(row);
    row.id = 2;
    row.firstDay = 0; // no start
    b.add(row);
    const TimelineData d = std::move(b).build();
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.droppedCount(), 1);
    QCOMPARE(qint64(d.firstDay(0)), TimelineData::FirstSupportedDay);
    QCOMPARE(qint64(d.lastDay(0)), TimelineData::LastSupportedDay);
}

void TestTimelineData::flagsAndNames() {
    Event e = makeEvent(1, u"2025-08-11"_s, {}, u"15% revenue-share deal — H20 und Ärger"_s);
    e.status = EventStatus::Disputed;
    e.importance = 3;
    e.actors = {u"Nvidia"_s, u"AMD"_s};
    e.chips = {u"H20"_s};
    e.citations = {{u"a"_s, {}, {}}, {u"b"_s, {}, {}}};
    Event bare = makeEvent(2, u"2025-08-12"_s, {}, QString());
    bare.category = u"no-such-category"_s;
    bare.importance = 9;
    const TimelineData d =
        TimelineData::fromEvents({e, bare}, SyntheticTimeline::categories(), QSet<QString>{u"b"_s});
    QCOMPARE(d.title(0), e.title);
    QCOMPARE(d.status(0), EventStatus::Disputed);
    QCOMPARE(d.importance(0), 3);
    QCOMPARE(d.sourceCount(0), 2);
    QVERIFY(!d.isUnsourced(0));
    QVERIFY(!d.hasNoSourceAddress(0));
    QCOMPARE(d.category(0), 3); // "industry"
    QCOMPARE(d.actors(0).size(), size_t(2));
    QCOMPARE(d.actorNames()[int(d.actors(0)[0])], u"Nvidia"_s);
    QCOMPARE(d.actorNames()[int(d.actors(0)[1])], u"AMD"_s);
    QCOMPARE(d.chipNames()[int(d.chips(0)[0])], u"H20"_s);

    QCOMPARE(d.title(1), QString());
    QCOMPARE(d.category(1), -1);
    QCOMPARE(d.importance(1), 3); // clamped
    QVERIFY(d.isUnsourced(1));
    QVERIFY(d.actors(1).empty());
}

void TestTimelineData::idLookup() {
    const TimelineData d = SyntheticTimeline::generate(5000, 7);
    QCOMPARE(d.size(), 5000);
    for (qsizetype i = 0; i < d.size(); i += 97)
        QCOMPARE(d.indexOfId(d.id(i)), i);
    QCOMPARE(d.indexOfId(999999), -1);
    for (qsizetype i = 1; i < d.size(); ++i) {
        QVERIFY(d.firstDay(i - 1) < d.firstDay(i) ||
                (d.firstDay(i - 1) == d.firstDay(i) && d.id(i - 1) < d.id(i)));
    }
}

void TestTimelineData::syntheticIsDeterministic() {
    const TimelineData a = SyntheticTimeline::generate(2000, 42);
    const TimelineData b = SyntheticTimeline::generate(2000, 42);
    QCOMPARE(a.size(), b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(a.id(i), b.id(i));
        QCOMPARE(a.firstDay(i), b.firstDay(i));
        QCOMPARE(a.titleUtf8(i), b.titleUtf8(i));
        QVERIFY(a.titleUtf8(i).size() >= 20 && a.titleUtf8(i).size() <= 90);
    }
    const QList<Event> events = SyntheticTimeline::generateEvents(300, 42);
    const TimelineData c = TimelineData::fromEvents(events, SyntheticTimeline::categories());
    QCOMPARE(c.size(), 300);
}

QTEST_APPLESS_MAIN(TestTimelineData)
#include "tst_timelinedata.moc"
