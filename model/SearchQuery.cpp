#include "model/SearchQuery.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <vector>

using namespace Qt::StringLiterals;

namespace {

enum class TokenKind { Term, And, Or, Not, Open, Close };

struct Token {
    TokenKind kind;
    QString text; // FTS5 text of a term: "word", "word"*, or "a phrase"
};

QString tr(const char *text) {
    return QCoreApplication::translate("SearchQuery", text);
}

// What the unicode61 tokenizer keeps inside a token (letters, numbers; marks so that a
// decomposed accent stays with its letter until the tokenizer folds it).
bool isWordChar(QChar c) {
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing;
}

// The word parts of a piece of text, as the tokenizer would split it.
QStringList wordParts(QStringView text) {
    QStringList parts;
    qsizetype i = 0;
    while (i < text.size()) {
        if (!isWordChar(text[i])) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && isWordChar(text[end]))
            ++end;
        parts << text.mid(i, end - i).toString();
        i = end;
    }
    return parts;
}

QString termText(const QStringList &parts, bool prefix) {
    // Parts hold no quote characters (a quote is not a word character), so they need no
    // escaping; the quotes make every term a string, never an FTS5 keyword.
    return u'"' + parts.join(u' ') + u'"' + (prefix ? u"*"_s : QString());
}

bool isSpecial(QChar c) {
    return c == u'"' || c == u'(' || c == u')' || c.isSpace();
}

QList<Token> tokenize(QStringView text, QStringList &hints) {
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c.isSpace()) {
            ++i;
        } else if (c == u'"') {
            const qsizetype close = text.indexOf(u'"', i + 1);
            if (close < 0)
                hints << tr("The quote was not closed, so it runs to the end.");
            const qsizetype end = close < 0 ? text.size() : close;
            const QStringList parts = wordParts(text.mid(i + 1, end - i - 1));
            i = end + 1;
            const bool prefix = close >= 0 && i < text.size() && text[i] == u'*';
            if (prefix)
                ++i;
            if (!parts.isEmpty())
                tokens << Token{TokenKind::Term, termText(parts, prefix)};
        } else if (c == u'(') {
            tokens << Token{TokenKind::Open, {}};
            ++i;
        } else if (c == u')') {
            tokens << Token{TokenKind::Close, {}};
            ++i;
        } else {
            qsizetype end = i;
            while (end < text.size() && !isSpecial(text[end]))
                ++end;
            QStringView chunk = text.mid(i, end - i);
            i = end;
            if (chunk == u"AND") {
                tokens << Token{TokenKind::And, {}};
                continue;
            }
            if (chunk == u"OR") {
                tokens << Token{TokenKind::Or, {}};
                continue;
            }
            if (chunk == u"NOT") {
                tokens << Token{TokenKind::Not, {}};
                continue;
            }
            bool prefix = false;
            while (chunk.endsWith(u'*')) {
                chunk.chop(1);
                prefix = true;
            }
            const QStringList parts = wordParts(chunk);
            if (!parts.isEmpty())
                tokens << Token{TokenKind::Term, termText(parts, prefix)};
        }
    }
    return tokens;
}

enum class NodeKind { Term, Or, And, Not };

struct Node {
    NodeKind kind;
    QString text; // Term only
    int left = -1;
    int right = -1;
};

int precedence(NodeKind kind) {
    switch (kind) {
    case NodeKind::Or:
        return 1;
    case NodeKind::And:
        return 2;
    case NodeKind::Not:
        return 3;
    case NodeKind::Term:
        break;
    }
    return 4;
}

// A forgiving recursive-descent parser: it never fails, it drops what cannot be read and
// says so in `hints`. Grammar: or := and (OR and)*; and := unit ((AND)? unit | NOT unit)*;
// unit := term | "(" or ")".
class Parser {
public:
    Parser(const QList<Token> &tokens, QStringList &hints)
        : m_tokens(tokens)
        , m_hints(hints) {}

    int parseAll() {
        int result = parseOr();
        while (m_pos < m_tokens.size()) {
            // Only a ")" without its "(" stops the top level early.
            ++m_pos;
            m_hints << tr("A \")\" without its \"(\" was ignored.");
            // What follows may be written in brackets after the AND: one level more.
            m_depth = 1;
            result = combine(NodeKind::And, result, parseOr());
        }
        return result;
    }

