#include "StoreConnectionTestUtil.h"
#include "model/DatasetHealth.h"
#include "model/ImportPreview.h"
#include "model/formats/DatasetFormats.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"

#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDatasetFormats : public QObject {
    Q_OBJECT

private slots:
    void names();
    void detects_data();
    void detects();
    void readsEveryGoodFile_data();
    void readsEveryGoodFile();
    void citationFormatsGiveSources();
    void writesEachWritableFormat();
    void badFiles_data();
    void badFiles();
    void badFilesLeaveTheStoreUnchanged();
    void previewMatchesImport_data();
    void previewMatchesImport();
    void namesTimelineJs2AndWhatToDo();
    void unsafeAddressesAreSetAside();
    void importKeepsWorksApartAndMergesCopies();
};

namespace {

QString dataPath(const QString &name) {
    return QStringLiteral(CHIPTIMELINE_TEST_DATA "/interchange/") + name;
}

QByteArray readAll(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Every row of every table, in a stable order: what "the database did not change" means.
QStringList dump(const TimelineStore &store) {
    QStringList out;
    QSqlQuery tables(connectionOf(store));
    tables.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                "'sqlite_%' ORDER BY name"_s);
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    for (const QString &table : std::as_const(names)) {
        QSqlQuery rows(connectionOf(store));
        if (!rows.exec(u"SELECT * FROM \"%1\" ORDER BY 1"_s.arg(table)))
            continue; // FTS shadow tables that cannot be read directly
        while (rows.next()) {
            QStringList values;
            for (int i = 0; i < rows.record().count(); ++i)
                values << rows.value(i).toString();
            out << table + u": "_s + values.join(u'|');
        }
    }
    return out;
}

} // namespace

void TestDatasetFormats::names() {
    QCOMPARE(DatasetFormats::readNames(),
             (QStringList{u"auto"_s, u"json"_s, u"csv"_s, u"timelinejs"_s, u"timelinejs-json"_s,
                          u"timelinejs-csv"_s, u"timeline"_s, u"ics"_s, u"csl-json"_s, u"ris"_s,
                          u"bibtex"_s, u"biblatex"_s, u"article"_s}));
    QCOMPARE(DatasetFormats::writeNames(),
             (QStringList{u"json"_s, u"csv"_s, u"timelinejs-json"_s, u"timelinejs-csv"_s, u"ics"_s,
                          u"csl-json"_s, u"ris"_s, u"bibtex"_s, u"biblatex"_s}));
    for (const QString &name : DatasetFormats::readNames()) {
        const auto format = formatFromName(name);
        QVERIFY2(format, qPrintable(name));
        if (name != u"timelinejs"_s)
            QCOMPARE(DatasetFormats::name(*format), name);
    }
    QCOMPARE(formatFromName(u" TimelineJS "_s), DatasetFormat::TimelineJsJson);
    QVERIFY(!formatFromName(u"xlsx"_s));
    QVERIFY(!DatasetFormats::canWrite(DatasetFormat::TimelineProj));
    QVERIFY(!DatasetFormats::canWrite(DatasetFormat::ArticleText));
    QVERIFY(writeDataset(Dataset{}, DatasetFormat::TimelineProj).isEmpty());
}

