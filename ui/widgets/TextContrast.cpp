#include "ui/widgets/TextContrast.h"

#include <algorithm>
#include <cmath>

namespace {

double linear(double channel) {
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

QColor mixed(const QColor &from, const QColor &to, double t) {
    const auto channel = [t](int a, int b) {
        return int(std::lround(a + (b - a) * t));
    };
    return QColor(channel(from.red(), to.red()), channel(from.green(), to.green()),
                  channel(from.blue(), to.blue()));
}

} // namespace

namespace TextContrast {

double luminance(const QColor &color) {
    const QColor rgb = color.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) +
           0.0722 * linear(rgb.blueF());
}

double ratio(const QColor &a, const QColor &b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readable(const QColor &wanted, const QColor &background, const QColor &text,
                double minimum) {
    if (ratio(wanted, background) >= minimum)
        return wanted;
    // In steps of 5% towards the text colour; the text colour itself when even that is short.
    for (int step = 1; step < 20; ++step) {
        const QColor candidate = mixed(wanted, text, step / 20.0);
        if (ratio(candidate, background) >= minimum)
            return candidate;
    }
    return text;
}

} // namespace TextContrast
