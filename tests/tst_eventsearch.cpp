#include "StoreLocationTestUtil.h"
#include "model/Dataset.h"
#include "model/EventSearch.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"

#include <QColor>
#include <QDate>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

// Ranked search on the real default dataset (39 events, 43 sources, five German seeds).
class tst_EventSearch : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void events_data();
    void events();
    void markedTitleAndSnippet();
    void searchWithFilters_data();
    void searchWithFilters();
    void filterQueryIsReplaced();
    void limit();
    void rankFunction();
    void cutInsideEqualRanks_data();
    void cutInsideEqualRanks();
    void manyMatchesFewKept();
    void sources_data();
    void sources();
    void sourceSnippetFromQuote();
    void repairedQueries_data();
    void repairedQueries();
    void nothingToSearch_data();
    void nothingToSearch();
    void withSearchText();
    void markerConversions();

private:
    [[nodiscard]] QStringList eventTitles(const QList<EventSearch::EventHit> &hits) const;
    [[nodiscard]] QStringList sourceTitles(const QList<EventSearch::SourceHit> &hits) const;
    [[nodiscard]] qint64 eventId(const QString &title) const;

    StoreLocations m_locations; // files, or databases on the server (StoreLocationTestUtil.h)
    std::unique_ptr<TimelineStore> m_store;
};

void tst_EventSearch::initTestCase() {
    if (!m_locations.start()) {
        if (m_locations.skipped())
            QSKIP("CHIPTIMELINE_TEST_PG is not set: no PostgreSQL server to test against "
                  "(scripts/test starts one with scripts/pg-cluster)");
        QFAIL("the PostgreSQL server CHIPTIMELINE_TEST_PG names cannot be used");
    }
    QVERIFY(m_locations.beginTest());
    InputError inputError;
    const std::optional<Dataset> dataset = NativeJsonFormat::readFile(
        QStringLiteral(CHIPTIMELINE_SOURCE_DIR "/resources/dataset/default.chiptimeline.json"),
        &inputError);
    QVERIFY2(dataset, qPrintable(inputError.message));
    StoreError error;
    m_store = TimelineStore::open(m_locations.location(u"search.sqlite"_s), &error);
    QVERIFY2(m_store, qPrintable(error.message));
    ImportSummary summary;
    QVERIFY2(m_store->importDataset(*dataset, ImportPolicy::Skip, &summary, &error),
             qPrintable(error.message));
    QCOMPARE(m_store->eventCount(), 39);
    QCOMPARE(m_store->sourceCount(), 43);
}

void tst_EventSearch::cleanupTestCase() {
    m_store.reset();
    m_locations.stop();
}

QStringList tst_EventSearch::eventTitles(const QList<EventSearch::EventHit> &hits) const {
    QStringList titles;
    for (const EventSearch::EventHit &hit : hits) {
        const std::optional<Event> event = m_store->event(hit.eventId);
        titles << (event ? event->title : u"?"_s);
        // The marked title is the stored title with markers added, nothing else.
        if (event && EventSearch::toPlain(hit.title) != event->title)
            titles << u"MISMATCH "_s + hit.title;
    }
    return titles;
}

QStringList tst_EventSearch::sourceTitles(const QList<EventSearch::SourceHit> &hits) const {
    QStringList titles;
    for (const EventSearch::SourceHit &hit : hits) {
        const std::optional<Source> source = m_store->source(hit.sourceId);
        titles << (source ? source->title : u"?"_s);
        if (source && EventSearch::toPlain(hit.title) != source->title)
            titles << u"MISMATCH "_s + hit.title;
    }
    return titles;
}

qint64 tst_EventSearch::eventId(const QString &title) const {
    for (const Event &event : m_store->events()) {
        if (event.title == title)
            return event.id;
    }
    return 0;
}

