// bench_team: a team timeline on a PostgreSQL server (docs/team.md), against the server
// CHIPTIMELINE_TEST_PG (or --server) names; scripts/bench starts a throwaway one with
// scripts/pg-cluster. On a fresh database of its own (dropped at the end) it measures:
//   - importing N events (bench_startup's synthetic timeline: 100k events, 20k sources);
//   - `chiptimeline --db URL` from process start to the first painted frame (as bench_startup);
//   - searches (median of --runs each; bench_search's kinds of query on this data);
//   - --clients processes (this binary with --client) editing the timeline for --seconds:
//     each step creates an event of its own, edits one of --shared events everyone edits
//     (refused when someone else changed it since it was read), and edits one of its own;
//     each client keeps a view of every event up to date from the server's notices only.
//     Reported: changes committed and refused, lost or duplicated changes (0 expected: every
//     created event stored once, every event's row version 1 + its commits), views
//     equal to the server's, and the delay from a commit to its notice in each other client.
//   bench_team [--json] [--server URL] [--events N] [--runs N] [--clients N] [--seconds N]
//              [--shared N] [--interval-ms N] [--app PATH] [--keep]

#include "model/Dataset.h"
#include "model/EventSearch.h"
#include "model/StoreChanges.h"
#include "model/store/TimelineStore.h"
#include "model/store/postgres/ServerAddress.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QSocketNotifier>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
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

QString eventUid(int i) {
    return u"10000000-0000-4000-8000-%1"_s.arg(i, 12, 10, QChar(u'0'));
}

// bench_startup's timeline: events over 2015–2026 with one or two citations each.
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
    for (int i = 0; i < eventCount; ++i) {
        Event event;
        event.uid = eventUid(i);
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

double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const double at = p * double(v.size() - 1);
    const size_t low = size_t(at);
    const size_t high = std::min(low + 1, v.size() - 1);
    return v[low] + (v[high] - v[low]) * (at - double(low));
}

double median(const std::vector<double> &v) {
    return percentile(v, 0.5);
}

double loadAverage() {
    QFile f(u"/proc/loadavg"_s);
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : 0;
}

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

[[noreturn]] void fail(const QString &message) {
    std::fprintf(stderr, "bench_team: %s\n", qPrintable(message));
    std::exit(1);
}

// A view of the events, as one line per event (uid, title, summary), and its digest.
using View = QMap<QString, QString>;

QString lineOf(const Event &event) {
    return event.title + u'\t' + event.summary;
}

QString digest(const View &view) {
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (auto it = view.cbegin(); it != view.cend(); ++it)
        hash.addData((it.key() + u'\t' + it.value() + u'\n').toUtf8());
    return u"%1 %2"_s.arg(view.size()).arg(QString::fromLatin1(hash.result().toHex().left(16)));
}

View viewOf(const TimelineStore &store) {
    View view;
    for (const Event &event : store.events())
        view.insert(event.uid, lineOf(event));
    return view;
}

