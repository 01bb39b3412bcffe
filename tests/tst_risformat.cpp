#include "model/formats/RisFormat.h"
#include "model/formats/SourceMatcher.h"

#include "CitationTestUtil.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestRisFormat : public QObject {
    Q_OBJECT

private slots:
    void importsZoteroExport();
    void exportMatchesExpectedFile();
    void roundTripKeepsEveryField();
    void toleratesBomLfBlankLinesAndContinuations();
    void keepsUnknownTypeAndTags();
    void valueLinesThatLookLikeTagsStayInTheValue();
    void dates_data();
    void dates();
    void kindMapping_data();
    void kindMapping();
    void errors_data();
    void errors();
    void recordsSharingAnAddressStayTwo();
    void severalAddressesAreAllKept();
    void recordNumbersBeforeTyAreSkipped();
};

namespace {

QList<Source> expectedZoteroSources() {
    return {
        makeSource(
            u"news"_s, u"DeepSeek verschiebt Modellstart nach Problemen mit Huaweis KI-Chips"_s,
            u"Eulerpool News"_s, {u"Müller, Jürgen"_s, u"Schäfer, Anna-Lena"_s},
            u"https://eulerpool.com/news/deepseek-verschiebt-modellstart"_s, {},
            PartialDate::fromYmd(2025, 8, 15), PartialDate::fromYmd(2025, 8, 20), u"de"_s,
            u"DeepSeek hat die Einführung des KI-Modells R2 verschoben, da Trainingsläufe mit "
            "Huawei-Chips fehlschlugen."_s,
            u"Zweite Meldung zum\nR2-Aufschub.\npublisher-place: Köln\npublisher: Eulerpool "
            "Research Systems\nsection: Finanzen\npage: A3\nKW: DeepSeek\nKW: Huawei"_s),
        makeSource(u"web"_s, u"Nvidia says it will resume sale of key AI chip to China"_s,
                   u"KESQ"_s, {u"CNN Business"_s},
                   u"https://kesq.com/money/cnn-business-consumer/2025/07/15/"
                   "nvidia-says-it-will-resume-sale-of-key-ai-chip-to-china/"_s,
                   {}, PartialDate::fromYearMonth(2025, 7), PartialDate::fromYmd(2025, 8, 1),
                   u"en"_s, {}, {}),
        makeSource(u"report"_s, u"Commerce rescinds AI Diffusion Rule"_s, {}, {u"Alston & Bird"_s},
                   {}, u"10.5555/alston.2025.05"_s, PartialDate::fromYear(2025), {}, u"en"_s, {},
                   u"publisher: Alston & Bird LLP"_s),
    };
}

QList<Source> readOrFail(const QByteArray &data) {
    InputError error;
    const std::optional<QList<Source>> sources = RisFormat::read(data, u"test.ris"_s, &error);
    if (!sources)
        qWarning("%s", qPrintable(error.toString()));
    return sources.value_or(QList<Source>());
}

} // namespace

void TestRisFormat::importsZoteroExport() {
    const QByteArray data = citationBytes(u"zotero-export.ris"_s);
    QVERIFY(data.contains("\r\n")); // the file really has Windows line ends
    const QList<Source> sources = readOrFail(data);
    const QList<Source> expected = expectedZoteroSources();
    QCOMPARE(sources.size(), expected.size());
    for (qsizetype i = 0; i < sources.size(); ++i) {
        compareFields(sources.at(i), expected.at(i));
        if (QTest::currentTestFailed())
            return;
    }
}

void TestRisFormat::exportMatchesExpectedFile() {
    const QList<Source> sources = readOrFail(citationBytes(u"zotero-export.ris"_s));
    QCOMPARE(QString::fromUtf8(RisFormat::write(sources)),
             QString::fromUtf8(citationBytes(u"zotero-export.expected.ris"_s)));
}

