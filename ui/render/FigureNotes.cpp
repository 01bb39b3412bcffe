// The figure's source notes: per numbered event its sources ("Outlet, “Title”, date, address"),
// then the events the timeline could not label, each named with its date; wrapped into
// columns with the addresses whole and clickable, and split over pages when asked.

#include "ui/render/TimelineFigureBuilder.h"

#include "ui/render/FigureLanguage.h"

#include <QCoreApplication>
#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Above this many, folded events are counted in words, not listed one by one.
constexpr qsizetype MaxListedFolded = 200;

QString quoted(const QString &text) {
    return FigureLanguage::quoted(FigureText::capped(text.simplified()));
}

} // namespace

QList<FigureRun> TimelineFigureBuilder::sourceRuns(qint64 eventId, FigureOptions::NoteStyle style,
                                                   QHash<qint64, int> &firstNoteOfSource,
                                                   int number) const {
    QList<FigureRun> runs;
    qsizetype seeRun = -1;
    bool firstPart = true;
    for (const FigureSource &source : m_sources.value(eventId)) {
        if (!firstPart)
            runs.append({u"; "_s, {}});
        firstPart = false;
        const QString address = source.address();
        const auto seen = firstNoteOfSource.constFind(source.id);
        if (source.id != 0 && seen != firstNoteOfSource.cend()) {
            if (style == FigureOptions::NoteStyle::Short) {
                // "see [12], [20]": each earlier note named once.
                const QString ref = u"[%1]"_s.arg(*seen);
                if (seeRun >= 0 && runs[seeRun].text.contains(ref)) {
                    if (runs.size() > 1 && runs.last().text == u"; "_s)
                        runs.removeLast();
                } else if (seeRun >= 0 && seeRun == runs.size() - 2) {
                    runs.removeLast();
                    runs[seeRun].text += u", "_s + ref;
                } else {
                    seeRun = runs.size();
                    runs.append(
                        {FigureLanguage::translate("TimelineFigure", "see %1").arg(ref), {}});
                }
                continue;
            }
            const QString who = !source.outlet.trimmed().isEmpty() ? source.outlet.simplified()
                                                                   : quoted(source.title);
            runs.append(
                {FigureLanguage::translate("TimelineFigure", "%1, see [%2]").arg(who).arg(*seen),
                 {}});
            continue;
        }
        if (source.id != 0)
            firstNoteOfSource.insert(source.id, number);
        // Outlet, “Title”, date, address: the address is a link in PDF and SVG; short notes
        // leave it out and link the title instead.
        QList<FigureRun> fields;
        if (!source.outlet.trimmed().isEmpty())
            fields.append({source.outlet.simplified(), {}});
        if (!source.title.trimmed().isEmpty())
            fields.append({quoted(source.title),
                           style == FigureOptions::NoteStyle::Short ? address : QString()});
        if (source.published.isValid())
            fields.append({source.published.toDisplayString(m_layoutOptions.locale), {}});
        if (style == FigureOptions::NoteStyle::Full)
            fields.append(
                address.isEmpty()
                    ? FigureRun{FigureLanguage::translate("TimelineFigure", "no address"), {}}
                    : FigureRun{address, address});
        for (qsizetype k = 0; k < fields.size(); ++k) {
            if (k > 0)
                runs.append({u", "_s, {}});
            runs.append(fields[k]);
        }
    }
    QList<FigureRun> merged;
    for (const FigureRun &run : runs) {
        if (run.text.isEmpty())
            continue;
        if (!merged.isEmpty() && merged.last().href == run.href && run.href.isEmpty())
            merged.last().text += run.text;
        else
            merged.append(run);
    }
    return merged;
}

QList<qsizetype> TimelineFigureBuilder::foldedEvents(const TimelineLayout &layout) const {
    QList<bool> placed(m_data.size(), false);
    for (const PlacedEvent &e : layout.events())
        placed[e.index] = true;
    QList<qsizetype> folded;
    for (qsizetype i = 0; i < m_data.size(); ++i) {
        if (!placed[i])
            folded << i;
    }
    return folded;
}

