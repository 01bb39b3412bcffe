#pragma once

#include "model/Category.h"
#include "model/EventFilter.h"

#include <QStringList>
#include <QWidget>

#include <functional>

class QAction;
class QCompleter;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QStringListModel;
class QTimer;
class QToolButton;

// The bar above the timeline: a search field, one removable chip per active filter value,
// a menu to add filters, the result count and the hide/dim choice for non-matching events.
// It knows nothing of the store: the window passes the names to offer and the counts, and
// listens to filterChanged.
//
// Typing is debounced (150 ms, single-shot) so the timeline is queried once per pause, not
// once per key; chips and menu choices apply at once. Enter in the search field flushes a
// pending change, then asks for the next match; Shift+Enter for the previous; Escape clears.
// Chips are labelled in the shareable filter text syntax (FilterText), e.g. "actor:Nvidia".
class FilterBar : public QWidget {
    Q_OBJECT

public:
    enum class NonMatching { Hide, Dim };
    Q_ENUM(NonMatching)

    static constexpr int DebounceMs = 150;

    explicit FilterBar(QWidget *parent = nullptr);

    // What the add-filter menu and the name completion offer.
    void setCategories(const QList<Category> &categories);
    void setActorNames(const QStringList &names);
    void setChipNames(const QStringList &names);
    void setTagNames(const QStringList &names);

    // The current filter; its `query` is the FTS5 expression of searchText().
    [[nodiscard]] EventFilter filter() const;
    [[nodiscard]] QString searchText() const;
    // Shows a filter (a saved view, a pasted text); emits filterChanged once.
    void setFilter(const EventFilter &filter, const QString &searchText);
    // The shareable text of the current filter (FilterText).
    [[nodiscard]] QString filterText() const;

    // "12 of 39 events"; "39 events" when nothing is filtered.
    void setResultCount(int matching, int total);
    [[nodiscard]] QString resultCountText() const;
    // A line under the search field's tooltip, e.g. SearchQuery's repair hint; empty hides it.
    void setSearchHint(const QString &hint);

    [[nodiscard]] NonMatching nonMatching() const { return m_nonMatching; }
    void setNonMatching(NonMatching mode);

    // Ctrl+F (window-wide): focuses and selects the search field. The window may put it in
    // its Edit menu.
    [[nodiscard]] QAction *findAction() const { return m_findAction; }
    [[nodiscard]] QLineEdit *searchField() const { return m_search; }

public slots:
    void focusSearch();
    void clear(); // removes every filter and the search text

signals:
    void filterChanged(const EventFilter &filter, const QString &searchText);
    void nextMatchRequested();
    void previousMatchRequested();
    void nonMatchingChanged(FilterBar::NonMatching mode);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Field { None, Actor, Chip, Tag, From, To, FilterText };

    void buildMenu();
    void startValueEntry(Field field);
    void commitValueEntry();
    void cancelValueEntry();
    void applyChange(); // rebuild chips, emit now
    void rebuildChips();
    void addChip(const QString &label, const QString &toolTip,
                 const std::function<void(EventFilter &)> &remove);
    void emitNow();

    EventFilter m_filter; // without query: that comes from the search field
    QList<Category> m_categories;
    QStringList m_actorNames;
    QStringList m_chipNames;
    QStringList m_tagNames;
    NonMatching m_nonMatching = NonMatching::Dim;
    Field m_pendingField = Field::None;

    QLineEdit *m_search = nullptr;
    QTimer *m_debounce = nullptr;
    QToolButton *m_addButton = nullptr;
    QWidget *m_chipBox = nullptr;
    QHBoxLayout *m_chipLayout = nullptr;
    QLabel *m_valueLabel = nullptr;
    QLineEdit *m_valueEdit = nullptr;
    QStringListModel *m_completionNames = nullptr;
    QCompleter *m_completer = nullptr;
    QLabel *m_count = nullptr;
    QToolButton *m_hideButton = nullptr;
    QAction *m_findAction = nullptr;
    QString m_searchHint;
};
