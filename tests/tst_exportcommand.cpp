#include "CommandLineTestUtil.h"
#include "app/CommandLine.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

class TestExportCommand : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void unknownNoteAndDateLabelValuesAreUsageErrors();
    void png();
    void svgWithOptions();
    void germanFigureShowsGermanTitles();
    void pdfOfARange();
    void filtersNarrowTheFigure();
    void errors_data();
    void errors();
    void failureKeepsExistingFile();
    void exportOptionsBelongToExport();

private:
    Result run(const QStringList &arguments) const {
        Result result;
        QTextStream out(&result.out);
        QTextStream err(&result.err);
        result.code = CommandLine::run(QStringList{u"--db"_s, m_db} + arguments, out, err);
        return result;
    }
    QString path(const QString &name) const { return m_out.filePath(name); }
    QStringList files() const {
        return m_out.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QTemporaryDir> m_outDir;
    QDir m_out;
    QString m_db;
};

void TestExportCommand::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"t.sqlite"_s);
    InputError inputError;
    const auto dataset = NativeJsonFormat::readFile(
        QStringLiteral(CHIPTIMELINE_SOURCE_DIR "/resources/dataset/default.chiptimeline.json"),
        &inputError);
    QVERIFY2(dataset, qPrintable(inputError.toString()));
    StoreError error;
    auto store = TimelineStore::open(m_db, &error);
    QVERIFY2(store, qPrintable(error.message));
    ImportSummary summary;
    QVERIFY(store->importDataset(*dataset, ImportPolicy::Skip, &summary, &error));
}

void TestExportCommand::init() {
    m_outDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_outDir->isValid());
    m_out = QDir(m_outDir->path());
}

void TestExportCommand::unknownNoteAndDateLabelValuesAreUsageErrors() {
    Result r = run({u"export"_s, u"--out"_s, path(u"t.png"_s), u"--notes"_s, u"long"_s});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err, u"chiptimeline: --notes: 'long' is not one of full, short, none\n"_s);
    r = run({u"export"_s, u"--out"_s, path(u"t.png"_s), u"--date-labels"_s, u"maybe"_s});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err, u"chiptimeline: --date-labels: 'maybe' is not on or off\n"_s);
    r = run({u"export"_s, u"--out"_s, path(u"t.png"_s), u"--dpi"_s, u"5"_s});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err, u"chiptimeline: --dpi: '5' is not a resolution from 72 to 1200\n"_s);
    QCOMPARE(files(), QStringList());
}

void TestExportCommand::png() {
    const Result r = run({u"export"_s, u"--out"_s, path(u"t.png"_s), u"--size"_s, u"slide"_s,
                          u"--from"_s, u"2025-01"_s, u"--to"_s, u"2025-12"_s});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, u"wrote %1\n"_s.arg(path(u"t.png"_s)));
    QImage image;
    QVERIFY(image.load(path(u"t.png"_s)));
    // The default scale is the dialog's: 2 pixels per unit (192 dpi) for slides.
    QCOMPARE(image.size(), QSize(3840, 2160));
    QCOMPARE(image.dotsPerMeterX(), 7559);
    QCOMPARE(files(), QStringList{u"t.png"_s});

    const Result scaled = run({u"export"_s, u"--out"_s, path(u"t2.png"_s), u"--size"_s,
                               u"1600x900"_s, u"--scale"_s, u"2"_s, u"--no-notes"_s});
    QCOMPARE(scaled.code, 0);
    QVERIFY(image.load(path(u"t2.png"_s)));
    QCOMPARE(image.size(), QSize(3200, 1800));
}

void TestExportCommand::svgWithOptions() {
    // --format wins over the extension.
    const QString file = path(u"figure.image"_s);
    const Result r =
        run({u"export"_s, u"--out"_s, file, u"--format"_s, u"svg"_s, u"--theme"_s, u"print"_s,
             u"--lanes"_s, u"actor"_s, u"--title"_s, u"Export controls on AI chips"_s,
             u"--subtitle"_s, u"Events and their sources"_s});
    // Many actor lanes and all the notes do not fit a slide: the figure grows, and says so.
    QVERIFY2(r.err.startsWith(u"chiptimeline: %1: "_s.arg(file)) &&
                 r.err.contains(u"units tall instead of 1080, to keep every source note"_s),
             qPrintable(r.err));
    QCOMPARE(r.code, 0);
    QXmlStreamReader xml(readAll(file));
    QStringList texts;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"text"_s)
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(texts.contains(u"Export controls on AI chips"_s));
    QVERIFY(texts.contains(u"Events and their sources"_s));
    QVERIFY(texts.contains(u"Nvidia"_s)); // an actor lane
    QVERIFY(texts.contains(u"[1]"_s));
}

