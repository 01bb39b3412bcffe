#pragma once

#include "model/DataTranslations.h"

#include <QColor>
#include <QString>

// A lane of the timeline: `name` is the stable key used in files ("us-export-control"),
// `label` what people read ("US export controls").
struct Category {
    qint64 id = 0;
    QString name;
    QString label;
    QColor color;
    int order = 0;
    LabelTranslations labelTranslations = {}; // the label in other languages, by language

    [[nodiscard]] QString displayName() const { return label.isEmpty() ? name : label; }
    friend bool operator==(const Category &, const Category &) = default;
};
