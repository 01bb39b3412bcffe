#include "ui/render/TimeTicks.h"

#include "ui/render/FigureLanguage.h"

#include <QDate>
#include <QHash>
#include <QMutex>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 FirstDay = 1721426; // 0001-01-01
constexpr qint64 LastDay = 5373484;  // 9999-12-31

QDate dateOf(qint64 day) {
    return QDate::fromJulianDay(std::clamp(day, FirstDay, LastDay));
}

qint64 jd(int year, int month, int dayOfMonth) {
    if (year < 1)
        return FirstDay;
    if (year > 9999)
        return LastDay + 1;
    return QDate(year, month, dayOfMonth).toJulianDay();
}

int floorDiv(int a, int b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

TickUnit contextOf(TickUnit unit) {
    switch (unit) {
    case TickUnit::Day:
    case TickUnit::Week:
        return TickUnit::Month;
    case TickUnit::Month:
    case TickUnit::Quarter:
        return TickUnit::Year;
    case TickUnit::Year:
        return TickUnit::Decade;
    case TickUnit::Decade:
    case TickUnit::Century:
        return TickUnit::Century;
    }
    return TickUnit::Century;
}

// Text widths, remembered across frames: every frame measures the same few dozen strings
// (month names, years), and shaping them again was a tenth of a frame. Keyed by the text and
// a fingerprint of the metrics, so another font or size is measured afresh.
class LabelWidths {
public:
    explicit LabelWidths(const QFontMetricsF &fm)
        : m_fm(fm)
        , m_font(QString::number(fm.height()) + u'/' + QString::number(fm.ascent()) + u'/' +
                 QString::number(fm.averageCharWidth()) + u'/' + QString::number(fm.maxWidth()) +
                 u'\x1f') {}

    [[nodiscard]] double operator()(const QString &text) const {
        const QString key = m_font + text;
        static QMutex mutex;
        static QHash<QString, double> cache;
        {
            const QMutexLocker lock(&mutex);
            const auto found = cache.constFind(key);
            if (found != cache.constEnd())
                return *found;
        }
        const double width = m_fm.horizontalAdvance(text);
        const QMutexLocker lock(&mutex);
        if (cache.size() > 4096) // bounded: forget everything now and then
            cache.clear();
        cache.insert(key, width);
        return width;
    }

private:
    const QFontMetricsF &m_fm;
    QString m_font;
};

// The widest label a unit can produce in a locale; deterministic, independent of the view.
double widestLabel(TickUnit unit, const QLocale &locale, const LabelWidths &width, bool longForm) {
    double w = 0;
    switch (unit) {
    case TickUnit::Day:
        if (longForm) {
            for (int d = 1; d <= 7; ++d)
                w = std::max(w, width(locale.dayName(d, QLocale::ShortFormat) + u" 28"_s));
        } else {
            w = width(u"28"_s);
        }
        break;
    case TickUnit::Week:
        w = width(u"28"_s);
        break;
    case TickUnit::Month:
        for (int m = 1; m <= 12; ++m)
            w = std::max(w, width(locale.standaloneMonthName(m, longForm ? QLocale::LongFormat
                                                                         : QLocale::ShortFormat)));
        break;
    case TickUnit::Quarter:
        w = width(FigureLanguage::translate("TimeTicks", "Q%1").arg(4));
        break;
    case TickUnit::Year:
        w = width(u"2028"_s);
        break;
    case TickUnit::Decade:
        w = width(FigureLanguage::translate("TimeTicks", "%1s").arg(2020));
        break;
    case TickUnit::Century:
        w = width(FigureLanguage::translate("TimeTicks", "%1s").arg(2000));
        break;
    }
    return w;
}

} // namespace

double TimeTicks::minimumUnitDays(TickUnit unit) {
    switch (unit) {
    case TickUnit::Day:
        return 1;
    case TickUnit::Week:
        return 7;
    case TickUnit::Month:
        return 28;
    case TickUnit::Quarter:
        return 90;
    case TickUnit::Year:
        return 365;
    case TickUnit::Decade:
        return 3652;
    case TickUnit::Century:
        return 36524;
    }
    return 1;
}

