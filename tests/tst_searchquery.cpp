#include "model/SearchQuery.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

// What a researcher types → the exact FTS5 expression, and that FTS5 accepts every one.
class tst_SearchQuery : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void expression_data();
    void expression();
    void hints_data();
    void hints();
    void everyExpressionParses_data();
    void everyExpressionParses();

private:
    QString m_connection = u"tst_searchquery"_s;
};

void tst_SearchQuery::initTestCase() {
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(u":memory:"_s);
    QVERIFY(db.open());
    QSqlQuery query(db);
    QVERIFY2(query.exec(u"CREATE VIRTUAL TABLE t USING fts5(a, b, tokenize = 'unicode61 "
                        "remove_diacritics 2')"_s),
             qPrintable(query.lastError().text()));
    QVERIFY(query.exec(u"INSERT INTO t(a, b) VALUES ('H20 licence requirement', "
                       "'Exportbeschränkungen and DeepSeek-R1')"_s));
}

void tst_SearchQuery::cleanupTestCase() {
    QSqlDatabase::database(m_connection).close();
    QSqlDatabase::removeDatabase(m_connection);
}

void tst_SearchQuery::expression_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << u""_s << u""_s;
    QTest::newRow("blank") << u"   \t "_s << u""_s;
    QTest::newRow("word") << u"H20"_s << u"\"H20\""_s;
    QTest::newRow("two words: AND") << u"H20 licence"_s << u"\"H20\" AND \"licence\""_s;
    QTest::newRow("prefix") << u"export*"_s << u"\"export\"*"_s;
    QTest::newRow("double star") << u"export**"_s << u"\"export\"*"_s;
    QTest::newRow("phrase") << u"\"H20 licence\""_s << u"\"H20 licence\""_s;
    QTest::newRow("phrase prefix") << u"\"H20 lic\"*"_s << u"\"H20 lic\"*"_s;
    QTest::newRow("phrase punctuation") << u"\"H20, licence!\""_s << u"\"H20 licence\""_s;
    QTest::newRow("explicit AND") << u"H20 AND licence"_s << u"\"H20\" AND \"licence\""_s;
    QTest::newRow("OR") << u"H20 OR H200"_s << u"\"H20\" OR \"H200\""_s;
    QTest::newRow("NOT") << u"Nvidia NOT H20"_s << u"\"Nvidia\" NOT \"H20\""_s;
    QTest::newRow("AND NOT is NOT") << u"Nvidia AND NOT H20"_s << u"\"Nvidia\" NOT \"H20\""_s;
    QTest::newRow("AND binds tighter than OR") << u"a OR b c"_s << u"\"a\" OR \"b\" AND \"c\""_s;
    QTest::newRow("group") << u"(H20 OR H200) China"_s << u"(\"H20\" OR \"H200\") AND \"China\""_s;
    QTest::newRow("group after word")
        << u"China (H20 OR H200)"_s << u"\"China\" AND (\"H20\" OR \"H200\")"_s;
    QTest::newRow("needless parentheses") << u"((H20))"_s << u"\"H20\""_s;
    QTest::newRow("NOT group") << u"Nvidia NOT (H20 OR H200)"_s
                               << u"\"Nvidia\" NOT (\"H20\" OR \"H200\")"_s;
    // FTS5 binds NOT tighter than AND: `a AND b NOT c` is a AND (b NOT c), the same rows.
    QTest::newRow("NOT after AND chain") << u"a b NOT c"_s << u"\"a\" AND \"b\" NOT \"c\""_s;
    QTest::newRow("NOT then AND") << u"a NOT b c"_s << u"\"a\" NOT \"b\" AND \"c\""_s;
    QTest::newRow("NOT chain") << u"a NOT b NOT c"_s << u"\"a\" NOT \"b\" NOT \"c\""_s;
    QTest::newRow("NOT group after AND") << u"a AND (b NOT c)"_s << u"\"a\" AND \"b\" NOT \"c\""_s;
    QTest::newRow("AND group after AND") << u"a (b c)"_s << u"\"a\" AND \"b\" AND \"c\""_s;
    QTest::newRow("NOT of a group after NOT")
        << u"(a b NOT c) NOT (d OR e)"_s << u"\"a\" AND \"b\" NOT \"c\" NOT (\"d\" OR \"e\")"_s;
    QTest::newRow("lower-case operators are words")
        << u"this and that or not"_s
        << u"\"this\" AND \"and\" AND \"that\" AND \"or\" AND \"not\""_s;
    QTest::newRow("keywords quoted") << u"NEAR title"_s << u"\"NEAR\" AND \"title\""_s;
    QTest::newRow("hyphenated word is a phrase") << u"DeepSeek-R1"_s << u"\"DeepSeek R1\""_s;
    QTest::newRow("apostrophe") << u"Nvidia's"_s << u"\"Nvidia s\""_s;
    QTest::newRow("slash prefix") << u"A100/H1*"_s << u"\"A100 H1\"*"_s;
    QTest::newRow("column syntax is a phrase") << u"title:H20"_s << u"\"title H20\""_s;
    QTest::newRow("umlaut kept") << u"Beschränkung*"_s << u"\"Beschränkung\"*"_s;
    QTest::newRow("decomposed umlaut composed") << u"Verzo\u0308gerung"_s << u"\"Verzögerung\""_s;
    QTest::newRow("money") << u"$5.5B"_s << u"\"5 5B\""_s;

    // Input FTS5 would reject.
    QTest::newRow("lone quote") << u"\""_s << u""_s;
    QTest::newRow("lone star") << u"*"_s << u""_s;
    QTest::newRow("lone open") << u"("_s << u""_s;
    QTest::newRow("lone close") << u")"_s << u""_s;
    QTest::newRow("empty group") << u"()"_s << u""_s;
    QTest::newRow("AND OR") << u"AND OR"_s << u""_s;
    QTest::newRow("lone NOT") << u"NOT"_s << u""_s;
    QTest::newRow("leading NOT dropped with its word") << u"NOT H20"_s << u""_s;
    QTest::newRow("OR NOT dropped") << u"Nvidia OR NOT H20"_s << u"\"Nvidia\""_s;
    QTest::newRow("unclosed quote") << u"\"H20 licence"_s << u"\"H20 licence\""_s;
    QTest::newRow("unclosed quote after word")
        << u"Nvidia \"H20 lic"_s << u"\"Nvidia\" AND \"H20 lic\""_s;
    QTest::newRow("trailing operator") << u"H20 OR"_s << u"\"H20\""_s;
    QTest::newRow("leading operator") << u"AND H20"_s << u"\"H20\""_s;
    QTest::newRow("doubled operator") << u"H20 AND AND licence"_s << u"\"H20\" AND \"licence\""_s;
    QTest::newRow("OR OR") << u"H20 OR OR H200"_s << u"\"H20\" OR \"H200\""_s;
    QTest::newRow("missing close") << u"(H20 OR H200"_s << u"\"H20\" OR \"H200\""_s;
    QTest::newRow("missing close after word")
        << u"China (H20 OR H200"_s << u"\"China\" AND (\"H20\" OR \"H200\")"_s;
    QTest::newRow("stray close") << u"H20) licence"_s << u"\"H20\" AND \"licence\""_s;
    QTest::newRow("operator before close") << u"(H20 OR) licence"_s << u"\"H20\" AND \"licence\""_s;
    QTest::newRow("punctuation only") << u"-- ; , ."_s << u""_s;
    QTest::newRow("star inside word") << u"ex*port"_s << u"\"ex port\""_s;
    QTest::newRow("empty phrase") << u"\"\" H20"_s << u"\"H20\""_s;
    QTest::newRow("quote inside word") << u"H\"20"_s << u"\"H\" AND \"20\""_s;
    QTest::newRow("caret") << u"^H20"_s << u"\"H20\""_s;
    QTest::newRow("private-use markers ignored") << u"\uE000H20\uE001"_s << u"\"H20\""_s;
}

