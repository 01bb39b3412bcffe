#include "ui/widgets/ExportImageDialog.h"

#include "model/store/TimelineStore.h"
#include "ui/render/FigureLanguage.h"
#include "ui/widgets/AppSettings.h"
#include "ui/widgets/Confirmations.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

const QString settingsGroup = u"exportImage"_s;

enum RangeMode { CurrentView, AllEvents, Dates };

// The size presets in the order of the combo box.
const QList<ExportRequest::Preset> presets = {
    ExportRequest::Preset::Slide,          ExportRequest::Preset::A4Landscape,
    ExportRequest::Preset::A4Portrait,     ExportRequest::Preset::LetterLandscape,
    ExportRequest::Preset::LetterPortrait, ExportRequest::Preset::Custom};

FigureSources::Map sourcesOf(const TimelineStore &store, const TimelineData &data) {
    QList<qint64> ids;
    ids.reserve(data.size());
    for (qsizetype i = 0; i < data.size(); ++i)
        ids << data.id(i);
    return FigureSources::load(store, ids);
}

// The whole days a view shows: day D covers [D, D + 1) on a TimeScale.
std::pair<PartialDate, PartialDate> viewDates(const TimeScale &view) {
    const qint64 first = qint64(std::floor(view.firstDay()));
    const qint64 last = std::max(first, qint64(std::ceil(view.lastDay())) - 1);
    return {PartialDate::fromDate(QDate::fromJulianDay(first)),
            PartialDate::fromDate(QDate::fromJulianDay(last))};
}

// The request the saved settings describe, for the current view (Copy Image).
ExportRequest savedRequest(const TimeScale &view) {
    // Before the first export: where Preferences says an export starts.
    const AppSettings::Preferences preferences = AppSettings::load();
    QSettings settings;
    settings.beginGroup(settingsGroup);
    ExportRequest r;
    r.preset =
        presets.value(settings.value(u"preset"_s, presets.indexOf(preferences.exportSize)).toInt(),
                      preferences.exportSize);
    r.pixels =
        QSize(settings.value(u"width"_s, 1920).toInt(), settings.value(u"height"_s, 1080).toInt());
    r.scale = std::clamp(settings.value(u"scale"_s, 0).toInt(), 0, 4);
    r.figure.title = settings.value(u"title"_s).toString();
    r.figure.subtitle = settings.value(u"subtitle"_s).toString();
    r.figure.theme = TimelineTheme::Kind(
        std::clamp(settings.value(u"theme"_s, int(preferences.exportTheme)).toInt(), 0, 2));
    r.figure.lanes = LaneGrouping(std::clamp(settings.value(u"lanes"_s, 0).toInt(), 0, 3));
    r.figure.noteStyle = FigureOptions::NoteStyle(
        std::clamp(settings.value(u"noteStyle"_s, int(preferences.exportNotes)).toInt(), 0, 2));
    r.figure.dateLabels = settings.value(u"dateLabels"_s, false).toBool();
    r.figure.footer = settings.value(u"footer"_s, true).toBool();
    r.figure.exportDate = QDate::currentDate();
    const auto [from, to] = viewDates(view);
    r.figure.from = from;
    r.figure.to = to;
    r.format = ExportRequest::Format::Png;
    return r;
}

} // namespace

