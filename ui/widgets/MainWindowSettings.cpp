// MainWindow's settings: the window's geometry and docks per screen layout (WindowMemory),
// the timeline's lanes and visible span, Edit → Preferences… and the theme it applies.
#include "ui/widgets/MainWindow.h"

#include "ui/widgets/AppTheme.h"
#include "ui/widgets/OverviewStrip.h"
#include "ui/widgets/PreferencesDialog.h"
#include "ui/widgets/TimelineView.h"
#include "ui/widgets/WindowMemory.h"

#include <QAction>
#include <QActionGroup>
#include <QEvent>
#include <QKeySequence>
#include <QMenu>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {
const QString groupingKey = u"timeline/grouping"_s;
const QString firstDayKey = u"timeline/firstDay"_s;
const QString lastDayKey = u"timeline/lastDay"_s;
} // namespace

void MainWindow::restoreSettings() {
    if (!WindowMemory::restore(*this))
        resize(1400, 820); // the first start
    QSettings settings;
    const int grouping = settings.value(groupingKey, int(LaneGrouping::Category)).toInt();
    if (grouping >= 0 && grouping <= int(LaneGrouping::None)) {
        m_timeline->setLaneGrouping(LaneGrouping(grouping));
        for (QAction *action : m_grouping->actions())
            action->setChecked(action->data().toInt() == grouping);
    }
    const double first = settings.value(firstDayKey, 0.0).toDouble();
    const double last = settings.value(lastDayKey, 0.0).toDouble();
    if (first > 0 && last > first)
        m_timeline->showDays(first, last);
}

void MainWindow::saveSettings() const {
    WindowMemory::save(*this);
    QSettings settings;
    settings.setValue(groupingKey, int(m_timeline->laneGrouping()));
    settings.setValue(firstDayKey, m_timeline->timeScale().firstDay());
    settings.setValue(lastDayKey, m_timeline->timeScale().lastDay());
}

void MainWindow::addPreferencesAction(QMenu *edit) {
    edit->addSeparator();
    QAction *preferences =
        edit->addAction(tr("&Preferences…"), this, [this] { PreferencesDialog::edit(this); });
    preferences->setObjectName(u"preferencesAction"_s);
    preferences->setMenuRole(QAction::PreferencesRole);
    // The platform's key (none on most Linux desktops), and Ctrl+, as other programs use.
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (const QKeySequence comma(u"Ctrl+,"_s); !keys.contains(comma))
        keys << comma;
    preferences->setShortcuts(keys);
}

void MainWindow::applyTimelineTheme() {
    const TimelineTheme theme = AppTheme::timelineThemeFor(palette());
    m_timeline->setTheme(theme);
    m_overview->setTheme(theme);
}

void MainWindow::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange && m_timeline)
        applyTimelineTheme();
    QMainWindow::changeEvent(event);
}
