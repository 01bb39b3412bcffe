#pragma once

#include "model/Relation.h"

#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QString>

class JsonWriter;

// The native file's "relations" array (docs/formats.md#relations): each relation as
// {"from": event uid, "to": event uid, "type": "rescinds", "note": "…",
//  "sources": [{"source": uid, "quote": "…", "locator": "…"}]}.
namespace NativeJsonRelations {

// What is wrong with one relation of the file: its index in the array, the field and why.
struct Problem {
    qsizetype index = -1;
    QString field;
    QString message;
};

// Reads the array; both events and every cited source must be in the file, an event cannot
// answer itself, and a relation (its two events and type) appears once.
[[nodiscard]] bool read(const QJsonArray &array, const QSet<QString> &eventUids,
                        const QSet<QString> &sourceUids, QList<Relation> *out, Problem *problem);
void writeRelation(JsonWriter &json, const Relation &relation);
// A list of citations as the file writes them, an event's as a relation's:
// [{"source": uid, "quote": "…", "locator": "…"}].
void writeCitations(JsonWriter &json, const QList<Citation> &citations);

} // namespace NativeJsonRelations
