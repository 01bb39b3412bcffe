#include "app/CommandLine.h"
#include "app/FileArgument.h"
#include "app/HugePageHeap.h"
#include "model/DatabaseBackup.h"
#include "model/DefaultDatabase.h"
#include "model/store/TimelineStore.h"
#include "ui/render/Translations.h"
#include "ui/widgets/AppSettings.h"
#include "ui/widgets/AppTheme.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/TimelineView.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QMessageBox>
#include <QPointer>

#include <cstdio>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
void describeApplication() {
    // Settings in ~/.config/ChipTimeline/chiptimeline.conf, the database in
    // ~/.local/share/ChipTimeline/chiptimeline/ (without an organisation Qt files them
    // under "Unknown Organization").
    QCoreApplication::setOrganizationName(u"ChipTimeline"_s);
    QCoreApplication::setApplicationName(u"chiptimeline"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);
    QGuiApplication::setApplicationDisplayName(u"ChipTimeline"_s);
    // The author the revisions name: the one set in Preferences, else the login name; for the
    // command line's writes (import) as for the window's.
    TimelineStore::setDefaultAuthor(AppSettings::authorName());
}

// The window's language: --lang, else the one chosen in Preferences, else the system's
// (LANGUAGE, LANG); one ChipTimeline does not speak is English (CommandLine::run rejects a
// --lang it does not know). A translation that fails to load is a warning, not a failed start.
void applyLanguage(QApplication &app, const QStringList &arguments) {
    QString code = CommandLine::languageOf(arguments);
    if (code.isEmpty())
        code = AppSettings::languageCode();
    if (code.isEmpty() || !Translations::available().contains(code))
        code = Translations::systemLanguage();
    const QString warning = Translations::install(code, &app);
    if (!warning.isEmpty())
        std::fprintf(stderr, "chiptimeline: %s\n", qUtf8Printable(warning));
}

// CHIPTIMELINE_BENCHMARK_FIRST_FRAME=1 (bench_startup, not for users): once the timeline
// has painted its first frame, print "first-frame <ms since main>" and quit.
class FirstFrameProbe : public QObject {
public:
    explicit FirstFrameProbe(const QElapsedTimer &sinceMain)
        : m_sinceMain(sinceMain) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (!m_done && event->type() == QEvent::Paint && qobject_cast<TimelineView *>(watched)) {
            m_done = true;
            // Queued: runs once this paint has finished.
            QMetaObject::invokeMethod(
                this,
                [this] {
                    std::printf("first-frame %.1f\n", double(m_sinceMain.nsecsElapsed()) / 1e6);
                    std::fflush(stdout);
                    QCoreApplication::exit(0);
                },
                Qt::QueuedConnection);
        }
        return false;
    }

private:
    const QElapsedTimer &m_sinceMain;
    bool m_done = false;
};

// Damage found on opening: the newest backup that passes quick_check is offered, restored
// (the damaged file kept beside it as <file>.replaced) and opened. Null when there is none,
// it is declined, or it cannot be restored (`error` says why).
std::unique_ptr<TimelineStore> offerBackup(const QString &path, TimelineStore::OpenMode mode,
                                           StoreError *error) {
    const QString backup = DatabaseBackup::newestGoodBackup(path);
    if (backup.isEmpty() || mode == TimelineStore::OpenMode::ReadOnly)
        return nullptr;
    const auto answer = QMessageBox::question(
        nullptr, QObject::tr("The database is damaged"),
        QObject::tr("%1\n\nThe newest good backup is from %2 (%3). Restore it? Changes made "
                    "since are lost; the damaged file is kept as %4.")
            .arg(error->message,
                 QLocale().toString(DatabaseBackup::dayOf(backup), QLocale::LongFormat),
                 QDir::toNativeSeparators(backup),
                 QDir::toNativeSeparators(path + u".replaced"_s)));
    if (answer != QMessageBox::Yes || !TimelineStore::restoreBackup(backup, path, error))
        return nullptr;
    return TimelineStore::open(path, error, mode);
}

