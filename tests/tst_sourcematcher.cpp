#include "model/DatasetHealth.h"
#include "model/formats/SourceMatcher.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestSourceMatcher : public QObject {
    Q_OBJECT

private slots:
    void normalizedDoi_data();
    void normalizedDoi();
    void normalizedUrl_data();
    void normalizedUrl();
    void normalizedTitle_data();
    void normalizedTitle();
    void datesCompatible_data();
    void datesCompatible();
    void findMatch_data();
    void findMatch();
    void addedSourcesAreFound();
    void mergeFillsEmptyFieldsAndAppendsNotes();
    void healthReportsDuplicatesByTheSameRule();
    void healthListsUnsafeAddresses();
};

namespace {

Source source(const QString &title, const PartialDate &published, const QString &url = {},
              const QString &doi = {}) {
    Source s;
    s.title = title;
    s.published = published;
    s.url = url;
    s.doi = doi;
    return s;
}

QList<Source> library() {
    return {
        source(u"DeepSeek verschiebt Modellstart nach Problemen mit Huaweis KI-Chips"_s,
               PartialDate::fromYmd(2025, 8, 15)),
        source(u"Guidance on Huawei Ascend"_s, PartialDate::fromYmd(2025, 5, 13), {},
               u"10.5555/BIS.2025.0513"_s),
        source(u"Nvidia says it will resume sale of key AI chip to China"_s,
               PartialDate::fromYearMonth(2025, 7),
               u"https://kesq.com/money/2025/07/15/nvidia-resume/"_s),
        source(u"Chip War"_s, PartialDate::fromYear(2022)),
    };
}

} // namespace

void TestSourceMatcher::normalizedDoi_data() {
    QTest::addColumn<QString>("doi");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("bare") << u"10.5555/BIS.2025.0513"_s << u"10.5555/bis.2025.0513"_s;
    QTest::newRow("https resolver")
        << u"https://doi.org/10.5555/bis.2025.0513"_s << u"10.5555/bis.2025.0513"_s;
    QTest::newRow("old resolver") << u" http://dx.doi.org/10.5555/BIS.2025.0513 "_s
                                  << u"10.5555/bis.2025.0513"_s;
    QTest::newRow("doi prefix") << u"doi:10.5555/X"_s << u"10.5555/x"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestSourceMatcher::normalizedDoi() {
    QFETCH(QString, doi);
    QFETCH(QString, normalized);
    QCOMPARE(SourceMatcher::normalizedDoi(doi), normalized);
}

void TestSourceMatcher::normalizedUrl_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("plain") << u"https://example.com/a/b"_s << u"example.com/a/b"_s;
    QTest::newRow("http www trailing slash")
        << u"http://www.Example.COM/a/b/"_s << u"example.com/a/b"_s;
    QTest::newRow("fragment and utm")
        << u"https://example.com/a?utm_source=rss&id=3&UTM_campaign=x#comments"_s
        << u"example.com/a?id=3"_s;
    QTest::newRow("only utm") << u"https://example.com/?utm_medium=social"_s << u"example.com"_s;
    QTest::newRow("port kept") << u"http://example.com:8080/x"_s << u"example.com:8080/x"_s;
    QTest::newRow("typed without scheme") << u"www.example.com/a/"_s << u"example.com/a"_s;
    QTest::newRow("path case kept")
        << u"https://example.com/CaseSensitive"_s << u"example.com/CaseSensitive"_s;
}

void TestSourceMatcher::normalizedUrl() {
    QFETCH(QString, url);
    QFETCH(QString, normalized);
    QCOMPARE(SourceMatcher::normalizedUrl(url), normalized);
}

void TestSourceMatcher::normalizedTitle_data() {
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("punctuation and case")
        << u"DeepSeek: Verzögerungen – bei NVIDIA!"_s << u"deepseek verzogerungen bei nvidia"_s;
    QTest::newRow("eszett") << u"Große Straße"_s << u"grosse strasse"_s;
    QTest::newRow("spacing") << u"  Chip   War  "_s << u"chip war"_s;
    QTest::newRow("quotes") << u"„Backdoor“-Vorwürfe"_s << u"backdoor vorwurfe"_s;
}

