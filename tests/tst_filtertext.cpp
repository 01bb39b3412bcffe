#include "model/FilterText.h"
#include "model/SearchQuery.h"
#include "model/store/TimelineStore.h"

#include <QDate>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The shareable text form of a filter: exact round trips, errors with their column, and
// saved views that keep it across a restart.
class tst_FilterText : public QObject {
    Q_OBJECT

private slots:
    void format_data();
    void format();
    void roundTripFromText_data();
    void roundTripFromText();
    void roundTripFromFilter_data();
    void roundTripFromFilter();
    void lenientInput_data();
    void lenientInput();
    void errors_data();
    void errors();
    void savedViewSurvivesRestart();
};

namespace {

qint64 day(int y, int m, int d) {
    return QDate(y, m, d).toJulianDay();
}

} // namespace

void tst_FilterText::format_data() {
    QTest::addColumn<EventFilter>("filter");
    QTest::addColumn<QString>("searchText");
    QTest::addColumn<QString>("text");

    QTest::newRow("nothing") << EventFilter{} << QString() << QString();
    EventFilter full;
    full.categories = {u"us-export-control"_s};
    full.actors = {u"Nvidia"_s};
    full.statuses = {EventStatus::Reported};
    full.fromJulianDay = day(2025, 4, 1);
    full.toJulianDay = day(2025, 8, 31);
    full.hasSources = false;
    QTest::newRow("the example")
        << full << u"H20 licence"_s
        << u"q:\"H20 licence\" category:us-export-control actor:Nvidia status:reported "
           "from:2025-04 to:2025-08 sources:no"_s;
    EventFilter names;
    names.actors = {u"US Commerce/BIS"_s, u"AMD"_s};
    names.chips = {u"Ascend 910C"_s};
    names.tags = {u"say \"hi\""_s, u"back\\slash"_s};
    QTest::newRow("quoted names")
        << names << QString()
        << u"actor:\"US Commerce/BIS\" actor:AMD chip:\"Ascend 910C\" tag:\"say \\\"hi\\\"\" "
           "tag:\"back\\\\slash\""_s;
    QTest::newRow("search with quotes") << EventFilter{} << u"\"H20 licence\" OR Nvidia"_s
                                        << u"q:\"\\\"H20 licence\\\" OR Nvidia\""_s;
    QTest::newRow("one word") << EventFilter{} << u"export*"_s << u"q:export*"_s;
    EventFilter days;
    days.fromJulianDay = day(2025, 4, 9);
    days.toJulianDay = day(2025, 7, 14);
    days.hasSources = true;
    days.statuses = {EventStatus::Confirmed, EventStatus::Disputed};
    QTest::newRow("days") << days << QString()
                          << u"status:confirmed status:disputed from:2025-04-09 to:2025-07-14 "
                             "sources:yes"_s;
    EventFilter years;
    years.fromJulianDay = day(2024, 1, 1);
    years.toJulianDay = day(2026, 12, 31);
    QTest::newRow("years") << years << QString() << u"from:2024 to:2026"_s;
    EventFilter february;
    february.toJulianDay = day(2024, 2, 29);
    QTest::newRow("leap month") << february << QString() << u"to:2024-02"_s;
    EventFilter unicode;
    unicode.actors = {u"Bundesministerium für Wirtschaft"_s};
    QTest::newRow("unicode") << unicode << u"Beschränkung*"_s
                             << u"q:Beschränkung* actor:\"Bundesministerium für Wirtschaft\""_s;
}

void tst_FilterText::format() {
    QFETCH(EventFilter, filter);
    QFETCH(QString, searchText);
    QFETCH(QString, text);
    filter.query = u"\"ignored\""_s; // the search text is written, not the FTS expression
    QCOMPARE(FilterText::format(filter, searchText), text);
}

void tst_FilterText::roundTripFromText_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("example") << u"q:\"H20 licence\" category:us-export-control actor:Nvidia "
                                "status:reported from:2025-04 to:2025-08 sources:no"_s;
    QTest::newRow("escapes") << u"q:\"a \\\"b\\\" \\\\ c\" tag:\"x y\""_s;
    QTest::newRow("colon in value") << u"actor:a:b chip:\"c: d\""_s;
    QTest::newRow("days") << u"from:2025-04-09 to:2025-04-09"_s;
    QTest::newRow("all fields")
        << u"q:NOT category:a category:b actor:c chip:d tag:e status:disputed from:1999 "
           "to:2001-02 sources:yes"_s;
}

void tst_FilterText::roundTripFromText() {
    QFETCH(QString, text);
    FilterText::Error error;
    const std::optional<FilterText::Parsed> parsed = FilterText::parse(text, &error);
    QVERIFY2(parsed, qPrintable(error.toString()));
    QCOMPARE(FilterText::format(parsed->filter, parsed->searchText), text);
}

void tst_FilterText::roundTripFromFilter_data() {
    format_data();
}

void tst_FilterText::roundTripFromFilter() {
    QFETCH(EventFilter, filter);
    QFETCH(QString, searchText);
    const std::optional<FilterText::Parsed> parsed =
        FilterText::parse(FilterText::format(filter, searchText));
    QVERIFY(parsed);
    QCOMPARE(parsed->searchText, searchText);
    filter.query = SearchQuery::toFtsExpression(searchText);
    QVERIFY(parsed->filter == filter);
}

