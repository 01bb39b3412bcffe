#include "ui/widgets/FieldMessages.h"

#include <QLabel>
#include <QPalette>
#include <QVBoxLayout>

namespace {
QLabel *createLabel(QWidget *parent, const QString &objectName, const QColor &color) {
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
    label->hide();
    return label;
}
} // namespace

QLabel *FieldMessages::createError(QWidget *parent, const QString &objectName) {
    return createLabel(parent, objectName, QColor(0xc6, 0x28, 0x28));
}

QLabel *FieldMessages::createInfo(QWidget *parent, const QString &objectName) {
    QColor grey = parent->palette().color(QPalette::PlaceholderText);
    return createLabel(parent, objectName, grey);
}

QLayout *FieldMessages::stack(QWidget *field, QLabel *first, QLabel *second) {
    auto *layout = new QVBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(first);
    if (second)
        layout->addWidget(second);
    return layout;
}

bool FieldMessages::show(QLabel *label, const QString &message) {
    label->setText(message);
    label->setVisible(!message.isEmpty());
    return message.isEmpty();
}

QLabel *FieldMessages::buddyLabel(const QString &text, QWidget *buddy) {
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    // Line up with the first line of the field, not the middle of the stacked messages.
    label->setAlignment(Qt::AlignRight | Qt::AlignTop);
    label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    const int lineHeight = std::min(buddy->sizeHint().height(), label->sizeHint().height() + 10);
    label->setContentsMargins(0, std::max(0, (lineHeight - label->sizeHint().height()) / 2), 0, 0);
    return label;
}
