// The PostgreSQL store: a connection that breaks mid-session (the server restarted, the
// backend terminated, the network gone). The store notices it where a read or write fails
// with a connection error, or where checkConnection's round trip does (Qt's QPSQL driver
// reads the socket that listens for changes, but says nothing when it finds it closed),
// turns read-only, tells its watcher, and connects again when asked (reconnect).

#include "model/store/postgres/PostgresTimelineStore.h"
#include "model/store/postgres/ServerTrouble.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace {
const QString lostReason = u"the server is not reachable"_s;
} // namespace

void PostgresTimelineStore::noteConnectionTrouble(const QSqlError &error) const {
    // Qt's driver may also mark the connection closed once libpq found it broken.
    if (m_connectionLost ||
        (classifyServerError(error) != ServerTrouble::Unreachable && database().isOpen()))
        return;
    m_connectionLost = true;
    m_reasonBeforeLoss = m_readOnlyReason;
    m_readOnlyReason = lostReason;
    if (m_lostListener)
        m_lostListener();
}

void PostgresTimelineStore::watchConnection(ConnectionLostListener listener) {
    m_lostListener = std::move(listener);
}

bool PostgresTimelineStore::checkConnection() const {
    if (m_connectionLost)
        return false;
    QSqlDatabase db = database();
    if (db.isOpen()) { // (else QSqlQuery warns, and it is lost anyway)
        QSqlQuery probe(db);
        if (probe.exec(u"SELECT 1"_s))
            return true;
        noteConnectionTrouble(probe.lastError());
        return !m_connectionLost;
    }
    noteConnectionTrouble(db.lastError());
    return !m_connectionLost;
}

bool PostgresTimelineStore::reconnect(StoreError *error) {
    if (!m_connectionLost)
        return true;
    QSqlDatabase db = database();
    db.close(); // the driver forgets its subscriptions and its socket notifier with it
    if (!db.open()) {
        StoreError failure = connectionFailure(db.lastError(), m_path);
        if (failure.kind == StoreError::Kind::Io &&
            classifyServerError(db.lastError()) == ServerTrouble::Unreachable)
            failure.kind = StoreError::Kind::Unreachable;
        if (error)
            *error = failure;
        return false;
    }
    PostgresDetail::setUpSession(db);
    if (m_changeListener && !listenForChanges(ChangeListener(m_changeListener))) {
        db.close();
        if (error)
            *error = {StoreError::Kind::Unreachable,
                      u"%1: connected again, but could not listen for changes"_s.arg(m_path)};
        return false;
    }
    m_connectionLost = false;
    if (m_readOnlyReason == lostReason)
        m_readOnlyReason = m_reasonBeforeLoss;
    m_reasonBeforeLoss.clear();
    clearReadError();
    clearWriteCaches();
    return true;
}
