#include "tests/benchmarks/SyntheticTimeline.h"
#include "ui/render/TimelineLayout.h"

#include <QDate>
#include <QGuiApplication>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

qint64 jd(int y, int m, int d) {
    return QDate(y, m, d).toJulianDay();
}

std::shared_ptr<const TimelineIndex> s_synthetic;
std::shared_ptr<const TimelineIndex> s_hand;

std::shared_ptr<const TimelineIndex> datasetNamed(const QString &name) {
    if (name == u"synthetic")
        return s_synthetic;
    if (name == u"synthetic-actors")
        return TimelineIndex::create(s_synthetic->data(), LaneGrouping::Actor);
    if (name == u"hand")
        return s_hand;
    if (name == u"hand-chips")
        return TimelineIndex::create(s_hand->data(), LaneGrouping::Chip);
    return TimelineIndex::create(s_hand->data(), LaneGrouping::None);
}

TimeScale scaleFor(const TimelineIndex &index, QSizeF size, double firstDay, double days) {
    const double width = TimelineLayout::timeAreaWidth(index, size);
    if (days <= 0)
        return TimeScale::fitting(index.data().minDay(), index.data().maxDay(), width);
    return TimeScale(firstDay, days, width);
}

// Labels never overlap labels or other events' marks; everything stays in its place.
QString checkGeometry(const TimelineLayout &layout) {
    const auto &events = layout.events();
    const QRectF time = layout.timeArea();
    for (qsizetype a = 0; a < events.size(); ++a) {
        const PlacedEvent &e = events[a];
        const LaneBox &lane = layout.lanes()[e.lane];
        if (e.labelRect.left() < time.left() - 0.01 || e.labelRect.right() > time.right() + 0.01)
            return u"label outside the time area: "_s + e.text;
        if (!lane.rowsRect.adjusted(0, -3, 0, 3).contains(e.labelRect))
            return u"label outside its lane's rows: "_s + e.text;
        if (e.text.isEmpty())
            return u"empty label"_s;
        for (qsizetype b = a + 1; b < events.size(); ++b) {
            const PlacedEvent &f = events[b];
            if (e.labelRect.intersects(f.labelRect))
                return u"labels overlap: '%1' and '%2'"_s.arg(e.text, f.text);
            if (e.labelRect.intersects(f.markRect) || f.labelRect.intersects(e.markRect))
                return u"label and mark overlap: '%1' and '%2'"_s.arg(e.text, f.text);
            if (e.markRect.intersects(f.markRect))
                return u"marks overlap: '%1' and '%2'"_s.arg(e.text, f.text);
        }
    }
    const auto &clusters = layout.clusters();
    for (qsizetype a = 0; a < clusters.size(); ++a) {
        const LaneBox &lane = layout.lanes()[clusters[a].lane];
        if (!lane.stripRect.adjusted(-0.01, -0.01, 0.01, 0.01).contains(clusters[a].rect))
            return u"cluster outside its strip"_s;
        for (qsizetype b = a + 1; b < clusters.size(); ++b) {
            if (clusters[a].rect.intersects(clusters[b].rect))
                return u"clusters overlap"_s;
        }
    }
    return {};
}

// Every visible event is, in each of its lanes, placed or in exactly one cluster.
QString checkAccounting(const TimelineLayout &layout, bool listClusters) {
    const TimelineIndex &index = layout.index();
    const TimelineData &d = index.data();
    const qint64 s = layout.firstVisibleDay();
    const qint64 e = layout.endVisibleDay();
    for (int l = 0; l < index.laneCount(); ++l) {
        QSet<qint64> visible;
        for (quint32 i : index.lane(l).events) {
            if (d.firstDay(i) < e && d.lastDay(i) >= s)
                visible.insert(d.id(i));
        }
        QSet<qint64> placed;
        for (const PlacedEvent &p : layout.events()) {
            if (p.lane != l)
                continue;
            if (placed.contains(p.id))
                return u"placed twice in a lane"_s;
            if (!visible.contains(p.id))
                return u"placed but not visible"_s;
            placed.insert(p.id);
        }
        qsizetype clustered = 0;
        QSet<qint64> inClusters;
        for (qsizetype c = 0; c < layout.clusters().size(); ++c) {
            if (layout.clusters()[c].lane != l)
                continue;
            clustered += layout.clusters()[c].count;
            if (listClusters) {
                const QList<qint64> ids = layout.eventsInCluster(int(c));
                if (ids.size() != layout.clusters()[c].count)
                    return u"eventsInCluster gives %1 for a count of %2"_s.arg(ids.size())
                        .arg(layout.clusters()[c].count);
                for (qint64 id : ids) {
                    if (placed.contains(id) || inClusters.contains(id) || !visible.contains(id))
                        return u"event %1 counted wrongly"_s.arg(id);
                    inClusters.insert(id);
                }
            }
        }
        if (placed.size() + clustered != visible.size())
            return u"lane %1: %2 placed + %3 clustered != %4 visible"_s.arg(l)
                .arg(placed.size())
                .arg(clustered)
                .arg(visible.size());
        if (layout.lanes()[l].visibleCount != visible.size())
            return u"lane %1 visibleCount wrong"_s.arg(l);
    }
    return {};
}

} // namespace

