#include "model/formats/CsvReader.h"

#include "model/formats/TextDecoding.h"

#include <QIODevice>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 ChunkSize = 256 * 1024;
} // namespace

CsvReader::CsvReader(const QByteArray &data, QString fileName)
    : m_buffer(data)
    , m_atEnd(true)
    , m_fileName(std::move(fileName)) {}

CsvReader::CsvReader(QIODevice *device, QString fileName)
    : m_device(device)
    , m_fileName(std::move(fileName)) {}

bool CsvReader::fill() {
    if (m_pos < m_buffer.size())
        return true;
    if (m_atEnd || !m_device)
        return false;
    m_buffer = m_device->read(ChunkSize);
    m_pos = 0;
    if (m_buffer.isEmpty()) {
        m_atEnd = true;
        return false;
    }
    return true;
}

int CsvReader::peekByte() {
    if (!fill())
        return -1;
    return static_cast<unsigned char>(m_buffer.at(m_pos));
}

int CsvReader::nextByte() {
    if (!fill())
        return -1;
    return static_cast<unsigned char>(m_buffer.at(m_pos++));
}

bool CsvReader::fail(int line, const QString &message) {
    m_error = {m_fileName, line, 0, {}, message};
    return false;
}

bool CsvReader::finishCell(QStringList *cells, int cellLine) {
    const qsizetype bad = TextDecoding::firstInvalidUtf8Byte(m_cell);
    if (bad >= 0) {
        const int line = cellLine + int(QByteArrayView(m_cell).first(bad).count('\n'));
        const auto byte = static_cast<unsigned char>(m_cell.at(bad));
        return fail(line, u"not UTF-8 text (invalid byte 0x%1); save it as UTF-8"_s.arg(
                              QString::number(byte, 16).toUpper().rightJustified(2, u'0')));
    }
    if (m_cell.contains('\0')) {
        const qsizetype nul = m_cell.indexOf('\0');
        const int line = cellLine + int(QByteArrayView(m_cell).first(nul).count('\n'));
        return fail(line, u"binary data, not a text file (NUL byte)"_s);
    }
    *cells << QString::fromUtf8(m_cell);
    m_cell.truncate(0); // keeps its room for the next cell
    return true;
}

bool CsvReader::readRecord(QStringList *cells) {
    cells->clear();
    if (hasError())
        return false;
    if (!m_started) {
        m_started = true;
        if (fill() && m_pos == 0) {
            const QByteArrayView head(m_buffer);
            if (head.startsWith("\xEF\xBB\xBF"))
                m_pos = 3;
            else if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF"))
                return fail(1, u"not UTF-8 text (UTF-16 byte-order mark); save it as UTF-8"_s);
        }
    }
    if (peekByte() < 0)
        return false;

    m_recordLine = m_line;
    m_cell.truncate(0);
    while (true) {
        const int cellLine = m_line;
        int c = peekByte();
        if (c == '"') {
            nextByte();
            const int openLine = m_line;
            while (true) {
                if (!fill())
                    return fail(openLine, u"a quoted cell opened here never closes"_s);
                // The bytes up to the next quote or line break, in one append.
                const QByteArrayView rest = QByteArrayView(m_buffer).sliced(m_pos);
                qsizetype span = rest.indexOf('"');
                if (span < 0)
                    span = rest.size();
                for (const char lineEnd : {'\n', '\r'}) {
                    if (const qsizetype at = rest.first(span).indexOf(lineEnd); at >= 0)
                        span = at;
                }
                m_cell.append(rest.first(span));
                m_pos += span;
                if (span == rest.size())
                    continue;
                c = nextByte();
                if (c == '"') {
                    if (peekByte() == '"') {
                        nextByte();
                        m_cell += '"';
                        continue;
                    }
                    break;
                }
                if (c == '\r' && peekByte() == '\n')
                    nextByte();
                ++m_line;
                m_cell += '\n';
            }
            c = peekByte();
            if (c != ',' && c != '\r' && c != '\n' && c >= 0)
                return fail(m_line, u"text after the closing quote of a cell (a quote inside "
                                    "a quoted cell must be doubled)"_s);
        } else {
            // An unquoted cell: take the bytes up to the next delimiter in one append.
            while (true) {
                if (!fill())
                    break;
                const char *data = m_buffer.constData();
                const qsizetype size = m_buffer.size();
                qsizetype end = m_pos;
                while (end < size && data[end] != ',' && data[end] != '\n' && data[end] != '\r')
                    ++end;
                m_cell.append(data + m_pos, end - m_pos);
                m_pos = end;
                if (end < size)
                    break;
            }
        }
        if (!finishCell(cells, cellLine))
            return false;
        c = nextByte();
        if (c == ',')
            continue;
        if (c == '\r') {
            if (peekByte() == '\n')
                nextByte();
            ++m_line;
        } else if (c == '\n') {
            ++m_line;
        }
        return true;
    }
}

std::optional<QList<QStringList>> CsvReader::readAll(const QByteArray &data,
                                                     const QString &fileName, InputError *error) {
    CsvReader reader(data, fileName);
    QList<QStringList> records;
    QStringList cells;
    while (reader.readRecord(&cells))
        records << cells;
    if (reader.hasError()) {
        if (error)
            *error = reader.error();
        return std::nullopt;
    }
    return records;
}
