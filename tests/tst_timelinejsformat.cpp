#include "model/formats/CsvReader.h"
#include "model/formats/HtmlMarkdown.h"
#include "model/formats/LinkedSources.h"
#include "model/formats/TimelineJsCsvFormat.h"
#include "model/formats/TimelineJsFormat.h"
#include "model/formats/TimelineJsSlide.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTimelineJsFormat : public QObject {
    Q_OBJECT

private slots:
    void htmlToMarkdown_data();
    void htmlToMarkdown();
    void markdownToHtml_data();
    void markdownToHtml();
    void readsEveryField();
    void roundTripsFieldByField();
    void writesWhatTimelineJsOpens();
    void readsWithByteOrderMark();
    void imageMediaIsNotASource();
    void protocolRelativeMediaIsKept();
    void lanesAreWrittenAsLabels();
    void translationsRoundTrip();
    void readsTheSourcesParagraph_data();
    void readsTheSourcesParagraph();
    void rejects_data();
    void rejects();
};

namespace {

QByteArray dataFile(const QString &name) {
    QFile file(QStringLiteral(CHIPTIMELINE_TEST_DATA "/interchange/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

const Source *sourceByUid(const Dataset &dataset, const QString &uid) {
    for (const Source &source : dataset.sources) {
        if (source.uid == uid)
            return &source;
    }
    return nullptr;
}

} // namespace

void TestTimelineJsFormat::translationsRoundTrip() {
    Dataset dataset;
    Event event;
    event.uid = u"e1"_s;
    event.title = u"Export restrictions"_s;
    event.summary = u"The *rule*."_s;
    event.start = PartialDate::fromYmd(2025, 4, 15);
    event.translations.insert(u"de"_s, {u"Exportbeschränkungen"_s, u"Die *Regel*."_s});
    dataset.events = {event};
    const QByteArray written = TimelineJsFormat::write(dataset);
    const QJsonObject slide =
        QJsonDocument::fromJson(written).object().value(u"events"_s).toArray().at(0).toObject();
    QCOMPARE(slide.value(u"translations"_s).toObject(),
             (QJsonObject{{u"de"_s, QJsonObject{{u"title"_s, u"Exportbeschränkungen"_s},
                                                {u"summary"_s, u"Die *Regel*."_s}}}}));
    InputError error;
    const auto back = TimelineJsFormat::read(written, u"t.json"_s, &error);
    QVERIFY2(back, qPrintable(error.toString()));
    QCOMPARE(back->events.size(), 1);
    QCOMPARE(back->events.at(0).translations, event.translations);
    QCOMPARE(back->events.at(0).title, event.title);
}

void TestTimelineJsFormat::htmlToMarkdown_data() {
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("markdown");
    QTest::newRow("bold and italic")
        << u"<b>bold</b>, <strong>strong</strong>, <i>it</i> and <em>em</em>"_s
        << u"**bold**, **strong**, *it* and *em*"_s;
    QTest::newRow("link")
        << u"see <a href=\"https://example.org/a?b=1&amp;c=2\" target=\"_blank\">the "
           "story</a>."_s
        << u"see [the story](https://example.org/a?b=1&c=2)."_s;
    QTest::newRow("javascript link keeps only text")
        << u"<a href=\"javascript:alert(1)\">click</a>"_s << u"click"_s;
    QTest::newRow("mailto link") << u"<a href='mailto:a@b.org'>mail</a>"_s
                                 << u"[mail](mailto:a@b.org)"_s;
    QTest::newRow("paragraphs and breaks")
        << u"<p>One</p>\n<p>Two<br>three<br/>four</p>"_s << u"One\n\nTwo\nthree\nfour"_s;
    QTest::newRow("entities") << u"&amp; &lt;tag&gt; &quot;q&quot; &#233;&#x00E9;&eacute; a&nbsp;b "
                                 "&unknown;"_s
                              << u"& <tag> \"q\" ééé a\u00A0b &unknown;"_s;
    QTest::newRow("other tags stripped")
        << u"<div><span class=\"x\">in span</span> <img src=\"a.png\" alt=\"pic\"> <u>u</u></div>"_s
        << u"in span u"_s;
    QTest::newRow("script and style dropped")
        << u"a<script>var x = '<b>';</script>b<style>p{}</style>c"_s << u"abc"_s;
    QTest::newRow("comment dropped") << u"a<!-- <b>hidden</b> -->b"_s << u"ab"_s;
    QTest::newRow("whitespace collapsed") << u"  one \n\t two  "_s << u"one two"_s;
    QTest::newRow("markdown characters escaped")
        << u"2*3 [sic] a\\b"_s << u"2\\*3 \\[sic\\] a\\\\b"_s;
    QTest::newRow("space inside bold moves out") << u"a<b> bold </b>b"_s << u"a **bold** b"_s;
    QTest::newRow("empty bold dropped") << u"a<b></b>b"_s << u"ab"_s;
    QTest::newRow("lone angle bracket") << u"1 < 2 and 3 > 2"_s << u"1 < 2 and 3 > 2"_s;
    QTest::newRow("list items") << u"<ul><li>one</li><li>two</li></ul>"_s << u"one\n\ntwo"_s;
}

void TestTimelineJsFormat::htmlToMarkdown() {
    QFETCH(QString, html);
    QFETCH(QString, markdown);
    QCOMPARE(HtmlMarkdown::toMarkdown(html), markdown);
}

void TestTimelineJsFormat::markdownToHtml_data() {
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("html");
    QTest::newRow("inline")
        << u"**b** and *i* and [t](https://x.org/a)"_s
        << u"<p><b>b</b> and <i>i</i> and <a href=\"https://x.org/a\">t</a></p>"_s;
    QTest::newRow("paragraphs") << u"one\n\ntwo\nthree"_s << u"<p>one</p><p>two<br>three</p>"_s;
    QTest::newRow("escapes") << u"2\\*3 <b> & \\[x\\]"_s << u"<p>2*3 &lt;b&gt; &amp; [x]</p>"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestTimelineJsFormat::markdownToHtml() {
    QFETCH(QString, markdown);
    QFETCH(QString, html);
    QCOMPARE(HtmlMarkdown::fromMarkdown(markdown), html);
    // What toMarkdown writes comes back from the HTML fromMarkdown writes.
    QCOMPARE(HtmlMarkdown::toMarkdown(HtmlMarkdown::fromMarkdown(markdown)),
             HtmlMarkdown::toMarkdown(html));
}

void TestTimelineJsFormat::readsEveryField() {
    InputError error;
    const auto dataset =
        TimelineJsFormat::read(dataFile(u"timelinejs.json"_s), u"t.json"_s, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    QCOMPARE(dataset->title, u"AI-chip export policy"_s);
    QCOMPARE(dataset->events.size(), 4);

    const Event &bis = dataset->events.at(0);
    QCOMPARE(bis.uid, u"bis-2022-10"_s);
    QCOMPARE(bis.title, u"BIS October rules"_s);
    QCOMPARE(bis.start, PartialDate::fromYmd(2022, 10, 7));
    QVERIFY(!bis.end.isValid());
    QCOMPARE(bis.category, u"us-export-control"_s);
    QCOMPARE(bis.summary, u"The **Bureau** of *Industry* issued rules, see [the "
                          "rule](https://www.bis.gov/rules-2022).\n\nSecond line\nbroken here."_s);
    QCOMPARE(bis.citations.size(), 1);
    const Source *rule = sourceByUid(*dataset, bis.citations.at(0).sourceUid);
    QVERIFY(rule);
    QCOMPARE(rule->title, u"the rule"_s);
    QCOMPARE(rule->url, u"https://www.bis.gov/rules-2022"_s);
    QCOMPARE(rule->outlet, u"bis.gov"_s);
    QCOMPARE(rule->kind, u"web"_s);

    const Event &update = dataset->events.at(1);
    QCOMPARE(update.title, u"Update of the rules & more"_s);
    QCOMPARE(update.start, PartialDate::fromYearMonth(2023, 10));
    QCOMPARE(update.end, PartialDate::fromYearMonth(2023, 11));
    QCOMPARE(update.citations.size(), 1);
    QCOMPARE(update.citations.at(0).locator, u"media"_s);
    const Source *media = sourceByUid(*dataset, update.citations.at(0).sourceUid);
    QVERIFY(media);
    QCOMPARE(media->title, u"US tightens rules"_s);
    QCOMPARE(media->outlet, u"Reuters"_s);
    QCOMPARE(media->url, u"https://www.reuters.com/a/b"_s);

    const Event &deepseek = dataset->events.at(2);
    QCOMPARE(deepseek.start, PartialDate::fromYear(2025));
    QCOMPARE(deepseek.summary, u"Plain."_s);
    QVERIFY(deepseek.category.isEmpty());
    QCOMPARE(deepseek.citations.size(), 2);
    const Source *ft = sourceByUid(*dataset, deepseek.citations.at(0).sourceUid);
    QVERIFY(ft);
    QCOMPARE(ft->title, u"FT story"_s);
    QCOMPARE(ft->outlet, u"Financial Times"_s);
    const Source *example = sourceByUid(*dataset, deepseek.citations.at(1).sourceUid);
    QVERIFY(example);
    QCOMPARE(example->outlet, u"example.org"_s);

    const Event &era = dataset->events.at(3);
    QCOMPARE(era.category, u"era"_s);
    QCOMPARE(era.title, u"First rules"_s);
    QCOMPARE(era.start, PartialDate::fromYearMonth(2022, 10));
    QCOMPARE(era.end, PartialDate::fromYearMonth(2023, 12));
    QCOMPARE(era.summary, u"era text"_s);
    QVERIFY(era.uid.isEmpty());

    QCOMPARE(dataset->sources.size(), 4);
}

void TestTimelineJsFormat::roundTripsFieldByField() {
    const QByteArray original = dataFile(u"timelinejs.json"_s);
    InputError error;
    const auto dataset = TimelineJsFormat::read(original, u"t.json"_s, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    const QByteArray written = TimelineJsFormat::write(*dataset);
    const QJsonObject before = QJsonDocument::fromJson(original).object();
    const QJsonObject after = QJsonDocument::fromJson(written).object();
    QVERIFY(!after.isEmpty());
    QCOMPARE(after.value(u"title"_s)[u"text"_s][u"headline"_s],
             before.value(u"title"_s)[u"text"_s][u"headline"_s]);
    for (const QString &array : {u"events"_s, u"eras"_s}) {
        const QJsonArray a = before.value(array).toArray();
        const QJsonArray b = after.value(array).toArray();
        QCOMPARE(b.size(), a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QJsonObject x = a.at(i).toObject();
            const QJsonObject y = b.at(i).toObject();
            for (const QString &date : {u"start_date"_s, u"end_date"_s}) {
                for (const QString &part : {u"year"_s, u"month"_s, u"day"_s}) {
                    const QJsonValue v = x.value(date)[part];
                    // A year given as a string comes back as the number.
                    const int expected = v.isString() ? v.toString().toInt() : v.toInt();
                    QCOMPARE(y.value(date)[part].toInt(), expected);
                    QCOMPARE(y.value(date)[part].isUndefined(), v.isUndefined());
                }
            }
            QCOMPARE(y.value(u"text"_s)[u"headline"_s], x.value(u"text"_s)[u"headline"_s]);
            QCOMPARE(y.value(u"text"_s)[u"text"_s], x.value(u"text"_s)[u"text"_s]);
            QCOMPARE(y.value(u"media"_s), x.value(u"media"_s));
            QCOMPARE(y.value(u"group"_s), x.value(u"group"_s));
            QCOMPARE(y.value(u"unique_id"_s), x.value(u"unique_id"_s));
        }
    }
    // Written once, the file is stable.
    const auto again = TimelineJsFormat::read(written, {}, &error);
    QVERIFY2(again, qPrintable(error.toString()));
    QCOMPARE(TimelineJsFormat::write(*again), written);
}

void TestTimelineJsFormat::writesWhatTimelineJsOpens() {
    Dataset dataset;
    dataset.title = u"Chips & rules"_s;
    Source source;
    source.uid = u"s1"_s;
    source.title = u"Nvidia <H20> story"_s;
    source.outlet = u"Reuters"_s;
    source.url = u"https://www.reuters.com/x"_s;
    Source paper;
    paper.uid = u"s2"_s;
    paper.title = u"A report without address"_s;
    paper.outlet = u"CSIS"_s;
    dataset.sources = {source, paper};
    Event event;
    event.uid = u"e1"_s;
    event.title = u"Licence rule"_s;
    event.summary = u"First **bold**.\n\nSecond."_s;
    event.start = PartialDate::fromYmd(2025, 4, 9);
    event.end = PartialDate::fromYearMonth(2025, 7);
    event.category = u"us-export-control"_s;
    event.citations = {Citation{u"s1"_s, u"q"_s, {}}, Citation{u"s2"_s, {}, {}}};
    dataset.events = {event};
    QCOMPARE(TimelineJsFormat::write(dataset),
             QByteArray("{\n"
                        "  \"title\": {\n"
                        "    \"text\": {\n"
                        "      \"headline\": \"Chips &amp; rules\",\n"
                        "      \"text\": \"\"\n"
                        "    }\n"
                        "  },\n"
                        "  \"events\": [\n"
                        "    {\n"
                        "      \"start_date\": {\n"
                        "        \"year\": 2025,\n"
                        "        \"month\": 4,\n"
                        "        \"day\": 9\n"
                        "      },\n"
                        "      \"end_date\": {\n"
                        "        \"year\": 2025,\n"
                        "        \"month\": 7\n"
                        "      },\n"
                        "      \"text\": {\n"
                        "        \"headline\": \"Licence rule\",\n"
                        "        \"text\": \"<p>First <b>bold</b>.</p><p>Second.</p><p>Sources: <a "
                        "href=\\\"https://www.reuters.com/x\\\">Nvidia &lt;H20&gt; story</a> "
                        "(Reuters); A report without address (CSIS)</p>\"\n"
                        "      },\n"
                        "      \"group\": \"us-export-control\",\n"
                        "      \"unique_id\": \"e1\"\n"
                        "    }\n"
                        "  ]\n"
                        "}\n"));
}

void TestTimelineJsFormat::readsWithByteOrderMark() {
    InputError error;
    const auto dataset = TimelineJsFormat::read(
        "\xEF\xBB\xBF{\"events\": [{\"start_date\": {\"year\": 2025}, \"text\": {\"headline\": "
        "\"M\xC3\xA4rz\"}}]}",
        {}, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    QCOMPARE(dataset->events.at(0).title, u"März"_s);
}

void TestTimelineJsFormat::imageMediaIsNotASource() {
    InputError error;
    const auto dataset = TimelineJsFormat::read(
        R"({"events": [{"start_date": {"year": 2025}, "text": {"headline": "Pic"},
            "media": {"url": "https://example.org/a/photo.JPG", "caption": "A photo"}}]})",
        {}, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    QVERIFY(dataset->sources.isEmpty());
    QVERIFY(dataset->events.at(0).citations.isEmpty());
}

void TestTimelineJsFormat::protocolRelativeMediaIsKept() {
    InputError error;
    const auto dataset = TimelineJsFormat::read(
        R"({"events": [{"start_date": {"year": 2025}, "text": {"headline": "Deal"},
            "media": {"url": "//www.example.org/news/h20-deal", "caption": "The deal"}}]})",
        {}, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    QCOMPARE(dataset->sources.size(), 1);
    QCOMPARE(dataset->sources.at(0).url, u"https://www.example.org/news/h20-deal"_s);
    QCOMPARE(dataset->sources.at(0).title, u"The deal"_s);
    QCOMPARE(dataset->events.at(0).citations.size(), 1);
    QCOMPARE(dataset->events.at(0).citations.at(0).sourceUid, dataset->sources.at(0).uid);
}

void TestTimelineJsFormat::lanesAreWrittenAsLabels() {
    Dataset dataset;
    Category deal;
    deal.name = u"US-POLICY-DEAL"_s;
    deal.label = u"US policy deal"_s;
    dataset.categories << deal;
    Event a;
    a.uid = u"a"_s;
    a.title = u"Revenue share"_s;
    a.start = PartialDate::fromYmd(2025, 8, 11);
    a.category = deal.name;
    Event b = a;
    b.uid = u"b"_s;
    b.category = u"no-label"_s;
    dataset.events = {a, b};
    const QJsonArray events = QJsonDocument::fromJson(TimelineJsFormat::write(dataset))
                                  .object()
                                  .value(u"events"_s)
                                  .toArray();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).toObject().value(u"group"_s).toString(), u"US policy deal"_s);
    QCOMPARE(events.at(1).toObject().value(u"group"_s).toString(), u"no-label"_s);
    const QList<QStringList> rows =
        CsvReader::readAll(TimelineJsCsvFormat::write(dataset), u"t.csv"_s, nullptr).value();
    const qsizetype group = rows.at(0).indexOf(u"Group"_s);
    QVERIFY(group >= 0);
    QCOMPARE(rows.at(1).at(group), u"US policy deal"_s);
    QCOMPARE(rows.at(2).at(group), u"no-label"_s);
}

