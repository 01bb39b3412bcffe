#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"
#include "ui/render/Translations.h"
#include "ui/widgets/EditingController.h"
#include "ui/widgets/EventDetailsView.h"
#include "ui/widgets/FilterBar.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/SearchResultsPane.h"
#include "ui/widgets/TextContrast.h"
#include "ui/widgets/TimelineView.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void clickSelectsEventAndShowsSources();
    void keyboardVisitsEventsInTimeOrder();
    void refusesUnsafeLinks();
    void searchFiltersTimelineListAndOverview();
    void viewTextRoundTrips();
    void searchResultsHighlightMatches();
    void outsideChangeIsReloadedOnce();
    void searchResultShowsEventDetails();
    void exportShortcutWorksInSearchField();
    void quotesReadInLightAndDarkPalettes();
    void hideNonMatchingDropsEmptyLanes();
    void undoHistoryLeavesLaneNamesWhole();
    void germanMenus();
    void selectedEventShowsItsRelations();
    void statusBarCountsInTheSingular();

private:
    std::unique_ptr<MainWindow> openWindow();
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(u"chiptimeline-test"_s);
}

std::unique_ptr<MainWindow> TestMainWindow::openWindow() {
    StoreError error;
    const QString path = m_dir.filePath(u"w%1.sqlite"_s.arg(QDateTime::currentMSecsSinceEpoch()));
    auto store = TimelineStore::open(path, &error);
    if (!store)
        return nullptr;
    InputError inputError;
    const auto dataset = NativeJsonFormat::readFile(
        QStringLiteral(CHIPTIMELINE_SOURCE_DIR "/resources/dataset/default.chiptimeline.json"),
        &inputError);
    if (!dataset || !store->importDataset(*dataset, ImportPolicy::Skip, nullptr, &error))
        return nullptr;
    auto window = std::make_unique<MainWindow>(std::move(store));
    window->resize(1400, 820);
    window->show();
    return window;
}

void TestMainWindow::clickSelectsEventAndShowsSources() {
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    TimelineView *view = window->timelineView();
    const auto layout = view->currentLayout();
    QVERIFY(layout->events().size() >= 10);

    // Click the mark of the 15% deal, wherever the layout put it.
    const qint64 dealId = [&] {
        for (const Event &event : window->store().events())
            if (event.start == PartialDate::fromYmd(2025, 8, 11))
                return event.id;
        return qint64(0);
    }();
    QVERIFY(dealId);
    const PlacedEvent *placed = layout->placedEvent(dealId);
    if (!placed) {
        // At fit-all it may be folded into a cluster: zoom to August 2025 first.
        view->showDays(QDate(2025, 7, 20).toJulianDay(), QDate(2025, 9, 10).toJulianDay());
        placed = view->currentLayout()->placedEvent(dealId);
    }
    QVERIFY(placed);
    QSignalSpy selection(view, &TimelineView::selectionChanged);
    QTest::mouseClick(view, Qt::LeftButton, {}, placed->markRect.center().toPoint());
    QTRY_COMPARE(selection.size(), 1);
    QCOMPARE(selection.at(0).at(0).toLongLong(), dealId);
    QCOMPARE(view->selectedEvent(), dealId);

    const QString details = window->detailsView()->toPlainText();
    QVERIFY2(details.contains(u"15%"_s), qPrintable(details));
    QVERIFY(details.contains(u"11 August 2025"_s));
    QVERIFY(details.contains(u"Confirmed"_s));
    // The German quote of seed 000 and the evidence address.
    QVERIFY(details.contains(
        u"Am vergangenen Dienstag, dem 12. August, verkündete die Trump-Regierung"_s));
    QVERIFY(details.contains(
        u"https://archives.lincolndailynews.com/2025/Aug/12/NEWS/business_k.shtml"_s));
    QVERIFY(view->accessibleDescription().contains(u"11 August 2025"_s));
}

