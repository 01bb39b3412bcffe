// Team mode end to end on a PostgreSQL server (label `server`; skipped without
// CHIPTIMELINE_TEST_PG): `init`, `copy` between a file and a server, and a reader's rights as
// the server enforces them.

#include "CommandLineTestUtil.h"
#include "StoreConnectionTestUtil.h"
#include "model/store/TimelineStore.h"
#include "model/store/postgres/ServerAddress.h"
#include "model/store/postgres/ServerTrouble.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTeamCommands : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void copyRoundTripsTheBundledDataset();
    void copyRefusesATimelineThatIsNotEmpty();
    void initRefusesANewerSchema();
    void readerIsRefusedByTheServer();

private:
    // A new empty database on the server; its address (as the store shows it).
    QString newDatabase(const QString &name, const QString &user = {},
                        const QString &password = {});
    bool exec(const QString &statement, const QString &database = {});

    ServerAddress m_admin;
    QString m_suffix;
    QStringList m_databases;
    QStringList m_roles;
    QTemporaryDir m_dir;
};

void TestTeamCommands::initTestCase() {
    const QString server = qEnvironmentVariable("CHIPTIMELINE_TEST_PG");
    if (server.isEmpty())
        QSKIP("CHIPTIMELINE_TEST_PG is not set: no PostgreSQL server to test against "
              "(scripts/test starts one with scripts/pg-cluster)");
    QString error;
    QVERIFY2(parseServerAddress(server, &m_admin, &error), qPrintable(error));
    QSqlDatabase admin = QSqlDatabase::addDatabase(u"QPSQL"_s, u"admin"_s);
    m_admin.applyTo(admin);
    QVERIFY2(admin.open(), qPrintable(admin.lastError().text()));
    m_suffix = QString::number(QCoreApplication::applicationPid());
    QVERIFY(m_dir.isValid());
}

void TestTeamCommands::cleanupTestCase() {
    if (!QSqlDatabase::contains(u"admin"_s))
        return;
    for (const QString &database : std::as_const(m_databases))
        exec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(database));
    for (const QString &role : std::as_const(m_roles))
        exec(u"DROP ROLE IF EXISTS %1"_s.arg(role));
    QSqlDatabase::database(u"admin"_s, false).close();
    QSqlDatabase::removeDatabase(u"admin"_s);
}

bool TestTeamCommands::exec(const QString &statement, const QString &database) {
    QString connection = u"admin"_s;
    if (!database.isEmpty()) {
        connection = u"owner-"_s + database;
        if (!QSqlDatabase::contains(connection)) {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
            ServerAddress address = m_admin;
            address.databaseName = database;
            address.applyTo(db);
            db.open();
        }
    }
    bool done = false;
    {
        QSqlQuery query(QSqlDatabase::database(connection, false));
        done = query.exec(statement);
        if (!done)
            qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
    }
    if (connection != u"admin"_s) {
        QSqlDatabase::database(connection, false).close();
        QSqlDatabase::removeDatabase(connection);
    }
    return done;
}

QString TestTeamCommands::newDatabase(const QString &name, const QString &user,
                                      const QString &password) {
    const QString database = u"ct_team_%1_%2"_s.arg(name, m_suffix);
    if (!exec(u"CREATE DATABASE %1"_s.arg(database)))
        return {};
    m_databases << database;
    ServerAddress address = m_admin;
    address.databaseName = database;
    if (!user.isEmpty()) {
        address.userName = user;
        address.password = password;
        // displayString() leaves the password out: give the address as libpq takes it.
        return u"postgresql://%1:%2@/%3?host=%4&port=%5"_s
            .arg(user, password, database, address.host)
            .arg(address.port);
    }
    return address.displayString();
}

