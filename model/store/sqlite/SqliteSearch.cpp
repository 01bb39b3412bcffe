// The SQLite store: ranked full-text search over events and sources (FTS5 with the
// chiptimeline_rank function of SqliteSearchRank), with the matches marked. What the user
// typed was turned into an FTS5 expression by EventSearch (SearchQuery) before it gets here.

#include "model/SearchCompounds.h"
#include "model/TimelineData.h"
#include "model/store/sqlite/SqliteApi.h"
#include "model/store/sqlite/SqliteSearchRank.h"
#include "model/store/sqlite/SqliteTimelineStore.h"

#include <QHash>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// Column weights (see SearchRank.h): a word in the title counts most, then the names
// (actors, chips, tags), then the summary. Sources: title, outlet, excerpt, notes (not
// searched), quotes.
// The last argument is SearchCompounds::partialPhrases of the expression (see SearchRank.h).
constexpr auto EventRank = "chiptimeline_rank(event_fts, 10.0, 3.0, 5.0, :partial)";
constexpr auto EventRankScan = "SELECT rowid, chiptimeline_rank(event_fts, 10.0, 3.0, 5.0, ?2) "
                               "FROM event_fts WHERE event_fts MATCH ?1";
constexpr auto SourceRankScan =
    "SELECT rowid, chiptimeline_rank(source_fts, 10.0, 2.0, 4.0, 0.0, 4.0, ?2) "
    "FROM source_fts WHERE source_fts MATCH ?1";
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

// The WHERE condition that picks the rows to highlight among the matches. `rowid IN (…)`
// makes SQLite run the FTS5 query once per listed id, and each run sets the query up
// again: for a prefix (all the terms it covers merged) or a boolean query that is 0.2–0.3 ms
// per id. `+rowid IN (…)` (not usable as an index constraint) runs it once over the
// matches between the smallest and the largest id, at about 0.07 µs per match, which is
// cheaper unless the matches outnumber the listed ids a thousandfold. `matches` < 0: not
// known.
QString markedRows(const QList<qint64> &ids, qsizetype matches) {
    if (matches > 1000 * ids.size())
        return u"rowid IN (%1)"_s.arg(idList(ids));
    const auto [low, high] = std::minmax_element(ids.cbegin(), ids.cend());
    return u"+rowid IN (%1) AND rowid BETWEEN %2 AND %3"_s.arg(idList(ids)).arg(*low).arg(*high);
}

void bindMarkers(QSqlQuery &query) {
    query.bindValue(u":open"_s, QString(EventSearch::MatchStart));
    query.bindValue(u":close"_s, QString(EventSearch::MatchEnd));
    query.bindValue(u":ellipsis"_s, QString(EventSearch::Ellipsis));
}

bool isMarked(const QString &text) {
    return text.contains(EventSearch::MatchStart);
}

// A statement prepared on the connection's own handle: the ranking scan steps through every
// matching row, and QSqlQuery's QVariant per value would cost as much as the rank itself.
class Statement {
public:
    Statement(sqlite3 *db, const char *sql) {
        if (sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr) != SQLITE_OK) {
            sqlite3_finalize(m_statement);
            m_statement = nullptr;
        }
    }
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    [[nodiscard]] bool isValid() const { return m_statement != nullptr; }
    bool bindText(int index, const QByteArray &text) {
        return sqlite3_bind_text(m_statement, index, text.constData(), int(text.size()),
                                 SQLITE_TRANSIENT) == SQLITE_OK;
    }
    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(m_statement); }
    [[nodiscard]] qint64 int64(int column) const {
        return sqlite3_column_int64(m_statement, column);
    }
    [[nodiscard]] double real(int column) const {
        return sqlite3_column_double(m_statement, column);
    }

private:
    sqlite3_stmt *m_statement = nullptr;
};

struct Scored {
    double rank = 0;
    qint64 id = 0;
};

// Every row of an FTS5 table matching `match`, with its chiptimeline_rank: `sql` selects
// rowid and rank with one parameter for the MATCH expression.
// An error that ends the rows (a damaged index) is recorded in the store as damage to `table`.
bool scanRanks(const SqliteTimelineStore &store, sqlite3 *db, const char *sql, const QString &match,
               std::vector<Scored> *rows, const QString &table) {
    Statement scan(db, sql);
    if (!scan.isValid() || !scan.bindText(1, match.toUtf8()) ||
        !scan.bindText(2, SearchCompounds::partialPhrases(match).toLatin1()))
        return false;
    int rc = SQLITE_ROW;
    while ((rc = scan.step()) == SQLITE_ROW)
        rows->push_back({scan.real(1), scan.int64(0)});
    if (rc != SQLITE_DONE)
        store.readFailed(rc, QString::fromUtf8(sqlite3_errmsg(db)), table);
    return rc == SQLITE_DONE;
}

