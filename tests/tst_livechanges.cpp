// Live updates on a PostgreSQL server (label `server`): two stores on one server database; a
// write committed through one reaches the other's listener as the exact notice of the row.

#include "StoreLocationTestUtil.h"

#include "model/EditCommands.h"
#include "model/store/TimelineStore.h"
#include "model/store/postgres/ServerAddress.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;

class TestLiveChanges : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { QVERIFY(m_locations.beginTest()); }
    void cleanup() { m_locations.endTest(); }
    void cleanupTestCase() { m_locations.stop(); }
    void deliversEachEventChangeWithItsVersionAndAuthor();
    void oneNoticePerChangedRow();
    void storeDoesNotHearItsOwnWrites();
    void fileStoreCannotListen();
    void conflictingEditIsRefusedNamingWhoAndWhen();
    void undoBlockedByAnotherUsersChangeIsRefused();
    void scriptUpdateLeavingModifiedIsCaughtByRowVersion();
    void importThatCannotReadTheTimelineFirstChangesNothing();

private:
    // Waits (on the event loop) until `notices` holds `count` of them.
    static bool waitFor(const QList<StoreChangeNotice> &notices, qsizetype count) {
        return QTest::qWaitFor([&] { return notices.size() >= count; }, 5000);
    }
    QString m_user;
    StoreLocations m_locations;
};

void TestLiveChanges::initTestCase() {
    if (!StoreLocations::onServer())
        QSKIP("runs as tst_livechanges_server only");
    if (!m_locations.start()) {
        if (m_locations.skipped())
            QSKIP("CHIPTIMELINE_TEST_PG is not set: no PostgreSQL server to test against "
                  "(scripts/test starts one with scripts/pg-cluster)");
        QFAIL("the PostgreSQL server CHIPTIMELINE_TEST_PG names cannot be used");
    }
    ServerAddress admin;
    QString error;
    QVERIFY(parseServerAddress(qEnvironmentVariable("CHIPTIMELINE_TEST_PG"), &admin, &error));
    m_user = admin.userName;
    QVERIFY(!m_user.isEmpty());
}

void TestLiveChanges::deliversEachEventChangeWithItsVersionAndAuthor() {
    const QString location = m_locations.location(u"team"_s);
    StoreError error;
    const auto writer = TimelineStore::open(location, &error);
    QVERIFY2(writer, qPrintable(error.message));
    const auto reader = TimelineStore::open(location, &error);
    QVERIFY2(reader, qPrintable(error.message));
    QList<StoreChangeNotice> heard;
    QVERIFY(reader->listenForChanges([&](const StoreChangeNotice &n) { heard << n; }));

    Event event;
    event.title = u"H20 export licence"_s;
    event.start = PartialDate::fromYmd(2025, 7, 14);
    QVERIFY2(writer->saveEvent(event, &error), qPrintable(error.message));
    QVERIFY(waitFor(heard, 1));
    QCOMPARE(heard, (QList<StoreChangeNotice>{
                        {u"event"_s, u"insert"_s, event.id, event.uid, 1, m_user, 1}}));

    heard.clear();
    event.title = u"H20 export licence granted"_s;
    QVERIFY2(writer->saveEvent(event, &error), qPrintable(error.message));
    QVERIFY(waitFor(heard, 1));
    QCOMPARE(heard, (QList<StoreChangeNotice>{
                        {u"event"_s, u"update"_s, event.id, event.uid, 2, m_user, 1}}));
    QCOMPARE(reader->eventByUid(event.uid)->title, u"H20 export licence granted"_s);

    heard.clear();
    QVERIFY2(writer->deleteEvent(event.id, &error), qPrintable(error.message));
    QVERIFY(waitFor(heard, 1));
    QCOMPARE(heard, (QList<StoreChangeNotice>{{u"event"_s, u"delete"_s, event.id, {}, 0, {}, 1}}));

    // Stopped: later writes are not heard.
    heard.clear();
    QVERIFY(reader->listenForChanges({}));
    Event later;
    later.title = u"Unheard"_s;
    later.start = PartialDate::fromYmd(2025, 8, 1);
    QVERIFY2(writer->saveEvent(later, &error), qPrintable(error.message));
    QCOMPARE(reader->eventCount(), 1); // a round trip: a notice would have been read by now
    QCoreApplication::processEvents();
    QCOMPARE(heard, QList<StoreChangeNotice>{});
}

