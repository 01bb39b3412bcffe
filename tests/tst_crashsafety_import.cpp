#include "DatabaseFileTestUtil.h"
#include "StoreConnectionTestUtil.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// A bulk import killed with SIGKILL at many points must leave a database that passes
// SQLite's integrity check and holds the import wholly or not at all; a writer of single
// edits killed between and during edits keeps every edit it reported as committed.
//
// Kill points are deterministic in progress, never in wall-clock time: for an import, the
// test kills once the import has written more than a byte count drawn from a seeded
// generator (0 = straight after "started"; past the final count = straight after
// "committed"); for edits, after a drawn number of "committed" lines.
//
// The import is killed both with the file to itself and beside a reader (the test keeps a
// connection open); either way it goes through the write-ahead log, whose checkpoint on
// closing moves its pages into the file.
class TestCrashSafetyImport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void killedImportIsAllOrNothing_data();
    void killedImportIsAllOrNothing();
    void killedEditsKeepEveryCommittedEdit();

private:
    QString helper() const { return QCoreApplication::applicationDirPath() + u"/import_writer"_s; }
    QString freshDatabase(const QString &name) const;

    static constexpr int EventCount = 20000;
    static constexpr int SourceCount = 500;
    QTemporaryDir m_dir;
    QString m_importFile;
    QString m_template;
};

namespace {

// A deterministic dataset shaped like real work: every event cites sources, names actors,
// chips and tags, and has a Markdown summary.
Dataset largeDataset(int eventCount, int sourceCount) {
    Dataset dataset;
    dataset.title = u"Crash test"_s;
    for (int c = 0; c < 5; ++c)
        dataset.categories << Category{0, u"category-%1"_s.arg(c), u"Category %1"_s.arg(c),
                                       QColor::fromRgb(40 * c, 100, 200), c};
    for (int s = 0; s < sourceCount; ++s) {
        Source source;
        source.uid = u"00000000-0000-4000-8000-%1"_s.arg(s, 12, 10, QChar(u'0'));
        source.title = u"Source number %1 on export controls"_s.arg(s);
        source.outlet = u"Outlet %1"_s.arg(s % 17);
        source.url = u"https://example.org/articles/%1"_s.arg(s);
        source.published = PartialDate::fromYmd(2020 + s % 6, 1 + s % 12, 1 + s % 28);
        dataset.sources << source;
    }
    for (int e = 0; e < eventCount; ++e) {
        Event event;
        event.uid = u"10000000-0000-4000-8000-%1"_s.arg(e, 12, 10, QChar(u'0'));
        event.title = u"Event %1: licence decision on chip shipments"_s.arg(e);
        event.summary = u"Summary of **event %1** with a [link](https://example.org/%1)."_s.arg(e);
        event.start = PartialDate::fromYmd(2000 + e % 26, 1 + e % 12, 1 + e % 28);
        event.category = u"category-%1"_s.arg(e % 5);
        event.status = static_cast<EventStatus>(e % 3);
        event.importance = 1 + e % 3;
        event.actors = {u"Actor %1"_s.arg(e % 50)};
        event.chips = {u"Chip %1"_s.arg(e % 20)};
        event.tags = {u"tag-%1"_s.arg(e % 30), u"bulk"_s};
        event.citations = {Citation{dataset.sources.at(e % sourceCount).uid, u"Quote %1"_s.arg(e),
                                    u"para. %1"_s.arg(e % 9)}};
        dataset.events << event;
    }
    return dataset;
}

qint64 fileSize(const QString &path) {
    return QFileInfo(path).size(); // 0 when there is none
}

// What an import into `database` has written so far: the database file's growth beyond
// `startSize`, the write-ahead log and the rollback journal. Either the log or the journal
// and the file grow, as the import runs through the WAL or not.
qint64 bytesWritten(const QString &database, qint64 startSize) {
    return qMax<qint64>(0, fileSize(database) - startSize) + fileSize(database + u"-wal"_s) +
           fileSize(database + u"-journal"_s);
}

} // namespace