void tst_SearchQuery::expression() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(SearchQuery::toFtsExpression(text), expected);
}

void tst_SearchQuery::hints_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("hint");

    QTest::newRow("fine") << u"H20 OR (licence NOT AMD)"_s << u""_s;
    QTest::newRow("empty text: no hint") << u""_s << u""_s;
    QTest::newRow("nothing") << u"*"_s << u"Nothing to search for: type a word."_s;
    QTest::newRow("quote") << u"\"H20"_s << u"The quote was not closed, so it runs to the end."_s;
    QTest::newRow("AND OR")
        << u"AND OR"_s
        << u"AND needs a word on both sides; it was ignored. OR needs a word on both sides; "
           "it was ignored. Nothing to search for: type a word."_s;
    QTest::newRow("NOT")
        << u"NOT H20"_s
        << u"NOT needs a word before it, as in \"H20 NOT licence\"; it was ignored with the "
           "word after it. Nothing to search for: type a word."_s;
    QTest::newRow("missing close")
        << u"(H20"_s << u"A \")\" was missing; it was added at the end."_s;
    QTest::newRow("stray close") << u"H20)"_s << u"A \")\" without its \"(\" was ignored."_s;
    QTest::newRow("too deep") << u"a NOT ("_s.repeated(20) + u"b"_s + u")"_s.repeated(20)
                              << u"Brackets nested more than 16 deep: the words inside them are "
                                 "all searched for."_s;
}

