// RisFormat (RIS citations) on arbitrary bytes.
// Invariants: a refusal has a message; our export of what was accepted is accepted again
// and is stable; the sources survive the native format losslessly.
#include "fuzz/FuzzSupport.h"
#include "model/formats/RisFormat.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes = fuzzBytes(data, size);
    InputError error;
    const auto sources = RisFormat::read(bytes, u"fuzz.ris"_s, &error);
    if (!sources) {
        checkErrorReported(error);
        return 0;
    }
    Dataset dataset;
    dataset.sources = *sources;
    checkNativeKeeps(dataset);
    checkExportRereads(RisFormat::write(*sources), u"fuzz.ris"_s, &RisFormat::read,
                       &RisFormat::write);
    return 0;
}
