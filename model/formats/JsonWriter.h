#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// `text` as a JSON string, quoted, escaped and encoded as UTF-8 exactly as JsonWriter writes
// one, appended to `out` (for JSON put together by hand, e.g. the server import's rows).
void appendJsonString(QByteArray &out, QStringView text);

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
    // Room for `bytes` more after what is written, and where it starts.
    char *room(qsizetype bytes) {
        if (m_out.size() - m_size < bytes)
            grow(bytes);
        return m_out.data() + m_size;
    }
    void grow(qsizetype bytes);
    void put(char c) {
        *room(1) = c;
        ++m_size;
    }
    void put(QByteArrayView bytes);

    QByteArray m_out; // the first m_size bytes are written, the rest is room
    qsizetype m_size = 0;
    int m_depth = 0;
    bool m_afterKey = false;
    bool m_needComma = false;
};
