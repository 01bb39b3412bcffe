// MainWindow's File menu (new, open, recent, save a copy), the start panel of an empty
// timeline, and Help → User Guide and What's New.
#include "ui/widgets/MainWindow.h"

#include "model/DefaultDatabase.h"
#include "ui/widgets/DatabaseSafety.h"
#include "ui/widgets/EditingController.h"
#include "ui/widgets/FilterBar.h"
#include "ui/widgets/HelpWindow.h"
#include "ui/widgets/OverviewStrip.h"
#include "ui/widgets/RecentFiles.h"
#include "ui/widgets/StartPanel.h"
#include "ui/widgets/TimelineView.h"
#include "ui/widgets/WhatsNewDialog.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QStackedWidget>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace {
const QString timelineSuffix = u".chiptimeline.sqlite"_s;

// A name without an extension gets the one the file manager knows timelines by.
QString withTimelineSuffix(const QString &path) {
    return QFileInfo(path).suffix().isEmpty() ? path + timelineSuffix : path;
}

// A window of its own on `store`, deleted when it closes (it records itself as recent).
MainWindow *showWindowOn(std::unique_ptr<TimelineStore> store) {
    auto *window = new MainWindow(std::move(store));
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    return window;
}
} // namespace

void MainWindow::buildFileMenu(QMenu *file) {
    m_recent = new RecentFiles(this);
    if (m_store->isFileBased())
        m_recent->add(m_store->path());
    else
        m_recent->addServer(m_store->path());
    connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::openTimeline);

    QAction *newAction = file->addAction(tr("&New Timeline…"), this, &MainWindow::newTimeline);
    newAction->setObjectName(u"newTimelineAction"_s);
    newAction->setShortcut(QKeySequence::New);
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::openTimelineFile);
    open->setObjectName(u"openAction"_s);
    open->setShortcut(QKeySequence::Open);
    QAction *team =
        file->addAction(tr("Open &Team Timeline…"), this, [this] { openTeamTimeline(); });
    team->setObjectName(u"openTeamAction"_s);
    QMenu *recent = file->addMenu(tr("Open &Recent"));
    recent->setObjectName(u"openRecentMenu"_s);
    m_recent->attachMenu(recent);
    m_importAnchor = file->addSeparator();
    QAction *copy = file->addAction(tr("Save a &Copy As…"), this, &MainWindow::saveCopy);
    copy->setObjectName(u"saveCopyAction"_s);
    copy->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
}

MainWindow *MainWindow::openTimeline(const QString &path) {
    const bool server = TimelineStore::isServerLocation(path);
    if (server ? path == liveStore().path()
               : QFileInfo(path).absoluteFilePath() ==
                     QFileInfo(liveStore().path()).absoluteFilePath()) {
        raise();
        activateWindow();
        return this;
    }
    StoreError error;
    std::unique_ptr<TimelineStore> store = TimelineStore::open(path, &error);
    if (!store) {
        QMessageBox::critical(this, tr("Cannot open the timeline"), error.message);
        return nullptr;
    }
    return showWindowOn(std::move(store));
}

MainWindow *MainWindow::newTimelineAt(const QString &path, QString *error) {
    if (QFileInfo::exists(path)) {
        if (error)
            *error = tr("%1 already exists: open it with File → Open, or choose another name.")
                         .arg(QDir::toNativeSeparators(path));
        return nullptr;
    }
    StoreError storeError;
    std::unique_ptr<TimelineStore> store = TimelineStore::open(path, &storeError);
    if (!store) {
        if (error)
            *error = storeError.message;
        return nullptr;
    }
    return showWindowOn(std::move(store));
}

void MainWindow::newTimeline() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("New Timeline"),
        QFileInfo(liveStore().path()).absolutePath() + u"/"_s + tr("Untitled") + timelineSuffix,
        tr("ChipTimeline databases (*.sqlite)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    QString error;
    if (!newTimelineAt(withTimelineSuffix(path), &error))
        QMessageBox::warning(this, tr("Cannot create the timeline"), error);
}

