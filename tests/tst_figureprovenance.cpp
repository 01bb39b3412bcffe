// Figures that say how they were made: the provenance record in PNG (iTXt), SVG (<metadata>)
// and PDF (XMP), read back exactly, and `chiptimeline reproduce` redrawing a figure from it.

#include "BundledDatasetTestUtil.h"
#include "CommandLineTestUtil.h"
#include "app/CommandLine.h"
#include "ui/render/FigureProvenance.h"
#include "ui/render/ImageExporter.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

bool writeAll(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The types of a PNG's chunks, in order.
QStringList pngChunks(const QByteArray &png) {
    QStringList types;
    qsizetype at = 8;
    while (at + 8 <= png.size()) {
        const quint32 length = (quint32(quint8(png[at])) << 24) |
                               (quint32(quint8(png[at + 1])) << 16) |
                               (quint32(quint8(png[at + 2])) << 8) | quint32(quint8(png[at + 3]));
        types << QString::fromLatin1(png.mid(at + 4, 4));
        at += 12 + qsizetype(length);
    }
    return types;
}

// What differs between two exports of the same figure at different moments: the time in the
// record, and a PDF's creation date.
QByteArray withoutMoments(QByteArray bytes) {
    static const QRegularExpression moments(
        u"(&quot;madeAt&quot;:&quot;|CreateDate>|/CreationDate ?\\(D:)[0-9TZ:+'-]+"_s);
    QString text = QString::fromLatin1(bytes);
    text.replace(moments, u"\\1…"_s);
    return text.toLatin1();
}

} // namespace

class TestFigureProvenance : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void pngRecordsEverything();
    void reproducedPngIsPixelIdentical();
    void reproducedSvgAndPdfHaveTheSameText_data();
    void reproducedSvgAndPdfHaveTheSameText();
    void changedTimelineIsReported();
    void reproducedAsOfItsRevisionAfterEdits();
    void recordRoundTripsAndRefusesBadFields();
    void badFigures_data();
    void badFigures();
    void reproduceUsage();

private:
    Result run(const QStringList &arguments) const {
        Result result;
        QTextStream out(&result.out);
        QTextStream err(&result.err);
        result.code = CommandLine::run(QStringList{u"--db"_s, m_db} + arguments, out, err);
        return result;
    }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_db;
};

void TestFigureProvenance::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_db = path(u"figures.sqlite"_s);
    QVERIFY(openBundledDataset(m_db));
}

void TestFigureProvenance::pngRecordsEverything() {
    const Result r = run({u"export"_s, u"--out"_s, path(u"china.png"_s), u"--size"_s, u"800x600"_s,
                          u"--category"_s, u"china-policy"_s, u"--from"_s, u"2025-04"_s,
                          u"--title"_s, u"China’s answers"_s, u"--theme"_s, u"print"_s,
                          u"--notes"_s, u"short"_s, u"--date-labels"_s, u"on"_s});
    QCOMPARE(r.code, 0);
    const QByteArray png = readAll(path(u"china.png"_s));
    // One iTXt chunk of ours, before the image data.
    const QStringList chunks = pngChunks(png);
    QVERIFY2(chunks.indexOf(u"iTXt"_s) >= 0, qPrintable(chunks.join(u' ')));
    QVERIFY(png.indexOf("iTXtChipTimeline-Provenance") < png.indexOf("IDAT"));

    QString error;
    const auto record = FigureProvenance::readFromFile(path(u"china.png"_s), &error);
    QVERIFY2(record, qPrintable(error));
    QCOMPARE(record->program, u"ChipTimeline 0.1.0"_s);
    QCOMPARE(record->database, u"figures.sqlite"_s);
    QCOMPARE(record->filter, u"category:china-policy from:2025-04"_s);
    QCOMPARE(record->language, u"en"_s);
    QCOMPARE(record->events, 6);
    QCOMPARE(record->sources, 8);
    QVERIFY(record->digest.startsWith(u"sha256:"_s));
    QCOMPARE(record->digest.size(), 7 + 64);
    QCOMPARE(record->format, u"png"_s);
    QCOMPARE(record->size, u"800x600"_s);
    QCOMPARE(record->scale, 0);
    QCOMPARE(record->dpi, 0);
    QCOMPARE(record->theme, u"print"_s);
    QCOMPARE(record->lanes, u"category"_s);
    QCOMPARE(record->notes, u"short"_s);
    QCOMPARE(record->dateLabels, true);
    QCOMPARE(record->footer, true);
    QCOMPARE(record->title, u"China’s answers"_s);
    QCOMPARE(record->from, u"2025-04"_s);
    QCOMPARE(record->to, QString());
    QCOMPARE(record->exportDate, QDate::currentDate());
    QVERIFY(qAbs(record->madeAt.secsTo(QDateTime::currentDateTimeUtc())) < 600);
}

