#pragma once

#include <QByteArray>
#include <QStringList>
#include <QStringView>

// RFC 4180 CSV: records end with CRLF; a cell is quoted when it holds a comma, a quote, a
// line break or leading/trailing blanks, and quotes inside are doubled.
class CsvWriter {
public:
    // With a byte-order mark, Excel reads the UTF-8 instead of guessing a legacy encoding.
    explicit CsvWriter(bool byteOrderMark = false);

    void writeRecord(const QStringList &cells);
    [[nodiscard]] QByteArray take();

    [[nodiscard]] static QByteArray cell(QStringView text);

private:
    QByteArray m_out;
};
