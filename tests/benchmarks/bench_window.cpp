// bench_window: what a researcher waits for in the window, end to end, with 100k events. A
// filter change is MainWindow::applyViewText (the filter bar takes the filter and the window
// applies it: timeline, overview strip, event list, ranked search results) followed by one
// frame of the timeline widget rendered into an image; a zoom step is a new time scale and
// that frame (layout and static layer repainted). An edit step is one event dragged a day
// (TimelineView::eventMoved: the undo stack's command writes it, with its revision where the
// store keeps history, and the window reloads) followed by one frame. The database
// (SyntheticTimeline events imported once) is kept in the temporary folder and reused.
//   bench_window [--json] [--runs N] [--events N] [--db FILE]

#include "model/Dataset.h"
#include "model/store/TimelineStore.h"
#include "tests/benchmarks/SyntheticTimeline.h"
#include "ui/render/TimeScale.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/TimelineView.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSet>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n == 0 ? 0 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

struct Medians {
    double wallMs;
    double cpuMs;
};

Medians measure(int runs, const std::function<void()> &work) {
    work(); // warm up
    std::vector<double> wall, cpu;
    for (int r = 0; r < runs; ++r) {
        const double c0 = threadCpuMs();
        const auto t0 = std::chrono::steady_clock::now();
        work();
        wall.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
        cpu.push_back(threadCpuMs() - c0);
    }
    return {median(wall), median(cpu)};
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // The offscreen platform says this for every dock and chip that resizes; it is noise here.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &text) {
        if (!text.contains(u"propagateSizeHints"_s))
            std::fprintf(stderr, "%s%s\n", type >= QtWarningMsg ? "warning: " : "",
                         qPrintable(text));
    });
    QApplication app(argc, argv);
    bool json = false;
    int runs = 11;
    int eventCount = 100000;
    QString dbPath;
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
    }
    if (dbPath.isEmpty())
        dbPath = QDir::temp().filePath(u"chiptimeline-bench-window-%1.sqlite"_s.arg(eventCount));

    StoreError error;
    std::unique_ptr<TimelineStore> store = TimelineStore::open(dbPath, &error);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    if (store->eventCount() != eventCount) {
        store.reset();
        QFile::remove(dbPath);
        store = TimelineStore::open(dbPath, &error);
        Dataset dataset;
        dataset.title = u"Synthetic"_s;
        dataset.categories = SyntheticTimeline::categories();
        dataset.events = SyntheticTimeline::generateEvents(eventCount);
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
        if (!store || !store->importDataset(dataset, ImportPolicy::KeepBoth, nullptr, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error.message));
            return 1;
        }
    }

    MainWindow window(std::move(store));
    window.resize(1600, 900);
    window.show();
    QCoreApplication::processEvents();
    TimelineView *view = window.timelineView();
    QImage frame(view->size(), QImage::Format_ARGB32_Premultiplied);
    const auto renderFrame = [&] {
        QPainter p(&frame);
        view->render(&p);
    };

    if (!json)
        std::printf("%-36s %8s %10s %10s\n", "benchmark", "events", "median ms", "median cpu");
    const auto report = [&](const char *name, const Medians &m) {
        if (json)
            std::printf("{\"name\": \"%s\", \"events\": %d, \"median_ms\": %.3f, "
                        "\"median_cpu_ms\": %.3f}\n",
                        name, eventCount, m.wallMs, m.cpuMs);
        else
            std::printf("%-36s %8d %10.3f %10.3f\n", name, eventCount, m.wallMs, m.cpuMs);
        std::fflush(stdout);
    };

    // Each filter is applied after the unfiltered view, as when a researcher picks one.
    const struct {
        const char *name;
        const char16_t *text;
    } filters[] = {
        {"window_filter_actor", u"actor:Nvidia"},
        {"window_filter_category", u"category:china-policy"},
        {"window_filter_one_year", u"from:2024 to:2024"},
        {"window_filter_status_and_actor", u"actor:Huawei status:reported"},
        {"window_filter_search", u"q:H20"},
        {"window_filter_clear", u""},
    };
    for (const auto &f : filters) {
        const QString text = QString::fromUtf16(f.text);
        const Medians m = measure(runs, [&] {
            QString failure;
            if (!window.applyViewText(text, &failure))
                std::fprintf(stderr, "%s: %s\n", f.name, qPrintable(failure));
            renderFrame();
        });
        report(f.name, m);
    }
    window.applyViewText(QString());

    // Zoom steps about the middle, in and out in turn: a new layout and static layer each.
    int step = 0;
    const Medians zoom = measure(runs, [&] {
        const TimeScale &scale = view->timeScale();
        view->setTimeScale(scale.zoomedAbout(scale.width() / 2, (step++ % 2) ? 1 / 1.25 : 1.25));
        renderFrame();
    });
    report("window_zoom_step_frame", zoom);

    // An edit: the middle event moved a day later, then back, in turn (each one change).
    const QList<Event> all = window.store().events();
    const qint64 editedId = all.isEmpty() ? 0 : all.at(all.size() / 2).id;
    int edit = 0;
    const Medians editStep = measure(runs, [&] {
        emit view->eventMoved(editedId, (edit++ % 2) ? -1 : 1);
        QCoreApplication::processEvents();
        renderFrame();
    });
    report("window_edit_step_frame", editStep);
    return 0;
}
