// The PostgreSQL store: ranked full-text search over events and sources with PostgreSQL's
// own text search (the `chiptimeline_search` configuration: unaccent, then `simple`), the
// matches marked by ts_headline. Ranks are negated ts_rank, so lower is better as with
// SQLite's bm25; the weights are SQLite's (events: title 10, summary 3, names 5; sources:
// title 10, outlet and excerpt 2, quotes 4), scaled into ts_rank's {D, C, B, A}.

#include "model/SearchCompounds.h"
#include "model/TimelineData.h"
#include "model/store/postgres/PostgresTimelineStore.h"

#include <QRegularExpression>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;
using PostgresDetail::bindAll;

namespace {

const QString eventWeights = u"'{0.0, 0.5, 0.3, 1.0}'"_s;

// The first schema whose search table keeps each event's first day.
constexpr int SearchFirstDaySchema = 7;

// A source's words without the curator's notes, which search leaves out (as SQLite does).
const QString sourceVector = uR"((setweight(to_tsvector('chiptimeline_search', s.title), 'A') ||
      setweight(to_tsvector('chiptimeline_search', s.outlet || ' ' || s.excerpt), 'B') ||
      setweight(to_tsvector('chiptimeline_search', coalesce((
        SELECT string_agg(es.quote, ' ' ORDER BY es.event_id)
          FROM event_source es WHERE es.source_id = s.id), '')), 'C')))"_s;
const QString sourceWeights = u"'{0.0, 0.4, 0.2, 1.0}'"_s;

// A search's tsquery `q` (widened to compound words by SearchCompounds) and, when the
// widening added words, `w` (the words as typed) to rank by: a row that matches the words as
// typed ranks as it would without the widening; one found only through a longer word ranks
// below every such row, as in the SQLite store (SqliteSearchRank).
struct SearchQueries {
    QString widened;
    QString typed; // empty: not widened
    [[nodiscard]] bool tiered() const { return !typed.isEmpty(); }
    [[nodiscard]] QString from() const {
        return u"to_tsquery('chiptimeline_search', :search) q"_s +
               (tiered() ? u", to_tsquery('chiptimeline_search', :typed) w"_s : QString());
    }
    [[nodiscard]] QString rank(const QString &weights, const QString &vector) const {
        if (!tiered())
            return u"-ts_rank(%1, %2, q)"_s.arg(weights, vector);
        return u"(CASE WHEN %2 @@ w THEN -ts_rank(%1, %2, w) "
               "ELSE 1000 - 0.01 * ts_rank(%1, %2, q) END)"_s.arg(weights, vector);
    }
    void bind(QSqlQuery &query) const {
        query.bindValue(u":search"_s, widened);
        if (tiered())
            query.bindValue(u":typed"_s, typed);
    }
};

SearchQueries searchQueries(const PostgresTimelineStore &store, const QString &expression) {
    const QString widened = store.searchExpression(expression);
    SearchQueries queries{PostgresDetail::tsqueryFromFts(widened), {}};
    if (widened != expression)
        queries.typed = PostgresDetail::tsqueryFromFts(expression);
    return queries;
}

QString headlineOptions(bool whole) {
    const QString markers =
        u"StartSel=\"%1\", StopSel=\"%2\""_s.arg(EventSearch::MatchStart, EventSearch::MatchEnd);
    return whole ? markers + u", HighlightAll=true"_s
                 : markers + u", MaxWords=30, MinWords=15, ShortWord=0"_s;
}

// Matched words next to each other marked as one span, as FTS5 marks a phrase.
QString joinedMarks(QString marked) {
    static const QRegularExpression between(
        u"%1(\\s+)%2"_s.arg(EventSearch::MatchEnd, EventSearch::MatchStart));
    return marked.replace(between, u"\\1"_s);
}

// A passage of `whole` as ts_headline gives it, with an ellipsis where it was cut.
QString withEllipses(const QString &passage, const QString &whole) {
    if (passage.isEmpty())
        return passage;
    const QString plain = EventSearch::toPlain(passage).trimmed();
    const QString text = whole.trimmed();
    QString result = passage.trimmed();
    if (!text.startsWith(plain))
        result.prepend(EventSearch::Ellipsis);
    if (!text.endsWith(plain))
        result.append(EventSearch::Ellipsis);
    return result;
}

