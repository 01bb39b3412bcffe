#include "ServerSqlTestUtil.h"
#include "model/store/TimelineStore.h"
#include "model/store/postgres/PostgresSchema.h"
#include "model/store/postgres/PostgresTimelineStore.h"
#include "model/store/postgres/ServerAddress.h"
#include "model/store/postgres/ServerTrouble.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The PostgreSQL schema and the server's answers, on a real server: the throwaway cluster
// scripts/test starts (scripts/pg-cluster), named by CHIPTIMELINE_TEST_PG (an address with
// superuser rights). Each run works in databases and login roles of its own and drops them.
class tst_PostgresSchema : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void initCreatesTheSchema();
    void initTwiceChangesNothing();
    void newerSchemaIsRefused();
    void foreignTablesAreRefused();
    void ownerWithoutSuperuserRightsMayInit();
    void olderSchemaStartsItsHistory();
    void searchFoldsAccentsAndFollowsNames();
    void storeReadsWithoutParallelWorkers();
    void updateRaisesTheRowVersion();
    void updateIsAnnounced();
    void readerIsRefusedByTheServer();
    void editorMayChange();
    void connectionTrouble();
    void passwordFileIsHonoured();
    void serviceFileIsHonoured();

private:
    QSqlDatabase open(const QString &connection, const ServerAddress &address);
    bool exec(QSqlDatabase db, const QString &statement);
    QString value(QSqlDatabase db, const QString &statement);
    ServerAddress addressOf(const QString &database, const QString &user = {}) const;
    ServerAddress tcpAddress(const QString &database, const QString &user) const;
    QString openError(const ServerAddress &address);

    ServerAddress m_admin;   // the superuser on the cluster's socket
    QString m_suffix;        // makes this run's database and role names its own
    QString m_database;      // the timeline under test
    QStringList m_databases; // every database made, dropped at the end
    QStringList m_roles;     // every login role made, dropped at the end
    QStringList m_connections;
    int m_opened = 0;
};

QSqlDatabase tst_PostgresSchema::open(const QString &connection, const ServerAddress &address) {
    m_connections << connection;
    return ServerSql::open(connection, address);
}

bool tst_PostgresSchema::exec(QSqlDatabase db, const QString &statement) {
    return ServerSql::exec(db, statement);
}

QString tst_PostgresSchema::value(QSqlDatabase db, const QString &statement) {
    return ServerSql::value(db, statement);
}

ServerAddress tst_PostgresSchema::addressOf(const QString &database, const QString &user) const {
    ServerAddress address = m_admin;
    address.databaseName = database;
    if (!user.isEmpty())
        address.userName = user;
    return address;
}

ServerAddress tst_PostgresSchema::tcpAddress(const QString &database, const QString &user) const {
    ServerAddress address;
    address.host = u"127.0.0.1"_s;
    address.port = m_admin.port;
    address.databaseName = database;
    address.userName = user;
    return address;
}

QString tst_PostgresSchema::openError(const ServerAddress &address) {
    const QString connection = u"trouble%1"_s.arg(++m_opened);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
    m_connections << connection;
    address.applyTo(db);
    if (db.open())
        return u"(connected)"_s;
    return connectionFailure(db.lastError(), address.displayString()).message;
}

void tst_PostgresSchema::initTestCase() {
    const QString server = qEnvironmentVariable("CHIPTIMELINE_TEST_PG");
    if (server.isEmpty())
        QSKIP("CHIPTIMELINE_TEST_PG is not set: no PostgreSQL server to test against "
              "(scripts/test starts one with scripts/pg-cluster)");
    QVERIFY2(QSqlDatabase::isDriverAvailable(u"QPSQL"_s),
             "Qt's PostgreSQL driver is missing (Debian: libqt6sql6-psql)");
    QString error;
    QVERIFY2(parseServerAddress(server, &m_admin, &error), qPrintable(error));
    QVERIFY2(m_admin.host.startsWith(u'/') && m_admin.port > 0,
             "CHIPTIMELINE_TEST_PG names the cluster's socket folder and port");
    m_suffix = u"%1_%2"_s.arg(QCoreApplication::applicationPid())
                   .arg(QDateTime::currentMSecsSinceEpoch() % 100000000);
    QSqlDatabase admin = open(u"admin"_s, m_admin);
    QVERIFY(admin.isOpen());
    m_database = u"ct_schema_"_s + m_suffix;
    QVERIFY(exec(admin, u"CREATE DATABASE %1"_s.arg(m_database)));
    m_databases << m_database;
    QSqlDatabase owner = open(u"owner"_s, addressOf(m_database));
    QVERIFY(owner.isOpen());
}

