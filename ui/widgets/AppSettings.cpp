#include "ui/widgets/AppSettings.h"

#include "model/store/TimelineStore.h"
#include "ui/render/FigureOptionNames.h"

#include <QSettings>

#include <array>

using namespace Qt::StringLiterals;

namespace AppSettings {

namespace {

// The value whose stored word is `word`, or `fallback`.
template <typename T, std::size_t N>
T fromName(const QString &word, const std::array<T, N> &values, QString (*name)(T), T fallback) {
    for (T value : values)
        if (name(value) == word)
            return value;
    return fallback;
}

constexpr std::array themes = {Theme::System, Theme::Light, Theme::Dark};
constexpr std::array languages = {Language::System, Language::English, Language::German};

} // namespace

QString themeName(Theme theme) {
    switch (theme) {
    case Theme::System:
        return u"system"_s;
    case Theme::Light:
        return u"light"_s;
    case Theme::Dark:
        return u"dark"_s;
    }
    return {};
}

QString languageName(Language language) {
    switch (language) {
    case Language::System:
        return u"system"_s;
    case Language::English:
        return u"en"_s;
    case Language::German:
        return u"de"_s;
    }
    return {};
}

Preferences load() {
    const QSettings settings;
    Preferences p;
    p.theme = fromName(settings.value(themeKey).toString(), themes, &themeName, p.theme);
    // The sizes the command line's --size names ("slide", "a4", "letter-portrait", …).
    ExportRequest size;
    if (ImageExporter::parseSize(settings.value(exportSizeKey).toString(), size) &&
        size.preset != ExportRequest::Preset::Custom)
        p.exportSize = size.preset;
    if (const auto theme = TimelineTheme::fromName(settings.value(exportThemeKey).toString()))
        p.exportTheme = theme->kind;
    p.exportNotes = FigureOptionNames::noteStyleFromName(settings.value(exportNotesKey).toString())
                        .value_or(p.exportNotes);
    p.authorName = settings.value(authorNameKey).toString().trimmed();
    p.language =
        fromName(settings.value(languageKey).toString(), languages, &languageName, p.language);
    return p;
}

void save(const Preferences &p) {
    QSettings settings;
    settings.setValue(themeKey, themeName(p.theme));
    settings.setValue(exportSizeKey, ImageExporter::presetName(p.exportSize));
    settings.setValue(exportThemeKey, FigureOptionNames::theme(p.exportTheme));
    settings.setValue(exportNotesKey, FigureOptionNames::noteStyle(p.exportNotes));
    settings.setValue(authorNameKey, p.authorName.trimmed());
    settings.setValue(languageKey, languageName(p.language));
}

QString systemUserName() {
    return TimelineStore::loginName();
}

QString authorName() {
    const QString chosen = load().authorName;
    return chosen.isEmpty() ? systemUserName() : chosen;
}

QString languageCode() {
    const Language language = load().language;
    return language == Language::System ? QString() : languageName(language);
}

} // namespace AppSettings
