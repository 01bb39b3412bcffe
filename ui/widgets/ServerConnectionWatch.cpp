#include "ui/widgets/ServerConnectionWatch.h"

#include "model/store/TimelineStore.h"

#include <QLabel>
#include <QPointer>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

ServerConnectionWatch::ServerConnectionWatch(TimelineStore &store, QWidget *parent)
    : QObject(parent)
    , m_store(store) {
    m_banner = new QLabel(parent);
    m_banner->setObjectName(u"serverBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setContentsMargins(8, 6, 8, 6);
    m_banner->setAutoFillBackground(true);
    QPalette palette = m_banner->palette();
    palette.setColor(QPalette::Window, QColor(u"#f8d7da"_s));
    palette.setColor(QPalette::WindowText, QColor(u"#58151c"_s));
    m_banner->setPalette(palette);
    m_banner->hide();

    m_retry = new QTimer(this);
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &ServerConnectionWatch::retry);
    m_check = new QTimer(this);
    m_check->setInterval(checkIntervalMs);
    connect(m_check, &QTimer::timeout, this, [this] {
        if (!m_store.checkConnection())
            m_check->stop(); // the loss is told through watchConnection
    });
    if (!m_store.isFileBased())
        m_check->start();

    // Told from inside the read or write that met the loss: the window reacts once that is over.
    m_store.watchConnection([self = QPointer<ServerConnectionWatch>(this)] {
        if (self)
            QMetaObject::invokeMethod(self, &ServerConnectionWatch::showLost, Qt::QueuedConnection);
    });
}

// The window destroys its store before this watch (its child); the guard in the listener
// covers a store that lives on.
ServerConnectionWatch::~ServerConnectionWatch() = default;

void ServerConnectionWatch::showLost() {
    if (m_lost || !m_store.isConnectionLost())
        return;
    m_lost = true;
    m_check->stop();
    m_failedAttempts = 0;
    m_delayMs = firstRetryMs;
    updateBanner({});
    m_banner->show();
    m_retry->start(m_delayMs);
    emit connectionLost();
}

void ServerConnectionWatch::retry() {
    StoreError error;
    if (m_store.reconnect(&error)) {
        m_lost = false;
        m_failedAttempts = 0;
        m_delayMs = firstRetryMs;
        m_banner->hide();
        m_check->start();
        emit reconnected();
        return;
    }
    ++m_failedAttempts;
    m_delayMs = std::min(m_delayMs * 2, longestRetryMs);
    updateBanner(error.message);
    m_retry->start(m_delayMs);
    emit reconnectFailed(error.message);
}

void ServerConnectionWatch::setCheckInterval(int ms) {
    m_check->setInterval(ms);
}

void ServerConnectionWatch::updateBanner(const QString &lastTrouble) {
    QString text = tr("The server at %1 is not reachable; showing the data as last read. "
                      "Reconnecting…")
                       .arg(m_store.path());
    if (!lastTrouble.isEmpty())
        text += u"\n"_s + tr("Next try in %n s (%1).", nullptr, m_delayMs / 1000).arg(lastTrouble);
    m_banner->setText(text);
}
