// Help → What's New (ui/widgets/WhatsNewDialog, AppStreamReleases): the releases of the
// AppStream metainfo the program installs, read from the copy built into it.
#include "model/store/TimelineStore.h"
#include "ui/widgets/AppStreamReleases.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/WhatsNewDialog.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace Qt::StringLiterals;

using AppStreamReleases::Release;

class TestWhatsNew : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void readsReleasesWithTheirNotes();
    void brokenMetainfoIsAnError_data();
    void brokenMetainfoIsAnError();
    void bundledCopyIsTheInstalledFile();
    void dialogShowsTheFilesReleases();
    void helpMenuOpensIt();

private:
    static QByteArray installedMetainfo();
};

void TestWhatsNew::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(u"chiptimeline-test-whatsnew"_s);
}

QByteArray TestWhatsNew::installedMetainfo() {
    QFile file(QStringLiteral(CHIPTIMELINE_METAINFO_FILE));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestWhatsNew::readsReleasesWithTheirNotes() {
    const QByteArray xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <description><p>Not a release's.</p></description>
  <releases>
    <release version="0.2.0" date="2027-03-01">
      <url>https://example.org/0.2.0</url>
      <description>
        <p>Preferences and
        <em>What's New</em> &amp; more.</p>
        <ul>
          <li>Theme: system, light or dark</li>
          <li>Export defaults</li>
        </ul>
      </description>
    </release>
    <release version="0.1.0" timestamp="1796385600"/>
  </releases>
</component>)";
    QString error;
    const auto releases = AppStreamReleases::parse(xml, &error);
    QVERIFY2(releases, qPrintable(error));
    QCOMPARE(releases->size(), 2);
    QCOMPARE(releases->at(0),
             (Release{u"0.2.0"_s, QDate(2027, 3, 1),
                      u"<p>Preferences and <em>What's New</em> &amp; more.</p><ul><li>Theme: "
                      "system, light or dark</li><li>Export defaults</li></ul>"_s}));
    QCOMPARE(releases->at(1), (Release{u"0.1.0"_s, QDate(2026, 12, 4), QString()}));
}

void TestWhatsNew::brokenMetainfoIsAnError_data() {
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("error");
    QTest::newRow("broken XML") << QByteArray("<component>\n<releases>\n<release version=\"1\" "
                                              "date=\"2026-01-01\">"
                                              "\n</releases>")
                                << u"line 4: Opening and ending tag mismatch."_s;
    QTest::newRow("no version") << QByteArray("<component>\n<releases>\n<release date=\"2026-"
                                              "01-01\"/></releases></component>")
                                << u"line 3: a <release> without a version"_s;
    QTest::newRow("bad date") << QByteArray("<component><releases>\n<release version=\"0.1\" "
                                            "date=\"4 Dec 2026\"/></releases></component>")
                              << u"line 2: release 0.1: the date “4 Dec 2026” is not YYYY-MM-DD"_s;
    QTest::newRow("no releases") << QByteArray("<component>\n</component>")
                                 << u"line 2: no <releases> in the metainfo"_s;
}

void TestWhatsNew::brokenMetainfoIsAnError() {
    QFETCH(QByteArray, xml);
    QFETCH(QString, error);
    QString reason;
    QVERIFY(!AppStreamReleases::parse(xml, &reason));
    QCOMPARE(reason, error);
}

void TestWhatsNew::bundledCopyIsTheInstalledFile() {
    const QByteArray installed = installedMetainfo();
    QVERIFY(installed.contains("<releases>"));
    QFile bundled(AppStreamReleases::bundledPath());
    QVERIFY(bundled.open(QIODevice::ReadOnly));
    QCOMPARE(bundled.readAll(), installed);
}

void TestWhatsNew::dialogShowsTheFilesReleases() {
    // The versions and dates in the installed file, found without the parser.
    static const QRegularExpression release(
        uR"re(<release version="([^"]+)" date="(\d{4}-\d{2}-\d{2})")re"_s);
    QStringList expected;
    for (const QRegularExpressionMatch &match :
         release.globalMatch(QString::fromUtf8(installedMetainfo()))) {
        const QDate date = QDate::fromString(match.captured(2), Qt::ISODate);
        expected << u"Version %1 — %2"_s.arg(match.captured(1),
                                             QLocale().toString(date, QLocale::LongFormat));
    }
    QVERIFY(!expected.isEmpty());
    QCOMPARE(expected.constFirst(),
             u"Version "_s + QStringLiteral(CHIPTIMELINE_VERSION) + u" — "_s +
                 QLocale().toString(QDate(2026, 12, 4), QLocale::LongFormat));

    WhatsNewDialog dialog;
    QCOMPARE(dialog.windowTitle(), u"What's New in ChipTimeline"_s);
    const QStringList lines = dialog.browser()->toPlainText().split(u'\n');
    QStringList headings;
    for (const QString &line : lines)
        if (line.startsWith(u"Version "_s))
            headings << line;
    QCOMPARE(headings, expected);
    QCOMPARE(lines.value(1).left(15), u"First release: "_s);
    if (const QByteArray dir = qgetenv("CHIPTIMELINE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(QString::fromLocal8Bit(dir) + u"/whats-new.png"_s));
    }
}

void TestWhatsNew::helpMenuOpensIt() {
    QTemporaryDir dir;
    StoreError error;
    auto store = TimelineStore::open(dir.filePath(u"t.sqlite"_s), &error);
    QVERIFY(store);
    MainWindow window(std::move(store));
    auto *action = window.findChild<QAction *>(u"whatsNewAction"_s);
    QVERIFY(action);
    QCOMPARE(action->text(), u"What's &New"_s);
    QString shown;
    QTimer::singleShot(0, qApp, [&shown] {
        auto *dialog = qobject_cast<WhatsNewDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        shown = dialog->browser()->toPlainText().section(u'\n', 0, 0);
        dialog->reject();
    });
    action->trigger();
    QCOMPARE(shown, u"Version "_s + QStringLiteral(CHIPTIMELINE_VERSION) + u" — "_s +
                        QLocale().toString(QDate(2026, 12, 4), QLocale::LongFormat));
}

QTEST_MAIN(TestWhatsNew)
#include "tst_whatsnew.moc"
