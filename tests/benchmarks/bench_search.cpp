// Search and filter speed on a large store: 100k events, 20k sources, generated
// deterministically and imported in one transaction. Prints one line per measurement, or
// with --json one JSON object per line: {"name": ..., "events": N, "median_ms": X,
// "median_cpu_ms": Y, "results": R, "matches": M} (M: rows the search matched, -1 when not
// counted). Summaries, excerpts and quotes are drawn from a Zipf-distributed vocabulary of
// English, German and made-up words. A filter change is measured as the timeline redraws it: the
// events loaded with TimelineDataQuery::load and the TimelineIndex built over them. Usage:
// bench_search [--json] [--events N] [--sources N] [--runs N] [--db PATH] [--only TEXT]
// (--only: just the measurements whose name contains TEXT, e.g. for perf record)

#include "model/Dataset.h"
#include "model/EventSearch.h"
#include "model/TimelineDataFilter.h"
#include "model/TimelineDataQuery.h"
#include "model/store/TimelineStore.h"
#include "ui/render/TimelineIndex.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <random>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

const QStringList Actors = {u"Nvidia"_s,  u"AMD"_s,       u"Huawei"_s,      u"US Commerce/BIS"_s,
                            u"MOFCOM"_s,  u"CAC"_s,       u"White House"_s, u"DeepSeek"_s,
                            u"Alibaba"_s, u"ByteDance"_s, u"SMIC"_s,        u"TSMC"_s};
const QStringList Chips = {u"H20"_s,  u"H200"_s,         u"H100"_s,  u"A800"_s,
                           u"H800"_s, u"Ascend 910C"_s,  u"MI308"_s, u"Blackwell"_s,
                           u"L20"_s,  u"RTX Pro 6000D"_s};
const QStringList Verbs = {u"announces"_s, u"restricts"_s, u"approves"_s, u"delays"_s,
                           u"reviews"_s,   u"suspends"_s,  u"reports"_s,  u"bans"_s};
const QStringList Objects = {u"licence requirement"_s, u"export controls"_s, u"shipments"_s,
                             u"revenue-share deal"_s,  u"antitrust probe"_s, u"entity listing"_s,
                             u"training cluster"_s,    u"model release"_s,   u"customs checks"_s};
const QStringList Places = {u"China"_s,  u"Hong Kong"_s, u"Malaysia"_s,
                            u"the US"_s, u"Singapore"_s, u"the Middle East"_s};
// The words of summaries, excerpts and quotes, most frequent first: English and German
// function words, then the domain's words; Zipf-distributed (see Vocabulary), so "the" is in
// nearly every summary, "Exportbeschränkungen" in about a fifth of the sources and
// "Verzögerung" in about 8% of the events. Tail words are made up (see tailWords).
const QStringList HeadWords = {u"the"_s,
                               u"of"_s,
                               u"and"_s,
                               u"to"_s,
                               u"in"_s,
                               u"a"_s,
                               u"der"_s,
                               u"die"_s,
                               u"und"_s,
                               u"for"_s,
                               u"on"_s,
                               u"said"_s,
                               u"that"_s,
                               u"with"_s,
                               u"is"_s,
                               u"by"_s,
                               u"das"_s,
                               u"as"_s,
                               u"von"_s,
                               u"mit"_s,
                               u"chips"_s,
                               u"officials"_s,
                               u"sales"_s,
                               u"export"_s,
                               u"den"_s,
                               u"im"_s,
                               u"auf"_s,
                               u"people"_s,
                               u"according"_s,
                               u"rules"_s,
                               u"market"_s,
                               u"revenue"_s,
                               u"quarter"_s,
                               u"companies"_s,
                               u"Unternehmen"_s,
                               u"Exportbeschränkungen"_s,
                               u"government"_s,
                               u"customers"_s,
                               u"data"_s,
                               u"centres"_s,
                               u"supply"_s,
                               u"chain"_s,
                               u"Behörden"_s,
                               u"Markt"_s,
                               u"memory"_s,
                               u"bandwidth"_s,
                               u"performance"_s,
                               u"density"_s,
                               u"threshold"_s,
                               u"regulators"_s,
                               u"inference"_s,
                               u"training"_s,
                               u"Verzögerung"_s,
                               u"familiar"_s,
                               u"matter"_s,
                               u"Regierung"_s,
                               u"Halbleiter"_s,
                               u"Lieferungen"_s,
                               u"Käufer"_s,
                               u"Genehmigung"_s,
                               u"Rechenzentren"_s,
                               u"Nachfrage"_s,
                               u"größten"_s,
                               u"für"_s,
                               u"über"_s,
                               u"während"_s,
                               u"können"_s,
                               u"müssen"_s,
                               u"Entwicklung"_s,
                               u"Modelle"_s,
                               u"Prüfung"_s,
                               u"analysts"_s,
                               u"investors"_s,
                               u"guidance"_s,
                               u"filing"_s,
                               u"statement"_s,
                               u"ministry"_s,
                               u"commerce"_s,
                               u"hardware"_s,
                               u"accelerators"_s,
                               u"servers"_s,
                               u"cloud"_s,
                               u"capacity"_s,
                               u"orders"_s,
                               u"Ausfuhr"_s,
                               u"Zölle"_s,
                               u"Verbot"_s,
                               u"Bericht"_s};