QString idArray(const QList<qint64> &ids) {
    QStringList texts;
    texts.reserve(ids.size());
    for (qint64 id : ids)
        texts << QString::number(id);
    return u"{"_s + texts.join(u',') + u"}"_s;
}

} // namespace

namespace {

// Titles and snippets with the matched words marked, for the hits kept.
void markEventHits(const PostgresTimelineStore &store, const QString &tsquery,
                   QList<EventSearch::EventHit> *hits) {
    if (hits->isEmpty())
        return;
    QHash<qint64, qsizetype> indexOf;
    QList<qint64> ids;
    for (qsizetype i = 0; i < hits->size(); ++i) {
        indexOf.insert(hits->at(i).eventId, i);
        ids << hits->at(i).eventId;
    }
    QSqlQuery marked(store.database());
    marked.setForwardOnly(true);
    marked.prepare(uR"(SELECT e.id, ts_headline('chiptimeline_search', e.title, q, :whole),
                              ts_headline('chiptimeline_search', e.summary, q, :part), e.summary
                         FROM event e, to_tsquery('chiptimeline_search', :search) q
                        WHERE e.id = ANY(CAST(:ids AS bigint[])))"_s);
    marked.bindValue(u":whole"_s, headlineOptions(true));
    marked.bindValue(u":part"_s, headlineOptions(false));
    marked.bindValue(u":search"_s, tsquery);
    marked.bindValue(u":ids"_s, idArray(ids));
    if (marked.exec()) {
        while (marked.next()) {
            EventSearch::EventHit &hit = (*hits)[indexOf.value(marked.value(0).toLongLong())];
            hit.title = joinedMarks(marked.value(1).toString());
            hit.snippet =
                joinedMarks(withEllipses(marked.value(2).toString(), marked.value(3).toString()));
        }
    }
    store.readFailed(marked, u"event"_s);
}

} // namespace

QList<EventSearch::EventHit> PostgresTimelineStore::searchEvents(const QString &expression,
                                                                 const EventFilter &filter,
                                                                 int limit) const {
    QList<EventSearch::EventHit> hits;
    const SearchQueries queries = searchQueries(*this, expression);
    const QString &tsquery = queries.widened;
    if (tsquery.isEmpty() || limit <= 0)
        return hits;
    EventFilter withoutQuery = filter;
    withoutQuery.query.clear();
    QVariantMap bindings;
    const QString where = filterSql(withoutQuery, bindings);
    QSqlQuery ranked(database());
    ranked.setForwardOnly(true);
    // The search table keeps each event's first day (schema 7), so without a filter the
    // matches are ranked and ordered from it alone; a filter, or an older timeline opened
    // read-only, reads the events too. The hits kept are marked (titles and snippets) by the
    // same statement: one round trip, not two.
    const bool withEvents = !where.isEmpty() || schemaVersion() < SearchFirstDaySchema;
    const QString day = schemaVersion() < SearchFirstDaySchema ? u"e"_s : u"s"_s;
    ranked.prepare(uR"(WITH ranked AS (
                           SELECT s.event_id, %1 AS r, %5.first_day AS day, q
                             FROM event_search s %4, %3
                            WHERE s.document @@ q %2
                            ORDER BY r, %5.first_day, s.event_id LIMIT :limit)
                       SELECT ranked.event_id, ranked.r,
                              ts_headline('chiptimeline_search', m.title, ranked.q, :whole),
                              ts_headline('chiptimeline_search', m.summary, ranked.q, :part),
                              m.summary
                         FROM ranked JOIN event m ON m.id = ranked.event_id
                        ORDER BY ranked.r, ranked.day, ranked.event_id)"_s.arg(
        queries.rank(eventWeights, u"s.document"_s),
        where.isEmpty() ? QString() : u"AND "_s + where, queries.from(),
        withEvents ? u"JOIN event e ON e.id = s.event_id"_s : QString(), day));
    bindAll(ranked, bindings);
    queries.bind(ranked);
    ranked.bindValue(u":limit"_s, limit);
    ranked.bindValue(u":whole"_s, headlineOptions(true));
    ranked.bindValue(u":part"_s, headlineOptions(false));
    if (ranked.exec())
        while (ranked.next())
            hits << EventSearch::EventHit{
                ranked.value(0).toLongLong(), ranked.value(1).toDouble(),
                joinedMarks(ranked.value(2).toString()),
                joinedMarks(withEllipses(ranked.value(3).toString(), ranked.value(4).toString()))};
    if (readFailed(ranked, u"event_search"_s))
        return {};
    return hits;
}

