#pragma once

#include "model/Category.h"
#include "model/EventFilter.h"
#include "model/Source.h"
#include "model/TimelineData.h"
#include "model/store/TimelineStore.h"

#include <QHash>
#include <QMainWindow>

#include <memory>

class DatabaseSafety;
class EditingController;
class EventDetailsView;
class QActionGroup;
class EventTableModel;
class FilterBar;
class HelpWindow;
class HistoryPane;
class RecentFiles;
class OverviewStrip;
class QTableView;
class QLabel;
class QMenu;
class SearchResultsPane;
class SourcesPane;
class StartPanel;
class QStackedWidget;
class TimelineView;

// The main window: the timeline in the middle, the selected event's details and sources in
// a dock beside it. It owns the store for the database it shows; every change goes through
// the store at once, so there is nothing to save.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(std::unique_ptr<TimelineStore> store, QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] TimelineView *timelineView() const { return m_timeline; }
    [[nodiscard]] EventDetailsView *detailsView() const { return m_details; }
    [[nodiscard]] SourcesPane *sourcesPane() const { return m_sourcesPane; }
    [[nodiscard]] SearchResultsPane *searchResults() const { return m_searchResults; }
    [[nodiscard]] HistoryPane *historyPane() const { return m_history; }
    [[nodiscard]] FilterBar *filterBar() const { return m_filterBar; }
    [[nodiscard]] QTableView *eventList() const { return m_eventList; }
    [[nodiscard]] TimelineStore &store() const { return *m_store; }

    // The current search, filters and visible window as one shareable line, and back.
    [[nodiscard]] QString currentViewText() const;
    bool applyViewText(const QString &text, QString *error = nullptr);
    // Imports the files (none: asks for them) and reloads once, however the window's
    // activation after the dialog and the import's own connection interleave.
    void importFiles(const QStringList &files);

    // ---- Files (MainWindowFiles.cpp) ----
    // Opens the timeline at `path` in a window of its own and records it as recent; the
    // new window, or nullptr after a dialog that says why not.
    MainWindow *openTimeline(const QString &path);
    // Creates an empty timeline at `path` (which must not exist yet) and opens it.
    MainWindow *newTimelineAt(const QString &path, QString *error);
    // SQLite's online backup of this timeline into `path`; this window stays on its file.
    bool saveCopyTo(const QString &path, QString *error);
    [[nodiscard]] RecentFiles *recentFiles() const { return m_recent; }
    // A new timeline at `path` (which must not exist yet) filled with the bundled dataset,
    // opened in a window of its own: the start panel's third way.
    MainWindow *openBundledCopyAt(const QString &path, QString *error);
    // Shown instead of the timeline while it holds no event.
    [[nodiscard]] StartPanel *startPanel() const { return m_startPanel; }
    // Help → User Guide (F1): one guide window per main window, raised when open.
    HelpWindow *showUserGuide();
    // Help → What's New: the releases of the bundled AppStream metainfo.
    void showWhatsNew();

public slots:
    void reload();

signals:
    // After every reload() (tests count them).
    void reloaded();

protected:
    // Closing while an import writes asks first (the import stops, then the window closes).
    void closeEvent(QCloseEvent *event) override;
    // A new palette (Preferences' theme, or the platform's): the timeline follows it.
    void changeEvent(QEvent *event) override;
    // Watches the timeline for its first frame (see loadLists()).
    bool eventFilter(QObject *watched, QEvent *event) override;
    // Files dropped on the window are imported (ImportDialog).
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildActions();
    void showSelected(qint64 id);
    // View → Show Chain of Selected Event: the arcs of the selected event's whole chain,
    // the rest of the timeline under a veil (MainWindowRelations.cpp).
    void setShowChain(bool show);
    void applyFilter(const EventFilter &filter);
    // The sources pane and the filter bar's names and completion. At start-up they are
    // filled once the timeline has painted its first frame, so the window shows the
    // timeline as soon as the events are loaded; afterwards reload() fills them at once.
    void loadLists();
    void stepMatch(int direction);
    void fillSavedViewsMenu(QMenu *menu);
    void openLink(const QUrl &url);
    // File → Restore From Backup…: this window closes (it must be created with new) and one
    // on the restored file opens.
    void restoreFromBackup();
    void buildFileMenu(QMenu *file);
    void newTimeline();
    void openTimelineFile();
    void saveCopy();
    void openBundledCopy();
    void buildStartPanel();
    // The History dock beside Details (MainWindowHistory.cpp).
    void buildHistoryDock();
    void updateStartPanel();
    // ---- Settings (MainWindowSettings.cpp) ----
    // The window's geometry and docks for this screen layout, the lanes and visible span.
    void restoreSettings();
    void saveSettings() const;
    // Edit → Preferences… (PreferencesDialog).
    void addPreferencesAction(QMenu *edit);
    // The timeline and overview in the theme of the window's palette.
    void applyTimelineTheme();
    void updateStatus();

    std::unique_ptr<TimelineStore> m_store;
    TimelineView *m_timeline = nullptr;
    OverviewStrip *m_overview = nullptr;
    FilterBar *m_filterBar = nullptr;
    EventTableModel *m_eventTable = nullptr;
    QTableView *m_eventList = nullptr;
    EventFilter m_filter;
    EventDetailsView *m_details = nullptr;
    bool m_showChain = false;
    SourcesPane *m_sourcesPane = nullptr;
    SearchResultsPane *m_searchResults = nullptr;
    HistoryPane *m_history = nullptr;
    QLabel *m_statusCounts = nullptr;
    QActionGroup *m_grouping = nullptr;
    QList<Category> m_categories;
    // Every event, as the timeline draws them; filters are applied to it in memory.
    TimelineData m_allEvents;
    bool m_listsPending = true; // until the first frame (see loadLists())
    EditingController *m_editing = nullptr;
    DatabaseSafety *m_safety = nullptr;
    quint64 m_reloads = 0;
    RecentFiles *m_recent = nullptr;
    QStackedWidget *m_stack = nullptr; // the timeline, or the start panel when empty
    StartPanel *m_startPanel = nullptr;
    QAction *m_importAnchor = nullptr; // File → Import… goes before it
    bool m_closeAfterImport = false;   // closing was agreed while an import wrote
};
