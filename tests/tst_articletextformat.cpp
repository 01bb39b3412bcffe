#include "model/formats/ArticleTextFormat.h"

#include "CitationTestUtil.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

class TestArticleTextFormat : public QObject {
    Q_OBJECT

private slots:
    void seeds_data();
    void seeds();
    void seedFurnitureIsDropped();
    void englishArticleWithBylineAndDateline();
    void germanNumericDateline();
    void commentSectionEndsBody();
    void refusesEmptyAndBinary_data();
    void refusesEmptyAndBinary();
    void sentences_data();
    void sentences();
    void shortened();
    void language_data();
    void language();
};

namespace {

QString seedDir() {
    return QStringLiteral(CHIPTIMELINE_SHARED_DIR "/seeds");
}

std::optional<Source> readSeed(const QString &name, InputError *error) {
    QFile file(seedDir() + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return ArticleTextFormat::read(file.readAll(), file.fileName(), error);
}

Source readText(const QString &text, const QString &fileName = u"article.txt"_s) {
    InputError error;
    const std::optional<Source> source = ArticleTextFormat::read(text.toUtf8(), fileName, &error);
    if (!source)
        qWarning("%s", qPrintable(error.toString()));
    return source.value_or(Source());
}

} // namespace

void TestArticleTextFormat::seeds_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("published");
    QTest::addColumn<QString>("outlet");
    QTest::addColumn<QString>("excerptStart");

    QTest::newRow("000") << u"000_959ac6c372fd90e6.txt"_s
                         << u"DeepSeek R2 verzögert sich durch Huawei Chips"_s << QString()
                         << QString()
                         << u"Das chinesische Startup DeepSeek hat den Start seines LLM R2 "
                            "verschoben. Schuld daran"_s;
    QTest::newRow("001") << u"001_c9e6c51de5dd0a23.txt"_s
                         << u"Verzögerung bei DeepSeeks R2-KI-Modell: Chinesische Behörden "
                            "empfehlen Huawei-KI-Chips, während Peking nach NVIDIA-Alternativen "
                            "sucht"_s
                         << QString() << QString()
                         << u"DeepSeeks Abhängigkeit von Huaweis KI-Chips hat sich nicht wie "
                            "erwartet ausgezahlt."_s;
    QTest::newRow("002") << u"002_f6ee157dac52fd7c.txt"_s
                         << u"Das Pekinger KI-Unternehmen Deepseek hat die mit Spannung "
                            "erwartete…"_s
                         << u"2025-08-14"_s << QString()
                         << u"Das Pekinger KI-Unternehmen Deepseek hat die mit Spannung erwartete "
                            "Veröffentlichung seines neuen KI-Modells, R2, auf unbestimmte Zeit "
                            "verschoben."_s;
    QTest::newRow("003") << u"003_a1c43df88aef6455.txt"_s
                         << u"DeepSeek: Verzögerungen bei der Entwicklung des nächsten KI-Modells "
                            "durch NVIDIA GPU-Exportbeschränkungen nach China"_s
                         << QString() << QString()
                         << u"Die chinesische KI-Firma DeepSeek hat mit ihrem R1-Modell viel "
                            "Aufmerksamkeit erregt"_s;
    QTest::newRow("004") << u"004_f289ac80dcbae748.txt"_s
                         << u"DeepSeek verschiebt Modellstart nach Problemen mit Huaweis KI-Chips"_s
                         << u"2025-08-15"_s << u"Eulerpool News"_s
                         << u"DeepSeek hat die Einführung des KI-Modells R2 verschoben, da "
                            "Trainingsläufe mit Huawei-Chips fehlschlugen."_s;
}

