// File → Export Image… offscreen: the figure options a researcher sets in the dialog reach the
// request and the figure (note style, date labels, attribution line, the Auto scale), and the
// summary under the preview says what the file will be.

#include "BundledDatasetTestUtil.h"
#include "model/TimelineDataQuery.h"
#include "model/store/TimelineStore.h"
#include "ui/widgets/ExportImageDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestExportImageDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void optionsReachTheFigure();

private:
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

QTEST_MAIN(TestExportImageDialog)
#include "tst_exportimagedialog.moc"
