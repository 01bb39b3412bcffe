// TimelineProjFormat (.timeline XML, import only) on arbitrary bytes. Invariants: a refusal
// has a message; every accepted event has a title and a valid start no later than its end;
// the dataset survives the native format losslessly.
#include "fuzz/FuzzSupport.h"
#include "model/formats/TimelineProjFormat.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes = fuzzBytes(data, size);
    (void)TimelineProjFormat::looksLikeTimelineProj(bytes);
    InputError error;
    const auto dataset = TimelineProjFormat::read(bytes, u"fuzz.timeline"_s, &error);
    if (!dataset) {
        checkErrorReported(error);
        return 0;
    }
    for (const Event &event : dataset->events) {
        FUZZ_CHECK(event.start.isValid(), event.title);
        FUZZ_CHECK(!event.end.isValid() ||
                       event.start.firstJulianDay() <= event.end.lastJulianDay(),
                   event.title);
    }
    checkNativeKeeps(*dataset);
    return 0;
}
