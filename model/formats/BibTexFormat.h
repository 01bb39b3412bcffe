#pragma once

#include "model/InputError.h"
#include "model/Source.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// BibTeX and BibLaTeX (.bib). Reads @string macros, # concatenation, braced and quoted
// values and LaTeX accents; writes BibLaTeX (@article with entrysubtype newspaper, @online,
// @report, …) with non-ASCII letters as LaTeX accents so old BibTeX reads it too. Fields the
// data model has no column for are kept as "field: value" note lines and written back.
class BibTexFormat {
public:
    // All or nothing: on any error returns std::nullopt and fills `error` (when given).
    [[nodiscard]] static std::optional<QList<Source>>
    read(const QByteArray &data, const QString &fileName, InputError *error);
    [[nodiscard]] static QByteArray write(const QList<Source> &sources);

    // LaTeX → text: {\"u} \"{u} \"u → ü, {\ss} → ß, \& → &, -- → –, {DeepSeek} → DeepSeek.
    [[nodiscard]] static QString decodeLatex(QStringView latex);
    // Text → LaTeX: ä → {\"a}, ß → {\ss}, & → \&, – → --. With protectCapitals, words whose
    // capitals a style must not lower-case are braced: "Über {DeepSeek} und {Huawei}".
    [[nodiscard]] static QString encodeLatex(QStringView text, bool protectCapitals = false);

    // "article" + "newspaper" → "news", "online" → "web", "report" → "report", …
    [[nodiscard]] static QString kindForType(const QString &entryType, const QString &subtype);
    // Entry type and entrysubtype written for a kind: "news" → {"article", "newspaper"}.
    [[nodiscard]] static std::pair<QString, QString> typeForKind(const QString &kind);
    // One unique key per source: first author's family name + year + first title word,
    // lower-case ASCII ("schmidt2025deepseek"); repeats get a, b, c… appended.
    [[nodiscard]] static QStringList citationKeys(const QList<Source> &sources);
};
