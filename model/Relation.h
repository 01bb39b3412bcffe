#pragma once

#include "model/Event.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

// How one event answers another in a policy's lineage. The relation points from the later
// event to the earlier one it answers: "the May 2025 guidance *rescinds* the AI Diffusion Rule".
enum class RelationType : quint8 {
    RespondsTo = 0,
    Amends = 1,
    Replaces = 2,
    Rescinds = 3,
    Implements = 4,
    FollowsFrom = 5,
};

// The file's and the command line's words: "responds-to", "amends", "replaces", "rescinds",
// "implements", "follows-from".
[[nodiscard]] QString relationTypeKey(RelationType type);
[[nodiscard]] std::optional<RelationType> relationTypeFromKey(QStringView key);
[[nodiscard]] QStringList relationTypeKeys();
// Read from the event that points: "responds to", "rescinds" (translated).
[[nodiscard]] QString relationTypeLabel(RelationType type);
// Read from the event pointed at: "answered by", "rescinded by" (translated).
[[nodiscard]] QString relationTypeInverseLabel(RelationType type);
// True for the types that end the earlier event's force: it is rescinded or replaced.
[[nodiscard]] bool relationEndsForce(RelationType type);

// A typed link between two events, with the evidence for it like any other claim: the
// sources that say "China's ban answers the US rule", each with its quote and locator.
// A relation is identified by its two events and its type.
struct Relation {
    QString fromUid; // the later event: the response, the amendment, the rescission
    QString toUid;   // the event it answers
    RelationType type = RelationType::RespondsTo;
    QString note;
    QList<Citation> citations;

    [[nodiscard]] bool sameKey(const Relation &other) const {
        return fromUid == other.fromUid && toUid == other.toUid && type == other.type;
    }
    friend bool operator==(const Relation &, const Relation &) = default;
};
