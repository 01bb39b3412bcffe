// The PostgreSQL store: a connection that breaks mid-session (the server restarted, the
// backend terminated, the network gone). The store notices it where a read or write fails
// with a connection error, or where checkConnection's round trip does (Qt's QPSQL driver
// reads the socket that listens for changes, but says nothing when it finds it closed),
// turns read-only, tells its watcher, and connects again when asked (reconnect).

#include "model/store/postgres/PostgresTimelineStore.h"
#include "model/store/postgres/ServerTrouble.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSet>
#include <QSocketNotifier>
#include <QSqlError>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#endif

using namespace Qt::StringLiterals;

namespace {
const QString lostReason = u"the server is not reachable"_s;

// Whether `socket` no longer names an open descriptor (libpq closed it on a broken connection).
bool isClosed(qintptr socket) {
#ifdef Q_OS_UNIX
    return socket >= 0 && ::fcntl(int(socket), F_GETFD) == -1 && errno == EBADF;
#else
    Q_UNUSED(socket);
    return false;
#endif
}

// Qt's QPSQL driver listens through a QSocketNotifier of its own (no parent, not reachable
// from the driver). When the server ends the connection, the driver's read of that socket
// lets libpq close it, and the notifier stays enabled on a closed descriptor: the event loop
// then warns "QSocketNotifier: Invalid socket N and type 'Read', disabling..." and, until
// then, would watch whatever opens next under that number. This filter on the application
// sees each parentless notifier's activation before it is delivered, and connects a check
// that runs after the driver's own read: a socket found closed has its notifier switched off.
// A reconnect opens a new connection, and the driver a new notifier.
class ClosedSocketGuard final : public QObject {
public:
    static ClosedSocketGuard *instance() {
        static QPointer<ClosedSocketGuard> guard;
        if (!guard && QCoreApplication::instance()) {
            guard = new ClosedSocketGuard(QCoreApplication::instance());
            QCoreApplication::instance()->installEventFilter(guard);
        }
        return guard;
    }

    void sweep() const {
        for (QSocketNotifier *notifier : m_notifiers)
            quiet(notifier);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::SockAct && !watched->parent()) {
            auto *notifier = qobject_cast<QSocketNotifier *>(watched);
            if (notifier && notifier->type() == QSocketNotifier::Read &&
                !m_notifiers.contains(notifier)) {
                m_notifiers.insert(notifier);
                connect(notifier, &QSocketNotifier::activated, this,
                        [notifier] { quiet(notifier); });
                connect(notifier, &QObject::destroyed, this,
                        [this, notifier] { m_notifiers.remove(notifier); });
            }
        }
        return false;
    }

private:
    using QObject::QObject;

    static void quiet(QSocketNotifier *notifier) {
        if (notifier->isEnabled() && isClosed(notifier->socket()))
            notifier->setEnabled(false);
    }

    QSet<QSocketNotifier *> m_notifiers;
};
} // namespace

void PostgresDetail::guardListeningSockets() {
    ClosedSocketGuard::instance();
}

void PostgresTimelineStore::noteConnectionTrouble(const QSqlError &error) const {
    // Qt's driver may also mark the connection closed once libpq found it broken.
    if (m_connectionLost ||
        (classifyServerError(error) != ServerTrouble::Unreachable && database().isOpen()))
        return;
    m_connectionLost = true;
    if (ClosedSocketGuard *guard = ClosedSocketGuard::instance()) // libpq may have closed it
        guard->sweep();
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
