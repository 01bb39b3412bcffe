#include "model/formats/NativeJsonFormat.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

class TestNativeJsonFormat : public QObject {
    Q_OBJECT

private slots:
    void defaultDatasetRoundTripsByteForByte();
    void defaultDatasetIntegrity();
    void writesStableOrderAndLayout();
    void rejects_data();
    void rejects();
};

namespace {
QByteArray defaultDatasetBytes() {
    QFile file(
        QStringLiteral(CHIPTIMELINE_SOURCE_DIR "/resources/dataset/default.chiptimeline.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}
} // namespace

void TestNativeJsonFormat::defaultDatasetRoundTripsByteForByte() {
    const QByteArray bytes = defaultDatasetBytes();
    QVERIFY(!bytes.isEmpty());
    InputError error;
    const auto dataset = NativeJsonFormat::read(bytes, u"default.chiptimeline.json"_s, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    // The file is in canonical form: writing what was read gives the same bytes.
    QCOMPARE(NativeJsonFormat::write(*dataset), bytes);
    const auto again = NativeJsonFormat::read(NativeJsonFormat::write(*dataset), {}, &error);
    QVERIFY(again);
    QCOMPARE(*again, *dataset);
}

void TestNativeJsonFormat::defaultDatasetIntegrity() {
    InputError error;
    const auto dataset = NativeJsonFormat::read(defaultDatasetBytes(), {}, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    QVERIFY(dataset->events.size() >= 35);
    QSet<QString> cited;
    int earliestYear = 9999;
    int latestYear = 0;
    for (const Event &event : dataset->events) {
        QVERIFY2(!event.citations.isEmpty(), qPrintable(u"unsourced: "_s + event.title));
        for (const Citation &citation : event.citations)
            cited.insert(citation.sourceUid);
        earliestYear = std::min(earliestYear, event.start.year());
        latestYear = std::max(latestYear, event.start.year());
    }
    QCOMPARE(earliestYear, 2022);
    QCOMPARE(latestYear, 2026);

    // Every seed article is a source, in German, and is cited with a quote that stands in it.
    int seeds = 0;
    for (const Source &source : dataset->sources) {
        if (!source.notes.contains(u"Seed article"_s))
            continue;
        ++seeds;
        QCOMPARE(source.language, u"de"_s);
        QVERIFY2(cited.contains(source.uid), qPrintable(u"seed not cited: "_s + source.title));
        const QString fileName =
            source.notes.section(u"Seed article "_s, 1).section(u".txt"_s, 0, 0) + u".txt"_s;
        QFile seed(QStringLiteral(CHIPTIMELINE_SHARED_DIR "/seeds/") + fileName);
        if (!seed.open(QIODevice::ReadOnly))
            continue; // the shared folder is not beside every checkout
        const QString text = QString::fromUtf8(seed.readAll());
        for (const Event &event : dataset->events)
            for (const Citation &citation : event.citations)
                if (citation.sourceUid == source.uid)
                    QVERIFY2(!citation.quote.isEmpty() && text.contains(citation.quote),
                             qPrintable(fileName + u": "_s + citation.quote));
    }
    QCOMPARE(seeds, 5);

    // The H20 licence requirement is a range from the notice to the licence signal.
    const auto h20 =
        std::find_if(dataset->events.cbegin(), dataset->events.cend(),
                     [](const Event &e) { return e.start == PartialDate::fromYmd(2025, 4, 9); });
    QVERIFY(h20 != dataset->events.cend());
    QCOMPARE(h20->end, PartialDate::fromYmd(2025, 7, 14));
    // The 15% deal is dated to its confirmation, 11 August.
    QVERIFY(std::any_of(dataset->events.cbegin(), dataset->events.cend(), [](const Event &e) {
        return e.start == PartialDate::fromYmd(2025, 8, 11) && e.title.contains(u"15%"_s);
    }));
}

void TestNativeJsonFormat::writesStableOrderAndLayout() {
    Dataset dataset;
    dataset.title = u"T"_s;
    dataset.categories = {Category{0, u"b"_s, u"B"_s, QColor(u"#112233"_s), 2},
                          Category{0, u"a"_s, u"A"_s, QColor(u"#445566"_s), 1}};
    Source source;
    source.uid = u"s1"_s;
    source.title = u"Quelle \"zitiert\"\nzweite Zeile"_s;
    source.published = PartialDate::fromYearMonth(2025, 8);
    dataset.sources = {source};
    Event later;
    later.uid = u"e2"_s;
    later.title = u"Später"_s;
    later.start = PartialDate::fromYmd(2025, 8, 12);
    later.category = u"a"_s;
    later.citations = {Citation{u"s1"_s, u"Zitat"_s, u"para. 2"_s}};
    Event earlier = later;
    earlier.uid = u"e1"_s;
    earlier.title = u"Früher"_s;
    earlier.start = PartialDate::fromYear(2025);
    earlier.actors = {u"Nvidia"_s, u"AMD"_s};
    earlier.status = EventStatus::Disputed;
    dataset.events = {later, earlier};

    const QByteArray expected = R"({
  "format": "chiptimeline",
  "version": 1,
  "title": "T",
  "categories": [
    {
      "name": "a",
      "label": "A",
      "color": "#445566",
      "order": 1
    },
    {
      "name": "b",
      "label": "B",
      "color": "#112233",
      "order": 2
    }
  ],
  "sources": [
    {
      "uid": "s1",
      "kind": "news",
      "title": "Quelle \"zitiert\"\nzweite Zeile",
      "outlet": "",
      "authors": [],
      "url": "",
      "doi": "",
      "published": "2025-08",
      "accessed": "",
      "language": "",
      "excerpt": "",
      "notes": ""
    }
  ],
  "events": [
    {
      "uid": "e1",
      "title": "Früher",
      "summary": "",
      "start": "2025",
      "end": "",
      "category": "a",
      "status": "disputed",
      "importance": 2,
      "actors": ["Nvidia", "AMD"],
      "chips": [],
      "tags": [],
      "sources": [
        {
          "source": "s1",
          "quote": "Zitat",
          "locator": "para. 2"
        }
      ]
    },
    {
      "uid": "e2",
      "title": "Später",
      "summary": "",
      "start": "2025-08-12",
      "end": "",
      "category": "a",
      "status": "confirmed",
      "importance": 2,
      "actors": [],
      "chips": [],
      "tags": [],
      "sources": [
        {
          "source": "s1",
          "quote": "Zitat",
          "locator": "para. 2"
        }
      ]
    }
  ],
  "saved_views": []
}
)";
    QCOMPARE(NativeJsonFormat::write(dataset), expected);
}

void TestNativeJsonFormat::rejects_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    const QByteArray head = "{\n  \"format\": \"chiptimeline\",\n  \"version\": 1,\n";
    QTest::newRow("truncated") << QByteArray("{\n  \"format\": \"chiptimeline\",\n  \"events\": [")
                               << u"f.json:3:14: not valid JSON: unterminated array"_s;
    QTest::newRow("not ours")
        << QByteArray("{\"events\": []}")
        << u"f.json: format: not a ChipTimeline file (expected \"format\": \"chiptimeline\")"_s;
    QTest::newRow("newer")
        << QByteArray("{\"format\": \"chiptimeline\", \"version\": 7}")
        << u"f.json: version: written by a newer ChipTimeline (version 7; this one reads up to 1)"_s;
    QTest::newRow("impossible date")
        << head + "  \"events\": [\n    {\"uid\": \"a\", \"title\": \"A\", \"start\": \"2025\"},\n"
                  "    {\"uid\": \"b\", \"title\": \"B\", \"start\": \"2025-02-30\"}\n  ]\n}"
        << u"f.json:6: events[1].start: day 30 does not exist in February 2025"_s;
    QTest::newRow("no title")
        << head +
               "  \"events\": [\n    {\"uid\": \"a\", \"title\": \"\", \"start\": \"2025\"}\n  ]\n}"
        << u"f.json:5: events[0].title: must not be empty"_s;
    QTest::newRow("end before start")
        << head + "  \"events\": [\n    {\"uid\": \"a\", \"title\": \"A\", \"start\": \"2025-05\", "
                  "\"end\": \"2025-04\"}\n  ]\n}"
        << u"f.json:5: events[0].end: 2025-04 is before the start 2025-05"_s;
    QTest::newRow("unknown status")
        << head + "  \"events\": [\n    {\"uid\": \"a\", \"title\": \"A\", \"start\": \"2025\", "
                  "\"status\": \"rumour\"}\n  ]\n}"
        << u"f.json:5: events[0].status: 'rumour' is not one of confirmed, reported, disputed"_s;
    QTest::newRow("unknown source")
        << head + "  \"events\": [\n    {\"uid\": \"a\", \"title\": \"A\", \"start\": \"2025\",\n"
                  "     \"sources\": [{\"source\": \"nope\"}]}\n  ]\n}"
        << u"f.json:5: events[0].sources[0].source: cites source nope, which the file does not contain"_s;
    QTest::newRow("bad colour")
        << head + "  \"categories\": [{\"name\": \"x\", \"color\": \"blurple\"}]\n}"
        << u"f.json:4: categories[0].color: 'blurple' is not a colour (use #rrggbb)"_s;
}

void TestNativeJsonFormat::rejects() {
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    InputError error;
    QVERIFY(!NativeJsonFormat::read(json, u"f.json"_s, &error));
    QCOMPARE(error.toString(), message);
}

QTEST_GUILESS_MAIN(TestNativeJsonFormat)
#include "tst_nativejsonformat.moc"
