#pragma once

#include "model/EventFilter.h"

#include <QString>
#include <QStringView>

#include <optional>

// A filter and its search text as one short line a researcher can read, paste and share,
// and that saved views keep in saved_view.filter:
//
//   q:"H20 licence" category:us-export-control actor:Nvidia status:reported from:2025-04
//   to:2025-08 sources:no
//
// Fields, in the order format() writes them: q (search text), category, actor, chip, tag,
// status (confirmed | reported | disputed) — these five repeat, one value each, and any
// value matches — then from, to (YYYY, YYYY-MM or YYYY-MM-DD: `from` is the first day of
// that span, `to` the last) and sources (yes | no). A value holding a space, a quote or a
// backslash is quoted, with \" and \\ inside the quotes. Words without a field name are
// search text ("H20 actor:Nvidia" searches for H20).
//
// format() writes the canonical form; parse(format(f, t)) gives back f and t exactly
// (with filter.query derived from t), and format(parse(s)) gives back s when s is canonical.
class FilterText {
public:
    struct Parsed {
        EventFilter filter; // `query` is SearchQuery::toFtsExpression(searchText)
        QString searchText;
        friend bool operator==(const Parsed &, const Parsed &) = default;
    };
    struct Error {
        qsizetype position = -1; // 0-based index into the text
        QString message;         // "unknown field \"colour\""
        // "column 13: unknown field \"colour\"" (1-based, as editors count)
        [[nodiscard]] QString toString() const;
    };

    // filter.query is not written: `searchText` is what the user typed.
    [[nodiscard]] static QString format(const EventFilter &filter, const QString &searchText = {});
    [[nodiscard]] static std::optional<Parsed> parse(QStringView text, Error *error = nullptr);
};
