#pragma once

// Where a store suite keeps its timelines, so that one source tests both backends: a file in
// a temporary folder, or, when the suite runs with CHIPTIMELINE_TEST_STORE=server (its second
// registration in tests/CMakeLists.txt, label `server`), a fresh database on the PostgreSQL
// server CHIPTIMELINE_TEST_PG names (scripts/test starts one with scripts/pg-cluster). Each
// name asked for in a test is one timeline; the databases are dropped when the test ends.

#include "model/store/TimelineStore.h"
#include "model/store/postgres/ServerAddress.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class StoreLocations {
public:
    // True when this run tests the server backend.
    static bool onServer() { return qEnvironmentVariable("CHIPTIMELINE_TEST_STORE") == u"server"; }

    // In initTestCase: false (after QSKIP or a failure) when a server run has no server.
    bool start() {
        if (!onServer())
            return true;
        using namespace Qt::StringLiterals;
        const QString server = qEnvironmentVariable("CHIPTIMELINE_TEST_PG");
        if (server.isEmpty()) {
            m_skipped = true;
            return false;
        }
        QString error;
        if (!parseServerAddress(server, &m_admin, &error)) {
            qWarning("CHIPTIMELINE_TEST_PG: %s", qPrintable(error));
            return false;
        }
        QSqlDatabase admin = QSqlDatabase::addDatabase(u"QPSQL"_s, adminConnection());
        m_admin.applyTo(admin);
        if (!admin.open()) {
            qWarning("%s", qPrintable(admin.lastError().text()));
            return false;
        }
        m_prefix = u"ct_store_%1_"_s.arg(QCoreApplication::applicationPid());
        return true;
    }
    [[nodiscard]] bool skipped() const { return m_skipped; }

    // In init: a fresh folder for the files of one test.
    bool beginTest() {
        m_dir = std::make_unique<QTemporaryDir>();
        return m_dir->isValid();
    }

    // The timeline `name` of the current test: a file path, or a server address whose
    // database is made (with the schema) the first time it is asked for.
    QString location(const QString &name) {
        if (!onServer())
            return m_dir->filePath(name);
        using namespace Qt::StringLiterals;
        if (const auto found = m_locations.constFind(name); found != m_locations.cend())
            return *found;
        QString database = m_prefix + QString::number(++m_made) + u"_"_s +
                           QString(name).replace(QRegularExpression(u"[^A-Za-z0-9]"_s), u"_"_s);
        database = database.left(60).toLower();
        QSqlQuery query(QSqlDatabase::database(adminConnection(), false));
        if (!query.exec(u"CREATE DATABASE %1"_s.arg(database)))
            qWarning("CREATE DATABASE %s: %s", qPrintable(database),
                     qPrintable(query.lastError().text()));
        m_databases << database;
        ServerAddress address = m_admin;
        address.databaseName = database;
        const QString location = address.displayString();
        StoreError error;
        if (!TimelineStore::initialize(location, &error))
            qWarning("init %s: %s", qPrintable(location), qPrintable(error.message));
        m_locations.insert(name, location);
        return location;
    }

    // Runs `sql` as the server's administrator (a fixture's own connection): false, with a
    // warning, when the server refused it.
    bool runAsAdmin(const QString &sql) {
        QSqlQuery query(QSqlDatabase::database(adminConnection(), false));
        if (query.exec(sql))
            return true;
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return false;
    }

    // In cleanup: the test's databases dropped (its stores are closed by then).
    void endTest() {
        using namespace Qt::StringLiterals;
        m_locations.clear();
        QSqlQuery query(QSqlDatabase::database(adminConnection(), false));
        for (const QString &database : std::as_const(m_databases))
            query.exec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(database));
        m_databases.clear();
    }

    // In cleanupTestCase.
    void stop() {
        endTest();
        if (QSqlDatabase::contains(adminConnection())) {
            QSqlDatabase::database(adminConnection(), false).close();
            QSqlDatabase::removeDatabase(adminConnection());
        }
    }

private:
    static QString adminConnection() { return QStringLiteral("store-locations-admin"); }

    std::unique_ptr<QTemporaryDir> m_dir;
    ServerAddress m_admin;
    QString m_prefix;
    QHash<QString, QString> m_locations;
    QStringList m_databases;
    int m_made = 0;
    bool m_skipped = false;
};
