#include "model/formats/BibTexFormat.h"

#include "model/MonthNames.h"

#include "model/formats/FormatSupport.h"
#include "model/formats/LooseDate.h"
#include "model/formats/TextDecoding.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Accent {
    QChar command;
    char16_t mark; // combining character
};

constexpr Accent Accents[] = {
    {u'"', 0x0308}, {u'\'', 0x0301}, {u'`', 0x0300}, {u'^', 0x0302}, {u'~', 0x0303}, {u'=', 0x0304},
    {u'.', 0x0307}, {u'u', 0x0306},  {u'v', 0x030C}, {u'H', 0x030B}, {u'c', 0x0327}, {u'k', 0x0328},
    {u'r', 0x030A}, {u'd', 0x0323},  {u'b', 0x0331}, {u't', 0x0361},
};

struct Symbol {
    QStringView command;
    QStringView text;
};

// The first command for a text is the one written on export.
constexpr Symbol Symbols[] = {
    {u"ss", u"ß"},
    {u"o", u"ø"},
    {u"O", u"Ø"},
    {u"ae", u"æ"},
    {u"AE", u"Æ"},
    {u"oe", u"œ"},
    {u"OE", u"Œ"},
    {u"aa", u"å"},
    {u"AA", u"Å"},
    {u"l", u"ł"},
    {u"L", u"Ł"},
    {u"i", u"ı"},
    {u"j", u"ȷ"},
    {u"SS", u"ẞ"},
    {u"textendash", u"–"},
    {u"textemdash", u"—"},
    {u"textquoteleft", u"‘"},
    {u"textquoteright", u"’"},
    {u"textquotedblleft", u"“"},
    {u"textquotedblright", u"”"},
    {u"quotedblbase", u"„"},
    {u"guillemotleft", u"«"},
    {u"guillemotright", u"»"},
    {u"texteuro", u"€"},
    {u"euro", u"€"},
    {u"pounds", u"£"},
    {u"textbackslash", u"\\"},
    {u"textasciitilde", u"~"},
    {u"textasciicircum", u"^"},
    {u"textbraceleft", u"{"},
    {u"textbraceright", u"}"},
    {u"textunderscore", u"_"},
    {u"textdollar", u"$"},
    {u"textellipsis", u"…"},
    {u"dots", u"…"},
    {u"ldots", u"…"},
    {u"textdegree", u"°"},
    {u"S", u"§"},
    {u"P", u"¶"},
    {u"copyright", u"©"},
    {u"textregistered", u"®"},
    {u"texttrademark", u"™"},
};

char16_t accentMark(QChar command) {
    for (const Accent &a : Accents) {
        if (a.command == command)
            return a.mark;
    }
    return 0;
}

qsizetype matchingBrace(QStringView s, qsizetype open) {
    int depth = 0;
    for (qsizetype i = open; i < s.size(); ++i) {
        if (s[i] == u'\\') {
            ++i;
            continue;
        }
        if (s[i] == u'{')
            ++depth;
        else if (s[i] == u'}' && --depth == 0)
            return i;
    }
    return -1;
}

void decodeInto(QStringView s, QString &out);

// Decodes the command starting at s[i] == '\\' into out; returns the index after it.
qsizetype decodeCommand(QStringView s, qsizetype i, QString &out) {
    if (i + 1 >= s.size()) {
        out += u'\\';
        return i + 1;
    }
    const QChar first = s[i + 1];
    qsizetype j = i + 2;
    QString name(first);
    if (first.isLetter() && first.unicode() < 128) {
        while (j < s.size() && s[j].isLetter() && s[j].unicode() < 128)
            ++j;
        name = s.mid(i + 1, j - i - 1).toString();
    }
    const bool word = first.isLetter();
    if (!word) {
        if (u"&%$#_{}"_s.contains(first)) {
            out += first;
            return j;
        }
        if (first == u'\\' || first.isSpace()) {
            out += u' ';
            return j;
        }
    }
    const char16_t mark = name.size() == 1 ? accentMark(name.at(0)) : 0;
    if (mark) {
        if (word) {
            while (j < s.size() && s[j].isSpace())
                ++j;
        }
        QString base;
        if (j < s.size() && s[j] == u'{') {
            const qsizetype close = matchingBrace(s, j);
            const qsizetype end = close < 0 ? s.size() : close;
            decodeInto(s.mid(j + 1, end - j - 1), base);
            j = end + 1;
        } else if (j < s.size() && s[j] == u'\\') {
            j = decodeCommand(s, j, base);
        } else if (j < s.size()) {
            base = s[j];
            ++j;
        }
        if (base.startsWith(u'ı'))
            base[0] = u'i';
        else if (base.startsWith(u'ȷ'))
            base[0] = u'j';
        if (base.isEmpty())
            out += QChar(mark);
        else
            out += base.left(1) + QChar(mark) + base.mid(1);
        return std::min(j, s.size());
    }
    if (word) {
        // A control word swallows the spaces after it, and an empty group: "\ss{}".
        while (j < s.size() && s[j].isSpace())
            ++j;
        if (j + 1 < s.size() && s[j] == u'{' && s[j + 1] == u'}')
            j += 2;
        for (const Symbol &sym : Symbols) {
            if (name == sym.command) {
                out += sym.text;
                return j;
            }
        }
        return j; // \emph, \textit, \url…: keep the argument, which follows as a group
    }
    out += first;
    return j;
}

