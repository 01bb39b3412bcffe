#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>
#include <QTextStream>

// The command-line contract of DESIGN.md (list, search, export, import, export-data, check).
// Tests and users script against it, so it lives in a library the tests link and call
// in-process with their own streams.
class CommandLine {
public:
    enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

    // True when `arguments` (without the program name) name a command rather than the window.
    [[nodiscard]] static bool isHeadless(const QStringList &arguments);
    // Runs a command. `arguments` excludes the program name. The window is not this class's
    // business: for no command it returns -1 and leaves `dbPath` (and `readOnly`, whether
    // --read-only was given) set for the caller.
    [[nodiscard]] static int run(const QStringList &arguments, QTextStream &out, QTextStream &err,
                                 QString *dbPath = nullptr, bool *readOnly = nullptr);
    [[nodiscard]] static QString usage();
    // The language --lang names in `arguments`, or empty (run() rejects one not available).
    [[nodiscard]] static QString languageOf(const QStringList &arguments);
    // Every option, with the texts --help and the man page (ManPage) describe them by.
    [[nodiscard]] static QList<QCommandLineOption> options();
};
