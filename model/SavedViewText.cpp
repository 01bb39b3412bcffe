#include "model/SavedViewText.h"

#include "model/PartialDate.h"

#include <QDate>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

QString SavedViewText::compose(const QString &filterText, qint64 firstDay, qint64 lastDay) {
    const QString window =
        u"view:%1..%2"_s.arg(QDate::fromJulianDay(firstDay).toString(Qt::ISODate),
                             QDate::fromJulianDay(lastDay).toString(Qt::ISODate));
    return filterText.isEmpty() ? window : filterText + u' ' + window;
}

std::optional<SavedViewText::Parts> SavedViewText::split(QStringView text, QString *error) {
    Parts parts;
    const QString trimmed = text.trimmed().toString();
    // The window is always written last, after a space, outside any quoted value.
    static const QRegularExpression windowPattern(u"(?:^|\\s)view:(\\S*)$"_s);
    const QRegularExpressionMatch match = windowPattern.match(trimmed);
    if (!match.hasMatch()) {
        parts.filterText = trimmed;
        return parts;
    }
    parts.filterText = trimmed.left(match.capturedStart()).trimmed();
    const QString window = match.captured(1);
    const qsizetype dots = window.indexOf(u".."_s);
    const auto fail = [&](const QString &reason) -> std::optional<Parts> {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    if (dots < 0)
        return fail(u"view: '%1' is not of the form FROM..TO"_s.arg(window));
    QString reason;
    const auto first = PartialDate::parseIso(QStringView(window).left(dots), &reason);
    if (!first)
        return fail(u"view: %1"_s.arg(reason));
    const auto last = PartialDate::parseIso(QStringView(window).mid(dots + 2), &reason);
    if (!last)
        return fail(u"view: %1"_s.arg(reason));
    if (last->lastJulianDay() < first->firstJulianDay())
        return fail(u"view: %1 is before %2"_s.arg(last->toIsoString(), first->toIsoString()));
    parts.window = std::pair{first->firstJulianDay(), last->lastJulianDay()};
    return parts;
}
