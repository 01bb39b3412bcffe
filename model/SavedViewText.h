#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// What a saved view keeps: the filter text (see FilterText) and the visible time window,
// as one shareable line: `q:H20 actor:Nvidia view:2025-04-01..2025-08-31`. The window is
// whole days; a view without one keeps the current zoom when applied.
class SavedViewText {
public:
    struct Parts {
        QString filterText;
        std::optional<std::pair<qint64, qint64>> window; // Julian days, first..last inclusive
    };

    [[nodiscard]] static QString compose(const QString &filterText, qint64 firstDay,
                                         qint64 lastDay);
    // Splits off a trailing `view:A..B`; a malformed window is an error with a reason.
    [[nodiscard]] static std::optional<Parts> split(QStringView text, QString *error = nullptr);
};
