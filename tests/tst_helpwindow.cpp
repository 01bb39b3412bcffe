// Help → User Guide (ui/widgets/HelpWindow): the bundled guide, its sections and links.
#include "model/store/TimelineStore.h"
#include "ui/widgets/HelpWindow.h"
#include "ui/widgets/MainWindow.h"

#include <QAction>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;

class TestHelpWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void showsTheBundledGuide();
    void guideCoversWhatAResearcherNeeds_data();
    void guideCoversWhatAResearcherNeeds();
    void linksMoveWithinTheGuideOnly();
    void f1OpensOneGuidePerWindow();
};

void TestHelpWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(u"chiptimeline-test-help"_s);
}

void TestHelpWindow::showsTheBundledGuide() {
    HelpWindow help;
    QCOMPARE(help.windowTitle(), u"ChipTimeline User Guide"_s);
    QCOMPARE(help.browser()->source(), QUrl(u"qrc:/help/guide.html"_s));
    QCOMPARE(help.browser()->documentTitle(), u"ChipTimeline User Guide"_s);
    QVERIFY(help.browser()->toPlainText().startsWith(u"ChipTimeline User Guide\n"_s));
    // CHIPTIMELINE_SCREENSHOT_DIR=docs/screenshots: the picture in the documentation.
    if (const QByteArray dir = qgetenv("CHIPTIMELINE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        help.resize(760, 820);
        help.show();
        QVERIFY(help.grab().save(QString::fromLocal8Bit(dir) + u"/help-window.png"_s));
    }
}

void TestHelpWindow::guideCoversWhatAResearcherNeeds_data() {
    QTest::addColumn<QString>("text");
    for (const QString &text : {u"Browsing"_s,
                                u"Sources and quotes"_s,
                                u"confirmed"_s,
                                u"reported"_s,
                                u"disputed"_s,
                                u"export*"_s,
                                u"\"revenue share\""_s,
                                u"H20 OR MI308"_s,
                                u"status:confirmed"_s,
                                u"--notes"_s,
                                u"--date-labels on"_s,
                                u"a4"_s,
                                u"letter"_s,
                                u"slide"_s,
                                u"Zotero"_s,
                                u"CSL JSON"_s,
                                u"TimelineJS"_s,
                                u"Save a Copy As"_s,
                                u"Edit → Preferences…"_s,
                                u"applies on next start"_s,
                                u"asks before discarding"_s,
                                u"What's New"_s})
        QTest::newRow(qPrintable(text)) << text;
}

void TestHelpWindow::guideCoversWhatAResearcherNeeds() {
    QFETCH(QString, text);
    HelpWindow help;
    QVERIFY2(help.browser()->toPlainText().contains(text), qPrintable(text));
}

void TestHelpWindow::linksMoveWithinTheGuideOnly() {
    HelpWindow help;
    QSignalSpy external(&help, &HelpWindow::externalLinkRequested);
    emit help.browser()->anchorClicked(QUrl(u"#export"_s));
    QCOMPARE(help.browser()->source(), QUrl(u"qrc:/help/guide.html#export"_s));
    help.showSection(u"search"_s);
    QCOMPARE(help.browser()->source(), QUrl(u"qrc:/help/guide.html#search"_s));
    // Neither a local file nor a script address is followed.
    emit help.browser()->anchorClicked(QUrl(u"file:///etc/passwd"_s));
    emit help.browser()->anchorClicked(QUrl(u"javascript:alert(1)"_s));
    QCOMPARE(help.browser()->source(), QUrl(u"qrc:/help/guide.html#search"_s));
    QCOMPARE(external.size(), 0);
    help.showSection({});
    QCOMPARE(help.browser()->source(), QUrl(u"qrc:/help/guide.html"_s));
}

void TestHelpWindow::f1OpensOneGuidePerWindow() {
    QTemporaryDir dir;
    StoreError error;
    auto store = TimelineStore::open(dir.filePath(u"help.chiptimeline.sqlite"_s), &error);
    QVERIFY(store);
    MainWindow window(std::move(store));
    auto *action = window.findChild<QAction *>(u"userGuideAction"_s);
    QVERIFY(action);
    QCOMPARE(action->text(), u"&User Guide"_s);
    QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::HelpContents));
    QCOMPARE(action->shortcut(), QKeySequence(Qt::Key_F1));
    QCOMPARE(window.findChild<HelpWindow *>(), nullptr);
    action->trigger();
    auto *help = window.findChild<HelpWindow *>();
    QVERIFY(help);
    QVERIFY(help->isVisible());
    QVERIFY(help->isWindow());
    action->trigger();
    QCOMPARE(window.findChildren<HelpWindow *>().size(), 1);
    QCOMPARE(window.showUserGuide(), help);
}

QTEST_MAIN(TestHelpWindow)
#include "tst_helpwindow.moc"
