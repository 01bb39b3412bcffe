#include "ui/render/ChainFigure.h"

#include "model/store/TimelineStore.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <vector>

std::optional<ChainFigure> ChainFigure::of(const TimelineStore &store, const QString &uid,
                                           const TimelineData &data) {
    const std::optional<Event> start = store.eventByUid(uid);
    if (!start || store.readError().isError())
        return std::nullopt;
    ChainFigure figure;
    figure.chain = store.relationChain(uid);
    if (store.readError().isError())
        return std::nullopt;
    QHash<QString, qint64> idOf;
    for (const QString &member : std::as_const(figure.chain.eventUids))
        if (const std::optional<Event> event = store.eventByUid(member))
            idOf.insert(member, event->id);
    const QSet<qint64> members(idOf.cbegin(), idOf.cend());
    std::vector<quint32> kept;
    for (qsizetype i = 0; i < data.size(); ++i)
        if (members.contains(data.id(i)))
            kept.push_back(quint32(i));
    figure.data = data.subset(kept);
    QList<qint64> ids;
    for (const quint32 i : kept)
        ids << data.id(i);
    figure.sources = FigureSources::load(store, ids);
    for (const Relation &relation : std::as_const(figure.chain.relations)) {
        const RelationArc arc{idOf.value(relation.fromUid), idOf.value(relation.toUid),
                              relationTypeLabel(relation.type)};
        figure.arcs << arc;
        QList<FigureSource> &cited = figure.sources[arc.fromId];
        for (const Citation &citation : relation.citations) {
            const std::optional<Source> source = store.sourceByUid(citation.sourceUid);
            if (!source || std::any_of(cited.cbegin(), cited.cend(),
                                       [&](const FigureSource &s) { return s.id == source->id; }))
                continue;
            cited << FigureSource{source->id,        source->outlet, source->title,
                                  source->published, source->url,    source->doi};
        }
    }
    if (store.readError().isError())
        return std::nullopt;
    return figure;
}