void tst_PostgresSchema::cleanupTestCase() {
    for (const QString &connection : std::as_const(m_connections)) {
        if (connection != u"admin"_s)
            QSqlDatabase::database(connection, false).close();
    }
    if (QSqlDatabase admin = QSqlDatabase::database(u"admin"_s, false); admin.isOpen()) {
        for (const QString &database : std::as_const(m_databases))
            exec(admin, u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(database));
        for (const QString &role : std::as_const(m_roles))
            exec(admin, u"DROP ROLE IF EXISTS %1"_s.arg(role));
        admin.close();
    }
    for (const QString &connection : std::as_const(m_connections))
        QSqlDatabase::removeDatabase(connection);
}

void tst_PostgresSchema::initCreatesTheSchema() {
    QSqlDatabase owner = QSqlDatabase::database(u"owner"_s);
    StoreError error;
    QCOMPARE(postgresSchemaVersion(owner, &error), 0);
    QVERIFY2(initPostgresSchema(owner, &error), qPrintable(error.message));
    QCOMPARE(error.kind, StoreError::Kind::None);
    QCOMPARE(value(owner, u"SELECT value FROM meta WHERE key = 'schema_version'"_s), u"9"_s);
    QCOMPARE(postgresSchemaVersion(owner, &error), 9);
    QCOMPARE(value(owner, u"SELECT string_agg(tablename, ' ' ORDER BY tablename) FROM pg_tables "
                          "WHERE schemaname = current_schema()"_s),
             u"actor category chip event event_actor event_chip event_search event_source "
             "event_tag meta relation relation_source revision revision_change saved_view "
             "search_word source source_search tag"_s);
    QCOMPARE(value(owner, u"SELECT string_agg(rolname, ' ' ORDER BY rolname) FROM pg_roles "
                          "WHERE rolname LIKE 'chiptimeline\\_%'"_s),
             u"chiptimeline_editor chiptimeline_reader"_s);
    QCOMPARE(value(owner, u"SELECT extname FROM pg_extension WHERE extname = 'unaccent'"_s),
             u"unaccent"_s);
}

void tst_PostgresSchema::initTwiceChangesNothing() {
    QSqlDatabase owner = QSqlDatabase::database(u"owner"_s);
    const QString objects = u"SELECT count(*) FROM pg_class c JOIN pg_namespace n "
                            "ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"_s;
    const QString triggers = u"SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal"_s;
    const QString versionRow = u"SELECT xmin::text FROM meta WHERE key = 'schema_version'"_s;
    const QString before =
        value(owner, objects) + u' ' + value(owner, triggers) + u' ' + value(owner, versionRow);
    StoreError error;
    QVERIFY2(initPostgresSchema(owner, &error), qPrintable(error.message));
    QCOMPARE(value(owner, objects) + u' ' + value(owner, triggers) + u' ' +
                 value(owner, versionRow),
             before);
    // Row versions 2, search 16, notifications 33, search words 4, history 3, link checks 14
    // and their deletions 5 (schema 8; the remaining constraints' triggers are internal).
    QCOMPARE(value(owner, triggers), u"77"_s);
}

