// Translations of titles, summaries and labels (model/DataTranslations.h) through a store:
// written, read back by every read, updated and removed, carried by history, and shown by
// the timeline's data in the reader's language. Runs on both backends (StoreLocationTestUtil).

#include "StoreLocationTestUtil.h"
#include "model/SearchQuery.h"
#include "model/TimelineDataQuery.h"
#include "model/store/TimelineStore.h"

#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

class TestBilingualData : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void storeKeepsTranslations();
    void timelineDataInGerman();
    void historyRestoresTranslations();
    void germanTextsAreSearchable();

private:
    StoreLocations m_locations;
    QString path(const QString &name) { return m_locations.location(name); }
};

namespace {

Category exportControls() {
    Category category{0, u"us-export-control"_s, u"US export controls"_s, QColor(u"#c0392b"_s), 1};
    category.labelTranslations.insert(u"de"_s, u"US-Exportkontrollen"_s);
    return category;
}

Event translatedEvent() {
    Event event;
    event.uid = u"11111111-0000-4000-8000-000000000001"_s;
    event.title = u"US restricts H20 exports"_s;
    event.summary = u"A license is required."_s;
    event.start = PartialDate::fromYmd(2025, 4, 15);
    event.category = u"us-export-control"_s;
    event.translations.insert(
        u"de"_s, {u"USA beschränken H20-Exporte"_s, u"Eine Lizenz ist erforderlich."_s});
    return event;
}

Event plainEvent() {
    Event event;
    event.uid = u"11111111-0000-4000-8000-000000000002"_s;
    event.title = u"Nvidia reports earnings"_s;
    event.start = PartialDate::fromYmd(2025, 8, 27);
    event.category = u"us-export-control"_s;
    return event;
}

Dataset bilingualDataset() {
    Dataset dataset;
    dataset.categories << exportControls();
    dataset.events << translatedEvent() << plainEvent();
    return dataset;
}

} // namespace

void TestBilingualData::initTestCase() {
    if (!m_locations.start()) {
        if (m_locations.skipped())
            QSKIP("CHIPTIMELINE_TEST_PG is not set: no PostgreSQL server to test against");
        QFAIL("the PostgreSQL server CHIPTIMELINE_TEST_PG names cannot be used");
    }
}

void TestBilingualData::init() {
    QVERIFY(m_locations.beginTest());
}

void TestBilingualData::cleanup() {
    m_locations.endTest();
}

void TestBilingualData::cleanupTestCase() {
    m_locations.stop();
}

void TestBilingualData::storeKeepsTranslations() {
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    ImportSummary summary;
    QVERIFY2(store->importDataset(bilingualDataset(), ImportPolicy::Skip, &summary, &error),
             qPrintable(error.message));

    const EventTranslations expected = translatedEvent().translations;
    const QList<Event> events = store->events();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).translations, expected);
    QVERIFY(events.at(1).translations.isEmpty());
    QCOMPARE(store->eventByUid(translatedEvent().uid)->translations, expected);
    const Dataset dataset = store->dataset();
    QCOMPARE(dataset.events.at(0).translations, expected);
    QVERIFY(dataset.events.at(1).translations.isEmpty());
    QCOMPARE(store->categories().at(0).labelTranslations,
             (LabelTranslations{{u"de"_s, u"US-Exportkontrollen"_s}}));
    QCOMPARE(store->translatedTitles(u"de"_s),
             (QHash<qint64, QString>{{events.at(0).id, u"USA beschränken H20-Exporte"_s}}));
    QVERIFY(store->translatedTitles(u"fr"_s).isEmpty());

    // An edit changes them, and an edit that removes them leaves none.
    Event edited = events.at(0);
    edited.translations[u"de"_s].title = u"USA verlangen Lizenzen für H20"_s;
    QVERIFY2(store->saveEvent(edited, &error), qPrintable(error.message));
    QCOMPARE(store->event(edited.id)->translations.value(u"de"_s).title,
             u"USA verlangen Lizenzen für H20"_s);
    edited.translations.clear();
    QVERIFY2(store->saveEvent(edited, &error), qPrintable(error.message));
    QVERIFY(store->event(edited.id)->translations.isEmpty());
    QVERIFY(store->translatedTitles(u"de"_s).isEmpty());

    Category category = store->categories().at(0);
    category.labelTranslations.insert(u"de"_s, u"Exportkontrollen der USA"_s);
    QVERIFY2(store->saveCategory(category, &error), qPrintable(error.message));
    QCOMPARE(store->categories().at(0).labelTranslations.value(u"de"_s),
             u"Exportkontrollen der USA"_s);
}

