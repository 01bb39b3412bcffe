#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

// The last ten timelines opened, newest first, kept in QSettings ("recent/timelines") so
// every window and the next start share them. A file that has gone is kept but shown
// greyed as "not found" until the user removes it. Timelines on a server are kept apart
// ("recent/servers", the last ten), as their address without any password.
class RecentFiles : public QObject {
    Q_OBJECT

public:
    static constexpr int MaxFiles = 10;

    explicit RecentFiles(QObject *parent = nullptr);

    [[nodiscard]] QStringList files() const;
    // Puts the file first (its absolute path), dropping the oldest beyond MaxFiles.
    void add(const QString &path);
    void remove(const QString &path);
    // Removes every file that no longer exists; returns how many went.
    int removeMissing();
    // Both lists.
    void clear();
    [[nodiscard]] QStringList servers() const;
    // Puts the server address first, any password (or sslpassword) in it left out; an
    // address that does not read as one is not kept.
    void addServer(const QString &address);
    // The Open Recent menu: one entry per file, greyed "not found" when it has gone, the
    // servers, then Remove Missing and Clear. Filled afresh each time the menu is about to
    // show; a server chosen is asked for with openRequested too (TimelineStore::open takes
    // both).
    void attachMenu(QMenu *menu);
    void fillMenu(QMenu *menu);

signals:
    void openRequested(const QString &path);

private:
    void store(const QStringList &files);
    void storeServers(const QStringList &servers);
};
