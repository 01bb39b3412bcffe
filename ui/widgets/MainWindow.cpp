#include "ui/widgets/MainWindow.h"

#include "model/FilterText.h"
#include "model/SavedViewText.h"
#include "model/TimelineDataFilter.h"
#include "model/TimelineDataQuery.h"
#include "ui/render/FigureLanguage.h"
#include "ui/widgets/Confirmations.h"
#include "ui/widgets/DatabaseSafety.h"
#include "ui/widgets/EditingController.h"
#include "ui/widgets/EventDetailsView.h"
#include "ui/widgets/EventTableModel.h"
#include "ui/widgets/ExportImageDialog.h"
#include "ui/widgets/FilterBar.h"
#include "ui/widgets/HealthDialog.h"
#include "ui/widgets/ImportDialog.h"
#include "ui/widgets/OverviewStrip.h"
#include "ui/widgets/SearchResultsPane.h"
#include "ui/widgets/SourcesPane.h"
#include "ui/widgets/TimelineView.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(std::unique_ptr<TimelineStore> store, QWidget *parent)
    : QMainWindow(parent)
    , m_store(std::move(store)) {
    setObjectName(u"MainWindow"_s);
    setWindowTitle(
        tr("%1 — ChipTimeline")
            .arg(m_store->isFileBased() ? QFileInfo(m_store->path()).fileName() : m_store->path()));
    setWindowFilePath(m_store->path());

    m_timeline = new TimelineView(this);
    m_timeline->setObjectName(u"timeline"_s);
    m_overview = new OverviewStrip(this);
    m_overview->setObjectName(u"overview"_s);
    m_filterBar = new FilterBar(this);
    m_filterBar->setObjectName(u"filterBar"_s);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_filterBar);
    buildStartPanel(); // m_stack: the timeline, or the start panel when it is empty
    centralLayout->addWidget(m_stack, 1);
    centralLayout->addWidget(m_overview);
    setCentralWidget(central);
    // Above the timeline: why it cannot be edited, or what is damaged instead of no events.
    m_safety = new DatabaseSafety(*m_store, this);
    centralLayout->insertWidget(0, m_safety->banner());
    buildServerWatch(centralLayout);
    connect(m_safety, &DatabaseSafety::damageFound, this, &MainWindow::reload);
    connect(m_timeline, &TimelineView::timeScaleChanged, m_overview,
            &OverviewStrip::setVisibleWindow);
    connect(m_overview, &OverviewStrip::windowRequested, m_timeline, &TimelineView::showDays);
    connect(m_overview, &OverviewStrip::zoomRequested, this, [this](double factor) {
        m_timeline->setTimeScale(
            m_timeline->timeScale().zoomedAbout(m_timeline->timeScale().width() / 2, factor));
    });

    m_details = new EventDetailsView(this);
    m_details->setObjectName(u"details"_s);
    auto *detailsDock = new QDockWidget(tr("Details"), this);
    detailsDock->setObjectName(u"detailsDock"_s);
    detailsDock->setWidget(m_details);
    detailsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                             QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::RightDockWidgetArea, detailsDock);
    resizeDocks({detailsDock}, {520}, Qt::Horizontal);

    m_sourcesPane = new SourcesPane(this);
    m_sourcesPane->setObjectName(u"sourcesPane"_s);
    auto *sourcesDock = new QDockWidget(tr("Sources"), this);
    sourcesDock->setObjectName(u"sourcesDock"_s);
    sourcesDock->setWidget(m_sourcesPane);
    addDockWidget(Qt::RightDockWidgetArea, sourcesDock);
    tabifyDockWidget(detailsDock, sourcesDock);
    detailsDock->raise();
    connect(m_sourcesPane, &SourcesPane::eventActivated, this, [this, detailsDock](qint64 id) {
        m_timeline->selectEvent(id);
        detailsDock->raise();
    });
    connect(m_sourcesPane, &SourcesPane::openLinkRequested, this, &MainWindow::openLink);
    connect(m_sourcesPane, &SourcesPane::linkRefused, this,
            [this](const QString &reason) { statusBar()->showMessage(reason, 8000); });

    // The events that match, as a sortable list in step with the timeline's selection.
    m_eventTable = new EventTableModel(this);
    m_eventList = new QTableView(this);
    m_eventList->setObjectName(u"eventList"_s);
    m_eventList->setModel(m_eventTable);
    m_eventList->setSortingEnabled(true);
    m_eventList->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_eventList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_eventList->setAlternatingRowColors(true);
    m_eventList->setWordWrap(false);
    m_eventList->verticalHeader()->hide();
    m_eventList->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_eventList->horizontalHeader()->setSectionResizeMode(EventTableModel::TitleColumn,
                                                          QHeaderView::Stretch);
    auto *listDock = new QDockWidget(tr("Events"), this);
    listDock->setObjectName(u"eventListDock"_s);
    listDock->setWidget(m_eventList);
    addDockWidget(Qt::RightDockWidgetArea, listDock);
    tabifyDockWidget(detailsDock, listDock);
    detailsDock->raise();
    connect(m_eventList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_timeline->selectEvent(m_eventTable->eventId(current.row()));
            });

    // Ranked results with the matched words highlighted, beside the other docks.
    m_searchResults = new SearchResultsPane(this);
    m_searchResults->setObjectName(u"searchResultsPane"_s);
    auto *searchDock = new QDockWidget(tr("Search Results"), this);
    searchDock->setObjectName(u"searchResultsDock"_s);
    searchDock->setWidget(m_searchResults);
    addDockWidget(Qt::RightDockWidgetArea, searchDock);
    tabifyDockWidget(detailsDock, searchDock);
    detailsDock->raise();
    // An event chosen among the results (click, or Enter on its link): selected on the
    // timeline, and its details brought to the front in place of the results.
    connect(m_searchResults, &SearchResultsPane::eventActivated, this,
            [this, detailsDock](qint64 id) {
                m_timeline->selectEvent(id);
                detailsDock->show();
                detailsDock->raise();
            });
    connect(m_searchResults, &SearchResultsPane::sourceActivated, this,
            [this, sourcesDock](const QString &uid) {
                sourcesDock->raise();
                m_sourcesPane->selectSource(uid);
            });

    connect(m_filterBar, &FilterBar::filterChanged, this,
            [this, searchDock](const EventFilter &filter, const QString &searchText) {
                applyFilter(filter);
                EventFilter others = filter;
                others.query.clear();
                // The ranked results are filtered in memory, like the timeline.
                const TimelineData among =
                    searchText.trimmed().isEmpty()
                        ? TimelineData()
                        : TimelineDataFilter::apply(m_allEvents, others, *m_store);
                m_searchResults->search(*m_store, searchText, others, &among);
                if (!searchText.trimmed().isEmpty())
                    searchDock->raise();
            });
    connect(m_filterBar, &FilterBar::nonMatchingChanged, this,
            [this](FilterBar::NonMatching) { applyFilter(m_filter); });
    connect(m_filterBar, &FilterBar::nextMatchRequested, this, [this] { stepMatch(+1); });
    connect(m_filterBar, &FilterBar::previousMatchRequested, this, [this] { stepMatch(-1); });
    addAction(m_filterBar->findAction());

    m_statusCounts = new QLabel(this);
    m_statusCounts->setObjectName(u"statusCounts"_s);
    statusBar()->addPermanentWidget(m_statusCounts);

    connect(m_timeline, &TimelineView::selectionChanged, this, &MainWindow::showSelected);
    connect(m_timeline, &TimelineView::selectionChanged, this, [this](qint64 id) {
        const int row = m_eventTable->rowOfEvent(id);
        const QModelIndex current = m_eventList->selectionModel()->currentIndex();
        if (row >= 0 && current.row() != row) {
            const QSignalBlocker blocker(m_eventList->selectionModel());
            m_eventList->selectionModel()->setCurrentIndex(m_eventTable->index(row, 0),
                                                           QItemSelectionModel::ClearAndSelect |
                                                               QItemSelectionModel::Rows);
            m_eventList->scrollTo(m_eventTable->index(row, 0));
        }
    });
    connect(m_timeline, &TimelineView::activated, this, [this](qint64 id) {
        showSelected(id);
        m_details->parentWidget()->show();
        m_details->setFocus();
    });
    connect(m_details, &EventDetailsView::openLinkRequested, this, &MainWindow::openLink);
    connect(m_details, &EventDetailsView::relatedEventRequested, this, [this](const QString &uid) {
        if (const std::optional<Event> event = m_store->eventByUid(uid))
            m_timeline->selectEvent(event->id);
    });
    connect(m_details, &EventDetailsView::linkRefused, this,
            [this](const QString &reason) { statusBar()->showMessage(reason, 8000); });
    connect(m_details, &QTextBrowser::highlighted, this, [this](const QUrl &url) {
        if (url.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(url.toString());
    });

    applyTimelineTheme(); // and again whenever the palette changes (Preferences)

    buildActions();
    // Curating: Edit menu and toolbar, undo/redo; the controller is found by findChild.
    auto *editing = new EditingController(*m_store, this);
    m_editing = editing;
    editing->attachTimeline(m_timeline);
    editing->attachDetails(m_details);
    connect(m_details, &EventDetailsView::editRelationRequested, editing,
            &EditingController::editRelation);
    connect(
        m_details, &EventDetailsView::removeRelationRequested, editing,
        [editing](const Event &, const Relation &relation) { editing->removeRelation(relation); });
    connect(m_timeline, &TimelineView::linkDragged, editing, &EditingController::linkEvents);
    m_details->setEditable(!m_store->isReadOnly());
    auto *editMenu = new QMenu(tr("&Edit"), this);
    editMenu->addActions(editing->editMenuActions());
    menuBar()->insertMenu(menuBar()->actions().value(1), editMenu);
    addPreferencesAction(editMenu);
    QToolBar *editBar = addToolBar(tr("Editing"));
    editBar->setObjectName(u"editToolBar"_s);
    editBar->addActions(editing->toolBarActions());
    connect(editing, &EditingController::dataChanged, this, &MainWindow::reload);
    // Several rows selected in the event list: merge and bulk edit act on all of them.
    connect(m_eventList->selectionModel(), &QItemSelectionModel::selectionChanged, editing,
            [this, editing] {
                QList<qint64> ids;
                for (const QModelIndex &row : m_eventList->selectionModel()->selectedRows())
                    ids << m_eventTable->eventId(row.row());
                if (ids.size() > 1)
                    editing->setSelectedEvents(ids);
            });
    // Import (File → Import…, files dropped on the window) and Tools → Dataset Health.
    QMenu *fileMenu = menuBar()->actions().constFirst()->menu();
    auto *importAction = new QAction(tr("&Import…"), this);
    importAction->setShortcut(QKeySequence(u"Ctrl+I"_s));
    connect(importAction, &QAction::triggered, this, [this] { importFiles({}); });
    fileMenu->insertAction(m_importAnchor, importAction); // after Open Recent
    setAcceptDrops(true);
    auto *tools = new QMenu(tr("&Tools"), this);
    menuBar()->insertMenu(menuBar()->actions().constLast(), tools); // before Help
    tools->addAction(tr("Dataset &Health…"), this, [this] {
        auto *health = findChild<HealthDialog *>();
        if (!health) {
            health = new HealthDialog(*m_store, this);
            connect(health, &HealthDialog::eventRequested, m_timeline, &TimelineView::selectEvent);
            connect(health, &HealthDialog::sourceRequested, this, [this](const QString &uid) {
                m_sourcesPane->selectSource(uid);
                m_sourcesPane->parentWidget()->show(); // the Sources dock, maybe tabbed away
                m_sourcesPane->parentWidget()->raise();
            });
        }
        health->refresh();
        health->show();
        health->raise();
        health->activateWindow();
    });
    m_timeline->installEventFilter(this);
    reload();
    restoreSettings();
    buildHistoryDock(); // after the saved layout: placed by it, or beside Details
    m_timeline->setFocus();
}