void decodeInto(QStringView s, QString &out) {
    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s[i];
        if (c == u'\\') {
            i = decodeCommand(s, i, out);
            continue;
        }
        if (c == u'{' || c == u'}') {
            ++i;
            continue;
        }
        if (c == u'-') {
            qsizetype n = 1;
            while (i + n < s.size() && s[i + n] == u'-')
                ++n;
            if (n == 2)
                out += u'–';
            else if (n >= 3)
                out += u'—' + QString(n - 3, u'-');
            else
                out += u'-';
            i += n;
            continue;
        }
        if (c == u'~') {
            out += QChar(0x00A0);
            ++i;
            continue;
        }
        if ((c == u'`' || c == u'\'') && i + 1 < s.size() && s[i + 1] == c) {
            out += c == u'`' ? u'“' : u'”';
            i += 2;
            continue;
        }
        out += c;
        ++i;
    }
}

QString encodeChar(QStringView s, qsizetype i) {
    const QChar c = s[i];
    const QChar next = i + 1 < s.size() ? s[i + 1] : QChar();
    if (c.unicode() < 128) {
        switch (c.unicode()) {
        case u'&':
        case u'%':
        case u'$':
        case u'#':
        case u'_':
            return u"\\"_s + c;
        case u'{':
            return u"\\textbraceleft{}"_s;
        case u'}':
            return u"\\textbraceright{}"_s;
        case u'\\':
            return u"\\textbackslash{}"_s;
        case u'~':
            return u"\\textasciitilde{}"_s;
        case u'^':
            return u"\\textasciicircum{}"_s;
        case u'-':
        case u'`':
        case u'\'':
            // "--" and "``" mean dashes and quotes to LaTeX; keep them literal.
            return next == c ? QString(c) + u"{}"_s : QString(c);
        default:
            return QString(c);
        }
    }
    switch (c.unicode()) {
    case 0x2013:
        return u"--"_s;
    case 0x2014:
        return u"---"_s;
    case 0x00A0:
        return u"~"_s;
    case 0x201C:
        return u"``"_s;
    case 0x201D:
        return u"''"_s;
    default:
        break;
    }
    for (const Symbol &sym : Symbols) {
        if (sym.text.size() == 1 && sym.text[0] == c && sym.command.at(0).isLower() &&
            sym.command.size() <= 2)
            return u"{\\"_s + sym.command + u'}';
        if (sym.text.size() == 1 && sym.text[0] == c && sym.command.size() <= 2)
            return u"{\\"_s + sym.command + u'}';
    }
    const QString decomposed = QString(c).normalized(QString::NormalizationForm_D);
    if (decomposed.size() == 2 && decomposed.at(0).unicode() < 128 && decomposed.at(0).isLetter()) {
        for (const Accent &a : Accents) {
            if (decomposed.at(1).unicode() == a.mark) {
                const QChar base = decomposed.at(0);
                if (a.command.isLetter())
                    return u"{\\"_s + a.command + u'{' + base + u"}}"_s;
                return u"{\\"_s + a.command + base + u'}';
            }
        }
    }
    return QString(c); // BibLaTeX with biber reads UTF-8; nothing better to write
}

QString encodePlain(QStringView text) {
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i)
        out += encodeChar(text, i);
    return out;
}

bool needsProtection(QStringView word, bool firstWord) {
    for (qsizetype i = 0; i < word.size(); ++i) {
        if (word[i].isUpper() && (i > 0 || !firstWord))
            return true;
    }
    return false;
}

struct TypeKind {
    QStringView type;
    QStringView subtype;
    QStringView kind;
};

// The first entry for a kind is what is written on export.
constexpr TypeKind TypeKinds[] = {
    {u"article", u"newspaper", u"news"},
    {u"article", u"magazine", u"news"},
    {u"online", u"", u"web"},
    {u"www", u"", u"web"},
    {u"electronic", u"", u"web"},
    {u"report", u"", u"report"},
    {u"techreport", u"", u"report"},
    {u"legislation", u"", u"official"},
    {u"legal", u"", u"official"},
    {u"jurisdiction", u"", u"official"},
    {u"article", u"", u"paper"},
    {u"inproceedings", u"", u"paper"},
    {u"conference", u"", u"paper"},
    {u"thesis", u"", u"paper"},
    {u"phdthesis", u"", u"paper"},
    {u"mastersthesis", u"", u"paper"},
    {u"book", u"", u"book"},
    {u"incollection", u"", u"book"},
    {u"inbook", u"", u"book"},
    {u"misc", u"", u"other"},
    {u"unpublished", u"", u"other"},
    {u"manual", u"", u"other"},
    {u"booklet", u"", u"other"},
};

