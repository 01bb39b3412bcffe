#include "model/formats/HtmlMarkdown.h"

#include "model/formats/FormatSupport.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

struct NamedEntity {
    QStringView name;
    char16_t value;
};

constexpr NamedEntity Entities[] = {
    {u"amp", u'&'},         {u"lt", u'<'},          {u"gt", u'>'},          {u"quot", u'"'},
    {u"apos", u'\''},       {u"nbsp", u'\u00A0'},   {u"ndash", u'\u2013'},  {u"mdash", u'\u2014'},
    {u"hellip", u'\u2026'}, {u"lsquo", u'\u2018'},  {u"rsquo", u'\u2019'},  {u"ldquo", u'\u201C'},
    {u"rdquo", u'\u201D'},  {u"sbquo", u'\u201A'},  {u"bdquo", u'\u201E'},  {u"laquo", u'\u00AB'},
    {u"raquo", u'\u00BB'},  {u"euro", u'\u20AC'},   {u"copy", u'\u00A9'},   {u"reg", u'\u00AE'},
    {u"trade", u'\u2122'},  {u"deg", u'\u00B0'},    {u"middot", u'\u00B7'}, {u"bull", u'\u2022'},
    {u"auml", u'\u00E4'},   {u"ouml", u'\u00F6'},   {u"uuml", u'\u00FC'},   {u"Auml", u'\u00C4'},
    {u"Ouml", u'\u00D6'},   {u"Uuml", u'\u00DC'},   {u"szlig", u'\u00DF'},  {u"eacute", u'\u00E9'},
    {u"egrave", u'\u00E8'}, {u"aacute", u'\u00E1'}, {u"agrave", u'\u00E0'}, {u"ccedil", u'\u00E7'},
    {u"ntilde", u'\u00F1'}, {u"oacute", u'\u00F3'}, {u"iacute", u'\u00ED'}, {u"uacute", u'\u00FA'},
    {u"times", u'\u00D7'},  {u"shy", u'\u00AD'},    {u"thinsp", u'\u2009'}, {u"ensp", u'\u2002'},
    {u"emsp", u'\u2003'},   {u"zwj", u'\u200D'},    {u"zwnj", u'\u200C'},   {u"pound", u'\u00A3'},
    {u"yen", u'\u00A5'},    {u"cent", u'\u00A2'},   {u"sect", u'\u00A7'},   {u"para", u'\u00B6'},
};

bool isWebLink(const QString &url) {
    return FormatSupport::startsWithIgnoringCase(url, "http://"_L1) ||
           FormatSupport::startsWithIgnoringCase(url, "https://"_L1);
}

bool isAllowedLink(const QString &url) {
    return isWebLink(url) || FormatSupport::startsWithIgnoringCase(url, "mailto:"_L1);
}

bool isSpace(QChar c) {
    return c.isSpace();
}

struct Tag {
    QString name; // lower case
    bool closing = false;
    QString href;
};

// Parses the tag starting at html[i] == '<'; returns the index after '>' or -1.
qsizetype parseTag(QStringView html, qsizetype i, Tag *tag) {
    qsizetype p = i + 1;
    if (p < html.size() && html.at(p) == u'/') {
        tag->closing = true;
        ++p;
    }
    const qsizetype nameStart = p;
    while (p < html.size() && (html.at(p).isLetterOrNumber()))
        ++p;
    if (p == nameStart)
        return -1;
    tag->name = html.mid(nameStart, p - nameStart).toString().toLower();
    // Attributes, minding quotes, up to '>'.
    while (p < html.size() && html.at(p) != u'>') {
        if (isSpace(html.at(p)) || html.at(p) == u'/') {
            ++p;
            continue;
        }
        const qsizetype attrStart = p;
        while (p < html.size() && !isSpace(html.at(p)) && html.at(p) != u'=' && html.at(p) != u'>')
            ++p;
        const QString attr = html.mid(attrStart, p - attrStart).toString().toLower();
        while (p < html.size() && isSpace(html.at(p)))
            ++p;
        QString value;
        if (p < html.size() && html.at(p) == u'=') {
            ++p;
            while (p < html.size() && isSpace(html.at(p)))
                ++p;
            if (p < html.size() && (html.at(p) == u'"' || html.at(p) == u'\'')) {
                const QChar quote = html.at(p);
                const qsizetype end = html.indexOf(quote, p + 1);
                if (end < 0)
                    return -1;
                value = html.mid(p + 1, end - p - 1).toString();
                p = end + 1;
            } else {
                const qsizetype valueStart = p;
                while (p < html.size() && !isSpace(html.at(p)) && html.at(p) != u'>')
                    ++p;
                value = html.mid(valueStart, p - valueStart).toString();
            }
        }
        if (attr == u"href"_s)
            tag->href = HtmlMarkdown::decodeEntities(value).trimmed();
    }
    if (p >= html.size())
        return -1;
    return p + 1;
}

