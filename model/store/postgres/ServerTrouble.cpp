#include "model/store/postgres/ServerTrouble.h"

#include <QRegularExpression>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace {

// libpq's message without its "connection to server at …, port … failed: " preamble, the
// server's "FATAL:  " severity and its hint lines: the first line of what went wrong.
QString coreMessage(const QSqlError &error) {
    QString text = error.databaseText().isEmpty() ? error.driverText() : error.databaseText();
    static const QRegularExpression preamble(u"^.*?connection to server (?:at|on) .*? failed: "_s,
                                             QRegularExpression::DotMatchesEverythingOption);
    text.remove(preamble);
    static const QRegularExpression severity(u"^(?:FATAL|ERROR):\\s+"_s);
    text.remove(severity);
    return text.section(u'\n', 0, 0).trimmed();
}

// The first "quoted" name in a libpq message (a user, host or database).
QString quotedName(const QString &message) {
    static const QRegularExpression quoted(u"\"([^\"]*)\""_s);
    return quoted.match(message).captured(1);
}

bool containsAny(const QString &text, std::initializer_list<QLatin1StringView> parts) {
    for (const QLatin1StringView part : parts)
        if (text.contains(part, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace

QString serverMessage(const QSqlError &error) {
    return coreMessage(error);
}

ServerTrouble classifyServerError(const QSqlError &error) {
    if (!error.isValid())
        return ServerTrouble::None;
    const QString code = error.nativeErrorCode();
    if (code == u"42501"_s)
        return ServerTrouble::ReadOnly;
    if (code == u"28P01"_s)
        return ServerTrouble::WrongPassword;
    if (code == u"3D000"_s)
        return ServerTrouble::NoSuchDatabase;
    if (code.startsWith(u"08"_s) || code == u"57P01"_s)
        return ServerTrouble::Unreachable;
    // Connecting gives libpq's message only (no SQLSTATE): read it. The server's messages
    // are in English as long as its lc_messages is (the default); libpq's own follow the
    // client's locale, and a translated one falls through to Other, which still names it.
    const QString text = coreMessage(error);
    if (text.contains(u"password authentication failed"_s))
        return ServerTrouble::WrongPassword;
    if (containsAny(text, {"no password supplied"_L1, "password is required"_L1}))
        return ServerTrouble::PasswordMissing;
    if (containsAny(text, {"could not translate host name"_L1}))
        return ServerTrouble::UnknownHost;
    if (containsAny(text, {"server does not support SSL"_L1, "SSL support is not compiled in"_L1,
                           "GSSAPI encryption required"_L1}))
        return ServerTrouble::TlsUnavailable;
    if (containsAny(text, {"root certificate file"_L1, "certificate verify failed"_L1,
                           "server certificate for"_L1, "SSL error"_L1}))
        return ServerTrouble::TlsUntrusted;
    if (containsAny(text, {"permission denied for database"_L1, "no pg_hba.conf entry"_L1,
                           "not permitted to log in"_L1, "too many connections for role"_L1}))
        return ServerTrouble::NoRights;
    if (text.startsWith(u"role \""_s) && text.endsWith(u"does not exist"_s))
        return ServerTrouble::NoSuchRole;
    if (text.startsWith(u"database \""_s) && text.endsWith(u"does not exist"_s))
        return ServerTrouble::NoSuchDatabase;
    if (containsAny(text, {"Connection refused"_L1, "No such file or directory"_L1,
                           "timeout expired"_L1, "Network is unreachable"_L1, "No route to host"_L1,
                           "server closed the connection"_L1, "terminating connection"_L1,
                           "no connection to the server"_L1}))
        return ServerTrouble::Unreachable;
    if (text.contains(u"permission denied"_s))
        return ServerTrouble::ReadOnly;
    return ServerTrouble::Other;
}

StoreError connectionFailure(const QSqlError &error, const QString &shownAddress) {
    const QString text = coreMessage(error);
    const QString name = quotedName(text);
    QString line;
    StoreError::Kind kind = StoreError::Kind::Io;
    switch (classifyServerError(error)) {
    case ServerTrouble::None:
        return {};
    case ServerTrouble::WrongPassword:
        line = u"the server did not accept the password for %1 (check ~/.pgpass or the file "
               "PGPASSFILE names)"_s.arg(name);
        break;
    case ServerTrouble::PasswordMissing:
        line = u"the server wants a password; put it in ~/.pgpass (or the file PGPASSFILE "
               "names)"_s;
        break;
    case ServerTrouble::UnknownHost:
        line = u"unknown host %1"_s.arg(name);
        break;
    case ServerTrouble::TlsUnavailable:
        line = u"TLS is required (sslmode) but the server does not offer it"_s;
        break;
    case ServerTrouble::TlsUntrusted:
        line = u"the server's TLS certificate could not be checked: %1"_s.arg(text);
        break;
    case ServerTrouble::NoRights:
        line =
            text.contains(u"permission denied for database"_s)
                ? u"no right to connect to database %1 (ask for CONNECT, docs/team.md)"_s.arg(name)
                : u"the server turns this user away: %1"_s.arg(text);
        break;
    case ServerTrouble::NoSuchRole:
        line = u"the server has no user %1"_s.arg(name);
        break;
    case ServerTrouble::NoSuchDatabase:
        line = u"the server has no database %1"_s.arg(name);
        kind = StoreError::Kind::NotADatabase;
        break;
    case ServerTrouble::Unreachable:
        line = u"the server is not reachable (%1)"_s.arg(
            text.contains(u"No such file or directory"_s) ? u"no server socket in that folder"_s
            : text.contains(u"Connection refused"_s)      ? u"connection refused"_s
            : text.contains(u"timeout expired"_s)         ? u"no answer within connect_timeout"_s
                                                          : text);
        break;
    case ServerTrouble::ReadOnly:
    case ServerTrouble::Other:
        line = u"cannot connect: %1"_s.arg(text);
        break;
    }
    return {kind, u"%1: %2"_s.arg(shownAddress, line)};
}

StoreError statementFailure(const QSqlError &error, const QString &shownAddress,
                            const QString &userName, const QString &action) {
    switch (classifyServerError(error)) {
    case ServerTrouble::None:
        return {};
    case ServerTrouble::ReadOnly:
        return {
            StoreError::Kind::ReadOnly,
            u"%1: read-only for %2; the server refused the change"_s.arg(shownAddress, userName)};
    case ServerTrouble::Unreachable:
        return {StoreError::Kind::Io, u"%1: the connection to the server broke; could not %2"_s.arg(
                                          shownAddress, action)};
    default:
        return {StoreError::Kind::Io,
                u"%1: could not %2: %3"_s.arg(shownAddress, action, coreMessage(error))};
    }
}