void TestLiveChanges::storeDoesNotHearItsOwnWrites() {
    const QString location = m_locations.location(u"own"_s);
    StoreError error;
    const auto first = TimelineStore::open(location, &error);
    QVERIFY2(first, qPrintable(error.message));
    const auto second = TimelineStore::open(location, &error);
    QVERIFY2(second, qPrintable(error.message));
    QList<StoreChangeNotice> heard;
    QVERIFY(first->listenForChanges([&](const StoreChangeNotice &n) { heard << n; }));

    Event own;
    own.title = u"Written here"_s;
    own.start = PartialDate::fromYmd(2024, 1, 2);
    QVERIFY2(first->saveEvent(own, &error), qPrintable(error.message));
    Event theirs;
    theirs.title = u"Written there"_s;
    theirs.start = PartialDate::fromYmd(2024, 1, 3);
    QVERIFY2(second->saveEvent(theirs, &error), qPrintable(error.message));
    // Notices arrive in commit order: once the second store's is heard, the first's own would
    // have been too.
    QVERIFY(waitFor(heard, 1));
    QCOMPARE(heard, (QList<StoreChangeNotice>{
                        {u"event"_s, u"insert"_s, theirs.id, theirs.uid, 1, m_user, 1}}));
}

void TestLiveChanges::fileStoreCannotListen() {
    QTemporaryDir dir;
    StoreError error;
    const auto store = TimelineStore::open(dir.filePath(u"t.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    QVERIFY(!store->listenForChanges([](const StoreChangeNotice &) {}));
}

// An event saved with its links sends a notification for its row and for each link table it
// writes; the listener hears one notice for the event, with the version it has after the
// commit (and one for each actor, chip or tag name the save added). Two commits heard together
// are two notices, in the order they were made.
void TestLiveChanges::oneNoticePerChangedRow() {
    const QString location = m_locations.location(u"links"_s);
    StoreError error;
    const auto writer = TimelineStore::open(location, &error);
    QVERIFY2(writer, qPrintable(error.message));
    const auto reader = TimelineStore::open(location, &error);
    QVERIFY2(reader, qPrintable(error.message));
    QList<StoreChangeNotice> heard;
    QStringList names; // kind and operation of the other notices
    QVERIFY(reader->listenForChanges([&](const StoreChangeNotice &n) {
        if (n.kind == u"event"_s)
            heard << n;
        else
            names << n.kind + u' ' + n.operation;
    }));

    Event event;
    event.title = u"Ascend 910C shipments"_s;
    event.start = PartialDate::fromYmd(2025, 5, 1);
    event.actors = {u"Huawei"_s, u"SMIC"_s};
    event.chips = {u"Ascend 910C"_s};
    event.tags = {u"shipments"_s};
    QVERIFY2(writer->saveEvent(event, &error), qPrintable(error.message));
    QVERIFY(waitFor(heard, 1));
    QCOMPARE(heard, (QList<StoreChangeNotice>{
                        {u"event"_s, u"insert"_s, event.id, event.uid, 1, m_user, 1}}));
    QCOMPARE(names, (QStringList{u"actor insert"_s, u"actor insert"_s, u"chip insert"_s,
                                 u"tag insert"_s}));

    heard.clear();
    names.clear();
    Event other;
    other.title = u"Ascend 920 announced"_s;
    other.start = PartialDate::fromYmd(2025, 6, 1);
    other.actors = {u"Huawei"_s};
    QVERIFY2(writer->saveEvent(other, &error), qPrintable(error.message));
    event.actors = {u"Huawei"_s};
    event.tags = {u"shipments"_s, u"yield"_s};
    QVERIFY2(writer->saveEvent(event, &error), qPrintable(error.message));
    QVERIFY(waitFor(heard, 2));
    QCoreApplication::processEvents(); // nothing more was announced
    QCOMPARE(heard, (QList<StoreChangeNotice>{
                        {u"event"_s, u"insert"_s, other.id, other.uid, 1, m_user, 1},
                        {u"event"_s, u"update"_s, event.id, event.uid, 2, m_user, 1}}));
    QCOMPARE(names, QStringList{u"tag insert"_s});
}

// Two stores on one server: the second saves an event the first has open; the first's save,
// made against the version it opened, is refused naming who changed it and when, and what the
// second saved stays.
void TestLiveChanges::conflictingEditIsRefusedNamingWhoAndWhen() {
    const QString location = m_locations.location(u"conflict"_s);
    StoreError error;
    const auto mine = TimelineStore::open(location, &error);
    QVERIFY2(mine, qPrintable(error.message));
    const auto theirs = TimelineStore::open(location, &error);
    QVERIFY2(theirs, qPrintable(error.message));
    Event event;
    event.title = u"MI308 licence"_s;
    event.start = PartialDate::fromYmd(2025, 4, 9);
    QVERIFY2(mine->saveEvent(event, &error), qPrintable(error.message));

    const Event opened = *mine->eventByUid(event.uid); // this window opens the editor ...
    Event elsewhere = *theirs->eventByUid(event.uid);
    elsewhere.title = u"MI308 licence revoked"_s; // ... the other saves first
    QVERIFY2(theirs->saveEvent(elsewhere, &error), qPrintable(error.message));
    const Event saved = *theirs->eventByUid(event.uid);

    QUndoStack stack;
    QList<StoreError> errors;
    Event edited = opened;
    edited.title = u"MI308 licence granted"_s;
    auto *command = new EditEventCommand(*mine, opened, edited);
    command->setErrorHandler([&](const StoreError &e) { errors << e; });
    stack.push(command);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().message,
             u"This event was changed by %1 at %2 UTC since you opened it; your edit was not "
             "saved. Reopen it to edit again."_s.arg(
                 m_user, saved.modified.toUTC().toString(u"yyyy-MM-dd HH:mm"_s)));
    QCOMPARE(stack.count(), 0);
    QCOMPARE(mine->eventByUid(event.uid)->title, u"MI308 licence revoked"_s);
    QCOMPARE(theirs->eventByUid(event.uid)->modified, saved.modified);
}

// Undo touches only this store's step: a later change by someone else is in the way, so the
// undo is refused with the same message and their change stays.
void TestLiveChanges::undoBlockedByAnotherUsersChangeIsRefused() {
    const QString location = m_locations.location(u"undo"_s);
    StoreError error;
    const auto mine = TimelineStore::open(location, &error);
    QVERIFY2(mine, qPrintable(error.message));
    const auto theirs = TimelineStore::open(location, &error);
    QVERIFY2(theirs, qPrintable(error.message));
    Event event;
    event.title = u"Entity List additions"_s;
    event.start = PartialDate::fromYmd(2024, 12, 2);
    QVERIFY2(mine->saveEvent(event, &error), qPrintable(error.message));

    QUndoStack stack;
    QList<StoreError> errors;
    const Event opened = *mine->eventByUid(event.uid);
    Event edited = opened;
    edited.title = u"Entity List: 140 additions"_s;
    auto *command = new EditEventCommand(*mine, opened, edited);
    command->setErrorHandler([&](const StoreError &e) { errors << e; });
    stack.push(command);
    QCOMPARE(errors.size(), 0);

    Event later = *theirs->eventByUid(event.uid);
    later.title = u"Entity List: 140 additions, 24 tools"_s;
    QVERIFY2(theirs->saveEvent(later, &error), qPrintable(error.message));
    const Event saved = *theirs->eventByUid(event.uid);

    stack.undo();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().message,
             u"This event was changed by %1 at %2 UTC since you opened it; your edit was not "
             "saved. Reopen it to edit again."_s.arg(
                 m_user, saved.modified.toUTC().toString(u"yyyy-MM-dd HH:mm"_s)));
    QCOMPARE(mine->eventByUid(event.uid)->title, u"Entity List: 140 additions, 24 tools"_s);
}

