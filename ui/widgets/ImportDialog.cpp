#include "ui/widgets/ImportDialog.h"

#include "model/DatasetSlices.h"
#include "model/FileImport.h"
#include "model/ImportControl.h"
#include "model/ImportPreview.h"
#include "model/store/TimelineStore.h"
#include "ui/widgets/Confirmations.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEventLoop>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSettings>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace {

enum Column { FileColumn, FormatColumn, EventsColumn, SourcesColumn };

const QList<DatasetFormat> &readableFormats() {
    static const QList<DatasetFormat> formats = {
        DatasetFormat::Native,        DatasetFormat::EventCsv,     DatasetFormat::TimelineJsJson,
        DatasetFormat::TimelineJsCsv, DatasetFormat::TimelineProj, DatasetFormat::ICalendar,
        DatasetFormat::CslJson,       DatasetFormat::Ris,          DatasetFormat::BibTex,
        DatasetFormat::ArticleText,
    };
    return formats;
}

// "2 new · 1 updated": what a file would do to one kind of record, zeros left out.
QString countsText(int added, int updated, int skipped) {
    QStringList parts;
    if (added)
        parts << ImportDialog::tr("%1 new").arg(added);
    if (updated)
        parts << ImportDialog::tr("%1 updated").arg(updated);
    if (skipped)
        parts << ImportDialog::tr("%1 skipped").arg(skipped);
    return parts.isEmpty() ? u"—"_s : parts.join(u" · "_s);
}

QColor problemColor(const QPalette &palette) {
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0xff, 0x8a, 0x80)
                                                             : QColor(0xb0, 0x1c, 0x1c);
}

// The one-liner with the file's name instead of its whole path: the list stays readable.
QString shortMessage(const InputError &error) {
    InputError shown = error;
    shown.file = QFileInfo(error.file).fileName();
    return shown.toString();
}

QLabel *makeCountLabel(const QString &objectName, QWidget *parent) {
    auto *label = new QLabel(u"—"_s, parent);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    label->setMinimumWidth(label->fontMetrics().horizontalAdvance(u"00000"_s));
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    label->setFont(font);
    return label;
}

} // namespace