QList<EventSearch::EventHit> PostgresTimelineStore::searchEventsAmong(const QString &expression,
                                                                      const TimelineData &among,
                                                                      int limit) const {
    QList<EventSearch::EventHit> hits;
    const SearchQueries queries = searchQueries(*this, expression);
    const QString &tsquery = queries.widened;
    if (tsquery.isEmpty() || limit <= 0)
        return hits;
    // Every match ranked from the index alone, kept when it is among the snapshot's events.
    QHash<qint64, qsizetype> position;
    for (qsizetype i = 0; i < among.size(); ++i)
        position.insert(among.id(i), i);
    QSqlQuery ranked(database());
    ranked.setForwardOnly(true);
    ranked.prepare(uR"(SELECT s.event_id, %1 FROM event_search s, %2
                        WHERE s.document @@ q)"_s.arg(queries.rank(eventWeights, u"s.document"_s),
                                                      queries.from()));
    queries.bind(ranked);
    struct Kept {
        double rank;
        qint64 day;
        qint64 id;
    };
    std::vector<Kept> kept;
    if (ranked.exec()) {
        while (ranked.next()) {
            const auto found = position.constFind(ranked.value(0).toLongLong());
            if (found != position.cend())
                kept.push_back({ranked.value(1).toDouble(), among.firstDay(*found),
                                ranked.value(0).toLongLong()});
        }
    }
    if (readFailed(ranked, u"event_search"_s))
        return {};
    std::sort(kept.begin(), kept.end(), [](const Kept &a, const Kept &b) {
        return std::tie(a.rank, a.day, a.id) < std::tie(b.rank, b.day, b.id);
    });
    for (size_t i = 0; i < kept.size() && i < size_t(limit); ++i)
        hits << EventSearch::EventHit{kept[i].id, kept[i].rank, {}, {}};
    markEventHits(*this, tsquery, &hits);
    return hits;
}

int PostgresTimelineStore::countEvents(const QString &expression, const EventFilter &filter) const {
    EventFilter withoutQuery = filter;
    withoutQuery.query.clear();
    const QString tsquery = PostgresDetail::tsqueryFromFts(searchExpression(expression));
    if (expression.trimmed().isEmpty()) // nothing to search: every event the filter selects
        return int(eventIds(withoutQuery).size());
    if (tsquery.isEmpty())
        return 0;
    QVariantMap bindings;
    const QString where = filterSql(withoutQuery, bindings);
    QSqlQuery query(database());
    query.prepare(uR"(SELECT count(*) FROM event_search s %1
                       WHERE s.document @@ to_tsquery('chiptimeline_search', :search) %2)"_s.arg(
        where.isEmpty() ? QString() : u"JOIN event e ON e.id = s.event_id"_s,
        where.isEmpty() ? QString() : u"AND "_s + where));
    bindAll(query, bindings);
    query.bindValue(u":search"_s, tsquery);
    if (query.exec() && query.next())
        return query.value(0).toInt();
    readFailed(query, u"event_search"_s);
    return 0;
}

