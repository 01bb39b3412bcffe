#include "model/store/postgres/ServerAddress.h"

#include <QSqlDatabase>
#include <QTest>

using namespace Qt::StringLiterals;

// A PostgreSQL address as typed → exactly what QPSQL gets, what is shown, and the one line
// for bad input. No server is needed: nothing connects.
class tst_ServerAddress : public QObject {
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void passwordIsPassedButNeverShown();
    void appliesToTheDriver();
    void refuses_data();
    void refuses();
    void tellsAddressesFromFiles_data();
    void tellsAddressesFromFiles();
};

void tst_ServerAddress::parses_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("connectOptions");
    QTest::addColumn<QString>("shown");

    QTest::newRow("full URL")
        << u"postgresql://anna@db.example.org:5433/chips?sslmode=verify-full"_s
        << u"db.example.org"_s << 5433 << u"chips"_s << u"anna"_s << u"sslmode='verify-full'"_s
        << u"postgresql://anna@db.example.org:5433/chips?sslmode=verify-full"_s;
    QTest::newRow("postgres scheme, defaults")
        << u"postgres://db.example.org/chips"_s << u"db.example.org"_s << -1 << u"chips"_s << u""_s
        << u""_s << u"postgresql://db.example.org/chips"_s;
    QTest::newRow("everything left to libpq")
        << u"postgresql://"_s << u""_s << -1 << u""_s << u""_s << u""_s << u"postgresql:///"_s;
    QTest::newRow("percent-decoded")
        << u"postgresql://J%C3%BCrgen%40desk@h/China%20desk"_s << u"h"_s << -1 << u"China desk"_s
        << u"Jürgen@desk"_s << u""_s << u"postgresql://J%C3%BCrgen%40desk@h/China%20desk"_s;
    QTest::newRow("IPv6") << u"postgresql://anna@[2001:db8::7]:6543/chips"_s << u"2001:db8::7"_s
                          << 6543 << u"chips"_s << u"anna"_s << u""_s
                          << u"postgresql://anna@[2001:db8::7]:6543/chips"_s;
    QTest::newRow("IPv6 without port")
        << u"postgresql://[::1]/chips"_s << u"::1"_s << -1 << u"chips"_s << u""_s << u""_s
        << u"postgresql://[::1]/chips"_s;
    QTest::newRow("socket folder as a setting")
        << u"postgresql://anna@/chips?host=/run/postgresql&port=5432"_s << u"/run/postgresql"_s
        << 5432 << u"chips"_s << u"anna"_s << u""_s
        << u"postgresql://anna@/chips?host=/run/postgresql&port=5432"_s;
    QTest::newRow("socket folder percent-encoded in the host's place")
        << u"postgresql://%2Fvar%2Frun%2Fpostgresql/chips"_s << u"/var/run/postgresql"_s << -1
        << u"chips"_s << u""_s << u""_s << u"postgresql:///chips?host=/var/run/postgresql"_s;
    QTest::newRow("TLS settings, a path with a space and a quote")
        << u"postgresql://anna@h/chips?sslmode=verify-ca&sslrootcert=/etc/My%20CA/o'neil.pem"_s
        << u"h"_s << -1 << u"chips"_s << u"anna"_s
        << u"sslmode='verify-ca';sslrootcert='/etc/My CA/o\\'neil.pem'"_s
        << u"postgresql://anna@h/chips?sslmode=verify-ca&sslrootcert=/etc/My%20CA/o%27neil.pem"_s;
    QTest::newRow("a later setting replaces an earlier one")
        << u"postgresql://h/chips?sslmode=prefer&connect_timeout=5&sslmode=require"_s << u"h"_s
        << -1 << u"chips"_s << u""_s << u"connect_timeout='5';sslmode='require'"_s
        << u"postgresql://h/chips?connect_timeout=5&sslmode=require"_s;
    QTest::newRow("service name") << u"service=chinadesk"_s << u""_s << -1 << u""_s << u""_s
                                  << u"service='chinadesk'"_s << u"service=chinadesk"_s;
    QTest::newRow("key=value with quotes and spaces")
        << u"  host = db.example.org  port=5433 dbname='China desk' user=anna sslmode=require"_s
        << u"db.example.org"_s << 5433 << u"China desk"_s << u"anna"_s << u"sslmode='require'"_s
        << u"host=db.example.org port=5433 dbname='China desk' user=anna sslmode=require"_s;
    QTest::newRow("key=value escapes")
        << uR"(service=team passfile='/home/o\'neil/.pgpass')"_s << u""_s << -1 << u""_s << u""_s
        << uR"(service='team';passfile='/home/o\'neil/.pgpass')"_s
        << uR"(service=team passfile='/home/o\'neil/.pgpass')"_s;
}