qint64 TimeTicks::floorToUnit(qint64 day, TickUnit unit) {
    const QDate date = dateOf(day);
    switch (unit) {
    case TickUnit::Day:
        return std::clamp(day, FirstDay, LastDay);
    case TickUnit::Week:
        return date.toJulianDay() - (date.dayOfWeek() - 1);
    case TickUnit::Month:
        return jd(date.year(), date.month(), 1);
    case TickUnit::Quarter:
        return jd(date.year(), (date.month() - 1) / 3 * 3 + 1, 1);
    case TickUnit::Year:
        return jd(date.year(), 1, 1);
    case TickUnit::Decade:
        return jd(std::max(1, floorDiv(date.year(), 10) * 10), 1, 1);
    case TickUnit::Century:
        return jd(std::max(1, floorDiv(date.year(), 100) * 100), 1, 1);
    }
    return day;
}

qint64 TimeTicks::nextBoundary(qint64 day, TickUnit unit) {
    const QDate date = dateOf(floorToUnit(day, unit));
    switch (unit) {
    case TickUnit::Day:
        return date.toJulianDay() + 1;
    case TickUnit::Week:
        return date.toJulianDay() + 7;
    case TickUnit::Month: {
        const QDate next = date.addMonths(1);
        return next.isValid() ? next.toJulianDay() : LastDay + 1;
    }
    case TickUnit::Quarter: {
        const QDate next = date.addMonths(3);
        return next.isValid() ? next.toJulianDay() : LastDay + 1;
    }
    case TickUnit::Year:
        return jd(date.year() + 1, 1, 1);
    case TickUnit::Decade:
        return jd(floorDiv(date.year(), 10) * 10 + 10, 1, 1);
    case TickUnit::Century:
        return jd(floorDiv(date.year(), 100) * 100 + 100, 1, 1);
    }
    return day + 1;
}

QString TimeTicks::label(qint64 day, TickUnit unit, const QLocale &locale, bool longForm,
                         bool context) {
    const QDate date = dateOf(day);
    switch (unit) {
    case TickUnit::Day:
        if (longForm)
            return locale.dayName(date.dayOfWeek(), QLocale::ShortFormat) + u' ' +
                   QString::number(date.day());
        return QString::number(date.day());
    case TickUnit::Week:
        return QString::number(date.day());
    case TickUnit::Month: {
        const QString name = locale.standaloneMonthName(
            date.month(), longForm ? QLocale::LongFormat : QLocale::ShortFormat);
        return context ? name + u' ' + QString::number(date.year()) : name;
    }
    case TickUnit::Quarter:
        return FigureLanguage::translate("TimeTicks", "Q%1").arg((date.month() - 1) / 3 + 1);
    case TickUnit::Year:
        return QString::number(date.year());
    case TickUnit::Decade:
        // A decade and a century: "2020s", in German "2020er".
        return FigureLanguage::translate("TimeTicks", "%1s").arg(floorDiv(date.year(), 10) * 10);
    case TickUnit::Century:
        return FigureLanguage::translate("TimeTicks", "%1s").arg(floorDiv(date.year(), 100) * 100);
    }
    return {};
}

