// TextDecoding on arbitrary bytes. Invariants: firstInvalidUtf8Byte agrees with an
// independent decoder written from RFC 3629's definition (code point value, not byte
// ranges); UTF-8 input (no UTF-16 byte-order mark) is accepted exactly when it is valid and
// holds no NUL, and then decodes to the same text Qt's own decoder gives; a refusal has a
// message; accepted text encoded as UTF-8 is accepted again unchanged.
#include "fuzz/FuzzSupport.h"
#include "model/formats/TextDecoding.h"

using namespace Qt::StringLiterals;

namespace {

qsizetype referenceFirstInvalid(const QByteArray &bytes) {
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned c = p[i];
        int length = 0;
        char32_t value = 0;
        char32_t minimum = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            length = 2, value = c & 0x1F, minimum = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3, value = c & 0x0F, minimum = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4, value = c & 0x07, minimum = 0x10000;
        } else {
            return i;
        }
        if (i + length > n)
            return i;
        for (int k = 1; k < length; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            value = (value << 6) | (p[i + k] & 0x3F);
        }
        if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            return i;
        i += length;
    }
    return -1;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes = fuzzBytes(data, size);
    const qsizetype bad = TextDecoding::firstInvalidUtf8Byte(bytes);
    FUZZ_CHECK(bad == referenceFirstInvalid(bytes),
               u"%1 vs %2"_s.arg(bad).arg(referenceFirstInvalid(bytes)));

    InputError error;
    const auto text = TextDecoding::decode(bytes, u"fuzz.txt"_s, &error);
    const bool utf16 = bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF");
    if (!utf16) {
        const bool expected = bad < 0 && !bytes.contains('\0');
        FUZZ_CHECK(text.has_value() == expected, error.toString());
        if (text) {
            QByteArray withoutBom = bytes;
            if (withoutBom.startsWith("\xEF\xBB\xBF"))
                withoutBom.remove(0, 3);
            // Qt's decoders differ on a second byte-order mark; compare without them.
            const auto stripped = [](QString t) {
                return t.remove(QChar(0xFEFF));
            };
            FUZZ_CHECK(stripped(*text) == stripped(QString::fromUtf8(withoutBom)), QString());
        }
    }
    if (!text) {
        checkErrorReported(error);
        return 0;
    }
    FUZZ_CHECK(!text->contains(QChar(u'\0')), QString());
    InputError again;
    const auto reread = TextDecoding::decode(text->toUtf8(), u"fuzz.txt"_s, &again);
    // A UTF-8 byte-order mark at the start of the text is read as one, so it may go.
    if (!reread)
        fuzzFail("decoded text, encoded as UTF-8, is refused", again.toString());
    FUZZ_CHECK(*reread == *text || u"\uFEFF"_s + *reread == *text, QString());
    return 0;
}
