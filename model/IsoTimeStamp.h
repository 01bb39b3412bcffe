#pragma once

#include <QDateTime>

#include <iterator>
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

// The other way: a UTC time as the stores write it, "2025-11-22T11:41:41.123Z", the text
// QDateTime::toString(Qt::ISODateWithMs) gives, without its general formatter (~13k
// instructions each through QString::asprintf, once per event an import writes with its
// creation time: the store of then that an As Of view fills; files carry no such time). Any
// other time (local, an offset, a year outside 1–9999, invalid) the long way.
[[nodiscard]] inline QString isoUtcText(const QDateTime &time) {
    if (time.timeSpec() != Qt::UTC)
        return time.toString(Qt::ISODateWithMs);
    const QDate day = time.date();
    const QTime clock = time.time();
    if (!day.isValid() || !clock.isValid() || day.year() < 1 || day.year() > 9999)
        return time.toString(Qt::ISODateWithMs);
    // Each part with its digits, then the character after it: "2025-11-22T11:41:41.123Z".
    const int parts[] = {day.year(),     day.month(),    day.day(),   clock.hour(),
                         clock.minute(), clock.second(), clock.msec()};
    static constexpr int widths[] = {4, 2, 2, 2, 2, 2, 3};
    static constexpr char16_t after[] = u"--T::.Z";
    QString text(24, Qt::Uninitialized);
    char16_t *out = reinterpret_cast<char16_t *>(text.data());
    for (size_t part = 0; part < std::size(parts); ++part) {
        for (int digit = widths[part] - 1, value = parts[part]; digit >= 0; --digit, value /= 10)
            out[digit] = char16_t(u'0' + value % 10);
        out += widths[part];
        *out++ = after[part];
    }
    return text;
}