// first_day of each event listed.
QHash<qint64, qint64> firstDays(const QSqlDatabase &db, const QList<qint64> &ids) {
    QHash<qint64, qint64> days;
    days.reserve(ids.size());
    QSqlQuery dates(db);
    dates.setForwardOnly(true);
    if (dates.exec(u"SELECT id, first_day FROM event WHERE id IN (%1)"_s.arg(idList(ids)))) {
        while (dates.next())
            days.insert(dates.value(0).toLongLong(), dates.value(1).toLongLong());
    }
    return days;
}

// The first `count` of `tied` (sorted ids) in time order (first_day, id). When they are many,
// walking the events in that order (the index event_by_first_day) until `count` of them went
// by reads far fewer rows than looking up the date of each: with `tied` a fraction f of all
// events, the walk reads about count / f index entries. When they are few, each is looked up.
QList<qint64> earliest(const QSqlDatabase &db, sqlite3 *handle, const std::vector<qint64> &tied,
                       qsizetype count) {
    QList<qint64> chosen;
    qint64 events = 0;
    {
        Statement last(handle, "SELECT max(id) FROM event");
        if (last.isValid() && last.step() == SQLITE_ROW)
            events = last.int64(0); // at least the number of events
    }
    // An index entry costs about a tenth of a lookup by id.
    const double walk = double(count) * double(events) / double(tied.size());
    if (walk < 10.0 * double(tied.size())) {
        Statement inOrder(handle, "SELECT id FROM event ORDER BY first_day, id");
        if (!inOrder.isValid())
            return chosen;
        while (chosen.size() < count && inOrder.step() == SQLITE_ROW) {
            const qint64 id = inOrder.int64(0);
            if (std::binary_search(tied.cbegin(), tied.cend(), id))
                chosen << id;
        }
        return chosen;
    }
    const QList<qint64> ids(tied.cbegin(), tied.cend());
    const QHash<qint64, qint64> days = firstDays(db, ids);
    std::vector<std::pair<qint64, qint64>> dated;
    dated.reserve(tied.size());
    for (qint64 id : tied)
        dated.emplace_back(days.value(id), id);
    const auto end = dated.begin() + std::min<qsizetype>(count, qsizetype(dated.size()));
    std::partial_sort(dated.begin(), end, dated.end());
    for (auto it = dated.begin(); it != end; ++it)
        chosen << it->second;
    return chosen;
}

// The best `limit` matches without a filter, from the full-text index alone: every match is
// ranked (chiptimeline_rank reads only the position lists), the best kept here, and only
// the kept rows and the group of equal ranks at the cut are looked at in `event` for the
// tie-break (time order). The result is the same as ORDER BY rank, first_day, id LIMIT n
// over the join, without reading the event of every match.
bool rankedWithoutFilter(const SqliteTimelineStore &store, const QString &expression, int limit,
                         QList<EventSearch::EventHit> *hits, qsizetype *matches) {
    const QSqlDatabase db = store.database();
    sqlite3 *handle = sqliteHandle(db);
    // Kept between searches (cleared, not freed): a common word fills a few MB, and fresh
    // memory of that size costs page faults on every search.
    thread_local std::vector<Scored> rows;
    thread_local std::vector<double> ranks;
    rows.clear();
    if (!handle || !scanRanks(store, handle, EventRankScan, expression, &rows, u"event_fts"_s))
        return false;
    *matches = qsizetype(rows.size());
    if (rows.empty())
        return true;
    std::vector<Scored> kept;
    if (qsizetype(rows.size()) <= limit) {
        kept.assign(rows.cbegin(), rows.cend());
    } else {
        // The rank at the cut, then in one pass (rowid order, as FTS5 returns them) the rows
        // better than it and the group equal to it.
        ranks.clear();
        for (const Scored &row : rows)
            ranks.push_back(row.rank);
        std::nth_element(ranks.begin(), ranks.begin() + (limit - 1), ranks.end());
        const double cut = ranks[std::size_t(limit - 1)];
        std::vector<qint64> tied;
        for (const Scored &row : rows) {
            if (row.rank < cut)
                kept.push_back(row);
            else if (row.rank == cut)
                tied.push_back(row.id);
        }
        if (!std::is_sorted(tied.cbegin(), tied.cend()))
            std::sort(tied.begin(), tied.end());
        for (qint64 id : earliest(db, handle, tied, limit - qsizetype(kept.size())))
            kept.push_back({cut, id});
    }
    QList<qint64> ids;
    ids.reserve(qsizetype(kept.size()));
    for (const Scored &row : kept)
        ids << row.id;
    const QHash<qint64, qint64> days = firstDays(db, ids);
    std::sort(kept.begin(), kept.end(), [&days](const Scored &a, const Scored &b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        return std::pair(days.value(a.id), a.id) < std::pair(days.value(b.id), b.id);
    });
    for (const Scored &row : kept)
        *hits << EventSearch::EventHit{row.id, row.rank, {}, {}};
    return true;
}

