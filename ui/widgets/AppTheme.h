#pragma once

#include "ui/render/TimelineTheme.h"
#include "ui/widgets/AppSettings.h"

#include <QPalette>

// The window's theme (Edit → Preferences…): the application's palette, light or dark
// whatever the platform says, or the platform's own ("system", which keeps following it).
// Windows that draw with a TimelineTheme pick theirs from the palette they are given
// (timelineThemeFor), so a change applies at once to every open window.
namespace AppTheme {

// Sets the application's palette for `theme`.
void apply(AppSettings::Theme theme);
[[nodiscard]] QPalette lightPalette();
[[nodiscard]] QPalette darkPalette();
// Dark for a dark window background, light otherwise.
[[nodiscard]] TimelineTheme timelineThemeFor(const QPalette &palette);

} // namespace AppTheme
