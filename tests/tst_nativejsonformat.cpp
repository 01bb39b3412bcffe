#include "model/formats/DatasetFormats.h"
#include "model/formats/JsonWriter.h"
#include "model/formats/NativeJsonFastReader.h"
#include "model/formats/NativeJsonFormat.h"

#include <QFile>
#include <QTemporaryDir>
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
    void fastReaderReadsEveryField();
    void fastReaderMatchesThoroughReader_data();
    void fastReaderMatchesThoroughReader();
    void unusualInputIsReadThoroughly_data();
    void unusualInputIsReadThoroughly();
    void largeFileReadFromMapping();
    void writesStringsEscapedAsUtf8_data();
    void writesStringsEscapedAsUtf8();
    void translationsRoundTripThroughBothReaders();
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
        << u"f.json: version: written by a newer ChipTimeline (version 7; this one reads up to 2)"_s;
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
    QTest::newRow("bad translation language")
        << head + "  \"events\": [\n    {\"uid\": \"a\", \"title\": \"A\", \"start\": \"2025\", "
                  "\"translations\": {\"German\": {\"title\": \"B\"}}}\n  ]\n}"
        << u"f.json:5: events[0].translations: \"German\" is not a language code (use two or "
           "three lowercase letters: \"de\")"_s;
    QTest::newRow("translations not an object")
        << head + "  \"categories\": [{\"name\": \"x\", \"translations\": [\"de\"]}]\n}"
        << u"f.json:4: categories[0].translations: must be an object"_s;
}

void TestNativeJsonFormat::rejects() {
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    InputError error;
    QVERIFY(!NativeJsonFormat::read(json, u"f.json"_s, &error));
    QCOMPARE(error.toString(), message);
}

namespace {
// Every field the format has, with the quirks of JSON text: escapes, a surrogate pair,
// UTF-8 of two, three and four bytes, nulls, keys this version does not know (skipped at
// every level), a category without "order", one made up for an event, empty arrays.
const QByteArray everyField = R"({
  "format": "chiptimeline",
  "version": 1,
  "title": "Every \"field\" \u00e9t\u00e9 \ud83d\ude80 / \/ \\ \b\f\n\r\t",
  "comment": {"nested": [1, -2.5, 0, true, false, null, "x", {"deep": []}], "n": 12345},
  "categories": [
    {"name": "a", "label": "Ä-Kategorie 中文", "color": "#445566", "order": 7, "extra": [null]},
    {"name": "b", "label": null, "color": null},
    {"name": "c", "order": null, "color": "#ABCDEF"}
  ],
  "sources": [
    {
      "uid": "s1", "kind": "official", "title": "Quelle \"zitiert\"\nzweite Zeile 😀",
      "outlet": "Eulerpool", "authors": ["Muster, Erika", "Reuters"], "url": "https://x.example/a?b=1",
      "doi": "10.1234/ABC", "published": "2025-08", "accessed": "2025-11-01", "language": "de",
      "excerpt": "Exportbeschränkungen", "notes": "Seed\u0020article", "unknown": {"a": 1}
    },
    {"uid": "s2", "title": "Second", "kind": "", "authors": null, "published": null, "accessed": "",
     "outlet": "\ufeffEscaped mark"},
    {"uid": "s3", "title": "Third", "authors": []}
  ],
  "events": [
    {
      "uid": "e1", "title": "Früher", "summary": "**Bold** line\nnext", "start": "2025",
      "end": "2026-02-28", "category": "a", "status": "disputed", "importance": 3,
      "actors": ["Nvidia", "AMD", "  spaced  "], "chips": ["H20"], "tags": ["t1", "t2"],
      "sources": [
        {"source": "s1", "quote": "Zitat", "locator": "para. 2", "ignored": true},
        {"source": "s2", "quote": null},
        {"source": "s3"}
      ]
    },
    {"uid": "e2", "title": "Made-up category", "start": "2025-08-12", "category": "new-one",
     "summary": null, "end": null, "status": null, "actors": null, "sources": null},
    {"uid": "e3", "title": "Reported", "start": "2024-01", "status": "reported", "importance": 1,
     "chips": [], "tags": [], "sources": []}
  ],
  "saved_views": [
    {"name": "View", "filter": "category:a"},
    {"name": "No filter"}
  ]
}
)";
} // namespace