void TestBilingualData::timelineDataInGerman() {
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    ImportSummary summary;
    QVERIFY(store->importDataset(bilingualDataset(), ImportPolicy::Skip, &summary, &error));

    const TimelineData german = TimelineDataQuery::load(*store, {}, u"de"_s);
    QCOMPARE(german.size(), 2);
    QCOMPARE(german.title(0), u"USA beschränken H20-Exporte"_s);
    QCOMPARE(german.title(1), u"Nvidia reports earnings"_s); // no translation: the original
    QCOMPARE(german.categories().at(0).displayName(), u"US-Exportkontrollen"_s);
    const TimelineData english = TimelineDataQuery::load(*store, {}, u"en"_s);
    QCOMPARE(english.title(0), u"US restricts H20 exports"_s);
    QCOMPARE(english.title(1), u"Nvidia reports earnings"_s);
    QCOMPARE(english.categories().at(0).displayName(), u"US export controls"_s);
}

void TestBilingualData::historyRestoresTranslations() {
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    if (store->revisions({}).isEmpty())
        QSKIP("this backend keeps no history");
    ImportSummary summary;
    QVERIFY(store->importDataset(bilingualDataset(), ImportPolicy::Skip, &summary, &error));
    const qint64 imported = store->revisions({}).constLast().number;

    Event edited = *store->eventByUid(translatedEvent().uid);
    edited.translations.clear();
    QVERIFY2(store->saveEvent(edited, &error), qPrintable(error.message));
    const QList<RevisionChange> changes = store->changesAfter(imported);
    QCOMPARE(changes.size(), 2); // the translations, and the modification time
    QCOMPARE(changes.at(0).field, u"modified"_s);
    QCOMPARE(changes.at(1).field, u"translations"_s);
    QVERIFY(changes.at(1).newValue.isEmpty());

    const Dataset asOf = store->datasetAsOf(imported);
    const auto it = std::find_if(asOf.events.cbegin(), asOf.events.cend(),
                                 [](const Event &e) { return e.uid == translatedEvent().uid; });
    QVERIFY(it != asOf.events.cend());
    QCOMPARE(it->translations, translatedEvent().translations);
}

void TestBilingualData::germanTextsAreSearchable() {
    StoreError error;
    auto store = TimelineStore::open(path(u"t.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    ImportSummary summary;
    QVERIFY(store->importDataset(bilingualDataset(), ImportPolicy::Skip, &summary, &error));
    const auto count = [&store](const QString &text) {
        return store->countEvents(SearchQuery::toFtsExpression(text), {});
    };
    QCOMPARE(count(u"beschranken"_s), 1);         // the German title, folded
    QCOMPARE(count(u"Lizenz erforderlich"_s), 1); // the German summary
    const QList<EventSearch::EventHit> hits =
        store->searchEvents(SearchQuery::toFtsExpression(u"beschranken"_s), {}, 10);
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.at(0).eventId, store->eventByUid(translatedEvent().uid)->id);

    // An edit re-indexes them: the old German words no longer match, the new ones do.
    Event edited = *store->eventByUid(translatedEvent().uid);
    edited.translations[u"de"_s].title = u"USA verlangen Lizenzen"_s;
    QVERIFY2(store->saveEvent(edited, &error), qPrintable(error.message));
    QCOMPARE(count(u"beschranken"_s), 0);
    QCOMPARE(count(u"verlangen"_s), 1);
    edited.translations.clear();
    QVERIFY2(store->saveEvent(edited, &error), qPrintable(error.message));
    QCOMPARE(count(u"verlangen"_s), 0);
    QCOMPARE(count(u"H20"_s), 1);
    QVERIFY(!store->checkIntegrity(true).isError());
}

QTEST_GUILESS_MAIN(TestBilingualData)
#include "tst_bilingualdata.moc"
