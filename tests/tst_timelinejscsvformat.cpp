#include "model/formats/CsvReader.h"
#include "model/formats/TimelineJsCsvFormat.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTimelineJsCsvFormat : public QObject {
    Q_OBJECT

private slots:
    void readsTemplateWithAltText();
    void readsSheetWithoutAltTextAndQuirks();
    void readsLegacyDateColumns();
    void roundTripsCellByCell();
    void writesCurrentTemplateHeader();
    void rejects_data();
    void rejects();
    void largeSheet();
};

namespace {

QByteArray dataFile(const QString &name) {
    QFile file(QStringLiteral(CHIPTIMELINE_TEST_DATA "/interchange/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

const QByteArray Header = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display "
                          "Date,Headline,Text,Media,Media Credit,Media Caption,Media "
                          "Thumbnail,Alt Text,Type,Group,Background";

} // namespace

void TestTimelineJsCsvFormat::readsTemplateWithAltText() {
    InputError error;
    const auto dataset =
        TimelineJsCsvFormat::read(dataFile(u"timelinejs.csv"_s), u"t.csv"_s, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    QCOMPARE(dataset->title, u"AI-chip export policy"_s);
    QCOMPARE(dataset->events.size(), 4);
    const Event &era = dataset->events.at(0);
    QCOMPARE(era.category, u"era"_s);
    QCOMPARE(era.start, PartialDate::fromYearMonth(2022, 10));
    QCOMPARE(era.end, PartialDate::fromYearMonth(2023, 12));
    const Event &bis = dataset->events.at(1);
    QCOMPARE(bis.title, u"BIS October rules"_s);
    QCOMPARE(bis.start, PartialDate::fromYmd(2022, 10, 7));
    QCOMPARE(bis.category, u"us-export-control"_s);
    QCOMPARE(bis.summary, u"The **Bureau**, see [the rule](https://www.bis.gov/rules-2022).\n\n"
                          "Second line\nbroken here."_s);
    QCOMPARE(bis.citations.size(), 1);
    const Event &update = dataset->events.at(2);
    QCOMPARE(update.title, u"Update & more"_s);
    QCOMPARE(update.citations.size(), 1);
    QCOMPARE(update.citations.at(0).locator, u"media"_s);
    QCOMPARE(dataset->events.at(3).citations.size(), 2);
    QCOMPARE(dataset->sources.size(), 4);
}

void TestTimelineJsCsvFormat::readsSheetWithoutAltTextAndQuirks() {
    InputError error;
    const auto dataset =
        TimelineJsCsvFormat::read(dataFile(u"timelinejs_noalt.csv"_s), u"t.csv"_s, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    QVERIFY(dataset->title.isEmpty());
    QCOMPARE(dataset->events.size(), 2);
    const Event &rule = dataset->events.at(0);
    QCOMPARE(rule.title, u"Licence rule"_s);                // HTML in the headline
    QCOMPARE(rule.start, PartialDate::fromYmd(2025, 4, 9)); // "2,025", " 4 ", " 9 "
    QCOMPARE(rule.end, PartialDate::fromYmd(2025, 7, 14));
    QCOMPARE(rule.category, u"us-export-control"_s); // from Tag
    QCOMPARE(rule.summary, u"Text with **strong**, *em* & été\nnext"_s);
    QVERIFY(rule.citations.isEmpty()); // a photo is not an article
    const Event &deal = dataset->events.at(1);
    QCOMPARE(deal.start, PartialDate::fromYmd(2025, 8, 11));
    QVERIFY(!deal.end.isValid());
    QVERIFY(dataset->sources.isEmpty());
}

void TestTimelineJsCsvFormat::readsLegacyDateColumns() {
    InputError error;
    const auto dataset =
        TimelineJsCsvFormat::read(dataFile(u"timelinejs_legacy.csv"_s), u"t.csv"_s, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    QCOMPARE(dataset->events.size(), 3);
    QCOMPARE(dataset->events.at(0).start, PartialDate::fromYmd(2025, 4, 9));
    QCOMPARE(dataset->events.at(0).end, PartialDate::fromYmd(2025, 7, 14));
    QCOMPARE(dataset->events.at(0).category, u"us-export-control"_s);
    QCOMPARE(dataset->events.at(1).start, PartialDate::fromYearMonth(2025, 8));
    QCOMPARE(dataset->events.at(2).start, PartialDate::fromYmd(2025, 8, 11));
}

void TestTimelineJsCsvFormat::roundTripsCellByCell() {
    const QByteArray original = dataFile(u"timelinejs.csv"_s);
    InputError error;
    const auto dataset = TimelineJsCsvFormat::read(original, u"t.csv"_s, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    const QByteArray written = TimelineJsCsvFormat::write(*dataset);
    const auto before = CsvReader::readAll(original, {}, &error);
    const auto after = CsvReader::readAll(written, {}, &error);
    QVERIFY(before && after);
    QCOMPARE(after->size(), before->size());
    for (qsizetype row = 0; row < before->size(); ++row) {
        QCOMPARE(after->at(row).size(), before->at(row).size());
        for (qsizetype column = 0; column < before->at(row).size(); ++column) {
            if (row == 1 && column == 10)
                continue; // the title slide's text has no place in a dataset (docs/formats.md)
            QCOMPARE(after->at(row).at(column), before->at(row).at(column));
        }
    }
    QCOMPARE(after->at(1).at(10), QString());
    const auto again = TimelineJsCsvFormat::read(written, {}, &error);
    QVERIFY(again);
    QCOMPARE(TimelineJsCsvFormat::write(*again), written);
}

void TestTimelineJsCsvFormat::writesCurrentTemplateHeader() {
    Dataset dataset;
    Event event;
    event.title = u"A, with comma"_s;
    event.start = PartialDate::fromYearMonth(2025, 4);
    dataset.events = {event};
    QCOMPARE(TimelineJsCsvFormat::write(dataset),
             Header + "\r\n2025,4,,,,,,,,\"A, with comma\",,,,,,,,,\r\n");
    QCOMPARE(TimelineJsCsvFormat::columns().join(u','), QString::fromUtf8(Header));
}

void TestTimelineJsCsvFormat::rejects_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("title row in the middle")
        << dataFile(u"timelinejs_title_middle.csv"_s)
        << u"t.csv:4: column Type: a title row must be the first row of the sheet"_s;
    QTest::newRow("unknown column")
        << dataFile(u"timelinejs_bad_header.csv"_s)
        << u"t.csv:1: unknown column 'Headlin' (the TimelineJS template has Year, Month, Day, "
           "Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, Media, "
           "Media Credit, Media Caption, Media Thumbnail, Alt Text, Type, Group, Background)"_s;
    QTest::newRow("missing year") << dataFile(u"timelinejs_missing_year.csv"_s)
                                  << u"t.csv:3: column Year: missing (a month or day is given "
                                     "without it)"_s;
    QTest::newRow("month not a number") << dataFile(u"timelinejs_bad_number.csv"_s)
                                        << u"t.csv:2: column Month: 'Apr' is not a number"_s;
    QTest::newRow("no year column")
        << QByteArray("Headline,Text\nA,\n") << u"t.csv:1: missing required column 'Year'"_s;
    QTest::newRow("no headline column")
        << QByteArray("Year,Text\n2025,\n") << u"t.csv:1: missing required column 'Headline'"_s;
    QTest::newRow("row without year") << QByteArray("Year,Headline\n,A\n")
                                      << u"t.csv:2: column Year: missing (every row but the "
                                         "title row needs one)"_s;
    QTest::newRow("bad day") << QByteArray("Year,Month,Day,Headline\n2025,2,30,A\n")
                             << u"t.csv:2: column Year: day 30 does not exist in February 2025"_s;
    QTest::newRow("bad legacy date") << QByteArray("Start Date,Headline\n31/12/2025,A\n")
                                     << u"t.csv:2: column Start Date: month 31 does not exist"_s;
    QTest::newRow("era without end")
        << QByteArray("Year,End Year,Headline,Type\n2025,,Era,era\n")
        << u"t.csv:2: column End Year: missing (every row but the title row needs one)"_s;
    QTest::newRow("no headline") << QByteArray("Year,Headline\n2025,\n")
                                 << u"t.csv:2: column Headline: no headline (every event needs "
                                    "one to be named by)"_s;
    QTest::newRow("quote never closes") << QByteArray("Year,Headline\n2025,\"A\n2026,B\n")
                                        << u"t.csv:2: a quoted cell opened here never closes"_s;
    QTest::newRow("Latin-1") << QByteArray("Year,Headline\n2025,M\xE4rz\n")
                             << u"t.csv:2: not UTF-8 text (invalid byte 0xE4); save it as UTF-8"_s;
    QTest::newRow("empty") << QByteArray()
                           << u"t.csv:1: the file is empty (expected the TimelineJS header row)"_s;
}

void TestTimelineJsCsvFormat::rejects() {
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    InputError error;
    QVERIFY(!TimelineJsCsvFormat::read(input, u"t.csv"_s, &error));
    QCOMPARE(error.toString(), message);
}

// 100k rows read in one linear pass; the time is printed, not asserted (see docs/benchmarks).
void TestTimelineJsCsvFormat::largeSheet() {
    QByteArray sheet = Header + "\r\n";
    for (int i = 0; i < 100000; ++i) {
        sheet += QByteArray::number(2000 + i % 26) + ',' + QByteArray::number(1 + i % 12) + ',' +
                 QByteArray::number(1 + i % 28) + ",,,,,,,Event " + QByteArray::number(i) +
                 ",\"<p>Text with <b>bold</b>, see <a href=\"\"https://example.org/" +
                 QByteArray::number(i % 500) + "\"\">a story</a>.</p>\",,,,,,,group " +
                 QByteArray::number(i % 7) + ",\r\n";
    }
    QElapsedTimer timer;
    timer.start();
    InputError error;
    const auto dataset = TimelineJsCsvFormat::read(sheet, u"big.csv"_s, &error);
    const qint64 ms = timer.elapsed();
    QVERIFY2(dataset, qPrintable(error.toString()));
    QCOMPARE(dataset->events.size(), 100000);
    QCOMPARE(dataset->sources.size(), 500);
    qInfo("parsed 100000 TimelineJS CSV rows (%lld bytes) in %lld ms", qint64(sheet.size()), ms);
}

QTEST_GUILESS_MAIN(TestTimelineJsCsvFormat)
#include "tst_timelinejscsvformat.moc"
