#include "BundledDatasetTestUtil.h"
#include "model/TimelineDataQuery.h"
#include "model/store/TimelineStore.h"
#include "ui/render/FigureSources.h"
#include "ui/render/ImageExporter.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The figure's placed labels that were not shortened: what a reader sees whole.
QStringList wholeLabels(const TimelineFigure &figure) {
    QStringList labels;
    for (const PlacedEvent &e : figure.timeline().events()) {
        if (!e.elided && !labels.contains(e.text))
            labels << e.text;
    }
    return labels;
}

} // namespace

class TestImageExporter : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void pngSizeAndResolution();
    void pngResolutionCanBeSet();
    void marksAreWhereTheLayoutPlacedThem();
    void notesNumberPlacedEventsInTimeOrder();
    void svgHasRealText();
    void attributionCountsInTheFigureLocale();
    void pdfHasTextAxisAndNotes();
    void pdfNotesContinueOnNextPage();
    void pngGrowsRatherThanDropNotes();
    void badInput_data();
    void badInput();
    void failureKeepsExistingFile();
    void cancelLeavesNoFile();
    void sizeParsing_data();
    void sizeParsing();

private:
    ExportRequest request(const QString &name) const {
        ExportRequest r;
        r.path = m_out.filePath(name);
        r.figure.title = u"AI-chip export controls, 2022\u20132025"_s;
        r.figure.exportDate = QDate(2026, 11, 22);
        return r;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QTemporaryDir> m_outDir;
    QDir m_out;
    std::unique_ptr<TimelineStore> m_store;
    TimelineData m_data;
    FigureSources::Map m_sources;
};

void TestImageExporter::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_store = openBundledDataset(m_dir.filePath(u"t.sqlite"_s));
    QVERIFY(m_store);
    FigureInput input = figureInput(*m_store);
    m_data = input.data;
    m_sources = input.sources;
    QCOMPARE(m_data.size(), 39);
    QCOMPARE(m_sources.size(), 39); // every event of the default dataset has a source
}

void TestImageExporter::init() {
    // A fresh, empty folder per test: "leaves no file" is checked on the whole folder.
    m_outDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_outDir->isValid());
    m_out = QDir(m_outDir->path());
}

void TestImageExporter::pngSizeAndResolution() {
    ExportRequest r = request(u"slide.png"_s);
    r.preset = ExportRequest::Preset::Slide;
    // 2025 fits a slide with its notes at slide print size (the whole dataset makes it grow).
    r.figure.from = PartialDate::parseIso(u"2025-01"_s);
    r.figure.to = PartialDate::parseIso(u"2025-12"_s);
    r.scale = 2;
    QString error;
    QVERIFY2(ImageExporter::exportImage(m_data, m_sources, r, &error), qPrintable(error));
    QImage image;
    QVERIFY(image.load(r.path));
    QCOMPARE(image.size(), QSize(3840, 2160));
    // 2 pixels per unit of 1/96 inch: 192 dpi, so it prints at the slide's size.
    QCOMPARE(image.dotsPerMeterX(), 7559);
    QCOMPARE(image.dotsPerMeterY(), 7559);
    QCOMPARE(image.text(u"Title"_s), u"AI-chip export controls, 2022\u20132025"_s);
    QCOMPARE(m_out.entryList(QDir::Files | QDir::Hidden), QStringList{u"slide.png"_s});
}

void TestImageExporter::pngResolutionCanBeSet() {
    ExportRequest r = request(u"print.png"_s);
    r.preset = ExportRequest::Preset::A4Landscape;
    r.scale = 3;
    r.dpi = 300;
    QString error;
    QVERIFY2(ImageExporter::exportImage(m_data, m_sources, r, &error), qPrintable(error));
    QImage image;
    QVERIFY(image.load(r.path));
    QCOMPARE(image.dotsPerMeterX(), 11811);
    QCOMPARE(image.width(), 3508); // the dpi decides the pixels: 297 mm at 300 dpi
}

