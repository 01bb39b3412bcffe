#include "model/formats/CsvWriter.h"

CsvWriter::CsvWriter(bool byteOrderMark) {
    if (byteOrderMark)
        m_out += "\xEF\xBB\xBF";
}

QByteArray CsvWriter::cell(QStringView text) {
    const QByteArray utf8 = text.toUtf8();
    const bool quote = utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') ||
                       utf8.contains('\r') ||
                       (!utf8.isEmpty() && (utf8.front() == ' ' || utf8.back() == ' '));
    if (!quote)
        return utf8;
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

void CsvWriter::writeRecord(const QStringList &cells) {
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            m_out += ',';
        m_out += cell(cells.at(i));
    }
    m_out += "\r\n";
}

QByteArray CsvWriter::take() {
    return std::exchange(m_out, QByteArray());
}
