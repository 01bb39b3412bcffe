// File → Export Image… offscreen: the figure options a researcher sets in the dialog reach the
// request and the figure (note style, date labels, attribution line, the Auto scale), and the
// summary under the preview says what the file will be.

#include "BundledDatasetTestUtil.h"
#include "MessageBoxTestUtil.h"
#include "model/TimelineDataQuery.h"
#include "model/store/TimelineStore.h"
#include "ui/render/FigureProvenance.h"
#include "ui/widgets/AppSettings.h"
#include "ui/widgets/ExportImageDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

class TestExportImageDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void optionsReachTheFigure();
    void startsFromThePreferences();
    void asksBeforeReplacingATypedFile();
    void fileDialogAsksInsteadOfTheExport();
    void chainOfTheSelectedEvent();
    void recordsTheRevision();

private:
    // A small PNG export to `path`, typed into the file field.
    void prepareSmallPng(ExportImageDialog &dialog, const QString &path);
    static QByteArray contents(const QString &path);

    QTemporaryDir m_dir;
    std::unique_ptr<TimelineStore> m_store;
    TimelineData m_data;
};

void TestExportImageDialog::initTestCase() {
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(u"ChipTimelineTest"_s);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
    m_store = openBundledDataset(m_dir.filePath(u"t.sqlite"_s));
    QVERIFY(m_store);
    m_data = TimelineDataQuery::load(*m_store);
}

void TestExportImageDialog::optionsReachTheFigure() {
    const TimeScale view(double(QDate(2025, 4, 1).toJulianDay()), 153, 1200);
    ExportImageDialog dialog(*m_store, m_data, view);
    dialog.resize(1200, 760);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    // The defaults: full notes, no date labels, the attribution line, the Auto scale.
    ExportRequest r = dialog.request();
    QCOMPARE(r.figure.noteStyle, FigureOptions::NoteStyle::Full);
    QCOMPARE(r.figure.dateLabels, false);
    QCOMPARE(r.figure.footer, true);
    QCOMPARE(r.scale, 0);
    const auto spin = dialog.findChildren<QSpinBox *>();
    const auto scale = std::find_if(spin.cbegin(), spin.cend(), [](QSpinBox *s) {
        return s->specialValueText() == u"Auto (300 dpi for paper)"_s;
    });
    QVERIFY(scale != spin.cend());
    QCOMPARE((*scale)->text(), u"Auto (300 dpi for paper)"_s);

    // Short notes, dates before the labels, no attribution line.
    QComboBox *notes = nullptr;
    for (QComboBox *box : dialog.findChildren<QComboBox *>()) {
        if (box->count() == 3 && box->itemText(2) == u"None"_s)
            notes = box;
    }
    QVERIFY(notes);
    notes->setCurrentIndex(1);
    for (QCheckBox *box : dialog.findChildren<QCheckBox *>()) {
        if (box->text().contains(u"Date before"_s))
            box->setChecked(true);
        if (box->text().contains(u"Attribution"_s))
            box->setChecked(false);
    }
    r = dialog.request();
    QCOMPARE(r.figure.noteStyle, FigureOptions::NoteStyle::Short);
    QCOMPARE(r.figure.dateLabels, true);
    QCOMPARE(r.figure.footer, false);
    QString error;
    const auto figure = dialog.figure(&error);
    QVERIFY2(figure, qPrintable(error));
    QVERIFY(!figure->notes().isEmpty());
    for (const TimelineFigure::Note &note : figure->notes())
        QVERIFY2(!note.text.contains(u"https://"_s), qPrintable(note.text)); // short: no address
    bool dated = false;
    for (const PlacedEvent &e : figure->timeline().events())
        dated = dated || e.text.startsWith(u"11 Aug 2025 \u2014 "_s);
    QVERIFY(dated);
    for (const TimelineFigure::TextBox &box : figure->textBoxes(0))
        QVERIFY(box.text != figure->attribution());

    // Slide, PNG, Auto: 2× pixels at 192 dpi, said under the preview.
    const auto summaryShowsPixels = [&dialog] {
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        return std::any_of(labels.cbegin(), labels.cend(), [](QLabel *l) {
            return l->text().startsWith(u"3840 \u00d7 "_s) &&
                   l->text().contains(u"pixels, 192 dpi"_s);
        });
    };
    QTRY_VERIFY(summaryShowsPixels());
    if (const QByteArray dir = qgetenv("CHIPTIMELINE_SCREENSHOT_DIR"); !dir.isEmpty())
        dialog.grab().save(QString::fromLocal8Bit(dir) + u"/export-image-dialog.png"_s);
}

