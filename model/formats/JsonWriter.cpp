#include "model/formats/JsonWriter.h"

void JsonWriter::newline() {
    m_out += '\n';
    m_out += QByteArray(m_depth * 2, ' ');
}

void JsonWriter::beforeValue() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_needComma)
        m_out += ',';
    if (m_depth > 0)
        newline();
}

void JsonWriter::beginObject() {
    beforeValue();
    m_out += '{';
    ++m_depth;
    m_needComma = false;
}

void JsonWriter::endObject() {
    --m_depth;
    if (m_needComma)
        newline();
    m_out += '}';
    m_needComma = true;
}

void JsonWriter::beginArray() {
    beforeValue();
    m_out += '[';
    ++m_depth;
    m_needComma = false;
}

void JsonWriter::endArray() {
    --m_depth;
    if (m_needComma)
        newline();
    m_out += ']';
    m_needComma = true;
}

void JsonWriter::key(QStringView name) {
    if (m_needComma)
        m_out += ',';
    newline();
    writeString(name);
    m_out += ": ";
    m_afterKey = true;
    m_needComma = false;
}

void JsonWriter::value(const QString &text) {
    beforeValue();
    writeString(text);
    m_needComma = true;
}

void JsonWriter::value(qint64 number) {
    beforeValue();
    m_out += QByteArray::number(number);
    m_needComma = true;
}

void JsonWriter::value(bool flag) {
    beforeValue();
    m_out += flag ? "true" : "false";
    m_needComma = true;
}

void JsonWriter::stringArray(const QStringList &items) {
    beforeValue();
    m_out += '[';
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            m_out += ", ";
        writeString(items.at(i));
    }
    m_out += ']';
    m_needComma = true;
}

void JsonWriter::writeString(QStringView text) {
    // Escape into UTF-16 first and convert once, so surrogate pairs stay whole.
    QString escaped;
    escaped.reserve(text.size() + 2);
    escaped += u'"';
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            escaped += u"\\\"";
            break;
        case u'\\':
            escaped += u"\\\\";
            break;
        case u'\n':
            escaped += u"\\n";
            break;
        case u'\r':
            escaped += u"\\r";
            break;
        case u'\t':
            escaped += u"\\t";
            break;
        default:
            if (c.unicode() < 0x20)
                escaped += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QChar(u'0'));
            else
                escaped += c;
        }
    }
    escaped += u'"';
    m_out += escaped.toUtf8();
}

QByteArray JsonWriter::take() {
    QByteArray out = std::move(m_out);
    out += '\n';
    m_out.clear();
    m_depth = 0;
    m_afterKey = false;
    m_needComma = false;
    return out;
}