ImportDialog::ImportDialog(TimelineStore &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store) {
    setObjectName(u"ImportDialog"_s);
    setWindowTitle(tr("Import"));
    setAcceptDrops(true);

    m_watcher = new QFutureWatcher<Analysis>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &ImportDialog::analysisFinished);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);

    // Files, each with its format and what it would do.
    auto *filesHeading = new QLabel(tr("<b>Files</b>"), this);
    layout->addWidget(filesHeading);
    m_fileList = new QTreeWidget(this);
    m_fileList->setObjectName(u"fileList"_s);
    m_fileList->setRootIsDecorated(false);
    m_fileList->setUniformRowHeights(true);
    m_fileList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_fileList->setHeaderLabels({tr("File"), tr("Format"), tr("Events"), tr("Sources")});
    m_fileList->header()->setStretchLastSection(false);
    m_fileList->header()->setSectionResizeMode(FileColumn, QHeaderView::Stretch);
    for (int column : {FormatColumn, EventsColumn, SourcesColumn})
        m_fileList->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_fileList->setMinimumHeight(110);
    layout->addWidget(m_fileList, 1);

    auto *fileButtons = new QHBoxLayout;
    m_addButton = new QPushButton(tr("&Add Files…"), this);
    m_addButton->setAutoDefault(false);
    m_removeButton = new QPushButton(tr("&Remove"), this);
    m_removeButton->setAutoDefault(false);
    m_removeButton->setEnabled(false);
    fileButtons->addWidget(m_addButton);
    fileButtons->addWidget(m_removeButton);
    fileButtons->addStretch(1);
    layout->addLayout(fileButtons);
    connect(m_addButton, &QPushButton::clicked, this, [this] { addFiles(chooseFiles(this)); });
    connect(m_removeButton, &QPushButton::clicked, this, &ImportDialog::removeSelectedFiles);
    connect(m_fileList, &QTreeWidget::itemSelectionChanged, this, [this] {
        m_removeButton->setEnabled(!m_imported && !m_fileList->selectedItems().isEmpty());
    });

    // How to read and how to merge.
    auto *options = new QFormLayout;
    options->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_formatCombo = new QComboBox(this);
    m_formatCombo->setObjectName(u"formatCombo"_s);
    m_formatCombo->addItem(tr("Auto-detect"), int(DatasetFormat::Auto));
    for (DatasetFormat format : readableFormats())
        m_formatCombo->addItem(formatLabel(format), int(format));
    options->addRow(tr("&Format:"), m_formatCombo);
    m_policyCombo = new QComboBox(this);
    m_policyCombo->setObjectName(u"policyCombo"_s);
    m_policyCombo->addItem(tr("Skip — keep the database's version"), int(ImportPolicy::Skip));
    m_policyCombo->addItem(tr("Update — take the file's version"), int(ImportPolicy::Update));
    m_policyCombo->addItem(tr("Keep both — add the file's as a new record"),
                           int(ImportPolicy::KeepBoth));
    options->addRow(tr("&Already in the database:"), m_policyCombo);
    layout->addLayout(options);
    connect(m_formatCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_cache.clear(); // another format reads every file anew
        startAnalysis();
    });
    connect(m_policyCombo, &QComboBox::currentIndexChanged, this, &ImportDialog::startAnalysis);

    // What everything together would do, in numbers that can be read at a glance.
    auto *preview = new QGroupBox(tr("What the import will do"), this);
    preview->setObjectName(u"preview"_s);
    auto *grid = new QGridLayout(preview);
    grid->setHorizontalSpacing(24);
    grid->setVerticalSpacing(6);
    const QStringList columns = {tr("New"), tr("Updated"), tr("Skipped")};
    for (int c = 0; c < columns.size(); ++c) {
        auto *heading = new QLabel(columns.at(c), preview);
        heading->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        heading->setForegroundRole(QPalette::PlaceholderText);
        grid->addWidget(heading, 0, c + 1);
    }
    const QStringList rows = {tr("Events"), tr("Sources")};
    const QStringList keys = {u"events"_s, u"sources"_s};
    const QStringList columnKeys = {u"New"_s, u"Updated"_s, u"Skipped"_s};
    for (int r = 0; r < rows.size(); ++r) {
        grid->addWidget(new QLabel(rows.at(r), preview), r + 1, 0);
        for (int c = 0; c < columnKeys.size(); ++c) {
            QLabel *count = makeCountLabel(keys.at(r) + columnKeys.at(c), preview);
            m_counts << count;
            grid->addWidget(count, r + 1, c + 1);
        }
    }
    grid->setColumnStretch(4, 1);
    m_categoriesNote = new QLabel(preview);
    m_categoriesNote->setObjectName(u"categoriesNote"_s);
    m_categoriesNote->setForegroundRole(QPalette::PlaceholderText);
    grid->addWidget(m_categoriesNote, 3, 0, 1, 5);
    layout->addWidget(preview);

    // Files that cannot be read, one line each, naming file and line.
    m_problems = new QLabel(this);
    m_problems->setObjectName(u"problems"_s);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette problemPalette = m_problems->palette();
    problemPalette.setColor(QPalette::WindowText, problemColor(palette()));
    m_problems->setPalette(problemPalette);
    m_problems->hide();
    layout->addWidget(m_problems);

    m_result = new QLabel(this);
    m_result->setObjectName(u"result"_s);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();
    layout->addWidget(m_result);

    // Progress while reading, otherwise what will happen when Import is pressed.
    auto *statusRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"progress"_s);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_status->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_status, 1);
    layout->addLayout(statusRow);
    // Progress of the current run only: the watcher forgets the one it watched before.
    connect(m_watcher, &QFutureWatcherBase::progressRangeChanged, m_progress,
            &QProgressBar::setRange);
    connect(m_watcher, &QFutureWatcherBase::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(m_watcher, &QFutureWatcherBase::progressTextChanged, m_status, &QLabel::setText);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_importButton = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(u"importButton"_s);
    m_importButton->setDefault(true);
    m_importButton->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { importFiles(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_writing)
            stopWriting(); // the button says Stop
        else
            reject();
    });
    layout->addWidget(m_buttons);

    resize(760, 540);
    updateView();
}

