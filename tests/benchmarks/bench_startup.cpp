// bench_startup: from process start to the first painted timeline frame. Creates a database
// with N synthetic events once (TimelineStore::importDataset; kept next to the benchmark's
// temporary folder and reused while it has N events), then starts `chiptimeline --db X` again
// and again with CHIPTIMELINE_BENCHMARK_FIRST_FRAME=1: the app prints the time of its first
// TimelineView paint and quits. Medians of wall time (QProcess start → the line is read) and
// of the child's CPU time (user + system at that moment, from /proc) are reported.
// `--lang de` starts the app in German (its translator and Qt's loaded), as a German user's.
//   bench_startup [--json] [--runs N] [--events N] [--db FILE] [--app PATH] [--lang de|en]

#include "model/Dataset.h"
#include "model/TimelineDataQuery.h"
#include "model/store/TimelineStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QStringList Categories = {u"export-control"_s, u"product"_s,  u"investment"_s,
                                u"litigation"_s,     u"research"_s, u"policy"_s};
const QStringList Actors = {u"Nvidia"_s, u"AMD"_s,     u"Intel"_s,  u"TSMC"_s,
                            u"ASML"_s,   u"Samsung"_s, u"Huawei"_s, u"SMIC"_s};
const QStringList Verbs = {u"announces"_s, u"delays"_s, u"ships"_s, u"restricts"_s, u"licenses"_s};
const QStringList Chips = {u"H100"_s, u"H20"_s, u"MI300"_s, u"Gaudi 3"_s, u"Ascend 910B"_s};

QString pick(const QStringList &list, std::mt19937_64 &rng) {
    return list[qsizetype(rng() % quint64(list.size()))];
}

