#include "ui/render/FigureSources.h"

#include "model/store/TimelineStore.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

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
    Map map;
    const QSqlDatabase db = store.database();
    // Ids are integers from the caller's data: written into the statement in chunks rather
    // than bound one placeholder each (SQLite limits the number of parameters).
    constexpr qsizetype Chunk = 500;
    for (qsizetype from = 0; from < eventIds.size(); from += Chunk) {
        QStringList ids;
        for (qsizetype i = from; i < std::min(from + Chunk, eventIds.size()); ++i)
            ids << QString::number(eventIds.at(i));
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(uR"(SELECT es.event_id, s.id, s.outlet, s.title, s.published, s.url, s.doi
                              FROM event_source es JOIN source s ON s.id = es.source_id
                             WHERE es.event_id IN (%1)
                             ORDER BY es.event_id, es.position)"_s.arg(ids.join(u',')))) {
            store.readFailed(query, u"event_source"_s); // the caller checks store.readError()
            continue;
        }
        while (query.next()) {
            FigureSource source;
            source.id = query.value(1).toLongLong();
            source.outlet = query.value(2).toString();
            source.title = query.value(3).toString();
            source.published =
                PartialDate::parseIso(query.value(4).toString()).value_or(PartialDate());
            source.url = query.value(5).toString();
            source.doi = query.value(6).toString();
            map[query.value(0).toLongLong()].append(source);
        }
        store.readFailed(query, u"event_source"_s); // the caller checks store.readError()
    }
    return map;
}
