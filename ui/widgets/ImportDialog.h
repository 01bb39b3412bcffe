#pragma once

#include "model/Dataset.h"
#include "model/ImportPolicy.h"
#include "model/ImportPreview.h"
#include "model/InputError.h"
#include "model/formats/DatasetFormats.h"

#include <QDialog>
#include <QHash>
#include <QStringList>

#include <memory>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class ImportControl;
class TimelineStore;
template <typename T>
class QFutureWatcher;
template <typename T>
class QPromise;

// File → Import… and files dropped on the window: reads the chosen files off the GUI thread,
// shows per file what it holds and what importing it would do (new, updated, skipped, for
// the chosen merge policy) and every file that cannot be read, and only then writes, in one
// transaction, everything or nothing.
class ImportDialog : public QDialog {
    Q_OBJECT

public:
    explicit ImportDialog(TimelineStore &store, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // Opens the file chooser first when `files` is empty. True when something was imported,
    // so the caller reloads what it shows.
    static bool run(TimelineStore &store, const QStringList &files, QWidget *parent);
    [[nodiscard]] static QStringList chooseFiles(QWidget *parent);
    // The file chooser's name filters: every readable format.
    [[nodiscard]] static QStringList nameFilters();
    [[nodiscard]] static QString formatLabel(DatasetFormat format);

    void setFiles(const QStringList &files);
    void addFiles(const QStringList &files);
    [[nodiscard]] QStringList files() const { return m_files; }
    void setFormat(DatasetFormat format);
    [[nodiscard]] DatasetFormat format() const;
    void setPolicy(ImportPolicy policy);
    [[nodiscard]] ImportPolicy policy() const;

    // Reading or comparing is under way.
    [[nodiscard]] bool isBusy() const { return m_busy; }
    // Import is writing (the window asks before it closes).
    [[nodiscard]] bool isWriting() const { return bool(m_writing); }
    // Stops the import being written (nothing of it is kept) and closes the dialog once it
    // has stopped.
    void stopAndClose();
    [[nodiscard]] bool canImport() const;
    // What importing every file together would do; empty while reading or when a file fails.
    [[nodiscard]] std::optional<ImportSummary> previewSummary() const;
    // The one-line messages of the files that cannot be read.
    [[nodiscard]] QStringList problems() const;
    // What the import did, once it ran.
    [[nodiscard]] std::optional<ImportSummary> importedSummary() const { return m_imported; }

    // Writes the files' contents in one transaction; false (and nothing written) on failure.
    bool importFiles();

public slots:
    // Escape and the close button; while writing, they ask before stopping the import
    // (the Stop button stops it at once).
    void reject() override;

signals:
    // The preview for the current files, format and policy is shown.
    void previewReady();
    void imported(const ImportSummary &summary);
    // While Import writes: events written so far, and in all (shown in the progress bar).
    void writeProgress(qsizetype done, qsizetype total);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct FileResult {
        QString path;
        bool read = false;
        std::optional<DatasetFormat> format; // as detected or chosen
        std::optional<Dataset> dataset;      // kept when several files are imported together
        bool streamed = false;               // one file, counted as it was read and not kept
        qsizetype events = 0;                // streamed: how many it holds (the bar's total)
        InputError error;
        ImportSummary summary; // this file alone against the database

        [[nodiscard]] bool readable() const { return dataset || streamed; }
    };
    struct Analysis {
        QList<FileResult> files;
        Dataset combined;
        ImportSummary total;
        bool anyFailed = false;
    };
    using Existing = ImportPreview::Existing;

    static void analyse(QPromise<Analysis> &promise, QList<FileResult> files, DatasetFormat format,
                        ImportPolicy policy, std::shared_ptr<const Existing> existing);
    void startAnalysis();
    void analysisFinished();
    void updateView();
    void removeSelectedFiles();
    void setResultText(const QString &text, bool error);
    void showWriteProgress(qsizetype done, qsizetype total);
    void stopWriting();

    TimelineStore &m_store;
    QStringList m_files;
    QHash<QString, FileResult> m_cache; // files already read with the current format
    std::shared_ptr<const Existing> m_existing;
    std::optional<Analysis> m_analysis;
    std::optional<ImportSummary> m_imported;
    bool m_busy = false;
    std::shared_ptr<ImportControl> m_writing; // while Import writes
    bool m_closeWhenStopped = false;

    QFutureWatcher<Analysis> *m_watcher = nullptr;
    QTreeWidget *m_fileList = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QComboBox *m_formatCombo = nullptr;
    QComboBox *m_policyCombo = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QList<QLabel *> m_counts; // events new/updated/skipped, then sources
    QLabel *m_categoriesNote = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_result = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_importButton = nullptr;
};
