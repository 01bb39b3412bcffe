#pragma once

#include <QList>
#include <QString>

#include <utility>

class QSqlDatabase;

// Where a team's timeline lives: a PostgreSQL address as a user gives it to `--db`, taken
// apart into what Qt's QPSQL driver takes. Three spellings, as libpq reads them:
//
//   postgresql://user[:password]@host:5432/dbname?sslmode=verify-full&sslrootcert=/ca.pem
//   postgres://…                        (the same)
//   service=team sslmode=require        (libpq's key=value form, e.g. a name from
//                                        ~/.pg_service.conf or PGSERVICEFILE)
//
// Components are percent-decoded; a host may be an IPv6 address in brackets or a socket
// folder (`?host=/run/postgresql`, or `%2F…` in the host's place). Whatever the address
// leaves out (host, port, user, password, database) is left to libpq, so PGHOST, PGUSER,
// ~/.pgpass, PGPASSFILE and PGSERVICEFILE keep working. A password written in the address
// is passed on to libpq but never shown: displayString() and the error lines leave it out.
struct ServerAddress {
    QString host;         // name, IP address or socket folder; empty: libpq's default
    int port = -1;        // -1: libpq's default (PGPORT or 5432)
    QString databaseName; // empty: libpq's default (the user's name)
    QString userName;     // empty: libpq's default (PGUSER or the login name)
    QString password;     // only when the address carries one; never displayed or stored
    // Every other libpq setting given (sslmode, sslrootcert, service, connect_timeout, …),
    // in the order given, a later one replacing an earlier one of the same name.
    QList<std::pair<QString, QString>> options;
    bool keywordForm = false; // given as key=value pairs rather than as a URL

    // The value of a setting in `options`, empty when not given.
    [[nodiscard]] QString option(const QString &key) const;
    // `options` as QSqlDatabase::setConnectOptions wants them: key='value' pairs joined by
    // ';' (the driver turns each ';' into a space and hands the result to libpq).
    [[nodiscard]] QString connectOptions() const;
    // The address as the user wrote it, minus any password: for titles, recent-server lists,
    // settings and messages.
    [[nodiscard]] QString displayString() const;
    // Sets host name, port, database name, user name, password and connect options.
    void applyTo(QSqlDatabase &database) const;
};

// Whether `text` is meant as a server address rather than a file: it starts with
// postgresql:// or postgres://, or with a libpq setting name followed by '='.
[[nodiscard]] bool looksLikeServerAddress(const QString &text);

// Reads `text` into `*address`. On bad input returns false and sets `*error` to one line:
// "not a PostgreSQL address: TEXT (REASON), expected postgresql://user@host:port/dbname",
// where TEXT is the input without its password.
[[nodiscard]] bool parseServerAddress(const QString &text, ServerAddress *address, QString *error);