void TestRisFormat::roundTripKeepsEveryField() {
    const QList<Source> first = readOrFail(citationBytes(u"zotero-export.ris"_s));
    QCOMPARE(first.size(), 3);
    const QByteArray written = RisFormat::write(first);
    QVERIFY(written.contains("PB  - Eulerpool Research Systems\r\n"));
    QVERIFY(written.contains("CY  - Köln\r\n"));
    QVERIFY(written.contains("SE  - Finanzen\r\n"));
    QVERIFY(written.contains("SP  - A3\r\n"));
    const QList<Source> second = readOrFail(written);
    QCOMPARE(second.size(), first.size());
    for (qsizetype i = 0; i < first.size(); ++i) {
        compareFields(second.at(i), first.at(i));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(second.at(i).uid, first.at(i).uid);
    }
}

void TestRisFormat::toleratesBomLfBlankLinesAndContinuations() {
    const QByteArray data = "\xef\xbb\xbf\n\nTY  - NEWS\nTI  - A long\n  headline\nAU  - Doe,Jane\n"
                            "AB  - First paragraph.\nSecond paragraph.\nER  -\n\n\n"
                            "TY  - JOUR\nT1  - Paper\nJO  - Journal of Chips\nDO  - 10.1/x\nER  - ";
    const QList<Source> sources = readOrFail(data);
    QCOMPARE(sources.size(), 2);
    compareFields(sources.at(0),
                  makeSource(u"news"_s, u"A long headline"_s, {}, {u"Doe, Jane"_s}, {}, {}, {}, {},
                             {}, u"First paragraph.\nSecond paragraph."_s, {}));
    compareFields(sources.at(1), makeSource(u"paper"_s, u"Paper"_s, u"Journal of Chips"_s, {}, {},
                                            u"10.1/x"_s, {}, {}, {}, {}, {}));
}

void TestRisFormat::keepsUnknownTypeAndTags() {
    const QList<Source> sources = readOrFail(
        "TY  - MGZN\nTI  - Chips\nM3  - Cover story\nID  - 3f2504e0-4f89-11d3-9a0c-0305e82c3301\n"
        "ER  - \n");
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources.at(0).kind, u"news"_s);
    QCOMPARE(sources.at(0).notes, u"TY: MGZN\nM3: Cover story"_s);
    QCOMPARE(sources.at(0).uid, u"3f2504e0-4f89-11d3-9a0c-0305e82c3301"_s);
    QCOMPARE(QString::fromUtf8(RisFormat::write(sources)),
             u"TY  - MGZN\r\nTI  - Chips\r\nM3  - Cover story\r\n"
             "ID  - 3f2504e0-4f89-11d3-9a0c-0305e82c3301\r\nER  - \r\n\r\n"_s);
}

void TestRisFormat::valueLinesThatLookLikeTagsStayInTheValue() {
    // Found by fuzz_ris: an abstract continued on a line "TY  - NEWS" (read as text, the line
    // starting with a CR) was exported with that line as it was, so the export opened a
    // second record inside the first and was refused ("never ends (no ER before the next
    // TY)"). Such lines are written indented; the reader trims continuation lines.
    const QList<Source> sources =
        readOrFail("TY  - NEWS\r\nTI  - Chips\r\nAB  - Quoted:\r\n\rTY  - NEWS\r\n  ER  -\r\n"
                   "R2-Aufschub.\r\nN1  - Note\r\n\tT2 - Outlet\r\nER  - \r\n");
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources.at(0).title, u"Chips"_s);
    QCOMPARE(sources.at(0).excerpt, u"Quoted:\nTY  - NEWS\nER  -\nR2-Aufschub."_s);
    QCOMPARE(sources.at(0).notes, u"Note\nT2 - Outlet"_s);
    QVERIFY(!sources.at(0).uid.isEmpty());
    const QByteArray written = RisFormat::write(sources);
    QCOMPARE(QString::fromUtf8(written),
             u"TY  - NEWS\r\nTI  - Chips\r\nAB  - Quoted:\r\n TY  - NEWS\r\n ER  -\r\n"
             "R2-Aufschub.\r\nN1  - Note\r\n T2 - Outlet\r\nID  - %1\r\nER  - \r\n\r\n"_s.arg(
                 sources.at(0).uid));
    const QList<Source> again = readOrFail(written);
    QCOMPARE(again.size(), 1);
    compareFields(again.at(0), sources.at(0));
    QCOMPARE(again.at(0).uid, sources.at(0).uid);
    QCOMPARE(RisFormat::write(again), written);
}