class TestTimelineLayout : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void noOverlapAndEveryEventAccounted_data();
    void noOverlapAndEveryEventAccounted();
    void deterministic();
    void hitTesting();
    void nextPreviousVisitTimeOrder();
    void adjacentLanes();
    void laneGroupingByActor();
    void thousandEventsOnOneDay_data();
    void thousandEventsOnOneDay();
    void awkwardDates();
    void noteNumbersAndBadges();
    void untitledAndPartialShapes();
    void costFollowsPixelsNotEvents();
    void emptyData();
};

void TestTimelineLayout::initTestCase() {
    s_synthetic = TimelineIndex::create(SyntheticTimeline::generate(100000, 20250415));
    s_hand = TimelineIndex::create(TimelineData::fromEvents(SyntheticTimeline::handMadeEvents(),
                                                            SyntheticTimeline::categories()));
}

void TestTimelineLayout::noOverlapAndEveryEventAccounted_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<double>("firstDay");
    QTest::addColumn<double>("days"); // 0: fit all
    QTest::addColumn<QSize>("size");
    struct Zoom {
        const char *name;
        double first;
        double days;
    };
    const Zoom zooms[] = {
        {"fit all", 0, 0},
        {"five years", double(jd(2020, 3, 1)), 1826},
        {"one year", double(jd(2025, 1, 1)), 365},
        {"quarter, panned", double(jd(2024, 11, 17)) + 0.4, 92},
        {"one month", double(jd(2025, 4, 1)), 30},
        {"one week", double(jd(2025, 8, 8)), 7},
        {"one day", double(jd(2025, 8, 11)), 1},
        {"empty stretch", double(jd(2030, 1, 1)), 200},
    };
    for (const char *dataset :
         {"synthetic", "hand", "synthetic-actors", "hand-chips", "hand-none"}) {
        for (const Zoom &z : zooms) {
            QTest::addRow("%s, %s", dataset, z.name)
                << QString::fromLatin1(dataset) << z.first << z.days << QSize(1920, 1080);
        }
    }
    QTest::addRow("synthetic, small window")
        << u"synthetic"_s << double(jd(2025, 1, 1)) << 365.0 << QSize(640, 360);
    QTest::addRow("hand, small window") << u"hand"_s << 0.0 << 0.0 << QSize(500, 300);
}

void TestTimelineLayout::noOverlapAndEveryEventAccounted() {
    QFETCH(QString, dataset);
    QFETCH(double, firstDay);
    QFETCH(double, days);
    QFETCH(QSize, size);
    const auto index = datasetNamed(dataset);
    const auto layout = TimelineLayout::compute(
        index, scaleFor(*index, QSizeF(size), firstDay, days), QSizeF(size));
    const QString geometry = checkGeometry(*layout);
    QVERIFY2(geometry.isEmpty(), qPrintable(geometry));
    // Listing every cluster member costs O(visible); do it where that is small enough.
    const QString accounting = checkAccounting(*layout, !dataset.startsWith(u"synthetic-"_s));
    QVERIFY2(accounting.isEmpty(), qPrintable(accounting));
    if (days != 0 && firstDay < double(jd(2026, 6, 1)))
        QVERIFY(!layout->events().isEmpty());
}

