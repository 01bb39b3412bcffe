#include "model/formats/CsvReader.h"
#include "model/formats/CsvWriter.h"

#include <QBuffer>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCsv : public QObject {
    Q_OBJECT

private slots:
    void reads_data();
    void reads();
    void recordLines();
    void readsFromDeviceInSmallChunks();
    void rejects_data();
    void rejects();
    void writesQuotedCells();
    void roundTrips();
    void tenMegabyteCell();
};

using Records = QList<QStringList>;

void TestCsv::reads_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Records>("expected");
    QTest::newRow("plain LF") << QByteArray("a,b\n1,2\n")
                              << Records{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}};
    QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n")
                          << Records{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}};
    QTest::newRow("CR only") << QByteArray("a,b\r1,2")
                             << Records{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}};
    QTest::newRow("no final newline")
        << QByteArray("a,b\n1,2") << Records{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}};
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBFtitle,start\n")
                         << Records{{u"title"_s, u"start"_s}};
    QTest::newRow("comma in quotes") << QByteArray("\"a,b\",c\n") << Records{{u"a,b"_s, u"c"_s}};
    QTest::newRow("doubled quotes")
        << QByteArray("\"say \"\"hi\"\"\",x\n") << Records{{u"say \"hi\""_s, u"x"_s}};
    QTest::newRow("line break in quotes")
        << QByteArray("\"one\ntwo\",x\r\n") << Records{{u"one\ntwo"_s, u"x"_s}};
    QTest::newRow("CRLF in quotes becomes LF")
        << QByteArray("\"one\r\ntwo\"\r\n") << Records{{u"one\ntwo"_s}};
    QTest::newRow("empty cells") << QByteArray(",,\n")
                                 << Records{{QString(), QString(), QString()}};
    QTest::newRow("empty quoted cell") << QByteArray("\"\",a\n") << Records{{QString(), u"a"_s}};
    QTest::newRow("blank line is one empty cell")
        << QByteArray("a\n\nb\n") << Records{{u"a"_s}, {QString()}, {u"b"_s}};
    QTest::newRow("trailing comma") << QByteArray("a,\n") << Records{{u"a"_s, QString()}};
    QTest::newRow("UTF-8") << QByteArray("Beschr\xC3\xA4nkung,\xE2\x80\x93\n")
                           << Records{{u"Beschränkung"_s, u"–"_s}};
    QTest::newRow("stray quote in unquoted cell kept")
        << QByteArray("5\" disk,x\n") << Records{{u"5\" disk"_s, u"x"_s}};
    QTest::newRow("empty input") << QByteArray() << Records{};
}

void TestCsv::reads() {
    QFETCH(QByteArray, input);
    QFETCH(Records, expected);
    InputError error;
    const auto records = CsvReader::readAll(input, u"f.csv"_s, &error);
    QVERIFY2(records, qPrintable(error.toString()));
    QCOMPARE(*records, expected);
}

void TestCsv::recordLines() {
    CsvReader reader(QByteArray("a\n\"b\nc\nd\",e\r\nf\n"), u"f.csv"_s);
    QStringList cells;
    QVERIFY(reader.readRecord(&cells));
    QCOMPARE(reader.recordLine(), 1);
    QVERIFY(reader.readRecord(&cells));
    QCOMPARE(reader.recordLine(), 2);
    QCOMPARE(cells, (QStringList{u"b\nc\nd"_s, u"e"_s}));
    QVERIFY(reader.readRecord(&cells));
    QCOMPARE(reader.recordLine(), 5);
    QCOMPARE(cells, QStringList{u"f"_s});
    QVERIFY(!reader.readRecord(&cells));
    QVERIFY(!reader.hasError());
}

