#include "model/formats/ArticleTextFormat.h"

#include "model/formats/FormatSupport.h"
#include "model/formats/LooseDate.h"
#include "model/formats/TextDecoding.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

constexpr int TitleLength = 80;
constexpr int ExcerptLength = 400;
constexpr int ExcerptSentences = 3;

QRegularExpression re(const QString &pattern) {
    return QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption |
                                           QRegularExpression::UseUnicodePropertiesOption);
}

int wordCount(QStringView line) {
    return int(line.split(u' ', Qt::SkipEmptyParts).size());
}

bool sameText(const QString &a, const QString &b) {
    return a.simplified().compare(b.simplified(), Qt::CaseInsensitive) == 0;
}

// Running text rather than a headline: long, or several words ending in a full stop.
bool looksLikeParagraph(const QString &line) {
    return line.size() > 200 || (wordCount(line) > 25 && line.endsWith(u'.'));
}

bool isOutletLine(const QString &line, const QString &wholeText, bool hasNext) {
    static const QRegularExpression punctuation(u"[.:!?,;]"_s);
    static const QRegularExpression outletWord =
        re(u"\\b(News|Nachrichten|Online|Zeitung|Times|Post|Journal|Daily|Magazin|Magazine|"
           "Tribune|Herald|Reuters|Press|Presse|Wire|Today|Rundschau|Blatt|Kurier|Tagblatt|"
           "Insider|Review|Gazette|Chronicle|Observer|Guardian|Spiegel|Handelsblatt)$"_s);
    if (!hasNext || line.size() > 40 || wordCount(line) > 4 || line.contains(punctuation))
        return false;
    if (outletWord.match(line).hasMatch())
        return true;
    return wholeText.contains(u"Quelle: "_s + line) || wholeText.contains(u"Source: "_s + line) ||
           wholeText.contains(u'[' + line + u']');
}

bool isCaption(const QString &line) {
    static const QRegularExpression caption =
        re(u"^(Foto|Fotos|Bild|Bilder|Image|Photo|Picture|Credit|Bildquelle)\\s*:"_s);
    return line.size() < 120 && caption.match(line).hasMatch();
}

QString statedOutlet(const QString &line) {
    static const QRegularExpression stated = re(u"(?:Quelle|Source)\\s*:\\s*([^·|•\\n]+)"_s);
    const QRegularExpressionMatch m = stated.match(line);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

bool endsBody(const QString &line) {
    static const QList<QRegularExpression> markers = {
        re(u"^(Schreibe|Hinterlasse)\\s+(einen|uns deinen|uns einen)\\s+Kommentar"_s),
        re(u"^Quelle\\s*&\\s*Bilder"_s),
        re(u"^Quellen(liste)?\\s*:?$"_s),
        re(u"^Sources?\\s*:?$"_s),
        re(u"^\\[?\\d+\\s+Kommentare?\\]?$"_s),
        re(u"^\\[?\\d+\\s+Comments?\\]?$"_s),
        re(u"^\\[[^\\]]+\\]\\s*[·|•]"_s),
        re(u"^[\\p{L}\\d&.-]+(?:\\s[\\p{L}\\d&.-]+){0,2}(?:\\s/\\s[\\p{L}\\d&.-]+(?:\\s[\\p{L}\\d&"
           ".-]+){0,2}){2,}$"_s),
        re(u"^(Leave a (comment|reply)|Related (articles|posts|stories)|Share this|Read more|"
           "Mehr zum Thema|Weitere Artikel|Das könnte (Sie|dich) auch interessieren|"
           "Auch interessant|Kommentare|Comments|Teilen)\\b"_s),
    };
    for (const QRegularExpression &marker : markers) {
        if (marker.match(line).hasMatch())
            return true;
    }
    return false;
}

bool isAbbreviation(QStringView word) {
    static const QSet<QString> abbreviations = {
        u"z"_s,   u"b"_s,   u"bzw"_s,  u"dr"_s,   u"prof"_s, u"mr"_s,  u"mrs"_s,  u"ms"_s,
        u"st"_s,  u"nr"_s,  u"ca"_s,   u"etc"_s,  u"vs"_s,   u"usw"_s, u"inkl"_s, u"evtl"_s,
        u"ggf"_s, u"vgl"_s, u"bspw"_s, u"sog"_s,  u"u"_s,    u"a"_s,   u"d"_s,    u"h"_s,
        u"jr"_s,  u"sr"_s,  u"inc"_s,  u"corp"_s, u"co"_s,   u"ltd"_s, u"no"_s,   u"mio"_s,
        u"mrd"_s, u"jh"_s,  u"e.g"_s,  u"i.e"_s,  u"z.b"_s,  u"u.a"_s, u"d.h"_s};
    QString w = word.toString().toLower();
    while (w.startsWith(u'(') || w.startsWith(u'"') || w.startsWith(u'„'))
        w.remove(0, 1);
    if (abbreviations.contains(w))
        return true;
    // Ordinal day numbers ("12. August"); a year ("2025.") does end a sentence.
    static const QRegularExpression ordinal(u"^\\d{1,2}$"_s);
    if (ordinal.match(w).hasMatch())
        return true;
    return w.size() == 1 && w.at(0).isLetter(); // an initial: "J. Smith"
}

} // namespace

