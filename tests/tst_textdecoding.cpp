#include "model/formats/TextDecoding.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestTextDecoding : public QObject {
    Q_OBJECT

private slots:
    void decodesUnicodeEncodings_data();
    void decodesUnicodeEncodings();
    void refusesInvalidUtf8_data();
    void refusesInvalidUtf8();
    void refusesBinary();
    void refusesOddUtf16();
    void readFileNamesThePath();
    void readFileMissing();
};

void TestTextDecoding::decodesUnicodeEncodings_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");

    QTest::newRow("utf-8") << QByteArray("Gr\xc3\xbc\xc3\x9f"
                                         "e\n")
                           << u"Grüße\n"_s;
    QTest::newRow("utf-8 with BOM") << QByteArray("\xef\xbb\xbfGr\xc3\xbc\xc3\x9f"
                                                  "e")
                                    << u"Grüße"_s;
    QTest::newRow("utf-16le with BOM")
        << QByteArray("\xff\xfeG\0r\0\xfc\0\xdf\0e\0", 12) << u"Grüße"_s;
    QTest::newRow("utf-16be with BOM")
        << QByteArray("\xfe\xff\0G\0r\0\xfc\0\xdf\0e", 12) << u"Grüße"_s;
    QTest::newRow("4-byte sequence") << QByteArray("\xf0\x9f\x93\x88") << u"📈"_s;
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestTextDecoding::decodesUnicodeEncodings() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    InputError error;
    const std::optional<QString> decoded = TextDecoding::decode(bytes, u"a.txt"_s, &error);
    QVERIFY2(decoded.has_value(), qPrintable(error.toString()));
    QCOMPARE(*decoded, text);
    QVERIFY(error.isEmpty());
}

void TestTextDecoding::refusesInvalidUtf8_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<QString>("message");

    QTest::newRow("latin-1 umlaut on line 3")
        << QByteArray("Titel\nAutor\nM\xe4rz 2025\n") << qsizetype(13)
        << u"notes.txt: not UTF-8 text (invalid byte 0xE4 at line 3); save it as UTF-8"_s;
    QTest::newRow("windows-1252 quote")
        << QByteArray("\x93Zitat\x94") << qsizetype(0)
        << u"notes.txt: not UTF-8 text (invalid byte 0x93 at line 1); save it as UTF-8"_s;
    QTest::newRow("overlong slash")
        << QByteArray("a\xc0\xaf") << qsizetype(1)
        << u"notes.txt: not UTF-8 text (invalid byte 0xC0 at line 1); save it as UTF-8"_s;
    QTest::newRow("surrogate")
        << QByteArray("ok\n\xed\xa0\x80") << qsizetype(3)
        << u"notes.txt: not UTF-8 text (invalid byte 0xED at line 2); save it as UTF-8"_s;
    QTest::newRow("truncated sequence at end")
        << QByteArray("abc\xc3") << qsizetype(3)
        << u"notes.txt: not UTF-8 text (invalid byte 0xC3 at line 1); save it as UTF-8"_s;
    QTest::newRow("above U+10FFFF")
        << QByteArray("\xf4\x90\x80\x80") << qsizetype(0)
        << u"notes.txt: not UTF-8 text (invalid byte 0xF4 at line 1); save it as UTF-8"_s;
}

void TestTextDecoding::refusesInvalidUtf8() {
    QFETCH(QByteArray, bytes);
    QFETCH(qsizetype, offset);
    QFETCH(QString, message);
    QCOMPARE(TextDecoding::firstInvalidUtf8Byte(bytes), offset);
    InputError error;
    QVERIFY(!TextDecoding::decode(bytes, u"notes.txt"_s, &error).has_value());
    QCOMPARE(error.toString(), message);
}

void TestTextDecoding::refusesBinary() {
    InputError error;
    QVERIFY(!TextDecoding::decode(QByteArray("PK\x03\x04\n\0\0", 7), u"a.zip"_s, &error));
    QCOMPARE(error.toString(), u"a.zip: binary data, not a text file (NUL byte at line 2)"_s);
}

void TestTextDecoding::refusesOddUtf16() {
    InputError error;
    QVERIFY(!TextDecoding::decode(QByteArray("\xff\xfeG\0r", 5), u"u.txt"_s, &error));
    QCOMPARE(error.toString(), u"u.txt: not UTF-16 text (odd number of bytes); save it as UTF-8"_s);
}

void TestTextDecoding::readFileNamesThePath() {
    const QString path = QStringLiteral(CHIPTIMELINE_TEST_DATA) + u"/citations/latin1.ris"_s;
    InputError error;
    QVERIFY(!TextDecoding::readFile(path, &error).has_value());
    QCOMPARE(error.toString(),
             path + u": not UTF-8 text (invalid byte 0xFC at line 3); save it as UTF-8"_s);
}

void TestTextDecoding::readFileMissing() {
    const QString path = QStringLiteral(CHIPTIMELINE_TEST_DATA) + u"/citations/missing.ris"_s;
    InputError error;
    QVERIFY(!TextDecoding::readFile(path, &error).has_value());
    QCOMPARE(error.toString(), path + u": cannot open: No such file or directory"_s);
}

QTEST_GUILESS_MAIN(TestTextDecoding)
#include "tst_textdecoding.moc"
