// The deleted events the History dock lists (TimelineStore::deletedEvents, issue #19): each
// event deleted and not stored now, with its title, the deleting revision, who, when and why;
// one added again (undo, restore) leaves the list; and a store held read-only for a while.
// Run on SQLite and, registered again as tst_deletedevents_server, on the PostgreSQL server
// (StoreLocationTestUtil.h), where the author is the database role, whatever the client says.

#include "StoreLocationTestUtil.h"

#include "model/EditCommands.h"
#include "model/store/TimelineStore.h"

#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace {

Event makeEvent(const QString &uid, const QString &title, int day) {
    Event event;
    event.uid = uid;
    event.title = title;
    event.start = PartialDate::fromYmd(2025, 4, day);
    event.category = u"us-export-control"_s;
    return event;
}

} // namespace

class TestDeletedEvents : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (!m_locations.start()) {
            if (m_locations.skipped())
                QSKIP("CHIPTIMELINE_TEST_PG is not set: no PostgreSQL server to test against");
            QFAIL("the PostgreSQL server CHIPTIMELINE_TEST_PG names cannot be used");
        }
    }
    void cleanupTestCase() { m_locations.stop(); }

    void listsDeletionsWithWhoWhenWhy() {
        QVERIFY(m_locations.beginTest());
        StoreError error;
        std::unique_ptr<TimelineStore> store =
            TimelineStore::open(m_locations.location(u"d.sqlite"_s), &error);
        QVERIFY2(store, qPrintable(error.message));
        store->setAuthor(u"Ada"_s);
        Dataset data;
        data.categories << Category{0, u"us-export-control"_s, u"US export controls"_s,
                                    QColor(u"#1f77b4"_s), 1};
        data.events << makeEvent(u"ev-a"_s, u"H20 licence rule"_s, 15)
                    << makeEvent(u"ev-b"_s, u"Entity list update"_s, 16)
                    << makeEvent(u"ev-c"_s, u"Revenue-share deal"_s, 17);
        QVERIFY2(store->importDataset(data, ImportPolicy::Skip, nullptr, &error),
                 qPrintable(error.message));
        QCOMPARE(store->deletedEvents(), QList<DeletedEvent>{});
        const qint64 imported = store->latestRevision();
        // On a server the author is the role that writes (the one that made the database's
        // first revision), never the name the client sets.
        const QString serverRole = store->revisions({}).constFirst().author;
        const auto authorOf = [&](const QString &name) {
            return StoreLocations::onServer() ? serverRole : name;
        };
        if (StoreLocations::onServer())
            QVERIFY(!serverRole.isEmpty());
        QVERIFY(imported > 1);

        QUndoStack stack;
        const auto deleteOne = [&](const QString &uid, const QString &note) {
            store->setChangeNote(note);
            stack.push(new DeleteEventsCommand(*store, {*store->eventByUid(uid)}));
        };
        deleteOne(u"ev-a"_s, u"duplicate of ev-c"_s);
        store->setAuthor(u"Björn"_s);
        deleteOne(u"ev-b"_s, u"not about chips"_s);
        QCOMPARE(store->latestRevision(), imported + 2);

        QList<DeletedEvent> deleted = store->deletedEvents();
        QVERIFY(!store->readError().isError());
        QCOMPARE(deleted.size(), 2);
        QCOMPARE(deleted[0].uid, u"ev-b"_s); // the latest deletion first
        QCOMPARE(deleted[0].title, u"Entity list update"_s);
        QCOMPARE(deleted[0].revision, imported + 2);
        QCOMPARE(deleted[0].author, authorOf(u"Björn"_s));
        QCOMPARE(deleted[0].note, u"not about chips"_s);
        QVERIFY(deleted[0].at.isValid());
        QCOMPARE(deleted[1].uid, u"ev-a"_s);
        QCOMPARE(deleted[1].title, u"H20 licence rule"_s);
        QCOMPARE(deleted[1].revision, imported + 1);
        QCOMPARE(deleted[1].author, authorOf(u"Ada"_s));
        QCOMPARE(deleted[1].note, u"duplicate of ev-c"_s);
        QVERIFY(deleted[1].at <= deleted[0].at);

        // Undo adds the event back: it leaves the list; redo deletes it again (a new revision).
        stack.undo();
        deleted = store->deletedEvents();
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted[0].uid, u"ev-a"_s);
        stack.redo();
        deleted = store->deletedEvents();
        QCOMPARE(deleted.size(), 2);
        QCOMPARE(deleted[0].uid, u"ev-b"_s);
        QCOMPARE(deleted[0].revision, imported + 4);
        QCOMPARE(deleted[0].author, authorOf(u"Björn"_s));
        store.reset();
        m_locations.endTest();
    }

    void holdingReadOnlyRefusesWritesAndReleases() {
        QVERIFY(m_locations.beginTest());
        StoreError error;
        std::unique_ptr<TimelineStore> store =
            TimelineStore::open(m_locations.location(u"h.sqlite"_s), &error);
        QVERIFY2(store, qPrintable(error.message));
        Dataset data;
        data.categories << Category{0, u"us-export-control"_s, u"US export controls"_s,
                                    QColor(u"#1f77b4"_s), 1};
        data.events << makeEvent(u"ev-a"_s, u"H20 licence rule"_s, 15);
        QVERIFY2(store->importDataset(data, ImportPolicy::Skip, nullptr, &error),
                 qPrintable(error.message));
        const qint64 before = store->latestRevision();
        store->holdReadOnly(u"showing the timeline as of r1"_s);
        QVERIFY(store->isReadOnly());
        QVERIFY(store->isReadOnlyHeld());
        QCOMPARE(store->readOnlyReason(), u"showing the timeline as of r1"_s);
        QUndoStack stack;
        stack.push(new DeleteEventsCommand(*store, {*store->eventByUid(u"ev-a"_s)}));
        QVERIFY(store->eventByUid(u"ev-a"_s));
        QCOMPARE(store->latestRevision(), before);
        store->releaseReadOnly();
        QCOMPARE(store->readOnlyReason(), QString());
        QVERIFY(!store->isReadOnly());
        QVERIFY(!store->isReadOnlyHeld());
        store.reset();
        m_locations.endTest();
    }

private:
    StoreLocations m_locations;
};

QTEST_GUILESS_MAIN(TestDeletedEvents)
#include "tst_deletedevents.moc"