void TestImageExporter::marksAreWhereTheLayoutPlacedThem() {
    for (const TimelineTheme::Kind kind :
         {TimelineTheme::Kind::Light, TimelineTheme::Kind::Dark, TimelineTheme::Kind::Print}) {
        ExportRequest r = request(u"marks.png"_s);
        r.scale = 2;
        r.figure.theme = kind;
        QString error;
        const auto figure = ImageExporter::compose(m_data, m_sources, r, &error);
        QVERIFY2(figure, qPrintable(error));
        QVERIFY2(ImageExporter::exportImage(m_data, m_sources, r, &error), qPrintable(error));
        QImage image;
        QVERIFY(image.load(r.path));
        image = image.convertToFormat(QImage::Format_RGB32);
        const TimelineTheme &theme = figure->theme();
        int checked = 0;
        for (const PlacedEvent &e : figure->timeline().events()) {
            if (e.shape != MarkShape::Point || e.status != EventStatus::Confirmed)
                continue;
            const QPointF c = (figure->timelineRect().topLeft() + e.markRect.center()) * 2;
            const QColor expected =
                theme.markFill(theme.categoryColor(m_data.categories(), e.category), e.status);
            const QColor actual = image.pixelColor(int(std::floor(c.x())), int(std::floor(c.y())));
            QCOMPARE(actual.name(), expected.name());
            ++checked;
        }
        QVERIFY2(checked >= 10, qPrintable(u"only %1 marks checked"_s.arg(checked)));
    }
}

void TestImageExporter::notesNumberPlacedEventsInTimeOrder() {
    ExportRequest r = request(u"notes.png"_s);
    const auto figure = ImageExporter::compose(m_data, m_sources, r);
    QVERIFY(figure);
    const QList<TimelineFigure::Note> &notes = figure->notes();
    QVERIFY(notes.size() >= 20);
    qint64 previousDay = 0;
    for (qsizetype k = 0; k < notes.size(); ++k) {
        QCOMPARE(notes[k].number, int(k + 1));
        const PlacedEvent *placed = figure->timeline().placedEvent(notes[k].eventId);
        QVERIFY(placed);
        QCOMPARE(placed->noteNumber, notes[k].number);
        const qint64 day = m_data.firstDay(m_data.indexOfId(notes[k].eventId));
        QVERIFY(day >= previousDay);
        previousDay = day;
        // A slide of the whole dataset fits with short notes, where a source already written
        // out is referred to by its note alone.
        QVERIFY2(notes[k].text.contains(u"\u201c"_s) || notes[k].text.startsWith(u"see ["_s),
                 qPrintable(notes[k].text));
    }
    // Every placed event with sources carries a number.
    for (const PlacedEvent &e : figure->timeline().events())
        QVERIFY(e.noteNumber > 0 || !m_sources.contains(e.id));
    QCOMPARE(figure->attribution(),
             u"ChipTimeline \u00b7 exported 2026-11-22 \u00b7 39 events, 43 sources"_s);
}

void TestImageExporter::attributionCountsInTheFigureLocale() {
    // 1,234 events: the attribution's counts read as the lanes' do, in the figure's language.
    QList<Event> events;
    for (int n = 0; n < 1234; ++n) {
        Event event;
        event.id = n + 1;
        event.uid = u"e%1"_s.arg(n);
        event.title = u"Event %1"_s.arg(n);
        event.start =
            *PartialDate::parseIso(QDate(2024, 1, 1).addDays(n % 600).toString(Qt::ISODate));
        events << event;
    }
    const TimelineData many = TimelineData::fromEvents(events, m_data.categories());
    for (
        const auto &[language, expected] :
        {std::pair(u"en"_s,
                   u"ChipTimeline \u00b7 exported 2026-11-22 \u00b7 1,234 events, 0 sources"_s),
         std::pair(
             u"de"_s,
             u"ChipTimeline \u00b7 exportiert am 2026-11-22 \u00b7 1.234 Ereignisse, 0 Quellen"_s)}) {
        ExportRequest r = request(u"many.png"_s);
        r.figure.language = language;
        const auto figure = ImageExporter::compose(many, {}, r);
        QVERIFY(figure);
        QCOMPARE(figure->attribution(), expected);
    }
}