void tst_PostgresSchema::newerSchemaIsRefused() {
    QSqlDatabase owner = QSqlDatabase::database(u"owner"_s);
    QVERIFY(exec(owner, u"UPDATE meta SET value = '10' WHERE key = 'schema_version'"_s));
    StoreError error;
    QVERIFY(!initPostgresSchema(owner, &error));
    QCOMPARE(error.kind, StoreError::Kind::TooNew);
    QCOMPARE(error.message,
             u"%1: written by a newer ChipTimeline (schema version 10; this version reads up to "
             "9); left untouched"_s.arg(addressOf(m_database).displayString()));
    QCOMPARE(value(owner, u"SELECT value FROM meta WHERE key = 'schema_version'"_s), u"10"_s);
    QVERIFY(exec(owner, u"UPDATE meta SET value = '9' WHERE key = 'schema_version'"_s));
}

void tst_PostgresSchema::foreignTablesAreRefused() {
    const QString database = u"ct_foreign_"_s + m_suffix;
    QVERIFY(exec(QSqlDatabase::database(u"admin"_s), u"CREATE DATABASE %1"_s.arg(database)));
    m_databases << database;
    QSqlDatabase other = open(u"foreign"_s, addressOf(database));
    QVERIFY(exec(other, u"CREATE TABLE invoices (id integer)"_s));
    StoreError error;
    QVERIFY(!initPostgresSchema(other, &error));
    QCOMPARE(error.kind, StoreError::Kind::NotADatabase);
    QCOMPARE(
        error.message,
        u"%1: holds tables but not a ChipTimeline schema (no meta table); left untouched"_s.arg(
            addressOf(database).displayString()));
    QCOMPARE(value(other, u"SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"_s), u"1"_s);
    other.close();
}

// docs/team.md's deployment: the database belongs to an ordinary role (no SUPERUSER, no
// CREATEROLE) that runs init once the administrator has made the two roles; unaccent is a
// trusted extension, so the owner may create it.
void tst_PostgresSchema::ownerWithoutSuperuserRightsMayInit() {
    const QString owner = u"ct_owner_"_s + m_suffix;
    const QString database = u"ct_owned_"_s + m_suffix;
    QSqlDatabase admin = QSqlDatabase::database(u"admin"_s);
    QVERIFY(exec(admin, u"CREATE ROLE %1 LOGIN NOSUPERUSER NOCREATEROLE"_s.arg(owner)));
    m_roles << owner;
    QVERIFY(exec(admin, u"CREATE DATABASE %1 OWNER %2"_s.arg(database, owner)));
    m_databases << database;
    QSqlDatabase db = open(u"owned"_s, addressOf(database, owner));
    QVERIFY(db.isOpen());
    StoreError error;
    QVERIFY2(initPostgresSchema(db, &error), qPrintable(error.message));
    QCOMPARE(value(db, u"SELECT value FROM meta WHERE key = 'schema_version'"_s), u"9"_s);
    QCOMPARE(
        value(db,
              u"SELECT has_table_privilege('chiptimeline_editor', 'event', 'INSERT')::text "
              "|| ' ' || has_table_privilege('chiptimeline_reader', 'event', 'INSERT')::text "
              "|| ' ' || has_table_privilege('chiptimeline_reader', 'event', 'SELECT')::text"_s),
        u"true false true"_s);
    db.close();
}