void TestCrashSafetyImport::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo::exists(helper()), qPrintable(helper()));
    m_importFile = m_dir.filePath(u"large.chiptimeline.json"_s);
    QFile file(m_importFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(NativeJsonFormat::write(largeDataset(EventCount, SourceCount)));
    file.close();
    // An empty database with the current schema: each run starts from a copy of it, so a
    // kill can only ever interrupt the import.
    m_template = m_dir.filePath(u"template.sqlite"_s);
    StoreError error;
    QVERIFY2(TimelineStore::open(m_template, &error), qPrintable(error.message));
    QVERIFY(!QFileInfo::exists(m_template + u"-wal"_s));
}

QString TestCrashSafetyImport::freshDatabase(const QString &name) const {
    const QString path = m_dir.filePath(name);
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QFile::remove(path + suffix);
    if (!QFile::copy(m_template, path))
        return {};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void TestCrashSafetyImport::killedImportIsAllOrNothing_data() {
    QTest::addColumn<bool>("besideReader");
    QTest::newRow("alone") << false;
    QTest::newRow("beside a reader") << true;
}

void TestCrashSafetyImport::killedImportIsAllOrNothing() {
    QFETCH(bool, besideReader);
    const QString tag = besideReader ? u"reader"_s : u"alone"_s;
    const qint64 startSize = fileSize(m_template);
    // A connection of the test's own on the file, open while the import runs.
    const auto openReader = [&](const QString &path) {
        std::unique_ptr<TimelineStore> reader;
        if (besideReader) {
            StoreError error;
            reader = TimelineStore::open(path, &error);
            if (!reader || reader->eventCount() != 0)
                qWarning("could not open the reader: %s", qPrintable(error.message));
        }
        return reader;
    };
    // One run to the end gives the bytes an import writes, the scale for the kill points.
    qint64 finalWritten = 0;
    {
        const QString path = freshDatabase(u"calibrate-%1.sqlite"_s.arg(tag));
        auto reader = openReader(path);
        QCOMPARE(bool(reader), besideReader);
        QProcess writer;
        writer.start(helper(), {u"import"_s, path, m_importFile});
        QVERIFY(writer.waitForStarted());
        bool sawJournal = false;
        qint64 largestWal = 0;
        const auto look = [&] {
            finalWritten = qMax(finalWritten, bytesWritten(path, startSize));
            sawJournal = sawJournal || QFileInfo::exists(path + u"-journal"_s);
            largestWal = qMax(largestWal, fileSize(path + u"-wal"_s));
        };
        while (!writer.waitForFinished(5))
            look();
        look();
        // Which way the import went: through the WAL, also with the file to itself (a
        // rollback journal would advance the header's counters of a refused import).
        QVERIFY(!sawJournal);
        QVERIFY(largestWal > 0);
        QVERIFY(!QFileInfo::exists(path + u"-journal"_s));
        QCOMPARE(writer.exitStatus(), QProcess::NormalExit);
        QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());
        QCOMPARE(writer.readAllStandardOutput(), QByteArray("started\ncommitted\n"));
        StoreError error;
        const auto store = TimelineStore::open(path, &error);
        QVERIFY2(store, qPrintable(error.message));
        QCOMPARE(store->eventCount(), EventCount);
    }
    QVERIFY(finalWritten > 0);

    QRandomGenerator rng(20260422);
    constexpr int Kills = 20;
    int killedBefore = 0, killedDuring = 0, killedAfterCommit = 0, foundWhole = 0, foundNone = 0;
    for (int run = 0; run < Kills; ++run) {
        // A few kills straight after "started" and after "committed"; the rest spread over
        // the bytes the import writes.
        qint64 threshold = qint64(rng.bounded(double(finalWritten) * 1.2));
        if (run % 8 == 0)
            threshold = 0;
        const bool afterCommit = threshold >= finalWritten;
        const QString path = freshDatabase(u"run%1-%2.sqlite"_s.arg(run).arg(tag));
        QVERIFY(!path.isEmpty());
        auto reader = openReader(path);
        QCOMPARE(bool(reader), besideReader);
        QProcess writer;
        writer.start(helper(), {u"import"_s, path, m_importFile});
        QVERIFY(writer.waitForStarted());
        QByteArray output;
        const auto waitForLine = [&](const QByteArray &line) {
            while (!output.contains(line)) {
                if (!writer.waitForReadyRead(60000))
                    return false;
                output += writer.readAllStandardOutput();
            }
            return true;
        };
        QVERIFY2(waitForLine("started\n"), writer.readAllStandardError().constData());
        if (afterCommit) {
            QVERIFY2(waitForLine("committed\n"), writer.readAllStandardError().constData());
        } else {
            while (bytesWritten(path, startSize) < threshold && writer.state() == QProcess::Running)
                writer.waitForFinished(1); // polls progress; the kill waits on bytes only
        }
        const bool stillRunning = writer.state() == QProcess::Running;
        writer.kill(); // SIGKILL: no rollback, no checkpoint, no destructors
        writer.waitForFinished(60000);
        output += writer.readAllStandardOutput();
        const bool reportedCommit = output.contains("committed\n");
        if (!stillRunning)
            ++killedAfterCommit; // finished before the kill landed
        else if (afterCommit || reportedCommit)
            ++killedAfterCommit;
        else if (threshold == 0)
            ++killedBefore;
        else
            ++killedDuring;

        StoreError error;
        const auto store = TimelineStore::open(path, &error);
        QVERIFY2(store, qPrintable(error.message));
        verifyDatabaseIntegrity(connectionOf(*store));
        if (QTest::currentTestFailed())
            return;
        const int events = store->eventCount();
        const int sources = store->sourceCount();
        QVERIFY2((events == 0 && sources == 0) || (events == EventCount && sources == SourceCount),
                 qPrintable(u"run %1: %2 events, %3 sources"_s.arg(run).arg(events).arg(sources)));
        if (reportedCommit)
            QCOMPARE(events, EventCount);
        (events == 0 ? foundNone : foundWhole) += 1;
    }
    qInfo("%d kills survived (%d right after start, %d during the import, %d after commit);"
          " import found whole %d times, absent %d times; an import writes %lld bytes",
          Kills, killedBefore, killedDuring, killedAfterCommit, foundWhole, foundNone,
          finalWritten);
    QCOMPARE(killedBefore + killedDuring + killedAfterCommit, Kills);
}

