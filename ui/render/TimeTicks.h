#pragma once

// TimeTicks: the two rows of the time axis. The major row is the finest calendar unit whose
// labels fit without touching (days, weeks, months, quarters, years, decades, centuries);
// the context row names the next coarser unit ("April 2025" over days, "2025" over months)
// and keeps its label in view while its span is (a "sticky" label). Pure and deterministic:
// the same scale, locale and font metrics give the same ticks.
//
// Day D (a QDate Julian day number) covers [D, D + 1) on the TimeScale. All x values are
// in the scale's coordinates (0 = left edge of the time area).
//
// Day and week ticks name a day ("11", or "4" for the week starting Monday 4 August), so
// they stand at the middle of that day, where its events' marks are drawn, with the label
// centred on them. Month and coarser ticks name a span: the line marks where it starts and
// the label sits inside it. No major label touches a context boundary line (those lines run
// through both rows).

#include "ui/render/TimeScale.h"

#include <QFontMetricsF>
#include <QList>
#include <QLocale>
#include <QString>

enum class TickUnit : quint8 { Day, Week, Month, Quarter, Year, Decade, Century };

struct TimeTick {
    qint64 day = 0; // Julian day where the unit starts (a week's Monday)
    // x of that boundary (may lie left of 0 for the first context tick); for day and week
    // ticks, x of the middle of `day`
    double x = 0;
    QString label;     // empty: boundary line only
    double labelX = 0; // left edge of the label
    double labelWidth = 0;
};

struct TimeTickRows {
    TickUnit unit = TickUnit::Year;
    TickUnit contextUnit = TickUnit::Decade;
    bool hasContext = true;
    QList<TimeTick> major;
    QList<TimeTick> context;
};

class TimeTicks {
public:
    // Minimum horizontal gap between two labels of a row, in pixels.
    static constexpr double LabelGap = 10.0;
    // Least room between a major label and a context boundary line, in pixels.
    static constexpr double BoundaryClearance = 2.0;

    [[nodiscard]] static TimeTickRows compute(const TimeScale &scale, const QLocale &locale,
                                              const QFontMetricsF &metrics);

    // The boundary at or before `day`, and the next boundary after `day`, for a unit.
    [[nodiscard]] static qint64 floorToUnit(qint64 day, TickUnit unit);
    [[nodiscard]] static qint64 nextBoundary(qint64 day, TickUnit unit);
    // The label of the unit starting at `day`. `longForm` for the roomier variant
    // ("April" rather than "Apr", "Mon 14" rather than "14", "April 2025" for context).
    [[nodiscard]] static QString label(qint64 day, TickUnit unit, const QLocale &locale,
                                       bool longForm, bool context = false);
    // Days in the shortest span of a unit (28 for a month): what a label must fit into.
    [[nodiscard]] static double minimumUnitDays(TickUnit unit);
};