void TestTimelineJsFormat::readsTheSourcesParagraph_data() {
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QStringList>("cited"); // "url | title | outlet", in citation order
    QTest::newRow("list after the text")
        << u"<p>Body with <a href=\"https://in.org/t\">a link</a>.</p><p>Sources: <a "
           "href=\"https://a.org/x\">Title [one] *x*</a> (Outlet); <a "
           "href=\"HTTPS://B.org/y\">B</a>; <a href=\"ftp://c.org/\">C</a>; Plain (P)</p>"_s
        << u"Body with [a link](https://in.org/t)."_s
        << QStringList{u"https://in.org/t | a link | in.org"_s,
                       u"https://a.org/x | Title [one] *x* | Outlet"_s,
                       u"HTTPS://B.org/y | B | b.org"_s};
    QTest::newRow("not the last paragraph")
        << u"<p>Sources: <a href=\"https://s.org/1\">First</a></p><p>After.</p>"_s
        << u"Sources: [First](https://s.org/1)\n\nAfter."_s
        << QStringList{u"https://s.org/1 | First | s.org"_s};
    // Paragraphs are cut at blank lines from the start: "\n\n\n" leaves "\nSources: …" last.
    QTest::newRow("three line breaks")
        << u"<p>a<br><br><br>Sources: <a href=\"https://t.org/\">T</a></p>"_s
        << u"a\n\n\nSources: [T](https://t.org/)"_s << QStringList{u"https://t.org/ | T | t.org"_s};
    QTest::newRow("only the list, an outlet left open")
        << u"<p>Sources: <a href=\"https://u.org/a b\">Spaced</a> (U); <a "
           "href=\"https://v.org/\">V</a> (</p>"_s
        << QString()
        << QStringList{u"https://u.org/a%20b | Spaced | U"_s, u"https://v.org/ | V | v.org"_s};
}

