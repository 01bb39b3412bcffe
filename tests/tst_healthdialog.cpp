#include "model/store/TimelineStore.h"
#include "ui/widgets/HealthDialog.h"

#include <QApplication>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

class TestHealthDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void eachProblemOnceGivesEachGroupOnce();
    void activatingAnEventFindingRequestsTheEvent();
    void activatingASourceFindingRequestsTheSource();
    void cleanDatasetShowsEmptyStateAndRefreshSeesChanges();

private:
    // One of every problem DatasetHealth knows, each exactly once.
    std::unique_ptr<TimelineStore> openProblemStore();
    static QTreeWidgetItem *group(const QTreeWidget *tree, HealthFinding::Kind kind);

    QTemporaryDir m_dir;
    int m_stores = 0;
};

namespace {

Source makeSource(const QString &uid, const QString &title, const QString &url,
                  PartialDate published) {
    Source s;
    s.uid = uid;
    s.title = title;
    s.outlet = u"Example Wire"_s;
    s.url = url;
    s.published = published;
    return s;
}

Event makeEvent(const QString &uid, const QString &title, PartialDate start,
                const QStringList &sourceUids) {
    Event e;
    e.uid = uid;
    e.title = title;
    e.start = start;
    for (const QString &sourceUid : sourceUids)
        e.citations << Citation{sourceUid, {}, {}};
    return e;
}

const QString unsourcedUid = u"e0000000-0000-4000-8000-000000000001"_s;
const QString unaddressedUid = u"e0000000-0000-4000-8000-000000000002"_s;
const QString earlyUid = u"e0000000-0000-4000-8000-000000000003"_s;
const QString duplicateCitingUid = u"e0000000-0000-4000-8000-000000000004"_s;
const QString noAddressSource = u"50000000-0000-4000-8000-000000000001"_s;
const QString reportSource = u"50000000-0000-4000-8000-000000000002"_s;
const QString uncitedSource = u"50000000-0000-4000-8000-000000000003"_s;
const QString duplicateSource = u"50000000-0000-4000-8000-000000000004"_s;

} // namespace

void TestHealthDialog::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(u"chiptimeline-test"_s);
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<TimelineStore> TestHealthDialog::openProblemStore() {
    StoreError error;
    auto store = TimelineStore::open(m_dir.filePath(u"h%1.sqlite"_s.arg(++m_stores)), &error);
    if (!store)
        return nullptr;
    Dataset dataset;
    dataset.sources = {
        makeSource(noAddressSource, u"Notes from a briefing"_s, {}, {}),
        makeSource(reportSource, u"Licences resume"_s, u"https://example.org/licences"_s,
                   PartialDate::fromYmd(2025, 4, 1)),
        makeSource(uncitedSource, u"Background piece"_s, u"https://example.org/background"_s,
                   PartialDate::fromYmd(2025, 2, 1)),
    };
    dataset.events = {
        makeEvent(unsourcedUid, u"Rumoured rule change"_s, PartialDate::fromYmd(2025, 1, 10), {}),
        makeEvent(unaddressedUid, u"Briefing on quotas"_s, PartialDate::fromYmd(2025, 2, 3),
                  {noAddressSource}),
        makeEvent(earlyUid, u"Licences take effect"_s, PartialDate::fromYmd(2025, 5, 1),
                  {reportSource}),
    };
    if (!store->importDataset(dataset, ImportPolicy::Skip, nullptr, &error))
        return nullptr;
    // Saved one by one: an import would merge the duplicate into the source it repeats. The
    // same address and the same title (an address alone would not do: SourceMatcher's rule).
    Source duplicate =
        makeSource(duplicateSource, u"Licences resume."_s, u"https://www.example.org/licences/"_s,
                   PartialDate::fromYmd(2025, 4, 1));
    if (!store->saveSource(duplicate, &error))
        return nullptr;
    Event citing = makeEvent(duplicateCitingUid, u"Vendors told of new licences"_s,
                             PartialDate::fromYmd(2025, 3, 20), {duplicateSource});
    if (!store->saveEvent(citing, &error))
        return nullptr;
    return store;
}

QTreeWidgetItem *TestHealthDialog::group(const QTreeWidget *tree, HealthFinding::Kind kind) {
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->data(0, HealthDialog::KindRole).toInt() == int(kind))
            return tree->topLevelItem(i);
    return nullptr;
}

