#pragma once

#include <QString>

// What another client committed, as a store that is told of changes reports it (see
// TimelineStore::listenForChanges): one changed row. `kind` is the table ("event", "source",
// "category", "saved_view", "actor", "chip", "tag"; an event's links count as the event),
// `operation` "insert", "update" or "delete". For an event or source still stored, `uid`,
// `rowVersion` and `changedBy` are read when the notice arrives; for a deleted row they are
// empty and 0. A statement that changed more than 100 rows is one notice with `id` 0 and
// `rows` set: whoever listens reloads that kind as a whole.
struct StoreChangeNotice {
    QString kind;
    QString operation;
    qint64 id = 0;
    QString uid;
    qint64 rowVersion = 0;
    QString changedBy;
    int rows = 1;
    friend bool operator==(const StoreChangeNotice &, const StoreChangeNotice &) = default;
};
