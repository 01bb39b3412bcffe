#include "model/formats/LooseDate.h"

#include "model/MonthNames.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

QString monthAlternation() {
    QStringList names;
    for (const MonthName &m : MonthNames::all())
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
    return MonthNames::fromName(name);
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
