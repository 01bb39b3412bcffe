// TimelineDataQuery::load reads every event in separate ordered passes when no filter is set
// and with correlated subqueries otherwise; both must give the same columns.

#include "TimelineDataTestUtil.h"
#include "model/TimelineDataQuery.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTimelineDataQuery : public QObject {
    Q_OBJECT

private slots:
    void unfilteredMatchesFiltered();
};

void TestTimelineDataQuery::unfilteredMatchesFiltered() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    InputError inputError;
    const auto dataset = NativeJsonFormat::readFile(
        QStringLiteral(CHIPTIMELINE_SOURCE_DIR "/resources/dataset/default.chiptimeline.json"),
        &inputError);
    QVERIFY2(dataset, qPrintable(inputError.toString()));
    StoreError error;
    const auto store = TimelineStore::open(dir.filePath(u"t.sqlite"_s), &error);
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
