// MainWindow: File → Changed Since Figure… reads a figure's provenance (the revision it was
// drawn from) and narrows the window to the events added or changed since that revision,
// what `changes --since` lists (::changesSince), under a banner with Show All that also
// names the figure's events deleted since, with a button to the History pane's list of them.

#include "model/history/ChangesSince.h"
#include "model/store/TimelineStore.h"
#include "ui/render/FigureProvenance.h"
#include "ui/widgets/HistoryPane.h"
#include "ui/widgets/MainWindow.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

void MainWindow::buildChangedSinceActions(QMenu *file) {
    QAction *changed = file->addAction(tr("C&hanged Since Figure…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Changed Since Figure"), {}, tr("Figures (*.png *.svg *.pdf);;All files (*)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!showChangedSince(path, &error))
            QMessageBox::warning(this, tr("Changed Since Figure"), error);
    });
    changed->setObjectName(u"changedSinceFigure"_s);

    m_changedBanner = new QWidget(this);
    m_changedBanner->setObjectName(u"changedSinceBanner"_s);
    m_changedBanner->setAutoFillBackground(true);
    QPalette palette = m_changedBanner->palette();
    palette.setColor(QPalette::Window, QColor(u"#e3f1df"_s));
    palette.setColor(QPalette::WindowText, QColor(u"#173b12"_s));
    m_changedBanner->setPalette(palette);
    m_changedLabel = new QLabel(m_changedBanner);
    m_changedLabel->setObjectName(u"changedSinceText"_s);
    m_changedLabel->setTextFormat(Qt::PlainText);
    m_changedLabel->setWordWrap(true);
    auto *all = new QPushButton(tr("Show All"), m_changedBanner);
    all->setObjectName(u"showAllEvents"_s);
    connect(all, &QPushButton::clicked, this, &MainWindow::clearChangedSince);
    // An event of the figure deleted since is not on the timeline: the History pane lists it.
    m_changedDeleted = new QPushButton(tr("Deleted Events"), m_changedBanner);
    m_changedDeleted->setObjectName(u"changedSinceDeleted"_s);
    connect(m_changedDeleted, &QPushButton::clicked, this, [this] {
        if (auto *dock = qobject_cast<QDockWidget *>(m_history->parentWidget())) {
            dock->show();
            dock->raise();
        }
        m_history->setShowDeleted(true);
    });
    auto *layout = new QHBoxLayout(m_changedBanner);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_changedLabel, 1);
    layout->addWidget(m_changedDeleted);
    layout->addWidget(all);
    m_changedBanner->hide();
    if (auto *central = qobject_cast<QVBoxLayout *>(centralWidget()->layout()))
        central->insertWidget(0, m_changedBanner);
}

bool MainWindow::showChangedSince(const QString &figurePath, QString *error) {
    QString why;
    const std::optional<FigureProvenance> record = FigureProvenance::readFromFile(figurePath, &why);
    const QString name = QFileInfo(figurePath).fileName();
    if (!record) {
        *error = tr("%1 records no provenance: %2").arg(name, why);
        return false;
    }
    if (record->revision <= 0) {
        *error = tr("%1 records no revision (it was made before the timeline kept its history)")
                     .arg(name);
        return false;
    }
    TimelineStore &live = liveStore();
    if (live.latestRevision() == 0) { // a server's schema before 5 keeps no history
        *error = tr("%1 cannot be compared: this timeline keeps no history yet").arg(name);
        return false;
    }
    QString message;
    if (live.revisionAt(u"r%1"_s.arg(record->revision), &message) == 0) {
        *error = tr("%1 was drawn from r%2, which this timeline does not have")
                     .arg(name)
                     .arg(record->revision);
        return false;
    }
    RevisionFilter filter;
    filter.withChanges = true;
    const QList<ItemChangeSince> changes = changesSince(live.revisions(filter), record->revision);
    if (live.readError().isError()) {
        *error = live.readError().message;
        return false;
    }
    // The shown store's ids of them (the as-of store numbers its rows afresh), and the titles
    // of the events deleted since, which the timeline cannot show.
    QSet<qint64> ids;
    QStringList deleted;
    for (const ItemChangeSince &item : changes) {
        if (item.entity != u"event"_s)
            continue;
        if (item.deleted)
            deleted << item.oldTitle;
        else if (const std::optional<Event> event = m_store->eventByUid(item.uid))
            ids.insert(event->id);
    }
    m_changedSinceIds = ids;
    m_changedSinceRevision = record->revision;
    QString text = (ids.size() == 1 ? tr("Changed since %1 (r%2): one event added or changed")
                                    : tr("Changed since %1 (r%2): %n events added or changed",
                                         nullptr, int(ids.size())))
                       .arg(name)
                       .arg(record->revision);
    if (!deleted.isEmpty()) {
        constexpr qsizetype named = 3;
        QStringList quoted;
        for (const QString &title : deleted.first(std::min(named, deleted.size())))
            quoted << tr("“%1”").arg(title);
        if (deleted.size() > named)
            quoted << u"…"_s;
        const QString titles = quoted.join(u", "_s);
        text += deleted.size() == 1
                    ? tr("; one event deleted: %1").arg(titles)
                    : tr("; %n events deleted: %1", nullptr, int(deleted.size())).arg(titles);
    }
    m_changedLabel->setText(text);
    m_changedDeleted->setVisible(!deleted.isEmpty());
    m_changedBanner->show();
    applyFilter(m_filter);
    return true;
}

void MainWindow::clearChangedSince() {
    m_changedSinceRevision = 0;
    m_changedSinceIds.clear();
    m_changedBanner->hide();
    applyFilter(m_filter);
}

TimelineData MainWindow::changedSinceOnly(const TimelineData &matching) const {
    if (m_changedSinceRevision == 0)
        return matching;
    std::vector<quint32> keep;
    for (qsizetype i = 0; i < matching.size(); ++i)
        if (m_changedSinceIds.contains(matching.id(i)))
            keep.push_back(quint32(i));
    return matching.subset(keep);
}