void tst_EventSearch::events_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("titles"); // best first

    // The three name MI308 once in the summary and once among the chips: equal evidence, so
    // time order.
    QTest::newRow("word") << u"MI308"_s
                          << QStringList{u"H20 licence requirement in force"_s,
                                         u"US signals H20 licences will be granted"_s,
                                         u"15% revenue-share deal (\"August 12 deal\")"_s};
    QTest::newRow("word, any case")
        << u"mi308"_s
        << QStringList{u"H20 licence requirement in force"_s,
                       u"US signals H20 licences will be granted"_s,
                       u"15% revenue-share deal (\"August 12 deal\")"_s};
    QTest::newRow("prefix")
        << u"export*"_s
        << QStringList{u"China bans gallium, germanium and antimony exports to the US"_s,
                       u"BIS case-by-case review for H200-class exports"_s,
                       // one match in the summary each: time order
                       u"Nvidia discloses US licence requirement for A100/H100"_s,
                       u"AI Diffusion Rule issued"_s, u"H20 licence requirement in force"_s,
                       u"House committee advances AI Overwatch Act"_s};
    // A word also finds the longer words that begin with it or contain it ("exports"), but
    // the event with the word itself comes first; the others follow as export* orders them.
    QTest::newRow("word: the whole word first, then longer words")
        << u"export"_s
        << QStringList{u"House committee advances AI Overwatch Act"_s,
                       u"China bans gallium, germanium and antimony exports to the US"_s,
                       u"BIS case-by-case review for H200-class exports"_s,
                       u"Nvidia discloses US licence requirement for A100/H100"_s,
                       u"AI Diffusion Rule issued"_s,
                       u"H20 licence requirement in force"_s};
    QTest::newRow("phrase") << u"\"H20 licence\""_s
                            << QStringList{u"H20 licence requirement in force"_s};
    // "China" in the German summary too: the German texts are searched.
    QTest::newRow("AND") << u"H20 AND China"_s
                         << QStringList{u"H20 licence requirement in force"_s, // H20 twice
                                        u"US signals H20 licences will be granted"_s,
                                        u"CAC summons Nvidia over H20 \"backdoor\" concerns"_s,
                                        u"Beijing discourages H20 purchases"_s,
                                        u"15% revenue-share deal (\"August 12 deal\")"_s};
    QTest::newRow("implicit AND") << u"H20 China"_s
                                  << QStringList{
                                         u"H20 licence requirement in force"_s,
                                         u"US signals H20 licences will be granted"_s,
                                         u"CAC summons Nvidia over H20 \"backdoor\" concerns"_s,
                                         u"Beijing discourages H20 purchases"_s,
                                         u"15% revenue-share deal (\"August 12 deal\")"_s};
    QTest::newRow("OR") << u"MI308 OR Blackwell"_s
                        << QStringList{
                               // summary + chips, either word (equally rare here): time order
                               u"H20 licence requirement in force"_s,
                               u"US signals H20 licences will be granted"_s,
                               u"15% revenue-share deal (\"August 12 deal\")"_s,
                               u"Trump–Xi meeting in Busan"_s,
                               u"Trump state visit to Beijing (unverified)"_s,
                               // summary only
                               u"Trump allows H200 sales to \"approved customers\" in China"_s};
    // NOT licence leaves out what "licence" finds, "licences" too.
    QTest::newRow("NOT") << u"H20 NOT licence"_s
                         << QStringList{u"H20 orders open"_s, // title, summary, chips: time order
                                        u"CAC summons Nvidia over H20 \"backdoor\" concerns"_s,
                                        u"Beijing discourages H20 purchases"_s,
                                        // summary and chips
                                        u"Claim: DeepSeek-R1 trained on 50,000 Hopper GPUs"_s,
                                        u"15% revenue-share deal (\"August 12 deal\")"_s};
    QTest::newRow("parentheses")
        << u"(H20 OR H200) AND China NOT licence"_s
        << QStringList{u"Trump allows H200 sales to \"approved customers\" in China"_s,
                       u"China approves first H200 imports"_s,
                       u"China customs blocks H200"_s,
                       u"CAC summons Nvidia over H20 \"backdoor\" concerns"_s,
                       u"Beijing discourages H20 purchases"_s,
                       u"15% revenue-share deal (\"August 12 deal\")"_s};
    QTest::newRow("actor name") << u"SiliconFlow"_s
                                << QStringList{u"Huawei/SiliconFlow paper claims Ascend cluster "
                                               "beats H800 on DeepSeek-R1"_s};
    QTest::newRow("hyphenated word")
        << u"DeepSeek-V3.2"_s << QStringList{u"DeepSeek-V3.2 released"_s};
    QTest::newRow("no match") << u"semiconductorzzz"_s << QStringList{};
    // The German word is in an event's German summary ("Verzögerung von DeepSeeks R2").
    QTest::newRow("German word, folded")
        << u"Verzogerung"_s << QStringList{u"Alibaba releases Qwen3"_s};
}

