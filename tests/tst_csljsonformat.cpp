#include "model/formats/CslJsonFormat.h"
#include "model/formats/FormatSupport.h"
#include "model/formats/SourceFormat.h"

#include "CitationTestUtil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCslJsonFormat : public QObject {
    Q_OBJECT

private slots:
    void importsZoteroExport();
    void exportMatchesExpectedFile();
    void roundTripKeepsEveryField();
    void roundTripKeepsStructuredUnknownFields();
    void dateStrings_data();
    void dateStrings();
    void unreadableDateKeptInNotes();
    void uidFromIdNoteOrDerived();
    void kindMapping_data();
    void kindMapping();
    void errors_data();
    void errors();
    void richTextMarkupIsStripped();
};

namespace {

QList<Source> expectedZoteroSources() {
    return {
        makeSource(
            u"news"_s, u"DeepSeek verschiebt Modellstart nach Problemen mit Huaweis KI-Chips"_s,
            u"Süddeutsche Zeitung"_s, {u"Müller, Jürgen"_s, u"Schäfer, Anna-Lena"_s},
            u"https://www.sueddeutsche.de/wirtschaft/deepseek-r2-huawei-1.234567?utm_source=rss"_s,
            {}, PartialDate::fromYmd(2025, 8, 15), PartialDate::fromYmd(2025, 8, 20), u"de"_s,
            u"DeepSeek hat die Einführung des KI-Modells R2 verschoben, da Trainingsläufe mit "
            "Huawei-Chips fehlschlugen."_s,
            u"Zitiert in der Wochenübersicht.\npage: 17\npublisher-place: München\nsection: "
            "Wirtschaft\nsource: Zotero\ntitle-short: DeepSeek verschiebt Modellstart"_s),
        makeSource(
            u"web"_s, u"Quick take: DeepSeek struggles to train models on Huawei chips"_s,
            u"Trivium China"_s, {u"Trivium China"_s},
            u"https://triviumchina.com/2025/08/14/quick-take-deepseek-struggles-to-train-models-on-huawei/"_s,
            {}, PartialDate::fromYearMonth(2025, 8), PartialDate::fromYmd(2025, 8, 21), u"en"_s, {},
            {}),
        makeSource(u"report"_s, u"Guidance on Huawei Ascend 910B, 910C and 910D"_s, {},
                   {u"US Department of Commerce"_s}, {}, u"10.5555/BIS.2025.0513"_s,
                   PartialDate::fromYmd(2025, 5, 13), {}, u"en-US"_s, {},
                   u"publisher: Bureau of Industry and Security"_s),
        makeSource(u"news"_s, u"Huawei Ascend: Wie weit ist Chinas KI-Chip?"_s, u"c't Magazin"_s,
                   {u"Weiß, Çağla"_s}, {}, {}, PartialDate::fromYearMonth(2025, 8), {}, {}, {},
                   u"type: article-magazine"_s),
    };
}

QList<Source> readOrFail(const QByteArray &data, const QString &name = u"test.json"_s) {
    InputError error;
    const std::optional<QList<Source>> sources = CslJsonFormat::read(data, name, &error);
    if (!sources)
        qWarning("%s", qPrintable(error.toString()));
    return sources.value_or(QList<Source>());
}

} // namespace

void TestCslJsonFormat::importsZoteroExport() {
    const QList<Source> sources =
        readOrFail(citationBytes(u"zotero-export.json"_s), u"zotero-export.json"_s);
    const QList<Source> expected = expectedZoteroSources();
    QCOMPARE(sources.size(), expected.size());
    for (qsizetype i = 0; i < sources.size(); ++i) {
        compareFields(sources.at(i), expected.at(i));
        if (QTest::currentTestFailed())
            return;
    }
    // The fourth item's id is a UUID and becomes its uid; the others derive theirs.
    QCOMPARE(sources.at(3).uid, u"12ef8a4c-6d1e-4a53-9e6c-3f0f2f8b7a10"_s);
    QCOMPARE(sources.at(0).uid, FormatSupport::derivedUid(sources.at(0)));
}

void TestCslJsonFormat::exportMatchesExpectedFile() {
    const QList<Source> sources = readOrFail(citationBytes(u"zotero-export.json"_s));
    QCOMPARE(QString::fromUtf8(CslJsonFormat::write(sources)),
             QString::fromUtf8(citationBytes(u"zotero-export.expected.json"_s)));
}

