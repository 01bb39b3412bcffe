#pragma once

#include "model/InputError.h"
#include "model/Source.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// A news article saved as plain text (copied from a browser, or a scraper's output), read
// into one Source: headline, dateline date, outlet, language and an excerpt of the first
// sentences. Only the article's own header is searched for the date and outlet, never its
// body, and the body ends where page furniture (tag lines, comment forms, source lists,
// other headlines) starts.
class ArticleTextFormat {
public:
    // On failure (empty file, binary data, not UTF-8) returns std::nullopt and fills error.
    [[nodiscard]] static std::optional<Source> read(const QByteArray &data, const QString &fileName,
                                                    InputError *error);

    // "de" or "en" by counting common function words; empty when undecided.
    [[nodiscard]] static QString detectLanguage(QStringView text);
    // Sentences of running text; "12. August", "z. B." and initials do not end a sentence.
    [[nodiscard]] static QStringList splitSentences(QStringView text);
    // A sentence shortened at a word boundary to about maxLength characters, with "…".
    [[nodiscard]] static QString shortened(const QString &sentence, int maxLength);
};