void TestExportCommand::germanFigureShowsGermanTitles() {
    const QString db = m_out.filePath(u"bilingual.sqlite"_s);
    {
        Dataset dataset;
        Category category{0, u"us-export-control"_s, u"US export controls"_s, QColor(u"#c0392b"_s),
                          1};
        category.labelTranslations.insert(u"de"_s, u"US-Exportkontrollen"_s);
        dataset.categories << category;
        Event translated;
        translated.uid = u"e1"_s;
        translated.title = u"US restricts H20 exports"_s;
        translated.start = PartialDate::fromYmd(2025, 4, 15);
        translated.category = category.name;
        translated.translations.insert(u"de"_s, {u"USA beschränken H20-Exporte"_s, {}});
        Event untranslated = translated;
        untranslated.uid = u"e2"_s;
        untranslated.title = u"Nvidia reports earnings"_s;
        untranslated.start = PartialDate::fromYmd(2025, 8, 27);
        untranslated.translations.clear();
        dataset.events = {translated, untranslated};
        StoreError error;
        auto store = TimelineStore::open(db, &error);
        QVERIFY2(store, qPrintable(error.message));
        ImportSummary summary;
        QVERIFY(store->importDataset(dataset, ImportPolicy::Skip, &summary, &error));
    }
    const auto svgTexts = [&](const QString &language) {
        const QString file = path(language + u".svg"_s);
        QString output;
        QTextStream out(&output);
        QString errors;
        QTextStream err(&errors);
        const int code = CommandLine::run({u"--db"_s, db, u"export"_s, u"--out"_s, file,
                                           u"--lang"_s, language, u"--size"_s, u"a4"_s},
                                          out, err);
        QXmlStreamReader xml(readAll(file));
        QStringList texts;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"text"_s)
                texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
        }
        return std::pair{code, texts.join(u'\n')};
    };
    const auto [germanCode, german] = svgTexts(u"de"_s);
    QCOMPARE(germanCode, 0);
    QVERIFY2(german.contains(u"USA beschränken H20-Exporte"_s), qPrintable(german));
    QVERIFY(!german.contains(u"US restricts H20 exports"_s));
    QVERIFY(german.contains(u"Nvidia reports earnings"_s)); // no translation: the original
    QVERIFY(german.contains(u"US-Exportkontrollen"_s));
    const auto [englishCode, english] = svgTexts(u"en"_s);
    QCOMPARE(englishCode, 0);
    QVERIFY(english.contains(u"US restricts H20 exports"_s));
    QVERIFY(!english.contains(u"USA beschränken H20-Exporte"_s));
    QVERIFY(english.contains(u"US export controls"_s));
}

void TestExportCommand::pdfOfARange() {
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    const QString file = path(u"range.pdf"_s);
    const Result r = run({u"export"_s, u"--out"_s, file, u"--size"_s, u"a4"_s, u"--from"_s,
                          u"2025-04"_s, u"--to"_s, u"2025-09"_s});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.code, 0);
    QProcess process;
    process.start(pdftotext, {file, u"-"_s});
    QVERIFY(process.waitForFinished(60000));
    const QString text = QString::fromUtf8(process.readAllStandardOutput())
                             .normalized(QString::NormalizationForm_KC);
    QVERIFY2(text.contains(u"2025"_s), qPrintable(text));
    QVERIFY2(text.contains(u"[1]"_s), qPrintable(text));
    QVERIFY2(text.contains(u"https://"_s), qPrintable(text));
    // Only the events of the range: none from 2022.
    QVERIFY2(!text.contains(u"A100/H100"_s), qPrintable(text));
}

void TestExportCommand::filtersNarrowTheFigure() {
    const QString file = path(u"industry.svg"_s);
    const Result r =
        run({u"export"_s, u"--out"_s, file, u"--category"_s, u"model-release"_s, u"--no-notes"_s});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.code, 0);
    const QString svg = QString::fromUtf8(readAll(file));
    QVERIFY(svg.contains(u"Model releases"_s));
    QVERIFY(!svg.contains(u"US export controls"_s));
    QVERIFY(!svg.contains(u"[1]"_s));
}