void TestNativeJsonFormat::fastReaderReadsEveryField() {
    const std::optional<Dataset> fast = NativeJsonFastReader::read(everyField);
    QVERIFY(fast);
    QCOMPARE(fast->title, u"Every \"field\" été 🚀 / / \\ \b\f\n\r\t"_s);
    QCOMPARE(fast->categories.size(), 4);
    QCOMPARE(fast->categories[0].name, u"a"_s);
    QCOMPARE(fast->categories[0].label, u"Ä-Kategorie 中文"_s);
    QCOMPARE(fast->categories[0].color, QColor(u"#445566"_s));
    QCOMPARE(fast->categories[0].order, 7);
    QCOMPARE(fast->categories[1].label, QString());
    QVERIFY(!fast->categories[1].color.isValid());
    QCOMPARE(fast->categories[1].order, 2);
    QCOMPARE(fast->categories[2].order, 3);
    QCOMPARE(fast->categories[3].name, u"new-one"_s);
    QCOMPARE(fast->categories[3].order, 4);
    QCOMPARE(fast->categories[3].color, QColor(0x80, 0x80, 0x80));

    QCOMPARE(fast->sources.size(), 3);
    const Source &s1 = fast->sources[0];
    QCOMPARE(s1.kind, u"official"_s);
    QCOMPARE(s1.title, u"Quelle \"zitiert\"\nzweite Zeile 😀"_s);
    QCOMPARE(s1.authors, (QStringList{u"Muster, Erika"_s, u"Reuters"_s}));
    QCOMPARE(s1.doi, u"10.1234/ABC"_s);
    QCOMPARE(s1.published, PartialDate::fromYearMonth(2025, 8));
    QCOMPARE(s1.accessed, PartialDate::fromYmd(2025, 11, 1));
    QCOMPARE(s1.excerpt, u"Exportbeschränkungen"_s);
    QCOMPARE(s1.notes, u"Seed article"_s);
    QCOMPARE(fast->sources[1].kind, u"news"_s);
    QVERIFY(!fast->sources[1].published.isValid());

    QCOMPARE(fast->events.size(), 3);
    const Event &e1 = fast->events[0];
    QCOMPARE(e1.summary, u"**Bold** line\nnext"_s);
    QCOMPARE(e1.start, PartialDate::fromYear(2025));
    QCOMPARE(e1.end, PartialDate::fromYmd(2026, 2, 28));
    QCOMPARE(e1.status, EventStatus::Disputed);
    QCOMPARE(e1.importance, 3);
    QCOMPARE(e1.actors, (QStringList{u"Nvidia"_s, u"AMD"_s, u"  spaced  "_s}));
    QCOMPARE(e1.tags, (QStringList{u"t1"_s, u"t2"_s}));
    QCOMPARE(e1.citations.size(), 3);
    QCOMPARE(e1.citations[0], (Citation{u"s1"_s, u"Zitat"_s, u"para. 2"_s}));
    QCOMPARE(e1.citations[1], (Citation{u"s2"_s, {}, {}}));
    QCOMPARE(fast->events[1].importance, 2);
    QCOMPARE(fast->events[1].status, EventStatus::Confirmed);
    QCOMPARE(fast->events[2].status, EventStatus::Reported);
    QCOMPARE(fast->savedViews.size(), 2);
    QCOMPARE(fast->savedViews[0].filter, u"category:a"_s);

    // And exactly what the QJsonDocument reader makes of the same bytes.
    InputError error;
    const std::optional<Dataset> thorough =
        NativeJsonFormat::readThoroughly(everyField, u"f.json"_s, &error);
    QVERIFY2(thorough, qPrintable(error.toString()));
    QCOMPARE(*fast, *thorough);
}

void TestNativeJsonFormat::fastReaderMatchesThoroughReader_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("default dataset") << defaultDatasetBytes();
    QTest::newRow("every field") << everyField;
    QTest::newRow("minimal") << QByteArray(R"({"format":"chiptimeline","version":1})");
    QTest::newRow("empty arrays") << QByteArray(
        "{\"format\": \"chiptimeline\", \"version\": 1, \"categories\": [], "
        "\"sources\": [ ], \"events\": [\n], \"saved_views\": []}\r\n");
}