void TestMainWindow::keyboardVisitsEventsInTimeOrder() {
    auto window = openWindow();
    QVERIFY(window);
    TimelineView *view = window->timelineView();
    view->setFocus();
    const QList<Event> events = window->store().events();
    QTest::keyClick(view, Qt::Key_Home);
    QCOMPARE(view->selectedEvent(), events.first().id);
    QList<qint64> visited{view->selectedEvent()};
    for (qsizetype i = 1; i < events.size(); ++i) {
        QTest::keyClick(view, Qt::Key_Right);
        visited << view->selectedEvent();
    }
    QList<qint64> expected;
    for (const Event &event : events)
        expected << event.id;
    QCOMPARE(visited, expected);
    QTest::keyClick(view, Qt::Key_Escape);
    QCOMPARE(view->selectedEvent(), 0);
}

void TestMainWindow::refusesUnsafeLinks() {
    EventDetailsView view;
    QSignalSpy refused(&view, &EventDetailsView::linkRefused);
    QSignalSpy opened(&view, &EventDetailsView::openLinkRequested);
    emit view.anchorClicked(QUrl(u"javascript:alert(1)"_s));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(
        refused.at(0).at(0).toString(),
        u"Link not opened: only http, https and mailto links are opened; refused a javascript: link"_s);
    emit view.anchorClicked(QUrl(u"https://www.bis.gov/x"_s));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).at(0).toUrl(), QUrl(u"https://www.bis.gov/x"_s));
}