// A native timeline file opened from outside: imported into a new timeline once the user
// has agreed and named it. Empty when the user declined.
QString newTimelineFor(const QString &file) {
    const QFileInfo info(file);
    const QString base = info.fileName().section(u'.', 0, 0);
    const auto answer = QMessageBox::question(
        nullptr, QObject::tr("Import into a new timeline?"),
        QObject::tr("“%1” is a timeline file. ChipTimeline keeps timelines in databases: import "
                    "its events and sources into a new timeline?")
            .arg(info.fileName()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
    if (answer != QMessageBox::Yes)
        return {};
    return QFileDialog::getSaveFileName(nullptr, QObject::tr("New Timeline"),
                                        info.absolutePath() + u'/' + base +
                                            u".chiptimeline.sqlite"_s,
                                        QObject::tr("ChipTimeline databases (*.sqlite)"));
}

QStringList argumentsOf(int argc, char *argv[]) {
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}
} // namespace

int main(int argc, char *argv[]) {
    restartWithHugePageHeap(argv);
    QElapsedTimer sinceMain;
    sinceMain.start();
    const QStringList arguments = argumentsOf(argc, argv);
    const QString file = FileArgument::fromArguments(arguments);
    if (file.isEmpty() && CommandLine::isHeadless(arguments)) {
        // Commands run without a display: export renders offscreen, nothing needs X.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        // Without a session (ssh, CI) Qt would warn on every run that it picks a runtime
        // folder itself; pick the same private folder quietly.
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            const QByteArray runtime =
                QDir::tempPath().toLocal8Bit() + "/runtime-" + QByteArray::number(uint(getuid()));
            if (QDir().mkpath(QString::fromLocal8Bit(runtime))) {
                QFile::setPermissions(QString::fromLocal8Bit(runtime),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
                qputenv("XDG_RUNTIME_DIR", runtime);
            }
        }
        QGuiApplication app(argc, argv);
        describeApplication();
        // The system's language; --lang, read by CommandLine::run, overrides it.
        if (CommandLine::languageOf(arguments).isEmpty()) {
            const QString warning = Translations::install(Translations::systemLanguage(), &app);
            if (!warning.isEmpty())
                std::fprintf(stderr, "chiptimeline: %s\n", qUtf8Printable(warning));
        }
        QTextStream out(stdout);
        QTextStream err(stderr);
        const int code = CommandLine::run(arguments, out, err);
        return code < 0 ? CommandLine::UsageError : code;
    }

    QApplication app(argc, argv);
    describeApplication();
    QGuiApplication::setDesktopFileName(u"org.chiptimeline.ChipTimeline"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/org.chiptimeline.ChipTimeline.svg"_s));
    AppTheme::apply(AppSettings::load().theme);
    applyLanguage(app, arguments);
    QString dbPath;
    bool readOnly = false;
    QString importFile;
    if (!file.isEmpty()) {
        if (FileArgument::isImported(file)) {
            dbPath = newTimelineFor(file);
            if (dbPath.isEmpty())
                return CommandLine::Success;
            importFile = file;
        } else {
            dbPath = file;
        }
    } else {
        QTextStream out(stdout);
        QTextStream err(stderr);
        const int code = CommandLine::run(arguments, out, err, &dbPath, &readOnly);
        if (code >= 0)
            return code;
    }
    const bool isDefault = dbPath.isEmpty();
    const QString path = isDefault ? DefaultDatabase::path() : dbPath;
    const auto mode =
        readOnly ? TimelineStore::OpenMode::ReadOnly : TimelineStore::OpenMode::ReadWrite;
    StoreError error;
    std::unique_ptr<TimelineStore> store = TimelineStore::open(path, &error, mode);
    if (!store && error.kind == StoreError::Kind::Corrupt) {
        std::fprintf(stderr, "chiptimeline: %s\n", qUtf8Printable(error.message));
        store = offerBackup(path, mode, &error);
    }
    if (store && isDefault && !store->isReadOnly() && !DefaultDatabase::fillIfNew(*store, &error))
        store.reset();
    if (!store) {
        std::fprintf(stderr, "chiptimeline: %s\n", qUtf8Printable(error.message));
        QMessageBox::critical(nullptr, QObject::tr("Cannot open the database"), error.message);
        return CommandLine::Failure;
    }
    std::unique_ptr<FirstFrameProbe> probe;
    if (qEnvironmentVariableIntValue("CHIPTIMELINE_BENCHMARK_FIRST_FRAME") == 1) {
        probe = std::make_unique<FirstFrameProbe>(sinceMain);
        app.installEventFilter(probe.get());
    }
    // The day's backup is taken after the first frame (DatabaseSafety::afterFirstFrame).
    // On the heap: File → Restore From Backup… closes it and opens another.
    auto *window = new MainWindow(std::move(store));
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    if (!importFile.isEmpty())
        QMetaObject::invokeMethod(
            window, [window, importFile] { window->importFiles({importFile}); },
            Qt::QueuedConnection);
    return QApplication::exec();
}