ImportDialog::~ImportDialog() {
    // A reader still busy with a large file finishes on its own; its result is dropped.
    m_watcher->cancel();
}

bool ImportDialog::run(TimelineStore &store, const QStringList &files, QWidget *parent) {
    const QStringList chosen = files.isEmpty() ? chooseFiles(parent) : files;
    if (chosen.isEmpty())
        return false;
    ImportDialog dialog(store, parent);
    dialog.setFiles(chosen);
    dialog.exec();
    return dialog.importedSummary().has_value();
}

QStringList ImportDialog::nameFilters() {
    return {
        tr("All importable files (*.json *.csv *.timeline *.ics *.ris *.bib *.txt)"),
        tr("ChipTimeline (*.chiptimeline.json *.json)"),
        tr("CSV (*.csv)"),
        tr("TimelineJS (*.json *.csv)"),
        tr("Timeline (*.timeline)"),
        tr("iCalendar (*.ics)"),
        tr("CSL-JSON (*.json)"),
        tr("RIS (*.ris)"),
        tr("BibTeX (*.bib)"),
        tr("Article text (*.txt)"),
        tr("All files (*)"),
    };
}

QStringList ImportDialog::chooseFiles(QWidget *parent) {
    QSettings settings;
    const QString directory = settings.value(u"import/directory"_s).toString();
    const QStringList files = QFileDialog::getOpenFileNames(parent, tr("Import Files"), directory,
                                                            nameFilters().join(u";;"_s));
    if (!files.isEmpty())
        settings.setValue(u"import/directory"_s, QFileInfo(files.constFirst()).absolutePath());
    return files;
}

QString ImportDialog::formatLabel(DatasetFormat format) {
    switch (format) {
    case DatasetFormat::Auto:
        return tr("Auto-detect");
    case DatasetFormat::Native:
        return tr("ChipTimeline JSON");
    case DatasetFormat::EventCsv:
        return tr("Events CSV");
    case DatasetFormat::TimelineJsJson:
        return tr("TimelineJS JSON");
    case DatasetFormat::TimelineJsCsv:
        return tr("TimelineJS sheet (CSV)");
    case DatasetFormat::TimelineProj:
        return tr("Timeline (.timeline)");
    case DatasetFormat::ICalendar:
        return tr("iCalendar");
    case DatasetFormat::CslJson:
        return tr("CSL-JSON");
    case DatasetFormat::Ris:
        return tr("RIS");
    case DatasetFormat::BibTex:
        return tr("BibTeX");
    case DatasetFormat::BibLaTex:
        return tr("BibLaTeX");
    case DatasetFormat::ArticleText:
        return tr("Article text");
    }
    return {};
}

void ImportDialog::setFiles(const QStringList &files) {
    m_files.clear();
    addFiles(files);
}

void ImportDialog::addFiles(const QStringList &files) {
    if (m_imported)
        return;
    for (const QString &file : files)
        if (!file.isEmpty() && !m_files.contains(file))
            m_files << file;
    startAnalysis();
}

void ImportDialog::removeSelectedFiles() {
    for (QTreeWidgetItem *item : m_fileList->selectedItems())
        m_files.removeAll(item->data(FileColumn, Qt::UserRole).toString());
    startAnalysis();
}

void ImportDialog::setFormat(DatasetFormat format) {
    m_formatCombo->setCurrentIndex(std::max(0, m_formatCombo->findData(int(format))));
}

DatasetFormat ImportDialog::format() const {
    return DatasetFormat(m_formatCombo->currentData().toInt());
}

