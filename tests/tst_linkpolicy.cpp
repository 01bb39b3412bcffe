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
    void unsafeAddresses_data();
    void unsafeAddresses();
    void sanitizedMailtoKeepsEncoding();
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
    // Only the recipient, subject and body of a mailto: pass; attach= could send local files.
    QTest::newRow("mailto attach")
        << u"mailto:desk@example.org?subject=H20%20deal&attach=/home/u/.ssh/id_rsa&body=Hi"_s
        << u"mailto:desk@example.org?subject=H20 deal&body=Hi"_s;
    QTest::newRow("mailto cc, bcc and attachment only")
        << u"mailto:desk@example.org?cc=a@example.org&BCC=b@example.org&Attachment=C:/x"_s
        << u"mailto:desk@example.org"_s;
    QTest::newRow("mailto upper-case Subject")
        << u"MAILTO:desk@example.org?Subject=Hi&ATTACH=%2Fetc%2Fpasswd"_s
        << u"mailto:desk@example.org?Subject=Hi"_s;
    QTest::newRow("query of a web address untouched")
        << u"https://example.org/a?attach=x&cc=y"_s << u"https://example.org/a?attach=x&cc=y"_s;
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

void TestLinkPolicy::unsafeAddresses_data() {
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("unsafe");
    QTest::newRow("javascript") << u"javascript:alert(1)"_s << true;
    QTest::newRow("JavaScript with blank") << u"  JavaScript:void(0)"_s << true;
    QTest::newRow("vbscript") << u"vbscript:msgbox"_s << true;
    QTest::newRow("file") << u"file:///etc/passwd"_s << true;
    QTest::newRow("data") << u"data:text/html;base64,PGI+"_s << true;
    QTest::newRow("https") << u"https://example.org/javascript:x"_s << false;
    QTest::newRow("mailto") << u"mailto:a@example.org"_s << false;
    QTest::newRow("no scheme") << u"example.org/file:x"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestLinkPolicy::unsafeAddresses() {
    QFETCH(QString, address);
    QFETCH(bool, unsafe);
    QCOMPARE(LinkPolicy::isUnsafeAddress(address), unsafe);
}

void TestLinkPolicy::sanitizedMailtoKeepsEncoding() {
    const QUrl url(u"mailto:desk@example.org?body=a%26b%3Dc&attach=x&subject=%C3%BC"_s,
                   QUrl::StrictMode);
    QCOMPARE(LinkPolicy::sanitizedMailto(url).toString(QUrl::FullyEncoded),
             u"mailto:desk@example.org?body=a%26b%3Dc&subject=%C3%BC"_s);
    const QUrl web(u"https://example.org/?attach=x"_s);
    QCOMPARE(LinkPolicy::sanitizedMailto(web), web);
}

QTEST_GUILESS_MAIN(TestLinkPolicy)
#include "tst_linkpolicy.moc"
