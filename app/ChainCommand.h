#pragma once

#include <QString>
#include <QTextStream>

class TimelineStore;

// `chiptimeline chain EVENT-UID [--json]`: a policy's lineage, the events connected to one
// event through relations (either way), in time order, each with what it answers and the
// sources that say so. Exit codes are CommandLine's: 0, 1 failure (no such event).
class ChainCommand {
public:
    [[nodiscard]] static int run(const TimelineStore &store, const QString &uid, bool json,
                                 QTextStream &out, QTextStream &err);
};