// Made-up words for the long tail (6,000 in all), from syllables, some with umlauts:
// deterministic, distinct, and distinct from the head words.
QStringList tailWords(qsizetype count, const QStringList &head) {
    const QStringList syllables = {u"ka"_s,  u"lo"_s,  u"mi"_s,  u"ne"_s,  u"ra"_s,   u"su"_s,
                                   u"te"_s,  u"vo"_s,  u"bä"_s,  u"kö"_s,  u"mü"_s,   u"sch"_s,
                                   u"tri"_s, u"gen"_s, u"ver"_s, u"ung"_s, u"lich"_s, u"ta"_s,
                                   u"po"_s,  u"ri"_s,  u"del"_s, u"man"_s, u"sen"_s,  u"tor"_s};
    std::mt19937_64 rng(7);
    QSet<QString> seen(head.cbegin(), head.cend());
    QStringList words;
    while (words.size() < count) {
        QString word;
        const int parts = 2 + int(rng() % 3);
        for (int i = 0; i < parts; ++i)
            word += syllables[qsizetype(rng() % quint64(syllables.size()))];
        if (!seen.contains(word)) {
            seen.insert(word);
            words << word;
        }
    }
    return words;
}

// Words drawn with probability proportional to 1/rank (Zipf, s = 1), from the cumulative
// weights by binary search: no std::*_distribution, so the corpus is the same with every
// standard library.
class Vocabulary {
public:
    Vocabulary()
        : m_words(HeadWords + tailWords(6000 - HeadWords.size(), HeadWords)) {
        double total = 0;
        m_cumulative.reserve(std::size_t(m_words.size()));
        for (qsizetype rank = 1; rank <= m_words.size(); ++rank) {
            total += 1.0 / double(rank);
            m_cumulative.push_back(total);
        }
    }
    const QString &word(std::mt19937_64 &rng) const {
        const double u = double(rng() >> 11) * 0x1.0p-53 * m_cumulative.back();
        const auto at = std::upper_bound(m_cumulative.cbegin(), m_cumulative.cend(), u);
        return m_words[std::min<qsizetype>(at - m_cumulative.cbegin(), m_words.size() - 1)];
    }
    const QString &at(qsizetype rank) const { return m_words[rank]; }

private:
    QStringList m_words;
    std::vector<double> m_cumulative;
};

const Vocabulary &vocabulary() {
    static const Vocabulary words;
    return words;
}

const QStringList Categories = {u"us-export-control"_s, u"us-policy-deal"_s, u"china-policy"_s,
                                u"industry"_s, u"model-release"_s};

QString pick(const QStringList &list, std::mt19937_64 &rng) {
    return list[qsizetype(rng() % quint64(list.size()))];
}

QString sentence(std::mt19937_64 &rng, int words) {
    QStringList parts;
    for (int i = 0; i < words; ++i)
        parts << vocabulary().word(rng);
    return parts.join(u' ');
}

