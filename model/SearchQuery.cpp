#include "model/SearchQuery.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

enum class TokenKind { Term, And, Or, Not, Open, Close };

struct Token {
    TokenKind kind;
    QString text; // FTS5 text of a term: "word", "word"*, or "a phrase"
};

QString quoted(QStringView words) {
    QString escaped = words.toString();
    escaped.replace(u'"', u"\"\""_s);
    return u'"' + escaped + u'"';
}

bool isWordChar(QChar c) {
    return c.isLetterOrNumber() || c == u'_' || c.category() == QChar::Mark_NonSpacing;
}

QList<Token> tokenize(QStringView text) {
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == u'"') {
            // A phrase runs to the next quote, or to the end when it never closes.
            const qsizetype close = text.indexOf(u'"', i + 1);
            const qsizetype end = close < 0 ? text.size() : close;
            QString words;
            for (QChar w : text.mid(i + 1, end - i - 1))
                words += isWordChar(w) ? w : u' ';
            words = words.simplified();
            if (!words.isEmpty())
                tokens << Token{TokenKind::Term, quoted(words)};
            i = end + 1;
            continue;
        }
        if (c == u'(') {
            tokens << Token{TokenKind::Open, u"("_s};
            ++i;
            continue;
        }
        if (c == u')') {
            tokens << Token{TokenKind::Close, u")"_s};
            ++i;
            continue;
        }
        if (isWordChar(c)) {
            qsizetype end = i;
            while (end < text.size() && isWordChar(text[end]))
                ++end;
            const QStringView word = text.mid(i, end - i);
            const bool prefix = end < text.size() && text[end] == u'*';
            if (word == u"AND")
                tokens << Token{TokenKind::And, u"AND"_s};
            else if (word == u"OR")
                tokens << Token{TokenKind::Or, u"OR"_s};
            else if (word == u"NOT")
                tokens << Token{TokenKind::Not, u"NOT"_s};
            else
                tokens << Token{TokenKind::Term, quoted(word) + (prefix ? u"*"_s : QString())};
            i = end + (prefix ? 1 : 0);
            continue;
        }
        ++i; // punctuation separates words, as the tokenizer would
    }
    return tokens;
}

} // namespace

QString SearchQuery::toFtsExpression(QStringView text) {
    QList<Token> tokens = tokenize(text);

    // Parentheses only when they balance; otherwise they are dropped.
    int depth = 0;
    bool balanced = true;
    for (const Token &token : tokens) {
        depth += token.kind == TokenKind::Open ? 1 : token.kind == TokenKind::Close ? -1 : 0;
        balanced = balanced && depth >= 0;
    }
    balanced = balanced && depth == 0;

    // Keep an operator only between two operands; an empty group is dropped.
    QStringList out;
    bool expectOperand = true; // at the start, after an operator or "("
    QList<qsizetype> groupStarts;
    for (const Token &token : tokens) {
        switch (token.kind) {
        case TokenKind::Term:
            out << token.text;
            expectOperand = false;
            break;
        case TokenKind::And:
        case TokenKind::Or:
        case TokenKind::Not:
            if (!expectOperand) {
                out << token.text;
                expectOperand = true;
            }
            break;
        case TokenKind::Open:
            if (!balanced)
                break;
            if (!expectOperand)
                out << u"AND"_s; // "a (b OR c)" means a AND (b OR c)
            groupStarts << out.size();
            out << u"("_s;
            expectOperand = true;
            break;
        case TokenKind::Close:
            if (!balanced)
                break;
            if (expectOperand && !out.isEmpty() && out.constLast() != u"("_s)
                out.removeLast(); // an operator right before ")"
            if (!groupStarts.isEmpty() && out.constLast() == u"("_s) {
                // "()" holds nothing: drop it, and an operator it was joined with
                out.removeLast();
                if (!out.isEmpty() && (out.constLast() == u"AND"_s || out.constLast() == u"OR"_s ||
                                       out.constLast() == u"NOT"_s))
                    out.removeLast();
                groupStarts.removeLast();
                expectOperand = out.isEmpty() || out.constLast() == u"("_s;
                break;
            }
            if (!groupStarts.isEmpty())
                groupStarts.removeLast();
            out << u")"_s;
            expectOperand = false;
            break;
        }
    }
    while (!out.isEmpty() && (out.constLast() == u"AND"_s || out.constLast() == u"OR"_s ||
                              out.constLast() == u"NOT"_s))
        out.removeLast();
    return out.join(u' ');
}