void tst_EventSearch::events() {
    QFETCH(QString, text);
    QFETCH(QStringList, titles);
    QString hint = u"stale"_s;
    const QList<EventSearch::EventHit> hits =
        EventSearch::searchEvents(*m_store, text, {}, 100, &hint);
    if (StoreLocations::onServer()) {
        // The same hits; their order is PostgreSQL's ts_rank, not FTS5's bm25.
        QStringList found = eventTitles(hits), expected = titles;
        found.sort();
        expected.sort();
        QCOMPARE(found, expected);
    } else {
        QCOMPARE(eventTitles(hits), titles);
    }
    QCOMPARE(hint, QString());
    QCOMPARE(EventSearch::countEvents(*m_store, text), titles.size());
    for (qsizetype i = 1; i < hits.size(); ++i)
        QVERIFY(hits[i - 1].rank <= hits[i].rank);
}

void tst_EventSearch::markedTitleAndSnippet() {
    const QString o = QString(EventSearch::MatchStart);
    const QString c = QString(EventSearch::MatchEnd);

    QList<EventSearch::EventHit> hits = EventSearch::searchEvents(*m_store, u"\"H20 licence\""_s);
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits[0].title, o + u"H20 licence"_s + c + u" requirement in force"_s);
    // The phrase is not in the summary: its first words are shown, unmarked. (Snippets are
    // each backend's own: FTS5's 16-token window, or ts_headline's choice on a server.)
    if (!StoreLocations::onServer())
        QCOMPARE(hits[0].snippet,
                 u"The US told Nvidia on 2025-04-09 that H20 exports to China need a licence…"_s);
    QVERIFY(hits[0].snippet.startsWith(u"The US told Nvidia on 2025"_s));

    hits = EventSearch::searchEvents(*m_store, u"MI308"_s);
    QCOMPARE(hits.size(), 3);
    QCOMPARE(hits[1].title, u"US signals H20 licences will be granted"_s);
    if (StoreLocations::onServer())
        QVERIFY(EventSearch::toBrackets(hits[1].snippet).contains(u"AMD's [MI308] was"_s));
    else
        QCOMPARE(EventSearch::toBrackets(hits[1].snippet),
                 u"…to China would be granted; AMD's [MI308] was cleared too. USA signalisieren "
                 "Erteilung von H20…"_s);

    hits = EventSearch::searchEvents(*m_store, u"export*"_s);
    if (StoreLocations::onServer()) {
        // Ranked by ts_rank: the same event, perhaps at another place.
        const auto bis = std::find_if(hits.cbegin(), hits.cend(), [](const auto &hit) {
            return EventSearch::toBrackets(hit.title) ==
                   u"BIS case-by-case review for H200-class [exports]"_s;
        });
        QVERIFY(bis != hits.cend());
        QVERIFY2(
            EventSearch::toHtml(bis->snippet).contains(u"<b>exports</b> to case-by-case review"_s),
            qPrintable(EventSearch::toHtml(bis->snippet)));
        return;
    }
    QCOMPARE(EventSearch::toBrackets(hits[1].title),
             u"BIS case-by-case review for H200-class [exports]"_s);
    QCOMPARE(EventSearch::toHtml(hits[1].snippet),
             u"BIS moved licences for H200-class <b>exports</b> to case-by-case review, "
             "effective 2026-01-15…"_s);
}

