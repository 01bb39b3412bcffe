// PartialDate::parseIso and, when the tree has it, DateInput::parse (typed dates) on
// arbitrary text. Invariants: a refusal has a reason; an accepted date is valid, within
// 1..9999, its span is ordered, and its ISO form parses back to the same date (through both
// parsers).
#include "fuzz/FuzzSupport.h"
#include "model/PartialDate.h"

#if __has_include("model/DateInput.h")
#include "model/DateInput.h"
#define CHIPTIMELINE_HAVE_DATEINPUT 1
#endif

using namespace Qt::StringLiterals;

namespace {

void checkDate(const PartialDate &date, const QString &text) {
    FUZZ_CHECK(date.isValid(), text);
    FUZZ_CHECK(date.year() >= PartialDate::MinYear && date.year() <= PartialDate::MaxYear, text);
    FUZZ_CHECK(date.firstDay().isValid() && date.lastDay().isValid(), text);
    FUZZ_CHECK(date.firstJulianDay() <= date.lastJulianDay(), text);
    const QString iso = date.toIsoString();
    const auto again = PartialDate::parseIso(iso);
    FUZZ_CHECK(again && *again == date, text + u" -> "_s + iso);
    (void)date.toDisplayString();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QString text = QString::fromUtf8(fuzzBytes(data, size));
    QString reason;
    const auto date = PartialDate::parseIso(text, &reason);
    if (date) {
        checkDate(*date, text);
        FUZZ_CHECK(date->toIsoString() == text.trimmed(), text); // blanks around are allowed
    } else {
        FUZZ_CHECK(!reason.isEmpty(), text);
    }
#ifdef CHIPTIMELINE_HAVE_DATEINPUT
    QString inputReason;
    const auto typed = DateInput::parse(text, &inputReason);
    if (typed) {
        checkDate(*typed, text);
        const auto again = DateInput::parse(typed->toIsoString());
        FUZZ_CHECK(again && *again == *typed, text);
        (void)DateInput::describe(*typed);
    } else {
        FUZZ_CHECK(!inputReason.isEmpty(), text);
    }
    if (date) // what the strict parser accepts, the forgiving one reads the same way
        FUZZ_CHECK(typed && *typed == *date, text);
    (void)DateInput::monthFromName(text);
#endif
    return 0;
}
