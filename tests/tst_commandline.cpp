#include "CommandLineTestUtil.h"
#include "app/CommandLine.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCommandLine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void importThenListJson();
    void exportDataAsOfGivesTheEarlierFile();
    void historyListsTheRevisions();
    void changesSinceListsEachItem();
    void changesSinceLeavesOutARecordRewrittenAsItWas();
    void asOfCombinesWithFiltersAndSearch();
    void listTextShowsQuotes();
    void listFilters();
    void filtersTakeUsersWords_data();
    void filtersTakeUsersWords();
    void filterMatchingNothing_data();
    void filterMatchingNothing();
    void exportNamesItsFilters();
    void checkDefaultDatasetHasNoUnsourcedEvent();
    void checkFailsOnUnsourcedEvent();
    void searchFindsGermanWithoutUmlauts();
    void searchListsMatchingSources();
    void defaultDatabaseIsFilledOnFirstUse();
    void usageErrors_data();
    void usageErrors();
    void badImportChangesNothing();
    void notADatabase();
    void serverTroubleIsOneLine_data();
    void serverTroubleIsOneLine();
    void exportDataRoundTrips();
    void importDryRunWritesNothing();
    void exportDataFormatFromExtension();
    void isHeadless();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestCommandLine::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(u"chiptimeline-test"_s);
    // As under cron, ssh without a login shell or a service: the revisions still name the
    // login name (historyListsTheRevisions).
    qunsetenv("USER");
    qunsetenv("USERNAME");
}

void TestCommandLine::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath(u"t.sqlite"_s);
    const Result imported = run({u"--db"_s, m_db, u"import"_s, datasetFile()});
    QVERIFY2(imported.code == 0, qPrintable(imported.err));
}

