#pragma once

// Statements sent straight to a test server (the PostgreSQL suites that check the schema
// below the store): a connection opened with a warning naming what failed, a statement run
// with a warning on failure, and the first value of a statement's first row as text.

#include "model/store/postgres/ServerAddress.h"
#include "model/store/postgres/ServerTrouble.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ServerSql {

inline QSqlDatabase open(const QString &connection, const ServerAddress &address) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
    address.applyTo(db);
    if (!db.open())
        qWarning("%s",
                 qPrintable(connectionFailure(db.lastError(), address.displayString()).message));
    return db;
}

inline bool exec(QSqlDatabase db, const QString &statement) {
    QSqlQuery query(db);
    if (query.exec(statement))
        return true;
    qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
    return false;
}

// "NULL" for a NULL value, "(failed)" (with a warning) when there is no row.
inline QString value(QSqlDatabase db, const QString &statement) {
    QSqlQuery query(db);
    if (!query.exec(statement) || !query.next()) {
        qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
        return QStringLiteral("(failed)");
    }
    return query.value(0).isNull() ? QStringLiteral("NULL") : query.value(0).toString();
}

} // namespace ServerSql
