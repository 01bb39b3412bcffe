#include "ServerSqlTestUtil.h"
#include "model/store/postgres/PostgresSchema.h"
#include "model/store/postgres/ServerAddress.h"
#include "model/store/postgres/ServerTrouble.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

// PostgreSQL schema 8 (PostgresLinkChecks.cpp): the foreign keys of the link tables, the search
// tables and revision_change are checked by statement triggers, once per statement, and a
// deleted event, actor, chip, tag or source takes its links along. What the constraints did,
// asserted on a real server (CHIPTIMELINE_TEST_PG, as tst_postgresschema): a link to nothing
// is refused with the constraint's SQLSTATE and message, and the statement leaves nothing; a
// deletion cascades; a parent row linked by an open transaction cannot be deleted until it ends.
class tst_PostgresLinkChecks : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void linkToNothingIsRefused();
    void changedLinkIsChecked();
    void deletionTakesLinksAlong();
    void linkedRowWaitsForTheLinkingTransaction();

private:
    QSqlDatabase open(const QString &connection, const QString &database);
    bool exec(QSqlDatabase db, const QString &statement);
    QString value(QSqlDatabase db, const QString &statement);
    // The error `statement` fails with: SQLSTATE, then the server's message.
    QString failure(QSqlDatabase db, const QString &statement);

    ServerAddress m_admin;
    QString m_database;
    QStringList m_connections;
};

QSqlDatabase tst_PostgresLinkChecks::open(const QString &connection, const QString &database) {
    ServerAddress address = m_admin;
    address.databaseName = database;
    m_connections << connection;
    return ServerSql::open(connection, address);
}

bool tst_PostgresLinkChecks::exec(QSqlDatabase db, const QString &statement) {
    return ServerSql::exec(db, statement);
}

QString tst_PostgresLinkChecks::value(QSqlDatabase db, const QString &statement) {
    return ServerSql::value(db, statement);
}

QString tst_PostgresLinkChecks::failure(QSqlDatabase db, const QString &statement) {
    QSqlQuery query(db);
    if (query.exec(statement))
        return u"(done)"_s;
    return query.lastError().nativeErrorCode() + u' ' + serverMessage(query.lastError());
}

void tst_PostgresLinkChecks::initTestCase() {
    const QString server = qEnvironmentVariable("CHIPTIMELINE_TEST_PG");
    if (server.isEmpty())
        QSKIP("CHIPTIMELINE_TEST_PG is not set: no PostgreSQL server to test against "
              "(scripts/test starts one with scripts/pg-cluster)");
    QVERIFY2(QSqlDatabase::isDriverAvailable(u"QPSQL"_s),
             "Qt's PostgreSQL driver is missing (Debian: libqt6sql6-psql)");
    QString error;
    QVERIFY2(parseServerAddress(server, &m_admin, &error), qPrintable(error));
    QSqlDatabase admin = open(u"admin"_s, m_admin.databaseName);
    QVERIFY(admin.isOpen());
    m_database = u"ct_links_%1_%2"_s.arg(QCoreApplication::applicationPid())
                     .arg(QDateTime::currentMSecsSinceEpoch() % 100000000);
    QVERIFY(exec(admin, u"CREATE DATABASE %1"_s.arg(m_database)));
    QSqlDatabase db = open(u"one"_s, m_database);
    QVERIFY(db.isOpen());
    StoreError storeError;
    QVERIFY2(initPostgresSchema(db, &storeError), qPrintable(storeError.message));
    QCOMPARE(value(db, u"SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid IN "
                       "('event_actor'::regclass, 'event_chip'::regclass, 'event_tag'::regclass, "
                       "'event_source'::regclass, 'event_search'::regclass, "
                       "'source_search'::regclass, 'revision_change'::regclass)"_s),
             u"0"_s);
    QVERIFY(open(u"two"_s, m_database).isOpen());
}

void tst_PostgresLinkChecks::cleanupTestCase() {
    for (const QString &connection : std::as_const(m_connections))
        if (connection != u"admin"_s)
            QSqlDatabase::database(connection, false).close();
    if (QSqlDatabase admin = QSqlDatabase::database(u"admin"_s, false); admin.isOpen()) {
        if (!m_database.isEmpty())
            exec(admin, u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(m_database));
        admin.close();
    }
    for (const QString &connection : std::as_const(m_connections))
        QSqlDatabase::removeDatabase(connection);
}

