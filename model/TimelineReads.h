#pragma once

#include "model/Category.h"
#include "model/EventFilter.h"
#include "model/PartialDate.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

class TimelineData;

// What a source cited by an event shows in a figure's notes (see FigureSources): the source
// row's id, outlet, title, date and addresses, in the event's citation order.
struct CitedSource {
    qint64 id = 0;
    QString outlet;
    QString title;
    PartialDate published;
    QString url;
    QString doi;
    friend bool operator==(const CitedSource &, const CitedSource &) = default;
};

// The reads a figure, and the filter names that select its events, make of a timeline.
// Every TimelineStore answers them, and so does a dataset held in memory (DatasetReads: a
// figure as of an earlier revision), with the same answers for the same timeline.
class TimelineReads {
public:
    virtual ~TimelineReads() = default;

    [[nodiscard]] virtual QList<Category> categories() const = 0;
    [[nodiscard]] virtual QStringList actorNames() const = 0;
    [[nodiscard]] virtual QStringList chipNames() const = 0;
    // The row ids of the events a filter selects, ascending (no Event objects are built).
    [[nodiscard]] virtual std::vector<qint64> eventIds(const EventFilter &filter) const = 0;
    // The events a filter selects as the compact TimelineData the timeline draws, read row by
    // row without building Event objects (see TimelineDataQuery).
    [[nodiscard]] virtual TimelineData timelineData(const EventFilter &filter) const = 0;
    // The title of every event translated into `language` ("de"), by row id; events without
    // one are absent (what a window or figure in that language shows instead of the title).
    [[nodiscard]] virtual QHash<qint64, QString>
    translatedTitles(const QString &language) const = 0;
    // The sources each of the given events cites, in its citation order; events without
    // sources are absent (what a figure's notes cite).
    [[nodiscard]] virtual QHash<qint64, QList<CitedSource>>
    citationsFor(const QList<qint64> &eventIds) const = 0;
};
