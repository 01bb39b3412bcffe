// The PostgreSQL store: connecting, the schema check, transactions and error lines.

#include "model/store/postgres/PostgresSchema.h"
#include "model/store/postgres/PostgresTimelineStore.h"
#include "model/store/postgres/ServerTrouble.h"

#include <QSqlError>
#include <QVariant>

#include <atomic>

using namespace Qt::StringLiterals;

namespace {

QString newConnectionName() {
    static std::atomic<int> counter{0};
    return u"chiptimeline-server-%1"_s.arg(++counter);
}

// Connects to `location` under `connectionName`; false with `*error` set when it cannot.
bool connect(const QString &location, const QString &connectionName, QString *shown,
             StoreError *error) {
    ServerAddress address;
    QString parseError;
    if (!parseServerAddress(location, &address, &parseError)) {
        *error = {StoreError::Kind::Invalid, parseError};
        return false;
    }
    *shown = address.displayString();
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        *error = {StoreError::Kind::Io,
                  u"%1: Qt's PostgreSQL driver (QPSQL) is not installed; install "
                  "libqt6sql6-psql"_s.arg(*shown)};
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
    address.applyTo(db);
    if (!db.open()) {
        *error = connectionFailure(db.lastError(), *shown);
        return false;
    }
    PostgresDetail::setUpSession(db);
    return true;
}

} // namespace

PostgresTimelineStore::PostgresTimelineStore(QString shownAddress, QString connectionName)
    : TimelineStore(std::move(shownAddress))
    , m_connectionName(std::move(connectionName)) {}

