#pragma once

#include "model/PartialDate.h"

#include <QString>
#include <QStringList>

// An article, document or page that reports events. `uid` is stable across files;
// `id` is the row id in the store (0 when not stored).
struct Source
{
    qint64 id = 0;
    QString uid;
    QString kind = QStringLiteral("news"); // news, official, report, web, paper, filing, ...
    QString title;
    QString outlet;
    QStringList authors; // "Family, Given" or a literal name
    QString url;
    QString doi;
    PartialDate published;
    PartialDate accessed;
    QString language; // BCP 47, e.g. "de", "en"
    QString excerpt;
    QString notes;

    friend bool operator==(const Source &, const Source &) = default;
};
