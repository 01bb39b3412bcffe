// ICalendarFormat (RFC 5545) on arbitrary bytes.
// Invariants (fuzz/FuzzSupport.h): a refusal has a message; an accepted file survives the
// native format losslessly; our export of it is accepted again and is stable.
#include "fuzz/FuzzSupport.h"
#include "model/formats/ICalendarFormat.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes = fuzzBytes(data, size);
    (void)ICalendarFormat::looksLikeICalendar(bytes);
    fuzzDatasetFormat(bytes, u"fuzz.ics"_s, &ICalendarFormat::read, &ICalendarFormat::write);
    return 0;
}
