// TimelineDataQuery::load reads every event in separate ordered passes (SQLite) or with the
// links grouped per table and joined (PostgreSQL) when no filter is set, and with correlated
// subqueries otherwise; both must give the same columns. Runs on both backends (the second
// registration, label `server`): the same cases, the same values.

#include "StoreLocationTestUtil.h"
#include "TimelineDataTestUtil.h"
#include "model/TimelineDataQuery.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestTimelineDataQuery : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { QVERIFY(m_locations.beginTest()); }
    void cleanup() { m_locations.endTest(); }
    void cleanupTestCase() { m_locations.stop(); }
    void unfilteredMatchesFiltered();

private:
    StoreLocations m_locations;
};

void TestTimelineDataQuery::initTestCase() {
    if (!m_locations.start()) {
        if (m_locations.skipped())
            QSKIP("CHIPTIMELINE_TEST_PG is not set: no PostgreSQL server to test against");
        QFAIL("the PostgreSQL server CHIPTIMELINE_TEST_PG names cannot be used");
    }
}

void TestTimelineDataQuery::unfilteredMatchesFiltered() {
    InputError inputError;
    const auto dataset = NativeJsonFormat::readFile(
        QStringLiteral(CHIPTIMELINE_SOURCE_DIR "/resources/dataset/default.chiptimeline.json"),
        &inputError);
    QVERIFY2(dataset, qPrintable(inputError.toString()));
    StoreError error;
    const auto store = TimelineStore::open(m_locations.location(u"t.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    ImportSummary summary;
    QVERIFY(store->importDataset(*dataset, ImportPolicy::Skip, &summary, &error));

    const TimelineData all = TimelineDataQuery::load(*store);
    EventFilter everything; // a filter that keeps every event takes the other path
    everything.fromJulianDay = 0;
    const TimelineData filtered = TimelineDataQuery::load(*store, everything);
    QCOMPARE(all.size(), 39);
    QCOMPARE(filtered.size(), all.size());
    QCOMPARE(all.actorNames(), filtered.actorNames());
    QCOMPARE(all.chipNames(), filtered.chipNames());
    int withSources = 0;
    int withActors = 0;
    for (qsizetype i = 0; i < all.size(); ++i) {
        compareTimelineRows(all, i, filtered, i);
        if (QTest::currentTestFailed())
            return;
        withSources += all.sourceCount(i) > 0;
        withActors += !all.actors(i).empty();
    }
    QCOMPARE(withSources, 39); // every event of the default dataset has a source
    QVERIFY(withActors > 0);
}

QTEST_GUILESS_MAIN(TestTimelineDataQuery)
#include "tst_timelinedataquery.moc"