void TestTimelineLayout::deterministic() {
    const QSizeF size(1400, 800);
    const TimeScale scale = scaleFor(*s_synthetic, size, double(jd(2024, 1, 1)), 500);
    const auto a = TimelineLayout::compute(s_synthetic, scale, size);
    const auto b = TimelineLayout::compute(s_synthetic, scale, size);
    QCOMPARE(a->events().size(), b->events().size());
    for (qsizetype i = 0; i < a->events().size(); ++i) {
        QCOMPARE(a->events()[i].id, b->events()[i].id);
        QCOMPARE(a->events()[i].labelRect, b->events()[i].labelRect);
        QCOMPARE(a->events()[i].text, b->events()[i].text);
    }
    QCOMPARE(a->clusters().size(), b->clusters().size());
}

void TestTimelineLayout::hitTesting() {
    const QSizeF size(1600, 900);
    const auto layout = TimelineLayout::compute(s_hand, scaleFor(*s_hand, size, 0, 0), size);
    QVERIFY(layout->events().size() >= 20);
    for (const PlacedEvent &e : layout->events()) {
        QCOMPARE(layout->eventAt(e.markRect.center()), e.id);
        QCOMPARE(layout->eventAt(e.labelRect.center()), e.id);
        QCOMPARE(layout->placedEvent(e.id)->id, e.id);
    }
    // The header and an empty corner of a lane hold no event.
    const LaneBox &lane = layout->lanes().first();
    QCOMPARE(layout->eventAt(lane.headerRect.center()), 0);
    QCOMPARE(layout->hitTest(lane.headerRect.center()).kind, LayoutHit::LaneHeader);
    QCOMPARE(layout->eventAt(QPointF(lane.rowsRect.right() - 1, lane.stripRect.bottom() - 1)), 0);

    const auto dense =
        TimelineLayout::compute(s_synthetic, scaleFor(*s_synthetic, size, 0, 0), size);
    QVERIFY(!dense->clusters().isEmpty());
    const ClusterMark &c = dense->clusters().first();
    const LayoutHit hit = dense->hitTest(c.rect.center());
    QCOMPARE(hit.kind, LayoutHit::Cluster);
    QCOMPARE(hit.cluster, 0);
    QCOMPARE(dense->eventsInCluster(0, 5).size(), qsizetype(std::min<qsizetype>(5, c.count)));
}

void TestTimelineLayout::nextPreviousVisitTimeOrder() {
    const TimelineData &d = s_synthetic->data();
    qint64 id = d.id(0);
    qsizetype visited = 1;
    qint64 prevDay = d.firstDay(0);
    while (const qint64 next = s_synthetic->nextEvent(id)) {
        const qsizetype i = d.indexOfId(next);
        QVERIFY(d.firstDay(i) >= prevDay);
        QCOMPARE(s_synthetic->previousEvent(next), id);
        prevDay = d.firstDay(i);
        id = next;
        ++visited;
    }
    QCOMPARE(visited, d.size());
    QCOMPARE(s_synthetic->previousEvent(d.id(0)), 0);

    // Within one lane: the lane's events, in order.
    const auto &lane = s_synthetic->lane(2);
    id = d.id(lane.events.front());
    for (size_t k = 1; k < lane.events.size(); ++k) {
        id = s_synthetic->nextEvent(id, 2);
        QCOMPARE(id, d.id(lane.events[k]));
    }
    QCOMPARE(s_synthetic->nextEvent(id, 2), 0);
}

void TestTimelineLayout::adjacentLanes() {
    const TimelineData &d = s_hand->data();
    // "H20 license requirement disclosed" (2025-04-15, lane 0) → nearest in lane 1 (US policy).
    const qint64 below = s_hand->eventInAdjacentLane(1015, 0, +1);
    QCOMPARE(below, 1019); // 2025-07-14 is nearer than 2025-08-11
    QCOMPARE(s_hand->eventInAdjacentLane(1019, 1, -1), 1017); // 2025-05-13 is nearest
    QCOMPARE(s_hand->eventInAdjacentLane(1015, 0, -1), 0);    // nothing above the first lane
    QCOMPARE(d.category(d.indexOfId(below)), 1);
}

