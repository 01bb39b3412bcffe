#pragma once

#include "model/Category.h"
#include "model/EventFilter.h"
#include "model/Source.h"
#include "model/TimelineData.h"
#include "model/store/TimelineStore.h"

#include <QHash>
#include <QMainWindow>
#include <QSet>

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
class QPushButton;
class QVBoxLayout;
class QMenu;
class SearchResultsPane;
class ServerConnectionWatch;
class SourcesPane;
class StartPanel;
class QStackedWidget;
class QTemporaryDir;
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
    // The store the window shows: the live one, or while View → As Of… the as-of one.
    [[nodiscard]] TimelineStore &store() const { return *m_store; }
    // The timeline's own store, also while the window shows it as of a revision.
    [[nodiscard]] TimelineStore &liveStore() const;

    // ---- As of a revision (MainWindowAsOf.cpp) ----
    // Shows the whole timeline read-only as it stood at `point` ("r12" or a UTC date-time),
    // under a banner; false with one line in `error` (nothing changes) for an unknown revision,
    // a point before the first revision or in the future.
    bool showAsOf(const QString &point, QString *error);
    // Back to the live timeline, editable again.
    void backToNow();
    // Narrows the window to the events added or changed since the revision the figure at
    // `figurePath` was drawn from (its provenance); false with one line in `error` when it
    // records none or names a revision this timeline does not have.
    bool showChangedSince(const QString &figurePath, QString *error);
    void clearChangedSince();
    // The revision shown; 0: the live timeline.
    [[nodiscard]] qint64 asOfRevision() const { return m_asOfRevision; }

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
    // ---- A timeline on a server (MainWindowTeam.cpp) ----
    // File → Open Team Timeline…: asks for the server (TeamTimelineDialog) and opens the
    // timeline there in a window of its own (it records itself as a recent server); nullptr
    // when cancelled.
    MainWindow *openTeamTimeline();
    // The banner and reconnecting when the server goes away mid-session.
    [[nodiscard]] ServerConnectionWatch *serverWatch() const { return m_serverWatch; }
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
    void buildAsOfActions(QMenu *view);
    void buildChangedSinceActions(QMenu *file);
    // `matching` less the events not changed since the figure's revision (when one is chosen).
    [[nodiscard]] TimelineData changedSinceOnly(const TimelineData &matching) const;
    void updateEditable();
    // Under the other banners in `central`: the server watch's, read-only while it is lost.
    void buildServerWatch(QVBoxLayout *central);
    // ---- Settings (MainWindowSettings.cpp) ----
    // The window's geometry and docks for this screen layout, the lanes and visible span.
    void restoreSettings();
    void saveSettings() const;
    // Edit → Preferences… (PreferencesDialog).
    void addPreferencesAction(QMenu *edit);
    // The timeline and overview in the theme of the window's palette.
    void applyTimelineTheme();
    void updateStatus();

    // Declared before the stores: the as-of store's file goes after the store is closed.
    std::unique_ptr<QTemporaryDir> m_asOfFolder;
    std::unique_ptr<TimelineStore> m_store;
    std::unique_ptr<TimelineStore> m_liveStore; // while as of a revision
    qint64 m_asOfRevision = 0;
    QWidget *m_asOfBanner = nullptr;
    QLabel *m_asOfLabel = nullptr;
    QAction *m_backToNow = nullptr;
    qint64 m_changedSinceRevision = 0; // File → Changed Since Figure…; 0: not narrowed
    QSet<qint64> m_changedSinceIds;
    QWidget *m_changedBanner = nullptr;
    QLabel *m_changedLabel = nullptr;
    QPushButton *m_changedDeleted = nullptr; // shown when events were deleted since
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
    ServerConnectionWatch *m_serverWatch = nullptr;
    quint64 m_reloads = 0;
    RecentFiles *m_recent = nullptr;
    QStackedWidget *m_stack = nullptr; // the timeline, or the start panel when empty
    StartPanel *m_startPanel = nullptr;
    QAction *m_importAnchor = nullptr; // File → Import… goes before it
    bool m_closeAfterImport = false;   // closing was agreed while an import wrote
};
