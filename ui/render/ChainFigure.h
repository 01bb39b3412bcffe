#pragma once

// A policy's lineage as a figure: `export --chain EVENT-UID` and Export Image's "only the
// chain of the selected event" draw the same thing through this one unit. Of the events a
// figure would draw, only those of the chain stay; the chain's relations become the figure's
// arcs, and the notes cite each relation's sources with the event that points.

#include "model/RelationChain.h"
#include "model/TimelineData.h"
#include "ui/render/FigureSources.h"
#include "ui/render/RelationArcs.h"

#include <QList>
#include <QString>

#include <optional>

class TimelineStore;

struct ChainFigure {
    RelationChain chain;
    TimelineData data;          // the chain's events of the data given
    FigureSources::Map sources; // their sources, and the relations' sources
    QList<RelationArc> arcs;    // one per relation of the chain, in its order

    // The chain around the event `uid`, drawn from `data` (the events the figure would show).
    // nullopt when there is no such event or when a read failed: the store's readError()
    // tells the two apart.
    [[nodiscard]] static std::optional<ChainFigure>
    of(const TimelineStore &store, const QString &uid, const TimelineData &data);
};
