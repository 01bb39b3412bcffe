#include "app/CommandLine.h"
#include "model/DefaultDatabase.h"
#include "model/TimelineStore.h"
#include "ui/widgets/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QMessageBox>

#include <cstdio>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
void describeApplication() {
    QCoreApplication::setApplicationName(u"chiptimeline"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);
    QGuiApplication::setApplicationDisplayName(u"ChipTimeline"_s);
}

QStringList argumentsOf(int argc, char *argv[]) {
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}
} // namespace

int main(int argc, char *argv[]) {
    const QStringList arguments = argumentsOf(argc, argv);
    if (CommandLine::isHeadless(arguments)) {
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
        QTextStream out(stdout);
        QTextStream err(stderr);
        const int code = CommandLine::run(arguments, out, err);
        return code < 0 ? CommandLine::UsageError : code;
    }

    QApplication app(argc, argv);
    describeApplication();
    QString dbPath;
    {
        QTextStream out(stdout);
        QTextStream err(stderr);
        const int code = CommandLine::run(arguments, out, err, &dbPath);
        if (code >= 0)
            return code;
    }
    const bool isDefault = dbPath.isEmpty();
    const QString path = isDefault ? DefaultDatabase::path() : dbPath;
    StoreError error;
    std::unique_ptr<TimelineStore> store = TimelineStore::open(path, &error);
    if (store && isDefault && !DefaultDatabase::fillIfNew(*store, &error))
        store.reset();
    if (!store) {
        std::fprintf(stderr, "chiptimeline: %s\n", qUtf8Printable(error.message));
        QMessageBox::critical(nullptr, QObject::tr("Cannot open the database"), error.message);
        return CommandLine::Failure;
    }
    MainWindow window(std::move(store));
    window.resize(1400, 820);
    window.show();
    return QApplication::exec();
}
