#include "model/SearchCompounds.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Phrase {
    qsizetype begin = 0; // the opening quote
    qsizetype end = 0;   // just after the closing quote, or after its "*"
    QString text;        // between the quotes
    bool prefix = false;
};

// The quoted phrases of an expression in order. SearchQuery quotes every term and a term
// holds no quote character, so each pair of quotes is one phrase.
QList<Phrase> phrasesOf(const QString &expression) {
    QList<Phrase> phrases;
    qsizetype at = 0;
    while (true) {
        const qsizetype open = expression.indexOf(u'"', at);
        if (open < 0)
            break;
        const qsizetype close = expression.indexOf(u'"', open + 1);
        if (close < 0)
            break;
        Phrase phrase{open, close + 1, expression.mid(open + 1, close - open - 1), false};
        if (close + 1 < expression.size() && expression.at(close + 1) == u'*') {
            phrase.prefix = true;
            phrase.end = close + 2;
        }
        phrases << phrase;
        at = phrase.end;
    }
    return phrases;
}

bool isWidened(const Phrase &phrase) {
    if (phrase.prefix || phrase.text.size() < SearchCompounds::MinWidenedLength)
        return false;
    return std::all_of(phrase.text.cbegin(), phrase.text.cend(), [](QChar c) {
        return c.isLetter() || c.category() == QChar::Mark_NonSpacing;
    });
}

QString quoted(const QString &term, bool prefix) {
    return u'"' + term + u'"' + (prefix ? u"*"_s : QString());
}

} // namespace

QString SearchCompounds::folded(QStringView word) {
    const QString decomposed = word.toString().toLower().normalized(QString::NormalizationForm_D);
    QString result;
    result.reserve(decomposed.size());
    for (QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing)
            result += c;
    return result;
}

QString SearchCompounds::expand(const QString &expression, const TermsContaining &termsContaining) {
    const QList<Phrase> phrases = phrasesOf(expression);
    QString result;
    qsizetype copied = 0;
    for (const Phrase &phrase : phrases) {
        if (!isWidened(phrase))
            continue;
        const QString word = folded(phrase.text);
        QStringList alternatives{quoted(phrase.text, false), quoted(phrase.text, true)};
        if (termsContaining) {
            // The stored words with the typed one inside (those that begin with it are the
            // prefix's); a word that begins with one already added is covered by its prefix.
            QStringList kept;
            for (const QString &term : termsContaining(word)) {
                if (term.startsWith(word))
                    continue;
                const bool covered = std::any_of(kept.cbegin(), kept.cend(), [&](const QString &k) {
                    return term.startsWith(k);
                });
                if (!covered)
                    kept << term;
                if (kept.size() == MaxInfixTerms)
                    break;
            }
            for (const QString &term : std::as_const(kept))
                alternatives << quoted(term, true);
        }
        result += QStringView(expression).mid(copied, phrase.begin - copied);
        result += u'(' + alternatives.join(u" OR "_s) + u')';
        copied = phrase.end;
    }
    if (copied == 0)
        return expression;
    result += QStringView(expression).mid(copied);
    return result;
}

QString SearchCompounds::partialPhrases(const QString &expression) {
    QString kinds;
    for (const Phrase &phrase : phrasesOf(expression))
        kinds += phrase.prefix ? u'1' : u'0';
    if (!kinds.contains(u'1') || !kinds.contains(u'0'))
        return {};
    return kinds;
}

QStringList SearchCompounds::wholePhrases(const QString &expression) {
    QStringList whole;
    for (const Phrase &phrase : phrasesOf(expression))
        if (!phrase.prefix)
            whole << phrase.text;
    return whole;
}
