// Relations at scale: a timeline of 100k events with 50k relations (12,500 chains of five
// events, each relation citing one source) in an SQLite file. Times `chiptimeline chain UID
// --json` run in-process (open the file, find the chain, print it), the relations of one
// event, and every relation read at once. Medians over N runs (docs/benchmarks.md).
//   bench_relations [--json] [--runs N] [--events N]

#include "app/CommandLine.h"
#include "model/Dataset.h"
#include "model/store/TimelineStore.h"
#include "tests/benchmarks/SyntheticTimeline.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

bool g_json = false;

double timeMs(const std::function<void()> &f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n == 0 ? 0 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

void report(const char *name, qsizetype events, double ms) {
    if (g_json)
        std::printf("{\"name\": \"%s\", \"events\": %lld, \"median_ms\": %.3f}\n", name,
                    qlonglong(events), ms);
    else
        std::printf("%-32s %10lld %12.3f\n", name, qlonglong(events), ms);
    std::fflush(stdout);
}

// The events, one source, and chains of five events in time order, each later event
// answering the one before it.
Dataset timelineWithChains(qsizetype count, qsizetype relationCount) {
    Dataset dataset;
    dataset.categories = SyntheticTimeline::categories();
    Source source;
    source.uid = u"bench-source"_s;
    source.title = u"Benchmark source"_s;
    dataset.sources.append(source);
    dataset.events = SyntheticTimeline::generateEvents(count);
    for (Event &event : dataset.events)
        event.citations = {{u"bench-source"_s, {}, {}}};
    QList<const Event *> byDay;
    for (const Event &event : std::as_const(dataset.events))
        byDay << &event;
    std::stable_sort(byDay.begin(), byDay.end(), [](const Event *a, const Event *b) {
        return a->firstJulianDay() < b->firstJulianDay();
    });
    static const RelationType types[] = {RelationType::RespondsTo, RelationType::Amends,
                                         RelationType::FollowsFrom, RelationType::Implements};
    const qsizetype chains = relationCount / 4;
    const qsizetype stride = std::max<qsizetype>(5, count / std::max<qsizetype>(1, chains));
    for (qsizetype c = 0; c < chains; ++c)
        for (int k = 1; k < 5; ++k) {
            const qsizetype later = c * stride + k;
            if (later >= byDay.size())
                break;
            dataset.relations.append({byDay.at(later)->uid,
                                      byDay.at(later - 1)->uid,
                                      types[(c + k) % 4],
                                      {},
                                      {{u"bench-source"_s, u"Quoted evidence."_s, {}}}});
        }
    return dataset;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    int runs = 31;
    qsizetype count = 100000;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--json")
            g_json = true;
        else if (args[i] == u"--runs" && i + 1 < args.size())
            runs = std::max(1, args[++i].toInt());
        else if (args[i] == u"--events" && i + 1 < args.size())
            count = std::max<qsizetype>(10, args[++i].toLongLong());
    }
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("BENCH_KEEP"));
    const QString path = dir.filePath(u"relations.sqlite"_s);
    const Dataset dataset = timelineWithChains(count, count / 2);
    {
        StoreError error;
        std::unique_ptr<TimelineStore> store = TimelineStore::open(path, &error);
        ImportSummary summary;
        if (!store || !store->importDataset(dataset, ImportPolicy::Skip, &summary, &error)) {
            std::fprintf(stderr, "bench_relations: %s\n", qPrintable(error.message));
            return 1;
        }
    }
    if (!g_json)
        std::printf("%-32s %10s %12s   (%lld relations)\n", "benchmark", "events", "median ms",
                    qlonglong(dataset.relations.size()));

    // A chain in the middle of the timeline.
    const QString uid = dataset.relations.at(dataset.relations.size() / 2).fromUid;
    std::vector<double> command;
    QString printed;
    qsizetype seen = 0;
    for (int r = 0; r < runs; ++r) {
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        command.push_back(timeMs([&] {
            if (CommandLine::run({u"--db"_s, path, u"chain"_s, uid, u"--json"_s}, outStream,
                                 errStream) != 0)
                std::fprintf(stderr, "bench_relations: %s", qPrintable(err));
        }));
        printed = out;
    }
    report("chain --json (open+chain+print)", count, median(command));

    std::vector<double> opening;
    for (int r = 0; r < runs; ++r) {
        StoreError error;
        opening.push_back(timeMs([&] { (void)TimelineStore::open(path, &error); }));
    }
    report("open the file (as every command)", count, median(opening));

    StoreError error;
    std::unique_ptr<TimelineStore> store = TimelineStore::open(path, &error);
    std::vector<double> chain;
    for (int r = 0; r < runs; ++r)
        chain.push_back(timeMs([&] { seen += store->relationChain(uid).relations.size(); }));
    report("relationChain (store open)", count, median(chain));
    std::vector<double> one;
    std::vector<double> all;
    for (int r = 0; r < runs; ++r)
        one.push_back(timeMs([&] { seen += store->relationsOf(uid).size(); }));
    for (int r = 0; r < runs; ++r)
        all.push_back(timeMs([&] { seen += store->relations().size(); }));
    report("relationsOf one event", count, median(one));
    report("relations() all", count, median(all));
    if (seen == 0 || !printed.contains(uid))
        std::fprintf(stderr, "bench_relations: the chain was not found\n");
    return 0;
}
