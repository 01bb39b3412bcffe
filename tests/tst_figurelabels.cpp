// The exported figure as a reader of the printed report sees it: read back from the SVG file
// (its <text> elements and their boxes) and the PDF (its link annotations), every event of the
// bundled dataset labelled in full at every paper and slide size, nothing overlapping, nothing
// off the page, every address whole and clickable; what cannot fit is said in words.

#include "BundledDatasetTestUtil.h"
#include "model/EventFilter.h"
#include "model/TimelineDataQuery.h"
#include "model/store/TimelineStore.h"
#include "ui/render/FigureSources.h"
#include "ui/render/ImageExporter.h"

#include <QFile>
#include <QFontMetricsF>
#include <QImage>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct SvgText {
    QRectF box; // in the SVG's user units (the figure's units)
    QString text;
};

struct SvgFigure {
    QRectF viewBox;
    QList<SvgText> texts;
    QHash<QString, QList<QRectF>> links; // href → the rectangles of its <a>
};

// Reads what QSvgGenerator writes: <g transform="matrix(1,0,0,1,dx,dy)"> groups holding
// <text x y font-family font-size font-weight>; each text's box is measured with the font
// it names, from its baseline.
SvgFigure readSvg(const QByteArray &bytes) {
    SvgFigure svg;
    QXmlStreamReader xml(bytes);
    QList<QPointF> offsets{QPointF()};
    QString href;
    static const QRegularExpression matrix(
        u"matrix\\(([-\\d.e]+),([-\\d.e]+),([-\\d.e]+),([-\\d.e]+),([-\\d.e]+),([-\\d.e]+)\\)"_s);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"g"_s)
            offsets.removeLast();
        if (!xml.isStartElement())
            continue;
        const QXmlStreamAttributes a = xml.attributes();
        if (xml.name() == u"svg"_s) {
            const QStringList v = a.value(u"viewBox"_s).toString().split(u' ');
            svg.viewBox =
                QRectF(v[0].toDouble(), v[1].toDouble(), v[2].toDouble(), v[3].toDouble());
        } else if (xml.name() == u"g"_s) {
            QPointF offset = offsets.last();
            const QRegularExpressionMatch m = matrix.match(a.value(u"transform"_s).toString());
            if (m.hasMatch())
                offset = QPointF(m.captured(5).toDouble(), m.captured(6).toDouble());
            offsets.append(offset);
        } else if (xml.name() == u"a"_s) {
            href = a.value(u"xlink:href"_s).toString();
        } else if (xml.name() == u"rect"_s && !href.isEmpty()) {
            svg.links[href].append(QRectF(a.value(u"x"_s).toDouble(), a.value(u"y"_s).toDouble(),
                                          a.value(u"width"_s).toDouble(),
                                          a.value(u"height"_s).toDouble()));
            href.clear();
        } else if (xml.name() == u"text"_s) {
            QFont font(a.value(u"font-family"_s).toString());
            font.setPixelSize(a.value(u"font-size"_s).toInt());
            font.setWeight(QFont::Weight(a.value(u"font-weight"_s).toInt()));
            const QFontMetricsF fm(font);
            const QPointF at = offsets.last() + QPointF(a.value(u"x"_s).toDouble(),
                                                        a.value(u"y"_s).toDouble() - fm.ascent());
            const QString text = xml.readElementText();
            svg.texts.append({QRectF(at, QSizeF(fm.horizontalAdvance(text), fm.height())), text});
        }
    }
    if (xml.hasError())
        qWarning("SVG: %s", qPrintable(xml.errorString()));
    return svg;
}

QString title(const TimelineData &data, qsizetype i) {
    return QString::fromUtf8(data.titleUtf8(i)).simplified();
}

} // namespace

class TestFigureLabels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyEventLabelledInFull_data();
    void everyEventLabelledInFull();
    void pdfHasALinkPerAddress();
    void paperSizesAreTrueToThePaper_data();
    void paperSizesAreTrueToThePaper();
    void sixtyEventsInLandscape();
    void dateLabels();
    void whatCannotFitIsSaidInWords_data();
    void whatCannotFitIsSaidInWords();

