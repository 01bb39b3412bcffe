#include "ui/widgets/HistoryPane.h"

#include "model/store/TimelineStore.h"
#include "ui/widgets/RevisionHistoryModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

HistoryPane::HistoryPane(const TimelineStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store) {
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::PlainText);
    m_model = new RevisionHistoryModel(this);
    m_view = new QTreeView(this);
    m_view->setObjectName(u"historyView"_s);
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(true);
    m_restore = new QPushButton(tr("&Restore This Version"), this);
    m_restore->setObjectName(u"restoreVersion"_s);
    m_restore->setToolTip(tr("Put the event back as it stood after the chosen revision: a new "
                             "change, which Undo takes back"));
    m_deletedView = new QTreeWidget(this);
    m_deletedView->setObjectName(u"deletedEventsView"_s);
    m_deletedView->setHeaderLabels({tr("Event"), tr("Deleted"), tr("By"), tr("Why")});
    m_deletedView->setRootIsDecorated(false);
    m_deletedView->setUniformRowHeights(true);
    m_deletedView->setAllColumnsShowFocus(true);
    m_deletedView->hide();
    m_deletedButton = new QPushButton(tr("&Deleted Events"), this);
    m_deletedButton->setObjectName(u"showDeletedEvents"_s);
    m_deletedButton->setCheckable(true);
    m_deletedButton->setToolTip(tr("List the events deleted from the timeline, with who deleted "
                                   "them, when and why"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_deletedView, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_deletedButton);
    buttons->addStretch(1);
    buttons->addWidget(m_restore);
    layout->addLayout(buttons);
    connect(m_deletedButton, &QPushButton::toggled, this, &HistoryPane::setShowDeleted);
    connect(m_deletedView, &QTreeWidget::currentItemChanged, this, &HistoryPane::updateRestore);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &HistoryPane::updateRestore);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryPane::updateRestore);
    connect(m_restore, &QPushButton::clicked, this, [this] {
        if (m_showDeleted) {
            // As it stood just before the revision that deleted it.
            if (const QTreeWidgetItem *item = m_deletedView->currentItem())
                emit restoreRequested(item->data(0, Qt::UserRole).toString(),
                                      item->data(0, Qt::UserRole + 1).toLongLong() - 1);
        } else if (const qint64 revision = chosenRevision()) {
            emit restoreRequested(m_uid, revision);
        }
    });
    setEvent({}, {});
}

void HistoryPane::setEvent(const QString &uid, const QString &title) {
    m_uid = uid;
    m_title = title;
    m_stale = true;
    if (m_onScreen || uid.isEmpty())
        refresh();
}

void HistoryPane::refresh() {
    m_stale = false;
    if (m_store.latestRevision() == 0) { // a server's schema before 5 keeps no history
        m_heading->setText(tr("This timeline keeps no history yet (its database was made by "
                              "an older ChipTimeline; init upgrades it)."));
        m_model->setRevisions({}, {});
        m_deletedView->clear();
        return;
    }
    if (m_showDeleted) {
        refreshDeleted();
        return;
    }
    if (m_uid.isEmpty()) {
        m_heading->setText(tr("Select an event to see who changed it, when and why."));
        m_model->setRevisions({}, {});
        return;
    }
    RevisionFilter filter;
    filter.uid = m_uid;
    filter.withChanges = true;
    QList<Revision> revisions = m_store.revisions(filter);
    if (m_store.readError().isError()) {
        m_heading->setText(m_store.readError().message);
        m_model->setRevisions({}, {});
        return;
    }
    std::reverse(revisions.begin(), revisions.end()); // newest first
    m_heading->setText(
        revisions.size() == 1
            ? tr("History of “%1”: one revision").arg(m_title)
            : tr("History of “%1”: %n revisions", nullptr, int(revisions.size())).arg(m_title));
    m_model->setRevisions(revisions, m_uid);
    m_view->expandAll();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex parent = m_model->index(row, 0);
        for (int child = 0; child < m_model->rowCount(parent); ++child)
            m_view->setFirstColumnSpanned(child, parent, true);
    }
    m_view->resizeColumnToContents(RevisionHistoryModel::RevisionColumn);
    m_view->resizeColumnToContents(RevisionHistoryModel::WhenColumn);
}

void HistoryPane::setRestoreEnabled(bool enabled) {
    m_restoreEnabled = enabled;
    updateRestore();
}

void HistoryPane::setOnScreen(bool onScreen) {
    m_onScreen = onScreen;
    if (onScreen && m_stale)
        refresh();
}

void HistoryPane::noteStoreChanged() {
    m_stale = true;
    if (m_onScreen)
        refresh();
}

void HistoryPane::setShowDeleted(bool show) {
    m_showDeleted = show;
    m_deletedButton->setChecked(show);
    m_view->setVisible(!show);
    m_deletedView->setVisible(show);
    m_restore->setText(show ? tr("&Restore Deleted Event") : tr("&Restore This Version"));
    m_stale = true;
    if (m_onScreen || show)
        refresh();
    updateRestore();
}

void HistoryPane::refreshDeleted() {
    const QList<DeletedEvent> deleted = m_store.deletedEvents();
    m_deletedView->clear();
    if (m_store.readError().isError()) {
        m_heading->setText(m_store.readError().message);
        return;
    }
    m_heading->setText(deleted.isEmpty()     ? tr("No event has been deleted.")
                       : deleted.size() == 1 ? tr("One deleted event")
                                             : tr("%n deleted events, the latest deletion first",
                                                  nullptr, int(deleted.size())));
    for (const DeletedEvent &gone : deleted) {
        auto *item = new QTreeWidgetItem(
            m_deletedView,
            {gone.title, gone.at.toString(u"yyyy-MM-dd HH:mm"_s) + u" (r%1)"_s.arg(gone.revision),
             gone.author, gone.note});
        item->setData(0, Qt::UserRole, gone.uid);
        item->setData(0, Qt::UserRole + 1, gone.revision);
        item->setToolTip(0, gone.uid);
    }
    m_deletedView->resizeColumnToContents(0);
    m_deletedView->resizeColumnToContents(1);
    updateRestore();
}

qint64 HistoryPane::chosenRevision() const {
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(RevisionHistoryModel::RevisionRole).toLongLong() : 0;
}

void HistoryPane::updateRestore() {
    if (m_showDeleted) {
        m_restore->setEnabled(m_restoreEnabled && m_deletedView->currentItem() != nullptr);
        return;
    }
    // The newest revision is how the event stands: restoring it would change nothing.
    const qint64 chosen = chosenRevision();
    const bool newest =
        !m_model->revisions().isEmpty() && chosen == m_model->revisions().constFirst().number;
    m_restore->setEnabled(m_restoreEnabled && chosen != 0 && !newest);
}