void MainWindow::buildActions() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    buildFileMenu(file);
    buildChangedSinceActions(file);
    file->addAction(tr("&Restore From Backup…"), this, &MainWindow::restoreFromBackup);
    file->addSeparator();
    QAction *exportImage = file->addAction(tr("Export &Image…"), this, [this] {
        ExportImageDialog dialog(*m_store, m_timeline->data(), m_timeline->timeScale(), this);
        // Dimmed, the events that do not match are in the figure too: no filter chose them.
        if (m_filterBar->nonMatching() == FilterBar::NonMatching::Hide)
            dialog.setFilterText(m_filterBar->filterText());
        if (m_asOfRevision) // drawn from the as-of store: name the timeline and revision
            dialog.setDrawnFrom(liveStore().path(), m_asOfRevision);
        if (const qint64 id = m_timeline->selectedEvent())
            if (const std::optional<Event> selected = m_store->event(id))
                dialog.setChainEvent(selected->uid, selected->title);
        dialog.exec();
    });
    exportImage->setObjectName(u"exportImageAction"_s);
    exportImage->setShortcut(QKeySequence(u"Ctrl+E"_s));
    QAction *copyImage = file->addAction(tr("&Copy Image"), this, [this] {
        QString error;
        if (ExportImageDialog::copyImage(*m_store, m_timeline->data(), m_timeline->timeScale(),
                                         &error))
            statusBar()->showMessage(tr("The timeline image is on the clipboard"), 5000);
        else
            statusBar()->showMessage(error, 8000);
    });
    copyImage->setShortcut(QKeySequence(u"Ctrl+Shift+C"_s));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = view->addAction(tr("Zoom &In"), m_timeline, &TimelineView::zoomIn);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(u"Ctrl+="_s)});
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), m_timeline, &TimelineView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *fit = view->addAction(tr("&Fit All"), m_timeline, &TimelineView::fitAll);
    fit->setShortcut(QKeySequence(u"Ctrl+0"_s));
    view->addSeparator();
    // The selected event's whole lineage, everything else under a veil.
    QAction *chain = view->addAction(tr("Show &Chain of Selected Event"));
    chain->setObjectName(u"showChain"_s);
    chain->setCheckable(true);
    chain->setShortcut(QKeySequence(u"Ctrl+Shift+L"_s));
    connect(chain, &QAction::toggled, this, &MainWindow::setShowChain);
    view->addSeparator();
    QMenu *lanes = view->addMenu(tr("&Lanes"));
    m_grouping = new QActionGroup(this);
    const QList<std::pair<QString, LaneGrouping>> groupings = {
        {tr("By &Category"), LaneGrouping::Category},
        {tr("By &Actor"), LaneGrouping::Actor},
        {tr("By C&hip"), LaneGrouping::Chip},
        {tr("&None"), LaneGrouping::None},
    };
    for (const auto &[label, grouping] : groupings) {
        QAction *action = lanes->addAction(label);
        action->setCheckable(true);
        action->setData(int(grouping));
        action->setChecked(grouping == m_timeline->laneGrouping());
        m_grouping->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, g = grouping] { m_timeline->setLaneGrouping(g); });
    }
    view->addSeparator();
    // Saved views: the search, filters and zoom under a name, kept in the database.
    QMenu *views = view->addMenu(tr("&Saved Views"));
    connect(views, &QMenu::aboutToShow, this, [this, views] { fillSavedViewsMenu(views); });
    view->addSeparator();
    buildAsOfActions(view);
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide = help->addAction(tr("&User Guide"), this, [this] { showUserGuide(); });
    guide->setObjectName(u"userGuideAction"_s);
    guide->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("What's &New"), this, [this] { showWhatsNew(); })
        ->setObjectName(u"whatsNewAction"_s);
    help->addAction(tr("&Keyboard…"), this, [this] {
        QMessageBox::information(
            this, tr("Keyboard"),
            tr("Left/Right: previous/next event\nUp/Down: event in the lane above/below\n"
               "+/-: zoom in/out\nF: fit all\nHome/End: first/last event\n"
               "Enter: open the details\nCtrl+Left/Right: pan\nShift+drag: zoom to a range\n"
               "Double-click a +N cluster: zoom into it"));
    });
    help->addAction(tr("&About ChipTimeline"), this, [this] {
        QMessageBox::about(
            this, tr("About ChipTimeline"),
            tr("<b>ChipTimeline</b> %1<br>AI-chip export policy as a timeline, "
               "every event traceable to its sources.<br>Database: %2")
                .arg(QApplication::applicationVersion(), m_store->path().toHtmlEscaped()));
    });
}