private:
    [[nodiscard]] TimelineData h20Example() const {
        EventFilter filter;
        filter.chips = {u"H20"_s};
        filter.fromJulianDay = QDate(2025, 4, 1).toJulianDay();
        filter.toJulianDay = QDate(2025, 8, 31).toJulianDay();
        return TimelineDataQuery::load(*m_store, filter);
    }
    [[nodiscard]] ExportRequest request(const QString &name, const QString &size) const {
        ExportRequest r;
        r.path = m_dir.filePath(name);
        r.sizeText = size;
        r.figure.title = u"AI-chip export controls, 2022\u20132026: US rules, China's answers "
                         u"and the industry in between"_s;
        r.figure.exportDate = QDate(2026, 12, 4);
        return r;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<TimelineStore> m_store;
    TimelineData m_data;
    FigureSources::Map m_sources;
};

void TestFigureLabels::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_store = openBundledDataset(m_dir.filePath(u"t.sqlite"_s));
    QVERIFY(m_store);
    FigureInput input = figureInput(*m_store);
    m_data = input.data;
    m_sources = input.sources;
    QCOMPARE(m_data.size(), 39);
}

void TestFigureLabels::everyEventLabelledInFull_data() {
    QTest::addColumn<QString>("size");
    QTest::addColumn<bool>("h20");
    QTest::addColumn<int>("events");
    QTest::newRow("a4") << u"a4"_s << false << 39;
    QTest::newRow("a4-portrait") << u"a4-portrait"_s << false << 39;
    QTest::newRow("letter") << u"letter"_s << false << 39;
    QTest::newRow("slide") << u"slide"_s << false << 39;
    QTest::newRow("H20 example, a4") << u"a4"_s << true << 6;
}

void TestFigureLabels::everyEventLabelledInFull() {
    QFETCH(QString, size);
    QFETCH(bool, h20);
    QFETCH(int, events);
    const TimelineData data = h20 ? h20Example() : m_data;
    QCOMPARE(data.size(), qsizetype(events));
    ExportRequest r = request(u"figure.svg"_s, size);
    QString error;
    QVERIFY2(ImageExporter::exportImage(data, m_sources, r, &error), qPrintable(error));
    const SvgFigure svg = readSvg(readAll(r.path));
    QVERIFY(svg.texts.size() > events);

    // Every event's whole title: one <text>, or two that are its two lines.
    QSet<QString> shown;
    for (qsizetype k = 0; k < svg.texts.size(); ++k) {
        shown.insert(svg.texts[k].text);
        if (k + 1 < svg.texts.size())
            shown.insert(svg.texts[k].text + u' ' + svg.texts[k + 1].text);
    }
    QStringList missing;
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (!shown.contains(title(data, i)))
            missing << title(data, i);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u" | "_s)));
    // Nothing folded into "+N".
    static const QRegularExpression pill(u"^\\+\\d"_s);
    QVERIFY(std::none_of(svg.texts.cbegin(), svg.texts.cend(),
                         [](const SvgText &t) { return pill.match(t.text).hasMatch(); }));
    // The title wraps instead of being cut.
    QVERIFY(shown.contains(r.figure.title) ||
            std::any_of(svg.texts.cbegin(), svg.texts.cend(), [&](const SvgText &t) {
                return r.figure.title.startsWith(t.text) && t.text.size() > 10;
            }));

    // No two text boxes overlap, and none leaves the page.
    for (qsizetype a = 0; a < svg.texts.size(); ++a) {
        const QRectF box = svg.texts[a].box;
        QVERIFY2(svg.viewBox.adjusted(-0.5, -0.5, 0.5, 0.5).contains(box),
                 qPrintable(svg.texts[a].text));
        for (qsizetype b = a + 1; b < svg.texts.size(); ++b) {
            const QRectF overlap = box.intersected(svg.texts[b].box);
            QVERIFY2(overlap.width() < 0.6 || overlap.height() < 0.6,
                     qPrintable(svg.texts[a].text + u" × "_s + svg.texts[b].text));
        }
    }

    // Every cited address is a link, and where the notes write it out, it is whole: the texts
    // under its link rectangles, read in order, are the address.
    QSet<QString> addresses;
    for (qsizetype i = 0; i < data.size(); ++i) {
        for (const FigureSource &s : m_sources.value(data.id(i))) {
            if (!s.address().isEmpty())
                addresses.insert(s.address());
        }
    }
    QVERIFY(!addresses.isEmpty());
    for (const QString &address : addresses) {
        QVERIFY2(svg.links.contains(address), qPrintable(address));
        QString written;
        for (const QRectF &rect : svg.links.value(address)) {
            for (const SvgText &t : svg.texts) {
                if (std::abs(t.box.left() - rect.left()) < 0.6 &&
                    std::abs(t.box.top() - rect.top()) < 0.6)
                    written += t.text;
            }
        }
        QVERIFY2(written.startsWith(u"http"_s) ? written.contains(address)
                                               : written.startsWith(u'\u201c'),
                 qPrintable(address + u" written as "_s + written));
    }
}