// ---- A client (--client): edits and listens; its log goes to --log. ----
int runClient(const QString &address, int id, int seconds, int shared, int intervalMs,
              const QString &logPath) {
    StoreError error;
    std::unique_ptr<TimelineStore> store = TimelineStore::open(address, &error);
    if (!store)
        fail(error.message);
    QFile logFile(logPath);
    if (!logFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        fail(u"cannot write %1"_s.arg(logPath));
    QTextStream log(&logFile);
    View view = viewOf(*store);
    qint64 lastNotice = nowMs();
    store->listenForChanges([&](const StoreChangeNotice &notice) {
        lastNotice = nowMs();
        if (notice.kind != u"event"_s)
            return;
        if (notice.rows > 1) {
            view = viewOf(*store);
            return;
        }
        log << "recv " << notice.uid << ' ' << notice.rowVersion << ' ' << lastNotice << '\n';
        if (const std::optional<Event> event = store->eventByUid(notice.uid))
            view.insert(event->uid, lineOf(*event));
    });
    std::printf("ready\n");
    std::fflush(stdout);

    std::mt19937_64 rng(quint64(1000 + id));
    int step = 0;
    QStringList own;
    // Logs the version the commit made (the server's row version after it), so the delay is
    // measured for every commit, shared events' included.
    const auto commit = [&](Event event, bool isNew) {
        StoreChanges changes;
        if (!isNew) {
            changes.expectModified.insert(event.uid, event.modified);
            changes.expectRowVersion.insert(event.uid, event.rowVersion.value);
        }
        changes.saveEvents = {event};
        StoreError refused;
        if (!store->applyChanges(changes, &refused)) {
            log << "refused " << event.uid << '\n';
            return false;
        }
        log << "commit " << event.uid << ' ' << changes.saveEvents.constFirst().rowVersion.value
            << ' ' << nowMs() << '\n';
        if (const std::optional<Event> stored = store->eventByUid(event.uid))
            view.insert(stored->uid, lineOf(*stored));
        return true;
    };
    QTimer editing;
    editing.setInterval(intervalMs);
    QObject::connect(&editing, &QTimer::timeout, [&] {
        ++step;
        Event created;
        created.uid = u"20000000-0000-4000-%1-%2"_s.arg(id, 4, 10, QChar(u'0'))
                          .arg(step, 12, 10, QChar(u'0'));
        created.title = u"Client %1 event %2"_s.arg(id).arg(step);
        created.start = PartialDate::fromYmd(2026, 1 + step % 12, 1 + step % 28);
        created.actors = {u"Client %1"_s.arg(id)};
        // A new event saved with its uid is inserted, then written: row version 2.
        if (commit(created, true))
            own << created.uid;
        if (std::optional<Event> event =
                store->eventByUid(eventUid(int(rng() % quint64(shared))))) {
            event->summary = u"Edited by client %1 in step %2"_s.arg(id).arg(step);
            commit(*event, false);
        }
        if (!own.isEmpty()) {
            const QString uid = own.takeAt(qsizetype(rng() % quint64(own.size())));
            if (std::optional<Event> event = store->eventByUid(uid)) {
                event->summary = u"Edited by its author in step %1"_s.arg(step);
                commit(*event, false);
            }
        }
    });

    // Orders from the parent, one per line on standard input: go, then dump.
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QByteArray pending;
    bool dumping = false;
    QTimer quiet;
    quiet.setInterval(100);
    QObject::connect(&quiet, &QTimer::timeout, [&] {
        if (nowMs() - lastNotice < 1500)
            return;
        log.flush();
        std::printf("view %s\n", qPrintable(digest(view)));
        std::fflush(stdout);
        QCoreApplication::quit();
    });
    QObject::connect(&input, &QSocketNotifier::activated, [&] {
        char buffer[256];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            input.setEnabled(false);
            return;
        }
        pending.append(buffer, n);
        while (pending.contains('\n')) {
            const QByteArray line = pending.left(pending.indexOf('\n'));
            pending.remove(0, line.size() + 1);
            if (line == "go") {
                editing.start();
                QTimer::singleShot(seconds * 1000, [&] {
                    editing.stop();
                    log.flush();
                    std::printf("done %d\n", step);
                    std::fflush(stdout);
                });
            } else if (line == "dump" && !dumping) {
                dumping = true;
                lastNotice = std::max(lastNotice, nowMs() - 1000);
                quiet.start();
            }
        }
    });
    return QCoreApplication::exec();
}

struct Options {
    bool json = false;
    QString server;
    int events = 100000;
    int runs = 11;
    int clients = 8;
    int seconds = 60;
    int shared = 100;
    int intervalMs = 250;
    QString app;
    bool keep = false;
};