void TestFigureProvenance::reproducedPngIsPixelIdentical() {
    QCOMPARE(run({u"export"_s, u"--out"_s, path(u"h20.png"_s), u"--size"_s, u"a4"_s, u"--dpi"_s,
                  u"96"_s, u"--query"_s, u"H20"_s})
                 .code,
             0);
    const Result r =
        run({u"reproduce"_s, path(u"h20.png"_s), u"--out"_s, path(u"h20-again.png"_s)});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.err, QString()); // nothing changed since, same program
    QCOMPARE(r.out, u"wrote %1\n"_s.arg(path(u"h20-again.png"_s)));
    const QImage before(path(u"h20.png"_s));
    const QImage after(path(u"h20-again.png"_s));
    QCOMPARE(before.size(), QSize(1123, 794));
    QVERIFY(before == after);
    QCOMPARE(FigureProvenance::readFromFile(path(u"h20-again.png"_s), nullptr)->filter, u"q:H20"_s);
}

void TestFigureProvenance::reproducedSvgAndPdfHaveTheSameText_data() {
    QTest::addColumn<QString>("name");
    QTest::newRow("svg") << u"figure.svg"_s;
    QTest::newRow("pdf") << u"figure.pdf"_s;
}

void TestFigureProvenance::reproducedSvgAndPdfHaveTheSameText() {
    QFETCH(QString, name);
    QCOMPARE(run({u"export"_s, u"--out"_s, path(name), u"--size"_s, u"slide"_s, u"--status"_s,
                  u"reported"_s, u"--subtitle"_s, u"Reported, not confirmed"_s})
                 .code,
             0);
    const QString again = path(u"again-"_s + name);
    QCOMPARE(run({u"reproduce"_s, path(name), u"--out"_s, again}).code, 0);
    const QByteArray first = readAll(path(name));
    QVERIFY(first.contains("ct:provenance"));
    QCOMPARE(withoutMoments(readAll(again)), withoutMoments(first));
    const auto record = FigureProvenance::readFromFile(again, nullptr);
    QVERIFY(record);
    QCOMPARE(record->filter, u"status:reported"_s);
    QCOMPARE(record->subtitle, u"Reported, not confirmed"_s);
    QCOMPARE(record->size, u"slide"_s);
}

void TestFigureProvenance::changedTimelineIsReported() {
    // Its own copy of the timeline: this test changes an event.
    const QString db = path(u"changing.sqlite"_s);
    auto store = openBundledDataset(db);
    QVERIFY(store);
    const QStringList export_{u"--db"_s,           db,           u"export"_s, u"--out"_s,
                              path(u"deal.svg"_s), u"--query"_s, u"deal"_s};
    Result r;
    {
        QTextStream out(&r.out), err(&r.err);
        r.code = CommandLine::run(export_, out, err);
    }
    QCOMPARE(r.code, 0);
    // A record made before figures recorded their revision: reproduced from the data now.
    QByteArray svg = readAll(path(u"deal.svg"_s));
    const QRegularExpression revision(u"&quot;revision&quot;:[0-9]+,"_s);
    QVERIFY(QString::fromUtf8(svg).contains(revision));
    svg = QString::fromUtf8(svg).remove(revision).toUtf8();
    QVERIFY(writeAll(path(u"deal.svg"_s), svg));
    const auto record = FigureProvenance::readFromFile(path(u"deal.svg"_s), nullptr);
    QVERIFY(record);
    QCOMPARE(record->revision, 0);
    EventFilter filter;
    filter.query = u"deal"_s;
    QList<Event> events = store->events(filter);
    QVERIFY(!events.isEmpty());
    events.first().title += u" (corrected)"_s;
    StoreError error;
    QVERIFY2(store->saveEvent(events.first(), &error), qPrintable(error.message));
    store.reset();

    Result again;
    {
        QTextStream out(&again.out), err(&again.err);
        again.code = CommandLine::run({u"--db"_s, db, u"reproduce"_s, path(u"deal.svg"_s),
                                       u"--out"_s, path(u"deal-now.svg"_s)},
                                      out, err);
    }
    QCOMPARE(again.code, 0);
    QCOMPARE(again.err,
             u"chiptimeline: %1: the timeline has changed since the figure was made on %2 (%3 "
             "events then): %4 shows it as it is now\n"_s
                 .arg(path(u"deal.svg"_s), record->madeAt.toString(Qt::ISODate))
                 .arg(record->events)
                 .arg(path(u"deal-now.svg"_s)));
    QVERIFY(readAll(path(u"deal-now.svg"_s)).contains("(corrected)"));
}

