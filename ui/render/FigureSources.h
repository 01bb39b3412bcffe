#pragma once

// FigureSources: what an exported figure needs to cite the events it shows — per event, its
// sources in citation order (outlet, title, date, address). The caller fills it from the
// store (or by hand in tests and benchmarks); the figure only reads it.

#include "model/PartialDate.h"

#include <QHash>
#include <QList>
#include <QString>

class DatasetReads;
class TimelineStore;
struct CitedSource;

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
    // without sources are absent. One query per few hundred ids.
    [[nodiscard]] static Map load(const TimelineStore &store, const QList<qint64> &eventIds);
    // The same from a dataset held in memory (a figure as of an earlier revision).
    [[nodiscard]] static Map load(const DatasetReads &reads, const QList<qint64> &eventIds);

private:
    [[nodiscard]] static Map of(const QHash<qint64, QList<CitedSource>> &cited);
};
