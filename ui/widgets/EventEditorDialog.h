#pragma once

#include "model/Category.h"
#include "model/Event.h"
#include "model/Source.h"

#include <QDialog>
#include <QHash>

class NameListEdit;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTextBrowser;

// Names the dialog completes from: what is already in the database.
struct KnownNames {
    QStringList actors;
    QStringList chips;
    QStringList tags;
};

// Creates or edits one event. Dates are typed the way sources write them ("15.08.2025",
// "Aug 2025") and the parsed date is shown as it is understood. Every problem is shown
// under its field as it is typed, and OK stays disabled until there is none.
class EventEditorDialog : public QDialog {
    Q_OBJECT

public:
    EventEditorDialog(const Event &event, const QList<Category> &categories,
                      const QList<Source> &sources, const KnownNames &names,
                      QWidget *parent = nullptr);

    // The event as edited (the id, uid and times of the one given).
    [[nodiscard]] Event event() const;
    [[nodiscard]] bool isValid() const;
    [[nodiscard]] QPushButton *okButton() const;
    // Whether anything differs from the event the dialog opened with.
    [[nodiscard]] bool hasChanges() const;
    // Adds "Link Events…" beside OK and Cancel, for a stored event in a writable timeline:
    // it asks for a relation to another event (linkEventsRequested), saved as its own step.
    void offerLinking();
    // Why the event was changed ("date corrected per the BIS press release"): the note its
    // revision records. Empty when none was given.
    [[nodiscard]] QString changeNote() const;
    [[nodiscard]] QPushButton *linkEventsButton() const { return m_linkEvents; }

signals:
    void linkEventsRequested();

public slots:
    // Escape, Cancel and the close button: with changes, asks before discarding them.
    void reject() override;

private:
    void validate();
    void addSourceRow(const Citation &citation);
    void linkSelectedSource();
    void removeSelectedSource();
    void updatePreview();
    void updateSourceChoices();

    Event m_event;
    Event m_initial;            // event() as the dialog opened
    QStringList m_initialDates; // the dates as typed then (a bad date reads as none)
    QHash<QString, Source> m_sources;
    QLineEdit *m_title = nullptr;
    QLabel *m_titleError = nullptr;
    QLineEdit *m_germanTitle = nullptr;
    QLineEdit *m_start = nullptr;
    QLabel *m_startInfo = nullptr;
    QLabel *m_startError = nullptr;
    QLineEdit *m_end = nullptr;
    QLabel *m_endInfo = nullptr;
    QLabel *m_endError = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_importance = nullptr;
    NameListEdit *m_actors = nullptr;
    NameListEdit *m_chips = nullptr;
    NameListEdit *m_tags = nullptr;
    QTabWidget *m_descriptionTabs = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QPlainTextEdit *m_germanDescription = nullptr;
    QTextBrowser *m_preview = nullptr;
    QTableWidget *m_citations = nullptr;
    QComboBox *m_sourceChoice = nullptr;
    QPushButton *m_linkSource = nullptr;
    QPushButton *m_unlinkSource = nullptr;
    QLineEdit *m_why = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_linkEvents = nullptr;
};
