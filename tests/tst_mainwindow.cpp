#include "model/store/TimelineStore.h"
#include "model/formats/NativeJsonFormat.h"
#include "ui/widgets/EventDetailsView.h"
#include "ui/widgets/FilterBar.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/SearchResultsPane.h"
#include "ui/widgets/TimelineView.h"

#include <QAbstractItemModel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
