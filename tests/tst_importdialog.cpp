#include "MessageBoxTestUtil.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"
#include "ui/widgets/ImportDialog.h"
#include "ui/widgets/MainWindow.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

class TestImportDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void previewShowsCountsPerFileAndInTotal();
    void switchingPolicyUpdatesCounts();
    void malformedFileShowsItsLineAndDisablesImport();
    void importWritesWhatThePreviewSaid();
    void cancelWritesNothing();
    void cancelWhileReadingWritesNothing();
    void stopWhileWritingWritesNothing_data();
    void stopWhileWritingWritesNothing();
    void escapeWhileWritingAsks_data();
    void escapeWhileWritingAsks();
    void closingTheWindowWhileWritingAsks_data();
    void closingTheWindowWhileWritingAsks();
    void nameFiltersCoverEveryReadableFormat();

private:
    std::unique_ptr<TimelineStore> openStore();
    QString writeFile(const QString &name, const QByteArray &bytes);
    // Two events and one source the default dataset lacks, one event and one source it has.
    QString writeMixedFile(const TimelineStore &store);
    // 12,000 new events in one file: written in several parts.
    QString writeLargeFile(const QString &name);
    static QString count(const ImportDialog &dialog, const QString &name);
    static QStringList counts(const ImportDialog &dialog);

    QTemporaryDir m_dir;
    int m_stores = 0;
};

void TestImportDialog::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(u"chiptimeline-test"_s);
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<TimelineStore> TestImportDialog::openStore() {
    StoreError error;
    auto store = TimelineStore::open(m_dir.filePath(u"s%1.sqlite"_s.arg(++m_stores)), &error);
    if (!store)
        return nullptr;
    InputError inputError;
    const auto dataset = NativeJsonFormat::readFile(
        QStringLiteral(CHIPTIMELINE_SOURCE_DIR "/resources/dataset/default.chiptimeline.json"),
        &inputError);
    if (!dataset || !store->importDataset(*dataset, ImportPolicy::Skip, nullptr, &error))
        return nullptr;
    return store;
}

