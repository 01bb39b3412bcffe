// TimelineDataQuery::load reads every event in separate ordered passes (SQLite) or with the
// links grouped per table and joined (PostgreSQL) when no filter is set, and with correlated
// subqueries otherwise; both must give the same columns. Runs on both backends (the second
// registration, label `server`): the same cases, the same values.

#include "StoreLocationTestUtil.h"
#include "TimelineDataTestUtil.h"
#include "model/TimelineDataQuery.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"
#include "tests/benchmarks/SyntheticTimeline.h"

#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

class TestTimelineDataQuery : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { QVERIFY(m_locations.beginTest()); }
    void cleanup() { m_locations.endTest(); }
    void cleanupTestCase() { m_locations.stop(); }
    void unfilteredMatchesFiltered();
    void everyValueOfManyEventsAndAwkwardTitles();

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

// More events than the server sends in one piece (4,096 ids), titles that need quoting or
// escaping, names in an order that is not alphabetical, sources with and without an address:
// each event's row holds exactly what the store holds for it, unfiltered and filtered.
void TestTimelineDataQuery::everyValueOfManyEventsAndAwkwardTitles() {
    const QStringList awkward = {
        u"He said \"no\""_s,
        u"back\\slash \\\" both"_s,
        u"a,b;c"_s,
        u"{braces}"_s,
        u"NULL"_s,
        u"null"_s,
        u"x"_s,
        u"1,2,3"_s,
        u"tab\there"_s,
        u"line\nbreak"_s,
        u"\"\""_s,
        u"'single' quotes"_s,
        u"Ümlaut Straße 中文 ✓"_s,
        u"semi;colon ; spaced"_s,
        u"}{,\"\\"_s,
        u"NULLS"_s,
    };
    Dataset dataset;
    dataset.categories = SyntheticTimeline::categories();
    Source withAddress;
    withAddress.uid = u"6f1c7a52-0000-4000-8000-000000000001"_s;
    withAddress.title = u"Addressed"_s;
    withAddress.url = u"https://example.org/a"_s;
    Source withoutAddress;
    withoutAddress.uid = u"6f1c7a52-0000-4000-8000-000000000002"_s;
    withoutAddress.title = u"Unaddressed"_s;
    dataset.sources = {withAddress, withoutAddress};
    dataset.events = SyntheticTimeline::generateEvents(4200);
    for (qsizetype i = 0; i < dataset.events.size(); ++i) {
        Event &event = dataset.events[i];
        event.citations.clear();
        if (i < awkward.size())
            event.title = awkward.at(i);
        if (i % 3 == 1)
            event.citations << Citation{withoutAddress.uid, {}, {}};
        if (i % 5 == 2)
            event.citations << Citation{withAddress.uid, {}, {}};
        if (i == 4150) { // past the first 4,096 ids, names not in alphabetical order
            event.actors = {u"Zeta Corp"_s, u"Alpha Inc"_s, u"Mid Co"_s};
            event.chips = {u"Z9"_s, u"A1"_s};
        }
    }
    StoreError error;
    const auto store = TimelineStore::open(m_locations.location(u"many.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    ImportSummary summary;
    QVERIFY2(store->importDataset(dataset, ImportPolicy::Skip, &summary, &error),
             qPrintable(error.message));

    const TimelineData all = TimelineDataQuery::load(*store);
    EventFilter everything;
    everything.fromJulianDay = 0;
    const TimelineData filtered = TimelineDataQuery::load(*store, everything);
    QVERIFY(!store->readError().isError());
    QCOMPARE(all.size(), 4200);
    QCOMPARE(filtered.size(), 4200);
    const QList<Event> stored = store->events();
    QCOMPARE(stored.size(), 4200);
    QStringList titles;
    for (const Event &event : stored) {
        const qsizetype i = all.indexOfId(event.id);
        QVERIFY(i >= 0);
        compareTimelineRows(all, i, filtered, filtered.indexOfId(event.id));
        if (QTest::currentTestFailed())
            return;
        titles << all.title(i);
        QCOMPARE(all.title(i), event.title);
        QCOMPARE(all.firstDay(i), event.firstJulianDay());
        QCOMPARE(all.lastDay(i), event.lastJulianDay());
        QCOMPARE(all.isRange(i), event.isRange());
        QCOMPARE(all.status(i), event.status);
        QCOMPARE(all.importance(i), event.importance);
        QCOMPARE(all.category(i) < 0 ? QString() : all.categories().at(all.category(i)).name,
                 event.category);
        QCOMPARE(all.sourceCount(i), int(event.citations.size()));
        const bool addressed =
            std::any_of(event.citations.cbegin(), event.citations.cend(),
                        [&](const Citation &c) { return c.sourceUid == withAddress.uid; });
        QCOMPARE(all.hasNoSourceAddress(i), !event.citations.isEmpty() && !addressed);
        QStringList actors;
        for (quint32 a : all.actors(i))
            actors << all.actorNames().at(qsizetype(a));
        QStringList chips;
        for (quint32 c : all.chips(i))
            chips << all.chipNames().at(qsizetype(c));
        // Both backends: in the order of the name tables (TimelineDataBuilder), whatever
        // order the store reads the links in (SQLite by name id, the server by position).
        const auto inTableOrder = [](QStringList names, const QStringList &table) {
            std::sort(names.begin(), names.end(), [&](const QString &a, const QString &b) {
                return table.indexOf(a) < table.indexOf(b);
            });
            return names;
        };
        QCOMPARE(actors, inTableOrder(event.actors, all.actorNames()));
        QCOMPARE(chips, inTableOrder(event.chips, all.chipNames()));
    }
    for (const QString &title : awkward)
        QVERIFY2(titles.contains(title), qPrintable(title));
    const auto reordered = std::find_if(stored.cbegin(), stored.cend(), [](const Event &e) {
        return e.actors.value(0) == u"Zeta Corp"_s;
    });
    QVERIFY(reordered != stored.cend());
    QCOMPARE(reordered->actors, (QStringList{u"Zeta Corp"_s, u"Alpha Inc"_s, u"Mid Co"_s}));
    QCOMPARE(reordered->chips, (QStringList{u"Z9"_s, u"A1"_s}));
    // Its timeline row, on either backend, has them in the name tables' order.
    const qsizetype row = all.indexOfId(reordered->id);
    QStringList rowActors;
    for (quint32 a : all.actors(row))
        rowActors << all.actorNames().at(qsizetype(a));
    QCOMPARE(rowActors, (QStringList{u"Alpha Inc"_s, u"Mid Co"_s, u"Zeta Corp"_s}));
}

QTEST_GUILESS_MAIN(TestTimelineDataQuery)
#include "tst_timelinedataquery.moc"
