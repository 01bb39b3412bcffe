#pragma once

#include "model/Dataset.h"

#include <QList>
#include <QString>

// What a careful editor would want to look at in a dataset: facts without a source,
// sources nobody could find again, and dates that do not fit their sources.
struct HealthFinding {
    enum class Kind {
        UnsourcedEvent,         // an event no source reports
        OnlyUnaddressedSources, // every source of the event lacks an address (URL or DOI)
        SourceWithoutAddress,   // a source with neither URL nor DOI
        UncitedSource,          // a source no event cites
        EventAfterSources,      // the event is dated after every citing source was published
        DuplicateSources,       // two sources that are the same article (SourceMatcher's rule)
        UnsafeAddress,          // a javascript:, vbscript:, file: or data: address
        BackwardRelation,       // a response dated before what it answers
        RelationCycle,          // relations that lead back to where they started
        UnsourcedRelation,      // a relation no source supports
    };

    Kind kind;
    QString subjectUid; // the event or source the finding is about (a relation's: its from)
    QString otherUid;   // the second source of a duplicate pair; a relation's other event
    QString message;    // one line for people

    friend bool operator==(const HealthFinding &, const HealthFinding &) = default;
};

[[nodiscard]] QString healthKindKey(HealthFinding::Kind kind); // "unsourced-event", ...

class DatasetHealth {
public:
    [[nodiscard]] static QList<HealthFinding> check(const Dataset &dataset);
    // True when the findings include something that makes `check` fail (an unsourced event).
    [[nodiscard]] static bool hasErrors(const QList<HealthFinding> &findings);
};
