#include "model/store/postgres/ServerAddress.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace {

// libpq 15's connection settings that an address may carry besides host, port, dbname, user
// and password. Left out on purpose: client_encoding (the driver sets UTF-8 itself),
// replication, and the long-deprecated requiressl.
const QStringList &optionKeys() {
    static const QStringList keys = {
        u"hostaddr"_s,
        u"passfile"_s,
        u"channel_binding"_s,
        u"connect_timeout"_s,
        u"options"_s,
        u"application_name"_s,
        u"fallback_application_name"_s,
        u"keepalives"_s,
        u"keepalives_idle"_s,
        u"keepalives_interval"_s,
        u"keepalives_count"_s,
        u"tcp_user_timeout"_s,
        u"gssencmode"_s,
        u"sslmode"_s,
        u"sslcompression"_s,
        u"sslcert"_s,
        u"sslkey"_s,
        u"sslpassword"_s,
        u"sslrootcert"_s,
        u"sslcrl"_s,
        u"sslcrldir"_s,
        u"sslsni"_s,
        u"requirepeer"_s,
        u"ssl_min_protocol_version"_s,
        u"ssl_max_protocol_version"_s,
        u"krbsrvname"_s,
        u"gsslib"_s,
        u"service"_s,
        u"target_session_attrs"_s,
    };
    return keys;
}

bool isSecret(const QString &key) {
    return key == u"password"_s || key == u"sslpassword"_s;
}

bool isKnownKey(const QString &key) {
    return key == u"host"_s || key == u"port"_s || key == u"dbname"_s || key == u"user"_s ||
           key == u"password"_s || optionKeys().contains(key);
}

// The input for an error line: the password (in a URL's user part, or a password= setting)
// left out.
QString withoutPassword(const QString &text) {
    static const QRegularExpression urlPassword(u"^(postgres(?:ql)?://[^@/?]*?):[^@/?]*@"_s,
                                                QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression keywordPassword(
        u"(^|\\s)(ssl)?password\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'?|\\S*)"_s);
    QString shown = text;
    shown.replace(urlPassword, u"\\1@"_s);
    shown.replace(keywordPassword, u"\\1\\2password=…"_s);
    return shown.simplified();
}

class AddressReader {
public:
    explicit AddressReader(ServerAddress *address)
        : m_address(address) {}

    bool readUrl(const QString &text, qsizetype schemeLength);
    bool readKeywords(const QString &text);
    QString reason;

private:
    bool set(const QString &key, const QString &value);
    bool decode(QStringView encoded, QString *decoded);
    bool readPort(const QString &value, int *port);

    ServerAddress *m_address;
};

bool AddressReader::decode(QStringView encoded, QString *decoded) {
    QByteArray bytes;
    const QByteArray utf8 = encoded.toUtf8();
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8[i] != '%') {
            bytes += utf8[i];
            continue;
        }
        const auto isHex = [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        };
        if (i + 2 >= utf8.size() || !isHex(utf8[i + 1]) || !isHex(utf8[i + 2])) {
            reason = u"'%1' is not a percent-encoded byte"_s.arg(QString::fromUtf8(utf8.mid(i, 3)));
            return false;
        }
        bytes += char(utf8.mid(i + 1, 2).toInt(nullptr, 16));
        i += 2;
    }
    QStringDecoder toUtf16(QStringDecoder::Utf8);
    *decoded = toUtf16(bytes);
    if (toUtf16.hasError()) {
        reason = u"'%1' does not decode to UTF-8 text"_s.arg(encoded);
        return false;
    }
    return true;
}

bool AddressReader::readPort(const QString &value, int *port) {
    static const QRegularExpression digits(u"^[0-9]{1,5}$"_s);
    const int number = digits.match(value).hasMatch() ? value.toInt() : 0;
    if (number < 1 || number > 65535) {
        reason = u"port '%1' is not a number from 1 to 65535"_s.arg(value);
        return false;
    }
    *port = number;
    return true;
}

