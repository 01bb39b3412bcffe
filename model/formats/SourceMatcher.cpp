#include "model/formats/SourceMatcher.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

QString SourceMatcher::effectiveDoi(const Source &source) {
    if (!source.doi.trimmed().isEmpty())
        return normalizedDoi(source.doi);
    // A source whose address is a DOI link is identified by that DOI.
    static const QRegularExpression resolver(u"^https?://(?:dx\\.)?doi\\.org/10\\."_s,
                                             QRegularExpression::CaseInsensitiveOption);
    if (resolver.match(source.url.trimmed()).hasMatch())
        return normalizedDoi(source.url);
    return {};
}

SourceMatcher::SourceMatcher(const QList<Source> &sources) {
    for (const Source &s : sources)
        add(s);
}

SourceMatcher::Keys SourceMatcher::keysOf(const Source &source) {
    return {effectiveDoi(source), normalizedUrl(source.url), normalizedTitle(source.title)};
}

void SourceMatcher::add(const Source &source, const Keys &keys) {
    const qsizetype index = m_sources.size();
    m_sources.append(source);
    m_keys.append(keys);
    if (!keys.doi.isEmpty() && !m_byDoi.contains(keys.doi))
        m_byDoi.insert(keys.doi, index);
    if (!keys.url.isEmpty())
        m_byUrl.insert(keys.url, index);
    if (!keys.title.isEmpty())
        m_byTitle.insert(keys.title, index);
}

qsizetype SourceMatcher::findMatch(const Source &candidate, const Keys &keys) const {
    if (!keys.doi.isEmpty()) {
        const auto it = m_byDoi.constFind(keys.doi);
        if (it != m_byDoi.cend())
            return it.value();
    }
    // The same address alone does not make the same work (a landing page, a PDF holding
    // several articles): each source there is asked whether its title agrees.
    const auto firstSame = [&](QList<qsizetype> hits) -> qsizetype {
        std::sort(hits.begin(), hits.end());
        for (qsizetype index : std::as_const(hits)) {
            if (isSameSource(m_sources.at(index), m_keys.at(index), candidate, keys))
                return index;
        }
        return -1;
    };
    if (!keys.url.isEmpty()) {
        if (const qsizetype index = firstSame(m_byUrl.values(keys.url)); index >= 0)
            return index;
    }
    if (keys.title.isEmpty())
        return -1;
    return firstSame(m_byTitle.values(keys.title));
}

bool SourceMatcher::isSameSource(const Source &a, const Source &b) {
    return isSameSource(a, keysOf(a), b, keysOf(b));
}

bool SourceMatcher::isSameSource(const Source &a, const Keys &keysA, const Source &b,
                                 const Keys &keysB) {
    const QString &doiA = keysA.doi;
    const QString &doiB = keysB.doi;
    // A DOI names one work: two DOIs settle the question either way.
    if (!doiA.isEmpty() && !doiB.isEmpty())
        return doiA == doiB;
    const QString &titleA = keysA.title;
    const QString &titleB = keysB.title;
    const bool titlesAgree = titleA.isEmpty() || titleB.isEmpty() || titleA == titleB;
    const QString &urlA = keysA.url;
    const QString &urlB = keysB.url;
    if (!urlA.isEmpty() && urlA == urlB)
        return titlesAgree;
    if (titleA.isEmpty() || titleA != titleB)
        return false;
    // The same title at two addresses is the same article only when it is dated to the same
    // day (a syndicated copy); a month or a year is too coarse to tell two works apart.
    if (!urlA.isEmpty() && !urlB.isEmpty())
        return a.published.precision() == DatePrecision::Day && a.published == b.published;
    return datesCompatible(a.published, b.published);
}

