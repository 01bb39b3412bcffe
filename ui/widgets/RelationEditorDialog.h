#pragma once

#include "model/Event.h"
#include "model/Relation.h"
#include "model/Source.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class TimelineStore;

// Links the event it is opened on to another (Link Events…, a drag between two marks with
// Alt held, Edit in Details' relation list): how the two relate, read from this event
// ("responds to", "is answered by"), the other event found by its title, a note, and the
// source that says so with its quote and locator. OK stays disabled until another event is
// chosen; a response dated before what it answers is pointed out (Dataset Health would
// report it), not refused.
class RelationEditorDialog : public QDialog {
    Q_OBJECT

public:
    // `existing`: the relation being edited (its other citations are kept as they are);
    // `other`: the event at the other end when it is already known (a drag).
    RelationEditorDialog(const TimelineStore &store, const Event &subject,
                         const std::optional<Relation> &existing, const std::optional<Event> &other,
                         QWidget *parent = nullptr);

    // What the dialog holds; valid once accepted.
    [[nodiscard]] Relation relation() const;
    [[nodiscard]] QString fromTitle() const;
    [[nodiscard]] QString toTitle() const;

private:
    void findEvents(const QString &text);
    void chooseOther(const Event &event);
    void updateState();
    // Whether the chosen type is read from this event (it points) or from the other.
    [[nodiscard]] bool subjectPoints() const;
    [[nodiscard]] RelationType chosenType() const;

    const TimelineStore &m_store;
    Event m_subject;
    std::optional<Event> m_other;
    std::optional<Relation> m_existing;
    QList<Source> m_sources;

    QComboBox *m_type = nullptr;
    QLineEdit *m_find = nullptr;
    QListWidget *m_found = nullptr;
    QLabel *m_chosen = nullptr;
    QLineEdit *m_note = nullptr;
    QComboBox *m_source = nullptr;
    QPlainTextEdit *m_quote = nullptr;
    QLineEdit *m_locator = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