ExportImageDialog::ExportImageDialog(TimelineStore &store, const TimelineData &current,
                                     const TimeScale &currentView, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_data(current)
    , m_view(currentView)
    , m_sources(sourcesOf(store, current)) {
    setWindowTitle(tr("Export Image"));
    buildUi();
    loadSettings();
    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(150);
    connect(&m_previewTimer, &QTimer::timeout, this, &ExportImageDialog::updatePreview);
    updateEnabled();
    schedulePreview();
}

ExportImageDialog::~ExportImageDialog() = default;

void ExportImageDialog::buildUi() {
    auto *form = new QFormLayout;

    m_range = new QComboBox(this);
    m_range->addItems({tr("Current view"), tr("All events"), tr("Dates")});
    m_from = new QLineEdit(this);
    m_from->setPlaceholderText(tr("from YYYY, YYYY-MM or YYYY-MM-DD"));
    m_to = new QLineEdit(this);
    m_to->setPlaceholderText(tr("to"));
    auto *range = new QHBoxLayout;
    range->addWidget(m_range);
    range->addWidget(m_from);
    range->addWidget(m_to);
    // Rows holding a layout get their label by hand: only a label with a buddy shows its
    // mnemonic instead of a literal '&'.
    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    form->addRow(label(tr("&Range:"), m_range), range);

    m_title = new QLineEdit(this);
    m_title->setPlaceholderText(tr("e.g. US export controls on AI chips, 2022–2025"));
    form->addRow(tr("&Title:"), m_title);
    m_subtitle = new QLineEdit(this);
    form->addRow(tr("S&ubtitle:"), m_subtitle);

    m_size = new QComboBox(this);
    m_size->addItems({tr("Slide (1920 × 1080)"), tr("A4 landscape"), tr("A4 portrait"),
                      tr("Letter landscape"), tr("Letter portrait"), tr("Custom pixels")});
    m_width = new QSpinBox(this);
    m_width->setRange(320, 20000);
    m_width->setSuffix(tr(" px"));
    m_height = new QSpinBox(this);
    m_height->setRange(240, 20000);
    m_height->setSuffix(tr(" px"));
    auto *size = new QHBoxLayout;
    size->addWidget(m_size);
    size->addWidget(m_width);
    size->addWidget(new QLabel(u"\u00d7"_s, this));
    size->addWidget(m_height);
    form->addRow(label(tr("Si&ze:"), m_size), size);

    m_scale = new QSpinBox(this);
    m_scale->setRange(0, 4);
    m_scale->setSuffix(u"\u00d7"_s);
    // The command line's default: 300 dpi for paper sizes, 2× for slides and pixel sizes.
    m_scale->setSpecialValueText(tr("Auto (300 dpi for paper)"));
    m_scale->setToolTip(tr("PNG only: device pixels per pixel of the figure"));
    form->addRow(tr("PNG s&cale:"), m_scale);

    m_theme = new QComboBox(this);
    m_theme->addItems({tr("Light"), tr("Dark"), tr("Print (greyscale-safe)")});
    form->addRow(tr("T&heme:"), m_theme);
    m_lanes = new QComboBox(this);
    m_lanes->addItems({tr("By category"), tr("By actor"), tr("By chip"), tr("One lane")});
    form->addRow(tr("&Lanes:"), m_lanes);
    m_notes = new QComboBox(this);
    m_notes->addItems(
        {tr("Full (outlet, title, date, address)"), tr("Short (outlet, title, date)"), tr("None")});
    m_notes->setToolTip(tr("Numbered source notes under the timeline; in PDF and SVG every "
                           "address is a link"));
    form->addRow(label(tr("Source &notes:"), m_notes), m_notes);
    m_dateLabels = new QCheckBox(tr("&Date before each label (“12 Aug 2025 — …”)"), this);
    form->addRow(QString(), m_dateLabels);
    m_footer = new QCheckBox(tr("Attribution &line at the foot"), this);
    form->addRow(QString(), m_footer);
    m_chain = new QCheckBox(this);
    m_chain->setObjectName(u"chain"_s);
    m_chain->setToolTip(tr("The selected event's lineage: the events it answers and that answer "
                           "it, with the relations drawn as arcs and their sources in the notes"));
    m_chain->hide(); // until setChainEvent offers one
    form->addRow(QString(), m_chain);
    // The figure's language, independent of the window's (FigureLanguage).
    m_language = new QComboBox(this);
    m_language->addItem(tr("English"), u"en"_s);
    m_language->addItem(tr("German"), u"de"_s);
    m_language->setCurrentIndex(m_language->findData(FigureLanguage::codeOf({})));
    form->addRow(tr("Lan&guage:"), m_language);

    m_format = new QComboBox(this);
    m_format->addItems({u"PNG"_s, u"SVG"_s, u"PDF"_s});
    form->addRow(tr("&Format:"), m_format);
    m_file = new QLineEdit(this);
    m_file->setObjectName(u"file"_s);
    auto *choose = new QPushButton(tr("Choose…"), this);
    auto *file = new QHBoxLayout;
    file->addWidget(m_file);
    file->addWidget(choose);
    form->addRow(label(tr("F&ile:"), m_file), file);

    m_preview = new QLabel(this);
    m_preview->setMinimumSize(480, 300);
    m_preview->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_preview->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_preview->setAccessibleName(tr("Preview"));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_copy = buttons->addButton(tr("&Copy Image to Clipboard"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);

    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addStretch();
    auto *right = new QVBoxLayout;
    // Both columns start at the top: the summary reads as the preview's caption.
    right->addWidget(m_summary);
    right->addWidget(m_preview, 1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addLayout(right, 1);
    auto *main = new QVBoxLayout(this);
    main->addLayout(columns, 1);
    main->addWidget(buttons);
    resize(1100, 620);

    const auto changed = [this] {
        updateEnabled();
        schedulePreview();
    };
    for (QComboBox *box : {m_range, m_size, m_theme, m_lanes, m_notes, m_format, m_language})
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    for (QLineEdit *edit : {m_from, m_to, m_title, m_subtitle})
        connect(edit, &QLineEdit::textChanged, this, changed);
    for (QSpinBox *spin : {m_width, m_height, m_scale})
        connect(spin, &QSpinBox::valueChanged, this, changed);
    for (QCheckBox *box : {m_dateLabels, m_footer, m_chain})
        connect(box, &QCheckBox::toggled, this, changed);
    // A chain spans its own dates: it starts from all of them, not the window's view.
    connect(m_chain, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_range->setCurrentIndex(AllEvents);
    });
    connect(m_file, &QLineEdit::textChanged, this, &ExportImageDialog::updateEnabled);
    // The extension follows the format, so the two never disagree.
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        const QString path = m_file->text();
        if (path.isEmpty())
            return;
        const QFileInfo info(path);
        const QString suffix = m_format->currentText().toLower();
        if (info.suffix().compare(suffix, Qt::CaseInsensitive) != 0)
            m_file->setText(info.path() + u'/' + info.completeBaseName() + u'.' + suffix);
    });
    connect(choose, &QPushButton::clicked, this, &ExportImageDialog::chooseFile);
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (exportImage())
            accept();
    });
    connect(m_copy, &QPushButton::clicked, this, &ExportImageDialog::copyToClipboard);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