// A timeline made before the history (schema 4) keeps its rows; its history starts at the
// upgrade with one revision, and the next write is the second, by the role that writes.
void tst_PostgresSchema::olderSchemaStartsItsHistory() {
    const QString database = u"ct_older_"_s + m_suffix;
    QVERIFY(exec(QSqlDatabase::database(u"admin"_s), u"CREATE DATABASE %1"_s.arg(database)));
    m_databases << database;
    QSqlDatabase db = open(u"older"_s, addressOf(database));
    QVERIFY(db.isOpen());
    QVERIFY(db.transaction());
    for (const PostgresMigration &migration : postgresMigrations())
        if (migration.version <= 4)
            for (const QString &statement : migration.statements)
                QVERIFY2(exec(db, statement), qPrintable(statement));
    QVERIFY(exec(db, u"INSERT INTO meta(key, value) VALUES ('schema_version', '4')"_s));
    QVERIFY(exec(db, uR"(INSERT INTO event (uid, title, start_year, first_day, last_day,
                                           created, modified)
                        VALUES ('e1', 'Entity list update', 2025, 1, 1, 'x', 'x'))"_s));
    QVERIFY(db.commit());
    StoreError error;
    QVERIFY2(initPostgresSchema(db, &error), qPrintable(error.message));
    QCOMPARE(value(db, u"SELECT value FROM meta WHERE key = 'schema_version'"_s), u"9"_s);
    QCOMPARE(value(db, u"SELECT string_agg(number || ' ' || kind || ' ' || summary || ' ' || "
                       "author, ', ') FROM revision"_s),
             u"1 start history starts here "_s + m_admin.userName);
    QCOMPARE(value(db, u"SELECT count(*) FROM revision_change"_s), u"0"_s);
    // Schema 7 copied the event's first day into its search row.
    QCOMPARE(value(db, u"SELECT event_id || ' ' || first_day FROM event_search"_s), u"1 1"_s);
    db.close();

    auto store = TimelineStore::open(addressOf(database).displayString(), &error);
    QVERIFY2(store, qPrintable(error.message));
    QCOMPARE(store->latestRevision(), 1);
    Event event = *store->eventByUid(u"e1"_s);
    event.title = u"Entity list update, second round"_s;
    store->setAuthor(u"Somebody else"_s); // a server names the role, whatever the client says
    QVERIFY2(store->saveEvent(event, &error), qPrintable(error.message));
    const QList<Revision> all = store->revisions({u"e1"_s, {}, {}, {}, true});
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().number, 2);
    QCOMPARE(all.first().author, m_admin.userName);
    QCOMPARE(all.first().summary, u"edit event 'Entity list update, second round'"_s);
    QCOMPARE(all.first().changes.size(), 2); // modified, title
    QCOMPARE(all.first().changes.at(1).oldValue, u"\"Entity list update\""_s);
    QVERIFY(!store->readError().isError());
}

void tst_PostgresSchema::storeReadsWithoutParallelWorkers() {
    // A worker's start-up cost a search with no match ~90 ms on a busy server (bench_team).
    StoreError error;
    auto store = TimelineStore::open(addressOf(m_database).displayString(), &error);
    QVERIFY2(store, qPrintable(error.message));
    auto *server = dynamic_cast<PostgresTimelineStore *>(store.get());
    QVERIFY(server);
    QCOMPARE(value(server->database(), u"SHOW max_parallel_workers_per_gather"_s), u"0"_s);
    // Other connections keep the server's setting (2 unless the cluster sets another).
    QCOMPARE(value(QSqlDatabase::database(u"owner"_s), u"SHOW max_parallel_workers_per_gather"_s),
             u"2"_s);
}

