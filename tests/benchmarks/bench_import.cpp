// Interchange speed and memory on a large dataset: 100k events citing 20k sources, generated
// deterministically. Times NativeJsonFormat::read of the file, TimelineStore::importDataset
// into a fresh database, the export (TimelineStore::dataset + NativeJsonFormat::write), and
// TimelineJsCsvFormat::read + import of the same events as a TimelineJS sheet. The peak memory
// of an import (read the file, parse, import: what `chiptimeline import` does) is taken in a
// child process started for just that, from its VmHWM. json_file_import and
// timelinejs_csv_file_import time that import whole: the file read on a second thread while
// the store writes (FileImport); their CPU time is both threads'. *_file_import_beside_reader
// time it with a second connection open on the database, as in the window. *_file_preview time what
// the window's Import dialog reads before it shows its counts (FileImport::previewFile), and
// *_dialog_import_peak the peak memory of that preview followed by the import.
// Prints one line per measurement, or with --json one JSON object per line:
// {"name": ..., "events": N, "median_ms": X, "median_cpu_ms": Y[, "rss_mb"/"peak_mb": Z]}.
// Usage: bench_import [--json] [--events N] [--sources N] [--runs N] [--dir D] [--only PART]
// --dir keeps the generated files (and the database) in D and reuses files found there;
// --only runs one part: json (read, import, export), csv (read, import) or peak.

#include "app/HugePageHeap.h"
#include "model/Dataset.h"
#include "model/FileImport.h"
#include "model/ImportPreview.h"
#include "model/formats/DatasetFormats.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/formats/TimelineJsCsvFormat.h"
#include "model/store/TimelineStore.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QProcess>
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

bool g_json = false;

// ---- A deterministic synthetic dataset (std::mt19937_64's sequence is fixed by the
// standard; no std::*_distribution, whose output differs between libraries) ----

const QStringList Actors = {u"Nvidia"_s,  u"AMD"_s,       u"Huawei"_s,      u"US Commerce/BIS"_s,
                            u"MOFCOM"_s,  u"CAC"_s,       u"White House"_s, u"DeepSeek"_s,
                            u"Alibaba"_s, u"ByteDance"_s, u"SMIC"_s,        u"TSMC"_s,
                            u"Tencent"_s, u"Baidu"_s,     u"Cambricon"_s,   u"ASML"_s,
                            u"Micron"_s,  u"SK Hynix"_s,  u"Samsung"_s,     u"Intel"_s};
const QStringList Chips = {u"H20"_s,  u"H200"_s,          u"H100"_s,  u"A800"_s,
                           u"H800"_s, u"Ascend 910C"_s,   u"MI308"_s, u"Blackwell"_s,
                           u"L20"_s,  u"RTX Pro 6000D"_s, u"B30A"_s,  u"HBM3E"_s};
const QStringList Verbs = {u"announces"_s, u"restricts"_s, u"approves"_s, u"delays"_s,
                           u"reviews"_s,   u"suspends"_s,  u"reports"_s,  u"bans"_s,
                           u"resumes"_s,   u"probes"_s};
const QStringList Objects = {u"licence requirement"_s, u"export controls"_s, u"shipments"_s,
                             u"revenue-share deal"_s,  u"antitrust probe"_s, u"entity listing"_s,
                             u"training cluster"_s,    u"model release"_s,   u"customs checks"_s,
                             u"procurement guidance"_s};
const QStringList Places = {u"China"_s,  u"Hong Kong"_s, u"Malaysia"_s,
                            u"the US"_s, u"Singapore"_s, u"the Middle East"_s};
const QStringList Filler = {
    u"officials"_s,  u"said"_s,      u"according"_s,   u"to"_s,
    u"people"_s,     u"familiar"_s,  u"with"_s,        u"the"_s,
    u"matter"_s,     u"sales"_s,     u"quarter"_s,     u"revenue"_s,
    u"regulators"_s, u"rules"_s,     u"threshold"_s,   u"performance"_s,
    u"density"_s,    u"exports"_s,   u"customers"_s,   u"data"_s,
    u"centres"_s,    u"inference"_s, u"supply"_s,      u"chain"_s,
    u"memory"_s,     u"bandwidth"_s, u"billion"_s,     u"licences"_s,
    u"guidance"_s,   u"analysts"_s,  u"Verzögerung"_s, u"Exportbeschränkungen"_s,
    u"Behörden"_s,   u"Markt"_s,     u"weiter"_s};