ExportRequest ExportImageDialog::request() const {
    ExportRequest r;
    r.path = m_file->text().trimmed();
    r.format = ExportRequest::Format(m_format->currentIndex() + 1);
    r.preset = presets.value(m_size->currentIndex(), ExportRequest::Preset::Slide);
    r.pixels = QSize(m_width->value(), m_height->value());
    r.scale = m_scale->value();
    r.figure.title = m_title->text();
    r.figure.subtitle = m_subtitle->text();
    r.figure.theme = TimelineTheme::Kind(m_theme->currentIndex());
    r.figure.lanes = LaneGrouping(m_lanes->currentIndex());
    r.figure.noteStyle = FigureOptions::NoteStyle(m_notes->currentIndex());
    r.figure.dateLabels = m_dateLabels->isChecked();
    r.figure.footer = m_footer->isChecked();
    r.figure.language = m_language->currentData().toString();
    r.figure.exportDate = QDate::currentDate();
    r.figure.asOfRevision = m_drawnFromRevision; // View → As Of: the attribution says which
    if (const ChainFigure *chain = chainFigure()) {
        r.figure.chain = m_chainUid;
        r.figure.relationArcs = chain->arcs;
    }
    switch (RangeMode(m_range->currentIndex())) {
    case CurrentView: {
        const auto [from, to] = viewDates(m_view);
        r.figure.from = from;
        r.figure.to = to;
        break;
    }
    case AllEvents:
        break;
    case Dates:
        if (!m_from->text().trimmed().isEmpty())
            r.figure.from = PartialDate::parseIso(m_from->text().trimmed());
        if (!m_to->text().trimmed().isEmpty())
            r.figure.to = PartialDate::parseIso(m_to->text().trimmed());
        break;
    }
    return r;
}

std::shared_ptr<const TimelineFigure> ExportImageDialog::figure(QString *error) const {
    if (RangeMode(m_range->currentIndex()) == Dates) {
        for (QLineEdit *edit : {m_from, m_to}) {
            QString reason;
            const QString text = edit->text().trimmed();
            if (!text.isEmpty() && !PartialDate::parseIso(text, &reason)) {
                if (error)
                    *error = tr("'%1': %2").arg(text, reason);
                return nullptr;
            }
        }
    }
    const ChainFigure *chain = chainFigure();
    return ImageExporter::compose(chain ? chain->data : m_data, chain ? chain->sources : m_sources,
                                  request(), error);
}

void ExportImageDialog::setChainEvent(const QString &uid, const QString &title) {
    m_chainUid = uid;
    m_chainFigure = uid.isEmpty() ? std::nullopt : ChainFigure::of(m_store, uid, m_data);
    const bool offered = m_chainFigure && !m_chainFigure->arcs.isEmpty();
    m_chain->setText(tr("&Only the chain of “%1”").arg(QString(title).replace(u'&', u"&&"_s)));
    m_chain->setVisible(offered);
    if (!offered)
        m_chain->setChecked(false);
}