// A script's UPDATE that leaves `modified` alone (a fix run in psql) still raises the row's
// version on the server: an edit made from the version this store read is refused, naming who
// changed it (with no time, since the script left none), and the script's change stays for
// every store on that server.
void TestLiveChanges::scriptUpdateLeavingModifiedIsCaughtByRowVersion() {
    const QString location = m_locations.location(u"script"_s);
    StoreError error;
    const auto mine = TimelineStore::open(location, &error);
    QVERIFY2(mine, qPrintable(error.message));
    const auto theirs = TimelineStore::open(location, &error);
    QVERIFY2(theirs, qPrintable(error.message));
    Event event;
    event.title = u"HBM export rule"_s;
    event.start = PartialDate::fromYmd(2024, 12, 2);
    QVERIFY2(mine->saveEvent(event, &error), qPrintable(error.message));
    const Event opened = *mine->eventByUid(event.uid);
    QCOMPARE(opened.rowVersion.value, 1);

    {
        ServerAddress address;
        QString parseError;
        QVERIFY2(parseServerAddress(location, &address, &parseError), qPrintable(parseError));
        QSqlDatabase script = QSqlDatabase::addDatabase(u"QPSQL"_s, u"script"_s);
        address.applyTo(script);
        QVERIFY2(script.open(), qPrintable(script.lastError().text()));
        QSqlQuery update(script);
        update.prepare(
            u"UPDATE event SET title = 'HBM export rule (corrected)' WHERE uid = :uid"_s);
        update.bindValue(u":uid"_s, event.uid);
        QVERIFY2(update.exec(), qPrintable(update.lastError().text()));
        QCOMPARE(update.numRowsAffected(), 1);
    }
    QSqlDatabase::removeDatabase(u"script"_s);
    const Event scripted = *theirs->eventByUid(event.uid);
    QCOMPARE(scripted.modified, opened.modified); // the script left the time alone
    QCOMPARE(scripted.rowVersion.value, 2);

    QUndoStack stack;
    QList<StoreError> errors;
    Event edited = opened;
    edited.title = u"HBM export rule, in force"_s;
    auto *command = new EditEventCommand(*mine, opened, edited);
    command->setErrorHandler([&](const StoreError &e) { errors << e; });
    stack.push(command);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().message,
             u"This event was changed by %1 since you opened it; your edit was not saved. "
             "Reopen it to edit again."_s.arg(m_user));
    QCOMPARE(stack.count(), 0);
    const Event stored = *theirs->eventByUid(event.uid);
    QCOMPARE(stored.title, u"HBM export rule (corrected)"_s);
    QCOMPARE(stored.rowVersion.value, 2);

    // Read again, the event carries the new version, and the same edit goes through.
    const Event reopened = *mine->eventByUid(event.uid);
    QCOMPARE(reopened.rowVersion.value, 2);
    Event again = reopened;
    again.title = u"HBM export rule, in force"_s;
    auto *retry = new EditEventCommand(*mine, reopened, again);
    retry->setErrorHandler([&](const StoreError &e) { errors << e; });
    stack.push(retry);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(theirs->eventByUid(event.uid)->title, u"HBM export rule, in force"_s);
    QCOMPARE(theirs->eventByUid(event.uid)->rowVersion.value, 3);
}