void tst_ServerAddress::parses() {
    QFETCH(QString, text);
    ServerAddress address;
    QString error;
    QVERIFY2(parseServerAddress(text, &address, &error), qPrintable(error));
    QCOMPARE(error, QString());
    QTEST(address.host, "host");
    QTEST(address.port, "port");
    QTEST(address.databaseName, "database");
    QTEST(address.userName, "user");
    QCOMPARE(address.password, QString());
    QTEST(address.connectOptions(), "connectOptions");
    QTEST(address.displayString(), "shown");
    // What is shown reads back to the same settings.
    ServerAddress again;
    QVERIFY2(parseServerAddress(address.displayString(), &again, &error), qPrintable(error));
    QCOMPARE(again.host, address.host);
    QCOMPARE(again.port, address.port);
    QCOMPARE(again.databaseName, address.databaseName);
    QCOMPARE(again.userName, address.userName);
    QCOMPARE(again.connectOptions(), address.connectOptions());
}

void tst_ServerAddress::passwordIsPassedButNeverShown() {
    ServerAddress address;
    QString error;
    QVERIFY(parseServerAddress(u"postgresql://anna:s3cr%3At@h:5432/chips?sslpassword=k3y"_s,
                               &address, &error));
    QCOMPARE(address.password, u"s3cr:t"_s);
    QCOMPARE(address.displayString(), u"postgresql://anna@h:5432/chips"_s);
    // The key's passphrase goes to libpq (through the options) but is not shown either.
    QCOMPARE(address.connectOptions(), u"sslpassword='k3y'"_s);

    QVERIFY(
        parseServerAddress(u"host=h user=anna password='s3 cr' dbname=chips"_s, &address, &error));
    QCOMPARE(address.password, u"s3 cr"_s);
    QCOMPARE(address.displayString(), u"host=h dbname=chips user=anna"_s);

    // Nor in the line for bad input.
    QVERIFY(!parseServerAddress(u"postgresql://anna:s3cret@h:99999/chips"_s, &address, &error));
    QCOMPARE(error, u"not a PostgreSQL address: postgresql://anna@h:99999/chips (port '99999' is "
                    "not a number from 1 to 65535), expected postgresql://user@host:port/dbname"_s);
    QVERIFY(!parseServerAddress(u"host=h password='s3 cret' colour=blue"_s, &address, &error));
    QCOMPARE(error, u"not a PostgreSQL address: host=h password=… colour=blue (unknown setting "
                    "'colour'), expected postgresql://user@host:port/dbname"_s);
}

void tst_ServerAddress::appliesToTheDriver() {
    ServerAddress address;
    QString error;
    QVERIFY(parseServerAddress(
        u"postgresql://anna:pw@db.example.org:5433/chips?sslmode=require&application_name=ct"_s,
        &address, &error));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"tst_serveraddress"_s);
        address.applyTo(db);
        QCOMPARE(db.hostName(), u"db.example.org"_s);
        QCOMPARE(db.port(), 5433);
        QCOMPARE(db.databaseName(), u"chips"_s);
        QCOMPARE(db.userName(), u"anna"_s);
        QCOMPARE(db.password(), u"pw"_s);
        QCOMPARE(db.connectOptions(), u"sslmode='require';application_name='ct'"_s);
    }
    // An address without user or password leaves both empty, so that libpq's own defaults
    // (PGUSER, ~/.pgpass, PGPASSFILE, PGSERVICEFILE) apply.
    QVERIFY(parseServerAddress(u"service=chinadesk"_s, &address, &error));
    {
        QSqlDatabase db = QSqlDatabase::database(u"tst_serveraddress"_s, false);
        address.applyTo(db);
        QCOMPARE(db.hostName(), QString());
        QCOMPARE(db.port(), -1);
        QCOMPARE(db.userName(), QString());
        QCOMPARE(db.password(), QString());
        QCOMPARE(db.connectOptions(), u"service='chinadesk'"_s);
    }
    QSqlDatabase::removeDatabase(u"tst_serveraddress"_s);
}

