#pragma once

#include <QList>
#include <QString>
#include <QStringView>

// A link found in HTML: where it points and the words it was on.
struct HtmlLink {
    QString url;
    QString text;

    friend bool operator==(const HtmlLink &, const HtmlLink &) = default;
};

// The small bridge between the HTML other timeline tools keep in their text fields and the
// Markdown our summaries are written in. Raw HTML is never kept: what has no Markdown
// counterpart is dropped, keeping its text.
class HtmlMarkdown {
public:
    // <b>/<strong> → **, <i>/<em> → *, <a href> → [text](url) for http, https and mailto
    // (other links keep only their text), <p>/<div>/<li>/<h1>… → paragraphs (blank line),
    // <br> → line break, entities decoded, whitespace collapsed as a browser would, every
    // other tag stripped (script and style with their content). Each http(s) link is also
    // appended to *links.
    [[nodiscard]] static QString toMarkdown(QStringView html, QList<HtmlLink> *links = nullptr);
    // The text a reader sees, on one line: tags stripped, entities decoded, whitespace
    // collapsed.
    [[nodiscard]] static QString toPlainText(QStringView html);
    // The inverse of toMarkdown for the subset it writes: paragraphs → <p>, line breaks →
    // <br>, ** → <b>, * → <i>, [text](url) → <a href>, backslash escapes; text is escaped.
    [[nodiscard]] static QString fromMarkdown(QStringView markdown);

    // Markdown's special characters in plain text, backslash-escaped, and back.
    [[nodiscard]] static QString escapeMarkdown(QStringView text);
    [[nodiscard]] static QString unescapeMarkdown(QStringView text);
    [[nodiscard]] static QString escapeHtml(QStringView text);
    // "&amp;" → "&", "&#233;" → "é"; unknown entities are kept as written.
    [[nodiscard]] static QString decodeEntities(QStringView text);
};