void TestTimelineJsFormat::readsTheSourcesParagraph() {
    QFETCH(QString, html);
    QFETCH(QString, summary);
    QFETCH(QStringList, cited);
    TimelineJsSlide slide;
    slide.start = PartialDate::fromYear(2025);
    slide.headline = u"H"_s;
    slide.text = html;
    LinkedSources linked;
    QString error;
    const std::optional<Event> event = slide.toEvent(&linked, &error);
    QVERIFY2(event, qPrintable(error));
    QCOMPARE(event->summary, summary);
    const QList<Source> sources = linked.take();
    QStringList citedSources;
    for (const Citation &citation : event->citations) {
        for (const Source &source : sources) {
            if (source.uid == citation.sourceUid)
                citedSources << source.url + u" | "_s + source.title + u" | "_s + source.outlet;
        }
    }
    QCOMPARE(citedSources, cited);
}

void TestTimelineJsFormat::rejects_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad date file") << dataFile(u"timelinejs_bad_date.json"_s)
                                   << u"t.json:7: events[1].start_date: day 30 does not exist in "
                                      "February 2025"_s;
    QTest::newRow("truncated") << dataFile(u"timelinejs_truncated.json"_s)
                               << u"t.json:5:60: not valid JSON: unterminated string"_s;
    QTest::newRow("no events") << dataFile(u"timelinejs_no_events.json"_s)
                               << u"t.json:1: events: missing: a TimelineJS file has an "
                                  "\"events\" array"_s;
    QTest::newRow("array") << QByteArray("[]")
                           << u"t.json:1: not a TimelineJS file (the top level is not an object)"_s;
    QTest::newRow("no start date")
        << QByteArray("{\"events\": [\n{\"text\": {\"headline\": \"x\"}}]}")
        << u"t.json:2: events[0].start_date: missing"_s;
    QTest::newRow("no year") << QByteArray("{\"events\": [{\"start_date\": {\"month\": 3}}]}")
                             << u"t.json:1: events[0].start_date.year: missing"_s;
    QTest::newRow("year not a number")
        << QByteArray("{\"events\": [{\"start_date\": {\"year\": \"soon\"}}]}")
        << u"t.json:1: events[0].start_date.year: must be a whole number"_s;
    QTest::newRow("BCE") << QByteArray("{\"events\": [{\"start_date\": {\"year\": -500}}]}")
                         << u"t.json:1: events[0].start_date: year -500 is outside 1–9999"_s;
    QTest::newRow("no headline")
        << QByteArray("{\"events\": [{\"start_date\": {\"year\": 2025}, \"text\": {\"text\": "
                      "\"body\"}}]}")
        << u"t.json:1: events[0].text.headline: no headline (every event needs one to be named "
           "by)"_s;
    QTest::newRow("era without end")
        << QByteArray("{\"events\": [], \"eras\": [{\"start_date\": {\"year\": 2025}}]}")
        << u"t.json:1: eras[0].end_date: missing"_s;
    QTest::newRow("end before start")
        << QByteArray("{\"events\": [{\"start_date\": {\"year\": 2025}, \"end_date\": {\"year\": "
                      "2024}, \"text\": {\"headline\": \"x\"}}]}")
        << u"t.json:1: events[0].end_date: 2024 is before the start 2025"_s;
    QTest::newRow("unique_id twice")
        << QByteArray("{\"events\": [{\"start_date\": {\"year\": 2025}, \"text\": {\"headline\": "
                      "\"x\"}, \"unique_id\": \"a\"},\n{\"start_date\": {\"year\": 2025}, "
                      "\"text\": {\"headline\": \"y\"}, \"unique_id\": \"a\"}]}")
        << u"t.json:2: events[1].unique_id: 'a' appears twice"_s;
    QTest::newRow("binary garbage") << QByteArray("\x89PNG\r\n\x1A\n\0\0\0", 11)
                                    << u"t.json:1:2: not valid JSON: illegal value"_s;
}

void TestTimelineJsFormat::rejects() {
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    InputError error;
    QVERIFY(!TimelineJsFormat::read(input, u"t.json"_s, &error));
    QCOMPARE(error.toString(), message);
}

QTEST_GUILESS_MAIN(TestTimelineJsFormat)
#include "tst_timelinejsformat.moc"