void TestTeamCommands::copyRoundTripsTheBundledDataset() {
    const QString first = m_dir.filePath(u"first.sqlite"_s);
    const QString back = m_dir.filePath(u"back.sqlite"_s);
    const QString server = newDatabase(u"roundtrip"_s);
    QVERIFY(!server.isEmpty());
    Result result = run({u"--db"_s, first, u"import"_s, datasetFile()});
    QCOMPARE(result.code, 0);

    // File → server: the empty database gets the schema, then every record.
    result = run({u"copy"_s, u"--from"_s, first, u"--to"_s, server});
    QCOMPARE(result.err, u"copy: 43 sources, 5 categories\ncopy: 39 of 39 events\n"_s);
    QCOMPARE(result.out, u"copied 39 events, 43 sources, 5 categories, 0 saved views\n"_s);
    QCOMPARE(result.code, 0);
    result = run({u"copy"_s, u"--from"_s, server, u"--to"_s, back});
    QCOMPARE(result.code, 0);

    // The native exports of the first file and of the copy of its copy: the same bytes.
    const QString firstJson = m_dir.filePath(u"first.json"_s);
    const QString backJson = m_dir.filePath(u"back.json"_s);
    const QString serverJson = m_dir.filePath(u"server.json"_s);
    QCOMPARE(run({u"--db"_s, first, u"export-data"_s, u"--out"_s, firstJson}).code, 0);
    QCOMPARE(run({u"--db"_s, back, u"export-data"_s, u"--out"_s, backJson}).code, 0);
    QCOMPARE(run({u"--db"_s, server, u"export-data"_s, u"--out"_s, serverJson}).code, 0);
    QVERIFY(!readAll(firstJson).isEmpty());
    QCOMPARE(readAll(backJson), readAll(firstJson));
    QCOMPARE(readAll(serverJson), readAll(firstJson));

    // Search on the server gives what it gives on the file.
    for (const QString &query : {u"huawei"_s, u"beschränkung*"_s, u"deepseek NOT huawei"_s,
                                 u"\"entity list\""_s, u"export*"_s}) {
        const Result onFile = run({u"--db"_s, first, u"search"_s, query, u"--json"_s});
        const Result onServer = run({u"--db"_s, server, u"search"_s, query, u"--json"_s});
        QCOMPARE(onServer.code, 0);
        QCOMPARE(onServer.out, onFile.out);
    }
}

void TestTeamCommands::copyRefusesATimelineThatIsNotEmpty() {
    const QString file = m_dir.filePath(u"full.sqlite"_s);
    QCOMPARE(run({u"--db"_s, file, u"import"_s, datasetFile()}).code, 0);
    const QString server = newDatabase(u"full"_s);
    QCOMPARE(run({u"copy"_s, u"--from"_s, file, u"--to"_s, server}).code, 0);
    const Result again = run({u"copy"_s, u"--from"_s, file, u"--to"_s, server});
    QCOMPARE(again.code, 1);
    QCOMPARE(again.err, u"chiptimeline: %1: not empty (39 events, 43 sources); copy writes only "
                        "into an empty timeline\n"_s.arg(server));
    const QByteArray before = fileSha256(file);
    const Result intoFile = run({u"copy"_s, u"--from"_s, server, u"--to"_s, file});
    QCOMPARE(intoFile.code, 1);
    QCOMPARE(fileSha256(file), before);
}

void TestTeamCommands::initRefusesANewerSchema() {
    const QString server = newDatabase(u"newer"_s);
    Result result = run({u"--db"_s, server, u"init"_s});
    QCOMPARE(result.out, server + u": ready, schema version 9\n"_s);
    QCOMPARE(result.code, 0);
    QVERIFY(exec(u"UPDATE meta SET value = '10' WHERE key = 'schema_version'"_s,
                 u"ct_team_newer_"_s + m_suffix));
    result = run({u"--db"_s, server, u"init"_s});
    QCOMPARE(result.code, 1);
    QCOMPARE(result.err, u"chiptimeline: %1: written by a newer ChipTimeline (schema version 10; "
                         "this version reads up to 9); left untouched\n"_s.arg(server));
    result = run({u"--db"_s, server, u"list"_s});
    QCOMPARE(result.code, 1);
}

