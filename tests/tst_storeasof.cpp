// The timeline as of a revision (::storeAsOf, `--as-of`): for a scripted sequence of edits,
// deletions, a re-creation and a category change, the figure, the search and the list as of
// each revision equal those of a copy of the file taken at that revision, which really
// holds the data of then; and the store of then is the file's copy with only the items
// changed since put back (not a whole import). Where most events changed since, a figure is
// drawn from the dataset of then in memory (DatasetReads): its reads equal the file of
// then's for every filter, and its figures and their reproductions are the same pixels.

#include "BundledDatasetTestUtil.h"
#include "CommandLineTestUtil.h"
#include "app/CommandLine.h"
#include "model/DatasetReads.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/history/DatasetAsOf.h"
#include "model/history/StoreAsOf.h"
#include "ui/render/FigureProvenance.h"

#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// An SVG figure without its provenance record (which names the file and the moment).
QByteArray withoutMetadata(const QByteArray &svg) {
    static const QRegularExpression metadata(u"<metadata>.*</metadata>"_s,
                                             QRegularExpression::DotMatchesEverythingOption);
    return QString::fromUtf8(svg).remove(metadata).toUtf8();
}

} // namespace

class TestStoreAsOf : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void asOfEqualsTheFileOfThen_data();
    void asOfEqualsTheFileOfThen();
    void storeOfThenIsTheCopyTurnedBack();
    void datasetReadsAnswerAsTheFileOfThen_data();
    void datasetReadsAnswerAsTheFileOfThen();
    void figureAfterMostEventsChangedIsDrawnFromTheDataset();
    void figureDatasetLeavesOutOnlyWhatAFigureDoesNotRead();
    void storeFilledByImportKeepsTwoSourcesOfOneArticle();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    // Notes the revision just written and keeps a copy of the file as it is now.
    void keepPoint(const QString &name);

    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<TimelineStore> m_store;
    QList<std::pair<QString, qint64>> m_points; // name, revision
};

void TestStoreAsOf::keepPoint(const QString &name) {
    StoreError error;
    QVERIFY2(m_store->saveCopy(path(name + u".sqlite"_s), &error), qPrintable(error.message));
    m_points.append({name, m_store->latestRevision()});
}

void TestStoreAsOf::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_db = path(u"timeline.sqlite"_s);
    m_store = openBundledDataset(m_db);
    QVERIFY(m_store);
    keepPoint(u"imported"_s);
    StoreError error;

    // 1. An H20 event retitled and moved to another month.
    Event april = *m_store->eventByUid(BundledChain::april);
    april.title = u"H20 licence requirement (retitled)"_s;
    april.start = *PartialDate::parseIso(u"2025-05-02"_s);
    QVERIFY2(m_store->saveEvent(april, &error), qPrintable(error.message));
    keepPoint(u"edited"_s);

    // 2. An event of the H20 chain deleted (its relations go with it).
    const Event july = *m_store->eventByUid(BundledChain::july);
    QVERIFY2(m_store->deleteEvent(july.id, &error), qPrintable(error.message));
    keepPoint(u"deleted"_s);

    // 3. A new H20 event, and a source retitled.
    Event added;
    added.title = u"H20 shipments resume"_s;
    added.summary = u"Nvidia resumes H20 shipments after the licence is granted."_s;
    added.start = *PartialDate::parseIso(u"2025-07-20"_s);
    added.category = april.category;
    added.actors = {u"Nvidia"_s};
    added.chips = {u"H20"_s};
    QVERIFY2(m_store->saveEvent(added, &error), qPrintable(error.message));
    Source seed = *m_store->sourceByUid(BundledChain::seedSource);
    seed.title = u"A retitled seed article"_s;
    QVERIFY2(m_store->saveSource(seed, &error), qPrintable(error.message));
    keepPoint(u"added"_s);

    // 4. The deleted event re-created as it was (what undo does), the new one deleted.
    StoreChanges recreate;
    recreate.saveEvents << july;
    recreate.deleteEventUids << added.uid;
    recreate.keepModified = true;
    recreate.revisionKind = u"undo"_s;
    recreate.revisionSummary = u"undo delete"_s;
    QVERIFY2(m_store->applyChanges(recreate, &error), qPrintable(error.message));
    keepPoint(u"recreated"_s);

    // 5. A new category, with the August deal moved into it.
    Category deals;
    deals.name = u"deals"_s;
    deals.label = u"Deals"_s;
    deals.color = QColor(u"#aa3355"_s);
    deals.order = 9;
    QVERIFY2(m_store->saveCategory(deals, &error), qPrintable(error.message));
    Event deal = *m_store->eventByUid(BundledChain::deal);
    deal.category = deals.name;
    QVERIFY2(m_store->saveEvent(deal, &error), qPrintable(error.message));

    // 6. The seed source deleted (the relations quoting it lose that citation).
    QVERIFY2(m_store->deleteSource(seed.id, &error), qPrintable(error.message));
    keepPoint(u"now"_s);
    m_store.reset();
}

