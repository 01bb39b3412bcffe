#include "ui/widgets/FilterBar.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCompleter>
#include <QDate>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

// The filter bar driven as a user would: keys, clicks and menu choices, offscreen.
class tst_FilterBar : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void initialState();
    void typingIsDebounced();
    void enterAndShiftEnter();
    void enterFlushesPendingTyping();
    void escapeClears();
    void chipsShowAndRemove();
    void addCategoryAndStatusFromMenu();
    void addActorWithCompletion();
    void addDates();
    void refuseBadDate();
    void pasteFilterText();
    void resultCount();
    void hideOrDim();
    void findShortcut();

private:
    [[nodiscard]] QStringList chipTexts() const;
    [[nodiscard]] QToolButton *chip(const QString &text) const;
    [[nodiscard]] QAction *menuAction(const QString &text) const;
    [[nodiscard]] QLineEdit *valueField() const;

    FilterBar *m_bar = nullptr;
};

void tst_FilterBar::init() {
    m_bar = new FilterBar;
    m_bar->setCategories(
        {Category{1, u"us-export-control"_s, u"US export controls"_s, QColor(u"#d55e00"_s), 1},
         Category{2, u"china-policy"_s, u"China policy"_s, QColor(u"#0a7bc0"_s), 2}});
    m_bar->setActorNames({u"AMD"_s, u"Nvidia"_s, u"US Commerce/BIS"_s});
    m_bar->setChipNames({u"H20"_s, u"H200"_s});
    m_bar->resize(900, 40);
    m_bar->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_bar));
}

void tst_FilterBar::cleanup() {
    delete m_bar;
    m_bar = nullptr;
}

QStringList tst_FilterBar::chipTexts() const {
    QStringList texts;
    const QList<QToolButton *> chips = m_bar->findChildren<QToolButton *>(u"filterChip"_s);
    for (QToolButton *button : chips) {
        if (!button->isHidden())
            texts << button->text();
    }
    return texts;
}

QToolButton *tst_FilterBar::chip(const QString &text) const {
    const QList<QToolButton *> chips = m_bar->findChildren<QToolButton *>(u"filterChip"_s);
    for (QToolButton *button : chips) {
        if (!button->isHidden() && button->text() == text)
            return button;
    }
    return nullptr;
}

QAction *tst_FilterBar::menuAction(const QString &path) const {
    // "Status/Reported": a submenu, then its entry.
    QMenu *menu = m_bar->findChild<QToolButton *>(u"addFilterButton"_s)->menu();
    const QStringList parts = path.split(u'/');
    for (qsizetype i = 0; i < parts.size() && menu; ++i) {
        QAction *found = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->text() == parts[i])
                found = action;
        }
        if (!found)
            return nullptr;
        if (i == parts.size() - 1)
            return found;
        menu = found->menu();
    }
    return nullptr;
}

QLineEdit *tst_FilterBar::valueField() const {
    return m_bar->findChild<QLineEdit *>(u"filterValueField"_s);
}

void tst_FilterBar::initialState() {
    QCOMPARE(m_bar->searchField()->placeholderText(), u"Search events and sources (Ctrl+F)"_s);
    QVERIFY(m_bar->searchField()->isClearButtonEnabled());
    QVERIFY(m_bar->filter().isEmpty());
    QCOMPARE(m_bar->filterText(), QString());
    QCOMPARE(chipTexts(), QStringList());
    QCOMPARE(m_bar->nonMatching(), FilterBar::NonMatching::Dim);
    QVERIFY(valueField()->isHidden());
}

void tst_FilterBar::typingIsDebounced() {
    QSignalSpy changed(m_bar, &FilterBar::filterChanged);
    QTest::keyClicks(m_bar->searchField(), u"H20 licence"_s);
    QTRY_COMPARE(changed.size(), 1); // one change for eleven keys
    const EventFilter filter = changed[0][0].value<EventFilter>();
    QCOMPARE(filter.query, u"\"H20\" AND \"licence\""_s);
    QCOMPARE(changed[0][1].toString(), u"H20 licence"_s);
    QCOMPARE(m_bar->searchText(), u"H20 licence"_s);
    QCOMPARE(m_bar->filterText(), u"q:\"H20 licence\""_s);

    QTest::keyClick(m_bar->searchField(), Qt::Key_Backspace);
    QTRY_COMPARE(changed.size(), 2);
    QCOMPARE(changed[1][1].toString(), u"H20 licenc"_s);
}

