#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

class TimelineStore;

// `changes --since rN|DATE-TIME [--json]`: what was added, changed or deleted since a point
// in the history, item by item, with the fields changed and who last changed it when. For a
// researcher deciding whether a published figure is out of date.
namespace ChangesCommand {

[[nodiscard]] QString usage();
int changes(const TimelineStore &store, const QString &since, bool json, QTextStream &out,
            QTextStream &err);

} // namespace ChangesCommand
