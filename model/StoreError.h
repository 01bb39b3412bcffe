#pragma once

#include <QString>

// Why the store refused to open a file or to carry out an action. `message` is one line
// that names the file, fit for a dialog or standard error.
struct StoreError {
    enum class Kind {
        None,
        NotADatabase, // not an SQLite file, or damaged beyond reading
        TooNew,       // written by a newer ChipTimeline
        ReadOnly,     // the file or its folder cannot be written
        Locked,       // another process holds a lock longer than the busy timeout
        Corrupt,      // SQLite reports corruption
        Invalid,      // the data given would break a rule (empty title, unknown source, ...)
        Io,           // anything else the database reported
        Stopped,      // the user stopped it (an import between two parts); nothing changed
        Unreachable,  // the connection to the server broke (TimelineStore::isConnectionLost)
    };

    Kind kind = Kind::None;
    QString message;

    [[nodiscard]] bool isError() const { return kind != Kind::None; }
};