// A device that hands out a few bytes per read, so a quote, CRLF or UTF-8 sequence is split
// across chunks.
class TrickleDevice : public QIODevice {
public:
    explicit TrickleDevice(QByteArray data)
        : m_data(std::move(data)) {}
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *out, qint64 max) override {
        const qint64 n = std::min<qint64>({max, 3, m_data.size() - m_pos});
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

void TestCsv::readsFromDeviceInSmallChunks() {
    const QByteArray input(
        "\xEF\xBB\xBFh1,h2\r\n\"a \"\"q\"\"\r\nb\",\xC3\xA4\xC3\xB6\r\nlast,\"\"\r\n");
    TrickleDevice device(input);
    QVERIFY(device.open(QIODevice::ReadOnly));
    CsvReader reader(&device, u"f.csv"_s);
    Records records;
    QStringList cells;
    while (reader.readRecord(&cells))
        records << cells;
    QVERIFY2(!reader.hasError(), qPrintable(reader.error().toString()));
    QCOMPARE(records,
             (Records{{u"h1"_s, u"h2"_s}, {u"a \"q\"\nb"_s, u"äö"_s}, {u"last"_s, QString()}}));
}

void TestCsv::rejects_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QByteArray unclosed = "title,start\n";
    for (int i = 2; i < 12; ++i)
        unclosed += "e" + QByteArray::number(i) + ",2025\n";
    unclosed += "\"never closes,2025\nmore\n";
    QTest::newRow("quote never closes")
        << unclosed << u"f.csv:12: a quoted cell opened here never closes"_s;
    QTest::newRow("text after closing quote")
        << QByteArray("a\n\"b\"c,d\n")
        << u"f.csv:2: text after the closing quote of a cell (a quote inside a quoted cell "
           "must be doubled)"_s;
    QTest::newRow("Latin-1") << QByteArray("a,b\nok,ok\nM\xE4rz,x\n")
                             << u"f.csv:3: not UTF-8 text (invalid byte 0xE4); save it as UTF-8"_s;
    QTest::newRow("Latin-1 inside multi-line cell")
        << QByteArray("a\n\"one\ntwo \xFC\"\n")
        << u"f.csv:3: not UTF-8 text (invalid byte 0xFC); save it as UTF-8"_s;
    QTest::newRow("UTF-16") << QByteArray("\xFF\xFEt\0i\0", 6)
                            << u"f.csv:1: not UTF-8 text (UTF-16 byte-order mark); save it as "
                               "UTF-8"_s;
    QTest::newRow("NUL byte") << QByteArray("a\nb\0c\n", 6)
                              << u"f.csv:2: binary data, not a text file (NUL byte)"_s;
}

void TestCsv::rejects() {
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    InputError error;
    QVERIFY(!CsvReader::readAll(input, u"f.csv"_s, &error));
    QCOMPARE(error.toString(), message);
}

void TestCsv::writesQuotedCells() {
    CsvWriter writer;
    writer.writeRecord(
        {u"plain"_s, u"a,b"_s, u"say \"hi\""_s, u"two\nlines"_s, u" pad"_s, QString(), u"ä"_s});
    QCOMPARE(writer.take(),
             QByteArray("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" pad\",,\xC3\xA4\r\n"));
    CsvWriter withBom(true);
    withBom.writeRecord({u"x"_s});
    QCOMPARE(withBom.take(), QByteArray("\xEF\xBB\xBFx\r\n"));
}

void TestCsv::roundTrips() {
    const Records records{{u"uid"_s, u"title"_s},
                          {u"1"_s, u"with, comma"_s},
                          {u"2"_s, u"\"quoted\"\nand\nlines"_s},
                          {QString(), u" spaces "_s}};
    CsvWriter writer;
    for (const QStringList &r : records)
        writer.writeRecord(r);
    InputError error;
    const auto back = CsvReader::readAll(writer.take(), {}, &error);
    QVERIFY(back);
    QCOMPARE(*back, records);
}

void TestCsv::tenMegabyteCell() {
    QString big;
    big.reserve(10 * 1024 * 1024);
    const QString chunk = u"Lorem, \"ipsum\"\nÄrger "_s;
    while (big.size() < 10 * 1024 * 1024)
        big += chunk;
    CsvWriter writer;
    writer.writeRecord({u"title"_s, u"summary"_s});
    writer.writeRecord({u"Big"_s, big});
    const QByteArray bytes = writer.take();
    InputError error;
    const auto records = CsvReader::readAll(bytes, u"big.csv"_s, &error);
    QVERIFY2(records, qPrintable(error.toString()));
    QCOMPARE(records->size(), 2);
    QCOMPARE(records->at(1).at(0), u"Big"_s);
    QCOMPARE(records->at(1).at(1).size(), big.size());
    QVERIFY(records->at(1).at(1) == big);

    QBuffer buffer;
    buffer.setData(bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer, u"big.csv"_s);
    QStringList cells;
    QVERIFY(reader.readRecord(&cells));
    QVERIFY(reader.readRecord(&cells));
    QVERIFY(cells.at(1) == big);
    QVERIFY(!reader.readRecord(&cells));
    QVERIFY(!reader.hasError());
}

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
