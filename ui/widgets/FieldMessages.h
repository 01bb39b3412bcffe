#pragma once

#include <QString>

class QLabel;
class QLayout;
class QWidget;

// The small print under a form field: what was understood (grey) or what is wrong (red).
// Shared by the editor dialogs so every field reports problems the same way.
class FieldMessages {
public:
    // A label for messages under a field, hidden while it has nothing to say.
    [[nodiscard]] static QLabel *createError(QWidget *parent, const QString &objectName);
    [[nodiscard]] static QLabel *createInfo(QWidget *parent, const QString &objectName);
    // The field with its message labels stacked under it, for a QFormLayout row.
    [[nodiscard]] static QLayout *stack(QWidget *field, QLabel *first, QLabel *second = nullptr);
    // Shows the message (hides the label when it is empty); returns whether it is empty.
    static bool show(QLabel *label, const QString &message);
    // A form label whose mnemonic (&T) focuses `buddy`; QFormLayout only does that for rows
    // whose field is a single widget, not a layout.
    [[nodiscard]] static QLabel *buddyLabel(const QString &text, QWidget *buddy);
};
