#pragma once

// The words for a figure's options, one table for everything that writes or reads them: the
// command line (--lanes, --notes, --theme), the preferences file and the provenance record
// a figure carries. A word that names nothing gives nullopt.

#include "ui/render/TimelineFigure.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace FigureOptionNames {

[[nodiscard]] QString lanes(LaneGrouping lanes); // "category", "actor", "chip", "none"
[[nodiscard]] std::optional<LaneGrouping> lanesFromName(QStringView name);

[[nodiscard]] QString noteStyle(FigureOptions::NoteStyle style); // "full", "short", "none"
[[nodiscard]] std::optional<FigureOptions::NoteStyle> noteStyleFromName(QStringView name);

[[nodiscard]] QString theme(TimelineTheme::Kind kind); // "light", "dark", "print"

} // namespace FigureOptionNames