void TestMainWindow::searchFiltersTimelineListAndOverview() {
    auto window = openWindow();
    QVERIFY(window);
    TimelineView *view = window->timelineView();
    QTableView *list = window->eventList();
    QCOMPARE(view->data().size(), 39);
    EventFilter huawei;
    huawei.query = u"\"huawei\""_s;
    const QList<Event> matches = window->store().events(huawei);
    QVERIFY(matches.size() >= 3);

    // Hide non-matching: the timeline and the list show the matches only.
    window->filterBar()->setNonMatching(FilterBar::NonMatching::Hide);
    QTest::keyClicks(window->filterBar()->searchField(), u"huawei"_s);
    // Typing is debounced; the filter lands once the user pauses.
    QTRY_COMPARE(int(view->data().size()), int(matches.size()));
    QCOMPARE(list->model()->rowCount(), int(matches.size()));
    QSet<qint64> matchingIds;
    for (const Event &event : matches)
        matchingIds.insert(event.id);
    for (qsizetype i = 0; i < view->data().size(); ++i)
        QVERIFY(matchingIds.contains(view->data().id(i)));

    // Dim instead: every event stays on the timeline, the list keeps the matches.
    window->filterBar()->setNonMatching(FilterBar::NonMatching::Dim);
    QTRY_COMPARE(int(view->data().size()), 39);
    QCOMPARE(list->model()->rowCount(), int(matches.size()));

    // Enter steps through the matches in time order.
    QTest::keyClick(window->filterBar()->searchField(), Qt::Key_Return);
    QTRY_COMPARE(view->selectedEvent(), matches.first().id);
    QTest::keyClick(window->filterBar()->searchField(), Qt::Key_Return);
    QCOMPARE(view->selectedEvent(), matches.at(1).id);
    QTest::keyClick(window->filterBar()->searchField(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(view->selectedEvent(), matches.first().id);
}

void TestMainWindow::viewTextRoundTrips() {
    auto window = openWindow();
    QVERIFY(window);
    const QString text = u"actor:Nvidia status:confirmed view:2025-04-01..2025-08-31"_s;
    QString error;
    QVERIFY2(window->applyViewText(text, &error), qPrintable(error));
    EventFilter nvidia;
    nvidia.actors = {u"Nvidia"_s};
    nvidia.statuses = {EventStatus::Confirmed};
    QCOMPARE(window->eventList()->model()->rowCount(), int(window->store().events(nvidia).size()));
    const TimeScale &scale = window->timelineView()->timeScale();
    QCOMPARE(scale.firstDay(), double(QDate(2025, 4, 1).toJulianDay()));
    QCOMPARE(scale.lastDay(), double(QDate(2025, 9, 1).toJulianDay()));
    // What is shown is what is shared: the same line comes back.
    QCOMPARE(window->currentViewText(), text);

    QVERIFY(!window->applyViewText(u"actor:Nvidia view:2025-13-01..2025-12-31"_s, &error));
    QCOMPARE(error, u"view: month 13 does not exist"_s);
    QVERIFY(!window->applyViewText(u"colour:red"_s, &error));
    QVERIFY2(error.startsWith(u"column 1: "_s), qPrintable(error));
}

void TestMainWindow::searchResultsHighlightMatches() {
    auto window = openWindow();
    QVERIFY(window);
    QTest::keyClicks(window->filterBar()->searchField(), u"exportbeschrankungen"_s);
    // Typed without the umlaut, found in the German quotes and excerpts of the seeds.
    QTRY_VERIFY(window->searchResults()->sourceHitCount() >= 1);
    const QString html = window->searchResults()->results()->toHtml();
    QVERIFY(window->searchResults()->results()->toPlainText().contains(u"Exportbeschränkungen"_s));
    QVERIFY2(html.contains(u"background-color:#ffe066"_s), qPrintable(html.left(2000)));
}

void TestMainWindow::outsideChangeIsReloadedOnce() {
    auto window = openWindow();
    QVERIFY(window);
    QSignalSpy reloaded(window.get(), &MainWindow::reloaded);
    QEvent activate(QEvent::WindowActivate);
    QCoreApplication::sendEvent(window.get(), &activate);
    QCOMPARE(reloaded.size(), 0); // nothing new

    // Another connection (as the Import dialog's worker) adds an event.
    StoreError error;
    auto other = TimelineStore::open(window->store().path(), &error);
    QVERIFY(other);
    Event event;
    event.title = u"Export licence decision, written elsewhere"_s;
    event.start = PartialDate::fromYmd(2025, 8, 12);
    QVERIFY(other->saveEvent(event, &error));

    // The window reloads for it (as after an import), then is activated: no second reload.
    window->reload();
    QCOMPARE(reloaded.size(), 1);
    QCoreApplication::sendEvent(window.get(), &activate);
    QCOMPARE(reloaded.size(), 1);

    // Activated first (the dialog closing), the change is reloaded then, once.
    event.id = 0;
    event.uid.clear();
    QVERIFY(other->saveEvent(event, &error));
    QCoreApplication::sendEvent(window.get(), &activate);
    QCOMPARE(reloaded.size(), 2);
    QCoreApplication::sendEvent(window.get(), &activate);
    QCOMPARE(reloaded.size(), 2);
}

namespace {

// Where the results pane links to `eventId`: the middle of its text in the viewport.
QPoint resultLinkPosition(QTextBrowser *results, qint64 eventId) {
    const QString href = u"event:%1"_s.arg(eventId);
    for (QTextBlock block = results->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().anchorHref() != href)
                continue;
            QTextCursor cursor(results->document());
            cursor.setPosition(fragment.position() + fragment.length() / 2);
            return results->cursorRect(cursor).center();
        }
    }
    return {};
}

// Whether `widget` is on the screen: a dock tabbed behind another keeps its "visible" flag
// but is moved out of the window.
bool inFront(QWidget *widget) {
    return widget->isVisible() && !widget->visibleRegion().isEmpty();
}

// The ids of the events the results pane links to, in its order.
QList<qint64> resultEventIds(QTextBrowser *results) {
    QList<qint64> ids;
    for (QTextBlock block = results->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QString href = it.fragment().charFormat().anchorHref();
            if (href.startsWith(u"event:"_s) && !ids.contains(href.mid(6).toLongLong()))
                ids << href.mid(6).toLongLong();
        }
    }
    return ids;
}

// KDE's Breeze Dark, whose view background the 1.6:1 quotes of issue 22 were read on.
QPalette darkPalette() {
    QPalette palette(QColor(0x31, 0x36, 0x3b));
    palette.setColor(QPalette::Base, QColor(0x23, 0x26, 0x29));
    palette.setColor(QPalette::AlternateBase, QColor(0x31, 0x36, 0x3b));
    palette.setColor(QPalette::Text, QColor(0xef, 0xf0, 0xf1));
    palette.setColor(QPalette::WindowText, QColor(0xef, 0xf0, 0xf1));
    palette.setColor(QPalette::ButtonText, QColor(0xef, 0xf0, 0xf1));
    palette.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    return palette;
}

QPalette lightPalette() {
    QPalette palette(QColor(0xef, 0xf0, 0xf1));
    palette.setColor(QPalette::Base, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Text, QColor(0x23, 0x26, 0x29));
    palette.setColor(QPalette::WindowText, QColor(0x23, 0x26, 0x29));
    return palette;
}

