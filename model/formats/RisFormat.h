#pragma once

#include "model/InputError.h"
#include "model/Source.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// RIS, the tagged line format ("TY  - NEWS" … "ER  - ") every citation manager reads and
// writes. Tags the data model has no column for are kept as "field: value" note lines (PB,
// CY, SE, SP as publisher, publisher-place, section, page; others under their tag) and
// written back as tags on export. A value's continuation line that would read as a tag
// ("ER  -") is written indented; the reader trims continuation lines.
class RisFormat {
public:
    // All or nothing: on any error returns std::nullopt and fills `error` (when given).
    [[nodiscard]] static std::optional<QList<Source>>
    read(const QByteArray &data, const QString &fileName, InputError *error);
    // UTF-8 with CRLF line ends, as Zotero writes it.
    [[nodiscard]] static QByteArray write(const QList<Source> &sources);

    // "NEWS" → "news", "ELEC" → "web", "RPRT" → "report", "JOUR" → "paper", … "other".
    [[nodiscard]] static QString kindForType(const QString &risType);
    [[nodiscard]] static QString typeForKind(const QString &kind);
    // "2025/08/12/", "2025/08//", "2025///", "2025", "2025-08-12"; nullopt if unreadable.
    [[nodiscard]] static std::optional<PartialDate> parseDate(const QString &value);
    [[nodiscard]] static QString formatDate(const PartialDate &date);
};