bool AddressReader::set(const QString &key, const QString &value) {
    if (!isKnownKey(key)) {
        reason = u"unknown setting '%1'"_s.arg(key);
        return false;
    }
    if (key == u"host"_s) {
        if (value.contains(u',')) {
            reason = u"several hosts ('%1') are not supported, give one"_s.arg(value);
            return false;
        }
        m_address->host = value;
    } else if (key == u"port"_s) {
        return readPort(value, &m_address->port);
    } else if (key == u"dbname"_s) {
        m_address->databaseName = value;
    } else if (key == u"user"_s) {
        m_address->userName = value;
    } else if (key == u"password"_s) {
        m_address->password = value;
    } else {
        // Qt's driver turns every ';' of its connect options into a space.
        if (value.contains(u';')) {
            reason = u"a ';' in %1 cannot be passed to the PostgreSQL driver"_s.arg(key);
            return false;
        }
        static const QStringList sslModes = {u"disable"_s, u"allow"_s,     u"prefer"_s,
                                             u"require"_s, u"verify-ca"_s, u"verify-full"_s};
        if (key == u"sslmode"_s && !sslModes.contains(value)) {
            reason = u"sslmode '%1' is not one of %2"_s.arg(value, sslModes.join(u", "_s));
            return false;
        }
        m_address->options.removeIf([&](const auto &option) { return option.first == key; });
        m_address->options.append({key, value});
    }
    return true;
}

// postgresql://[user[:password]@][host][:port][/dbname][?key=value&...]
bool AddressReader::readUrl(const QString &text, qsizetype schemeLength) {
    QStringView rest = QStringView(text).mid(schemeLength);
    QStringView query;
    if (const qsizetype mark = rest.indexOf(u'?'); mark >= 0) {
        query = rest.mid(mark + 1);
        rest = rest.left(mark);
    }
    QStringView authority = rest;
    QStringView path;
    if (const qsizetype slash = rest.indexOf(u'/'); slash >= 0) {
        authority = rest.left(slash);
        path = rest.mid(slash + 1);
    }
    if (const qsizetype at = authority.lastIndexOf(u'@'); at >= 0) {
        const QStringView userInfo = authority.left(at);
        authority = authority.mid(at + 1);
        const qsizetype colon = userInfo.indexOf(u':');
        if (!decode(userInfo.left(colon), &m_address->userName))
            return false;
        if (colon >= 0 && !decode(userInfo.mid(colon + 1), &m_address->password))
            return false;
    }
    QStringView hostPart = authority;
    QStringView portPart;
    if (authority.startsWith(u'[')) {
        const qsizetype close = authority.indexOf(u']');
        if (close < 0) {
            reason = u"the IPv6 address has no closing ']'"_s;
            return false;
        }
        hostPart = authority.mid(1, close - 1);
        const QStringView after = authority.mid(close + 1);
        if (!after.isEmpty() && !after.startsWith(u':')) {
            reason = u"'%1' follows the IPv6 address"_s.arg(after);
            return false;
        }
        portPart = after.mid(1);
    } else if (const qsizetype colon = authority.indexOf(u':'); colon >= 0) {
        hostPart = authority.left(colon);
        portPart = authority.mid(colon + 1);
    }
    if (!hostPart.isEmpty()) {
        QString host;
        if (!decode(hostPart, &host) || !set(u"host"_s, host))
            return false;
    }
    if (!portPart.isEmpty() && !readPort(portPart.toString(), &m_address->port))
        return false;
    if (authority.endsWith(u':') && portPart.isEmpty()) {
        reason = u"the port after ':' is missing"_s;
        return false;
    }
    if (!decode(path, &m_address->databaseName))
        return false;
    if (m_address->databaseName.contains(u'/')) {
        reason = u"the database name '%1' contains '/'"_s.arg(m_address->databaseName);
        return false;
    }
    for (const QStringView pair : query.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals <= 0) {
            reason = u"'%1' is not a key=value setting"_s.arg(pair);
            return false;
        }
        QString key;
        QString value;
        if (!decode(pair.left(equals), &key) || !decode(pair.mid(equals + 1), &value) ||
            !set(key, value))
            return false;
    }
    return true;
}

// key=value pairs separated by spaces; a value is a word or a single-quoted string in which
// \' and \\ stand for ' and \ (libpq's own rules).
bool AddressReader::readKeywords(const QString &text) {
    qsizetype i = 0;
    const qsizetype size = text.size();
    while (true) {
        while (i < size && text[i].isSpace())
            ++i;
        if (i == size)
            return true;
        const qsizetype keyStart = i;
        while (i < size && !text[i].isSpace() && text[i] != u'=')
            ++i;
        const QString key = text.mid(keyStart, i - keyStart);
        while (i < size && text[i].isSpace())
            ++i;
        if (i == size || text[i] != u'=') {
            reason = u"'%1' has no '=' and value"_s.arg(key);
            return false;
        }
        ++i;
        while (i < size && text[i].isSpace())
            ++i;
        QString value;
        if (i < size && text[i] == u'\'') {
            ++i;
            while (i < size && text[i] != u'\'') {
                if (text[i] == u'\\' && i + 1 < size)
                    ++i;
                value += text[i++];
            }
            if (i == size) {
                reason = u"the quoted value of %1 has no closing quote"_s.arg(key);
                return false;
            }
            ++i;
        } else {
            while (i < size && !text[i].isSpace()) {
                if (text[i] == u'\\' && i + 1 < size)
                    ++i;
                value += text[i++];
            }
        }
        if (!set(key, value))
            return false;
    }
}

