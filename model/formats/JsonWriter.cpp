#include "model/formats/JsonWriter.h"

#include <algorithm>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#include <unistd.h>
#endif

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
#ifdef __SSE2__
        // Eight units at once when they are all printable ASCII but '"' and '\\' (most text).
        if (end - in >= 8) {
            const __m128i units = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in));
            const __m128i ascii = _mm_cmpeq_epi16(
                _mm_and_si128(units, _mm_set1_epi16(short(0xff80))), _mm_setzero_si128());
            const __m128i special =
                _mm_or_si128(_mm_cmplt_epi16(units, _mm_set1_epi16(0x20)),
                             _mm_or_si128(_mm_cmpeq_epi16(units, _mm_set1_epi16(u'"')),
                                          _mm_cmpeq_epi16(units, _mm_set1_epi16(u'\\'))));
            if (_mm_movemask_epi8(_mm_andnot_si128(special, ascii)) == 0xffff) {
                _mm_storel_epi64(reinterpret_cast<__m128i *>(out), _mm_packus_epi16(units, units));
                in += 8;
                out += 8;
                continue;
            }
        }
#endif
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

void appendJsonString(QByteArray &out, QStringView text) {
    const qsizetype start = out.size();
    out.resize(start + 2 + text.size() * MaxBytesPerUnit); // room for the worst case
    char *at = out.data() + start;
    *at++ = '"';
    at = encodeJsonString(text.utf16(), text.utf16() + text.size(), at);
    *at++ = '"';
    out.truncate(at - out.data());
}

void JsonWriter::grow(qsizetype bytes) {
    m_out.resize(std::max(m_size + bytes, 2 * m_out.size()));
}

void JsonWriter::put(QByteArrayView bytes) {
    std::memcpy(room(bytes.size()), bytes.data(), size_t(bytes.size()));
    m_size += bytes.size();
}

void JsonWriter::reserve(qsizetype bytes) {
    room(bytes);
#ifdef MADV_POPULATE_WRITE
    // A large text's fresh pages are mapped in one call rather than by a page fault every
    // 4 KB as the text is written: for the 150 MB of 100k events that took a third of the
    // export's time (on a virtual machine, where each fault is dear). A kernel without it
    // (before Linux 5.14) refuses the call, and the pages come as before.
    if (bytes >= 4 * 1024 * 1024) {
        const auto pageSize = quintptr(sysconf(_SC_PAGESIZE));
        const auto data = quintptr(m_out.data() + m_size);
        const quintptr begin = (data + pageSize - 1) / pageSize * pageSize;
        const quintptr end = (data + quintptr(bytes)) / pageSize * pageSize;
        if (end > begin)
            madvise(reinterpret_cast<void *>(begin), end - begin, MADV_POPULATE_WRITE);
    }
#endif
}

void JsonWriter::newline() {
    const qsizetype indent = qsizetype(m_depth) * 2;
    char *out = room(1 + indent);
    *out = '\n';
    std::memset(out + 1, ' ', size_t(indent));
    m_size += 1 + indent;
}

void JsonWriter::beforeValue() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_needComma)
        put(',');
    if (m_depth > 0)
        newline();
}

void JsonWriter::beginObject() {
    beforeValue();
    put('{');
    ++m_depth;
    m_needComma = false;
}

void JsonWriter::endObject() {
    --m_depth;
    if (m_needComma)
        newline();
    put('}');
    m_needComma = true;
}

void JsonWriter::beginArray() {
    beforeValue();
    put('[');
    ++m_depth;
    m_needComma = false;
}

void JsonWriter::endArray() {
    --m_depth;
    if (m_needComma)
        newline();
    put(']');
    m_needComma = true;
}

void JsonWriter::key(QStringView name) {
    if (m_needComma)
        put(',');
    newline();
    writeString(name);
    put(": ");
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
    put(QByteArray::number(number));
    m_needComma = true;
}

void JsonWriter::value(bool flag) {
    beforeValue();
    put(flag ? "true" : "false");
    m_needComma = true;
}

void JsonWriter::stringArray(const QStringList &items) {
    beforeValue();
    put('[');
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            put(", ");
        writeString(items.at(i));
    }
    put(']');
    m_needComma = true;
}

void JsonWriter::writeString(QStringView text) {
    // One pass: escapes and UTF-8 written together, straight into the output.
    put('"');
    const char16_t *in = text.utf16();
    const char16_t *const end = in + text.size();
    while (in < end) {
        const char16_t *pieceEnd = end - in > PieceUnits ? in + PieceUnits : end;
        while (pieceEnd < end && QChar::isHighSurrogate(pieceEnd[-1]))
            ++pieceEnd; // a surrogate pair stays in one piece
        char *const out = room((pieceEnd - in) * MaxBytesPerUnit);
        m_size += encodeJsonString(in, pieceEnd, out) - out;
        in = pieceEnd;
    }
    put('"');
}

QByteArray JsonWriter::take() {
    put('\n');
    m_out.truncate(m_size);
    QByteArray out = std::move(m_out);
    m_out.clear();
    m_size = 0;
    m_depth = 0;
    m_afterKey = false;
    m_needComma = false;
    return out;
}
