#pragma once

#include "model/TimelineData.h"
#include "ui/render/ChainFigure.h"
#include "ui/render/FigureSources.h"
#include "ui/render/ImageExporter.h"
#include "ui/render/TimeScale.h"

#include <QDialog>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class TimelineStore;

// File → Export Image…: the timeline as a PNG, SVG or PDF figure with source notes. A live
// preview (the same TimelineFigure the file gets, rendered small, re-rendered a moment after
// the last change), the options of ExportRequest, export with progress and cancel, and
// "Copy image to clipboard". Size, theme and source notes start from Preferences
// (AppSettings); the other choices are remembered from the last export in QSettings.
// Writing over an existing file asks first, unless the file dialog already did.
class ExportImageDialog : public QDialog {
    Q_OBJECT

public:
    // `current` is what the window shows (its filter applied), `currentView` its visible span.
    ExportImageDialog(TimelineStore &store, const TimelineData &current,
                      const TimeScale &currentView, QWidget *parent = nullptr);
    ~ExportImageDialog() override;

    // What the exported file records of where it came from (FigureProvenance): the filter
    // that selected `current`; the timeline's file name is the store's.
    void setFilterText(const QString &filterText) { m_filterText = filterText; }
    // The timeline and revision `current` was drawn from when not the store's own newest
    // (the window's View → As Of… holds the as-of timeline in a store of its own).
    void setDrawnFrom(const QString &databasePath, qint64 revision) {
        m_drawnFromPath = databasePath;
        m_drawnFromRevision = revision;
    }
    // The window's selected event: the dialog offers a figure of only its chain, with the
    // relations as arcs (as `export --chain`), when it has relations.
    void setChainEvent(const QString &uid, const QString &title);

    // The request the options describe (path and format included).
    [[nodiscard]] ExportRequest request() const;
    // The figure of the current options, as the preview shows it; nullptr with a reason.
    [[nodiscard]] std::shared_ptr<const TimelineFigure> figure(QString *error = nullptr) const;

    // Edit → Copy Image: the current view as a figure with the last export's options
    // (before the first export, Preferences'), on the clipboard. False (and a reason) when there is
    // nothing to copy.
    static bool copyImage(TimelineStore &store, const TimelineData &current,
                          const TimeScale &currentView, QString *error = nullptr);

public slots:
    // Writes the file with a progress dialog; true when written. An existing file the file
    // dialog did not ask about is replaced only when the user agrees.
    bool exportImage();
    void copyToClipboard();

private:
    void buildUi();
    void schedulePreview();
    void updatePreview();
    void updateEnabled();
    void chooseFile();
    void loadSettings();
    void saveSettings() const;
    void resizeEvent(QResizeEvent *event) override;
    // The chain figure when "only the chain" is checked, else nullptr.
    [[nodiscard]] const ChainFigure *chainFigure() const;

    TimelineStore &m_store;
    TimelineData m_data;
    TimeScale m_view;
    FigureSources::Map m_sources;
    QString m_filterText;
    QString m_drawnFromPath;        // empty: the store's
    qint64 m_drawnFromRevision = 0; // 0: the store's newest revision
    QTimer m_previewTimer;

    QComboBox *m_range = nullptr;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_subtitle = nullptr;
    QComboBox *m_size = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
    QSpinBox *m_scale = nullptr;
    QComboBox *m_theme = nullptr;
    QComboBox *m_lanes = nullptr;
    QComboBox *m_notes = nullptr;
    QCheckBox *m_dateLabels = nullptr;
    QCheckBox *m_footer = nullptr;
    QCheckBox *m_chain = nullptr;
    QString m_chainUid;
    std::optional<ChainFigure> m_chainFigure; // read once, when offered
    QComboBox *m_language = nullptr;          // "en" or "de"
    QComboBox *m_format = nullptr;
    QLineEdit *m_file = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_copy = nullptr;
    QImage m_previewImage;
    QString m_confirmedPath; // chosen in the file dialog, which asked before replacing it
};
