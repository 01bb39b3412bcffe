#include "model/formats/BibTexFormat.h"
#include "model/formats/DatasetFormats.h"
#include "model/formats/SourceFormat.h"

#include "CitationTestUtil.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestBibTexFormat : public QObject {
    Q_OBJECT

private slots:
    void importsBibLaTeXFile();
    void exportMatchesExpectedFile();
    void roundTripKeepsEveryField();
    void decodeLatex_data();
    void decodeLatex();
    void encodeLatex_data();
    void encodeLatex();
    void encodeDecodeRoundTrip();
    void authors_data();
    void authors();
    void citationKeysAreUnique();
    void kindMapping_data();
    void kindMapping();
    void errors_data();
    void errors();
    void howpublishedUrlIsTheAddress();
    void yearWithOriginalYearIsRead();
    void classicBibTexExport();
};

namespace {

QList<Source> expectedSources() {
    return {
        makeSource(
            u"news"_s, u"DeepSeek verschiebt Modellstart nach Problemen mit Huaweis KI-Chips"_s,
            u"Eulerpool News"_s, {u"Müller, Jürgen"_s, u"Schäfer, Anna-Lena"_s},
            u"https://eulerpool.com/news/deepseek-verschiebt-modellstart"_s, {},
            PartialDate::fromYmd(2025, 8, 15), PartialDate::fromYmd(2025, 8, 20), u"de"_s,
            u"DeepSeek hat die Einführung des KI-Modells R2 verschoben, da Trainingsläufe mit "
            "Huawei-Chips fehlschlugen."_s,
            u"Zweite Meldung zum R2-Aufschub\npublisher: Eulerpool Research "
            "Systems\npublisher-place: Köln\npage: 3–4"_s),
        makeSource(
            u"web"_s, u"Quick take: DeepSeek struggles to train models on Huawei chips"_s, {},
            {u"Trivium China"_s},
            u"https://triviumchina.com/2025/08/14/quick-take-deepseek-struggles-to-train-models-on-huawei/"_s,
            {}, PartialDate::fromYearMonth(2025, 8), PartialDate::fromYmd(2025, 8, 21), u"en"_s, {},
            u"keywords: DeepSeek, Huawei"_s),
        makeSource(u"paper"_s, u"ß: Große Pläne – DeepSeek & Huawei été à la ôñ ça 100%"_s,
                   u"Financial Times (Asia)"_s, {u"Olcott, Eleanor"_s, u"Hu, Zijing"_s}, {}, {},
                   PartialDate::fromYearMonth(2025, 8), {}, {}, {}, u"volume: 12"_s),
    };
}

QList<Source> readOrFail(const QByteArray &data) {
    InputError error;
    const std::optional<QList<Source>> sources = BibTexFormat::read(data, u"test.bib"_s, &error);
    if (!sources)
        qWarning("%s", qPrintable(error.toString()));
    return sources.value_or(QList<Source>());
}

} // namespace

void TestBibTexFormat::importsBibLaTeXFile() {
    const QList<Source> sources = readOrFail(citationBytes(u"zotero-export.bib"_s));
    const QList<Source> expected = expectedSources();
    QCOMPARE(sources.size(), expected.size());
    for (qsizetype i = 0; i < sources.size(); ++i) {
        compareFields(sources.at(i), expected.at(i));
        if (QTest::currentTestFailed())
            return;
    }
}

void TestBibTexFormat::exportMatchesExpectedFile() {
    const QList<Source> sources = readOrFail(citationBytes(u"zotero-export.bib"_s));
    QCOMPARE(QString::fromUtf8(BibTexFormat::write(sources)),
             QString::fromUtf8(citationBytes(u"zotero-export.expected.bib"_s)));
}

void TestBibTexFormat::roundTripKeepsEveryField() {
    const QList<Source> first = readOrFail(citationBytes(u"zotero-export.bib"_s));
    QCOMPARE(first.size(), 3);
    const QList<Source> second = readOrFail(BibTexFormat::write(first));
    QCOMPARE(second.size(), first.size());
    for (qsizetype i = 0; i < first.size(); ++i) {
        compareFields(second.at(i), first.at(i));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(second.at(i).uid, first.at(i).uid);
    }
}

