// EventCsvFormat (our events as CSV) on arbitrary bytes.
// Invariants (fuzz/FuzzSupport.h): a refusal has a message; an accepted file survives the
// native format losslessly; our export of it is accepted again and is stable.
#include "fuzz/FuzzSupport.h"
#include "model/formats/EventCsvFormat.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes = fuzzBytes(data, size);
    (void)EventCsvFormat::looksLikeEventCsv(bytes);
    fuzzDatasetFormat(bytes, u"fuzz.csv"_s, &EventCsvFormat::read, &EventCsvFormat::write);
    return 0;
}
