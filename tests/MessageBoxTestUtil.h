#pragma once

// Answers the message box the next action opens, from inside its own exec(): the timer is
// queued behind it and fires from its event loop, so a test needs no sleep.

#include <QAbstractButton>
#include <QApplication>
#include <QKeyEvent>
#include <QMessageBox>
#include <QString>
#include <QTimer>

#include <memory>

struct SeenBox {
    bool shown = false;
    QString title;
    QString text;
    QString informativeText;
    QStringList buttons; // sorted (the layout orders them by role and platform)
};

// Clicks the button of the next modal message box whose text is `answer` (an empty
// `answer`: presses Escape), recording what the box said. If no box is open when the
// timer fires, nothing is recorded.
inline std::shared_ptr<SeenBox> answerNextBox(const QString &answer) {
    auto seen = std::make_shared<SeenBox>();
    QTimer::singleShot(0, qApp, [seen, answer] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        seen->shown = true;
        seen->title = box->windowTitle();
        seen->text = box->text();
        seen->informativeText = box->informativeText();
        for (QAbstractButton *button : box->buttons())
            seen->buttons << button->text();
        seen->buttons.sort();
        for (QAbstractButton *button : box->buttons()) {
            if (!answer.isEmpty() && button->text() == answer) {
                button->click();
                return;
            }
        }
        // Escape asked for, or no such button (the test then fails on `buttons`).
        QKeyEvent escape(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
        QApplication::sendEvent(box, &escape);
    });
    return seen;
}