void TestBibTexFormat::decodeLatex_data() {
    QTest::addColumn<QString>("latex");
    QTest::addColumn<QString>("text");

    QTest::newRow("braced accent") << uR"({\"u}ber)"_s << u"über"_s;
    QTest::newRow("accent with braced letter") << uR"(\"{u}ber)"_s << u"über"_s;
    QTest::newRow("bare accent") << uR"(\"uber)"_s << u"über"_s;
    QTest::newRow("eszett") << uR"(Gro{\ss}e)"_s << u"Große"_s;
    QTest::newRow("eszett with space") << uR"(Gro\ss e)"_s << u"Große"_s;
    QTest::newRow("acute") << uR"(\'ecole)"_s << u"école"_s;
    QTest::newRow("grave") << uR"(\`a la)"_s << u"à la"_s;
    QTest::newRow("circumflex") << uR"(h\^otel)"_s << u"hôtel"_s;
    QTest::newRow("tilde") << uR"(Espa\~na)"_s << u"España"_s;
    QTest::newRow("cedilla") << uR"(Fran\c{c}ais)"_s << u"Français"_s;
    QTest::newRow("cedilla spaced") << uR"(Fran\c cais)"_s << u"Français"_s;
    QTest::newRow("caron") << uR"(\v{S}koda)"_s << u"Škoda"_s;
    QTest::newRow("dotless i") << uR"(T{\"\i}bet {\'\i})"_s << u"Tïbet í"_s;
    QTest::newRow("escaped specials") << uR"(AT\&T 5\% \$3 \#1 a\_b)"_s << u"AT&T 5% $3 #1 a_b"_s;
    QTest::newRow("dashes") << u"2024--2025 --- so"_s << u"2024–2025 — so"_s;
    QTest::newRow("protective braces")
        << u"{DeepSeek} and {H20} chips"_s << u"DeepSeek and H20 chips"_s;
    QTest::newRow("nested braces") << uR"({{Nvidia} {\"U}berblick})"_s << u"Nvidia Überblick"_s;
    QTest::newRow("formatting command") << uR"(\emph{Chip} \textit{War})"_s << u"Chip War"_s;
    QTest::newRow("tex quotes") << u"``Backdoor''"_s << u"“Backdoor”"_s;
    QTest::newRow("nbsp") << u"Nr.~5"_s << u"Nr.\u00a05"_s;
    QTest::newRow("symbols") << uR"(\o{} \ae{} \l{} \AA)"_s << u"ø æ ł Å"_s;
}

void TestBibTexFormat::decodeLatex() {
    QFETCH(QString, latex);
    QFETCH(QString, text);
    QCOMPARE(BibTexFormat::decodeLatex(latex), text);
}

void TestBibTexFormat::encodeLatex_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("protect");
    QTest::addColumn<QString>("latex");

    QTest::newRow("umlaut") << u"Äpfel über"_s << false << uR"({\"A}pfel {\"u}ber)"_s;
    QTest::newRow("eszett") << u"Große"_s << false << uR"(Gro{\ss}e)"_s;
    QTest::newRow("accents") << u"été ñ ç š"_s << false
                             << uR"({\'e}t{\'e} {\~n} {\c{c}} {\v{s}})"_s;
    QTest::newRow("specials") << u"AT&T 5% $3 #1 a_b {x}"_s << false
                              << uR"(AT\&T 5\% \$3 \#1 a\_b \textbraceleft{}x\textbraceright{})"_s;
    QTest::newRow("dashes") << u"2024–2025 — a--b"_s << false << u"2024--2025 --- a-{}-b"_s;
    QTest::newRow("non-latin kept") << u"华为 Ascend"_s << false << u"华为 Ascend"_s;
    QTest::newRow("protected capitals")
        << u"DeepSeek verschiebt Modellstart"_s << true << u"{DeepSeek} verschiebt {Modellstart}"_s;
    QTest::newRow("first word kept")
        << u"Nvidia and the H20"_s << true << u"Nvidia and the {H20}"_s;
    QTest::newRow("protected umlaut word")
        << u"Die Österreicher"_s << true << uR"(Die {{\"O}sterreicher})"_s;
}

