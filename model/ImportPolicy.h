#pragma once

#include <QString>

// What an import does with a record that is already in the database (same uid, or for
// events without a known uid the same title and start date).
enum class ImportPolicy {
    Skip,     // keep what the database has
    Update,   // overwrite it with the file's version
    KeepBoth, // add the file's version as a new record with a new uid
};

// What an import did (or, for a preview, would do).
struct ImportSummary {
    int eventsAdded = 0;
    int eventsUpdated = 0;
    int eventsSkipped = 0;
    int sourcesAdded = 0;
    int sourcesUpdated = 0;
    int sourcesSkipped = 0;
    int categoriesAdded = 0;

    [[nodiscard]] QString toString() const {
        return QStringLiteral("events: %1 added, %2 updated, %3 skipped; "
                              "sources: %4 added, %5 updated, %6 skipped")
            .arg(eventsAdded)
            .arg(eventsUpdated)
            .arg(eventsSkipped)
            .arg(sourcesAdded)
            .arg(sourcesUpdated)
            .arg(sourcesSkipped);
    }
    friend bool operator==(const ImportSummary &, const ImportSummary &) = default;
};