void report(const Options &options, const QString &name, double ms, const QString &extra = {}) {
    if (options.json)
        std::printf("{\"name\": \"%s\", \"events\": %d, \"median_ms\": %.1f%s}\n", qPrintable(name),
                    options.events, ms, qPrintable(extra));
    else
        std::printf("%-34s %10d %12.1f %s\n", qPrintable(name), options.events, ms,
                    qPrintable(extra));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    Options options;
    options.server = qEnvironmentVariable("CHIPTIMELINE_TEST_PG");
    options.app =
        QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(u"../../app/chiptimeline"_s);
    const QStringList args = app.arguments();
    const auto number = [&](qsizetype &i) {
        return std::max(1, args.value(++i).toInt());
    };
    QString clientAddress;
    QString clientLog;
    int clientId = 0;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == u"--json")
            options.json = true;
        else if (a == u"--keep")
            options.keep = true;
        else if (a == u"--server" && i + 1 < args.size())
            options.server = args[++i];
        else if (a == u"--app" && i + 1 < args.size())
            options.app = args[++i];
        else if (a == u"--events" && i + 1 < args.size())
            options.events = number(i);
        else if (a == u"--runs" && i + 1 < args.size())
            options.runs = number(i);
        else if (a == u"--clients" && i + 1 < args.size())
            options.clients = number(i);
        else if (a == u"--seconds" && i + 1 < args.size())
            options.seconds = number(i);
        else if (a == u"--shared" && i + 1 < args.size())
            options.shared = number(i);
        else if (a == u"--interval-ms" && i + 1 < args.size())
            options.intervalMs = number(i);
        else if (a == u"--client" && i + 1 < args.size())
            clientAddress = args[++i];
        else if (a == u"--id" && i + 1 < args.size())
            clientId = number(i);
        else if (a == u"--log" && i + 1 < args.size())
            clientLog = args[++i];
        else
            fail(u"unknown argument %1"_s.arg(a));
    }
    if (!clientAddress.isEmpty())
        return runClient(clientAddress, clientId, options.seconds, options.shared,
                         options.intervalMs, clientLog);
    if (options.server.isEmpty())
        fail(u"no server: set CHIPTIMELINE_TEST_PG or pass --server URL (scripts/bench starts "
             "one)"_s);
    if (!QFileInfo::exists(options.app))
        fail(u"no app at %1 (--app PATH)"_s.arg(options.app));

    // A database of its own on the server.
    ServerAddress admin;
    QString parseError;
    if (!parseServerAddress(options.server, &admin, &parseError))
        fail(parseError);
    QSqlDatabase adminDb = QSqlDatabase::addDatabase(u"QPSQL"_s, u"bench-admin"_s);
    admin.applyTo(adminDb);
    if (!adminDb.open())
        fail(adminDb.lastError().text());
    const QString database = u"ct_bench_team_%1"_s.arg(QCoreApplication::applicationPid());
    QSqlQuery adminQuery(adminDb);
    if (!adminQuery.exec(u"CREATE DATABASE %1"_s.arg(database)))
        fail(adminQuery.lastError().text());
    ServerAddress timeline = admin;
    timeline.databaseName = database;
    const QString address = timeline.displayString();
    const auto dropDatabase = [&] {
        if (options.keep) {
            std::fprintf(stderr, "bench_team: kept %s\n", qPrintable(address));
            return;
        }
        QSqlDatabase::database(u"bench-timeline"_s, false).close();
        adminQuery.exec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(database));
    };
    StoreError error;
    if (!TimelineStore::initialize(address, &error))
        fail(error.message);

    if (!options.json)
        std::printf("%-34s %10s %12s\n", "benchmark", "events", "median ms");
    // Import.
    {
        const Dataset dataset = generate(options.events);
        std::unique_ptr<TimelineStore> store = TimelineStore::open(address, &error);
        if (!store)
            fail(error.message);
        QElapsedTimer timer;
        timer.start();
        ImportSummary summary;
        if (!store->importDataset(dataset, ImportPolicy::Skip, &summary, &error)) {
            dropDatabase();
            fail(error.message);
        }
        report(options, u"team import"_s, double(timer.nsecsElapsed()) / 1e6,
               options.json ? u", \"sources\": %1"_s.arg(dataset.sources.size())
                            : u"(%1 sources, one run)"_s.arg(dataset.sources.size()));
    }

    // Start to first frame.
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CHIPTIMELINE_BENCHMARK_FIRST_FRAME"_s, u"1"_s);
        if (!env.contains(u"QT_QPA_PLATFORM"_s))
            env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        std::vector<double> wall;
        for (int r = 0; r < options.runs + 1; ++r) { // the first run warms the caches
            QProcess process;
            process.setProcessEnvironment(env);
            QElapsedTimer timer;
            timer.start();
            process.start(options.app, {u"--db"_s, address, u"--lang"_s, u"en"_s});
            QByteArray line;
            while (!line.contains('\n') && process.waitForReadyRead(60000))
                line += process.readAllStandardOutput();
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            process.waitForFinished(30000);
            if (!line.startsWith("first-frame")) {
                dropDatabase();
                fail(u"no first frame (%1)"_s.arg(
                    QString::fromLocal8Bit(process.readAllStandardError())));
            }
            if (r > 0)
                wall.push_back(ms);
        }
        report(options, u"team startup to first frame"_s, median(wall),
               options.json ? QString() : u"(%1 runs)"_s.arg(options.runs));
    }

    // Searches.
    {
        std::unique_ptr<TimelineStore> store = TimelineStore::open(address, &error);
        if (!store)
            fail(error.message);
        const QList<std::pair<QString, QString>> queries = {
            {u"team search word rare"_s, u"Gaudi"_s},
            {u"team search word common"_s, u"Nvidia"_s},
            {u"team search prefix"_s, u"licen*"_s},
            {u"team search phrase"_s, u"\"ships H100\""_s},
            {u"team search boolean"_s, u"(H20 OR H100) AND Nvidia NOT restricts"_s},
            {u"team search no match"_s, u"quantum"_s},
        };
        for (const auto &[name, text] : queries) {
            std::vector<double> times;
            qsizetype hits = 0;
            for (int r = 0; r < options.runs; ++r) {
                QElapsedTimer timer;
                timer.start();
                hits = EventSearch::searchEvents(*store, text, {}, 50).size();
                times.push_back(double(timer.nsecsElapsed()) / 1e6);
            }
            report(options, name, median(times),
                   options.json ? u", \"results\": %1"_s.arg(hits) : u"(%1 hits)"_s.arg(hits));
        }
    }

    // Clients editing at once.
    QTemporaryDir logs;
    std::vector<std::unique_ptr<QProcess>> clients;
    for (int k = 1; k <= options.clients; ++k) {
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start(QCoreApplication::applicationFilePath(),
                       {u"--client"_s, address, u"--id"_s, QString::number(k), u"--seconds"_s,
                        QString::number(options.seconds), u"--shared"_s,
                        QString::number(options.shared), u"--interval-ms"_s,
                        QString::number(options.intervalMs), u"--log"_s,
                        logs.filePath(u"client-%1.log"_s.arg(k))});
        clients.push_back(std::move(process));
    }
    const auto awaitLine = [&](QProcess &process, const QByteArray &prefix, int timeoutMs) {
        QByteArray line;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (process.canReadLine()) {
                line = process.readLine().trimmed();
                if (line.startsWith(prefix))
                    return line;
                continue;
            }
            if (!process.waitForReadyRead(1000) && process.state() != QProcess::Running)
                break;
        }
        return QByteArray();
    };
    for (auto &client : clients) {
        if (awaitLine(*client, "ready", 300000).isEmpty()) {
            dropDatabase();
            fail(u"a client did not start"_s);
        }
    }
    for (auto &client : clients)
        client->write("go\n");
    for (auto &client : clients) {
        if (awaitLine(*client, "done", (options.seconds + 120) * 1000).isEmpty()) {
            dropDatabase();
            fail(u"a client did not finish"_s);
        }
    }
    for (auto &client : clients)
        client->write("dump\n");
    QStringList views;
    for (auto &client : clients) {
        views << QString::fromUtf8(awaitLine(*client, "view", 120000).mid(5));
        client->waitForFinished(30000);
    }

    // What the server holds, against what the clients say they committed.
    std::unique_ptr<TimelineStore> store = TimelineStore::open(address, &error);
    if (!store)
        fail(error.message);
    const QString serverView = digest(viewOf(*store));
    const int viewsEqual = int(std::count(views.cbegin(), views.cend(), serverView));
    QHash<QString, int> committed; // uid → commits (creation included)
    struct Receipt {
        qint64 version;
        qint64 ms;
    };
    QList<QHash<QString, QList<Receipt>>> receipts(options.clients);
    QList<std::tuple<int, QString, qint64, qint64>> commits; // client, uid, version, ms
    int refused = 0;
    for (int k = 1; k <= options.clients; ++k) {
        QFile file(logs.filePath(u"client-%1.log"_s.arg(k)));
        if (!file.open(QIODevice::ReadOnly))
            fail(u"no log of client %1"_s.arg(k));
        while (!file.atEnd()) {
            const QList<QByteArray> f = file.readLine().trimmed().split(' ');
            const QString uid = QString::fromLatin1(f.value(1));
            if (f[0] == "commit") {
                ++committed[uid];
                if (f.value(2).toLongLong() > 0)
                    commits.append({k, uid, f.value(2).toLongLong(), f.value(3).toLongLong()});
            } else if (f[0] == "recv") {
                receipts[k - 1][uid].append({f.value(2).toLongLong(), f.value(3).toLongLong()});
            } else if (f[0] == "refused") {
                ++refused;
            }
        }
    }
    // Lost or duplicated: every created event stored once, and every edited event's row
    // version one more than its commits (the server raises it on each UPDATE; a created event is
    // inserted and then written).
    QSqlDatabase timelineDb = QSqlDatabase::addDatabase(u"QPSQL"_s, u"bench-timeline"_s);
    timeline.applyTo(timelineDb);
    if (!timelineDb.open())
        fail(timelineDb.lastError().text());
    QSqlQuery versions(timelineDb);
    if (!versions.exec(u"SELECT uid, row_version FROM event WHERE row_version > 1 "
                       "OR uid LIKE '20000000-%'"_s))
        fail(versions.lastError().text());
    int lost = 0;
    int duplicated = 0;
    int totalCommits = 0;
    QSet<QString> seen;
    while (versions.next()) {
        const QString uid = versions.value(0).toString();
        seen.insert(uid);
        // A stored event starts at version 1, a created one at 2 after its first commit.
        const int expected = committed.value(uid) + 1;
        const int stored = versions.value(1).toInt();
        lost += std::max(0, expected - stored);
        duplicated += std::max(0, stored - expected);
    }
    for (auto it = committed.cbegin(); it != committed.cend(); ++it) {
        totalCommits += it.value();
        if (!seen.contains(it.key()))
            lost += it.value();
    }
    timelineDb.close();
    // Delays: each commit of a known version to the first notice of it (or a later version)
    // in every other client.
    std::vector<double> delays;
    int missed = 0;
    for (const auto &[client, uid, version, ms] : commits) {
        for (int k = 1; k <= options.clients; ++k) {
            if (k == client)
                continue;
            qint64 first = -1;
            for (const Receipt &r : receipts[k - 1].value(uid))
                if (r.version >= version && (first < 0 || r.ms < first))
                    first = r.ms;
            if (first < 0)
                ++missed;
            else
                delays.push_back(double(first - ms));
        }
    }
    const QString summary =
        options.json
            ? u", \"clients\": %1, \"seconds\": %2, \"commits\": %3, \"refused\": %4, "
              "\"lost\": %5, \"duplicated\": %6, \"views_equal\": %7, \"notices_missed\": %8, "
              "\"delay_p95_ms\": %9"_s.arg(options.clients)
                  .arg(options.seconds)
                  .arg(totalCommits)
                  .arg(refused)
                  .arg(lost)
                  .arg(duplicated)
                  .arg(viewsEqual)
                  .arg(missed)
                  .arg(percentile(delays, 0.95), 0, 'f', 1)
            : u"p95 %1 ms; %2 clients × %3 s: %4 commits, %5 refused, %6 lost, %7 duplicated, "
              "%8 of %2 views equal to the server's, %9 notices missed"_s
                  .arg(percentile(delays, 0.95), 0, 'f', 1)
                  .arg(options.clients)
                  .arg(options.seconds)
                  .arg(totalCommits)
                  .arg(refused)
                  .arg(lost)
                  .arg(duplicated)
                  .arg(viewsEqual)
                  .arg(missed);
    report(options, u"team live-update delay (median)"_s, median(delays), summary);
    if (!options.json)
        std::printf("(server view %s; load average %.1f)\n", qPrintable(serverView), loadAverage());
    store.reset();
    dropDatabase();
    return lost == 0 && duplicated == 0 && viewsEqual == options.clients ? 0 : 1;
}
