#include "ui/render/FigureOptionNames.h"

#include <array>

using namespace Qt::StringLiterals;

namespace {

constexpr std::array allLanes = {LaneGrouping::Category, LaneGrouping::Actor, LaneGrouping::Chip,
                                 LaneGrouping::None};
constexpr std::array allNoteStyles = {FigureOptions::NoteStyle::Full,
                                      FigureOptions::NoteStyle::Short,
                                      FigureOptions::NoteStyle::None};

} // namespace

QString FigureOptionNames::lanes(LaneGrouping lanes) {
    switch (lanes) {
    case LaneGrouping::Category:
        return u"category"_s;
    case LaneGrouping::Actor:
        return u"actor"_s;
    case LaneGrouping::Chip:
        return u"chip"_s;
    case LaneGrouping::None:
        return u"none"_s;
    }
    return {};
}

std::optional<LaneGrouping> FigureOptionNames::lanesFromName(QStringView name) {
    for (LaneGrouping value : allLanes)
        if (lanes(value) == name)
            return value;
    return std::nullopt;
}

QString FigureOptionNames::noteStyle(FigureOptions::NoteStyle style) {
    switch (style) {
    case FigureOptions::NoteStyle::Full:
        return u"full"_s;
    case FigureOptions::NoteStyle::Short:
        return u"short"_s;
    case FigureOptions::NoteStyle::None:
        return u"none"_s;
    }
    return {};
}

std::optional<FigureOptions::NoteStyle> FigureOptionNames::noteStyleFromName(QStringView name) {
    for (FigureOptions::NoteStyle value : allNoteStyles)
        if (noteStyle(value) == name)
            return value;
    return std::nullopt;
}

QString FigureOptionNames::theme(TimelineTheme::Kind kind) {
    switch (kind) {
    case TimelineTheme::Kind::Light:
        return u"light"_s;
    case TimelineTheme::Kind::Dark:
        return u"dark"_s;
    case TimelineTheme::Kind::Print:
        return u"print"_s;
    }
    return {};
}
