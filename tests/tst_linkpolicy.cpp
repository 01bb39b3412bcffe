#include "model/LinkPolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestLinkPolicy : public QObject {
    Q_OBJECT

private slots:
    void allowed_data();
    void allowed();
    void refused_data();
    void refused();
};

void TestLinkPolicy::allowed_data() {
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("url");
    QTest::newRow("https") << u"https://www.bis.gov/advanced-compute-resources"_s
                           << u"https://www.bis.gov/advanced-compute-resources"_s;
    QTest::newRow("http") << u"http://example.org/a?b=c"_s << u"http://example.org/a?b=c"_s;
    QTest::newRow("upper-case scheme") << u"HTTPS://example.org/"_s << u"https://example.org/"_s;
    QTest::newRow("mailto") << u"mailto:desk@example.org"_s << u"mailto:desk@example.org"_s;
    QTest::newRow("bare doi") << u"10.1000/xyz123"_s << u"https://doi.org/10.1000/xyz123"_s;
    QTest::newRow("doi: prefix") << u"doi:10.1000/abc"_s << u"https://doi.org/10.1000/abc"_s;
}

void TestLinkPolicy::allowed() {
    QFETCH(QString, address);
    QFETCH(QString, url);
    QString reason;
    const auto result = LinkPolicy::openableUrl(address, &reason);
    QVERIFY2(result, qPrintable(reason));
    QCOMPARE(result->toString(), url);
}

void TestLinkPolicy::refused_data() {
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("reason");
    QTest::newRow("javascript")
        << u"javascript:alert(1)"_s
        << u"only http, https and mailto links are opened; refused a javascript: link"_s;
    QTest::newRow("file")
        << u"file:///etc/passwd"_s
        << u"only http, https and mailto links are opened; refused a file: link"_s;
    QTest::newRow("data")
        << u"data:text/html,<script>x</script>"_s
        << u"only http, https and mailto links are opened; refused a data: link"_s;
    QTest::newRow("custom")
        << u"zotero://select/items/1"_s
        << u"only http, https and mailto links are opened; refused a zotero: link"_s;
    QTest::newRow("no scheme")
        << u"www.bis.gov/x"_s
        << u"'www.bis.gov/x' is not a web address (it needs https:// in front)"_s;
    QTest::newRow("no host") << u"https:///path"_s << u"'https:///path' has no host"_s;
    QTest::newRow("empty") << u"  "_s << u"no address"_s;
}

void TestLinkPolicy::refused() {
    QFETCH(QString, address);
    QFETCH(QString, reason);
    QString actual;
    QVERIFY(!LinkPolicy::openableUrl(address, &actual));
    QCOMPARE(actual, reason);
}

QTEST_GUILESS_MAIN(TestLinkPolicy)
#include "tst_linkpolicy.moc"