// Two events (ids 1, 2), each with actor 1, chip 1, tag 1 and a citation of source 1; event 2
// also with actor 2; both sources indexed.
void tst_PostgresLinkChecks::init() {
    QSqlDatabase db = QSqlDatabase::database(u"one"_s);
    QVERIFY(exec(db, u"DELETE FROM event"_s));
    for (const QString &table : {u"actor"_s, u"chip"_s, u"tag"_s, u"source"_s})
        QVERIFY(exec(db, u"DELETE FROM %1"_s.arg(table)));
    QVERIFY(exec(db, uR"(INSERT INTO event(id, uid, title, start_year, first_day, last_day,
                                          created, modified)
                        VALUES (1, 'e1', 'Entity list update', 2025, 1, 1, 'x', 'x'),
                               (2, 'e2', 'H20 licence', 2025, 2, 2, 'x', 'x'))"_s));
    QVERIFY(exec(db, u"INSERT INTO source(id, uid, title, created, modified) VALUES "
                     "(1, 's1', 'Reuters', 'x', 'x'), (2, 's2', 'FT', 'x', 'x')"_s));
    QVERIFY(exec(db, u"INSERT INTO actor(id, name) VALUES (1, 'Nvidia'), (2, 'BIS')"_s));
    QVERIFY(exec(db, u"INSERT INTO chip(id, name) VALUES (1, 'H20')"_s));
    QVERIFY(exec(db, u"INSERT INTO tag(id, name) VALUES (1, 'licence')"_s));
    QVERIFY(
        exec(db, u"INSERT INTO event_actor(event_id, actor_id) VALUES (1, 1), (2, 1), (2, 2)"_s));
    QVERIFY(exec(db, u"INSERT INTO event_chip(event_id, chip_id) VALUES (1, 1), (2, 1)"_s));
    QVERIFY(exec(db, u"INSERT INTO event_tag(event_id, tag_id) VALUES (1, 1), (2, 1)"_s));
    QVERIFY(exec(db, u"INSERT INTO event_source(event_id, source_id) VALUES (1, 1), (2, 1)"_s));
}

void tst_PostgresLinkChecks::linkToNothingIsRefused() {
    QSqlDatabase db = QSqlDatabase::database(u"one"_s);
    // One good row and one bad: the statement writes neither.
    QCOMPARE(failure(db, u"INSERT INTO event_actor(event_id, actor_id) VALUES (1, 2), (1, 7)"_s),
             u"23503 insert or update on table \"event_actor\" violates foreign key constraint "
             "\"event_actor_actor_id_fkey\""_s);
    QCOMPARE(failure(db, u"INSERT INTO event_tag(event_id, tag_id) VALUES (9, 1)"_s),
             u"23503 insert or update on table \"event_tag\" violates foreign key constraint "
             "\"event_tag_event_id_fkey\""_s);
    QCOMPARE(failure(db, u"INSERT INTO event_source(event_id, source_id) VALUES (1, 2), (1, 5)"_s),
             u"23503 insert or update on table \"event_source\" violates foreign key constraint "
             "\"event_source_source_id_fkey\""_s);
    QCOMPARE(failure(db, u"INSERT INTO event_search(event_id, first_day, document) "
                         "VALUES (8, 1, '')"_s),
             u"23503 insert or update on table \"event_search\" violates foreign key constraint "
             "\"event_search_event_id_fkey\""_s);
    QCOMPARE(failure(db, u"INSERT INTO revision_change(revision, entity, uid, field) "
                         "VALUES (99999, 'event', 'e1', '*')"_s),
             u"23503 insert or update on table \"revision_change\" violates foreign key "
             "constraint \"revision_change_revision_fkey\""_s);
    QCOMPARE(
        value(db,
              u"SELECT string_agg(event_id || ':' || actor_id, ' ' ORDER BY event_id, actor_id) "
              "FROM event_actor"_s),
        u"1:1 2:1 2:2"_s);
    QCOMPARE(
        value(db,
              u"SELECT string_agg(event_id || ':' || source_id, ' ' ORDER BY event_id, source_id) "
              "FROM event_source"_s),
        u"1:1 2:1"_s);
    QCOMPARE(value(db, u"SELECT count(*) FROM event_search WHERE event_id = 8"_s), u"0"_s);
    // Links to rows the same statement's transaction made are checked too.
    QVERIFY(db.transaction());
    QVERIFY(exec(db, u"INSERT INTO actor(id, name) VALUES (3, 'Huawei')"_s));
    QVERIFY(exec(db, u"INSERT INTO event_actor(event_id, actor_id) VALUES (1, 3)"_s));
    QCOMPARE(failure(db, u"INSERT INTO event_actor(event_id, actor_id) VALUES (1, 4)"_s),
             u"23503 insert or update on table \"event_actor\" violates foreign key constraint "
             "\"event_actor_actor_id_fkey\""_s);
    QVERIFY(db.rollback());
    QCOMPARE(value(db, u"SELECT count(*) FROM event_actor WHERE event_id = 1"_s), u"1"_s);
}

