#pragma once

// TimelineLayoutBuilder: computes one TimelineLayout (see there for what it places). Private
// to the layout's own units: TimelineLayout.cpp (the frame: axis, lanes, density),
// LanePlacement.cpp (the screen's bounded placement per bin, with "+N" clusters) and
// FigureLanePlacement.cpp (figures: every label in full, lanes as tall as they need).

#include "ui/render/RowOccupancy.h"
#include "ui/render/TextMeasurer.h"
#include "ui/render/TimelineLayout.h"

#include <QFontMetricsF>
#include <QStringList>

#include <algorithm>
#include <memory>
#include <vector>

class TimelineLayoutBuilder {
public:
    static constexpr double RefDay =
        2451545.0;                        // 2000-01-01: origin of the bin grid (pan-stable bins)
    static constexpr double LaneGapY = 0; // lanes touch; bands alternate in the painter
    static constexpr double LanePadTop = 6;
    static constexpr double LanePadBottom = 3;
    static constexpr double HeaderPad = 10;
    static constexpr double SwatchSize = 10;
    static constexpr double RightMargin = 12;
    static constexpr double LabelGap = 5;    // between a mark and its text
    static constexpr double SlotGap = 10;    // between two occupied stretches of a row
    static constexpr double MinBarWidth = 7; // narrower spans are drawn as points

    TimelineLayoutBuilder(std::shared_ptr<const TimelineIndex> index, const TimeScale &scale,
                          QSizeF viewport, const LayoutOptions &options)
        : m_measure(options.labelFont)
        , m_measureSmall(options.smallFont)
        , m_fmLabel(options.labelFont)
        , m_fmBold(boldOf(options.labelFont))
        , m_fmHeader(options.headerFont)
        , m_fmAxis(options.axisFont)
        , m_fmSmall(options.smallFont) {
        m_layout.reset(new TimelineLayout);
        m_layout->m_index = std::move(index);
        m_layout->m_scale = scale;
        m_layout->m_options = options;
        m_layout->m_viewport = viewport;
    }

    static QFont boldOf(QFont f) {
        f.setWeight(QFont::DemiBold);
        return f;
    }

    static double headerWidthFor(const TimelineIndex &index, double width,
                                 const LayoutOptions &options) {
        if (options.headerWidth > 0)
            return std::min(options.headerWidth, width * 0.5);
        const QFontMetricsF fm(options.headerFont);
        double w = 0;
        for (int l = 0; l < index.laneCount(); ++l)
            w = std::max(w, fm.horizontalAdvance(index.lane(l).name));
        w += SwatchSize + 3 * HeaderPad;
        // At most a quarter of the width: enough for the longer German lane names
        // ("Modellveröffentlichungen", "US-Politik & Abkommen") beside the Details dock.
        return std::clamp(w, 96.0, std::max(96.0, width * 0.25));
    }

    std::shared_ptr<const TimelineLayout> run();

    // "+N", "+1.2k", "+34k", "+1.2M".
    [[nodiscard]] static QString compactCount(qsizetype n);
    [[nodiscard]] static double markRadius(int importance);

private:
    struct Geometry {
        MarkShape shape;
        double markLeft, markRight, textLeftIfRight;
        bool continuesLeft, continuesRight;
    };
    struct Bin {
        qint64 fromDay, toDay;
        qsizetype lo, hi; // positions in the lane
        qsizetype placed = 0;
        double left, right; // x of the bin (viewport)
    };

    // What placing an event reads first: its days and flags, from the index's arrays (in
    // order) or from the data (candidateOf()).
    struct Candidate {
        quint32 index; // into TimelineData
        qint32 firstDay;
        qint32 lastDay;
        quint16 flags; // TimelineData::flags()
    };
    Candidate candidateOf(qsizetype i) const;
    Geometry geometryOf(const Candidate &c) const;
    // Rows whose bit in `rowMask` is clear are not tried (rows from the 64th on always are).
    bool tryPlace(int laneIndex, const Candidate &c, std::vector<RowOccupancy> &rows,
                  double laneTop, quint64 rowMask = ~quint64(0));
    void layoutLane(int laneIndex, LaneBox &box);
    // A "+N" pill for `c.count` centred at `centreX` (kept in the time area) in a lane's strip.
    void makePill(ClusterMark &c, double centreX, double stripTop) const;
    // "1 event", "1,234 events", shortened to `room`.
    [[nodiscard]] QString laneDetail(qsizetype visible, double room) const;

    // Figures (LayoutOptions::labelEveryEvent; FigureLanePlacement.cpp): every event of a lane
    // is placed with its whole label, in as many rows as it takes, before the lanes' heights
    // and positions are known; layoutFigureLanes() then stacks the lanes.
    struct FigureLabel {
        Candidate candidate;
        Geometry geometry;
        int row = 0;      // the label's first row
        int lines = 1;    // 1 or 2
        int markRow = -1; // a bar under its label ("above"): its own row; -1: beside the text
        bool inside = false;
        bool onLeft = false;
        double textLeft = 0;
        QString line1, line2;
        double width1 = 0, width2 = 0;
        int note = 0; // as tryPlace(): -1 numbered after the layout
        bool elided = false;
    };
    struct FigureLane {
        std::vector<FigureLabel> labels;
        std::vector<quint32> unplaced; // data indices, time order
        int rows = 0;
        QStringList nameLines;
        qsizetype visible = 0;
    };
    [[nodiscard]] QString figureLabelText(qsizetype i) const;
    [[nodiscard]] bool placeFigureLabel(const Candidate &c, std::vector<RowOccupancy> &rows,
                                        FigureLabel &out) const;
    [[nodiscard]] FigureLane placeFigureLane(int laneIndex, double headerTextWidth) const;
    void layoutFigureLanes(double lanesTop, double headerWidth, double timeWidth, double width);
    void addFigureLabel(const FigureLabel &label, int laneIndex, double rowsTop, double pitch);
    void addFigureClusters(const FigureLane &lane, int laneIndex, const LaneBox &box);

    std::unique_ptr<TimelineLayout> m_layout;
    TextMeasurer m_measure;
    TextMeasurer m_measureSmall;
    QFontMetricsF m_fmLabel;
    QFontMetricsF m_fmBold;
    QFontMetricsF m_fmHeader;
    QFontMetricsF m_fmAxis;
    QFontMetricsF m_fmSmall;
    double m_rowHeight = 20;
    double m_labelHeight = 14; // m_fmLabel.height(), which is not free
    double m_smallHeight = 12; // m_fmSmall.height()
    double m_stripHeight = 16;
    int m_rows = 3;
    double m_minLabelWidth = 60;
    double m_binWidth = 48;
    double m_badgeSize = 10;
    double m_noteReserve = 0;
    std::vector<qsizetype> m_densityCounts; // all lanes, laneCount × columns
    qsizetype m_densityMax = 0;
    std::vector<QRectF> m_densityRuns; // one lane's density rectangles, while they are made
    std::vector<Interval> m_gaps;      // free stretches near a bin (layoutLane)
};