void tst_SearchQuery::hints() {
    QFETCH(QString, text);
    QFETCH(QString, hint);
    QString actual = u"stale"_s;
    (void)SearchQuery::toFtsExpression(text, &actual);
    QCOMPARE(actual, hint);
}

void tst_SearchQuery::everyExpressionParses_data() {
    expression_data();
    // Random-ish hostile input, character soup.
    const QString alphabet = u"ab \"()*-AND OR NOT:^{}+ä"_s;
    for (int n = 0; n < 200; ++n) {
        QString text;
        quint32 x = 2166136261u ^ quint32(n);
        for (int i = 0; i < 12; ++i) {
            x = x * 16777619u + 12345u;
            text += alphabet[qsizetype((x >> 8) % quint32(alphabet.size()))];
        }
        QTest::addRow("soup %d", n) << text << QString();
    }
    // Nesting deeper than FTS5's parser stack holds (a hundred entries, three per group).
    const QStringList operators = {u"NOT"_s, u"AND"_s, u"OR"_s, u""_s};
    for (const QString &op : operators) {
        QString text;
        for (int depth = 0; depth < 60; ++depth)
            text += u"w%1 %2 ("_s.arg(depth).arg(op);
        QTest::addRow("60 groups, %s", qPrintable(op))
            << text + u"end"_s + u")"_s.repeated(60) << QString();
        QTest::addRow("60 groups then NOT, %s", qPrintable(op))
            << u"("_s.repeated(60) + u"a NOT b c NOT d"_s + u") x NOT y"_s.repeated(60)
            << QString();
    }
    QString chain = u"a"_s;
    for (int n = 0; n < 200; ++n)
        chain += u" b%1 NOT c%1"_s.arg(n);
    QTest::addRow("200 NOTs after ANDs") << chain << QString();
}

void tst_SearchQuery::everyExpressionParses() {
    QFETCH(QString, text);
    const QString expression = SearchQuery::toFtsExpression(text);
    if (expression.isEmpty())
        return;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"SELECT count(*) FROM t WHERE t MATCH :q"_s);
    query.bindValue(u":q"_s, expression);
    QVERIFY2(query.exec(), qPrintable(expression + u": "_s + query.lastError().text()));
    QVERIFY(query.next());
    // What SearchQuery writes, it reads back as the same expression.
    QCOMPARE(SearchQuery::toFtsExpression(expression), expression);
}

QTEST_GUILESS_MAIN(tst_SearchQuery)
#include "tst_searchquery.moc"
