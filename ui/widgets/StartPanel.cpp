#include "ui/widgets/StartPanel.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QPushButton *startButton(const QString &text, const QString &detail, const QString &name,
                         QWidget *parent) {
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setToolTip(detail);
    button->setMinimumHeight(40);
    return button;
}
} // namespace

StartPanel::StartPanel(QWidget *parent)
    : QWidget(parent) {
    setObjectName(u"startPanel"_s);
    auto *title = new QLabel(tr("This timeline is empty"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("Start it with events from a file, the first event typed by hand, "
                                "or the AI-chip export-control dataset that comes with "
                                "ChipTimeline."),
                             this);
    intro->setWordWrap(true);

    m_import = startButton(tr("Import a File…"),
                           tr("Events and sources from a ChipTimeline, CSV, TimelineJS, "
                              "Timeline or iCalendar file, or references from Zotero"),
                           u"importButton"_s, this);
    m_addEvent = startButton(tr("Add the First Event…"),
                             tr("Type an event with its date, status and sources"),
                             u"addEventButton"_s, this);
    m_bundled = startButton(tr("Open the AI-Chip Export-Control Dataset…"),
                            tr("A copy of the bundled dataset, events from 2022 on with their "
                               "sources, in a new timeline of your own to change as you like"),
                            u"bundledButton"_s, this);
    connect(m_import, &QPushButton::clicked, this, &StartPanel::importRequested);
    connect(m_addEvent, &QPushButton::clicked, this, &StartPanel::addEventRequested);
    connect(m_bundled, &QPushButton::clicked, this, &StartPanel::bundledCopyRequested);

    auto *recentTitle = new QLabel(tr("Recent timelines"), this);
    QFont bold = recentTitle->font();
    bold.setBold(true);
    recentTitle->setFont(bold);
    m_recent = new QListWidget(this);
    m_recent->setObjectName(u"recentList"_s);
    m_recent->setMaximumHeight(220);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (item->flags().testFlag(Qt::ItemIsEnabled))
            emit recentRequested(item->data(Qt::UserRole).toString());
    });

    m_removeMissing = new QPushButton(tr("&Remove Missing Timelines"), this);
    m_removeMissing->setObjectName(u"removeMissingButton"_s);
    m_removeMissing->setToolTip(tr("Take the timelines marked “not found” off the list"));
    m_removeMissing->hide();
    connect(m_removeMissing, &QPushButton::clicked, this, &StartPanel::removeMissingRequested);

    auto *column = new QWidget(this);
    column->setMinimumWidth(480);
    column->setMaximumWidth(560);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setSpacing(12);
    columnLayout->addWidget(title);
    columnLayout->addWidget(intro);
    columnLayout->addSpacing(8);
    columnLayout->addWidget(m_import);
    columnLayout->addWidget(m_addEvent);
    columnLayout->addWidget(m_bundled);
    columnLayout->addSpacing(16);
    columnLayout->addWidget(recentTitle);
    columnLayout->addWidget(m_recent);
    columnLayout->addWidget(m_removeMissing, 0, Qt::AlignRight);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(column, 0, Qt::AlignHCenter);
    layout->addStretch(2);
}

void StartPanel::setRecentFiles(const QStringList &files, const QString &current,
                                const QStringList &servers) {
    m_recent->clear();
    const QString currentPath = QFileInfo(current).absoluteFilePath();
    bool anyMissing = false;
    for (const QString &file : files) {
        if (file == currentPath)
            continue;
        const QFileInfo info(file);
        auto *item = new QListWidgetItem(info.fileName(), m_recent);
        item->setData(Qt::UserRole, file);
        item->setToolTip(QDir::toNativeSeparators(file));
        if (!info.exists()) {
            item->setText(tr("%1 (not found)").arg(info.fileName()));
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            anyMissing = true;
        }
    }
    for (const QString &server : servers) {
        if (server == current)
            continue;
        auto *item = new QListWidgetItem(server, m_recent);
        item->setData(Qt::UserRole, server);
        item->setToolTip(tr("Team timeline on a server"));
    }
    m_removeMissing->setVisible(anyMissing);
    if (m_recent->count() == 0) {
        auto *none = new QListWidgetItem(tr("No other timelines yet"), m_recent);
        none->setFlags(Qt::NoItemFlags);
    }
}