void TestStoreAsOf::asOfEqualsTheFileOfThen_data() {
    QTest::addColumn<QString>("point");
    QTest::addColumn<qint64>("revision");
    for (const auto &[name, revision] : std::as_const(m_points))
        QTest::newRow(qPrintable(name)) << name << revision;
}

void TestStoreAsOf::asOfEqualsTheFileOfThen() {
    QFETCH(QString, point);
    QFETCH(qint64, revision);
    const QString then = path(point + u".sqlite"_s);
    const QString asOf = u"r%1"_s.arg(revision);
    const QStringList filter{u"--query"_s, u"H20"_s, u"--category"_s, u"us-export-control"_s};
    for (const QString &format : {u"png"_s, u"svg"_s}) {
        const QString ofThen = path(point + u"-then."_s + format);
        const QString ofAsOf = path(point + u"-asof."_s + format);
        const QStringList figure{u"export"_s, u"--size"_s, u"800x600"_s, u"--format"_s, format};
        // The file of then, as of its own newest revision: the attribution line says "as of
        // revision N" in both.
        const Result made = run(QStringList{u"--db"_s, then} + figure + filter +
                                QStringList{u"--as-of"_s, asOf, u"--out"_s, ofThen});
        QVERIFY2(made.code == 0, qPrintable(made.err));
        const Result madeAsOf = run(QStringList{u"--db"_s, m_db} + figure + filter +
                                    QStringList{u"--as-of"_s, asOf, u"--out"_s, ofAsOf});
        QVERIFY2(madeAsOf.code == 0, qPrintable(madeAsOf.err));
        if (format == u"png"_s) {
            const QImage a(ofThen), b(ofAsOf);
            QCOMPARE(a.size(), QSize(1600, 1200));
            QVERIFY(a == b);
        } else {
            const QByteArray a = withoutMetadata(readAll(ofThen));
            QVERIFY(a.contains("H20"));
            QCOMPARE(withoutMetadata(readAll(ofAsOf)), a);
        }
    }
    // The same for the search and the list, with the category filter.
    for (const QStringList &command :
         {QStringList{u"search"_s, u"H20 licence"_s, u"--json"_s},
          QStringList{u"list"_s, u"--category"_s, u"us-export-control"_s, u"--json"_s}}) {
        const Result a = run(QStringList{u"--db"_s, then} + command);
        const Result b =
            run(QStringList{u"--db"_s, m_db} + command + QStringList{u"--as-of"_s, asOf});
        QCOMPARE(a.code, 0);
        QCOMPARE(b.code, 0);
        QVERIFY(a.out.size() > 100);
        QCOMPARE(b.out, a.out);
    }
}

