// Edit → Preferences… (ui/widgets/PreferencesDialog, AppSettings, AppTheme): what is stored
// and where, Cancel changing nothing, the theme applied at once, on the offscreen platform.
#include "model/store/TimelineStore.h"
#include "ui/widgets/AppSettings.h"
#include "ui/widgets/AppTheme.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/PreferencesDialog.h"
#include "ui/widgets/TimelineView.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

class TestPreferences : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void defaultsWhenNothingIsStored();
    void storedAsWordsAndReadBack();
    void unknownWordsReadAsDefaults();
    void authorNameFallsBackToTheUserName();
    void okNamesTheAuthorOfTheNextRevisions();
    void dialogShowsWhatIsStored();
    void cancelChangesNothing();
    void okStoresAndAppliesTheThemeAtOnce();
    void editMenuOpensPreferences();

private:
    std::unique_ptr<MainWindow> openWindow();
    // Runs `handle` on the Preferences dialog the next action opens, inside its exec().
    static void onPreferences(std::function<void(PreferencesDialog *)> handle);

    QTemporaryDir m_dir;
    QPalette m_platformPalette;
};

void TestPreferences::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(u"chiptimeline-test-preferences"_s);
    QVERIFY(m_dir.isValid());
    m_platformPalette = QApplication::palette();
}

void TestPreferences::init() {
    QSettings().remove(u"preferences"_s);
    AppTheme::apply(AppSettings::Theme::System);
    TimelineStore::setDefaultAuthor({});
}

std::unique_ptr<MainWindow> TestPreferences::openWindow() {
    StoreError error;
    auto store = TimelineStore::open(m_dir.filePath(u"prefs.chiptimeline.sqlite"_s), &error);
    if (!store)
        return nullptr;
    auto window = std::make_unique<MainWindow>(std::move(store));
    window->show();
    return window;
}

void TestPreferences::onPreferences(std::function<void(PreferencesDialog *)> handle) {
    QTimer::singleShot(0, qApp, [handle] {
        auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        handle(dialog);
        if (dialog->isVisible())
            dialog->reject();
    });
}

void TestPreferences::defaultsWhenNothingIsStored() {
    const AppSettings::Preferences p = AppSettings::load();
    QCOMPARE(p.theme, AppSettings::Theme::System);
    QCOMPARE(p.exportSize, ExportRequest::Preset::Slide);
    QCOMPARE(p.exportTheme, TimelineTheme::Kind::Light);
    QCOMPARE(p.exportNotes, FigureOptions::NoteStyle::Full);
    QCOMPARE(p.authorName, QString());
    QCOMPARE(p.language, AppSettings::Language::System);
    QCOMPARE(AppSettings::languageCode(), QString());
}

void TestPreferences::storedAsWordsAndReadBack() {
    AppSettings::Preferences p;
    p.theme = AppSettings::Theme::Dark;
    p.exportSize = ExportRequest::Preset::LetterPortrait;
    p.exportTheme = TimelineTheme::Kind::Print;
    p.exportNotes = FigureOptions::NoteStyle::Short;
    p.authorName = u"  Mei Lin "_s;
    p.language = AppSettings::Language::German;
    AppSettings::save(p);
    const QSettings settings;
    QCOMPARE(settings.value(u"preferences/theme"_s).toString(), u"dark"_s);
    QCOMPARE(settings.value(u"preferences/exportSize"_s).toString(), u"letter-portrait"_s);
    QCOMPARE(settings.value(u"preferences/exportTheme"_s).toString(), u"print"_s);
    QCOMPARE(settings.value(u"preferences/exportNotes"_s).toString(), u"short"_s);
    QCOMPARE(settings.value(u"preferences/authorName"_s).toString(), u"Mei Lin"_s);
    QCOMPARE(settings.value(u"preferences/language"_s).toString(), u"de"_s);
    p.authorName = u"Mei Lin"_s;
    QCOMPARE(AppSettings::load(), p);
    QCOMPARE(AppSettings::authorName(), u"Mei Lin"_s);
    QCOMPARE(AppSettings::languageCode(), u"de"_s);
}