// Events over 2015–2026 with one or two citations each, like a well-kept research dataset.
Dataset generate(int eventCount) {
    std::mt19937_64 rng(20250415);
    Dataset dataset;
    dataset.title = u"Synthetic"_s;
    int order = 0;
    for (const QString &name : Categories)
        dataset.categories << Category{0, name, name, QColor(u"#808080"_s), ++order};
    const int sourceCount = std::max(1, eventCount / 5);
    for (int i = 0; i < sourceCount; ++i) {
        Source source;
        source.uid = u"00000000-0000-4000-8000-%1"_s.arg(i, 12, 10, QChar(u'0'));
        source.title = pick(Actors, rng) + u' ' + pick(Verbs, rng) + u' ' + pick(Chips, rng);
        source.outlet = u"Outlet %1"_s.arg(i % 300);
        source.url = u"https://example.org/news/%1"_s.arg(i);
        dataset.sources << source;
    }
    const QDate first(2015, 1, 1);
    dataset.events.reserve(eventCount);
    for (int i = 0; i < eventCount; ++i) {
        Event event;
        event.uid = u"10000000-0000-4000-8000-%1"_s.arg(i, 12, 10, QChar(u'0'));
        const QString actor = pick(Actors, rng);
        const QString chip = pick(Chips, rng);
        event.title = actor + u' ' + pick(Verbs, rng) + u' ' + chip;
        const QDate day = first.addDays(qint64(rng() % 4300));
        const int precision = int(rng() % 10);
        event.start = precision == 0   ? PartialDate::fromYear(day.year())
                      : precision <= 2 ? PartialDate::fromYearMonth(day.year(), day.month())
                                       : PartialDate::fromDate(day);
        if (rng() % 14 == 0)
            event.end = PartialDate::fromDate(day.addDays(qint64(1 + rng() % 200)));
        event.category = pick(Categories, rng);
        event.status = EventStatus(rng() % 3);
        event.importance = int(1 + rng() % 3);
        event.actors = {actor};
        event.chips = {chip};
        const int citations = int(1 + rng() % 2);
        for (int c = 0; c < citations; ++c) {
            const Source &source = dataset.sources[qsizetype(rng() % quint64(sourceCount))];
            if (std::none_of(event.citations.cbegin(), event.citations.cend(),
                             [&](const Citation &x) { return x.sourceUid == source.uid; }))
                event.citations << Citation{source.uid, QString(), QString()};
        }
        dataset.events << event;
    }
    return dataset;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n == 0 ? 0 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

// User + system CPU time of a running process, in ms.
double processCpuMs(qint64 pid) {
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // Fields after the command name (which may hold spaces) : state is field 3.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields[11].toDouble() + fields[12].toDouble()) * 1000.0 / ticks;
}

double loadAverage() {
    QFile f(u"/proc/loadavg"_s);
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : 0;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    bool json = false;
    int runs = 11;
    int eventCount = 100000;
    QString dbPath;
    QString language = u"en"_s;
    QString appPath =
        QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(u"../../app/chiptimeline"_s);
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--json")
            json = true;
        else if (args[i] == u"--runs" && i + 1 < args.size())
            runs = std::max(1, args[++i].toInt());
        else if (args[i] == u"--events" && i + 1 < args.size())
            eventCount = std::max(1, args[++i].toInt());
        else if (args[i] == u"--db" && i + 1 < args.size())
            dbPath = args[++i];
        else if (args[i] == u"--app" && i + 1 < args.size())
            appPath = args[++i];
        else if (args[i] == u"--lang" && i + 1 < args.size())
            language = args[++i];
    }
    if (dbPath.isEmpty())
        dbPath = QDir::temp().filePath(u"chiptimeline-bench-startup-%1.sqlite"_s.arg(eventCount));
    if (!QFileInfo::exists(appPath)) {
        std::fprintf(stderr, "bench_startup: no app at %s (--app PATH)\n", qPrintable(appPath));
        return 1;
    }

    // The database is made once; a run with another count makes its own file.
    {
        StoreError error;
        std::unique_ptr<TimelineStore> store = TimelineStore::open(dbPath, &error);
        if (!store) {
            std::fprintf(stderr, "bench_startup: %s\n", qPrintable(error.message));
            return 1;
        }
        if (store->eventCount() != eventCount) {
            store.reset();
            QFile::remove(dbPath);
            store = TimelineStore::open(dbPath, &error);
            QElapsedTimer timer;
            timer.start();
            ImportSummary summary;
            if (!store ||
                !store->importDataset(generate(eventCount), ImportPolicy::Skip, &summary, &error)) {
                std::fprintf(stderr, "bench_startup: %s\n", qPrintable(error.message));
                return 1;
            }
            std::fprintf(stderr, "bench_startup: made %s (%d events) in %lld ms\n",
                         qPrintable(dbPath), eventCount, qlonglong(timer.elapsed()));
        }
    }

    // The part of a start that reads the events (in this process): all events, which reads
    // the link tables in ordered passes, and with a filter that keeps every event, which
    // takes the per-event subqueries.
    std::vector<double> loadAll;
    std::vector<double> loadFiltered;
    {
        StoreError error;
        std::unique_ptr<TimelineStore> store = TimelineStore::open(dbPath, &error);
        EventFilter everything;
        everything.fromJulianDay = 0;
        for (int r = 0; r < 3; ++r) {
            QElapsedTimer timer;
            timer.start();
            const TimelineData all = TimelineDataQuery::load(*store);
            loadAll.push_back(double(timer.nsecsElapsed()) / 1e6);
            timer.restart();
            const TimelineData filtered = TimelineDataQuery::load(*store, everything);
            loadFiltered.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"CHIPTIMELINE_BENCHMARK_FIRST_FRAME"_s, u"1"_s);
    if (!env.contains(u"QT_QPA_PLATFORM"_s))
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    std::vector<double> wall;
    std::vector<double> cpu;
    std::vector<double> inApp;
    for (int r = 0; r < runs + 1; ++r) { // the first run warms the file cache
        QProcess process;
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::SeparateChannels);
        QElapsedTimer timer;
        timer.start();
        process.start(appPath, {u"--db"_s, dbPath, u"--lang"_s, language});
        if (!process.waitForStarted(10000)) {
            std::fprintf(stderr, "bench_startup: cannot start %s\n", qPrintable(appPath));
            return 1;
        }
        QByteArray line;
        while (!line.contains('\n') && process.state() == QProcess::Running) {
            if (process.waitForReadyRead(30000))
                line += process.readAllStandardOutput();
            else
                break;
        }
        const double wallMs = double(timer.nsecsElapsed()) / 1e6;
        const double cpuMs = processCpuMs(process.processId());
        process.waitForFinished(30000);
        if (!line.startsWith("first-frame")) {
            std::fprintf(stderr, "bench_startup: no first frame (%s)\n",
                         process.readAllStandardError().constData());
            return 1;
        }
        if (r == 0)
            continue;
        wall.push_back(wallMs);
        cpu.push_back(cpuMs);
        inApp.push_back(line.split(' ').value(1).trimmed().toDouble());
    }
    if (json) {
        std::printf("{\"name\": \"startup to first frame\", \"events\": %d, \"median_ms\": %.1f, "
                    "\"median_cpu_ms\": %.1f, \"median_in_app_ms\": %.1f, "
                    "\"load_all_ms\": %.1f, \"load_filtered_ms\": %.1f}\n",
                    eventCount, median(wall), median(cpu), median(inApp), median(loadAll),
                    median(loadFiltered));
    } else {
        std::printf("%-28s %10s %12s %12s %12s\n", "benchmark", "events", "median ms", "median cpu",
                    "in-app ms");
        std::printf("%-28s %10d %12.1f %12.1f %12.1f\n", "startup to first frame", eventCount,
                    median(wall), median(cpu), median(inApp));
        std::printf("%-28s %10d %12.1f\n", "load all (ordered passes)", eventCount,
                    median(loadAll));
        std::printf("%-28s %10d %12.1f\n", "load filtered (subqueries)", eventCount,
                    median(loadFiltered));
        std::printf("(%d runs; load average %.1f)\n", runs, loadAverage());
    }
    return 0;
}
