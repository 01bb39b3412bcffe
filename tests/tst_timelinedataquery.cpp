// TimelineDataQuery::load reads every event in separate ordered passes when no filter is set
// and with correlated subqueries otherwise; both must give the same columns.

#include "model/TimelineDataQuery.h"
#include "model/TimelineStore.h"
#include "model/formats/NativeJsonFormat.h"

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
        QCOMPARE(all.id(i), filtered.id(i));
        QCOMPARE(all.title(i), filtered.title(i));
        QCOMPARE(all.firstDay(i), filtered.firstDay(i));
        QCOMPARE(all.lastDay(i), filtered.lastDay(i));
        QCOMPARE(all.precision(i), filtered.precision(i));
        QCOMPARE(all.isRange(i), filtered.isRange(i));
        QCOMPARE(all.category(i), filtered.category(i));
        QCOMPARE(all.status(i), filtered.status(i));
        QCOMPARE(all.importance(i), filtered.importance(i));
        QCOMPARE(all.sourceCount(i), filtered.sourceCount(i));
        QCOMPARE(all.isUnsourced(i), filtered.isUnsourced(i));
        QCOMPARE(all.hasNoSourceAddress(i), filtered.hasNoSourceAddress(i));
        const auto a = all.actors(i);
        const auto b = filtered.actors(i);
        QCOMPARE(QList<quint32>(a.begin(), a.end()), QList<quint32>(b.begin(), b.end()));
        const auto c = all.chips(i);
        const auto d = filtered.chips(i);
        QCOMPARE(QList<quint32>(c.begin(), c.end()), QList<quint32>(d.begin(), d.end()));
        withSources += all.sourceCount(i) > 0;
        withActors += !a.empty();
    }
    QCOMPARE(withSources, 39); // every event of the default dataset has a source
    QVERIFY(withActors > 0);
}

QTEST_GUILESS_MAIN(TestTimelineDataQuery)
#include "tst_timelinedataquery.moc"