void ImportDialog::setPolicy(ImportPolicy policy) {
    m_policyCombo->setCurrentIndex(std::max(0, m_policyCombo->findData(int(policy))));
}

ImportPolicy ImportDialog::policy() const {
    return ImportPolicy(m_policyCombo->currentData().toInt());
}

bool ImportDialog::canImport() const {
    if (m_busy || m_imported || !m_analysis || m_analysis->anyFailed || m_store.isReadOnly())
        return false;
    const ImportSummary &total = m_analysis->total;
    return total.eventsAdded + total.eventsUpdated + total.sourcesAdded + total.sourcesUpdated +
               total.categoriesAdded >
           0;
}

std::optional<ImportSummary> ImportDialog::previewSummary() const {
    if (m_busy || !m_analysis || m_analysis->anyFailed)
        return std::nullopt;
    return m_analysis->total;
}

QStringList ImportDialog::problems() const {
    QStringList lines;
    if (m_analysis)
        for (const FileResult &file : m_analysis->files)
            if (!file.readable())
                lines << shortMessage(file.error);
    return lines;
}

void ImportDialog::analyse(QPromise<Analysis> &promise, QList<FileResult> files,
                           DatasetFormat format, ImportPolicy policy,
                           std::shared_ptr<const Existing> existing) {
    const int count = int(files.size());
    // Steps are files: one file has no steps to show, so the bar just says it is busy. Values
    // start at 1, as QPromise reports only values above the last one (0 at the start).
    promise.setProgressRange(0, count == 1 ? 0 : count + 2);
    Analysis analysis;
    if (count == 1) {
        // One file is counted as it is read and not kept (a large native file or sheet in
        // parts, in little memory), then read again by FileImport when Import is pressed.
        FileResult &file = files[0];
        promise.setProgressValueAndText(1, tr("Reading %1…").arg(QFileInfo(file.path).fileName()));
        ImportPreview::Counter counter(*existing, policy);
        DatasetFormat readAs = format;
        file.streamed = FileImport::previewFile(file.path, format, counter, &readAs, &file.error,
                                                [&promise] { return promise.isCanceled(); });
        if (promise.isCanceled())
            return;
        file.format =
            readAs == DatasetFormat::Auto ? std::nullopt : std::optional<DatasetFormat>(readAs);
        if (file.streamed) {
            file.summary = counter.summary();
            file.events = counter.events();
            analysis.total = file.summary;
        } else {
            analysis.anyFailed = true;
        }
        analysis.files = std::move(files);
        promise.addResult(std::move(analysis));
        return;
    }
    for (int i = 0; i < count; ++i) {
        if (promise.isCanceled())
            return;
        FileResult &file = files[i];
        file.streamed = false;
        if (!file.read) {
            promise.setProgressValueAndText(i + 1, tr("Reading %1 (%2 of %3)…")
                                                       .arg(QFileInfo(file.path).fileName())
                                                       .arg(i + 1)
                                                       .arg(count));
            QFile input(file.path);
            if (!input.open(QIODevice::ReadOnly)) {
                file.error = {file.path, 0, 0, {}, u"cannot open: %1"_s.arg(input.errorString())};
            } else {
                const QByteArray content = input.readAll();
                file.format = format == DatasetFormat::Auto
                                  ? DatasetFormats::detect(file.path, content)
                                  : std::optional<DatasetFormat>(format);
                file.dataset = DatasetFormats::read(content, file.path, format, &file.error);
            }
            file.read = true;
        }
        if (!file.dataset) {
            analysis.anyFailed = true;
            continue;
        }
        file.summary = ImportPreview::preview(*existing, *file.dataset, policy);
        // Together, as the command line's import combines them: one transaction for all.
        Dataset &combined = analysis.combined;
        if (combined.title.isEmpty())
            combined.title = file.dataset->title;
        combined.categories += file.dataset->categories;
        combined.sources += file.dataset->sources;
        combined.events += file.dataset->events;
        combined.savedViews += file.dataset->savedViews;
    }
    if (promise.isCanceled())
        return;
    promise.setProgressValueAndText(count + 1, tr("Comparing with the database…"));
    if (!analysis.anyFailed)
        analysis.total = ImportPreview::preview(*existing, analysis.combined, policy);
    analysis.files = std::move(files);
    promise.addResult(std::move(analysis));
    promise.setProgressValue(count + 2);
}

