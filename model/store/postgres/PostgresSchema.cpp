#include "model/store/postgres/PostgresSchema.h"

#include "model/store/postgres/ServerAddress.h"
#include "model/store/postgres/ServerTrouble.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

// Any number, the same in every ChipTimeline: two `init`s at once take turns.
constexpr qint64 migrationLockKey = 0x43686970544c; // "ChipTL"

// The database as messages name it: its address without a password.
QString shownAddress(const QSqlDatabase &db) {
    ServerAddress address;
    address.host = db.hostName();
    address.port = db.port();
    address.databaseName = db.databaseName();
    address.userName = db.userName();
    return address.displayString();
}

// The rights of the two roles on everything the migrations made so far; run after each
// migration, so a table added later is granted too. The meta table is the editors' to read
// only: the schema version is init's business.
QStringList grants() {
    return {
        uR"(DO $$
            BEGIN
              EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO chiptimeline_reader, '
                             'chiptimeline_editor', current_database());
              EXECUTE format('GRANT USAGE ON SCHEMA %I TO chiptimeline_reader, '
                             'chiptimeline_editor', current_schema());
              EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO chiptimeline_reader, '
                             'chiptimeline_editor', current_schema());
              EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO '
                             'chiptimeline_editor', current_schema());
            END $$)"_s,
        uR"(GRANT INSERT, UPDATE, DELETE ON
              category, event, source, event_source, actor, chip, tag, event_actor,
              event_chip, event_tag, saved_view, event_search, source_search
              TO chiptimeline_editor)"_s,
    };
}

class SchemaRun {
public:
    SchemaRun(QSqlDatabase &db, StoreError *error)
        : m_db(db)
        , m_query(db)
        , m_error(error)
        , m_shown(shownAddress(db)) {}

    // The stored version (0: no ChipTimeline tables), or -1 after setting the error.
    int readVersion();
    bool migrate(const PostgresMigration &migration);
    bool refuseTooNew(int version);

private:
    // A missing right while making the schema is not a reader's write: say which right.
    bool fail(const QString &action) {
        const QSqlError sqlError = m_query.lastError();
        *m_error =
            classifyServerError(sqlError) == ServerTrouble::ReadOnly
                ? StoreError{StoreError::Kind::ReadOnly,
                             u"%1: could not %2: %3 (init needs the database's owner; "
                             "see docs/team.md)"_s.arg(m_shown, action, serverMessage(sqlError))}
                : statementFailure(sqlError, m_shown, m_db.userName(), action);
        return false;
    }
    bool exec(const QString &statement, const QString &action) {
        return m_query.exec(statement) || fail(action);
    }

    QSqlDatabase &m_db;
    QSqlQuery m_query;
    StoreError *m_error;
    QString m_shown;
};

int SchemaRun::readVersion() {
    if (!m_query.exec(u"SELECT count(*), count(*) FILTER (WHERE tablename = 'meta') "
                      "FROM pg_tables WHERE schemaname = current_schema()"_s) ||
        !m_query.next()) {
        fail(u"read the schema"_s);
        return -1;
    }
    const int tableCount = m_query.value(0).toInt();
    const bool hasMeta = m_query.value(1).toInt() == 1;
    m_query.finish();
    if (!hasMeta) {
        if (tableCount == 0)
            return 0;
        *m_error = {StoreError::Kind::NotADatabase,
                    u"%1: holds tables but not a ChipTimeline schema (no meta table); left "
                    "untouched"_s.arg(m_shown)};
        return -1;
    }
    if (!m_query.exec(u"SELECT value FROM meta WHERE key = 'schema_version'"_s)) {
        fail(u"read the schema version"_s);
        return -1;
    }
    const QVariant stored = m_query.next() ? m_query.value(0) : QVariant();
    m_query.finish();
    bool numeric = false;
    const int version = stored.toString().trimmed().toInt(&numeric);
    if (!stored.isValid() || !numeric || version < 1) {
        *m_error = {StoreError::Kind::NotADatabase,
                    !stored.isValid()
                        ? u"%1: schema version missing (the meta table has no schema_version); "
                          "not opened, left untouched"_s.arg(m_shown)
                        : u"%1: schema version unreadable ('%2' is not a version number); "
                          "not opened, left untouched"_s.arg(m_shown, stored.toString())};
        return -1;
    }
    return version;
}

bool SchemaRun::refuseTooNew(int version) {
    *m_error = {
        StoreError::Kind::TooNew,
        u"%1: written by a newer ChipTimeline (schema version %2; this version reads up to %3); left untouched"_s
            .arg(m_shown)
            .arg(version)
            .arg(latestPostgresSchemaVersion())};
    return false;
}

bool SchemaRun::migrate(const PostgresMigration &migration) {
    const QString action = u"create schema version %1"_s.arg(migration.version);
    if (!m_db.transaction()) {
        *m_error = statementFailure(m_db.lastError(), m_shown, m_db.userName(), action);
        return false;
    }
    const auto rollback = [&] {
        m_query.finish();
        m_db.rollback();
        return false;
    };
    // Under the lock, look again: another `init` may have done this step meanwhile.
    if (!exec(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(migrationLockKey), action))
        return rollback();
    const int version = readVersion();
    if (version < 0)
        return rollback();
    if (version > latestPostgresSchemaVersion()) {
        rollback();
        return refuseTooNew(version);
    }
    if (version >= migration.version) {
        m_query.finish();
        return m_db.commit();
    }
    for (const QString &statement : migration.statements + grants())
        if (!exec(statement, action))
            return rollback();
    m_query.prepare(u"INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    m_query.addBindValue(QString::number(migration.version));
    if (!m_query.exec()) {
        fail(action);
        return rollback();
    }
    m_query.finish();
    if (!m_db.commit()) {
        *m_error = statementFailure(m_db.lastError(), m_shown, m_db.userName(), action);
        return rollback();
    }
    return true;
}

} // namespace

int postgresSchemaVersion(QSqlDatabase &db, StoreError *error) {
    return SchemaRun(db, error).readVersion();
}

bool initPostgresSchema(QSqlDatabase &db, StoreError *error) {
    SchemaRun run(db, error);
    const int version = run.readVersion();
    if (version < 0)
        return false;
    if (version > latestPostgresSchemaVersion())
        return run.refuseTooNew(version);
    for (const PostgresMigration &migration : postgresMigrations())
        if (migration.version > version && !run.migrate(migration))
            return false;
    return true;
}