void tst_EventSearch::searchWithFilters_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<EventFilter>("filter");
    QTest::addColumn<QStringList>("titles");

    EventFilter china;
    china.categories = {u"china-policy"_s};
    QTest::newRow("category") << u"H20"_s << china
                              << QStringList{u"CAC summons Nvidia over H20 \"backdoor\" concerns"_s,
                                             u"Beijing discourages H20 purchases"_s};
    EventFilter reported;
    reported.statuses = {EventStatus::Reported};
    QTest::newRow("status") << u"H20"_s << reported
                            << QStringList{u"Claim: DeepSeek-R1 trained on 50,000 Hopper GPUs"_s};
    EventFilter august;
    august.fromJulianDay = QDate(2025, 8, 1).toJulianDay();
    august.toJulianDay = QDate(2025, 8, 31).toJulianDay();
    QTest::newRow("date range") << u"Nvidia"_s << august
                                << QStringList{
                                       u"15% revenue-share deal (\"August 12 deal\")"_s,
                                       u"FT: DeepSeek R2 delayed by Ascend training failures"_s};
    EventFilter amd;
    amd.actors = {u"AMD"_s};
    amd.chips = {u"H20"_s};
    QTest::newRow("actor and chip") << u"licence*"_s << amd
                                    << QStringList{u"H20 licence requirement in force"_s,
                                                   u"US signals H20 licences will be granted"_s};
    EventFilter unsourced;
    unsourced.hasSources = false;
    QTest::newRow("no event without sources") << u"H20"_s << unsourced << QStringList{};
    EventFilter nobody;
    nobody.actors = {u"Nobody"_s};
    QTest::newRow("unknown name") << u"H20"_s << nobody << QStringList{};
}

void tst_EventSearch::searchWithFilters() {
    QFETCH(QString, text);
    QFETCH(EventFilter, filter);
    QFETCH(QStringList, titles);
    QCOMPARE(eventTitles(EventSearch::searchEvents(*m_store, text, filter)), titles);
    QCOMPARE(EventSearch::countEvents(*m_store, text, filter), titles.size());
}

void tst_EventSearch::filterQueryIsReplaced() {
    EventFilter filter;
    filter.query = u"\"Huawei\""_s;
    QCOMPARE(EventSearch::searchEvents(*m_store, u"MI308"_s, filter).size(), 3);
}

void tst_EventSearch::limit() {
    const QList<EventSearch::EventHit> all =
        EventSearch::searchEvents(*m_store, u"Nvidia OR Huawei"_s);
    QCOMPARE(all.size(), 21);
    QCOMPARE(EventSearch::countEvents(*m_store, u"Nvidia OR Huawei"_s), 21);
    const QList<EventSearch::EventHit> five =
        EventSearch::searchEvents(*m_store, u"Nvidia OR Huawei"_s, {}, 5);
    QCOMPARE(five, all.mid(0, 5));
    QCOMPARE(EventSearch::searchEvents(*m_store, u"Nvidia"_s, {}, 0).size(), 0);
}