void TestTeamCommands::readerIsRefusedByTheServer() {
    const QString reader = u"ct_reader_"_s + m_suffix;
    QVERIFY(exec(u"CREATE ROLE %1 LOGIN PASSWORD 'secret-%2' IN ROLE chiptimeline_reader"_s.arg(
        reader, m_suffix)));
    m_roles << reader;
    const QString owner = newDatabase(u"roles"_s);
    const QString file = m_dir.filePath(u"roles.sqlite"_s);
    QCOMPARE(run({u"--db"_s, file, u"import"_s, datasetFile()}).code, 0);
    QCOMPARE(run({u"copy"_s, u"--from"_s, file, u"--to"_s, owner}).code, 0);
    ServerAddress address = m_admin;
    address.databaseName = u"ct_team_roles_"_s + m_suffix;
    address.userName = reader;
    const QString shown = address.displayString();
    const QString location = u"postgresql://%1:secret-%2@/%3?host=%4&port=%5"_s
                                 .arg(reader, m_suffix, address.databaseName, address.host)
                                 .arg(address.port);

    StoreError error;
    auto store = TimelineStore::open(location, &error);
    QVERIFY2(store, qPrintable(error.message));
    QCOMPARE(store->path(), shown); // never the password
    QVERIFY(store->isReadOnly());
    QCOMPARE(store->readOnlyReason(), u"read-only for %1"_s.arg(reader));
    QCOMPARE(store->eventCount(), 39);
    Event event = store->events().constFirst();
    event.title = u"Changed"_s;
    QVERIFY(!store->saveEvent(event, &error));
    QCOMPARE(error.kind, StoreError::Kind::ReadOnly);
    QCOMPARE(error.message, shown + u": read-only for %1; nothing was changed"_s.arg(reader));

    // A write sent anyway (an old client, a script) is refused by the server itself.
    QSqlQuery insert(connectionOf(*store));
    QVERIFY(!insert.exec(u"INSERT INTO category(name) VALUES ('sneaked-in')"_s));
    QCOMPARE(insert.lastError().nativeErrorCode(), u"42501"_s);
    QCOMPARE(statementFailure(insert.lastError(), shown, reader, u"save"_s).message,
             shown + u": read-only for %1; the server refused the change"_s.arg(reader));
    QCOMPARE(store->categories().size(), 5);

    // The command line says the same and changes nothing.
    const Result result =
        run({u"--db"_s, location, u"import"_s, datasetFile(), u"--policy"_s, u"update"_s});
    QCOMPARE(result.code, 1);
    QCOMPARE(result.err,
             u"chiptimeline: %1: read-only for %2; nothing was changed\n"_s.arg(shown, reader));
    QVERIFY(!result.err.contains(u"secret-"_s));

    // A reader reads the history: the start, then the copy as one import by the role that
    // made it (never a name a client chose); as of that revision, the timeline as it is.
    const Result history = run({u"--db"_s, location, u"history"_s, u"--json"_s});
    QCOMPARE(history.code, 0);
    const QJsonArray revisions = QJsonDocument::fromJson(history.out.toUtf8()).array();
    QCOMPARE(revisions.size(), 2);
    QCOMPARE(revisions.at(0)[u"kind"_s].toString(), u"start"_s);
    QCOMPARE(revisions.at(1)[u"kind"_s].toString(), u"import"_s);
    QCOMPARE(revisions.at(1)[u"author"_s].toString(), m_admin.userName);
    const QString now = m_dir.filePath(u"reader-now.json"_s);
    const QString asOf = m_dir.filePath(u"reader-as-of.json"_s);
    QCOMPARE(run({u"--db"_s, location, u"export-data"_s, u"--out"_s, now}).code, 0);
    QCOMPARE(
        run({u"--db"_s, location, u"export-data"_s, u"--as-of"_s, u"r2"_s, u"--out"_s, asOf}).code,
        0);
    QVERIFY(!readAll(now).isEmpty());
    QCOMPARE(readAll(asOf), readAll(now));
    QCOMPARE(run({u"--db"_s, location, u"changes"_s, u"--since"_s, u"r2"_s}).out,
             u"0 items changed since r2 (%1)\n"_s.arg(revisions.at(1)[u"at"_s].toString().left(19) +
                                                      u"Z"_s));
}

QTEST_GUILESS_MAIN(TestTeamCommands)
#include "tst_teamcommands.moc"
