#include "ui/widgets/Confirmations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Confirmations {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("Confirmations", text);
}

// Asks with two answers; true for `yes`. Escape and the default are `no`.
bool ask(QWidget *parent, const QString &title, const QString &text, const QString &yes,
         const QString &no, QMessageBox::ButtonRole yesRole) {
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    QPushButton *yesButton = box.addButton(yes, yesRole);
    QPushButton *noButton = box.addButton(no, QMessageBox::RejectRole);
    box.setDefaultButton(noButton);
    box.setEscapeButton(noButton);
    box.exec();
    return box.clickedButton() == yesButton;
}

} // namespace

bool discardChanges(QWidget *parent, const QString &what) {
    return ask(parent, tr("Discard changes?"),
               tr("The changes to %1 have not been saved. Discard them?").arg(what),
               tr("&Discard Changes"), tr("&Keep Editing"), QMessageBox::DestructiveRole);
}

bool replaceFile(QWidget *parent, const QString &path) {
    const QFileInfo info(path);
    return ask(parent, tr("Replace the file?"),
               tr("“%1” already exists in %2. Replace it?")
                   .arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath())),
               tr("&Replace"), tr("Cancel"), QMessageBox::DestructiveRole);
}

bool stopImport(QWidget *parent) {
    return ask(parent, tr("Stop the import?"),
               tr("An import is being written. Stop it? Nothing of it is kept."),
               tr("&Stop Import"), tr("&Continue Importing"), QMessageBox::DestructiveRole);
}

} // namespace Confirmations