// Fields with a column of their own, or written by the writer itself.
const QSet<QString> &mappedFields() {
    static const QSet<QString> set = {u"title"_s,    u"journaltitle"_s, u"journal"_s, u"author"_s,
                                      u"date"_s,     u"year"_s,         u"month"_s,   u"day"_s,
                                      u"url"_s,      u"urldate"_s,      u"doi"_s,     u"langid"_s,
                                      u"abstract"_s, u"note"_s};
    return set;
}

// BibTeX/BibLaTeX fields that travel in the notes and are written back on export.
const QSet<QString> &noteFields() {
    static const QSet<QString> set = {u"addendum"_s,
                                      u"address"_s,
                                      u"annotation"_s,
                                      u"annote"_s,
                                      u"booktitle"_s,
                                      u"chapter"_s,
                                      u"edition"_s,
                                      u"editor"_s,
                                      u"eid"_s,
                                      u"entrysubtype"_s,
                                      u"eprint"_s,
                                      u"eprintclass"_s,
                                      u"eprinttype"_s,
                                      u"eventdate"_s,
                                      u"eventtitle"_s,
                                      u"file"_s,
                                      u"howpublished"_s,
                                      u"institution"_s,
                                      u"isbn"_s,
                                      u"issn"_s,
                                      u"issue"_s,
                                      u"issuetitle"_s,
                                      u"journalsubtitle"_s,
                                      u"keywords"_s,
                                      u"language"_s,
                                      u"location"_s,
                                      u"number"_s,
                                      u"organization"_s,
                                      u"origdate"_s,
                                      u"pages"_s,
                                      u"pagetotal"_s,
                                      u"publisher"_s,
                                      u"pubstate"_s,
                                      u"school"_s,
                                      u"series"_s,
                                      u"shorttitle"_s,
                                      u"subtitle"_s,
                                      u"titleaddon"_s,
                                      u"translator"_s,
                                      u"type"_s,
                                      u"venue"_s,
                                      u"version"_s,
                                      u"volume"_s,
                                      u"library"_s,
                                      u"abstract_note"_s};
    return set;
}

struct CanonicalField {
    QStringView bib;
    QStringView field;
};

// Names shared with the other formats' note lines (CSL variable names).
constexpr CanonicalField CanonicalFields[] = {
    {u"publisher", u"publisher"},
    {u"location", u"publisher-place"},
    {u"pages", u"page"},
};

QString noteKeyForField(const QString &bib) {
    if (bib == u"address"_s)
        return u"publisher-place"_s;
    for (const CanonicalField &c : CanonicalFields) {
        if (bib == c.bib)
            return c.field.toString();
    }
    return bib;
}

QString fieldForNoteKey(const QString &key) {
    for (const CanonicalField &c : CanonicalFields) {
        if (key == c.field)
            return c.bib.toString();
    }
    if (noteFields().contains(key))
        return key;
    return {};
}

QString asciiFold(const QString &text) {
    QString out;
    for (const QChar c : text.normalized(QString::NormalizationForm_KD)) {
        if (c == u'ß')
            out += u"ss"_s;
        else if (c.unicode() < 128 && c.isLetterOrNumber())
            out += c.toLower();
    }
    return out;
}

struct RawEntry {
    QString type;
    QString key;
    int line = 0;
    QList<std::pair<QString, QString>> fields; // name (lower case), raw value
    QHash<QString, int> fieldLines;
};

class Parser {
public:
    Parser(QStringView text, const QString &fileName, InputError *error)
        : m_text(text)
        , m_file(fileName)
        , m_error(error) {
        m_lineStarts.append(0);
        for (qsizetype i = 0; i < m_text.size(); ++i) {
            if (m_text[i] == u'\n')
                m_lineStarts.append(i + 1);
        }
        for (int month = 1; month <= 12; ++month) {
            const QString name = MonthNames::englishName(month).toString();
            m_macros.insert(name.left(3).toLower(), name);
        }
    }