void tst_PostgresSchema::searchFoldsAccentsAndFollowsNames() {
    QSqlDatabase owner = QSqlDatabase::database(u"owner"_s);
    QVERIFY(exec(owner, uR"(INSERT INTO event (id, uid, title, summary, start_year, first_day,
                                              last_day, created, modified)
                           VALUES (1, 'e1', 'Neue Beschränkungen für H20', 'Lizenzpflicht', 2025,
                                   2460767, 2460767, '2025-04-15T00:00:00Z',
                                   '2025-04-15T00:00:00Z'),
                                  (2, 'e2', 'Revenue share', '15% deal', 2025, 2460890,
                                   2460890, '2025-08-11T00:00:00Z', '2025-08-11T00:00:00Z'))"_s));
    QVERIFY(exec(owner, u"INSERT INTO actor (id, name) VALUES (1, 'Nvidia'), (2, 'Huawei')"_s));
    QVERIFY(exec(owner, u"INSERT INTO event_actor (event_id, actor_id) VALUES (2, 1)"_s));
    const QString hits =
        u"SELECT coalesce(string_agg(event_id::text, ' ' ORDER BY event_id), '') FROM event_search "
        "WHERE document @@ to_tsquery('chiptimeline_search', '%1')"_s;
    QCOMPARE(value(owner, hits.arg(u"beschrankung:*"_s)), u"1"_s);
    QCOMPARE(value(owner, hits.arg(u"BESCHRÄNKUNGEN"_s)), u"1"_s);
    QCOMPARE(value(owner, hits.arg(u"nvidia"_s)), u"2"_s);
    // A renamed actor and a new link re-index the events they name.
    QVERIFY(exec(owner, u"UPDATE actor SET name = 'NVIDIA Corporation' WHERE id = 1"_s));
    QCOMPARE(value(owner, hits.arg(u"corporation"_s)), u"2"_s);
    QVERIFY(exec(owner, u"INSERT INTO event_actor (event_id, actor_id) VALUES (1, 2)"_s));
    QCOMPARE(value(owner, hits.arg(u"huawei"_s)), u"1"_s);
    QVERIFY(exec(owner, u"DELETE FROM event_actor WHERE event_id = 1"_s));
    QCOMPARE(value(owner, hits.arg(u"huawei"_s)), u""_s);
    // The search row keeps the event's first day, also when the event moves.
    const QString firstDays =
        u"SELECT string_agg(event_id || ' ' || first_day, ', ' ORDER BY event_id) "
        "FROM event_search"_s;
    QCOMPARE(value(owner, firstDays), u"1 2460767, 2 2460890"_s);
    QVERIFY(owner.transaction()); // rolled back: the next case expects row version 1
    QVERIFY(exec(owner, u"UPDATE event SET first_day = 2460700 WHERE id = 1"_s));
    QCOMPARE(value(owner, firstDays), u"1 2460700, 2 2460890"_s);
    QVERIFY(owner.rollback());
    // Sources: their fields and the quotes citing them.
    QVERIFY(exec(owner, uR"(INSERT INTO source (id, uid, title, outlet, created, modified)
                           VALUES (1, 's1', 'Exportkontrolle', 'Handelsblatt',
                                   '2025-04-16T00:00:00Z', '2025-04-16T00:00:00Z'))"_s));
    QVERIFY(exec(owner, uR"(INSERT INTO event_source (event_id, source_id, quote)
                           VALUES (1, 1, 'Die Ausfuhr wird genehmigungspflichtig'))"_s));
    QCOMPARE(value(owner,
                   u"SELECT string_agg(source_id::text, ' ') FROM source_search WHERE "
                   "document @@ to_tsquery('chiptimeline_search', 'genehmigungspflichtig')"_s),
             u"1"_s);
}

void tst_PostgresSchema::updateRaisesTheRowVersion() {
    QSqlDatabase owner = QSqlDatabase::database(u"owner"_s);
    QCOMPARE(value(owner, u"SELECT row_version FROM event WHERE id = 1"_s), u"1"_s);
    // The server keeps the version, whatever a client writes into it.
    QVERIFY(exec(owner, u"UPDATE event SET title = 'Neue Beschränkungen', row_version = 1 "
                        "WHERE id = 1"_s));
    QCOMPARE(value(owner, u"SELECT row_version || ' ' || modified_by FROM event WHERE id = 1"_s),
             u"2 "_s + m_admin.userName);
}

void tst_PostgresSchema::updateIsAnnounced() {
    QSqlDatabase listener = open(u"listener"_s, addressOf(m_database));
    QVERIFY(listener.isOpen());
    QSqlDriver *driver = listener.driver();
    QSignalSpy spy(driver, &QSqlDriver::notification);
    QVERIFY(driver->subscribeToNotification(postgresChangeChannel));
    QSqlDatabase owner = QSqlDatabase::database(u"owner"_s);
    QVERIFY(exec(owner, u"UPDATE event SET summary = 'Lizenzpflicht ab April' WHERE id = 1"_s));
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QString(postgresChangeChannel));
    QCOMPARE(spy.at(0).at(1).value<QSqlDriver::NotificationSource>(), QSqlDriver::OtherSource);
    QCOMPARE(spy.at(0).at(2).toString(), uR"({"table" : "event", "id" : 1, "op" : "update"})"_s);
    // A statement of more than 100 rows is announced once, for all of them.
    QVERIFY(
        exec(owner, u"INSERT INTO tag (name) SELECT 'tag ' || n FROM generate_series(1, 101) n"_s));
    QTRY_COMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(2).toString(),
             uR"({"table" : "tag", "id" : null, "op" : "insert", "rows" : 101})"_s);
    QVERIFY(driver->unsubscribeFromNotification(postgresChangeChannel));
    listener.close();
}

