#include "ui/widgets/WindowMemory.h"

#include "ui/widgets/AppSettings.h"

#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace WindowMemory {

QString describe(QList<Screen> screens) {
    const auto order = [](const Screen &s) {
        return std::tuple(s.name, s.geometry.x(), s.geometry.y());
    };
    std::sort(screens.begin(), screens.end(),
              [&order](const Screen &a, const Screen &b) { return order(a) < order(b); });
    QStringList parts;
    for (const Screen &screen : screens)
        parts << u"%1 %2,%3 %4x%5"_s.arg(screen.name)
                     .arg(screen.geometry.x())
                     .arg(screen.geometry.y())
                     .arg(screen.geometry.width())
                     .arg(screen.geometry.height());
    return parts.join(u"; "_s);
}

QString currentLayout() {
    QList<Screen> screens;
    for (const QScreen *screen : QGuiApplication::screens())
        screens << Screen{screen->name(), screen->geometry()};
    return describe(screens);
}

QString settingsGroup(const QString &layout) {
    const QByteArray hash = QCryptographicHash::hash(layout.toUtf8(), QCryptographicHash::Sha1);
    return AppSettings::windowLayoutsGroup.toString() + u'/' +
           QString::fromLatin1(hash.toHex().left(12));
}

void save(const QMainWindow &window, const QString &layout) {
    QSettings settings;
    const QByteArray geometry = window.saveGeometry();
    const QByteArray state = window.saveState();
    settings.beginGroup(settingsGroup(layout));
    settings.setValue(AppSettings::windowScreensKey, layout); // for a reader of the file
    settings.setValue(AppSettings::windowGeometryKey, geometry);
    settings.setValue(AppSettings::windowStateKey, state);
    settings.endGroup();
    settings.setValue(AppSettings::lastWindowGeometryKey, geometry);
    settings.setValue(AppSettings::lastWindowStateKey, state);
}

bool restore(QMainWindow &window, const QString &layout) {
    QSettings settings;
    const QString group = settingsGroup(layout);
    const bool known = settings.contains(group + u'/' + AppSettings::windowGeometryKey);
    const QString geometryKey = known ? group + u'/' + AppSettings::windowGeometryKey
                                      : AppSettings::lastWindowGeometryKey.toString();
    const QString stateKey = known ? group + u'/' + AppSettings::windowStateKey
                                   : AppSettings::lastWindowStateKey.toString();
    if (!window.restoreGeometry(settings.value(geometryKey).toByteArray()))
        return false;
    window.restoreState(settings.value(stateKey).toByteArray());
    return true;
}

} // namespace WindowMemory