    std::optional<QList<RawEntry>> parse() {
        QList<RawEntry> entries;
        while (true) {
            const qsizetype at = nextEntryStart();
            if (at < 0)
                break;
            m_pos = at + 1;
            const int line = lineAt(at);
            const QString type = readIdentifier().toLower();
            skipSpace();
            if (type.isEmpty() || m_pos >= m_text.size() ||
                (m_text[m_pos] != u'{' && m_text[m_pos] != u'(')) {
                return fail(line, u"unknown entry syntax: @%1 must be followed by { or ("_s.arg(
                                      type.isEmpty() ? QString() : type));
            }
            const QChar close = m_text[m_pos] == u'{' ? u'}' : u')';
            const qsizetype open = m_pos;
            ++m_pos;
            if (type == u"comment"_s || type == u"preamble"_s) {
                if (!skipGroup(open, close))
                    return fail(line, u"@%1: unbalanced braces (no closing %2 before end of "
                                      "file)"_s.arg(type, close));
                continue;
            }
            if (type == u"string"_s) {
                skipSpace();
                const QString name = readIdentifier().toLower();
                skipSpace();
                if (name.isEmpty() || !consume(u'='))
                    return fail(lineAt(m_pos), u"@string: expected name = value"_s);
                std::optional<QString> value = readValue(u"@string"_s, name, line);
                if (!value)
                    return std::nullopt;
                skipSpace();
                if (!consume(close))
                    return fail(lineAt(m_pos), u"@string %1: expected %2"_s.arg(name, close));
                m_macros.insert(name, *value);
                continue;
            }
            RawEntry entry;
            entry.type = type;
            entry.line = line;
            skipSpace();
            const qsizetype keyStart = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] != u',' && m_text[m_pos] != close &&
                   !m_text[m_pos].isSpace())
                ++m_pos;
            entry.key = m_text.mid(keyStart, m_pos - keyStart).toString();
            const QString where = u"entry \"%1\""_s.arg(entry.key);
            while (true) {
                skipSpace();
                if (m_pos >= m_text.size()) {
                    // The usual cause: a value missing its closing brace swallowed the
                    // fields after it. Name that field.
                    static const QRegularExpression swallowed(u"\\n\\s*[A-Za-z]+\\s*="_s);
                    QString hint;
                    for (const auto &[fieldName, fieldValue] : std::as_const(entry.fields)) {
                        if (swallowed.match(fieldValue).hasMatch()) {
                            hint =
                                u"; field \"%1\" at line %2 has no closing }"_s.arg(fieldName).arg(
                                    entry.fieldLines.value(fieldName));
                            break;
                        }
                    }
                    return fail(line, where + u" starting at line %1: unbalanced braces (no "
                                              "closing %2 before end of file%3)"_s.arg(line)
                                                  .arg(close, hint));
                }
                if (m_text[m_pos] == close) {
                    ++m_pos;
                    break;
                }
                if (m_text[m_pos] == u',') {
                    ++m_pos;
                    continue;
                }
                const int fieldLine = lineAt(m_pos);
                const QString name = readIdentifier().toLower();
                if (name.isEmpty())
                    return fail(fieldLine, where + u": expected a field name, found \"%1\""_s.arg(
                                                       m_text[m_pos]));
                skipSpace();
                if (!consume(u'='))
                    return fail(fieldLine,
                                where + u": expected = after field name \"%1\""_s.arg(name));
                std::optional<QString> value = readValue(where, name, line);
                if (!value)
                    return std::nullopt;
                entry.fields.append({name, *value});
                entry.fieldLines.insert(name, fieldLine);
                skipSpace();
                if (m_pos < m_text.size() && m_text[m_pos] != u',' && m_text[m_pos] != close)
                    return fail(lineAt(m_pos),
                                where +
                                    u": expected , or %1 after field \"%2\""_s.arg(close, name));
            }
            entries.append(entry);
        }
        return entries;
    }