// Saves a picture of `widget` for a person to look at, when CHIPTIMELINE_SCREENSHOTS names
// a folder.
void keepScreenshot(QWidget *widget, const QString &name) {
    const QString folder = qEnvironmentVariable("CHIPTIMELINE_SCREENSHOTS");
    if (!folder.isEmpty())
        widget->grab().save(folder + u'/' + name + u".png"_s);
}

// The timeline's lane names in full, as its index holds them.
QStringList fullLaneNames(TimelineView *view) {
    QStringList names;
    const TimelineIndex &index = view->currentLayout()->index();
    for (int lane = 0; lane < index.laneCount(); ++lane)
        names << index.lane(lane).name;
    return names;
}

// The lane names as the timeline draws them: elided when its lane header is too narrow.
QStringList drawnLaneNames(TimelineView *view) {
    QStringList names;
    for (const LaneBox &box : view->currentLayout()->lanes())
        names << box.name;
    return names;
}

} // namespace

// Issue 22: an event chosen among the search results, by a click or by Enter on its link, is
// selected on the timeline and its details come to the front in place of the results.
void TestMainWindow::searchResultShowsEventDetails() {
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    auto *searchDock = window->findChild<QDockWidget *>(u"searchResultsDock"_s);
    auto *detailsDock = window->findChild<QDockWidget *>(u"detailsDock"_s);
    QVERIFY(searchDock && detailsDock);
    QTextBrowser *results = window->searchResults()->results();
    QTest::keyClicks(window->filterBar()->searchField(), u"huawei"_s);
    QTRY_VERIFY(window->searchResults()->eventHitCount() >= 2);
    QTRY_VERIFY(inFront(results));
    QVERIFY(!inFront(window->detailsView()));
    const QList<qint64> ids = resultEventIds(results);
    QCOMPARE(ids.size(), window->searchResults()->eventHitCount());

    // A click on the first event's title.
    const QPoint link = resultLinkPosition(results, ids.first());
    QVERIFY(!link.isNull());
    QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, link);
    QTRY_COMPARE(window->timelineView()->selectedEvent(), ids.first());
    QTRY_VERIFY(inFront(window->detailsView()));
    QVERIFY(!inFront(results));
    const std::optional<Event> first = window->store().event(ids.first());
    QVERIFY(first);
    QVERIFY2(window->detailsView()->toPlainText().startsWith(first->title),
             qPrintable(window->detailsView()->toPlainText().left(200)));
    keepScreenshot(window.get(), u"search-result-details"_s);

    // Back to the results, Tab from the top to the second event's link, Enter.
    searchDock->raise();
    QTRY_VERIFY(inFront(results));
    results->setFocus();
    results->moveCursor(QTextCursor::Start);
    QTest::keyClick(results, Qt::Key_Tab);
    QTest::keyClick(results, Qt::Key_Tab);
    QCOMPARE(results->textCursor().charFormat().anchorHref(), u"event:%1"_s.arg(ids.at(1)));
    QTest::keyClick(results, Qt::Key_Return);
    QTRY_COMPARE(window->timelineView()->selectedEvent(), ids.at(1));
    QTRY_VERIFY(inFront(window->detailsView()));
    QVERIFY(!inFront(results));
    const std::optional<Event> second = window->store().event(ids.at(1));
    QVERIFY(second);
    QVERIFY(window->detailsView()->toPlainText().startsWith(second->title));
}

