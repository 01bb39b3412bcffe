#include "ui/widgets/DatabaseSafety.h"

#include "model/DatabaseBackup.h"
#include "model/store/TimelineStore.h"
#include "ui/widgets/MainWindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>

#include <thread>

using namespace Qt::StringLiterals;

DatabaseSafety::DatabaseSafety(const TimelineStore &store, QWidget *parent)
    : QObject(parent)
    , m_store(store) {
    m_banner = new QLabel(parent);
    m_banner->setObjectName(u"databaseBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setContentsMargins(8, 6, 8, 6);
    m_banner->setAutoFillBackground(true);
    QPalette palette = m_banner->palette();
    palette.setColor(QPalette::Window, QColor(u"#fff3cd"_s));
    palette.setColor(QPalette::WindowText, QColor(u"#3d2e00"_s));
    m_banner->setPalette(palette);
    m_banner->hide();
}

void DatabaseSafety::update() {
    QString text;
    if (m_store.isConnectionLost()) {
        // ServerConnectionWatch's banner says it; nothing here is damaged.
    } else if (m_store.readError().isError()) {
        text = m_store.readError().message + u"\n"_s;
        const QString backup = DatabaseBackup::newestGoodBackup(m_store.path());
        text += backup.isEmpty()
                    ? tr("Nothing is shown or changed. No good backup was found.")
                    : tr("Nothing is shown or changed. The newest good backup is %1: use File → "
                         "Restore From Backup….")
                          .arg(QDir::toNativeSeparators(backup));
    } else if (m_store.isReadOnly() && !m_store.isReadOnlyHeld()) { // As Of has its banner
        text = tr("Read-only (%1): browsing, searching and exporting work; editing is off.")
                   .arg(m_store.readOnlyReason());
    }
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

namespace {

void backUp(const QString &path) {
    QString made;
    StoreError error;
    if (!DatabaseBackup::backupIfDue(path, QDate::currentDate(), &made, &error))
        qWarning("%s", qUtf8Printable(error.message));
}

} // namespace

void DatabaseSafety::afterFirstFrame() {
    if (m_checkStarted)
        return;
    m_checkStarted = true;
    // Backups beside the file and quick_check are for a timeline in one file; a server
    // keeps and checks its own.
    if (!m_store.isFileBased())
        return;
    const bool writable = !m_store.isReadOnly() && !m_store.readError().isError();
    if (QFileInfo(m_store.path()).size() <= TimelineStore::quickCheckLimitBytes) {
        if (writable)
            backUp(m_store.path());
        return;
    }
    // A connection of its own on its own thread (quickCheckFile, backupFile); damage found
    // comes back queued.
    QPointer<DatabaseSafety> self(this);
    std::thread([self, writable, path = m_store.path()] {
        const StoreError damage = TimelineStore::quickCheckFile(path);
        if (!damage.isError()) {
            if (writable)
                backUp(path);
            return;
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, damage] {
                if (!self)
                    return;
                self->m_store.noteDamage(damage);
                self->update();
                emit self->damageFound();
            },
            Qt::QueuedConnection);
    }).detach();
}

QString DatabaseSafety::chooseBackup(const QString &databasePath, QWidget *parent) {
    const QStringList backups = DatabaseBackup::backups(databasePath);
    if (backups.isEmpty()) {
        QMessageBox::information(
            parent, tr("Restore From Backup"),
            tr("There is no backup of %1 yet (backups are kept in %2).")
                .arg(QDir::toNativeSeparators(databasePath),
                     QDir::toNativeSeparators(DatabaseBackup::folder(databasePath))));
        return {};
    }
    QStringList names;
    for (const QString &backup : backups)
        names << QLocale().toString(DatabaseBackup::dayOf(backup), QLocale::LongFormat);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(parent, tr("Restore From Backup"),
                                                 tr("Backup to restore:"), names, 0, false, &ok);
    if (!ok)
        return {};
    const QString backup = backups.value(names.indexOf(chosen));
    const auto answer = QMessageBox::question(
        parent, tr("Restore From Backup"),
        tr("Replace the database by the backup of %1? Changes made since are lost; the current "
           "file is kept as %2.")
            .arg(chosen, QDir::toNativeSeparators(databasePath + u".replaced"_s)));
    return answer == QMessageBox::Yes ? backup : QString();
}

void DatabaseSafety::restoreFromBackup(QWidget *window, const QString &databasePath) {
    const QString backup = chooseBackup(databasePath, window);
    if (backup.isEmpty())
        return;
    QGuiApplication::setQuitOnLastWindowClosed(false);
    connect(window, &QObject::destroyed, QCoreApplication::instance(), [databasePath, backup] {
        StoreError error;
        if (!TimelineStore::restoreBackup(backup, databasePath, &error))
            QMessageBox::critical(nullptr, tr("Cannot restore the backup"), error.message);
        std::unique_ptr<TimelineStore> store = TimelineStore::open(databasePath, &error);
        QGuiApplication::setQuitOnLastWindowClosed(true);
        if (!store) {
            QMessageBox::critical(nullptr, tr("Cannot open the database"), error.message);
            QCoreApplication::quit();
            return;
        }
        auto *replacement = new MainWindow(std::move(store));
        replacement->setAttribute(Qt::WA_DeleteOnClose);
        replacement->show();
    });
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->close();
}
