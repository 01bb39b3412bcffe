#include "model/formats/LinkedSources.h"

#include "model/formats/FormatSupport.h"

#include <QUrl>

using namespace Qt::StringLiterals;

QString LinkedSources::add(Source source) {
    if (source.uid.isEmpty())
        source.uid = FormatSupport::derivedUid(source);
    if (!m_byUid.contains(source.uid)) {
        m_byUid.insert(source.uid, m_sources.size());
        m_sources << source;
    }
    return source.uid;
}

QString LinkedSources::addWeb(const QString &url, const QString &title, const QString &outlet) {
    const auto it = m_uidByUrl.constFind(url);
    if (it != m_uidByUrl.cend())
        return *it;
    const QString uid = add(webSource(url, title, outlet));
    m_uidByUrl.insert(url, uid);
    return uid;
}

QList<Source> LinkedSources::take() {
    m_byUid.clear();
    m_uidByUrl.clear();
    return std::exchange(m_sources, {});
}

bool LinkedSources::isWebUrl(const QString &url) {
    return FormatSupport::startsWithIgnoringCase(url, "http://"_L1) ||
           FormatSupport::startsWithIgnoringCase(url, "https://"_L1);
}

QString LinkedSources::hostOf(const QString &url) {
    QString host = QUrl(url).host().toLower();
    if (host.startsWith(u"www."_s))
        host.remove(0, 4);
    return host;
}

QString LinkedSources::hostAndPath(const QString &url) {
    const QUrl parsed(url);
    // Decoded for reading ("%C3%A4" is "ä"), but a control character stays escaped: "%00"
    // decoded is a NUL, which no text file we write may hold (iCalendar refuses it).
    QString path = parsed.path(QUrl::PrettyDecoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    return hostOf(url) + path;
}

Source LinkedSources::webSource(const QString &url, const QString &title, const QString &outlet) {
    Source source;
    source.kind = u"web"_s;
    source.url = url;
    source.title = title.trimmed().isEmpty() ? hostAndPath(url) : title.trimmed();
    source.outlet = outlet.trimmed().isEmpty() ? hostOf(url) : outlet.trimmed();
    if (source.title.isEmpty())
        source.title = url;
    return source;
}