// Issue 22: Ctrl+E (File → Export Image) while the search field has the focus. On Linux the
// field takes Ctrl+E for "end of line" unless told otherwise; here the window's shortcut wins
// and the field keeps its text and cursor.
void TestMainWindow::exportShortcutWorksInSearchField() {
    auto window = openWindow();
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    // On the xcb platform (the test tst_mainwindow_xcb) a line edit takes Ctrl+E for "end of
    // line", as on a Linux desktop; offscreen it does not.
    if (QGuiApplication::platformName() == u"xcb"_s) {
        QVERIFY(QKeySequence::keyBindings(QKeySequence::MoveToEndOfLine)
                    .contains(QKeySequence(u"Ctrl+E"_s)));
    }
    auto *exportImage = window->findChild<QAction *>(u"exportImageAction"_s);
    QVERIFY(exportImage);
    QCOMPARE(exportImage->shortcut(), QKeySequence(u"Ctrl+E"_s));
    QLineEdit *field = window->filterBar()->searchField();
    window->filterBar()->focusSearch();
    QTRY_VERIFY(field->hasFocus());
    QTest::keyClicks(field, u"huawei"_s);
    field->setCursorPosition(2);
    QSignalSpy triggered(exportImage, &QAction::triggered);
    // The action opens the Export Image dialog, modal: closed as soon as it is up.
    QString dialogTitle;
    QTimer::singleShot(0, window.get(), [&dialogTitle] {
        if (QWidget *dialog = QApplication::activeModalWidget()) {
            dialogTitle = dialog->windowTitle();
            dialog->close();
        }
    });
    QTest::keyClick(field, Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(triggered.size(), 1);
    QCOMPARE(dialogTitle, u"Export Image"_s);
    QCOMPARE(field->text(), u"huawei"_s);
    QCOMPARE(field->cursorPosition(), 2);
    // Keys the field needs still edit its text.
    QTest::keyClick(field, Qt::Key_End);
    QCOMPARE(field->cursorPosition(), 6);
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier); // select all
    QCOMPARE(field->selectedText(), u"huawei"_s);
    QCOMPARE(triggered.size(), 1);
}

// Issue 22: quoted passages (and their locators, links and every other coloured text) in Details
// read at 4.5:1 or more on the view's background, in a light and in a dark palette. The
// colours are those the document holds, measured as WCAG 2 defines contrast.
void TestMainWindow::quotesReadInLightAndDarkPalettes() {
    auto window = openWindow();
    QVERIFY(window);
    std::optional<Event> event;
    for (const Event &candidate : window->store().events())
        if (candidate.start == PartialDate::fromYmd(2025, 4, 9))
            event = candidate;
    QVERIFY(event);
    QCOMPARE(event->citations.size(), 2);
    const Citation citation = event->citations.at(1);
    QCOMPARE(citation.locator, u"para. 3"_s);
    QVERIFY(citation.quote.startsWith(u"Die US-Regierung hat im April 2025"_s));
    QHash<QString, Source> sources;
    for (const Citation &cited : event->citations)
        sources.insert(cited.sourceUid, *window->store().sourceByUid(cited.sourceUid));

    EventDetailsView view;
    view.resize(520, 700);
    // The measured ratio of the quote's colour in each palette, for the record.
    for (const auto &[name, palette] :
         {std::pair{u"light"_s, lightPalette()}, std::pair{u"dark"_s, darkPalette()}}) {
        view.setPalette(palette);
        view.showEvent(*event, sources, window->store().categories());
        const QColor background = view.palette().color(QPalette::Base);
        QCOMPARE(background, palette.color(QPalette::Base));
        QColor quoteColor;
        QColor locatorColor;
        int coloured = 0;
        for (QTextBlock block = view.document()->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextFragment fragment = it.fragment();
                const QTextCharFormat format = fragment.charFormat();
                if (!format.hasProperty(QTextFormat::ForegroundBrush) ||
                    fragment.text() == u"■"_s) // the category's swatch: a colour, not text
                    continue;
                const QColor color = format.foreground().color();
                if (fragment.text().contains(citation.quote.left(30)))
                    quoteColor = color;
                if (fragment.text().contains(u"(para. 3)"_s))
                    locatorColor = color;
                ++coloured;
                QVERIFY2(TextContrast::ratio(color, background) >= TextContrast::Minimum,
                         qPrintable(u"%1: “%2” in %3 on %4: %5:1"_s
                                        .arg(name, fragment.text(), color.name(), background.name())
                                        .arg(TextContrast::ratio(color, background), 0, 'f', 2)));
            }
        }
        QVERIFY2(quoteColor.isValid(), qPrintable(name));
        QVERIFY2(locatorColor.isValid(), qPrintable(name));
        QVERIFY(coloured >= 4); // the status, two addresses, the quote, the locator
        qInfo("%s: quote %s on %s, %.2f:1", qPrintable(name), qPrintable(quoteColor.name()),
              qPrintable(background.name()), TextContrast::ratio(quoteColor, background));
        if (name == u"light"_s) // the designed grey stays where it reads
            QCOMPARE(quoteColor.name(), u"#444444"_s);
        else
            keepScreenshot(&view, u"details-dark"_s);
    }
    // The reference values of WCAG 2: black on white 21:1, #777 on white 4.48:1.
    QCOMPARE(qRound(TextContrast::ratio(Qt::black, Qt::white) * 100), 2100);
    QCOMPARE(qRound(TextContrast::ratio(QColor(0x77, 0x77, 0x77), Qt::white) * 100), 448);
}