bool SourceMatcher::datesCompatible(const PartialDate &a, const PartialDate &b) {
    if (!a.isValid() || !b.isValid())
        return true;
    // The coarser date's span must contain the finer one ("2025-08" and "2025-08-15").
    const bool aCoversB = a.firstDay() <= b.firstDay() && b.lastDay() <= a.lastDay();
    const bool bCoversA = b.firstDay() <= a.firstDay() && a.lastDay() <= b.lastDay();
    return aCoversB || bCoversA;
}

QString SourceMatcher::normalizedDoi(const QString &doi) {
    QString d = doi.trimmed().toLower();
    static const QRegularExpression prefix(
        u"^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*|urn:doi:)"_s);
    d.remove(prefix);
    return d.trimmed();
}

QString SourceMatcher::normalizedUrl(const QString &url) {
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty())
        return {};
    // "example.com/a" as typed by hand is the same address as "https://example.com/a".
    const QString withScheme = trimmed.contains(u"://"_s) || trimmed.startsWith(u"mailto:"_s)
                                   ? trimmed
                                   : u"https://"_s + trimmed;
    QUrl u(withScheme, QUrl::TolerantMode);
    if (!u.isValid() || u.host().isEmpty())
        return trimmed.toLower();
    QString host = u.host().toLower();
    if (host.startsWith(u"www."_s))
        host = host.mid(4);
    QString path = u.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    QUrlQuery query(u);
    QList<std::pair<QString, QString>> items = query.queryItems(QUrl::FullyEncoded);
    items.erase(std::remove_if(items.begin(), items.end(),
                               [](const std::pair<QString, QString> &item) {
                                   return item.first.startsWith(u"utm_"_s, Qt::CaseInsensitive);
                               }),
                items.end());
    QString result = host;
    if (u.port() > 0 && u.port() != 80 && u.port() != 443)
        result += u':' + QString::number(u.port());
    result += path;
    if (!items.isEmpty()) {
        QStringList parts;
        for (const auto &[key, value] : std::as_const(items))
            parts.append(value.isNull() ? key : key + u'=' + value);
        result += u'?' + parts.join(u'&');
    }
    return result;
}

QString SourceMatcher::normalizedTitle(const QString &title) {
    const QString decomposed = title.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool space = false;
    for (const QChar c : decomposed) {
        if (c.isMark())
            continue;
        if (c == u'ß') {
            out += u"ss"_s;
            space = false;
            continue;
        }
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out += u' ';
            out += c.toLower();
            space = false;
        } else {
            space = true;
        }
    }
    return out;
}

Source SourceMatcher::merged(const Source &existing, const Source &incoming) {
    Source result = existing;
    const auto fill = [](QString &target, const QString &value) {
        if (target.trimmed().isEmpty() && !value.trimmed().isEmpty())
            target = value;
    };
    fill(result.title, incoming.title);
    fill(result.outlet, incoming.outlet);
    fill(result.url, incoming.url);
    fill(result.doi, incoming.doi);
    fill(result.language, incoming.language);
    fill(result.excerpt, incoming.excerpt);
    if (result.authors.isEmpty())
        result.authors = incoming.authors;
    const auto refine = [](PartialDate &target, const PartialDate &value) {
        if (!value.isValid())
            return;
        if (!target.isValid() ||
            (value.precision() > target.precision() && target.firstDay() <= value.firstDay() &&
             value.lastDay() <= target.lastDay()))
            target = value;
    };
    refine(result.published, incoming.published);
    refine(result.accessed, incoming.accessed);
    if (!incoming.notes.trimmed().isEmpty()) {
        const QStringList have = result.notes.split(u'\n');
        QStringList added;
        for (const QString &line : incoming.notes.split(u'\n')) {
            if (!line.trimmed().isEmpty() && !have.contains(line) && !added.contains(line))
                added.append(line);
        }
        if (!added.isEmpty()) {
            if (!result.notes.isEmpty() && !result.notes.endsWith(u'\n'))
                result.notes += u'\n';
            result.notes += added.join(u'\n');
        }
    }
    return result;
}
