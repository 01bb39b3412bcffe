#include "model/formats/RisFormat.h"

#include "model/formats/FormatSupport.h"
#include "model/formats/LooseDate.h"
#include "model/formats/TextDecoding.h"

#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

struct TypeKind {
    QStringView type;
    QStringView kind;
};

// The first entry for a kind is the type written on export.
constexpr TypeKind TypeKinds[] = {
    {u"NEWS", u"news"},     {u"MGZN", u"news"},       {u"ELEC", u"web"},
    {u"BLOG", u"web"},      {u"WEB", u"web"},         {u"ICOMM", u"web"},
    {u"RPRT", u"report"},   {u"GOVDOC", u"official"}, {u"BILL", u"official"},
    {u"STAT", u"official"}, {u"CASE", u"official"},   {u"LEGAL", u"official"},
    {u"JOUR", u"paper"},    {u"CPAPER", u"paper"},    {u"CONF", u"paper"},
    {u"THES", u"paper"},    {u"BOOK", u"book"},       {u"CHAP", u"book"},
    {u"GEN", u"other"},
};

// Tags for fields that have their own column or that the writer emits itself.
const QSet<QString> &writtenTags() {
    static const QSet<QString> set = {u"TY"_s, u"TI"_s, u"AU"_s, u"T2"_s, u"AB"_s,
                                      u"DA"_s, u"PY"_s, u"DO"_s, u"LA"_s, u"UR"_s,
                                      u"Y2"_s, u"N1"_s, u"ID"_s, u"ER"_s};
    return set;
}

struct CanonicalTag {
    QStringView tag;
    QStringView field;
};

constexpr CanonicalTag CanonicalTags[] = {
    {u"PB", u"publisher"}, {u"CY", u"publisher-place"}, {u"SE", u"section"}, {u"SP", u"page"},
    {u"UR", u"url"}, // the addresses after the first
};

QString fieldForTag(const QString &tag) {
    for (const CanonicalTag &c : CanonicalTags) {
        if (tag == c.tag)
            return c.field.toString();
    }
    return tag;
}

QString tagForField(const QString &field) {
    for (const CanonicalTag &c : CanonicalTags) {
        if (field == c.field)
            return c.tag.toString();
    }
    static const QRegularExpression tagShape(u"^[A-Z][A-Z0-9]$"_s);
    if (tagShape.match(field).hasMatch() && !writtenTags().contains(field))
        return field;
    return {};
}

// "TAG  - value" (Zotero writes two blanks before the dash, some tools one). Any other line
// continues the value of the tag before it.
const QRegularExpression &tagLinePattern() {
    static const QRegularExpression pattern(u"^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$"_s);
    return pattern;
}

struct Tagged {
    QString tag;
    QString value;
    int line = 0;
};

void setError(InputError *error, const QString &file, int line, const QString &message) {
    if (!error)
        return;
    *error = InputError{};
    error->file = file;
    error->line = line;
    error->message = message;
}

QString normalizedAuthor(const QString &value) {
    const auto [family, given] = FormatSupport::splitAuthor(value);
    if (family.isEmpty())
        return given;
    return given.isEmpty() ? family : family + u", "_s + given;
}