void TestNativeJsonFormat::fastReaderMatchesThoroughReader() {
    QFETCH(QByteArray, json);
    QVERIFY(!json.isEmpty());
    const std::optional<Dataset> fast = NativeJsonFastReader::read(json);
    QVERIFY(fast); // the fast path is taken for these
    InputError error;
    const std::optional<Dataset> thorough =
        NativeJsonFormat::readThoroughly(json, u"f.json"_s, &error);
    QVERIFY2(thorough, qPrintable(error.toString()));
    QCOMPARE(*fast, *thorough);
    const std::optional<Dataset> read = NativeJsonFormat::read(json, u"f.json"_s, &error);
    QVERIFY(read);
    QCOMPARE(*read, *thorough);
}

void TestNativeJsonFormat::unusualInputIsReadThoroughly_data() {
    // Input the fast reader declines: read() then gives exactly what QJsonDocument's reader
    // gives, a dataset or the message ("" when it reads).
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    const QByteArray head = "{\n  \"format\": \"chiptimeline\",\n  \"version\": 1,\n";
    QTest::newRow("key twice, the last counts")
        << QByteArray(R"({"format": "chiptimeline", "version": 1, "title": "A", "title": "B"})")
        << QString();
    QTest::newRow("escaped key")
        << QByteArray(R"({"format": "chiptimeline", "version": 1, "\u0074itle": "T"})")
        << QString();
    QTest::newRow("events before sources")
        << QByteArray(R"({"format": "chiptimeline", "version": 1, "events": [{"uid": "e",
           "title": "E", "start": "2025", "sources": [{"source": "s"}]}],
           "sources": [{"uid": "s", "title": "S"}]})")
        << QString();
    QTest::newRow("version 1.0") << QByteArray(R"({"format": "chiptimeline", "version": 1.0})")
                                 << QString();
    QTest::newRow("truncated") << QByteArray("{\n  \"format\": \"chiptimeline\",\n  \"events\": [")
                               << u"f.json:3:14: not valid JSON: unterminated array"_s;
    QTest::newRow("garbage after the end")
        << QByteArray(R"({"format": "chiptimeline", "version": 1} x)")
        << u"f.json:1:42: not valid JSON: garbage at the end of the document"_s;
    QTest::newRow("impossible date")
        << head + "  \"events\": [\n    {\"uid\": \"a\", \"title\": \"A\", \"start\": \"2025\"},\n"
                  "    {\"uid\": \"b\", \"title\": \"B\", \"start\": \"2025-02-30\"}\n  ]\n}"
        << u"f.json:6: events[1].start: day 30 does not exist in February 2025"_s;
    QTest::newRow("uid twice") << head +
                                      "  \"sources\": [\n    {\"uid\": \"s\", \"title\": \"A\"},\n"
                                      "    {\"uid\": \"s\", \"title\": \"B\"}\n  ]\n}"
                               << u"f.json:6: sources[1].uid: uid s appears twice"_s;
    QTest::newRow("importance out of range")
        << head + "  \"events\": [\n    {\"uid\": \"a\", \"title\": \"A\", \"start\": \"2025\", "
                  "\"importance\": 4}\n  ]\n}"
        << u"f.json:5: events[0].importance: must be 1, 2 or 3"_s;
    QTest::newRow("raw byte-order mark in a string")
        << QByteArray(
               "{\"format\": \"chiptimeline\", \"version\": 1, \"title\": \"\xef\xbb\xbfT\"}")
        << QString();
    QTest::newRow("invalid UTF-8")
        << QByteArray("{\"format\": \"chiptimeline\", \"version\": 1, \"title\": \"\xff\"}")
        << QString(); // filled in below from the thorough reader
}

void TestNativeJsonFormat::unusualInputIsReadThoroughly() {
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    QVERIFY(!NativeJsonFastReader::read(json));
    InputError thoroughError;
    const std::optional<Dataset> thorough =
        NativeJsonFormat::readThoroughly(json, u"f.json"_s, &thoroughError);
    InputError error;
    const std::optional<Dataset> read = NativeJsonFormat::read(json, u"f.json"_s, &error);
    QCOMPARE(read.has_value(), thorough.has_value());
    if (read)
        QCOMPARE(*read, *thorough);
    QCOMPARE(error.toString(), thoroughError.toString());
    if (!message.isEmpty())
        QCOMPARE(error.toString(), message);
}

