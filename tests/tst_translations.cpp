// German and English: --lang, the German words of the window, the command line and the figure,
// and an SVG exported in German. (tests/CheckTranslations.cmake checks the .ts is complete.)

#include "CommandLineTestUtil.h"

#include "ui/render/FigureLanguage.h"
#include "ui/render/FigureText.h"
#include "ui/render/TimeTicks.h"
#include "ui/render/Translations.h"

#include <QDate>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void unknownLanguageIsAUsageError() {
        const Result r = run({u"--lang"_s, u"xx"_s, u"list"_s});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, u"chiptimeline: unknown language xx; available: de, en\n"_s);
        QCOMPARE(r.out, QString());
    }

    void germanErrorsAndHelpOnTheCommandLine() {
        const Result bad = run({u"--lang"_s, u"de"_s, u"list"_s, u"--status"_s, u"foo"_s});
        QCOMPARE(bad.code, 2);
        QCOMPARE(bad.err,
                 u"chiptimeline: --status: „foo“ ist keiner von confirmed, reported, disputed\n"_s);
        const Result help = run({u"--lang=de"_s, u"--help"_s});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.startsWith(u"Aufruf:\n  chiptimeline [--db PATH] [--lang de|en]    das "
                                    u"Fenster öffnen\n"_s));
        // The translator lives only as long as the command: English again afterwards.
        QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), u"&File"_s);
    }

    void germanWordsOfTheWindow() {
        QObject scope;
        QCOMPARE(Translations::install(u"de"_s, &scope), QString());
        QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), u"&Datei"_s);
        QCOMPARE(QCoreApplication::translate("MainWindow", "&View"), u"&Ansicht"_s);
        QCOMPARE(QCoreApplication::translate("MainWindow", "&Help"), u"&Hilfe"_s);
        QCOMPARE(QCoreApplication::translate("PreferencesDialog", "Preferences"),
                 u"Einstellungen"_s);
        QCOMPARE(QCoreApplication::translate("HealthDialog", "Sources without address"),
                 u"Quellen ohne Adresse"_s);
        QCOMPARE(QCoreApplication::translate("EditingController", "Delete %n events?", nullptr, 1),
                 u"1 Ereignis löschen?"_s);
        QCOMPARE(QCoreApplication::translate("EditingController", "Delete %n events?", nullptr, 39),
                 u"39 Ereignisse löschen?"_s);
        QLocale::setDefault(QLocale::c());
    }

    // A text the German file lacks reads in English, never empty; a language whose file is
    // missing is a warning naming the file, and the program goes on in English.
    void missingTranslationsFallBackToEnglish() {
        {
            QObject scope;
            QCOMPARE(Translations::install(u"de"_s, &scope), QString());
            QCOMPARE(QCoreApplication::translate("MainWindow", "A text nobody translated"),
                     u"A text nobody translated"_s);
        }
        QObject scope;
        QCOMPARE(Translations::install(u"fr"_s, &scope),
                 u"warning: cannot load chiptimeline_fr.qm; those texts stay in English"_s);
        QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), u"&File"_s);
        QLocale::setDefault(QLocale::c());
    }

    void figureSpeaksItsOwnLanguage() {
        const qint64 august12 = QDate(2025, 8, 12).toJulianDay();
        {
            const FigureLanguage::Scope german(u"de"_s);
            QCOMPARE(FigureLanguage::translate("TimelineFigure", "no address"), u"ohne Adresse"_s);
            QCOMPARE(FigureLanguage::quoted(u"Titel"_s), u"„Titel“"_s);
            QCOMPARE(TimeTicks::label(QDate(2025, 5, 1).toJulianDay(), TickUnit::Quarter,
                                      FigureLanguage::locale(), false),
                     u"2. Quartal"_s);
            QCOMPARE(TimeTicks::label(QDate(2025, 5, 1).toJulianDay(), TickUnit::Decade,
                                      FigureLanguage::locale(), false),
                     u"2020er"_s);
            QCOMPARE(FigureText::dateText(august12, DatePrecision::Day, FigureLanguage::locale()),
                     u"12. Aug. 2025"_s);
        }
        // The window's language (English here) once the scope is closed.
        QCOMPARE(FigureLanguage::translate("TimelineFigure", "no address"), u"no address"_s);
        QCOMPARE(TimeTicks::label(QDate(2025, 5, 1).toJulianDay(), TickUnit::Quarter,
                                  FigureLanguage::locale(), false),
                 u"Q2"_s);
        QCOMPARE(TimeTicks::label(QDate(2025, 5, 1).toJulianDay(), TickUnit::Decade,
                                  FigureLanguage::locale(), false),
                 u"2020s"_s);
    }

    void germanSvgOfTheBundledDataset() {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"t.sqlite"_s);
        QCOMPARE(run({u"--db"_s, db, u"import"_s, datasetFile()}).code, 0);
        const QString svg = dir.filePath(u"de.svg"_s);
        const Result r = run({u"--db"_s, db, u"--lang"_s, u"de"_s, u"export"_s, u"--out"_s, svg,
                              u"--size"_s, u"a4"_s});
        QCOMPARE(r.code, 0);
        const QString text = QString::fromUtf8(readAll(svg));
        QVERIFY(text.contains(u">Quellen<"_s));
        QVERIFY(text.contains(u"; siehe"_s));
        QVERIFY(text.contains(u"39 Ereignisse, 43 Quellen"_s));
        QVERIFY(text.contains(u"language&quot;:&quot;de&quot;"_s)); // the provenance record
        int german = 0;
        for (const QString &month : {u"Januar "_s, u"Februar "_s, u"März "_s, u"Mai "_s, u"Juni "_s,
                                     u"Juli "_s, u"Oktober "_s, u"Dezember "_s})
            german += text.count(month);
        QVERIFY2(german > 0, "no German month name");
        // The bundled dataset's German titles and category labels.
        QVERIFY(text.contains(u">DeepSeek-R1 veröffentlicht<"_s));
        QVERIFY(!text.contains(u"DeepSeek-R1 released"_s));
        QVERIFY(text.contains(u">US-Exportkontrollen<"_s));
        // Every English month name that German spells differently (April, August, September
        // and November are the same words in both).
        for (const QString &month :
             {u"January"_s, u"February"_s, u"March"_s, u"May "_s, u"June"_s, u"July"_s,
              u"October"_s, u"December"_s, u"Oct "_s, u"Dec "_s, u"Mar "_s})
            QVERIFY2(!text.contains(month), qPrintable(month));
    }
};

int main(int argc, char *argv[]) {
    QGuiApplication app(argc, argv);
    TestTranslations test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translations.moc"