// `list --json` writes the events as the native file does (NativeJsonFormat::writeEvents):
// each object is the very one the dataset file holds for that event, its sources by uid.
void TestCommandLine::importThenListJson() {
    const Result result = run({u"--db"_s, m_db, u"list"_s, u"--json"_s});
    QCOMPARE(result.code, 0);
    QCOMPARE(result.err, QString());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray events = document.array();
    QCOMPARE(events.size(), 39);

    QFile file(datasetFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QHash<QString, QJsonObject> inFile;
    for (const QJsonValue &value :
         QJsonDocument::fromJson(file.readAll()).object().value(u"events"_s).toArray())
        inFile.insert(value.toObject().value(u"uid"_s).toString(), value.toObject());
    QCOMPARE(inFile.size(), 39);
    // Each event's relations: those of the file's that start or end at it, in the file's order.
    QHash<QString, QJsonArray> relationsInFile;
    file.seek(0);
    for (const QJsonValue &value :
         QJsonDocument::fromJson(file.readAll()).object().value(u"relations"_s).toArray()) {
        relationsInFile[value.toObject().value(u"from"_s).toString()] << value;
        relationsInFile[value.toObject().value(u"to"_s).toString()] << value;
    }
    QString previousStart;
    for (const QJsonValue &value : events) {
        QJsonObject event = value.toObject();
        const QString uid = event.value(u"uid"_s).toString();
        QCOMPARE(event.take(u"relations"_s).toArray(), relationsInFile.value(uid));
        QCOMPARE(event, inFile.value(uid));
        QVERIFY(event.value(u"start"_s).toString() >= previousStart.left(4));
        previousStart = event.value(u"start"_s).toString();
    }
    const QJsonObject first = events.first().toObject();
    QCOMPARE(first.keys(),
             (QStringList{u"actors"_s, u"category"_s, u"chips"_s, u"end"_s, u"importance"_s,
                          u"relations"_s, u"sources"_s, u"start"_s, u"status"_s, u"summary"_s,
                          u"tags"_s, u"title"_s, u"translations"_s, u"uid"_s}));
    QCOMPARE(first.value(u"uid"_s).toString(), u"ef3c96c4-5e9c-5eda-9137-f0ecfc521a22"_s);
    QCOMPARE(first.value(u"start"_s).toString(), u"2022-08-31"_s);
    QCOMPARE(first.value(u"end"_s).toString(), QString());
    QCOMPARE(first.value(u"status"_s).toString(), u"confirmed"_s);
    QCOMPARE(first.value(u"importance"_s).toInt(), 3);
    QCOMPARE(first.value(u"sources"_s).toArray(),
             QJsonArray({QJsonObject{{u"source"_s, u"6f0e977a-76d5-51db-893b-efc6b5fce1c9"_s},
                                     {u"quote"_s, QString()},
                                     {u"locator"_s, QString()}}}));
    QCOMPARE(events.last().toObject().value(u"start"_s).toString(), u"2026-11-10"_s);
    // Written by JsonWriter as the file is: two-space indentation, one value per line.
    QVERIFY2(result.out.startsWith(
                 u"[\n  {\n    \"uid\": \"ef3c96c4-5e9c-5eda-9137-f0ecfc521a22\",\n"_s),
             qPrintable(result.out.left(200)));
}

void TestCommandLine::listTextShowsQuotes() {
    const Result result =
        run({u"--db"_s, m_db, u"list"_s, u"--from"_s, u"2025-08-11"_s, u"--to"_s, u"2025-08-11"_s});
    QCOMPARE(result.code, 0);
    QVERIFY2(result.out.contains(u"2025-08-11"_s), qPrintable(result.out));
    QVERIFY(result.out.contains(u"quote: \"Am vergangenen Dienstag, dem 12. August"_s));
    // The deal itself and the claim dated only to the year 2025, whose span covers the day.
    QVERIFY(result.out.endsWith(u"2 events\n"_s));
}

void TestCommandLine::listFilters() {
    Result result = run({u"--db"_s, m_db, u"list"_s, u"--json"_s, u"--chip"_s, u"H20"_s,
                         u"--category"_s, u"china-policy"_s});
    QCOMPARE(result.code, 0);
    const QJsonArray events = QJsonDocument::fromJson(result.out.toUtf8()).array();
    QStringList starts;
    for (const QJsonValue &value : events)
        starts << value.toObject().value(u"start"_s).toString();
    QCOMPARE(starts, (QStringList{u"2025-07-31"_s, u"2025-08-12"_s}));

    // Filters that match, but whose events do not meet: nothing, and no error.
    result = run(
        {u"--db"_s, m_db, u"list"_s, u"--chip"_s, u"H20"_s, u"--category"_s, u"model-release"_s});
    QCOMPARE(result.code, 0);
    QCOMPARE(result.out, u"0 events\n"_s);
}

void TestCommandLine::filtersTakeUsersWords_data() {
    QTest::addColumn<QStringList>("filters");
    QTest::addColumn<QStringList>("starts");
    const QStringList h20China{u"2025-07-31"_s, u"2025-08-12"_s};
    QTest::newRow("keys") << QStringList{u"--chip"_s, u"H20"_s, u"--category"_s, u"china-policy"_s}
                          << h20China;
    QTest::newRow("legend label, lower-case chip")
        << QStringList{u"--chip"_s, u"h20"_s, u"--category"_s, u"China policy"_s} << h20China;
    QTest::newRow("any case, spaces for hyphens")
        << QStringList{u"--chip"_s, u" H20 "_s, u"--category"_s, u"CHINA POLICY"_s} << h20China;
    QTest::newRow("actor in lower case, key with underscores")
        << QStringList{u"--actor"_s, u"cac"_s, u"--category"_s, u"China_Policy"_s}
        << QStringList{u"2025-07-31"_s, u"2025-08-12"_s, u"2025-09-17"_s};
    QTest::newRow("repeated: any of them")
        << QStringList{u"--chip"_s,      u"h20"_s,        u"--chip"_s,
                       u"ascend 910c"_s, u"--category"_s, u"china-policy"_s}
        << QStringList{u"2025-07-31"_s, u"2025-08-12"_s};
}

void TestCommandLine::filtersTakeUsersWords() {
    QFETCH(QStringList, filters);
    QFETCH(QStringList, starts);
    const Result result = run(QStringList{u"--db"_s, m_db, u"list"_s, u"--json"_s} + filters);
    QVERIFY2(result.code == 0, qPrintable(result.err));
    QCOMPARE(result.err, QString());
    QStringList found;
    for (const QJsonValue &value : QJsonDocument::fromJson(result.out.toUtf8()).array())
        found << value.toObject().value(u"start"_s).toString();
    QCOMPARE(found, starts);
}

void TestCommandLine::filterMatchingNothing_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString chip = u"chiptimeline: --chip 'H21' matches no chip; closest: H20, H200, HBM\n"_s;
    QTest::newRow("list") << QStringList{u"list"_s, u"--chip"_s, u"H21"_s} << chip;
    QTest::newRow("search") << QStringList{u"search"_s, u"licence"_s, u"--chip"_s, u"H21"_s}
                            << chip;
    QTest::newRow("export") << QStringList{u"export"_s, u"--out"_s,  u"%1/x.svg"_s, u"--chip"_s,
                                           u"H21"_s,    u"--from"_s, u"2025-04"_s}
                            << chip;
    QTest::newRow("export-data") << QStringList{u"export-data"_s, u"--out"_s, u"%1/x.json"_s,
                                                u"--chip"_s,      u"H20"_s,   u"--chip"_s,
                                                u"H21"_s}
                                 << chip;
    QTest::newRow("category")
        << QStringList{u"list"_s, u"--category"_s, u"Chnia policy"_s}
        << u"chiptimeline: --category 'Chnia policy' matches no category; closest: "
           "China policy (china-policy), Industry (industry), US policy & deals (us-policy-deal)\n"_s;
    QTest::newRow("category, a beginning")
        << QStringList{u"list"_s, u"--category"_s, u"us"_s}
        << u"chiptimeline: --category 'us' matches no category; closest: "
           "US policy & deals (us-policy-deal), US export controls (us-export-control), "
           "Industry (industry)\n"_s;
    QTest::newRow("actor")
        << QStringList{u"list"_s, u"--actor"_s, u"Nvida"_s}
        << u"chiptimeline: --actor 'Nvida' matches no actor; closest: Nvidia, AMD, MIIT\n"_s;
}

