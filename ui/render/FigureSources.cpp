#include "ui/render/FigureSources.h"

#include "model/DatasetReads.h"
#include "model/store/TimelineStore.h"

using namespace Qt::StringLiterals;

QString FigureSource::address() const {
    if (!url.trimmed().isEmpty())
        return url.trimmed();
    const QString d = doi.trimmed();
    if (d.isEmpty())
        return {};
    if (d.startsWith(u"http"_s, Qt::CaseInsensitive))
        return d;
    return u"https://doi.org/"_s + d;
}

FigureSources::Map FigureSources::load(const TimelineStore &store, const QList<qint64> &eventIds) {
    // A read that fails is recorded in the store: the caller checks store.readError().
    return of(store.citationsFor(eventIds));
}

FigureSources::Map FigureSources::load(const DatasetReads &reads, const QList<qint64> &eventIds) {
    return of(reads.citationsFor(eventIds));
}

FigureSources::Map FigureSources::of(const QHash<qint64, QList<CitedSource>> &cited) {
    Map map;
    map.reserve(cited.size());
    for (auto it = cited.cbegin(); it != cited.cend(); ++it) {
        QList<FigureSource> &sources = map[it.key()];
        sources.reserve(it.value().size());
        for (const CitedSource &source : it.value())
            sources.append(FigureSource{source.id, source.outlet, source.title, source.published,
                                        source.url, source.doi});
    }
    return map;
}
