#include "model/formats/SourceFormat.h"

#include "CitationTestUtil.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestSourceFormat : public QObject {
    Q_OBJECT

private slots:
    void names();
    void detect_data();
    void detect();
    void readSourcesDetectsAndReads_data();
    void readSourcesDetectsAndReads();
    void readSourcesErrors();
    void writeAndReadBack();
};

void TestSourceFormat::names() {
    for (SourceFileFormat f :
         {SourceFileFormat::Auto, SourceFileFormat::CslJson, SourceFileFormat::Ris,
          SourceFileFormat::BibTex, SourceFileFormat::BibLaTex, SourceFileFormat::ArticleText})
        QCOMPARE(SourceFormat::fromName(SourceFormat::name(f)), f);
    QCOMPARE(SourceFormat::name(SourceFileFormat::CslJson), u"csl-json"_s);
    QCOMPARE(SourceFormat::fromName(u"BibLaTeX"), SourceFileFormat::BibLaTex);
    QCOMPARE(SourceFormat::fromName(u"bib"), SourceFileFormat::BibTex);
    QCOMPARE(SourceFormat::fromName(u"endnote"), std::nullopt);
    QCOMPARE(SourceFormat::fileExtension(SourceFileFormat::BibTex), u"bib"_s);
    QCOMPARE(SourceFormat::fileExtension(SourceFileFormat::BibLaTex), u"bib"_s);
}

void TestSourceFormat::detect_data() {
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("format"); // -1: not recognised

    QTest::newRow("ris by extension")
        << u"a.ris"_s << QByteArray("junk") << int(SourceFileFormat::Ris);
    QTest::newRow("bib by extension")
        << u"a.BIB"_s << QByteArray() << int(SourceFileFormat::BibTex);
    QTest::newRow("csl json") << u"export.json"_s
                              << QByteArray(
                                     "\xef\xbb\xbf[\n {\"id\": \"1\", \"type\": \"webpage\"}]")
                              << int(SourceFileFormat::CslJson);
    QTest::newRow("other json") << u"dataset.json"_s << QByteArray("{\"events\": []}") << -1;
    QTest::newRow("csl in txt") << u"a.txt"_s << QByteArray("[{\"title\": \"x\"}]")
                                << int(SourceFileFormat::CslJson);
    QTest::newRow("ris in txt") << u"a.txt"_s << QByteArray("\r\nTY  - NEWS\r\nTI  - x\r\n")
                                << int(SourceFileFormat::Ris);
    QTest::newRow("bibtex in txt")
        << u"refs.txt"_s << QByteArray("% refs\n@article{k,\n") << int(SourceFileFormat::BibTex);
    QTest::newRow("article") << u"000.txt"_s << QByteArray("Headline\n\nSome text with an @ sign.")
                             << int(SourceFileFormat::ArticleText);
    QTest::newRow("utf-16 ris") << u"a.txt"_s << QByteArray("\xff\xfeT\0Y\0 \0 \0-\0 \0", 14)
                                << int(SourceFileFormat::Ris);
}

void TestSourceFormat::detect() {
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(int, format);
    const std::optional<SourceFileFormat> detected = SourceFormat::detect(fileName, content);
    QCOMPARE(detected.has_value(), format >= 0);
    if (detected)
        QCOMPARE(int(*detected), format);
}

void TestSourceFormat::readSourcesDetectsAndReads_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("firstTitle");

    QTest::newRow("csl-json")
        << u"zotero-export.json"_s << 4
        << u"DeepSeek verschiebt Modellstart nach Problemen mit Huaweis KI-Chips"_s;
    QTest::newRow("ris")
        << u"zotero-export.ris"_s << 3
        << u"DeepSeek verschiebt Modellstart nach Problemen mit Huaweis KI-Chips"_s;
    QTest::newRow("bibtex")
        << u"zotero-export.bib"_s << 3
        << u"DeepSeek verschiebt Modellstart nach Problemen mit Huaweis KI-Chips"_s;
}

void TestSourceFormat::readSourcesDetectsAndReads() {
    QFETCH(QString, file);
    QFETCH(int, count);
    QFETCH(QString, firstTitle);
    InputError error;
    const std::optional<QList<Source>> sources =
        SourceFormat::readSources(citationPath(file), SourceFileFormat::Auto, &error);
    QVERIFY2(sources.has_value(), qPrintable(error.toString()));
    QCOMPARE(sources->size(), count);
    QCOMPARE(sources->first().title, firstTitle);
}

void TestSourceFormat::readSourcesErrors() {
    InputError error;
    QVERIFY(
        !SourceFormat::readSources(citationPath(u"noer.ris"_s), SourceFileFormat::Auto, &error));
    QCOMPARE(error.toString(),
             citationPath(u"noer.ris"_s) + u":7: record 2 starting at line 5 never ends (no ER)"_s);
    QVERIFY(!SourceFormat::readSources(QByteArray("{\"events\": []}"), u"d.json"_s,
                                       SourceFileFormat::Auto, &error));
    QCOMPARE(error.toString(), u"d.json: not a source file this program reads (CSL-JSON, RIS, "
                               "BibTeX or article text)"_s);
    // An explicit format wins over detection.
    QVERIFY(!SourceFormat::readSources(QByteArray("TY  - NEWS\nTI  - x\nER  - \n"), u"x.ris"_s,
                                       SourceFileFormat::BibTex, &error));
    QCOMPARE(error.toString(),
             u"x.ris: no BibTeX entries (@article{…}, @online{…}, …) in the file"_s);
}

void TestSourceFormat::writeAndReadBack() {
    InputError error;
    const std::optional<QList<Source>> original = SourceFormat::readSources(
        citationPath(u"zotero-export.json"_s), SourceFileFormat::Auto, &error);
    QVERIFY(original.has_value());
    // Through every writable format that keeps everything and back: the fields with a column
    // survive everywhere. (Classic BibTeX has no field for the kind, language or access date;
    // tst_bibtexformat checks what it keeps.)
    for (SourceFileFormat f :
         {SourceFileFormat::CslJson, SourceFileFormat::Ris, SourceFileFormat::BibLaTex}) {
        const QByteArray data = SourceFormat::write(*original, f);
        const std::optional<QList<Source>> back = SourceFormat::readSources(
            data, u"x."_s + SourceFormat::fileExtension(f), SourceFileFormat::Auto, &error);
        QVERIFY2(back.has_value(), qPrintable(error.toString()));
        QCOMPARE(back->size(), original->size());
        for (qsizetype i = 0; i < back->size(); ++i) {
            const Source &a = back->at(i);
            const Source &b = original->at(i);
            QCOMPARE(a.kind, b.kind);
            QCOMPARE(a.title, b.title);
            QCOMPARE(a.outlet, b.outlet);
            QCOMPARE(a.authors, b.authors);
            QCOMPARE(a.url, b.url);
            QCOMPARE(a.doi, b.doi);
            QCOMPARE(a.published, b.published);
            QCOMPARE(a.accessed, b.accessed);
            QCOMPARE(a.language, b.language);
            QCOMPARE(a.excerpt, b.excerpt);
        }
    }
    QVERIFY(SourceFormat::write(*original, SourceFileFormat::ArticleText).isEmpty());
}

QTEST_GUILESS_MAIN(TestSourceFormat)
#include "tst_sourceformat.moc"