void tst_PostgresSchema::readerIsRefusedByTheServer() {
    const QString reader = u"ct_reader_"_s + m_suffix;
    QSqlDatabase admin = QSqlDatabase::database(u"admin"_s);
    QVERIFY(exec(admin, u"CREATE ROLE %1 LOGIN IN ROLE chiptimeline_reader"_s.arg(reader)));
    m_roles << reader;
    const ServerAddress address = addressOf(m_database, reader);
    QSqlDatabase db = open(u"reader"_s, address);
    QVERIFY(db.isOpen());
    QCOMPARE(value(db, u"SELECT count(*) FROM event"_s), u"2"_s);
    QSqlQuery query(db);
    QVERIFY(!query.exec(uR"(INSERT INTO event (uid, title, start_year, first_day, last_day,
                                              created, modified)
                           VALUES ('e3', 'Sneaky', 2025, 1, 1, 'x', 'x'))"_s));
    QCOMPARE(query.lastError().nativeErrorCode(), u"42501"_s);
    QCOMPARE(classifyServerError(query.lastError()), ServerTrouble::ReadOnly);
    const StoreError error =
        statementFailure(query.lastError(), address.displayString(), reader, u"save the event"_s);
    QCOMPARE(error.kind, StoreError::Kind::ReadOnly);
    QCOMPARE(error.message, u"%1: read-only for %2; the server refused the change"_s.arg(
                                address.displayString(), reader));
    QCOMPARE(value(db, u"SELECT count(*) FROM event"_s), u"2"_s);
    // The history is the readers' to read, never to write.
    QCOMPARE(value(db, u"SELECT kind || ' ' || summary FROM revision ORDER BY number LIMIT 1"_s),
             u"start history starts here"_s);
    for (const QString &write :
         {u"INSERT INTO revision(kind, summary) VALUES ('edit', 'sneaky')"_s,
          u"INSERT INTO revision_change(revision, entity, uid, field) VALUES (1, 'event', 'e1', "
          "'*')"_s,
          u"UPDATE revision SET note = 'rewritten'"_s, u"DELETE FROM revision"_s,
          u"DELETE FROM revision_change"_s}) {
        QVERIFY2(!query.exec(write), qPrintable(write));
        QCOMPARE(query.lastError().nativeErrorCode(), u"42501"_s);
    }
    QCOMPARE(value(db, u"SELECT count(*) FROM revision"_s), u"1"_s);
    // Gathering the statistics after an import is the editors' (schema 9).
    QVERIFY(!query.exec(u"SELECT chiptimeline_gather_statistics()"_s));
    QCOMPARE(query.lastError().nativeErrorCode(), u"42501"_s);
    db.close();
}

