#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// One field of one item as a revision changed it. `oldValue` and `newValue` are compact JSON
// text (a null QString: the item did not exist before, or does not after). The field "*"
// stands for the whole item: created (old null), deleted (new null), or, for an import, an
// item the import added (both null: its content is the file's, reconstructible from the
// current state and the later revisions).
struct RevisionChange {
    qint64 revision = 0;
    QString entity; // "event", "source", "category", "relation" or "dataset"
    // An event's or source's uid, a category's row id, a relation's key (["FROM","type","TO"],
    // see EntitySnapshot::relationKey), "title" for the dataset.
    QString uid;
    QString field;
    QString oldValue;
    QString newValue;
    friend bool operator==(const RevisionChange &, const RevisionChange &) = default;
};

// One write to the store: its number (ascending), time (UTC), who made it and why, what kind
// of write it was and a one-line summary.
struct Revision {
    qint64 number = 0;
    QDateTime at;
    QString author;
    QString note;
    QString kind; // start, create, edit, delete, import, undo, redo, …
    QString summary;
    QList<RevisionChange> changes; // filled when asked for
    friend bool operator==(const Revision &, const Revision &) = default;
};

// Which revisions TimelineStore::revisions gives: those that touched an item (uid), by an
// author, in a time range (inclusive); empty members do not filter.
struct RevisionFilter {
    QString uid;
    QString author;
    QDateTime from;
    QDateTime to;
    bool withChanges = false;
};

// An event deleted and not stored now (TimelineStore::deletedEvents): its uid and title
// before the deletion, and the revision that deleted it with its time, author and note.
struct DeletedEvent {
    QString uid;
    QString title;
    qint64 revision = 0;
    QDateTime at;
    QString author;
    QString note;
    QString summary;
    friend bool operator==(const DeletedEvent &, const DeletedEvent &) = default;
};
