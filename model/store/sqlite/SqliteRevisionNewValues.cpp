// The SQLite store: a field change is stored with its old value only (schema version 11,
// docs/history.md "Storage"); its new value is what came next (RevisionNewValues): the old
// value of the item's next change, or the item as it is now.

#include "model/history/EntitySnapshot.h"
#include "model/history/RevisionNewValues.h"
#include "model/store/sqlite/SqliteStoreInternals.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

namespace {

// Above this many events or sources, all of them are read at once rather than one by one.
constexpr qsizetype ReadAllFrom = 2000;

QString itemKey(const QString &entity, const QString &uid) {
    return entity + u'\n' + uid;
}

} // namespace

QHash<QString, std::optional<QJsonObject>>
SqliteTimelineStore::itemsNow(const QStringList &keys) const {
    QHash<QString, std::optional<QJsonObject>> now;
    qsizetype eventCount = 0;
    qsizetype sourceCount = 0;
    for (const QString &key : keys) {
        eventCount += key.startsWith(u"event\n"_s);
        sourceCount += key.startsWith(u"source\n"_s);
    }
    // Many items (a bulk edit's): one read of them all, keeping those asked for.
    const QSet<QString> wanted(keys.cbegin(), keys.cend());
    if (eventCount > ReadAllFrom)
        for (const Event &event : events())
            if (const QString key = itemKey(u"event"_s, event.uid); wanted.contains(key))
                now.insert(key, EntitySnapshot::fromEvent(event));
    if (sourceCount > ReadAllFrom)
        for (const Source &source : sources())
            if (const QString key = itemKey(u"source"_s, source.uid); wanted.contains(key))
                now.insert(key, EntitySnapshot::fromSource(source));
    for (const QString &key : keys) {
        const qsizetype split = key.indexOf(u'\n');
        const QString entity = key.left(split);
        const QString uid = key.mid(split + 1);
        if ((entity == u"event"_s && eventCount > ReadAllFrom) ||
            (entity == u"source"_s && sourceCount > ReadAllFrom)) {
            if (!now.contains(key))
                now.insert(key, std::nullopt); // not stored now
            continue;
        }
        if (entity == u"dataset"_s) {
            QSqlQuery &title = statement(u"SELECT value FROM meta WHERE key = 'title'"_s);
            const QString text =
                title.exec() && title.next() ? title.value(0).toString() : QString();
            readFailed(title, u"meta"_s);
            title.finish();
            now.insert(key, QJsonObject{{u"title"_s, text}});
            continue;
        }
        now.insert(key, RevisionRecorder::snapshot(*this, entity, uid));
    }
    return now;
}

void SqliteTimelineStore::fillNewValues(const QList<RevisionChange *> &changes,
                                        const QList<bool> &lacking, bool complete) const {
    // Each item's changes in order, from its first one lacking a new value.
    QHash<QString, QList<qsizetype>> byItem;
    QStringList items; // in the order first met
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const QString key = itemKey(changes.at(i)->entity, changes.at(i)->uid);
        auto found = byItem.find(key);
        if (found == byItem.end()) {
            if (!lacking.at(i))
                continue; // nothing of this item lacks a value before this
            found = byItem.insert(key, {});
            items << key;
        }
        found->append(i);
    }
    if (items.isEmpty())
        return;
    const QHash<QString, std::optional<QJsonObject>> now = itemsNow(items);
    for (const QString &key : std::as_const(items)) {
        const QList<qsizetype> &indices = byItem[key];
        if (complete) {
            QList<RevisionChange *> chain;
            QList<bool> chainLacking;
            for (const qsizetype i : indices) {
                chain.append(changes.at(i));
                chainLacking.append(lacking.at(i));
            }
            RevisionNewValues::fill(chain, chainLacking, now.value(key));
            continue;
        }
        // Not every later change is in `changes`: the item's own are read, and the values
        // found given to those here (one change per item, field and revision).
        const RevisionChange &first = *changes.at(indices.first());
        QList<bool> chainLacking;
        QList<RevisionChange> chain =
            itemChangesFrom(first.entity, first.uid, first.revision, &chainLacking);
        QList<RevisionChange *> pointers;
        QHash<QString, QString> newValues; // "revision field" → its new value
        for (RevisionChange &change : chain)
            pointers.append(&change);
        RevisionNewValues::fill(pointers, chainLacking, now.value(key));
        for (const RevisionChange &change : std::as_const(chain))
            newValues.insert(QString::number(change.revision) + u' ' + change.field,
                             change.newValue);
        for (const qsizetype i : indices)
            if (lacking.at(i))
                changes.at(i)->newValue = newValues.value(QString::number(changes.at(i)->revision) +
                                                          u' ' + changes.at(i)->field);
    }
}
