#include "model/formats/CsvReader.h"
#include "model/formats/EventCsvFormat.h"
#include "model/formats/SourceListText.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

class TestEventCsvFormat : public QObject {
    Q_OBJECT

private slots:
    void readsEveryField();
    void csvRoundTripsCellByCell();
    void datasetRoundTrips();
    void translationsRoundTrip();
    void listsEscapeSemicolons();
    void sourceEntriesRoundTrip_data();
    void sourceEntriesRoundTrip();
    void toleratesUnknownColumnsAndBlankRows();
    void rejects_data();
    void rejects();
    void rejectsFiles_data();
    void rejectsFiles();
};

namespace {

QByteArray dataFile(const QString &name) {
    QFile file(QStringLiteral(CHIPTIMELINE_TEST_DATA "/interchange/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QList<QStringList> records(const QByteArray &bytes) {
    InputError error;
    return CsvReader::readAll(bytes, {}, &error).value_or(QList<QStringList>{});
}

} // namespace

void TestEventCsvFormat::readsEveryField() {
    InputError error;
    const auto dataset = EventCsvFormat::read(dataFile(u"events.csv"_s), u"events.csv"_s, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    QCOMPARE(dataset->events.size(), 3);

    const Event &deepseek = dataset->events.at(0);
    QCOMPARE(deepseek.uid, u"9d2f4e10-2222-4c1e-9a57-0d5b8a1e7f03"_s);
    QCOMPARE(deepseek.start, PartialDate::fromYear(2025));
    QVERIFY(!deepseek.end.isValid());
    QCOMPARE(deepseek.summary, u"Training on Ascend failed; item\\; with semicolon"_s);
    QCOMPARE(deepseek.status, EventStatus::Disputed);
    QCOMPARE(deepseek.importance, 1);
    QCOMPARE(deepseek.actors, (QStringList{u"DeepSeek"_s, u"Huawei"_s}));
    QCOMPARE(deepseek.chips, QStringList{u"Ascend 910C"_s});
    QCOMPARE(deepseek.tags, (QStringList{u"semi;colon tag"_s, u"back\\slash"_s}));
    QVERIFY(deepseek.citations.isEmpty());

    const Event &h20 = dataset->events.at(1);
    QCOMPARE(h20.uid, u"3f0c2a6e-5d1b-4c1e-9a57-0d5b8a1e7f01"_s);
    QCOMPARE(h20.start, PartialDate::fromYmd(2025, 4, 9));
    QCOMPARE(h20.end, PartialDate::fromYmd(2025, 7, 14));
    QCOMPARE(h20.title, u"US requires licences for H20, MI308 exports"_s);
    QCOMPARE(h20.summary, u"The Commerce Department told Nvidia on **9 April** that the H20 "
                          "needs a licence.\n\nA second paragraph with \"quotes\"."_s);
    QCOMPARE(h20.category, u"us-export-control"_s);
    QCOMPARE(h20.status, EventStatus::Confirmed);
    QCOMPARE(h20.importance, 3);
    QCOMPARE(h20.actors, (QStringList{u"US government"_s, u"Nvidia"_s}));
    QCOMPARE(h20.chips, (QStringList{u"H20"_s, u"MI308"_s}));
    QCOMPARE(h20.tags, (QStringList{u"licence"_s, u"china"_s}));
    QCOMPARE(h20.citations.size(), 2);
    QCOMPARE(h20.citations.at(0), (Citation{u"5b1e9c7a-1111-4c1e-9a57-0d5b8a1e7f02"_s,
                                            u"\"a licence is required\""_s, u"para. 2"_s}));
    QCOMPARE(h20.citations.at(1).quote, u"line one\nline two"_s);
    QCOMPARE(h20.citations.at(1).locator, QString());

    const Event &deal = dataset->events.at(2);
    QVERIFY(deal.uid.isEmpty());
    QCOMPARE(deal.start, PartialDate::fromYearMonth(2025, 8));
    QCOMPARE(deal.status, EventStatus::Reported);
    QCOMPARE(deal.importance, 2);
    QCOMPARE(deal.citations.size(), 1);

    QCOMPARE(dataset->sources.size(), 3);
    const Source &reuters = dataset->sources.at(0);
    QCOMPARE(reuters.uid, u"5b1e9c7a-1111-4c1e-9a57-0d5b8a1e7f02"_s);
    QCOMPARE(reuters.outlet, u"Reuters"_s);
    QCOMPARE(reuters.title, u"US tells Nvidia H20 needs licence"_s);
    QCOMPARE(reuters.url, u"https://www.reuters.com/technology/h20-licence"_s);
    QCOMPARE(reuters.published, PartialDate::fromYmd(2025, 4, 15));
    const Source &ft = dataset->sources.at(1);
    QCOMPARE(ft.title, u"Nvidia takes | $5.5bn charge"_s);
    QCOMPARE(ft.published, PartialDate::fromYearMonth(2025, 4));
    QCOMPARE(ft.uid, h20.citations.at(1).sourceUid);
    QCOMPARE(dataset->sources.at(2).title, u"Nvidia, AMD agree to pay 15%"_s);
}

void TestEventCsvFormat::csvRoundTripsCellByCell() {
    const QByteArray original = dataFile(u"events.csv"_s);
    InputError error;
    const auto dataset = EventCsvFormat::read(original, u"events.csv"_s, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    const QByteArray written = EventCsvFormat::write(*dataset);
    QVERIFY(written.startsWith("\xEF\xBB\xBFuid,start,end,title,summary,category,status,"
                               "importance,actors,chips,tags,sources\r\n"));
    const QList<QStringList> before = records(original);
    const QList<QStringList> after = records(written);
    QCOMPARE(after.size(), before.size());
    for (qsizetype row = 0; row < before.size(); ++row) {
        QCOMPARE(after.at(row).size(), before.at(row).size());
        for (qsizetype column = 0; column < before.at(row).size(); ++column)
            QCOMPARE(after.at(row).at(column), before.at(row).at(column));
    }
    // And the written form is stable.
    const auto again = EventCsvFormat::read(written, {}, &error);
    QVERIFY(again);
    QCOMPARE(*again, *dataset);
    QCOMPARE(EventCsvFormat::write(*again), written);
}

void TestEventCsvFormat::datasetRoundTrips() {
    Dataset dataset;
    Source a;
    a.uid = u"11111111-2222-4333-8444-555555555555"_s;
    a.title = u"Title with | bar, comma and \\ backslash"_s;
    a.outlet = u"Outlet"_s;
    a.url = u"https://example.org/a"_s;
    a.published = PartialDate::fromYmd(2025, 8, 12);
    Source b;
    b.uid = u"aaaaaaaa-2222-4333-8444-555555555555"_s;
    b.title = u"No address"_s;
    dataset.sources = {a, b};
    Event event;
    event.uid = u"e1"_s;
    event.title = u"Event"_s;
    event.summary = u"Multi\nline \"summary\", with comma"_s;
    event.start = PartialDate::fromYearMonth(2025, 8);
    event.end = PartialDate::fromYmd(2025, 9, 3);
    event.category = u"cat"_s;
    event.status = EventStatus::Reported;
    event.importance = 1;
    event.actors = {u"A; B"_s, u"C"_s};
    event.citations = {Citation{a.uid, u"quote | with bar\nand line"_s, u"p. 3"_s},
                       Citation{b.uid, {}, {}}};
    dataset.events = {event};
    InputError error;
    const auto back = EventCsvFormat::read(EventCsvFormat::write(dataset), {}, &error);
    QVERIFY2(back, qPrintable(error.toString()));
    QCOMPARE(back->events, dataset.events);
    QCOMPARE(back->sources.size(), 2);
    // What the CSV carries of a source comes back; kind, authors and notes do not travel.
    QCOMPARE(back->sources.at(0).uid, a.uid);
    QCOMPARE(back->sources.at(0).title, a.title);
    QCOMPARE(back->sources.at(0).outlet, a.outlet);
    QCOMPARE(back->sources.at(0).url, a.url);
    QCOMPARE(back->sources.at(0).published, a.published);
    QCOMPARE(back->sources.at(1).uid, b.uid);
    QCOMPARE(back->sources.at(1).title, b.title);
}

void TestEventCsvFormat::translationsRoundTrip() {
    Dataset dataset;
    Event event;
    event.uid = u"e1"_s;
    event.title = u"Export restrictions"_s;
    event.summary = u"Line one\nline two"_s;
    event.start = PartialDate::fromYmd(2025, 4, 15);
    event.translations.insert(u"de"_s, {u"Exportbeschränkungen"_s, u"Zeile eins\nZeile zwei"_s});
    Event plain;
    plain.uid = u"e2"_s;
    plain.title = u"Untranslated"_s;
    plain.start = PartialDate::fromYear(2024);
    dataset.events = {plain, event};
    const QByteArray bytes = EventCsvFormat::write(dataset);
    QVERIFY(bytes.startsWith("\xEF\xBB\xBFuid,start,end,title,summary,category,status,importance,"
                             "actors,chips,"
                             "tags,sources,title_de,summary_de\r\n"));
    QVERIFY(bytes.contains(",Exportbeschränkungen,\"Zeile eins\nZeile zwei\"\r\n"));
    InputError error;
    const auto back = EventCsvFormat::read(bytes, {}, &error);
    QVERIFY2(back, qPrintable(error.toString()));
    QCOMPARE(back->events, dataset.events);
    // A file without translations has no translation columns.
    dataset.events = {plain};
    QVERIFY(!EventCsvFormat::write(dataset).contains("title_de"));
}

void TestEventCsvFormat::listsEscapeSemicolons() {
    const QStringList items{u"plain"_s, u"semi;colon"_s, u"back\\slash"_s};
    QCOMPARE(SourceListText::joinList(items), u"plain; semi\\;colon; back\\\\slash"_s);
    QCOMPARE(SourceListText::splitList(SourceListText::joinList(items)), items);
    QCOMPARE(SourceListText::splitList(u" a ;b;; c "_s), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(SourceListText::splitList(u"  "_s), QStringList());
}

void TestEventCsvFormat::sourceEntriesRoundTrip_data() {
    QTest::addColumn<QString>("line");
    QTest::newRow("five fields") << u"Reuters | Title | https://r.com/a | 2025-04-15 | quote"_s;
    QTest::newRow("empty outlet and date") << u" | Title | https://r.com/b |  | "_s;
    QTest::newRow("escapes") << u"A \\| B | T \\\\ x | https://r.com/c | 2025 | one\\ntwo"_s;
    QTest::newRow("locator and uid")
        << u"O | T | https://r.com/d | 2025-04 | q | para. 2 | 5b1e9c7a-1111-4c1e-9a57-0d5b8a1e7f02"_s;
}

void TestEventCsvFormat::sourceEntriesRoundTrip() {
    QFETCH(QString, line);
    QString reason;
    const auto entries = SourceListText::parse(line, &reason);
    QVERIFY2(entries, qPrintable(reason));
    QCOMPARE(entries->size(), 1);
    QCOMPARE(SourceListText::formatEntry(entries->at(0).source, entries->at(0).citation), line);
}

void TestEventCsvFormat::toleratesUnknownColumnsAndBlankRows() {
    InputError error;
    const auto dataset = EventCsvFormat::read(
        "Notes,Title,Start\r\nmine,First,2025-01-02\r\n,,\r\n\r\nx,Second,2025\r\n", u"f.csv"_s,
        &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    QCOMPARE(dataset->events.size(), 2);
    QCOMPARE(dataset->events.at(1).title, u"Second"_s);
    QVERIFY(dataset->events.at(1).uid.isEmpty());
}

void TestEventCsvFormat::rejects_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray()
                           << u"f.csv:1: the file is empty (expected a header row naming the "
                              "columns)"_s;
    QTest::newRow("missing title")
        << QByteArray("start\n2025\n") << u"f.csv:1: missing required column 'title'"_s;
    QTest::newRow("column twice") << QByteArray("title,start,Title\n")
                                  << u"f.csv:1: column 'title' appears twice"_s;
    QTest::newRow("empty title") << QByteArray("title,start\n ,2025\n")
                                 << u"f.csv:2: column title: must not be empty"_s;
    QTest::newRow("empty start") << QByteArray("title,start\nA,\n")
                                 << u"f.csv:2: column start: missing"_s;
    QTest::newRow("bad date") << QByteArray("title,start\nA,15.04.2025\n")
                              << u"f.csv:2: column start: '15.04.2025' is not a date of the form "
                                 "YYYY, YYYY-MM or YYYY-MM-DD"_s;
    QTest::newRow("end before start")
        << QByteArray("title,start,end\nA,2025-05,2025-04\n")
        << u"f.csv:2: column end: 2025-04 is before the start 2025-05"_s;
    QTest::newRow("importance") << QByteArray("title,start,importance\nA,2025,5\n")
                                << u"f.csv:2: column importance: '5' is not 1, 2 or 3"_s;
    QTest::newRow("uid twice") << QByteArray("uid,title,start\nu1,A,2025\nu1,B,2025\n")
                               << u"f.csv:3: column uid: uid u1 appears twice"_s;
    QTest::newRow("source without title or url")
        << QByteArray("title,start,sources\nA,2025,\"Reuters |  | \"\n")
        << u"f.csv:2: column sources: source 1 has neither a title nor a URL"_s;
    QTest::newRow("source bad date")
        << QByteArray("title,start,sources\nA,2025,\"R | T | https://a.b | 2025-13\"\n")
        << u"f.csv:2: column sources: source 1: published: month 13 does not exist"_s;
    QTest::newRow("source too many fields")
        << QByteArray("title,start,sources\nA,2025,R|T|u|2025|q|l|5b1e9c7a-1111-4c1e-9a57-"
                      "0d5b8a1e7f02|x\n")
        << u"f.csv:2: column sources: source 1 has 8 fields (at most 7: outlet | title | url | "
           "published | quote | locator | uid)"_s;
    QTest::newRow("source bad uid") << QByteArray("title,start,sources\nA,2025,R|T|u|2025|q|l|x\n")
                                    << u"f.csv:2: column sources: source 1: 'x' is not a uid (a "
                                       "UUID)"_s;
}

void TestEventCsvFormat::rejects() {
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    InputError error;
    QVERIFY(!EventCsvFormat::read(input, u"f.csv"_s, &error));
    QCOMPARE(error.toString(), message);
}

void TestEventCsvFormat::rejectsFiles_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing start")
        << u"events_missing_start.csv"_s << u"f.csv:1: missing required column 'start'"_s;
    QTest::newRow("bad date") << u"events_bad_date.csv"_s
                              << u"f.csv:7: column start: day 30 does not exist in February 2025"_s;
    QTest::newRow("bad status")
        << u"events_bad_status.csv"_s
        << u"f.csv:2: column status: 'rumour' is not one of confirmed, reported, disputed"_s;
    QTest::newRow("quote never closes")
        << u"unclosed_quote.csv"_s << u"f.csv:12: a quoted cell opened here never closes"_s;
    QTest::newRow("Latin-1") << u"latin1.csv"_s
                             << u"f.csv:3: not UTF-8 text (invalid byte 0xE4); save it as UTF-8"_s;
    QTest::newRow("binary") << u"binary.csv"_s
                            << u"f.csv:1: not UTF-8 text (invalid byte 0x89); save it as UTF-8"_s;
}

void TestEventCsvFormat::rejectsFiles() {
    QFETCH(QString, file);
    QFETCH(QString, message);
    const QByteArray bytes = dataFile(file);
    QVERIFY(!bytes.isEmpty());
    InputError error;
    QVERIFY(!EventCsvFormat::read(bytes, u"f.csv"_s, &error));
    QCOMPARE(error.toString(), message);
}

QTEST_GUILESS_MAIN(TestEventCsvFormat)
#include "tst_eventcsvformat.moc"