void TestDatasetFormats::detects_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("format");
    const auto f = [](DatasetFormat d) {
        return int(d);
    };
    QTest::newRow("native") << u"a.json"_s << QByteArray("{\"format\": \"chiptimeline\"}")
                            << f(DatasetFormat::Native);
    QTest::newRow("timelinejs") << u"a.json"_s << readAll(dataPath(u"timelinejs.json"_s))
                                << f(DatasetFormat::TimelineJsJson);
    QTest::newRow("timelinejs with BOM")
        << u"a.json"_s << QByteArray("\xEF\xBB\xBF{\"events\": []}")
        << f(DatasetFormat::TimelineJsJson);
    QTest::newRow("csl-json") << u"a.json"_s << QByteArray("[{\"type\": \"webpage\"}]")
                              << f(DatasetFormat::CslJson);
    QTest::newRow("event csv") << u"a.csv"_s << readAll(dataPath(u"events.csv"_s))
                               << f(DatasetFormat::EventCsv);
    QTest::newRow("timelinejs csv")
        << u"a.csv"_s << readAll(dataPath(u"timelinejs.csv"_s)) << f(DatasetFormat::TimelineJsCsv);
    QTest::newRow("legacy timelinejs csv")
        << u"a.csv"_s << readAll(dataPath(u"timelinejs_legacy.csv"_s))
        << f(DatasetFormat::TimelineJsCsv);
    QTest::newRow("timeline by extension")
        << u"a.timeline"_s << QByteArray("junk") << f(DatasetFormat::TimelineProj);
    QTest::newRow("timeline by content")
        << u"a.xml"_s << readAll(dataPath(u"sample.timeline"_s)) << f(DatasetFormat::TimelineProj);
    QTest::newRow("ics") << u"a.ics"_s << QByteArray() << f(DatasetFormat::ICalendar);
    QTest::newRow("ics by content")
        << u"calendar"_s << QByteArray("BEGIN:VCALENDAR\r\n") << f(DatasetFormat::ICalendar);
    QTest::newRow("ris") << u"a.ris"_s << QByteArray() << f(DatasetFormat::Ris);
    QTest::newRow("ris by content")
        << u"export"_s << QByteArray("TY  - NEWS\r\n") << f(DatasetFormat::Ris);
    QTest::newRow("bibtex") << u"a.bib"_s << QByteArray() << f(DatasetFormat::BibTex);
    QTest::newRow("article") << u"a.txt"_s << QByteArray("Some article text.")
                             << f(DatasetFormat::ArticleText);
    QTest::newRow("csv with other columns")
        << u"a.csv"_s << QByteArray("x,y\n") << f(DatasetFormat::EventCsv);
}

void TestDatasetFormats::detects() {
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(int, format);
    const auto detected = DatasetFormats::detect(file, content);
    QVERIFY(detected);
    QCOMPARE(int(*detected), format);
}

void TestDatasetFormats::readsEveryGoodFile_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("events");
    QTest::newRow("events.csv") << u"events.csv"_s << 3;
    QTest::newRow("timelinejs.json") << u"timelinejs.json"_s << 4;
    QTest::newRow("timelinejs.csv") << u"timelinejs.csv"_s << 4;
    QTest::newRow("timelinejs_noalt.csv") << u"timelinejs_noalt.csv"_s << 2;
    QTest::newRow("timelinejs_legacy.csv") << u"timelinejs_legacy.csv"_s << 3;
    QTest::newRow("sample.timeline") << u"sample.timeline"_s << 8;
    QTest::newRow("calendar.ics") << u"calendar.ics"_s << 5;
}