// A category, actor or chip that names nothing fails (exit 1), names the filter and the closest
// names, and writes nothing.
void TestCommandLine::filterMatchingNothing() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    for (QString &argument : arguments)
        argument.replace(u"%1"_s, m_dir->path());
    const Result result = run(QStringList{u"--db"_s, m_db} + arguments);
    QCOMPARE(result.err, message);
    QCOMPARE(result.code, 1);
    QCOMPARE(result.out, QString());
    QVERIFY(!QFile::exists(m_dir->filePath(u"x.svg"_s)));
    QVERIFY(!QFile::exists(m_dir->filePath(u"x.json"_s)));
}

// The README's example in the user's words draws the H20 events; filters that leave nothing
// are named in the message, not only the dates.
void TestCommandLine::exportNamesItsFilters() {
    const QString svg = m_dir->filePath(u"h20.svg"_s);
    Result result = run({u"--db"_s, m_db, u"export"_s, u"--out"_s, svg, u"--from"_s, u"2025-04"_s,
                         u"--to"_s, u"2025-08"_s, u"--chip"_s, u"h20"_s});
    QCOMPARE(result.err, QString());
    QCOMPARE(result.code, 0);
    QCOMPARE(result.out, u"wrote %1\n"_s.arg(svg));
    QVERIFY(QFile::exists(svg));

    const QString none = m_dir->filePath(u"none.svg"_s);
    result =
        run({u"--db"_s, m_db, u"export"_s, u"--out"_s, none, u"--from"_s, u"2025-04"_s, u"--to"_s,
             u"2025-08"_s, u"--chip"_s, u"h20"_s, u"--category"_s, u"Model releases"_s});
    QCOMPARE(result.err, u"chiptimeline: %1: no events match --category 'Model releases' "
                         "--chip h20 between 2025-04 and 2025-08\n"_s.arg(none));
    QCOMPARE(result.code, 1);
    QVERIFY(!QFile::exists(none));

    result = run({u"--db"_s, m_db, u"export"_s, u"--out"_s, none, u"--chip"_s, u"H20"_s,
                  u"--status"_s, u"disputed"_s, u"--to"_s, u"2022-12"_s});
    QCOMPARE(result.err,
             u"chiptimeline: %1: no events match --chip H20 --status disputed on or before "
             "2022-12\n"_s.arg(none));
    QCOMPARE(result.code, 1);

    // Dates alone: the figure's own message, as before.
    result = run({u"--db"_s, m_db, u"export"_s, u"--out"_s, none, u"--from"_s, u"2030"_s});
    QCOMPARE(result.err, u"chiptimeline: %1: no events on or after 2030\n"_s.arg(none));
    QCOMPARE(result.code, 1);
}

void TestCommandLine::checkDefaultDatasetHasNoUnsourcedEvent() {
    const Result result = run({u"--db"_s, m_db, u"check"_s});
    QCOMPARE(result.code, 0);
    QVERIFY2(result.out.contains(u"39 events, 43 sources: 0 unsourced events"_s),
             qPrintable(result.out));
    // The five seed articles carry no address, and are reported as such.
    QVERIFY(result.out.contains(
        u"source without address: Eulerpool News, \"DeepSeek verschiebt Modellstart nach Problemen mit Huaweis KI-Chips\""_s));
}