void tst_ServerAddress::refuses_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");

    QTest::newRow("empty") << u""_s << u"empty"_s;
    QTest::newRow("a file name") << u"team.sqlite"_s << u"no postgresql:// and no key=value"_s;
    QTest::newRow("port not a number")
        << u"postgresql://h:abc/chips"_s << u"port 'abc' is not a number from 1 to 65535"_s;
    QTest::newRow("port zero") << u"postgresql://h:0/chips"_s
                               << u"port '0' is not a number from 1 to 65535"_s;
    QTest::newRow("port missing") << u"postgresql://h:/chips"_s
                                  << u"the port after ':' is missing"_s;
    QTest::newRow("bad percent") << u"postgresql://h/chips%zz"_s
                                 << u"'%zz' is not a percent-encoded byte"_s;
    QTest::newRow("percent at the end")
        << u"postgresql://h/chips%4"_s << u"'%4' is not a percent-encoded byte"_s;
    QTest::newRow("not UTF-8") << u"postgresql://h/chips%FF"_s
                               << u"'chips%FF' does not decode to UTF-8 text"_s;
    QTest::newRow("IPv6 unclosed")
        << u"postgresql://[::1/chips"_s << u"the IPv6 address has no closing ']'"_s;
    QTest::newRow("several hosts")
        << u"postgresql://a,b/chips"_s << u"several hosts ('a,b') are not supported, give one"_s;
    QTest::newRow("unknown setting")
        << u"postgresql://h/chips?colour=blue"_s << u"unknown setting 'colour'"_s;
    QTest::newRow("setting without value")
        << u"postgresql://h/chips?sslmode"_s << u"'sslmode' is not a key=value setting"_s;
    QTest::newRow("bad sslmode") << u"postgresql://h/chips?sslmode=always"_s
                                 << u"sslmode 'always' is not one of disable, allow, prefer, "
                                    "require, verify-ca, verify-full"_s;
    QTest::newRow("semicolon for the driver") << u"postgresql://h/chips?application_name=a;b"_s
                                              << u"a ';' in application_name cannot be passed to "
                                                 "the PostgreSQL driver"_s;
    QTest::newRow("slash in database")
        << u"postgresql://h/a/b"_s << u"the database name 'a/b' contains '/'"_s;
    QTest::newRow("key without value")
        << u"service=team sslmode"_s << u"'sslmode' has no '=' and value"_s;
    QTest::newRow("unclosed quote")
        << u"service='team"_s << u"the quoted value of service has no closing quote"_s;
}

void tst_ServerAddress::refuses() {
    QFETCH(QString, text);
    QFETCH(QString, reason);
    ServerAddress address;
    address.host = u"untouched"_s;
    QString error;
    QVERIFY(!parseServerAddress(text, &address, &error));
    QCOMPARE(
        error,
        u"not a PostgreSQL address: %1 (%2), expected postgresql://user@host:port/dbname"_s.arg(
            text.simplified(), reason));
    QCOMPARE(address.host, u"untouched"_s);
}

void tst_ServerAddress::tellsAddressesFromFiles_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("server");
    QTest::newRow("URL") << u"postgresql://h/db"_s << true;
    QTest::newRow("short scheme, capitals") << u"POSTGRES://h/db"_s << true;
    QTest::newRow("service") << u"service=team"_s << true;
    QTest::newRow("key=value") << u"host=h dbname=db"_s << true;
    QTest::newRow("file") << u"/home/anna/team.sqlite"_s << false;
    QTest::newRow("file with =") << u"a=b.sqlite"_s << false;
    QTest::newRow("relative file") << u"postgresql/timeline.sqlite"_s << false;
}

void tst_ServerAddress::tellsAddressesFromFiles() {
    QFETCH(QString, text);
    QTEST(looksLikeServerAddress(text), "server");
}

QTEST_GUILESS_MAIN(tst_ServerAddress)
#include "tst_serveraddress.moc"
