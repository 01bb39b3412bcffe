#include "model/SearchVocabulary.h"

#include <algorithm>
#include <cstring>

void SearchVocabulary::clear() {
    m_loaded = false;
    m_terms.clear();
    m_joined.clear();
    m_joinedStale = true;
}

void SearchVocabulary::add(const QStringList &terms) {
    m_loaded = true;
    for (const QString &term : terms) {
        if (!term.isEmpty() && !m_terms.contains(term)) {
            m_terms.insert(term);
            m_joinedStale = true;
        }
    }
}

void SearchVocabulary::joinIfNeeded() const {
    if (!m_joinedStale)
        return;
    m_joined.clear();
    m_joined.reserve(m_terms.size() * 10);
    m_joined.append('\n');
    for (const QString &term : m_terms) {
        m_joined.append(term.toUtf8());
        m_joined.append('\n');
    }
    m_joinedStale = false;
}

QStringList SearchVocabulary::containing(const QString &folded, qsizetype limit) const {
    QStringList found;
    if (folded.isEmpty() || limit <= 0 || m_terms.isEmpty())
        return found;
    joinIfNeeded();
    const QByteArray needle = folded.toUtf8();
    if (needle.contains('\n'))
        return found;
    const char *begin = m_joined.constData();
    const char *end = begin + m_joined.size();
    const char *at = begin;
    while (at < end) {
        const void *hit =
            memmem(at, std::size_t(end - at), needle.constData(), std::size_t(needle.size()));
        if (!hit)
            break;
        const char *match = static_cast<const char *>(hit);
        // The term around the match: from the newline before it to the one after.
        const char *start = match;
        while (start > begin && start[-1] != '\n')
            --start;
        const char *stop =
            static_cast<const char *>(std::memchr(match, '\n', std::size_t(end - match)));
        if (!stop)
            stop = end;
        found << QString::fromUtf8(start, stop - start);
        at = stop;
    }
    std::sort(found.begin(), found.end(), [](const QString &a, const QString &b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    if (found.size() > limit)
        found.resize(limit);
    return found;
}