const ChainFigure *ExportImageDialog::chainFigure() const {
    return m_chain->isChecked() && m_chainFigure ? &*m_chainFigure : nullptr;
}

void ExportImageDialog::updateEnabled() {
    const bool custom = presets.value(m_size->currentIndex()) == ExportRequest::Preset::Custom;
    m_width->setEnabled(custom);
    m_height->setEnabled(custom);
    m_scale->setEnabled(m_format->currentIndex() == 0);
    const bool dates = RangeMode(m_range->currentIndex()) == Dates;
    m_from->setEnabled(dates);
    m_to->setEnabled(dates);
    m_export->setEnabled(!m_file->text().trimmed().isEmpty());
}

void ExportImageDialog::schedulePreview() {
    m_previewTimer.start();
}

void ExportImageDialog::updatePreview() {
    QString error;
    const auto fig = figure(&error);
    m_copy->setEnabled(bool(fig));
    if (!fig) {
        m_previewImage = QImage();
        m_preview->setPixmap(QPixmap());
        m_preview->setText(error);
        m_summary->clear();
        return;
    }
    // The same figure at the preview's size: aspect kept, crisp on high-dpi screens.
    const QSizeF page = fig->pageSize();
    const QSizeF room = QSizeF(m_preview->size()) - QSizeF(8, 8);
    const double scale =
        std::max(0.05, std::min(room.width() / page.width(), room.height() / page.height()));
    const double dpr = devicePixelRatioF();
    m_previewImage = ImageExporter::render(*fig, scale * dpr);
    m_previewImage.setDevicePixelRatio(dpr);
    m_preview->setPixmap(QPixmap::fromImage(m_previewImage));

    const ExportRequest r = request();
    QStringList facts;
    if (r.format == ExportRequest::Format::Png) {
        const double pixels = ImageExporter::pixelScale(r);
        facts << tr("%1 × %2 pixels, %3 dpi")
                     .arg(int(std::ceil(page.width() * pixels)))
                     .arg(int(std::ceil(page.height() * pixels)))
                     .arg(ImageExporter::pngDpi(r));
    } else {
        facts << tr("%1 × %2 mm")
                     .arg(qRound(page.width() * 25.4 / 96))
                     .arg(qRound(page.height() * 25.4 / 96));
    }
    facts << (fig->eventCount() == 1 ? tr("1 event") : tr("%1 events").arg(fig->eventCount()));
    facts << (fig->sourceCount() == 1 ? tr("1 source") : tr("%1 sources").arg(fig->sourceCount()));
    if (fig->pageCount() > 1)
        facts << (fig->pageCount() == 1 ? tr("1 page") : tr("%1 pages").arg(fig->pageCount()));
    QString summary = facts.join(u" \u00b7 "_s);
    if (page.height() > ImageExporter::figureSize(r).height() + 0.5)
        summary += u"\n"_s + tr("Taller than the size asked for, to fit all source notes "
                                "(a PDF keeps the page size and continues them on further pages).");
    if (!fig->foldedSummary().isEmpty())
        summary += u"\n"_s + fig->foldedSummary() + u'.';
    m_summary->setText(summary);
}

void ExportImageDialog::resizeEvent(QResizeEvent *event) {
    QDialog::resizeEvent(event);
    schedulePreview();
}

void ExportImageDialog::chooseFile() {
    const QString filters = tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)");
    QString selected = filters.split(u";;"_s).value(m_format->currentIndex());
    const QString start = m_file->text().isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::PicturesLocation) +
                                    u"/timeline."_s + m_format->currentText().toLower()
                              : m_file->text();
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Image"), start, filters, &selected);
    if (path.isEmpty())
        return;
    m_confirmedPath = QFileInfo(path).absoluteFilePath(); // the file dialog asked
    m_file->setText(path);
    if (const auto format = ImageExporter::formatFromName(QFileInfo(path).suffix()))
        m_format->setCurrentIndex(int(*format) - 1);
}

