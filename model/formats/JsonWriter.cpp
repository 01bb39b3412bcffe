#include "model/formats/JsonWriter.h"

void JsonWriter::reserve(qsizetype bytes) {
    m_out.reserve(bytes);
}

void JsonWriter::newline() {
    m_out += '\n';
    m_out.append(qsizetype(m_depth) * 2, ' ');
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
    // ASCII goes straight into the output; each run of other characters is converted as a
    // whole, so surrogate pairs stay together.
    static constexpr char Hex[] = "0123456789abcdef";
    m_out += '"';
    const qsizetype size = text.size();
    const char16_t *data = text.utf16();
    qsizetype i = 0;
    while (i < size) {
        // A run of printable ASCII that needs no escape, copied as a whole.
        qsizetype plainEnd = i;
        while (plainEnd < size && data[plainEnd] >= 0x20 && data[plainEnd] < 0x80 &&
               data[plainEnd] != u'"' && data[plainEnd] != u'\\')
            ++plainEnd;
        if (plainEnd > i) {
            const qsizetype at = m_out.size();
            m_out.resize(at + (plainEnd - i));
            char *out = m_out.data() + at;
            for (qsizetype k = i; k < plainEnd; ++k)
                *out++ = char(data[k]);
            i = plainEnd;
            continue;
        }
        const char16_t c = data[i];
        // U+FEFF is written escaped: Qt's JSON reader drops it, raw, at the start of a string
        // (as a byte-order mark), so a title beginning with it did not survive the native
        // file (found by fuzzing).
        if (c == 0xFEFF) {
            m_out += "\\ufeff";
            ++i;
            continue;
        }
        if (c >= 0x80) {
            qsizetype end = i + 1;
            while (end < size && text[end].unicode() >= 0x80 && text[end].unicode() != 0xFEFF)
                ++end;
            m_out += text.sliced(i, end - i).toUtf8();
            i = end;
            continue;
        }
        switch (c) {
        case u'"':
            m_out += "\\\"";
            break;
        case u'\\':
            m_out += "\\\\";
            break;
        case u'\n':
            m_out += "\\n";
            break;
        case u'\r':
            m_out += "\\r";
            break;
        case u'\t':
            m_out += "\\t";
            break;
        default:
            if (c < 0x20) {
                m_out += "\\u00";
                m_out += Hex[c >> 4];
                m_out += Hex[c & 0xf];
            } else {
                m_out += char(c);
            }
        }
        ++i;
    }
    m_out += '"';
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
