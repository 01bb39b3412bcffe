// MainWindow and a timeline on a PostgreSQL server: File → Open Team Timeline…, and the
// banner and read-only state while the server is not reachable (ServerConnectionWatch).
#include "ui/widgets/MainWindow.h"

#include "ui/widgets/EditingController.h"
#include "ui/widgets/EventDetailsView.h"
#include "ui/widgets/HistoryPane.h"
#include "ui/widgets/RecentFiles.h"
#include "ui/widgets/ServerConnectionWatch.h"
#include "ui/widgets/TeamTimelineDialog.h"

#include <QLabel>
#include <QVBoxLayout>

MainWindow *MainWindow::openTeamTimeline() {
    TeamTimelineDialog dialog(m_recent->servers(), this);
    if (dialog.exec() != QDialog::Accepted)
        return nullptr;
    auto *window = new MainWindow(dialog.takeStore());
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    return window;
}

void MainWindow::buildServerWatch(QVBoxLayout *central) {
    m_serverWatch = new ServerConnectionWatch(liveStore(), this);
    central->insertWidget(1, m_serverWatch->banner());
    // The store is read-only while the connection is lost; the editing actions, the details'
    // edit links and History's Restore follow it, the selection stays.
    const auto followStore = [this] {
        const bool writable = !liveStore().isReadOnly();
        m_details->setEditable(writable);
        if (m_history)
            m_history->setRestoreEnabled(writable);
        if (m_editing)
            m_editing->setSelectedEvents(m_editing->selectedEvents());
        if (!liveStore().isConnectionLost()) // its counts are read from the server
            updateStatus();
    };
    connect(m_serverWatch, &ServerConnectionWatch::connectionLost, this, followStore);
    connect(m_serverWatch, &ServerConnectionWatch::reconnected, this, [this, followStore] {
        reload(); // what others committed meanwhile; no notice of it came
        followStore();
    });
}
