#pragma once

#include "model/InputError.h"

#include <QByteArray>
#include <QString>

#include <optional>

// Turns the bytes of an imported file into text. Researchers' files come from many tools;
// a file that is not UTF-8 (or UTF-16 with a byte-order mark) is refused with the place of
// the first bad byte, because guessing a legacy encoding would silently store mojibake.
class TextDecoding {
public:
    // UTF-8 with or without BOM, or UTF-16 (LE/BE) with BOM. Text containing NUL is refused
    // as binary. On failure returns std::nullopt and fills `error` (when given).
    [[nodiscard]] static std::optional<QString> decode(const QByteArray &bytes,
                                                       const QString &fileName, InputError *error);

    // Reads the whole file at `path` and decodes it; the error names `path`.
    [[nodiscard]] static std::optional<QString> readFile(const QString &path, InputError *error);

    // Byte offset of the first byte that is not part of a well-formed UTF-8 sequence
    // (overlong forms, surrogates and code points above U+10FFFF count as bad); -1 if none.
    [[nodiscard]] static qsizetype firstInvalidUtf8Byte(const QByteArray &bytes);
};
