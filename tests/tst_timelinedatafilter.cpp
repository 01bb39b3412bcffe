// TimelineDataFilter applies a filter to the loaded snapshot in memory (what the window does on
// every filter change); it must select exactly what the store's SQL selects.

#include "TimelineDataTestUtil.h"
#include "model/EventSearch.h"
#include "model/TimelineDataFilter.h"
#include "model/TimelineDataQuery.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"

#include <QDate>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTimelineDataFilter : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void sameAsStore_data();
    void sameAsStore();
    void subsetKeepsColumns();
    void emptyFilterSharesTheSnapshot();
    void searchAmongSnapshotMatchesStore_data();
    void searchAmongSnapshotMatchesStore();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TimelineStore> m_store;
    TimelineData m_all;
};

namespace {
QList<qint64> idsOf(const TimelineData &data) {
    QList<qint64> ids;
    for (qsizetype i = 0; i < data.size(); ++i)
        ids << data.id(i);
    return ids;
}
qint64 day(int y, int m, int d) {
    return QDate(y, m, d).toJulianDay();
}
} // namespace

void TestTimelineDataFilter::initTestCase() {
    QVERIFY(m_dir.isValid());
    InputError inputError;
    const auto dataset = NativeJsonFormat::readFile(
        QStringLiteral(CHIPTIMELINE_SOURCE_DIR "/resources/dataset/default.chiptimeline.json"),
        &inputError);
    QVERIFY2(dataset, qPrintable(inputError.toString()));
    StoreError error;
    m_store = TimelineStore::open(m_dir.filePath(u"f.sqlite"_s), &error);
    QVERIFY2(m_store, qPrintable(error.message));
    QVERIFY(m_store->importDataset(*dataset, ImportPolicy::Skip, nullptr, &error));
    m_all = TimelineDataQuery::load(*m_store);
    QCOMPARE(m_all.size(), 39);
}

void TestTimelineDataFilter::sameAsStore_data() {
    QTest::addColumn<EventFilter>("filter");
    QTest::addColumn<int>("expected"); // counted with `chiptimeline list … --json`
    const auto make = [](auto &&set) {
        EventFilter f;
        set(f);
        return f;
    };
    QTest::newRow("actor") << make([](EventFilter &f) { f.actors = {u"Huawei"_s}; }) << 5;
    QTest::newRow("unknown actor") << make([](EventFilter &f) { f.actors = {u"Nobody"_s}; }) << 0;
    QTest::newRow("actor names are exact")
        << make([](EventFilter &f) { f.actors = {u"huawei"_s}; }) << 0;
    QTest::newRow("category") << make([](EventFilter &f) { f.categories = {u"industry"_s}; }) << 9;
    QTest::newRow("category and actor") << make([](EventFilter &f) {
        f.categories = {u"industry"_s};
        f.actors = {u"Huawei"_s};
    }) << 4;
    QTest::newRow("chip") << make([](EventFilter &f) { f.chips = {u"H20"_s}; }) << 7;
    QTest::newRow("status reported")
        << make([](EventFilter &f) { f.statuses = {EventStatus::Reported}; }) << 9;
    QTest::newRow("status disputed")
        << make([](EventFilter &f) { f.statuses = {EventStatus::Disputed}; }) << 0;
    QTest::newRow("first half of 2025") << make([](EventFilter &f) {
        f.fromJulianDay = day(2025, 1, 1);
        f.toJulianDay = day(2025, 6, 30);
    }) << 9;
    QTest::newRow("has sources") << make([](EventFilter &f) { f.hasSources = true; }) << 39;
    QTest::newRow("has no sources") << make([](EventFilter &f) { f.hasSources = false; }) << 0;
    QTest::newRow("search H20") << EventSearch::withSearchText(EventFilter{}, u"H20"_s) << 7;
    QTest::newRow("search with category")
        << EventSearch::withSearchText(
               make([](EventFilter &f) { f.categories = {u"china-policy"_s}; }), u"H20"_s)
        << -1;
    QTest::newRow("unknown tag") << make([](EventFilter &f) { f.tags = {u"none"_s}; }) << 0;
}