void TestTimelineLayout::laneGroupingByActor() {
    const auto index = TimelineIndex::create(s_hand->data(), LaneGrouping::Actor);
    const TimelineData &d = index->data();
    const qsizetype deal = d.indexOfId(1020); // White House, Nvidia, AMD
    QCOMPARE(index->lanesOfIndex(deal).size(), 3);
    QStringList names;
    for (int l = 0; l < index->laneCount(); ++l)
        names.append(index->lane(l).name);
    QVERIFY(names.contains(u"Nvidia"_s));
    QVERIFY(std::is_sorted(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    }));

    Event lonely;
    lonely.id = 5;
    lonely.title = u"No actor"_s;
    lonely.start = PartialDate::fromYmd(2025, 1, 1);
    const auto withNone = TimelineIndex::create(
        TimelineData::fromEvents({lonely}, SyntheticTimeline::categories()), LaneGrouping::Actor);
    QCOMPARE(withNone->laneCount(), 1);
    QCOMPARE(withNone->lane(0).name, u"(none)"_s);
    QCOMPARE(withNone->lane(0).events.size(), size_t(1));
}

void TestTimelineLayout::thousandEventsOnOneDay_data() {
    QTest::addColumn<double>("days");
    QTest::newRow("fit all") << 0.0;
    QTest::newRow("one day") << 1.0;
    QTest::newRow("one month") << 30.0;
}

void TestTimelineLayout::thousandEventsOnOneDay() {
    QFETCH(double, days);
    TimelineDataBuilder b;
    b.setCategories(SyntheticTimeline::categories());
    TimelineRow row;
    for (int k = 0; k < 1000; ++k) {
        row.id = k + 1;
        row.title = u"Event number %1 of the busy day"_s.arg(k + 1);
        row.firstDay = row.lastDay = jd(2025, 4, 15);
        row.category = k % 2;
        row.importance = 1 + k % 3;
        row.sourceCount = 1;
        b.add(row);
    }
    row.id = 5000;
    row.firstDay = row.lastDay = jd(2024, 1, 1);
    b.add(row);
    const auto index = TimelineIndex::create(std::move(b).build());
    const QSizeF size(1280, 720);
    const auto layout = TimelineLayout::compute(
        index, scaleFor(*index, size, double(jd(2025, 4, 15)) - (days > 1 ? 10 : 0), days), size);
    const QString geometry = checkGeometry(*layout);
    QVERIFY2(geometry.isEmpty(), qPrintable(geometry));
    const QString accounting = checkAccounting(*layout, true);
    QVERIFY2(accounting.isEmpty(), qPrintable(accounting));
    QVERIFY(layout->events().size() >= 2);
    QVERIFY(layout->events().size() < 100); // rows, not a thousand labels
    qsizetype clustered = 0;
    for (const ClusterMark &c : layout->clusters())
        clustered += c.count;
    QCOMPARE(layout->events().size() + clustered, days == 0 ? 1001 : 1000);
}

void TestTimelineLayout::awkwardDates() {
    TimelineDataBuilder b;
    b.setCategories(SyntheticTimeline::categories());
    TimelineRow row;
    row.id = 1;
    row.title = u"Ends before it starts"_s;
    row.firstDay = jd(2025, 5, 10);
    row.lastDay = jd(2025, 5, 1);
    row.isRange = true;
    b.add(row);
    row.id = 2;
    row.title = u"Before the calendar"_s;
    row.firstDay = -5000;
    row.lastDay = -4000;
    row.isRange = false;
    b.add(row);
    row.id = 3;
    row.title = u"Far future"_s;
    row.firstDay = 9999999;
    row.lastDay = 9999999;
    b.add(row);
    row.id = 4;
    row.title = QString();
    row.firstDay = row.lastDay = jd(2025, 5, 5);
    b.add(row);
    const auto index = TimelineIndex::create(std::move(b).build());
    QCOMPARE(index->data().size(), 4);
    for (const double days : {0.0, 30.0, 36525.0}) {
        const QSizeF size(1000, 600);
        const auto layout = TimelineLayout::compute(
            index, scaleFor(*index, size, double(jd(2025, 4, 20)), days), size);
        const QString geometry = checkGeometry(*layout);
        QVERIFY2(geometry.isEmpty(), qPrintable(geometry));
        const QString accounting = checkAccounting(*layout, true);
        QVERIFY2(accounting.isEmpty(), qPrintable(accounting));
    }
    const auto month = TimelineLayout::compute(
        index, scaleFor(*index, QSizeF(1000, 600), double(jd(2025, 4, 20)), 30), QSizeF(1000, 600));
    const PlacedEvent *swapped = month->placedEvent(1);
    QVERIFY(swapped);
    QCOMPARE(swapped->shape, MarkShape::Range);
    QCOMPARE(swapped->markRect.left(), month->xForDay(double(jd(2025, 5, 1))));
    QCOMPARE(swapped->markRect.right(), month->xForDay(double(jd(2025, 5, 11))));
    const PlacedEvent *untitled = month->placedEvent(4);
    QVERIFY(untitled);
    QCOMPARE(untitled->text, u"(untitled)"_s);
}