void MainWindow::reload() {
    // A server gone away: the data as last read stays until it is back (ServerConnectionWatch).
    if (liveStore().isConnectionLost())
        return;
    if (m_editing)
        m_editing->noteDataLoaded();
    QList<Category> categories = m_store->categories();
    // Titles and labels in the window's language where the data has them.
    TimelineData loaded = TimelineDataQuery::load(*m_store, {}, FigureLanguage::codeOf({}));
    if (liveStore().isConnectionLost())
        return;
    m_categories = std::move(categories);
    m_allEvents = std::move(loaded);
    // Damage met while reading: the banner says so, and nothing read in part is shown.
    if (m_store->readError().isError())
        m_allEvents = TimelineData();
    applyFilter(m_filter);
    updateStatus();
    m_safety->update();
    updateStartPanel();
    if (!m_listsPending)
        loadLists();
    ++m_reloads;
    emit reloaded();
}

void MainWindow::importFiles(const QStringList &files) {
    // The dialog writes through a connection of its own, so when it closes, the window's
    // activation may already have seen the commit and reloaded (EditingController).
    const quint64 reloadsBefore = m_reloads;
    if (ImportDialog::run(*m_store, files, this) && m_reloads == reloadsBefore)
        reload();
    if (m_closeAfterImport) { // asked to close while the import was writing
        m_closeAfterImport = false;
        close();
    }
}