void tst_PostgresSchema::editorMayChange() {
    const QString editor = u"ct_editor_"_s + m_suffix;
    QSqlDatabase admin = QSqlDatabase::database(u"admin"_s);
    QVERIFY(exec(admin, u"CREATE ROLE %1 LOGIN IN ROLE chiptimeline_editor"_s.arg(editor)));
    m_roles << editor;
    QSqlDatabase db = open(u"editor"_s, addressOf(m_database, editor));
    QVERIFY(db.isOpen());
    // A new id from the sequence (after the explicit ones the owner wrote: 3), its search
    // document, and the editor as the last to change it.
    QVERIFY(exec(QSqlDatabase::database(u"owner"_s),
                 u"SELECT setval(pg_get_serial_sequence('event', 'id'), 2)"_s));
    QVERIFY(exec(db, uR"(INSERT INTO event (uid, title, start_year, first_day, last_day,
                                           created, modified)
                        VALUES ('e3', 'Ascend 910C', 2025, 1, 1, 'x', 'x'))"_s));
    QVERIFY(exec(db, u"UPDATE event SET importance = 3 WHERE uid = 'e3'"_s));
    QCOMPARE(value(db, u"SELECT e.id || ' ' || e.row_version || ' ' || e.modified_by || ' ' || "
                       "(s.document @@ to_tsquery('chiptimeline_search', 'ascend'))::text "
                       "FROM event e JOIN event_search s ON s.event_id = e.id WHERE uid = 'e3'"_s),
             u"3 2 %1 true"_s.arg(editor));
    QVERIFY(exec(db, u"DELETE FROM event WHERE uid = 'e3'"_s));
    // The schema version is init's alone.
    QSqlQuery query(db);
    QVERIFY(!query.exec(u"UPDATE meta SET value = '2'"_s));
    QCOMPARE(query.lastError().nativeErrorCode(), u"42501"_s);
    // An editor adds revisions; the server, not the client, says who and when; and nobody
    // rewrites one: no role has the right, and the owner meets the triggers.
    QVERIFY(exec(db, u"INSERT INTO revision(author, at, kind, summary) VALUES ('Eve', "
                     "'2001-01-01T00:00Z', 'edit', 'by an editor')"_s));
    QCOMPARE(value(db, u"SELECT author || ' ' || (at > now() - interval '1 hour')::text FROM "
                       "revision WHERE summary = 'by an editor'"_s),
             editor + u" true"_s);
    for (const QString &write : {u"UPDATE revision SET note = 'rewritten'"_s,
                                 u"DELETE FROM revision WHERE summary = 'by an editor'"_s,
                                 u"DELETE FROM revision_change"_s}) {
        QVERIFY2(!query.exec(write), qPrintable(write));
        QCOMPARE(query.lastError().nativeErrorCode(), u"42501"_s);
    }
    QSqlQuery asOwner(QSqlDatabase::database(u"owner"_s));
    for (const QString &write :
         {u"UPDATE revision SET note = 'rewritten'"_s, u"DELETE FROM revision"_s,
          u"DELETE FROM revision_change"_s, u"TRUNCATE revision, revision_change"_s}) {
        QVERIFY2(!asOwner.exec(write), qPrintable(write));
        QVERIFY2(asOwner.lastError().databaseText().contains(u"history is never rewritten"_s),
                 qPrintable(asOwner.lastError().databaseText()));
    }
    QCOMPARE(value(db, u"SELECT count(*) FROM revision"_s), u"2"_s);
    // Only a table's owner may ANALYZE it; an editor gathers the planner's statistics after
    // a large import through the owner's function (schema 9).
    const QString statistics = u"SELECT count(*) > 0 FROM pg_stats WHERE tablename = 'event' "
                               "AND schemaname = current_schema()"_s;
    QCOMPARE(value(db, statistics), u"false"_s);
    QVERIFY(exec(db, u"ANALYZE event"_s)); // skipped, with a warning: not the owner
    QCOMPARE(value(db, statistics), u"false"_s);
    QVERIFY(exec(db, u"SELECT chiptimeline_gather_statistics()"_s));
    QCOMPARE(value(db, statistics), u"true"_s);
    db.close();
}

