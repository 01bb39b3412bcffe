// The SQLite store's compact `modified` changes (schema version 12): which are written to
// revision_modified, and putting them back among the other changes as they are read.

#include "model/store/sqlite/SqliteRevisionModified.h"

#include "model/IsoTimeStamp.h"
using namespace Qt::StringLiterals;

namespace SqliteDetail {

QString revisionTimeText(qint64 milliseconds) {
    return u'"' + isoUtcText(QDateTime::fromMSecsSinceEpoch(milliseconds, Qt::UTC)) + u'"';
}

QString CompactModified::oldValue() const {
    if (time)
        return revisionTimeText(*time);
    return text.isEmpty() ? QString() : text; // as SqliteRevisionRows reads revision_change
}

CompactModified compactModified(const QVariant &place, const QVariant &old) {
    CompactModified row;
    row.place = place.toLongLong();
    if (old.typeId() == QMetaType::LongLong || old.typeId() == QMetaType::Int)
        row.time = old.toLongLong();
    else
        row.text = old.toString();
    return row;
}

QList<qsizetype> compactModifiedPlaces(const QList<RevisionChange> &changes) {
    struct Run {
        qsizetype first = 0;
        qsizetype last = 0;
        qsizetype count = 0;
        qsizetype modified = 0;
    };
    QHash<QString, Run> runs; // by "entity\nuid"
    const auto keyOf = [](const RevisionChange &change) -> QString {
        return change.entity + u'\n' + change.uid;
    };
    for (qsizetype i = 0; i < changes.size(); ++i) {
        auto run = runs.find(keyOf(changes.at(i)));
        if (run == runs.end())
            run = runs.insert(keyOf(changes.at(i)), {i, i, 0, 0});
        run->last = i;
        ++run->count;
        run->modified += changes.at(i).field == u"modified"_s;
    }
    QList<qsizetype> places(changes.size(), -1);
    for (qsizetype i = 0; i < changes.size(); ++i) {
        if (changes.at(i).field != u"modified"_s)
            continue;
        const Run run = runs.value(keyOf(changes.at(i)));
        // One run, with other changes, and one `modified` in it: read back in its place.
        if (run.count >= 2 && run.last - run.first + 1 == run.count && run.modified == 1)
            places[i] = i - run.first;
    }
    return places;
}

void mergeModified(QList<RevisionChange> *changes, QList<bool> *lacking, const QList<qint64> &items,
                   const FindModified &find) {
    QList<RevisionChange> merged;
    QList<bool> mergedLacking;
    merged.reserve(changes->size());
    mergedLacking.reserve(changes->size());
    qint64 runRevision = -1;
    qint64 runItem = -1;
    qsizetype runCount = 0;
    std::optional<CompactModified> pending;
    const auto put = [&](const RevisionChange &ofItem) {
        merged.append(
            {ofItem.revision, ofItem.entity, ofItem.uid, u"modified"_s, pending->oldValue(), {}});
        mergedLacking.append(true);
        pending.reset();
    };
    for (qsizetype i = 0; i < changes->size(); ++i) {
        const RevisionChange &change = changes->at(i);
        if (change.revision != runRevision || items.at(i) != runItem) {
            if (pending)
                put(merged.constLast()); // after every other change of its run
            runRevision = change.revision;
            runItem = items.at(i);
            runCount = 0;
            pending = find(runRevision, runItem);
        }
        if (pending && pending->place == runCount)
            put(change);
        merged.append(change);
        mergedLacking.append(lacking->at(i));
        ++runCount;
    }
    if (pending)
        put(merged.constLast());
    *changes = std::move(merged);
    *lacking = std::move(mergedLacking);
}

ModifiedAfter::ModifiedAfter(sqlite3 *db, qint64 revision)
    : m_rows(db, "SELECT revision, item, place, old FROM revision_modified WHERE revision > ?1 "
                 "ORDER BY revision, item") {
    if (!m_rows.isValid())
        return;
    m_rows.bind(1, revision);
    advance();
}

std::optional<CompactModified> ModifiedAfter::find(qint64 revision, qint64 item) {
    if (revision != m_revision) {
        m_revision = revision;
        m_ofRevision.clear();
        // Rows of an earlier revision have no other row of their item (none are written so).
        while (m_hasRow && m_rows.integer(0) < revision)
            advance();
        for (; m_hasRow && m_rows.integer(0) == revision; advance()) {
            CompactModified row;
            row.place = m_rows.integer(2);
            if (m_rows.isInteger(3))
                row.time = m_rows.integer(3);
            else
                row.text = m_rows.text(3);
            m_ofRevision.insert(m_rows.integer(1), row);
        }
    }
    return takeModified(m_ofRevision, item);
}

std::optional<CompactModified> takeModified(QHash<qint64, CompactModified> &rows, qint64 item) {
    const auto found = rows.find(item);
    if (found == rows.end())
        return std::nullopt;
    const CompactModified row = *found;
    rows.erase(found);
    return row;
}

bool ModifiedAfter::failed(const SqliteTimelineStore &store) const {
    return m_rows.failed(store, u"revision_modified"_s);
}

} // namespace SqliteDetail