// chiptimeline_rank on a small fixed store: the weighted count of matches, saturated; a title
// match beats a summary match, more matches beat fewer, equal evidence goes in time order.
void tst_EventSearch::rankFunction() {
    if (StoreLocations::onServer())
        QSKIP("about SQLite's bm25 ranking function; the server ranks with ts_rank");
    Dataset dataset;
    dataset.categories << Category{0, u"industry"_s, u"industry"_s, QColor(u"#808080"_s), 1};
    const auto add = [&dataset](const QString &title, const QString &summary, PartialDate start,
                                const QStringList &chips = {}) {
        Event event;
        event.uid = u"20000000-0000-4000-8000-%1"_s.arg(dataset.events.size(), 12, 10, QChar(u'0'));
        event.title = title;
        event.summary = summary;
        event.start = start;
        event.category = u"industry"_s;
        event.chips = chips;
        dataset.events << event;
    };
    add(u"Gallium export ban"_s, u"Beijing restricts the metal."_s,
        PartialDate::fromYmd(2023, 7, 3));
    add(u"Chip rules"_s, u"Gallium and more gallium, and germanium."_s,
        PartialDate::fromYmd(2023, 1, 1));
    add(u"Later note"_s, u"Gallium is mentioned once."_s, PartialDate::fromYmd(2022, 5, 1));
    add(u"Earlier note"_s, u"Gallium is mentioned once too."_s, PartialDate::fromYear(2021));
    add(u"Named only"_s, u"Nothing about metals."_s, PartialDate::fromYmd(2020, 1, 1),
        {u"gallium"_s});
    add(u"Unrelated"_s, u"Nothing at all."_s, PartialDate::fromYmd(2019, 1, 1));
    StoreError error;
    const std::unique_ptr<TimelineStore> store =
        TimelineStore::open(m_locations.location(u"rank.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    ImportSummary summary;
    QVERIFY2(store->importDataset(dataset, ImportPolicy::Skip, &summary, &error),
             qPrintable(error.message));

    const QList<EventSearch::EventHit> hits = EventSearch::searchEvents(*store, u"gallium"_s);
    QStringList titles;
    QList<double> ranks;
    for (const EventSearch::EventHit &hit : hits) {
        titles << EventSearch::toPlain(hit.title);
        ranks << hit.rank;
    }
    QCOMPARE(titles, (QStringList{u"Gallium export ban"_s, u"Chip rules"_s, u"Named only"_s,
                                  u"Earlier note"_s, u"Later note"_s}));
    // -tf·2.2/(tf+1.2), tf = 10 per title match, 5 per name, 3 per summary match.
    const auto expected = [](double tf) {
        return -(tf * 2.2 / (tf + 1.2));
    };
    QCOMPARE(ranks,
             (QList<double>{expected(10), expected(6), expected(5), expected(3), expected(3)}));
    // The cut falls inside the two equal ranks: the earlier event is kept.
    const QList<EventSearch::EventHit> four =
        EventSearch::searchEvents(*store, u"gallium"_s, {}, 4);
    QCOMPARE(four, hits.mid(0, 4));

    // Two words: each phrase weighted by its rarity (germanium is in one event, gallium in
    // five of six), so the one event with both, and the rare word, comes first.
    const QList<EventSearch::EventHit> both =
        EventSearch::searchEvents(*store, u"gallium OR germanium"_s);
    QCOMPARE(both.size(), 5);
    QCOMPARE(EventSearch::toPlain(both[0].title), u"Chip rules"_s);
    QVERIFY(both[0].rank < both[1].rank);

    // Sources: title beats excerpt; equal evidence in id order.
    QList<Source> sources;
    for (int i = 0; i < 3; ++i) {
        Source source;
        source.uid = u"30000000-0000-4000-8000-%1"_s.arg(i, 12, 10, QChar(u'0'));
        source.title = i == 2 ? u"Gallium controls"_s : u"Report %1"_s.arg(i);
        source.excerpt = i == 2 ? u"About metals."_s : u"On gallium."_s;
        sources << source;
    }
    Dataset sourceSet;
    sourceSet.sources = sources;
    QVERIFY2(store->importDataset(sourceSet, ImportPolicy::Skip, &summary, &error),
             qPrintable(error.message));
    QStringList sourceTitles;
    for (const EventSearch::SourceHit &hit : EventSearch::searchSources(*store, u"gallium"_s))
        sourceTitles << EventSearch::toPlain(hit.title);
    QCOMPARE(sourceTitles, (QStringList{u"Gallium controls"_s, u"Report 0"_s, u"Report 1"_s}));
}

// Without a filter the best rows are chosen from the index and only the equal ranks at the cut
// are put in time order; with a filter SQLite orders the joined rows. Both give the same rows
// in the same order, whatever the limit.
void tst_EventSearch::cutInsideEqualRanks_data() {
    QTest::addColumn<QString>("text");
    for (const QString &text : {u"H20"_s, u"Nvidia"_s, u"licence*"_s, u"China"_s,
                                u"Nvidia OR Huawei"_s, u"export*"_s, u"US"_s})
        QTest::newRow(qPrintable(text)) << text;
}

void tst_EventSearch::cutInsideEqualRanks() {
    QFETCH(QString, text);
    EventFilter everything;
    everything.fromJulianDay = 0; // a filter every event passes: ranks through the join
    const int count = EventSearch::countEvents(*m_store, text);
    QVERIFY(count > 3);
    for (int limit = 1; limit <= count + 1; ++limit) {
        const QList<EventSearch::EventHit> fromIndex =
            EventSearch::searchEvents(*m_store, text, {}, limit);
        const QList<EventSearch::EventHit> joined =
            EventSearch::searchEvents(*m_store, text, everything, limit);
        QCOMPARE(fromIndex.size(), std::min(limit, count));
        QCOMPARE(fromIndex, joined);
    }
}

// More than a thousand matches per row kept: the highlights are then read with one FTS5 query
// per kept id instead of one pass over the matches. Same hits either way.
void tst_EventSearch::manyMatchesFewKept() {
    Dataset dataset;
    dataset.categories << Category{0, u"industry"_s, u"industry"_s, QColor(u"#808080"_s), 1};
    for (int i = 0; i < 1200; ++i) {
        Event event;
        event.uid = u"40000000-0000-4000-8000-%1"_s.arg(i, 12, 10, QChar(u'0'));
        event.title = i % 7 == 0 ? u"Gallium note %1"_s.arg(i) : u"Note %1"_s.arg(i);
        event.summary = u"Gallium %1 and more."_s.arg(i % 3 == 0 ? u"gallium"_s : u"tin"_s);
        event.start = PartialDate::fromDate(QDate(2020, 1, 1).addDays((i * 37) % 1000));
        event.category = u"industry"_s;
        dataset.events << event;
    }
    StoreError error;
    const std::unique_ptr<TimelineStore> store =
        TimelineStore::open(m_locations.location(u"many.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    ImportSummary summary;
    QVERIFY2(store->importDataset(dataset, ImportPolicy::Skip, &summary, &error),
             qPrintable(error.message));
    EventFilter everything;
    everything.fromJulianDay = 0;
    for (const QString &text : {u"gallium"_s, u"gall*"_s, u"gallium NOT tin"_s}) {
        const QList<EventSearch::EventHit> one = EventSearch::searchEvents(*store, text, {}, 1);
        QCOMPARE(one.size(), 1);
        QCOMPARE(one, EventSearch::searchEvents(*store, text, everything, 1));
        QVERIFY(EventSearch::toPlain(one[0].title).startsWith(u"Gallium note"_s));
        QVERIFY(one[0].title.contains(EventSearch::MatchStart));
        QVERIFY(one[0].snippet.contains(EventSearch::MatchStart));
    }
}

void tst_EventSearch::sources_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("titles");

    const QString seed000 = u"DeepSeek R2 verzögert sich durch Huawei Chips"_s;
    const QString seed001 =
        u"Verzögerung bei DeepSeeks R2-KI-Modell: Chinesische Behörden empfehlen "
        "Huawei-KI-Chips, während Peking nach NVIDIA-Alternativen sucht"_s;
    const QString seed002 = u"Das Pekinger KI-Unternehmen Deepseek hat die mit Spannung "
                            "erwartete Veröffentlichung seines neuen KI-Modells, R2, …"_s;
    const QString seed003 = u"DeepSeek: Verzögerungen bei der Entwicklung des nächsten "
                            "KI-Modells durch NVIDIA GPU-Exportbeschränkungen nach China"_s;
    const QString seed004 =
        u"DeepSeek verschiebt Modellstart nach Problemen mit Huaweis KI-Chips"_s;

    // seed001 has the word in its title; seed002 and seed004 once in a quote each (equal
    // evidence: id order); seed003 only the plural "Verzögerungen", so it comes last.
    QTest::newRow("umlaut typed without")
        << u"Verzogerung"_s << QStringList{seed001, seed002, seed004, seed003};
    QTest::newRow("umlaut typed") << u"Verzögerung"_s
                                  << QStringList{seed001, seed002, seed004, seed003};
    QTest::newRow("upper case") << u"VERZÖGERUNG"_s
                                << QStringList{seed001, seed002, seed004, seed003};
    QTest::newRow("prefix reaches the plural")
        << u"verzogerung*"_s << QStringList{seed001, seed003, seed002, seed004};
    QTest::newRow("compound prefix") << u"exportbeschrankung*"_s << QStringList{seed003, seed004};
    QTest::newRow("quote word") << u"eingeschrankt"_s << QStringList{seed003};
    QTest::newRow("verb") << u"verzogert"_s << QStringList{seed000};
    QTest::newRow("outlet") << u"\"Eulerpool News\""_s << QStringList{seed004};
    QTest::newRow("English title") << u"MI308"_s
                                   << QStringList{u"Lincoln Daily News report on the 15% "
                                                  "revenue-share deal for H20/MI308 sales in "
                                                  "China"_s};
    // Notes are the curator's, not the source's: not searched.
    QTest::newRow("notes not searched") << u"retrieved"_s << QStringList{};
}

void tst_EventSearch::sources() {
    QFETCH(QString, text);
    QFETCH(QStringList, titles);
    // Known gap: PostgreSQL's parser reads "H20/MI308" as one path token, so its parts are
    // not words there (needs a migration mapping `file` tokens; docs/team.md).
    if (StoreLocations::onServer() && text == u"MI308"_s)
        QSKIP("'H20/MI308' is one token to PostgreSQL's text search parser");
    QString hint = u"stale"_s;
    QCOMPARE(sourceTitles(EventSearch::searchSources(*m_store, text, 100, &hint)), titles);
    QCOMPARE(hint, QString());
    QCOMPARE(EventSearch::countSources(*m_store, text), titles.size());
}

void tst_EventSearch::sourceSnippetFromQuote() {
    QList<EventSearch::SourceHit> hits = EventSearch::searchSources(*m_store, u"eingeschrankt"_s);
    QCOMPARE(hits.size(), 1);
    if (StoreLocations::onServer())
        QVERIFY(EventSearch::toBrackets(hits[0].snippet)
                    .endsWith(u"KI-Training und -Inference [eingeschränkt]."_s));
    else
        QCOMPARE(EventSearch::toBrackets(hits[0].snippet),
                 u"…hat im April 2025 den Verkauf von NVIDIA H20-Prozessoren für KI-Training und "
                 "-Inference [eingeschränkt]."_s);
    hits = EventSearch::searchSources(*m_store, u"exportbeschrankung*"_s);
    QCOMPARE(hits.size(), 2);
    // Matched in the title; the excerpt holds no match, so its opening is shown.
    QCOMPARE(EventSearch::toBrackets(hits[0].title),
             u"DeepSeek: Verzögerungen bei der Entwicklung des nächsten KI-Modells durch NVIDIA "
             "GPU-[Exportbeschränkungen] nach China"_s);
    if (StoreLocations::onServer())
        QVERIFY(hits[0].snippet.startsWith(u"Die chinesische KI-Firma DeepSeek hat"_s));
    else
        QCOMPARE(hits[0].snippet, u"Die chinesische KI-Firma DeepSeek hat mit ihrem R1-Modell viel "
                                  "Aufmerksamkeit erregt, doch die Entwicklung…"_s);
    hits = EventSearch::searchSources(*m_store, u"\"Eulerpool News\""_s);
    QCOMPARE(hits.size(), 1);
    QCOMPARE(EventSearch::toBrackets(hits[0].snippet), u"[Eulerpool News]"_s);
}

void tst_EventSearch::repairedQueries_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("sameAs");

    QTest::newRow("unclosed quote") << u"\"H20 licence"_s << u"\"H20 licence\""_s;
    QTest::newRow("trailing OR") << u"MI308 OR"_s << u"MI308"_s;
    QTest::newRow("leading AND") << u"AND MI308"_s << u"MI308"_s;
    QTest::newRow("unclosed group") << u"(MI308 OR Blackwell"_s << u"MI308 OR Blackwell"_s;
    QTest::newRow("stray close") << u"MI308)"_s << u"MI308"_s;
    QTest::newRow("OR NOT") << u"MI308 OR NOT H20"_s << u"MI308"_s;
    QTest::newRow("AND NOT") << u"H20 AND NOT licence"_s << u"H20 NOT licence"_s;
    QTest::newRow("column-like") << u"title:H20"_s << u"\"title H20\""_s;
}

void tst_EventSearch::repairedQueries() {
    QFETCH(QString, text);
    QFETCH(QString, sameAs);
    QString hint;
    const QList<EventSearch::EventHit> hits =
        EventSearch::searchEvents(*m_store, text, {}, 100, &hint);
    QCOMPARE(hits, EventSearch::searchEvents(*m_store, sameAs));
    if (text != u"H20 AND NOT licence" && text != u"title:H20")
        QVERIFY(!hint.isEmpty());
}

void tst_EventSearch::nothingToSearch_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("hint");

    const QString nothing = u"Nothing to search for: type a word."_s;
    QTest::newRow("quote") << u"\""_s
                           << u"The quote was not closed, so it runs to the end. "_s + nothing;
    QTest::newRow("star") << u"*"_s << nothing;
    QTest::newRow("open") << u"("_s
                          << u"A \")\" was missing; it was added at the end. "_s + nothing;
    QTest::newRow("AND OR") << u"AND OR"_s
                            << u"AND needs a word on both sides; it was ignored. OR needs a word "
                               "on both sides; it was ignored. "_s +
                                   nothing;
    QTest::newRow("punctuation") << u"?!"_s << nothing;
    QTest::newRow("blank") << u"  "_s << QString();
}

void tst_EventSearch::nothingToSearch() {
    QFETCH(QString, text);
    QFETCH(QString, hint);
    QString eventHint = u"stale"_s;
    QString sourceHint = u"stale"_s;
    QCOMPARE(EventSearch::searchEvents(*m_store, text, {}, 100, &eventHint).size(), 0);
    QCOMPARE(EventSearch::searchSources(*m_store, text, 100, &sourceHint).size(), 0);
    QCOMPARE(eventHint, hint);
    QCOMPARE(sourceHint, hint);
    QCOMPARE(EventSearch::countSources(*m_store, text), 0);
    // For the timeline, text without a word restricts nothing.
    QCOMPARE(EventSearch::countEvents(*m_store, text), 39);
}

void tst_EventSearch::withSearchText() {
    EventFilter filter;
    filter.categories = {u"industry"_s};
    const EventFilter searched = EventSearch::withSearchText(filter, u"Huawei OR"_s);
    QCOMPARE(searched.query, u"\"Huawei\""_s);
    QCOMPARE(searched.categories, filter.categories);
    const QList<Event> events = m_store->events(searched);
    QStringList titles;
    for (const Event &event : events)
        titles << event.title;
    QCOMPARE(titles,
             (QStringList{
                 u"Huawei readies Ascend 910C mass shipments"_s,
                 u"Huawei/SiliconFlow paper claims Ascend cluster beats H800 on DeepSeek-R1"_s,
                 u"FT: DeepSeek R2 delayed by Ascend training failures"_s,
                 u"Huawei Ascend roadmap"_s,
             }));
    QCOMPARE(EventSearch::withSearchText(filter, u"*"_s).query, QString());
    QVERIFY(eventId(u"Huawei Ascend roadmap"_s) > 0);
}

void tst_EventSearch::markerConversions() {
    const QString marked = u"a<\uE000b&c\uE001> \uE000d\uE001"_s;
    QCOMPARE(EventSearch::toHtml(marked), u"a&lt;<b>b&amp;c</b>&gt; <b>d</b>"_s);
    QCOMPARE(EventSearch::toBrackets(marked), u"a<[b&c]> [d]"_s);
    QCOMPARE(EventSearch::toPlain(marked), u"a<b&c> d"_s);
}

QTEST_GUILESS_MAIN(tst_EventSearch)
#include "tst_eventsearch.moc"