void TestSourceMatcher::normalizedTitle() {
    QFETCH(QString, title);
    QFETCH(QString, normalized);
    QCOMPARE(SourceMatcher::normalizedTitle(title), normalized);
}

void TestSourceMatcher::datesCompatible_data() {
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("compatible");

    QTest::newRow("equal") << u"2025-08-15"_s << u"2025-08-15"_s << true;
    QTest::newRow("different days") << u"2025-08-15"_s << u"2025-08-14"_s << false;
    QTest::newRow("month contains day") << u"2025-08"_s << u"2025-08-15"_s << true;
    QTest::newRow("day in month") << u"2025-08-15"_s << u"2025-08"_s << true;
    QTest::newRow("year contains month") << u"2025"_s << u"2025-08"_s << true;
    QTest::newRow("other month") << u"2025-07"_s << u"2025-08-15"_s << false;
    QTest::newRow("one missing") << QString() << u"2025-08-15"_s << true;
    QTest::newRow("both missing") << QString() << QString() << true;
}

void TestSourceMatcher::datesCompatible() {
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, compatible);
    const PartialDate da = a.isEmpty() ? PartialDate() : *PartialDate::parseIso(a);
    const PartialDate db = b.isEmpty() ? PartialDate() : *PartialDate::parseIso(b);
    QCOMPARE(SourceMatcher::datesCompatible(da, db), compatible);
}

void TestSourceMatcher::findMatch_data() {
    QTest::addColumn<Source>("candidate");
    QTest::addColumn<qsizetype>("index");

    QTest::newRow("same title, same date")
        << source(u"DeepSeek verschiebt Modellstart nach Problemen mit Huaweis KI-Chips"_s,
                  PartialDate::fromYmd(2025, 8, 15))
        << qsizetype(0);
    QTest::newRow("title differs in case and punctuation, date missing")
        << source(u"deepseek verschiebt Modellstart nach Problemen mit Huaweis KI Chips."_s, {})
        << qsizetype(0);
    QTest::newRow("title with month date")
        << source(u"DeepSeek verschiebt Modellstart nach Problemen mit Huaweis KI-Chips"_s,
                  PartialDate::fromYearMonth(2025, 8))
        << qsizetype(0);
    QTest::newRow("same title, other day")
        << source(u"DeepSeek verschiebt Modellstart nach Problemen mit Huaweis KI-Chips"_s,
                  PartialDate::fromYmd(2025, 8, 16))
        << qsizetype(-1);
    QTest::newRow("DOI with resolver, other title")
        << source(u"BIS guidance"_s, {}, {}, u"https://doi.org/10.5555/bis.2025.0513"_s)
        << qsizetype(1);
    QTest::newRow("DOI link as URL")
        << source(u"Guidance"_s, {}, u"https://doi.org/10.5555/BIS.2025.0513"_s) << qsizetype(1);
    QTest::newRow("URL spelled differently")
        << source(u"Nvidia says it will resume sale of key AI chip to China"_s,
                  PartialDate::fromYmd(2025, 7, 15),
                  u"http://www.kesq.com/money/2025/07/15/nvidia-resume?utm_source=twitter#top"_s)
        << qsizetype(2);
    QTest::newRow("same URL, another title: another work")
        << source(u"Nvidia to resume H20 sales"_s, PartialDate::fromYmd(2025, 7, 15),
                  u"https://kesq.com/money/2025/07/15/nvidia-resume"_s)
        << qsizetype(-1);
    QTest::newRow("same URL, no title")
        << source(QString(), {}, u"https://kesq.com/money/2025/07/15/nvidia-resume/"_s)
        << qsizetype(2);
    QTest::newRow("same DOI link, other DOI")
        << source(u"Guidance on Huawei Ascend"_s, PartialDate::fromYmd(2025, 5, 13), {},
                  u"10.5555/BIS.2025.0514"_s)
        << qsizetype(-1);
    QTest::newRow("same title and day, another address (syndicated copy)")
        << source(u"DeepSeek verschiebt Modellstart nach Problemen mit Huaweis KI-Chips"_s,
                  PartialDate::fromYmd(2025, 8, 15), u"https://finanzen.example/deepseek"_s)
        << qsizetype(0);
    QTest::newRow("same title, different URLs")
        << source(u"Nvidia says it will resume sale of key AI chip to China"_s,
                  PartialDate::fromYearMonth(2025, 7), u"https://cnn.com/nvidia-resume"_s)
        << qsizetype(-1);
    QTest::newRow("same title, one URL")
        << source(u"Nvidia says it will resume sale of key AI chip to China"_s,
                  PartialDate::fromYmd(2025, 7, 15))
        << qsizetype(2);
    QTest::newRow("year date and day date")
        << source(u"Chip War"_s, PartialDate::fromYmd(2022, 10, 4)) << qsizetype(3);
    QTest::newRow("unrelated") << source(u"Something else"_s, {}) << qsizetype(-1);
    QTest::newRow("empty title") << source(QString(), {}) << qsizetype(-1);
}

