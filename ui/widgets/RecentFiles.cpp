#include "ui/widgets/RecentFiles.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {
const QString settingsKey = u"recent/timelines"_s;
}

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
    if (list.isEmpty()) {
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
