#pragma once

// Reading relations (model/Relation.h) with their sources, for both backends: the tables
// `relation` and `relation_source` are the same in SQLite and PostgreSQL, and so is the query.

#include "model/Relation.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

class QSqlQuery;

namespace RelationRows {

// Records a failed query as a read error of `table`; true when it failed.
using ReadFailed = std::function<bool(const QSqlQuery &query, const QString &table)>;

// The relations `where` selects (over `relation r`, `event f` (from) and `event t` (to), with
// `uid` bound to :uid when not empty), in time order of the event that points, then of the
// one pointed at, then by type (`typeOrder`: how the backend orders the type bytewise).
[[nodiscard]] QList<Relation> read(const QSqlDatabase &db, const QString &where, const QString &uid,
                                   const QString &typeOrder, const ReadFailed &readFailed);

// The day each rescinded or replaced event stopped being in force, by event id: the first
// day of the earliest event that rescinds or replaces it (TimelineRow::forceEndDay).
[[nodiscard]] QHash<qint64, qint64> forceEndDays(const QSqlDatabase &db,
                                                 const ReadFailed &readFailed);

// The `where` of the relations from or to the event :uid names: by the event's id, so each
// side is found through its index rather than a scan.
inline const QString ofEventWhere =
    QStringLiteral("WHERE r.from_event = (SELECT id FROM event WHERE uid = :uid) "
                   "OR r.to_event = (SELECT id FROM event WHERE uid = :uid)");

} // namespace RelationRows