void TestPreferences::unknownWordsReadAsDefaults() {
    QSettings settings;
    settings.setValue(u"preferences/theme"_s, u"purple"_s);
    settings.setValue(u"preferences/exportSize"_s, u"1200x800"_s); // custom: not a default
    settings.setValue(u"preferences/exportTheme"_s, u"sepia"_s);
    settings.setValue(u"preferences/exportNotes"_s, u"long"_s);
    settings.setValue(u"preferences/language"_s, u"fr"_s);
    QCOMPARE(AppSettings::load(), AppSettings::Preferences{});
    settings.setValue(u"preferences/exportSize"_s, u"a4"_s); // as --size writes it
    QCOMPARE(AppSettings::load().exportSize, ExportRequest::Preset::A4Landscape);
}

void TestPreferences::authorNameFallsBackToTheUserName() {
    const passwd *user = getpwuid(getuid());
    QVERIFY(user);
    QCOMPARE(AppSettings::systemUserName(), QString::fromLocal8Bit(user->pw_name));
    QCOMPARE(AppSettings::authorName(), QString::fromLocal8Bit(user->pw_name));
    QSettings().setValue(u"preferences/authorName"_s, u"   "_s);
    QCOMPARE(AppSettings::authorName(), QString::fromLocal8Bit(user->pw_name));
}

// The author name chosen in Preferences names the next revisions of the window's open store
// at once (and of every store opened after); emptied, the login name again.
void TestPreferences::okNamesTheAuthorOfTheNextRevisions() {
    auto window = openWindow();
    QVERIFY(window);
    TimelineStore &store = window->store();
    const auto chooseAuthor = [](const QString &name) {
        onPreferences([name](PreferencesDialog *dialog) {
            dialog->authorEdit()->setText(name);
            QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                              Qt::LeftButton);
        });
    };
    const auto authorOfNewEvent = [&store](const QString &title) -> QString {
        Event event;
        event.title = title;
        event.start = PartialDate::fromYmd(2025, 8, 11);
        StoreError error;
        if (!store.saveEvent(event, &error))
            return u"not saved: "_s + error.message;
        return store.revisions({}).constLast().author;
    };
    QCOMPARE(authorOfNewEvent(u"Before"_s), TimelineStore::loginName());
    chooseAuthor(u"  Jonas Weber "_s);
    QVERIFY(PreferencesDialog::edit(window.get()));
    QCOMPARE(authorOfNewEvent(u"After"_s), u"Jonas Weber"_s);
    StoreError error;
    const auto another = TimelineStore::open(m_dir.filePath(u"another.sqlite"_s), &error);
    QVERIFY2(another, qPrintable(error.message));
    Event event;
    event.title = u"In another file"_s;
    event.start = PartialDate::fromYmd(2025, 8, 12);
    QVERIFY2(another->saveEvent(event, &error), qPrintable(error.message));
    QCOMPARE(another->revisions({}).constLast().author, u"Jonas Weber"_s);
    chooseAuthor(QString());
    QVERIFY(PreferencesDialog::edit(window.get()));
    QCOMPARE(authorOfNewEvent(u"Again"_s), TimelineStore::loginName());
}

