// TimelineJsFormat (TimelineJS JSON) on arbitrary bytes.
// Invariants (fuzz/FuzzSupport.h): a refusal has a message; an accepted file survives the
// native format losslessly; our export of it is accepted again (not byte-stable: see
// fuzzDatasetFormat).
#include "fuzz/FuzzSupport.h"
#include "model/formats/TimelineJsFormat.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes = fuzzBytes(data, size);
    (void)TimelineJsFormat::looksLikeTimelineJs(bytes);
    fuzzDatasetFormat(bytes, u"fuzz.json"_s, &TimelineJsFormat::read, &TimelineJsFormat::write,
                      /*stableExport=*/false);
    return 0;
}
