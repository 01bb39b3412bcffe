#pragma once

// Rows read through SQLite's own interface (the whole dataset's read, the bulk import's look
// at what is stored). Private to the store.

#include "model/IsoTimeStamp.h"
#include "model/store/sqlite/SqliteApi.h"
#include "model/store/sqlite/SqliteTimelineStore.h"

#include <QDateTime>
#include <QHash>
#include <QString>

// Rows read through SQLite's interface: for the whole dataset, a QVariant per column cost
// more than SQLite's own work.
class RowReader {
public:
    RowReader(sqlite3 *db, const char *sql) {
        if (db)
            sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr);
    }
    ~RowReader() { sqlite3_finalize(m_statement); }
    RowReader(const RowReader &) = delete;
    RowReader &operator=(const RowReader &) = delete;

    [[nodiscard]] bool isValid() const { return m_statement != nullptr; }
    // A value for the statement's parameter `index` (?1 is 1), before the first next().
    void bind(int index, qint64 value) { sqlite3_bind_int64(m_statement, index, value); }
    // Back before the first row, to be bound and read again.
    void reset() {
        sqlite3_reset(m_statement);
        m_result = SQLITE_DONE;
    }
    bool next() {
        m_result = sqlite3_step(m_statement);
        return m_result == SQLITE_ROW;
    }
    // The error that ended the rows (a damaged page), recorded in the store as damage to
    // `table`; false when they ended as they should.
    bool failed(const SqliteTimelineStore &store, const QString &table) const {
        if (m_result == SQLITE_DONE || m_result == SQLITE_ROW)
            return false;
        return store.readFailed(
            m_result, QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_statement))), table);
    }

    // As QSqlQuery::value(column).toString(): NULL gives a null string.
    [[nodiscard]] QString text(int column) const {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        if (!data)
            return {};
        return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
    }
    // Texts that repeat (a locator, a source's kind or outlet): one shared QString each.
    [[nodiscard]] QString sharedText(int column, QHash<QByteArray, QString> *known) const {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        if (!data)
            return {};
        const int size = sqlite3_column_bytes(m_statement, column);
        // Looked up without copying the bytes; copied only the first time they are seen.
        if (const auto found = known->constFind(QByteArray::fromRawData(data, size));
            found != known->cend())
            return *found;
        const QString text = QString::fromUtf8(data, size);
        known->insert(QByteArray(data, size), text);
        return text;
    }
    [[nodiscard]] qint64 integer(int column) const {
        return sqlite3_column_int64(m_statement, column);
    }
    [[nodiscard]] bool isInteger(int column) const {
        return sqlite3_column_type(m_statement, column) == SQLITE_INTEGER;
    }
    [[nodiscard]] bool isNull(int column) const {
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
    }
    // A partial date stored as year, month and day columns (dateFromParts).
    [[nodiscard]] PartialDate date(int yearColumn) const {
        if (isNull(yearColumn))
            return {};
        const int year = int(integer(yearColumn));
        if (isNull(yearColumn + 1))
            return PartialDate::fromYear(year);
        const int month = int(integer(yearColumn + 1));
        if (isNull(yearColumn + 2))
            return PartialDate::fromYearMonth(year, month);
        return PartialDate::fromYmd(year, month, int(integer(yearColumn + 2)));
    }
    // A time stamp as stored ("2025-11-22T11:41:41.123Z"), read without QDateTime's general
    // parser when it has exactly that form; anything else goes through fromString.
    [[nodiscard]] QDateTime timeStamp(int column) const {
        const auto *data =
            reinterpret_cast<const unsigned char *>(sqlite3_column_text(m_statement, column));
        const int size = data ? sqlite3_column_bytes(m_statement, column) : 0;
        if (const std::optional<QDateTime> time = isoUtcTimeStamp(data, size))
            return *time;
        return QDateTime::fromString(text(column), Qt::ISODateWithMs);
    }

private:
    sqlite3_stmt *m_statement = nullptr;
    int m_result = SQLITE_DONE;
};