QStringList ArticleTextFormat::splitSentences(QStringView text) {
    QStringList sentences;
    const QString t = text.toString().simplified();
    qsizetype start = 0;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const QChar c = t[i];
        if (c != u'.' && c != u'!' && c != u'?' && c != u'…')
            continue;
        qsizetype end = i + 1;
        while (end < t.size() && u"\"'“”»«)]’"_s.contains(t[end]))
            ++end;
        if (end < t.size() && t[end] != u' ')
            continue;
        const qsizetype next = end + 1;
        if (next < t.size()) {
            const QChar n = t[next];
            if (!(n.isUpper() || n.isDigit() || u"\"„“«(‚'"_s.contains(n)))
                continue;
        }
        if (c == u'.') {
            qsizetype wordStart = i;
            while (wordStart > start && t[wordStart - 1] != u' ')
                --wordStart;
            if (isAbbreviation(QStringView(t).mid(wordStart, i - wordStart)))
                continue;
        }
        sentences.append(t.mid(start, end - start).trimmed());
        start = end;
        i = end;
    }
    const QString rest = t.mid(start).trimmed();
    if (!rest.isEmpty())
        sentences.append(rest);
    return sentences;
}

QString ArticleTextFormat::shortened(const QString &sentence, int maxLength) {
    QString s = sentence.simplified();
    if (s.size() <= maxLength) {
        if (s.endsWith(u'.'))
            s.chop(1);
        return s;
    }
    qsizetype cut = s.lastIndexOf(u' ', maxLength);
    if (cut <= 0)
        cut = maxLength;
    QString head = s.left(cut);
    while (!head.isEmpty() && u",;:-–— "_s.contains(head.back()))
        head.chop(1);
    return head + u'…';
}

QString ArticleTextFormat::detectLanguage(QStringView text) {
    static const QSet<QString> german = {
        u"der"_s,  u"die"_s,   u"das"_s,  u"und"_s, u"ist"_s,  u"nicht"_s, u"mit"_s,  u"von"_s,
        u"zu"_s,   u"den"_s,   u"des"_s,  u"ein"_s, u"eine"_s, u"auf"_s,   u"für"_s,  u"sich"_s,
        u"dem"_s,  u"im"_s,    u"auch"_s, u"es"_s,  u"als"_s,  u"bei"_s,   u"wird"_s, u"hat"_s,
        u"sind"_s, u"einer"_s, u"nach"_s, u"wie"_s, u"aus"_s,  u"dass"_s};
    static const QSet<QString> english = {
        u"the"_s,  u"and"_s,  u"of"_s,  u"to"_s,   u"in"_s,  u"is"_s,   u"that"_s, u"for"_s,
        u"with"_s, u"on"_s,   u"as"_s,  u"was"_s,  u"by"_s,  u"it"_s,   u"are"_s,  u"from"_s,
        u"this"_s, u"be"_s,   u"has"_s, u"have"_s, u"its"_s, u"at"_s,   u"an"_s,   u"which"_s,
        u"were"_s, u"will"_s, u"but"_s, u"not"_s,  u"or"_s,  u"their"_s};
    int de = 0;
    int en = 0;
    static const QRegularExpression nonWord(u"[^\\p{L}]+"_s,
                                            QRegularExpression::UseUnicodePropertiesOption);
    const QStringList words = text.toString().toLower().split(nonWord, Qt::SkipEmptyParts);
    for (const QString &w : words) {
        if (german.contains(w))
            ++de;
        if (english.contains(w))
            ++en;
    }
    if (de >= 3 && de > en)
        return u"de"_s;
    if (en >= 3 && en > de)
        return u"en"_s;
    return {};
}

