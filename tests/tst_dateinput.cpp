#include "model/DateInput.h"
#include "model/MonthNames.h"
#include "model/formats/LooseDate.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestDateInput : public QObject {
    Q_OBJECT

private slots:
    void monthNamesAreOneTable();
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void monthNames_data();
    void monthNames();
    void describes_data();
    void describes();
};

void TestDateInput::parses_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("iso");
    QTest::addColumn<int>("precision");

    const int year = int(DatePrecision::Year);
    const int month = int(DatePrecision::Month);
    const int day = int(DatePrecision::Day);
    QTest::newRow("year") << u"2025"_s << u"2025"_s << year;
    QTest::newRow("year with spaces") << u"  2025 "_s << u"2025"_s << year;
    QTest::newRow("iso month") << u"2025-04"_s << u"2025-04"_s << month;
    QTest::newRow("iso month one digit") << u"2025-4"_s << u"2025-04"_s << month;
    QTest::newRow("iso day") << u"2025-04-15"_s << u"2025-04-15"_s << day;
    QTest::newRow("month/year") << u"04/2025"_s << u"2025-04"_s << month;
    QTest::newRow("month.year") << u"4.2025"_s << u"2025-04"_s << month;
    QTest::newRow("abbreviated month") << u"Apr 2025"_s << u"2025-04"_s << month;
    QTest::newRow("full month") << u"April 2025"_s << u"2025-04"_s << month;
    QTest::newRow("lower case") << u"april 2025"_s << u"2025-04"_s << month;
    QTest::newRow("German March") << u"März 2025"_s << u"2025-03"_s << month;
    QTest::newRow("German Mär") << u"Mär 2025"_s << u"2025-03"_s << month;
    QTest::newRow("German Mrz") << u"Mrz 2025"_s << u"2025-03"_s << month;
    QTest::newRow("German Maerz") << u"Maerz 2025"_s << u"2025-03"_s << month;
    QTest::newRow("German Okt.") << u"Okt. 2025"_s << u"2025-10"_s << month;
    QTest::newRow("German Dezember") << u"Dezember 2024"_s << u"2024-12"_s << month;
    QTest::newRow("German dotted") << u"15.08.2025"_s << u"2025-08-15"_s << day;
    QTest::newRow("German dotted short") << u"1.8.2025"_s << u"2025-08-01"_s << day;
    QTest::newRow("German dotted spaced") << u"15. 08. 2025"_s << u"2025-08-15"_s << day;
    QTest::newRow("German long") << u"15. August 2025"_s << u"2025-08-15"_s << day;
    QTest::newRow("German Mai") << u"3. Mai 2025"_s << u"2025-05-03"_s << day;
    QTest::newRow("German Juni") << u"30. Juni 2025"_s << u"2025-06-30"_s << day;
    QTest::newRow("US long") << u"Aug 15, 2025"_s << u"2025-08-15"_s << day;
    QTest::newRow("US full") << u"August 15, 2025"_s << u"2025-08-15"_s << day;
    QTest::newRow("US no comma") << u"August 15 2025"_s << u"2025-08-15"_s << day;
    QTest::newRow("US Sept.") << u"Sept. 5, 2025"_s << u"2025-09-05"_s << day;
    QTest::newRow("ordinal") << u"August 1st, 2025"_s << u"2025-08-01"_s << day;
    QTest::newRow("British") << u"15 Aug 2025"_s << u"2025-08-15"_s << day;
    QTest::newRow("British full") << u"15 August 2025"_s << u"2025-08-15"_s << day;
    QTest::newRow("leap day") << u"29.02.2024"_s << u"2024-02-29"_s << day;
    QTest::newRow("slashed day first") << u"15/08/2025"_s << u"2025-08-15"_s << day;
    QTest::newRow("slashed month first") << u"08/15/2025"_s << u"2025-08-15"_s << day;
    QTest::newRow("slashed same") << u"05/05/2025"_s << u"2025-05-05"_s << day;
}

void TestDateInput::parses() {
    QFETCH(QString, input);
    QFETCH(QString, iso);
    QFETCH(int, precision);
    QString error;
    const std::optional<PartialDate> date = DateInput::parse(input, &error);
    QVERIFY2(date.has_value(), qPrintable(error));
    QCOMPARE(date->toIsoString(), iso);
    QCOMPARE(int(date->precision()), precision);
}

