#pragma once

// FigureText: line breaking for a figure's own text (title, subtitle, notes). Widths are
// measured with the metrics the text is drawn with. Addresses are never cut in the middle
// with "…": a word wider than the line (an address) breaks after '/', '.', '-', '?', '&', …,
// and each piece of an address keeps its link, so a PDF or SVG reader can still follow it.

#include "model/PartialDate.h"

#include <QFontMetricsF>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

struct FigureRun {
    QString text;
    QString href; // empty: plain text
    friend bool operator==(const FigureRun &, const FigureRun &) = default;
};
using FigureLine = QList<FigureRun>;

class FigureText {
public:
    // Greedy breaking at spaces; words wider than a line break after address characters.
    [[nodiscard]] static QStringList wrap(const QString &text, const QFontMetricsF &fm,
                                          double width);
    // The same, as runs that keep their links: `segments` are consecutive pieces of one text
    // (a space inside or between them is a break opportunity, none means they stick together).
    [[nodiscard]] static QList<FigureLine> wrapRuns(const QList<FigureRun> &segments,
                                                    const QFontMetricsF &fm, double width);
    [[nodiscard]] static QString plain(const FigureLine &line);
    // A title as a figure shows it: whole up to MaxTitle characters (no real title is
    // longer), then shortened with "…", so a hostile megabyte cannot stall a layout.
    static constexpr qsizetype MaxTitle = 300;
    [[nodiscard]] static QString capped(const QString &text);
    // "12 Aug 2025", "Aug 2025", "2025": a date as precisely as it is known.
    [[nodiscard]] static QString dateText(qint64 julianDay, DatePrecision precision,
                                          const QLocale &locale);
};