TimeTickRows TimeTicks::compute(const TimeScale &scale, const QLocale &locale,
                                const QFontMetricsF &fm) {
    TimeTickRows rows;
    const LabelWidths measure(fm);
    const double ppd = scale.pixelsPerDay();
    const double width = scale.width();

    // The finest unit whose widest label fits in its shortest span, with a gap.
    static constexpr TickUnit Units[] = {TickUnit::Day,     TickUnit::Week, TickUnit::Month,
                                         TickUnit::Quarter, TickUnit::Year, TickUnit::Decade,
                                         TickUnit::Century};
    TickUnit unit = TickUnit::Century;
    bool longForm = false;
    for (TickUnit u : Units) {
        const double room = minimumUnitDays(u) * ppd;
        if ((u == TickUnit::Day || u == TickUnit::Month) &&
            widestLabel(u, locale, measure, true) + LabelGap <= room) {
            unit = u;
            longForm = true;
            break;
        }
        if (widestLabel(u, locale, measure, false) + LabelGap <= room) {
            unit = u;
            break;
        }
    }
    rows.unit = unit;
    rows.contextUnit = contextOf(unit);
    rows.hasContext = unit != TickUnit::Century;

    const qint64 firstVisible = qint64(std::floor(scale.firstDay()));
    const qint64 lastVisible = qint64(std::ceil(scale.lastDay()));

    // A row of spans: a boundary line at each unit start, the label in the unit's span and
    // kept inside the view; a label that cannot be whole inside its span is left out. The
    // context row is made first: its boundary lines run through the major row too.
    const auto buildSpans = [&](TickUnit u, bool lf, bool context, QList<TimeTick> &out) {
        qint64 day = floorToUnit(std::max(firstVisible, FirstDay), u);
        // Labels are skipped when they would run into the previous one (a wide context
        // label pushed right by the left edge).
        double previousRight = -1e9;
        while (day <= std::min(lastVisible, LastDay)) {
            const qint64 next = nextBoundary(day, u);
            TimeTick tick;
            tick.day = day;
            tick.x = scale.xForDay(double(day));
            const double nextX = scale.xForDay(double(next));
            tick.label = label(day, u, locale, lf, context);
            tick.labelWidth = measure(tick.label);
            const double spanLeft = std::max(tick.x, 0.0) + LabelGap / 2;
            const double spanRight = std::min(nextX, width) - LabelGap / 2;
            double lx = context ? spanLeft : (tick.x + nextX - tick.labelWidth) / 2;
            lx = std::clamp(lx, spanLeft, std::max(spanLeft, spanRight - tick.labelWidth));
            if (lx + tick.labelWidth > spanRight || lx < previousRight + LabelGap / 2) {
                tick.label.clear();
                tick.labelWidth = 0;
            } else {
                previousRight = lx + tick.labelWidth;
            }
            tick.labelX = lx;
            out.append(tick);
            if (next <= day)
                break;
            day = next;
        }
    };

    // A row of days (day and week units): the tick names a day, so it stands where that
    // day's events are drawn, at the middle of the day, with its label centred on it. A label
    // may move off centre to clear a context boundary, but only as far as keeps its tick
    // under the text; otherwise, or when it would leave the view or touch its neighbour, it
    // is left out. Walks the ticks and the (sorted) boundaries once: cost follows the ticks.
    const auto buildDays = [&](TickUnit u, bool lf, QList<TimeTick> &out,
                               const QList<TimeTick> &boundaries) {
        qsizetype b = 0;
        double previousRight = -1e9;
        qint64 day = floorToUnit(std::max(firstVisible, FirstDay), u);
        while (day <= std::min(lastVisible, LastDay)) {
            TimeTick tick;
            tick.day = day;
            tick.x = scale.xForDay(double(day) + 0.5);
            tick.label = label(day, u, locale, lf);
            tick.labelWidth = measure(tick.label);
            const double w = tick.labelWidth;
            // The tick stays under the middle half of its label.
            const double slack = w / 4;
            const double lo = std::max({tick.x - w / 2 - slack, 0.0, previousRight + LabelGap / 2});
            const double hi = std::min(tick.x - w / 2 + slack, width - w);
            while (b < boundaries.size() && boundaries[b].x < lo - BoundaryClearance)
                ++b;
            // The boundaries that could touch a label anywhere in [lo, hi + w].
            const auto clear = [&](double lx) {
                for (qsizetype k = b; k < boundaries.size(); ++k) {
                    const double bx = boundaries[k].x;
                    if (bx > lx + w + BoundaryClearance)
                        break;
                    if (bx > lx - BoundaryClearance)
                        return false;
                }
                return true;
            };
            double best = std::numeric_limits<double>::quiet_NaN();
            const double centred = tick.x - w / 2;
            const auto consider = [&](double lx) {
                if (lx < lo || lx > hi || !clear(lx))
                    return;
                if (std::isnan(best) || std::abs(lx - centred) < std::abs(best - centred))
                    best = lx;
            };
            consider(centred);
            if (std::isnan(best) || best != centred) {
                consider(lo);
                consider(hi);
                for (qsizetype k = b; k < boundaries.size(); ++k) {
                    const double bx = boundaries[k].x;
                    if (bx > hi + w + BoundaryClearance)
                        break;
                    consider(bx - BoundaryClearance - w);
                    consider(bx + BoundaryClearance);
                }
            }
            if (std::isnan(best) || lo > hi) {
                tick.label.clear();
                tick.labelWidth = 0;
                tick.labelX = centred;
            } else {
                tick.labelX = best;
                previousRight = best + w;
            }
            out.append(tick);
            day = nextBoundary(day, u);
        }
    };

    if (rows.hasContext) {
        const TickUnit cu = rows.contextUnit;
        const bool contextLong =
            cu == TickUnit::Month &&
            measure(label(jd(2025, 9, 1), cu, locale, true, true)) + LabelGap <=
                minimumUnitDays(cu) * ppd;
        buildSpans(cu, contextLong, true, rows.context);
    }
    if (unit == TickUnit::Day || unit == TickUnit::Week)
        buildDays(unit, longForm, rows.major, rows.context);
    else // a span unit's boundaries include its context's: its labels sit between them
        buildSpans(unit, longForm, false, rows.major);
    return rows;
}
