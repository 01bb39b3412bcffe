// FilterText on arbitrary input, two ways. The first byte chooses:
//  - text: parse(s); a refusal has a message and a position inside the text; an accepted
//    text formats to a canonical line that parses to the same filter, and formats again
//    to the same line;
//  - filter: a filter and search text built from the bytes; parse(format(f, t)) gives back
//    f and t exactly (filter.query derived from t), as FilterText.h promises.
#include "fuzz/FuzzSupport.h"
#include "model/FilterText.h"
#include "model/PartialDate.h"
#include "model/SearchQuery.h"

#include <fuzzer/FuzzedDataProvider.h>

using namespace Qt::StringLiterals;

namespace {

QString consumeText(FuzzedDataProvider &provider) {
    return QString::fromStdString(provider.ConsumeRandomLengthString(24));
}

// Names as the store holds them: never empty (format() leaves empty ones out).
QStringList consumeList(FuzzedDataProvider &provider) {
    QStringList values;
    for (int n = provider.ConsumeIntegralInRange(0, 3); n > 0; --n) {
        const QString value = consumeText(provider);
        if (!value.isEmpty())
            values << value;
    }
    return values;
}

void checkText(const QString &text) {
    FilterText::Error error;
    const auto parsed = FilterText::parse(text, &error);
    if (!parsed) {
        FUZZ_CHECK(!error.message.isEmpty(), text);
        FUZZ_CHECK(error.position >= 0 && error.position <= text.size(),
                   text + u" at "_s + QString::number(error.position));
        return;
    }
    FUZZ_CHECK(parsed->filter.query == SearchQuery::toFtsExpression(parsed->searchText), text);
    const QString canonical = FilterText::format(parsed->filter, parsed->searchText);
    FilterText::Error again;
    const auto reparsed = FilterText::parse(canonical, &again);
    if (!reparsed)
        fuzzFail("the canonical form is refused",
                 text + u"\n"_s + canonical + u"\n"_s + again.toString());
    FUZZ_CHECK(*reparsed == *parsed, text + u"\n"_s + canonical);
    FUZZ_CHECK(FilterText::format(reparsed->filter, reparsed->searchText) == canonical, canonical);
}

void checkFilter(FuzzedDataProvider &provider) {
    static const qint64 first = QDate(1, 1, 1).toJulianDay();
    static const qint64 last = QDate(9999, 12, 31).toJulianDay();
    EventFilter filter;
    if (provider.ConsumeBool())
        filter.fromJulianDay = provider.ConsumeIntegralInRange(first, last);
    if (provider.ConsumeBool())
        filter.toJulianDay = provider.ConsumeIntegralInRange(first, last);
    filter.categories = consumeList(provider);
    filter.actors = consumeList(provider);
    filter.chips = consumeList(provider);
    filter.tags = consumeList(provider);
    for (int n = provider.ConsumeIntegralInRange(0, 3); n > 0; --n)
        filter.statuses << provider.PickValueInArray(
            {EventStatus::Confirmed, EventStatus::Reported, EventStatus::Disputed});
    if (provider.ConsumeBool())
        filter.hasSources = provider.ConsumeBool();
    const QString searchText = consumeText(provider);
    filter.query = SearchQuery::toFtsExpression(searchText);

    const QString text = FilterText::format(filter, searchText);
    FilterText::Error error;
    const auto parsed = FilterText::parse(text, &error);
    if (!parsed)
        fuzzFail("a formatted filter is refused", text + u"\n"_s + error.toString());
    FUZZ_CHECK(parsed->searchText == searchText, text + u"\n"_s + parsed->searchText);
    FUZZ_CHECK(parsed->filter == filter, text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    if (data[0] & 1) {
        checkText(QString::fromUtf8(fuzzBytes(data + 1, size - 1)));
    } else {
        FuzzedDataProvider provider(data + 1, size - 1);
        checkFilter(provider);
    }
    return 0;
}