// Titles and snippets with the matched words marked, for the hits kept (`matches`: how many
// rows the search matched, or -1).
void markEventHits(const SqliteTimelineStore &store, const QString &expression, qsizetype matches,
                   QList<EventSearch::EventHit> *hitList) {
    const QSqlDatabase db = store.database();
    QList<EventSearch::EventHit> &hits = *hitList;
    if (hits.isEmpty())
        return;
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
                   "FROM event_fts WHERE event_fts MATCH :search AND %2"_s.arg(
                       QString::number(SnippetTokens), markedRows(ids, matches)));
    marked.bindValue(u":search"_s, expression);
    bindMarkers(marked);
    if (marked.exec()) {
        while (marked.next()) {
            EventSearch::EventHit &hit = hits[indexOf.value(marked.value(0).toLongLong())];
            hit.title = marked.value(1).toString();
            hit.snippet = marked.value(2).toString();
        }
    }
    store.readFailed(marked, u"event_fts"_s);
}

// The best `limit` matches among the events of `among`: every match ranked from the index
// alone, kept when `among` holds it, the best first and ties in `among`'s time order.
bool rankedAmong(const SqliteTimelineStore &store, const QString &expression, int limit,
                 const TimelineData &among, QList<EventSearch::EventHit> *hits,
                 qsizetype *matches) {
    sqlite3 *handle = sqliteHandle(store.database());
    thread_local std::vector<Scored> rows;
    rows.clear();
    if (!handle || !scanRanks(store, handle, EventRankScan, expression, &rows, u"event_fts"_s))
        return false;
    *matches = qsizetype(rows.size());
    struct Dated {
        double rank;
        qint64 day;
        qint64 id;
    };
    std::vector<Dated> kept;
    for (const Scored &row : rows) {
        const qsizetype i = among.indexOfId(row.id);
        if (i >= 0)
            kept.push_back({row.rank, among.firstDay(i), row.id});
    }
    const auto end = kept.begin() + std::min<qsizetype>(limit, qsizetype(kept.size()));
    std::partial_sort(kept.begin(), end, kept.end(), [](const Dated &a, const Dated &b) {
        return std::tie(a.rank, a.day, a.id) < std::tie(b.rank, b.day, b.id);
    });
    for (auto it = kept.begin(); it != end; ++it)
        *hits << EventSearch::EventHit{it->id, it->rank, {}, {}};
    return true;
}

} // namespace

QList<EventSearch::EventHit> SqliteTimelineStore::searchEvents(const QString &typed,
                                                               const EventFilter &filter,
                                                               int limit) const {
    if (typed.isEmpty() || limit <= 0)
        return {};
    const QString expression = searchExpression(typed);
    EventFilter rest = filter;
    rest.query.clear();
    QVariantMap bindings;
    const QString where = filterSql(rest, bindings);
    bindings.insert(u":search"_s, expression);
    bindings.insert(u":partial"_s, SearchCompounds::partialPhrases(expression));
    bindings.insert(u":limit"_s, limit);

    // First the ranking alone, then highlights for the few rows kept: SQLite would compute
    // the select list for every match before sorting.
    const QSqlDatabase db = database();
    if (!SearchRank::ensureInstalled(db))
        return {};
    QList<EventSearch::EventHit> hits;
    qsizetype matches = -1;
    if (where.isEmpty()) {
        if (!rankedWithoutFilter(*this, expression, limit, &hits, &matches))
            return {};
    } else {
        // With a filter: rank and break ties in time order over the matching rows joined to
        // their events (the filter needs the event of each match anyway).
        QSqlQuery ranked(db);
        ranked.setForwardOnly(true);
        ranked.prepare(u"SELECT event_fts.rowid, %1 AS r FROM event_fts "
                       "JOIN event e ON e.id = event_fts.rowid "
                       "WHERE event_fts MATCH :search AND %2 ORDER BY r, e.first_day, e.id "
                       "LIMIT :limit"_s.arg(QLatin1StringView(EventRank), where));
        bindAll(ranked, bindings);
        if (ranked.exec())
            while (ranked.next())
                hits << EventSearch::EventHit{
                    ranked.value(0).toLongLong(), ranked.value(1).toDouble(), {}, {}};
        if (readFailed(ranked, u"event"_s))
            return hits;
    }
    markEventHits(*this, expression, matches, &hits);
    return hits;
}

