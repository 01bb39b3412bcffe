#include "model/MonthNames.h"

namespace {

constexpr MonthName Names[] = {
    {u"january", 1},   {u"jan", 1},      {u"januar", 1},    {u"jänner", 1},    {u"jaenner", 1},
    {u"jän", 1},       {u"february", 2}, {u"feb", 2},       {u"februar", 2},   {u"febr", 2},
    {u"march", 3},     {u"mar", 3},      {u"märz", 3},      {u"maerz", 3},     {u"mär", 3},
    {u"mrz", 3},       {u"april", 4},    {u"apr", 4},       {u"may", 5},       {u"mai", 5},
    {u"june", 6},      {u"jun", 6},      {u"juni", 6},      {u"july", 7},      {u"jul", 7},
    {u"juli", 7},      {u"august", 8},   {u"aug", 8},       {u"september", 9}, {u"sep", 9},
    {u"sept", 9},      {u"october", 10}, {u"oct", 10},      {u"oktober", 10},  {u"okt", 10},
    {u"november", 11}, {u"nov", 11},     {u"december", 12}, {u"dec", 12},      {u"dezember", 12},
    {u"dez", 12},
};

constexpr QStringView EnglishNames[] = {u"January",   u"February", u"March",    u"April",
                                        u"May",       u"June",     u"July",     u"August",
                                        u"September", u"October",  u"November", u"December"};

} // namespace

std::span<const MonthName> MonthNames::all() {
    return Names;
}

int MonthNames::fromName(QStringView name) {
    QStringView n = name.trimmed();
    if (n.endsWith(u'.'))
        n.chop(1);
    for (const MonthName &m : Names) {
        if (n.compare(m.name, Qt::CaseInsensitive) == 0)
            return m.month;
    }
    return 0;
}

QStringView MonthNames::englishName(int month) {
    if (month < 1 || month > 12)
        return {};
    return EnglishNames[month - 1];
}
