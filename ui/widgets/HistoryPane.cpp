#include "ui/widgets/HistoryPane.h"

#include "model/store/TimelineStore.h"
#include "ui/widgets/RevisionHistoryModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
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
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_restore, 0, Qt::AlignRight);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &HistoryPane::updateRestore);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryPane::updateRestore);
    connect(m_restore, &QPushButton::clicked, this, [this] {
        if (const qint64 revision = chosenRevision())
            emit restoreRequested(m_uid, revision);
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

qint64 HistoryPane::chosenRevision() const {
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(RevisionHistoryModel::RevisionRole).toLongLong() : 0;
}

void HistoryPane::updateRestore() {
    // The newest revision is how the event stands: restoring it would change nothing.
    const qint64 chosen = chosenRevision();
    const bool newest =
        !m_model->revisions().isEmpty() && chosen == m_model->revisions().constFirst().number;
    m_restore->setEnabled(m_restoreEnabled && chosen != 0 && !newest);
}