void ImportDialog::startAnalysis() {
    if (m_imported)
        return;
    m_watcher->cancel();
    m_analysis.reset();
    m_busy = false;
    if (m_files.isEmpty()) {
        updateView();
        emit previewReady();
        return;
    }
    if (!m_existing) {
        // Loaded here: the store's connection belongs to this thread.
        m_existing = std::make_shared<const Existing>(Existing::read(m_store));
    }
    QList<FileResult> files;
    for (const QString &path : std::as_const(m_files)) {
        FileResult file = m_cache.value(path);
        file.path = path;
        files << file;
    }
    m_busy = true;
    m_progress->setRange(0, 0);
    m_status->setText(tr("Reading…"));
    m_watcher->setFuture(
        QtConcurrent::run(&ImportDialog::analyse, files, format(), policy(), m_existing));
    updateView();
}

void ImportDialog::analysisFinished() {
    const QFuture<Analysis> future = m_watcher->future();
    if (future.isCanceled() || future.resultCount() == 0)
        return; // superseded by a newer run, or the dialog is closing
    m_busy = false;
    m_analysis = future.result();
    for (const FileResult &file : std::as_const(m_analysis->files))
        m_cache.insert(file.path, file);
    updateView();
    emit previewReady();
}

void ImportDialog::updateView() {
    const QColor problem = problemColor(palette());
    const QSignalBlocker blocker(m_fileList);
    m_fileList->clear();
    for (const QString &path : std::as_const(m_files)) {
        auto *item = new QTreeWidgetItem(m_fileList);
        item->setText(FileColumn, QFileInfo(path).fileName());
        item->setToolTip(FileColumn, path);
        item->setData(FileColumn, Qt::UserRole, path);
        const FileResult *result = nullptr;
        if (m_analysis)
            for (const FileResult &file : std::as_const(m_analysis->files))
                if (file.path == path)
                    result = &file;
        if (!result) {
            item->setText(FormatColumn, tr("Reading…"));
            item->setForeground(FormatColumn, palette().color(QPalette::PlaceholderText));
            continue;
        }
        item->setText(FormatColumn, result->format ? formatLabel(*result->format) : tr("Unknown"));
        if (!result->readable()) {
            item->setText(EventsColumn, tr("Cannot be read"));
            item->setForeground(EventsColumn, problem);
            item->setToolTip(EventsColumn, result->error.toString());
            item->setForeground(FileColumn, problem);
            continue;
        }
        const ImportSummary &s = result->summary;
        item->setText(EventsColumn, countsText(s.eventsAdded, s.eventsUpdated, s.eventsSkipped));
        item->setText(SourcesColumn,
                      countsText(s.sourcesAdded, s.sourcesUpdated, s.sourcesSkipped));
    }
    m_removeButton->setEnabled(!m_imported && !m_fileList->selectedItems().isEmpty());
    const bool editable = !m_imported;
    m_addButton->setEnabled(editable);
    m_formatCombo->setEnabled(editable);
    m_policyCombo->setEnabled(editable);

    const std::optional<ImportSummary> total = m_imported ? m_imported : previewSummary();
    const QList<int> values =
        total ? QList<int>{total->eventsAdded,  total->eventsUpdated,  total->eventsSkipped,
                           total->sourcesAdded, total->sourcesUpdated, total->sourcesSkipped}
              : QList<int>{};
    for (int i = 0; i < m_counts.size(); ++i) {
        QLabel *label = m_counts.at(i);
        label->setText(values.isEmpty() ? u"—"_s : QString::number(values.at(i)));
        QFont font = label->font();
        font.setBold(!values.isEmpty() && values.at(i) > 0 && i % 3 != 2);
        label->setFont(font);
    }
    m_categoriesNote->setText(total && total->categoriesAdded > 0
                                  ? tr("New categories: %1").arg(total->categoriesAdded)
                                  : QString());
    m_categoriesNote->setVisible(!m_categoriesNote->text().isEmpty());

    const QStringList lines = problems();
    m_problems->setText(lines.join(u'\n'));
    m_problems->setVisible(!lines.isEmpty());

    m_progress->setVisible(m_busy);
    if (!m_busy) {
        QString status;
        if (m_imported)
            status.clear();
        else if (m_files.isEmpty())
            status = tr("Add the files to import, or drop them here.");
        else if (m_analysis && m_analysis->anyFailed)
            status = tr("Nothing is imported while a file cannot be read: fix it or remove it "
                        "from the list.");
        else if (m_store.isReadOnly())
            status = tr("The database is read-only: %1").arg(m_store.readOnlyReason());
        else if (m_analysis && !canImport())
            status = tr("Nothing to import: the database already holds all of it.");
        else
            status = tr("Nothing is written until you press Import; then all of it is, or "
                        "none.");
        m_status->setText(status);
    }
    m_status->setVisible(!m_status->text().isEmpty());
    m_importButton->setEnabled(canImport());
    m_importButton->setVisible(!m_imported);
}