void MainWindow::loadLists() {
    m_listsPending = false;
    m_filterBar->setCategories(m_categories);
    m_filterBar->setActorNames(m_store->actorNames());
    m_filterBar->setChipNames(m_store->chipNames());
    m_filterBar->setTagNames(m_store->tagNames());
    m_sourcesPane->reload(*m_store);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_timeline && event->type() == QEvent::Paint && m_listsPending) {
        m_timeline->removeEventFilter(this);
        // Queued: runs once this frame is painted and on the screen.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_listsPending)
                    loadLists();
                m_safety->afterFirstFrame(); // the check of a large file, the backup
            },
            Qt::QueuedConnection);
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::applyFilter(const EventFilter &filter) {
    // One filter for everything that shows events: the timeline, the overview and the list.
    // It is applied to the events in memory: a filter change does not reload the store.
    m_filter = filter;
    TimelineData matching =
        changedSinceOnly(TimelineDataFilter::apply(m_allEvents, filter, *m_store));
    m_filterBar->setResultCount(int(matching.size()),
                                int(m_allEvents.size() + m_allEvents.droppedCount()));
    m_overview->setData(matching);
    m_eventTable->setTimelineData(matching);
    if (m_filterBar->nonMatching() == FilterBar::NonMatching::Dim && !filter.isEmpty()) {
        // Everything stays on the timeline; what does not match is drawn under a veil.
        QSet<qint64> ids;
        ids.reserve(matching.size());
        for (qsizetype i = 0; i < matching.size(); ++i)
            ids.insert(matching.id(i));
        m_timeline->setData(m_allEvents);
        m_timeline->setHighlighted(std::move(ids));
    } else {
        // Hidden: a category none of the matches is in has no lane (unfiltered, every
        // category keeps its lane as the legend).
        m_timeline->setHighlighted(std::nullopt);
        m_timeline->setData(std::move(matching),
                            filter.isEmpty() ? EmptyLanes::Keep : EmptyLanes::Drop);
    }
    m_overview->setVisibleWindow(m_timeline->timeScale());
    showSelected(m_timeline->selectedEvent());
}