QString TestImportDialog::writeFile(const QString &name, const QByteArray &bytes) {
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QString TestImportDialog::writeMixedFile(const TimelineStore &store) {
    Dataset dataset;
    dataset.title = u"Mixed"_s;
    Event known = store.events().constFirst();
    known.id = 0;
    known.title += u" (revised)"_s;
    known.citations.clear();
    Event first;
    first.uid = u"8a0c9a1e-0000-4000-8000-000000000001"_s;
    first.title = u"Export licence granted for H20 shipments"_s;
    first.start = PartialDate::fromYmd(2025, 9, 3);
    Event second;
    second.uid = u"8a0c9a1e-0000-4000-8000-000000000002"_s;
    second.title = u"Ministry guidance on domestic accelerators"_s;
    second.start = PartialDate::fromYmd(2025, 10, 14);
    dataset.events = {first, known, second};
    Source knownSource = store.sources().constFirst();
    knownSource.id = 0;
    Source newSource;
    newSource.uid = u"8a0c9a1e-0000-4000-8000-000000000003"_s;
    newSource.title = u"Licences for H20 resume"_s;
    newSource.outlet = u"Example Wire"_s;
    newSource.url = u"https://example.org/h20-licences"_s;
    newSource.published = PartialDate::fromYmd(2025, 9, 4);
    dataset.sources = {knownSource, newSource};
    return writeFile(u"mixed.chiptimeline.json"_s, NativeJsonFormat::write(dataset));
}

QString TestImportDialog::count(const ImportDialog &dialog, const QString &name) {
    const auto *label = dialog.findChild<QLabel *>(name);
    return label ? label->text() : u"(no label %1)"_s.arg(name);
}

QStringList TestImportDialog::counts(const ImportDialog &dialog) {
    QStringList texts;
    for (const QString &name : {u"eventsNew"_s, u"eventsUpdated"_s, u"eventsSkipped"_s,
                                u"sourcesNew"_s, u"sourcesUpdated"_s, u"sourcesSkipped"_s})
        texts << count(dialog, name);
    return texts;
}

void TestImportDialog::previewShowsCountsPerFileAndInTotal() {
    auto store = openStore();
    QVERIFY(store);
    const QString path = writeMixedFile(*store);
    QVERIFY(!path.isEmpty());

    ImportDialog dialog(*store);
    auto *importButton = dialog.findChild<QPushButton *>(u"importButton"_s);
    QVERIFY(importButton);
    QVERIFY(!importButton->isEnabled());
    QSignalSpy ready(&dialog, &ImportDialog::previewReady);
    dialog.setFiles({path});
    QVERIFY(dialog.isBusy());
    QVERIFY(!importButton->isEnabled()); // not before the preview is there
    QTRY_COMPARE(ready.count(), 1);
    QVERIFY(!dialog.isBusy());

    QCOMPARE(counts(dialog), (QStringList{u"2"_s, u"0"_s, u"1"_s, u"1"_s, u"0"_s, u"1"_s}));
    const auto *files = dialog.findChild<QTreeWidget *>(u"fileList"_s);
    QVERIFY(files);
    QCOMPARE(files->topLevelItemCount(), 1);
    const QTreeWidgetItem *row = files->topLevelItem(0);
    QCOMPARE(row->text(0), u"mixed.chiptimeline.json"_s);
    QCOMPARE(row->text(1), u"ChipTimeline JSON"_s);
    QCOMPARE(row->text(2), u"2 new · 1 skipped"_s);
    QCOMPARE(row->text(3), u"1 new · 1 skipped"_s);
    QVERIFY(dialog.problems().isEmpty());
    QVERIFY(importButton->isEnabled());
}

void TestImportDialog::switchingPolicyUpdatesCounts() {
    auto store = openStore();
    QVERIFY(store);
    const QString path = writeMixedFile(*store);
    ImportDialog dialog(*store);
    QSignalSpy ready(&dialog, &ImportDialog::previewReady);
    dialog.setFiles({path});
    QTRY_COMPARE(ready.count(), 1);

    dialog.setPolicy(ImportPolicy::Update);
    QTRY_COMPARE(ready.count(), 2);
    QCOMPARE(counts(dialog), (QStringList{u"2"_s, u"1"_s, u"0"_s, u"1"_s, u"1"_s, u"0"_s}));
    QCOMPARE(dialog.findChild<QTreeWidget *>(u"fileList"_s)->topLevelItem(0)->text(2),
             u"2 new · 1 updated"_s);

    // The policy combo itself re-runs the preview, as a researcher would change it.
    auto *policy = dialog.findChild<QComboBox *>(u"policyCombo"_s);
    QVERIFY(policy);
    policy->setCurrentIndex(policy->findData(int(ImportPolicy::KeepBoth)));
    QTRY_COMPARE(ready.count(), 3);
    QCOMPARE(counts(dialog), (QStringList{u"3"_s, u"0"_s, u"0"_s, u"2"_s, u"0"_s, u"0"_s}));
    QCOMPARE(dialog.previewSummary()->eventsAdded, 3);
}

void TestImportDialog::malformedFileShowsItsLineAndDisablesImport() {
    auto store = openStore();
    QVERIFY(store);
    const Dataset before = store->dataset();
    const QString good = writeMixedFile(*store);
    const QString bad =
        writeFile(u"bad.csv"_s, "title,start\nLicence rule,2025-01-13\n,2025-02-03\n");
    ImportDialog dialog(*store);
    QSignalSpy ready(&dialog, &ImportDialog::previewReady);
    dialog.setFiles({good, bad});
    QTRY_COMPARE(ready.count(), 1);

    const QString message = u"bad.csv:3: column title: must not be empty"_s;
    QCOMPARE(dialog.problems(), QStringList{message});
    const auto *problems = dialog.findChild<QLabel *>(u"problems"_s);
    QVERIFY(problems);
    QCOMPARE(problems->text(), message);
    QVERIFY(!problems->isHidden());
    const auto *files = dialog.findChild<QTreeWidget *>(u"fileList"_s);
    QCOMPARE(files->topLevelItem(1)->text(1), u"Events CSV"_s);
    QCOMPARE(files->topLevelItem(1)->text(2), u"Cannot be read"_s);
    QCOMPARE(files->topLevelItem(0)->text(2), u"2 new · 1 skipped"_s);
    // All or nothing: no totals, no Import, nothing written.
    QCOMPARE(counts(dialog), QStringList(6, u"—"_s));
    QVERIFY(!dialog.canImport());
    QVERIFY(!dialog.findChild<QPushButton *>(u"importButton"_s)->isEnabled());
    QVERIFY(!dialog.importFiles());
    QCOMPARE(store->dataset(), before);

    // Without the bad file the rest can go in.
    dialog.setFiles({good});
    QTRY_COMPARE(ready.count(), 2);
    QVERIFY(dialog.problems().isEmpty());
    QVERIFY(problems->isHidden());
    QVERIFY(dialog.canImport());
}

void TestImportDialog::importWritesWhatThePreviewSaid() {
    auto store = openStore();
    QVERIFY(store);
    const int eventsBefore = store->eventCount();
    const int sourcesBefore = store->sourceCount();
    const QString path = writeMixedFile(*store);
    ImportDialog dialog(*store);
    dialog.setPolicy(ImportPolicy::Update);
    QSignalSpy ready(&dialog, &ImportDialog::previewReady);
    QSignalSpy imported(&dialog, &ImportDialog::imported);
    dialog.setFiles({path});
    QTRY_COMPARE(ready.count(), 1);
    const std::optional<ImportSummary> preview = dialog.previewSummary();
    QVERIFY(preview);

    QSignalSpy progress(&dialog, &ImportDialog::writeProgress);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"importButton"_s), Qt::LeftButton);
    QCOMPARE(imported.count(), 1);
    // One slice of three events, then the end.
    QCOMPARE(progress.count(), 2);
    QCOMPARE(progress.at(0), (QVariantList{qsizetype(0), qsizetype(3)}));
    QCOMPARE(progress.at(1), (QVariantList{qsizetype(3), qsizetype(3)}));
    const ImportSummary summary = imported.constFirst().constFirst().value<ImportSummary>();
    QCOMPARE(summary, *preview);
    QCOMPARE(dialog.importedSummary(), preview);
    QCOMPARE(store->eventCount(), eventsBefore + 2);
    QCOMPARE(store->sourceCount(), sourcesBefore + 1);
    QCOMPARE(store->eventByUid(u"8a0c9a1e-0000-4000-8000-000000000001"_s)->title,
             u"Export licence granted for H20 shipments"_s);
    QVERIFY(store->eventByUid(store->events().constFirst().uid));
    QCOMPARE(dialog.findChild<QLabel *>(u"result"_s)->text(),
             u"Imported: 2 events added, 1 updated, 0 skipped; "
             "1 sources added, 1 updated, 0 skipped."_s);
    QVERIFY(!dialog.canImport()); // once only
    QVERIFY(!dialog.importFiles());
    QCOMPARE(store->eventCount(), eventsBefore + 2);
    // Closing now reports the import, so the window reloads.
    dialog.reject();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestImportDialog::cancelWritesNothing() {
    auto store = openStore();
    QVERIFY(store);
    const Dataset before = store->dataset();
    ImportDialog dialog(*store);
    QSignalSpy ready(&dialog, &ImportDialog::previewReady);
    dialog.setFiles({writeMixedFile(*store)});
    QTRY_COMPARE(ready.count(), 1);
    QVERIFY(dialog.canImport());
    dialog.reject();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.importedSummary());
    QCOMPARE(store->dataset(), before);
}