// Issue 22: "Hide non-matching" shows no lane that holds none of the matches; dimmed, or
// without a filter, every category keeps its lane (the legend).
void TestMainWindow::hideNonMatchingDropsEmptyLanes() {
    auto window = openWindow();
    QVERIFY(window);
    TimelineView *view = window->timelineView();
    const QList<Category> categories = view->data().categories();
    QStringList everyCategory;
    for (const Category &category : categories)
        everyCategory << category.displayName();
    QCOMPARE(fullLaneNames(view), everyCategory);

    window->filterBar()->setNonMatching(FilterBar::NonMatching::Hide);
    QTest::keyClicks(window->filterBar()->searchField(), u"huawei"_s);
    EventFilter huawei;
    huawei.query = u"\"huawei\""_s;
    const QList<Event> matches = window->store().events(huawei);
    QTRY_COMPARE(int(view->data().size()), int(matches.size()));
    QStringList withMatches;
    for (const Category &category : categories) {
        if (std::any_of(matches.cbegin(), matches.cend(),
                        [&](const Event &event) { return event.category == category.name; }))
            withMatches << category.displayName();
    }
    QVERIFY(withMatches.size() >= 2);
    QVERIFY(withMatches.size() < everyCategory.size());
    QCOMPARE(fullLaneNames(view), withMatches);
    QCOMPARE(int(view->currentLayout()->lanes().size()), int(withMatches.size()));

    window->filterBar()->setNonMatching(FilterBar::NonMatching::Dim);
    QTRY_COMPARE(int(view->data().size()), 39);
    QCOMPARE(fullLaneNames(view), everyCategory);

    window->filterBar()->setNonMatching(FilterBar::NonMatching::Hide);
    QTRY_COMPARE(fullLaneNames(view), withMatches);
    window->filterBar()->clear();
    QTRY_COMPARE(int(view->data().size()), 39);
    QCOMPARE(fullLaneNames(view), everyCategory);
}

// Issue 22: Edit → Undo History opens beside the other docks, not in a column of its own:
// the timeline keeps its width and its lane names stay whole ("US export controls", not
// "US export c…").
void TestMainWindow::undoHistoryLeavesLaneNamesWhole() {
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    TimelineView *view = window->timelineView();
    const int width = view->width();
    QCOMPARE(drawnLaneNames(view), fullLaneNames(view));
    QVERIFY(fullLaneNames(view).contains(u"US export controls"_s));

    auto *editing = window->findChild<EditingController *>();
    QVERIFY(editing);
    editing->action(u"undoHistory"_s)->trigger();
    auto *history = window->findChild<QDockWidget *>(u"undoHistoryDock"_s);
    QVERIFY(history);
    QTRY_VERIFY(inFront(history));
    QCOMPARE(drawnLaneNames(view), fullLaneNames(view));
    QCOMPARE(view->width(), width);
    QCOMPARE(window->dockWidgetArea(history), Qt::RightDockWidgetArea);
    QVERIFY(window->tabifiedDockWidgets(history).contains(
        window->findChild<QDockWidget *>(u"detailsDock"_s)));
    keepScreenshot(window.get(), u"undo-history"_s);
}

// The window in German (Translations::install, as main() does for --lang de).
void TestMainWindow::germanMenus() {
    QObject language;
    QCOMPARE(Translations::install(u"de"_s, &language), QString());
    auto window = openWindow();
    QVERIFY(window);
    QStringList menus;
    for (QAction *action : window->menuBar()->actions())
        menus << action->text();
    QCOMPARE(menus, (QStringList{u"&Datei"_s, u"&Bearbeiten"_s, u"&Ansicht"_s, u"E&xtras"_s,
                                 u"&Hilfe"_s}));
    keepScreenshot(window.get(), u"window-german"_s);
    window.reset();
    QLocale::setDefault(QLocale::c());
}

