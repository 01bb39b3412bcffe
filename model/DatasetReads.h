#pragma once

#include "model/Dataset.h"
#include "model/EventFilter.h"
#include "model/TimelineData.h"
#include "model/TimelineReads.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

// The reads a figure makes of a timeline, answered from a whole Dataset held in memory the
// way a store that holds that dataset answers them (TimelineStore::timelineData,
// citationsFor, translatedTitles, eventIds and the name lists): the same events selected, the
// same days, flags, names and citations, in the same order.
//
// What it is for: a figure drawn as of an earlier revision (`export --as-of`, `reproduce`)
// draws from the dataset of then (::datasetAsOf), instead of first filling a temporary store
// with it, which cost three times the drawing at 100k events (docs/benchmarks.md, History).
//
// What it cannot answer: a full-text query (it has no search index). canSelect() says so;
// such a figure is drawn from a store of then (::storeAsOf).
//
// Name tables hold the names the dataset's events use, in the store's order (case-folded as
// SQLite's NOCASE folds, then exactly); a store keeps names no event uses any more, which only
// an actor or chip lane with nothing in it could show.
class DatasetReads : public TimelineReads {
public:
    explicit DatasetReads(Dataset dataset);

    [[nodiscard]] static bool canSelect(const EventFilter &filter) {
        return filter.query.trimmed().isEmpty();
    }

    // TimelineReads; a filter here has no full-text query (canSelect(filter) true).
    [[nodiscard]] TimelineData timelineData(const EventFilter &filter) const override;
    [[nodiscard]] std::vector<qint64> eventIds(const EventFilter &filter) const override;
    [[nodiscard]] QHash<qint64, QString> translatedTitles(const QString &language) const override;
    [[nodiscard]] QHash<qint64, QList<CitedSource>>
    citationsFor(const QList<qint64> &eventIds) const override;
    [[nodiscard]] QList<Category> categories() const override { return m_dataset.categories; }
    [[nodiscard]] QStringList actorNames() const override { return m_actorNames; }
    [[nodiscard]] QStringList chipNames() const override { return m_chipNames; }

private:
    [[nodiscard]] bool selects(const Event &event, const EventFilter &filter) const;

    Dataset m_dataset;
    QHash<QString, const Source *> m_sourceByUid;
    QHash<qint64, const Event *> m_eventById;
    QStringList m_actorNames; // every name an event uses, in the store's order
    QStringList m_chipNames;
    QHash<qint64, qint64> m_forceEndDays; // as RelationRows::forceEndDays
};
