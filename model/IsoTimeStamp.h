#pragma once

#include <QDateTime>

#include <optional>

// A UTC time stamp as the stores and the history write it, "2025-11-22T11:41:41.123Z",
// read without QDateTime's general parser (which costs microseconds each: at 100k events
// and their history, a visible part of a read). `Char` is char (UTF-8 bytes) or char16_t.
// Nothing when the text is not exactly of that form; the caller then parses it the long way.
template <typename Char>
[[nodiscard]] std::optional<QDateTime> isoUtcTimeStamp(const Char *data, qsizetype size) {
    if (size != 24 || data[4] != '-' || data[7] != '-' || data[10] != 'T' || data[13] != ':' ||
        data[16] != ':' || data[19] != '.' || data[23] != 'Z')
        return std::nullopt;
    const auto digits = [data](int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; ++i) {
            if (data[i] < '0' || data[i] > '9')
                return -1;
            value = value * 10 + (data[i] - '0');
        }
        return value;
    };
    const QDate day(digits(0, 4), digits(5, 2), digits(8, 2));
    const QTime time(digits(11, 2), digits(14, 2), digits(17, 2), digits(20, 3));
    if (digits(0, 4) <= 0 || !day.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(day, time, Qt::UTC);
}