void TestCrashSafetyImport::killedEditsKeepEveryCommittedEdit() {
    const QString path = freshDatabase(u"edits.sqlite"_s);
    QRandomGenerator rng(4711);
    constexpr int Kills = 12;
    QList<int> committed;
    int next = 1;
    int countBefore = 0;
    int reportedBefore = 0;
    for (int run = 0; run < Kills; ++run) {
        const int killAfter = 1 + int(rng.bounded(25));
        QProcess writer;
        writer.start(helper(), {u"edits"_s, path, QString::number(next)});
        QVERIFY(writer.waitForStarted());
        QByteArray output;
        while (output.count('\n') < killAfter) {
            QVERIFY2(writer.waitForReadyRead(60000), writer.readAllStandardError().constData());
            output += writer.readAllStandardOutput();
        }
        writer.kill();
        QVERIFY(writer.waitForFinished(60000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        output += writer.readAllStandardOutput();
        int last = next - 1;
        for (const QByteArray &line : output.split('\n')) {
            if (line.startsWith("committed ")) {
                last = line.mid(10).toInt();
                committed << last;
            }
        }
        QVERIFY(last >= next);

        StoreError error;
        const auto store = TimelineStore::open(path, &error);
        QVERIFY2(store, qPrintable(error.message));
        verifyDatabaseIntegrity(connectionOf(*store));
        if (QTest::currentTestFailed())
            return;
        for (const int n : std::as_const(committed))
            QVERIFY2(store->eventByUid(u"edit-%1"_s.arg(n)),
                     qPrintable(u"edit %1 was reported committed but is missing"_s.arg(n)));
        // Besides what it reported, at most the edit in flight when it was killed landed.
        const int count = store->eventCount();
        const int reportedNow = int(committed.size()) - reportedBefore;
        QVERIFY2(count == countBefore + reportedNow || count == countBefore + reportedNow + 1,
                 qPrintable(u"%1 events, %2 before, %3 reported"_s.arg(count)
                                .arg(countBefore)
                                .arg(reportedNow)));
        countBefore = count;
        reportedBefore = int(committed.size());
        next = last + 2; // the number in flight may have landed unreported: skip it
    }
    qInfo("%d kills of the edit writer survived; %lld committed edits all present", Kills,
          qlonglong(committed.size()));
}

QTEST_GUILESS_MAIN(TestCrashSafetyImport)
#include "tst_crashsafety_import.moc"
