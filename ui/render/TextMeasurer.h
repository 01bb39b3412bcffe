#pragma once

// TextMeasurer: measures and elides labels. Latin-1 text (nearly all titles) is measured from
// a table of advances cached per font for the process, about fifty times faster than shaping
// it; other text goes through QFontMetricsF.

#include <QFont>
#include <QFontMetricsF>
#include <QString>

#include <array>
#include <memory>

class TextMeasurer {
public:
    explicit TextMeasurer(const QFont &font)
        : m_fm(font)
        , m_table(tableFor(font)) {}

    [[nodiscard]] double width(const QString &text) const {
        double w = 0;
        for (const QChar c : text) {
            if (c.unicode() > 0xff)
                return m_fm.horizontalAdvance(text);
            w += (*m_table)[c.unicode()];
        }
        return w;
    }

    // `text` shortened with "…" to at most `room`; `width` receives its width.
    [[nodiscard]] QString elided(const QString &text, double room, double *width) const {
        const double ellipsis = (*m_table)[256];
        double w = 0;
        qsizetype fit = 0;
        for (const QChar c : text) {
            if (c.unicode() > 0xff) {
                const QString e = m_fm.elidedText(text, Qt::ElideRight, room);
                *width = m_fm.horizontalAdvance(e);
                return e;
            }
            const double a = (*m_table)[c.unicode()];
            if (w + a + ellipsis > room)
                break;
            w += a;
            ++fit;
        }
        while (fit > 0 && text[fit - 1].isSpace()) {
            --fit;
            w -= (*m_table)[text[fit].unicode()];
        }
        *width = w + ellipsis;
        return text.left(fit) + QChar(0x2026);
    }

    [[nodiscard]] const QFontMetricsF &metrics() const { return m_fm; }

private:
    using Table = std::array<double, 257>; // Latin-1, then the ellipsis

    static std::shared_ptr<const Table> tableFor(const QFont &font);

    QFontMetricsF m_fm;
    std::shared_ptr<const Table> m_table;
};