void TestBibTexFormat::encodeLatex() {
    QFETCH(QString, text);
    QFETCH(bool, protect);
    QFETCH(QString, latex);
    QCOMPARE(BibTexFormat::encodeLatex(text, protect), latex);
}

void TestBibTexFormat::encodeDecodeRoundTrip() {
    const QString text = u"Über „Chips“ – 15 % für AT&T, {Huawei}_x \\ ~ ^ ``q'' ÆØÅ ß ł "
                         "Çağla Weiß"_s;
    QCOMPARE(BibTexFormat::decodeLatex(BibTexFormat::encodeLatex(text)), text);
    QCOMPARE(BibTexFormat::decodeLatex(BibTexFormat::encodeLatex(text, true)), text);
}

void TestBibTexFormat::authors_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QStringList>("authors");

    QTest::newRow("family, given") << u"M{\\\"u}ller, J{\\\"u}rgen and Hu, Zijing"_s
                                   << QStringList{u"Müller, Jürgen"_s, u"Hu, Zijing"_s};
    QTest::newRow("given family") << u"Eleanor Olcott and Ludwig van Beethoven"_s
                                  << QStringList{u"Olcott, Eleanor"_s, u"van Beethoven, Ludwig"_s};
    QTest::newRow("corporate") << u"{Barnes and Noble, Inc.} and {Reuters}"_s
                               << QStringList{u"Barnes and Noble, Inc."_s, u"Reuters"_s};
    QTest::newRow("others dropped") << u"Smith, Jo and others"_s << QStringList{u"Smith, Jo"_s};
}

void TestBibTexFormat::authors() {
    QFETCH(QString, field);
    QFETCH(QStringList, authors);
    const QList<Source> sources =
        readOrFail((u"@misc{k, title = {T}, author = {"_s + field + u"}}"_s).toUtf8());
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources.at(0).authors, authors);
}

void TestBibTexFormat::citationKeysAreUnique() {
    Source a;
    a.title = u"Über DeepSeek"_s;
    a.authors = {u"Müller, Jürgen"_s};
    a.published = PartialDate::fromYmd(2025, 8, 15);
    Source b = a;
    Source c = a;
    Source d;
    d.title = u"The H20 deal"_s;
    d.outlet = u"Financial Times"_s;
    Source e;
    e.title = u"Rules"_s;
    e.authors = {u"US Department of Commerce"_s};
    QCOMPARE(BibTexFormat::citationKeys({a, b, c, d, e}),
             (QStringList{u"muller2025uber"_s, u"muller2025ubera"_s, u"muller2025uberb"_s,
                          u"financialthe"_s, u"usrules"_s}));
}

void TestBibTexFormat::kindMapping_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("subtype");
    QTest::addColumn<QString>("kind");

    QTest::newRow("newspaper article") << u"article"_s << u"newspaper"_s << u"news"_s;
    QTest::newRow("journal article") << u"article"_s << QString() << u"paper"_s;
    QTest::newRow("online") << u"online"_s << QString() << u"web"_s;
    QTest::newRow("report") << u"report"_s << QString() << u"report"_s;
    QTest::newRow("techreport") << u"techreport"_s << QString() << u"report"_s;
    QTest::newRow("book") << u"book"_s << QString() << u"book"_s;
    QTest::newRow("misc") << u"misc"_s << QString() << u"other"_s;
    QTest::newRow("upper case") << u"ARTICLE"_s << QString() << u"paper"_s;
}