QString quotedOption(const QString &value) {
    QString escaped = value;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"'"_s, u"\\'"_s);
    return u"'%1'"_s.arg(escaped);
}

// A URL component with the characters that would change its meaning percent-encoded.
QString encoded(const QString &value, const QByteArray &keep = {}) {
    return QString::fromLatin1(value.toUtf8().toPercentEncoding(keep));
}

} // namespace

QString ServerAddress::option(const QString &key) const {
    for (const auto &[name, value] : options)
        if (name == key)
            return value;
    return {};
}

QString ServerAddress::connectOptions() const {
    QStringList pairs;
    for (const auto &[key, value] : options)
        pairs << u"%1=%2"_s.arg(key, quotedOption(value));
    return pairs.join(u';');
}

QString ServerAddress::displayString() const {
    if (keywordForm) {
        QStringList pairs;
        const auto add = [&](const QString &key, const QString &value) {
            static const QRegularExpression plain(u"^[^\\s'\\\\]+$"_s);
            pairs << u"%1=%2"_s.arg(key,
                                    plain.match(value).hasMatch() ? value : quotedOption(value));
        };
        if (!host.isEmpty())
            add(u"host"_s, host);
        if (port != -1)
            add(u"port"_s, QString::number(port));
        if (!databaseName.isEmpty())
            add(u"dbname"_s, databaseName);
        if (!userName.isEmpty())
            add(u"user"_s, userName);
        for (const auto &[key, value] : options)
            if (!isSecret(key))
                add(key, value);
        return pairs.join(u' ');
    }
    QString url = u"postgresql://"_s;
    if (!userName.isEmpty())
        url += encoded(userName) + u'@';
    const bool socketFolder = host.startsWith(u'/');
    QStringList query;
    if (socketFolder)
        query << u"host="_s + encoded(host, "/");
    else if (host.contains(u':'))
        url += u'[' + host + u']';
    else
        url += encoded(host);
    if (port != -1) {
        if (socketFolder)
            query << u"port=%1"_s.arg(port);
        else
            url += u":%1"_s.arg(port);
    }
    url += u'/' + encoded(databaseName);
    for (const auto &[key, value] : options)
        if (!isSecret(key))
            query << encoded(key) + u'=' + encoded(value, "/");
    if (!query.isEmpty())
        url += u'?' + query.join(u'&');
    return url;
}

void ServerAddress::applyTo(QSqlDatabase &database) const {
    database.setHostName(host);
    database.setPort(port);
    database.setDatabaseName(databaseName);
    database.setUserName(userName);
    database.setPassword(password);
    database.setConnectOptions(connectOptions());
}

bool looksLikeServerAddress(const QString &text) {
    if (text.startsWith(u"postgresql://"_s, Qt::CaseInsensitive) ||
        text.startsWith(u"postgres://"_s, Qt::CaseInsensitive))
        return true;
    static const QRegularExpression keyword(u"^\\s*([a-z_]+)\\s*="_s);
    const QRegularExpressionMatch match = keyword.match(text);
    return match.hasMatch() && isKnownKey(match.captured(1));
}

bool parseServerAddress(const QString &text, ServerAddress *address, QString *error) {
    ServerAddress parsed;
    AddressReader reader(&parsed);
    bool ok = false;
    if (text.startsWith(u"postgresql://"_s, Qt::CaseInsensitive)) {
        ok = reader.readUrl(text, 13);
    } else if (text.startsWith(u"postgres://"_s, Qt::CaseInsensitive)) {
        ok = reader.readUrl(text, 11);
    } else if (looksLikeServerAddress(text)) {
        parsed.keywordForm = true;
        ok = reader.readKeywords(text);
    } else {
        reader.reason =
            text.trimmed().isEmpty() ? u"empty"_s : u"no postgresql:// and no key=value"_s;
    }
    if (!ok) {
        *error =
            u"not a PostgreSQL address: %1 (%2), expected postgresql://user@host:port/dbname"_s.arg(
                withoutPassword(text), reader.reason);
        return false;
    }
    *address = parsed;
    return true;
}
