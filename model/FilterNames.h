#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

// The user's words for a category, actor or chip, matched to the names a store has. A name
// is its key ("china-policy", "H20") and, for categories, the label the legend shows
// ("China policy"). Words match a key or a label ignoring case, with spaces, '-' and '_'
// alike ("china policy", "China-Policy", "h20"). Pure: the caller reads the names from the
// store (TimelineStore::categories(), actorNames(), chipNames()).
class FilterNames {
public:
    struct Name {
        QString key;
        QString label; // empty: the key is what people read
        // "China policy (china-policy)", or the key alone
        [[nodiscard]] QString displayName() const;
    };

    // The keys `word` names, in the order of `names`; empty when it names none.
    [[nodiscard]] static QStringList keysFor(QStringView word, const QList<Name> &names);
    // At most `count` display names nearest to `word`: names it begins, then names holding
    // it, then the rest; each group by edit distance less the length of the beginning word
    // and name share (ties: the longer shared beginning, then the name).
    [[nodiscard]] static QStringList closest(QStringView word, const QList<Name> &names,
                                             int count = 3);
    // The form words and names are compared in: case-folded, trimmed, runs of spaces, '-'
    // and '_' as one space.
    [[nodiscard]] static QString folded(QStringView text);
    // Levenshtein distance (insert, delete, substitute: 1 each).
    [[nodiscard]] static int editDistance(QStringView a, QStringView b);
};