void TestCommandLine::checkFailsOnUnsourcedEvent() {
    StoreError error;
    {
        auto store = TimelineStore::open(m_db, &error);
        Event event;
        event.title = u"Rumour without a source"_s;
        event.start = PartialDate::fromYearMonth(2026, 3);
        QVERIFY(store->saveEvent(event, &error));
    }
    const Result result = run({u"--db"_s, m_db, u"check"_s});
    QCOMPARE(result.code, 1);
    QVERIFY(result.out.contains(u"unsourced event: 2026-03 \"Rumour without a source\"\n"_s));
    QVERIFY(result.out.contains(u": 1 unsourced events"_s));
}

void TestCommandLine::searchFindsGermanWithoutUmlauts() {
    const Result result = run({u"--db"_s, m_db, u"search"_s, u"huawei ascend"_s, u"--json"_s});
    QCOMPARE(result.code, 0);
    QVERIFY(QJsonDocument::fromJson(result.out.toUtf8()).array().size() >= 3);
    const Result empty = run({u"--db"_s, m_db, u"search"_s, u"\"\" AND"_s});
    QCOMPARE(empty.code, 2);
    QCOMPARE(empty.err,
             u"chiptimeline: search: the query '\"\" AND' holds no word to search for\n"_s);
    const Result unbalanced = run({u"--db"_s, m_db, u"search"_s, u"\"H20 licence"_s});
    QCOMPARE(unbalanced.code, 0);
    QVERIFY(unbalanced.out.contains(u"H20 licence requirement"_s));
}

void TestCommandLine::searchListsMatchingSources() {
    const Result result = run({u"--db"_s, m_db, u"search"_s, u"exportbeschrankungen"_s});
    QCOMPARE(result.code, 0);
    QCOMPARE(result.out,
             u"0 events\n"
             "source: \"DeepSeek: Verzögerungen bei der Entwicklung des nächsten KI-Modells durch "
             "NVIDIA GPU-Exportbeschränkungen nach China\", 2025\n"
             "source: Eulerpool News, \"DeepSeek verschiebt Modellstart nach Problemen mit Huaweis "
             "KI-Chips\", 2025-08-15\n"
             "2 sources\n"_s);
    // --json stays the array of events.
    const Result json = run({u"--db"_s, m_db, u"search"_s, u"exportbeschrankungen"_s, u"--json"_s});
    QCOMPARE(json.code, 0);
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).array().size(), 0);
}

void TestCommandLine::defaultDatabaseIsFilledOnFirstUse() {
    const Result result = run({u"list"_s, u"--json"_s});
    QCOMPARE(result.code, 0);
    QCOMPARE(QJsonDocument::fromJson(result.out.toUtf8()).array().size(), 39);
    QVERIFY(QFile::exists(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                          u"/chiptimeline.sqlite"_s));
}

void TestCommandLine::usageErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("firstLine");

    QTest::newRow("unknown option")
        << QStringList{u"list"_s, u"--colour"_s} << u"chiptimeline: Unknown option 'colour'."_s;
    QTest::newRow("unknown command")
        << QStringList{u"frobnicate"_s} << u"chiptimeline: unknown command 'frobnicate'"_s;
    QTest::newRow("impossible date")
        << QStringList{u"list"_s, u"--from"_s, u"2025-02-30"_s}
        << u"chiptimeline: --from: day 30 does not exist in February 2025"_s;
    QTest::newRow("from after to")
        << QStringList{u"list"_s, u"--from"_s, u"2025-09"_s, u"--to"_s, u"2025-01"_s}
        << u"chiptimeline: --from 2025-09 is after --to 2025-01"_s;
    QTest::newRow("option of another command")
        << QStringList{u"check"_s, u"--chip"_s, u"H20"_s}
        << u"chiptimeline: check: the option --chip does not apply"_s;
    QTest::newRow("bad status")
        << QStringList{u"list"_s, u"--status"_s, u"rumour"_s}
        << u"chiptimeline: --status: 'rumour' is not one of confirmed, reported, disputed"_s;
    QTest::newRow("bad policy")
        << QStringList{u"import"_s, u"x.json"_s, u"--policy"_s, u"merge"_s}
        << u"chiptimeline: --policy: 'merge' is not one of skip, update, keep-both"_s;
}

void TestCommandLine::usageErrors() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, firstLine);
    const QByteArray before = fileSha256(m_db);
    const Result result = run(QStringList{u"--db"_s, m_db} + arguments);
    QCOMPARE(result.code, 2);
    QCOMPARE(result.err.section(u'\n', 0, 0), firstLine);
    QCOMPARE(result.out, QString());
    QCOMPARE(fileSha256(m_db), before);
}