const QStringList Outlets = {u"Reuters"_s,
                             u"Financial Times"_s,
                             u"Bloomberg"_s,
                             u"Caixin"_s,
                             u"South China Morning Post"_s,
                             u"Handelsblatt"_s,
                             u"The Information"_s,
                             u"Nikkei Asia"_s,
                             u"Bureau of Industry and Security"_s,
                             u"MOFCOM"_s};
const QStringList Hosts = {
    u"www.reuters.com"_s,        u"www.ft.com"_s,      u"www.bloomberg.com"_s,
    u"www.caixinglobal.com"_s,   u"www.scmp.com"_s,    u"www.handelsblatt.com"_s,
    u"www.theinformation.com"_s, u"asia.nikkei.com"_s, u"www.bis.gov"_s,
    u"www.mofcom.gov.cn"_s};
const QStringList Families = {u"Nellis"_s,  u"Potkin"_s, u"Liu"_s,     u"Wang"_s,  u"Mozur"_s,
                              u"Kharpal"_s, u"Lee"_s,    u"Fischer"_s, u"Zhang"_s, u"Freifeld"_s};
const QStringList Given = {u"Stephen"_s, u"Fanny"_s, u"Qianer"_s, u"Yue"_s, u"Paul"_s,
                           u"Arjun"_s,   u"Jane"_s,  u"Anna"_s,   u"Wei"_s, u"Karen"_s};
const QStringList Tags = {u"licensing"_s, u"smuggling"_s, u"antitrust"_s, u"cloud"_s,
                          u"HBM"_s,       u"earnings"_s,  u"diplomacy"_s, u"domestic chips"_s};
const QStringList Categories = {u"us-export-control"_s, u"us-policy-deal"_s, u"china-policy"_s,
                                u"industry"_s,          u"model-release"_s,  u"allies"_s};
const QStringList Colours = {u"#c0392b"_s, u"#e67e22"_s, u"#2980b9"_s,
                             u"#27ae60"_s, u"#8e44ad"_s, u"#7f8c8d"_s};

class Generator {
public:
    explicit Generator(quint64 seed)
        : m_rng(seed) {}

    quint64 below(quint64 n) { return m_rng() % n; }
    const QString &pick(const QStringList &list) {
        return list[qsizetype(below(quint64(list.size())))];
    }
    QString words(int count) {
        QString text;
        for (int i = 0; i < count; ++i) {
            if (i > 0)
                text += u' ';
            text += pick(Filler);
        }
        return text;
    }
    PartialDate date(const QDate &first, int spanDays) {
        const QDate day = first.addDays(qint64(below(quint64(spanDays))));
        const quint64 precision = below(10);
        return precision == 0   ? PartialDate::fromYear(day.year())
               : precision <= 2 ? PartialDate::fromYearMonth(day.year(), day.month())
                                : PartialDate::fromDate(day);
    }

