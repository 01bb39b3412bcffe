#pragma once

#include "model/history/Revision.h"

#include <QStringList>

// What was added, changed or deleted after a point in the history, item by item: the
// question a researcher asks of a figure made then (`changes --since`, and the window's
// "changed since my figure" filter).
struct ItemChangeSince {
    QString entity; // "event", "source", "category", "relation"
    QString uid;
    bool added = false;      // it did not exist at the point
    bool deleted = false;    // it does not exist now
    QStringList fields;      // the fields changed, in the order first changed
    QString oldTitle;        // the title in a deletion's record
    qint64 lastRevision = 0; // the last revision that touched it, its time and author
    QDateTime lastAt;
    QString lastAuthor;
};

// The items the revisions after `point` touched, in the order first touched; `revisions`
// with their changes, oldest first (TimelineStore::revisions). The records' own `created` and
// `modified` times are not counted as changed fields (an item whose record changed in nothing
// else is left out, and they do not make a revision an item's last), the dataset's title is
// left out, and so is an item added and deleted again since (nothing a figure made then could
// show).
[[nodiscard]] QList<ItemChangeSince> changesSince(const QList<Revision> &revisions, qint64 point);
