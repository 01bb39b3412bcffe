#pragma once

#include <QString>
#include <QStringView>

// Turns what a researcher types into an FTS5 expression that always parses: words,
// prefixes (`export*`), "phrases", AND / OR / NOT and parentheses are kept; anything FTS5
// would reject (an unbalanced quote, a lone operator, stray punctuation) is read as plain
// words instead of becoming an SQL error.
class SearchQuery {
public:
    // Empty when the text holds no searchable word.
    [[nodiscard]] static QString toFtsExpression(QStringView text);
};