void TestSourceMatcher::findMatch() {
    QFETCH(Source, candidate);
    QFETCH(qsizetype, index);
    const SourceMatcher matcher(library());
    QCOMPARE(matcher.findMatch(candidate), index);
}

void TestSourceMatcher::addedSourcesAreFound() {
    SourceMatcher matcher;
    QCOMPARE(matcher.findMatch(source(u"A"_s, {})), qsizetype(-1));
    matcher.add(source(u"A"_s, {}));
    matcher.add(source(u"B"_s, {}, u"https://b.example/"_s));
    QCOMPARE(matcher.size(), qsizetype(2));
    QCOMPARE(matcher.findMatch(source(u"a"_s, PartialDate::fromYear(2025))), qsizetype(0));
    QCOMPARE(matcher.findMatch(source(u"b"_s, {}, u"http://b.example"_s)), qsizetype(1));
    QCOMPARE(matcher.findMatch(source(u"Other"_s, {}, u"http://b.example"_s)), qsizetype(-1));
    // Two works at one address are both found, each by its own title.
    matcher.add(source(u"C"_s, {}, u"https://b.example"_s));
    QCOMPARE(matcher.findMatch(source(u"c"_s, {}, u"http://b.example"_s)), qsizetype(2));
}

void TestSourceMatcher::mergeFillsEmptyFieldsAndAppendsNotes() {
    Source existing =
        source(u"DeepSeek verschiebt Modellstart"_s, PartialDate::fromYearMonth(2025, 8));
    existing.id = 7;
    existing.uid = u"3f2504e0-4f89-11d3-9a0c-0305e82c3301"_s;
    existing.kind = u"news"_s;
    existing.outlet = u"Eulerpool News"_s;
    existing.notes = u"Imported from 004.txt\npage: 3"_s;
    existing.language = u"de"_s;

    Source incoming =
        source(u"DeepSeek verschiebt Modellstart (Update)"_s, PartialDate::fromYmd(2025, 8, 15),
               u"https://eulerpool.com/news/deepseek"_s);
    incoming.uid = u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s;
    incoming.kind = u"web"_s;
    incoming.outlet = u"Eulerpool"_s;
    incoming.authors = {u"Müller, Jürgen"_s};
    incoming.accessed = PartialDate::fromYmd(2025, 8, 20);
    incoming.language = u"en"_s;
    incoming.excerpt = u"DeepSeek hat die Einführung verschoben."_s;
    incoming.notes = u"page: 3\npublisher: Eulerpool Research Systems"_s;

    const Source merged = SourceMatcher::merged(existing, incoming);
    QCOMPARE(merged.id, 7);
    QCOMPARE(merged.uid, existing.uid);
    QCOMPARE(merged.kind, u"news"_s);
    QCOMPARE(merged.title, existing.title);
    QCOMPARE(merged.outlet, u"Eulerpool News"_s);
    QCOMPARE(merged.url, u"https://eulerpool.com/news/deepseek"_s);
    QCOMPARE(merged.authors, QStringList{u"Müller, Jürgen"_s});
    QCOMPARE(merged.published.toIsoString(), u"2025-08-15"_s); // finer date within the month
    QCOMPARE(merged.accessed.toIsoString(), u"2025-08-20"_s);
    QCOMPARE(merged.language, u"de"_s);
    QCOMPARE(merged.excerpt, u"DeepSeek hat die Einführung verschoben."_s);
    QCOMPARE(merged.notes,
             u"Imported from 004.txt\npage: 3\npublisher: Eulerpool Research Systems"_s);

    // A date outside the known span does not replace it.
    incoming.published = PartialDate::fromYmd(2025, 9, 1);
    QCOMPARE(SourceMatcher::merged(existing, incoming).published.toIsoString(), u"2025-08"_s);
    // Merging the same source twice changes nothing more.
    QCOMPARE(SourceMatcher::merged(merged, incoming), merged);
}

