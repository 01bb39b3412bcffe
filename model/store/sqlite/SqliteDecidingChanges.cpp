// The SQLite store: the changes after a revision that decide what the timeline was then
// (TimelineStore::decidingChangesAfter), what every as-of read starts from.

#include "model/store/sqlite/SqliteRevisionModified.h"
#include "model/store/sqlite/SqliteRowReader.h"
#include "model/store/sqlite/SqliteStoreInternals.h"

#include <QSet>

#include <algorithm>
#include <bit>
#include <vector>

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

namespace {

struct ItemName {
    QString entity;
    QString uid;
};

// The entity and uid of each of `ids` (sorted, distinct) from revision_item. Many of them (a
// point before most items changed) are read in one pass over the range of their ids; a few,
// one lookup each. false when a read failed (recorded in the store).
bool readItemNames(sqlite3 *db, const SqliteTimelineStore &store, const std::vector<qint64> &ids,
                   QHash<qint64, ItemName> *names) {
    if (ids.empty())
        return true;
    QHash<QByteArray, QString> entities;
    names->reserve(qsizetype(ids.size()));
    const qint64 span = ids.back() - ids.front() + 1;
    if (qint64(ids.size()) * 16 >= span) {
        RowReader rows(db, "SELECT id, entity, uid FROM revision_item "
                           "WHERE id BETWEEN ?1 AND ?2 ORDER BY id");
        if (!rows.isValid())
            return !store.readFailed(sqlite3_errcode(db), QString::fromUtf8(sqlite3_errmsg(db)),
                                     u"revision_item"_s);
        rows.bind(1, ids.front());
        rows.bind(2, ids.back());
        auto wanted = ids.cbegin();
        while (wanted != ids.cend() && rows.next()) {
            const qint64 id = rows.integer(0);
            while (wanted != ids.cend() && *wanted < id)
                ++wanted;
            if (wanted != ids.cend() && *wanted == id)
                names->insert(id, {rows.sharedText(1, &entities), rows.text(2)});
        }
        return !rows.failed(store, u"revision_item"_s);
    }
    RowReader row(db, "SELECT entity, uid FROM revision_item WHERE id = ?1");
    if (!row.isValid())
        return !store.readFailed(sqlite3_errcode(db), QString::fromUtf8(sqlite3_errmsg(db)),
                                 u"revision_item"_s);
    for (const qint64 id : ids) {
        row.reset();
        row.bind(1, id);
        if (row.next())
            names->insert(id, {row.sharedText(0, &entities), row.text(1)});
        if (row.failed(store, u"revision_item"_s))
            return false;
    }
    return true;
}

// Which (item, field) pairs have had their first change taken, and which items their first
// whole-item change ("*", field code 0): after it nothing of the item decides. At halfway
// through a long history this is asked for every row after the revision (a million at 100k
// events), so it is a word of bits per item id (revision_item's ids are dense from 1; field
// codes are a few dozen), with a set for the ids and codes a word cannot hold.
class DecidedFields {
public:
    [[nodiscard]] bool isDecided(qint64 item, qint64 field) const {
        const quint64 word =
            inWords(item, 0) && size_t(item) < m_words.size() ? m_words[size_t(item)] : 0;
        if ((word & 1) != 0)
            return true; // its whole-item change is taken
        if (inWords(item, field))
            return (word & (quint64(1) << field)) != 0;
        return m_beyond.contains({item, 0}) || m_beyond.contains({item, field});
    }
    void decide(qint64 item, qint64 field) {
        if (inWords(item, field)) {
            if (size_t(item) >= m_words.size())
                m_words.resize(std::bit_ceil(size_t(item) + 1));
            m_words[size_t(item)] |= quint64(1) << field;
        } else {
            m_beyond.insert({item, field});
        }
    }

private:
    // 16M items (128 MB of words) at most; a field code is a bit of the word.
    static bool inWords(qint64 item, qint64 field) {
        return item >= 0 && item < (qint64(1) << 24) && field >= 0 && field < 64;
    }
    std::vector<quint64> m_words; // by item id: bit `field` set once decided
    QSet<std::pair<qint64, qint64>> m_beyond;
};

} // namespace

