// What relations do to the timeline the store reads (TimelineData): a rule that another event
// rescinds or replaces is drawn as in force from its start to that event's first day. Runs on
// both backends (the second registration, label `server`): the same cases, the same values.

#include "StoreLocationTestUtil.h"

#include "model/TimelineData.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"

#include <QDate>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

qint64 day(int year, int month, int dayOfMonth) {
    return QDate(year, month, dayOfMonth).toJulianDay();
}

// A rule rescinded twice (the earlier rescission counts), a period replaced before its end,
// a period replaced only after it ended, and an answer that ends nothing.
const QByteArray lineage = R"({"format": "chiptimeline", "version": 2,
  "events": [
    {"uid": "rule", "title": "Rule", "start": "2025-01-13"},
    {"uid": "rescission", "title": "Rescission", "start": "2025-05-13"},
    {"uid": "second", "title": "Second rescission", "start": "2025-08-01"},
    {"uid": "period", "title": "Licence period", "start": "2025-02-01", "end": "2025-12-31"},
    {"uid": "short", "title": "Short period", "start": "2025-01-01", "end": "2025-03-01"},
    {"uid": "successor", "title": "Successor", "start": "2025-06"},
    {"uid": "answer", "title": "Answer", "start": "2025-06-02"}
  ],
  "relations": [
    {"from": "rescission", "type": "rescinds", "to": "rule"},
    {"from": "second", "type": "rescinds", "to": "rule"},
    {"from": "successor", "type": "replaces", "to": "period"},
    {"from": "successor", "type": "replaces", "to": "short"},
    {"from": "answer", "type": "responds-to", "to": "rescission"}
  ]
})";

} // namespace

class TestRelationStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (!m_locations.start()) {
            if (m_locations.skipped())
                QSKIP("CHIPTIMELINE_TEST_PG is not set: no PostgreSQL server to test against");
            QFAIL("the PostgreSQL server CHIPTIMELINE_TEST_PG names cannot be used");
        }
    }
    void init() {
        QVERIFY(m_locations.beginTest());
        InputError inputError;
        const std::optional<Dataset> dataset =
            NativeJsonFormat::read(lineage, u"lineage.json"_s, &inputError);
        QVERIFY2(dataset, qPrintable(inputError.toString()));
        StoreError error;
        m_store = TimelineStore::open(m_locations.location(u"t.sqlite"_s), &error);
        QVERIFY2(m_store, qPrintable(error.message));
        ImportSummary summary;
        QVERIFY2(m_store->importDataset(*dataset, ImportPolicy::Skip, &summary, &error),
                 qPrintable(error.message));
    }
    void cleanup() {
        m_store.reset();
        m_locations.endTest();
    }
    void cleanupTestCase() { m_locations.stop(); }

    void rescindedRulesEndAtTheirRescission_data() {
        QTest::addColumn<bool>("filtered"); // the store reads all events, or a filter's
        QTest::newRow("all events") << false;
        QTest::newRow("filtered") << true;
    }
    void rescindedRulesEndAtTheirRescission() {
        QFETCH(bool, filtered);
        EventFilter filter;
        if (filtered) // leaves out the rescissions and the successor: the ends still count
            filter.toJulianDay = day(2025, 2, 15);
        const TimelineData data = m_store->timelineData(filter);
        QVERIFY2(!m_store->readError().isError(), qPrintable(m_store->readError().message));
        const auto at = [&](const QString &uid) {
            return data.indexOfId(m_store->eventByUid(uid)->id);
        };
        QCOMPARE(data.size(), filtered ? 3 : 7);
        // A point rule becomes a bar to the day of its first rescission.
        QVERIFY(data.isForceEnded(at(u"rule"_s)));
        QCOMPARE(data.forceEndDay(at(u"rule"_s)), day(2025, 5, 13));
        QCOMPARE(data.lastDay(at(u"rule"_s)), day(2025, 1, 13)); // its own date is unchanged
        QCOMPARE(data.drawnLastDay(at(u"rule"_s)), day(2025, 5, 13));
        // A period ends where the month-precision successor begins (its first day).
        QVERIFY(data.isForceEnded(at(u"period"_s)));
        QCOMPARE(data.drawnLastDay(at(u"period"_s)), day(2025, 6, 1));
        QCOMPARE(data.lastDay(at(u"period"_s)), day(2025, 12, 31));
        // Replaced after it had ended: drawn to its own end.
        QVERIFY(!data.isForceEnded(at(u"short"_s)));
        QCOMPARE(data.forceEndDay(at(u"short"_s)), 0);
        QCOMPARE(data.drawnLastDay(at(u"short"_s)), day(2025, 3, 1));
        if (filtered) {
            QCOMPARE(data.maxDay(), day(2025, 6, 1)); // the marks' span: the period's bar
            return;
        }
        // What only answers, or ends something else, is drawn as it is dated.
        for (const QString &uid : {u"rescission"_s, u"second"_s, u"successor"_s, u"answer"_s})
            QVERIFY2(!data.isForceEnded(at(uid)), qPrintable(uid));
        QCOMPARE(data.maxDay(), day(2025, 8, 1));
        // A subset keeps the ends.
        const std::vector<quint32> rule{quint32(at(u"rule"_s))};
        QCOMPARE(data.subset(rule).drawnLastDay(0), day(2025, 5, 13));
    }

    void unlinkingGivesTheRuleItsOwnSpan() {
        StoreChanges changes;
        changes.deleteRelations = {
            Relation{u"rescission"_s, u"rule"_s, RelationType::Rescinds, {}, {}},
            Relation{u"second"_s, u"rule"_s, RelationType::Rescinds, {}, {}}};
        StoreError error;
        QVERIFY2(m_store->applyChanges(changes, &error), qPrintable(error.message));
        const TimelineData data = m_store->timelineData(EventFilter{});
        const qsizetype rule = data.indexOfId(m_store->eventByUid(u"rule"_s)->id);
        QVERIFY(!data.isForceEnded(rule));
        QCOMPARE(data.drawnLastDay(rule), day(2025, 1, 13));
        QCOMPARE(m_store->relations().size(), 3);
    }

private:
    StoreLocations m_locations;
    std::unique_ptr<TimelineStore> m_store;
};

QTEST_MAIN(TestRelationStore)
#include "tst_relationstore.moc"
