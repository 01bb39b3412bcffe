#include "StoreConnectionTestUtil.h"
#include "model/history/EntitySnapshot.h"
#include "model/store/TimelineStore.h"

#include <QHash>
#include <QJsonObject>

#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// A writer killed with SIGKILL in the middle of its work: the database must open again,
// pass SQLite's integrity check, and hold every edit the writer reported as committed, each
// with its revision: a change and its revision are both there or both not.
class TestCrashSafety : public QObject {
    Q_OBJECT

private slots:
    void killedWriterLosesNothingCommitted_data();
    void killedWriterLosesNothingCommitted();
};

void TestCrashSafety::killedWriterLosesNothingCommitted_data() {
    QTest::addColumn<QList<int>>("killAfter");
    // Kill points: after this many reported edits, across successive runs on one file.
    QTest::newRow("early") << QList<int>{1, 3, 8};
    QTest::newRow("later") << QList<int>{12, 25, 40};
}

void TestCrashSafety::killedWriterLosesNothingCommitted() {
    QFETCH(QList<int>, killAfter);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"crash.sqlite"_s);
    const QString helper = QCoreApplication::applicationDirPath() + u"/store_writer"_s;
    QVERIFY(QFileInfo::exists(helper));

    QList<int> committed;
    int next = 1;
    for (const int count : killAfter) {
        QProcess writer;
        writer.start(helper, {path, QString::number(next)});
        QVERIFY(writer.waitForStarted());
        QList<int> reported;
        QByteArray pending;
        while (reported.size() < count) {
            QVERIFY2(writer.waitForReadyRead(30000), writer.readAllStandardError().constData());
            pending += writer.readAllStandardOutput();
            qsizetype newline;
            while ((newline = pending.indexOf('\n')) >= 0) {
                reported << pending.left(newline).toInt();
                pending.remove(0, newline + 1);
            }
        }
        writer.kill(); // SIGKILL: no destructors, no rollback, no checkpoint
        QVERIFY(writer.waitForFinished());
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        // Anything printed before the kill counts as committed too.
        pending += writer.readAllStandardOutput();
        for (const QByteArray &line : pending.split('\n'))
            if (!line.isEmpty())
                reported << line.toInt();
        committed << reported;
        next = reported.constLast() + 1;

        StoreError error;
        auto store = TimelineStore::open(path, &error);
        QVERIFY2(store, qPrintable(error.message));
        QSqlQuery query(connectionOf(*store));
        QVERIFY(query.exec(u"PRAGMA integrity_check"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"ok"_s);
        QVERIFY(query.exec(u"PRAGMA foreign_key_check"_s));
        QVERIFY(!query.next());
        for (const int n : std::as_const(committed)) {
            const std::optional<Event> event = store->eventByUid(u"edit-%1"_s.arg(n));
            QVERIFY2(event, qPrintable(u"edit %1 was reported committed but is missing"_s.arg(n)));
            QCOMPARE(event->title,
                     n % 5 == 0 ? u"Edit %1 (revised)"_s.arg(n) : u"Edit %1"_s.arg(n));
            QCOMPARE(event->tags, (QStringList{u"crash"_s, u"n%1"_s.arg(n % 7)}));
        }
        // The history kept in step: the titles the revisions record last are exactly the
        // stored events' titles, no event without its revisions and no revision of an event
        // that was never stored.
        RevisionFilter everything;
        everything.withChanges = true;
        QHash<QString, QString> recorded;
        for (const Revision &revision : store->revisions(everything)) {
            for (const RevisionChange &change : revision.changes) {
                if (change.entity != u"event"_s)
                    continue;
                const QJsonValue value = EntitySnapshot::valueFromText(change.newValue);
                if (change.field == u"*"_s && change.newValue.isNull())
                    recorded.remove(change.uid);
                else if (change.field == u"*"_s)
                    recorded.insert(change.uid, value.toObject().value(u"title"_s).toString());
                else if (change.field == u"title"_s)
                    recorded.insert(change.uid, value.toString());
            }
        }
        QVERIFY(!store->readError().isError());
        QHash<QString, QString> stored;
        for (const Event &event : store->events())
            stored.insert(event.uid, event.title);
        QCOMPARE(recorded, stored);
        // The full-text index kept in step too: it holds exactly the text of the rows it
        // indexes (rank 1 compares it with them).
        QVERIFY2(
            query.exec(u"INSERT INTO event_fts(event_fts, rank) VALUES ('integrity-check', 1)"_s),
            qPrintable(query.lastError().text()));
    }
    QVERIFY(committed.size() >= killAfter.constLast());
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