// Builds Markdown (or plain text) paragraph by paragraph as the tags come.
class Converter {
public:
    // `sizeHint`: about how long a paragraph can get (the HTML's length), so it is not
    // reallocated as it grows.
    Converter(bool markdown, qsizetype sizeHint)
        : m_markdown(markdown) {
        m_current.reserve(sizeHint);
    }

    void text(QStringView raw) {
        QString decodedText;
        QStringView decoded = raw;
        if (raw.contains(u'&')) {
            decodedText = HtmlMarkdown::decodeEntities(raw);
            decoded = decodedText;
        }
        if (m_inLink)
            m_linkText += decoded;
        const qsizetype size = decoded.size();
        qsizetype i = 0;
        while (i < size) {
            if (isCollapsedSpace(decoded[i])) {
                m_pendingSpace = true;
                ++i;
                continue;
            }
            if (m_pendingSpace && m_openMarker) {
                // "<b> word</b>": the space belongs before the marker, not inside it.
                const qsizetype at = m_current.size() - m_lastOpen.size();
                if (at > 0 && m_current.at(at - 1) != u' ' && m_current.at(at - 1) != u'\n')
                    m_current.insert(at, u' ');
            } else if (m_pendingSpace && !m_current.isEmpty() && !m_current.endsWith(u'\n')) {
                flushSpace();
            }
            m_pendingSpace = false;
            m_openMarker = false;
            // The characters up to the next Markdown special or collapsing space, appended as a
            // whole. A single ' ' between two of them stays as it is, so it is taken along.
            const auto plain = [this](QChar c) {
                return !isCollapsedSpace(c) && !isEscaped(c);
            };
            qsizetype end = i;
            while (end < size) {
                if (plain(decoded[end]))
                    ++end;
                else if (end > i && decoded[end] == u' ' && end + 1 < size &&
                         plain(decoded[end + 1]))
                    end += 2;
                else
                    break;
            }
            if (end > i) {
                m_current += decoded.sliced(i, end - i);
                i = end;
                continue;
            }
            m_current += u'\\';
            m_current += decoded[i];
            ++i;
        }
    }

    void marker(const QString &mark, bool opening) {
        if (!m_markdown)
            return;
        if (opening) {
            if (m_pendingSpace && !m_current.isEmpty() && !m_current.endsWith(u'\n'))
                m_current += u' ';
            m_pendingSpace = false;
            m_current += mark;
            m_openMarker = true;
            m_lastOpen = mark;
            return;
        }
        if (m_openMarker && m_current.endsWith(mark) && m_lastOpen == mark) {
            m_current.chop(mark.size()); // an empty <b></b>
            m_openMarker = false;
            return;
        }
        m_current += mark; // a pending space stays pending and lands after the marker
    }

    void openLink(const QString &href) {
        m_inLink = true;
        m_linkText.clear();
        m_href = href;
        if (m_markdown && isAllowedLink(href)) {
            if (m_pendingSpace && !m_current.isEmpty() && !m_current.endsWith(u'\n'))
                m_current += u' ';
            m_pendingSpace = false;
            m_current += u'[';
            m_openMarker = true;
            m_lastOpen = u"["_s;
        }
    }

    void closeLink(QList<HtmlLink> *links) {
        if (!m_inLink)
            return;
        m_inLink = false;
        if (m_markdown && isAllowedLink(m_href)) {
            if (m_openMarker && m_current.endsWith(u'[')) {
                m_current.chop(1);
                m_openMarker = false;
            } else {
                m_current += u"]("_s + QString(m_href).replace(u' ', u"%20"_s) + u')';
            }
        }
        if (links && isWebLink(m_href))
            *links << HtmlLink{m_href, m_linkText.simplified()};
    }

