#include "model/FilterText.h"
#include "model/SearchQuery.h"
#include "model/formats/BibTexFormat.h"
#include "model/formats/ICalendarFormat.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/formats/TextDecoding.h"
#include "model/formats/TimelineJsFormat.h"

#include <QFile>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

// Inputs the libFuzzer harnesses (fuzz/, scripts/fuzz) found to break an invariant, replayed
// from tests/data/fuzz-regressions/ or rebuilt here, each with the behaviour now expected.
class TestFuzzRegressions : public QObject {
    Q_OBJECT

private slots:
    void utf16UnpairedSurrogateIsRefused_data();
    void utf16UnpairedSurrogateIsRefused();
    void bibTexSpacesAfterBracesCollapse();
    void bibTexExportOfFoundFileIsStable();
    void iCalendarExportOfFoundFileIsStable();
    void filterTextEmptyQuotedValueRoundTrips();
    void timelineJsHugeNumberIsRefused();
    void nativeJsonKeepsLeadingZeroWidthNoBreakSpace();
};

namespace {

QByteArray readData(const QString &name) {
    QFile file(QStringLiteral(CHIPTIMELINE_TEST_DATA) + u"/fuzz-regressions/"_s + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void TestFuzzRegressions::utf16UnpairedSurrogateIsRefused_data() {
    QTest::addColumn<QByteArray>("bytes");
    // Found by fuzz_text_decoding: U+DFDF alone in UTF-16LE was accepted, and the stored text
    // turned into U+FFFD on its way to UTF-8.
    QTest::newRow("found") << readData(u"text_decoding-unpaired-surrogate.bin"_s);
    QTest::newRow("lone low, LE") << QByteArray("\xFF\xFE"
                                                "a\x00\x00\xDC",
                                                6);
    QTest::newRow("lone high at end, LE") << QByteArray("\xFF\xFE"
                                                        "a\x00\x00\xD8",
                                                        6);
    QTest::newRow("high then letter, BE") << QByteArray("\xFE\xFF\xD8\x00\x00"
                                                        "a",
                                                        6);
}

void TestFuzzRegressions::utf16UnpairedSurrogateIsRefused() {
    QFETCH(QByteArray, bytes);
    QVERIFY(bytes.size() > 2);
    InputError error;
    QVERIFY(!TextDecoding::decode(bytes, u"notes.txt"_s, &error));
    QCOMPARE(error.toString(),
             u"notes.txt: not UTF-16 text (unpaired surrogate); save it as UTF-8"_s);
    // A proper pair still reads: U+1F600 in UTF-16LE.
    const auto pair = TextDecoding::decode(QByteArray("\xFF\xFE\x3D\xD8\x00\xDE", 6), {}, &error);
    QVERIFY(pair);
    QCOMPARE(*pair, u"\U0001F600"_s);
}

void TestFuzzRegressions::bibTexSpacesAfterBracesCollapse() {
    // Found by fuzz_bibtex: "ft # { (Asia)}" inside a braced value read as "ft #  (Asia)" (two
    // spaces), which our export wrote and the next read collapsed: the export was not stable.
    const QByteArray bib = "@misc{k, title = {Financial Times { (Asia)} and {  more }}}\n";
    InputError error;
    const auto sources = BibTexFormat::read(bib, u"t.bib"_s, &error);
    QVERIFY2(sources, qPrintable(error.toString()));
    QCOMPARE(sources->size(), 1);
    QCOMPARE(sources->first().title, u"Financial Times (Asia) and more"_s);
    // A non-breaking space (~) is not a blank to collapse.
    const auto tilde = BibTexFormat::read("@misc{k, title = {A~ B}}\n", u"t.bib"_s, &error);
    QVERIFY(tilde);
    QCOMPARE(tilde->first().title, u"A\u00A0 B"_s);
}

void TestFuzzRegressions::bibTexExportOfFoundFileIsStable() {
    const QByteArray found = readData(u"bibtex-spaces-after-brace.bib"_s);
    QVERIFY(!found.isEmpty());
    InputError error;
    const auto first = BibTexFormat::read(found, u"found.bib"_s, &error);
    QVERIFY2(first, qPrintable(error.toString()));
    const QByteArray once = BibTexFormat::write(*first);
    const auto second = BibTexFormat::read(once, u"once.bib"_s, &error);
    QVERIFY2(second, qPrintable(error.toString()));
    QCOMPARE(*second, *first);
    QCOMPARE(BibTexFormat::write(*second), once);
}

void TestFuzzRegressions::iCalendarExportOfFoundFileIsStable() {
    // Found by fuzz_icalendar (a soft finding): an event without a UID was written in the
    // order of an empty uid and, read back with its derived uid, in another order the second
    // time. The time stamps are pinned: the reader drops DTSTAMP, and the writer would take
    // the current time.
    const QByteArray found = readData(u"icalendar-uidless-order.ics"_s);
    QVERIFY(!found.isEmpty());
    const QDateTime stamp(QDate(2025, 8, 1), QTime(12, 0), Qt::UTC);
    const auto pinned = [&](Dataset dataset) {
        for (Event &event : dataset.events)
            event.modified = stamp;
        return dataset;
    };
    InputError error;
    const auto first = ICalendarFormat::read(found, u"found.ics"_s, &error);
    QVERIFY2(first, qPrintable(error.toString()));
    QVERIFY(std::any_of(first->events.cbegin(), first->events.cend(),
                        [](const Event &event) { return event.uid.isEmpty(); }));
    const QByteArray once = ICalendarFormat::write(pinned(*first));
    const auto second = ICalendarFormat::read(once, u"once.ics"_s, &error);
    QVERIFY2(second, qPrintable(error.toString()));
    QCOMPARE(second->events.size(), first->events.size());
    QCOMPARE(QString::fromUtf8(ICalendarFormat::write(pinned(*second))), QString::fromUtf8(once));
}

void TestFuzzRegressions::filterTextEmptyQuotedValueRoundTrips() {
    // Found by fuzz_filter_text: format() wrote an empty name as chip:"", which parse()
    // refuses by design ("chip" needs a value): the shared line could not be read back.
    // Empty names (which name nothing in the store) are now left out.
    EventFilter filter;
    filter.chips = {u"H20"_s, QString()};
    filter.actors = {QString()};
    const QString text = FilterText::format(filter, u"licence"_s);
    QCOMPARE(text, u"q:licence chip:H20"_s);
    FilterText::Error error;
    const auto parsed = FilterText::parse(text, &error);
    QVERIFY2(parsed, qPrintable(error.toString()));
    QCOMPARE(parsed->searchText, u"licence"_s);
    QCOMPARE(parsed->filter.chips, QStringList{u"H20"_s});
    QVERIFY(parsed->filter.actors.isEmpty());
    QVERIFY(!FilterText::parse(u"chip:\"\""_s, &error));
    QCOMPARE(error.toString(), u"column 6: \"chip\" needs a value"_s);
}

void TestFuzzRegressions::timelineJsHugeNumberIsRefused() {
    // Found by fuzz_timelinejs_json (UBSan): a date part of 8.9e41 was converted to qint64
    // before its range was checked, which is undefined behaviour.
    const QByteArray found = readData(u"timelinejs-huge-number.json"_s);
    QVERIFY(!found.isEmpty());
    InputError error;
    QVERIFY(!TimelineJsFormat::read(found, u"found.json"_s, &error));
    QVERIFY(!error.message.isEmpty());
    const QByteArray json =
        R"({"events": [{"start_date": {"year": 1e300}, "text": {"headline": "x"}}]})";
    QVERIFY(!TimelineJsFormat::read(json, u"t.json"_s, &error));
    QCOMPARE(error.toString(), u"t.json:1: events[0].start_date.year: must be a whole number"_s);
}

void TestFuzzRegressions::nativeJsonKeepsLeadingZeroWidthNoBreakSpace() {
    // Found by fuzz_icalendar and fuzz_event_csv: a title or chip beginning with U+FEFF came
    // back from the native file without it (Qt's JSON reader takes it for a byte-order mark).
    Dataset dataset;
    Event event;
    event.uid = u"e1"_s;
    event.title = u"\uFEFFThe whole of 2025"_s;
    event.start = PartialDate::fromYear(2025);
    event.chips = {u"\uFEFF MI308"_s, u"H20\uFEFF"_s};
    dataset.events = {event};
    const QByteArray native = NativeJsonFormat::write(dataset);
    QVERIFY(native.contains("\\ufeffThe whole of 2025"));
    InputError error;
    const auto back = NativeJsonFormat::read(native, u"n.json"_s, &error);
    QVERIFY2(back, qPrintable(error.toString()));
    QCOMPARE(back->events.first().title, event.title);
    QCOMPARE(back->events.first().chips, event.chips);
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
