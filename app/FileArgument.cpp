#include "app/FileArgument.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

QString FileArgument::fromArguments(const QStringList &arguments) {
    if (arguments.size() != 1)
        return {};
    const QString &argument = arguments.constFirst();
    if (argument.startsWith(u'-') || !(argument.contains(u'/') || argument.contains(u'.')))
        return {};
    return QFileInfo(argument).isFile() ? argument : QString();
}

bool FileArgument::isImported(const QString &file) {
    return file.endsWith(u".json"_s, Qt::CaseInsensitive);
}
