#pragma once

#include <QWidget>

class QListWidget;
class QPushButton;

// What an empty timeline shows instead of a blank axis: the three ways to a first event
// (import a file, add one by hand, start from a copy of the bundled dataset) and the
// recent timelines. MainWindow swaps it in while the timeline holds no event.
class StartPanel : public QWidget {
    Q_OBJECT

public:
    explicit StartPanel(QWidget *parent = nullptr);

    // The recent timelines, but not `current` (the one this panel is shown for); a file that
    // has gone is listed greyed as "not found", and Remove Missing Timelines shows. The
    // recent servers (their addresses) follow the files.
    void setRecentFiles(const QStringList &files, const QString &current,
                        const QStringList &servers = {});

    [[nodiscard]] QPushButton *importButton() const { return m_import; }
    [[nodiscard]] QPushButton *addEventButton() const { return m_addEvent; }
    [[nodiscard]] QPushButton *bundledButton() const { return m_bundled; }
    [[nodiscard]] QListWidget *recentList() const { return m_recent; }
    [[nodiscard]] QPushButton *removeMissingButton() const { return m_removeMissing; }

signals:
    void importRequested();
    void addEventRequested();
    void bundledCopyRequested();
    void recentRequested(const QString &path);
    void removeMissingRequested();

private:
    QPushButton *m_import = nullptr;
    QPushButton *m_addEvent = nullptr;
    QPushButton *m_bundled = nullptr;
    QListWidget *m_recent = nullptr;
    QPushButton *m_removeMissing = nullptr;
};