PostgresTimelineStore::~PostgresTimelineStore() {
    QObject::disconnect(m_changeConnection);
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase PostgresTimelineStore::database() const {
    return QSqlDatabase::database(m_connectionName, false);
}

std::unique_ptr<PostgresTimelineStore>
PostgresTimelineStore::open(const QString &location, StoreError *error, OpenMode mode) {
    StoreError localError;
    StoreError *err = error ? error : &localError;
    const QString connectionName = newConnectionName();
    QString shown;
    if (!connect(location, connectionName, &shown, err)) {
        QSqlDatabase::removeDatabase(connectionName);
        return nullptr;
    }
    std::unique_ptr<PostgresTimelineStore> store(new PostgresTimelineStore(shown, connectionName));
    QSqlDatabase db = store->database();
    const int version = postgresSchemaVersion(db, err);
    if (version < 0)
        return nullptr;
    if (version == 0) {
        *err = {StoreError::Kind::NotADatabase,
                u"%1: holds no ChipTimeline timeline; create one with `chiptimeline --db %1 "
                "init`"_s.arg(shown)};
        return nullptr;
    }
    if (version > latestPostgresSchemaVersion()) {
        *err = {StoreError::Kind::TooNew,
                u"%1: written by a newer ChipTimeline (schema version %2; this version reads up "
                "to %3); left untouched"_s.arg(shown)
                    .arg(version)
                    .arg(latestPostgresSchemaVersion())};
        return nullptr;
    }
    if (version < latestPostgresSchemaVersion() && mode == OpenMode::ReadWrite &&
        !initPostgresSchema(db, err))
        return nullptr;
    store->m_schemaVersion =
        std::max(version, mode == OpenMode::ReadWrite ? latestPostgresSchemaVersion() : version);
    QSqlQuery query(db);
    if (!query.exec(u"SELECT current_user, has_table_privilege('event', 'INSERT') AND "
                    "has_table_privilege('event', 'UPDATE')"_s) ||
        !query.next()) {
        *err = statementFailure(query.lastError(), shown, db.userName(), u"read the rights"_s);
        return nullptr;
    }
    store->m_user = query.value(0).toString();
    if (mode == OpenMode::ReadOnly)
        store->m_readOnlyReason = u"opened read-only"_s;
    else if (!query.value(1).toBool())
        store->m_readOnlyReason = u"read-only for %1"_s.arg(store->m_user);
    return store;
}

bool PostgresTimelineStore::initialize(const QString &location, StoreError *error) {
    const QString connectionName = newConnectionName();
    QString shown;
    bool done = false;
    if (connect(location, connectionName, &shown, error)) {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        done = initPostgresSchema(db, error);
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return done;
}

int PostgresTimelineStore::schemaVersion() const {
    return m_schemaVersion;
}

StoreError PostgresTimelineStore::checkIntegrity(bool) const {
    // The server checks its own pages; what can be asked is whether it answers.
    QSqlQuery query(database());
    if (query.exec(u"SELECT count(*) FROM event"_s) && query.next())
        return {};
    return statementFailure(query.lastError(), m_path, m_user, u"check the timeline"_s);
}

bool PostgresTimelineStore::saveCopy(const QString &path, StoreError *error) const {
    if (error)
        *error = {StoreError::Kind::Io,
                  u"%1: a server's timeline is not saved as a file; use `chiptimeline copy "
                  "--from %1 --to %2`"_s.arg(m_path, path)};
    return false;
}

qint64 PostgresTimelineStore::dataVersion() const {
    // What another connection's commit changes: the rows of every table (an insert or a
    // delete) and the row versions of events and sources (an update; an event's links are
    // written with it). A renamed category or saved view alone is not seen.
    QSqlQuery query(database());
    if (query.exec(uR"(SELECT (SELECT coalesce(sum(row_version), 0) + count(*) FROM event)
                            + (SELECT coalesce(sum(row_version), 0) + count(*) FROM source)
                            + (SELECT count(*) FROM category) * 1000003
                            + (SELECT count(*) FROM event_source) * 7919
                            + (SELECT count(*) FROM saved_view) * 104729)"_s) &&
        query.next())
        return query.value(0).toLongLong();
    readFailed(query, u"event"_s);
    return -1;
}

bool PostgresTimelineStore::readFailed(const QSqlQuery &query, const QString &table) const {
    const QSqlError sqlError = query.lastError();
    if (sqlError.type() == QSqlError::NoError)
        return false;
    noteConnectionTrouble(sqlError);
    if (!m_readError.isError())
        m_readError = {m_connectionLost ? StoreError::Kind::Unreachable : StoreError::Kind::Io,
                       u"%1: could not read %2: %3"_s.arg(m_path, table, serverMessage(sqlError))};
    return true;
}

StoreError PostgresTimelineStore::errorFrom(const QSqlQuery &query, const QString &action) const {
    noteConnectionTrouble(query.lastError());
    return statementFailure(query.lastError(), m_path, m_user, action);
}

StoreError PostgresTimelineStore::refusedBecauseReadOnly() const {
    return {StoreError::Kind::ReadOnly,
            u"%1: %2; nothing was changed"_s.arg(m_path, m_readOnlyReason)};
}

bool PostgresTimelineStore::inTransaction(StoreError *error, const std::function<bool()> &work) {
    if (isReadOnly()) {
        *error = refusedBecauseReadOnly();
        return false;
    }
    QSqlDatabase db = database();
    clearWriteCaches();
    m_revision.clear();
    if (!db.transaction()) {
        noteConnectionTrouble(db.lastError());
        *error = statementFailure(db.lastError(), m_path, m_user, u"begin a change"_s);
        return false;
    }
    if (!work()) {
        db.rollback();
        clearWriteCaches();
        m_revision.clear();
        return false;
    }
    if (!db.commit()) {
        noteConnectionTrouble(db.lastError());
        *error = statementFailure(db.lastError(), m_path, m_user, u"commit the change"_s);
        db.rollback();
        clearWriteCaches();
        m_revision.clear();
        return false;
    }
    clearWriteCaches();
    m_revision.clear();
    return true;
}

void PostgresTimelineStore::clearWriteCaches() {
    m_nameIds.clear();
    m_categoryIds.clear();
    m_sourceIds.clear();
}

void PostgresDetail::setUpSession(QSqlDatabase &database) {
    // Best effort: a server that refuses the setting still answers, only slower.
    QSqlQuery(database).exec(u"SET max_parallel_workers_per_gather = 0"_s);
    // What this connection adds to a search index's pending list (GIN's fast update) is moved
    // into the index once the list passes 64 kB, not 4 MB: every search reads the whole list
    // until autovacuum comes by, and right after a 100k-event import that was ~43k entries,
    // which made a search for a word with ~20k hits 37 ms instead of 10 ms (psql, load ~6).
    QSqlQuery(database).exec(u"SET gin_pending_list_limit = 64"_s);
}

void PostgresDetail::bindAll(QSqlQuery &query, const QVariantMap &bindings) {
    for (auto it = bindings.cbegin(); it != bindings.cend(); ++it)
        query.bindValue(it.key(), it.value());
}
