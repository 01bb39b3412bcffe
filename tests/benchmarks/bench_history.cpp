// bench_history: what the history (issue #19, docs/history.md) costs in time and in file size.
// A file with SyntheticTimeline events (one import, its one revision), then R revisions of
// every event: R bulk edits, each one revision changing one field of every event in turn
// (status, title, importance, start date, summary) and with it `modified`. Measured on it:
//   history_file_bytes        its size against a file holding the same data without that
//                             history (the final dataset imported into a new file), both
//                             vacuumed, and the growth in per cent;
//   history_store_edit        one event saved through the store, its revision written with it
//                             (1000 edits of different events, one field each, one by one);
//   history_bytes_per_edit    what one such edit adds to the file, and the growth if every
//                             event had R of them (one revision each) instead of R bulk ones;
//   history_of_one_event      the History dock's read: the revisions of one event with their
//                             changes (RevisionFilter uid, withChanges);
//   history_latest_revision   the newest revision's number (what every figure records);
//   export_data_now|as_of     `chiptimeline export-data --out F.json` in process, now and
//                             `--as-of` the revision halfway through the edits;
//   export_png_now|as_of      `chiptimeline export --out F.png`, now and `--as-of` the same;
//   *_as_of_recent            the same `--as-of` the revision before the 1000 single edits
//                             (what a figure made last week asks: few events changed since);
//   as_of_store[_recent]      the store of then alone (::storeAsOf, no whole dataset): what
//                             a figure's --as-of costs besides drawing the figure of then.
// Small defaults (10k events) keep it quick; docs/benchmarks.md gives the 100k figures.
//   bench_history [--json] [--runs N] [--events N] [--revisions R] [--png-runs N (0: none)]
//                 [--growth-only]
// --growth-only: only history_file_bytes and where its bytes are, then stop (the file
// growth at 100k events in minutes, without the timed steps).

#include "app/CommandLine.h"
#include "model/Dataset.h"
#include "model/StoreChanges.h"
#include "model/history/StoreAsOf.h"
#include "model/store/TimelineStore.h"
#include "tests/benchmarks/SyntheticTimeline.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

bool g_json = false;
qsizetype g_events = 0;

double processCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// The wall time of `f`, and in `cpuMs` the CPU time of the process's threads meanwhile (on a
// shared machine the figure less disturbed by others' work).
double timeMs(const std::function<void()> &f, double *cpuMs = nullptr) {
    const double c0 = processCpuMs();
    const auto t0 = std::chrono::steady_clock::now();
    f();
    const double wall =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (cpuMs)
        *cpuMs = processCpuMs() - c0;
    return wall;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n == 0 ? 0 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

struct Medians {
    double wallMs = 0;
    double cpuMs = 0;
};

Medians medianOf(int runs, const std::function<void()> &f) {
    f(); // warm up
    std::vector<double> wall;
    std::vector<double> cpu;
    for (int r = 0; r < runs; ++r) {
        double cpuMs = 0;
        wall.push_back(timeMs(f, &cpuMs));
        cpu.push_back(cpuMs);
    }
    return {median(wall), median(cpu)};
}

void report(const char *name, const Medians &m) {
    if (g_json)
        std::printf("{\"name\": \"%s\", \"events\": %lld, \"median_ms\": %.3f, "
                    "\"median_cpu_ms\": %.3f}\n",
                    name, qlonglong(g_events), m.wallMs, m.cpuMs);
    else
        std::printf("%-28s %10lld %12.3f %12.3f\n", name, qlonglong(g_events), m.wallMs, m.cpuMs);
    std::fflush(stdout);
}

[[noreturn]] void fail(const QString &what) {
    std::fprintf(stderr, "bench_history: %s\n", qPrintable(what));
    std::exit(1);
}

Dataset syntheticDataset(qsizetype count) {
    Dataset dataset;
    dataset.title = u"Synthetic"_s;
    dataset.categories = SyntheticTimeline::categories();
    dataset.events = SyntheticTimeline::generateEvents(count);
    QSet<QString> cited;
    for (const Event &event : std::as_const(dataset.events))
        for (const Citation &citation : event.citations)
            cited.insert(citation.sourceUid);
    for (const QString &uid : std::as_const(cited)) {
        Source source;
        source.uid = uid;
        source.title = u"Report "_s + uid;
        source.outlet = u"Synthetic Wire"_s;
        source.url = u"https://example.org/"_s + uid;
        dataset.sources << source;
    }
    return dataset;
}

// Revision `round` of every event: one field changed, in turn.
void reviseAll(TimelineStore &store, int round) {
    StoreChanges changes;
    changes.revisionKind = u"bulk"_s;
    changes.revisionSummary = u"bench round %1"_s.arg(round);
    changes.saveEvents = store.events();
    for (Event &event : changes.saveEvents) {
        switch (round % 5) {
        case 0:
            event.status = event.status == EventStatus::Reported ? EventStatus::Confirmed
                                                                 : EventStatus::Reported;
            break;
        case 1:
            event.title = event.title + u" (revised)"_s;
            break;
        case 2:
            event.importance = event.importance % 3 + 1;
            break;
        case 3:
            if (event.start.precision() == DatePrecision::Day && !event.end.isValid())
                event.start =
                    PartialDate::fromDate(QDate::fromJulianDay(event.start.firstJulianDay() + 1));
            else
                event.importance = event.importance % 3 + 1;
            break;
        default:
            event.summary = event.summary + u" Corrected per the agency's statement."_s;
        }
    }
    StoreError error;
    if (!store.applyChanges(changes, &error))
        fail(error.message);
}

// The file's size once vacuumed (free pages left by the bulk writes dropped).
qint64 vacuumedBytes(const QString &path) {
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"vacuum"_s);
        db.setDatabaseName(path);
        if (!db.open())
            fail(path + u": cannot open to vacuum"_s);
        QSqlQuery query(db);
        if (!query.exec(u"VACUUM"_s) || !query.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s))
            fail(path + u": cannot vacuum"_s);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"vacuum"_s);
    return QFileInfo(path).size();
}