private:
    std::nullopt_t fail(int line, const QString &message) {
        if (m_error) {
            *m_error = InputError{};
            m_error->file = m_file;
            m_error->line = line;
            m_error->message = message;
        }
        return std::nullopt;
    }

    int lineAt(qsizetype pos) const {
        // m_lineStarts[k] is where line k + 1 starts; large files ask for many lines.
        const auto it = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), pos);
        return int(it - m_lineStarts.cbegin());
    }

    // An '@' that starts a line (after spaces) starts an entry; others are comment text.
    qsizetype nextEntryStart() {
        qsizetype at = m_pos;
        while (true) {
            at = m_text.indexOf(u'@', at);
            if (at < 0)
                return -1;
            qsizetype k = at - 1;
            while (k >= 0 && (m_text[k] == u' ' || m_text[k] == u'\t'))
                --k;
            if (k < 0 || m_text[k] == u'\n' || m_text[k] == u'\r' || m_text[k] == u'}')
                return at;
            ++at;
        }
    }

    QString readIdentifier() {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()) {
            const QChar c = m_text[m_pos];
            if (c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u':' || c == u'.' ||
                c == u'+' || c == u'/')
                ++m_pos;
            else
                break;
        }
        return m_text.mid(start, m_pos - start).toString();
    }

    void skipSpace() {
        while (m_pos < m_text.size() && m_text[m_pos].isSpace())
            ++m_pos;
    }

    bool consume(QChar c) {
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    bool skipGroup(qsizetype open, QChar close) {
        if (close == u')') {
            const qsizetype end = m_text.indexOf(u')', open);
            if (end < 0)
                return false;
            m_pos = end + 1;
            return true;
        }
        int depth = 0;
        for (qsizetype i = open; i < m_text.size(); ++i) {
            if (m_text[i] == u'{')
                ++depth;
            else if (m_text[i] == u'}' && --depth == 0) {
                m_pos = i + 1;
                return true;
            }
        }
        return false;
    }

    std::optional<QString> readValue(const QString &where, const QString &field, int entryLine) {
        Q_UNUSED(entryLine);
        QString value;
        while (true) {
            skipSpace();
            if (m_pos >= m_text.size())
                return fail(lineAt(m_pos), where + u": field \"%1\" has no value"_s.arg(field));
            const QChar c = m_text[m_pos];
            const int valueLine = lineAt(m_pos);
            if (c == u'{' || c == u'"') {
                int depth = 0;
                const qsizetype start = m_pos;
                qsizetype i = m_pos;
                bool closed = false;
                for (; i < m_text.size(); ++i) {
                    const QChar d = m_text[i];
                    if (d == u'\\' && i + 1 < m_text.size() && (m_text[i + 1] == u'"')) {
                        ++i;
                        continue;
                    }
                    if (d == u'{') {
                        ++depth;
                    } else if (d == u'}') {
                        --depth;
                        if (depth < 0 && c == u'"')
                            return fail(valueLine,
                                        where + u": field \"%1\" has no closing \""_s.arg(field));
                        if (depth < 0)
                            return fail(
                                lineAt(i),
                                where + u": unbalanced braces in field \"%1\" (} without {)"_s.arg(
                                            field));
                        if (depth == 0 && c == u'{') {
                            closed = true;
                            break;
                        }
                    } else if (d == u'"' && c == u'"' && depth == 0 && i > start) {
                        closed = true;
                        break;
                    }
                }
                if (!closed)
                    return fail(
                        valueLine,
                        where + u": unbalanced braces in field \"%1\" (no closing %2 "
                                "before end of file)"_s.arg(field, c == u'{' ? u"}"_s : u"\""_s));
                value += m_text.mid(start + 1, i - start - 1);
                m_pos = i + 1;
            } else if (c.isDigit()) {
                const qsizetype start = m_pos;
                while (m_pos < m_text.size() && m_text[m_pos].isDigit())
                    ++m_pos;
                value += m_text.mid(start, m_pos - start);
            } else {
                const QString name = readIdentifier().toLower();
                if (name.isEmpty())
                    return fail(valueLine, where + u": field \"%1\" has no value"_s.arg(field));
                const auto it = m_macros.constFind(name);
                if (it == m_macros.cend())
                    return fail(valueLine,
                                where +
                                    u": undefined macro \"%1\" in field \"%2\""_s.arg(name, field));
                value += it.value();
            }
            skipSpace();
            if (!consume(u'#'))
                return value;
        }
    }

    QStringView m_text;
    QString m_file;
    InputError *m_error;
    qsizetype m_pos = 0;
    QHash<QString, QString> m_macros;
    QList<qsizetype> m_lineStarts;
};

QString cleanUrl(const QString &raw) {
    QString out;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] == u'\\' && i + 1 < raw.size() && u"%_&#$~"_s.contains(raw[i + 1]))
            continue;
        out += raw[i];
    }
    return out.trimmed();
}

// Removing braces can bring two spaces together ("a { b}" → "a  b"); BibTeX reads any run
// of blanks as one, so the text must too, or our export of it reads back differently.
QString collapseSpaces(QString text) {
    qsizetype out = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u' ' && out > 0 && text[out - 1] == u' ')
            continue;
        text[out++] = text[i];
    }
    text.truncate(out);
    return text;
}

QString decodeText(const QString &raw, bool keepLines) {
    if (!keepLines)
        return collapseSpaces(BibTexFormat::decodeLatex(raw.simplified())).trimmed();
    QStringList lines = raw.split(u'\n');
    for (QString &line : lines)
        line = collapseSpaces(BibTexFormat::decodeLatex(line.simplified()));
    return lines.join(u'\n').trimmed();
}

