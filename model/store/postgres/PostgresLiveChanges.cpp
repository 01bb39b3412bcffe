// The PostgreSQL store: live updates. Every commit announces its rows on the channel
// `chiptimeline_changes` (see the schema's notifications); a store that listens hears them
// through its own connection (LISTEN) and tells its listener what changed.

#include "model/store/postgres/PostgresTimelineStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {
const QString channel = u"chiptimeline_changes"_s;
} // namespace

bool PostgresTimelineStore::listenForChanges(ChangeListener listener) {
    QSqlDriver *driver = database().driver();
    if (!driver)
        return false;
    QObject::disconnect(m_changeConnection);
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
    m_changeConnection = QObject::connect(
        driver, &QSqlDriver::notification, driver,
        [this](const QString &name, QSqlDriver::NotificationSource source,
               const QVariant &payload) {
            // This store's own writes are already shown by whoever made them.
            if (name != channel || source == QSqlDriver::SelfSource || !m_changeListener)
                return;
            if (const std::optional<StoreChangeNotice> notice = noticeFrom(payload.toString()))
                m_changeListener(*notice);
        });
    return true;
}

std::optional<StoreChangeNotice> PostgresTimelineStore::noticeFrom(const QString &payload) const {
    const QJsonObject json = QJsonDocument::fromJson(payload.toUtf8()).object();
    const QString table = json.value(u"table"_s).toString();
    if (table.isEmpty())
        return std::nullopt;
    StoreChangeNotice notice;
    // An event's links (event_source, event_actor, …) are part of the event.
    notice.kind = table.startsWith(u"event_"_s) ? u"event"_s : table;
    notice.operation = table.startsWith(u"event_"_s) ? u"update"_s : json.value(u"op"_s).toString();
    notice.id = json.value(u"id"_s).toInteger();
    notice.rows = json.contains(u"rows"_s) ? json.value(u"rows"_s).toInt() : 1;
    if (notice.id > 0 && (notice.kind == u"event"_s || notice.kind == u"source"_s)) {
        QSqlQuery query(database());
        query.prepare(
            u"SELECT uid, row_version, modified_by FROM %1 WHERE id = :id"_s.arg(notice.kind));
        query.bindValue(u":id"_s, notice.id);
        if (query.exec() && query.next()) {
            notice.uid = query.value(0).toString();
            notice.rowVersion = query.value(1).toLongLong();
            notice.changedBy = query.value(2).toString();
        } else if (readFailed(query, notice.kind)) {
            return notice; // the listener still reloads the row; the read error is recorded
        } else if (notice.operation != u"delete"_s) {
            notice.operation = u"delete"_s; // gone again since: what the listener should show
        }
    }
    return notice;
}
