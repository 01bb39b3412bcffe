#pragma once

#include "model/StoreError.h"

#include <QString>

class QSqlError;

// What went wrong between ChipTimeline and a PostgreSQL server, read from the error Qt's
// QPSQL driver reports (libpq's message when connecting, the SQLSTATE of a refused
// statement), so that each case gives the user one clear line instead of libpq's text.
enum class ServerTrouble {
    None,
    WrongPassword,   // the server refused the password given (URL, ~/.pgpass, PGPASSFILE)
    PasswordMissing, // the server wants a password and none was found
    UnknownHost,     // the host name does not resolve
    TlsUnavailable,  // sslmode asks for TLS and the server does not offer it
    TlsUntrusted,    // TLS is on, but the server's certificate could not be checked
    NoRights,        // the role may not connect to this database, or pg_hba.conf turns it away
    NoSuchRole,      // the server has no such user
    NoSuchDatabase,  // the server has no such database
    Unreachable,     // nothing answers at that address, or the connection broke
    ReadOnly,        // a statement needed a right the role lacks (SQLSTATE 42501)
    Other,
};

// Classifies the error of QSqlDatabase::open() or of a statement.
[[nodiscard]] ServerTrouble classifyServerError(const QSqlError &error);

// The first line of what the server or libpq said, without libpq's "connection to server
// at …" preamble and the server's severity.
[[nodiscard]] QString serverMessage(const QSqlError &error);

// One line for a failed QSqlDatabase::open(), starting with `shownAddress` (the address
// without its password, ServerAddress::displayString()).
[[nodiscard]] StoreError connectionFailure(const QSqlError &error, const QString &shownAddress);

// One line for a statement the server refused. A missing right (SQLSTATE 42501) reads
// "ADDRESS: read-only for USER; the server refused the change"; anything else names the
// action ("save the event") and the server's own message.
[[nodiscard]] StoreError statementFailure(const QSqlError &error, const QString &shownAddress,
                                          const QString &userName, const QString &action);
