#pragma once

#include <QList>
#include <QRect>
#include <QString>

class QMainWindow;

// A main window's geometry and docks, remembered per screen layout: the laptop alone and
// the laptop with its monitor each get the window back as it was last arranged there. A
// layout seen for the first time starts from the arrangement saved last, whatever its
// screens. Kept in QSettings under AppSettings' window keys.
namespace WindowMemory {

struct Screen {
    QString name;
    QRect geometry;
};

// "DP-1 0,0 2560x1440; eDP-1 2560,0 1920x1080": the screens by name, each with its place
// and size on the desktop; the same set of screens gives the same text in any order.
[[nodiscard]] QString describe(QList<Screen> screens);
// The layout of QGuiApplication::screens().
[[nodiscard]] QString currentLayout();
// The QSettings group of a layout: "windowLayouts/" and a short hash of its text.
[[nodiscard]] QString settingsGroup(const QString &layout);

// Saves the window's geometry and dock state for `layout`, and as the last saved.
void save(const QMainWindow &window, const QString &layout = currentLayout());
// Restores what was saved for `layout` (else the last saved); false when nothing was saved.
bool restore(QMainWindow &window, const QString &layout = currentLayout());

} // namespace WindowMemory
