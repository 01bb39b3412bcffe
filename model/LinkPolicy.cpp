#include "model/LinkPolicy.h"

#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

QUrl LinkPolicy::doiUrl(const QString &doi) {
    QString id = doi.trimmed();
    for (const QString &prefix :
         {u"https://doi.org/"_s, u"http://doi.org/"_s, u"https://dx.doi.org/"_s, u"doi:"_s}) {
        if (id.startsWith(prefix, Qt::CaseInsensitive)) {
            id = id.mid(prefix.size());
            break;
        }
    }
    if (!id.startsWith(u"10."_s))
        return {};
    QUrl url(u"https://doi.org/"_s);
    url.setPath(u"/"_s + id, QUrl::DecodedMode);
    return url;
}

std::optional<QUrl> LinkPolicy::openableUrl(const QString &address, QString *reason) {
    const QString text = address.trimmed();
    const auto refuse = [&](const QString &why) -> std::optional<QUrl> {
        if (reason)
            *reason = why;
        return std::nullopt;
    };
    if (text.isEmpty())
        return refuse(u"no address"_s);
    if (text.startsWith(u"10."_s) || text.startsWith(u"doi:"_s, Qt::CaseInsensitive)) {
        const QUrl doi = doiUrl(text);
        if (doi.isValid())
            return doi;
        return refuse(u"'%1' is not a DOI"_s.arg(text));
    }
    // The scheme decides first: a javascript: or data: address is refused as such, even
    // when it would not parse as a URL at all.
    static const QRegularExpression schemePattern(u"^([A-Za-z][A-Za-z0-9+.-]*):"_s);
    const QRegularExpressionMatch match = schemePattern.match(text);
    const QString scheme = match.hasMatch() ? match.captured(1).toLower() : QString();
    if (scheme.isEmpty())
        return refuse(
            u"'%1' is not a web address (it needs https:// in front)"_s.arg(text.left(200)));
    if (scheme != u"http"_s && scheme != u"https"_s && scheme != u"mailto"_s)
        return refuse(u"only http, https and mailto links are opened; refused a %1: link"_s.arg(
            scheme.left(40)));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return refuse(u"'%1' is not a valid address"_s.arg(text.left(200)));
    if (scheme != u"mailto"_s && url.host().isEmpty())
        return refuse(u"'%1' has no host"_s.arg(text.left(200)));
    return sanitizedMailto(url);
}

bool LinkPolicy::isUnsafeAddress(const QString &address) {
    static const QRegularExpression unsafe(u"^\\s*(?:javascript|vbscript|file|data):"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    return unsafe.match(address).hasMatch();
}

QUrl LinkPolicy::sanitizedMailto(const QUrl &url) {
    if (url.scheme().compare(u"mailto"_s, Qt::CaseInsensitive) != 0 || !url.hasQuery())
        return url;
    const QUrlQuery query(url);
    QUrlQuery kept;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyEncoded)) {
        const QString name = key.toLower();
        if (name == u"subject"_s || name == u"body"_s)
            kept.addQueryItem(key, value);
    }
    QUrl result = url;
    if (kept.isEmpty())
        result.setQuery(QString());
    else
        result.setQuery(kept.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return result;
}