void TestNativeJsonFormat::largeFileReadFromMapping() {
    // Over 16 MB, so the reader gives pages of the mapping back while it reads.
    Dataset dataset;
    Source source;
    source.uid = u"s"_s;
    source.title = u"Quelle"_s;
    dataset.sources = {source};
    for (int i = 0; i < 500; ++i) {
        Event event;
        event.uid = u"e%1"_s.arg(i, 4, 10, QChar(u'0'));
        event.title = u"Ereignis %1 – Exportbeschränkungen"_s.arg(i);
        event.summary = QString(50000, QChar(u'a' + i % 26)) + u" ü"_s;
        event.start = PartialDate::fromYmd(2020 + i % 6, 1 + i % 12, 1 + i % 28);
        event.citations = {Citation{u"s"_s, u"Zitat %1"_s.arg(i), {}}};
        dataset.events << event;
    }
    const QByteArray bytes = NativeJsonFormat::write(dataset);
    QVERIFY(bytes.size() > 20 * 1000 * 1000);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"large.chiptimeline.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();

    InputError error;
    const std::optional<Dataset> fromBytes = NativeJsonFormat::read(bytes, path, &error);
    QVERIFY2(fromBytes, qPrintable(error.toString()));
    QCOMPARE(fromBytes->events.size(), 500);
    for (const DatasetFormat format : {DatasetFormat::Native, DatasetFormat::Auto}) {
        const std::optional<Dataset> mapped = readDatasetFile(path, format, &error);
        QVERIFY2(mapped, qPrintable(error.toString()));
        QCOMPARE(*mapped, *fromBytes);
    }
    const std::optional<Dataset> viaReadFile = NativeJsonFormat::readFile(path, &error);
    QVERIFY(viaReadFile);
    QCOMPARE(*viaReadFile, *fromBytes);

    // Broken at the end: the fast reader has given pages back when it meets the error; the
    // thorough reader reads them again and names the place.
    QByteArray broken = bytes;
    broken.chop(3);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(broken), broken.size());
    file.close();
    InputError fromBytesError;
    QVERIFY(!NativeJsonFormat::read(broken, path, &fromBytesError));
    QVERIFY(fromBytesError.line > 1);
    InputError mappedError;
    QVERIFY(!readDatasetFile(path, DatasetFormat::Native, &mappedError));
    QCOMPARE(mappedError.toString(), fromBytesError.toString());
}

void TestNativeJsonFormat::writesStringsEscapedAsUtf8_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("json");
    const auto units = [](std::initializer_list<char16_t> list) {
        QString text;
        for (const char16_t unit : list)
            text += QChar(unit);
        return text;
    };
    QTest::newRow("plain") << u"Nvidia H20"_s << QByteArray(R"("Nvidia H20")");
    QTest::newRow("quote, backslash, slash") << u"a\"b\\c/d"_s << QByteArray(R"("a\"b\\c/d")");
    QTest::newRow("control characters")
        << units({0x01, 0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x1f, 0x20, 0x7f})
        << QByteArray("\"\\u0001\\u0008\\t\\n\\u000c\\r\\u001f \x7f\"");
    QTest::newRow("NUL") << units({u'a', 0, u'b'}) << QByteArray(R"("a\u0000b")");
    QTest::newRow("two and three bytes")
        << units({0xe9, 0x7ff, 0x800, 0x4e2d, 0xfffe, 0xffff})
        << QByteArray("\"\xc3\xa9\xdf\xbf\xe0\xa0\x80\xe4\xb8\xad\xef\xbf\xbe\xef\xbf\xbf\"");
    // A byte-order mark is escaped wherever it stands (Qt's reader drops it raw).
    QTest::newRow("byte-order mark") << units({0xfeff, u'a', 0xe9, 0xfeff, 0xe9})
                                     << QByteArray("\"\\ufeffa\xc3\xa9\\ufeff\xc3\xa9\"");
    QTest::newRow("surrogate pair") << units({u'a', 0xd83d, 0xde80, 0xdbff, 0xdfff})
                                    << QByteArray("\"a\xf0\x9f\x9a\x80\xf4\x8f\xbf\xbf\"");
    // Text that is not UTF-16 (a lone surrogate) is written as '?', as QString::toUtf8 does.
    QTest::newRow("lone high surrogate at the end")
        << units({u'a', 0xd83d}) << QByteArray(R"("a?")");
    QTest::newRow("lone high surrogate before ASCII")
        << units({0xd83d, u'a'}) << QByteArray(R"("?a")");
    QTest::newRow("lone high surrogate before a mark")
        << units({0xd83d, 0xfeff}) << QByteArray(R"("?\ufeff")");
    QTest::newRow("lone low surrogate") << units({0xde80, 0xe9}) << QByteArray("\"?\xc3\xa9\"");
    QTest::newRow("high, high, low")
        << units({0xd83d, 0xd83d, 0xde80}) << QByteArray("\"?\xf0\x9f\x9a\x80\"");
    QTest::newRow("low, high") << units({0xde80, 0xd83d}) << QByteArray(R"("??")");

    // Long text is written in pieces; a pair across the end of one stays whole.
    for (const qsizetype before : {4094, 4095, 4096, 8191}) {
        QString text(before, u'x');
        text += units({0xd83d, 0xde80, u'"'});
        QTest::addRow("pair after %lld units", qlonglong(before))
            << text << QByteArray("\"") + QByteArray(before, 'x') + "\xf0\x9f\x9a\x80\\\"\"";
    }
    QString highs(4094, u'x');
    highs += QString(5000, QChar(0xd83d)) + QChar(0xde80);
    QTest::newRow("a run of high surrogates across pieces")
        << highs
        << QByteArray("\"") + QByteArray(4094, 'x') + QByteArray(4999, '?') + "\xf0\x9f\x9a\x80\"";
}

