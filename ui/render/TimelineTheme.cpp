#include "ui/render/TimelineTheme.h"

using namespace Qt::StringLiterals;

namespace {

QColor mix(QColor a, QColor b, double t) // t of b into a
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QColor grey(int v) {
    return QColor(v, v, v);
}

} // namespace

TimelineTheme TimelineTheme::light() {
    TimelineTheme t;
    t.kind = Kind::Light;
    t.name = u"light"_s;
    t.background = QColor(0xffffff);
    t.laneBand = QColor(0xffffff);
    t.laneBandAlt = QColor(0xf7f8fa);
    t.laneSeparator = QColor(0xe4e7eb);
    t.headerBackground = QColor(0xf9fafb);
    t.headerText = QColor(0x1f2933);
    t.headerDetail = QColor(0x7b8794);
    t.axisBackground = QColor(0xffffff);
    t.axisText = QColor(0x52606d);
    t.axisContextText = QColor(0x1f2933);
    t.axisLine = QColor(0xcbd2d9);
    t.gridMinor = QColor(0xeef0f3);
    t.gridMajor = QColor(0xd9dde3);
    t.labelText = QColor(0x1f2933);
    t.labelMuted = QColor(0x616e7c);
    t.clusterFill = QColor(0xeef1f5);
    t.clusterBorder = QColor(0xc3cad3);
    t.clusterText = QColor(0x3e4c59);
    t.density = QColor(0xcfd6de);
    t.today = QColor(0xd64545);
    t.selection = QColor(0x2f6fde);
    t.hover = QColor(0x8fb3f0);
    t.neutralMark = QColor(0x7b8794);
    t.badge = QColor(0xc2610c);
    return t;
}

TimelineTheme TimelineTheme::dark() {
    TimelineTheme t;
    t.kind = Kind::Dark;
    t.name = u"dark"_s;
    t.background = QColor(0x1b1f24);
    t.laneBand = QColor(0x1b1f24);
    t.laneBandAlt = QColor(0x20252b);
    t.laneSeparator = QColor(0x2e353d);
    t.headerBackground = QColor(0x171a1e);
    t.headerText = QColor(0xe4e7eb);
    t.headerDetail = QColor(0x8a96a3);
    t.axisBackground = QColor(0x1b1f24);
    t.axisText = QColor(0xa7b1bc);
    t.axisContextText = QColor(0xe4e7eb);
    t.axisLine = QColor(0x3e4751);
    t.gridMinor = QColor(0x252b32);
    t.gridMajor = QColor(0x333b44);
    t.labelText = QColor(0xdfe3e8);
    t.labelMuted = QColor(0x9aa5b1);
    t.clusterFill = QColor(0x2a3139);
    t.clusterBorder = QColor(0x46505b);
    t.clusterText = QColor(0xc9d1d9);
    t.density = QColor(0x3a444f);
    t.today = QColor(0xff6b6b);
    t.selection = QColor(0x5b9bff);
    t.hover = QColor(0x3f6fb5);
    t.neutralMark = QColor(0x9aa5b1);
    t.badge = QColor(0xf0a050);
    return t;
}

TimelineTheme TimelineTheme::print() {
    TimelineTheme t;
    t.kind = Kind::Print;
    t.name = u"print"_s;
    t.background = grey(255);
    t.laneBand = grey(255);
    t.laneBandAlt = grey(243);
    t.laneSeparator = grey(200);
    t.headerBackground = grey(255);
    t.headerText = grey(0);
    t.headerDetail = grey(90);
    t.axisBackground = grey(255);
    t.axisText = grey(40);
    t.axisContextText = grey(0);
    t.axisLine = grey(120);
    t.gridMinor = grey(228);
    t.gridMajor = grey(190);
    t.labelText = grey(0);
    t.labelMuted = grey(70);
    t.clusterFill = grey(255);
    t.clusterBorder = grey(110);
    t.clusterText = grey(30);
    t.density = grey(200);
    t.today = grey(0);
    t.selection = grey(0);
    t.hover = grey(110);
    t.neutralMark = grey(110);
    t.badge = grey(0);
    t.categoryShapes = true;
    return t;
}

std::optional<TimelineTheme> TimelineTheme::fromName(QStringView name) {
    if (name.compare(u"light", Qt::CaseInsensitive) == 0)
        return light();
    if (name.compare(u"dark", Qt::CaseInsensitive) == 0)
        return dark();
    if (name.compare(u"print", Qt::CaseInsensitive) == 0)
        return print();
    return std::nullopt;
}

QColor TimelineTheme::categoryColor(const QList<Category> &categories, int category) const {
    if (category < 0 || category >= categories.size() || !categories[category].color.isValid())
        return neutralMark;
    const QColor c = categories[category].color;
    switch (kind) {
    case Kind::Light:
        return c;
    case Kind::Dark:
        // Slightly lighter and softer on a dark ground.
        return mix(c, QColor(0xffffff), 0.18);
    case Kind::Print: {
        // Alternating dark and mid tones; shapes tell categories apart.
        static constexpr int Tones[] = {40, 110, 70, 140, 25, 95};
        return grey(Tones[category % 6]);
    }
    }
    return c;
}

TimelineTheme::Shape TimelineTheme::shapeFor(int category) const {
    if (!categoryShapes || category < 0)
        return Shape::Circle;
    static constexpr Shape Shapes[] = {Shape::Circle,     Shape::Square,       Shape::Diamond,
                                       Shape::TriangleUp, Shape::TriangleDown, Shape::Hexagon};
    return Shapes[category % 6];
}

QColor TimelineTheme::markFill(QColor base, EventStatus status) const {
    switch (status) {
    case EventStatus::Confirmed:
        return base;
    case EventStatus::Reported:
        return mix(background, base, 0.45); // a paler fill inside the dashed outline
    case EventStatus::Disputed:
        return background; // hatched over the background
    }
    return base;
}

QColor TimelineTheme::markOutline(QColor base, EventStatus status) const {
    if (status == EventStatus::Confirmed)
        return kind == Kind::Dark ? mix(base, QColor(0xffffff), 0.25) : mix(base, grey(0), 0.25);
    return base;
}

QColor TimelineTheme::barFill(QColor base, bool soft) const {
    const double strength = kind == Kind::Dark ? (soft ? 0.22 : 0.38) : (soft ? 0.13 : 0.26);
    return mix(background, base, strength);
}
