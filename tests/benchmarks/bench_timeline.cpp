// bench_timeline: what a frame of the timeline costs. For 1k, 100k and 1M synthetic events:
// a full frame (layout + paint into a 1920×1080 QImage) at fit-all, one-year and one-day
// zoom; a re-layout after a zoom step and after a pan step; and the resident memory with
// the data and its index loaded. Medians over N runs are what we report (docs/benchmarks.md).
//   bench_timeline [--json] [--runs N] [--sizes 1000,100000,1000000] [--only TEXT]
//   [--save DIR] [--dpr R]
// --only keeps the measurements whose name contains TEXT (e.g. "one-year"), for profiling
// one frame under callgrind. --save writes each measured frame's last image to DIR (to see
// what was measured, or compare two builds); --dpr paints at that device pixel ratio.

#include "tests/benchmarks/SyntheticTimeline.h"
#include "ui/render/TimelineLayout.h"
#include "ui/render/TimelinePainter.h"

#include <QDate>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

bool g_json = false;

double rssMb() {
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            return parts.size() >= 2 ? parts[1].toDouble() / 1024.0 : 0;
        }
    }
    return 0;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n == 0 ? 0 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Wall time is what a user waits; the thread's CPU time is kept as well because the machines
// we measure on are shared, and other processes stretch wall time but hardly CPU time.
struct Sample {
    double wallMs;
    double cpuMs;
};

Sample timeIt(const std::function<void()> &f) {
    const double c0 = threadCpuMs();
    const auto t0 = std::chrono::steady_clock::now();
    f();
    const auto t1 = std::chrono::steady_clock::now();
    return {std::chrono::duration<double, std::milli>(t1 - t0).count(), threadCpuMs() - c0};
}

struct Medians {
    double wall;
    double cpu;
};

Medians medians(const std::vector<Sample> &samples) {
    std::vector<double> wall;
    std::vector<double> cpu;
    for (const Sample &s : samples) {
        wall.push_back(s.wallMs);
        cpu.push_back(s.cpuMs);
    }
    return {median(wall), median(cpu)};
}

