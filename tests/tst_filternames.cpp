#include "model/FilterNames.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QList<FilterNames::Name> categories = {
    {u"us-export-control"_s, u"US export controls"_s},
    {u"china-policy"_s, u"China policy"_s},
    {u"industry"_s, u"Industry"_s},
};
const QList<FilterNames::Name> chips = {
    {u"H20"_s, {}}, {u"H200"_s, {}}, {u"H100"_s, {}}, {u"L20"_s, {}}, {u"Ascend 910C"_s, {}},
};
} // namespace

class TestFilterNames : public QObject {
    Q_OBJECT

private slots:
    void folded_data();
    void folded();
    void editDistance();
    void keysFor_data();
    void keysFor();
    void closest_data();
    void closest();
    void displayName();
};

void TestFilterNames::folded_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("case") << u"China Policy"_s << u"china policy"_s;
    QTest::newRow("hyphen") << u"china-policy"_s << u"china policy"_s;
    QTest::newRow("runs and ends") << u"  us -_ export__control- "_s << u"us export control"_s;
    QTest::newRow("umlaut") << u"MÜNCHEN"_s << u"münchen"_s;
    QTest::newRow("empty") << u" - "_s << QString();
}

void TestFilterNames::folded() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(FilterNames::folded(text), expected);
}

void TestFilterNames::editDistance() {
    QCOMPARE(FilterNames::editDistance(u"h21", u"h20"), 1);
    QCOMPARE(FilterNames::editDistance(u"h21", u"h100"), 3);
    QCOMPARE(FilterNames::editDistance(u"", u"abc"), 3);
    QCOMPARE(FilterNames::editDistance(u"nvida", u"nvidia"), 1);
    QCOMPARE(FilterNames::editDistance(u"kitten", u"sitting"), 3);
}

void TestFilterNames::keysFor_data() {
    QTest::addColumn<QString>("word");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("key") << u"china-policy"_s << QStringList{u"china-policy"_s};
    QTest::newRow("label") << u"China policy"_s << QStringList{u"china-policy"_s};
    QTest::newRow("label, other case and separators")
        << u"us_EXPORT controls"_s << QStringList{u"us-export-control"_s};
    QTest::newRow("only a beginning") << u"china"_s << QStringList{};
    QTest::newRow("empty") << u""_s << QStringList{};
}

void TestFilterNames::keysFor() {
    QFETCH(QString, word);
    QFETCH(QStringList, keys);
    QCOMPARE(FilterNames::keysFor(word, categories), keys);
}

void TestFilterNames::closest_data() {
    QTest::addColumn<QString>("word");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("typo") << u"H21"_s << QStringList{u"H20"_s, u"H200"_s, u"H100"_s};
    QTest::newRow("a beginning first")
        << u"asc"_s << QStringList{u"Ascend 910C"_s, u"H20"_s, u"L20"_s};
    QTest::newRow("a part") << u"910c"_s << QStringList{u"Ascend 910C"_s, u"H100"_s, u"H20"_s};
}

void TestFilterNames::closest() {
    QFETCH(QString, word);
    QFETCH(QStringList, expected);
    QCOMPARE(FilterNames::closest(word, chips), expected);
}

void TestFilterNames::displayName() {
    QCOMPARE(categories.at(1).displayName(), u"China policy (china-policy)"_s);
    QCOMPARE(chips.at(0).displayName(), u"H20"_s);
    QCOMPARE(FilterNames::closest(u"Chnia"_s, categories, 1),
             QStringList{u"China policy (china-policy)"_s});
}

QTEST_GUILESS_MAIN(TestFilterNames)
#include "tst_filternames.moc"