// Dataset Health and import share one rule: what one merges the other reports, and what
// one keeps apart the other does not call a duplicate.
void TestSourceMatcher::healthReportsDuplicatesByTheSameRule() {
    Dataset dataset;
    const auto add = [&dataset](const QString &uid, const QString &title, const QString &url,
                                const PartialDate &date) {
        Source s = source(title, date, url);
        s.uid = uid;
        s.outlet = u"Outlet "_s + uid;
        dataset.sources << s;
    };
    add(u"a"_s, u"Chip rules tightened"_s, u"https://a.example/x"_s,
        PartialDate::fromYmd(2025, 1, 13));
    add(u"b"_s, u"Chip rules tightened"_s, u"https://b.example/y"_s,
        PartialDate::fromYmd(2025, 1, 13));
    add(u"c"_s, u"Part two of the report"_s, u"https://a.example/x"_s,
        PartialDate::fromYmd(2025, 1, 13));
    add(u"d"_s, u"Chip rules tightened"_s, u"https://c.example/z"_s,
        PartialDate::fromYearMonth(2025, 1));
    QList<HealthFinding> duplicates;
    for (const HealthFinding &f : DatasetHealth::check(dataset)) {
        if (f.kind == HealthFinding::Kind::DuplicateSources)
            duplicates << f;
    }
    QCOMPARE(duplicates.size(), qsizetype(1));
    QCOMPARE(duplicates.at(0).subjectUid, u"b"_s);
    QCOMPARE(duplicates.at(0).otherUid, u"a"_s);
    QCOMPARE(duplicates.at(0).message,
             u"duplicate sources: Outlet b, \"Chip rules tightened\" and Outlet a, \"Chip rules "
             "tightened\""_s);
    // The import's matcher says the same of each source against those before it.
    SourceMatcher matcher;
    QList<qsizetype> matches;
    for (const Source &s : std::as_const(dataset.sources)) {
        matches << matcher.findMatch(s);
        matcher.add(s);
    }
    QCOMPARE(matches, (QList<qsizetype>{-1, 0, -1, -1}));
}

void TestSourceMatcher::healthListsUnsafeAddresses() {
    Dataset dataset;
    const QStringList urls = {u"javascript:alert(1)"_s, u" FILE:///etc/passwd"_s,
                              u"data:text/html,<b>x</b>"_s, u"https://ok.example/"_s,
                              u"mailto:desk@example.org"_s};
    for (qsizetype i = 0; i < urls.size(); ++i) {
        Source s = source(u"Source %1"_s.arg(i), {}, urls.at(i));
        s.uid = QString::number(i);
        dataset.sources << s;
    }
    QStringList listed;
    for (const HealthFinding &f : DatasetHealth::check(dataset)) {
        if (f.kind == HealthFinding::Kind::UnsafeAddress)
            listed << f.subjectUid + u' ' + f.message;
    }
    QCOMPARE(
        listed,
        (QStringList{u"0 source whose address is not a web address (javascript): \"Source 0\""_s,
                     u"1 source whose address is not a web address (file): \"Source 1\""_s,
                     u"2 source whose address is not a web address (data): \"Source 2\""_s}));
    QCOMPARE(healthKindKey(HealthFinding::Kind::UnsafeAddress), u"unsafe-address"_s);
}

QTEST_GUILESS_MAIN(TestSourceMatcher)
#include "tst_sourcematcher.moc"