QList<TimelineFigureBuilder::NoteBlock>
TimelineFigureBuilder::notesFor(const TimelineLayout &layout,
                                FigureOptions::NoteStyle style) const {
    QList<NoteBlock> notes;
    if (style == FigureOptions::NoteStyle::None)
        return notes;
    // What was drawn: the numbers of placed events, in number order.
    QMap<int, qint64> byNumber;
    for (const PlacedEvent &e : layout.events()) {
        if (e.noteNumber > 0)
            byNumber.insert(e.noteNumber, e.id);
    }
    const QFontMetricsF fm(m_figure->m_fonts[TimelineFigure::NoteText]);
    const double lineHeight = textHeight(TimelineFigure::NoteText);
    const double textWidth = m_columnWidth - m_gutter - 2;
    const double pad = std::round(3 * m_scale);
    QHash<qint64, int> firstNoteOfSource;
    const auto add = [&](int number, qint64 id, const QList<FigureRun> &runs, bool folded) {
        NoteBlock block;
        block.note.number = number;
        block.note.eventId = id;
        block.note.folded = folded;
        for (const FigureRun &run : runs)
            block.note.text += run.text;
        block.lines = FigureText::wrapRuns(runs, fm, textWidth);
        if (block.lines.isEmpty())
            block.lines.append(FigureLine{});
        block.height = double(block.lines.size()) * lineHeight + pad;
        notes.append(block);
    };
    for (auto it = byNumber.cbegin(); it != byNumber.cend(); ++it)
        add(it.key(), it.value(), sourceRuns(it.value(), style, firstNoteOfSource, it.key()),
            false);

    // Events the timeline could not label are named here, with their sources.
    const QList<qsizetype> folded = foldedEvents(layout);
    if (folded.isEmpty() || folded.size() > MaxListedFolded)
        return notes;
    int number = byNumber.isEmpty() ? 0 : byNumber.lastKey();
    for (qsizetype i : folded) {
        ++number;
        const qint64 id = m_data.id(i);
        QString title = FigureText::capped(QString::fromUtf8(m_data.titleUtf8(i)).simplified());
        if (title.isEmpty())
            title = FigureLanguage::translate("TimelineFigure", "(untitled)");
        QList<FigureRun> runs{
            {FigureText::dateText(m_data.firstDay(i), m_data.precision(i), m_layoutOptions.locale) +
                 u" \u2014 "_s + title,
             {}}};
        const QList<FigureRun> sources = sourceRuns(id, style, firstNoteOfSource, number);
        if (!sources.isEmpty()) {
            runs.append({u": "_s, {}});
            runs.append(sources);
        }
        add(number, id, runs, true);
    }
    return notes;
}

QStringList TimelineFigureBuilder::foldedRemarks(const TimelineLayout &layout,
                                                 const QList<NoteBlock> &notes) const {
    const QList<qsizetype> folded = foldedEvents(layout);
    if (folded.isEmpty())
        return {};
    const QLocale &locale = m_layoutOptions.locale;
    QHash<qint64, int> numberOf;
    for (const NoteBlock &n : notes) {
        if (n.note.folded)
            numberOf.insert(n.note.eventId, n.note.number);
    }
    if (numberOf.isEmpty()) {
        return {folded.size() == 1
                    ? FigureLanguage::translate("TimelineFigure",
                                                "1 event is not labelled at this size.")
                    : FigureLanguage::translate(
                          "TimelineFigure",
                          "%1 events are not labelled at this size; narrow the range or the "
                          "filters to see them.")
                          .arg(locale.toString(qlonglong(folded.size())))};
    }
    // Grouped by year: "12 events in 2024 not labelled: see notes [14]–[25]".
    QMap<int, QList<int>> byYear;
    for (qsizetype i : folded)
        byYear[QDate::fromJulianDay(m_data.firstDay(i)).year()] << numberOf.value(m_data.id(i));
    const auto numbers = [](const QList<int> &n) {
        return n.size() == 1
                   ? FigureLanguage::translate("TimelineFigure", "see note [%1]").arg(n.first())
                   : FigureLanguage::translate("TimelineFigure", "see notes [%1]\u2013[%2]")
                         .arg(n.first())
                         .arg(n.last());
    };
    QStringList remarks;
    if (byYear.size() > 3) {
        QList<int> all;
        for (const QList<int> &n : byYear)
            all << n;
        remarks << FigureLanguage::translate("TimelineFigure", "%1 events not labelled: %2")
                       .arg(folded.size())
                       .arg(numbers(all));
        return remarks;
    }
    for (auto it = byYear.cbegin(); it != byYear.cend(); ++it) {
        remarks << (it->size() == 1 ? FigureLanguage::translate("TimelineFigure",
                                                                "1 event in %1 not labelled: %2")
                                          .arg(it.key())
                                          .arg(numbers(*it))
                                    : FigureLanguage::translate("TimelineFigure",
                                                                "%1 events in %2 not labelled: %3")
                                          .arg(it->size())
                                          .arg(it.key())
                                          .arg(numbers(*it)));
    }
    return remarks;
}

