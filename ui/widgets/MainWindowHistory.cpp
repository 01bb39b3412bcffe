// MainWindow: the History dock. It follows the selected event (MainWindow::showSelected tells
// it) and hands Restore to the EditingController, which makes it one undoable change.

#include "model/store/TimelineStore.h"
#include "ui/widgets/EditingController.h"
#include "ui/widgets/EventDetailsView.h"
#include "ui/widgets/HistoryPane.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/TimelineView.h"

#include <QDockWidget>

using namespace Qt::StringLiterals;

void MainWindow::buildHistoryDock() {
    m_history = new HistoryPane(*m_store, this);
    m_history->setObjectName(u"historyPane"_s);
    m_history->setRestoreEnabled(!m_store->isReadOnly());
    auto *dock = new QDockWidget(tr("History"), this);
    dock->setObjectName(u"historyDock"_s);
    dock->setWidget(m_history);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      QDockWidget::DockWidgetClosable);
    // Where the saved layout put it; the first time, a tab behind Details.
    if (!restoreDockWidget(dock)) {
        addDockWidget(Qt::RightDockWidgetArea, dock);
        if (auto *details = qobject_cast<QDockWidget *>(m_details->parentWidget())) {
            tabifyDockWidget(details, dock);
            details->raise();
        }
    }
    connect(dock, &QDockWidget::visibilityChanged, m_history, &HistoryPane::setOnScreen);
    m_history->setOnScreen(!dock->visibleRegion().isEmpty());
    connect(m_history, &HistoryPane::restoreRequested, m_editing, &EditingController::restoreEvent);
    connect(this, &MainWindow::reloaded, m_history, &HistoryPane::noteStoreChanged);
    showSelected(m_timeline->selectedEvent());
}