    Dataset generate(int eventCount, int sourceCount) {
        Dataset dataset;
        dataset.title = u"Synthetic AI-chip export policy timeline"_s;
        for (qsizetype i = 0; i < Categories.size(); ++i)
            dataset.categories << Category{0, Categories[i], u"Category %1"_s.arg(i + 1),
                                           QColor::fromString(Colours[i]), int(i) + 1};
        const QDate first(2015, 1, 1);
        dataset.sources.reserve(sourceCount);
        for (int i = 0; i < sourceCount; ++i) {
            Source source;
            source.uid = u"00000000-0000-4000-8000-%1"_s.arg(i, 12, 10, QChar(u'0'));
            const quint64 outlet = below(quint64(Outlets.size()));
            source.kind = outlet >= 8 ? u"official"_s : u"news"_s;
            source.title = pick(Actors) + u' ' + pick(Verbs) + u' ' + pick(Chips) + u' ' +
                           pick(Objects) + u" in "_s + pick(Places);
            source.outlet = Outlets[qsizetype(outlet)];
            if (outlet < 8) {
                source.authors << pick(Families) + u", "_s + pick(Given);
                if (below(3) == 0)
                    source.authors << pick(Families) + u", "_s + pick(Given);
            }
            source.published = PartialDate::fromDate(first.addDays(qint64(below(4000))));
            source.url = u"https://%1/technology/%2-%3/"_s.arg(
                Hosts[qsizetype(outlet)], source.title.toLower().replace(u' ', u'-'),
                source.published.toIsoString());
            if (below(10) == 0)
                source.accessed = PartialDate::fromDate(QDate(2025, 11, 1));
            source.language = below(5) == 0 ? u"de"_s : u"en"_s;
            source.excerpt = words(40) + u'.';
            if (below(4) == 0)
                source.notes = u"Paywalled; "_s + words(8) + u'.';
            dataset.sources << source;
        }
        dataset.events.reserve(eventCount);
        for (int i = 0; i < eventCount; ++i) {
            Event event;
            event.uid = u"10000000-0000-4000-8000-%1"_s.arg(i, 12, 10, QChar(u'0'));
            const QString actor = pick(Actors);
            const QString chip = pick(Chips);
            event.title = actor + u' ' + pick(Verbs) + u' ' + chip + u' ' + pick(Objects) +
                          u" for "_s + pick(Places);
            event.summary =
                words(20) + u". **"_s + actor + u"** "_s + words(15) + u". "_s + words(12) + u'.';
            event.start = date(first, 4000);
            if (below(14) == 0)
                event.end = PartialDate::fromDate(
                    QDate::fromJulianDay(event.start.lastJulianDay()).addDays(qint64(below(300))));
            event.category = pick(Categories);
            event.status = EventStatus(below(3));
            event.importance = int(below(3)) + 1;
            event.actors << actor;
            for (quint64 k = below(3); k > 0; --k)
                event.actors << pick(Actors);
            event.chips << chip;
            if (below(3) == 0)
                event.chips << pick(Chips);
            for (quint64 k = below(3); k > 0; --k)
                event.tags << pick(Tags);
            const quint64 citations = below(10) == 0 ? 0 : below(3) + 1;
            for (quint64 c = 0; c < citations; ++c) {
                const Source &source = dataset.sources[qsizetype(below(quint64(sourceCount)))];
                if (std::none_of(event.citations.cbegin(), event.citations.cend(),
                                 [&](const Citation &x) { return x.sourceUid == source.uid; }))
                    event.citations
                        << Citation{source.uid, words(18),
                                    below(2) ? u"para. %1"_s.arg(below(12) + 1) : QString()};
            }
            dataset.events << event;
        }
        return dataset;
    }

private:
    std::mt19937_64 m_rng;
};

// ---- Measuring ----

double cpuMs(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// "VmRSS" (now) or "VmHWM" (the peak), in MB.
double statusMb(const char *field) {
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field)) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            return parts.size() >= 2 ? parts[1].toDouble() / 1024.0 : 0;
        }
    }
    return 0;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n == 0 ? 0 : (n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2);
}

// Wall time is what the user waits; CPU time is kept too because the machine is shared.
struct Medians {
    double wallMs = 0;
    double cpuMs = 0;
    double callingThreadCpuMs = 0; // of the thread that called: the store's, in a file import
};

// `prepare` runs before each timed `work` and is not timed (a fresh database, say). CPU time
// is the calling thread's, or with `clock` CLOCK_PROCESS_CPUTIME_ID every thread's (for work
// that runs on two).
Medians measure(int runs, const std::function<void()> &work,
                const std::function<void()> &prepare = {},
                clockid_t clock = CLOCK_THREAD_CPUTIME_ID) {
    std::vector<double> wall;
    std::vector<double> cpu;
    std::vector<double> callingThread;
    for (int i = 0; i < runs; ++i) {
        if (prepare)
            prepare();
        const double c0 = cpuMs(clock);
        const double t0Cpu = cpuMs(CLOCK_THREAD_CPUTIME_ID);
        const auto t0 = std::chrono::steady_clock::now();
        work();
        const auto t1 = std::chrono::steady_clock::now();
        wall.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        cpu.push_back(cpuMs(clock) - c0);
        callingThread.push_back(cpuMs(CLOCK_THREAD_CPUTIME_ID) - t0Cpu);
    }
    return {median(wall), median(cpu), median(callingThread)};
}