void tst_FilterText::lenientInput_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("extra spaces") << u"  actor:Nvidia   chip:H20  "_s << u"actor:Nvidia chip:H20"_s;
    QTest::newRow("bare words are search text")
        << u"H20 licence actor:Nvidia"_s << u"q:\"H20 licence\" actor:Nvidia"_s;
    QTest::newRow("quoted bare word") << u"\"H20 licence\""_s << u"q:\"H20 licence\""_s;
    QTest::newRow("field order") << u"sources:yes actor:b q:x actor:a"_s
                                 << u"q:x actor:b actor:a sources:yes"_s;
    QTest::newRow("longer form of a day")
        << u"from:2025-01-01 to:2025-12-31"_s << u"from:2025 to:2025"_s;
    QTest::newRow("month as a day")
        << u"from:2025-03-01 to:2025-03-31"_s << u"from:2025-03 to:2025-03"_s;
    QTest::newRow("quoted plain value") << u"actor:\"Nvidia\""_s << u"actor:Nvidia"_s;
    QTest::newRow("empty q") << u"q:\"\""_s << QString();
}

void tst_FilterText::lenientInput() {
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    FilterText::Error error;
    const std::optional<FilterText::Parsed> parsed = FilterText::parse(text, &error);
    QVERIFY2(parsed, qPrintable(error.toString()));
    QCOMPARE(FilterText::format(parsed->filter, parsed->searchText), canonical);
}

void tst_FilterText::errors_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    QTest::newRow("unknown field")
        << u"actor:Nvidia colour:red"_s
        << u"column 14: unknown field \"colour\" (q, category, actor, chip, tag, status, from, "
           "to, sources)"_s;
    QTest::newRow("empty value") << u"actor:"_s << u"column 7: \"actor\" needs a value"_s;
    QTest::newRow("empty quoted value") << u"chip:\"\""_s << u"column 6: \"chip\" needs a value"_s;
    QTest::newRow("unclosed quote") << u"q:\"H20 licence"_s << u"column 3: quote not closed"_s;
    QTest::newRow("text after quote")
        << u"actor:\"US gov\"x"_s << u"column 15: a space is needed after the closing quote"_s;
    QTest::newRow("quote inside value")
        << u"actor:US\"gov"_s << u"column 9: a quote may only open a value"_s;
    QTest::newRow("bad escape") << u"tag:\"a\\nb\""_s
                                << u"column 7: unknown escape \"\\n\" (use \\\" or \\\\)"_s;
    QTest::newRow("status")
        << u"status:rumour"_s
        << u"column 8: unknown status \"rumour\" (confirmed, reported, disputed)"_s;
    QTest::newRow("date")
        << u"from:2025-02-30"_s
        << u"column 6: \"2025-02-30\": day 30 does not exist in February 2025 (YYYY, YYYY-MM or "
           "YYYY-MM-DD)"_s;
    QTest::newRow("sources") << u"sources:maybe"_s
                             << u"column 9: sources is yes or no, not \"maybe\""_s;
    QTest::newRow("twice") << u"from:2024 from:2025"_s << u"column 11: \"from\" is given twice"_s;
    QTest::newRow("q twice") << u"q:a q:b"_s << u"column 5: \"q\" is given twice"_s;
    QTest::newRow("q and words") << u"q:a b"_s
                                 << u"column 1: search words are given both with q: and without"_s;
}

void tst_FilterText::errors() {
    QFETCH(QString, text);
    QFETCH(QString, error);
    FilterText::Error actual;
    QVERIFY(!FilterText::parse(text, &actual));
    QCOMPARE(actual.toString(), error);
}

void tst_FilterText::savedViewSurvivesRestart() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"views.sqlite"_s);
    EventFilter filter;
    filter.actors = {u"US Commerce/BIS"_s};
    filter.statuses = {EventStatus::Reported};
    filter.fromJulianDay = day(2025, 4, 1);
    const QString searchText = u"\"H20 licence\" OR export*"_s;
    {
        StoreError error;
        std::unique_ptr<TimelineStore> store = TimelineStore::open(path, &error);
        QVERIFY2(store, qPrintable(error.message));
        SavedView view{0, u"H20 licences"_s, FilterText::format(filter, searchText)};
        QVERIFY2(store->saveView(view, &error), qPrintable(error.message));
        QVERIFY(view.id > 0);
    }
    StoreError error;
    std::unique_ptr<TimelineStore> store = TimelineStore::open(path, &error);
    QVERIFY2(store, qPrintable(error.message));
    const QList<SavedView> views = store->savedViews();
    QCOMPARE(views.size(), 1);
    QCOMPARE(views[0].name, u"H20 licences"_s);
    QCOMPARE(views[0].filter,
             u"q:\"\\\"H20 licence\\\" OR export*\" actor:\"US Commerce/BIS\" status:reported "
             "from:2025-04"_s);
    const std::optional<FilterText::Parsed> parsed = FilterText::parse(views[0].filter);
    QVERIFY(parsed);
    QCOMPARE(parsed->searchText, searchText);
    filter.query = u"\"H20 licence\" OR \"export\"*"_s;
    QVERIFY(parsed->filter == filter);

    QVERIFY2(store->deleteView(views[0].id, &error), qPrintable(error.message));
    QCOMPARE(store->savedViews().size(), 0);
}

QTEST_GUILESS_MAIN(tst_FilterText)
#include "tst_filtertext.moc"