void tst_FilterBar::enterAndShiftEnter() {
    QSignalSpy next(m_bar, &FilterBar::nextMatchRequested);
    QSignalSpy previous(m_bar, &FilterBar::previousMatchRequested);
    QTest::keyClick(m_bar->searchField(), Qt::Key_Return);
    QCOMPARE(next.size(), 1);
    QCOMPARE(previous.size(), 0);
    QTest::keyClick(m_bar->searchField(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(next.size(), 1);
    QCOMPARE(previous.size(), 1);
    QTest::keyClick(m_bar->searchField(), Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(next.size(), 2);
}

void tst_FilterBar::enterFlushesPendingTyping() {
    QStringList order;
    connect(m_bar, &FilterBar::filterChanged, this,
            [&order](const EventFilter &, const QString &text) { order << u"filter "_s + text; });
    connect(m_bar, &FilterBar::nextMatchRequested, this, [&order] { order << u"next"_s; });
    QTest::keyClicks(m_bar->searchField(), u"MI308"_s);
    QTest::keyClick(m_bar->searchField(), Qt::Key_Return);
    // No waiting: Enter applies the text at once, then moves to the next match.
    QCOMPARE(order, (QStringList{u"filter MI308"_s, u"next"_s}));
}

void tst_FilterBar::escapeClears() {
    QSignalSpy changed(m_bar, &FilterBar::filterChanged);
    m_bar->setFilter({}, u"Huawei"_s);
    QCOMPARE(changed.size(), 1);
    QTest::keyClick(m_bar->searchField(), Qt::Key_Escape);
    QCOMPARE(m_bar->searchText(), QString());
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed[1][1].toString(), QString());
    QVERIFY(changed[1][0].value<EventFilter>().isEmpty());
}

void tst_FilterBar::chipsShowAndRemove() {
    EventFilter filter;
    filter.categories = {u"us-export-control"_s};
    filter.actors = {u"Nvidia"_s, u"US Commerce/BIS"_s};
    filter.statuses = {EventStatus::Reported};
    filter.fromJulianDay = QDate(2025, 4, 1).toJulianDay();
    filter.toJulianDay = QDate(2025, 8, 31).toJulianDay();
    filter.hasSources = false;
    QSignalSpy changed(m_bar, &FilterBar::filterChanged);
    m_bar->setFilter(filter, u"H20"_s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(chipTexts(), (QStringList{u"category:us-export-control ×"_s, u"actor:Nvidia ×"_s,
                                       u"actor:\"US Commerce/BIS\" ×"_s, u"status:reported ×"_s,
                                       u"from:2025-04 ×"_s, u"to:2025-08 ×"_s, u"sources:no ×"_s}));
    QCOMPARE(chip(u"category:us-export-control ×"_s)->toolTip(), u"US export controls"_s);
    QCOMPARE(m_bar->filterText(),
             u"q:H20 category:us-export-control actor:Nvidia actor:\"US Commerce/BIS\" "
             "status:reported from:2025-04 to:2025-08 sources:no"_s);

    QToolButton *nvidia = chip(u"actor:Nvidia ×"_s);
    QVERIFY(nvidia);
    QTest::mouseClick(nvidia, Qt::LeftButton);
    QCOMPARE(changed.size(), 2);
    const EventFilter after = changed[1][0].value<EventFilter>();
    QCOMPARE(after.actors, QStringList{u"US Commerce/BIS"_s});
    QCOMPARE(after.categories, filter.categories);
    QCOMPARE(after.query, u"\"H20\""_s);
    QCOMPARE(changed[1][1].toString(), u"H20"_s);
    QCOMPARE(chipTexts(), (QStringList{u"category:us-export-control ×"_s,
                                       u"actor:\"US Commerce/BIS\" ×"_s, u"status:reported ×"_s,
                                       u"from:2025-04 ×"_s, u"to:2025-08 ×"_s, u"sources:no ×"_s}));

    QTest::mouseClick(chip(u"from:2025-04 ×"_s), Qt::LeftButton);
    QCOMPARE(changed.size(), 3);
    QVERIFY(!changed[2][0].value<EventFilter>().fromJulianDay);
    QTest::mouseClick(chip(u"sources:no ×"_s), Qt::LeftButton);
    QVERIFY(!m_bar->filter().hasSources);
    QCOMPARE(chipTexts(),
             (QStringList{u"category:us-export-control ×"_s, u"actor:\"US Commerce/BIS\" ×"_s,
                          u"status:reported ×"_s, u"to:2025-08 ×"_s}));

    QVERIFY(menuAction(u"Clear all"_s));
    menuAction(u"Clear all"_s)->trigger();
    QCOMPARE(chipTexts(), QStringList());
    QVERIFY(m_bar->filter().isEmpty());
    QCOMPARE(changed.size(), 5);
}

void tst_FilterBar::addCategoryAndStatusFromMenu() {
    QSignalSpy changed(m_bar, &FilterBar::filterChanged);
    QAction *china = menuAction(u"Category/China policy"_s);
    QVERIFY(china);
    china->trigger();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].value<EventFilter>().categories, QStringList{u"china-policy"_s});
    china->trigger(); // already there: nothing changes
    QCOMPARE(changed.size(), 1);
    menuAction(u"Status/Disputed"_s)->trigger();
    menuAction(u"Has sources/With sources"_s)->trigger();
    QCOMPARE(changed.size(), 3);
    QCOMPARE(chipTexts(), (QStringList{u"category:china-policy ×"_s, u"status:disputed ×"_s,
                                       u"sources:yes ×"_s}));
}

void tst_FilterBar::addActorWithCompletion() {
    QSignalSpy changed(m_bar, &FilterBar::filterChanged);
    menuAction(u"Actor…"_s)->trigger();
    QLineEdit *field = valueField();
    QVERIFY(field->isVisible());
    QCompleter *completer = field->completer();
    QVERIFY(completer);
    completer->setCompletionPrefix(u"vid"_s); // matches inside the name, any case
    QCOMPARE(completer->completionCount(), 1);
    QCOMPARE(completer->currentCompletion(), u"Nvidia"_s);
    completer->setCompletionPrefix(u"a"_s);
    QCOMPARE(completer->completionCount(), 2); // AMD, Nvidia

    // Choosing a completion adds the chip at once.
    emit completer->activated(u"Nvidia"_s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].value<EventFilter>().actors, QStringList{u"Nvidia"_s});
    QVERIFY(field->isHidden());

    // Typing a name not in the list, then Enter, adds it as typed.
    menuAction(u"Tag…"_s)->trigger();
    QVERIFY(!field->completer()); // no tag names were given
    QTest::keyClicks(field, u"licence"_s);
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed[1][0].value<EventFilter>().tags, QStringList{u"licence"_s});
    QCOMPARE(chipTexts(), (QStringList{u"actor:Nvidia ×"_s, u"tag:licence ×"_s}));

    // Escape leaves the filter as it was.
    menuAction(u"Chip…"_s)->trigger();
    QTest::keyClicks(field, u"H2"_s);
    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY(field->isHidden());
    QCOMPARE(changed.size(), 2);
}

