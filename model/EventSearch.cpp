#include "model/EventSearch.h"

#include "model/SearchQuery.h"
#include "model/TimelineStore.h"

#include <QHash>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Column weights for bm25: a word in the title counts most, then the names (actors, chips,
// tags), then the summary. Sources: title, outlet, excerpt, notes (not searched), quotes.
constexpr auto EventRank = "bm25(event_fts, 10.0, 3.0, 5.0)";
constexpr auto SourceRank = "bm25(source_fts, 10.0, 2.0, 4.0, 0.0, 4.0)";
constexpr int SnippetTokens = 16;

// Sources are searched in every column but the curator's notes.
QString sourceMatch(const QString &expression) {
    return u"{title outlet excerpt quotes} : ("_s + expression + u')';
}

void bindAll(QSqlQuery &query, const QVariantMap &bindings) {
    for (auto it = bindings.cbegin(); it != bindings.cend(); ++it)
        query.bindValue(it.key(), it.value());
}

QString idList(const QList<qint64> &ids) {
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(u',');
}

void bindMarkers(QSqlQuery &query) {
    query.bindValue(u":open"_s, QString(EventSearch::MatchStart));
    query.bindValue(u":close"_s, QString(EventSearch::MatchEnd));
    query.bindValue(u":ellipsis"_s, QString(EventSearch::Ellipsis));
}

bool isMarked(const QString &text) {
    return text.contains(EventSearch::MatchStart);
}

// The best `limit` matches without a filter, from the full-text index alone: joining every
// match to `event` for the tie-break (time order) costs as much as ranking them. The index
// gives the best few by rank; only those are put in time order within equal ranks. When
// the equal ranks at the cut run on past the rows fetched, which of them make the cut
// depends on dates not looked at: `hits` then holds more than `limit` rows and the caller
// ranks again with the join.
bool rankedWithoutFilter(const QSqlDatabase &db, const QString &expression, int limit,
                         QList<EventSearch::EventHit> *hits) {
    QSqlQuery ranked(db);
    ranked.setForwardOnly(true);
    ranked.prepare(u"SELECT rowid, %1 AS r FROM event_fts WHERE event_fts MATCH :search "
                   "ORDER BY r LIMIT :limit"_s.arg(QLatin1StringView(EventRank)));
    ranked.bindValue(u":search"_s, expression);
    // A few more than asked for, so that a small group of equal ranks at the cut is seen
    // whole and ordered here.
    const int fetch = limit * 4 + 16;
    ranked.bindValue(u":limit"_s, fetch);
    if (!ranked.exec())
        return false;
    while (ranked.next())
        *hits << EventSearch::EventHit{
            ranked.value(0).toLongLong(), ranked.value(1).toDouble(), {}, {}};
    ranked.finish();
    if (hits->size() == fetch && hits->constLast().rank == hits->at(limit - 1).rank)
        return true; // the equal ranks at the cut may go on beyond what was fetched
    // Time order within equal ranks: the dates of just these rows.
    QHash<qint64, std::pair<qint64, qint64>> when;
    QList<qint64> ids;
    for (const EventSearch::EventHit &hit : std::as_const(*hits))
        ids << hit.eventId;
    QSqlQuery dates(db);
    dates.setForwardOnly(true);
    if (!dates.exec(u"SELECT id, first_day FROM event WHERE id IN (%1)"_s.arg(idList(ids))))
        return false;
    while (dates.next()) {
        const qint64 id = dates.value(0).toLongLong();
        when.insert(id, {dates.value(1).toLongLong(), id});
    }
    std::stable_sort(hits->begin(), hits->end(),
                     [&when](const EventSearch::EventHit &a, const EventSearch::EventHit &b) {
                         if (a.rank != b.rank)
                             return a.rank < b.rank;
                         return when.value(a.eventId) < when.value(b.eventId);
                     });
    if (hits->size() > limit)
        hits->resize(limit);
    return true;
}

} // namespace