void ImportDialog::setResultText(const QString &text, bool error) {
    QPalette resultPalette = palette();
    if (error)
        resultPalette.setColor(QPalette::WindowText, problemColor(palette()));
    m_result->setPalette(resultPalette);
    QFont font = m_result->font();
    font.setBold(true);
    m_result->setFont(font);
    m_result->setText(text);
    m_result->setVisible(!text.isEmpty());
}

bool ImportDialog::importFiles() {
    if (!canImport())
        return false;
    // One file is read again, as the command line reads it (FileImport: a large native file
    // or sheet in parts, in little memory); several were read whole and are written together.
    const std::optional<QString> single =
        m_analysis->files.size() == 1 && m_analysis->files.constFirst().streamed
            ? std::optional<QString>(m_analysis->files.constFirst().path)
            : std::nullopt;
    const qsizetype total =
        single ? m_analysis->files.constFirst().events : m_analysis->combined.events.size();
    const DatasetFormat chosenFormat = format();
    const ImportPolicy chosen = policy();
    // Writes on whichever thread runs it, with `control` (may be null) told of each part.
    const auto write = [single, chosenFormat, chosen, combined = &m_analysis->combined](
                           TimelineStore &store, const ImportControl *control,
                           ImportSummary *summary, QString *message) {
        if (single)
            return FileImport::importFile(store, *single, chosenFormat, chosen, summary, message,
                                          {}, control);
        const FileImport::PartSizes sizes; // as a file read in parts
        DatasetSlices slices(*combined, sizes.first, sizes.later, control);
        StoreError error;
        const bool ok = store.importParts(slices, chosen, summary, &error);
        if (!ok)
            *message = error.message;
        return ok;
    };
    ImportSummary summary;
    QString message;
    bool ok = false;
    bool stopped = false;
    const QString path = m_store.path();
    if (path.isEmpty() || path == u":memory:"_s) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        ok = write(m_store, nullptr, &summary, &message);
        QApplication::restoreOverrideCursor();
    } else {
        // The write runs on a worker thread with its own connection to the same file (one
        // transaction, as always), a part of the events at a time: the windows keep painting,
        // the bar counts the events written, and the Stop button (Cancel's place) stops the
        // import between two parts, which undoes all of it. The rest of the dialog waits.
        struct Outcome {
            bool ok = false;
            ImportSummary summary;
            QString message;
        };
        // Each step is shown before the next part is written (the worker waits for it), so
        // a Stop pressed on the way is seen at the next part.
        auto control = std::make_shared<ImportControl>([this, total](qsizetype done) {
            QMetaObject::invokeMethod(
                this, [this, done, total] { showWriteProgress(done, total); },
                Qt::BlockingQueuedConnection);
        });
        m_writing = control;
        QFutureWatcher<Outcome> writing;
        QEventLoop waiting;
        connect(&writing, &QFutureWatcherBase::finished, &waiting, &QEventLoop::quit);
        m_status->setText(tr("Importing…"));
        m_status->show();
        m_progress->setRange(0, 0);
        m_progress->show();
        m_importButton->setEnabled(false);
        for (QWidget *input : std::initializer_list<QWidget *>{
                 m_fileList, m_addButton, m_removeButton, m_formatCombo, m_policyCombo})
            input->setEnabled(false);
        QPushButton *stop = m_buttons->button(QDialogButtonBox::Cancel);
        const QString cancelText = stop->text();
        stop->setText(tr("&Stop"));
        stop->setToolTip(tr("Stop the import: nothing of it is kept"));
        QApplication::setOverrideCursor(Qt::BusyCursor);
        writing.setFuture(QtConcurrent::run([path, control, write] {
            Outcome outcome;
            StoreError error;
            if (const auto store = TimelineStore::open(path, &error))
                outcome.ok = write(*store, control.get(), &outcome.summary, &outcome.message);
            else
                outcome.message = error.message;
            return outcome;
        }));
        if (!writing.isFinished())
            waiting.exec();
        QApplication::restoreOverrideCursor();
        m_writing.reset();
        stop->setText(cancelText);
        stop->setToolTip({});
        stop->setEnabled(true);
        m_fileList->setEnabled(true);
        m_progress->hide();
        const Outcome outcome = writing.result();
        ok = outcome.ok;
        summary = outcome.summary;
        message = outcome.message;
        stopped = !ok && control->stopped();
    }
    if (m_closeWhenStopped) // once what follows has shown the outcome
        QMetaObject::invokeMethod(this, &ImportDialog::reject, Qt::QueuedConnection);
    if (stopped) {
        setResultText(tr("The import was stopped; nothing of it was written."), true);
        updateView();
        return false;
    }
    if (!ok) {
        setResultText(tr("Nothing was imported: %1").arg(message), true);
        m_existing.reset();
        return false;
    }
    m_imported = summary;
    setResultText(tr("Imported: %1 events added, %2 updated, %3 skipped; "
                     "%4 sources added, %5 updated, %6 skipped.")
                      .arg(summary.eventsAdded)
                      .arg(summary.eventsUpdated)
                      .arg(summary.eventsSkipped)
                      .arg(summary.sourcesAdded)
                      .arg(summary.sourcesUpdated)
                      .arg(summary.sourcesSkipped),
                  false);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    findChild<QGroupBox *>(u"preview"_s)->setTitle(tr("What the import did"));
    updateView();
    emit imported(summary);
    return true;
}

void ImportDialog::showWriteProgress(qsizetype done, qsizetype total) {
    if (!m_writing)
        return;
    m_progress->setRange(0, int(total));
    m_progress->setValue(int(done));
    m_status->setText(m_writing->stopped()
                          ? tr("Stopping…")
                          : tr("Importing: %L1 of %L2 events written…").arg(done).arg(total));
    emit writeProgress(done, total);
}

void ImportDialog::stopWriting() {
    // The dialog stays until the import is undone.
    m_writing->stop();
    m_status->setText(tr("Stopping…"));
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(false);
}

void ImportDialog::stopAndClose() {
    if (!m_writing)
        return reject();
    m_closeWhenStopped = true;
    stopWriting();
}

void ImportDialog::reject() {
    if (m_writing) {
        if (m_writing && Confirmations::stopImport(this))
            stopAndClose();
        return;
    }
    m_watcher->cancel();
    // Closing after an import reports it, so the window reloads.
    if (m_imported)
        QDialog::accept();
    else
        QDialog::reject();
}

void ImportDialog::dragEnterEvent(QDragEnterEvent *event) {
    if (!m_imported && !m_writing && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ImportDialog::dropEvent(QDropEvent *event) {
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            files << url.toLocalFile();
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    addFiles(files);
}
