#pragma once

#include "model/Event.h"
#include "model/Source.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

// One source an event cites, as a line of text.
struct SourceEntry {
    Source source;
    Citation citation;
};

// An event's sources as text a person can read and edit in one spreadsheet cell (docs/
// formats.md, "Events as CSV"): one source per line,
//   Outlet | Title | URL | published | quote [| locator | uid]
// In a field, "\" is written "\\", "|" is "\|" and a line break "\n", so every value comes
// back exactly. The uid is written only when it is not the one the line itself implies
// (derived from the URL, else title and date), so files made elsewhere stay clean.
class SourceListText {
public:
    [[nodiscard]] static QString format(const QList<Citation> &citations,
                                        const QHash<QString, Source> &sourcesByUid);
    [[nodiscard]] static QString formatEntry(const Source &source, const Citation &citation);
    // On a problem std::nullopt and *error set to e.g. "source 2: published: month 13 does
    // not exist".
    [[nodiscard]] static std::optional<QList<SourceEntry>> parse(QStringView text, QString *error);

    [[nodiscard]] static QString escapeField(QStringView text);
    // Items of a list cell ("Nvidia; US government"): "; " between, "\;" and "\\" inside.
    [[nodiscard]] static QString joinList(const QStringList &items);
    [[nodiscard]] static QStringList splitList(QStringView text);
};
