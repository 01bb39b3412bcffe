#pragma once

#include "model/DataTranslations.h"
#include "model/EventStatus.h"
#include "model/PartialDate.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// The link between an event and a source that reports it: the supporting passage (in the
// source's own language) and where in the source it stands.
struct Citation {
    QString sourceUid;
    QString quote;
    QString locator; // "para. 3", "p. 12", ...

    friend bool operator==(const Citation &, const Citation &) = default;
};

// The version of the stored row a read saw: the server's `row_version`, which the server raises
// on every UPDATE of the row, whoever sends it; 0 where the store keeps none (SQLite) or the
// event was not read from a store. It tells when the event was read, not what it is, so it
// takes no part in comparing events: two reads of the same event compare equal.
struct RowVersion {
    qint64 value = 0;

    friend bool operator==(const RowVersion &, const RowVersion &) { return true; }
};

// One thing that happened. A point event has only `start`; a range has `end` as well.
// Either date may be of year, month or day precision.
struct Event {
    qint64 id = 0;
    QString uid;
    QString title;
    QString summary; // Markdown
    PartialDate start;
    PartialDate end;  // invalid for a point event
    QString category; // Category::name
    EventStatus status = EventStatus::Confirmed;
    int importance = 2; // 1 (minor) .. 3 (major)
    QStringList actors;
    QStringList chips;
    QStringList tags;
    QList<Citation> citations;
    EventTranslations translations = {}; // title and summary in other languages, by language
    QDateTime created;
    QDateTime modified;
    RowVersion rowVersion; // as read; a write checks it (StoreChanges::expectRowVersion)

    [[nodiscard]] bool isRange() const { return end.isValid(); }
    // First and last Julian day the event covers (a partial date covers its whole span).
    [[nodiscard]] qint64 firstJulianDay() const { return start.firstJulianDay(); }
    [[nodiscard]] qint64 lastJulianDay() const {
        return end.isValid() ? end.lastJulianDay() : start.lastJulianDay();
    }

    friend bool operator==(const Event &, const Event &) = default;
};
