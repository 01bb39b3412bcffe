#pragma once

#include <QString>
#include <QStringList>

// `chiptimeline FILE`, as the file manager starts the program for a file (the desktop
// entry's Exec=chiptimeline %f): which file, and what to do with it.
class FileArgument {
public:
    // The file when the arguments are exactly one path that names an existing file and has a
    // dot or a slash, which no command name has ("list" is a command, "./list" a file);
    // empty otherwise, and the arguments are the command line's to judge.
    [[nodiscard]] static QString fromArguments(const QStringList &arguments);
    // True for an exchange file (JSON), which is imported into a new timeline after asking;
    // anything else is opened as a timeline database.
    [[nodiscard]] static bool isImported(const QString &file);
};
