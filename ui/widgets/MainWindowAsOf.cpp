// MainWindow: View → As Of… shows the whole timeline read-only as it stood at a revision or
// date-time, under a banner with Back to Now. The as-of timeline is held in a store of its own
// (::storeAsOf, as the command line's --as-of), which the window reads in place of the live
// one; the live store, which editing, the History dock and the safety checks hold, refuses
// writes meanwhile (TimelineStore::holdReadOnly).

#include "model/history/StoreAsOf.h"
#include "model/store/TimelineStore.h"
#include "ui/widgets/EditingController.h"
#include "ui/widgets/EventDetailsView.h"
#include "ui/widgets/HistoryPane.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/TimelineView.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

// Here, where the as-of folder's type is complete.
MainWindow::~MainWindow() = default;

void MainWindow::buildAsOfActions(QMenu *view) {
    QAction *asOf = view->addAction(tr("As &Of…"), this, [this] {
        bool ok = false;
        const QString point = QInputDialog::getText(
            this, tr("As Of"),
            tr("Show the timeline as it stood at a revision (r12) or a UTC date-time "
               "(2025-09-01T12:00):"),
            QLineEdit::Normal, {}, &ok);
        if (!ok || point.trimmed().isEmpty())
            return;
        QString error;
        if (!showAsOf(point.trimmed(), &error))
            QMessageBox::warning(this, tr("As Of"), error);
    });
    asOf->setObjectName(u"asOfAction"_s);
    m_backToNow = view->addAction(tr("Back to &Now"), this, &MainWindow::backToNow);
    m_backToNow->setObjectName(u"backToNowAction"_s);
    m_backToNow->setEnabled(false);
    view->addSeparator();

    m_asOfBanner = new QWidget(this);
    m_asOfBanner->setObjectName(u"asOfBanner"_s);
    m_asOfBanner->setAutoFillBackground(true);
    QPalette palette = m_asOfBanner->palette();
    palette.setColor(QPalette::Window, QColor(u"#dbe9f7"_s));
    palette.setColor(QPalette::WindowText, QColor(u"#0b2545"_s));
    m_asOfBanner->setPalette(palette);
    m_asOfLabel = new QLabel(m_asOfBanner);
    m_asOfLabel->setObjectName(u"asOfText"_s);
    m_asOfLabel->setTextFormat(Qt::PlainText);
    auto *back = new QPushButton(tr("Back to Now"), m_asOfBanner);
    back->setObjectName(u"backToNow"_s);
    connect(back, &QPushButton::clicked, this, &MainWindow::backToNow);
    auto *layout = new QHBoxLayout(m_asOfBanner);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_asOfLabel, 1);
    layout->addWidget(back);
    m_asOfBanner->hide();
    if (auto *central = qobject_cast<QVBoxLayout *>(centralWidget()->layout()))
        central->insertWidget(0, m_asOfBanner);
}

TimelineStore &MainWindow::liveStore() const {
    return m_liveStore ? *m_liveStore : *m_store;
}

bool MainWindow::showAsOf(const QString &point, QString *error) {
    TimelineStore &live = liveStore();
    if (live.latestRevision() == 0) { // a server's schema before 5 keeps no history
        *error =
            tr("Cannot show the timeline as of %1: this timeline keeps no history yet").arg(point);
        return false;
    }
    QString message;
    const qint64 revision = live.revisionAt(point, &message);
    if (revision == 0) {
        // The store's line names the command line's option; the window has none.
        *error = tr("Cannot show the timeline as of %1: %2")
                     .arg(point, message.remove(u"--as-of "_s + point + u": "_s));
        return false;
    }
    QString failure;
    // Seconds at 100k events for a point before most of them changed (docs/benchmarks.md):
    // the window says what it is doing while it turns the timeline back.
    statusBar()->showMessage(tr("Turning the timeline back to r%1…").arg(revision));
    statusBar()->repaint();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    StoreAsOf asOf = ::storeAsOf(live, revision, &failure, AsOfDataset::Skip);
    QApplication::restoreOverrideCursor();
    statusBar()->clearMessage();
    if (!asOf.store) {
        *error = tr("Cannot show the timeline as of %1: %2").arg(point, failure);
        return false;
    }
    QDateTime at;
    for (const Revision &r : live.revisions({}))
        if (r.number == revision)
            at = r.at;
    const QString reason = tr("showing the timeline as of r%1").arg(revision);
    m_timeline->selectEvent(0); // its id is the other store's
    clearChangedSince();        // so are the changed events' ids
    if (!m_liveStore)
        m_liveStore = std::move(m_store);
    m_store = std::move(asOf.store); // an earlier as-of store goes first, then its folder
    m_asOfFolder = std::move(asOf.folder);
    m_asOfRevision = revision;
    m_liveStore->holdReadOnly(reason);
    m_store->holdReadOnly(reason);
    m_asOfLabel->setText(
        tr("As of r%1 (%2 UTC) — read-only").arg(revision).arg(at.toString(u"yyyy-MM-dd HH:mm"_s)));
    m_asOfBanner->show();
    m_backToNow->setEnabled(true);
    updateEditable();
    reload();
    return true;
}

void MainWindow::backToNow() {
    if (!m_liveStore)
        return;
    m_timeline->selectEvent(0);
    clearChangedSince();
    m_store = std::move(m_liveStore); // the as-of store closes before its folder goes
    m_asOfFolder.reset();
    m_asOfRevision = 0;
    m_store->releaseReadOnly();
    m_asOfBanner->hide();
    m_backToNow->setEnabled(false);
    updateEditable();
    reload();
}

void MainWindow::updateEditable() {
    const bool writable = !liveStore().isReadOnly();
    m_details->setEditable(writable);
    m_history->setRestoreEnabled(writable);
    m_editing->setSelectedEvents({}); // its actions follow the store's read-only state
}
