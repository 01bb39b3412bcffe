#pragma once

// TimelineFigure: a complete, citable figure of the timeline for reports — title and
// subtitle, the timeline itself (TimelineLayout + TimelinePainter, the code the screen
// uses), a legend of the lanes and statuses, numbered source notes and a quiet attribution
// line. It is composed once, in device-independent units (1/96 inch, so 12 units are 9 pt
// on paper), and painted the same way on every device: a QImage, a QSvgGenerator, a
// QPdfWriter or a preview. The caller scales the painter from units to device pixels.
//
// Notes: every placed event with sources carries a superscript number, numbered in time
// order; the list at the end gives, per number, the event's sources as
// "[n] Outlet, “Title”, date, address" (a source already written out in an earlier note
// is referred to by that note). Text is never below 7 pt at the figure's size; titles,
// legend and notes are measured and wrapped so that nothing overlaps or is clipped. Notes
// that do not fit under the timeline continue on further pages when `paginate` is set
// (PDF), otherwise the figure grows taller than asked (pageSize() says by how much).

#include "model/PartialDate.h"
#include "model/TimelineData.h"
#include "ui/render/FigureSources.h"
#include "ui/render/RelationArcs.h"
#include "ui/render/TimelineIndex.h"
#include "ui/render/TimelineLayout.h"
#include "ui/render/TimelineTheme.h"

#include <QDate>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <array>
#include <memory>
#include <optional>

class QPainter;

struct FigureOptions {
    // The time range shown: from the first day of `from` to the last day of `to`
    // ("2025-04" covers all of April). Either may be left open: the data's first or last
    // event bounds it. Only events reaching into the range appear.
    std::optional<PartialDate> from;
    std::optional<PartialDate> to;
    LaneGrouping lanes = LaneGrouping::Category;
    TimelineTheme::Kind theme = TimelineTheme::Kind::Light;
    QString title;
    QString subtitle;
    // Source notes: full ("Outlet, “Title”, date, address"), short (outlet, title, date: the
    // address stays a link in PDF and SVG) or none.
    enum class NoteStyle : quint8 { Full, Short, None };
    NoteStyle noteStyle = NoteStyle::Full;
    bool dateLabels = false; // "12 Aug 2025 — Title"
    bool footer = true;      // the attribution line at the foot of every page
    QSizeF size{1920, 1080}; // units of 1/96 inch
    double fontScale = 1.0;  // 0.5 .. 3; text stays at 7 pt or more whatever the scale
    // Units per 1/96 inch when the figure is printed: 1 for paper sizes; 1.5 for a slide,
    // which prints at 13.33 × 7.5 in (the presentation programs' widescreen page), so its text
    // is scaled by 1.5 and never below 7 pt there (14 units).
    double printScale = 1.0;
    // When everything does not fit at fontScale, the text shrinks step by step (never below
    // 7 pt) before notes move to further pages (paginate) or the page grows.
    bool shrinkToFit = true;
    QDate exportDate; // for the attribution line; the figure never reads the clock
    // The revision an `export --as-of` drew the timeline as of (0: the timeline as it was when
    // exported): the attribution line says so, for a reader of the printed figure.
    qint64 asOfRevision = 0;
    bool paginate = false; // notes that do not fit continue on more pages (PDF)
    // The figure's language, "de" or "en", independent of the window's; empty: the window's.
    QString language;
    // A policy's lineage (`export --chain EVENT-UID`): the event whose chain the figure
    // draws, and the chain's relations as arcs between the figure's events.
    QString chain;
    QList<RelationArc> relationArcs;
};

class TimelineFigure {
public:
    // The smallest text the figure draws, in units: 7 pt.
    static constexpr double MinTextSize = 7.0 * 96.0 / 72.0;

    struct Note {
        int number = 0;
        qint64 eventId = 0;
        QString text;        // "Outlet, “Title”, 15 April 2025, https://…; …"
        bool folded = false; // an event the timeline could not label: the note names it
    };
    // A clickable stretch of text: a PDF link annotation, an SVG <a>.
    struct Link {
        QRectF rect; // in units, on its page
        QString href;
    };
    // A line of text as drawn, for tests and checks: where and what.
    struct TextBox {
        QRectF rect;
        QString text;
    };