void tst_PostgresLinkChecks::changedLinkIsChecked() {
    QSqlDatabase db = QSqlDatabase::database(u"one"_s);
    QCOMPARE(failure(db, u"UPDATE event_source SET source_id = 6 WHERE event_id = 2"_s),
             u"23503 insert or update on table \"event_source\" violates foreign key constraint "
             "\"event_source_source_id_fkey\""_s);
    QVERIFY(exec(db, u"UPDATE event_source SET source_id = 2 WHERE event_id = 2"_s));
    QCOMPARE(
        value(db,
              u"SELECT string_agg(event_id || ':' || source_id, ' ' ORDER BY event_id, source_id) "
              "FROM event_source"_s),
        u"1:1 2:2"_s);
}

void tst_PostgresLinkChecks::deletionTakesLinksAlong() {
    QSqlDatabase db = QSqlDatabase::database(u"one"_s);
    // Each table's rows as "event:linked" pairs (the search tables: their ids), " / " between.
    const auto rows = [](const QString &table, const QString &columns) {
        return u"coalesce((SELECT string_agg(concat_ws(':', %2), ' ' ORDER BY %2) FROM %1), '')"_s
            .arg(table, columns);
    };
    const QString links = u"SELECT concat_ws(' / ', "_s +
                          QStringList{rows(u"event_actor"_s, u"event_id, actor_id"_s),
                                      rows(u"event_chip"_s, u"event_id, chip_id"_s),
                                      rows(u"event_tag"_s, u"event_id, tag_id"_s),
                                      rows(u"event_source"_s, u"event_id, source_id"_s),
                                      rows(u"event_search"_s, u"event_id"_s),
                                      rows(u"source_search"_s, u"source_id"_s)}
                              .join(u", "_s) +
                          u")"_s;
    QCOMPARE(value(db, links), u"1:1 2:1 2:2 / 1:1 2:1 / 1:1 2:1 / 1:1 2:1 / 1 2 / 1 2"_s);
    QVERIFY(exec(db, u"DELETE FROM event WHERE id = 1"_s));
    QCOMPARE(value(db, links), u"2:1 2:2 / 2:1 / 2:1 / 2:1 / 2 / 1 2"_s);
    QVERIFY(exec(db, u"DELETE FROM actor WHERE id = 2"_s));
    QVERIFY(exec(db, u"INSERT INTO event_source(event_id, source_id) VALUES (2, 2)"_s));
    QCOMPARE(value(db, links), u"2:1 / 2:1 / 2:1 / 2:1 2:2 / 2 / 1 2"_s);
    QVERIFY(exec(db, u"DELETE FROM source WHERE id = 1"_s));
    QCOMPARE(value(db, links), u"2:1 / 2:1 / 2:1 / 2:2 / 2 / 2"_s);
    QVERIFY(exec(db, u"DELETE FROM chip"_s));
    QVERIFY(exec(db, u"DELETE FROM tag"_s));
    QCOMPARE(value(db, u"SELECT (SELECT count(*) FROM event_chip) + (SELECT count(*) FROM "
                       "event_tag)"_s),
             u"0"_s);
}

// As the constraint's check did, a link locks the row it points at (FOR KEY SHARE): a
// deletion of that row waits until the linking transaction ends, then takes the link along.
void tst_PostgresLinkChecks::linkedRowWaitsForTheLinkingTransaction() {
    QSqlDatabase one = QSqlDatabase::database(u"one"_s);
    QSqlDatabase two = QSqlDatabase::database(u"two"_s);
    QVERIFY(exec(two, u"SET lock_timeout = '300ms'"_s));
    QVERIFY(one.transaction());
    QVERIFY(exec(one, u"INSERT INTO event_actor(event_id, actor_id) VALUES (1, 2)"_s));
    QCOMPARE(failure(two, u"DELETE FROM actor WHERE id = 2"_s),
             u"55P03 canceling statement due to lock timeout"_s);
    QCOMPARE(failure(two, u"DELETE FROM event WHERE id = 1"_s),
             u"55P03 canceling statement due to lock timeout"_s);
    // A row nobody links in the open transaction goes at once.
    QVERIFY(exec(two, u"DELETE FROM source WHERE id = 2"_s));
    QVERIFY(one.commit());
    QCOMPARE(
        value(two,
              u"SELECT string_agg(event_id || ':' || actor_id, ' ' ORDER BY event_id, actor_id) "
              "FROM event_actor"_s),
        u"1:1 1:2 2:1 2:2"_s);
    QVERIFY(exec(two, u"DELETE FROM actor WHERE id = 2"_s));
    QCOMPARE(
        value(two,
              u"SELECT string_agg(event_id || ':' || actor_id, ' ' ORDER BY event_id, actor_id) "
              "FROM event_actor"_s),
        u"1:1 2:1"_s);
    QVERIFY(exec(two, u"RESET lock_timeout"_s));
}

QTEST_GUILESS_MAIN(tst_PostgresLinkChecks)
#include "tst_postgreslinkchecks.moc"