void TestStoreAsOf::storeOfThenIsTheCopyTurnedBack() {
    StoreError error;
    auto store = TimelineStore::open(m_db, &error);
    QVERIFY2(store, qPrintable(error.message));
    const qint64 newest = store->latestRevision();
    const qint64 edited = m_points.at(1).second;
    QString failure;
    const StoreAsOf asOf = storeAsOf(*store, edited, &failure, AsOfDataset::Skip);
    QVERIFY2(asOf.store, qPrintable(failure));
    QCOMPARE(asOf.revision, edited);
    QVERIFY(asOf.dataset.events.isEmpty()); // not asked for
    // The file's own history: putting the items back records no revision of its own.
    QCOMPARE(asOf.store->latestRevision(), newest);
    QCOMPARE(asOf.store->eventCount(), 39);
    QCOMPARE(asOf.store->eventByUid(BundledChain::april)->title,
             u"H20 licence requirement (retitled)"_s);
    QVERIFY(!asOf.store->categories().isEmpty());
    // Every event and source as the file of then holds it.
    auto then = TimelineStore::open(path(u"edited.sqlite"_s), &error);
    QVERIFY2(then, qPrintable(error.message));
    QCOMPARE(asOf.store->sourceByUid(BundledChain::seedSource)->title,
             then->sourceByUid(BundledChain::seedSource)->title);
    QCOMPARE(asOf.store->events(), then->events());
    QCOMPARE(asOf.store->sources(), then->sources());
    QCOMPARE(asOf.store->categories(), then->categories());
    QCOMPARE(asOf.store->relations(), then->relations());
    // Asked for, the whole dataset of then comes along.
    const StoreAsOf withDataset = storeAsOf(*store, edited, &failure, AsOfDataset::Keep);
    QVERIFY2(withDataset.store, qPrintable(failure));
    QCOMPARE(withDataset.dataset, store->datasetAsOf(edited));
}

void TestStoreAsOf::datasetReadsAnswerAsTheFileOfThen_data() {
    QTest::addColumn<QString>("point");
    QTest::addColumn<qint64>("revision");
    for (const auto &[name, revision] : std::as_const(m_points))
        QTest::newRow(qPrintable(name)) << name << revision;
}

void TestStoreAsOf::datasetReadsAnswerAsTheFileOfThen() {
    QFETCH(QString, point);
    QFETCH(qint64, revision);
    StoreError error;
    auto live = TimelineStore::open(m_db, &error);
    QVERIFY2(live, qPrintable(error.message));
    auto then = TimelineStore::open(path(point + u".sqlite"_s), &error);
    QVERIFY2(then, qPrintable(error.message));
    // What ::storeAsOf gives a figure drawn from the dataset: the figure's fields turned back.
    const DatasetReads reads(
        datasetAsOf(live->figureDataset(), live->decidingChangesAfter(revision)));
    QVERIFY(!live->readError().isError());

    QCOMPARE(reads.categories(), then->categories());
    QCOMPARE(reads.actorNames(), then->actorNames()); // the store keeps no unused names here
    QCOMPARE(reads.chipNames(), then->chipNames());
    QList<EventFilter> filters(8);
    filters[1].categories = {u"us-export-control"_s};
    filters[2].actors = {u"Nvidia"_s, u"AMD"_s};
    filters[3].chips = {u"H20"_s};
    filters[4].statuses = {EventStatus::Reported};
    filters[5].fromJulianDay = QDate(2025, 5, 1).toJulianDay();
    filters[5].toJulianDay = QDate(2025, 8, 31).toJulianDay();
    filters[6].hasSources = false;
    filters[7].hasSources = true;
    filters[7].categories = {u"us-export-control"_s, u"china-policy"_s};
    for (const EventFilter &filter : std::as_const(filters)) {
        QVERIFY(DatasetReads::canSelect(filter));
        QCOMPARE(reads.eventIds(filter), then->eventIds(filter));
        for (const QString &language : {u"en"_s, u"de"_s}) {
            const TimelineData fromFile = TimelineDataQuery::load(*then, filter, language);
            const TimelineData fromDataset = TimelineDataQuery::load(reads, filter, language);
            QList<qint64> ids;
            for (qsizetype i = 0; i < fromFile.size(); ++i)
                ids << fromFile.id(i);
            QList<qint64> datasetIds;
            for (qsizetype i = 0; i < fromDataset.size(); ++i) {
                datasetIds << fromDataset.id(i);
                QCOMPARE(fromDataset.drawnLastDay(i), fromFile.drawnLastDay(i));
            }
            QCOMPARE(datasetIds, ids);
            const FigureSources::Map sources = FigureSources::load(*then, ids);
            QCOMPARE(FigureSources::load(reads, ids), sources);
            QCOMPARE(FigureProvenance::digestOf(fromDataset, sources),
                     FigureProvenance::digestOf(fromFile, sources));
        }
    }
    // Something to compare: the rescinded rule is drawn as ended, an event cites sources.
    const TimelineData all = TimelineDataQuery::load(reads, {}, u"en"_s);
    QVERIFY(all.size() >= 38);
    bool ended = false;
    for (qsizetype i = 0; i < all.size(); ++i)
        ended = ended || all.isForceEnded(i);
    QVERIFY(ended);
}

