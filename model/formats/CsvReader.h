#pragma once

#include "model/InputError.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QIODevice;

// RFC 4180 CSV, read one record at a time: quoted cells may hold commas, doubled quotes and
// line breaks; records end with CRLF, LF or CR; a UTF-8 byte-order mark is skipped. Input
// comes in chunks from a device (or from one shared QByteArray without copying it), so a
// large file is never held twice and a 10 MB cell costs one pass. Cells must be UTF-8.
class CsvReader {
public:
    CsvReader(const QByteArray &data, QString fileName);
    CsvReader(QIODevice *device, QString fileName);

    // The next record's cells. Returns false at the end of input and on an error; tell the
    // two apart with hasError(). Line breaks inside cells are returned as "\n".
    [[nodiscard]] bool readRecord(QStringList *cells);
    [[nodiscard]] bool hasError() const { return !m_error.isEmpty(); }
    [[nodiscard]] const InputError &error() const { return m_error; }
    // 1-based line on which the record last returned starts.
    [[nodiscard]] int recordLine() const { return m_recordLine; }

    // Every record of `data`; on a problem std::nullopt and *error filled.
    [[nodiscard]] static std::optional<QList<QStringList>>
    readAll(const QByteArray &data, const QString &fileName, InputError *error);

private:
    bool fill();
    int peekByte();
    int nextByte();
    bool finishCell(QStringList *cells, int cellLine);
    bool fail(int line, const QString &message);

    QIODevice *m_device = nullptr;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    bool m_atEnd = false;
    bool m_started = false;
    QString m_fileName;
    QByteArray m_cell;
    int m_line = 1;
    int m_recordLine = 0;
    InputError m_error;
};
