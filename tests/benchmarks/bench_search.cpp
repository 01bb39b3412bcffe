// Search and filter speed on a large store: 100k events, 20k sources, generated
// deterministically and imported in one transaction. Prints one line per measurement, or
// with --json one JSON object per line: {"name": ..., "events": N, "median_ms": X,
// "median_cpu_ms": Y}. A filter change is measured as the timeline redraws it: the events
// loaded with TimelineDataQuery::load and the TimelineIndex built over them.
// Usage: bench_search [--json] [--events N] [--sources N] [--runs N] [--db PATH] [--only TEXT]
// (--only: just the measurements whose name contains TEXT, e.g. for perf record)

#include "model/Dataset.h"
#include "model/EventSearch.h"
#include "model/TimelineDataQuery.h"
#include "model/TimelineStore.h"
#include "ui/render/TimelineIndex.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
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
const QStringList Filler = {
    u"officials"_s,  u"said"_s,      u"according"_s,   u"to"_s,
    u"people"_s,     u"familiar"_s,  u"with"_s,        u"the"_s,
    u"matter"_s,     u"sales"_s,     u"quarter"_s,     u"revenue"_s,
    u"regulators"_s, u"rules"_s,     u"threshold"_s,   u"performance"_s,
    u"density"_s,    u"exports"_s,   u"customers"_s,   u"data"_s,
    u"centres"_s,    u"inference"_s, u"supply"_s,      u"chain"_s,
    u"memory"_s,     u"bandwidth"_s, u"Verzögerung"_s, u"Exportbeschränkungen"_s,
    u"Behörden"_s,   u"Markt"_s};
const QStringList Categories = {u"us-export-control"_s, u"us-policy-deal"_s, u"china-policy"_s,
                                u"industry"_s, u"model-release"_s};

QString pick(const QStringList &list, std::mt19937_64 &rng) {
    return list[qsizetype(rng() % quint64(list.size()))];
}

QString sentence(std::mt19937_64 &rng, int words) {
    QStringList parts;
    for (int i = 0; i < words; ++i)
        parts << pick(Filler, rng);
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
        event.summary = sentence(rng, 25) + u". "_s + actor + u' ' + sentence(rng, 15) + u'.';
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

    const auto report = [&](const QString &name, Medians ms, qsizetype results) {
        if (json)
            std::printf("{\"name\": \"%s\", \"events\": %d, \"median_ms\": %.3f, "
                        "\"median_cpu_ms\": %.3f}\n",
                        qPrintable(name), eventCount, ms.wallMs, ms.cpuMs);
        else
            std::printf("%-44s %9.3f ms %9.3f cpu ms  (%lld results)\n", qPrintable(name),
                        ms.wallMs, ms.cpuMs, static_cast<long long>(results));
        std::fflush(stdout);
    };
    if (!json)
        std::printf("%d events, %d sources; import %.0f ms; load average %.1f\n", eventCount,
                    sourceCount, importMs, loadAverage());

    const QList<std::pair<QString, QString>> queries = {
        {u"search_events_word_rare"_s, u"MI308"_s},
        {u"search_events_word_common"_s, u"Nvidia"_s},
        {u"search_events_prefix"_s, u"licen*"_s},
        {u"search_events_phrase"_s, u"\"revenue-share deal\""_s},
        {u"search_events_boolean"_s, u"(H20 OR H200) AND China NOT Huawei"_s},
        {u"search_events_folded_umlaut"_s, u"verzogerung"_s},
        {u"search_events_and"_s, u"Huawei AND Ascend"_s},
        {u"search_events_or"_s, u"MI308 OR L20"_s},
        {u"search_events_not"_s, u"Nvidia NOT China"_s},
        {u"search_events_no_match"_s, u"quantum"_s},
    };
    for (const auto &[name, text] : queries) {
        if (skip(name))
            continue;
        qsizetype count = 0;
        const Medians ms = medianMs(runs, [&, &text = text] {
            count = EventSearch::searchEvents(*store, text, {}, 50).size();
        });
        report(name, ms, count);
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
            report(u"search_events_with_filter"_s, ms, count);
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
            report(u"search_events_with_actor_filter"_s, ms, count);
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
            report(u"search_sources_word"_s, ms, count);
        }
    }
    {
        if (!skip(u"search_sources_prefix"_s)) {
            qsizetype count = 0;
            const Medians ms = medianMs(runs, [&] {
                count = EventSearch::searchSources(*store, u"exportbeschrankung*"_s, 50).size();
            });
            report(u"search_sources_prefix"_s, ms, count);
        }
    }
    // A filter change as the timeline redraws it: load the selected events, index them.
    const auto redraw = [&](const QString &name, const EventFilter &selected) {
        if (skip(name))
            return;
        qsizetype count = 0;
        const Medians ms = medianMs(std::max(3, runs / 2), [&] {
            const auto index = TimelineIndex::create(TimelineDataQuery::load(*store, selected));
            count = index->data().size();
        });
        report(name, ms, count);
    };
    redraw(u"filter_change_load_filtered"_s, EventSearch::withSearchText(filter, u"H20"_s));
    {
        if (!skip(u"filter_change_load_actor"_s)) {
            EventFilter actor;
            actor.actors = {u"Huawei"_s};
            redraw(u"filter_change_load_actor"_s, actor);
        }
    }
    {
        if (!skip(u"filter_change_load_category"_s)) {
            EventFilter category;
            category.categories = {u"industry"_s};
            redraw(u"filter_change_load_category"_s, category);
        }
    }
    {
        if (!skip(u"filter_change_load_one_year"_s)) {
            EventFilter range;
            range.fromJulianDay = QDate(2024, 1, 1).toJulianDay();
            range.toJulianDay = QDate(2024, 12, 31).toJulianDay();
            redraw(u"filter_change_load_one_year"_s, range);
        }
    }
    {
        if (!skip(u"filter_change_load_search"_s)) {
            EventFilter searched;
            redraw(u"filter_change_load_search"_s,
                   EventSearch::withSearchText(searched, u"MI308"_s));
        }
    }
    return 0;
}