// An import first reads what the timeline holds (its last ids and title: the rows past them are
// the import's revision's). When that read fails, here because another client holds the event
// table locked past this connection's lock_timeout, the import is refused naming that read,
// not carried on as if the timeline were empty, and nothing is written.
void TestLiveChanges::importThatCannotReadTheTimelineFirstChangesNothing() {
    const QString location = m_locations.location(u"import"_s);
    StoreError error;
    ServerAddress address;
    QString parseError;
    QVERIFY2(parseServerAddress(location, &address, &parseError), qPrintable(parseError));
    address.options.append({u"options"_s, u"-c lock_timeout=200"_s});
    const auto importer = TimelineStore::open(address.displayString(), &error);
    QVERIFY2(importer, qPrintable(error.message));
    const qint64 revisionsBefore = importer->revisions({}).size();

    QSqlDatabase other = QSqlDatabase::addDatabase(u"QPSQL"_s, u"other"_s);
    {
        ServerAddress plain;
        QVERIFY(parseServerAddress(location, &plain, &parseError));
        plain.applyTo(other);
        QVERIFY2(other.open(), qPrintable(other.lastError().text()));
        QVERIFY(other.transaction());
        QSqlQuery lock(other);
        QVERIFY2(lock.exec(u"LOCK TABLE event IN ACCESS EXCLUSIVE MODE"_s),
                 qPrintable(lock.lastError().text()));
    }
    Dataset dataset;
    Event event;
    event.uid = u"30000000-0000-4000-8000-000000000001"_s;
    event.title = u"Imported while locked"_s;
    event.start = PartialDate::fromYmd(2025, 1, 13);
    dataset.events << event;
    ImportSummary summary;
    QVERIFY(!importer->importDataset(dataset, ImportPolicy::Skip, &summary, &error));
    QVERIFY(other.rollback());
    other.close();
    other = {};
    QSqlDatabase::removeDatabase(u"other"_s);

    QCOMPARE(error.message, address.displayString() +
                                u": could not read the timeline before the import: canceling "
                                "statement due to lock timeout"_s);
    QCOMPARE(importer->eventCount(), 0);
    QCOMPARE(importer->revisions({}).size(), revisionsBefore);
}

QTEST_GUILESS_MAIN(TestLiveChanges)
#include "tst_livechanges.moc"
