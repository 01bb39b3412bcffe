#include "ui/widgets/TeamTimelineDialog.h"

#include "model/store/TimelineStore.h"
#include "model/store/postgres/ServerAddress.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

TeamTimelineDialog::TeamTimelineDialog(const QStringList &recentServers, QWidget *parent)
    : QDialog(parent) {
    setObjectName(u"teamTimelineDialog"_s);
    setWindowTitle(tr("Open Team Timeline"));

    auto *intro = new QLabel(tr("A timeline a team keeps on a PostgreSQL server. Passwords are "
                                "not asked for here: ChipTimeline leaves them to ~/.pgpass (or "
                                "the file PGPASSFILE names) and never stores them."),
                             this);
    intro->setWordWrap(true);

    m_address = new QComboBox(this);
    m_address->setObjectName(u"serverAddress"_s);
    m_address->setEditable(true);
    m_address->setInsertPolicy(QComboBox::NoInsert);
    m_address->addItems(recentServers);
    m_address->setMinimumContentsLength(48);
    m_address->lineEdit()->setPlaceholderText(
        tr("postgresql://user@host:5432/database or service=name"));
    m_address->setToolTip(tr("Recent servers are in the list"));

    auto *fields = new QGroupBox(tr("Or by its parts"), this);
    m_host = new QLineEdit(fields);
    m_host->setObjectName(u"serverHost"_s);
    m_host->setPlaceholderText(tr("name, address or socket folder"));
    m_port = new QLineEdit(fields);
    m_port->setObjectName(u"serverPort"_s);
    m_port->setValidator(new QIntValidator(1, 65535, m_port));
    m_port->setPlaceholderText(u"5432"_s);
    m_database = new QLineEdit(fields);
    m_database->setObjectName(u"serverDatabase"_s);
    m_user = new QLineEdit(fields);
    m_user->setObjectName(u"serverUser"_s);
    auto *form = new QFormLayout(fields);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);

    m_message = new QLabel(this);
    m_message->setObjectName(u"serverMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText, QColor(u"#a4161a"_s));
    m_message->setPalette(palette);
    m_message->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_open = buttons->addButton(tr("&Open"), QDialogButtonBox::AcceptRole);
    m_open->setObjectName(u"openButton"_s);
    m_open->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &TeamTimelineDialog::tryOpen);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    auto *addressForm = new QFormLayout;
    addressForm->addRow(tr("&Address:"), m_address);
    layout->addLayout(addressForm);
    layout->addWidget(fields);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_address, &QComboBox::editTextChanged, this, &TeamTimelineDialog::addressEdited);
    for (QLineEdit *field : {m_host, m_port, m_database, m_user})
        connect(field, &QLineEdit::textEdited, this, &TeamTimelineDialog::fieldsEdited);
    addressEdited();
}

TeamTimelineDialog::~TeamTimelineDialog() = default;

QString TeamTimelineDialog::message() const {
    return m_message->text();
}

QString TeamTimelineDialog::addressText() const {
    return m_address->currentText().trimmed();
}

std::unique_ptr<TimelineStore> TeamTimelineDialog::takeStore() {
    return std::move(m_store);
}

void TeamTimelineDialog::addressEdited() {
    // The parts follow the address while it reads as one.
    ServerAddress address;
    QString error;
    if (!parseServerAddress(addressText(), &address, &error))
        return;
    const QSignalBlocker blockHost(m_host), blockPort(m_port), blockDatabase(m_database),
        blockUser(m_user);
    m_host->setText(address.host);
    m_port->setText(address.port > 0 ? QString::number(address.port) : QString());
    m_database->setText(address.databaseName);
    m_user->setText(address.userName);
}

void TeamTimelineDialog::fieldsEdited() {
    // The address follows the parts, keeping its other settings (sslmode, …).
    ServerAddress address;
    QString error;
    if (!parseServerAddress(addressText(), &address, &error))
        address = {};
    address.keywordForm = false;
    address.host = m_host->text().trimmed();
    address.port = m_port->text().isEmpty() ? -1 : m_port->text().toInt();
    address.databaseName = m_database->text().trimmed();
    address.userName = m_user->text().trimmed();
    // (A password typed into the address goes with it: it is never put back into text.)
    const QSignalBlocker block(m_address);
    m_address->setEditText(address.displayString());
}

void TeamTimelineDialog::showMessage(const QString &text) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void TeamTimelineDialog::tryOpen() {
    const QString text = addressText();
    if (text.isEmpty()) {
        showMessage(tr("Type the server's address, or its host and database."));
        return;
    }
    ServerAddress address;
    QString error;
    if (!parseServerAddress(text, &address, &error)) {
        showMessage(error);
        return;
    }
    if (!TimelineStore::isServerLocation(text)) {
        showMessage(tr("%1: write the address as postgresql://user@host:port/database or "
                       "service=name")
                        .arg(address.displayString()));
        return;
    }
    showMessage({});
    QApplication::setOverrideCursor(Qt::WaitCursor);
    StoreError storeError;
    m_store = TimelineStore::open(text, &storeError);
    QApplication::restoreOverrideCursor();
    if (!m_store) {
        showMessage(storeError.message);
        return;
    }
    accept();
}
