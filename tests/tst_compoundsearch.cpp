// German compounds and word forms in search (issue #20): a typed word finds the stored words
// that begin with it or contain it, in the window's search, the timeline's search filter and
// the command line alike, with the whole word ranked first. Runs on both backends (the second
// registration, label `server`): the same cases, the same values. Search ranking in general
// is tst_eventsearch's.

#include "StoreLocationTestUtil.h"

#include "model/EventSearch.h"
#include "model/SearchCompounds.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"

#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Two events and a source: a whole word, its compounds and a word form.
const QByteArray texts = R"({"format": "chiptimeline", "version": 2,
  "sources": [
    {"uid": "s-compound", "title": "GPU-Exportbeschränkungen nach China"},
    {"uid": "s-chips", "title": "Huawei setzt auf Ascend-Chips"},
    {"uid": "s-chip", "title": "A chip for China"}
  ],
  "events": [
    {"uid": "compound", "title": "Neue Exportbeschränkungen", "start": "2025-01-10",
     "summary": "Die Halbleiterausfuhr wird beschränkt."},
    {"uid": "whole", "title": "Beschränkung bestätigt", "start": "2025-03-01"},
    {"uid": "form", "title": "Beschränkungen gelockert", "start": "2025-02-01"},
    {"uid": "chips", "title": "Ascend-Chips shipped", "start": "2025-04-01",
     "sources": [{"source": "s-chips"}]},
    {"uid": "chip", "title": "A chip for China", "start": "2025-05-01",
     "sources": [{"source": "s-chip"}]},
    {"uid": "h200", "title": "H200 approved", "start": "2025-06-01"},
    {"uid": "h20", "title": "H20 banned", "start": "2025-07-01"}
  ]
})";

} // namespace