    [[nodiscard]] QString serialize(int node) const {
        if (node < 0)
            return {};
        const Node &n = m_nodes[size_t(node)];
        switch (n.kind) {
        case NodeKind::Term:
            return n.text;
        case NodeKind::Or:
            return child(n.left, n.kind, false) + u" OR "_s + child(n.right, n.kind, false);
        case NodeKind::And:
            return child(n.left, n.kind, false) + u" AND "_s + child(n.right, n.kind, false);
        case NodeKind::Not:
            return child(n.left, n.kind, false) + u" NOT "_s + child(n.right, n.kind, true);
        }
        return {};
    }

private:
    // Parentheses only where FTS5 needs them: a looser operator under a tighter one, and
    // anything but a term on the right of NOT. An AND on the left of NOT is written bare:
    // FTS5 binds NOT tighter and reads `a AND b NOT c` as `a AND (b NOT c)`, the same rows
    // as `(a AND b) NOT c`, which is how this parser reads a typed NOT, left to right. So
    // the expression read again is the same tree and the same text, and chains of NOT do
    // not nest deeper with every NOT (FTS5's parser has a fixed stack).
    [[nodiscard]] QString child(int node, NodeKind parent, bool rightOfNot) const {
        const NodeKind kind = m_nodes[size_t(node)].kind;
        const int p = precedence(kind);
        bool parens = p < precedence(parent) || (rightOfNot && p <= precedence(parent));
        if (parent == NodeKind::Not && !rightOfNot && kind == NodeKind::And)
            parens = false;
        return parens ? u'(' + serialize(node) + u')' : serialize(node);
    }

    [[nodiscard]] bool at(TokenKind kind) const {
        return m_pos < m_tokens.size() && m_tokens[m_pos].kind == kind;
    }

    int add(Node node) {
        m_nodes.push_back(std::move(node));
        return int(m_nodes.size()) - 1;
    }

    int combine(NodeKind kind, int left, int right) {
        if (left < 0)
            return right;
        if (right < 0)
            return left;
        return add(Node{kind, {}, left, right});
    }

    void droppedOperator(const QString &op) {
        m_hints << tr("%1 needs a word on both sides; it was ignored.").arg(op);
    }

    int parseOr() {
        int result = parseAnd();
        while (at(TokenKind::Or)) {
            ++m_pos;
            const int right = parseAnd();
            if (result < 0 || right < 0)
                droppedOperator(u"OR"_s);
            result = combine(NodeKind::Or, result, right);
        }
        return result;
    }

    int parseAnd() {
        int result = -1;
        bool pendingAnd = false;
        while (m_pos < m_tokens.size()) {
            const TokenKind kind = m_tokens[m_pos].kind;
            if (kind == TokenKind::Or || kind == TokenKind::Close)
                break;
            if (kind == TokenKind::And) {
                ++m_pos;
                if (result < 0 || pendingAnd)
                    droppedOperator(u"AND"_s);
                pendingAnd = result >= 0;
                continue;
            }
            if (kind == TokenKind::Not) {
                ++m_pos;
                const int operand = parseUnit();
                if (operand < 0)
                    droppedOperator(u"NOT"_s);
                else if (result < 0)
                    m_hints << tr("NOT needs a word before it, as in \"H20 NOT licence\"; it "
                                  "was ignored with the word after it.");
                else
                    result = add(Node{NodeKind::Not, {}, result, operand});
                pendingAnd = false;
                continue;
            }
            result = combine(NodeKind::And, result, parseUnit());
            pendingAnd = false;
        }
        if (pendingAnd)
            droppedOperator(u"AND"_s);
        return result;
    }

    int parseUnit() {
        if (at(TokenKind::Term))
            return add(Node{NodeKind::Term, m_tokens[m_pos++].text});
        if (!at(TokenKind::Open))
            return -1;
        ++m_pos;
        if (m_depth >= kMaxDepth)
            return parseTooDeep();
        ++m_depth;
        const int inner = parseOr();
        --m_depth;
        if (at(TokenKind::Close))
            ++m_pos;
        else
            missingClose();
        return inner;
    }

    // A group nested deeper than kMaxDepth (its "(" already read), as all of its words.
    int parseTooDeep() {
        m_hints << tr("Brackets nested more than %1 deep: the words inside them are all "
                      "searched for.")
                       .arg(kMaxDepth);
        int result = -1;
        int open = 1;
        while (m_pos < m_tokens.size()) {
            const Token &token = m_tokens[m_pos++];
            if (token.kind == TokenKind::Open)
                ++open;
            else if (token.kind == TokenKind::Close && --open == 0)
                return result;
            else if (token.kind == TokenKind::Term)
                result = combine(NodeKind::And, result, add(Node{NodeKind::Term, token.text}));
        }
        missingClose();
        return result;
    }

    void missingClose() { m_hints << tr("A \")\" was missing; it was added at the end."); }

    // FTS5's query parser has a fixed stack: a hundred entries, three per nested group.
    static constexpr int kMaxDepth = 16;

    const QList<Token> &m_tokens;
    QStringList &m_hints;
    qsizetype m_pos = 0;
    int m_depth = 0;
    std::vector<Node> m_nodes;
};

} // namespace

QString SearchQuery::toFtsExpression(QStringView text, QString *hint) {
    // Composed form, so that "a" + combining umlaut is one letter, as in the indexed text.
    const QString normalized = text.toString().normalized(QString::NormalizationForm_C);
    QStringList hints;
    const QList<Token> tokens = tokenize(normalized, hints);
    Parser parser(tokens, hints);
    const QString expression = parser.serialize(parser.parseAll());
    if (expression.isEmpty() && !normalized.trimmed().isEmpty())
        hints << tr("Nothing to search for: type a word.");
    if (hint) {
        hints.removeDuplicates();
        *hint = hints.join(u' ');
    }
    return expression;
}
