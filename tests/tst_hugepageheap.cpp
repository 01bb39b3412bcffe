// app/HugePageHeap.h: the process starts again once with glibc's huge-page heap asked for,
// and then puts the environment back as it was, so programs it starts do not inherit it.

#include "app/HugePageHeap.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// The environment this process was exec'd with (setenv after the exec does not show here).
QStringList execEnvironment() {
    QFile file(u"/proc/self/environ"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList entries;
    for (const QByteArray &entry : file.readAll().split('\0'))
        if (!entry.isEmpty())
            entries << QString::fromLocal8Bit(entry);
    return entries;
}

QString valueIn(const QStringList &environment, const QString &name) {
    for (const QString &entry : environment)
        if (entry.startsWith(name + u'='))
            return entry.mid(name.size() + 1);
    return u"<unset>"_s;
}

QString now(const char *name) {
    const char *value = std::getenv(name);
    return value ? QString::fromLocal8Bit(value) : u"<unset>"_s;
}

} // namespace

class TestHugePageHeap : public QObject {
    Q_OBJECT

private slots:
    void restartedWithTheTunable();
    void environmentIsPutBack();
    void keepsTheUsersTunables();
    void turnedOffByTheUser();

private:
    QString runReport(const QProcessEnvironment &environment) {
        QProcess child;
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {u"--report"_s});
        if (!child.waitForFinished(60000))
            return u"timed out"_s;
        return QString::fromLocal8Bit(child.readAllStandardOutput()).trimmed();
    }
};

void TestHugePageHeap::restartedWithTheTunable() {
    // ctest starts the test without GLIBC_TUNABLES: the exec that runs these tests had it.
    const QStringList environment = execEnvironment();
    QCOMPARE(valueIn(environment, u"GLIBC_TUNABLES"_s), u"glibc.malloc.hugetlb=1"_s);
    QCOMPARE(valueIn(environment, u"CHIPTIMELINE_HUGE_PAGES"_s), u"restarted"_s);
}

void TestHugePageHeap::environmentIsPutBack() {
    QCOMPARE(now("GLIBC_TUNABLES"), u"<unset>"_s);
    QCOMPARE(now("CHIPTIMELINE_HUGE_PAGES"), u"<unset>"_s);
    QCOMPARE(now("CHIPTIMELINE_SAVED_GLIBC_TUNABLES"), u"<unset>"_s);
}

void TestHugePageHeap::keepsTheUsersTunables() {
    // Restarted (with the huge-page tunable added to the user's: glibc itself rewrites the
    // variable as it parses it, so what it was exec'd with cannot be read back whole), then
    // the user's value put back.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"GLIBC_TUNABLES"_s, u"glibc.malloc.tcache_count=5"_s);
    QCOMPARE(runReport(environment),
             u"restarted=restarted now=glibc.malloc.tcache_count=5 marker=<unset>"_s);
    // Naming the huge-page tunable itself is the user's choice: no restart.
    environment.insert(u"GLIBC_TUNABLES"_s, u"glibc.malloc.hugetlb=0"_s);
    QCOMPARE(runReport(environment),
             u"restarted=<unset> now=glibc.malloc.hugetlb=0 marker=<unset>"_s);
}

void TestHugePageHeap::turnedOffByTheUser() {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"GLIBC_TUNABLES"_s);
    environment.insert(u"CHIPTIMELINE_HUGE_PAGES"_s, u"0"_s);
    QCOMPARE(runReport(environment), u"restarted=0 now=<unset> marker=0"_s);
}

int main(int argc, char **argv) {
    restartWithHugePageHeap(argv);
    QCoreApplication app(argc, argv);
    if (argc == 2 && qstrcmp(argv[1], "--report") == 0) {
        std::printf("restarted=%s now=%s marker=%s\n",
                    qPrintable(valueIn(execEnvironment(), u"CHIPTIMELINE_HUGE_PAGES"_s)),
                    qPrintable(now("GLIBC_TUNABLES")), qPrintable(now("CHIPTIMELINE_HUGE_PAGES")));
        return 0;
    }
    TestHugePageHeap test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_hugepageheap.moc"
