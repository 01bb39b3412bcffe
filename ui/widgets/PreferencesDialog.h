#pragma once

#include "ui/widgets/AppSettings.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

// Edit → Preferences…: the window's theme and language, where File → Export Image… starts
// (size, theme, source notes), and the author name for the change history. OK stores them
// (AppSettings) — the theme applies at once, the language on the next start; Cancel
// changes nothing.
class PreferencesDialog : public QDialog {
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // What the fields say.
    [[nodiscard]] AppSettings::Preferences preferences() const;
    void setPreferences(const AppSettings::Preferences &preferences);

    [[nodiscard]] QComboBox *themeBox() const { return m_theme; }
    [[nodiscard]] QComboBox *exportSizeBox() const { return m_exportSize; }
    [[nodiscard]] QComboBox *exportThemeBox() const { return m_exportTheme; }
    [[nodiscard]] QComboBox *exportNotesBox() const { return m_exportNotes; }
    [[nodiscard]] QLineEdit *authorEdit() const { return m_author; }
    [[nodiscard]] QComboBox *languageBox() const { return m_language; }

    // Opens the dialog on the stored preferences; on OK stores them and applies the theme.
    // True when OK was pressed.
    static bool edit(QWidget *parent);

private:
    QComboBox *m_theme = nullptr;
    QComboBox *m_exportSize = nullptr;
    QComboBox *m_exportTheme = nullptr;
    QComboBox *m_exportNotes = nullptr;
    QLineEdit *m_author = nullptr;
    QComboBox *m_language = nullptr;
};