    // Composes the figure; nullptr with a one-line reason in `error` when there is nothing
    // to draw ("no events between 2030-01 and 2030-12").
    [[nodiscard]] static std::shared_ptr<const TimelineFigure>
    compose(const TimelineData &data, const FigureSources::Map &sources,
            const FigureOptions &options, QString *error = nullptr);

    [[nodiscard]] const FigureOptions &options() const { return m_options; }
    [[nodiscard]] const TimelineTheme &theme() const { return m_theme; }
    // Every page has this size (taller than options().size when notes made it grow).
    [[nodiscard]] QSizeF pageSize() const { return m_pageSize; }
    [[nodiscard]] int pageCount() const { return int(m_pages.size()); }
    // Paints page `page` with its top-left corner at the painter's origin, in units.
    void paint(QPainter &painter, int page = 0) const;

    // What was drawn, for tests, the dialog's summary and the attribution line.
    [[nodiscard]] const TimelineLayout &timeline() const { return *m_layout; }
    [[nodiscard]] QRectF timelineRect() const { return m_timelineRect; } // on page 0
    [[nodiscard]] const QList<Note> &notes() const { return m_notes; }
    [[nodiscard]] qsizetype eventCount() const { return m_eventCount; }   // in the range
    [[nodiscard]] qsizetype sourceCount() const { return m_sourceCount; } // distinct, cited
    [[nodiscard]] QString attribution() const { return m_attribution; }
    // Events in the range that the timeline could not label (listed in the notes), and a
    // one-line account of them ("3 of 5,000 events not labelled …"); empty when none.
    [[nodiscard]] qsizetype foldedCount() const { return m_foldedCount; }
    [[nodiscard]] QString foldedSummary() const { return m_foldedSummary; }
    // The text scale the figure settled on (options().fontScale or less, to fit the page).
    [[nodiscard]] double textScale() const { return m_textScale; }
    [[nodiscard]] QList<Link> links(int page) const;
    // Every line of text on a page with its box (timeline labels, axis and lane names too).
    [[nodiscard]] QList<TextBox> textBoxes(int page) const;
    // The range's first and last day (Julian days, inclusive).
    [[nodiscard]] qint64 firstDay() const { return m_firstDay; }
    [[nodiscard]] qint64 lastDay() const { return m_lastDay; }

    TimelineFigure(const TimelineFigure &) = delete;
    TimelineFigure &operator=(const TimelineFigure &) = delete;

private:
    TimelineFigure() = default;
    friend class TimelineFigureBuilder;

    enum Role : quint8 {
        Title,
        Subtitle,
        Legend,
        Heading,
        NoteNumber,
        NoteText,
        Attribution,
        Remark
    };
    static constexpr int RoleCount = Remark + 1;

    struct Text {
        QPointF topLeft;
        QString text;
        Role role = NoteText;
        QString href; // a link: the PDF gets an annotation, the SVG an <a>
    };
    struct LegendItem {
        enum Kind : quint8 {
            Category,
            Confirmed,
            Reported,
            Disputed,
            Unsourced,
            Range,
            InForce,
            Partial,
            Cluster
        };
        Kind kind = Category;
        int category = -1;
        QRectF swatch;
    };
    struct Page {
        QList<Text> texts;
        QList<LegendItem> legend;
        QList<QLineF> rules;
        bool hasTimeline = false;
    };

    void paintLegendSwatch(QPainter &p, const LegendItem &item) const;

    FigureOptions m_options;
    TimelineTheme m_theme;
    std::array<QFont, RoleCount> m_fonts;
    std::shared_ptr<const TimelineLayout> m_layout;
    QRectF m_timelineRect;
    QSizeF m_pageSize;
    QList<Page> m_pages;
    QList<Note> m_notes;
    qsizetype m_eventCount = 0;
    qsizetype m_sourceCount = 0;
    QString m_attribution;
    qint64 m_firstDay = 0;
    qint64 m_lastDay = 0;
    qsizetype m_foldedCount = 0;
    QString m_foldedSummary;
    double m_textScale = 1.0;
    QHash<qint64, QString> m_labelLinks; // event id → its first source's address
};
