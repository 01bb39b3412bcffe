#pragma once

#include "model/Source.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// Creates or edits a source: title required, the address must be one the app will open
// (http or https, see LinkPolicy), a DOI must look like one, dates are typed as in the
// event editor. Problems show under their field as they are typed; OK waits for none.
class SourceEditorDialog : public QDialog {
    Q_OBJECT

public:
    explicit SourceEditorDialog(const Source &source, QWidget *parent = nullptr);

    [[nodiscard]] Source source() const;
    [[nodiscard]] bool isValid() const;
    [[nodiscard]] QPushButton *okButton() const;
    // Whether anything differs from the source the dialog opened with.
    [[nodiscard]] bool hasChanges() const;
    // "10.1234/abc" from "10.1234/abc", "doi:10.1234/abc" or "https://doi.org/10.1234/abc";
    // empty with a reason when it is no DOI.
    [[nodiscard]] static QString normalisedDoi(const QString &text, QString *reason = nullptr);

public slots:
    // Escape, Cancel and the close button: with changes, asks before discarding them.
    void reject() override;

private:
    void validate();
    // The dates and DOI as typed (a bad one reads as none in source()).
    [[nodiscard]] QStringList typedTexts() const;

    Source m_source;
    Source m_initial; // source() as the dialog opened
    QStringList m_initialTyped;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_title = nullptr;
    QLabel *m_titleError = nullptr;
    QLineEdit *m_outlet = nullptr;
    QLineEdit *m_authors = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlError = nullptr;
    QLineEdit *m_doi = nullptr;
    QLabel *m_doiError = nullptr;
    QLineEdit *m_published = nullptr;
    QLabel *m_publishedInfo = nullptr;
    QLabel *m_publishedError = nullptr;
    QLineEdit *m_accessed = nullptr;
    QLabel *m_accessedInfo = nullptr;
    QLabel *m_accessedError = nullptr;
    QLineEdit *m_language = nullptr;
    QLabel *m_languageError = nullptr;
    QPlainTextEdit *m_excerpt = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