void TestImportDialog::cancelWhileReadingWritesNothing() {
    auto store = openStore();
    QVERIFY(store);
    const Dataset before = store->dataset();
    const QString path = writeMixedFile(*store);
    {
        ImportDialog dialog(*store);
        QSignalSpy ready(&dialog, &ImportDialog::previewReady);
        dialog.setFiles({path, path + u".missing"_s});
        QVERIFY(dialog.isBusy());
        dialog.reject();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.importFiles());
    } // destroyed with its reader perhaps still running: the result is dropped
    QCOMPARE(store->dataset(), before);
}

void TestImportDialog::stopWhileWritingWritesNothing_data() {
    QTest::addColumn<int>("files");
    // One file is read again and written in parts by FileImport; two are written together
    // from memory, in slices.
    QTest::newRow("one file") << 1;
    QTest::newRow("two files") << 2;
}

void TestImportDialog::stopWhileWritingWritesNothing() {
    QFETCH(int, files);
    auto store = openStore();
    QVERIFY(store);
    const Dataset before = store->dataset();
    Dataset large;
    for (int e = 0; e < 12000; ++e) {
        Event event;
        event.uid = u"5a0c9a1e-0000-4000-8000-%1"_s.arg(e, 12, 10, QChar(u'0'));
        event.title = u"Licence decision %1"_s.arg(e);
        event.start = PartialDate::fromYmd(2020 + e % 6, 1 + e % 12, 1 + e % 28);
        large.events << event;
    }
    QStringList paths;
    if (files == 1) {
        paths << writeFile(u"large.chiptimeline.json"_s, NativeJsonFormat::write(large));
    } else {
        Dataset half;
        half.events = large.events.mid(0, 6000);
        paths << writeFile(u"first.chiptimeline.json"_s, NativeJsonFormat::write(half));
        half.events = large.events.mid(6000);
        paths << writeFile(u"second.chiptimeline.json"_s, NativeJsonFormat::write(half));
    }
    ImportDialog dialog(*store);
    QSignalSpy ready(&dialog, &ImportDialog::previewReady);
    dialog.setFiles(paths);
    QTRY_COMPARE(ready.count(), 1);
    QVERIFY(dialog.canImport());

    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    const QString cancelText = cancel->text();
    auto *bar = dialog.findChild<QProgressBar *>(u"progress"_s);
    QList<qsizetype> steps;
    QString labelWhileWriting;
    bool stopAsked = false;
    // Each step is shown before the next slice is written: Stop, pressed at the second
    // step, is seen at the third.
    connect(&dialog, &ImportDialog::writeProgress, &dialog, [&](qsizetype done, qsizetype total) {
        steps << done;
        QCOMPARE(total, qsizetype(12000));
        QCOMPARE(bar->maximum(), 12000);
        QCOMPARE(bar->value(), int(done));
        if (done == 5000 && !stopAsked) {
            stopAsked = true;
            labelWhileWriting = cancel->text();
            QVERIFY(cancel->isEnabled());
            QVERIFY(!dialog.findChild<QComboBox *>()->isEnabled());
            QTest::mouseClick(cancel, Qt::LeftButton);
        }
    });
    QVERIFY(!dialog.importFiles());
    QCOMPARE(steps, (QList<qsizetype>{0, 5000}));
    QCOMPARE(labelWhileWriting, u"&Stop"_s);
    QCOMPARE(dialog.findChild<QLabel *>(u"result"_s)->text(),
             u"The import was stopped; nothing of it was written."_s);
    QCOMPARE(store->dataset(), before);
    QVERIFY(!dialog.importedSummary());
    // The dialog is as before the import: Cancel again, and Import can be pressed again.
    QCOMPARE(cancel->text(), cancelText);
    QVERIFY(cancel->isEnabled());
    QVERIFY(dialog.canImport());
    steps.clear();
    QVERIFY(dialog.importFiles());
    QCOMPARE(steps, (QList<qsizetype>{0, 5000, 7000, 9000, 11000, 12000}));
    QCOMPARE(store->eventCount(), before.events.size() + 12000);
}