void TestDateInput::refuses_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("error");

    QTest::newRow("February 30") << u"2025-02-30"_s << u"day 30 does not exist in February 2025"_s;
    QTest::newRow("April 31") << u"31.04.2025"_s << u"day 31 does not exist in April 2025"_s;
    QTest::newRow("no leap day") << u"29. Februar 2025"_s
                                 << u"day 29 does not exist in February 2025"_s;
    QTest::newRow("US June 31") << u"June 31, 2025"_s << u"day 31 does not exist in June 2025"_s;
    QTest::newRow("month 13") << u"2025-13"_s << u"month 13 does not exist"_s;
    QTest::newRow("month 13 slashed") << u"13/2025"_s << u"month 13 does not exist"_s;
    QTest::newRow("dotted month 13") << u"01.13.2025"_s << u"month 13 does not exist"_s;
    QTest::newRow("year 0") << u"0000"_s << u"year 0 is outside 1–9999"_s;
    QTest::newRow("unknown month") << u"Augst 2025"_s << u"'Augst' is not a month name"_s;
    QTest::newRow("ambiguous")
        << u"04/08/2025"_s
        << u"'04/08/2025' is ambiguous (day/month or month/day?); write 2025-08-04 or 04.08.2025"_s;
    QTest::newRow("empty")
        << u"  "_s << u"enter a date (try 15.08.2025, Aug 15, 2025, April 2025, 2025-04 or 2025)"_s;
    QTest::newRow("bare day")
        << u"15"_s
        << u"'15' is not a date (try 15.08.2025, Aug 15, 2025, April 2025, 2025-04 or 2025)"_s;
    QTest::newRow("month without year")
        << u"15 August"_s
        << u"'15 August' is not a date (try 15.08.2025, Aug 15, 2025, April 2025, 2025-04 or "
           u"2025)"_s;
    QTest::newRow("garbage")
        << u"2025/04/15/1"_s
        << u"'2025/04/15/1' is not a date (try 15.08.2025, Aug 15, 2025, April 2025, 2025-04 or "
           u"2025)"_s;
}

void TestDateInput::refuses() {
    QFETCH(QString, input);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!DateInput::parse(input, &message).has_value());
    QCOMPARE(message, error);
}

void TestDateInput::monthNames_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("month");
    QTest::newRow("Jan") << u"Jan"_s << 1;
    QTest::newRow("Jänner") << u"Jänner"_s << 1;
    QTest::newRow("FEBRUAR") << u"FEBRUAR"_s << 2;
    QTest::newRow("Mär.") << u"Mär."_s << 3;
    QTest::newRow("May") << u"May"_s << 5;
    QTest::newRow("Mai") << u"Mai"_s << 5;
    QTest::newRow("Juli") << u"Juli"_s << 7;
    QTest::newRow("Sept") << u"Sept"_s << 9;
    QTest::newRow("Oktober") << u"Oktober"_s << 10;
    QTest::newRow("Dez") << u"Dez"_s << 12;
    QTest::newRow("not a month") << u"Mon"_s << 0;
}

void TestDateInput::monthNames() {
    QFETCH(QString, name);
    QFETCH(int, month);
    QCOMPARE(DateInput::monthFromName(name), month);
}

void TestDateInput::describes_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("description");
    QTest::newRow("day") << u"15.08.2025"_s << u"15 August 2025 · day precision"_s;
    QTest::newRow("month") << u"Mrz 2025"_s << u"March 2025 · month precision"_s;
    QTest::newRow("year") << u"2025"_s << u"2025 · year precision"_s;
}

void TestDateInput::describes() {
    QFETCH(QString, input);
    QFETCH(QString, description);
    const std::optional<PartialDate> date = DateInput::parse(input);
    QVERIFY(date);
    QCOMPARE(DateInput::describe(*date), description);
}

// Typed dates, imported dates and BibTeX's month macros read months from one table.
void TestDateInput::monthNamesAreOneTable() {
    QCOMPARE(MonthNames::all().size(), std::size_t(41));
    for (const MonthName &m : MonthNames::all()) {
        QCOMPARE(DateInput::monthFromName(m.name), m.month);
        QCOMPARE(LooseDate::monthFromName(m.name), m.month);
    }
    QCOMPARE(MonthNames::fromName(u" MÄRZ. "), 3);
    QCOMPARE(MonthNames::fromName(u"Mayo"), 0);
    QCOMPARE(MonthNames::englishName(9), u"September");
    QCOMPARE(MonthNames::englishName(13), QStringView());
    // Spellings only the typed-date reader knew before are now read from files too.
    QCOMPARE(LooseDate::parse(u"15. Mrz 2025"), PartialDate::fromYmd(2025, 3, 15));
    QCOMPARE(LooseDate::parse(u"Jaenner 2025"), PartialDate::fromYearMonth(2025, 1));
}

QTEST_GUILESS_MAIN(TestDateInput)
#include "tst_dateinput.moc"