// Splits at " and " outside braces.
QStringList splitNames(const QString &raw) {
    QStringList names;
    int depth = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw[i];
        if (c == u'{')
            ++depth;
        else if (c == u'}')
            --depth;
        else if (depth == 0 && c.isSpace()) {
            qsizetype j = i;
            while (j < raw.size() && raw[j].isSpace())
                ++j;
            if (raw.mid(j, 3).compare(u"and"_s, Qt::CaseInsensitive) == 0 && j + 3 < raw.size() &&
                raw[j + 3].isSpace()) {
                names.append(raw.mid(start, i - start));
                start = j + 3;
                i = j + 2;
            }
        }
    }
    names.append(raw.mid(start));
    QStringList result;
    for (const QString &n : names) {
        if (!n.trimmed().isEmpty())
            result.append(n.simplified());
    }
    return result;
}

QString authorFromBib(const QString &raw) {
    if (raw.startsWith(u'{') && matchingBrace(raw, 0) == raw.size() - 1)
        return BibTexFormat::decodeLatex(raw.mid(1, raw.size() - 2)).trimmed();
    QStringList parts;
    int depth = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] == u'{')
            ++depth;
        else if (raw[i] == u'}')
            --depth;
        else if (raw[i] == u',' && depth == 0) {
            parts.append(raw.mid(start, i - start));
            start = i + 1;
        }
    }
    parts.append(raw.mid(start));
    if (parts.size() >= 2) {
        const QString family = BibTexFormat::decodeLatex(parts.at(0)).trimmed();
        QStringList given;
        for (qsizetype i = parts.size() - 1; i >= 1; --i)
            given.append(BibTexFormat::decodeLatex(parts.at(i)).trimmed());
        return family + u", "_s + given.join(u", "_s);
    }
    // "Given von Family": the family name is the last word and any lower-case words before it.
    QStringList words;
    depth = 0;
    start = 0;
    for (qsizetype i = 0; i <= raw.size(); ++i) {
        if (i < raw.size() && raw[i] == u'{')
            ++depth;
        else if (i < raw.size() && raw[i] == u'}')
            --depth;
        else if (i == raw.size() || (raw[i] == u' ' && depth == 0)) {
            if (i > start)
                words.append(raw.mid(start, i - start));
            start = i + 1;
        }
    }
    if (words.size() < 2)
        return BibTexFormat::decodeLatex(raw).trimmed();
    qsizetype familyStart = words.size() - 1;
    while (familyStart > 1 && words.at(familyStart - 1).at(0).isLower())
        --familyStart;
    const QString family = BibTexFormat::decodeLatex(words.mid(familyStart).join(u' ')).trimmed();
    const QString given = BibTexFormat::decodeLatex(words.mid(0, familyStart).join(u' ')).trimmed();
    return family + u", "_s + given;
}

std::optional<PartialDate> parseBibDate(const QString &value) {
    QString v = value.trimmed();
    const qsizetype slash = v.indexOf(u'/'); // a range "2025-08-12/2025-08-14": its start
    if (slash > 0 && v.indexOf(u'-') > 0)
        v = v.left(slash);
    return LooseDate::parse(v);
}

} // namespace

QString BibTexFormat::decodeLatex(QStringView latex) {
    QString out;
    decodeInto(latex, out);
    return out.normalized(QString::NormalizationForm_C);
}

QString BibTexFormat::encodeLatex(QStringView text, bool protectCapitals) {
    if (!protectCapitals)
        return encodePlain(text);
    QString out;
    qsizetype i = 0;
    bool firstWord = true;
    while (i < text.size()) {
        if (text[i] == u' ') {
            out += u' ';
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < text.size() && text[j] != u' ')
            ++j;
        const QStringView word = text.mid(i, j - i);
        const QString encoded = encodePlain(word);
        out += needsProtection(word, firstWord) ? u'{' + encoded + u'}' : encoded;
        firstWord = false;
        i = j;
    }
    return out;
}

QString BibTexFormat::kindForType(const QString &entryType, const QString &subtype) {
    const QString type = entryType.toLower();
    if (type == u"article"_s) {
        if (subtype == u"newspaper"_s || subtype == u"magazine"_s)
            return u"news"_s;
        return u"paper"_s;
    }
    for (const TypeKind &tk : TypeKinds) {
        if (type == tk.type)
            return tk.kind.toString();
    }
    return u"other"_s;
}

std::pair<QString, QString> BibTexFormat::typeForKind(const QString &kind) {
    for (const TypeKind &tk : TypeKinds) {
        if (kind == tk.kind)
            return {tk.type.toString(), tk.subtype.toString()};
    }
    return {u"misc"_s, QString()};
}

