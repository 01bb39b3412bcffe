#include "ui/render/FigureText.h"

#include <algorithm>

namespace {

// Characters after which an address may break across lines.
bool isAddressBreak(QChar c) {
    return c == u'/' || c == u'.' || c == u'-' || c == u'_' || c == u'?' || c == u'&' ||
           c == u'=' || c == u'#';
}

// A word and what sticks to it: usually one run; an address and the ';' after it are two.
struct Token {
    FigureLine runs;
    [[nodiscard]] QString text() const { return FigureText::plain(runs); }
};

void appendRun(FigureLine &line, const QString &text, const QString &href) {
    if (text.isEmpty())
        return;
    if (!line.isEmpty() && line.last().href == href)
        line.last().text += text;
    else
        line.append({text, href});
}

// How many characters of `text` fit into `room`: up to the last address break that fits, or
// any character when `anywhere` (or when there is no break); 0 when nothing fits.
qsizetype fitting(const QString &text, const QFontMetricsF &fm, double room, bool anywhere) {
    qsizetype fit = 0;
    qsizetype lastBreak = 0;
    double width = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        width += fm.horizontalAdvance(text.at(i));
        if (width > room)
            break;
        fit = i + 1;
        if (isAddressBreak(text.at(i)))
            lastBreak = i + 1;
    }
    return lastBreak > 0 && !anywhere ? lastBreak : fit;
}

// Splits a token after its first `count` characters, each run keeping its link.
std::pair<Token, Token> splitToken(const Token &token, qsizetype count) {
    Token head;
    Token rest;
    qsizetype seen = 0;
    for (const FigureRun &run : token.runs) {
        const qsizetype take = std::clamp<qsizetype>(count - seen, 0, run.text.size());
        appendRun(head.runs, run.text.left(take), run.href);
        appendRun(rest.runs, run.text.mid(take), run.href);
        seen += run.text.size();
    }
    return {head, rest};
}

} // namespace

QString FigureText::dateText(qint64 julianDay, DatePrecision precision, const QLocale &locale) {
    const QDate d = QDate::fromJulianDay(julianDay);
    switch (precision) {
    case DatePrecision::Year:
        return QString::number(d.year());
    case DatePrecision::Month:
        return locale.toString(d, QStringLiteral("MMM yyyy"));
    case DatePrecision::Day:
        break;
    }
    // German writes the day as an ordinal: "12. Aug. 2025".
    return locale.toString(d, locale.language() == QLocale::German ? QStringLiteral("d. MMM yyyy")
                                                                   : QStringLiteral("d MMM yyyy"));
}

QString FigureText::capped(const QString &text) {
    return text.size() <= MaxTitle ? text : text.left(MaxTitle).trimmed() + QChar(0x2026);
}

QString FigureText::plain(const FigureLine &line) {
    QString text;
    for (const FigureRun &run : line)
        text += run.text;
    return text;
}

QStringList FigureText::wrap(const QString &text, const QFontMetricsF &fm, double width) {
    QStringList lines;
    for (const FigureLine &line : wrapRuns({{text, {}}}, fm, width))
        lines << plain(line);
    return lines;
}

QList<FigureLine> FigureText::wrapRuns(const QList<FigureRun> &segments, const QFontMetricsF &fm,
                                       double width) {
    // Tokens: maximal stretches without a space, across segment boundaries.
    QList<Token> tokens;
    bool open = false; // the last token may still grow
    for (const FigureRun &segment : segments) {
        const QStringList words = segment.text.split(u' ');
        for (qsizetype k = 0; k < words.size(); ++k) {
            if (k > 0)
                open = false;
            if (words[k].isEmpty())
                continue;
            if (!open)
                tokens.append(Token{});
            appendRun(tokens.last().runs, words[k], segment.href);
            open = true;
        }
    }

    QList<FigureLine> lines;
    FigureLine line;
    double lineWidth = 0;
    const double space = fm.horizontalAdvance(u' ');
    const auto flush = [&] {
        if (!line.isEmpty())
            lines.append(line);
        line.clear();
        lineWidth = 0;
    };
    const auto put = [&](const Token &token, double tokenWidth) {
        if (!line.isEmpty()) {
            appendRun(line, QString(u' '),
                      line.last().href == token.runs.first().href ? token.runs.first().href
                                                                  : QString());
            lineWidth += space;
        }
        for (const FigureRun &run : token.runs)
            appendRun(line, run.text, run.href);
        lineWidth += tokenWidth;
    };
    for (Token token : tokens) {
        double w = fm.horizontalAdvance(token.text());
        const double room = line.isEmpty() ? width : width - lineWidth - space;
        if (w <= room) {
            put(token, w);
            continue;
        }
        // A long address starts on this line if a useful part of it fits.
        if (!line.isEmpty() && w > width && room > width * 0.25) {
            const qsizetype cut = fitting(token.text(), fm, room, false);
            if (cut >= 8) {
                auto [head, rest] = splitToken(token, cut);
                put(head, fm.horizontalAdvance(head.text()));
                token = rest;
                w = fm.horizontalAdvance(token.text());
            }
        }
        flush();
        while (w > width) {
            qsizetype cut = fitting(token.text(), fm, width, false);
            if (cut == 0)
                cut = std::max<qsizetype>(1, fitting(token.text(), fm, width, true));
            auto [head, rest] = splitToken(token, cut);
            put(head, fm.horizontalAdvance(head.text()));
            flush();
            token = rest;
            w = fm.horizontalAdvance(token.text());
        }
        if (!token.runs.isEmpty())
            put(token, w);
    }
    flush();
    return lines;
}
