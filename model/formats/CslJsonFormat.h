#pragma once

#include "model/InputError.h"
#include "model/Source.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// CSL-JSON, the citation format Zotero, Mendeley and pandoc exchange: an array of items.
// Fields the data model has no column for are kept as "field: value" lines in the notes
// and written back as fields on export; the CSL type is kept the same way when it is not
// the one written for the source's kind (e.g. "type: article-magazine").
class CslJsonFormat {
public:
    // All or nothing: on any error returns std::nullopt and fills `error` (when given).
    [[nodiscard]] static std::optional<QList<Source>>
    read(const QByteArray &data, const QString &fileName, InputError *error);
    // An indented UTF-8 JSON array, one item per source; `id` is the source's uid.
    [[nodiscard]] static QByteArray write(const QList<Source> &sources);

    // "article-newspaper" → "news", "webpage" → "web", …; "other" for unknown types.
    [[nodiscard]] static QString kindForType(const QString &cslType);
    // The CSL type written for a kind: "news" → "article-newspaper", …
    [[nodiscard]] static QString typeForKind(const QString &kind);
    // A title without CSL's rich-text markup (<i>, <b>, <sub>, <sup>, <sc>,
    // <span class="nocase">, <span style="…">): "H<sub>2</sub>O" → "H2O". Applied to
    // titles and container titles on import, so other formats get plain text.
    [[nodiscard]] static QString plainText(const QString &richText);
};
