// timeline_preview: paints the synthetic and the hand-made timelines to PNG files at
// fit-all, one-year and one-month zoom in every theme, for people to look at.
//   timeline_preview [--events N] [--out DIR] [--width W] [--height H]

#include "tests/benchmarks/SyntheticTimeline.h"
#include "ui/render/TimelineLayout.h"
#include "ui/render/TimelinePainter.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSet>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void render(const std::shared_ptr<const TimelineIndex> &index, const TimeScale &scale, QSize size,
            const TimelineTheme &theme, const QString &path, const LayoutOptions &options = {},
            const PaintOptions &paint = {}) {
    const auto layout = TimelineLayout::compute(index, scale, QSizeF(size), options);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    TimelinePainter::paint(p, *layout, theme, paint);
    p.end();
    image.save(path);
    std::printf("%s: %lld placed, %lld clusters\n", qPrintable(path),
                qlonglong(layout->events().size()), qlonglong(layout->clusters().size()));
}

} // namespace

int main(int argc, char **argv) {
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"events"_s, u"Synthetic event count."_s, u"N"_s, u"100000"_s});
    parser.addOption({u"out"_s, u"Output folder."_s, u"DIR"_s, u"/tmp/timeline-preview"_s});
    parser.addOption({u"width"_s, u"Image width."_s, u"W"_s, u"1600"_s});
    parser.addOption({u"height"_s, u"Image height."_s, u"H"_s, u"900"_s});
    parser.process(app);
    const QString out = parser.value(u"out"_s);
    QDir().mkpath(out);
    const QSize size(parser.value(u"width"_s).toInt(), parser.value(u"height"_s).toInt());

    const auto synthetic =
        TimelineIndex::create(SyntheticTimeline::generate(parser.value(u"events"_s).toLongLong()));
    const auto hand = TimelineIndex::create(TimelineData::fromEvents(
        SyntheticTimeline::handMadeEvents(), SyntheticTimeline::categories()));
    const auto handByActor = TimelineIndex::create(hand->data(), LaneGrouping::Actor);

    const double width = TimelineLayout::timeAreaWidth(*synthetic, QSizeF(size));
    const TimeScale fitAll =
        TimeScale::fitting(synthetic->data().minDay(), synthetic->data().maxDay(), width);
    const qint64 y2025 = QDate(2025, 1, 1).toJulianDay();
    const TimeScale year = TimeScale(double(y2025), 365, width);
    const TimeScale month = TimeScale(double(QDate(2025, 4, 1).toJulianDay()), 30, width);
    const double handWidth = TimelineLayout::timeAreaWidth(*hand, QSizeF(size));
    const TimeScale handAll =
        TimeScale::fitting(hand->data().minDay(), hand->data().maxDay(), handWidth);
    const TimeScale handYear = TimeScale(double(y2025), 365, handWidth);

    PaintOptions paint;
    paint.today = QDate(2025, 11, 20);
    LayoutOptions notes;
    for (qsizetype i = 0; i < hand->data().size(); ++i)
        notes.noteNumbers.insert(hand->data().id(i), int(i + 1));
    PaintOptions handPaint = paint;
    handPaint.selectedIds.insert(1015);
    handPaint.hoveredId = 1020;

    for (const TimelineTheme &theme :
         {TimelineTheme::light(), TimelineTheme::dark(), TimelineTheme::print()}) {
        const QString t = theme.name;
        render(synthetic, fitAll, size, theme, out + u"/synthetic-fitall-"_s + t + u".png"_s, {},
               paint);
        render(synthetic, year, size, theme, out + u"/synthetic-year-"_s + t + u".png"_s, {},
               paint);
        render(synthetic, month, size, theme, out + u"/synthetic-month-"_s + t + u".png"_s, {},
               paint);
        render(hand, handAll, size, theme, out + u"/hand-fitall-"_s + t + u".png"_s, notes,
               handPaint);
        render(hand, handYear, size, theme, out + u"/hand-year-"_s + t + u".png"_s, notes,
               handPaint);
    }
    render(handByActor, handAll, size, TimelineTheme::light(), out + u"/hand-actors-light.png"_s,
           {}, handPaint);
    return 0;
}