void TestBibTexFormat::kindMapping() {
    QFETCH(QString, type);
    QFETCH(QString, subtype);
    QFETCH(QString, kind);
    QCOMPARE(BibTexFormat::kindForType(type, subtype), kind);
    // @techreport keeps its own type through a round trip.
    if (type == u"techreport"_s) {
        const QList<Source> sources =
            readOrFail("@techreport{k, title = {T}, institution = {CSIS}, number = {7}}");
        QCOMPARE(sources.size(), 1);
        QCOMPARE(sources.at(0).outlet, u"CSIS"_s);
        QCOMPARE(sources.at(0).notes, u"entrytype: techreport\nnumber: 7"_s);
        QCOMPARE(QString::fromUtf8(BibTexFormat::write(sources)),
                 u"@techreport{csist,\n  title = {T},\n  institution = {CSIS},\n"
                 "  number = {7},\n}\n\n"_s);
    }
}

void TestBibTexFormat::errors_data() {
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");

    QTest::newRow("unbalanced braces")
        << u"unbalanced.bib"_s << citationBytes(u"unbalanced.bib"_s)
        << u"unbalanced.bib:5: entry \"b\" starting at line 5: unbalanced braces (no closing } "
           "before end of file; field \"title\" at line 6 has no closing })"_s;
    QTest::newRow("no title") << u"notitle.bib"_s << citationBytes(u"notitle.bib"_s)
                              << u"notitle.bib:5: entry \"nt\": no title"_s;
    QTest::newRow("unknown entry syntax")
        << u"badsyntax.bib"_s << citationBytes(u"badsyntax.bib"_s)
        << u"badsyntax.bib:4: unknown entry syntax: @article must be followed by { or ("_s;
    QTest::newRow("undefined macro")
        << u"m.bib"_s << QByteArray("@online{k,\n  title = {T},\n  journal = nyt,\n}\n")
        << u"m.bib:3: entry \"k\": undefined macro \"nyt\" in field \"journal\""_s;
    QTest::newRow("missing equals")
        << u"q.bib"_s << QByteArray("@online{k,\n  title {T}\n}\n")
        << u"q.bib:2: entry \"k\": expected = after field name \"title\""_s;
    QTest::newRow("unclosed quote") << u"u.bib"_s << QByteArray("@online{k,\n  title = \"T\n}\n")
                                    << u"u.bib:2: entry \"k\": field \"title\" has no closing \""_s;
    QTest::newRow("no entries") << u"n.bib"_s << QByteArray("% nothing here\n")
                                << u"n.bib: no BibTeX entries (@article{…}, @online{…}, …) in the "
                                   "file"_s;
    QTest::newRow("latin-1") << u"l.bib"_s
                             << QByteArray("@online{k,\n  title = {Gr\xfc\xdf"
                                           "e}\n}")
                             << u"l.bib: not UTF-8 text (invalid byte 0xFC at line 2); save it as "
                                "UTF-8"_s;
}

void TestBibTexFormat::errors() {
    QFETCH(QString, fileName);
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    InputError error;
    QVERIFY(!BibTexFormat::read(data, fileName, &error).has_value());
    QCOMPARE(error.toString(), message);
}

void TestBibTexFormat::howpublishedUrlIsTheAddress() {
    const QList<Source> sources = readOrFail(
        "@misc{a, title = {H20 deal}, howpublished = {\\url{https://example.org/h20\\_deal}}}\n"
        "@misc{b, title = {Bare}, howpublished = {https://example.org/bare}}\n"
        "@misc{c, title = {Both}, url = {https://example.org/url},\n"
        "  howpublished = {\\url{https://example.org/other}}}\n"
        "@misc{d, title = {Words}, howpublished = {Press release}}\n");
    QCOMPARE(sources.size(), 4);
    QCOMPARE(sources.at(0).url, u"https://example.org/h20_deal"_s);
    QCOMPARE(sources.at(0).notes, QString());
    QCOMPARE(sources.at(1).url, u"https://example.org/bare"_s);
    QCOMPARE(sources.at(1).notes, QString());
    // url wins; the other address stays in the notes
    QCOMPARE(sources.at(2).url, u"https://example.org/url"_s);
    QCOMPARE(sources.at(2).notes, u"howpublished: https://example.org/other"_s);
    QCOMPARE(sources.at(3).url, QString());
    QCOMPARE(sources.at(3).notes, u"howpublished: Press release"_s);
}

