#pragma once

#include "model/Dataset.h"
#include "model/InputError.h"

#include <QByteArray>
#include <QString>

#include <optional>

// iCalendar (RFC 5545; docs/formats.md, "iCalendar"): one all-day VEVENT per event, so a
// calendar shows the timeline. A partial date spans what it covers: a month-precision event
// fills the month. Import reads VEVENTs back, recognising whole months and years.
class ICalendarFormat {
public:
    [[nodiscard]] static std::optional<Dataset> read(const QByteArray &bytes,
                                                     const QString &fileName, InputError *error);
    [[nodiscard]] static QByteArray write(const Dataset &dataset);
    [[nodiscard]] static bool looksLikeICalendar(const QByteArray &bytes);

    // Text escaped for a property value: \\ \; \, \n.
    [[nodiscard]] static QString escapeText(QStringView text);
    [[nodiscard]] static QString unescapeText(QStringView text);
    // A content line folded at 75 octets (never inside a UTF-8 sequence), CRLF-terminated.
    [[nodiscard]] static QByteArray foldLine(const QByteArray &line);
};
