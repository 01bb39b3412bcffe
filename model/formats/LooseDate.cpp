#include "model/formats/LooseDate.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

struct MonthName {
    QStringView name;
    int month;
};

constexpr MonthName MonthNames[] = {
    {u"january", 1}, {u"januar", 1},    {u"jänner", 1},   {u"jan", 1},       {u"february", 2},
    {u"februar", 2}, {u"feb", 2},       {u"march", 3},    {u"märz", 3},      {u"maerz", 3},
    {u"mar", 3},     {u"mär", 3},       {u"april", 4},    {u"apr", 4},       {u"may", 5},
    {u"mai", 5},     {u"june", 6},      {u"juni", 6},     {u"jun", 6},       {u"july", 7},
    {u"juli", 7},    {u"jul", 7},       {u"august", 8},   {u"aug", 8},       {u"september", 9},
    {u"sept", 9},    {u"sep", 9},       {u"october", 10}, {u"oktober", 10},  {u"oct", 10},
    {u"okt", 10},    {u"november", 11}, {u"nov", 11},     {u"december", 12}, {u"dezember", 12},
    {u"dec", 12},    {u"dez", 12},
};

QString monthAlternation() {
    QStringList names;
    for (const MonthName &m : MonthNames)
        names.append(m.name.toString());
    // Longest first so "August" is not taken as "Aug".
    std::sort(names.begin(), names.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return u"(?<M>"_s + names.join(u'|') + u")\\.?"_s;
}

enum class Shape { Ymd, Dmy, DMonthY, MonthDY, MonthY, Ym, Y };

struct Pattern {
    Shape shape;
    QRegularExpression anchored;
    QRegularExpression inText;
};

const QList<Pattern> &patterns() {
    static const QList<Pattern> list = [] {
        const QString m = monthAlternation();
        const QList<std::pair<Shape, QString>> sources = {
            {Shape::Ymd, u"(?<y>\\d{4})([-/])(?<m>\\d{1,2})\\2(?<d>\\d{1,2})"_s},
            {Shape::Dmy, u"(?<d>\\d{1,2})\\.\\s?(?<m>\\d{1,2})\\.\\s?(?<y>\\d{4})"_s},
            {Shape::DMonthY, u"(?<d>\\d{1,2})\\.?\\s+"_s + m + u",?\\s+(?<y>\\d{4})"_s},
            {Shape::MonthDY, m + u"\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y>\\d{4})"_s},
            {Shape::MonthY, m + u",?\\s+(?<y>\\d{4})"_s},
            {Shape::Ym, u"(?<y>\\d{4})[-/](?<m>\\d{1,2})"_s},
            {Shape::Y, u"(?<y>\\d{4})"_s},
        };
        const auto options = QRegularExpression::CaseInsensitiveOption |
                             QRegularExpression::UseUnicodePropertiesOption;
        QList<Pattern> result;
        for (const auto &[shape, source] : sources) {
            result.append(
                Pattern{shape, QRegularExpression(u"^\\s*"_s + source + u"\\s*$"_s, options),
                        QRegularExpression(u"(?<![\\w.])"_s + source + u"(?![\\w])"_s, options)});
        }
        return result;
    }();
    return list;
}

std::optional<PartialDate> fromMatch(Shape shape, const QRegularExpressionMatch &match) {
    const int year = match.captured(u"y").toInt();
    int month = 0;
    if (shape == Shape::DMonthY || shape == Shape::MonthDY || shape == Shape::MonthY)
        month = LooseDate::monthFromName(match.captured(u"M"));
    else if (shape != Shape::Y)
        month = match.captured(u"m").toInt();
    const int day = (shape == Shape::Ymd || shape == Shape::Dmy || shape == Shape::DMonthY ||
                     shape == Shape::MonthDY)
                        ? match.captured(u"d").toInt()
                        : 0;
    PartialDate date;
    if (day > 0)
        date = PartialDate::fromYmd(year, month, day);
    else if (month > 0)
        date = PartialDate::fromYearMonth(year, month);
    else if (shape == Shape::Y)
        date = PartialDate::fromYear(year);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

} // namespace

int LooseDate::monthFromName(QStringView name) {
    QStringView n = name.trimmed();
    if (n.endsWith(u'.'))
        n.chop(1);
    for (const MonthName &m : MonthNames) {
        if (n.compare(m.name, Qt::CaseInsensitive) == 0)
            return m.month;
    }
    return 0;
}

std::optional<PartialDate> LooseDate::parse(QStringView text) {
    for (const Pattern &p : patterns()) {
        const QRegularExpressionMatch match = p.anchored.match(text);
        if (match.hasMatch())
            return fromMatch(p.shape, match);
    }
    return std::nullopt;
}

std::optional<PartialDate> LooseDate::find(QStringView text) {
    for (const Pattern &p : patterns()) {
        if (p.shape == Shape::Y || p.shape == Shape::Ym)
            continue;
        const QRegularExpressionMatch match = p.inText.match(text);
        if (match.hasMatch()) {
            if (auto date = fromMatch(p.shape, match))
                return date;
        }
    }
    return std::nullopt;
}
