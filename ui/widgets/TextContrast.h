#pragma once

#include <QColor>

// WCAG 2 contrast between a text colour and its background, and a colour for text that
// reads on a background whatever the palette: light or dark.
namespace TextContrast {

// WCAG's 4.5:1 for normal text (success criterion 1.4.3, level AA).
constexpr double Minimum = 4.5;

// Relative luminance (WCAG 2: sRGB channels linearised, weighted 0.2126, 0.7152, 0.0722).
[[nodiscard]] double luminance(const QColor &color);
// (L1 + 0.05) / (L2 + 0.05), the lighter over the darker: 1 to 21.
[[nodiscard]] double ratio(const QColor &a, const QColor &b);
// `wanted` when it has `minimum` contrast on `background`; otherwise the first colour on the
// way from `wanted` to `text` (the palette's text colour, which reads on it) that has it, so
// a muted grey stays as muted as the palette allows.
[[nodiscard]] QColor readable(const QColor &wanted, const QColor &background, const QColor &text,
                              double minimum = Minimum);

} // namespace TextContrast
