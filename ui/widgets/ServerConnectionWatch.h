#pragma once

#include <QObject>
#include <QString>

class QLabel;
class QTimer;
class QWidget;
class TimelineStore;

// The window's side of a server that goes away mid-session: every few seconds the store is
// asked whether its server still answers (TimelineStore::checkConnection, one round trip);
// when it or any read or write finds the connection lost (TimelineStore::watchConnection),
// a banner above the timeline says so,
// the window turns read-only and keeps the data as last read, and the store is asked to
// connect again after 1 s, 2 s, 4 s, … (at most 30 s apart) until it does; then the banner
// goes and the window reloads. A file store never loses its connection: nothing shows.
class ServerConnectionWatch : public QObject {
    Q_OBJECT

public:
    static constexpr int firstRetryMs = 1000;
    static constexpr int longestRetryMs = 30000;
    static constexpr int checkIntervalMs = 5000;

    ServerConnectionWatch(TimelineStore &store, QWidget *parent);
    ~ServerConnectionWatch() override;

    [[nodiscard]] QLabel *banner() const { return m_banner; }
    [[nodiscard]] bool isLost() const { return m_lost; }
    // Failed tries since the loss; the wait before the next one.
    [[nodiscard]] int failedAttempts() const { return m_failedAttempts; }
    [[nodiscard]] int nextRetryMs() const { return m_delayMs; }
    // How often a connected server is asked whether it answers (tests shorten it).
    void setCheckInterval(int ms);

signals:
    // The window turns read-only (connectionLost) and reloads (reconnected).
    void connectionLost();
    void reconnected();
    // One try failed; `message` is the store's line for why.
    void reconnectFailed(const QString &message);

private:
    void showLost();
    void retry();
    void updateBanner(const QString &lastTrouble);

    TimelineStore &m_store;
    QLabel *m_banner = nullptr;
    QTimer *m_retry = nullptr;
    QTimer *m_check = nullptr;
    bool m_lost = false;
    int m_failedAttempts = 0;
    int m_delayMs = firstRetryMs;
};