void TestDatasetFormats::readsEveryGoodFile() {
    QFETCH(QString, file);
    QFETCH(int, events);
    InputError error;
    const auto dataset = readDatasetFile(dataPath(file), DatasetFormat::Auto, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    QCOMPARE(dataset->events.size(), events);

    // Each imports into a real store in one go.
    QTemporaryDir dir;
    StoreError storeError;
    auto store = TimelineStore::open(dir.filePath(u"t.sqlite"_s), &storeError);
    QVERIFY2(store, qPrintable(storeError.message));
    ImportSummary summary;
    QVERIFY2(store->importDataset(*dataset, ImportPolicy::Skip, &summary, &storeError),
             qPrintable(storeError.message));
    QCOMPARE(summary.eventsAdded, events);
    QCOMPARE(store->eventCount(), events);
}

void TestDatasetFormats::citationFormatsGiveSources() {
    const QByteArray ris = "TY  - NEWS\r\nTI  - Nvidia H20\r\nT2  - Reuters\r\nUR  - "
                           "https://www.reuters.com/x\r\nDA  - 2025/04/15/\r\nER  - \r\n";
    InputError error;
    const auto dataset = DatasetFormats::read(ris, u"a.ris"_s, DatasetFormat::Auto, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    QVERIFY(dataset->events.isEmpty());
    QCOMPARE(dataset->sources.size(), 1);
    QCOMPARE(dataset->sources.at(0).title, u"Nvidia H20"_s);
    QVERIFY(writeDataset(*dataset, DatasetFormat::Ris).contains("TI  - Nvidia H20"));
}

void TestDatasetFormats::writesEachWritableFormat() {
    InputError error;
    auto dataset = readDatasetFile(dataPath(u"events.csv"_s), DatasetFormat::Auto, &error);
    QVERIFY(dataset);
    // As the store hands them out: every event has a uid (the native file requires one).
    for (Event &event : dataset->events) {
        if (event.uid.isEmpty())
            event.uid = u"0d5b8a1e-0000-4c1e-9a57-0d5b8a1e7f09"_s;
    }
    const QList<DatasetFormat> formats{DatasetFormat::Native, DatasetFormat::EventCsv,
                                       DatasetFormat::TimelineJsJson, DatasetFormat::TimelineJsCsv,
                                       DatasetFormat::ICalendar};
    for (const DatasetFormat format : formats) {
        const QByteArray bytes = writeDataset(*dataset, format);
        QVERIFY(!bytes.isEmpty());
        // What is written is read back by the same entry point, detected by its content.
        const auto back = DatasetFormats::read(bytes, u"out."_s + DatasetFormats::extension(format),
                                               DatasetFormat::Auto, &error);
        QVERIFY2(back, qPrintable(DatasetFormats::name(format) + u": "_s + error.toString()));
        QCOMPARE(back->events.size(), dataset->events.size());
    }
}

void TestDatasetFormats::badFiles_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing column")
        << u"events_missing_start.csv"_s << u":1: missing required column 'start'"_s;
    QTest::newRow("bad date") << u"events_bad_date.csv"_s
                              << u":7: column start: day 30 does not exist in February 2025"_s;
    QTest::newRow("bad status")
        << u"events_bad_status.csv"_s
        << u":2: column status: 'rumour' is not one of confirmed, reported, disputed"_s;
    QTest::newRow("unclosed quote")
        << u"unclosed_quote.csv"_s << u":12: a quoted cell opened here never closes"_s;
    QTest::newRow("latin1") << u"latin1.csv"_s
                            << u":3: not UTF-8 text (invalid byte 0xE4); save it as UTF-8"_s;
    QTest::newRow("binary") << u"binary.csv"_s
                            << u":1: not UTF-8 text (invalid byte 0x89); save it as UTF-8"_s;
    QTest::newRow("tjs bad date")
        << u"timelinejs_bad_date.json"_s
        << u":7: events[1].start_date: day 30 does not exist in February 2025"_s;
    QTest::newRow("tjs truncated")
        << u"timelinejs_truncated.json"_s << u":5:60: not valid JSON: unterminated string"_s;
    QTest::newRow("tjs csv title in the middle")
        << u"timelinejs_title_middle.csv"_s
        << u":4: column Type: a title row must be the first row of the sheet"_s;
    QTest::newRow("tjs csv bad number")
        << u"timelinejs_bad_number.csv"_s << u":2: column Month: 'Apr' is not a number"_s;
    QTest::newRow("old timeline")
        << u"old_format.timeline"_s
        << u":1: a Timeline 0.x file (its line format: EVENT:, CATEGORY:); ChipTimeline reads the "
           "XML .timeline files of Timeline 1.0 and later — open it in Timeline "
           "(thetimelineproj) 1.x or later, save it, and import the saved file"_s;
    QTest::newRow("malformed timeline")
        << u"malformed.timeline"_s
        << u":8:26: not well-formed XML: Opening and ending tag mismatch."_s;
    QTest::newRow("truncated timeline")
        << u"truncated.timeline"_s << u":7: not well-formed XML: Premature end of document."_s;
    QTest::newRow("latin1 timeline")
        << u"latin1.timeline"_s << u":8: not UTF-8 text (invalid byte 0xE4); save it as UTF-8"_s;
    QTest::newRow("truncated ics")
        << u"truncated.ics"_s << u":3: BEGIN:VEVENT never ends (the file is cut short)"_s;
    QTest::newRow("bad date ics") << u"bad_date.ics"_s
                                  << u":5: DTSTART: day 30 does not exist in February 2025"_s;
}

void TestDatasetFormats::badFiles() {
    QFETCH(QString, file);
    QFETCH(QString, message);
    InputError error;
    QVERIFY(!readDatasetFile(dataPath(file), DatasetFormat::Auto, &error));
    QCOMPARE(error.toString(), dataPath(file) + message);
}

void TestDatasetFormats::badFilesLeaveTheStoreUnchanged() {
    QTemporaryDir dir;
    StoreError storeError;
    auto store = TimelineStore::open(dir.filePath(u"t.sqlite"_s), &storeError);
    QVERIFY2(store, qPrintable(storeError.message));
    InputError error;
    const auto seed = readDatasetFile(
        QStringLiteral(CHIPTIMELINE_SOURCE_DIR "/resources/dataset/default.chiptimeline.json"),
        DatasetFormat::Auto, &error);
    QVERIFY2(seed, qPrintable(error.toString()));
    QVERIFY(store->importDataset(*seed, ImportPolicy::Skip, nullptr, &storeError));
    const QStringList before = dump(*store);
    QVERIFY(before.size() > 100);

    const QStringList files{u"events_missing_start.csv"_s,
                            u"events_bad_date.csv"_s,
                            u"events_bad_status.csv"_s,
                            u"unclosed_quote.csv"_s,
                            u"latin1.csv"_s,
                            u"binary.csv"_s,
                            u"timelinejs_bad_date.json"_s,
                            u"timelinejs_truncated.json"_s,
                            u"timelinejs_no_events.json"_s,
                            u"timelinejs_title_middle.csv"_s,
                            u"timelinejs_bad_header.csv"_s,
                            u"timelinejs_missing_year.csv"_s,
                            u"timelinejs_bad_number.csv"_s,
                            u"old_format.timeline"_s,
                            u"malformed.timeline"_s,
                            u"bad_date.timeline"_s,
                            u"truncated.timeline"_s,
                            u"numtime.timeline"_s,
                            u"latin1.timeline"_s,
                            u"truncated.ics"_s,
                            u"bad_date.ics"_s};
    for (const QString &file : files) {
        for (const DatasetFormat format :
             {DatasetFormat::Auto, DatasetFormat::EventCsv, DatasetFormat::TimelineJsJson,
              DatasetFormat::TimelineJsCsv, DatasetFormat::TimelineProj,
              DatasetFormat::ICalendar}) {
            const auto dataset = readDatasetFile(dataPath(file), format, &error);
            if (format == DatasetFormat::Auto)
                QVERIFY2(!dataset, qPrintable(file));
            if (dataset) // read as some other format by force: the store decides
                continue;
            QVERIFY(!error.isEmpty());
        }
        const auto dataset = readDatasetFile(dataPath(file), DatasetFormat::Auto, &error);
        QVERIFY(!dataset);
        // The command line imports only what was read; nothing reaches the store.
        if (dataset)
            QVERIFY(store->importDataset(*dataset, ImportPolicy::Update, nullptr, &storeError));
        QCOMPARE(dump(*store), before);
    }
    // A 10 MB cell with a bad date at the end is refused too, and changes nothing.
    QByteArray big = "title,start,summary\r\nBig,2025-02-30,\"";
    big += QByteArray(10 * 1024 * 1024, 'x');
    big += "\"\r\n";
    QFile out(dir.filePath(u"big.csv"_s));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(big);
    out.close();
    QVERIFY(!readDatasetFile(out.fileName(), DatasetFormat::Auto, &error));
    QCOMPARE(error.toString(),
             out.fileName() + u":2: column start: day 30 does not exist in February 2025"_s);
    QCOMPARE(dump(*store), before);
}

void TestDatasetFormats::previewMatchesImport_data() {
    QTest::addColumn<int>("policy");
    QTest::newRow("skip") << int(ImportPolicy::Skip);
    QTest::newRow("update") << int(ImportPolicy::Update);
    QTest::newRow("keep both") << int(ImportPolicy::KeepBoth);
}

void TestDatasetFormats::previewMatchesImport() {
    QFETCH(int, policy);
    const auto importPolicy = ImportPolicy(policy);
    QTemporaryDir dir;
    StoreError storeError;
    auto store = TimelineStore::open(dir.filePath(u"t.sqlite"_s), &storeError);
    QVERIFY2(store, qPrintable(storeError.message));
    InputError error;
    // The store holds the TimelineJS sheet; the JSON version of the same timeline comes in:
    // some events match by uid, those without one by title and dates, some are new.
    const auto first = readDatasetFile(dataPath(u"timelinejs.json"_s), DatasetFormat::Auto, &error);
    QVERIFY(first);
    QVERIFY(store->importDataset(*first, ImportPolicy::Skip, nullptr, &storeError));
    auto second = readDatasetFile(dataPath(u"timelinejs.csv"_s), DatasetFormat::Auto, &error);
    QVERIFY(second);
    Event extra;
    extra.title = u"Brand new"_s;
    extra.start = PartialDate::fromYear(2026);
    second->events << extra << extra; // the second copy matches the first once it is in

    const ImportSummary preview = ImportPreview::preview(*store, *second, importPolicy);
    const QStringList before = dump(*store);
    QCOMPARE(dump(*store), before); // previewing writes nothing
    ImportSummary actual;
    QVERIFY2(store->importDataset(*second, importPolicy, &actual, &storeError),
             qPrintable(storeError.message));
    QCOMPARE(preview, actual);
    QVERIFY(preview.eventsAdded > 0);
    if (importPolicy == ImportPolicy::Skip)
        QVERIFY(preview.eventsSkipped > 0);
}

void TestDatasetFormats::namesTimelineJs2AndWhatToDo() {
    const QByteArray tjs2 = R"({"timeline": {"headline": "Chips", "type": "default",
        "date": [{"startDate": "2025,4,9", "headline": "H20 licence"}]}})";
    const QString message =
        u"a TimelineJS 2 file (timeline.date); ChipTimeline reads TimelineJS 3 JSON — open it in "
        "TimelineJS 3 (or convert it to its JSON, with \"events\" and \"start_date\", or to its "
        "spreadsheet saved as CSV) and import that"_s;
    for (const auto &[name, format] :
         {std::pair(u"old.json"_s, DatasetFormat::Auto), std::pair(u"old"_s, DatasetFormat::Auto),
          std::pair(u"old.json"_s, DatasetFormat::Native),
          std::pair(u"old.json"_s, DatasetFormat::TimelineJsJson)}) {
        InputError error;
        QVERIFY(!DatasetFormats::read(tjs2, name, format, &error));
        QCOMPARE(error.toString(), name + u": "_s + message);
    }
}

