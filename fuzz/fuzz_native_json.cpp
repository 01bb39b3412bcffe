// NativeJsonFormat::read on arbitrary bytes. Invariants: a refusal has a message; an accepted
// file written back and read again gives the same dataset (the format is lossless; lists
// come back in the file's stable order), and
// writing that gives the same bytes.
#include "fuzz/FuzzSupport.h"
#include "model/formats/NativeJsonFormat.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes = fuzzBytes(data, size);
    const QString fileName = u"fuzz.chiptimeline.json"_s;
    InputError error;
    const auto dataset = NativeJsonFormat::read(bytes, fileName, &error);
    (void)NativeJsonFormat::looksLikeNative(bytes);
    if (!dataset) {
        checkErrorReported(error);
        return 0;
    }
    const QByteArray once = NativeJsonFormat::write(*dataset);
    InputError again;
    const auto reread = NativeJsonFormat::read(once, fileName, &again);
    if (!reread)
        fuzzFail("native export refused on import", again.toString());
    FUZZ_CHECK(sortedByKey(*reread) == sortedByKey(*dataset),
               datasetDifference(sortedByKey(*dataset), sortedByKey(*reread)));
    FUZZ_CHECK(NativeJsonFormat::write(*reread) == once, QString::fromUtf8(once));
    return 0;
}
