#include "model/formats/TextDecoding.h"

#include <QFile>
#include <QStringDecoder>

#include <cstring>

using namespace Qt::StringLiterals;

namespace {

void fail(InputError *error, const QString &fileName, const QString &message) {
    if (!error)
        return;
    *error = InputError{};
    error->file = fileName;
    error->message = message;
}

bool hasUnpairedSurrogate(const QString &text) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            return true;
    }
    return false;
}

int lineAtByte(const QByteArray &bytes, qsizetype offset) {
    return int(bytes.left(offset).count('\n')) + 1;
}

} // namespace

qsizetype TextDecoding::firstInvalidUtf8Byte(const QByteArray &bytes) {
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        // ASCII, eight bytes at a time.
        quint64 word = 0;
        while (i + 8 <= size && (std::memcpy(&word, data + i, 8), (word & 0x8080808080808080) == 0))
            i += 8;
        if (i >= size)
            break;
        const unsigned char c = data[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0; // overlong
            else if (c == 0xED)
                high = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90; // overlong
            else if (c == 0xF4)
                high = 0x8F; // above U+10FFFF
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        if (data[i + 1] < low || data[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k) {
            if (data[i + k] < 0x80 || data[i + k] > 0xBF)
                return i;
        }
        i += length;
    }
    return -1;
}

std::optional<QString> TextDecoding::decode(const QByteArray &bytes, const QString &fileName,
                                            InputError *error) {
    QString text;
    const bool utf16le = bytes.startsWith("\xFF\xFE");
    const bool utf16be = bytes.startsWith("\xFE\xFF");
    if (utf16le || utf16be) {
        if (bytes.size() % 2 != 0) {
            fail(error, fileName, u"not UTF-16 text (odd number of bytes); save it as UTF-8"_s);
            return std::nullopt;
        }
        QStringDecoder decoder(utf16le ? QStringConverter::Utf16LE : QStringConverter::Utf16BE);
        text = decoder.decode(bytes);
        // Qt's UTF-16 decoder passes an unpaired surrogate through without an error; such
        // text cannot be stored (it turns into U+FFFD on the way to SQLite), so look for it.
        if (decoder.hasError() || hasUnpairedSurrogate(text)) {
            fail(error, fileName, u"not UTF-16 text (unpaired surrogate); save it as UTF-8"_s);
            return std::nullopt;
        }
    } else {
        const qsizetype bad = firstInvalidUtf8Byte(bytes);
        if (bad >= 0) {
            const auto byte = static_cast<unsigned char>(bytes.at(bad));
            fail(error, fileName,
                 u"not UTF-8 text (invalid byte 0x%1 at line %2); save it as UTF-8"_s
                     .arg(QString::number(byte, 16).toUpper().rightJustified(2, u'0'))
                     .arg(lineAtByte(bytes, bad)));
            return std::nullopt;
        }
        QStringDecoder decoder(QStringConverter::Utf8);
        text = decoder.decode(bytes);
        if (decoder.hasError()) {
            fail(error, fileName, u"not UTF-8 text; save it as UTF-8"_s);
            return std::nullopt;
        }
    }
    const qsizetype nul = text.indexOf(QChar(u'\0'));
    if (nul >= 0) {
        const int line = int(QStringView(text).left(nul).count(u'\n')) + 1;
        fail(error, fileName, u"binary data, not a text file (NUL byte at line %1)"_s.arg(line));
        return std::nullopt;
    }
    return text;
}

std::optional<QString> TextDecoding::readFile(const QString &path, InputError *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, path, u"cannot open: %1"_s.arg(file.errorString()));
        return std::nullopt;
    }
    return decode(file.readAll(), path, error);
}