void TestExportImageDialog::startsFromThePreferences() {
    // The last export used the slide, light and full notes; Preferences say otherwise.
    QSettings settings;
    settings.setValue(u"exportImage/preset"_s, 0);
    settings.setValue(u"exportImage/theme"_s, 0);
    settings.setValue(u"exportImage/noteStyle"_s, 0);
    AppSettings::Preferences preferences;
    preferences.exportSize = ExportRequest::Preset::A4Portrait;
    preferences.exportTheme = TimelineTheme::Kind::Print;
    preferences.exportNotes = FigureOptions::NoteStyle::None;
    AppSettings::save(preferences);
    const TimeScale view(double(QDate(2025, 4, 1).toJulianDay()), 153, 1200);
    {
        ExportImageDialog dialog(*m_store, m_data, view);
        const ExportRequest r = dialog.request();
        QCOMPARE(r.preset, ExportRequest::Preset::A4Portrait);
        QCOMPARE(r.figure.theme, TimelineTheme::Kind::Print);
        QCOMPARE(r.figure.noteStyle, FigureOptions::NoteStyle::None);
    }
    AppSettings::save(AppSettings::Preferences{});
    ExportImageDialog dialog(*m_store, m_data, view);
    QCOMPARE(dialog.request().preset, ExportRequest::Preset::Slide);
    QCOMPARE(dialog.request().figure.theme, TimelineTheme::Kind::Light);
    QCOMPARE(dialog.request().figure.noteStyle, FigureOptions::NoteStyle::Full);
}

void TestExportImageDialog::prepareSmallPng(ExportImageDialog &dialog, const QString &path) {
    for (QComboBox *box : dialog.findChildren<QComboBox *>()) {
        if (box->findText(u"Custom pixels"_s) >= 0)
            box->setCurrentIndex(box->findText(u"Custom pixels"_s));
        if (box->findText(u"PNG"_s) >= 0)
            box->setCurrentIndex(box->findText(u"PNG"_s));
    }
    for (QSpinBox *spin : dialog.findChildren<QSpinBox *>()) {
        if (spin->suffix() == u" px"_s)
            spin->setValue(spin->minimum());
        else
            spin->setValue(1); // PNG scale
    }
    dialog.findChild<QLineEdit *>(u"file"_s)->setText(path);
}

