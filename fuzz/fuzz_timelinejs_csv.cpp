// TimelineJsCsvFormat (the TimelineJS sheet as CSV) on arbitrary bytes.
// Invariants (fuzz/FuzzSupport.h): a refusal has a message; an accepted file survives the
// native format losslessly; our export of it is accepted again (not byte-stable: see
// fuzzDatasetFormat).
#include "fuzz/FuzzSupport.h"
#include "model/formats/TimelineJsCsvFormat.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes = fuzzBytes(data, size);
    (void)TimelineJsCsvFormat::looksLikeTimelineJsCsv(bytes);
    fuzzDatasetFormat(bytes, u"fuzz.csv"_s, &TimelineJsCsvFormat::read, &TimelineJsCsvFormat::write,
                      /*stableExport=*/false);
    return 0;
}