void TestHealthDialog::eachProblemOnceGivesEachGroupOnce() {
    auto store = openProblemStore();
    QVERIFY(store);
    HealthDialog dialog(*store);
    const QTreeWidget *tree = dialog.tree();
    QCOMPARE(dialog.findingCount(), 6);
    QCOMPARE(tree->topLevelItemCount(), 6);
    const QStringList headers = {
        u"Unsourced events (1)"_s,
        u"Events whose sources all lack an address (1)"_s,
        u"Events dated after their sources (1)"_s,
        u"Sources without address (1)"_s,
        u"Sources cited by no event (1)"_s,
        u"Duplicate sources (1)"_s,
    };
    for (int i = 0; i < headers.size(); ++i) {
        QCOMPARE(tree->topLevelItem(i)->text(0), headers.at(i));
        QCOMPARE(tree->topLevelItem(i)->childCount(), 1);
        QVERIFY(
            !tree->topLevelItem(i)->data(0, HealthDialog::ExplanationRole).toString().isEmpty());
    }
    QCOMPARE(group(tree, HealthFinding::Kind::EventAfterSources)
                 ->data(0, HealthDialog::ExplanationRole)
                 .toString(),
             u"Either the date is wrong or the event was announced in advance."_s);
    const QTreeWidgetItem *unsourced = group(tree, HealthFinding::Kind::UnsourcedEvent)->child(0);
    QCOMPARE(unsourced->text(0), u"2025-01-10 \"Rumoured rule change\""_s);
    QCOMPARE(unsourced->data(0, HealthDialog::UidRole).toString(), unsourcedUid);
    QCOMPARE(group(tree, HealthFinding::Kind::UncitedSource)
                 ->child(0)
                 ->data(0, HealthDialog::UidRole)
                 .toString(),
             uncitedSource);
    QCOMPARE(group(tree, HealthFinding::Kind::DuplicateSources)
                 ->child(0)
                 ->data(0, HealthDialog::UidRole)
                 .toString(),
             duplicateSource);
    QCOMPARE(dialog.findChild<QStackedWidget *>()->currentWidget(), tree);
}

void TestHealthDialog::activatingAnEventFindingRequestsTheEvent() {
    auto store = openProblemStore();
    QVERIFY(store);
    HealthDialog dialog(*store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTreeWidget *tree = dialog.tree();
    QSignalSpy events(&dialog, &HealthDialog::eventRequested);
    QSignalSpy sources(&dialog, &HealthDialog::sourceRequested);

    // Enter on the finding, as a keyboard user would.
    QTreeWidgetItem *early = group(tree, HealthFinding::Kind::EventAfterSources)->child(0);
    tree->setFocus();
    tree->setCurrentItem(early);
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(events.count(), 1);
    QCOMPARE(events.constFirst().constFirst().toLongLong(), store->eventByUid(earlyUid)->id);
    QVERIFY(dialog.isVisible()); // Enter opened the finding, it did not close the dialog

    // Double-click on another.
    QTreeWidgetItem *unsourced = group(tree, HealthFinding::Kind::UnsourcedEvent)->child(0);
    const QPoint centre = tree->visualItemRect(unsourced).center();
    // As a real double-click arrives: press, release, double-click, release (QTest's
    // mouseDClick leaves out the first release, which an item view needs).
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, centre);
    QMouseEvent doubleClick(QEvent::MouseButtonDblClick, centre,
                            tree->viewport()->mapToGlobal(centre), Qt::LeftButton, Qt::LeftButton,
                            {});
    QApplication::sendEvent(tree->viewport(), &doubleClick);
    QTest::mouseRelease(tree->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(events.count(), 2);
    QCOMPARE(events.constLast().constFirst().toLongLong(), store->eventByUid(unsourcedUid)->id);

    // A group header names no single thing.
    tree->setCurrentItem(group(tree, HealthFinding::Kind::UnsourcedEvent));
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(events.count(), 2);
    QCOMPARE(sources.count(), 0);
}

void TestHealthDialog::activatingASourceFindingRequestsTheSource() {
    auto store = openProblemStore();
    QVERIFY(store);
    HealthDialog dialog(*store);
    QSignalSpy sources(&dialog, &HealthDialog::sourceRequested);
    QTreeWidget *tree = dialog.tree();
    tree->setCurrentItem(group(tree, HealthFinding::Kind::SourceWithoutAddress)->child(0));
    QTest::keyClick(tree, Qt::Key_Enter);
    QCOMPARE(sources.count(), 1);
    QCOMPARE(sources.constFirst().constFirst().toString(), noAddressSource);
}

void TestHealthDialog::cleanDatasetShowsEmptyStateAndRefreshSeesChanges() {
    StoreError error;
    auto store = TimelineStore::open(m_dir.filePath(u"clean.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    Dataset clean;
    clean.sources = {makeSource(reportSource, u"Licences resume"_s,
                                u"https://example.org/licences"_s,
                                PartialDate::fromYmd(2025, 4, 1))};
    clean.events = {makeEvent(earlyUid, u"Licences announced"_s, PartialDate::fromYmd(2025, 3, 30),
                              {reportSource})};
    QVERIFY(store->importDataset(clean, ImportPolicy::Skip, nullptr, &error));

    HealthDialog dialog(*store);
    QCOMPARE(dialog.findingCount(), 0);
    QCOMPARE(dialog.tree()->topLevelItemCount(), 0);
    const auto *empty = dialog.findChild<QLabel *>(u"emptyState"_s);
    QVERIFY(empty);
    QCOMPARE(dialog.findChild<QStackedWidget *>()->currentWidget(), empty);
    QVERIFY(empty->text().contains(u"No problems found"_s));

    Event unsourced =
        makeEvent(unsourcedUid, u"Rumoured rule change"_s, PartialDate::fromYmd(2025, 1, 10), {});
    QVERIFY(store->saveEvent(unsourced, &error));
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"refreshButton"_s), Qt::LeftButton);
    QCOMPARE(dialog.findingCount(), 1);
    QCOMPARE(dialog.tree()->topLevelItem(0)->text(0), u"Unsourced events (1)"_s);
    QCOMPARE(dialog.findChild<QStackedWidget *>()->currentWidget(), dialog.tree());
}

QTEST_MAIN(TestHealthDialog)
#include "tst_healthdialog.moc"
