#pragma once

// TimelineTheme: the colours and mark styles of the timeline, as a value. Three themes:
// light (the screen default), dark, and print — greyscale-safe: lanes alternate in tone,
// categories get distinct mark shapes as well as tones, and statuses are outline styles
// (dashed = reported, hatched = disputed), so nothing depends on colour alone.
// Geometry lives in LayoutOptions; a theme never changes where things are.

#include "model/Category.h"
#include "model/EventStatus.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

struct TimelineTheme {
    enum class Kind : quint8 { Light, Dark, Print };
    enum class Shape : quint8 { Circle, Square, Diamond, TriangleUp, TriangleDown, Hexagon };

    [[nodiscard]] static TimelineTheme light();
    [[nodiscard]] static TimelineTheme dark();
    [[nodiscard]] static TimelineTheme print();
    // "light", "dark" or "print"; std::nullopt otherwise.
    [[nodiscard]] static std::optional<TimelineTheme> fromName(QStringView name);

    Kind kind = Kind::Light;
    QString name;
    QColor background;
    QColor laneBand;
    QColor laneBandAlt;
    QColor laneSeparator;
    QColor headerBackground;
    QColor headerText;
    QColor headerDetail;
    QColor axisBackground;
    QColor axisText;
    QColor axisContextText;
    QColor axisLine;
    QColor gridMinor;
    QColor gridMajor;
    QColor labelText;
    QColor labelMuted;
    QColor clusterFill;
    QColor clusterBorder;
    QColor clusterText;
    QColor density;
    QColor today;
    QColor selection;
    QColor hover;
    QColor neutralMark;          // events without a category
    QColor badge;                // the unsourced "?" badge
    bool categoryShapes = false; // distinct mark shapes per category (print)

    // The colour an event of `category` wears in this theme (-1: no category).
    [[nodiscard]] QColor categoryColor(const QList<Category> &categories, int category) const;
    [[nodiscard]] Shape shapeFor(int category) const;
    // Fill and outline of a point mark: exact values (tests compare pixels with them).
    [[nodiscard]] QColor markFill(QColor base, EventStatus status) const;
    [[nodiscard]] QColor markOutline(QColor base, EventStatus status) const;
    // Fill of a range bar (strong) or a partial-date bar (soft).
    [[nodiscard]] QColor barFill(QColor base, bool soft) const;
};
