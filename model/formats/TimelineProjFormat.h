#pragma once

#include "model/Dataset.h"
#include "model/InputError.h"

#include <QByteArray>
#include <QString>

#include <optional>

// The desktop Timeline program's .timeline XML (thetimelineproj; docs/formats.md,
// "Timeline (.timeline)"), import only: categories with their colours, events with
// description, hyperlinks, fuzzy/milestone flags and containers, and eras. The line format
// of versions before 0.x is refused with a message saying how to convert it.
class TimelineProjFormat {
public:
    [[nodiscard]] static std::optional<Dataset> read(const QByteArray &bytes,
                                                     const QString &fileName, InputError *error);
    // An XML document whose root is <timeline>, or the old line format.
    [[nodiscard]] static bool looksLikeTimelineProj(const QByteArray &bytes);
};