void TestArticleTextFormat::seeds() {
    if (!QDir(seedDir()).exists())
        QSKIP("the shared seed articles are not available");
    QFETCH(QString, file);
    QFETCH(QString, title);
    QFETCH(QString, published);
    QFETCH(QString, outlet);
    QFETCH(QString, excerptStart);
    InputError error;
    const std::optional<Source> source = readSeed(file, &error);
    QVERIFY2(source.has_value(), qPrintable(error.toString()));
    QCOMPARE(source->title, title);
    QCOMPARE(source->published.toIsoString(), published);
    QCOMPARE(source->outlet, outlet);
    QCOMPARE(source->language, u"de"_s);
    QCOMPARE(source->kind, u"news"_s);
    QCOMPARE(source->notes, u"Imported from "_s + file);
    QCOMPARE(source->url, QString());
    QCOMPARE(source->authors, QStringList());
    QVERIFY2(source->excerpt.startsWith(excerptStart), qPrintable(source->excerpt));
    QVERIFY(source->excerpt.size() <= 400);
    QCOMPARE(source->uid.size(), 36);
}

void TestArticleTextFormat::seedFurnitureIsDropped() {
    if (!QDir(seedDir()).exists())
        QSKIP("the shared seed articles are not available");
    InputError error;
    const std::optional<Source> source = readSeed(u"004_f289ac80dcbae748.txt"_s, &error);
    QVERIFY2(source.has_value(), qPrintable(error.toString()));
    QCOMPARE(source->excerpt,
             u"DeepSeek hat die Einführung des KI-Modells R2 verschoben, da Trainingsläufe mit "
             "Huawei-Chips fehlschlugen. Das Unternehmen kehrt zu Nvidia zurück, um "
             "Stabilitätsprobleme zu lösen. Der chinesische KI-Entwickler DeepSeek hat die "
             "Einführung seines neuen Modells R2 verschoben, nachdem Trainingsläufe mit Huaweis "
             "Ascend-Prozessoren scheiterten."_s);
    const QStringList fields = {source->title, source->outlet, source->excerpt, source->notes,
                                source->authors.join(u' ')};
    for (const QString &furniture : {u"Ethereum"_s, u"Pat Smear"_s, u"Biathlon"_s, u"Kommentare"_s,
                                     u"Finanzen / KI"_s, u"bitcoin"_s, u"Foto:"_s}) {
        for (const QString &field : fields)
            QVERIFY2(!field.contains(furniture), qPrintable(furniture));
    }
}

void TestArticleTextFormat::englishArticleWithBylineAndDateline() {
    const Source s = readText(
        u"Reuters\n\nNvidia to resume H20 sales to China\n\nBy Jane Doe and Max Muster\n"
        "July 15, 2025 8:02 AM UTC\n\nNvidia said on Tuesday it will resume sales of its H20 chip "
        "to China after the U.S. government assured it that licenses would be granted. The "
        "company had booked a $4.5 billion charge. Shares rose 4% in early trading on the news "
        "from Washington. Analysts were surprised.\n\nThe decision came on July 14, 2025.\n\n"
        "Related stories\nAMD cleared to sell MI308 as well.\n"_s);
    compareFields(
        s,
        makeSource(
            u"news"_s, u"Nvidia to resume H20 sales to China"_s, u"Reuters"_s,
            {u"Doe, Jane"_s, u"Muster, Max"_s}, {}, {}, PartialDate::fromYmd(2025, 7, 15), {},
            u"en"_s,
            u"Nvidia said on Tuesday it will resume sales of its H20 chip to China after the "
            "U.S. government assured it that licenses would be granted. The company had booked "
            "a $4.5 billion charge. Shares rose 4% in early trading on the news from Washington."_s,
            u"Imported from article.txt"_s));
}

void TestArticleTextFormat::germanNumericDateline() {
    const Source s = readText(
        u"Exportkontrollen: USA verschärfen Regeln\n15.01.2026 · Quelle: Handelsblatt\n\n"
        "Die US-Regierung hat am 13. Januar neue Regeln für den Export von KI-Chips erlassen. "
        "Sie gelten ab dem 15. Januar.\n"_s);
    QCOMPARE(s.title, u"Exportkontrollen: USA verschärfen Regeln"_s);
    QCOMPARE(s.published.toIsoString(), u"2026-01-15"_s);
    QCOMPARE(s.outlet, u"Handelsblatt"_s);
    QCOMPARE(s.language, u"de"_s);
    QCOMPARE(s.excerpt, u"Die US-Regierung hat am 13. Januar neue Regeln für den Export von "
                        "KI-Chips erlassen. Sie gelten ab dem 15. Januar."_s);
}