class TestCompoundSearch : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (!m_locations.start()) {
            if (m_locations.skipped())
                QSKIP("CHIPTIMELINE_TEST_PG is not set: no PostgreSQL server to test against");
            QFAIL("the PostgreSQL server CHIPTIMELINE_TEST_PG names cannot be used");
        }
        QVERIFY(m_locations.beginTest());
        InputError inputError;
        const std::optional<Dataset> dataset =
            NativeJsonFormat::read(texts, u"compounds.json"_s, &inputError);
        QVERIFY2(dataset, qPrintable(inputError.toString()));
        StoreError error;
        m_store = TimelineStore::open(m_locations.location(u"c.sqlite"_s), &error);
        QVERIFY2(m_store, qPrintable(error.message));
        ImportSummary summary;
        QVERIFY2(m_store->importDataset(*dataset, ImportPolicy::Skip, &summary, &error),
                 qPrintable(error.message));
    }
    void cleanupTestCase() {
        m_store.reset();
        m_locations.endTest();
        m_locations.stop();
    }

    void expansion() {
        const auto stored = [](const QString &folded) {
            QStringList terms;
            for (const QString &term : {u"exportbeschrankungen"_s, u"beschrankungen"_s,
                                        u"ausfuhrbeschrankung"_s, u"ausfuhrbeschrankungen"_s})
                if (term.contains(folded))
                    terms << term;
            return terms;
        };
        // The word, its prefix, and each containing word not covered by another's prefix.
        QCOMPARE(SearchCompounds::expand(u"\"Beschränkung\""_s, stored),
                 u"(\"Beschränkung\" OR \"Beschränkung\"* OR \"exportbeschrankungen\"* OR "
                 "\"ausfuhrbeschrankung\"*)"_s);
        // Digits, typed prefixes, phrases and short words are left alone.
        QCOMPARE(
            SearchCompounds::expand(u"\"H20\" AND \"licen\"* AND \"a b\" AND \"AI\""_s, stored),
            u"\"H20\" AND \"licen\"* AND \"a b\" AND \"AI\""_s);
        QCOMPARE(SearchCompounds::expand(u"\"the\""_s, stored), u"\"the\""_s);
        QCOMPARE(SearchCompounds::expand(u"\"them\""_s, stored), u"(\"them\" OR \"them\"*)"_s);
        QCOMPARE(SearchCompounds::partialPhrases(u"(\"the\" OR \"the\"*) NOT \"x\""_s), u"010"_s);
        QCOMPARE(SearchCompounds::partialPhrases(u"\"H20\""_s), QString());
        QCOMPARE(SearchCompounds::folded(u"Beschränkung"), u"beschrankung"_s);
    }

    void compoundsAndFormsAfterTheWholeWord_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("uids"); // best first
        // The whole word first; then "Beschränkungen" (title) before the compound (title)
        // by time, as equal evidence.
        QTest::newRow("German compound, folded")
            << u"beschrankung"_s << QStringList{u"whole"_s, u"compound"_s, u"form"_s};
        QTest::newRow("German compound, typed with umlaut")
            << u"Beschränkung"_s << QStringList{u"whole"_s, u"compound"_s, u"form"_s};
        QTest::newRow("a part in the summary") << u"ausfuhr"_s << QStringList{u"compound"_s};
        QTest::newRow("plural through a hyphen") << u"chip"_s << QStringList{u"chip"_s, u"chips"_s};
        QTest::newRow("model numbers stay exact") << u"H20"_s << QStringList{u"h20"_s};
        QTest::newRow("a typed prefix is not widened")
            << u"beschrankung*"_s << QStringList{u"form"_s, u"whole"_s};
        QTest::newRow("a phrase is not widened")
            << u"\"beschrankung bestatigt\""_s << QStringList{u"whole"_s};
    }
    void compoundsAndFormsAfterTheWholeWord() {
        QFETCH(QString, text);
        QFETCH(QStringList, uids);
        const QList<EventSearch::EventHit> hits = EventSearch::searchEvents(*m_store, text, {}, 50);
        QStringList found;
        for (const EventSearch::EventHit &hit : hits)
            found << m_store->event(hit.eventId)->uid;
        QCOMPARE(found, uids);
        QCOMPARE(EventSearch::countEvents(*m_store, text, {}), uids.size());
        // The timeline's search filter keeps the same events.
        const std::vector<qint64> ids = m_store->eventIds(EventSearch::withSearchText({}, text));
        QCOMPARE(qsizetype(ids.size()), uids.size());
        for (const EventSearch::EventHit &hit : hits)
            QVERIFY(std::binary_search(ids.cbegin(), ids.cend(), hit.eventId));
    }

    void compoundMarked() {
        const QList<EventSearch::EventHit> hits =
            EventSearch::searchEvents(*m_store, u"beschrankung"_s, {}, 50);
        QCOMPARE(hits.size(), 3);
        QCOMPARE(EventSearch::toBrackets(hits[1].title), u"Neue [Exportbeschränkungen]"_s);
    }

    void sources_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("uids");
        QTest::newRow("compound in a title") << u"beschrankung"_s << QStringList{u"s-compound"_s};
        QTest::newRow("whole word first") << u"chip"_s << QStringList{u"s-chip"_s, u"s-chips"_s};
    }
    void sources() {
        QFETCH(QString, text);
        QFETCH(QStringList, uids);
        QStringList found;
        for (const EventSearch::SourceHit &hit : EventSearch::searchSources(*m_store, text, 50))
            found << m_store->source(hit.sourceId)->uid;
        QCOMPARE(found, uids);
        QCOMPARE(EventSearch::countSources(*m_store, text), uids.size());
    }

    // Words written after the first search are found too: by this store, and by another
    // connection to the same timeline.
    void wordsWrittenLaterAreFound() {
        QCOMPARE(EventSearch::countEvents(*m_store, u"kontrolle"_s, {}), 0);
        Event event;
        event.title = u"Neue Halbleiterexportkontrollen"_s;
        event.start = PartialDate::parseIso(u"2025-08-01"_s).value();
        StoreError error;
        QVERIFY2(m_store->saveEvent(event, &error), qPrintable(error.message));
        QCOMPARE(EventSearch::countEvents(*m_store, u"kontrolle"_s, {}), 1);

        std::unique_ptr<TimelineStore> other =
            TimelineStore::open(m_locations.location(u"c.sqlite"_s), &error);
        QVERIFY2(other, qPrintable(error.message));
        Event elsewhere;
        elsewhere.title = u"Lieferkettenkontrolle angekündigt"_s;
        elsewhere.start = PartialDate::parseIso(u"2025-09-01"_s).value();
        QVERIFY2(other->saveEvent(elsewhere, &error), qPrintable(error.message));
        QCOMPARE(EventSearch::countEvents(*m_store, u"kontrolle"_s, {}), 2);
        QVERIFY(m_store->deleteEvent(event.id, &error));
        QVERIFY(m_store->deleteEvent(elsewhere.id, &error));
    }

private:
    StoreLocations m_locations;
    std::unique_ptr<TimelineStore> m_store;
};

QTEST_GUILESS_MAIN(TestCompoundSearch)
#include "tst_compoundsearch.moc"
