#pragma once

// How the command line's text lists (list, search, chain) write an event's dates and a cited
// source, so every command writes them alike.

#include "model/Event.h"
#include "model/Source.h"

#include <QString>
#include <QStringList>

namespace ListText {

// "2025-04-09 – 2025-07-14", or the start alone for a point event.
[[nodiscard]] inline QString when(const Event &event) {
    QString text = event.start.toIsoString();
    if (event.isRange())
        text += QStringLiteral(" – ") + event.end.toIsoString();
    return text;
}

// Outlet, "Title", published date, address: those it has.
[[nodiscard]] inline QString source(const Source &source) {
    QStringList parts;
    if (!source.outlet.isEmpty())
        parts << source.outlet;
    parts << QStringLiteral("\"%1\"").arg(source.title);
    if (source.published.isValid())
        parts << source.published.toIsoString();
    if (!source.url.isEmpty())
        parts << source.url;
    return parts.join(QStringLiteral(", "));
}

} // namespace ListText