void TestRisFormat::dates_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("iso");
    QTest::addColumn<QString>("written");

    QTest::newRow("day") << u"2025/08/12/"_s << u"2025-08-12"_s << u"2025/08/12/"_s;
    QTest::newRow("month") << u"2025/08//"_s << u"2025-08"_s << u"2025/08//"_s;
    QTest::newRow("year slashes") << u"2025///"_s << u"2025"_s << u"2025///"_s;
    QTest::newRow("year") << u"2025"_s << u"2025"_s << u"2025///"_s;
    QTest::newRow("with time") << u"2025/08/20/14:32:10"_s << u"2025-08-20"_s << u"2025/08/20/"_s;
    QTest::newRow("no trailing slash") << u"2025/8/2"_s << u"2025-08-02"_s << u"2025/08/02/"_s;
    QTest::newRow("iso") << u"2025-08-12"_s << u"2025-08-12"_s << u"2025/08/12/"_s;
    QTest::newRow("iso with time")
        << u"2025-08-12 09:00:00"_s << u"2025-08-12"_s << u"2025/08/12/"_s;
    QTest::newRow("impossible day") << u"2025/02/30/"_s << QString() << QString();
}

void TestRisFormat::dates() {
    QFETCH(QString, value);
    QFETCH(QString, iso);
    QFETCH(QString, written);
    const std::optional<PartialDate> date = RisFormat::parseDate(value);
    QCOMPARE(date.has_value(), !iso.isEmpty());
    if (date) {
        QCOMPARE(date->toIsoString(), iso);
        QCOMPARE(RisFormat::formatDate(*date), written);
    }
}

void TestRisFormat::kindMapping_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("writtenType");

    QTest::newRow("NEWS") << u"NEWS"_s << u"news"_s << u"NEWS"_s;
    QTest::newRow("ELEC") << u"ELEC"_s << u"web"_s << u"ELEC"_s;
    QTest::newRow("RPRT") << u"RPRT"_s << u"report"_s << u"RPRT"_s;
    QTest::newRow("JOUR") << u"JOUR"_s << u"paper"_s << u"JOUR"_s;
    QTest::newRow("GEN") << u"GEN"_s << u"other"_s << u"GEN"_s;
    QTest::newRow("GOVDOC") << u"GOVDOC"_s << u"official"_s << u"GOVDOC"_s;
    QTest::newRow("MGZN") << u"MGZN"_s << u"news"_s << u"NEWS"_s;
}

void TestRisFormat::kindMapping() {
    QFETCH(QString, type);
    QFETCH(QString, kind);
    QFETCH(QString, writtenType);
    QCOMPARE(RisFormat::kindForType(type), kind);
    QCOMPARE(RisFormat::typeForKind(kind), writtenType);
}

void TestRisFormat::errors_data() {
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");

    QTest::newRow("no ER at end")
        << u"noer.ris"_s << citationBytes(u"noer.ris"_s)
        << u"noer.ris:7: record 2 starting at line 5 never ends (no ER)"_s;
    QTest::newRow("no title") << u"notitle.ris"_s << citationBytes(u"notitle.ris"_s)
                              << u"notitle.ris:5: record 2: no title (TI)"_s;
    QTest::newRow("tag outside a record")
        << u"outside.ris"_s << citationBytes(u"outside.ris"_s)
        << u"outside.ris:1: tag TI outside a record (no TY  - before it)"_s;
    QTest::newRow("latin-1") << u"latin1.ris"_s << citationBytes(u"latin1.ris"_s)
                             << u"latin1.ris: not UTF-8 text (invalid byte 0xFC at line 3); save "
                                "it as UTF-8"_s;
    QTest::newRow("TY before ER")
        << u"a.ris"_s << QByteArray("TY  - NEWS\nTI  - A\nTY  - NEWS\nTI  - B\nER  - \n")
        << u"a.ris:3: record 1 starting at line 1 never ends (no ER before the next TY)"_s;
    QTest::newRow("prose") << u"p.ris"_s << QByteArray("Just some text\n")
                           << u"p.ris:1: not a RIS line (expected \"TAG  - value\")"_s;
    QTest::newRow("empty") << u"e.ris"_s << QByteArray("\r\n")
                           << u"e.ris: no RIS records (TY  - … ER  - ) in the file"_s;
}

