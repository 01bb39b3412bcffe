#pragma once

// The SQLite store's `modified` changes kept apart (schema version 12, docs/history.md
// "Storage"). Every write of an event sets its `modified`, so every revision that touches an
// event records a change of it: half the history's rows. Such a change that comes with other
// changes of its item in the same revision is a row of revision_modified (revision, item,
// place, old), keyed by (revision, item): no seq, no field, no entry in
// revision_change_by_item (the item's other rows find the revision, and the key the row).
// `place` is how many of the item's other changes in the revision come before it: an item's
// changes in a revision are one run (RevisionRecorder writes item by item), and where they are
// not, or the item has no other change, the change stays a row of revision_change, so the
// readers put every change back where it was written. Private to the store.

#include "model/history/Revision.h"
#include "model/store/sqlite/SqliteRowReader.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

#include <functional>
#include <optional>

namespace SqliteDetail {

// A time value's compact JSON text, "\"2026-12-05T19:00:00.123Z\"" (as stored: milliseconds).
[[nodiscard]] QString revisionTimeText(qint64 milliseconds);

// One row of revision_modified: its place among its item's changes and its old value.
struct CompactModified {
    qint64 place = 0;
    std::optional<qint64> time; // the old value, a time as stored (milliseconds)
    QString text;               // else the old value's text ('' or null: none)
    [[nodiscard]] QString oldValue() const;
};

// The row of `item` among one revision's rows (by item), taken out: each is put back once.
[[nodiscard]] std::optional<CompactModified> takeModified(QHash<qint64, CompactModified> &rows,
                                                          qint64 item);

// A row of revision_modified from its place and old value as QtSql reads them.
[[nodiscard]] CompactModified compactModified(const QVariant &place, const QVariant &old);

// For each of one revision's changes, its place when it is kept in revision_modified (a
// `modified` change in one run with other changes of its item), else -1.
[[nodiscard]] QList<qsizetype> compactModifiedPlaces(const QList<RevisionChange> &changes);

// The compact `modified` change of an item in a revision, if any; each asked for once.
using FindModified = std::function<std::optional<CompactModified>(qint64 revision, qint64 item)>;

// Puts the compact `modified` changes back among `changes` (in revision and seq order, with
// their item ids `items` and `lacking` new values, which are kept in step): each after the
// first `place` changes of its item's run, its new value lacking like any field's.
void mergeModified(QList<RevisionChange> *changes, QList<bool> *lacking, const QList<qint64> &items,
                   const FindModified &find);

// The rows of revision_modified after a revision, read in key order one revision at a time:
// `find` asks for revisions in ascending order (the rows of a range read in key order).
class ModifiedAfter {
public:
    ModifiedAfter(sqlite3 *db, qint64 revision);
    [[nodiscard]] bool isValid() const { return m_rows.isValid(); }
    [[nodiscard]] std::optional<CompactModified> find(qint64 revision, qint64 item);
    // The error that ended the rows, recorded in the store (RowReader::failed).
    bool failed(const SqliteTimelineStore &store) const;

private:
    void advance() { m_hasRow = m_rows.next(); }
    RowReader m_rows;
    bool m_hasRow = false;
    qint64 m_revision = -1; // the revision whose rows m_ofRevision holds
    QHash<qint64, CompactModified> m_ofRevision;
};

} // namespace SqliteDetail