QList<EventSearch::EventHit> SqliteTimelineStore::searchEventsAmong(const QString &typed,
                                                                    const TimelineData &among,
                                                                    int limit) const {
    if (typed.isEmpty() || limit <= 0)
        return {};
    const QString expression = searchExpression(typed);
    const QSqlDatabase db = database();
    if (!SearchRank::ensureInstalled(db))
        return {};
    QList<EventSearch::EventHit> hits;
    qsizetype matches = -1;
    if (!rankedAmong(*this, expression, limit, among, &hits, &matches))
        return {};
    markEventHits(*this, expression, matches, &hits);
    return hits;
}

int SqliteTimelineStore::countEvents(const QString &expression, const EventFilter &filter) const {
    EventFilter searched = filter;
    searched.query = expression;
    EventFilter rest = searched;
    rest.query.clear();
    QVariantMap bindings;
    if (!searched.query.isEmpty() && filterSql(rest, bindings).isEmpty()) {
        // No other condition: the index alone knows how many rows match.
        QSqlQuery query(database());
        query.prepare(u"SELECT count(*) FROM event_fts WHERE event_fts MATCH :search"_s);
        query.bindValue(u":search"_s, searchExpression(searched.query));
        if (query.exec() && query.next())
            return query.value(0).toInt();
        readFailed(query, u"event_fts"_s);
        return 0;
    }
    bindings.clear();
    const QString where = filterSql(searched, bindings);
    QSqlQuery query(database());
    query.prepare(u"SELECT count(*) FROM event e"_s +
                  (where.isEmpty() ? QString() : u" WHERE "_s + where));
    bindAll(query, bindings);
    if (query.exec() && query.next())
        return query.value(0).toInt();
    readFailed(query, u"event"_s);
    return 0;
}

QList<EventSearch::SourceHit> SqliteTimelineStore::searchSources(const QString &expression,
                                                                 int limit) const {
    if (expression.isEmpty() || limit <= 0)
        return {};
    const QString match = sourceMatch(searchExpression(expression));
    const QSqlDatabase db = database();
    sqlite3 *handle = sqliteHandle(db);
    thread_local std::vector<Scored> rows; // kept between searches, as for events
    rows.clear();
    if (!SearchRank::ensureInstalled(db) ||
        !scanRanks(*this, handle, SourceRankScan, match, &rows, u"source_fts"_s))
        return {};
    // Best rank first, ties in id order: only the best `limit` are sorted.
    const auto better = [](const Scored &a, const Scored &b) {
        return a.rank != b.rank ? a.rank < b.rank : a.id < b.id;
    };
    const auto end = rows.begin() + std::min<qsizetype>(limit, qsizetype(rows.size()));
    std::partial_sort(rows.begin(), end, rows.end(), better);
    QList<EventSearch::SourceHit> hits;
    for (auto it = rows.begin(); it != end; ++it)
        hits << EventSearch::SourceHit{it->id, it->rank, {}, {}};
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
                   "FROM source_fts WHERE source_fts MATCH :search AND %2"_s.arg(
                       QString::number(SnippetTokens), markedRows(ids, qsizetype(rows.size()))));
    marked.bindValue(u":search"_s, match);
    bindMarkers(marked);
    if (marked.exec()) {
        while (marked.next()) {
            EventSearch::SourceHit &hit = hits[indexOf.value(marked.value(0).toLongLong())];
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
    readFailed(marked, u"source_fts"_s);
    return hits;
}

int SqliteTimelineStore::countSources(const QString &expression) const {
    if (expression.isEmpty())
        return 0;
    QSqlQuery query(database());
    query.prepare(u"SELECT count(*) FROM source_fts WHERE source_fts MATCH :search"_s);
    query.bindValue(u":search"_s, sourceMatch(searchExpression(expression)));
    if (query.exec() && query.next())
        return query.value(0).toInt();
    readFailed(query, u"source_fts"_s);
    return 0;
}
