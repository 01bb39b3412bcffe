#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Writes JSON with keys in the order they are given and two-space indentation, one value
// per line, so files diff cleanly in git. (QJsonDocument sorts keys and indents by four.)
class JsonWriter {
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(QStringView name);

    void value(const QString &text);
    void value(qint64 number);
    void value(bool flag);
    void stringArray(const QStringList &items); // on one line when short

    // Room for the whole text up front: a large file is not copied as it grows.
    void reserve(qsizetype bytes);
    [[nodiscard]] QByteArray take();

private:
    void beforeValue();
    void newline();
    void writeString(QStringView text);

    QByteArray m_out;
    int m_depth = 0;
    bool m_afterKey = false;
    bool m_needComma = false;
};
