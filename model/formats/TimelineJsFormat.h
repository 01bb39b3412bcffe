#pragma once

#include "model/Dataset.h"
#include "model/InputError.h"

#include <QByteArray>
#include <QString>

#include <optional>

// TimelineJS (Knight Lab) JSON (docs/formats.md, "TimelineJS"): events[] with start_date /
// end_date objects, the title slide, eras[]. HTML in the text becomes Markdown and its links
// sources; eras become range events in the category "era". Export writes a file TimelineJS
// opens as it is.
class TimelineJsFormat {
public:
    [[nodiscard]] static std::optional<Dataset> read(const QByteArray &bytes,
                                                     const QString &fileName, InputError *error);
    [[nodiscard]] static QByteArray write(const Dataset &dataset);
    // A JSON object with an "events" array and no "format": "chiptimeline".
    [[nodiscard]] static bool looksLikeTimelineJs(const QByteArray &bytes);
    // A TimelineJS 2 file: {"timeline": {"date": [{"startDate": "2012,1,26", …}]}}.
    [[nodiscard]] static bool looksLikeTimelineJs2(const QByteArray &bytes);
};