void TestImageExporter::svgHasRealText() {
    ExportRequest r = request(u"figure.svg"_s);
    r.figure.from = PartialDate::parseIso(u"2025-01"_s);
    r.figure.to = PartialDate::parseIso(u"2025-12"_s);
    QString error;
    const auto figure = ImageExporter::compose(m_data, m_sources, r, &error);
    QVERIFY(figure);
    QVERIFY2(ImageExporter::exportImage(m_data, m_sources, r, &error), qPrintable(error));
    QXmlStreamReader xml(readAll(r.path));
    QStringList texts;
    QString viewBox;
    QString title;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"svg"_s)
            viewBox = xml.attributes().value(u"viewBox"_s).toString();
        else if (xml.name() == u"title"_s)
            title = xml.readElementText();
        else if (xml.name() == u"text"_s)
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(viewBox, u"0 0 1920 1080"_s);
    QCOMPARE(title, r.figure.title);
    const QStringList labels = wholeLabels(*figure);
    QCOMPARE(labels.size(), figure->eventCount()); // every event labelled in full
    for (const QString &label : labels)
        QVERIFY2(texts.contains(label), qPrintable(label));
    QVERIFY(texts.contains(r.figure.title));
    QVERIFY(texts.contains(u"[1]"_s));
    QVERIFY(texts.contains(figure->attribution()));
}

void TestImageExporter::pdfHasTextAxisAndNotes() {
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    ExportRequest r = request(u"figure.pdf"_s);
    r.preset = ExportRequest::Preset::A4Landscape;
    QString error;
    const auto figure = ImageExporter::compose(m_data, m_sources, r, &error);
    QVERIFY(figure);
    QVERIFY2(ImageExporter::exportImage(m_data, m_sources, r, &error), qPrintable(error));
    QVERIFY(readAll(r.path).startsWith("%PDF-"));
    QProcess process;
    process.start(pdftotext, {r.path, u"-"_s});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    // As a reader's search sees it: ligatures ("ﬁ", "ﬃ") as their letters.
    const QString text = QString::fromUtf8(process.readAllStandardOutput())
                             .normalized(QString::NormalizationForm_KC);
    for (const QString &label : wholeLabels(*figure))
        QVERIFY2(text.contains(label), qPrintable(label));
    for (const QString &year : {u"2023"_s, u"2024"_s, u"2025"_s})
        QVERIFY2(text.contains(year), qPrintable(year));
    QVERIFY(text.contains(r.figure.title));
    const QRegularExpression firstNote(u"\\[1\\]\\s+\\S[^\\n]*"_s);
    const QRegularExpressionMatch note = firstNote.match(text);
    QVERIFY2(note.hasMatch(), qPrintable(text));
    QVERIFY2(text.contains(u"https://"_s), qPrintable(text));
    QVERIFY(text.contains(u"Sources"_s));
}

void TestImageExporter::pdfNotesContinueOnNextPage() {
    // An A4 page cannot hold the timeline and all the notes of the default dataset.
    ExportRequest r = request(u"paged.pdf"_s);
    r.preset = ExportRequest::Preset::A4Landscape;
    const auto figure = ImageExporter::compose(m_data, m_sources, r);
    QVERIFY(figure);
    QCOMPARE(figure->pageSize(), ImageExporter::figureSize(r)); // pages keep their paper size
    QVERIFY(figure->pageCount() >= 2);
}

void TestImageExporter::pngGrowsRatherThanDropNotes() {
    ExportRequest r = request(u"a4.png"_s);
    r.preset = ExportRequest::Preset::A4Landscape;
    const auto figure = ImageExporter::compose(m_data, m_sources, r);
    QVERIFY(figure);
    QCOMPARE(figure->pageCount(), 1);
    QCOMPARE(figure->pageSize().width(), ImageExporter::figureSize(r).width());
    QVERIFY(figure->pageSize().height() > ImageExporter::figureSize(r).height());
    QVERIFY(figure->notes().size() >= 15);
    for (const PlacedEvent &e : figure->timeline().events())
        QVERIFY(e.noteNumber > 0 || !m_sources.contains(e.id));
}

