// bench_export: what an image export costs with 100k synthetic events (fit-all, lanes by
// category, numbered source notes, one synthetic source per event): PNG 3840×2160, PDF
// (A4 landscape, notes continued on further pages) and SVG 3840×2160, each the whole
// ImageExporter::exportImage call (compose, paint, encode, write, rename). Medians of N runs;
// file sizes in bytes. Speed is measured here, never asserted by a test.
// `--lang de` draws the figures in German (axis, legend, notes; FigureLanguage), to compare
// with the English default.
//   bench_export [--json] [--runs N] [--events N] [--out DIR] [--lang de|en]

#include "tests/benchmarks/SyntheticTimeline.h"
#include "ui/render/ImageExporter.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n == 0 ? 0 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

// The thread's CPU time: the machine is shared, and other processes stretch wall time far
// more than CPU time.
double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

} // namespace

int main(int argc, char **argv) {
    QGuiApplication app(argc, argv);
    bool json = false;
    int runs = 5;
    qsizetype events = 100000;
    QString outDir = QDir::tempPath() + u"/bench-export"_s;
    QString language = u"en"_s;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--json"_s)
            json = true;
        else if (args[i] == u"--runs"_s && i + 1 < args.size())
            runs = std::max(1, args[++i].toInt());
        else if (args[i] == u"--events"_s && i + 1 < args.size())
            events = std::max<qsizetype>(1, args[++i].toLongLong());
        else if (args[i] == u"--out"_s && i + 1 < args.size())
            outDir = args[++i];
        else if (args[i] == u"--lang"_s && i + 1 < args.size())
            language = args[++i];
    }
    QDir().mkpath(outDir);

    const TimelineData data = SyntheticTimeline::generate(events);
    FigureSources::Map sources;
    sources.reserve(data.size());
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (data.isUnsourced(i))
            continue;
        FigureSource s;
        s.id = data.id(i);
        s.outlet = u"Outlet %1"_s.arg(data.id(i) % 97);
        s.title = u"Report on event %1"_s.arg(data.id(i));
        s.published = PartialDate::fromDate(QDate::fromJulianDay(data.firstDay(i)));
        s.url = u"https://news.example.org/2025/%1/report-on-event"_s.arg(data.id(i));
        sources.insert(data.id(i), {s});
    }

    struct Case {
        const char *name;
        QString file;
        ExportRequest::Preset preset;
    };
    const QList<Case> cases = {
        {"export_png_3840x2160", u"/bench.png"_s, ExportRequest::Preset::Custom},
        {"export_pdf_a4", u"/bench.pdf"_s, ExportRequest::Preset::A4Landscape},
        {"export_svg_3840x2160", u"/bench.svg"_s, ExportRequest::Preset::Custom},
    };
    if (!json)
        std::printf("%-24s %10s %12s %12s %12s %s\n", "name", "events", "median_ms", "median_cpu",
                    "bytes", "figure");
    for (const Case &c : cases) {
        ExportRequest r;
        r.path = outDir + c.file;
        r.preset = c.preset;
        r.pixels = QSize(3840, 2160);
        r.scale = 1; // the budget's 3840×2160 pixels (the default for pixel sizes is 2×)
        r.figure.title = u"Synthetic timeline"_s;
        r.figure.exportDate = QDate(2026, 1, 1);
        r.figure.language = language;
        std::vector<double> times;
        std::vector<double> cpu;
        QString error;
        for (int k = 0; k < runs; ++k) {
            const double c0 = threadCpuMs();
            const auto t0 = std::chrono::steady_clock::now();
            if (!ImageExporter::exportImage(data, sources, r, &error)) {
                std::fprintf(stderr, "bench_export: %s\n", qPrintable(error));
                return 1;
            }
            const auto t1 = std::chrono::steady_clock::now();
            times.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            cpu.push_back(threadCpuMs() - c0);
        }
        const qint64 bytes = QFileInfo(r.path).size();
        const auto figure = ImageExporter::compose(data, sources, r);
        const QString shape =
            u"%1x%2 units, %3 page(s), %4 placed, %5 notes"_s.arg(figure->pageSize().width())
                .arg(figure->pageSize().height())
                .arg(figure->pageCount())
                .arg(figure->timeline().events().size())
                .arg(figure->notes().size());
        if (json)
            std::printf("{\"name\": \"%s\", \"events\": %lld, \"median_ms\": %.1f, "
                        "\"median_cpu_ms\": %.1f, \"bytes\": %lld}\n",
                        c.name, qlonglong(data.size()), median(times), median(cpu),
                        qlonglong(bytes));
        else
            std::printf("%-24s %10lld %12.1f %12.1f %12lld %s\n", c.name, qlonglong(data.size()),
                        median(times), median(cpu), qlonglong(bytes), qPrintable(shape));
        std::fflush(stdout);
    }
    return 0;
}
