#include "model/TimelineDataQuery.h"
#include "model/store/TimelineStore.h"
#include "ui/widgets/TimelineView.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Dragging marks in time on the timeline: moves snap to the event's precision, the ends of
// a range bar resize it, Escape cancels, and a drag on empty time still pans.
class TestTimelineDrag : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void dragMovesByDays();
    void dragSnapsToMonths_data();
    void dragSnapsToMonths();
    void escapeCancelsDrag();
    void dragOnEmptyTimePans();
    void dragOnBarEndResizes();
    void notEditableOnlyPans();

private:
    [[nodiscard]] QPointF markCentre(qint64 id);
    [[nodiscard]] double pixelsForDays(double days);

    QTemporaryDir m_dir;
    std::unique_ptr<TimelineStore> m_store;
    std::unique_ptr<TimelineView> m_view;
    QHash<QString, qint64> m_ids;
};

void TestTimelineDrag::initTestCase() {
    StoreError error;
    m_store = TimelineStore::open(m_dir.filePath(u"drag.sqlite"_s), &error);
    QVERIFY(m_store);
    const auto add = [&](const QString &title, PartialDate start, PartialDate end,
                         const QString &category) {
        Event event;
        event.title = title;
        event.start = start;
        event.end = end;
        event.category = category;
        QVERIFY(m_store->saveEvent(event, &error));
        m_ids.insert(title, event.id);
    };
    add(u"Day"_s, PartialDate::fromYmd(2025, 4, 15), {}, u"a"_s);
    add(u"Month"_s, PartialDate::fromYearMonth(2025, 5), {}, u"b"_s);
    add(u"Range"_s, PartialDate::fromYmd(2025, 6, 1), PartialDate::fromYmd(2025, 6, 30), u"c"_s);
    m_view = std::make_unique<TimelineView>();
    m_view->resize(1200, 420);
    m_view->setData(TimelineDataQuery::load(*m_store));
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->showDays(QDate(2025, 3, 1).toJulianDay(), QDate(2025, 9, 1).toJulianDay());
    m_view->setEditable(true);
}

QPointF TestTimelineDrag::markCentre(qint64 id) {
    const auto layout = m_view->currentLayout();
    const PlacedEvent *placed = layout->placedEvent(id);
    return placed ? placed->markRect.center() : QPointF();
}

double TestTimelineDrag::pixelsForDays(double days) {
    const auto layout = m_view->currentLayout();
    return layout->xForDay(QDate(2025, 5, 1).toJulianDay() + days) -
           layout->xForDay(QDate(2025, 5, 1).toJulianDay());
}

void TestTimelineDrag::dragMovesByDays() {
    QSignalSpy moved(m_view.get(), &TimelineView::eventMoved);
    const QPointF from = markCentre(m_ids.value(u"Day"_s));
    QVERIFY(!from.isNull());
    const QPoint start = from.toPoint();
    const QPoint end = start + QPoint(int(std::lround(pixelsForDays(10))), 3);
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, start);
    QTest::mouseMove(m_view.get(), start + QPoint(8, 0));
    QTest::mouseMove(m_view.get(), end);
    // The ghost of the mark where it would land, for a person to look at.
    if (const QString dir = qEnvironmentVariable("CHIPTIMELINE_GRAB_DIR"); !dir.isEmpty())
        m_view->grab().save(dir + u"/timeline-drag.png"_s);
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, end);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(moved.at(0).at(0).toLongLong(), m_ids.value(u"Day"_s));
    QCOMPARE(moved.at(0).at(1).toLongLong(), 10);
}

void TestTimelineDrag::dragSnapsToMonths_data() {
    QTest::addColumn<int>("days");
    QTest::addColumn<qint64>("delta");
    // May 2025 dragged by 12 days stays in May; by 35 to June (31 days); by 50 to July.
    QTest::newRow("stays") << 12 << qint64(0);
    QTest::newRow("June") << 35 << qint64(31);
    QTest::newRow("July") << 50 << qint64(61);
    QTest::newRow("April") << -20 << qint64(-30);
}

