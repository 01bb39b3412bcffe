#pragma once

#include "model/EventFilter.h"

#include <QList>
#include <QString>
#include <QStringView>

class TimelineData;
class TimelineStore;

// Ranked full-text search over the events (title, summary, actor/chip/tag names) and the
// sources (title, outlet, excerpt, the quotes that cite them) of a store. What the user
// typed goes through SearchQuery, so any text is safe: what FTS5 could not parse is read as
// plain words, or gives an empty result with a hint, never an SQL error.
//
// Matched words in titles and snippets are wrapped in MatchStart / MatchEnd (private-use
// characters that never occur in the data); toHtml() and toBrackets() turn them into bold
// text for the window and [brackets] for the command line.
class EventSearch {
public:
    static constexpr QChar MatchStart = QChar(0xE000);
    static constexpr QChar MatchEnd = QChar(0xE001);
    static constexpr QChar Ellipsis = QChar(0x2026);

    struct EventHit {
        qint64 eventId = 0;
        double rank = 0; // bm25: lower is better
        QString title;   // the whole title, matches marked
        QString snippet; // a few words of the summary around the best match, marked
        friend bool operator==(const EventHit &, const EventHit &) = default;
    };
    struct SourceHit {
        qint64 sourceId = 0;
        double rank = 0;
        QString title;   // the whole title, matches marked
        QString snippet; // from the excerpt or the quotes (or the outlet), marked
        friend bool operator==(const SourceHit &, const SourceHit &) = default;
    };

    // The best `limit` events matching `userText` among those `filter` selects (the
    // filter's own `query` is ignored: `userText` replaces it), best first; ties in time
    // order. Empty when the text holds nothing to search; `hint` (optional) then says why,
    // or says how the text was read when it had to be repaired.
    [[nodiscard]] static QList<EventHit> searchEvents(const TimelineStore &store,
                                                      const QString &userText,
                                                      const EventFilter &filter = {},
                                                      int limit = 100, QString *hint = nullptr);
    // The same, when the caller holds the events `filter` leaves (the window's snapshot after
    // TimelineDataFilter, without the query): the matches are ranked from the full-text
    // index alone and kept when they are among those events, in memory, instead of each
    // being joined to `event` to test the filter. Ties go in the snapshot's time order.
    [[nodiscard]] static QList<EventHit>
    searchEventsAmong(const TimelineStore &store, const QString &userText,
                      const TimelineData &among, int limit = 100, QString *hint = nullptr);
    // All events matching, without limit (what "12 of 39 events" counts).
    [[nodiscard]] static int countEvents(const TimelineStore &store, const QString &userText,
                                         const EventFilter &filter = {});

    // The best `limit` sources whose title, outlet, excerpt or cited quotes match.
    [[nodiscard]] static QList<SourceHit> searchSources(const TimelineStore &store,
                                                        const QString &userText, int limit = 100,
                                                        QString *hint = nullptr);
    [[nodiscard]] static int countSources(const TimelineStore &store, const QString &userText);

    // `filter` with its `query` set to the FTS5 expression of `userText` (cleared when the
    // text holds no word), ready for TimelineStore::events / TimelineDataQuery::load.
    [[nodiscard]] static EventFilter withSearchText(EventFilter filter, QStringView userText);

    // Marked text → HTML-escaped text with <b>…</b> around the matches.
    [[nodiscard]] static QString toHtml(QStringView marked);
    // Marked text → plain text with [ ] around the matches.
    [[nodiscard]] static QString toBrackets(QStringView marked);
    // Marked text → plain text without the markers.
    [[nodiscard]] static QString toPlain(QStringView marked);
};