// Where the bytes of the file are: each table and index (SQLite's dbstat), largest first.
void printBreakdown(const QString &path) {
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"dbstat"_s);
        db.setDatabaseName(path);
        if (!db.open())
            fail(path + u": cannot open to read dbstat"_s);
        QSqlQuery query(db);
        if (query.exec(u"SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name "
                       "ORDER BY bytes DESC LIMIT 12"_s)) {
            while (query.next()) {
                const QByteArray name = query.value(0).toString().toUtf8();
                const qint64 bytes = query.value(1).toLongLong();
                if (g_json)
                    std::printf("{\"name\": \"history_file_object\", \"events\": %lld, "
                                "\"object\": \"%s\", \"bytes\": %lld}\n",
                                qlonglong(g_events), name.constData(), qlonglong(bytes));
                else
                    std::printf("  %-36s %12lld bytes\n", name.constData(), qlonglong(bytes));
            }
        } else {
            std::fprintf(stderr, "bench_history: no dbstat in this SQLite: no breakdown\n");
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"dbstat"_s);
}

int runCommand(const QStringList &arguments) {
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    const int code = CommandLine::run(arguments, outStream, errStream);
    if (code != 0)
        fail(arguments.join(u' ') + u": "_s + err.trimmed());
    return code;
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    int runs = 11;
    int pngRuns = 5;
    int revisions = 10;
    bool growthOnly = false;
    g_events = 10000;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--json")
            g_json = true;
        else if (args[i] == u"--runs" && i + 1 < args.size())
            runs = std::max(1, args[++i].toInt());
        else if (args[i] == u"--png-runs" && i + 1 < args.size())
            pngRuns = std::max(0, args[++i].toInt());
        else if (args[i] == u"--events" && i + 1 < args.size())
            g_events = std::max<qsizetype>(10, args[++i].toLongLong());
        else if (args[i] == u"--revisions" && i + 1 < args.size())
            revisions = std::max(1, args[++i].toInt());
        else if (args[i] == u"--growth-only")
            growthOnly = true;
    }

    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("BENCH_KEEP"));
    const QString withHistory = dir.filePath(u"with-history.sqlite"_s);
    const QString without = dir.filePath(u"without-history.sqlite"_s);
    StoreError error;
    qint64 halfway = 0;
    qint64 beforeEdits = 0; // the revision before the 1000 single edits
    Dataset final;
    {
        std::unique_ptr<TimelineStore> store = TimelineStore::open(withHistory, &error);
        if (!store || !store->importDataset(syntheticDataset(g_events), ImportPolicy::KeepBoth,
                                            nullptr, &error))
            fail(error.message);
        for (int round = 0; round < revisions; ++round) {
            reviseAll(*store, round);
            if (round == revisions / 2 - 1 || revisions == 1)
                halfway = store->latestRevision();
        }
        final = store->dataset();
    }
    {
        std::unique_ptr<TimelineStore> store = TimelineStore::open(without, &error);
        if (!store || !store->importDataset(final, ImportPolicy::KeepBoth, nullptr, &error))
            fail(error.message);
    }
    const qint64 bytesWith = vacuumedBytes(withHistory);
    const qint64 bytesWithout = vacuumedBytes(without);
    const double growth = 100.0 * double(bytesWith - bytesWithout) / double(bytesWithout);
    if (g_json)
        std::printf("{\"name\": \"history_file_bytes\", \"events\": %lld, \"revisions_each\": %d, "
                    "\"bytes_with_history\": %lld, \"bytes_without\": %lld, "
                    "\"growth_percent\": %.1f}\n",
                    qlonglong(g_events), revisions, qlonglong(bytesWith), qlonglong(bytesWithout),
                    growth);
    else
        std::printf("history_file_bytes: %lld events, %d revisions each: %lld bytes with the "
                    "history, %lld without, +%.1f%%\n",
                    qlonglong(g_events), revisions, qlonglong(bytesWith), qlonglong(bytesWithout),
                    growth);
    printBreakdown(withHistory);
    if (growthOnly)
        return 0;
    if (!g_json)
        std::printf("%-28s %10s %12s %12s\n", "benchmark", "events", "median ms", "median cpu");

    {
        std::unique_ptr<TimelineStore> store = TimelineStore::open(withHistory, &error);
        if (!store)
            fail(error.message);
        QList<Event> events = store->events();
        beforeEdits = store->latestRevision();
        // Edits one at a time as a person makes them, each its own revision: a different
        // event each, one field in turn. Their cost in time, and in bytes per edit.
        const qsizetype edits = std::min<qsizetype>(1000, events.size());
        std::vector<double> editTimes;
        std::vector<double> editCpu;
        for (qsizetype i = 0; i < edits; ++i) {
            Event &edited = events[(i * 7919) % events.size()];
            if (i % 2)
                edited.title = edited.title + u" (corrected)"_s;
            else
                edited.importance = edited.importance % 3 + 1;
            double cpuMs = 0;
            editTimes.push_back(timeMs(
                [&] {
                    if (!store->saveEvent(edited, &error))
                        fail(error.message);
                },
                &cpuMs));
            editCpu.push_back(cpuMs);
        }
        report("history_store_edit", {median(editTimes), median(editCpu)});
        store.reset();
        const double bytesPerEdit = double(vacuumedBytes(withHistory) - bytesWith) / double(edits);
        const double estimated =
            100.0 * bytesPerEdit * double(g_events) * revisions / double(bytesWithout);
        if (g_json)
            std::printf("{\"name\": \"history_bytes_per_edit\", \"events\": %lld, "
                        "\"bytes_per_edit\": %.0f, \"growth_percent_if_edited_one_by_one\": "
                        "%.1f}\n",
                        qlonglong(g_events), bytesPerEdit, estimated);
        else
            std::printf("history_bytes_per_edit: %.0f bytes per single edit; %d such edits of "
                        "every event: +%.1f%%\n",
                        bytesPerEdit, revisions, estimated);
        store = TimelineStore::open(withHistory, &error);
        if (!store)
            fail(error.message);
        // A different event each time, spread over the timeline.
        qsizetype next = 0;
        qsizetype found = 0;
        report("history_of_one_event", medianOf(runs, [&] {
                   RevisionFilter filter;
                   filter.uid = events.at((next++ * 7919) % events.size()).uid;
                   filter.withChanges = true;
                   found += store->revisions(filter).size();
               }));
        if (found == 0)
            fail(u"no revisions of the events read"_s);
        qint64 latest = 0;
        report("history_latest_revision",
               medianOf(runs, [&] { latest += store->latestRevision(); }));
    }

    const QString json = dir.filePath(u"out.json"_s);
    const QString png = dir.filePath(u"out.png"_s);
    const QString asOf = u"r%1"_s.arg(halfway);
    const QString recent = u"r%1"_s.arg(beforeEdits);
    report("export_data_now", medianOf(runs, [&] {
               runCommand({u"--db"_s, withHistory, u"export-data"_s, u"--out"_s, json});
           }));
    report("export_data_as_of", medianOf(runs, [&] {
               runCommand({u"--db"_s, withHistory, u"export-data"_s, u"--as-of"_s, asOf, u"--out"_s,
                           json});
           }));
    report("export_data_as_of_recent", medianOf(runs, [&] {
               runCommand({u"--db"_s, withHistory, u"export-data"_s, u"--as-of"_s, recent,
                           u"--out"_s, json});
           }));
    {
        // The store of then alone, what a figure's --as-of reads instead of the live one
        // (::storeAsOf without the whole dataset): the part of export_png_as_of that is not
        // the figure (whose cost depends on what the timeline held then).
        std::unique_ptr<TimelineStore> store = TimelineStore::open(withHistory, &error);
        if (!store)
            fail(error.message);
        for (const auto &[name, revision] :
             {std::pair("as_of_store", halfway), std::pair("as_of_store_recent", beforeEdits)}) {
            report(name, medianOf(runs, [&] {
                       QString failure;
                       if (!storeAsOf(*store, revision, &failure, AsOfDataset::Skip).store)
                           fail(failure);
                   }));
        }
    }
    if (pngRuns == 0) // --png-runs 0: the figures skipped
        return 0;
    report("export_png_now", medianOf(pngRuns, [&] {
               runCommand({u"--db"_s, withHistory, u"export"_s, u"--out"_s, png});
           }));
    report(
        "export_png_as_of", medianOf(pngRuns, [&] {
            runCommand({u"--db"_s, withHistory, u"export"_s, u"--as-of"_s, asOf, u"--out"_s, png});
        }));
    report("export_png_as_of_recent", medianOf(pngRuns, [&] {
               runCommand(
                   {u"--db"_s, withHistory, u"export"_s, u"--as-of"_s, recent, u"--out"_s, png});
           }));
    return 0;
}
