#include "model/formats/ICalendarFormat.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

class TestICalendarFormat : public QObject {
    Q_OBJECT

private slots:
    void escapes();
    void foldsAt75OctetsNeverInsideUtf8();
    void writesVEvents();
    void reads();
    void roundTrips();
    void eventsWithoutUidGetDistinctUids();
    void eventsWithoutUidAreOrderedByTheirUids();
    void urlWithEscapedControlCharactersGivesAWritableTitle();
    void rejects_data();
    void rejects();
    void allDayEventEndingOnItsStartIsOneDay();
};

namespace {

QByteArray dataFile(const QString &name) {
    QFile file(QStringLiteral(CHIPTIMELINE_TEST_DATA "/interchange/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

Dataset sampleDataset() {
    Dataset dataset;
    dataset.title = u"Chips, rules"_s;
    Source reuters;
    reuters.uid = u"5b1e9c7a-1111-4c1e-9a57-0d5b8a1e7f02"_s;
    reuters.title = u"US tells Nvidia; licence needed"_s;
    reuters.outlet = u"Reuters"_s;
    reuters.url = u"https://www.reuters.com/technology/h20"_s;
    reuters.published = PartialDate::fromYmd(2025, 4, 15);
    dataset.sources = {reuters};
    Event h20;
    h20.uid = u"3f0c2a6e-5d1b-4c1e-9a57-0d5b8a1e7f01"_s;
    h20.title = u"Licence for H20, MI308"_s;
    h20.summary = u"Die Beschränkung betrifft den H20-Chip.\nZweite Zeile \\ mit Backslash."_s;
    h20.start = PartialDate::fromYmd(2025, 4, 9);
    h20.category = u"us-export-control"_s;
    h20.citations = {Citation{reuters.uid, u"a licence is required"_s, {}}};
    h20.modified = QDateTime(QDate(2025, 8, 1), QTime(12, 0), Qt::UTC);
    Event month;
    month.uid = u"4f0c2a6e-5d1b-4c1e-9a57-0d5b8a1e7f01"_s;
    month.title = u"Revenue-share deal"_s;
    month.start = PartialDate::fromYearMonth(2025, 8);
    month.modified = h20.modified;
    Event range;
    range.uid = u"6f0c2a6e-5d1b-4c1e-9a57-0d5b8a1e7f01"_s;
    range.title = u"2023 to 2024"_s;
    range.start = PartialDate::fromYear(2023);
    range.end = PartialDate::fromYear(2024);
    range.modified = h20.modified;
    dataset.events = {h20, month, range};
    return dataset;
}

} // namespace

void TestICalendarFormat::escapes() {
    QCOMPARE(ICalendarFormat::escapeText(u"a\\b;c,d\ne"_s), u"a\\\\b\\;c\\,d\\ne"_s);
    QCOMPARE(ICalendarFormat::unescapeText(u"a\\\\b\\;c\\,d\\ne\\Nf"_s), u"a\\b;c,d\ne\nf"_s);
}

void TestICalendarFormat::foldsAt75OctetsNeverInsideUtf8() {
    const QByteArray ascii = "DESCRIPTION:" + QByteArray(200, 'x');
    const QByteArray folded = ICalendarFormat::foldLine(ascii);
    const QList<QByteArray> lines = folded.split('\n');
    QCOMPARE(lines.size(), 4);            // three lines and the empty rest after the last CRLF
    QCOMPARE(lines.at(0).size(), 75 + 1); // 75 octets + CR
    QCOMPARE(lines.at(1).size(), 75 + 1); // space + 74 octets + CR
    QVERIFY(lines.at(1).startsWith(' '));
    QVERIFY(folded.endsWith("\r\n"));

    // "ä" is two octets; a fold must fall before it, not between its bytes.
    const QByteArray utf8 = QByteArray("SUMMARY:") + QByteArray(66, 'a') + "\xC3\xA4\xC3\xA4";
    const QByteArray f = ICalendarFormat::foldLine(utf8);
    QCOMPARE(f, QByteArray("SUMMARY:") + QByteArray(66, 'a') + "\r\n \xC3\xA4\xC3\xA4\r\n");
    for (const QByteArray &line : f.split('\n'))
        QVERIFY(line.size() <= 76);
}

void TestICalendarFormat::writesVEvents() {
    // Compared as text, so a difference shows readably.
    QCOMPARE(
        QString::fromUtf8(ICalendarFormat::write(sampleDataset())),
        QString::fromUtf8(
            "BEGIN:VCALENDAR\r\n"
            "VERSION:2.0\r\n"
            "PRODID:-//ChipTimeline//ChipTimeline//EN\r\n"
            "CALSCALE:GREGORIAN\r\n"
            "X-WR-CALNAME:Chips\\, rules\r\n"
            "BEGIN:VEVENT\r\n"
            "UID:6f0c2a6e-5d1b-4c1e-9a57-0d5b8a1e7f01\r\n"
            "DTSTAMP:20250801T120000Z\r\n"
            "DTSTART;VALUE=DATE:20230101\r\n"
            "DTEND;VALUE=DATE:20250101\r\n"
            "SUMMARY:2023 to 2024\r\n"
            "END:VEVENT\r\n"
            "BEGIN:VEVENT\r\n"
            "UID:3f0c2a6e-5d1b-4c1e-9a57-0d5b8a1e7f01\r\n"
            "DTSTAMP:20250801T120000Z\r\n"
            "DTSTART;VALUE=DATE:20250409\r\n"
            "DTEND;VALUE=DATE:20250410\r\n"
            "SUMMARY:Licence for H20\\, MI308\r\n"
            "DESCRIPTION:Die Beschränkung betrifft den H20-Chip.\\nZweite Zeile \\\\ mit B\r\n"
            " ackslash.\\n\\nSources:\\n- Reuters | US tells Nvidia\\; licence needed | http\r\n"
            " s://www.reuters.com/technology/h20 | 2025-04-15 | a licence is required | \r\n"
            "  | 5b1e9c7a-1111-4c1e-9a57-0d5b8a1e7f02\r\n"
            "URL:https://www.reuters.com/technology/h20\r\n"
            "CATEGORIES:us-export-control\r\n"
            "END:VEVENT\r\n"
            "BEGIN:VEVENT\r\n"
            "UID:4f0c2a6e-5d1b-4c1e-9a57-0d5b8a1e7f01\r\n"
            "DTSTAMP:20250801T120000Z\r\n"
            "DTSTART;VALUE=DATE:20250801\r\n"
            "DTEND;VALUE=DATE:20250901\r\n"
            "SUMMARY:Revenue-share deal\r\n"
            "END:VEVENT\r\n"
            "END:VCALENDAR\r\n"));
}

void TestICalendarFormat::reads() {
    InputError error;
    const auto dataset = ICalendarFormat::read(dataFile(u"calendar.ics"_s), u"c.ics"_s, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    QCOMPARE(dataset->title, u"Export controls"_s);
    QCOMPARE(dataset->events.size(), 5);
    const Event &h20 = dataset->events.at(0);
    QCOMPARE(h20.uid, u"3f0c2a6e-5d1b-4c1e-9a57-0d5b8a1e7f01"_s);
    QCOMPARE(h20.title, u"US requires licence for H20, MI308"_s);
    QCOMPARE(h20.start, PartialDate::fromYmd(2025, 4, 9));
    QVERIFY(!h20.end.isValid());
    QCOMPARE(h20.summary, u"Die Beschränkung betrifft den H20-Chip; Nvidia erwartet Belastungen, "
                          "heißt es.\nZweite Zeile mit Backslash \\ und Semikolon ;."_s);
    QCOMPARE(h20.category, u"us-export-control"_s);
    QCOMPARE(h20.tags, QStringList{u"licence"_s});
    QCOMPARE(h20.citations.size(), 1);
    QCOMPARE(dataset->sources.size(), 1);
    QCOMPARE(dataset->sources.at(0).url, u"https://www.reuters.com/technology/h20-licence"_s);
    QCOMPARE(dataset->sources.at(0).uid, h20.citations.at(0).sourceUid);

    const Event &month = dataset->events.at(1);
    QCOMPARE(month.start, PartialDate::fromYearMonth(2025, 8));
    QVERIFY(!month.end.isValid());
    // A uid that is not a UUID becomes the same UUID every time.
    QCOMPARE(month.uid.size(), 36);
    QCOMPARE(dataset->events.at(2).start, PartialDate::fromYear(2025));
    QVERIFY(!dataset->events.at(2).end.isValid());
    const Event &timed = dataset->events.at(3);
    QCOMPARE(timed.start, PartialDate::fromYmd(2025, 8, 12));
    QVERIFY(!timed.end.isValid());
    const Event &range = dataset->events.at(4);
    QCOMPARE(range.start, PartialDate::fromYmd(2025, 4, 9));
    QCOMPARE(range.end, PartialDate::fromYmd(2025, 7, 14));

    const auto again = ICalendarFormat::read(dataFile(u"calendar.ics"_s), u"c.ics"_s, &error);
    QCOMPARE(again->events.at(1).uid, month.uid);
}

void TestICalendarFormat::roundTrips() {
    const Dataset dataset = sampleDataset();
    InputError error;
    const auto back = ICalendarFormat::read(ICalendarFormat::write(dataset), {}, &error);
    QVERIFY2(back, qPrintable(error.toString()));
    QCOMPARE(back->title, dataset.title);
    QCOMPARE(back->events.size(), 3);
    const Event &h20 = back->events.at(1);
    const Event &original = dataset.events.at(0);
    QCOMPARE(h20.uid, original.uid);
    QCOMPARE(h20.title, original.title);
    QCOMPARE(h20.summary, original.summary);
    QCOMPARE(h20.start, original.start);
    QCOMPARE(h20.end, original.end);
    QCOMPARE(h20.category, original.category);
    QCOMPARE(h20.citations, original.citations);
    QCOMPARE(back->sources.size(), 1);
    QCOMPARE(back->sources.at(0).uid, dataset.sources.at(0).uid);
    QCOMPARE(back->sources.at(0).title, dataset.sources.at(0).title);
    QCOMPARE(back->sources.at(0).outlet, dataset.sources.at(0).outlet);
    QCOMPARE(back->sources.at(0).published, dataset.sources.at(0).published);
    QCOMPARE(back->events.at(2).start, PartialDate::fromYearMonth(2025, 8));
    QCOMPARE(back->events.at(0).start, PartialDate::fromYear(2023));
    QCOMPARE(back->events.at(0).end, PartialDate::fromYear(2024));
}

void TestICalendarFormat::eventsWithoutUidGetDistinctUids() {
    // Found by fuzz_icalendar: two VEVENTs without a UID but with the same SUMMARY and
    // DTSTART were both exported with the UID derived from those two, and the export was
    // refused on import ("UID: … appears twice"). The derived UID is numbered on while it is
    // taken, here first by another event's own UID ("Deal|2025-08" reads as that UUID).
    const QByteArray ics = "BEGIN:VCALENDAR\r\n"
                           "BEGIN:VEVENT\r\nUID:Deal|2025-08\r\nDTSTART;VALUE=DATE:20250101\r\n"
                           "SUMMARY:Other\r\nEND:VEVENT\r\n"
                           "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250801\r\n"
                           "DTEND;VALUE=DATE:20250901\r\nSUMMARY:Deal\r\nDESCRIPTION:first\r\n"
                           "END:VEVENT\r\n"
                           "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250801\r\n"
                           "DTEND;VALUE=DATE:20250901\r\nSUMMARY:Deal\r\nDESCRIPTION:second\r\n"
                           "END:VEVENT\r\n"
                           "END:VCALENDAR\r\n";
    InputError error;
    auto dataset = ICalendarFormat::read(ics, u"c.ics"_s, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    QCOMPARE(dataset->events.size(), 3);
    QCOMPARE(dataset->events.at(0).uid, u"1f6b510d-ad52-5ac2-853e-01b2d3be4beb"_s);
    QCOMPARE(dataset->events.at(1).uid, QString());
    QCOMPARE(dataset->events.at(2).uid, QString());
    const QDateTime stamp(QDate(2025, 8, 1), QTime(12, 0), Qt::UTC);
    for (Event &event : dataset->events)
        event.modified = stamp;

    const QByteArray written = ICalendarFormat::write(*dataset);
    QCOMPARE(QString::fromUtf8(written),
             QString::fromUtf8("BEGIN:VCALENDAR\r\n"
                               "VERSION:2.0\r\n"
                               "PRODID:-//ChipTimeline//ChipTimeline//EN\r\n"
                               "CALSCALE:GREGORIAN\r\n"
                               "BEGIN:VEVENT\r\n"
                               "UID:1f6b510d-ad52-5ac2-853e-01b2d3be4beb\r\n"
                               "DTSTAMP:20250801T120000Z\r\n"
                               "DTSTART;VALUE=DATE:20250101\r\n"
                               "DTEND;VALUE=DATE:20250102\r\n"
                               "SUMMARY:Other\r\n"
                               "END:VEVENT\r\n"
                               "BEGIN:VEVENT\r\n"
                               "UID:9d3ccc88-ce39-54d2-abea-888a33a19dec\r\n"
                               "DTSTAMP:20250801T120000Z\r\n"
                               "DTSTART;VALUE=DATE:20250801\r\n"
                               "DTEND;VALUE=DATE:20250901\r\n"
                               "SUMMARY:Deal\r\n"
                               "DESCRIPTION:first\r\n"
                               "END:VEVENT\r\n"
                               "BEGIN:VEVENT\r\n"
                               "UID:eca2f92c-4ec3-5540-9430-a8b9e50b2290\r\n"
                               "DTSTAMP:20250801T120000Z\r\n"
                               "DTSTART;VALUE=DATE:20250801\r\n"
                               "DTEND;VALUE=DATE:20250901\r\n"
                               "SUMMARY:Deal\r\n"
                               "DESCRIPTION:second\r\n"
                               "END:VEVENT\r\n"
                               "END:VCALENDAR\r\n"));

    auto back = ICalendarFormat::read(written, u"c.ics"_s, &error);
    QVERIFY2(back, qPrintable(error.toString()));
    QCOMPARE(back->events.size(), 3);
    QCOMPARE(back->events.at(0).uid, u"1f6b510d-ad52-5ac2-853e-01b2d3be4beb"_s);
    QCOMPARE(back->events.at(1).uid, u"9d3ccc88-ce39-54d2-abea-888a33a19dec"_s);
    QCOMPARE(back->events.at(1).summary, u"first"_s);
    QCOMPARE(back->events.at(2).uid, u"eca2f92c-4ec3-5540-9430-a8b9e50b2290"_s);
    QCOMPARE(back->events.at(2).summary, u"second"_s);
    // Written again, with the uids now their own, the events keep their order: same bytes.
    for (Event &event : back->events)
        event.modified = stamp;
    QCOMPARE(QString::fromUtf8(ICalendarFormat::write(*back)), QString::fromUtf8(written));
}

void TestICalendarFormat::eventsWithoutUidAreOrderedByTheirUids() {
    // Events on the same day are written in the order of their uids. Those without one were
    // ordered before they had one, so the export read back and written again swapped them
    // (not byte-stable; the open iCalendar finding of docs/reliability.md).
    Dataset dataset;
    for (const QString &title : {u"Alpha"_s, u"Beta"_s}) {
        Event event;
        event.title = title;
        event.start = PartialDate::fromYmd(2025, 8, 12);
        event.modified = QDateTime(QDate(2025, 8, 1), QTime(12, 0), Qt::UTC);
        dataset.events << event;
    }
    const QByteArray written = ICalendarFormat::write(dataset);
    InputError error;
    auto back = ICalendarFormat::read(written, u"c.ics"_s, &error);
    QVERIFY2(back, qPrintable(error.toString()));
    QCOMPARE(back->events.size(), 2);
    QCOMPARE(back->events.at(0).title, u"Beta"_s);
    QCOMPARE(back->events.at(0).uid, u"452105b2-0165-5436-a153-11a95fff29f0"_s);
    QCOMPARE(back->events.at(1).title, u"Alpha"_s);
    QCOMPARE(back->events.at(1).uid, u"dbc4c145-27c5-52ed-8bd6-00cbe3a7df02"_s);
    for (Event &event : back->events)
        event.modified = dataset.events.at(0).modified;
    QCOMPARE(QString::fromUtf8(ICalendarFormat::write(*back)), QString::fromUtf8(written));
}

void TestICalendarFormat::urlWithEscapedControlCharactersGivesAWritableTitle() {
    // Found by fuzz_icalendar: the title of the web source a URL gives (host and path) had the
    // path's "%00" decoded into a NUL, which the export wrote in its "Sources:" list and the
    // reader refuses ("binary data, not a text file"). Control characters stay escaped.
    const QByteArray ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"
                           "UID:3f0c2a6e-5d1b-4c1e-9a57-0d5b8a1e7f01\r\n"
                           "DTSTART;VALUE=DATE:20250409\r\nSUMMARY:H20\r\n"
                           "URL:https://www.reuters.com/a%00b%0Ac%C3%A4%20d/\r\n"
                           "END:VEVENT\r\nEND:VCALENDAR\r\n";
    InputError error;
    const auto dataset = ICalendarFormat::read(ics, u"c.ics"_s, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    QCOMPARE(dataset->sources.size(), 1);
    QCOMPARE(dataset->sources.at(0).url, u"https://www.reuters.com/a%00b%0Ac%C3%A4%20d/"_s);
    QCOMPARE(dataset->sources.at(0).title, u"reuters.com/a%00b%0Acä d"_s);
    const QByteArray written = ICalendarFormat::write(*dataset);
    QVERIFY(!written.contains('\0'));
    const auto back = ICalendarFormat::read(written, u"c.ics"_s, &error);
    QVERIFY2(back, qPrintable(error.toString()));
    QCOMPARE(back->sources.size(), 1);
    QCOMPARE(back->sources.at(0).url, dataset->sources.at(0).url);
    QCOMPARE(back->sources.at(0).title, dataset->sources.at(0).title);
    QCOMPARE(back->events.at(0).citations, dataset->events.at(0).citations);
}

void TestICalendarFormat::rejects_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("truncated") << dataFile(u"truncated.ics"_s)
                               << u"c.ics:3: BEGIN:VEVENT never ends (the file is cut short)"_s;
    QTest::newRow("bad date") << dataFile(u"bad_date.ics"_s)
                              << u"c.ics:5: DTSTART: day 30 does not exist in February 2025"_s;
    QTest::newRow("not a calendar") << QByteArray("hello\n")
                                    << u"c.ics:1: not an iCalendar file (it does not start with "
                                       "BEGIN:VCALENDAR)"_s;
    QTest::newRow("no END:VCALENDAR") << QByteArray("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
                                      << u"c.ics:2: END:VCALENDAR is missing (the file is cut "
                                         "short)"_s;
    QTest::newRow("no summary")
        << QByteArray("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250101\r\n"
                      "END:VEVENT\r\nEND:VCALENDAR\r\n")
        << u"c.ics:2: SUMMARY: missing (every event needs a title)"_s;
    QTest::newRow("no start")
        << QByteArray("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
                      "END:VCALENDAR\r\n")
        << u"c.ics:2: DTSTART: missing"_s;
    QTest::newRow("bad date value")
        << QByteArray("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2025-01-01\r\n")
        << u"c.ics:3: DTSTART: '2025-01-01' is not a DATE (YYYYMMDD) or DATE-TIME "
           "(YYYYMMDDTHHMMSS)"_s;
    QTest::newRow("not a content line") << QByteArray("BEGIN:VCALENDAR\r\nJUNK\r\n")
                                        << u"c.ics:2: 'JUNK' is not a content line (NAME:value)"_s;
    QTest::newRow("Latin-1") << QByteArray("BEGIN:VCALENDAR\r\nX-WR-CALNAME:M\xE4rz\r\n")
                             << u"c.ics:2: not UTF-8 text (invalid byte 0xE4); save it as UTF-8"_s;
    QTest::newRow("binary garbage") << QByteArray("\x00\x01\x02\x03", 4)
                                    << u"c.ics:1: binary data, not a text file (NUL byte)"_s;
}

void TestICalendarFormat::rejects() {
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    InputError error;
    QVERIFY(!ICalendarFormat::read(input, u"c.ics"_s, &error));
    QCOMPARE(error.toString(), message);
}

void TestICalendarFormat::allDayEventEndingOnItsStartIsOneDay() {
    InputError error;
    const auto dataset = ICalendarFormat::read(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:one@example.org\r\n"
        "DTSTART;VALUE=DATE:20250409\r\nDTEND;VALUE=DATE:20250409\r\nSUMMARY:H20 licence\r\n"
        "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:two@example.org\r\nDTEND;VALUE=DATE:20250812\r\n"
        "DTSTART;VALUE=DATE:20250812\r\nSUMMARY:End first\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        u"c.ics"_s, &error);
    QVERIFY2(dataset, qPrintable(error.toString()));
    QCOMPARE(dataset->events.size(), 2);
    QCOMPARE(dataset->events.at(0).start, PartialDate::fromYmd(2025, 4, 9));
    QVERIFY(!dataset->events.at(0).end.isValid());
    QCOMPARE(dataset->events.at(1).start, PartialDate::fromYmd(2025, 8, 12));
    QVERIFY(!dataset->events.at(1).end.isValid());
    // An end truly before the start is still refused.
    QVERIFY(
        !ICalendarFormat::read("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250409\r\n"
                               "DTEND;VALUE=DATE:20250408\r\nSUMMARY:X\r\nEND:VEVENT\r\n"
                               "END:VCALENDAR\r\n",
                               u"c.ics"_s, &error));
    QCOMPARE(error.toString(), u"c.ics:2: DTEND: before DTSTART"_s);
}

QTEST_GUILESS_MAIN(TestICalendarFormat)
#include "tst_icalendarformat.moc"
