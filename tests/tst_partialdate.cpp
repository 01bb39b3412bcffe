#include "model/IsoTimeStamp.h"
#include "model/PartialDate.h"

#include <QLocale>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

class TestPartialDate : public QObject {
    Q_OBJECT

private slots:
    void parseIso_data();
    void parseIso();
    void parseIsoRejects_data();
    void parseIsoRejects();
    void spanCoversPrecision_data();
    void spanCoversPrecision();
    void ordering();
    void displayString_data();
    void displayString();
    // The stores' time stamps (model/IsoTimeStamp.h), written and read without QDateTime's
    // general formatter and parser.
    void isoUtcTextIsQtsIsoDateWithMs_data();
    void isoUtcTextIsQtsIsoDateWithMs();
};

void TestPartialDate::parseIso_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("month");
    QTest::addColumn<int>("day");
    QTest::addColumn<int>("precision");
    QTest::addColumn<QString>("iso");

    QTest::newRow("year") << u"2025"_s << 2025 << 0 << 0 << int(DatePrecision::Year) << u"2025"_s;
    QTest::newRow("month") << u"2025-04"_s << 2025 << 4 << 0 << int(DatePrecision::Month)
                           << u"2025-04"_s;
    QTest::newRow("day") << u"2025-08-11"_s << 2025 << 8 << 11 << int(DatePrecision::Day)
                         << u"2025-08-11"_s;
    QTest::newRow("leap day") << u"2024-02-29"_s << 2024 << 2 << 29 << int(DatePrecision::Day)
                              << u"2024-02-29"_s;
    QTest::newRow("spaces trimmed")
        << u" 2022-10-07 "_s << 2022 << 10 << 7 << int(DatePrecision::Day) << u"2022-10-07"_s;
    QTest::newRow("first year") << u"0001"_s << 1 << 0 << 0 << int(DatePrecision::Year)
                                << u"0001"_s;
}

void TestPartialDate::parseIso() {
    QFETCH(QString, text);
    QFETCH(int, year);
    QFETCH(int, month);
    QFETCH(int, day);
    QFETCH(int, precision);
    QFETCH(QString, iso);

    QString error;
    const auto date = PartialDate::parseIso(text, &error);
    QVERIFY2(date.has_value(), qPrintable(error));
    QCOMPARE(date->year(), year);
    QCOMPARE(date->month(), month);
    QCOMPARE(date->day(), day);
    QCOMPARE(int(date->precision()), precision);
    QCOMPARE(date->toIsoString(), iso);
}

void TestPartialDate::parseIsoRejects_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QString() << u"empty date"_s;
    QTest::newRow("february 30") << u"2025-02-30"_s << u"day 30 does not exist in February 2025"_s;
    QTest::newRow("not leap") << u"2025-02-29"_s << u"day 29 does not exist in February 2025"_s;
    QTest::newRow("month 13") << u"2025-13"_s << u"month 13 does not exist"_s;
    QTest::newRow("month 0") << u"2025-00-10"_s << u"month 0 does not exist"_s;
    QTest::newRow("year 0") << u"0000"_s << u"year 0 is outside 1–9999"_s;
    QTest::newRow("slashes")
        << u"2025/04/01"_s
        << u"'2025/04/01' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"_s;
    QTest::newRow("words") << u"April"_s
                           << u"'April' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"_s;
    QTest::newRow("short month")
        << u"2025-4"_s << u"'2025-4' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"_s;
}

void TestPartialDate::parseIsoRejects() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!PartialDate::parseIso(text, &error).has_value());
    QCOMPARE(error, message);
}

void TestPartialDate::spanCoversPrecision_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");

    QTest::newRow("year") << u"2024"_s << QDate(2024, 1, 1) << QDate(2024, 12, 31);
    QTest::newRow("february leap") << u"2024-02"_s << QDate(2024, 2, 1) << QDate(2024, 2, 29);
    QTest::newRow("february") << u"2025-02"_s << QDate(2025, 2, 1) << QDate(2025, 2, 28);
    QTest::newRow("december") << u"2025-12"_s << QDate(2025, 12, 1) << QDate(2025, 12, 31);
    QTest::newRow("day") << u"2025-04-09"_s << QDate(2025, 4, 9) << QDate(2025, 4, 9);
}