// An address that would run code or open a local file is never stored as the address; it
// stays in the notes, so nothing in the file is lost.
void TestDatasetFormats::unsafeAddressesAreSetAside() {
    InputError error;
    const auto dataset = DatasetFormats::read(
        "TY  - ELEC\nTI  - Bad link\nUR  - javascript:alert(document.cookie)\nER  - \n"
        "TY  - ELEC\nTI  - Local\nUR  - file:///etc/passwd\nER  - \n"
        "TY  - ELEC\nTI  - Good\nUR  - https://example.org/\nER  - \n",
        u"a.ris"_s, DatasetFormat::Auto, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    QCOMPARE(dataset->sources.size(), 3);
    QCOMPARE(dataset->sources.at(0).url, QString());
    QCOMPARE(dataset->sources.at(0).notes, u"unsafe-address: javascript:alert(document.cookie)"_s);
    QCOMPARE(dataset->sources.at(1).url, QString());
    QCOMPARE(dataset->sources.at(1).notes, u"unsafe-address: file:///etc/passwd"_s);
    QCOMPARE(dataset->sources.at(2).url, u"https://example.org/"_s);
    QCOMPARE(dataset->sources.at(2).notes, QString());
}

// Through the store: two works behind one address are both added; a copy of a stored news
// article (same title and day, another address, from another library) is not added again,
// and `check` then finds no duplicate.
void TestDatasetFormats::importKeepsWorksApartAndMergesCopies() {
    QTemporaryDir dir;
    StoreError storeError;
    auto store = TimelineStore::open(dir.filePath(u"t.sqlite"_s), &storeError);
    QVERIFY2(store, qPrintable(storeError.message));
    InputError error;
    const auto report = DatasetFormats::read(
        "1.\nTY  - RPRT\nTI  - Export controls, part 1\nUR  - https://example.org/report\n"
        "DA  - 2025/01/13/\nER  - \n2.\nTY  - RPRT\nTI  - Export controls, part 2\n"
        "UR  - https://example.org/report\nDA  - 2025/01/13/\nER  - \n",
        u"a.ris"_s, DatasetFormat::Auto, &error);
    QVERIFY2(report, qPrintable(error.toString()));
    ImportSummary summary;
    QVERIFY2(store->importDataset(*report, ImportPolicy::Skip, &summary, &storeError),
             qPrintable(storeError.message));
    QCOMPARE(summary.toString(), u"events: 0 added, 0 updated, 0 skipped; sources: 2 added, 0 "
                                 "updated, 0 skipped"_s);

    const auto syndicated = DatasetFormats::read(
        "TY  - NEWS\nTI  - Nvidia to pay 15% of China chip sales to US\nT2  - Reuters\n"
        "UR  - https://www.reuters.com/h20-deal\nDA  - 2025/08/11/\nER  - \n",
        u"b.ris"_s, DatasetFormat::Auto, &error);
    QVERIFY2(syndicated, qPrintable(error.toString()));
    QVERIFY(store->importDataset(*syndicated, ImportPolicy::Skip, &summary, &storeError));
    const auto zotero = DatasetFormats::read(
        R"([{"id": "z1", "type": "article-newspaper",
            "title": "Nvidia to pay 15% of China chip sales to US", "container-title": "Yahoo",
            "URL": "https://finance.yahoo.com/news/h20-deal", "issued": {"date-parts": [[2025, 8, 11]]}}])",
        u"z.json"_s, DatasetFormat::Auto, &error);
    QVERIFY2(zotero, qPrintable(error.toString()));
    QVERIFY(store->importDataset(*zotero, ImportPolicy::Skip, &summary, &storeError));
    QCOMPARE(summary.toString(), u"events: 0 added, 0 updated, 0 skipped; sources: 0 added, 0 "
                                 "updated, 1 skipped"_s);
    QCOMPARE(store->sourceCount(), 3);
    const QList<HealthFinding> findings = DatasetHealth::check(store->dataset());
    QVERIFY(std::none_of(findings.cbegin(), findings.cend(), [](const HealthFinding &f) {
        return f.kind == HealthFinding::Kind::DuplicateSources;
    }));
}

QTEST_GUILESS_MAIN(TestDatasetFormats)
#include "tst_datasetformats.moc"