void TestExportCommand::errors_data() {
    QTest::addColumn<QStringList>("arguments"); // after "export"; %1 is the output folder
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("no out") << QStringList{} << 2
                            << u"chiptimeline: export: --out FILE is required\n"_s;
    QTest::newRow("unknown format")
        << QStringList{u"--out"_s, u"%1/x.png"_s, u"--format"_s, u"gif"_s} << 2
        << u"chiptimeline: export: unknown --format 'gif' (use png, svg or pdf)\n"_s;
    QTest::newRow("unknown extension")
        << QStringList{u"--out"_s, u"%1/x.bmp"_s} << 2
        << u"chiptimeline: %1/x.bmp: unknown image format 'bmp' (use png, svg or pdf, or "
           "--format)\n"_s;
    QTest::newRow("size") << QStringList{u"--out"_s, u"%1/x.png"_s, u"--size"_s, u"huge"_s} << 2
                          << u"chiptimeline: --size: the size 'huge' is not WxH, slide, a4, "
                             "a4-portrait, letter or letter-portrait\n"_s;
    QTest::newRow("scale") << QStringList{u"--out"_s, u"%1/x.png"_s, u"--scale"_s, u"8"_s} << 2
                           << u"chiptimeline: --scale: '8' is not 1, 2, 3 or 4\n"_s;
    QTest::newRow("theme")
        << QStringList{u"--out"_s, u"%1/x.png"_s, u"--theme"_s, u"sepia"_s} << 2
        << u"chiptimeline: --theme: 'sepia' is not one of light, dark, print\n"_s;
    QTest::newRow("lanes") << QStringList{u"--out"_s, u"%1/x.png"_s, u"--lanes"_s, u"tag"_s} << 2
                           << u"chiptimeline: --lanes: 'tag' is not one of category, actor, chip, "
                              "none\n"_s;
    QTest::newRow("from after to")
        << QStringList{u"--out"_s,   u"%1/x.png"_s, u"--from"_s,
                       u"2025-06"_s, u"--to"_s,     u"2025-01"_s}
        << 2 << u"chiptimeline: --from 2025-06 is after --to 2025-01\n"_s;
    QTest::newRow("bad date") << QStringList{u"--out"_s, u"%1/x.png"_s, u"--from"_s, u"2025-13"_s}
                              << 2 << QString();
    QTest::newRow("missing folder")
        << QStringList{u"--out"_s, u"%1/missing/x.png"_s} << 1
        << u"chiptimeline: %1/missing/x.png: the folder %1/missing does not exist\n"_s;
    QTest::newRow("empty range")
        << QStringList{u"--out"_s,   u"%1/x.svg"_s, u"--from"_s,
                       u"2030-01"_s, u"--to"_s,     u"2030-12"_s}
        << 1 << u"chiptimeline: %1/x.svg: no events between 2030-01 and 2030-12\n"_s;
    QTest::newRow("nothing matches")
        << QStringList{u"--out"_s,  u"%1/x.pdf"_s,   u"--actor"_s,
                       u"nvidia"_s, u"--category"_s, u"model-release"_s}
        << 1
        << u"chiptimeline: %1/x.pdf: no events match --category model-release --actor nvidia\n"_s;
    QTest::newRow("no such actor")
        << QStringList{u"--out"_s, u"%1/x.pdf"_s, u"--actor"_s, u"Nobody"_s} << 1
        << u"chiptimeline: --actor 'Nobody' matches no actor; closest: Nvidia, AMD, MOFCOM\n"_s;
}

void TestExportCommand::errors() {
    QFETCH(QStringList, arguments);
    QFETCH(int, code);
    QFETCH(QString, message);
    for (QString &argument : arguments)
        argument.replace(u"%1"_s, m_out.path());
    const Result r = run(QStringList{u"export"_s} + arguments);
    QCOMPARE(r.code, code);
    if (!message.isEmpty())
        QCOMPARE(r.err, message.replace(u"%1"_s, m_out.path()));
    else
        QVERIFY(r.err.startsWith(u"chiptimeline: --from: "_s));
    QCOMPARE(r.err.count(u'\n'), 1); // one line
    QCOMPARE(r.out, QString());
    QCOMPARE(files(), QStringList());
}

void TestExportCommand::failureKeepsExistingFile() {
    const QString file = path(u"old.png"_s);
    {
        QFile old(file);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("earlier figure");
    }
    const Result r = run({u"export"_s, u"--out"_s, file, u"--from"_s, u"2031"_s});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err, u"chiptimeline: %1: no events on or after 2031\n"_s.arg(file));
    QCOMPARE(readAll(file), QByteArray("earlier figure"));
    QCOMPARE(files(), QStringList{u"old.png"_s});
}

void TestExportCommand::exportOptionsBelongToExport() {
    const Result r = run({u"list"_s, u"--size"_s, u"slide"_s});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err, u"chiptimeline: list: the option --size does not apply\n"_s);
    QVERIFY(CommandLine::usage().contains(u"export --out FILE"_s));
    QVERIFY(CommandLine::isHeadless({u"export"_s, u"--out"_s, u"x.png"_s}));
}

QTEST_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
