#pragma once

#include <QString>
#include <QStringList>

class QObject;

// The languages ChipTimeline speaks: English (the source of every text) and German
// (resources/translations/chiptimeline_de.ts, embedded as :/i18n/chiptimeline_de.qm).
namespace Translations {
// "de, en": the codes --lang accepts.
[[nodiscard]] QStringList available();
// The first of the system's languages (LANGUAGE, then LC_ALL/LC_MESSAGES/LANG) that
// ChipTimeline speaks, else "en".
[[nodiscard]] QString systemLanguage();
// Installs ChipTimeline's words and Qt's own (qtbase_<code>.qm from Qt's translations folder,
// Debian's qt6-translations-l10n) for `code`, owned by `parent`, and makes its locale the
// default for dates and numbers. English needs no file. A file that fails to load leaves
// English in its place and returns a warning for the caller to print; otherwise empty.
[[nodiscard]] QString install(const QString &code, QObject *parent);
} // namespace Translations
