#pragma once

// Shared internals of the SQLite store's units (model/store/sqlite/*.cpp): result codes,
// conversions between rows and values, and the SQL that notes a row for the search index.
// Private to the store: nothing outside model/store/sqlite includes this.

#include "model/IsoTimeStamp.h"
#include "model/store/sqlite/SqliteTimelineStore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <atomic>

namespace SqliteDetail {

using namespace Qt::StringLiterals;

// SQLite's primary result codes that deserve their own message.
inline constexpr int SqliteBusy = 5;
inline constexpr int SqliteLocked = 6;
inline constexpr int SqliteReadOnly = 8;
inline constexpr int SqliteIoErr = 10;
inline constexpr int SqliteCorrupt = 11;
inline constexpr int SqliteFull = 13;
inline constexpr int SqliteCantOpen = 14;
inline constexpr int SqliteConstraint = 19;
inline constexpr int SqliteNotADb = 26;

// How long a statement waits for another connection's lock before it reports "busy".
inline constexpr int BusyTimeoutMs = 5000;
// Reads through a memory map of up to 256 MB (see SqliteTimelineStore::configure).
inline constexpr auto MmapSizePragma = "PRAGMA mmap_size = 268435456";

inline QString newConnectionName() {
    static std::atomic<int> counter{0};
    return u"chiptimeline-store-%1"_s.arg(++counter);
}

inline QString nowIso() {
    return isoUtcText(QDateTime::currentDateTimeUtc());
}

inline QString newUid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Text columns are NOT NULL: a null QString would bind as NULL, so bind "" instead.
inline QVariant text(const QString &value) {
    return value.isNull() ? QVariant(u""_s) : QVariant(value);
}

// A QVariant of a type but no value is not NULL in Qt 6; an invalid QVariant binds NULL.
inline QVariant nullIfZero(int value) {
    return value == 0 ? QVariant() : QVariant(value);
}

inline PartialDate dateFromParts(const QVariant &year, const QVariant &month, const QVariant &day) {
    if (year.isNull())
        return {};
    if (month.isNull())
        return PartialDate::fromYear(year.toInt());
    if (day.isNull())
        return PartialDate::fromYearMonth(year.toInt(), month.toInt());
    return PartialDate::fromYmd(year.toInt(), month.toInt(), day.toInt());
}

inline PartialDate dateFromIso(const QString &text) {
    return PartialDate::parseIso(text).value_or(PartialDate());
}

inline bool hasSqliteHeader(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    static const QByteArray header("SQLite format 3\0", 16);
    return file.read(16) == header;
}

inline int primaryCode(const QSqlError &error) {
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

// Binds the filter's conditions as named placeholders; returns the WHERE clause over
// `event e` (without the keyword), or an empty string for "everything". (SqliteFilterSql.cpp)
QString filterClause(const EventFilter &filter, QVariantMap &bindings);

// An event's title (trimmed) and span of days: how an event without a uid is matched.
struct TitleAndDays {
    QString title;
    qint64 firstDay = 0;
    qint64 lastDay = 0;
    friend bool operator==(const TitleAndDays &, const TitleAndDays &) = default;
};
inline size_t qHash(const TitleAndDays &key, size_t seed = 0) {
    return qHashMulti(seed, key.title, key.firstDay, key.lastDay);
}

// Adds the key unless it is there: the first (lowest) id stays the match.
inline void addFirst(QHash<TitleAndDays, qint64> &ids, TitleAndDays key, qint64 id) {
    if (!ids.contains(key))
        ids.insert(std::move(key), id);
}

// How a row is noted for flushSearchIndex before it first changes in a transaction (see
// installChangeTracking), for an id expression: "old.id" in a trigger, "?1" in the import.
// An indexed row is noted with the text it is indexed with, from the views; a row not yet
// indexed (inserted in the transaction) without text. The first note of a row is kept.
inline QString noteIndexedEventSql(const QString &id) {
    return uR"(INSERT OR IGNORE INTO changed_event(id, title, summary, names)
                 SELECT id, title, summary, names FROM main.event_search_text
                  WHERE id = %1 AND NOT EXISTS (SELECT 1 FROM changed_event WHERE id = %1))"_s.arg(
        id);
}
inline QString noteIndexedSourceSql(const QString &id) {
    return uR"(INSERT OR IGNORE INTO changed_source(id, title, outlet, excerpt, notes, quotes)
                 SELECT id, title, outlet, excerpt, notes, quotes FROM main.source_search_text
                  WHERE id = %1 AND NOT EXISTS (SELECT 1 FROM changed_source WHERE id = %1))"_s.arg(
        id);
}
inline QString noteUnindexedSql(const QString &table, const QString &id) {
    return u"INSERT OR IGNORE INTO %1(id) VALUES (%2)"_s.arg(table, id);
}

} // namespace SqliteDetail
