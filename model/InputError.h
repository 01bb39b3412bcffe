#pragma once

#include <QString>

// What is wrong with a piece of input, and where: rendered as one line,
// "file.ris:12: field TI: record 3 has no title". Importers, the date parser and the
// command line all report through it so every message names its place the same way.
struct InputError
{
    QString file;    // path as the user gave it; may be empty for in-memory input
    int line = 0;    // 1-based; 0 when not known
    int column = 0;  // 1-based; 0 when not known
    QString field;   // column, key or tag name; may be empty
    QString message; // what is wrong, without a trailing full stop

    [[nodiscard]] bool isEmpty() const { return message.isEmpty(); }
    [[nodiscard]] QString toString() const
    {
        QString where = file;
        if (line > 0) {
            where += (where.isEmpty() ? QStringLiteral("line ") : QStringLiteral(":"))
                     + QString::number(line);
            if (column > 0)
                where += QStringLiteral(":") + QString::number(column);
        }
        QString text;
        if (!where.isEmpty())
            text = where + QStringLiteral(": ");
        if (!field.isEmpty())
            text += field + QStringLiteral(": ");
        return text + message;
    }
};