void TestFigureLabels::pdfHasALinkPerAddress() {
    const TimelineData data = h20Example();
    ExportRequest r = request(u"h20.pdf"_s, u"a4"_s);
    QString error;
    QVERIFY2(ImageExporter::exportImage(data, m_sources, r, &error), qPrintable(error));
    const QByteArray pdf = readAll(r.path);
    QSet<QString> annotated;
    static const QRegularExpression uri(u"/URI \\(([^)]*)\\)"_s);
    for (auto it = uri.globalMatch(QString::fromLatin1(pdf)); it.hasNext();)
        annotated.insert(it.next().captured(1));
    QSet<QString> addresses;
    for (qsizetype i = 0; i < data.size(); ++i) {
        for (const FigureSource &s : m_sources.value(data.id(i))) {
            if (!s.address().isEmpty())
                addresses.insert(s.address());
        }
    }
    QCOMPARE(addresses.size(), 5);
    QCOMPARE(annotated, addresses);
}

void TestFigureLabels::paperSizesAreTrueToThePaper_data() {
    QTest::addColumn<QString>("size");
    QTest::addColumn<QSize>("pixels");
    // 300 dpi by default: A4 is 297 × 210 mm, letter 11 × 8.5 in.
    QTest::newRow("a4") << u"a4"_s << QSize(3508, 2481);
    QTest::newRow("letter") << u"letter"_s << QSize(3300, 2550);
}

void TestFigureLabels::paperSizesAreTrueToThePaper() {
    QFETCH(QString, size);
    QFETCH(QSize, pixels);
    ExportRequest r = request(u"paper.png"_s, size);
    QString error;
    QVERIFY2(ImageExporter::exportImage(h20Example(), m_sources, r, &error), qPrintable(error));
    QImage image;
    QVERIFY(image.load(r.path));
    QCOMPARE(image.size(), pixels);
    QCOMPARE(image.dotsPerMeterX(), 11811); // 300 dpi in pHYs
    r.figure.footer = false;
    r.dpi = 150;
    QVERIFY2(ImageExporter::exportImage(h20Example(), m_sources, r, &error), qPrintable(error));
    QVERIFY(image.load(r.path));
    QCOMPARE(image.dotsPerMeterX(), 5906);
    QCOMPARE(image.width(), (pixels.width() + 1) / 2);
    const auto figure = ImageExporter::compose(h20Example(), m_sources, r, &error);
    const QList<TimelineFigure::TextBox> boxes = figure->textBoxes(0);
    QVERIFY(std::none_of(boxes.cbegin(), boxes.cend(), [&](const TimelineFigure::TextBox &b) {
        return b.text == figure->attribution();
    }));
}

