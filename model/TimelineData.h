#pragma once

// TimelineData: the compact, column-oriented, immutable snapshot of the events the timeline
// draws. The store fills it row by row through TimelineDataBuilder (no Event objects), the
// layout indexes it, and nothing else is needed to paint. One million events take roughly
// 100 bytes each; copies share the same columns (implicitly shared, read-only).
//
// Dates are Julian days. A partial date covers its whole span ("April 2025" is 1–30 April);
// a range covers [min of the two first days, max of the two last days], so a range whose
// end lies before its start is drawn as if the two dates were swapped. Days outside the
// supported calendar (0001-01-01 .. 9999-12-31) are clamped into it; a row without a valid
// start (first day 0) is dropped and counted in droppedCount().

#include "model/Category.h"
#include "model/EventStatus.h"
#include "model/PartialDate.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <span>
#include <vector>

struct Event;

// One event as the store reads it: plain fields, indices into the builder's name tables.
struct TimelineRow {
    qint64 id = 0;
    QString title;
    qint64 firstDay = 0; // Julian day; see the header comment for partial dates and ranges
    qint64 lastDay = 0;
    DatePrecision precision = DatePrecision::Day; // of the start date
    bool isRange = false;
    int category = -1; // index into setCategories(); -1: none
    EventStatus status = EventStatus::Confirmed;
    int importance = 2; // 1..3, clamped
    int sourceCount = 0;
    bool anySourceHasAddress = false; // a URL or DOI on at least one source
    QList<int> actors;                // indices from TimelineDataBuilder::actorIndex()
    QList<int> chips;                 // indices from TimelineDataBuilder::chipIndex()
    // The first day of an event that rescinds or replaces this one (0: none): a rule drawn as
    // in force from its start to that day. Kept only when it lies after the first day and,
    // for a range, before the last.
    qint64 forceEndDay = 0;
};

class TimelineData {
public:
    static constexpr qint64 FirstSupportedDay = 1721426; // 0001-01-01
    static constexpr qint64 LastSupportedDay = 5373484;  // 9999-12-31

    enum Flag : quint16 {
        PrecisionMask = 0x3, // DatePrecision value 1..3
        RangeFlag = 0x4,
        StatusShift = 3, // 2 bits of EventStatus
        StatusMask = 0x18,
        ImportanceShift = 5, // 2 bits: importance 1..3
        ImportanceMask = 0x60,
        UnsourcedFlag = 0x80,
        NoAddressFlag = 0x100,  // has sources, none with a URL or DOI
        ForceEndedFlag = 0x200, // rescinded or replaced: in force up to forceEndDay()
    };

    TimelineData(); // empty

    // For small data and tests. `sourceHasAddress` tells whether the source with a given uid
    // has a URL or DOI; when empty, no source counts as having one.
    [[nodiscard]] static TimelineData
    fromEvents(const QList<Event> &events, const QList<Category> &categories,
               const std::function<bool(const QString &sourceUid)> &sourceHasAddress = {});
    [[nodiscard]] static TimelineData fromEvents(const QList<Event> &events,
                                                 const QList<Category> &categories,
                                                 const QSet<QString> &sourceUidsWithAddress);

    [[nodiscard]] qsizetype size() const { return qsizetype(d->ids.size()); }
    [[nodiscard]] bool isEmpty() const { return d->ids.empty(); }
    [[nodiscard]] qsizetype droppedCount() const { return d->dropped; }

    // Per event, by index 0..size()-1 in time order (first day, then id).
    [[nodiscard]] qint64 id(qsizetype i) const { return d->ids[size_t(i)]; }
    [[nodiscard]] qint32 firstDay(qsizetype i) const { return d->firstDays[size_t(i)]; }
    [[nodiscard]] qint32 lastDay(qsizetype i) const { return d->lastDays[size_t(i)]; }
    [[nodiscard]] QByteArrayView titleUtf8(qsizetype i) const;
    [[nodiscard]] QString title(qsizetype i) const; // decoded on demand
    [[nodiscard]] DatePrecision precision(qsizetype i) const {
        return DatePrecision(flags(i) & PrecisionMask);
    }
    [[nodiscard]] bool isRange(qsizetype i) const { return flags(i) & RangeFlag; }
    [[nodiscard]] EventStatus status(qsizetype i) const {
        return EventStatus((flags(i) & StatusMask) >> StatusShift);
    }
    [[nodiscard]] int importance(qsizetype i) const {
        return (flags(i) & ImportanceMask) >> ImportanceShift;
    }
    [[nodiscard]] bool isUnsourced(qsizetype i) const { return flags(i) & UnsourcedFlag; }
    [[nodiscard]] bool hasNoSourceAddress(qsizetype i) const { return flags(i) & NoAddressFlag; }
    // A rule that another event rescinded or replaced before its own end: its mark is a bar
    // from its first day to the first day of that event (forceEndDay), not its own span.
    [[nodiscard]] bool isForceEnded(qsizetype i) const { return flags(i) & ForceEndedFlag; }
    [[nodiscard]] qint32 forceEndDay(qsizetype i) const; // 0 unless isForceEnded(i)
    // The last day the mark covers: forceEndDay() for a rule that was ended, else lastDay().
    [[nodiscard]] qint32 drawnLastDay(qsizetype i) const {
        return isForceEnded(i) ? forceEndDay(i) : lastDay(i);
    }
    [[nodiscard]] int sourceCount(qsizetype i) const { return d->sourceCounts[size_t(i)]; }
    [[nodiscard]] int category(qsizetype i) const // -1: none
    {
        return int(d->categoryIdx[size_t(i)]) - 1;
    }
    [[nodiscard]] std::span<const quint32> actors(qsizetype i) const;
    [[nodiscard]] std::span<const quint32> chips(qsizetype i) const;
    [[nodiscard]] quint16 flags(qsizetype i) const { return d->flags[size_t(i)]; }

