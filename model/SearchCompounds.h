#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>

// German writes its compounds as one word, and a researcher types the part they mean: a
// search for "beschrankung" must find "Exportbeschränkungen", and "chip" must find
// "Ascend-Chips". SearchCompounds widens each plain word of a search expression (as
// SearchQuery writes it) to the stored words that begin with it or contain it:
//
//   "chip"  →  ("chip" OR "chip"* OR "ascendchip"* …)
//
// The word itself stays the first phrase, so a whole-word match still counts fully; the
// others are prefix phrases, which the stores rank below it (see partialPhrases). What is
// widened: a single word of letters alone (no digits: "H20" must not find "H200") of at least
// MinWidenedLength letters (a shorter one would find too much: "the" begins a thousand
// words, and merging all their rows made a search for it six times slower). Phrases,
// prefixes the user typed and column filters are left as they are.
class SearchCompounds {
public:
    static constexpr int MinWidenedLength = 4;
    // At most this many stored words are added for one typed word (the shortest first).
    static constexpr int MaxInfixTerms = 48;

    // The stored terms (lower case, accents removed) that contain `folded`.
    using TermsContaining = std::function<QStringList(const QString &folded)>;

    [[nodiscard]] static QString expand(const QString &expression,
                                        const TermsContaining &termsContaining);
    // One character per phrase of `expression`, in the order FTS5 numbers them: '1' for a
    // prefix phrase ("word"*), '0' for a whole word or phrase. Empty when the expression
    // has no phrase of one kind or the other (then nothing needs ranking apart).
    [[nodiscard]] static QString partialPhrases(const QString &expression);
    // The whole-word phrases of `expression` (their text without quotes), in order.
    [[nodiscard]] static QStringList wholePhrases(const QString &expression);
    // Lower case, accents removed: how the indexes store a word.
    [[nodiscard]] static QString folded(QStringView word);
};
