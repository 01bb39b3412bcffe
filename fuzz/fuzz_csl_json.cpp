// CslJsonFormat (CSL-JSON citations) on arbitrary bytes.
// Invariants: a refusal has a message; our export of what was accepted is accepted again
// and is stable; the sources survive the native format losslessly.
#include "fuzz/FuzzSupport.h"
#include "model/formats/CslJsonFormat.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes = fuzzBytes(data, size);
    InputError error;
    const auto sources = CslJsonFormat::read(bytes, u"fuzz.json"_s, &error);
    if (!sources) {
        checkErrorReported(error);
        return 0;
    }
    Dataset dataset;
    dataset.sources = *sources;
    checkNativeKeeps(dataset);
    checkExportRereads(CslJsonFormat::write(*sources), u"fuzz.json"_s, &CslJsonFormat::read,
                       &CslJsonFormat::write);
    return 0;
}