EventFilter EventSearch::withSearchText(EventFilter filter, QStringView userText) {
    filter.query = SearchQuery::toFtsExpression(userText);
    return filter;
}

QList<EventSearch::EventHit> EventSearch::searchEvents(const TimelineStore &store,
                                                       const QString &userText,
                                                       const EventFilter &filter, int limit,
                                                       QString *hint) {
    const QString expression = SearchQuery::toFtsExpression(userText, hint);
    if (expression.isEmpty() || limit <= 0)
        return {};
    EventFilter rest = filter;
    rest.query.clear();
    QVariantMap bindings;
    const QString where = TimelineStore::filterSql(rest, bindings);
    bindings.insert(u":search"_s, expression);
    bindings.insert(u":limit"_s, limit);

    // First the ranking alone, then highlights for the few rows kept: SQLite would compute
    // the select list for every match before sorting.
    const QSqlDatabase db = store.database();
    QList<EventHit> hits;
    if (where.isEmpty() && !rankedWithoutFilter(db, expression, limit, &hits))
        return {};
    if (!where.isEmpty() || hits.size() > limit) {
        // With a filter, or when equal ranks straddle the limit: rank and break ties in time
        // order over the matching rows joined to their events.
        hits.clear();
        QSqlQuery ranked(db);
        ranked.setForwardOnly(true);
        ranked.prepare(
            u"SELECT event_fts.rowid, %1 AS r FROM event_fts "
            "JOIN event e ON e.id = event_fts.rowid "
            "WHERE event_fts MATCH :search%2 ORDER BY r, e.first_day, e.id LIMIT :limit"_s.arg(
                QLatin1StringView(EventRank), where.isEmpty() ? QString() : u" AND "_s + where));
        bindAll(ranked, bindings);
        if (!ranked.exec())
            return hits;
        while (ranked.next())
            hits << EventHit{ranked.value(0).toLongLong(), ranked.value(1).toDouble(), {}, {}};
    }
    if (hits.isEmpty())
        return hits;

    QHash<qint64, qsizetype> indexOf;
    QList<qint64> ids;
    for (qsizetype i = 0; i < hits.size(); ++i) {
        indexOf.insert(hits[i].eventId, i);
        ids << hits[i].eventId;
    }
    QSqlQuery marked(db);
    marked.setForwardOnly(true);
    marked.prepare(u"SELECT rowid, highlight(event_fts, 0, :open, :close), "
                   "snippet(event_fts, 1, :open, :close, :ellipsis, %1) "
                   "FROM event_fts WHERE event_fts MATCH :search AND rowid IN (%2)"_s.arg(
                       QString::number(SnippetTokens), idList(ids)));
    marked.bindValue(u":search"_s, expression);
    bindMarkers(marked);
    if (marked.exec()) {
        while (marked.next()) {
            EventHit &hit = hits[indexOf.value(marked.value(0).toLongLong())];
            hit.title = marked.value(1).toString();
            hit.snippet = marked.value(2).toString();
        }
    }
    return hits;
}