void TestBibTexFormat::yearWithOriginalYearIsRead() {
    const QList<Source> sources =
        readOrFail("@book{a, title = {Chip War}, year = {[1990] 2002}}\n"
                   "@book{b, title = {Plain}, year = {2022}, month = aug}\n"
                   "@book{c, title = {Unknown}, year = {n.d.}}\n");
    QCOMPARE(sources.size(), 3);
    QCOMPARE(sources.at(0).published, PartialDate::fromYear(2002));
    QCOMPARE(sources.at(0).notes, u"year: [1990] 2002"_s);
    QCOMPARE(sources.at(1).published, PartialDate::fromYearMonth(2022, 8));
    QCOMPARE(sources.at(1).notes, QString());
    QVERIFY(!sources.at(2).published.isValid());
    QCOMPARE(sources.at(2).notes, u"year: n.d."_s);
}

void TestBibTexFormat::classicBibTexExport() {
    Source news = makeSource(u"news"_s, u"Nvidia says it will resume H20 sales"_s, u"Reuters"_s,
                             {u"Müller, Jürgen"_s}, u"https://example.org/h20"_s, {},
                             PartialDate::fromYmd(2025, 7, 15), PartialDate::fromYmd(2025, 8, 1),
                             u"en"_s, {}, u"Syndicated"_s);
    Source web = makeSource(u"web"_s, u"Entity List"_s, u"BIS"_s, {}, u"https://bis.example/list"_s,
                            {}, PartialDate::fromYearMonth(2025, 3), {}, {}, {}, {});
    Source report = makeSource(u"report"_s, u"AI Diffusion"_s, u"Alston & Bird"_s, {}, {},
                               u"10.5555/x"_s, PartialDate::fromYear(2025), {}, {}, {}, {});
    const QString written =
        QString::fromUtf8(SourceFormat::write({news, web, report}, SourceFileFormat::BibTex));
    QCOMPARE(written, u"@article{muller2025nvidia,\n"
                      "  author = {M{\\\"u}ller, J{\\\"u}rgen},\n"
                      "  title = {Nvidia says it will resume {H20} sales},\n"
                      "  journal = {Reuters},\n"
                      "  year = {2025},\n"
                      "  month = jul,\n"
                      "  day = {15},\n"
                      "  url = {https://example.org/h20},\n"
                      "  note = {Accessed 2025-08-01. Syndicated},\n"
                      "}\n\n"
                      "@misc{bis2025entity,\n"
                      "  title = {Entity {List}},\n"
                      "  year = {2025},\n"
                      "  month = mar,\n"
                      "  howpublished = {\\url{https://bis.example/list}},\n"
                      "  url = {https://bis.example/list},\n"
                      "  note = {BIS},\n"
                      "}\n\n"
                      "@techreport{alston2025ai,\n"
                      "  title = {{AI} {Diffusion}},\n"
                      "  institution = {Alston \\& Bird},\n"
                      "  year = {2025},\n"
                      "  doi = {10.5555/x},\n"
                      "}\n\n"_s);
    // Standard entry types only, and this program reads its fields back.
    QVERIFY(!written.contains(u"@online"_s));
    QVERIFY(!written.contains(u"journaltitle"_s));
    const QList<Source> back = readOrFail(written.toUtf8());
    QCOMPARE(back.size(), 3);
    QCOMPARE(back.at(0).url, news.url);
    QCOMPARE(back.at(0).outlet, news.outlet);
    QCOMPARE(back.at(0).published, news.published);
    QCOMPARE(back.at(1).url, web.url);
    QCOMPARE(back.at(2).doi, report.doi);
    QCOMPARE(back.at(2).outlet, report.outlet);
    // biblatex keeps writing BibLaTeX
    Dataset dataset;
    dataset.sources = {web};
    QVERIFY(DatasetFormats::write(dataset, DatasetFormat::BibLaTex).startsWith("@online{"));
}

QTEST_GUILESS_MAIN(TestBibTexFormat)
#include "tst_bibtexformat.moc"