Source buildSource(const QList<Tagged> &record, QString *titleMissing) {
    Source s;
    QString type;
    QString noteText;
    QString extras;
    QString published;
    QString year;
    QString legacyDate;
    QList<Tagged> unusedDates;
    for (const Tagged &t : record) {
        const QString &v = t.value;
        const QString &tag = t.tag;
        if (tag == u"TY"_s) {
            type = v.trimmed();
        } else if ((tag == u"TI"_s || tag == u"T1"_s) && s.title.isEmpty()) {
            s.title = v.trimmed();
        } else if ((tag == u"T2"_s || tag == u"JF"_s || tag == u"JO"_s || tag == u"JA"_s) &&
                   s.outlet.isEmpty()) {
            s.outlet = v.trimmed();
        } else if (tag == u"AU"_s || tag == u"A1"_s) {
            if (!v.trimmed().isEmpty())
                s.authors.append(normalizedAuthor(v));
        } else if (tag == u"DA"_s && published.isEmpty()) {
            published = v;
        } else if (tag == u"PY"_s && year.isEmpty()) {
            year = v;
        } else if (tag == u"Y1"_s && legacyDate.isEmpty()) {
            legacyDate = v;
        } else if (tag == u"Y2"_s && !s.accessed.isValid() && RisFormat::parseDate(v)) {
            s.accessed = *RisFormat::parseDate(v);
        } else if (tag == u"UR"_s) {
            // Some tools put several addresses in one UR, or write UR once per address: the
            // first is the source's address, the others are kept as "url:" note lines.
            static const QRegularExpression between(u"\\s+|;(?=\\s*[A-Za-z][A-Za-z0-9+.-]*:)"_s);
            for (const QString &address : v.split(between, Qt::SkipEmptyParts)) {
                if (s.url.isEmpty())
                    s.url = address;
                else if (address != s.url)
                    FormatSupport::addNoteField(&extras, u"url"_s, address);
            }
        } else if (tag == u"DO"_s && s.doi.isEmpty()) {
            s.doi = v.trimmed();
        } else if (tag == u"LA"_s && s.language.isEmpty()) {
            s.language = v.trimmed();
        } else if ((tag == u"AB"_s || tag == u"N2"_s) && s.excerpt.isEmpty()) {
            s.excerpt = v.trimmed();
        } else if (tag == u"N1"_s) {
            if (!noteText.isEmpty())
                noteText += u'\n';
            noteText += v.trimmed();
        } else if (tag == u"ID"_s && !FormatSupport::uuidIn(v).isEmpty() && s.uid.isEmpty()) {
            s.uid = FormatSupport::uuidIn(v);
        } else if (!v.trimmed().isEmpty()) {
            FormatSupport::addNoteField(&extras, fieldForTag(tag), v.trimmed());
        }
    }
    if (s.title.isEmpty()) {
        *titleMissing = u"no title (TI)"_s;
        return s;
    }
    s.kind = type.isEmpty() ? u"other"_s : RisFormat::kindForType(type);
    s.notes = noteText;
    if (!type.isEmpty() && type != RisFormat::typeForKind(s.kind))
        FormatSupport::addNoteField(&s.notes, u"TY"_s, type);
    // DA is the full date; PY usually repeats its year. Keep whatever does not agree.
    for (const QString &candidate : {published, legacyDate, year}) {
        if (candidate.isEmpty())
            continue;
        const std::optional<PartialDate> date = RisFormat::parseDate(candidate);
        if (!s.published.isValid() && date) {
            s.published = *date;
            continue;
        }
        if (date && date->year() == s.published.year())
            continue;
        FormatSupport::addNoteField(&s.notes,
                                    candidate == published    ? u"DA"_s
                                    : candidate == legacyDate ? u"Y1"_s
                                                              : u"PY"_s,
                                    candidate.trimmed());
    }
    if (!extras.isEmpty()) {
        if (!s.notes.isEmpty())
            s.notes += u'\n';
        s.notes += extras;
    }
    const QString uid = s.uid;
    s.uid.clear();
    FormatSupport::assignUid(&s, uid);
    return s;
}

} // namespace

QString RisFormat::kindForType(const QString &risType) {
    for (const TypeKind &tk : TypeKinds) {
        if (risType == tk.type)
            return tk.kind.toString();
    }
    return u"other"_s;
}

QString RisFormat::typeForKind(const QString &kind) {
    for (const TypeKind &tk : TypeKinds) {
        if (kind == tk.kind)
            return tk.type.toString();
    }
    return u"GEN"_s;
}

std::optional<PartialDate> RisFormat::parseDate(const QString &value) {
    static const QRegularExpression slashed(
        u"^(\\d{4})(?:/(\\d{0,2})(?:/(\\d{0,2})(?:/.*)?)?)?$"_s);
    const QString v = value.trimmed();
    const QRegularExpressionMatch m = slashed.match(v);
    if (m.hasMatch()) {
        const int year = m.captured(1).toInt();
        const int month = m.captured(2).toInt();
        const int day = m.captured(3).toInt();
        PartialDate date = day > 0     ? PartialDate::fromYmd(year, month, day)
                           : month > 0 ? PartialDate::fromYearMonth(year, month)
                                       : PartialDate::fromYear(year);
        if (date.isValid())
            return date;
        return std::nullopt;
    }
    // "2025-08-20 14:03:22" and other spellings some tools write
    const qsizetype space = v.indexOf(u' ');
    if (space > 0) {
        if (auto date = LooseDate::parse(QStringView(v).left(space)))
            return date;
    }
    return LooseDate::parse(v);
}

QString RisFormat::formatDate(const PartialDate &date) {
    if (!date.isValid())
        return {};
    const auto two = [](int n) {
        return n > 0 ? u"%1"_s.arg(n, 2, 10, QChar(u'0')) : QString();
    };
    return u"%1/%2/%3/"_s.arg(date.year(), 4, 10, QChar(u'0'))
        .arg(two(date.month()), two(date.day()));
}