void TestImageExporter::badInput_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("size");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("message"); // after "<path>: "

    QTest::newRow("unknown extension")
        << u"x.bmp"_s << QString() << QString() << QString() << QString()
        << u"unknown image format 'bmp' (use png, svg or pdf)"_s;
    QTest::newRow("no extension")
        << u"figure"_s << QString() << QString() << QString() << QString()
        << u"cannot tell the image format without an extension (use .png, .svg or .pdf)"_s;
    QTest::newRow("missing folder") << u"missing/x.png"_s << QString() << QString() << QString()
                                    << QString() << u"the folder %1/missing does not exist"_s;
    QTest::newRow("size") << u"x.png"_s << QString() << u"12by5"_s << QString() << QString()
                          << u"the size '12by5' is not WxH, slide, a4, a4-portrait, letter or "
                             "letter-portrait"_s;
    QTest::newRow("tiny size") << u"x.png"_s << QString() << u"10x10"_s << QString() << QString()
                               << u"the size '10x10' is outside 320x240 .. 20000x20000"_s;
    QTest::newRow("empty range") << u"x.svg"_s << QString() << QString() << u"2030-01"_s
                                 << u"2030-12"_s << u"no events between 2030-01 and 2030-12"_s;
    QTest::newRow("empty before") << u"x.pdf"_s << QString() << QString() << QString() << u"1999"_s
                                  << u"no events on or before 1999"_s;
    QTest::newRow("from after to")
        << u"x.png"_s << QString() << QString() << u"2025-06"_s << u"2025-01"_s
        << u"the start 2025-06 is after the end 2025-01"_s;
}

void TestImageExporter::badInput() {
    QFETCH(QString, name);
    QFETCH(QString, format);
    QFETCH(QString, size);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, message);
    ExportRequest r = request(name);
    if (!format.isEmpty())
        r.format = *ImageExporter::formatFromName(format);
    r.sizeText = size;
    if (!from.isEmpty())
        r.figure.from = PartialDate::parseIso(from);
    if (!to.isEmpty())
        r.figure.to = PartialDate::parseIso(to);
    QString error;
    QVERIFY(!ImageExporter::exportImage(m_data, m_sources, r, &error));
    QCOMPARE(error,
             r.path + u": "_s + (message.contains(u"%1"_s) ? message.arg(m_out.path()) : message));
    QVERIFY(!error.contains(u'\n'));
    QCOMPARE(m_out.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList());
}

void TestImageExporter::failureKeepsExistingFile() {
    ExportRequest r = request(u"kept.png"_s);
    {
        QFile old(r.path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the researcher's earlier figure");
    }
    r.figure.from = PartialDate::fromYear(2030);
    QString error;
    QVERIFY(!ImageExporter::exportImage(m_data, m_sources, r, &error));
    QCOMPARE(error, r.path + u": no events on or after 2030"_s);
    QCOMPARE(readAll(r.path), QByteArray("the researcher's earlier figure"));
    QCOMPARE(m_out.entryList(QDir::Files | QDir::Hidden), QStringList{u"kept.png"_s});
}

void TestImageExporter::cancelLeavesNoFile() {
    for (const QString &name : {u"c.png"_s, u"c.svg"_s, u"c.pdf"_s}) {
        ExportRequest r = request(name);
        QList<int> seen;
        const auto progress = [&](int percent) {
            seen << percent;
            return percent < 30; // cancel once the figure is composed
        };
        QString error;
        QVERIFY(!ImageExporter::exportImage(m_data, m_sources, r, &error, progress));
        QCOMPARE(error, r.path + u": export cancelled"_s);
        QVERIFY(!seen.isEmpty());
        QVERIFY(!QFile::exists(r.path));
        // Cancelling late, while writing, also leaves nothing.
        const auto late = [](int percent) {
            return percent < 90;
        };
        QVERIFY(!ImageExporter::exportImage(m_data, m_sources, r, &error, late));
        QCOMPARE(m_out.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
    }
}

void TestImageExporter::sizeParsing_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QSizeF>("size");
    QTest::newRow("pixels") << u"1600x900"_s << QSizeF(1600, 900);
    QTest::newRow("times sign") << u"1200 \u00d7 800"_s << QSizeF(1200, 800);
    QTest::newRow("slide") << u"slide"_s << QSizeF(1920, 1080);
    QTest::newRow("letter") << u"letter"_s << QSizeF(1056, 816);
    QTest::newRow("letter portrait") << u"Letter-Portrait"_s << QSizeF(816, 1056);
    QTest::newRow("a4") << u"a4"_s << QSizeF(297 * 96 / 25.4, 210 * 96 / 25.4);
    QTest::newRow("a4 portrait") << u"a4-portrait"_s << QSizeF(210 * 96 / 25.4, 297 * 96 / 25.4);
}

void TestImageExporter::sizeParsing() {
    QFETCH(QString, text);
    QFETCH(QSizeF, size);
    ExportRequest r;
    QVERIFY(ImageExporter::parseSize(text, r));
    QCOMPARE(ImageExporter::figureSize(r), size);
}

QTEST_MAIN(TestImageExporter)
#include "tst_imageexporter.moc"