QList<RevisionChange> SqliteTimelineStore::decidingChangesAfter(qint64 revision) const {
    // Every change after the revision in the order written (the key's range), of which only
    // the first per item and field decides, and of an item that was created or deleted since
    // only its first whole-item change ("*") and the fields changed before it. They are picked
    // here while reading, through SQLite's interface: at halfway through a long history most
    // rows are passed over, and only the deciding ones become texts (a GROUP BY in SQL, with
    // a QVariant per column, cost 3× this). The rows are read without their item's entity and
    // uid and their field's name: those are looked up once per deciding item afterwards and
    // once per field, not joined to every row passed over.
    sqlite3 *db = sqliteHandle(database());
    RowReader rows(db, "SELECT revision, item, field, old, new FROM revision_change "
                       "WHERE revision > ?1 ORDER BY revision, seq");
    if (!rows.isValid()) {
        readFailed(sqlite3_errcode(db), QString::fromUtf8(sqlite3_errmsg(db)),
                   u"revision_change"_s);
        return {};
    }
    rows.bind(1, revision);
    // The compact `modified` changes (schema 12), each taken or passed over in its place as
    // if it were a row of revision_change: the same code as the rows of that field.
    ModifiedAfter modified(db, revision);
    if (!modified.isValid()) {
        readFailed(sqlite3_errcode(db), QString::fromUtf8(sqlite3_errmsg(db)),
                   u"revision_modified"_s);
        return {};
    }
    QHash<qint64, QString> fieldNames; // by code: a few dozen
    qint64 modifiedField = -1;         // none stored: no field change of `modified` either
    {
        QSqlQuery &fields = statement(u"SELECT code, name FROM revision_field"_s);
        if (fields.exec())
            while (fields.next()) {
                fieldNames.insert(fields.value(0).toLongLong(), fields.value(1).toString());
                if (fields.value(1).toString() == u"modified"_s)
                    modifiedField = fields.value(0).toLongLong();
            }
        const bool failed = readFailed(fields, u"revision_field"_s);
        fields.finish();
        if (failed)
            return {};
    }
    DecidedFields decided;
    QList<RevisionChange> found;    // entity and uid filled in at the end
    std::vector<qint64> foundItems; // the item of each of `found`
    const auto value = [&](int column) {
        if (rows.isInteger(column))
            return revisionTimeText(rows.integer(column));
        const QString text = rows.text(column);
        return text.isEmpty() ? QString() : text; // '': no value (as valueOf)
    };
    // The run of one item's rows in one revision, and its compact `modified` change not yet
    // put in its place.
    qint64 runRevision = -1;
    qint64 runItem = -1;
    qint64 runCount = 0;
    std::optional<CompactModified> pending;
    const auto putModified = [&] {
        if (!decided.isDecided(runItem, modifiedField)) {
            decided.decide(runItem, modifiedField);
            found.append({runRevision, {}, {}, u"modified"_s, pending->oldValue(), {}});
            foundItems.push_back(runItem);
        }
        pending.reset();
    };
    while (rows.next()) {
        const qint64 item = rows.integer(1);
        const qint64 field = rows.integer(2);
        if (rows.integer(0) != runRevision || item != runItem) {
            if (pending)
                putModified(); // after every other change of its run
            runRevision = rows.integer(0);
            runItem = item;
            runCount = 0;
            pending = modified.find(runRevision, runItem);
        }
        if (pending && pending->place == runCount)
            putModified();
        ++runCount;
        if (decided.isDecided(item, field))
            continue;
        const auto name = fieldNames.constFind(field);
        if (name == fieldNames.cend())
            continue; // a field code without its name: not a change anyone recorded
        decided.decide(item, field);
        // A field change's new value is not read: what the timeline was needs the old one.
        found.append({rows.integer(0), {}, {}, *name, value(3), field == 0 ? value(4) : QString()});
        foundItems.push_back(item);
    }
    if (pending)
        putModified();
    if (modified.failed(*this) || rows.failed(*this, u"revision_change"_s))
        return found;

    std::vector<qint64> ids = foundItems;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    QHash<qint64, ItemName> names;
    if (!readItemNames(db, *this, ids, &names))
        return found;
    QList<RevisionChange> named; // without the changes of an item that is not named
    named.reserve(found.size());
    for (qsizetype i = 0; i < found.size(); ++i) {
        const auto item = names.constFind(foundItems[size_t(i)]);
        if (item == names.cend())
            continue;
        RevisionChange &change = named.emplaceBack(std::move(found[i]));
        change.entity = item->entity;
        change.uid = item->uid;
    }
    return named;
}