QString TestImportDialog::writeLargeFile(const QString &name) {
    Dataset large;
    for (int e = 0; e < 12000; ++e) {
        Event event;
        event.uid = u"5a0c9a1e-0000-4000-8000-%1"_s.arg(e, 12, 10, QChar(u'0'));
        event.title = u"Licence decision %1"_s.arg(e);
        event.start = PartialDate::fromYmd(2020 + e % 6, 1 + e % 12, 1 + e % 28);
        large.events << event;
    }
    return writeFile(name, NativeJsonFormat::write(large));
}

void TestImportDialog::escapeWhileWritingAsks_data() {
    QTest::addColumn<bool>("stop");
    QTest::newRow("continue importing") << false;
    QTest::newRow("stop the import") << true;
}

void TestImportDialog::escapeWhileWritingAsks() {
    QFETCH(bool, stop);
    auto store = openStore();
    QVERIFY(store);
    const qsizetype before = store->eventCount();
    ImportDialog dialog(*store);
    QSignalSpy ready(&dialog, &ImportDialog::previewReady);
    dialog.setFiles({writeLargeFile(u"escape.chiptimeline.json"_s)});
    QTRY_COMPARE(ready.count(), 1);
    dialog.show();
    std::shared_ptr<SeenBox> seen;
    connect(&dialog, &ImportDialog::writeProgress, &dialog, [&](qsizetype done) {
        if (done == 5000 && !seen) {
            QVERIFY(dialog.isWriting());
            seen = answerNextBox(stop ? u"&Stop Import"_s : u"&Continue Importing"_s);
            QTest::keyClick(&dialog, Qt::Key_Escape);
        }
    });
    QCOMPARE(dialog.importFiles(), !stop);
    QVERIFY(seen && seen->shown);
    QCOMPARE(seen->title, u"Stop the import?"_s);
    QCOMPARE(seen->text, u"An import is being written. Stop it? Nothing of it is kept."_s);
    QCOMPARE(seen->buttons, (QStringList{u"&Continue Importing"_s, u"&Stop Import"_s}));
    QCoreApplication::processEvents(); // the dialog closes once the import has stopped
    QCOMPARE(dialog.isVisible(), !stop);
    QCOMPARE(store->eventCount(), stop ? before : before + 12000);
}

