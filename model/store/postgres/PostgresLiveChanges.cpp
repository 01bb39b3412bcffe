// The PostgreSQL store: live updates. Every commit announces its rows on the channel
// `chiptimeline_changes` (see the schema's notifications); a store that listens hears them
// through its own connection (LISTEN) and tells its listener what changed.
//
// One commit sends several notifications (an event's row and each of its link tables, one per
// statement), and under load many commits' notifications wait on the socket together. The
// driver hands them over one by one as it reads them; the store collects them and, once the
// event loop comes back (after the driver has read all that arrived), tells its listener one
// notice per changed row, read in one round trip per kind. So the work per commit does not
// grow with the notifications it sent, and a busy client catches up instead of falling behind.

#include "model/store/postgres/PostgresTimelineStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlDriver>
#include <QStringList>
#include <QVariant>

#include <utility>

using namespace Qt::StringLiterals;

namespace {
const QString channel = u"chiptimeline_changes"_s;

// The operation a row ends with after `earlier` and then `later`: an update (of the row or of
// an event's links) keeps what came before; an insert or a delete is what happened last.
QString laterOperation(const QString &earlier, const QString &later) {
    return later == u"update"_s ? earlier : later;
}
} // namespace

bool PostgresTimelineStore::listenForChanges(ChangeListener listener) {
    QSqlDriver *driver = database().driver();
    if (!driver)
        return false;
    QObject::disconnect(m_changeConnection);
    m_pendingPayloads.clear();
    m_changeListener = std::move(listener);
    if (!m_changeListener) {
        if (driver->subscribedToNotifications().contains(channel))
            driver->unsubscribeFromNotification(channel);
        return true;
    }
    if (!driver->subscribedToNotifications().contains(channel) &&
        !driver->subscribeToNotification(channel)) {
        m_changeListener = {};
        return false;
    }
    PostgresDetail::guardListeningSockets();
    m_changeConnection = QObject::connect(
        driver, &QSqlDriver::notification, &m_noticeContext,
        [this](const QString &name, QSqlDriver::NotificationSource source,
               const QVariant &payload) {
            // This store's own writes are already shown by whoever made them.
            if (name != channel || source == QSqlDriver::SelfSource || !m_changeListener)
                return;
            m_pendingPayloads << payload.toString();
            if (m_pendingPayloads.size() == 1)
                QMetaObject::invokeMethod(
                    &m_noticeContext, [this] { deliverPendingNotices(); }, Qt::QueuedConnection);
        });
    return true;
}

void PostgresTimelineStore::deliverPendingNotices() {
    const QStringList payloads = std::exchange(m_pendingPayloads, {});
    for (const StoreChangeNotice &notice : noticesFrom(payloads)) {
        if (!m_changeListener)
            return; // stopped by the listener itself
        m_changeListener(notice);
    }
}

QList<StoreChangeNotice> PostgresTimelineStore::noticesFrom(const QStringList &payloads) const {
    // One notice per changed row, in the order the rows were first announced.
    QList<StoreChangeNotice> notices;
    QHash<std::pair<QString, qint64>, qsizetype> indexOf;
    for (const QString &payload : payloads) {
        const QJsonObject json = QJsonDocument::fromJson(payload.toUtf8()).object();
        const QString table = json.value(u"table"_s).toString();
        if (table.isEmpty())
            continue; // a payload this version does not know
        StoreChangeNotice notice;
        // An event's links (event_source, event_actor, …) are part of the event.
        const bool link = table.startsWith(u"event_"_s);
        notice.kind = link ? u"event"_s : table;
        notice.operation = link ? u"update"_s : json.value(u"op"_s).toString();
        notice.id = json.value(u"id"_s).toInteger();
        notice.rows = json.contains(u"rows"_s) ? json.value(u"rows"_s).toInt() : 1;
        if (notice.id <= 0) { // a statement of many rows: the listener reloads the kind
            if (!notices.contains(notice))
                notices << notice;
            continue;
        }
        const std::pair<QString, qint64> key{notice.kind, notice.id};
        if (const auto found = indexOf.constFind(key); found != indexOf.cend()) {
            StoreChangeNotice &earlier = notices[*found];
            earlier.operation = laterOperation(earlier.operation, notice.operation);
            continue;
        }
        indexOf.insert(key, notices.size());
        notices << notice;
    }

    // Events and sources: the uid, version and author of each row still there.
    for (const QString &kind : {u"event"_s, u"source"_s}) {
        QStringList ids;
        for (const StoreChangeNotice &notice : std::as_const(notices))
            if (notice.kind == kind && notice.id > 0)
                ids << QString::number(notice.id);
        if (ids.isEmpty())
            continue;
        QSqlQuery query(database());
        query.setForwardOnly(true);
        query.prepare(u"SELECT id, uid, row_version, modified_by FROM %1 "
                      "WHERE id = ANY(CAST(:ids AS bigint[]))"_s.arg(kind));
        query.bindValue(u":ids"_s, u"{%1}"_s.arg(ids.join(u',')));
        QSet<qint64> stored;
        if (query.exec()) {
            while (query.next()) {
                const qint64 id = query.value(0).toLongLong();
                stored.insert(id);
                StoreChangeNotice &notice = notices[indexOf.value({kind, id})];
                notice.uid = query.value(1).toString();
                notice.rowVersion = query.value(2).toLongLong();
                notice.changedBy = query.value(3).toString();
                if (notice.operation == u"delete"_s)
                    notice.operation = u"insert"_s; // put back since (an undone delete)
            }
        }
        if (readFailed(query, kind))
            continue; // the listeners still reload the rows; the read error is recorded
        for (StoreChangeNotice &notice : notices)
            if (notice.kind == kind && notice.id > 0 && !stored.contains(notice.id))
                notice.operation = u"delete"_s; // gone again since: what the listener should show
    }
    return notices;
}