std::optional<Source> ArticleTextFormat::read(const QByteArray &data, const QString &fileName,
                                              InputError *error) {
    const std::optional<QString> decoded = TextDecoding::decode(data, fileName, error);
    if (!decoded)
        return std::nullopt;
    const auto fail = [&](int line, const QString &message) {
        if (error) {
            *error = InputError{};
            error->file = fileName;
            error->line = line;
            error->message = message;
        }
        return std::nullopt;
    };
    QString text = *decoded;
    text.replace(QChar(0x00A0), u' ');
    QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString &line = lines[i];
        for (const QChar c : std::as_const(line)) {
            if (c.unicode() < 0x20 && c != u'\t' && c != u'\r' && c != u'\f')
                return fail(int(i) + 1, u"binary data, not a text file (control character "
                                        "0x%1)"_s.arg(c.unicode(), 2, 16, QChar(u'0')));
        }
        line = line.simplified();
    }
    const qsizetype n = lines.size();
    const auto nextNonEmpty = [&](qsizetype from) {
        while (from < n && lines.at(from).isEmpty())
            ++from;
        return from;
    };
    qsizetype i = nextNonEmpty(0);
    if (i >= n)
        return fail(0, u"empty file, no article text"_s);

    Source s;
    s.kind = u"news"_s;
    s.notes = u"Imported from "_s + QFileInfo(fileName).fileName();

    if (isOutletLine(lines.at(i), text, nextNonEmpty(i + 1) < n)) {
        s.outlet = lines.at(i);
        i = nextNonEmpty(i + 1);
    }
    QString imageTitle;
    static const QRegularExpression imageLine = re(
        u"^(?:Artikelbild|Beitragsbild|Titelbild|Aufmacherbild)(?: für den Artikel)?\\s*:\\s*(.+)$"_s);
    if (i < n) {
        const QRegularExpressionMatch m = imageLine.match(lines.at(i));
        if (m.hasMatch()) {
            imageTitle = m.captured(1).trimmed();
            i = nextNonEmpty(i + 1);
        }
    }
    const auto takeDateline = [&](const QString &line) {
        if (wordCount(line) > 15 || looksLikeParagraph(line))
            return false;
        const std::optional<PartialDate> date = LooseDate::find(line);
        if (!date)
            return false;
        if (!s.published.isValid())
            s.published = *date;
        if (s.outlet.isEmpty())
            s.outlet = statedOutlet(line);
        return true;
    };
    // A dateline may stand above the headline.
    if (i < n && wordCount(lines.at(i)) <= 8 && takeDateline(lines.at(i)))
        i = nextNonEmpty(i + 1);

    // "By Jane Doe" / "Von Jane Doe und Max Muster" under the headline.
    const auto takeByline = [&](const QString &line) {
        static const QRegularExpression byline = re(
            u"^(?:By|Von)\\s+(\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{L}[\\p{L}.'-]*){1,3}"
            "(?:\\s*(?:,|and|und|&)\\s*\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{L}[\\p{L}.'-]*){1,3})*)$"_s);
        const QRegularExpressionMatch m = byline.match(line);
        if (!m.hasMatch() || wordCount(line) > 12)
            return false;
        static const QRegularExpression separator = re(u"\\s*(?:,|\\band\\b|\\bund\\b|&)\\s*"_s);
        for (const QString &name : m.captured(1).split(separator, Qt::SkipEmptyParts)) {
            const qsizetype space = name.lastIndexOf(u' ');
            s.authors.append(space > 0 ? name.mid(space + 1) + u", "_s + name.left(space) : name);
        }
        return true;
    };

    QStringList body;
    static const QRegularExpression dateMarker =
        re(u"^date\\s+(\\d{4}-\\d{2}-\\d{2})\\b\\s*(.*)$"_s);
    const QRegularExpressionMatch marker =
        i < n ? dateMarker.match(lines.at(i)) : QRegularExpressionMatch();
    if (marker.hasMatch()) {
        if (const auto date = PartialDate::parseIso(marker.captured(1)))
            s.published = *date;
        if (!marker.captured(2).isEmpty())
            body.append(marker.captured(2));
        i = i + 1;
    } else if (i < n && !looksLikeParagraph(lines.at(i))) {
        s.title = lines.at(i);
        i = nextNonEmpty(i + 1);
        while (i < n) {
            const QString &line = lines.at(i);
            if (sameText(line, s.title) || (!imageTitle.isEmpty() && sameText(line, imageTitle)) ||
                isCaption(line) || takeDateline(line) || takeByline(line)) {
                i = nextNonEmpty(i + 1);
                continue;
            }
            break;
        }
    } else if (!imageTitle.isEmpty()) {
        s.title = imageTitle;
    }
    for (; i < n; ++i) {
        const QString &line = lines.at(i);
        if (line.isEmpty())
            continue;
        if (endsBody(line))
            break;
        body.append(line);
    }

    // Headings inside the body carry no full stop; the excerpt is made of running text.
    QStringList paragraphs;
    for (const QString &p : std::as_const(body)) {
        if (wordCount(p) > 12 || p.endsWith(u'.') || p.endsWith(u'!') || p.endsWith(u'?'))
            paragraphs.append(p);
    }
    const QStringList sentences = splitSentences(paragraphs.join(u' '));
    if (s.title.isEmpty()) {
        if (sentences.isEmpty())
            return fail(0, u"no headline or sentence to take a title from"_s);
        s.title = shortened(sentences.first(), TitleLength);
    }
    QString excerpt;
    for (qsizetype k = 0; k < sentences.size() && k < ExcerptSentences; ++k) {
        const QString candidate =
            excerpt.isEmpty() ? sentences.at(k) : excerpt + u' ' + sentences.at(k);
        if (candidate.size() > ExcerptLength) {
            if (excerpt.isEmpty())
                excerpt = shortened(sentences.at(k), ExcerptLength);
            break;
        }
        excerpt = candidate;
    }
    s.excerpt = excerpt;
    s.language = detectLanguage(QString(body.join(u' ') + u' ' + s.title));
    FormatSupport::assignUid(&s, QString());
    return s;
}