void MainWindow::openTimelineFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Timeline"), QFileInfo(liveStore().path()).absolutePath(),
        tr("ChipTimeline databases (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty())
        openTimeline(path);
}

bool MainWindow::saveCopyTo(const QString &path, QString *error) {
    StoreError storeError;
    if (!m_store->saveCopy(path, &storeError)) {
        if (error)
            *error = storeError.message;
        return false;
    }
    statusBar()->showMessage(tr("Saved a copy as %1").arg(QDir::toNativeSeparators(path)), 8000);
    return true;
}

void MainWindow::saveCopy() {
    const QFileInfo current(m_store->path());
    const QString base = current.fileName().section(u'.', 0, 0);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save a Copy As"),
                                                      current.absolutePath() + u'/' +
                                                          tr("%1 copy").arg(base) + timelineSuffix,
                                                      tr("ChipTimeline databases (*.sqlite)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveCopyTo(withTimelineSuffix(path), &error))
        QMessageBox::warning(this, tr("Copy not saved"), error);
}

HelpWindow *MainWindow::showUserGuide() {
    auto *guide = findChild<HelpWindow *>();
    if (!guide)
        guide = new HelpWindow(this);
    guide->show();
    guide->raise();
    guide->activateWindow();
    return guide;
}

void MainWindow::showWhatsNew() {
    WhatsNewDialog dialog(this);
    dialog.exec();
}

void MainWindow::buildStartPanel() {
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(u"timelineStack"_s);
    m_startPanel = new StartPanel(this);
    m_stack->addWidget(m_timeline);
    m_stack->addWidget(m_startPanel);
    connect(m_startPanel, &StartPanel::importRequested, this, [this] { importFiles({}); });
    connect(m_startPanel, &StartPanel::addEventRequested, this, [this] {
        if (m_editing)
            m_editing->newEvent();
    });
    connect(m_startPanel, &StartPanel::bundledCopyRequested, this, &MainWindow::openBundledCopy);
    connect(m_startPanel, &StartPanel::recentRequested, this, &MainWindow::openTimeline);
    connect(m_startPanel, &StartPanel::removeMissingRequested, this, [this] {
        m_recent->removeMissing();
        updateStartPanel();
    });
}

void MainWindow::updateStartPanel() {
    const bool empty = m_store->eventCount() == 0;
    if (empty && m_recent)
        m_startPanel->setRecentFiles(m_recent->files(), m_store->path(), m_recent->servers());
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_startPanel) : m_timeline);
    // Nothing to filter or overview yet.
    m_filterBar->setVisible(!empty);
    m_overview->setVisible(!empty);
}

MainWindow *MainWindow::openBundledCopyAt(const QString &path, QString *error) {
    if (QFileInfo::exists(path)) {
        if (error)
            *error =
                tr("%1 already exists: choose another name.").arg(QDir::toNativeSeparators(path));
        return nullptr;
    }
    StoreError storeError;
    std::unique_ptr<TimelineStore> store = TimelineStore::open(path, &storeError);
    if (!store || !DefaultDatabase::fillIfNew(*store, &storeError)) {
        if (error)
            *error = storeError.message;
        return nullptr;
    }
    return showWindowOn(std::move(store));
}

void MainWindow::openBundledCopy() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("New Timeline from the Bundled Dataset"),
        QFileInfo(liveStore().path()).absolutePath() + u'/' + tr("AI-chip export controls") +
            timelineSuffix,
        tr("ChipTimeline databases (*.sqlite)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    QString error;
    if (!openBundledCopyAt(withTimelineSuffix(path), &error))
        QMessageBox::warning(this, tr("Cannot create the timeline"), error);
}

void MainWindow::restoreFromBackup() {
    DatabaseSafety::restoreFromBackup(this, liveStore().path());
}

// Files dropped on the window are imported.
void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    for (const QUrl &url : urls)
        if (!url.isLocalFile())
            return;
    if (!urls.isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls())
        files << url.toLocalFile();
    event->acceptProposedAction();
    // Once the drop has returned: the file manager that started the drag is not kept waiting.
    QMetaObject::invokeMethod(
        this, [this, files] { importFiles(files); }, Qt::QueuedConnection);
}
