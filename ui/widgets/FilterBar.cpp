#include "ui/widgets/FilterBar.h"

#include "model/FilterText.h"
#include "model/PartialDate.h"
#include "model/SearchQuery.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QStringListModel>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const auto ChipObjectName = "filterChip";

// Keys the search field needs for its text: typing, moving and selecting without Ctrl, and
// the standard editing shortcuts.
bool editsText(const QKeyEvent &key) {
    const Qt::KeyboardModifiers modifiers = key.modifiers() & ~Qt::KeypadModifier;
    if (modifiers == Qt::NoModifier || modifiers == Qt::ShiftModifier)
        return true;
    for (const QKeySequence::StandardKey standard :
         {QKeySequence::Copy, QKeySequence::Cut, QKeySequence::Paste, QKeySequence::Undo,
          QKeySequence::Redo, QKeySequence::SelectAll, QKeySequence::Delete,
          QKeySequence::Backspace, QKeySequence::DeleteStartOfWord, QKeySequence::DeleteEndOfWord,
          QKeySequence::MoveToNextWord, QKeySequence::MoveToPreviousWord,
          QKeySequence::SelectNextWord, QKeySequence::SelectPreviousWord,
          QKeySequence::SelectStartOfLine, QKeySequence::SelectEndOfLine}) {
        if (key.matches(standard))
            return true;
    }
    return false;
}

// Whether an enabled action of `window` has `keys` for its shortcut.
bool windowHasShortcut(const QWidget *window, const QKeySequence &keys) {
    const QList<QAction *> actions = window->findChildren<QAction *>();
    return std::any_of(actions.cbegin(), actions.cend(), [&](const QAction *action) {
        return action->isEnabled() && action->shortcuts().contains(keys);
    });
}

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(4);

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"searchField"_s);
    m_search->setPlaceholderText(tr("Search events and sources (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    m_search->installEventFilter(this);
    layout->addWidget(m_search, 2);

    m_addButton = new QToolButton(this);
    m_addButton->setObjectName(u"addFilterButton"_s);
    m_addButton->setText(tr("Filter"));
    m_addButton->setToolTip(tr("Add a filter"));
    m_addButton->setPopupMode(QToolButton::InstantPopup);
    layout->addWidget(m_addButton);

    m_chipBox = new QWidget(this);
    m_chipLayout = new QHBoxLayout(m_chipBox);
    m_chipLayout->setContentsMargins(0, 0, 0, 0);
    m_chipLayout->setSpacing(2);
    layout->addWidget(m_chipBox);

    m_valueLabel = new QLabel(this);
    m_valueLabel->hide();
    layout->addWidget(m_valueLabel);
    m_valueEdit = new QLineEdit(this);
    m_valueEdit->setObjectName(u"filterValueField"_s);
    m_valueEdit->hide();
    m_valueEdit->installEventFilter(this);
    m_completionNames = new QStringListModel(this);
    m_completer = new QCompleter(m_completionNames, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    layout->addWidget(m_valueEdit, 1);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &name) {
                m_valueEdit->setText(name);
                commitValueEntry();
            });

    layout->addStretch(0);
    m_count = new QLabel(this);
    m_count->setObjectName(u"resultCount"_s);
    layout->addWidget(m_count);

    m_hideButton = new QToolButton(this);
    m_hideButton->setObjectName(u"hideNonMatchingButton"_s);
    m_hideButton->setText(tr("Hide non-matching"));
    m_hideButton->setToolTip(tr("Checked: events that do not match are hidden.\n"
                                "Unchecked: they stay on the timeline, dimmed."));
    m_hideButton->setCheckable(true);
    layout->addWidget(m_hideButton);
    connect(m_hideButton, &QToolButton::toggled, this, [this](bool checked) {
        setNonMatching(checked ? NonMatching::Hide : NonMatching::Dim);
    });

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &FilterBar::emitNow);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));

    m_findAction = new QAction(tr("Find"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_findAction, &QAction::triggered, this, &FilterBar::focusSearch);
    addAction(m_findAction);

    buildMenu();
    rebuildChips();
}

void FilterBar::setCategories(const QList<Category> &categories) {
    m_categories = categories;
    buildMenu();
    rebuildChips();
}

void FilterBar::setActorNames(const QStringList &names) {
    m_actorNames = names;
}

void FilterBar::setChipNames(const QStringList &names) {
    m_chipNames = names;
}

void FilterBar::setTagNames(const QStringList &names) {
    m_tagNames = names;
}

EventFilter FilterBar::filter() const {
    EventFilter f = m_filter;
    f.query = SearchQuery::toFtsExpression(m_search->text());
    return f;
}

QString FilterBar::searchText() const {
    return m_search->text();
}

QString FilterBar::filterText() const {
    return FilterText::format(m_filter, m_search->text());
}

void FilterBar::setFilter(const EventFilter &filter, const QString &searchText) {
    m_filter = filter;
    m_filter.query.clear();
    {
        const QSignalBlocker blocker(m_search);
        m_search->setText(searchText);
    }
    applyChange();
}

