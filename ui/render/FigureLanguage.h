#pragma once

#include <QLocale>
#include <QString>

// The language a figure speaks, independent of the window's: while a Scope for "de" is open on
// this thread, the figure's words (legend, notes, footer, axis) come from the German
// translation and its dates from the German locale. Without a Scope they follow the window
// (the installed translators and the default locale).
class FigureLanguage {
public:
    class Scope {
    public:
        // `code`: "de", "en", or empty for the window's language.
        explicit Scope(const QString &code);
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        const void *m_previous;
    };

    // `text` of `context` in the open Scope's language (lupdate reads these calls).
    [[nodiscard]] static QString translate(const char *context, const char *text);
    // The locale of the open Scope, else the default one.
    [[nodiscard]] static QLocale locale();
    // "de" or "en": `requested` when set, else the window's language (the default locale).
    [[nodiscard]] static QString codeOf(const QString &requested);
    // Opening and closing quotation marks: “…” in English, „…“ in German.
    [[nodiscard]] static QString quoted(const QString &text);
};