    // Event `i` as a TimelineRow for another builder with the same name tables (its title
    // left empty: add it with add(row, titleUtf8(i))).
    [[nodiscard]] TimelineRow row(qsizetype i) const;

    // Name tables.
    [[nodiscard]] const QList<Category> &categories() const { return d->categories; }
    [[nodiscard]] const QStringList &actorNames() const { return d->actorNames; }
    [[nodiscard]] const QStringList &chipNames() const { return d->chipNames; }

    // The events at the given indices (ascending, so time order is kept), with the same name
    // tables and categories: what a filter leaves of a snapshot, without asking the store.
    [[nodiscard]] TimelineData subset(std::span<const quint32> indices) const;

    // The same events as a reader in `language` sees them: the titles given by row id in
    // `titles` (the others kept) and each category's label in that language where it has one.
    [[nodiscard]] TimelineData inLanguage(const QHash<qint64, QString> &titles,
                                          const QString &language) const;

    // Index of the event with row id `id`, or -1. O(log n).
    [[nodiscard]] qsizetype indexOfId(qint64 id) const;
    // The span of all marks (drawnLastDay): 0 when empty.
    [[nodiscard]] qint64 minDay() const { return d->minDay; }
    [[nodiscard]] qint64 maxDay() const { return d->maxDay; }

    // Bytes held by the columns (for benchmarks and diagnostics).
    [[nodiscard]] qint64 memoryBytes() const;

    // True when both share the same columns (a cheap identity test for caches).
    [[nodiscard]] bool sharesStorageWith(const TimelineData &other) const { return d == other.d; }

private:
    friend class TimelineDataBuilder;
    struct Storage {
        std::vector<qint64> ids;
        std::vector<qint32> firstDays;
        std::vector<qint32> lastDays;
        std::vector<quint32> titleOffsets; // size()+1
        QByteArray titles;                 // all titles, UTF-8, back to back
        std::vector<quint16> flags;
        std::vector<quint16> categoryIdx; // category + 1
        std::vector<quint16> sourceCounts;
        std::vector<quint32> actorOffsets; // size()+1, CSR
        std::vector<quint32> actorIdx;
        std::vector<quint32> chipOffsets; // size()+1, CSR
        std::vector<quint32> chipIdx;
        std::vector<qint64> sortedIds; // for indexOfId
        std::vector<quint32> sortedIdIndex;
        QHash<qint64, qint32> forceEndDays; // by event id, for the rows with ForceEndedFlag
        QList<Category> categories;
        QStringList actorNames;
        QStringList chipNames;
        qint64 minDay = 0;
        qint64 maxDay = 0;
        qsizetype dropped = 0;
    };
    static void startColumns(Storage &out, size_t n);
    static void appendRow(Storage &out, const Storage &in, quint32 i);
    static void indexIds(Storage &out);

    std::shared_ptr<const Storage> d;
};

// Builds a TimelineData row by row. Name tables are filled through actorIndex()/chipIndex()
// (which intern names) or set whole; build() sorts the rows by first day, then id.
class TimelineDataBuilder {
public:
    TimelineDataBuilder();
    ~TimelineDataBuilder();
    TimelineDataBuilder(const TimelineDataBuilder &) = delete;
    TimelineDataBuilder &operator=(const TimelineDataBuilder &) = delete;

    void reserve(qsizetype events, qsizetype titleBytes = 0);
    void setCategories(const QList<Category> &categories);
    [[nodiscard]] int categoryIndex(const QString &name) const; // by Category::name; -1
    [[nodiscard]] int actorIndex(const QString &name);          // interns
    [[nodiscard]] int chipIndex(const QString &name);           // interns
    void setActorNames(const QStringList &names);
    void setChipNames(const QStringList &names);

    void add(const TimelineRow &row);
    // Same as add() for callers that hold the title as UTF-8 already (no conversion).
    void add(const TimelineRow &row, QByteArrayView titleUtf8);
    // The day each rule stopped being in force, by row id (TimelineRow::forceEndDay for rows
    // added before this is known): applied by build() under the same conditions.
    void setForceEndDays(const QHash<qint64, qint64> &days);

    [[nodiscard]] TimelineData build() &&;

private:
    struct Private;
    std::unique_ptr<Private> p;
};
