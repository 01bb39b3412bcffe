#pragma once

#include "model/Source.h"

#include <QHash>
#include <QList>
#include <QString>

// The sources an import finds in links, gathered once each: the same address linked from
// ten events becomes one Source that all ten cite. Uids are derived from the address (as the
// citation formats derive them), so importing the file again finds the same sources.
class LinkedSources {
public:
    // Adds `source` unless one with its uid (derived when empty) is there; returns the uid.
    QString add(Source source);
    // A web page found as a link: the first title and outlet seen for an address win, and an
    // address seen before costs one hash lookup (large sheets link the same pages often).
    QString addWeb(const QString &url, const QString &title, const QString &outlet);
    [[nodiscard]] const QList<Source> &sources() const { return m_sources; }
    [[nodiscard]] QList<Source> take();

    // A web page: kind "web", outlet defaulting to the host, title defaulting to host + path.
    [[nodiscard]] static Source webSource(const QString &url, const QString &title,
                                          const QString &outlet);
    // "reuters.com" for "https://www.reuters.com/a/b" (no "www.").
    [[nodiscard]] static QString hostOf(const QString &url);
    // "reuters.com/a/b": host and path, without scheme, query or trailing slash; the path's
    // escapes decoded except control characters and delimiters ("%00", "%0A", "%2F" stay).
    [[nodiscard]] static QString hostAndPath(const QString &url);
    [[nodiscard]] static bool isWebUrl(const QString &url);

private:
    QList<Source> m_sources;
    QHash<QString, qsizetype> m_byUid;
    QHash<QString, QString> m_uidByUrl;
};