void TestFigureLabels::sixtyEventsInLandscape() {
    // Sixty events of one year in four lanes, titles of news length.
    TimelineDataBuilder builder;
    QList<Category> categories;
    for (const QString &name : {u"us"_s, u"china"_s, u"industry"_s, u"models"_s}) {
        Category c;
        c.name = name;
        c.label = name;
        categories << c;
    }
    builder.setCategories(categories);
    for (int k = 0; k < 60; ++k) {
        TimelineRow row;
        row.id = k + 1;
        row.title =
            u"Event %1: a ruling on accelerator exports, licences and their limits"_s.arg(k);
        row.firstDay = row.lastDay = QDate(2025, 1, 1).toJulianDay() + (k * 6) % 360;
        row.category = k % 4;
        builder.add(row);
    }
    const TimelineData data = std::move(builder).build();
    ExportRequest r = request(u"sixty.pdf"_s, u"a4"_s);
    QString error;
    const auto figure = ImageExporter::compose(data, {}, r, &error);
    QVERIFY2(figure, qPrintable(error));
    QCOMPARE(figure->foldedCount(), 0);
    QSet<qint64> labelled;
    for (const PlacedEvent &e : figure->timeline().events()) {
        QVERIFY(!e.elided);
        labelled.insert(e.id);
    }
    QCOMPARE(labelled.size(), 60);
}

void TestFigureLabels::dateLabels() {
    ExportRequest r = request(u"dated.svg"_s, u"a4"_s);
    r.figure.dateLabels = true;
    QString error;
    const auto figure = ImageExporter::compose(h20Example(), m_sources, r, &error);
    QVERIFY2(figure, qPrintable(error));
    QStringList labels;
    for (const PlacedEvent &e : figure->timeline().events())
        labels << (e.secondLine.isEmpty() ? e.text : e.text + u' ' + e.secondLine);
    QVERIFY2(labels.contains(u"11 Aug 2025 \u2014 15% revenue-share deal (\"August 12 deal\")"_s),
             qPrintable(labels.join(u" | "_s)));
    QVERIFY2(std::any_of(labels.cbegin(), labels.cend(),
                         [](const QString &l) {
                             return l.startsWith(u"2025 \u2014 Claim: DeepSeek-R1"_s);
                         }),
             qPrintable(labels.join(u" | "_s)));
}

void TestFigureLabels::whatCannotFitIsSaidInWords_data() {
    QTest::addColumn<int>("events");
    QTest::addColumn<QString>("size");
    QTest::addColumn<int>("titleLength");
    QTest::newRow("5,000 events on A4") << 5000 << u"a4"_s << 30;
    QTest::newRow("60-character labels on 320x240") << 12 << u"320x240"_s << 60;
}

void TestFigureLabels::whatCannotFitIsSaidInWords() {
    QFETCH(int, events);
    QFETCH(QString, size);
    QFETCH(int, titleLength);
    TimelineDataBuilder builder;
    for (int k = 0; k < events; ++k) {
        TimelineRow row;
        row.id = k + 1;
        row.title = u"Event %1 "_s.arg(k).leftJustified(titleLength, u'x');
        row.firstDay = row.lastDay = QDate(2024, 1, 1).toJulianDay() + k % 700;
        builder.add(row);
    }
    const TimelineData data = std::move(builder).build();
    ExportRequest r = request(u"folded.png"_s, size);
    r.scale = 1;
    QString error;
    QString notice;
    QVERIFY2(ImageExporter::exportImage(data, {}, r, &error, {}, &notice), qPrintable(error));
    const auto figure = ImageExporter::compose(data, {}, r, &error);
    QVERIFY(figure->foldedCount() > 0);
    QCOMPARE(figure->foldedCount() + figure->timeline().events().size(), qsizetype(events));
    QVERIFY2(notice.startsWith(r.path + u": "_s + figure->foldedSummary()), qPrintable(notice));
    QVERIFY2(
        notice.contains(u"%1 of %2 events not labelled"_s.arg(figure->foldedCount()).arg(events)),
        qPrintable(notice));
    // The figure itself says so.
    const QList<TimelineFigure::TextBox> boxes = figure->textBoxes(0);
    QVERIFY(std::any_of(boxes.cbegin(), boxes.cend(), [](const TimelineFigure::TextBox &b) {
        return b.text.contains(u"not labelled"_s);
    }));
}

QTEST_MAIN(TestFigureLabels)
#include "tst_figurelabels.moc"
