#pragma once

// FigureSources: what an exported figure needs to cite the events it shows — per event, its
// sources in citation order (outlet, title, date, address). The caller fills it from the
// store (or by hand in tests and benchmarks); the figure only reads it.

#include "model/PartialDate.h"

#include <QHash>
#include <QList>
#include <QString>

class TimelineReads;

struct FigureSource {
    qint64 id = 0; // source row id: the same source cited twice is written out once
    QString outlet;
    QString title;
    PartialDate published;
    QString url;
    QString doi;

    // The address a reader can follow: the URL, or https://doi.org/… for a DOI; empty if none.
    [[nodiscard]] QString address() const;
    friend bool operator==(const FigureSource &, const FigureSource &) = default;
};

class FigureSources {
public:
    using Map = QHash<qint64, QList<FigureSource>>; // event id → its sources

    // The sources of the given events, each list in the event's citation order. Events
    // without sources are absent. From a store, one query per few hundred ids; a dataset
    // held in memory (DatasetReads) answers the same.
    [[nodiscard]] static Map load(const TimelineReads &reads, const QList<qint64> &eventIds);
};