Dataset generate(int eventCount, int sourceCount) {
    std::mt19937_64 rng(20250415);
    Dataset dataset;
    dataset.title = u"Synthetic"_s;
    int order = 0;
    for (const QString &name : Categories)
        dataset.categories << Category{0, name, name, QColor(u"#808080"_s), ++order};
    dataset.sources.reserve(sourceCount);
    for (int i = 0; i < sourceCount; ++i) {
        Source source;
        source.uid = u"00000000-0000-4000-8000-%1"_s.arg(i, 12, 10, QChar(u'0'));
        source.title = pick(Actors, rng) + u' ' + pick(Verbs, rng) + u' ' + pick(Chips, rng) +
                       u' ' + pick(Objects, rng) + u" in "_s + pick(Places, rng);
        source.outlet = u"Outlet %1"_s.arg(i % 300);
        source.excerpt = sentence(rng, 30);
        source.language = i % 5 == 0 ? u"de"_s : u"en"_s;
        dataset.sources << source;
    }
    const QDate first(2015, 1, 1);
    dataset.events.reserve(eventCount);
    for (int i = 0; i < eventCount; ++i) {
        Event event;
        event.uid = u"10000000-0000-4000-8000-%1"_s.arg(i, 12, 10, QChar(u'0'));
        const QString actor = pick(Actors, rng);
        const QString chip = pick(Chips, rng);
        event.title = actor + u' ' + pick(Verbs, rng) + u' ' + chip + u' ' + pick(Objects, rng) +
                      u" for "_s + pick(Places, rng);
        // 20–60 words, the actor named once in the middle.
        const int words = 20 + int(rng() % 41);
        event.summary = sentence(rng, words * 5 / 8) + u". "_s + actor + u' ' +
                        sentence(rng, words - words * 5 / 8) + u'.';
        const QDate day = first.addDays(qint64(rng() % 4000));
        const int precision = int(rng() % 10);
        event.start = precision == 0   ? PartialDate::fromYear(day.year())
                      : precision <= 2 ? PartialDate::fromYearMonth(day.year(), day.month())
                                       : PartialDate::fromDate(day);
        event.category = pick(Categories, rng);
        event.status = EventStatus(rng() % 3);
        event.actors = {actor};
        event.chips = {chip};
        const int citations = int(rng() % 3);
        for (int c = 0; c < citations; ++c) {
            const Source &source = dataset.sources[qsizetype(rng() % quint64(sourceCount))];
            if (std::none_of(event.citations.cbegin(), event.citations.cend(),
                             [&](const Citation &x) { return x.sourceUid == source.uid; }))
                event.citations << Citation{source.uid, sentence(rng, 12), QString()};
        }
        dataset.events << event;
    }
    return dataset;
}

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Wall time is what the user waits; the thread's CPU time is given too because the machine
// is shared, and other processes stretch wall time far more than CPU time.
struct Medians {
    double wallMs = 0;
    double cpuMs = 0;
};