void TestStoreAsOf::figureAfterMostEventsChangedIsDrawnFromTheDataset() {
    // A copy of the timeline in which, after every point, one bulk edit changed every event.
    const QString db = path(u"bulk.sqlite"_s);
    QVERIFY(QFile::copy(m_db, db));
    StoreError error;
    {
        auto store = TimelineStore::open(db, &error);
        QVERIFY2(store, qPrintable(error.message));
        StoreChanges bulk;
        for (Event event : store->events()) {
            event.importance = event.importance == 3 ? 1 : event.importance + 1;
            bulk.saveEvents << event;
        }
        bulk.revisionKind = u"bulk"_s;
        bulk.revisionSummary = u"importance of every event"_s;
        QVERIFY2(store->applyChanges(bulk, &error), qPrintable(error.message));
        // As of "deleted": no store of then, the dataset of then.
        const qint64 deleted = m_points.at(2).second;
        QString failure;
        const StoreAsOf asOf = storeAsOf(*store, deleted, &failure, AsOfDataset::InsteadOfImport);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(asOf.revision, deleted);
        QVERIFY(!asOf.store);
        // The fields a figure reads, turned back
        // (figureDatasetLeavesOutOnlyWhatAFigureDoesNotRead).
        QCOMPARE(asOf.dataset,
                 datasetAsOf(store->figureDataset(), store->decidingChangesAfter(deleted)));
    }
    for (const auto &[point, revision] : std::as_const(m_points)) {
        const QString then = path(point + u".sqlite"_s);
        for (const QString &format : {u"png"_s, u"svg"_s}) {
            const QStringList figure{u"export"_s,  u"--size"_s, u"800x600"_s, u"--format"_s, format,
                                     u"--actor"_s, u"nvidia"_s, u"--lang"_s,  u"de"_s};
            const QString ofThen = path(point + u"-bulk-then."_s + format);
            const QString ofAsOf = path(point + u"-bulk-asof."_s + format);
            const Result made =
                run(QStringList{u"--db"_s, then} + figure +
                    QStringList{u"--as-of"_s, u"r%1"_s.arg(revision), u"--out"_s, ofThen});
            QVERIFY2(made.code == 0, qPrintable(made.err));
            const Result madeAsOf =
                run(QStringList{u"--db"_s, db} + figure +
                    QStringList{u"--as-of"_s, u"r%1"_s.arg(revision), u"--out"_s, ofAsOf});
            QVERIFY2(madeAsOf.code == 0, qPrintable(madeAsOf.err));
            if (format == u"png"_s) {
                QVERIFY(QImage(ofThen) == QImage(ofAsOf));
                // Redrawn from its record after the bulk edit: the same pixels, and the same
                // events and sources as the record's digest (no "differs").
                const QString again = path(point + u"-bulk-again.png"_s);
                const Result redrawn =
                    run({u"--db"_s, db, u"reproduce"_s, ofAsOf, u"--out"_s, again});
                QVERIFY2(redrawn.code == 0, qPrintable(redrawn.err));
                QVERIFY2(!redrawn.err.contains(u"differs"_s), qPrintable(redrawn.err));
                QVERIFY2(!redrawn.err.contains(u"redrawn by"_s), qPrintable(redrawn.err));
                QVERIFY(QImage(again) == QImage(ofAsOf));
            } else {
                const QByteArray a = withoutMetadata(readAll(ofThen));
                QVERIFY(a.contains("Nvidia"));
                QVERIFY(a.contains(u"Stand von Revision %1"_s.arg(revision).toUtf8()));
                QCOMPARE(withoutMetadata(readAll(ofAsOf)), a);
            }
        }
    }
}