QByteArray TestExportImageDialog::contents(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestExportImageDialog::asksBeforeReplacingATypedFile() {
    const QString path = m_dir.filePath(u"typed.png"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("the figure from last week");
    }
    const TimeScale view(double(QDate(2025, 4, 1).toJulianDay()), 153, 1200);
    ExportImageDialog dialog(*m_store, m_data, view);
    prepareSmallPng(dialog, path);
    QCOMPARE(dialog.request().path, path);

    auto seen = answerNextBox(u"Cancel"_s);
    QVERIFY(!dialog.exportImage());
    QVERIFY(seen->shown);
    QCOMPARE(seen->title, u"Replace the file?"_s);
    QCOMPARE(seen->text, u"“typed.png” already exists in "_s + m_dir.path() + u". Replace it?"_s);
    QCOMPARE(seen->buttons, (QStringList{u"&Replace"_s, u"Cancel"_s}));
    QCOMPARE(contents(path), QByteArray("the figure from last week"));

    seen = answerNextBox(u"&Replace"_s);
    QVERIFY(dialog.exportImage());
    QVERIFY(seen->shown);
    QVERIFY(contents(path).startsWith("\x89PNG\r\n\x1a\n"));

    // A file that does not exist yet is written without a question.
    const QString fresh = m_dir.filePath(u"fresh.png"_s);
    dialog.findChild<QLineEdit *>(u"file"_s)->setText(fresh);
    seen = answerNextBox(u"Cancel"_s);
    QVERIFY(dialog.exportImage());
    QCoreApplication::processEvents();
    QVERIFY(!seen->shown);
    QVERIFY(contents(fresh).startsWith("\x89PNG\r\n\x1a\n"));
}

void TestExportImageDialog::fileDialogAsksInsteadOfTheExport() {
    const QString path = m_dir.filePath(u"chosen.png"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("an older figure");
    }
    const TimeScale view(double(QDate(2025, 4, 1).toJulianDay()), 153, 1200);
    ExportImageDialog dialog(*m_store, m_data, view);
    prepareSmallPng(dialog, QString());
    std::shared_ptr<SeenBox> fileDialogAsked;
    // Choose…: the file dialog, where the existing file is picked; it asks itself.
    QTimer::singleShot(0, qApp, [&] {
        auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(files);
        fileDialogAsked = answerNextBox(u"&Yes"_s);
        files->selectFile(path);
        static_cast<QDialog *>(files)->accept(); // QFileDialog::accept, which checks the file
    });
    for (QPushButton *button : dialog.findChildren<QPushButton *>())
        if (button->text() == u"Choose…"_s)
            QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(fileDialogAsked && fileDialogAsked->shown);
    QCOMPARE(fileDialogAsked->text, u"chosen.png already exists.\nDo you want to replace it?"_s);
    QCOMPARE(dialog.request().path, path);
    auto seen = answerNextBox(u"Cancel"_s);
    QVERIFY(dialog.exportImage()); // no second question
    QCoreApplication::processEvents();
    QVERIFY(!seen->shown);
    QVERIFY(contents(path).startsWith("\x89PNG\r\n\x1a\n"));
}

void TestExportImageDialog::chainOfTheSelectedEvent() {
    const TimeScale view(double(QDate(2025, 4, 1).toJulianDay()), 153, 1200);
    ExportImageDialog dialog(*m_store, m_data, view);
    auto *chain = dialog.findChild<QCheckBox *>(u"chain"_s);
    QVERIFY(chain);
    // An event without relations: nothing to offer.
    std::optional<Event> lone;
    for (qsizetype i = 0; i < m_data.size() && !lone; ++i)
        if (const std::optional<Event> event = m_store->event(m_data.id(i));
            event && m_store->relationsOf(event->uid).isEmpty())
            lone = event;
    QVERIFY(lone);
    dialog.setChainEvent(lone->uid, lone->title);
    QVERIFY(!chain->isVisibleTo(&dialog));

    using namespace BundledChain;
    dialog.setChainEvent(april, u"H20 licence requirement in force"_s);
    QVERIFY(chain->isVisibleTo(&dialog));
    QCOMPARE(chain->text(), u"&Only the chain of “H20 licence requirement in force”"_s);
    QVERIFY(!chain->isChecked());
    QVERIFY(dialog.request().figure.chain.isEmpty());
    chain->setChecked(true);
    const ExportRequest r = dialog.request();
    QCOMPARE(r.figure.chain, april);
    QCOMPARE(r.figure.relationArcs.size(), 3);
    QVERIFY(!r.figure.from && !r.figure.to); // all the chain's dates, not the window's view
    QString error;
    const auto figure = dialog.figure(&error);
    QVERIFY2(figure, qPrintable(error));
    QCOMPARE(figure->eventCount(), 4); // April, July, 12 August, Beijing's warning
    QStringList labels;
    for (const TimelineFigure::TextBox &box : figure->textBoxes(0))
        labels << box.text;
    for (const QString &title :
         {u"H20 licence requirement in force"_s, u"US signals H20 licences will be granted"_s,
          u"Beijing discourages H20 purchases"_s})
        QVERIFY2(labels.contains(title), qPrintable(labels.join(u" | "_s)));
    QCOMPARE(figure->options().relationArcs, r.figure.relationArcs); // drawn as arcs
    QVERIFY(!labels.contains(u"AI Diffusion Rule issued"_s));
}

QTEST_MAIN(TestExportImageDialog)
#include "tst_exportimagedialog.moc"

// As the command line's export: the figure's provenance names the store's newest revision,
// or the one the window drew from (View → As Of…), and the timeline's file name.
void TestExportImageDialog::recordsTheRevision() {
    const TimeScale view(double(QDate(2025, 4, 1).toJulianDay()), 153, 1200);
    const qint64 newest = m_store->revisions({}).constLast().number;
    QVERIFY(newest > 1);
    QCOMPARE(m_store->latestRevision(), newest);
    const QString path = m_dir.filePath(u"revision.png"_s);
    {
        ExportImageDialog dialog(*m_store, m_data, view);
        prepareSmallPng(dialog, path);
        dialog.setFilterText(u"category:export-controls"_s);
        QVERIFY(dialog.exportImage());
    }
    QString error;
    std::optional<FigureProvenance> record = FigureProvenance::readFromFile(path, &error);
    QVERIFY2(record, qPrintable(error));
    QCOMPARE(record->revision, newest);
    QCOMPARE(record->database, u"t.sqlite"_s);
    QCOMPARE(record->filter, u"category:export-controls"_s);

    const QString then = m_dir.filePath(u"then.png"_s);
    {
        ExportImageDialog dialog(*m_store, m_data, view);
        prepareSmallPng(dialog, then);
        dialog.setDrawnFrom(u"/somewhere/chips.sqlite"_s, 1);
        QVERIFY(dialog.exportImage());
    }
    record = FigureProvenance::readFromFile(then, &error);
    QVERIFY2(record, qPrintable(error));
    QCOMPARE(record->revision, 1);
    QCOMPARE(record->database, u"chips.sqlite"_s);
}