void report(const QString &name, int events, Medians m, const char *memoryKey = nullptr,
            double memoryMb = 0, const QString &note = {}) {
    if (g_json) {
        std::printf("{\"name\": \"%s\", \"events\": %d, \"median_ms\": %.3f, "
                    "\"median_cpu_ms\": %.3f",
                    qPrintable(name), events, m.wallMs, m.cpuMs);
        if (memoryKey)
            std::printf(", \"%s\": %.1f", memoryKey, memoryMb);
        std::printf("}\n");
    } else {
        char memory[48] = "";
        if (memoryKey)
            std::snprintf(memory, sizeof memory, "%s %.1f", memoryKey, memoryMb);
        std::printf("%-28s %8d %12.1f %12.1f   %-16s %s\n", qPrintable(name), events, m.wallMs,
                    m.cpuMs, memory, qPrintable(note));
    }
    std::fflush(stdout);
}

[[noreturn]] void die(const QString &message) {
    std::fprintf(stderr, "bench_import: %s\n", qPrintable(message));
    std::exit(1);
}

std::unique_ptr<TimelineStore> freshStore(const QString &path) {
    QFile::remove(path);
    QFile::remove(path + u"-wal"_s);
    QFile::remove(path + u"-shm"_s);
    StoreError error;
    std::unique_ptr<TimelineStore> store = TimelineStore::open(path, &error);
    if (!store)
        die(error.message);
    return store;
}

void importInto(TimelineStore &store, const Dataset &dataset) {
    StoreError error;
    ImportSummary summary;
    if (!store.importDataset(dataset, ImportPolicy::Skip, &summary, &error))
        die(error.message);
}

std::optional<Dataset> readAny(const QString &format, const QByteArray &bytes,
                               const QString &fileName) {
    InputError error;
    std::optional<Dataset> dataset = format == u"json"_s
                                         ? NativeJsonFormat::read(bytes, fileName, &error)
                                         : TimelineJsCsvFormat::read(bytes, fileName, &error);
    if (!dataset)
        die(u"%1:%2: %3: %4"_s.arg(error.file).arg(error.line).arg(error.field, error.message));
    return dataset;
}

// The whole import of a file as `chiptimeline import FILE` does it (FileImport: the native
// file read while it is written, other formats read whole first).
void importFileInto(TimelineStore &store, const QString &format, const QString &file) {
    QString message;
    if (!FileImport::importFile(
            store, file, format == u"json"_s ? DatasetFormat::Native : DatasetFormat::TimelineJsCsv,
            ImportPolicy::Skip, nullptr, &message))
        die(message);
}

// What the window's Import dialog shows before writing one file: the file read in parts and
// counted against the database (here empty), nothing kept.
ImportSummary previewFile(const QString &format, const QString &file) {
    ImportPreview::Counter counter(ImportPreview::Existing{}, ImportPolicy::Skip);
    InputError error;
    if (!FileImport::previewFile(
            file, format == u"json"_s ? DatasetFormat::Native : DatasetFormat::TimelineJsCsv,
            counter, nullptr, &error))
        die(error.toString());
    return counter.summary();
}

// The child: one import as the command line does it (or, with `preview`, as the Import
// dialog does: the preview, then the import), into a fresh database, then its peak resident
// memory on stdout.
int childImport(const QString &format, const QString &file, const QString &database, bool preview) {
    std::unique_ptr<TimelineStore> store = freshStore(database);
    if (preview)
        (void)previewFile(format, file);
    importFileInto(*store, format, file);
    std::printf("%.1f\n", statusMb("VmHWM:"));
    return 0;
}

double peakOfChildImport(const QString &format, const QString &file, const QString &database,
                         bool preview = false) {
    QProcess child;
    child.start(
        QCoreApplication::applicationFilePath(),
        {preview ? u"--child-preview-import"_s : u"--child-import"_s, format, file, database});
    if (!child.waitForFinished(-1) || child.exitCode() != 0)
        die(u"the import child failed: %1"_s.arg(
            QString::fromLocal8Bit(child.readAllStandardError())));
    return QString::fromLatin1(child.readAllStandardOutput()).trimmed().toDouble();
}

