#pragma once

#include <QString>
#include <QStringView>

// Turns what a researcher types into an FTS5 expression that always parses: words,
// prefixes (`export*`), "phrases" (also `"H20 lic"*`), AND / OR / NOT and parentheses are
// kept; anything FTS5 would reject is repaired or dropped instead of becoming an SQL error:
//
//  - an unbalanced quote runs to the end of the text; a missing ")" is added, a stray ")"
//    dropped, an empty "()" dropped;
//  - an operator without a word on both sides is dropped (`AND OR`, `a OR`, `OR a`);
//  - `a AND NOT b` is read as `a NOT b`; a NOT with nothing before it (`NOT b`, `a OR NOT b`)
//    cannot be expressed in FTS5 ("everything without b") and is dropped with its operand;
//  - a word holding punctuation is a phrase of its parts, as the tokenizer splits it
//    (`DeepSeek-R1` is "DeepSeek R1", `Nvidia's` is "Nvidia s");
//  - lower-case and, or, not are ordinary words (FTS5 reads only upper-case operators).
//
// Every term is quoted, so no word can be read as an FTS5 keyword or column name. The output
// is canonical: explicit AND, parentheses only where precedence needs them
// (FTS5: NOT binds tighter than AND, AND tighter than OR).
class SearchQuery {
public:
    // Empty when the text holds no searchable word. When `hint` is given it receives a
    // short sentence for the user when the text had to be read differently from how it was
    // typed (or holds nothing to search), and is cleared otherwise.
    [[nodiscard]] static QString toFtsExpression(QStringView text, QString *hint = nullptr);
};