QStringList BibTexFormat::citationKeys(const QList<Source> &sources) {
    QStringList keys;
    QSet<QString> used;
    for (const Source &s : sources) {
        QString name;
        if (!s.authors.isEmpty()) {
            const auto [family, given] = FormatSupport::splitAuthor(s.authors.first());
            const QString literalOrFamily = family.isEmpty() ? given : family;
            const QStringList words = literalOrFamily.split(u' ', Qt::SkipEmptyParts);
            // "van der Berg" → "berg"; a literal "Eulerpool Research" → "eulerpool"
            name = asciiFold(family.isEmpty() ? words.value(0) : words.value(words.size() - 1));
        }
        if (name.isEmpty() && !s.outlet.isEmpty())
            name = asciiFold(s.outlet.split(u' ', Qt::SkipEmptyParts).value(0));
        if (name.isEmpty())
            name = u"anon"_s;
        QString word;
        for (const QString &w : s.title.split(u' ', Qt::SkipEmptyParts)) {
            word = asciiFold(w);
            if (!word.isEmpty())
                break;
        }
        QString key =
            name + (s.published.isValid() ? QString::number(s.published.year()) : QString()) + word;
        if (used.contains(key)) {
            for (int n = 0;; ++n) {
                const QString suffix = n < 26 ? QString(QChar(u'a' + n)) : QString::number(n - 24);
                if (!used.contains(key + suffix)) {
                    key += suffix;
                    break;
                }
            }
        }
        used.insert(key);
        keys.append(key);
    }
    return keys;
}

std::optional<QList<Source>> BibTexFormat::read(const QByteArray &data, const QString &fileName,
                                                InputError *error) {
    const std::optional<QString> text = TextDecoding::decode(data, fileName, error);
    if (!text)
        return std::nullopt;
    Parser parser(*text, fileName, error);
    const std::optional<QList<RawEntry>> entries = parser.parse();
    if (!entries)
        return std::nullopt;
    QList<Source> sources;
    for (const RawEntry &e : *entries) {
        QHash<QString, QString> f;
        for (const auto &[name, value] : e.fields) {
            if (!f.contains(name))
                f.insert(name, value);
        }
        Source s;
        s.title = decodeText(f.value(u"title"_s), false);
        if (s.title.isEmpty()) {
            if (error) {
                *error = InputError{};
                error->file = fileName;
                error->line = e.line;
                error->message = u"entry \"%1\": no title"_s.arg(e.key);
            }
            return std::nullopt;
        }
        const QString subtype = decodeText(f.value(u"entrysubtype"_s), false);
        s.kind = kindForType(e.type, subtype);
        const auto [bestType, bestSubtype] = typeForKind(s.kind);
        QString extras;
        if (e.type != bestType)
            FormatSupport::addNoteField(&extras, u"entrytype"_s, e.type);
        bool subtypeUsed = subtype == bestSubtype;
        s.outlet = decodeText(f.value(u"journaltitle"_s, f.value(u"journal"_s)), false);
        bool institutionUsed = false;
        if (s.outlet.isEmpty() && s.kind == u"report"_s) {
            s.outlet = decodeText(f.value(u"institution"_s), false);
            institutionUsed = !s.outlet.isEmpty();
        }
        for (const QString &name : splitNames(f.value(u"author"_s))) {
            if (name.compare(u"others"_s, Qt::CaseInsensitive) != 0)
                s.authors.append(authorFromBib(name));
        }
        QString dateNote;
        if (f.contains(u"date"_s)) {
            const std::optional<PartialDate> d =
                parseBibDate(decodeText(f.value(u"date"_s), false));
            if (d)
                s.published = *d;
            else
                FormatSupport::addNoteField(&dateNote, u"date"_s, f.value(u"date"_s));
        }
        if (!s.published.isValid() && f.contains(u"year"_s)) {
            // "[1990] 2002" (first published, this edition), "2002a", "c. 1990": the last
            // four-digit year is the edition's; the field as written is kept when it says more.
            static const QRegularExpression lastYear(u"(\\d{4})(?!.*\\d{4})"_s);
            const QString yearText = decodeText(f.value(u"year"_s), false).trimmed();
            const QRegularExpressionMatch yearMatch = lastYear.match(yearText);
            const int year = yearMatch.hasMatch() ? yearMatch.captured(1).toInt() : 0;
            if (yearText != yearMatch.captured(1))
                FormatSupport::addNoteField(&dateNote, u"year"_s, yearText);
            const QString monthText = decodeText(f.value(u"month"_s), false);
            int month = monthText.toInt();
            if (month == 0)
                month = LooseDate::monthFromName(monthText);
            const int day = decodeText(f.value(u"day"_s), false).toInt();
            s.published = day > 0     ? PartialDate::fromYmd(year, month, day)
                          : month > 0 ? PartialDate::fromYearMonth(year, month)
                                      : PartialDate::fromYear(year);
        }
        if (f.contains(u"urldate"_s)) {
            const std::optional<PartialDate> d =
                parseBibDate(decodeText(f.value(u"urldate"_s), false));
            if (d)
                s.accessed = *d;
            else
                FormatSupport::addNoteField(&dateNote, u"urldate"_s, f.value(u"urldate"_s));
        }
        s.url = cleanUrl(f.value(u"url"_s));
        // Classic BibTeX has no url field: styles of its time put the address in howpublished.
        bool howpublishedUsed = false;
        if (s.url.isEmpty() && f.contains(u"howpublished"_s)) {
            static const QRegularExpression address(
                u"^\\s*(?:\\\\url\\s*\\{([^{}]*)\\}|(https?://\\S+))\\s*$"_s);
            const QRegularExpressionMatch m = address.match(f.value(u"howpublished"_s));
            if (m.hasMatch()) {
                s.url = cleanUrl(m.captured(1).isEmpty() ? m.captured(2) : m.captured(1));
                howpublishedUsed = true;
            }
        }
        s.doi = cleanUrl(f.value(u"doi"_s));
        bool languageUsed = false;
        if (f.contains(u"langid"_s)) {
            s.language = FormatSupport::languageCode(decodeText(f.value(u"langid"_s), false));
        } else if (f.contains(u"language"_s)) {
            s.language = FormatSupport::languageCode(decodeText(f.value(u"language"_s), false));
            languageUsed = true;
        }
        s.excerpt = decodeText(f.value(u"abstract"_s), true);
        s.notes = decodeText(f.value(u"note"_s), true);
        for (const auto &[name, value] : e.fields) {
            if (mappedFields().contains(name) || (name == u"entrysubtype"_s && subtypeUsed) ||
                (name == u"institution"_s && institutionUsed) ||
                (name == u"language"_s && languageUsed) ||
                (name == u"howpublished"_s && howpublishedUsed))
                continue;
            if (name == u"entrysubtype"_s)
                subtypeUsed = true; // only once
            const QString decoded = decodeText(value, false);
            if (!decoded.isEmpty())
                FormatSupport::addNoteField(&extras, noteKeyForField(name), decoded);
        }
        for (const QString &part : {dateNote, extras}) {
            if (part.isEmpty())
                continue;
            if (!s.notes.isEmpty())
                s.notes += u'\n';
            s.notes += part;
        }
        FormatSupport::assignUid(&s, QString());
        sources.append(s);
    }
    if (sources.isEmpty()) {
        if (error) {
            *error = InputError{};
            error->file = fileName;
            error->message = u"no BibTeX entries (@article{…}, @online{…}, …) in the file"_s;
        }
        return std::nullopt;
    }
    return sources;
}