void TestNativeJsonFormat::writesStringsEscapedAsUtf8() {
    QFETCH(QString, text);
    QFETCH(QByteArray, json);
    JsonWriter writer;
    writer.value(text);
    QCOMPARE(writer.take(), json + '\n');

    // Keys and string arrays are written the same way.
    JsonWriter object;
    object.beginObject();
    object.key(text);
    object.stringArray({text, text});
    object.endObject();
    QCOMPARE(object.take(), "{\n  " + json + ": [" + json + ", " + json + "]\n}\n");
}

void TestNativeJsonFormat::translationsRoundTripThroughBothReaders() {
    Dataset dataset;
    Category category{0, u"us-export-control"_s, u"US export controls"_s, QColor(u"#112233"_s), 1};
    category.labelTranslations.insert(u"de"_s, u"US-Exportkontrollen"_s);
    dataset.categories << category;
    Event event;
    event.uid = u"e1"_s;
    event.title = u"US restricts chip exports"_s;
    event.summary = u"The **rule** applies."_s;
    event.start = PartialDate::fromYmd(2025, 4, 15);
    event.category = category.name;
    event.translations.insert(u"de"_s,
                              {u"USA beschränken Chipexporte"_s, u"Die **Regel** gilt."_s});
    event.translations.insert(u"fr"_s, {u"Les États-Unis restreignent"_s, {}});
    dataset.events << event;
    Event plain = event;
    plain.uid = u"e2"_s;
    plain.translations.clear();
    dataset.events << plain;

    const QByteArray bytes = NativeJsonFormat::write(dataset);
    QVERIFY(bytes.contains("      \"translations\": {\n        \"de\": {\n          \"title\": "
                           "\"USA beschränken Chipexporte\",\n"));
    QVERIFY(bytes.contains("\"translations\": {\n        \"de\": {\n          \"label\": "
                           "\"US-Exportkontrollen\"\n        }\n      }\n"));
    // The event without translations carries no key at all.
    QCOMPARE(bytes.count("\"translations\""), 2);

    const std::optional<Dataset> fast = NativeJsonFastReader::read(bytes);
    QVERIFY(fast);
    InputError error;
    const std::optional<Dataset> thorough =
        NativeJsonFormat::readThoroughly(bytes, u"f.json"_s, &error);
    QVERIFY2(thorough, qPrintable(error.toString()));
    for (const Dataset &read : {*fast, *thorough}) {
        QCOMPARE(read.events.size(), 2);
        QCOMPARE(read.events.at(0).translations, event.translations);
        QCOMPARE(read.events.at(0).translations.value(u"fr"_s).summary, QString());
        QVERIFY(read.events.at(1).translations.isEmpty());
        QCOMPARE(read.categories.size(), 1);
        QCOMPARE(read.categories.at(0).labelTranslations, category.labelTranslations);
        QCOMPARE(NativeJsonFormat::write(read), bytes);
    }
}

QTEST_GUILESS_MAIN(TestNativeJsonFormat)
#include "tst_nativejsonformat.moc"
