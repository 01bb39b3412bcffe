#pragma once

#include <QString>

class QWidget;

// The questions asked before work is lost: each a modal message box whose safe answer is
// the default (Escape keeps the work).
namespace Confirmations {

// "Discard changes?" — an editor closed (Escape, Cancel, its close button) with changes
// not saved. True: discard them.
[[nodiscard]] bool discardChanges(QWidget *parent, const QString &what);
// A file about to be written over that no file dialog asked about. True: replace it.
[[nodiscard]] bool replaceFile(QWidget *parent, const QString &path);
// An import still writing while its dialog or window closes. True: stop it (which keeps
// nothing of it).
[[nodiscard]] bool stopImport(QWidget *parent);

} // namespace Confirmations
