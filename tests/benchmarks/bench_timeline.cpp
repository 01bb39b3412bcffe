// bench_timeline: what a frame of the timeline costs. For 1k, 100k and 1M synthetic events:
// a full frame (layout + paint into a 1920×1080 QImage) at fit-all, one-year and one-day
// zoom; a re-layout after a zoom step and after a pan step; and the resident memory with
// the data and its index loaded. Medians over N runs are what we report (docs/benchmarks.md).
//   bench_timeline [--json] [--runs N] [--sizes 1000,100000,1000000]

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

double timeMs(const std::function<void()> &f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    const auto t1 = std::chrono::steady_clock::now();
    return std::chrono::duration<double, std::milli>(t1 - t0).count();
}

void report(const char *name, qsizetype events, double ms, double rss = -1) {
    if (g_json) {
        if (rss >= 0)
            std::printf(
                "{\"name\": \"%s\", \"events\": %lld, \"median_ms\": %.3f, \"rss_mb\": %.1f}\n",
                name, qlonglong(events), ms, rss);
        else
            std::printf("{\"name\": \"%s\", \"events\": %lld, \"median_ms\": %.3f}\n", name,
                        qlonglong(events), ms);
    } else {
        if (rss >= 0)
            std::printf("%-28s %10lld %12.3f %10.1f\n", name, qlonglong(events), ms, rss);
        else
            std::printf("%-28s %10lld %12.3f %10s\n", name, qlonglong(events), ms, "");
    }
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv) {
    QGuiApplication app(argc, argv);
    int runs = 31;
    QList<qsizetype> sizes = {1000, 100000, 1000000};
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
        }
    }
    if (!g_json)
        std::printf("%-28s %10s %12s %10s\n", "benchmark", "events", "median ms", "rss MB");

    const QSizeF viewport(1920, 1080);
    QImage image(viewport.toSize(), QImage::Format_ARGB32_Premultiplied);
    const TimelineTheme theme = TimelineTheme::light();
    PaintOptions paintOptions;
    paintOptions.today = QDate(2025, 11, 20);

    for (const qsizetype n : sizes) {
        std::shared_ptr<const TimelineIndex> index;
        const double buildMs = timeMs(
            [&] { index = TimelineIndex::create(SyntheticTimeline::generate(n, 20250415)); });
        report("build data+index (once)", n, buildMs, rssMb());

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
        for (const auto &f : frames) {
            frame(f.scale); // warm caches (glyphs, fonts)
            std::vector<double> t;
            for (int r = 0; r < runs; ++r)
                t.push_back(timeMs([&] { frame(f.scale); }));
            report(f.name, n, median(t));
        }

        // Re-layout only (what a zoom or pan step costs before painting).
        std::vector<double> zoom;
        TimeScale s = year;
        for (int r = 0; r < runs; ++r) {
            s = s.zoomedAbout(width / 2, r % 2 ? 1.0 / 1.2 : 1.2);
            zoom.push_back(timeMs([&] { (void)TimelineLayout::compute(index, s, viewport); }));
        }
        report("relayout zoom step", n, median(zoom));
        std::vector<double> pan;
        s = fitAll;
        for (int r = 0; r < runs; ++r) {
            s = s.pannedBy(r % 2 ? -40 : 40);
            pan.push_back(timeMs([&] { (void)TimelineLayout::compute(index, s, viewport); }));
        }
        report("relayout pan step", n, median(pan));
        report("rss with data loaded", n, 0, rssMb());
    }
    return 0;
}