QString MainWindow::currentViewText() const {
    const TimeScale &scale = m_timeline->timeScale();
    return SavedViewText::compose(m_filterBar->filterText(), qint64(std::floor(scale.firstDay())),
                                  qint64(std::ceil(scale.lastDay())) - 1);
}

bool MainWindow::applyViewText(const QString &text, QString *error) {
    const auto parts = SavedViewText::split(text, error);
    if (!parts)
        return false;
    FilterText::Error filterError;
    const auto parsed = FilterText::parse(parts->filterText, &filterError);
    if (!parsed) {
        if (error)
            *error = filterError.toString();
        return false;
    }
    m_filterBar->setFilter(parsed->filter, parsed->searchText); // applies it (filterChanged)
    if (parts->window)
        m_timeline->showDays(double(parts->window->first), double(parts->window->second + 1));
    return true;
}

void MainWindow::fillSavedViewsMenu(QMenu *menu) {
    menu->clear();
    menu->addAction(tr("&Save Current View…"), this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save View"), tr("Name of the view:"),
                                                   QLineEdit::Normal, QString(), &ok)
                                 .trimmed();
        if (!ok || name.isEmpty())
            return;
        SavedView saved{0, name, currentViewText()};
        for (const SavedView &existing : m_store->savedViews())
            if (existing.name == name)
                saved.id = existing.id; // saving under an existing name replaces it
        StoreError error;
        if (m_store->saveView(saved, &error))
            statusBar()->showMessage(tr("Saved the view “%1”").arg(name), 5000);
        else
            QMessageBox::warning(this, tr("View not saved"), error.message);
    });
    menu->addAction(tr("&Copy Current View as Text"), this, [this] {
        QGuiApplication::clipboard()->setText(currentViewText());
        statusBar()->showMessage(tr("Copied: %1").arg(currentViewText()), 8000);
    });
    menu->addAction(tr("&Open View from Text…"), this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getText(
            this, tr("Open View"), tr("Paste the text of a view:"), QLineEdit::Normal,
            QGuiApplication::clipboard()->text().section(u'\n', 0, 0), &ok);
        QString error;
        if (ok && !applyViewText(text, &error))
            QMessageBox::warning(this, tr("Cannot open the view"), error);
    });
    const QList<SavedView> saved = m_store->savedViews();
    if (saved.isEmpty())
        return;
    menu->addSeparator();
    for (const SavedView &view : saved) {
        QAction *action = menu->addAction(view.name, this, [this, view] {
            QString error;
            if (!applyViewText(view.filter, &error))
                QMessageBox::warning(this, tr("Cannot open the view"),
                                     tr("“%1”: %2").arg(view.name, error));
        });
        action->setToolTip(view.filter);
    }
    menu->addSeparator();
    QMenu *remove = menu->addMenu(tr("&Delete"));
    for (const SavedView &view : saved) {
        remove->addAction(view.name, this, [this, view] {
            StoreError error;
            if (!m_store->deleteView(view.id, &error))
                QMessageBox::warning(this, tr("View not deleted"), error.message);
        });
    }
}