std::optional<QList<Source>> RisFormat::read(const QByteArray &data, const QString &fileName,
                                             InputError *error) {
    const std::optional<QString> text = TextDecoding::decode(data, fileName, error);
    if (!text)
        return std::nullopt;
    QStringList lines = text->split(u'\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast(); // the line end of the last line does not start another line

    QList<Source> sources;
    QList<Tagged> record;
    bool inRecord = false;
    int recordStart = 0;
    int recordNumber = 0;
    int lastLine = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        const int lineNo = int(i) + 1;
        if (line.trimmed().isEmpty())
            continue;
        lastLine = lineNo;
        const QRegularExpressionMatch m = tagLinePattern().match(line);
        if (!m.hasMatch()) {
            // "1." on its own line between records, as some exporters number them.
            static const QRegularExpression recordNumberLine(u"^\\s*\\d+\\.?\\s*$"_s);
            if (!inRecord && recordNumberLine.match(line).hasMatch())
                continue;
            if (!inRecord || record.isEmpty()) {
                setError(error, fileName, lineNo, u"not a RIS line (expected \"TAG  - value\")"_s);
                return std::nullopt;
            }
            Tagged &last = record.last();
            const bool paragraphs =
                last.tag == u"AB"_s || last.tag == u"N1"_s || last.tag == u"N2"_s;
            last.value += (paragraphs ? u"\n"_s : u" "_s) + line.trimmed();
            continue;
        }
        const QString tag = m.captured(1);
        QString value = m.captured(2);
        while (value.endsWith(u' '))
            value.chop(1);
        if (tag == u"TY"_s) {
            if (inRecord) {
                setError(error, fileName, lineNo,
                         u"record %1 starting at line %2 never ends (no ER before the next TY)"_s
                             .arg(recordNumber)
                             .arg(recordStart));
                return std::nullopt;
            }
            inRecord = true;
            recordStart = lineNo;
            ++recordNumber;
            record.clear();
            record.append(Tagged{tag, value, lineNo});
            continue;
        }
        if (!inRecord) {
            setError(error, fileName, lineNo,
                     u"tag %1 outside a record (no TY  - before it)"_s.arg(tag));
            return std::nullopt;
        }
        if (tag == u"ER"_s) {
            QString missing;
            Source s = buildSource(record, &missing);
            if (!missing.isEmpty()) {
                setError(error, fileName, recordStart,
                         u"record %1: %2"_s.arg(recordNumber).arg(missing));
                return std::nullopt;
            }
            sources.append(s);
            inRecord = false;
            continue;
        }
        record.append(Tagged{tag, value, lineNo});
    }
    if (inRecord) {
        setError(error, fileName, lastLine,
                 u"record %1 starting at line %2 never ends (no ER)"_s.arg(recordNumber)
                     .arg(recordStart));
        return std::nullopt;
    }
    if (sources.isEmpty()) {
        setError(error, fileName, 0, u"no RIS records (TY  - … ER  - ) in the file"_s);
        return std::nullopt;
    }
    return sources;
}

QByteArray RisFormat::write(const QList<Source> &sources) {
    QString out;
    const auto put = [&out](const QString &tag, const QString &value) {
        if (value.trimmed().isEmpty())
            return;
        QString v = value;
        v.replace(u"\r\n"_s, u"\n"_s);
        QStringList lines = v.split(u'\n');
        // A line of the value that reads as a tag ("TY  - NEWS", "ER  -") would start a record
        // or end this one: it is indented, which the reader takes off again (it trims the
        // lines that continue a value).
        for (qsizetype i = 1; i < lines.size(); ++i) {
            QStringView line = lines.at(i);
            if (line.endsWith(u'\r'))
                line.chop(1);
            if (tagLinePattern().match(line).hasMatch())
                lines[i].prepend(u' ');
        }
        out += tag + u"  - "_s + lines.join(u"\r\n"_s) + u"\r\n"_s;
    };
    for (const Source &s : sources) {
        QString notes = s.notes;
        const QList<NoteField> fields =
            FormatSupport::takeNoteFields(&notes, [](const QString &key) {
                return key == u"TY"_s || !tagForField(key).isEmpty();
            });
        QString type = typeForKind(s.kind);
        for (const NoteField &f : fields) {
            if (f.key == u"TY"_s)
                type = f.value;
        }
        put(u"TY"_s, type);
        put(u"TI"_s, s.title);
        for (const QString &author : s.authors)
            put(u"AU"_s, author);
        put(u"T2"_s, s.outlet);
        put(u"AB"_s, s.excerpt);
        if (s.published.precision() != DatePrecision::Year) // PY alone says "only the year"
            put(u"DA"_s, formatDate(s.published));
        if (s.published.isValid())
            put(u"PY"_s, QString::number(s.published.year()));
        put(u"DO"_s, s.doi);
        put(u"LA"_s, s.language);
        put(u"UR"_s, s.url);
        put(u"Y2"_s, formatDate(s.accessed));
        for (const NoteField &f : fields) {
            if (f.key != u"TY"_s)
                put(tagForField(f.key), f.value);
        }
        put(u"N1"_s, notes);
        put(u"ID"_s, s.uid.isEmpty() ? FormatSupport::derivedUid(s) : s.uid);
        out += u"ER  - \r\n\r\n"_s;
    }
    return out.toUtf8();
}