void TestMainWindow::selectedEventShowsItsRelations() {
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    TimelineView *view = window->timelineView();
    const auto idOf = [&](const QString &uid) {
        const std::optional<Event> event = window->store().eventByUid(uid);
        return event ? event->id : qint64(0);
    };
    const qint64 april = idOf(u"d9dad484-014e-59ff-8e92-95fdd7271ee3"_s);
    const qint64 deal = idOf(u"5aafee21-7d5f-5e25-be5d-ea6d631245e6"_s);
    const qint64 beijing = idOf(u"f62c7e26-3ad4-5fe3-83d6-80a0e8a38635"_s);
    view->showDays(QDate(2025, 3, 20).toJulianDay(), QDate(2025, 9, 10).toJulianDay());
    view->selectEvent(deal);
    QCOMPARE(view->relationArcs(),
             (QList<RelationArc>{{deal, april, u"amends"_s}, {beijing, deal, u"responds to"_s}}));
    const QString details = window->detailsView()->toPlainText();
    QVERIFY2(
        details.contains(
            u"Relations (2)\nAmends H20 licence requirement in force (9 April 2025)"
            "  Edit · Remove\nThe restricted chips may be sold to China on condition of the 15% "
            "payment."_s),
        qPrintable(details));
    QVERIFY(details.contains(
        u"Answered by Beijing discourages H20 purchases (12 August 2025)  Edit · Remove"_s));
    keepScreenshot(window.get(), u"relations-selected"_s);

    // The related event's title walks the chain.
    QSignalSpy selection(view, &TimelineView::selectionChanged);
    emit window->detailsView()->anchorClicked(
        QUrl(u"event:d9dad484-014e-59ff-8e92-95fdd7271ee3"_s));
    QCOMPARE(view->selectedEvent(), april);
    QCOMPARE(view->relationArcs().size(), 2);
    // Alt+Right walks the chain forward: the licence signal in July, then the deal, then
    // Beijing's answer; Alt+Left walks back.
    const qint64 july = idOf(u"a13c86e2-6762-5b67-b629-ab43534c28f8"_s);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(view->selectedEvent(), july);
    QTest::keyClick(view, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(view->selectedEvent(), april);
    view->selectEvent(deal);
    QTest::keyClick(view, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(view->selectedEvent(), beijing);
    QTest::keyClick(view, Qt::Key_Right, Qt::AltModifier); // the chain's end: it stays
    QCOMPARE(view->selectedEvent(), beijing);

    // A rescinded rule says how long it was in force and what ended it.
    view->selectEvent(idOf(u"22faa901-ccdd-516f-84fe-a5c42306a231"_s));
    QVERIFY(window->detailsView()->toPlainText().contains(
        u"In force 13 January 2025 – 13 May 2025, rescinded by “AI Diffusion Rule rescinded; "
        "guidance on Huawei Ascend”"_s));
    view->selectEvent(0);
    QVERIFY(view->relationArcs().isEmpty());
}

QTEST_MAIN(TestMainWindow)

// The status bar says "1 event · 1 source", never "1 events".
void TestMainWindow::statusBarCountsInTheSingular() {
    StoreError error;
    auto store = TimelineStore::open(m_dir.filePath(u"counts.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    Source source;
    source.title = u"BIS press release"_s;
    QVERIFY2(store->saveSource(source, &error), qPrintable(error.message));
    Event event;
    event.title = u"H20 licence requirement in force"_s;
    event.start = PartialDate::fromYmd(2025, 4, 9);
    QVERIFY2(store->saveEvent(event, &error), qPrintable(error.message));
    MainWindow window(std::move(store));
    const auto *counts = window.findChild<QLabel *>(u"statusCounts"_s);
    QVERIFY(counts);
    QCOMPARE(counts->text(), u"1 event · 1 source"_s);
    Event second;
    second.title = u"Nvidia and AMD to pay 15% of China chip revenue"_s;
    second.start = PartialDate::fromYmd(2025, 8, 11);
    QVERIFY2(window.store().saveEvent(second, &error), qPrintable(error.message));
    window.reload();
    QCOMPARE(counts->text(), u"2 events · 1 source"_s);
}

#include "tst_mainwindow.moc"
