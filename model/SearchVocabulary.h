#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

// The words a full-text index holds, as it holds them (lower case, accents removed), kept in
// memory so that a word typed can be looked up inside the words stored: the terms that
// contain it, which SearchCompounds adds to a search ("beschrankung" finds the stored
// "exportbeschrankungen"). One buffer of all the terms, searched with memmem: 100k terms are
// scanned in well under a millisecond.
class SearchVocabulary {
public:
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    // Forgets every term: the next lookup loads them again (see the stores).
    void clear();
    // Marks the vocabulary as loaded (also when it stays empty) and adds `terms`.
    void add(const QStringList &terms);
    [[nodiscard]] qsizetype size() const { return m_terms.size(); }
    // The terms that contain `folded` (already lower case and without accents), at most
    // `limit` of them, the shortest first, ties alphabetically.
    [[nodiscard]] QStringList containing(const QString &folded, qsizetype limit) const;

private:
    void joinIfNeeded() const;

    bool m_loaded = false;
    QSet<QString> m_terms;
    // "\nterm\nterm\n…\n" in UTF-8, rebuilt after an add when it is next searched.
    mutable QByteArray m_joined;
    mutable bool m_joinedStale = true;
};