    void lineBreak() {
        m_pendingSpace = false;
        if (!m_markdown) {
            m_pendingSpace = true;
            return;
        }
        trimEnd();
        if (!m_current.isEmpty())
            m_current += u'\n';
    }

    void paragraph() {
        m_pendingSpace = false;
        trimEnd();
        while (m_current.endsWith(u'\n'))
            m_current.chop(1);
        if (!m_current.isEmpty()) {
            // Copied (not shared), so the paragraph being written keeps its room.
            if (!m_result.isEmpty())
                m_result += m_markdown ? u"\n\n"_s : u" "_s;
            m_result.append(m_current.constData(), m_current.size());
        }
        m_current.truncate(0);
        if (!m_markdown)
            m_pendingSpace = true;
    }

    // The paragraphs joined by a blank line (Markdown) or a space (plain text).
    QString result() {
        paragraph();
        m_result.squeeze();
        return m_result;
    }

private:
    // Spaces collapse as in a browser; a no-break space is text.
    static bool isCollapsedSpace(QChar c) { return isSpace(c) && c != QChar(u'\u00A0'); }
    // What Markdown would read as formatting is written with a backslash.
    bool isEscaped(QChar c) const {
        return m_markdown && (c == u'\\' || c == u'*' || c == u'[' || c == u']');
    }
    void flushSpace() { m_current += u' '; }
    void trimEnd() {
        while (m_current.endsWith(u' '))
            m_current.chop(1);
    }

    bool m_markdown;
    QString m_result;  // the paragraphs done
    QString m_current; // the paragraph being written
    bool m_pendingSpace = false;
    bool m_openMarker = false;
    QString m_lastOpen;
    bool m_inLink = false;
    QString m_href;
    QString m_linkText;
};

QString convert(QStringView html, bool markdown, QList<HtmlLink> *links) {
    Converter out(markdown, html.size());
    qsizetype i = 0;
    qsizetype textStart = 0;
    const auto flushText = [&](qsizetype end) {
        if (end > textStart)
            out.text(html.mid(textStart, end - textStart));
    };
    while (i < html.size()) {
        i = html.indexOf(u'<', i);
        if (i < 0)
            break;
        if (html.mid(i).startsWith(u"<!--")) {
            flushText(i);
            const qsizetype end = html.indexOf(u"-->", i + 4);
            i = end < 0 ? html.size() : end + 3;
            textStart = i;
            continue;
        }
        Tag tag;
        const qsizetype after = parseTag(html, i, &tag);
        if (after < 0) {
            ++i; // a lone '<' is text
            continue;
        }
        flushText(i);
        i = after;
        textStart = i;
        const QString &n = tag.name;
        if (n == u"script"_s || n == u"style"_s) {
            if (!tag.closing) {
                const qsizetype end = html.indexOf(QString(u"</"_s + n), i, Qt::CaseInsensitive);
                const qsizetype close = end < 0 ? -1 : html.indexOf(u'>', end);
                i = close < 0 ? html.size() : close + 1;
                textStart = i;
            }
        } else if (n == u"b"_s || n == u"strong"_s) {
            out.marker(u"**"_s, !tag.closing);
        } else if (n == u"i"_s || n == u"em"_s) {
            out.marker(u"*"_s, !tag.closing);
        } else if (n == u"a"_s) {
            if (tag.closing)
                out.closeLink(links);
            else
                out.openLink(tag.href);
        } else if (n == u"br"_s) {
            out.lineBreak();
        } else if (n == u"p"_s || n == u"div"_s || n == u"ul"_s || n == u"ol"_s || n == u"li"_s ||
                   n == u"blockquote"_s || n == u"table"_s || n == u"tr"_s ||
                   (n.size() == 2 && n.at(0) == u'h' && n.at(1).isDigit())) {
            out.paragraph();
        }
    }
    flushText(html.size());
    return out.result();
}

} // namespace