void TestRisFormat::errors() {
    QFETCH(QString, fileName);
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    InputError error;
    QVERIFY(!RisFormat::read(data, fileName, &error).has_value());
    QCOMPARE(error.toString(), message);
}

// Two chapters of one report behind the same landing page: two works, not one.
void TestRisFormat::recordsSharingAnAddressStayTwo() {
    const QList<Source> sources = readOrFail(
        "TY  - RPRT\nTI  - Export controls, part 1\nUR  - https://example.org/report\nER  - \n"
        "TY  - RPRT\nTI  - Export controls, part 2\nUR  - https://example.org/report\nER  - \n");
    QCOMPARE(sources.size(), qsizetype(2));
    QCOMPARE(sources.at(0).url, u"https://example.org/report"_s);
    QCOMPARE(sources.at(1).url, u"https://example.org/report"_s);
    QVERIFY(sources.at(0).uid != sources.at(1).uid);
    QVERIFY(!SourceMatcher::isSameSource(sources.at(0), sources.at(1)));
    SourceMatcher matcher;
    matcher.add(sources.at(0));
    QCOMPARE(matcher.findMatch(sources.at(1)), qsizetype(-1));
    QCOMPARE(matcher.findMatch(sources.at(0)), qsizetype(0));
}

void TestRisFormat::severalAddressesAreAllKept() {
    const QList<Source> sources =
        readOrFail("TY  - NEWS\r\nTI  - H20 deal\r\n"
                   "UR  - https://a.example/h20 https://b.example/h20; https://c.example/h20\r\n"
                   "UR  - https://d.example/h20\r\nER  - \r\n");
    QCOMPARE(sources.size(), qsizetype(1));
    const Source &s = sources.at(0);
    QCOMPARE(s.url, u"https://a.example/h20"_s);
    QCOMPARE(s.notes, u"url: https://b.example/h20\nurl: https://c.example/h20\n"
                      "url: https://d.example/h20"_s);
    // Written back as one UR line per address.
    const QString written = QString::fromUtf8(RisFormat::write(sources));
    QVERIFY2(written.contains(u"UR  - https://a.example/h20\r\nUR  - https://b.example/h20\r\n"
                              "UR  - https://c.example/h20\r\nUR  - https://d.example/h20\r\n"_s),
             qPrintable(written));
    QVERIFY(!written.contains(u"N1"_s));
    QCOMPARE(readOrFail(written.toUtf8()), sources);
}

void TestRisFormat::recordNumbersBeforeTyAreSkipped() {
    const QList<Source> sources =
        readOrFail("1.\nTY  - NEWS\nTI  - First\nER  - \n\n2.\nTY  - NEWS\nTI  - Second\nER  - \n");
    QCOMPARE(sources.size(), qsizetype(2));
    QCOMPARE(sources.at(0).title, u"First"_s);
    QCOMPARE(sources.at(1).title, u"Second"_s);
    // Inside a record a number is the value's continuation, as before.
    const QList<Source> inside = readOrFail("TY  - NEWS\nTI  - Part\n2.\nER  - \n");
    QCOMPARE(inside.at(0).title, u"Part 2."_s);
}

QTEST_GUILESS_MAIN(TestRisFormat)
#include "tst_risformat.moc"