void TestArticleTextFormat::commentSectionEndsBody() {
    const Source s =
        readText(u"Kurz notiert\n\nDas ist der einzige Satz des Artikels über die Chips.\n\n"
                 "Schreibe einen Kommentar\n\nDeine E-Mail-Adresse wird nicht veröffentlicht.\n"_s);
    QCOMPARE(s.excerpt, u"Das ist der einzige Satz des Artikels über die Chips."_s);
}

void TestArticleTextFormat::refusesEmptyAndBinary_data() {
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QByteArray() << u"a.txt: empty file, no article text"_s;
    QTest::newRow("blank lines") << QByteArray(" \n\r\n\t\n")
                                 << u"a.txt: empty file, no article text"_s;
    QTest::newRow("NUL bytes") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                               << u"a.txt: not UTF-8 text (invalid byte 0x89 at line 1); save it "
                                  "as UTF-8"_s;
    QTest::newRow("control characters") << QByteArray("Titel\n\x01\x02\x03 data")
                                        << u"a.txt:2: binary data, not a text file "
                                           "(control character 0x01)"_s;
    QTest::newRow("latin-1") << QByteArray("Schlagzeile\n\nDer B\xe4r ist los.")
                             << u"a.txt: not UTF-8 text (invalid byte 0xE4 at line 3); save it "
                                "as UTF-8"_s;
}

void TestArticleTextFormat::refusesEmptyAndBinary() {
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    InputError error;
    QVERIFY(!ArticleTextFormat::read(data, u"a.txt"_s, &error).has_value());
    QCOMPARE(error.toString(), message);
}

void TestArticleTextFormat::sentences_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("sentences");

    QTest::newRow("plain") << u"Eins ist da. Zwei folgt! Drei?"_s
                           << QStringList{u"Eins ist da."_s, u"Zwei folgt!"_s, u"Drei?"_s};
    QTest::newRow("ordinal date") << u"Am Dienstag, dem 12. August, kam es. Dann nicht."_s
                                  << QStringList{u"Am Dienstag, dem 12. August, kam es."_s,
                                                 u"Dann nicht."_s};
    QTest::newRow("year ends sentence") << u"Das war 2025. Danach kam mehr."_s
                                        << QStringList{u"Das war 2025."_s, u"Danach kam mehr."_s};
    QTest::newRow("abbreviations")
        << u"Chips wie z. B. der H20. Dr. Liang sagt nichts."_s
        << QStringList{u"Chips wie z. B. der H20."_s, u"Dr. Liang sagt nichts."_s};
    QTest::newRow("quote") << u"Er sagte: „Nein.“ Dann ging er."_s
                           << QStringList{u"Er sagte: „Nein.“"_s, u"Dann ging er."_s};
    QTest::newRow("decimal") << u"Der Kurs fiel um 3.5 Prozent. Gut."_s
                             << QStringList{u"Der Kurs fiel um 3.5 Prozent."_s, u"Gut."_s};
}

void TestArticleTextFormat::sentences() {
    QFETCH(QString, text);
    QFETCH(QStringList, sentences);
    QCOMPARE(ArticleTextFormat::splitSentences(text), sentences);
}

void TestArticleTextFormat::shortened() {
    QCOMPARE(ArticleTextFormat::shortened(u"Kurzer Satz."_s, 80), u"Kurzer Satz"_s);
    QCOMPARE(ArticleTextFormat::shortened(u"Eins zwei drei, vier fünf"_s, 16),
             u"Eins zwei drei…"_s);
}

void TestArticleTextFormat::language_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("language");

    QTest::newRow("german") << u"Die Regierung hat mit den Firmen über die Chips gesprochen."_s
                            << u"de"_s;
    QTest::newRow("english") << u"The government has talked with the companies about the chips."_s
                             << u"en"_s;
    QTest::newRow("too short") << u"Nvidia H20"_s << QString();
}

void TestArticleTextFormat::language() {
    QFETCH(QString, text);
    QFETCH(QString, language);
    QCOMPARE(ArticleTextFormat::detectLanguage(text), language);
}

QTEST_GUILESS_MAIN(TestArticleTextFormat)
#include "tst_articletextformat.moc"