void TestCommandLine::badImportChangesNothing() {
    const QString bad = m_dir->filePath(u"bad.json"_s);
    {
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\n  \"format\": \"chiptimeline\",\n  \"version\": 1,\n  \"events\": [\n"
                   "    {\"uid\": \"x\", \"title\": \"X\", \"start\": \"2025-13\"}\n  ]\n}\n");
    }
    const Result result = run({u"--db"_s, m_db, u"import"_s, datasetFile(), bad});
    QCOMPARE(result.code, 1);
    QCOMPARE(result.err,
             u"chiptimeline: %1:5: events[0].start: month 13 does not exist\n"_s.arg(bad));
    const Result list = run({u"--db"_s, m_db, u"list"_s});
    QVERIFY(list.out.endsWith(u"39 events\n"_s));
}

void TestCommandLine::notADatabase() {
    const QString file = m_dir->filePath(u"notes.txt"_s);
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a database");
    }
    const Result result = run({u"--db"_s, file, u"list"_s});
    QCOMPARE(result.code, 1);
    QCOMPARE(
        result.err,
        u"chiptimeline: %1: not a ChipTimeline database (not an SQLite file); left untouched\n"_s
            .arg(file));
}

void TestCommandLine::serverTroubleIsOneLine_data() {
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("message");
    // The password in an address is never repeated; .example names never resolve.
    QTest::newRow("postgresql") << u"postgresql://anna:secret@db.example:5432/china"_s
                                << u"postgresql://anna@db.example:5432/china: unknown host "
                                   "db.example"_s;
    QTest::newRow("postgres") << u"postgres://db.example/china"_s
                              << u"postgresql://db.example/china: unknown host db.example"_s;
    QTest::newRow("service") << u"service=china password=secret"_s
                             << u"service=china: cannot connect: definition of service "
                                "\"china\" not found"_s;
}

void TestCommandLine::serverTroubleIsOneLine() {
    QFETCH(QString, location);
    QFETCH(QString, message);
    // A service file that names no service (not the machine's own).
    QFile services(m_dir->filePath(u"services.conf"_s));
    QVERIFY(services.open(QIODevice::WriteOnly));
    services.close();
    qputenv("PGSERVICEFILE", QFile::encodeName(services.fileName()));
    const Result result = run({u"--db"_s, location, u"list"_s});
    qunsetenv("PGSERVICEFILE");
    QCOMPARE(result.code, 1);
    QCOMPARE(result.err, u"chiptimeline: "_s + message + u"\n"_s);
    QVERIFY(!result.err.contains(u"secret"_s));
}

void TestCommandLine::exportDataRoundTrips() {
    const QString out = m_dir->filePath(u"out.chiptimeline.json"_s);
    Result result =
        run({u"--db"_s, m_db, u"export-data"_s, u"--out"_s, out, u"--format"_s, u"json"_s});
    QCOMPARE(result.code, 0);
    QFile original(datasetFile());
    QVERIFY(original.open(QIODevice::ReadOnly));
    QFile exported(out);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    // Database → file gives back the very file that went in.
    QCOMPARE(exported.readAll(), original.readAll());

    result = run(
        {u"--db"_s, m_db, u"export-data"_s, u"--out"_s, m_dir->filePath(u"no/such/dir/x.json"_s)});
    QCOMPARE(result.code, 1);
    QVERIFY(result.err.contains(u"does not exist"_s));
    QVERIFY(!QFile::exists(m_dir->filePath(u"no/such/dir/x.json"_s)));
}

void TestCommandLine::importDryRunWritesNothing() {
    const Result before = run({u"--db"_s, m_db, u"list"_s, u"--json"_s});
    const Result dry = run({u"--db"_s, m_db, u"import"_s, datasetFile(), u"--policy"_s,
                            u"keep-both"_s, u"--dry-run"_s});
    QCOMPARE(dry.code, 0);
    QCOMPARE(dry.out, u"would import: events: 39 added, 0 updated, 0 skipped; "
                      "sources: 43 added, 0 updated, 0 skipped\n"_s);
    const Result skip = run({u"--db"_s, m_db, u"import"_s, datasetFile(), u"--dry-run"_s});
    QCOMPARE(skip.out, u"would import: events: 0 added, 0 updated, 39 skipped; "
                       "sources: 0 added, 0 updated, 43 skipped\n"_s);
    QCOMPARE(run({u"--db"_s, m_db, u"list"_s, u"--json"_s}).out, before.out);
}