void FilterBar::clear() {
    setFilter({}, {});
}

void FilterBar::setResultCount(int matching, int total) {
    const bool filtered = !filter().isEmpty();
    if (filtered)
        m_count->setText(tr("%1 of %2 events").arg(matching).arg(total));
    else
        m_count->setText(total == 1 ? tr("1 event") : tr("%1 events").arg(total));
}

QString FilterBar::resultCountText() const {
    return m_count->text();
}

void FilterBar::setSearchHint(const QString &hint) {
    m_searchHint = hint;
    m_search->setToolTip(hint);
}

void FilterBar::setNonMatching(NonMatching mode) {
    if (mode == m_nonMatching)
        return;
    m_nonMatching = mode;
    {
        const QSignalBlocker blocker(m_hideButton);
        m_hideButton->setChecked(mode == NonMatching::Hide);
    }
    emit nonMatchingChanged(mode);
}

void FilterBar::focusSearch() {
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FilterBar::buildMenu() {
    auto *menu = m_addButton->menu();
    if (!menu) {
        menu = new QMenu(m_addButton);
        m_addButton->setMenu(menu);
    }
    menu->clear();

    QMenu *categories = menu->addMenu(tr("Category"));
    categories->setEnabled(!m_categories.isEmpty());
    for (const Category &category : std::as_const(m_categories)) {
        categories->addAction(category.displayName(), this, [this, name = category.name] {
            if (!m_filter.categories.contains(name)) {
                m_filter.categories << name;
                applyChange();
            }
        });
    }
    menu->addAction(tr("Actor…"), this, [this] { startValueEntry(Field::Actor); });
    menu->addAction(tr("Chip…"), this, [this] { startValueEntry(Field::Chip); });
    menu->addAction(tr("Tag…"), this, [this] { startValueEntry(Field::Tag); });
    QMenu *statuses = menu->addMenu(tr("Status"));
    for (EventStatus status :
         {EventStatus::Confirmed, EventStatus::Reported, EventStatus::Disputed}) {
        statuses->addAction(eventStatusLabel(status), this, [this, status] {
            if (!m_filter.statuses.contains(status)) {
                m_filter.statuses << status;
                applyChange();
            }
        });
    }
    menu->addAction(tr("From date…"), this, [this] { startValueEntry(Field::From); });
    menu->addAction(tr("To date…"), this, [this] { startValueEntry(Field::To); });
    QMenu *sources = menu->addMenu(tr("Has sources"));
    sources->addAction(tr("With sources"), this, [this] {
        m_filter.hasSources = true;
        applyChange();
    });
    sources->addAction(tr("Without sources"), this, [this] {
        m_filter.hasSources = false;
        applyChange();
    });
    menu->addSeparator();
    menu->addAction(tr("Paste filter text…"), this, [this] { startValueEntry(Field::FilterText); });
    menu->addAction(tr("Clear all"), this, &FilterBar::clear);
}

void FilterBar::startValueEntry(Field field) {
    m_pendingField = field;
    QStringList names;
    QString label;
    switch (field) {
    case Field::Actor:
        names = m_actorNames;
        label = u"actor:"_s;
        break;
    case Field::Chip:
        names = m_chipNames;
        label = u"chip:"_s;
        break;
    case Field::Tag:
        names = m_tagNames;
        label = u"tag:"_s;
        break;
    case Field::From:
        label = u"from:"_s;
        break;
    case Field::To:
        label = u"to:"_s;
        break;
    case Field::FilterText:
        label = tr("Filter text:");
        break;
    case Field::None:
        return;
    }
    m_completionNames->setStringList(names);
    m_valueEdit->setCompleter(names.isEmpty() ? nullptr : m_completer);
    m_valueEdit->setPlaceholderText(field == Field::From || field == Field::To
                                        ? u"YYYY, YYYY-MM or YYYY-MM-DD"_s
                                    : field == Field::FilterText ? filterText()
                                                                 : QString());
    m_valueEdit->clear();
    m_valueEdit->setToolTip({});
    m_valueLabel->setText(label);
    m_valueLabel->show();
    m_valueEdit->show();
    m_valueEdit->setFocus(Qt::OtherFocusReason);
}

void FilterBar::commitValueEntry() {
    const QString value = m_valueEdit->text().trimmed();
    const auto refuse = [this](const QString &reason) {
        m_valueEdit->setToolTip(reason);
    };
    switch (m_pendingField) {
    case Field::Actor:
    case Field::Chip:
    case Field::Tag: {
        if (value.isEmpty())
            return cancelValueEntry();
        QStringList &list = m_pendingField == Field::Actor  ? m_filter.actors
                            : m_pendingField == Field::Chip ? m_filter.chips
                                                            : m_filter.tags;
        if (!list.contains(value))
            list << value;
        break;
    }
    case Field::From:
    case Field::To: {
        QString reason;
        const std::optional<PartialDate> date = PartialDate::parseIso(value, &reason);
        if (!date)
            return refuse(reason.isEmpty() ? tr("Not a date: YYYY, YYYY-MM or YYYY-MM-DD")
                                           : reason);
        if (m_pendingField == Field::From)
            m_filter.fromJulianDay = date->firstJulianDay();
        else
            m_filter.toJulianDay = date->lastJulianDay();
        break;
    }
    case Field::FilterText: {
        FilterText::Error error;
        const std::optional<FilterText::Parsed> parsed = FilterText::parse(value, &error);
        if (!parsed)
            return refuse(error.toString());
        cancelValueEntry();
        setFilter(parsed->filter, parsed->searchText);
        return;
    }
    case Field::None:
        return;
    }
    cancelValueEntry();
    applyChange();
}

void FilterBar::cancelValueEntry() {
    m_pendingField = Field::None;
    m_valueEdit->hide();
    m_valueLabel->hide();
    m_valueEdit->clear();
}

void FilterBar::applyChange() {
    rebuildChips();
    emitNow();
}

void FilterBar::emitNow() {
    m_debounce->stop();
    emit filterChanged(filter(), m_search->text());
}

void FilterBar::addChip(const QString &label, const QString &toolTip,
                        const std::function<void(EventFilter &)> &remove) {
    auto *chip = new QToolButton(m_chipBox);
    chip->setObjectName(QLatin1StringView(ChipObjectName));
    chip->setText(label + u" \u00D7"_s);
    chip->setToolTip(toolTip.isEmpty() ? tr("Remove this filter") : toolTip);
    chip->setAccessibleName(tr("Remove filter %1").arg(label));
    chip->setAutoRaise(false);
    connect(chip, &QToolButton::clicked, this, [this, remove] {
        remove(m_filter);
        applyChange();
    });
    m_chipLayout->addWidget(chip);
    chip->show(); // now, not at the next event loop pass, so the bar is current at once
}

void FilterBar::rebuildChips() {
    // Chips are few (one per chosen value): rebuilding them is simpler than patching.
    const QList<QToolButton *> old =
        m_chipBox->findChildren<QToolButton *>(QString(), Qt::FindDirectChildrenOnly);
    for (QToolButton *chip : old) {
        chip->hide();
        chip->deleteLater();
    }
    const auto label = [](const EventFilter &single) {
        return FilterText::format(single);
    };
    const auto listChips = [&](QStringList EventFilter::*list) {
        for (const QString &value : std::as_const(m_filter.*list)) {
            EventFilter single;
            (single.*list) << value;
            QString toolTip;
            if (list == &EventFilter::categories) {
                for (const Category &category : std::as_const(m_categories)) {
                    if (category.name == value)
                        toolTip = category.displayName();
                }
            }
            addChip(label(single), toolTip,
                    [list, value](EventFilter &f) { (f.*list).removeAll(value); });
        }
    };
    listChips(&EventFilter::categories);
    listChips(&EventFilter::actors);
    listChips(&EventFilter::chips);
    listChips(&EventFilter::tags);
    for (EventStatus status : std::as_const(m_filter.statuses)) {
        EventFilter single;
        single.statuses << status;
        addChip(label(single), eventStatusExplanation(status),
                [status](EventFilter &f) { f.statuses.removeAll(status); });
    }
    if (m_filter.fromJulianDay) {
        EventFilter single;
        single.fromJulianDay = m_filter.fromJulianDay;
        addChip(label(single), {}, [](EventFilter &f) { f.fromJulianDay.reset(); });
    }
    if (m_filter.toJulianDay) {
        EventFilter single;
        single.toJulianDay = m_filter.toJulianDay;
        addChip(label(single), {}, [](EventFilter &f) { f.toJulianDay.reset(); });
    }
    if (m_filter.hasSources) {
        EventFilter single;
        single.hasSources = m_filter.hasSources;
        addChip(label(single), {}, [](EventFilter &f) { f.hasSources.reset(); });
    }
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_search && event->type() == QEvent::ShortcutOverride) {
        // On Linux the field claims Ctrl+E (end of line, as in Emacs; End does the same) and
        // other Ctrl+letter moves. Where the window has a shortcut on such a key (Ctrl+E:
        // Export Image), the shortcut wins: left unaccepted, the key goes to the window.
        const auto *key = static_cast<QKeyEvent *>(event);
        if (!editsText(*key) && windowHasShortcut(window(), QKeySequence(key->keyCombination())))
            return true;
        return QWidget::eventFilter(watched, event);
    }
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    if (watched == m_search) {
        if (enter) {
            if (m_debounce->isActive())
                emitNow(); // the match to go to is one of the text just typed
            if (key->modifiers() & Qt::ShiftModifier)
                emit previousMatchRequested();
            else
                emit nextMatchRequested();
            return true;
        }
        if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            emitNow();
            return true;
        }
    } else if (watched == m_valueEdit) {
        if (enter) {
            // Let an open completion popup take the highlighted name first.
            if (m_completer->popup() && m_completer->popup()->isVisible())
                return QWidget::eventFilter(watched, event);
            commitValueEntry();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            cancelValueEntry();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