void TestTimelineDrag::dragSnapsToMonths() {
    QFETCH(int, days);
    QFETCH(qint64, delta);
    QSignalSpy moved(m_view.get(), &TimelineView::eventMoved);
    const QPoint start = markCentre(m_ids.value(u"Month"_s)).toPoint();
    const QPoint end = start + QPoint(int(std::lround(pixelsForDays(days))), 0);
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, start);
    QTest::mouseMove(m_view.get(), start + QPoint(days > 0 ? 8 : -8, 0));
    QTest::mouseMove(m_view.get(), end);
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, end);
    if (delta == 0) {
        QCOMPARE(moved.size(), 0); // dropped where it was: nothing to do
        return;
    }
    QCOMPARE(moved.size(), 1);
    QCOMPARE(moved.at(0).at(1).toLongLong(), delta);
}

void TestTimelineDrag::escapeCancelsDrag() {
    QSignalSpy moved(m_view.get(), &TimelineView::eventMoved);
    QSignalSpy scaled(m_view.get(), &TimelineView::timeScaleChanged);
    const double firstDay = m_view->timeScale().firstDay();
    const QPoint start = markCentre(m_ids.value(u"Day"_s)).toPoint();
    const QPoint end = start + QPoint(120, 0);
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, start);
    QTest::mouseMove(m_view.get(), start + QPoint(20, 0));
    QTest::mouseMove(m_view.get(), end);
    QTest::keyClick(m_view.get(), Qt::Key_Escape);
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, end);
    QCOMPARE(moved.size(), 0);
    QCOMPARE(scaled.size(), 0);
    QCOMPARE(m_view->timeScale().firstDay(), firstDay);
}

void TestTimelineDrag::dragOnEmptyTimePans() {
    QSignalSpy moved(m_view.get(), &TimelineView::eventMoved);
    const auto layout = m_view->currentLayout();
    const double firstDay = m_view->timeScale().firstDay();
    // Empty time: far right of the time area, below every mark.
    const QPoint start(int(layout->timeArea().right()) - 30, int(layout->timeArea().bottom()) - 5);
    QVERIFY(layout->hitTest(start).kind == LayoutHit::None);
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, start);
    QTest::mouseMove(m_view.get(), start - QPoint(20, 0));
    QTest::mouseMove(m_view.get(), start - QPoint(100, 0));
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, start - QPoint(100, 0));
    QCOMPARE(moved.size(), 0);
    QVERIFY(m_view->timeScale().firstDay() > firstDay);
    m_view->showDays(QDate(2025, 3, 1).toJulianDay(), QDate(2025, 9, 1).toJulianDay());
}

void TestTimelineDrag::dragOnBarEndResizes() {
    QSignalSpy resized(m_view.get(), &TimelineView::eventResized);
    QSignalSpy moved(m_view.get(), &TimelineView::eventMoved);
    const auto layout = m_view->currentLayout();
    const PlacedEvent *bar = layout->placedEvent(m_ids.value(u"Range"_s));
    QVERIFY(bar);
    QCOMPARE(bar->shape, MarkShape::Range);
    const QPoint start(int(bar->markRect.right()) - 1, int(bar->markRect.center().y()));
    const qint64 newDay = QDate(2025, 7, 10).toJulianDay();
    const QPoint end(int(std::lround(layout->xForDay(newDay + 0.5))), start.y());
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, start);
    QTest::mouseMove(m_view.get(), start + QPoint(8, 0));
    QTest::mouseMove(m_view.get(), end);
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, end);
    QCOMPARE(moved.size(), 0);
    QCOMPARE(resized.size(), 1);
    QCOMPARE(resized.at(0).at(0).toLongLong(), m_ids.value(u"Range"_s));
    QCOMPARE(resized.at(0).at(1).toBool(), true);
    QCOMPARE(resized.at(0).at(2).toLongLong(), newDay);
}

void TestTimelineDrag::notEditableOnlyPans() {
    m_view->setEditable(false);
    QSignalSpy moved(m_view.get(), &TimelineView::eventMoved);
    const double firstDay = m_view->timeScale().firstDay();
    const QPoint start = markCentre(m_ids.value(u"Day"_s)).toPoint();
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, start);
    QTest::mouseMove(m_view.get(), start + QPoint(20, 0));
    QTest::mouseMove(m_view.get(), start + QPoint(80, 0));
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, start + QPoint(80, 0));
    QCOMPARE(moved.size(), 0);
    QVERIFY(m_view->timeScale().firstDay() < firstDay);
    m_view->setEditable(true);
}

QTEST_MAIN(TestTimelineDrag)
#include "tst_timelinedrag.moc"
