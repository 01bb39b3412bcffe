#pragma once

// The user's preferences (Edit → Preferences…) and the QSettings keys they live under, in
// one place: ~/.config/ChipTimeline/chiptimeline.conf on Linux (the organisation and
// application names main() sets). Values are stored as words ("dark", "a4", "short"), so
// the file reads plainly; a word this version does not know reads as the default.
// No widgets and no store: anything may ask for the author name.

#include "ui/render/ImageExporter.h"
#include "ui/render/TimelineFigure.h"
#include "ui/render/TimelineTheme.h"

#include <QString>
#include <QStringView>

namespace AppSettings {

// The keys (QSettings takes them as QAnyStringView).
inline constexpr QStringView themeKey = u"preferences/theme";
inline constexpr QStringView exportSizeKey = u"preferences/exportSize";
inline constexpr QStringView exportThemeKey = u"preferences/exportTheme";
inline constexpr QStringView exportNotesKey = u"preferences/exportNotes";
inline constexpr QStringView authorNameKey = u"preferences/authorName";
inline constexpr QStringView languageKey = u"preferences/language";
// The window's geometry and docks, per screen layout (WindowMemory): under
// windowLayouts/<layout id>/, and the last saved under window/ for a layout seen first.
inline constexpr QStringView windowLayoutsGroup = u"windowLayouts";
inline constexpr QStringView windowScreensKey = u"screens";
inline constexpr QStringView windowGeometryKey = u"geometry";
inline constexpr QStringView windowStateKey = u"state";
inline constexpr QStringView lastWindowGeometryKey = u"window/geometry";
inline constexpr QStringView lastWindowStateKey = u"window/state";

// The window's look: the platform's palette, or light or dark whatever the platform says.
enum class Theme : quint8 { System, Light, Dark };
// The language of the menus and dialogs, read at start.
enum class Language : quint8 { System, English, German };

struct Preferences {
    Theme theme = Theme::System;
    // Where File → Export Image… starts: size, theme and source notes.
    ExportRequest::Preset exportSize = ExportRequest::Preset::Slide;
    TimelineTheme::Kind exportTheme = TimelineTheme::Kind::Light;
    FigureOptions::NoteStyle exportNotes = FigureOptions::NoteStyle::Full;
    // Empty: the system user name (see authorName()).
    QString authorName;
    Language language = Language::System;

    friend bool operator==(const Preferences &, const Preferences &) = default;
};

[[nodiscard]] Preferences load();
void save(const Preferences &preferences);

// The name the change history records: the one set in Preferences, else the system user
// name.
[[nodiscard]] QString authorName();
// The login name of the user running the program ("" when the system has none).
[[nodiscard]] QString systemUserName();
// The language chosen in Preferences: "en", "de", or "" for the system's.
[[nodiscard]] QString languageCode();

// The words stored for each value.
[[nodiscard]] QString themeName(Theme theme);
[[nodiscard]] QString languageName(Language language);

} // namespace AppSettings