// The figure records the revision it was drawn from; `reproduce` draws as of it, so a PNG
// reproduced after later edits is the same, pixel for pixel.
void TestFigureProvenance::reproducedAsOfItsRevisionAfterEdits() {
    const QString db = path(u"edited.sqlite"_s);
    auto store = openBundledDataset(db);
    QVERIFY(store);
    const qint64 newest = store->revisions({}).constLast().number;
    const auto runOn = [&](const QStringList &arguments) {
        Result r;
        QTextStream out(&r.out), err(&r.err);
        r.code = CommandLine::run(QStringList{u"--db"_s, db} + arguments, out, err);
        return r;
    };
    QCOMPARE(runOn({u"export"_s, u"--out"_s, path(u"h20-then.png"_s), u"--size"_s, u"800x600"_s,
                    u"--query"_s, u"H20"_s})
                 .code,
             0);
    const auto record = FigureProvenance::readFromFile(path(u"h20-then.png"_s), nullptr);
    QVERIFY(record);
    QCOMPARE(record->revision, newest);

    EventFilter filter;
    filter.query = u"H20"_s;
    Event event = store->events(filter).constFirst();
    event.title = u"Retitled after the figure"_s;
    StoreError error;
    QVERIFY2(store->saveEvent(event, &error), qPrintable(error.message));
    QCOMPARE(store->revisions({}).constLast().number, newest + 1);
    store.reset();

    const Result again =
        runOn({u"reproduce"_s, path(u"h20-then.png"_s), u"--out"_s, path(u"h20-again.png"_s)});
    QCOMPARE(again.code, 0);
    QCOMPARE(again.err, QString()); // drawn as of its revision: nothing differs
    const QImage before(path(u"h20-then.png"_s));
    const QImage after(path(u"h20-again.png"_s));
    QCOMPARE(before.size(), QSize(1600, 1200)); // a pixel size exports at 2× by default
    QVERIFY(before == after);
    QCOMPARE(FigureProvenance::readFromFile(path(u"h20-again.png"_s), nullptr)->revision, newest);

    // Drawn now, the same export shows the new title, and records the new revision.
    QCOMPARE(runOn({u"export"_s, u"--out"_s, path(u"h20-now.png"_s), u"--size"_s, u"800x600"_s,
                    u"--query"_s, u"H20"_s})
                 .code,
             0);
    QVERIFY(QImage(path(u"h20-now.png"_s)) != before);
    QCOMPARE(FigureProvenance::readFromFile(path(u"h20-now.png"_s), nullptr)->revision, newest + 1);
    // --as-of on export: the figure of then, recording that revision.
    QCOMPARE(runOn({u"export"_s, u"--out"_s, path(u"h20-asof.png"_s), u"--size"_s, u"800x600"_s,
                    u"--query"_s, u"H20"_s, u"--as-of"_s, u"r%1"_s.arg(newest)})
                 .code,
             0);
    const auto asOfRecord = FigureProvenance::readFromFile(path(u"h20-asof.png"_s), nullptr);
    QVERIFY(asOfRecord);
    QCOMPARE(asOfRecord->revision, newest);
    QVERIFY(asOfRecord->asOf);
    // The figure of then, but its attribution line says what it shows: a reader of the printed
    // figure sees it is not the timeline of its export date (tst_storeasof: otherwise the
    // figure made from the file of then).
    QVERIFY(QImage(path(u"h20-asof.png"_s)) != before);
    QCOMPARE(runOn({u"export"_s, u"--out"_s, path(u"h20-asof.svg"_s), u"--size"_s, u"800x600"_s,
                    u"--query"_s, u"H20"_s, u"--as-of"_s, u"r%1"_s.arg(newest)})
                 .code,
             0);
    QVERIFY(readAll(path(u"h20-asof.svg"_s))
                .contains(u"ChipTimeline · as of revision %1 · exported "_s.arg(newest).toUtf8()));
    // Reproduced, it says so again: the same pixels.
    QCOMPARE(
        runOn({u"reproduce"_s, path(u"h20-asof.png"_s), u"--out"_s, path(u"h20-asof-again.png"_s)})
            .code,
        0);
    QVERIFY(QImage(path(u"h20-asof-again.png"_s)) == QImage(path(u"h20-asof.png"_s)));
}

