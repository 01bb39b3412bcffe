#include "model/formats/TimelineProjFormat.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTimelineProjFormat : public QObject {
    Q_OBJECT

private slots:
    void readsCategories();
    void readsEvents();
    void readsContainers();
    void leadingSpaceMarksOrdinaryText();
    void readsEras();
    void rejects_data();
    void rejects();
};

namespace {

QByteArray dataFile(const QString &name) {
    QFile file(QStringLiteral(CHIPTIMELINE_TEST_DATA "/interchange/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

Dataset sample() {
    InputError error;
    const auto dataset =
        TimelineProjFormat::read(dataFile(u"sample.timeline"_s), u"s.timeline"_s, &error);
    if (!dataset)
        qWarning("%s", qPrintable(error.toString()));
    return dataset.value_or(Dataset{});
}

const Source *sourceByUid(const Dataset &dataset, const QString &uid) {
    for (const Source &source : dataset.sources) {
        if (source.uid == uid)
            return &source;
    }
    return nullptr;
}

} // namespace

void TestTimelineProjFormat::readsCategories() {
    const Dataset dataset = sample();
    QCOMPARE(dataset.categories.size(), 2);
    QCOMPARE(dataset.categories.at(0).name, u"US"_s);
    QCOMPARE(dataset.categories.at(0).color, QColor(192, 57, 43));
    QCOMPARE(dataset.categories.at(0).order, 1);
    // The parent is flattened away.
    QCOMPARE(dataset.categories.at(1).name, u"Export rules"_s);
    QCOMPARE(dataset.categories.at(1).color, QColor(41, 128, 185));
    QCOMPARE(dataset.categories.at(1).order, 2);
}

void TestTimelineProjFormat::readsEvents() {
    const Dataset dataset = sample();
    QCOMPARE(dataset.events.size(), 8);
    const Event &bis = dataset.events.at(0);
    QCOMPARE(bis.title, u"BIS October rules"_s);
    QCOMPARE(bis.start, PartialDate::fromYmd(2022, 10, 7));
    QVERIFY(!bis.end.isValid()); // 10:00 to 18:00 on one day is a point event
    QVERIFY(bis.uid.isEmpty());
    QCOMPARE(bis.category, u"Export rules"_s);
    QCOMPARE(bis.summary, u"Line one\nLine two & more\n\nLinks: file:///home/me/rule.pdf"_s);
    QVERIFY(bis.tags.isEmpty());
    QCOMPARE(bis.citations.size(), 2);
    const Source *a = sourceByUid(dataset, bis.citations.at(0).sourceUid);
    const Source *b = sourceByUid(dataset, bis.citations.at(1).sourceUid);
    QVERIFY(a && b);
    QCOMPARE(a->kind, u"web"_s);
    QCOMPARE(a->url, u"https://www.bis.gov/a"_s);
    QCOMPARE(a->title, u"bis.gov/a"_s);
    QCOMPARE(a->outlet, u"bis.gov"_s);
    QCOMPARE(b->url, u"https://www.federalregister.gov/b/"_s);
    QCOMPARE(b->title, u"federalregister.gov/b"_s);
    QCOMPARE(dataset.sources.size(), 2);

    const Event &update = dataset.events.at(1);
    QCOMPARE(update.start, PartialDate::fromYmd(2023, 10, 17));
    QCOMPARE(update.end, PartialDate::fromYmd(2023, 10, 20));
    QCOMPARE(update.tags, (QStringList{u"fuzzy"_s, u"milestone"_s}));
    QCOMPARE(update.category, u"US"_s);
}

void TestTimelineProjFormat::readsContainers() {
    const Dataset dataset = sample();
    const Event &container = dataset.events.at(2);
    QCOMPARE(container.title, u"H20 saga"_s);
    QCOMPARE(container.tags, QStringList{u"container"_s});
    // It spans its members, not its own stored dates.
    QCOMPARE(container.start, PartialDate::fromYmd(2025, 4, 9));
    QCOMPARE(container.end, PartialDate::fromYmd(2025, 8, 12));
    const Event &licence = dataset.events.at(3);
    QCOMPARE(licence.title, u"Licence requirement"_s);
    QCOMPARE(licence.tags, QStringList{u"H20 saga"_s});
    QCOMPARE(licence.category, u"Export rules"_s);
    QVERIFY(!licence.end.isValid());
    const Event &share = dataset.events.at(4);
    QCOMPARE(share.title, u"Revenue share"_s);
    QCOMPARE(share.tags, QStringList{u"H20 saga"_s});
    QCOMPARE(share.end, PartialDate::fromYmd(2025, 8, 12));
}

void TestTimelineProjFormat::leadingSpaceMarksOrdinaryText() {
    const Dataset dataset = sample();
    QCOMPARE(dataset.events.at(5).title, u"(draft) Ordinary text in parentheses"_s);
    QVERIFY(dataset.events.at(5).tags.isEmpty());
    const Event &brackets = dataset.events.at(6);
    QCOMPARE(brackets.title, u"[sic] Ordinary text in brackets"_s);
    QCOMPARE(brackets.category, u"US"_s); // the first of <categories>
    QCOMPARE(brackets.tags, QStringList{u"Export rules"_s});
}

void TestTimelineProjFormat::readsEras() {
    const Dataset dataset = sample();
    const Event &era = dataset.events.at(7);
    QCOMPARE(era.title, u"Biden-era rules"_s);
    QCOMPARE(era.category, u"era"_s);
    QCOMPARE(era.start, PartialDate::fromYmd(2022, 10, 7));
    QCOMPARE(era.end, PartialDate::fromYmd(2025, 1, 20));
}

void TestTimelineProjFormat::rejects_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("old line format")
        << dataFile(u"old_format.timeline"_s)
        << u"f.timeline:1: a Timeline 0.x file (its line format: EVENT:, CATEGORY:); ChipTimeline "
           u"reads the "
           "XML .timeline files of Timeline 1.0 and later — open it in Timeline "
           "(thetimelineproj) 1.x or later, save it, and import the saved file"_s;
    QTest::newRow("malformed XML")
        << dataFile(u"malformed.timeline"_s)
        << u"f.timeline:8:26: not well-formed XML: Opening and ending tag mismatch."_s;
    QTest::newRow("truncated") << dataFile(u"truncated.timeline"_s)
                               << u"f.timeline:7: not well-formed XML: Premature end of "
                                  "document."_s;
    QTest::newRow("bad date") << dataFile(u"bad_date.timeline"_s)
                              << u"f.timeline:8: start: day 30 does not exist in February 2025"_s;
    QTest::newRow("numtime") << dataFile(u"numtime.timeline"_s)
                             << u"f.timeline:4: timetype: 'numtime' timelines are not supported "
                                "(only gregoriantime)"_s;
    QTest::newRow("Latin-1") << dataFile(u"latin1.timeline"_s)
                             << u"f.timeline:8: not UTF-8 text (invalid byte 0xE4); save it as "
                                "UTF-8"_s;
    QTest::newRow("other root") << QByteArray("<?xml version=\"1.0\"?>\n<svg></svg>\n")
                                << u"f.timeline:2: not a Timeline file (the root element is "
                                   "<svg>, not <timeline>)"_s;
    QTest::newRow("binary garbage") << QByteArray("\x01\x02garbage\x03", 10)
                                    << u"f.timeline:1:1: not well-formed XML: Start tag "
                                       "expected."_s;
    QTest::newRow("empty") << QByteArray()
                           << u"f.timeline:1: not well-formed XML: Premature end of document."_s;
    QTest::newRow("bad colour")
        << QByteArray("<timeline><categories>\n<category><name>A</name><color>1,2</color>"
                      "</category></categories></timeline>")
        << u"f.timeline:2: category A: color: '1,2' is not r,g,b with values 0–255"_s;
    QTest::newRow("end before start")
        << QByteArray("<timeline><events>\n<event><start>2025-01-02 00:00:00</start><end>"
                      "2025-01-01 00:00:00</end><text>x</text></event></events></timeline>")
        << u"f.timeline:2: end: 2025-01-01 is before the start 2025-01-02"_s;
    QTest::newRow("no text")
        << QByteArray("<timeline><events>\n<event><start>2025-01-02 00:00:00</start><end>"
                      "2025-01-02 00:00:00</end><text> </text></event></events></timeline>")
        << u"f.timeline:2: text: the event has no text to name it by"_s;
}

void TestTimelineProjFormat::rejects() {
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    InputError error;
    QVERIFY(!TimelineProjFormat::read(input, u"f.timeline"_s, &error));
    QCOMPARE(error.toString(), message);
}

QTEST_GUILESS_MAIN(TestTimelineProjFormat)
#include "tst_timelineprojformat.moc"