void TestTimelineDataFilter::sameAsStore() {
    QFETCH(EventFilter, filter);
    QFETCH(int, expected);
    const TimelineData inMemory = TimelineDataFilter::apply(m_all, filter, *m_store);
    const TimelineData fromStore = TimelineDataQuery::load(*m_store, filter);
    QCOMPARE(idsOf(inMemory), idsOf(fromStore));
    if (expected >= 0)
        QCOMPARE(inMemory.size(), expected);
    else
        QVERIFY(inMemory.size() > 0 && inMemory.size() < m_all.size());
}

void TestTimelineDataFilter::subsetKeepsColumns() {
    EventFilter huawei;
    huawei.actors = {u"Huawei"_s};
    const TimelineData kept = TimelineDataFilter::apply(m_all, huawei, *m_store);
    QCOMPARE(kept.size(), 5);
    QCOMPARE(kept.actorNames(), m_all.actorNames());
    QCOMPARE(kept.categories().size(), m_all.categories().size());
    qint64 minDay = kept.firstDay(0);
    qint64 maxDay = 0;
    for (qsizetype k = 0; k < kept.size(); ++k) {
        const qsizetype i = m_all.indexOfId(kept.id(k));
        QVERIFY(i >= 0);
        QCOMPARE(kept.indexOfId(kept.id(k)), k);
        compareTimelineRows(kept, k, m_all, i);
        if (QTest::currentTestFailed())
            return;
        if (k > 0)
            QVERIFY(kept.firstDay(k - 1) <= kept.firstDay(k)); // still in time order
        minDay = std::min<qint64>(minDay, kept.firstDay(k));
        maxDay = std::max<qint64>(maxDay, kept.lastDay(k));
    }
    QCOMPARE(kept.minDay(), minDay);
    QCOMPARE(kept.maxDay(), maxDay);
    QCOMPARE(kept.indexOfId(-5), -1);
}

void TestTimelineDataFilter::emptyFilterSharesTheSnapshot() {
    const TimelineData same = TimelineDataFilter::apply(m_all, EventFilter{}, *m_store);
    QVERIFY(same.sharesStorageWith(m_all));
    EventFilter none;
    none.actors = {u"Nobody"_s};
    const TimelineData empty = TimelineDataFilter::apply(m_all, none, *m_store);
    QCOMPARE(empty.size(), 0);
    QCOMPARE(empty.minDay(), 0);
}

void TestTimelineDataFilter::searchAmongSnapshotMatchesStore_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<EventFilter>("filter");
    QTest::addColumn<int>("limit");
    EventFilter huawei;
    huawei.actors = {u"Huawei"_s};
    EventFilter policy;
    policy.categories = {u"china-policy"_s, u"us-policy-deal"_s};
    EventFilter year2025;
    year2025.fromJulianDay = day(2025, 1, 1);
    year2025.toJulianDay = day(2025, 12, 31);
    EventFilter nobody;
    nobody.actors = {u"Nobody"_s};
    QTest::newRow("H20 among policy events") << u"H20"_s << policy << 50;
    QTest::newRow("cut inside the results") << u"H20"_s << policy << 2;
    QTest::newRow("prefix, one actor") << u"ascend*"_s << huawei << 50;
    QTest::newRow("prefix, 2025") << u"licen*"_s << year2025 << 50;
    QTest::newRow("OR, 2025") << u"Nvidia OR Huawei"_s << year2025 << 5;
    QTest::newRow("nothing left") << u"H20"_s << nobody << 50;
}

void TestTimelineDataFilter::searchAmongSnapshotMatchesStore() {
    QFETCH(QString, text);
    QFETCH(EventFilter, filter);
    QFETCH(int, limit);
    const QList<EventSearch::EventHit> bySql =
        EventSearch::searchEvents(*m_store, text, filter, limit);
    const TimelineData among = TimelineDataFilter::apply(m_all, filter, *m_store);
    const QList<EventSearch::EventHit> inMemory =
        EventSearch::searchEventsAmong(*m_store, text, among, limit);
    QCOMPARE(inMemory, bySql); // ids, ranks, order, highlighted titles and snippets
    if (filter.actors != QStringList{u"Nobody"_s})
        QVERIFY(!inMemory.isEmpty());
}

QTEST_GUILESS_MAIN(TestTimelineDataFilter)
#include "tst_timelinedatafilter.moc"