void TestFigureProvenance::recordRoundTripsAndRefusesBadFields() {
    FigureProvenance p;
    p.database = u"team.sqlite"_s;
    p.filter = u"actor:Nvidia"_s;
    p.program = u"ChipTimeline 0.1.0"_s;
    p.madeAt = QDateTime(QDate(2025, 9, 1), QTime(12, 0), Qt::UTC);
    p.events = 12;
    p.sources = 30;
    p.digest = u"sha256:00"_s;
    p.format = u"pdf"_s;
    p.size = u"a4-portrait"_s;
    p.theme = u"dark"_s;
    p.lanes = u"actor"_s;
    p.notes = u"none"_s;
    p.footer = false;
    p.title = u"<\"Title\" & more>"_s;
    p.to = u"2025-08-12"_s;
    p.exportDate = QDate(2025, 9, 1);
    p.revision = 7;
    p.asOf = true; // drawn with --as-of r7: the attribution line says so
    QString reason;
    const auto back = FigureProvenance::fromJson(p.toJson(), &reason);
    QVERIFY2(back, qPrintable(reason));
    QCOMPARE(*back, p);
    const auto request = back->toRequest(u"/tmp/x.png"_s, &reason);
    QVERIFY2(request, qPrintable(reason));
    QCOMPARE(request->preset, ExportRequest::Preset::A4Portrait);
    QCOMPARE(request->figure.theme, TimelineTheme::Kind::Dark);
    QCOMPARE(request->figure.lanes, LaneGrouping::Actor);
    QCOMPARE(request->figure.noteStyle, FigureOptions::NoteStyle::None);
    QCOMPARE(request->figure.to->toIsoString(), u"2025-08-12"_s);
    QCOMPARE(ImageExporter::formatOf(*request), ExportRequest::Format::Png); // the new name's
    QCOMPARE(request->figure.asOfRevision, 7);

    FigureProvenance bad = p;
    bad.theme = u"sepia"_s;
    QVERIFY(!bad.toRequest(u"x.png"_s, &reason));
    QCOMPARE(reason, u"unknown theme 'sepia'"_s);
    QByteArray json = p.toJson();
    json.replace("\"events\":12", "\"events\":\"12\"");
    QVERIFY(!FigureProvenance::fromJson(json, &reason));
    QCOMPARE(reason, u"the field 'events' is missing or not a count"_s);
    FigureProvenance unnumbered = p;
    unnumbered.revision = 0; // "as of" no revision
    QVERIFY(!FigureProvenance::fromJson(unnumbered.toJson(), &reason));
    QCOMPARE(reason, u"the field 'asOf' is not true/false with a revision"_s);
    json = p.toJson().replace("\"version\":1", "\"version\":2");
    QVERIFY(!FigureProvenance::fromJson(json, &reason));
    QCOMPARE(reason, u"record version 2 is not 1 (made by a newer ChipTimeline?)"_s);
}

void TestFigureProvenance::badFigures_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");
    QImage plain(4, 4, QImage::Format_RGB32);
    plain.fill(Qt::white);
    QByteArray png;
    {
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        plain.save(&buffer, "png");
    }
    QTest::newRow("png without a record")
        << png << u"plain.png"_s
        << u"plain.png: has no ChipTimeline provenance record (only figures exported by "
           "ChipTimeline 0.1.0 or later carry one)"_s;
    QTest::newRow("svg with a damaged record")
        << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"><metadata><ct:provenance "
                      "xmlns:ct=\"urn:chiptimeline:provenance:1\">{\"record\":"
                      "\"chiptimeline-figure\",</ct:provenance></metadata></svg>")
        << u"damaged.svg"_s
        << u"damaged.svg: the provenance record is damaged: not JSON at offset 32: unterminated "
           "object"_s;
    QTest::newRow("neither image nor drawing")
        << QByteArray("hello") << u"notes.txt"_s << u"notes.txt: not a PNG, SVG or PDF figure"_s;
}

void TestFigureProvenance::badFigures() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, name);
    QFETCH(QString, message);
    QVERIFY(writeAll(path(name), bytes));
    const QString out = path(u"never-"_s + name + u".png"_s);
    const Result r = run({u"reproduce"_s, path(name), u"--out"_s, out});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err, u"chiptimeline: %1/%2\n"_s.arg(m_dir.path(), message));
    QVERIFY(!QFile::exists(out));
}

void TestFigureProvenance::reproduceUsage() {
    Result r = run({u"reproduce"_s, path(u"china.png"_s)});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err, u"chiptimeline: reproduce: --out FILE is required\n"_s);
    r = run({u"reproduce"_s, u"--out"_s, path(u"x.png"_s)});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err, u"chiptimeline: reproduce: give exactly one FIGURE (a PNG, SVG or PDF)\n"_s);
    r = run({u"reproduce"_s, path(u"missing.png"_s), u"--out"_s, path(u"x.png"_s)});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err, u"chiptimeline: %1: cannot read: No such file or directory\n"_s.arg(
                        path(u"missing.png"_s)));
}

QTEST_MAIN(TestFigureProvenance)
#include "tst_figureprovenance.moc"
