#pragma once

#include "model/Source.h"

#include <QHash>
#include <QList>
#include <QString>

// Recognises a source that is already known, so an import merges it instead of adding it
// twice; Dataset Health reports duplicates by the same rule. Two sources are the same when
//  - both have a DOI: exactly when the DOIs are equal;
//  - they share a normalised URL and their titles agree (equal normalised titles, or one
//    missing): an address shared by two different titles is two works;
//  - they have the same normalised title and published dates that fit: when both have
//    (different) URLs, the same day (a syndicated copy); otherwise compatible dates (equal,
//    one missing, or one a month or year that contains the other).
class SourceMatcher {
public:
    SourceMatcher() = default;
    explicit SourceMatcher(const QList<Source> &sources);

    // What a source is found by: its effective DOI, normalised URL and title. Worked out
    // once, they serve both findMatch and add of the same source.
    struct Keys {
        QString doi;
        QString url;
        QString title;
    };
    [[nodiscard]] static Keys keysOf(const Source &source);

    // Adds a source to the list searched; its index is the number of sources added before.
    void add(const Source &source) { add(source, keysOf(source)); }
    void add(const Source &source, const Keys &keys);
    [[nodiscard]] qsizetype size() const { return m_sources.size(); }

    // Index of the first source in the list that is the same as `candidate`, or -1.
    [[nodiscard]] qsizetype findMatch(const Source &candidate) const {
        return findMatch(candidate, keysOf(candidate));
    }
    [[nodiscard]] qsizetype findMatch(const Source &candidate, const Keys &keys) const;

    [[nodiscard]] static bool isSameSource(const Source &a, const Source &b);
    // `existing` with its empty fields filled from `incoming`, a finer published/accessed
    // date taken when it lies within the known one, and incoming note lines that existing
    // lacks appended. uid, id and kind of `existing` are kept.
    [[nodiscard]] static Source merged(const Source &existing, const Source &incoming);

    // "10.1234/ABC" for "https://doi.org/10.1234/abc", "doi:10.1234/abc"…, lower case.
    [[nodiscard]] static QString normalizedDoi(const QString &doi);
    // The normalised DOI, or the DOI of a doi.org address in the URL; empty if neither.
    [[nodiscard]] static QString effectiveDoi(const Source &source);
    // Scheme-less, lower-case host without "www.", no fragment, no utm_* parameters, no
    // trailing slash: "example.com/a?b=1".
    [[nodiscard]] static QString normalizedUrl(const QString &url);
    // Lower case, diacritics and punctuation removed, whitespace collapsed.
    [[nodiscard]] static QString normalizedTitle(const QString &title);
    // Whether two published dates may describe the same publication.
    [[nodiscard]] static bool datesCompatible(const PartialDate &a, const PartialDate &b);

private:
    // isSameSource with both sources' keys worked out already (findMatch keeps those of
    // every source added: a title shared by many sources asked each one's keys again).
    [[nodiscard]] static bool isSameSource(const Source &a, const Keys &keysA, const Source &b,
                                           const Keys &keysB);

    QList<Source> m_sources;
    QList<Keys> m_keys; // m_sources' keys, by index
    QHash<QString, qsizetype> m_byDoi;
    QMultiHash<QString, qsizetype> m_byUrl;
    QMultiHash<QString, qsizetype> m_byTitle;
};