double TimelineFigureBuilder::layoutRemarks(Figure::Page &page, const QStringList &remarks,
                                            double top) const {
    const QFontMetricsF fm(m_figure->m_fonts[TimelineFigure::Remark]);
    double y = top;
    for (const QString &remark : remarks) {
        for (const QString &line : FigureText::wrap(remark, fm, m_contentWidth - 2)) {
            page.texts.append({QPointF(m_margin, y), line, TimelineFigure::Remark, {}});
            y += textHeight(TimelineFigure::Remark);
        }
    }
    return y - top;
}

// How many notes from `from` fit, column by column, into `m_columns` columns of `height`.
qsizetype TimelineFigureBuilder::fill(const QList<NoteBlock> &notes, qsizetype from,
                                      double height) const {
    qsizetype i = from;
    for (int c = 0; c < m_columns && i < notes.size(); ++c) {
        double used = 0;
        while (i < notes.size() && used + notes[i].height <= height + 0.01) {
            used += notes[i].height;
            ++i;
        }
    }
    return i;
}

// The least column height that holds notes [from, to) in the columns.
double TimelineFigureBuilder::balancedHeight(const QList<NoteBlock> &notes, qsizetype from,
                                             qsizetype to) const {
    double lo = 0;
    double hi = 0;
    for (qsizetype i = from; i < to; ++i) {
        lo = std::max(lo, notes[i].height);
        hi += notes[i].height;
    }
    const QList<NoteBlock> part = notes.mid(from, to - from);
    for (int k = 0; k < 40 && hi - lo > 0.5; ++k) {
        const double mid = (lo + hi) / 2;
        if (fill(part, 0, mid) >= part.size())
            hi = mid;
        else
            lo = mid;
    }
    return std::ceil(hi);
}

// Places notes [from, to) in columns of `height` from `top`; returns the height used.
double TimelineFigureBuilder::placeNotes(TimelineFigure::Page &page, const QList<NoteBlock> &notes,
                                         qsizetype from, qsizetype to, double top,
                                         double height) const {
    const double lineHeight = textHeight(TimelineFigure::NoteText);
    const QFontMetricsF fm(m_figure->m_fonts[TimelineFigure::NoteText]);
    qsizetype i = from;
    double used = 0;
    for (int c = 0; c < m_columns && i < to; ++c) {
        const double left = m_margin + c * (m_columnWidth + m_columnGap);
        double y = 0;
        while (i < to && y + notes[i].height <= height + 0.01) {
            const QString number = u"[%1]"_s.arg(notes[i].note.number);
            page.texts.append({QPointF(left, top + y), number, TimelineFigure::NoteNumber, {}});
            double lineTop = top + y;
            for (const FigureLine &line : notes[i].lines) {
                double x = left + m_gutter;
                for (const FigureRun &run : line) {
                    page.texts.append(
                        {QPointF(x, lineTop), run.text, TimelineFigure::NoteText, run.href});
                    x += fm.horizontalAdvance(run.text);
                }
                lineTop += lineHeight;
            }
            y += notes[i].height;
            ++i;
        }
        used = std::max(used, y);
    }
    return used;
}