void TestPreferences::dialogShowsWhatIsStored() {
    AppSettings::Preferences p;
    p.theme = AppSettings::Theme::Light;
    p.exportSize = ExportRequest::Preset::A4Portrait;
    p.exportTheme = TimelineTheme::Kind::Dark;
    p.exportNotes = FigureOptions::NoteStyle::None;
    p.authorName = u"Jonas Weber"_s;
    p.language = AppSettings::Language::English;
    AppSettings::save(p);
    PreferencesDialog dialog;
    QCOMPARE(dialog.windowTitle(), u"Preferences"_s);
    QCOMPARE(dialog.preferences(), p);
    QCOMPARE(dialog.themeBox()->currentText(), u"Light"_s);
    QCOMPARE(dialog.exportSizeBox()->currentText(), u"A4 portrait"_s);
    QCOMPARE(dialog.exportThemeBox()->currentText(), u"Dark"_s);
    QCOMPARE(dialog.exportNotesBox()->currentText(), u"None"_s);
    QCOMPARE(dialog.authorEdit()->text(), u"Jonas Weber"_s);
    QCOMPARE(dialog.authorEdit()->placeholderText(), AppSettings::systemUserName());
    QCOMPARE(dialog.languageBox()->currentText(), u"English"_s);
    QStringList languages;
    for (int i = 0; i < dialog.languageBox()->count(); ++i)
        languages << dialog.languageBox()->itemText(i);
    QCOMPARE(languages, (QStringList{u"System"_s, u"English"_s, u"Deutsch"_s}));
    QStringList themes;
    for (int i = 0; i < dialog.themeBox()->count(); ++i)
        themes << dialog.themeBox()->itemText(i);
    QCOMPARE(themes, (QStringList{u"System"_s, u"Light"_s, u"Dark"_s}));
    bool saysNextStart = false;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        saysNextStart = saysNextStart || label->text() == u"The language applies on next start."_s;
    QVERIFY(saysNextStart);
    // CHIPTIMELINE_SCREENSHOT_DIR=docs/screenshots: the picture in the documentation.
    if (const QByteArray dir = qgetenv("CHIPTIMELINE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        AppSettings::save(AppSettings::Preferences{});
        PreferencesDialog fresh;
        fresh.show();
        QVERIFY(QTest::qWaitForWindowExposed(&fresh));
        QVERIFY(fresh.grab().save(QString::fromLocal8Bit(dir) + u"/preferences.png"_s));
    }
}

void TestPreferences::cancelChangesNothing() {
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(window->timelineView()->theme().kind == TimelineTheme::Kind::Light);
    onPreferences([](PreferencesDialog *dialog) {
        dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findText(u"Dark"_s));
        dialog->authorEdit()->setText(u"Nobody"_s);
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    QVERIFY(!PreferencesDialog::edit(window.get()));
    QVERIFY(!QSettings().contains(u"preferences/theme"_s));
    QVERIFY(!QSettings().contains(u"preferences/authorName"_s));
    QCOMPARE(QApplication::palette(), m_platformPalette);
    QVERIFY(window->timelineView()->theme().kind == TimelineTheme::Kind::Light);
}

void TestPreferences::okStoresAndAppliesTheThemeAtOnce() {
    auto window = openWindow();
    QVERIFY(window);
    const auto choose = [](const QString &theme) {
        onPreferences([theme](PreferencesDialog *dialog) {
            dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findText(theme));
            dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findText(u"Deutsch"_s));
            QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                              Qt::LeftButton);
        });
    };
    choose(u"Dark"_s);
    QVERIFY(PreferencesDialog::edit(window.get()));
    QCoreApplication::processEvents(); // the new palette reaches the windows
    QCOMPARE(QSettings().value(u"preferences/theme"_s).toString(), u"dark"_s);
    QCOMPARE(QSettings().value(u"preferences/language"_s).toString(), u"de"_s);
    QCOMPARE(window->palette().color(QPalette::Window),
             AppTheme::darkPalette().color(QPalette::Window));
    QVERIFY(window->timelineView()->theme().kind == TimelineTheme::Kind::Dark);
    QCOMPARE(QLocale().name(), QLocale::system().name()); // the language waits for a start

    choose(u"Light"_s);
    QVERIFY(PreferencesDialog::edit(window.get()));
    QCoreApplication::processEvents(); // the new palette reaches the windows
    QCOMPARE(window->palette().color(QPalette::Window),
             AppTheme::lightPalette().color(QPalette::Window));
    QVERIFY(window->timelineView()->theme().kind == TimelineTheme::Kind::Light);

    // System: the platform's palette again, whatever was set before.
    choose(u"Dark"_s);
    QVERIFY(PreferencesDialog::edit(window.get()));
    choose(u"System"_s);
    QVERIFY(PreferencesDialog::edit(window.get()));
    QCoreApplication::processEvents(); // the new palette reaches the windows
    QCOMPARE(QSettings().value(u"preferences/theme"_s).toString(), u"system"_s);
    QCOMPARE(QApplication::palette(), m_platformPalette);
    QCOMPARE(window->palette().color(QPalette::Window), m_platformPalette.color(QPalette::Window));
    QVERIFY(window->timelineView()->theme().kind == TimelineTheme::Kind::Light);
}

void TestPreferences::editMenuOpensPreferences() {
    auto window = openWindow();
    QVERIFY(window);
    auto *action = window->findChild<QAction *>(u"preferencesAction"_s);
    QVERIFY(action);
    QCOMPARE(action->text(), u"&Preferences…"_s);
    QCOMPARE(action->menuRole(), QAction::PreferencesRole);
    QList<QKeySequence> expected = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (!expected.contains(QKeySequence(u"Ctrl+,"_s)))
        expected << QKeySequence(u"Ctrl+,"_s);
    QCOMPARE(action->shortcuts(), expected);
    QVERIFY(action->shortcuts().contains(QKeySequence(u"Ctrl+,"_s)));
    QString title;
    onPreferences([&title](PreferencesDialog *dialog) { title = dialog->windowTitle(); });
    action->trigger();
    QCOMPARE(title, u"Preferences"_s);
}

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