void TestCommandLine::exportDataFormatFromExtension() {
    const QString ics = m_dir->filePath(u"t.ics"_s);
    Result result = run({u"--db"_s, m_db, u"export-data"_s, u"--out"_s, ics});
    QCOMPARE(result.code, 0);
    QFile calendar(ics);
    QVERIFY(calendar.open(QIODevice::ReadOnly));
    const QByteArray text = calendar.readAll();
    QVERIFY(text.startsWith("BEGIN:VCALENDAR\r\n"));
    QCOMPARE(text.count("BEGIN:VEVENT"), 39);

    // Back in through the same entry point: a fresh database gets the 39 events.
    const QString other = m_dir->filePath(u"other.sqlite"_s);
    result = run({u"--db"_s, other, u"import"_s, ics});
    QVERIFY2(result.code == 0, qPrintable(result.err));
    QVERIFY(result.out.startsWith(u"events: 39 added"_s));

    result = run({u"--db"_s, m_db, u"export-data"_s, u"--out"_s, m_dir->filePath(u"x.dat"_s),
                  u"--format"_s, u"xyz"_s});
    QCOMPARE(result.code, 2);
    QVERIFY(
        result.err.startsWith(u"chiptimeline: export-data: unknown --format 'xyz' (one of: "_s));
    QVERIFY(!QFile::exists(m_dir->filePath(u"x.dat"_s)));
}

void TestCommandLine::isHeadless() {
    QVERIFY(!CommandLine::isHeadless({}));
    QVERIFY(!CommandLine::isHeadless({u"--db"_s, u"x.sqlite"_s}));
    QVERIFY(CommandLine::isHeadless({u"--db"_s, u"x.sqlite"_s, u"list"_s}));
    QVERIFY(CommandLine::isHeadless({u"--bogus"_s}));
}

void TestCommandLine::exportDataAsOfGivesTheEarlierFile() {
    const QString before = m_dir->filePath(u"before.json"_s);
    QCOMPARE(run({u"--db"_s, m_db, u"export-data"_s, u"--out"_s, before}).code, 0);
    {
        StoreError error;
        auto store = TimelineStore::open(m_db, &error);
        QVERIFY2(store, qPrintable(error.message));
        Event event = store->events().constFirst();
        event.title = u"Changed later"_s;
        QVERIFY2(store->saveEvent(event, &error), qPrintable(error.message));
        QVERIFY(store->deleteEvent(store->events().constLast().id, &error));
    }
    const QString asOf = m_dir->filePath(u"asof.json"_s);
    // r1 starts the history, r2 is the import.
    const Result exported =
        run({u"--db"_s, m_db, u"export-data"_s, u"--as-of"_s, u"r2"_s, u"--out"_s, asOf});
    QVERIFY2(exported.code == 0, qPrintable(exported.err));
    QCOMPARE(readAll(asOf), readAll(before));
    const QString now = m_dir->filePath(u"now.json"_s);
    QCOMPARE(run({u"--db"_s, m_db, u"export-data"_s, u"--out"_s, now}).code, 0);
    QVERIFY(readAll(now) != readAll(before));

    const Result unknown = run({u"--db"_s, m_db, u"list"_s, u"--as-of"_s, u"r99"_s});
    QCOMPARE(unknown.code, 2);
    QCOMPARE(unknown.err,
             u"chiptimeline: --as-of r99: no such revision (the history has r1 to r4)\n"_s);
    const Result future = run({u"--db"_s, m_db, u"list"_s, u"--as-of"_s, u"2999-01-01"_s});
    QCOMPARE(future.code, 2);
    QCOMPARE(future.err, u"chiptimeline: --as-of 2999-01-01: that is in the future\n"_s);
}

void TestCommandLine::historyListsTheRevisions() {
    const Result result = run({u"--db"_s, m_db, u"history"_s, u"--json"_s});
    QVERIFY2(result.code == 0, qPrintable(result.err));
    const QJsonArray revisions = QJsonDocument::fromJson(result.out.toUtf8()).array();
    QCOMPARE(revisions.size(), 2);
    QCOMPARE(revisions.at(0)[u"summary"_s].toString(), u"history starts here"_s);
    QCOMPARE(revisions.at(1)[u"kind"_s].toString(), u"import"_s);
    QVERIFY(!TimelineStore::loginName().isEmpty());
    QCOMPARE(revisions.at(1)[u"author"_s].toString(), TimelineStore::loginName());
    QVERIFY2(revisions.at(1)[u"summary"_s].toString().startsWith(
                 u"default.chiptimeline.json: events: "_s),
             qPrintable(revisions.at(1)[u"summary"_s].toString()));
    const Result none = run({u"--db"_s, m_db, u"history"_s, u"--author"_s, u"nobody-here"_s});
    QCOMPARE(none.code, 0);
    QCOMPARE(none.out, u"0 revisions\n"_s);
}

