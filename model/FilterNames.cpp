#include "model/FilterNames.h"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

QString FilterNames::Name::displayName() const {
    if (label.isEmpty() || label == key)
        return key;
    return label + u" ("_s + key + u')';
}

QString FilterNames::folded(QStringView text) {
    QString out;
    out.reserve(text.size());
    bool gap = false;
    for (const QChar c : text.toString().toCaseFolded()) {
        if (c.isSpace() || c == u'-' || c == u'_') {
            gap = !out.isEmpty();
            continue;
        }
        if (gap)
            out += u' ';
        gap = false;
        out += c;
    }
    return out;
}

int FilterNames::editDistance(QStringView a, QStringView b) {
    std::vector<int> row(size_t(b.size()) + 1);
    std::iota(row.begin(), row.end(), 0);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[size_t(j)];
            row[size_t(j)] = std::min(
                {above + 1, row[size_t(j - 1)] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[size_t(b.size())];
}

QStringList FilterNames::keysFor(QStringView word, const QList<Name> &names) {
    const QString w = folded(word);
    QStringList keys;
    if (w.isEmpty())
        return keys;
    for (const Name &name : names) {
        if ((folded(name.key) == w || (!name.label.isEmpty() && folded(name.label) == w)) &&
            !keys.contains(name.key))
            keys << name.key;
    }
    return keys;
}

QStringList FilterNames::closest(QStringView word, const QList<Name> &names, int count) {
    const QString w = folded(word);
    // (kind: 0 begins with the word, 1 holds it, 2 neither; the edit distance less the
    // shared beginning, since typing errors are rarer in a name's first letters; -shared)
    using Rank = std::tuple<int, int, int>;
    const auto rankOf = [&](const QString &text) {
        const QString f = folded(text);
        const int kind = f.startsWith(w) ? 0 : f.contains(w) ? 1 : 2;
        qsizetype shared = 0;
        while (shared < f.size() && shared < w.size() && f[shared] == w[shared])
            ++shared;
        return Rank{kind, editDistance(w, f) - int(shared), -int(shared)};
    };
    std::vector<std::pair<Rank, QString>> ranked;
    ranked.reserve(size_t(names.size()));
    for (const Name &name : names) {
        Rank rank = rankOf(name.key);
        if (!name.label.isEmpty())
            rank = std::min(rank, rankOf(name.label));
        ranked.emplace_back(rank, name.displayName());
    }
    std::sort(ranked.begin(), ranked.end());
    QStringList out;
    for (const auto &[rank, display] : ranked) {
        if (out.size() >= count)
            break;
        if (!out.contains(display))
            out << display;
    }
    return out;
}