void tst_FilterBar::addDates() {
    QSignalSpy changed(m_bar, &FilterBar::filterChanged);
    menuAction(u"From date…"_s)->trigger();
    QTest::keyClicks(valueField(), u"2025-04"_s);
    QTest::keyClick(valueField(), Qt::Key_Return);
    menuAction(u"To date…"_s)->trigger();
    QTest::keyClicks(valueField(), u"2025"_s);
    QTest::keyClick(valueField(), Qt::Key_Return);
    QCOMPARE(changed.size(), 2);
    const EventFilter filter = changed[1][0].value<EventFilter>();
    QCOMPARE(filter.fromJulianDay, std::optional<qint64>(QDate(2025, 4, 1).toJulianDay()));
    QCOMPARE(filter.toJulianDay, std::optional<qint64>(QDate(2025, 12, 31).toJulianDay()));
    QCOMPARE(chipTexts(), (QStringList{u"from:2025-04 ×"_s, u"to:2025 ×"_s}));
}

void tst_FilterBar::refuseBadDate() {
    QSignalSpy changed(m_bar, &FilterBar::filterChanged);
    menuAction(u"From date…"_s)->trigger();
    QTest::keyClicks(valueField(), u"2025-02-30"_s);
    QTest::keyClick(valueField(), Qt::Key_Return);
    QCOMPARE(changed.size(), 0);
    QVERIFY(valueField()->isVisible());
    QCOMPARE(valueField()->toolTip(), u"day 30 does not exist in February 2025"_s);
}

