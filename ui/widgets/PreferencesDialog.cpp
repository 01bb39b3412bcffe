#include "ui/widgets/PreferencesDialog.h"

#include "model/store/TimelineStore.h"
#include "ui/widgets/AppTheme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// A combo box whose items carry their value (an enum) as data.
template <typename T>
QComboBox *choices(QWidget *parent, const QList<std::pair<QString, T>> &items) {
    auto *box = new QComboBox(parent);
    for (const auto &[label, value] : items)
        box->addItem(label, int(value));
    return box;
}

template <typename T>
T chosen(const QComboBox *box) {
    return T(box->currentData().toInt());
}

template <typename T>
void choose(QComboBox *box, T value) {
    box->setCurrentIndex(std::max(0, box->findData(int(value))));
}

QLabel *note(const QString &text, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent) {
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));

    using AppSettings::Language;
    using AppSettings::Theme;
    m_theme = choices<Theme>(
        this,
        {{tr("System"), Theme::System}, {tr("Light"), Theme::Light}, {tr("Dark"), Theme::Dark}});
    m_theme->setToolTip(tr("System follows the desktop's colours"));
    // Each language in its own words.
    m_language = choices<Language>(this, {{tr("System"), Language::System},
                                          {u"English"_s, Language::English},
                                          {u"Deutsch"_s, Language::German}});
    auto *window = new QGroupBox(tr("Window"), this);
    auto *windowForm = new QFormLayout(window);
    windowForm->addRow(tr("&Theme:"), m_theme);
    windowForm->addRow(tr("&Language:"), m_language);
    windowForm->addRow(QString(), note(tr("The language applies on next start."), this));

    using Preset = ExportRequest::Preset;
    m_exportSize = choices<Preset>(this, {{tr("Slide (1920 × 1080)"), Preset::Slide},
                                          {tr("A4 landscape"), Preset::A4Landscape},
                                          {tr("A4 portrait"), Preset::A4Portrait},
                                          {tr("Letter landscape"), Preset::LetterLandscape},
                                          {tr("Letter portrait"), Preset::LetterPortrait}});
    using Kind = TimelineTheme::Kind;
    m_exportTheme = choices<Kind>(this, {{tr("Light"), Kind::Light},
                                         {tr("Dark"), Kind::Dark},
                                         {tr("Print (greyscale-safe)"), Kind::Print}});
    using Notes = FigureOptions::NoteStyle;
    m_exportNotes = choices<Notes>(this, {{tr("Full (outlet, title, date, address)"), Notes::Full},
                                          {tr("Short (outlet, title, date)"), Notes::Short},
                                          {tr("None"), Notes::None}});
    auto *exporting = new QGroupBox(tr("Export Image starts with"), this);
    auto *exportForm = new QFormLayout(exporting);
    exportForm->addRow(tr("Si&ze:"), m_exportSize);
    exportForm->addRow(tr("T&heme:"), m_exportTheme);
    exportForm->addRow(tr("Source &notes:"), m_exportNotes);

    m_author = new QLineEdit(this);
    m_author->setPlaceholderText(AppSettings::systemUserName());
    auto *history = new QGroupBox(tr("Change history"), this);
    auto *historyForm = new QFormLayout(history);
    historyForm->addRow(tr("&Author name:"), m_author);
    historyForm->addRow(QString(),
                        note(tr("Kept for the history of changes; empty: your user name, %1.")
                                 .arg(AppSettings::systemUserName()),
                             this));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(window);
    layout->addWidget(exporting);
    layout->addWidget(history);
    layout->addStretch();
    layout->addWidget(buttons);
    setPreferences(AppSettings::load());
}

AppSettings::Preferences PreferencesDialog::preferences() const {
    AppSettings::Preferences p;
    p.theme = chosen<AppSettings::Theme>(m_theme);
    p.exportSize = chosen<ExportRequest::Preset>(m_exportSize);
    p.exportTheme = chosen<TimelineTheme::Kind>(m_exportTheme);
    p.exportNotes = chosen<FigureOptions::NoteStyle>(m_exportNotes);
    p.authorName = m_author->text().trimmed();
    p.language = chosen<AppSettings::Language>(m_language);
    return p;
}

void PreferencesDialog::setPreferences(const AppSettings::Preferences &p) {
    choose(m_theme, p.theme);
    choose(m_exportSize, p.exportSize);
    choose(m_exportTheme, p.exportTheme);
    choose(m_exportNotes, p.exportNotes);
    m_author->setText(p.authorName);
    choose(m_language, p.language);
}

bool PreferencesDialog::edit(QWidget *parent) {
    PreferencesDialog dialog(parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const AppSettings::Preferences chosen = dialog.preferences();
    AppSettings::save(chosen);
    AppTheme::apply(chosen.theme);
    // The revisions written from now on, by every open store, name the author chosen.
    TimelineStore::setDefaultAuthor(AppSettings::authorName());
    return true;
}