double loadAverage() {
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll().split(' ').value(0).toDouble() : -1;
}

} // namespace

int main(int argc, char **argv) {
    // As the app does (app/main.cpp), so the figures are the app's.
    restartWithHugePageHeap(argv);
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 5 && args[1] == u"--child-import"_s)
        return childImport(args[2], args[3], args[4], false);
    if (args.size() == 5 && args[1] == u"--child-preview-import"_s)
        return childImport(args[2], args[3], args[4], true);
    g_json = args.contains(u"--json"_s);
    const auto intArg = [&args](const QString &name, int fallback) {
        const qsizetype at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args[at + 1].toInt() : fallback;
    };
    const int eventCount = intArg(u"--events"_s, 100000);
    const int sourceCount = std::max(1, intArg(u"--sources"_s, 20000));
    const int runs = std::max(1, intArg(u"--runs"_s, 5));

    const qsizetype onlyAt = args.indexOf(u"--only"_s);
    const QString only = onlyAt >= 0 ? args.value(onlyAt + 1) : QString();
    const auto wanted = [&only](const QString &part) {
        return only.isEmpty() || only == part;
    };
    const qsizetype dirAt = args.indexOf(u"--dir"_s);
    QTemporaryDir temporary;
    const QString folder = dirAt >= 0 ? args.value(dirAt + 1) : temporary.path();
    if (folder.isEmpty() || (dirAt < 0 && !temporary.isValid()) || !QDir().mkpath(folder))
        die(u"no folder for the test files"_s);
    const auto inFolder = [&folder, eventCount, sourceCount](const QString &name) {
        return u"%1/%2-%3-%4"_s.arg(folder).arg(eventCount).arg(sourceCount).arg(name);
    };
    const QString jsonPath = inFolder(u"bench.chiptimeline.json"_s);
    const QString csvPath = inFolder(u"bench.timelinejs.csv"_s);
    const QString dbPath = inFolder(u"bench.sqlite"_s);

    // The files, written once from the generated dataset (which is then dropped, so the
    // measurements below start from what a user has: files on disk).
    if (!QFile::exists(jsonPath) || !QFile::exists(csvPath)) {
        const Dataset generated = Generator(20250415).generate(eventCount, sourceCount);
        QFile json(jsonPath);
        QFile csv(csvPath);
        if (!json.open(QIODevice::WriteOnly) || !csv.open(QIODevice::WriteOnly))
            die(u"cannot write the test files"_s);
        json.write(NativeJsonFormat::write(generated));
        csv.write(TimelineJsCsvFormat::write(generated));
    }
    const auto readAll = [](const QString &path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            die(file.errorString());
        return file.readAll();
    };
    const QByteArray jsonBytes = readAll(jsonPath);
    const QByteArray csvBytes = readAll(csvPath);
    if (!g_json) {
        std::printf("%d events, %d sources; native JSON %.1f MB, TimelineJS CSV %.1f MB; "
                    "%d runs; load average %.1f\n",
                    eventCount, sourceCount, double(jsonBytes.size()) / 1e6,
                    double(csvBytes.size()) / 1e6, runs, loadAverage());
        std::printf("%-28s %8s %12s %12s   %s\n", "benchmark", "events", "median ms", "median cpu",
                    "memory MB");
    }

    std::optional<Dataset> dataset;
    std::unique_ptr<TimelineStore> store;
    // The file to the database as the command line imports it (read on a second thread while
    // the store writes; CPU time of both threads), into a fresh database each run and left
    // in `store`; then what the Import dialog reads before showing its counts.
    const auto fileRows = [&](const QString &format, const QString &file, const QString &name) {
        const Medians fileImport = measure(
            runs, [&] { importFileInto(*store, format, file); },
            [&] {
                store.reset();
                store = freshStore(dbPath);
            },
            CLOCK_PROCESS_CPUTIME_ID);
        report(name + u"_file_import"_s, eventCount, fileImport, nullptr, 0,
               u"store's thread %1 ms CPU"_s.arg(fileImport.callingThreadCpuMs, 0, 'f', 0));
        // The same with a second connection open on the file, as the main window keeps its
        // own while the Import dialog writes (both go through the WAL since issue 22; before,
        // an import alone wrote straight into the file under a rollback journal).
        std::unique_ptr<TimelineStore> reader;
        const Medians besideReader = measure(
            runs, [&] { importFileInto(*store, format, file); },
            [&] {
                reader.reset();
                store.reset();
                store = freshStore(dbPath);
                StoreError error;
                reader = TimelineStore::open(dbPath, &error);
                if (!reader || reader->eventCount() != 0)
                    die(u"cannot open a second connection: %1"_s.arg(error.message));
            },
            CLOCK_PROCESS_CPUTIME_ID);
        reader.reset();
        report(name + u"_file_import_beside_reader"_s, eventCount, besideReader, nullptr, 0,
               u"store's thread %1 ms CPU"_s.arg(besideReader.callingThreadCpuMs, 0, 'f', 0));
        const Medians filePreview = measure(runs, [&] { (void)previewFile(format, file); });
        report(name + u"_file_preview"_s, eventCount, filePreview);
    };
    if (wanted(u"json"_s)) {
        // Native JSON: read, import, export.
        const Medians jsonRead = measure(
            runs, [&] { dataset = readAny(u"json"_s, jsonBytes, jsonPath); },
            [&] { dataset.reset(); });
        report(u"json_read"_s, eventCount, jsonRead);

        const Medians jsonImport = measure(
            runs, [&] { importInto(*store, *dataset); },
            [&] {
                store.reset();
                store = freshStore(dbPath);
            });
        report(u"json_import"_s, eventCount, jsonImport, "rss_mb", statusMb("VmRSS:"));
        report(u"json_read_and_import"_s, eventCount,
               {jsonRead.wallMs + jsonImport.wallMs, jsonRead.cpuMs + jsonImport.cpuMs});
        fileRows(u"json"_s, jsonPath, u"json"_s);
        if (store->eventCount() != eventCount || store->sourceCount() != sourceCount)
            die(u"the import stored %1 events and %2 sources"_s.arg(store->eventCount())
                    .arg(store->sourceCount()));
        dataset.reset();

        qsizetype exported = 0;
        const Medians dataOnly = measure(runs, [&] { exported = store->dataset().events.size(); });
        report(u"export_dataset"_s, eventCount, dataOnly);
        const Medians jsonExport =
            measure(runs, [&] { exported = NativeJsonFormat::write(store->dataset()).size(); });
        report(u"json_export"_s, eventCount, jsonExport, nullptr, 0,
               u"%1 MB"_s.arg(double(exported) / 1e6, 0, 'f', 1));
        store.reset();
    }
    if (wanted(u"csv"_s)) {
        // TimelineJS CSV: read, import.
        const Medians csvRead = measure(
            runs, [&] { dataset = readAny(u"csv"_s, csvBytes, csvPath); },
            [&] { dataset.reset(); });
        report(u"timelinejs_csv_read"_s, eventCount, csvRead);
        const Medians csvImport = measure(
            runs, [&] { importInto(*store, *dataset); },
            [&] {
                store.reset();
                store = freshStore(dbPath);
            });
        report(u"timelinejs_csv_import"_s, eventCount, csvImport);
        report(u"timelinejs_csv_read_and_import"_s, eventCount,
               {csvRead.wallMs + csvImport.wallMs, csvRead.cpuMs + csvImport.cpuMs});
        fileRows(u"csv"_s, csvPath, u"timelinejs_csv"_s);
        store.reset();
        dataset.reset();
    }
    if (wanted(u"peak"_s)) {
        // Peak memory of one whole import, each in a process of its own.
        report(u"json_import_peak"_s, eventCount, {}, "peak_mb",
               peakOfChildImport(u"json"_s, jsonPath, dbPath));
        report(u"timelinejs_csv_import_peak"_s, eventCount, {}, "peak_mb",
               peakOfChildImport(u"csv"_s, csvPath, dbPath));
        // As the window's Import dialog does one file: the preview, then the import.
        report(u"json_dialog_import_peak"_s, eventCount, {}, "peak_mb",
               peakOfChildImport(u"json"_s, jsonPath, dbPath, true));
        report(u"timelinejs_csv_dialog_import_peak"_s, eventCount, {}, "peak_mb",
               peakOfChildImport(u"csv"_s, csvPath, dbPath, true));
    }
    return 0;
}
