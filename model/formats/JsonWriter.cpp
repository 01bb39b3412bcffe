#include "model/formats/JsonWriter.h"

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#include <unistd.h>
#endif

void JsonWriter::reserve(qsizetype bytes) {
    m_out.reserve(bytes);
#ifdef MADV_POPULATE_WRITE
    // A large text's fresh pages are mapped in one call rather than by a page fault every
    // 4 KB as the text is written: for the 150 MB of 100k events that took a third of the
    // export's time (on a virtual machine, where each fault is dear). A kernel without it
    // (before Linux 5.14) refuses the call, and the pages come as before.
    if (bytes >= 4 * 1024 * 1024) {
        const auto pageSize = quintptr(sysconf(_SC_PAGESIZE));
        const auto data = quintptr(m_out.data());
        const quintptr begin = (data + pageSize - 1) / pageSize * pageSize;
        const quintptr end = (data + quintptr(bytes)) / pageSize * pageSize;
        if (end > begin)
            madvise(reinterpret_cast<void *>(begin), end - begin, MADV_POPULATE_WRITE);
    }
#endif
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

namespace {

// A piece of a string is encoded straight into room made for its worst case (6 bytes a
// UTF-16 unit, as "\u001f"); pieces keep that room small next to what reserve() gave.
constexpr qsizetype PieceUnits = 4096;
constexpr qsizetype MaxBytesPerUnit = 6;

// Escapes and encodes [in, end) as UTF-8 into `out`, returning where it stopped. A surrogate
// pair becomes one 4-byte sequence; a lone surrogate becomes '?' (as QString::toUtf8 gives).
char *encodeJsonString(const char16_t *in, const char16_t *end, char *out) {
    static constexpr char Hex[] = "0123456789abcdef";
    while (in < end) {
        const char16_t c = *in++;
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\') {
                *out++ = char(c);
                continue;
            }
            *out++ = '\\';
            switch (c) {
            case u'"':
                *out++ = '"';
                break;
            case u'\\':
                *out++ = '\\';
                break;
            case u'\n':
                *out++ = 'n';
                break;
            case u'\r':
                *out++ = 'r';
                break;
            case u'\t':
                *out++ = 't';
                break;
            default:
                *out++ = 'u';
                *out++ = '0';
                *out++ = '0';
                *out++ = Hex[c >> 4];
                *out++ = Hex[c & 0xf];
            }
        } else if (c < 0x800) {
            *out++ = char(0xc0 | (c >> 6));
            *out++ = char(0x80 | (c & 0x3f));
        } else if (c == 0xFEFF) {
            // Written escaped: Qt's JSON reader drops it, raw, at the start of a string (as a
            // byte-order mark), so a title beginning with it did not survive the native file
            // (found by fuzzing).
            for (const char b : {'\\', 'u', 'f', 'e', 'f', 'f'})
                *out++ = b;
        } else if (!QChar::isSurrogate(c)) {
            *out++ = char(0xe0 | (c >> 12));
            *out++ = char(0x80 | ((c >> 6) & 0x3f));
            *out++ = char(0x80 | (c & 0x3f));
        } else if (QChar::isHighSurrogate(c) && in < end && QChar::isLowSurrogate(*in)) {
            const char32_t u = QChar::surrogateToUcs4(c, *in++);
            *out++ = char(0xf0 | (u >> 18));
            *out++ = char(0x80 | ((u >> 12) & 0x3f));
            *out++ = char(0x80 | ((u >> 6) & 0x3f));
            *out++ = char(0x80 | (u & 0x3f));
        } else {
            *out++ = '?';
        }
    }
    return out;
}

} // namespace

void JsonWriter::writeString(QStringView text) {
    // One pass: escapes and UTF-8 written together, straight into the output.
    m_out += '"';
    const char16_t *in = text.utf16();
    const char16_t *const end = in + text.size();
    while (in < end) {
        const char16_t *pieceEnd = end - in > PieceUnits ? in + PieceUnits : end;
        while (pieceEnd < end && QChar::isHighSurrogate(pieceEnd[-1]))
            ++pieceEnd; // a surrogate pair stays in one piece
        const qsizetype at = m_out.size();
        m_out.resize(at + (pieceEnd - in) * MaxBytesPerUnit);
        char *const begin = m_out.data();
        m_out.truncate(encodeJsonString(in, pieceEnd, begin + at) - begin);
        in = pieceEnd;
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