void TestCslJsonFormat::roundTripKeepsEveryField() {
    const QList<Source> first = readOrFail(citationBytes(u"zotero-export.json"_s));
    QCOMPARE(first.size(), 4);
    const QList<Source> second = readOrFail(CslJsonFormat::write(first));
    QCOMPARE(second.size(), first.size());
    for (qsizetype i = 0; i < first.size(); ++i) {
        compareFields(second.at(i), first.at(i));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(second.at(i).uid, first.at(i).uid);
    }
    // The unknown fields came back as fields, not as note text.
    const QJsonArray items = QJsonDocument::fromJson(CslJsonFormat::write(first)).array();
    const QJsonObject item = items.at(0).toObject();
    QCOMPARE(item.value(u"publisher-place"_s).toString(), u"München"_s);
    QCOMPARE(item.value(u"section"_s).toString(), u"Wirtschaft"_s);
    QCOMPARE(item.value(u"page"_s).toString(), u"17"_s);
    QCOMPARE(item.value(u"title-short"_s).toString(), u"DeepSeek verschiebt Modellstart"_s);
    QCOMPARE(item.value(u"note"_s).toString(), u"Zitiert in der Wochenübersicht."_s);
    QCOMPARE(items.at(3).toObject().value(u"type"_s).toString(), u"article-magazine"_s);
}

void TestCslJsonFormat::roundTripKeepsStructuredUnknownFields() {
    const QByteArray json = R"([{"id": "e1", "type": "book", "title": "Chip War",
        "editor": [{"family": "Miller", "given": "Chris"}],
        "original-date": {"date-parts": [[2022, 10]]}, "volume": 3}])";
    const QList<Source> sources = readOrFail(json);
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources.at(0).kind, u"book"_s);
    QCOMPARE(sources.at(0).notes,
             u"editor: [{\"family\":\"Miller\",\"given\":\"Chris\"}]\noriginal-date: "
             "{\"date-parts\":[[2022,10]]}\nvolume: 3"_s);
    const QJsonObject item =
        QJsonDocument::fromJson(CslJsonFormat::write(sources)).array().at(0).toObject();
    QCOMPARE(item.value(u"editor"_s).toArray().at(0).toObject().value(u"family"_s).toString(),
             u"Miller"_s);
    QCOMPARE(item.value(u"original-date"_s).toObject().value(u"date-parts"_s).toArray(),
             (QJsonArray{QJsonArray{2022, 10}}));
    QCOMPARE(item.value(u"volume"_s).toString(), u"3"_s);
    QVERIFY(!item.contains(u"note"_s));
}

void TestCslJsonFormat::dateStrings_data() {
    QTest::addColumn<QString>("issued");
    QTest::addColumn<QString>("iso");

    QTest::newRow("raw iso") << u"{\"raw\": \"2025-08-12\"}"_s << u"2025-08-12"_s;
    QTest::newRow("raw slashes") << u"{\"raw\": \"2025/8/12\"}"_s << u"2025-08-12"_s;
    QTest::newRow("literal month") << u"{\"literal\": \"August 2025\"}"_s << u"2025-08"_s;
    QTest::newRow("raw english day") << u"{\"raw\": \"August 12, 2025\"}"_s << u"2025-08-12"_s;
    QTest::newRow("raw german day") << u"{\"raw\": \"12. August 2025\"}"_s << u"2025-08-12"_s;
    QTest::newRow("year only parts") << u"{\"date-parts\": [[2025]]}"_s << u"2025"_s;
    QTest::newRow("string parts") << u"{\"date-parts\": [[\"2025\", \"4\"]]}"_s << u"2025-04"_s;
    QTest::newRow("plain string") << u"\"2025-04-15\""_s << u"2025-04-15"_s;
}

void TestCslJsonFormat::dateStrings() {
    QFETCH(QString, issued);
    QFETCH(QString, iso);
    const QString json = u"[{\"id\": \"d\", \"title\": \"T\", \"issued\": "_s + issued + u"}]"_s;
    const QList<Source> sources = readOrFail(json.toUtf8());
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources.at(0).published.toIsoString(), iso);
    QCOMPARE(sources.at(0).notes, QString());
}

void TestCslJsonFormat::unreadableDateKeptInNotes() {
    const QList<Source> sources = readOrFail(
        R"([{"id": "s", "type": "webpage", "title": "T", "issued": {"raw": "Spring 2025"}}])");
    QCOMPARE(sources.size(), 1);
    QVERIFY(!sources.at(0).published.isValid());
    QCOMPARE(sources.at(0).notes, u"issued: {\"raw\":\"Spring 2025\"}"_s);
    const QJsonObject item =
        QJsonDocument::fromJson(CslJsonFormat::write(sources)).array().at(0).toObject();
    QCOMPARE(item.value(u"issued"_s).toObject().value(u"raw"_s).toString(), u"Spring 2025"_s);
}