void report(const char *name, qsizetype events, double ms, double rss = -1, double cpuMs = -1) {
    if (g_json) {
        std::printf("{\"name\": \"%s\", \"events\": %lld, \"median_ms\": %.3f", name,
                    qlonglong(events), ms);
        if (cpuMs >= 0)
            std::printf(", \"median_cpu_ms\": %.3f", cpuMs);
        if (rss >= 0)
            std::printf(", \"rss_mb\": %.1f", rss);
        std::printf("}\n");
    } else {
        char cpu[32] = "";
        char mem[32] = "";
        if (cpuMs >= 0)
            std::snprintf(cpu, sizeof cpu, "%.3f", cpuMs);
        if (rss >= 0)
            std::snprintf(mem, sizeof mem, "%.1f", rss);
        std::printf("%-28s %10lld %12.3f %12s %10s\n", name, qlonglong(events), ms, cpu, mem);
    }
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv) {
    QGuiApplication app(argc, argv);
    int runs = 31;
    QList<qsizetype> sizes = {1000, 100000, 1000000};
    QString only;
    QString saveDir;
    qreal dpr = 1;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--json")
            g_json = true;
        else if (args[i] == u"--runs" && i + 1 < args.size())
            runs = std::max(1, args[++i].toInt());
        else if (args[i] == u"--sizes" && i + 1 < args.size()) {
            sizes.clear();
            for (const QString &s : args[++i].split(u','))
                sizes.append(s.toLongLong());
        } else if (args[i] == u"--only" && i + 1 < args.size())
            only = args[++i];
        else if (args[i] == u"--save" && i + 1 < args.size())
            saveDir = args[++i];
        else if (args[i] == u"--dpr" && i + 1 < args.size())
            dpr = std::max(0.5, args[++i].toDouble());
    }
    if (!g_json)
        std::printf("%-28s %10s %12s %12s %10s\n", "benchmark", "events", "median ms", "median cpu",
                    "rss MB");

    const QSizeF viewport(1920, 1080);
    QImage image((viewport * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    const TimelineTheme theme = TimelineTheme::light();
    PaintOptions paintOptions;
    paintOptions.today = QDate(2025, 11, 20);

    for (const qsizetype n : sizes) {
        std::shared_ptr<const TimelineIndex> index;
        const Sample build = timeIt(
            [&] { index = TimelineIndex::create(SyntheticTimeline::generate(n, 20250415)); });
        report("build data+index (once)", n, build.wallMs, rssMb(), build.cpuMs);

        const double width = TimelineLayout::timeAreaWidth(*index, viewport);
        const TimeScale fitAll =
            TimeScale::fitting(index->data().minDay(), index->data().maxDay(), width);
        const TimeScale year(double(QDate(2025, 1, 1).toJulianDay()), 365, width);
        const TimeScale day(double(QDate(2025, 4, 15).toJulianDay()), 1, width);

        const auto frame = [&](const TimeScale &scale) {
            const auto layout = TimelineLayout::compute(index, scale, viewport);
            QPainter p(&image);
            TimelinePainter::paint(p, *layout, theme, paintOptions);
        };
        const struct {
            const char *name;
            const TimeScale &scale;
        } frames[] = {{"frame fit-all", fitAll}, {"frame one-year", year}, {"frame one-day", day}};
        const auto wanted = [&](const char *name) {
            return only.isEmpty() || QString::fromUtf8(name).contains(only);
        };
        for (const auto &f : frames) {
            if (!wanted(f.name))
                continue;
            frame(f.scale); // warm caches (glyphs, fonts)
            std::vector<Sample> t;
            for (int r = 0; r < runs; ++r)
                t.push_back(timeIt([&] { frame(f.scale); }));
            const Medians m = medians(t);
            report(f.name, n, m.wall, -1, m.cpu);
            if (!saveDir.isEmpty()) {
                QString name = QString::fromUtf8(f.name).replace(u' ', u'-');
                image.save(saveDir + u'/' + name + u'-' + QString::number(n) + u".png");
            }
        }

        // The arcs of one selected event (the window draws its relations): the one-year frame
        // with an event selected, without and with six arcs to events spread over the view.
        if (wanted("arcs")) {
            const auto layout = TimelineLayout::compute(index, year, viewport);
            const QList<PlacedEvent> &placed = layout->events();
            PaintOptions selected = paintOptions;
            PaintOptions withArcs = paintOptions;
            if (placed.size() >= 7) {
                const qint64 chosen = placed.at(placed.size() / 2).id;
                selected.selectedIds = {chosen};
                withArcs.selectedIds = {chosen};
                static const char *const types[] = {"responds to", "amends", "rescinds"};
                for (int k = 0; k < 6; ++k) {
                    const qint64 other = placed.at((placed.size() - 1) * k / 5).id;
                    if (other != chosen)
                        withArcs.relationArcs.append({k % 2 ? other : chosen,
                                                      k % 2 ? chosen : other,
                                                      QString::fromLatin1(types[k % 3])});
                }
            }
            const auto paintWith = [&](const PaintOptions &options) {
                const auto frameLayout = TimelineLayout::compute(index, year, viewport);
                QPainter p(&image);
                TimelinePainter::paint(p, *frameLayout, theme, options);
            };
            paintWith(withArcs); // warm
            std::vector<Sample> plain;
            std::vector<Sample> arcs;
            for (int r = 0; r < runs; ++r) { // interleaved: both see the same machine load
                plain.push_back(timeIt([&] { paintWith(selected); }));
                arcs.push_back(timeIt([&] { paintWith(withArcs); }));
            }
            const Medians a = medians(plain);
            const Medians b = medians(arcs);
            report("frame one-year selected", n, a.wall, -1, a.cpu);
            report("frame one-year + 6 arcs", n, b.wall, -1, b.cpu);
            std::vector<Sample> arcsAlone;
            for (int r = 0; r < runs; ++r)
                arcsAlone.push_back(timeIt([&] {
                    QPainter p(&image);
                    const auto routes = RelationArcPainter::route(*layout, withArcs.relationArcs);
                    RelationArcPainter::paintLines(p, theme, routes);
                    RelationArcPainter::paintLabels(p, *layout, theme, withArcs.relationArcs,
                                                    routes);
                }));
            const Medians c = medians(arcsAlone);
            report("6 arcs alone (route+paint)", n, c.wall, -1, c.cpu);
            std::vector<Sample> routing;
            for (int r = 0; r < runs; ++r)
                routing.push_back(timeIt(
                    [&] { (void)RelationArcPainter::route(*layout, withArcs.relationArcs); }));
            const Medians d = medians(routing);
            report("6 arcs routed (no paint)", n, d.wall, -1, d.cpu);
            const auto routes = RelationArcPainter::route(*layout, withArcs.relationArcs);
            std::vector<Sample> lines;
            std::vector<Sample> labels;
            for (int r = 0; r < runs; ++r) {
                QPainter p(&image);
                lines.push_back(timeIt([&] { RelationArcPainter::paintLines(p, theme, routes); }));
                labels.push_back(timeIt([&] {
                    RelationArcPainter::paintLabels(p, *layout, theme, withArcs.relationArcs,
                                                    routes);
                }));
            }
            report("6 arcs' lines painted", n, medians(lines).wall, -1, medians(lines).cpu);
            report("6 arcs' labels painted", n, medians(labels).wall, -1, medians(labels).cpu);
            if (!saveDir.isEmpty())
                image.save(saveDir + u"/frame-one-year-arcs-"_s + QString::number(n) + u".png"_s);
        }

        // Re-layout only (what a zoom or pan step costs before painting).
        if (!wanted("relayout zoom step") && !wanted("relayout pan step")) {
            index.reset();
            continue;
        }
        std::vector<Sample> zoom;
        TimeScale s = year;
        for (int r = 0; r < runs; ++r) {
            s = s.zoomedAbout(width / 2, r % 2 ? 1.0 / 1.2 : 1.2);
            zoom.push_back(timeIt([&] { (void)TimelineLayout::compute(index, s, viewport); }));
        }
        Medians m = medians(zoom);
        report("relayout zoom step", n, m.wall, -1, m.cpu);
        std::vector<Sample> pan;
        s = fitAll;
        for (int r = 0; r < runs; ++r) {
            s = s.pannedBy(r % 2 ? -40 : 40);
            pan.push_back(timeIt([&] { (void)TimelineLayout::compute(index, s, viewport); }));
        }
        m = medians(pan);
        report("relayout pan step", n, m.wall, -1, m.cpu);
        report("rss with data loaded", n, 0, rssMb());
        index.reset();
    }
    return 0;
}
