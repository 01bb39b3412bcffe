#pragma once

// TimelineFigureBuilder: composes one TimelineFigure. Private to the figure's units:
// TimelineFigure.cpp (the page plan: header, timeline, legend, notes, footer; painting),
// FigureNotes.cpp (the source notes: their text, links, columns and pages) and
// FigureLegend.cpp (the legend and its swatches).

#include "ui/render/FigureText.h"
#include "ui/render/TimelineFigure.h"

#include <QFontMetricsF>

#include <cmath>
#include <memory>

class TimelineFigureBuilder {
public:
    TimelineFigureBuilder(const TimelineData &data, const FigureSources::Map &sources,
                          const FigureOptions &options);
    std::shared_ptr<const TimelineFigure> run(QString *error);

private:
    using Figure = TimelineFigure;

    struct NoteBlock {
        Figure::Note note;
        QList<FigureLine> lines;
        double height = 0;
    };
    // One attempt at the page: what a text scale gives.
    struct Plan {
        std::shared_ptr<const TimelineLayout> layout;
        QList<NoteBlock> notes;
        double timelineTop = 0;
        double legendHeight = 0;
        double remarksHeight = 0;
        double notesHeight = 0; // balanced, in columns
        double firstPage = 0;   // header, timeline, remarks and legend: what page one must hold
        double needed = 0;      // the body's height with the timeline at its natural height
        bool hopeless = false;  // hundreds of events fold whatever the text size
    };

    void setScale(double scale);
    [[nodiscard]] Plan plan(FigureOptions::NoteStyle style, double timelineHeight) const;
    [[nodiscard]] std::shared_ptr<const TimelineLayout> layoutFor(double height) const;
    [[nodiscard]] QList<qsizetype> foldedEvents(const TimelineLayout &layout) const;
    [[nodiscard]] QStringList foldedRemarks(const TimelineLayout &layout,
                                            const QList<NoteBlock> &notes) const;
    [[nodiscard]] QList<NoteBlock> notesFor(const TimelineLayout &layout,
                                            FigureOptions::NoteStyle style) const;
    [[nodiscard]] QList<FigureRun> sourceRuns(qint64 eventId, FigureOptions::NoteStyle style,
                                              QHash<qint64, int> &firstNoteOfSource,
                                              int number) const;
    [[nodiscard]] double balancedHeight(const QList<NoteBlock> &notes, qsizetype from,
                                        qsizetype to) const;
    [[nodiscard]] qsizetype fill(const QList<NoteBlock> &notes, qsizetype from,
                                 double height) const;
    double placeNotes(Figure::Page &page, const QList<NoteBlock> &notes, qsizetype from,
                      qsizetype to, double top, double height) const;
    double layoutLegend(Figure::Page &page, const TimelineLayout &layout, double top) const;
    double layoutRemarks(Figure::Page &page, const QStringList &remarks, double top) const;
    double layoutHeader(Figure::Page &page, double top) const;
    [[nodiscard]] double textHeight(Figure::Role role) const {
        return std::ceil(QFontMetricsF(m_figure->m_fonts[role]).lineSpacing());
    }

    std::unique_ptr<TimelineFigure> m_figure;
    TimelineData m_data;
    std::shared_ptr<const TimelineIndex> m_index;
    const FigureSources::Map &m_sources;
    LayoutOptions m_layoutOptions;
    double m_scale = 1;
    double m_margin = 32;
    double m_contentWidth = 0;
    int m_columns = 1;
    double m_columnWidth = 0;
    double m_columnGap = 24;
    double m_gutter = 0;
};