// figureDataset() is dataset() with the fields no figure reads left empty: the rest (and the
// order) the same, so that a figure from either is the same figure.
void TestStoreAsOf::figureDatasetLeavesOutOnlyWhatAFigureDoesNotRead() {
    StoreError error;
    auto live = TimelineStore::open(m_db, &error);
    QVERIFY2(live, qPrintable(error.message));
    Dataset whole = live->dataset();
    const Dataset figure = live->figureDataset();
    QVERIFY(!live->readError().isError());
    // What is left out, there to be left out: summaries, quotes, excerpts.
    QVERIFY(std::any_of(whole.events.cbegin(), whole.events.cend(),
                        [](const Event &event) { return !event.summary.isEmpty(); }));
    QVERIFY(std::any_of(whole.sources.cbegin(), whole.sources.cend(),
                        [](const Source &source) { return !source.excerpt.isEmpty(); }));
    for (Event &event : whole.events) {
        event.summary.clear();
        event.created = {};
        event.modified = {};
        for (Citation &citation : event.citations)
            citation = {citation.sourceUid, {}, {}};
    }
    for (Source &source : whole.sources) {
        const Source kept = source;
        source = {};
        source.kind.clear();
        source.id = kept.id;
        source.uid = kept.uid;
        source.title = kept.title;
        source.outlet = kept.outlet;
        source.url = kept.url;
        source.doi = kept.doi;
        source.published = kept.published;
    }
    QCOMPARE(NativeJsonFormat::write(figure), NativeJsonFormat::write(whole));
    QCOMPARE(figure.events.size(), whole.events.size());
    // The German titles a figure in German draws are kept.
    QVERIFY(std::any_of(figure.events.cbegin(), figure.events.cend(),
                        [](const Event &event) { return !event.translations.isEmpty(); }));
}

// A store of then filled by an import (most events changed since) holds every source as the
// timeline had it: two records of one article (the same address and title, which an import
// of a file would merge) stay two, each cited where it was.
void TestStoreAsOf::storeFilledByImportKeepsTwoSourcesOfOneArticle() {
    const QString db = path(u"two-records.sqlite"_s);
    QVERIFY(QFile::copy(m_db, db));
    StoreError error;
    auto store = TimelineStore::open(db, &error);
    QVERIFY2(store, qPrintable(error.message));
    Event april = *store->eventByUid(BundledChain::april);
    QVERIFY(!april.citations.isEmpty());
    const std::optional<Source> first = store->sourceByUid(april.citations.constFirst().sourceUid);
    QVERIFY(first && !first->url.isEmpty());
    Source second = *first;
    second.id = 0;
    second.uid.clear();
    second.notes = u"A second record of the same article"_s;
    QVERIFY2(store->saveSource(second, &error), qPrintable(error.message));
    april.citations.append({second.uid, u"quoted from the second record"_s, {}});
    QVERIFY2(store->saveEvent(april, &error), qPrintable(error.message));
    const qint64 then = store->latestRevision();
    const Dataset datasetThen = store->dataset();
    StoreChanges bulk; // every event changed since: the store of then is filled by an import
    for (Event event : store->events()) {
        event.importance = event.importance == 3 ? 1 : event.importance + 1;
        bulk.saveEvents << event;
    }
    QVERIFY2(store->applyChanges(bulk, &error), qPrintable(error.message));
    QString failure;
    const StoreAsOf asOf = storeAsOf(*store, then, &failure, AsOfDataset::Skip);
    QVERIFY2(asOf.store, qPrintable(failure));
    QCOMPARE(asOf.store->sourceCount(), datasetThen.sources.size());
    QCOMPARE(asOf.store->eventByUid(BundledChain::april)->citations,
             store->eventByUid(BundledChain::april)->citations);
    QCOMPARE(NativeJsonFormat::write(asOf.store->dataset()), NativeJsonFormat::write(datasetThen));
    // Written as stored, by no one: no revision of its own beside the one that starts a file.
    auto fresh = TimelineStore::open(path(u"as-stored.sqlite"_s), &error);
    QVERIFY2(fresh, qPrintable(error.message));
    const qint64 start = fresh->latestRevision();
    QVERIFY2(fresh->importAsStored(datasetThen, &error), qPrintable(error.message));
    QCOMPARE(fresh->latestRevision(), start);
    QCOMPARE(NativeJsonFormat::write(fresh->dataset()), NativeJsonFormat::write(datasetThen));
}

QTEST_MAIN(TestStoreAsOf)
#include "tst_storeasof.moc"