void TestCommandLine::changesSinceListsEachItem() {
    QString changedUid, deletedUid, deletedTitle;
    {
        StoreError error;
        auto store = TimelineStore::open(m_db, &error);
        QVERIFY2(store, qPrintable(error.message));
        store->setAuthor(u"Erika"_s);
        Event event = store->events().constFirst();
        changedUid = event.uid;
        event.title = u"Changed later"_s;
        event.importance = event.importance == 3 ? 2 : 3;
        QVERIFY2(store->saveEvent(event, &error), qPrintable(error.message));
        const Event gone = store->events().constLast();
        deletedUid = gone.uid;
        deletedTitle = gone.title;
        QVERIFY(store->deleteEvent(gone.id, &error));
        Event added;
        added.title = u"Added and removed"_s;
        added.start = PartialDate::fromYmd(2025, 9, 1);
        QVERIFY(store->saveEvent(added, &error));
        QVERIFY(store->deleteEvent(store->eventByUid(added.uid) ? store->eventByUid(added.uid)->id
                                                                : store->events().constLast().id,
                                   &error));
    }
    // r1 starts the history, r2 is the import; since r2: one changed, one deleted.
    const Result text = run({u"--db"_s, m_db, u"changes"_s, u"--since"_s, u"r2"_s});
    QVERIFY2(text.code == 0, qPrintable(text.err));
    const QStringList lines = text.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).startsWith(u"changed  event %1  “Changed later”: "_s.arg(changedUid)),
             qPrintable(lines.at(0)));
    QVERIFY2(lines.at(0).contains(u"importance"_s) && lines.at(0).contains(u"title"_s) &&
                 lines.at(0).contains(u", Erika)"_s),
             qPrintable(lines.at(0)));
    QVERIFY2(
        lines.at(1).startsWith(u"deleted  event %1  “%2”  (r4, "_s.arg(deletedUid, deletedTitle)),
        qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).startsWith(u"2 items changed since r2 ("_s), qPrintable(lines.at(2)));

    const Result json = run({u"--db"_s, m_db, u"changes"_s, u"--since"_s, u"r2"_s, u"--json"_s});
    QCOMPARE(json.code, 0);
    const QJsonArray items = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0)[u"change"_s].toString(), u"changed"_s);
    QCOMPARE(items.at(0)[u"revision"_s].toInt(), 3);
    QCOMPARE(items.at(0)[u"author"_s].toString(), u"Erika"_s);
    QCOMPARE(items.at(1)[u"change"_s].toString(), u"deleted"_s);
    QCOMPARE(items.at(1)[u"title"_s].toString(), deletedTitle);

    // Since the last revision: nothing. Bad points: one line, exit 2.
    const Result none = run({u"--db"_s, m_db, u"changes"_s, u"--since"_s, u"r6"_s});
    QCOMPARE(none.out.section(u' ', 0, 4), u"0 items changed since r6"_s);
    const Result unknown = run({u"--db"_s, m_db, u"changes"_s, u"--since"_s, u"r99"_s});
    QCOMPARE(unknown.code, 2);
    QCOMPARE(unknown.err, u"chiptimeline: changes: --since r99: no such revision (the history "
                          "has r1 to r6)\n"_s);
    const Result missing = run({u"--db"_s, m_db, u"changes"_s});
    QCOMPARE(missing.code, 2);
    QCOMPARE(missing.err, u"chiptimeline: changes: --since rN|DATE-TIME is required\n"_s);
}

// The same file imported again with --policy update rewrites every record, unchanged, with a
// new `modified` time: nothing changed that a figure made before could show.
void TestCommandLine::changesSinceLeavesOutARecordRewrittenAsItWas() {
    const Result again =
        run({u"--db"_s, m_db, u"import"_s, datasetFile(), u"--policy"_s, u"update"_s});
    QVERIFY2(again.code == 0, qPrintable(again.err));
    const Result since = run({u"--db"_s, m_db, u"changes"_s, u"--since"_s, u"r2"_s});
    QVERIFY2(since.code == 0, qPrintable(since.err));
    QVERIFY2(since.out.startsWith(u"0 items changed since r2 ("_s), qPrintable(since.out));
    // One real change among them is listed alone, with its field.
    QFile original(datasetFile());
    QVERIFY(original.open(QIODevice::ReadOnly));
    InputError inputError;
    std::optional<Dataset> file =
        NativeJsonFormat::read(original.readAll(), datasetFile(), &inputError);
    QVERIFY2(file, qPrintable(inputError.toString()));
    file->events.first().title = u"Retitled in the file"_s;
    const QString changed = m_dir->filePath(u"changed.chiptimeline.json"_s);
    QFile out(changed);
    QVERIFY(out.open(QIODevice::WriteOnly));
    QVERIFY(out.write(NativeJsonFormat::write(*file)) > 0);
    out.close();
    const Result update = run({u"--db"_s, m_db, u"import"_s, changed, u"--policy"_s, u"update"_s});
    QVERIFY2(update.code == 0, qPrintable(update.err));
    const Result one = run({u"--db"_s, m_db, u"changes"_s, u"--since"_s, u"r2"_s});
    const QStringList lines = one.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(
        lines.at(0).startsWith(u"changed  event %1  “Retitled in the file”: title  (r4, "_s.arg(
            file->events.first().uid)),
        qPrintable(lines.at(0)));
}

