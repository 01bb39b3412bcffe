#include "model/history/ChangesSince.h"

#include "model/history/EntitySnapshot.h"

#include <QHash>
#include <QJsonObject>

using namespace Qt::StringLiterals;

QList<ItemChangeSince> changesSince(const QList<Revision> &revisions, qint64 point) {
    QList<ItemChangeSince> items;
    QHash<QString, qsizetype> indexOf;
    for (const Revision &revision : revisions) {
        if (revision.number <= point)
            continue;
        for (const RevisionChange &change : revision.changes) {
            if (change.entity == u"dataset"_s)
                continue;
            const QString key = change.entity + u'\n' + change.uid;
            auto found = indexOf.constFind(key);
            if (found == indexOf.cend()) {
                found = indexOf.insert(key, items.size());
                ItemChangeSince item;
                item.entity = change.entity;
                item.uid = change.uid;
                // First seen as created (or brought in by an import): new since the point.
                item.added = change.field == u"*"_s && change.oldValue.isNull();
                items.append(item);
            }
            ItemChangeSince &item = items[*found];
            const bool ownTime = change.field == u"modified"_s || change.field == u"created"_s;
            if (!ownTime) {
                item.lastRevision = revision.number;
                item.lastAt = revision.at;
                item.lastAuthor = revision.author;
            }
            if (change.field == u"*"_s) {
                item.deleted = !change.oldValue.isNull() && change.newValue.isNull();
                if (item.deleted)
                    item.oldTitle = EntitySnapshot::valueFromText(change.oldValue)
                                        .toObject()
                                        .value(u"title"_s)
                                        .toString();
            } else if (!ownTime && !item.fields.contains(change.field)) {
                item.fields << change.field;
            }
        }
    }
    // Left out: an item added and deleted again, and one whose record only took a new
    // `modified` time (an import with --policy update rewrites every record it matches, the
    // unchanged ones too): nothing a figure made then could show differs.
    items.removeIf([](const ItemChangeSince &item) {
        return (item.added && item.deleted) ||
               (!item.added && !item.deleted && item.fields.isEmpty());
    });
    return items;
}