int EventSearch::countEvents(const TimelineStore &store, const QString &userText,
                             const EventFilter &filter) {
    const EventFilter searched = withSearchText(filter, userText);
    EventFilter rest = searched;
    rest.query.clear();
    QVariantMap bindings;
    if (!searched.query.isEmpty() && TimelineStore::filterSql(rest, bindings).isEmpty()) {
        // No other condition: the index alone knows how many rows match.
        QSqlQuery query(store.database());
        query.prepare(u"SELECT count(*) FROM event_fts WHERE event_fts MATCH :search"_s);
        query.bindValue(u":search"_s, searched.query);
        return query.exec() && query.next() ? query.value(0).toInt() : 0;
    }
    bindings.clear();
    const QString where = TimelineStore::filterSql(searched, bindings);
    QSqlQuery query(store.database());
    query.prepare(u"SELECT count(*) FROM event e"_s +
                  (where.isEmpty() ? QString() : u" WHERE "_s + where));
    bindAll(query, bindings);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

QList<EventSearch::SourceHit> EventSearch::searchSources(const TimelineStore &store,
                                                         const QString &userText, int limit,
                                                         QString *hint) {
    const QString expression = SearchQuery::toFtsExpression(userText, hint);
    if (expression.isEmpty() || limit <= 0)
        return {};
    const QString match = sourceMatch(expression);
    const QSqlDatabase db = store.database();
    QSqlQuery ranked(db);
    ranked.setForwardOnly(true);
    ranked.prepare(u"SELECT rowid, %1 AS r FROM source_fts WHERE source_fts MATCH :search "
                   "ORDER BY r, rowid LIMIT :limit"_s.arg(QLatin1StringView(SourceRank)));
    ranked.bindValue(u":search"_s, match);
    ranked.bindValue(u":limit"_s, limit);
    QList<SourceHit> hits;
    if (!ranked.exec())
        return hits;
    while (ranked.next())
        hits << SourceHit{ranked.value(0).toLongLong(), ranked.value(1).toDouble(), {}, {}};
    if (hits.isEmpty())
        return hits;

    QHash<qint64, qsizetype> indexOf;
    QList<qint64> ids;
    for (qsizetype i = 0; i < hits.size(); ++i) {
        indexOf.insert(hits[i].sourceId, i);
        ids << hits[i].sourceId;
    }
    QSqlQuery marked(db);
    marked.setForwardOnly(true);
    marked.prepare(u"SELECT rowid, highlight(source_fts, 0, :open, :close), "
                   "snippet(source_fts, 2, :open, :close, :ellipsis, %1), "
                   "snippet(source_fts, 4, :open, :close, :ellipsis, %1), "
                   "highlight(source_fts, 1, :open, :close) "
                   "FROM source_fts WHERE source_fts MATCH :search AND rowid IN (%2)"_s.arg(
                       QString::number(SnippetTokens), idList(ids)));
    marked.bindValue(u":search"_s, match);
    bindMarkers(marked);
    if (marked.exec()) {
        while (marked.next()) {
            SourceHit &hit = hits[indexOf.value(marked.value(0).toLongLong())];
            hit.title = marked.value(1).toString();
            const QString excerpt = marked.value(2).toString();
            const QString quotes = marked.value(3).toString();
            const QString outlet = marked.value(4).toString();
            // The passage that shows the match; failing that, whatever text there is.
            if (isMarked(excerpt))
                hit.snippet = excerpt;
            else if (isMarked(quotes))
                hit.snippet = quotes;
            else if (isMarked(outlet))
                hit.snippet = outlet;
            else
                hit.snippet = excerpt.isEmpty() ? quotes : excerpt;
        }
    }
    return hits;
}

int EventSearch::countSources(const TimelineStore &store, const QString &userText) {
    const QString expression = SearchQuery::toFtsExpression(userText);
    if (expression.isEmpty())
        return 0;
    QSqlQuery query(store.database());
    query.prepare(u"SELECT count(*) FROM source_fts WHERE source_fts MATCH :search"_s);
    query.bindValue(u":search"_s, sourceMatch(expression));
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

QString EventSearch::toHtml(QStringView marked) {
    QString html = marked.toString().toHtmlEscaped();
    html.replace(MatchStart, u"<b>"_s);
    html.replace(MatchEnd, u"</b>"_s);
    return html;
}

QString EventSearch::toBrackets(QStringView marked) {
    QString text = marked.toString();
    text.replace(MatchStart, u'[');
    text.replace(MatchEnd, u']');
    return text;
}

QString EventSearch::toPlain(QStringView marked) {
    QString text = marked.toString();
    text.remove(MatchStart);
    text.remove(MatchEnd);
    return text;
}