void TestTimelineLayout::noteNumbersAndBadges() {
    LayoutOptions options;
    options.noteNumbers.insert(1013, 7);
    const QSizeF size(1600, 900);
    const auto layout =
        TimelineLayout::compute(s_hand, scaleFor(*s_hand, size, 0, 0), size, options);
    const PlacedEvent *noted = layout->placedEvent(1013);
    QVERIFY(noted);
    QCOMPARE(noted->noteNumber, 7);
    QVERIFY(noted->noteRect.left() >= noted->textRect.right());
    QVERIFY(noted->labelRect.contains(noted->noteRect.center()));
    const PlacedEvent *unsourced = layout->placedEvent(1021); // "Beijing urges firms ..."
    QVERIFY(unsourced);
    QVERIFY(unsourced->unsourced);
    QVERIFY(!unsourced->badgeRect.isEmpty());
    QVERIFY(unsourced->labelRect.contains(unsourced->badgeRect));
    QVERIFY(layout->placedEvent(1015)->badgeRect.isEmpty());
}

void TestTimelineLayout::untitledAndPartialShapes() {
    const QSizeF size(1600, 900);
    const auto layout =
        TimelineLayout::compute(s_hand, scaleFor(*s_hand, size, double(jd(2024, 1, 1)), 730), size);
    QCOMPARE(layout->placedEvent(1007)->shape, MarkShape::Partial); // "2024-02": a soft bar
    QCOMPARE(layout->placedEvent(1008)->shape, MarkShape::Range);
    QCOMPARE(layout->placedEvent(1009)->shape, MarkShape::Point);
    const PlacedEvent *month = layout->placedEvent(1007);
    QCOMPARE(month->markRect.left(), layout->xForDay(double(jd(2024, 2, 1))));
    QCOMPARE(month->markRect.right(), layout->xForDay(double(jd(2024, 3, 1))));
}

void TestTimelineLayout::costFollowsPixelsNotEvents() {
    // The layout tries a bounded number of events per bin, so at fit-all over 100k events
    // it places at most rows × bins labels and clusters the rest, by lane.
    const QSizeF size(1920, 1080);
    const auto layout =
        TimelineLayout::compute(s_synthetic, scaleFor(*s_synthetic, size, 0, 0), size);
    qsizetype clustered = 0;
    for (const ClusterMark &c : layout->clusters())
        clustered += c.count;
    QCOMPARE(layout->events().size() + clustered, s_synthetic->data().size());
    QVERIFY(layout->clusters().size() <= s_synthetic->laneCount() * int(size.width() / 20));
    for (const LaneBox &lane : layout->lanes())
        QVERIFY(lane.density.size() <= int(size.width()));
}

void TestTimelineLayout::emptyData() {
    const auto index = TimelineIndex::create(TimelineData());
    QCOMPARE(index->laneCount(), 0);
    const QSizeF size(800, 400);
    const auto layout = TimelineLayout::compute(index, TimeScale(), size);
    QVERIFY(layout->events().isEmpty());
    QVERIFY(layout->clusters().isEmpty());
    QVERIFY(!layout->ticks().major.isEmpty());
    QCOMPARE(layout->eventAt(QPointF(400, 200)), 0);
    QCOMPARE(index->nextEvent(1), 0);

    // Categories but no events: the lanes are still there (they are the legend).
    TimelineDataBuilder b;
    b.setCategories(SyntheticTimeline::categories());
    const auto lanes = TimelineIndex::create(std::move(b).build());
    QCOMPARE(lanes->laneCount(), 8);
    const auto empty = TimelineLayout::compute(lanes, TimeScale(), size);
    QCOMPARE(empty->lanes().size(), 8);
    QCOMPARE(empty->lanes().first().visibleCount, 0);
}

QTEST_MAIN(TestTimelineLayout)
#include "tst_timelinelayout.moc"