// --as-of with filters, search and export-data: the timeline as it stood, filtered by the
// same code as now (the as-of dataset is held in a store of its own).
void TestCommandLine::asOfCombinesWithFiltersAndSearch() {
    const QStringList listH20{u"--db"_s, m_db, u"list"_s, u"--query"_s, u"H20"_s};
    const QStringList listChina{u"--db"_s,         m_db,       u"list"_s, u"--category"_s,
                                u"china-policy"_s, u"--json"_s};
    const QStringList searchH20{u"--db"_s, m_db, u"search"_s, u"H20"_s};
    const Result listBefore = run(listH20);
    const Result chinaBefore = run(listChina);
    const Result searchBefore = run(searchH20);
    QCOMPARE(listBefore.code, 0);
    QVERIFY(!listBefore.out.contains(u"Changed later"_s));
    const QString dataBefore = m_dir->filePath(u"h20-before.json"_s);
    QCOMPARE(
        run({u"--db"_s, m_db, u"export-data"_s, u"--query"_s, u"H20"_s, u"--out"_s, dataBefore})
            .code,
        0);
    {
        StoreError error;
        auto store = TimelineStore::open(m_db, &error);
        QVERIFY2(store, qPrintable(error.message));
        EventFilter h20;
        h20.query = u"H20"_s;
        Event event = store->events(h20).constFirst();
        event.title = u"Changed later H20"_s;
        QVERIFY2(store->saveEvent(event, &error), qPrintable(error.message));
        EventFilter china;
        china.categories = {u"china-policy"_s};
        const QList<Event> chinese = store->events(china);
        const auto other = std::find_if(chinese.cbegin(), chinese.cend(),
                                        [&](const Event &e) { return e.uid != event.uid; });
        QVERIFY(other != chinese.cend());
        QVERIFY(store->deleteEvent(other->id, &error));
    }
    QVERIFY(run(listH20).out.contains(u"Changed later H20"_s));
    QVERIFY(run(listChina).out != chinaBefore.out);

    // r1 starts the history, r2 is the import.
    const Result listThen = run(listH20 + QStringList{u"--as-of"_s, u"r2"_s});
    QVERIFY2(listThen.code == 0, qPrintable(listThen.err));
    QCOMPARE(listThen.out, listBefore.out);
    QCOMPARE(run(listChina + QStringList{u"--as-of"_s, u"r2"_s}).out, chinaBefore.out);
    const Result searchThen = run(searchH20 + QStringList{u"--as-of"_s, u"r2"_s});
    QCOMPARE(searchThen.code, 0);
    // The same hits. Sources of equal rank may come in another order: the as-of store numbers
    // its rows afresh, and ties are broken by row.
    const auto sortedLines = [](const QString &text) {
        QStringList lines = text.split(u'\n');
        lines.sort();
        return lines;
    };
    QCOMPARE(sortedLines(searchThen.out), sortedLines(searchBefore.out));
    QCOMPARE(searchThen.out.section(u"\nsource: "_s, 0, 0),
             searchBefore.out.section(u"\nsource: "_s, 0, 0)); // the events, in order
    const QString dataThen = m_dir->filePath(u"h20-then.json"_s);
    QCOMPARE(run({u"--db"_s, m_db, u"export-data"_s, u"--query"_s, u"H20"_s, u"--as-of"_s, u"r2"_s,
                  u"--out"_s, dataThen})
                 .code,
             0);
    QCOMPARE(readAll(dataThen), readAll(dataBefore));

    // Bad points stay one line and exit 2 with filters too.
    const Result unknown = run(listH20 + QStringList{u"--as-of"_s, u"r99"_s});
    QCOMPARE(unknown.code, 2);
    QCOMPARE(unknown.err,
             u"chiptimeline: --as-of r99: no such revision (the history has r1 to r4)\n"_s);
}

QTEST_MAIN(TestCommandLine) // export draws figures: a QGuiApplication (offscreen)
#include "tst_commandline.moc"
