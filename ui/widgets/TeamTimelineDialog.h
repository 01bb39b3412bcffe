#pragma once

#include <QDialog>
#include <QStringList>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class TimelineStore;

// File → Open Team Timeline…: a timeline on a PostgreSQL server, given as an address
// (postgresql://user@host:5432/dbname, postgres://…, or service=NAME, see docs/team.md) or by
// its host, port, database and user, the recent servers offered first. Open connects at
// once; a server that says no leaves the dialog open with the one line why (ServerTrouble's).
// No password field: libpq finds it (~/.pgpass, PGPASSFILE, a service entry); one typed
// into the address is used for this connection only and never stored.
class TeamTimelineDialog : public QDialog {
    Q_OBJECT

public:
    TeamTimelineDialog(const QStringList &recentServers, QWidget *parent = nullptr);
    ~TeamTimelineDialog() override;

    [[nodiscard]] QComboBox *addressBox() const { return m_address; }
    [[nodiscard]] QLineEdit *hostEdit() const { return m_host; }
    [[nodiscard]] QLineEdit *portEdit() const { return m_port; }
    [[nodiscard]] QLineEdit *databaseEdit() const { return m_database; }
    [[nodiscard]] QLineEdit *userEdit() const { return m_user; }
    [[nodiscard]] QPushButton *openButton() const { return m_open; }
    // Why the last Open failed; empty before.
    [[nodiscard]] QString message() const;
    // The address as typed (it may hold a password: use it only to connect).
    [[nodiscard]] QString addressText() const;
    // After Accepted: the store opened on the server (the caller takes it).
    [[nodiscard]] std::unique_ptr<TimelineStore> takeStore();

    // Connects to the address typed; accepts on success, else shows why and stays open.
    void tryOpen();

private:
    void addressEdited();
    void fieldsEdited();
    void showMessage(const QString &text);

    QComboBox *m_address = nullptr;
    QLineEdit *m_host = nullptr;
    QLineEdit *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_open = nullptr;
    std::unique_ptr<TimelineStore> m_store;
};