void tst_PostgresSchema::connectionTrouble() {
    QSqlDatabase admin = QSqlDatabase::database(u"admin"_s);
    const QString user = u"ct_password_"_s + m_suffix;
    QVERIFY(exec(admin, u"CREATE ROLE %1 LOGIN PASSWORD 'right'"_s.arg(user)));
    m_roles << user;
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    // No ~/.pgpass of whoever runs the tests may answer for the password.
    qputenv("PGPASSFILE", QFile::encodeName(empty.filePath(u"no-pgpass"_s)));

    ServerAddress wrong = tcpAddress(m_database, user);
    wrong.password = u"wrong"_s;
    QCOMPARE(openError(wrong),
             u"%1: the server did not accept the password for %2 (check ~/.pgpass or the file "
             "PGPASSFILE names)"_s.arg(wrong.displayString(), user));
    const ServerAddress none = tcpAddress(m_database, user);
    QCOMPARE(openError(none), u"%1: the server wants a password; put it in ~/.pgpass (or the "
                              "file PGPASSFILE names)"_s.arg(none.displayString()));

    ServerAddress unknown = tcpAddress(m_database, user);
    unknown.host = u"timeline.invalid"_s;
    QCOMPARE(openError(unknown),
             u"%1: unknown host timeline.invalid"_s.arg(unknown.displayString()));

    ServerAddress tls = tcpAddress(m_database, user);
    tls.password = u"right"_s;
    tls.options = {{u"sslmode"_s, u"require"_s}};
    QCOMPARE(openError(tls),
             u"%1: TLS is required (sslmode) but the server does not offer it"_s.arg(
                 tls.displayString()));

    const QString locked = u"ct_locked_"_s + m_suffix;
    QVERIFY(exec(admin, u"CREATE DATABASE %1"_s.arg(locked)));
    m_databases << locked;
    QVERIFY(exec(admin, u"REVOKE CONNECT ON DATABASE %1 FROM PUBLIC"_s.arg(locked)));
    const ServerAddress noRights = addressOf(locked, user);
    QCOMPARE(openError(noRights),
             u"%1: no right to connect to database %2 (ask for CONNECT, docs/team.md)"_s.arg(
                 noRights.displayString(), locked));

    const ServerAddress noSuchDatabase = addressOf(u"ct_missing_"_s + m_suffix, user);
    QCOMPARE(openError(noSuchDatabase), u"%1: the server has no database ct_missing_%2"_s.arg(
                                            noSuchDatabase.displayString(), m_suffix));

    ServerAddress unreachable = addressOf(m_database, user);
    unreachable.host = empty.path();
    QCOMPARE(openError(unreachable),
             u"%1: the server is not reachable (no server socket in that folder)"_s.arg(
                 unreachable.displayString()));
    ServerAddress refused = tcpAddress(m_database, user);
    refused.port = 1; // privileged, and nothing listens there
    QCOMPARE(openError(refused), u"%1: the server is not reachable (connection refused)"_s.arg(
                                     refused.displayString()));
    qunsetenv("PGPASSFILE");
}

void tst_PostgresSchema::passwordFileIsHonoured() {
    const QString user = u"ct_password_"_s + m_suffix;
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QFile passwords(folder.filePath(u"pgpass"_s));
    QVERIFY(passwords.open(QIODevice::WriteOnly));
    passwords.write(u"127.0.0.1:%1:*:%2:right\n"_s.arg(m_admin.port).arg(user).toUtf8());
    passwords.close();
    QVERIFY(passwords.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    qputenv("PGPASSFILE", QFile::encodeName(passwords.fileName()));
    // No password in the address: libpq finds it in PGPASSFILE.
    QSqlDatabase db = open(u"pgpass"_s, tcpAddress(m_database, user));
    qunsetenv("PGPASSFILE");
    QVERIFY(db.isOpen());
    QCOMPARE(value(db, u"SELECT session_user"_s), user);
    db.close();
}

void tst_PostgresSchema::serviceFileIsHonoured() {
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QFile services(folder.filePath(u"pg_service.conf"_s));
    QVERIFY(services.open(QIODevice::WriteOnly));
    services.write(u"[chinadesk]\nhost=%1\nport=%2\ndbname=%3\nuser=%4\n"_s.arg(m_admin.host)
                       .arg(m_admin.port)
                       .arg(m_database, m_admin.userName)
                       .toUtf8());
    services.close();
    qputenv("PGSERVICEFILE", QFile::encodeName(services.fileName()));
    ServerAddress address;
    QString error;
    QVERIFY(parseServerAddress(u"service=chinadesk"_s, &address, &error));
    QSqlDatabase db = open(u"service"_s, address);
    qunsetenv("PGSERVICEFILE");
    QVERIFY(db.isOpen());
    QCOMPARE(value(db, u"SELECT current_database()"_s), m_database);
    db.close();
}

QTEST_GUILESS_MAIN(tst_PostgresSchema)
#include "tst_postgresschema.moc"