void tst_FilterBar::pasteFilterText() {
    QSignalSpy changed(m_bar, &FilterBar::filterChanged);
    menuAction(u"Paste filter text…"_s)->trigger();
    QTest::keyClicks(valueField(), u"actor:Nvidia colour:red"_s);
    QTest::keyClick(valueField(), Qt::Key_Return);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(valueField()->toolTip(),
             u"column 14: unknown field \"colour\" (q, category, actor, chip, tag, status, from, "
             "to, sources)"_s);
    valueField()->clear();
    QTest::keyClicks(valueField(), u"q:\"H20 licence\" actor:Nvidia status:reported"_s);
    QTest::keyClick(valueField(), Qt::Key_Return);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_bar->searchText(), u"H20 licence"_s);
    QCOMPARE(changed[0][0].value<EventFilter>().query, u"\"H20\" AND \"licence\""_s);
    QCOMPARE(chipTexts(), (QStringList{u"actor:Nvidia ×"_s, u"status:reported ×"_s}));
    QVERIFY(valueField()->isHidden());
}

void tst_FilterBar::resultCount() {
    auto *label = m_bar->findChild<QLabel *>(u"resultCount"_s);
    m_bar->setResultCount(39, 39);
    QCOMPARE(label->text(), u"39 events"_s);
    QCOMPARE(m_bar->resultCountText(), u"39 events"_s);
    m_bar->setResultCount(1, 1);
    QCOMPARE(label->text(), u"1 event"_s);
    m_bar->setFilter({}, u"MI308"_s);
    m_bar->setResultCount(12, 39);
    QCOMPARE(label->text(), u"12 of 39 events"_s);
}

void tst_FilterBar::hideOrDim() {
    QSignalSpy mode(m_bar, &FilterBar::nonMatchingChanged);
    auto *button = m_bar->findChild<QToolButton *>(u"hideNonMatchingButton"_s);
    QCOMPARE(button->text(), u"Hide non-matching"_s);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(m_bar->nonMatching(), FilterBar::NonMatching::Hide);
    QCOMPARE(mode.size(), 1);
    QCOMPARE(mode[0][0].value<FilterBar::NonMatching>(), FilterBar::NonMatching::Hide);
    m_bar->setNonMatching(FilterBar::NonMatching::Dim);
    QVERIFY(!button->isChecked());
    QCOMPARE(mode.size(), 2);
    m_bar->setNonMatching(FilterBar::NonMatching::Dim); // no change, no signal
    QCOMPARE(mode.size(), 2);
}

void tst_FilterBar::findShortcut() {
    QCOMPARE(m_bar->findAction()->shortcut(), QKeySequence(QKeySequence::Find));
    m_bar->setFilter({}, u"Huawei"_s);
    m_bar->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_bar));
    m_bar->findAction()->trigger();
    QTRY_VERIFY(m_bar->searchField()->hasFocus());
    QCOMPARE(m_bar->searchField()->selectedText(), u"Huawei"_s);
}

QTEST_MAIN(tst_FilterBar)
#include "tst_filterbar.moc"