bool ExportImageDialog::exportImage() {
    ExportRequest r = request();
    // A name typed or remembered, not chosen in the file dialog: nobody has asked yet.
    const QFileInfo target(r.path);
    if (target.exists() && target.absoluteFilePath() != m_confirmedPath &&
        !Confirmations::replaceFile(this, r.path))
        return false;
    r.provenance.emplace();
    r.provenance->database =
        QFileInfo(m_drawnFromPath.isEmpty() ? m_store.path() : m_drawnFromPath).fileName();
    r.provenance->filter = m_filterText;
    // As the command line's export: the revision drawn from, so `reproduce` draws as of it.
    r.provenance->revision = m_drawnFromRevision ? m_drawnFromRevision : m_store.latestRevision();
    QProgressDialog progress(tr("Exporting %1…").arg(QFileInfo(r.path).fileName()), tr("Cancel"), 0,
                             100, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    const auto onProgress = [&progress](int percent) {
        progress.setValue(percent);
        QCoreApplication::processEvents();
        return !progress.wasCanceled();
    };
    QString error;
    const ChainFigure *chain = chainFigure();
    const bool ok = ImageExporter::exportImage(
        chain ? chain->data : m_data, chain ? chain->sources : m_sources, r, &error, onProgress);
    progress.reset();
    if (!ok) {
        if (!progress.wasCanceled())
            QMessageBox::warning(this, tr("Export Image"), error);
        return false;
    }
    saveSettings();
    return true;
}

void ExportImageDialog::copyToClipboard() {
    QString error;
    const auto fig = figure(&error);
    if (!fig) {
        QMessageBox::warning(this, tr("Copy Image"), error);
        return;
    }
    QGuiApplication::clipboard()->setImage(
        ImageExporter::render(*fig, ImageExporter::pixelScale(request())));
    saveSettings();
}

bool ExportImageDialog::copyImage(TimelineStore &store, const TimelineData &current,
                                  const TimeScale &currentView, QString *error) {
    const ExportRequest r = savedRequest(currentView);
    const auto fig = ImageExporter::compose(current, sourcesOf(store, current), r, error);
    if (!fig)
        return false;
    QGuiApplication::clipboard()->setImage(
        ImageExporter::render(*fig, ImageExporter::pixelScale(r)));
    return true;
}

void ExportImageDialog::loadSettings() {
    QSettings settings;
    settings.beginGroup(settingsGroup);
    m_range->setCurrentIndex(std::clamp(settings.value(u"range"_s, 0).toInt(), 0, 2));
    m_from->setText(settings.value(u"from"_s).toString());
    m_to->setText(settings.value(u"to"_s).toString());
    m_title->setText(settings.value(u"title"_s).toString());
    m_subtitle->setText(settings.value(u"subtitle"_s).toString());
    // Size, theme and notes start where Preferences says, whatever the last export used.
    const AppSettings::Preferences preferences = AppSettings::load();
    m_size->setCurrentIndex(int(std::max<qsizetype>(0, presets.indexOf(preferences.exportSize))));
    m_width->setValue(settings.value(u"width"_s, 1920).toInt());
    m_height->setValue(settings.value(u"height"_s, 1080).toInt());
    m_scale->setValue(settings.value(u"scale"_s, 0).toInt());
    m_theme->setCurrentIndex(int(preferences.exportTheme));
    m_lanes->setCurrentIndex(std::clamp(settings.value(u"lanes"_s, 0).toInt(), 0, 3));
    m_notes->setCurrentIndex(int(preferences.exportNotes));
    m_dateLabels->setChecked(settings.value(u"dateLabels"_s, false).toBool());
    m_footer->setChecked(settings.value(u"footer"_s, true).toBool());
    m_format->setCurrentIndex(std::clamp(settings.value(u"format"_s, 0).toInt(), 0, 2));
    m_file->setText(settings.value(u"file"_s).toString());
}

void ExportImageDialog::saveSettings() const {
    QSettings settings;
    settings.beginGroup(settingsGroup);
    settings.setValue(u"range"_s, m_range->currentIndex());
    settings.setValue(u"from"_s, m_from->text());
    settings.setValue(u"to"_s, m_to->text());
    settings.setValue(u"title"_s, m_title->text());
    settings.setValue(u"subtitle"_s, m_subtitle->text());
    settings.setValue(u"preset"_s, m_size->currentIndex());
    settings.setValue(u"width"_s, m_width->value());
    settings.setValue(u"height"_s, m_height->value());
    settings.setValue(u"scale"_s, m_scale->value());
    settings.setValue(u"theme"_s, m_theme->currentIndex());
    settings.setValue(u"lanes"_s, m_lanes->currentIndex());
    settings.setValue(u"noteStyle"_s, m_notes->currentIndex());
    settings.setValue(u"dateLabels"_s, m_dateLabels->isChecked());
    settings.setValue(u"footer"_s, m_footer->isChecked());
    settings.setValue(u"format"_s, m_format->currentIndex());
    settings.setValue(u"file"_s, m_file->text());
}