Medians medianMs(int runs, const std::function<void()> &work) {
    work(); // warm the page cache and SQLite's statement preparation
    std::vector<double> wall;
    std::vector<double> cpu;
    for (int i = 0; i < runs; ++i) {
        const double c0 = threadCpuMs();
        const auto t0 = std::chrono::steady_clock::now();
        work();
        const auto t1 = std::chrono::steady_clock::now();
        wall.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        cpu.push_back(threadCpuMs() - c0);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

double loadAverage() {
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll().split(' ').value(0).toDouble() : -1;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool json = args.contains(u"--json"_s);
    const auto intArg = [&args](const QString &name, int fallback) {
        const qsizetype at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args[at + 1].toInt() : fallback;
    };
    const int eventCount = intArg(u"--events"_s, 100000);
    const int sourceCount = intArg(u"--sources"_s, 20000);
    const int runs = intArg(u"--runs"_s, 21);
    const qsizetype onlyAt = args.indexOf(u"--only"_s);
    const QString only = onlyAt >= 0 && onlyAt + 1 < args.size() ? args[onlyAt + 1] : QString();
    const auto skip = [&only](const QString &name) {
        return !name.contains(only);
    };

    // --db PATH keeps the database (and reuses it when it already holds events), for looking
    // at query plans in the sqlite3 shell; by default it lives in a temporary folder.
    QTemporaryDir dir;
    const qsizetype dbAt = args.indexOf(u"--db"_s);
    const QString dbPath =
        dbAt >= 0 && dbAt + 1 < args.size() ? args[dbAt + 1] : dir.filePath(u"bench.sqlite"_s);
    StoreError error;
    std::unique_ptr<TimelineStore> store = TimelineStore::open(dbPath, &error);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    QElapsedTimer importTimer;
    importTimer.start();
    ImportSummary summary;
    if (store->eventCount() == 0 && !store->importDataset(generate(eventCount, sourceCount),
                                                          ImportPolicy::Skip, &summary, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    const double importMs = double(importTimer.elapsed());

    // `matches`: how many rows the search matched (what its cost follows), -1 when not
    // counted.
    const auto report = [&](const QString &name, Medians ms, qsizetype results,
                            qsizetype matches = -1) {
        if (json)
            std::printf("{\"name\": \"%s\", \"events\": %d, \"median_ms\": %.3f, "
                        "\"median_cpu_ms\": %.3f, \"results\": %lld, \"matches\": %lld}\n",
                        qPrintable(name), eventCount, ms.wallMs, ms.cpuMs,
                        static_cast<long long>(results), static_cast<long long>(matches));
        else if (matches >= 0)
            std::printf("%-44s %9.3f ms %9.3f cpu ms  (%lld results of %lld matches)\n",
                        qPrintable(name), ms.wallMs, ms.cpuMs, static_cast<long long>(results),
                        static_cast<long long>(matches));
        else
            std::printf("%-44s %9.3f ms %9.3f cpu ms  (%lld results)\n", qPrintable(name),
                        ms.wallMs, ms.cpuMs, static_cast<long long>(results));
        std::fflush(stdout);
    };
    if (!json)
        std::printf("%d events, %d sources; import %.0f ms; load average %.1f\n", eventCount,
                    sourceCount, importMs, loadAverage());

    const QList<std::pair<QString, QString>> queries = {
        // A made-up word of rank 1,500 in the Zipf vocabulary: about 0.3% of the events, as
        // most words a researcher types.
        {u"search_events_word_typical"_s, vocabulary().at(1500)},
        {u"search_events_word_rare"_s, u"MI308"_s},
        {u"search_events_word_common"_s, u"Nvidia"_s},
        {u"search_events_prefix"_s, u"licen*"_s},
        {u"search_events_phrase"_s, u"\"revenue-share deal\""_s},
        {u"search_events_boolean"_s, u"(H20 OR H200) AND China NOT Huawei"_s},
        {u"search_events_folded_umlaut"_s, u"verzogerung"_s},
        // A part of a German compound: found inside "Exportbeschränkungen" (SearchCompounds).
        {u"search_events_compound_part"_s, u"beschrankung"_s},
        {u"search_events_and"_s, u"Huawei AND Ascend"_s},
        {u"search_events_or"_s, u"MI308 OR L20"_s},
        {u"search_events_not"_s, u"Nvidia NOT China"_s},
        {u"search_events_no_match"_s, u"quantum"_s},
        // The worst case: the most frequent word, in nearly every event.
        {u"search_events_stopword"_s, u"the"_s},
    };
    for (const auto &[name, text] : queries) {
        if (skip(name))
            continue;
        qsizetype count = 0;
        const Medians ms = medianMs(runs, [&, &text = text] {
            count = EventSearch::searchEvents(*store, text, {}, 50).size();
        });
        report(name, ms, count, EventSearch::countEvents(*store, text));
    }
    EventFilter filter;
    filter.categories = {u"china-policy"_s};
    filter.fromJulianDay = QDate(2020, 1, 1).toJulianDay();
    filter.toJulianDay = QDate(2022, 12, 31).toJulianDay();
    {
        if (!skip(u"search_events_with_filter"_s)) {
            qsizetype count = 0;
            const Medians ms = medianMs(runs, [&] {
                count = EventSearch::searchEvents(*store, u"H20"_s, filter, 50).size();
            });
            report(u"search_events_with_filter"_s, ms, count,
                   EventSearch::countEvents(*store, u"H20"_s, filter));
        }
    }
    {
        if (!skip(u"count_events_common"_s)) {
            int count = 0;
            const Medians ms =
                medianMs(runs, [&] { count = EventSearch::countEvents(*store, u"Nvidia"_s); });
            report(u"count_events_common"_s, ms, count);
        }
    }
    {
        if (!skip(u"search_events_with_actor_filter"_s)) {
            EventFilter actor;
            actor.actors = {u"Huawei"_s};
            qsizetype count = 0;
            const Medians ms = medianMs(runs, [&] {
                count = EventSearch::searchEvents(*store, u"Ascend"_s, actor, 50).size();
            });
            report(u"search_events_with_actor_filter"_s, ms, count,
                   EventSearch::countEvents(*store, u"Ascend"_s, actor));
        }
    }
    {
        if (!skip(u"count_events_with_filter"_s)) {
            int count = 0;
            const Medians ms =
                medianMs(runs, [&] { count = EventSearch::countEvents(*store, u"H20"_s, filter); });
            report(u"count_events_with_filter"_s, ms, count);
        }
    }
    {
        if (!skip(u"search_sources_word"_s)) {
            qsizetype count = 0;
            const Medians ms = medianMs(
                runs, [&] { count = EventSearch::searchSources(*store, u"Huawei"_s, 50).size(); });
            report(u"search_sources_word"_s, ms, count,
                   EventSearch::countSources(*store, u"Huawei"_s));
        }
    }
    {
        if (!skip(u"search_sources_prefix"_s)) {
            qsizetype count = 0;
            const Medians ms = medianMs(runs, [&] {
                count = EventSearch::searchSources(*store, u"exportbeschrankung*"_s, 50).size();
            });
            report(u"search_sources_prefix"_s, ms, count,
                   EventSearch::countSources(*store, u"exportbeschrankung*"_s));
        }
    }
    // The first search of a freshly opened store that widens a word: it reads the words of
    // the indexes once (SqliteSearchTerms.cpp); later searches find them in memory.
    if (!skip(u"search_first_after_open"_s)) {
        qsizetype count = 0;
        const Medians ms = medianMs(std::max(3, runs / 2), [&] {
            StoreError openError;
            const std::unique_ptr<TimelineStore> fresh = TimelineStore::open(dbPath, &openError);
            count = fresh ? EventSearch::searchEvents(*fresh, u"beschrankung"_s, {}, 50).size() : 0;
        });
        report(u"search_first_after_open"_s, ms, count);
    }
    {
        if (!skip(u"search_sources_compound_part"_s)) {
            qsizetype count = 0;
            const Medians ms = medianMs(runs, [&] {
                count = EventSearch::searchSources(*store, u"beschrankung"_s, 50).size();
            });
            report(u"search_sources_compound_part"_s, ms, count,
                   EventSearch::countSources(*store, u"beschrankung"_s));
        }
    }
    // A filter change as the window redraws it: the filter applied to the events it holds
    // in memory (TimelineDataFilter; tags and full-text by one id query), then the index of
    // what is left, which the next frame's layout reads.
    const TimelineData all = TimelineDataQuery::load(*store);
    const auto redraw = [&](const QString &name, const EventFilter &selected) {
        if (skip(name))
            return;
        qsizetype count = 0;
        const Medians ms = medianMs(std::max(3, runs / 2), [&] {
            const auto index =
                TimelineIndex::create(TimelineDataFilter::apply(all, selected, *store));
            count = index->data().size();
        });
        report(name, ms, count);
    };
    redraw(u"filter_change_filtered"_s, EventSearch::withSearchText(filter, u"H20"_s));
    {
        EventFilter actor;
        actor.actors = {u"Huawei"_s};
        redraw(u"filter_change_actor"_s, actor);
    }
    {
        EventFilter category;
        category.categories = {u"industry"_s};
        redraw(u"filter_change_category"_s, category);
    }
    {
        EventFilter range;
        range.fromJulianDay = QDate(2024, 1, 1).toJulianDay();
        range.toJulianDay = QDate(2024, 12, 31).toJulianDay();
        redraw(u"filter_change_one_year"_s, range);
    }
    {
        EventFilter searched;
        redraw(u"filter_change_search"_s, EventSearch::withSearchText(searched, u"MI308"_s));
    }
    // A search with a filter as the window runs it: the filter applied to the snapshot in
    // memory, then the matches ranked from the index and kept when the snapshot holds them.
    const auto searchAmong = [&](const QString &name, const QString &text,
                                 const EventFilter &selected) {
        if (skip(name))
            return;
        qsizetype count = 0;
        const Medians ms = medianMs(runs, [&] {
            const TimelineData among = TimelineDataFilter::apply(all, selected, *store);
            count = EventSearch::searchEventsAmong(*store, text, among, 50).size();
        });
        report(name, ms, count, EventSearch::countEvents(*store, text, selected));
    };
    searchAmong(u"search_events_with_filter_in_memory"_s, u"H20"_s, filter);
    {
        EventFilter actor;
        actor.actors = {u"Huawei"_s};
        searchAmong(u"search_events_with_actor_filter_in_memory"_s, u"Ascend"_s, actor);
    }
    return 0;
}