void TestCslJsonFormat::uidFromIdNoteOrDerived() {
    const QList<Source> sources = readOrFail(R"([
        {"id": "urn:uuid:0F8A6C1E-2B7D-4E11-9A3C-5D6E7F801234", "title": "A"},
        {"id": "ITEM1", "title": "B", "note": "uid: 7c9e6679-7425-40de-944b-e07fc1f90ae7\nseen twice"},
        {"id": "ITEM2", "title": "C", "URL": "http://www.example.com/c/?utm_medium=x#top"},
        {"id": "ITEM3", "title": "C", "URL": "https://example.com/c"}])");
    QCOMPARE(sources.size(), 4);
    QCOMPARE(sources.at(0).uid, u"0f8a6c1e-2b7d-4e11-9a3c-5d6e7f801234"_s);
    QCOMPARE(sources.at(1).uid, u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s);
    QCOMPARE(sources.at(1).notes, u"seen twice"_s);
    // Same normalised URL, same uid, whichever spelling of the address was imported.
    QCOMPARE(sources.at(2).uid, sources.at(3).uid);
    QCOMPARE(sources.at(2).uid.size(), 36);
    QCOMPARE(sources.at(2).uid.at(14), u'5'); // UUID version 5
}

void TestCslJsonFormat::kindMapping_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("writtenType");

    QTest::newRow("newspaper") << u"article-newspaper"_s << u"news"_s << u"article-newspaper"_s;
    QTest::newRow("magazine") << u"article-magazine"_s << u"news"_s << u"article-newspaper"_s;
    QTest::newRow("webpage") << u"webpage"_s << u"web"_s << u"webpage"_s;
    QTest::newRow("report") << u"report"_s << u"report"_s << u"report"_s;
    QTest::newRow("legislation") << u"legislation"_s << u"official"_s << u"legislation"_s;
    QTest::newRow("journal") << u"article-journal"_s << u"paper"_s << u"article-journal"_s;
    QTest::newRow("unknown") << u"song"_s << u"other"_s << u"document"_s;
}

void TestCslJsonFormat::kindMapping() {
    QFETCH(QString, type);
    QFETCH(QString, kind);
    QFETCH(QString, writtenType);
    QCOMPARE(CslJsonFormat::kindForType(type), kind);
    QCOMPARE(CslJsonFormat::typeForKind(kind), writtenType);
}

void TestCslJsonFormat::errors_data() {
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("message");

    QTest::newRow("truncated") << citationBytes(u"truncated.json"_s) << u"truncated.json"_s
                               << u"truncated.json:5:24: malformed JSON: unterminated string"_s;
    QTest::newRow("no title") << citationBytes(u"notitle.json"_s) << u"notitle.json"_s
                              << u"notitle.json:10: record 3 (id \"x\"): no title"_s;
    QTest::newRow("not an array")
        << citationBytes(u"notarray.json"_s) << u"notarray.json"_s
        << u"notarray.json: not CSL-JSON: expected an array of items, found an object"_s;
    QTest::newRow("item not an object") << QByteArray("[\n  {\"title\": \"A\"},\n  42\n]")
                                        << u"n.json"_s << u"n.json:3: record 2: not an object"_s;
    QTest::newRow("missing comma")
        << QByteArray("[\n  {\"title\": \"A\"}\n  {\"title\": \"B\"}\n]") << u"c.json"_s
        << u"c.json:3:3: malformed JSON: missing value separator"_s;
    QTest::newRow("empty") << QByteArray("  \n") << u"e.json"_s
                           << u"e.json: empty file, expected a CSL-JSON array of items"_s;
    QTest::newRow("latin-1")
        << QByteArray("[{\"title\": \"Gr\xfc\xdf"
                      "e\"}]")
        << u"l.json"_s
        << u"l.json: not UTF-8 text (invalid byte 0xFC at line 1); save it as UTF-8"_s;
}

void TestCslJsonFormat::errors() {
    QFETCH(QByteArray, data);
    QFETCH(QString, fileName);
    QFETCH(QString, message);
    InputError error;
    QVERIFY(!CslJsonFormat::read(data, fileName, &error).has_value());
    QCOMPARE(error.toString(), message);
}

void TestCslJsonFormat::richTextMarkupIsStripped() {
    const QList<Source> sources = readOrFail(
        R"([{"id": "a", "type": "article-journal",
            "title": "<i>Nvidia</i> and <b>H20</b>: CO<sub>2</sub>, x<sup>2</sup> and <span class=\"nocase\">iPhone</span> <span style=\"font-variant:small-caps;\">Bis</span> <sc>Ai</sc> a < b",
            "container-title": "<i>Journal of Chips</i>"}])");
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources.at(0).title, u"Nvidia and H20: CO2, x2 and iPhone Bis Ai a < b"_s);
    QCOMPARE(sources.at(0).outlet, u"Journal of Chips"_s);
    // So the BibTeX export gets plain text, not escaped tags.
    const QString bib = QString::fromUtf8(SourceFormat::write(sources, SourceFileFormat::BibTex));
    QVERIFY2(!bib.contains(u"<i>"_s) && !bib.contains(u"sub"_s), qPrintable(bib));
    QCOMPARE(CslJsonFormat::plainText(u"<I>not CSL</I> <em>x</em>"_s),
             u"<I>not CSL</I> <em>x</em>"_s);
}

QTEST_GUILESS_MAIN(TestCslJsonFormat)
#include "tst_csljsonformat.moc"