QByteArray BibTexFormat::write(const QList<Source> &sources) {
    const QStringList keys = citationKeys(sources);
    QString out;
    for (qsizetype n = 0; n < sources.size(); ++n) {
        const Source &s = sources.at(n);
        QString notes = s.notes;
        const QList<NoteField> fields =
            FormatSupport::takeNoteFields(&notes, [](const QString &key) {
                return key == u"entrytype"_s || !fieldForNoteKey(key).isEmpty();
            });
        auto [type, subtype] = typeForKind(s.kind);
        for (const NoteField &f : fields) {
            if (f.key == u"entrytype"_s)
                type = f.value;
            else if (f.key == u"entrysubtype"_s)
                subtype.clear(); // the note's own subtype is written below
        }
        out += u'@' + type + u'{' + keys.at(n) + u",\n"_s;
        const auto put = [&out](const QString &name, const QString &value) {
            if (!value.trimmed().isEmpty())
                out += u"  "_s + name + u" = {"_s + value + u"},\n"_s;
        };
        if (!subtype.isEmpty())
            put(u"entrysubtype"_s, subtype);
        QStringList authors;
        for (const QString &author : s.authors) {
            const auto [family, given] = FormatSupport::splitAuthor(author);
            if (family.isEmpty())
                authors.append(u'{' + encodeLatex(given) + u'}');
            else if (given.isEmpty())
                authors.append(encodeLatex(family));
            else
                authors.append(encodeLatex(family) + u", "_s + encodeLatex(given));
        }
        put(u"author"_s, authors.join(u" and "_s));
        put(u"title"_s, encodeLatex(s.title, true));
        put(s.kind == u"report"_s ? u"institution"_s : u"journaltitle"_s, encodeLatex(s.outlet));
        put(u"date"_s, s.published.toIsoString());
        put(u"url"_s, s.url);
        put(u"urldate"_s, s.accessed.toIsoString());
        put(u"doi"_s, s.doi);
        const QString languageName = FormatSupport::languageName(s.language);
        if (!languageName.isEmpty())
            put(u"langid"_s, languageName);
        else
            put(u"language"_s, encodeLatex(s.language));
        put(u"abstract"_s, encodeLatex(s.excerpt));
        for (const NoteField &f : fields) {
            if (f.key != u"entrytype"_s)
                put(fieldForNoteKey(f.key), encodeLatex(f.value));
        }
        put(u"note"_s, encodeLatex(notes));
        out += u"}\n\n"_s;
    }
    return out.toUtf8();
}
