#include "model/LinkPolicy.h"
#include "model/TimelineData.h"
#include "ui/render/ImageExporter.h"
#include "ui/widgets/EventDetailsView.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;

// What a hostile or careless file can put in front of the app: links to schemes that run
// code or read local files, HTML and script in every text field, text that breaks XML, and
// sizes no one expects. Nothing of it is opened, run, fetched or allowed to break a file.
class TestHostileContent : public QObject {
    Q_OBJECT

private slots:
    void unsafeLinksAreNeverOpened_data();
    void unsafeLinksAreNeverOpened();
    void markupRendersAsText();
    void exportsOfHostileTextAreValid_data();
    void exportsOfHostileTextAreValid();
    void enormousTitleAndCrowdedDay();
};

namespace {

// Records every resource the document asks for: nothing may be fetched to show an event.
class RecordingDetailsView : public EventDetailsView {
public:
    QList<QUrl> requested;
    QVariant loadResource(int type, const QUrl &name) override {
        requested << name;
        return EventDetailsView::loadResource(type, name);
    }
};

const QString Script = u"<script>alert('x')</script>"_s;
const QString RemoteImage = u"<img src=\"http://evil.example/track.png\">"_s;

QString plain() {
    return u"Export controls"_s;
}

QString hostileTitle() {
    return u"A < B && C > D ]]> <![CDATA[ x ]]> \"quoted\" 'single' "_s + Script +
           u" \u0001\u0008\u000b\u001b\u007f control, \u202Eright-to-left\u202C \u200F mark, "
           "\uFEFF bom, \U0001F600 emoji, \uFFFE nonchar"_s;
}

} // namespace

void TestHostileContent::unsafeLinksAreNeverOpened_data() {
    QTest::addColumn<QString>("address");
    QTest::newRow("javascript") << u"javascript:alert(document.cookie)"_s;
    QTest::newRow("javascript mixed case") << u"JaVaScRiPt:alert(1)"_s;
    QTest::newRow("javascript with blanks") << u"  javascript:alert(1)"_s;
    QTest::newRow("file") << u"file:///etc/passwd"_s;
    QTest::newRow("data") << u"data:text/html,<script>alert(1)</script>"_s;
    QTest::newRow("vbscript") << u"vbscript:msgbox(1)"_s;
    QTest::newRow("custom scheme") << u"zotero://select/items/ABC"_s;
    QTest::newRow("smb share") << u"smb://fileserver/share/x.exe"_s;
    QTest::newRow("ms protocol handler") << u"ms-msdt:/id PCWDiagnostic"_s;
    QTest::newRow("ftp") << u"ftp://example.org/x"_s;
}

void TestHostileContent::unsafeLinksAreNeverOpened() {
    QFETCH(QString, address);
    QString reason;
    QVERIFY(!LinkPolicy::openableUrl(address, &reason));
    QVERIFY(!reason.isEmpty());

    EventDetailsView view;
    QSignalSpy refused(&view, &EventDetailsView::linkRefused);
    QSignalSpy opened(&view, &EventDetailsView::openLinkRequested);
    emit view.anchorClicked(QUrl(address));
    QCOMPARE(opened.size(), 0);
    QCOMPARE(refused.size(), 1);
    QVERIFY2(refused.at(0).at(0).toString().startsWith(u"Link not opened: "_s),
             qPrintable(refused.at(0).at(0).toString()));
}

void TestHostileContent::markupRendersAsText() {
    Source source;
    source.uid = u"s1"_s;
    source.title = u"Source "_s + Script;
    source.outlet = u"<b>Outlet</b>"_s;
    source.url = u"javascript:alert(1)"_s;
    Event event;
    event.id = 1;
    event.uid = u"e1"_s;
    event.title = u"Title "_s + Script;
    event.summary = u"Summary with "_s + Script + u" and "_s + RemoteImage +
                    u"\n\n![tracker](http://evil.example/pixel.png)\n\n"
                    "[click](javascript:alert(1)) <iframe src=\"http://evil.example\"></iframe>"_s;
    event.start = PartialDate::fromYmd(2025, 4, 9);
    event.actors = {u"<i>Actor</i>"_s};
    event.citations = {Citation{u"s1"_s, u"Quote "_s + Script + RemoteImage, u"<u>p. 1</u>"_s}};

    RecordingDetailsView view;
    view.resize(600, 800);
    view.showEvent(event, {{source.uid, source}}, {});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.repaint();

    const QString text = view.toPlainText();
    QVERIFY2(text.contains(u"Title <script>alert('x')</script>"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Summary with <script>"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Quote <script>"_s), qPrintable(text));
    // Nothing was asked for over the network (or from the disk) to show it.
    QStringList requested;
    for (const QUrl &url : std::as_const(view.requested))
        requested << url.toString();
    // A Markdown image is shown as its address in text, so the view never asks for it.
    const bool onlyTheMarkdownImage =
        std::all_of(requested.cbegin(), requested.cend(),
                    [](const QString &url) { return url == u"http://evil.example/pixel.png"_s; });
    QVERIFY2(onlyTheMarkdownImage, qPrintable(requested.join(u' ')));
    QCOMPARE(requested, QStringList());
    // No element of the document came from raw markup in the file: no script, no frame, no
    // image from an <img> tag.
    const QString html = view.document()->toHtml();
    QVERIFY(!html.contains(u"<script"_s, Qt::CaseInsensitive));
    QVERIFY(!html.contains(u"<iframe"_s, Qt::CaseInsensitive));
    QVERIFY(!html.contains(u"<img src=\"http://evil.example/track.png"_s));
    // ... and no image format is left in the document.
    QStringList images;
    for (QTextBlock block = view.document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isImageFormat())
                images << it.fragment().charFormat().toImageFormat().name();
        }
    }
    QCOMPARE(images, QStringList());
}

