#include "ui/widgets/RecentFiles.h"

#include "model/store/postgres/ServerAddress.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {
const QString settingsKey = u"recent/timelines"_s;
const QString serversKey = u"recent/servers"_s;
} // namespace

RecentFiles::RecentFiles(QObject *parent)
    : QObject(parent) {}

QStringList RecentFiles::files() const {
    return QSettings().value(settingsKey).toStringList().mid(0, MaxFiles);
}

void RecentFiles::store(const QStringList &files) {
    QSettings settings;
    if (files.isEmpty())
        settings.remove(settingsKey);
    else
        settings.setValue(settingsKey, files);
}

void RecentFiles::add(const QString &path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    store(list.mid(0, MaxFiles));
}

void RecentFiles::remove(const QString &path) {
    QStringList list = files();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    store(list);
}

int RecentFiles::removeMissing() {
    QStringList list = files();
    const qsizetype removed =
        list.removeIf([](const QString &file) { return !QFileInfo::exists(file); });
    if (removed > 0)
        store(list);
    return int(removed);
}

void RecentFiles::clear() {
    store({});
    storeServers({});
}

QStringList RecentFiles::servers() const {
    return QSettings().value(serversKey).toStringList().mid(0, MaxFiles);
}

void RecentFiles::storeServers(const QStringList &servers) {
    QSettings settings;
    if (servers.isEmpty())
        settings.remove(serversKey);
    else
        settings.setValue(serversKey, servers);
}

void RecentFiles::addServer(const QString &address) {
    ServerAddress parsed;
    QString error;
    if (!parseServerAddress(address, &parsed, &error))
        return;
    const QString shown = parsed.displayString(); // never the password
    QStringList list = servers();
    list.removeAll(shown);
    list.prepend(shown);
    storeServers(list.mid(0, MaxFiles));
}

void RecentFiles::attachMenu(QMenu *menu) {
    connect(menu, &QMenu::aboutToShow, this, [this, menu] { fillMenu(menu); });
    fillMenu(menu);
}

void RecentFiles::fillMenu(QMenu *menu) {
    menu->clear();
    const QStringList list = files();
    bool anyMissing = false;
    int number = 0;
    for (const QString &file : list) {
        ++number;
        const QFileInfo info(file);
        // "&1 name" for the first nine: a key opens it without the mouse.
        QString text = info.fileName();
        text.replace(u'&', u"&&"_s);
        if (number < 10)
            text = u"&%1 "_s.arg(number) + text;
        QAction *action = menu->addAction(text);
        action->setData(file);
        action->setToolTip(QDir::toNativeSeparators(file));
        action->setStatusTip(QDir::toNativeSeparators(file));
        if (!info.exists()) {
            anyMissing = true;
            action->setText(tr("%1 (not found)").arg(text));
            action->setEnabled(false);
            continue;
        }
        connect(action, &QAction::triggered, this, [this, file] { emit openRequested(file); });
    }
    const QStringList serverList = servers();
    if (!serverList.isEmpty() && !list.isEmpty())
        menu->addSeparator();
    for (const QString &server : serverList) {
        ++number;
        QString text = server;
        text.replace(u'&', u"&&"_s);
        if (number < 10)
            text = u"&%1 "_s.arg(number) + text;
        QAction *action = menu->addAction(text);
        action->setData(server);
        action->setStatusTip(tr("Team timeline on a server"));
        connect(action, &QAction::triggered, this, [this, server] { emit openRequested(server); });
    }
    if (list.isEmpty() && serverList.isEmpty()) {
        menu->addAction(tr("No recent timelines"))->setEnabled(false);
        return;
    }
    menu->addSeparator();
    QAction *removeMissingAction =
        menu->addAction(tr("&Remove Missing Timelines"), this, [this] { removeMissing(); });
    removeMissingAction->setObjectName(u"removeMissing"_s);
    removeMissingAction->setEnabled(anyMissing);
    QAction *clearAction = menu->addAction(tr("&Clear List"), this, [this] { clear(); });
    clearAction->setObjectName(u"clearRecent"_s);
}
