#pragma once

// What the command-line suites share: a command run in-process with its exit code and what
// it printed, the bundled dataset's file, and a file's bytes or SHA-256 (for "unchanged").

#include "app/CommandLine.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTextStream>

struct Result {
    int code = 0;
    QString out;
    QString err;
};

[[nodiscard]] inline Result run(const QStringList &arguments) {
    Result result;
    QTextStream out(&result.out);
    QTextStream err(&result.err);
    result.code = CommandLine::run(arguments, out, err);
    return result;
}

[[nodiscard]] inline QString datasetFile() {
    return QStringLiteral(CHIPTIMELINE_SOURCE_DIR "/resources/dataset/default.chiptimeline.json");
}

// The file's bytes; empty when it cannot be read.
[[nodiscard]] inline QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

[[nodiscard]] inline QByteArray fileSha256(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}