void TestPartialDate::spanCoversPrecision() {
    QFETCH(QString, text);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    const PartialDate date = *PartialDate::parseIso(text);
    QCOMPARE(date.firstDay(), first);
    QCOMPARE(date.lastDay(), last);
    QCOMPARE(date.firstJulianDay(), first.toJulianDay());
    QCOMPARE(date.lastJulianDay(), last.toJulianDay());
}

void TestPartialDate::ordering() {
    QList<PartialDate> dates = {
        PartialDate::fromYmd(2025, 8, 12),
        PartialDate::fromYearMonth(2025, 4),
        PartialDate::fromYear(2025),
        PartialDate::fromYmd(2025, 1, 1),
        PartialDate::fromYearMonth(2025, 1),
        PartialDate::fromYmd(2024, 12, 31),
        PartialDate(),
    };
    std::sort(dates.begin(), dates.end());
    QStringList iso;
    for (const PartialDate &d : dates)
        iso << d.toIsoString();
    QCOMPARE(iso, (QStringList{QString(), u"2024-12-31"_s, u"2025"_s, u"2025-01"_s, u"2025-01-01"_s,
                               u"2025-04"_s, u"2025-08-12"_s}));
    QVERIFY(PartialDate::fromYear(2025) != PartialDate::fromYearMonth(2025, 1));
    QCOMPARE(PartialDate::fromYmd(2025, 2, 30), PartialDate());
}

void TestPartialDate::displayString_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("german");

    QTest::newRow("year") << u"2025"_s << u"2025"_s << u"2025"_s;
    QTest::newRow("month") << u"2025-04"_s << u"April 2025"_s << u"April 2025"_s;
    QTest::newRow("march") << u"2025-03"_s << u"March 2025"_s << u"März 2025"_s;
    QTest::newRow("day") << u"2025-08-11"_s << u"11 August 2025"_s << u"11. August 2025"_s;
}

void TestPartialDate::displayString() {
    QFETCH(QString, text);
    QFETCH(QString, english);
    QFETCH(QString, german);
    const PartialDate date = *PartialDate::parseIso(text);
    QCOMPARE(date.toDisplayString(QLocale(QLocale::English, QLocale::UnitedKingdom)), english);
    QCOMPARE(date.toDisplayString(QLocale(QLocale::German, QLocale::Germany)), german);
}

void TestPartialDate::isoUtcTextIsQtsIsoDateWithMs_data() {
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("text");
    const auto utc = [](int y, int mo, int d, int h, int mi, int s, int ms) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
    };
    QTest::newRow("import time") << utc(2025, 11, 22, 11, 41, 41, 123)
                                 << u"2025-11-22T11:41:41.123Z"_s;
    QTest::newRow("midnight, no milliseconds")
        << utc(2025, 1, 1, 0, 0, 0, 0) << u"2025-01-01T00:00:00.000Z"_s;
    QTest::newRow("last millisecond")
        << utc(9999, 12, 31, 23, 59, 59, 999) << u"9999-12-31T23:59:59.999Z"_s;
    QTest::newRow("year one, padded") << utc(1, 2, 3, 4, 5, 6, 7) << u"0001-02-03T04:05:06.007Z"_s;
    QTest::newRow("year 999") << utc(999, 10, 9, 8, 7, 6, 50) << u"0999-10-09T08:07:06.050Z"_s;
    // Not UTC: Qt's own text (an offset kept, not converted).
    QTest::newRow("offset") << QDateTime(QDate(2025, 8, 11), QTime(12, 0), Qt::OffsetFromUTC, 7200)
                            << u"2025-08-11T12:00:00.000+02:00"_s;
}

void TestPartialDate::isoUtcTextIsQtsIsoDateWithMs() {
    QFETCH(QDateTime, time);
    QFETCH(QString, text);
    QCOMPARE(isoUtcText(time), text);
    QCOMPARE(isoUtcText(time), time.toString(Qt::ISODateWithMs));
    if (time.timeSpec() == Qt::UTC) {
        const std::optional<QDateTime> back = isoUtcTimeStamp(text.utf16(), text.size());
        QVERIFY(back);
        QCOMPARE(*back, time);
    }
}

QTEST_GUILESS_MAIN(TestPartialDate)
#include "tst_partialdate.moc"