void TestHostileContent::exportsOfHostileTextAreValid_data() {
    QTest::addColumn<QString>("eventTitle");
    QTest::addColumn<QString>("figureTitle");
    QTest::newRow("markup and CDATA end in events")
        << u"A < B && C > D ]]> <![CDATA[ x ]]> \"q\" 's' "_s + Script << plain();
    QTest::newRow("control characters in events")
        << u"bell \u0001\u0008\u000b\u001b\u007f end"_s << plain();
    QTest::newRow("bidi marks, BOM, emoji, nonchar in events")
        << u"\u202Eright-to-left\u202C \u200F \uFEFF \U0001F600 \uFFFE"_s << plain();
    QTest::newRow("10k characters in events") << QString(10000, u'W') + u" <&>"_s << plain();
    QTest::newRow("markup in the figure title") << plain() << u"Title <&> ]]> "_s + Script;
    QTest::newRow("everything everywhere") << hostileTitle() << hostileTitle();
}

void TestHostileContent::exportsOfHostileTextAreValid() {
    QFETCH(QString, eventTitle);
    QFETCH(QString, figureTitle);
    QList<Event> events;
    for (int n = 0; n < 5; ++n) {
        Event event;
        event.id = n + 1;
        event.uid = u"e%1"_s.arg(n);
        event.title = eventTitle + QString::number(n);
        event.start = PartialDate::fromYmd(2025, 1 + n, 10);
        events << event;
    }
    const TimelineData data = TimelineData::fromEvents(events, {});
    QTemporaryDir dir;
    for (const QString &extension : {u"svg"_s, u"pdf"_s}) {
        ExportRequest request;
        request.path = dir.filePath(u"hostile."_s + extension);
        request.figure.title = figureTitle;
        request.figure.subtitle = Script;
        request.figure.exportDate = QDate(2026, 1, 1);
        QString error;
        QVERIFY2(ImageExporter::exportImage(data, {}, request, &error), qPrintable(error));
        QFile file(request.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.isEmpty());
        if (extension == u"svg"_s) {
            QXmlStreamReader xml(bytes);
            bool sawTitle = false;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == u"script"_s)
                    QFAIL("the SVG holds a <script> element");
                if (xml.isStartElement() && xml.name() == u"title"_s)
                    sawTitle = true;
            }
            QVERIFY2(!xml.hasError(),
                     qPrintable(u"%1 at line %2"_s.arg(xml.errorString()).arg(xml.lineNumber())));
            QVERIFY(sawTitle);
            QVERIFY(!bytes.contains("<script"));
            continue;
        }
        QVERIFY(bytes.startsWith("%PDF-"));
        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        if (pdftotext.isEmpty()) {
            qInfo("pdftotext (poppler-utils) is not installed: PDF text not checked");
            continue;
        }
        QProcess process;
        process.start(pdftotext, {request.path, u"-"_s});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QString text = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(text.contains(u"<script>"_s), qPrintable(text.left(500)));
    }
}

void TestHostileContent::enormousTitleAndCrowdedDay() {
    QTemporaryDir dir;
    // A 1 MB title.
    {
        Event event;
        event.id = 1;
        event.uid = u"huge"_s;
        event.title = QString(1 << 20, u'x');
        event.start = PartialDate::fromYmd(2025, 4, 9);
        const TimelineData data = TimelineData::fromEvents({event}, {});
        ExportRequest request;
        request.path = dir.filePath(u"huge.png"_s);
        request.figure.exportDate = QDate(2026, 1, 1);
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY2(ImageExporter::exportImage(data, {}, request, &error), qPrintable(error));
        qInfo("1 MB title: composed, laid out and painted to PNG in %lld ms", timer.elapsed());
        QVERIFY(QFile::exists(request.path));
    }
    // A million events on one day.
    {
        TimelineDataBuilder builder;
        constexpr int Count = 1000000;
        builder.reserve(Count, qsizetype(Count) * 12);
        const qint64 day = QDate(2025, 4, 9).toJulianDay();
        for (int n = 0; n < Count; ++n) {
            TimelineRow row;
            row.id = n + 1;
            row.title = u"Event %1"_s.arg(n);
            row.firstDay = row.lastDay = day;
            builder.add(row);
        }
        const TimelineData data = std::move(builder).build();
        QCOMPARE(data.size(), qsizetype(Count));
        ExportRequest request;
        request.path = dir.filePath(u"crowded.png"_s);
        request.figure.exportDate = QDate(2026, 1, 1);
        request.figure.noteStyle = FigureOptions::NoteStyle::None;
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY2(ImageExporter::exportImage(data, {}, request, &error), qPrintable(error));
        qInfo("1,000,000 events on one day: laid out and painted to PNG in %lld ms",
              timer.elapsed());
        QVERIFY(QFile::exists(request.path));
    }
}

QTEST_MAIN(TestHostileContent)
#include "tst_hostilecontent.moc"