QString HtmlMarkdown::decodeEntities(QStringView text) {
    if (!text.contains(u'&'))
        return text.toString();
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c != u'&') {
            out += c;
            ++i;
            continue;
        }
        const qsizetype semi = text.indexOf(u';', i + 1);
        if (semi < 0 || semi - i > 12) {
            out += c;
            ++i;
            continue;
        }
        const QStringView name = text.mid(i + 1, semi - i - 1);
        bool decoded = false;
        if (name.startsWith(u'#')) {
            bool ok = false;
            const uint code = (name.size() > 1 && (name.at(1) == u'x' || name.at(1) == u'X'))
                                  ? name.mid(2).toUInt(&ok, 16)
                                  : name.mid(1).toUInt(&ok, 10);
            if (ok && code > 0 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF)) {
                const char32_t cp = code;
                out += QString::fromUcs4(&cp, 1);
                decoded = true;
            }
        } else {
            for (const NamedEntity &entity : Entities) {
                if (entity.name == name) {
                    out += QChar(entity.value);
                    decoded = true;
                    break;
                }
            }
        }
        if (decoded) {
            i = semi + 1;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

QString HtmlMarkdown::toMarkdown(QStringView html, QList<HtmlLink> *links) {
    return convert(html, true, links);
}

QString HtmlMarkdown::toPlainText(QStringView html) {
    return convert(html, false, nullptr);
}

QString HtmlMarkdown::escapeMarkdown(QStringView text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\' || c == u'*' || c == u'[' || c == u']')
            out += u'\\';
        out += c;
    }
    return out;
}

QString HtmlMarkdown::unescapeMarkdown(QStringView text) {
    if (!text.contains(u'\\'))
        return text.toString();
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\\' && i + 1 < text.size() && text.at(i + 1).isPunct())
            ++i;
        out += text.at(i);
    }
    return out;
}

QString HtmlMarkdown::escapeHtml(QStringView text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += u"&amp;";
            break;
        case u'<':
            out += u"&lt;";
            break;
        case u'>':
            out += u"&gt;";
            break;
        case u'"':
            out += u"&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

namespace {

// Inline Markdown of one paragraph → HTML.
QString inlineHtml(QStringView md) {
    QString out;
    bool bold = false;
    bool italic = false;
    qsizetype i = 0;
    while (i < md.size()) {
        const QChar c = md.at(i);
        if (c == u'\\' && i + 1 < md.size() && md.at(i + 1).isPunct()) {
            out += HtmlMarkdown::escapeHtml(md.mid(i + 1, 1));
            i += 2;
            continue;
        }
        if (c == u'*' && i + 1 < md.size() && md.at(i + 1) == u'*') {
            out += bold ? u"</b>"_s : u"<b>"_s;
            bold = !bold;
            i += 2;
            continue;
        }
        if (c == u'*') {
            out += italic ? u"</i>"_s : u"<i>"_s;
            italic = !italic;
            ++i;
            continue;
        }
        if (c == u'[') {
            // Find the matching ']' (minding escapes) followed by '(' url ')'.
            qsizetype j = i + 1;
            while (j < md.size() && md.at(j) != u']') {
                if (md.at(j) == u'\\')
                    ++j;
                ++j;
            }
            if (j + 1 < md.size() && md.at(j + 1) == u'(') {
                const qsizetype close = md.indexOf(u')', j + 2);
                if (close > 0) {
                    const QString url = md.mid(j + 2, close - j - 2).toString();
                    out += u"<a href=\""_s + HtmlMarkdown::escapeHtml(url) + u"\">"_s +
                           inlineHtml(md.mid(i + 1, j - i - 1)) + u"</a>"_s;
                    i = close + 1;
                    continue;
                }
            }
        }
        if (c == u'\n') {
            out += u"<br>"_s;
            ++i;
            continue;
        }
        out += HtmlMarkdown::escapeHtml(md.mid(i, 1));
        ++i;
    }
    if (italic)
        out += u"</i>"_s;
    if (bold)
        out += u"</b>"_s;
    return out;
}

} // namespace

QString HtmlMarkdown::fromMarkdown(QStringView markdown) {
    QString normalized = markdown.toString();
    normalized.replace(u"\r\n"_s, u"\n"_s);
    QString out;
    const QStringList paragraphs = normalized.split(u"\n\n"_s);
    for (const QString &paragraph : paragraphs) {
        const QString p = paragraph.trimmed();
        if (p.isEmpty())
            continue;
        out += u"<p>"_s + inlineHtml(p) + u"</p>"_s;
    }
    return out;
}