void MainWindow::stepMatch(int direction) {
    // Enter / Shift+Enter in the search field: the next or previous match in time order.
    const TimelineData &shown = m_eventTable->timelineData(); // the matches only
    if (shown.isEmpty())
        return;
    const qsizetype current = shown.indexOfId(m_timeline->selectedEvent());
    qsizetype next = 0;
    if (current < 0)
        next = direction > 0 ? 0 : shown.size() - 1;
    else
        next = (current + direction + shown.size()) % shown.size();
    m_timeline->selectEvent(shown.id(next));
}

void MainWindow::updateStatus() {
    const int events = m_store->eventCount();
    const int sources = m_store->sourceCount();
    QString text = (events == 1 ? tr("1 event") : tr("%1 events").arg(events)) + u" · "_s +
                   (sources == 1 ? tr("1 source") : tr("%1 sources").arg(sources));
    if (m_store->isReadOnly())
        text += u" · "_s + tr("read-only: %1").arg(m_store->readOnlyReason());
    m_statusCounts->setText(text);
}

void MainWindow::openLink(const QUrl &url) {
    statusBar()->showMessage(tr("Opening %1").arg(url.toString()), 5000);
    if (!QDesktopServices::openUrl(url))
        statusBar()->showMessage(tr("No browser could open %1").arg(url.toString()), 8000);
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (auto *import = findChild<ImportDialog *>(); import && import->isWriting()) {
        // Closed while an import writes (the session ending, say): stop it first, if agreed.
        event->ignore();
        if (Confirmations::stopImport(this)) {
            m_closeAfterImport = true; // importFiles() closes once the dialog has
            import->stopAndClose();
        }
        return;
    }
    saveSettings();
    event->accept();
}