QList<EventSearch::SourceHit> PostgresTimelineStore::searchSources(const QString &expression,
                                                                   int limit) const {
    QList<EventSearch::SourceHit> hits;
    const SearchQueries queries = searchQueries(*this, expression);
    if (queries.widened.isEmpty() || limit <= 0)
        return hits;
    // The index finds the candidates; the words without the notes decide and rank.
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(uR"(SELECT id, r, title_marked, excerpt_marked, quotes_marked, outlet_marked,
                             excerpt, quotes
                        FROM (SELECT s.id, %1 AS r,
                                     ts_headline('chiptimeline_search', s.title, q, :whole)
                                       AS title_marked,
                                     ts_headline('chiptimeline_search', s.excerpt, q, :part)
                                       AS excerpt_marked,
                                     ts_headline('chiptimeline_search', quotes.text, q, :part)
                                       AS quotes_marked,
                                     ts_headline('chiptimeline_search', s.outlet, q, :whole)
                                       AS outlet_marked,
                                     s.excerpt, quotes.text AS quotes
                                FROM source s JOIN source_search ss ON ss.source_id = s.id,
                                     %3,
                                     LATERAL (SELECT coalesce(string_agg(es.quote, ' '
                                                ORDER BY es.event_id), '') AS text
                                                FROM event_source es
                                               WHERE es.source_id = s.id) quotes
                               WHERE ss.document @@ q AND %2 @@ q) ranked
                       ORDER BY r, id LIMIT :limit)"_s.arg(
        queries.rank(sourceWeights, sourceVector), sourceVector, queries.from()));
    query.bindValue(u":whole"_s, headlineOptions(true));
    query.bindValue(u":part"_s, headlineOptions(false));
    queries.bind(query);
    query.bindValue(u":limit"_s, limit);
    const auto isMarked = [](const QString &text) {
        return text.contains(EventSearch::MatchStart);
    };
    if (query.exec()) {
        while (query.next()) {
            EventSearch::SourceHit hit{query.value(0).toLongLong(),
                                       query.value(1).toDouble(),
                                       joinedMarks(query.value(2).toString()),
                                       {}};
            const QString excerpt =
                joinedMarks(withEllipses(query.value(3).toString(), query.value(6).toString()));
            const QString quotes =
                joinedMarks(withEllipses(query.value(4).toString(), query.value(7).toString()));
            const QString outlet = joinedMarks(query.value(5).toString());
            // The passage that shows the match; failing that, whatever text there is.
            if (isMarked(excerpt))
                hit.snippet = excerpt;
            else if (isMarked(quotes))
                hit.snippet = quotes;
            else if (isMarked(outlet))
                hit.snippet = outlet;
            else
                hit.snippet = excerpt.isEmpty() ? quotes : excerpt;
            hits << hit;
        }
    }
    readFailed(query, u"source_search"_s);
    return hits;
}

int PostgresTimelineStore::countSources(const QString &expression) const {
    const QString tsquery = PostgresDetail::tsqueryFromFts(searchExpression(expression));
    if (tsquery.isEmpty())
        return 0;
    QSqlQuery query(database());
    query.prepare(uR"(SELECT count(*) FROM source s JOIN source_search ss ON ss.source_id = s.id,
                             to_tsquery('chiptimeline_search', :search) q
                       WHERE ss.document @@ q AND %1 @@ q)"_s.arg(sourceVector));
    query.bindValue(u":search"_s, tsquery);
    if (query.exec() && query.next())
        return query.value(0).toInt();
    readFailed(query, u"source_search"_s);
    return 0;
}

QString PostgresTimelineStore::searchExpression(const QString &expression) const {
    // A timeline opened read-only before its upgrade to schema 4 has no words to look in.
    constexpr int SearchWordsSchema = 4;
    if (expression.isEmpty() || schemaVersion() < SearchWordsSchema)
        return expression;
    const auto termsContaining = [this](const QString &folded) {
        // The trigram index finds the words; folded as the documents are (unaccent, lower).
        QStringList words;
        QSqlQuery query(database());
        query.setForwardOnly(true);
        query.prepare(uR"(SELECT word FROM search_word
                           WHERE word LIKE '%' || lower(unaccent(:word)) || '%'
                           ORDER BY length(word), word LIMIT :limit)"_s);
        query.bindValue(u":word"_s, folded);
        query.bindValue(u":limit"_s, 4 * SearchCompounds::MaxInfixTerms);
        if (query.exec())
            while (query.next())
                words << query.value(0).toString();
        readFailed(query, u"search_word"_s);
        return words;
    };
    return SearchCompounds::expand(expression, termsContaining);
}