void TestImportDialog::closingTheWindowWhileWritingAsks_data() {
    QTest::addColumn<bool>("stop");
    QTest::newRow("continue importing") << false;
    QTest::newRow("stop and close") << true;
}

void TestImportDialog::closingTheWindowWhileWritingAsks() {
    QFETCH(bool, stop);
    const QString file = writeLargeFile(u"closing.chiptimeline.json"_s);
    auto store = openStore();
    QVERIFY(store);
    const qsizetype before = store->eventCount();
    MainWindow window(std::move(store));
    window.show();
    std::shared_ptr<SeenBox> seen;
    bool closedWhileWriting = true;
    // Inside the import dialog's exec(): import as soon as the preview is ready, and close
    // the window (as the session ending does) while the second part is written.
    QTimer::singleShot(0, qApp, [&] {
        auto *dialog = qobject_cast<ImportDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        connect(dialog, &ImportDialog::writeProgress, dialog, [&](qsizetype done) {
            if (done == 5000 && !seen) {
                seen = answerNextBox(stop ? u"&Stop Import"_s : u"&Continue Importing"_s);
                closedWhileWriting = window.close();
            }
        });
        // Stopped, the dialog closes itself; after a finished import the user closes it.
        const auto import = [dialog, stop] {
            dialog->importFiles();
            if (!stop)
                dialog->reject();
        };
        if (dialog->canImport())
            import();
        else
            connect(dialog, &ImportDialog::previewReady, dialog, import, Qt::SingleShotConnection);
    });
    window.importFiles({file});
    QVERIFY(seen && seen->shown);
    QCOMPARE(seen->text, u"An import is being written. Stop it? Nothing of it is kept."_s);
    QVERIFY(!closedWhileWriting); // not at once: the import stops first
    QCOMPARE(window.isVisible(), !stop);
    QCOMPARE(window.store().eventCount(), stop ? before : before + 12000);
    QVERIFY(!window.findChild<ImportDialog *>());
}

void TestImportDialog::nameFiltersCoverEveryReadableFormat() {
    const QStringList filters = ImportDialog::nameFilters();
    for (const QString &expected :
         {u"ChipTimeline (*.chiptimeline.json *.json)"_s, u"CSV (*.csv)"_s,
          u"TimelineJS (*.json *.csv)"_s, u"Timeline (*.timeline)"_s, u"iCalendar (*.ics)"_s,
          u"CSL-JSON (*.json)"_s, u"RIS (*.ris)"_s, u"BibTeX (*.bib)"_s, u"Article text (*.txt)"_s})
        QVERIFY2(filters.contains(expected), qPrintable(expected));
    auto store = openStore();
    QVERIFY(store);
    ImportDialog dialog(*store);
    const auto *combo = dialog.findChild<QComboBox *>(u"formatCombo"_s);
    QVERIFY(combo);
    // Auto-detect and each format `import --format` names (timelinejs is an alias).
    QCOMPARE(combo->count(), 11);
    QCOMPARE(combo->itemText(0), u"Auto-detect"_s);
    for (int i = 1; i < combo->count(); ++i)
        QVERIFY(DatasetFormats::readNames().contains(
            DatasetFormats::name(DatasetFormat(combo->itemData(i).toInt()))));
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
