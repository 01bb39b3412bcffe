#include "ui/render/FigureSources.h"

#include "model/TimelineReads.h"

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

FigureSources::Map FigureSources::load(const TimelineReads &reads, const QList<qint64> &eventIds) {
    // A store's read that fails is recorded in the store: the caller checks readError().
    const QHash<qint64, QList<CitedSource>> cited = reads.citationsFor(eventIds);
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
