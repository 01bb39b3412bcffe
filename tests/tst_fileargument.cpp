// `chiptimeline FILE` from the file manager (app/FileArgument): which arguments name a file
// to open, and which are left to the command line.
#include "app/FileArgument.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestFileArgument : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void fromArguments_data();
    void fromArguments();
    void jsonIsImported();

private:
    QTemporaryDir m_dir;
};

void TestFileArgument::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir::setCurrent(m_dir.path()));
    for (const QString &name : {u"events.chiptimeline.json"_s, u"mine.chiptimeline.sqlite"_s,
                                u"list"_s, u"notes.txt"_s}) {
        QFile file(m_dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QVERIFY(QDir(m_dir.path()).mkdir(u"folder.d"_s));
}

void TestFileArgument::fromArguments_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("file");
    QTest::newRow("native file") << QStringList{u"events.chiptimeline.json"_s}
                                 << u"events.chiptimeline.json"_s;
    QTest::newRow("database") << QStringList{u"mine.chiptimeline.sqlite"_s}
                              << u"mine.chiptimeline.sqlite"_s;
    QTest::newRow("absolute path") << QStringList{m_dir.filePath(u"mine.chiptimeline.sqlite"_s)}
                                   << m_dir.filePath(u"mine.chiptimeline.sqlite"_s);
    // Not a timeline, but a file: the window says why it cannot open it.
    QTest::newRow("other file") << QStringList{u"notes.txt"_s} << u"notes.txt"_s;
    QTest::newRow("a file named like a command") << QStringList{u"./list"_s} << u"./list"_s;
    QTest::newRow("command, though a file has its name") << QStringList{u"list"_s} << QString();
    QTest::newRow("missing file") << QStringList{u"gone.chiptimeline.sqlite"_s} << QString();
    QTest::newRow("folder") << QStringList{u"folder.d"_s} << QString();
    QTest::newRow("option") << QStringList{u"--help"_s} << QString();
    QTest::newRow("two files") << QStringList{u"mine.chiptimeline.sqlite"_s, u"notes.txt"_s}
                               << QString();
    QTest::newRow("db option") << QStringList{u"--db"_s, u"mine.chiptimeline.sqlite"_s}
                               << QString();
    QTest::newRow("nothing") << QStringList() << QString();
}

void TestFileArgument::fromArguments() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, file);
    QCOMPARE(FileArgument::fromArguments(arguments), file);
}

void TestFileArgument::jsonIsImported() {
    QVERIFY(FileArgument::isImported(u"events.chiptimeline.json"_s));
    QVERIFY(FileArgument::isImported(u"/home/r/EXPORT.JSON"_s));
    QVERIFY(!FileArgument::isImported(u"mine.chiptimeline.sqlite"_s));
    QVERIFY(!FileArgument::isImported(u"notes.txt"_s));
}

QTEST_GUILESS_MAIN(TestFileArgument)
#include "tst_fileargument.moc"
