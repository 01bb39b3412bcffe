#include "model/formats/CslJsonFormat.h"

#include <QRegularExpression>

#include "model/formats/FormatSupport.h"
#include "model/formats/LooseDate.h"
#include "model/formats/TextDecoding.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

struct TypeKind {
    QStringView type;
    QStringView kind;
};

// The first entry for a kind is the type written on export.
constexpr TypeKind TypeKinds[] = {
    {u"article-newspaper", u"news"},
    {u"article-magazine", u"news"},
    {u"webpage", u"web"},
    {u"post-weblog", u"web"},
    {u"post", u"web"},
    {u"report", u"report"},
    {u"legislation", u"official"},
    {u"bill", u"official"},
    {u"regulation", u"official"},
    {u"legal_case", u"official"},
    {u"treaty", u"official"},
    {u"article-journal", u"paper"},
    {u"paper-conference", u"paper"},
    {u"article", u"paper"},
    {u"thesis", u"paper"},
    {u"book", u"book"},
    {u"chapter", u"book"},
    {u"document", u"other"},
};

const QSet<QString> &dateVariables() {
    static const QSet<QString> set = {u"accessed"_s, u"available-date"_s, u"event-date"_s,
                                      u"issued"_s,   u"original-date"_s,  u"submitted"_s};
    return set;
}

const QSet<QString> &nameVariables() {
    static const QSet<QString> set = {u"author"_s,
                                      u"chair"_s,
                                      u"collection-editor"_s,
                                      u"compiler"_s,
                                      u"composer"_s,
                                      u"container-author"_s,
                                      u"contributor"_s,
                                      u"curator"_s,
                                      u"director"_s,
                                      u"editor"_s,
                                      u"editorial-director"_s,
                                      u"executive-producer"_s,
                                      u"guest"_s,
                                      u"host"_s,
                                      u"illustrator"_s,
                                      u"interviewer"_s,
                                      u"narrator"_s,
                                      u"organizer"_s,
                                      u"original-author"_s,
                                      u"performer"_s,
                                      u"producer"_s,
                                      u"recipient"_s,
                                      u"reviewed-author"_s,
                                      u"script-writer"_s,
                                      u"series-creator"_s,
                                      u"translator"_s};
    return set;
}

// CSL variables that have no column in the data model and travel in the notes.
const QSet<QString> &noteVariables() {
    static const QSet<QString> set = [] {
        QSet<QString> s = {u"annote"_s,
                           u"archive"_s,
                           u"archive_collection"_s,
                           u"archive_location"_s,
                           u"archive-place"_s,
                           u"authority"_s,
                           u"call-number"_s,
                           u"chapter-number"_s,
                           u"citation-key"_s,
                           u"citation-label"_s,
                           u"collection-number"_s,
                           u"collection-title"_s,
                           u"container-title-short"_s,
                           u"dimensions"_s,
                           u"division"_s,
                           u"edition"_s,
                           u"event"_s,
                           u"event-title"_s,
                           u"event-place"_s,
                           u"genre"_s,
                           u"ISBN"_s,
                           u"ISSN"_s,
                           u"issue"_s,
                           u"journalAbbreviation"_s,
                           u"jurisdiction"_s,
                           u"keyword"_s,
                           u"license"_s,
                           u"medium"_s,
                           u"number"_s,
                           u"number-of-pages"_s,
                           u"number-of-volumes"_s,
                           u"original-publisher"_s,
                           u"original-publisher-place"_s,
                           u"original-title"_s,
                           u"page"_s,
                           u"page-first"_s,
                           u"part-number"_s,
                           u"part-title"_s,
                           u"PMCID"_s,
                           u"PMID"_s,
                           u"printing-number"_s,
                           u"publisher"_s,
                           u"publisher-place"_s,
                           u"references"_s,
                           u"reviewed-genre"_s,
                           u"reviewed-title"_s,
                           u"scale"_s,
                           u"section"_s,
                           u"shortTitle"_s,
                           u"source"_s,
                           u"status"_s,
                           u"supplement-number"_s,
                           u"title-short"_s,
                           u"version"_s,
                           u"volume"_s,
                           u"volume-title"_s,
                           u"year-suffix"_s,
                           u"type"_s};
        for (const QString &v : dateVariables())
            s.insert(v);
        for (const QString &v : nameVariables())
            s.insert(v);
        s.remove(u"author"_s);
        s.remove(u"issued"_s);
        s.remove(u"accessed"_s);
        return s;
    }();
    return set;
}

int lineAt(const QByteArray &utf8, qsizetype offset) {
    return int(utf8.left(offset).count('\n')) + 1;
}

// Byte offsets of the elements of the top-level array, so errors can name a line.
QList<qsizetype> elementOffsets(const QByteArray &utf8) {
    QList<qsizetype> offsets;
    int depth = 0;
    bool inString = false;
    bool escape = false;
    bool expectValue = false;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        if (inString) {
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (depth == 1 && expectValue && c != ' ' && c != '\n' && c != '\r' && c != '\t' &&
            c != ']') {
            offsets.append(i);
            expectValue = false;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            ++depth;
            if (depth == 1)
                expectValue = true;
            break;
        case ']':
        case '}':
            --depth;
            break;
        case ',':
            if (depth == 1)
                expectValue = true;
            break;
        default:
            break;
        }
    }
    return offsets;
}

QString scalarText(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

int partNumber(const QJsonValue &v) {
    if (v.isDouble())
        return v.toInt();
    if (v.isString()) {
        bool ok = false;
        const int n = v.toString().trimmed().toInt(&ok);
        return ok ? n : -1;
    }
    return -1;
}

// A CSL date object → PartialDate; std::nullopt when it cannot be read.
std::optional<PartialDate> readDate(const QJsonValue &value) {
    if (value.isString())
        return LooseDate::parse(value.toString());
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    const QJsonArray parts = o.value(u"date-parts"_s).toArray();
    if (!parts.isEmpty() && parts.at(0).isArray()) {
        const QJsonArray first = parts.at(0).toArray();
        const int year = first.size() > 0 ? partNumber(first.at(0)) : -1;
        const int month = first.size() > 1 ? partNumber(first.at(1)) : 0;
        const int day = first.size() > 2 ? partNumber(first.at(2)) : 0;
        PartialDate date;
        if (day > 0)
            date = PartialDate::fromYmd(year, month, day);
        else if (month > 0)
            date = PartialDate::fromYearMonth(year, month);
        else if (month == 0 && day == 0)
            date = PartialDate::fromYear(year);
        if (date.isValid())
            return date;
        return std::nullopt;
    }
    for (const QString &key : {u"raw"_s, u"literal"_s}) {
        if (o.contains(key))
            return LooseDate::parse(o.value(key).toString());
    }
    return std::nullopt;
}

QJsonObject dateObject(const PartialDate &date) {
    QJsonArray part;
    part.append(date.year());
    if (date.month() > 0)
        part.append(date.month());
    if (date.day() > 0)
        part.append(date.day());
    return QJsonObject{{u"date-parts"_s, QJsonArray{part}}};
}

QString authorText(const QJsonObject &name) {
    if (name.contains(u"literal"_s))
        return name.value(u"literal"_s).toString().trimmed();
    QString family = name.value(u"family"_s).toString().trimmed();
    const QString particle = name.value(u"non-dropping-particle"_s).toString().trimmed();
    if (!particle.isEmpty())
        family = particle + u' ' + family;
    QString given = name.value(u"given"_s).toString().trimmed();
    const QString dropping = name.value(u"dropping-particle"_s).toString().trimmed();
    if (!dropping.isEmpty())
        given = given.isEmpty() ? dropping : given + u' ' + dropping;
    const QString suffix = name.value(u"suffix"_s).toString().trimmed();
    if (!suffix.isEmpty())
        given = given.isEmpty() ? suffix : given + u", "_s + suffix;
    if (given.isEmpty())
        return family;
    if (family.isEmpty())
        return given;
    return family + u", "_s + given;
}

void setError(InputError *error, const QString &file, int line, int column,
              const QString &message) {
    if (!error)
        return;
    *error = InputError{};
    error->file = file;
    error->line = line;
    error->column = column;
    error->message = message;
}

} // namespace

QString CslJsonFormat::kindForType(const QString &cslType) {
    for (const TypeKind &tk : TypeKinds) {
        if (cslType == tk.type)
            return tk.kind.toString();
    }
    return u"other"_s;
}

QString CslJsonFormat::typeForKind(const QString &kind) {
    for (const TypeKind &tk : TypeKinds) {
        if (kind == tk.kind)
            return tk.type.toString();
    }
    return u"document"_s;
}

std::optional<QList<Source>> CslJsonFormat::read(const QByteArray &data, const QString &fileName,
                                                 InputError *error) {
    const std::optional<QString> text = TextDecoding::decode(data, fileName, error);
    if (!text)
        return std::nullopt;
    const QByteArray utf8 = text->toUtf8();
    if (text->trimmed().isEmpty()) {
        setError(error, fileName, 0, 0, u"empty file, expected a CSL-JSON array of items"_s);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt reports the offset after the character it stumbled on; point at that character.
        const qsizetype offset = std::clamp<qsizetype>(parseError.offset - 1, 0, utf8.size());
        const qsizetype lineStart = utf8.lastIndexOf('\n', offset - 1) + 1;
        const int column =
            int(QString::fromUtf8(utf8.mid(lineStart, offset - lineStart)).size()) + 1;
        setError(error, fileName, lineAt(utf8, offset), column,
                 u"malformed JSON: %1"_s.arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!doc.isArray()) {
        setError(error, fileName, 0, 0,
                 u"not CSL-JSON: expected an array of items, found %1"_s.arg(
                     doc.isObject() ? u"an object"_s : u"a single value"_s));
        return std::nullopt;
    }
    // Line numbers of the records, counted in one pass (offsets are increasing).
    const QList<qsizetype> offsets = elementOffsets(utf8);
    QList<int> lines;
    lines.reserve(offsets.size());
    int currentLine = 1;
    qsizetype counted = 0;
    for (qsizetype offset : offsets) {
        currentLine += int(QByteArrayView(utf8).sliced(counted, offset - counted).count('\n'));
        counted = offset;
        lines.append(currentLine);
    }
    const QJsonArray items = doc.array();
    QList<Source> sources;
    sources.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const int line = i < lines.size() ? lines.at(i) : 0;
        const int number = int(i) + 1;
        if (!items.at(i).isObject()) {
            setError(error, fileName, line, 0, u"record %1: not an object"_s.arg(number));
            return std::nullopt;
        }
        const QJsonObject item = items.at(i).toObject();
        const QString id = scalarText(item.value(u"id"_s));
        const QString recordName = id.isEmpty() ? u"record %1"_s.arg(number)
                                                : u"record %1 (id \"%2\")"_s.arg(number).arg(id);
        Source s;
        s.title = plainText(item.value(u"title"_s).toString()).trimmed();
        if (s.title.isEmpty()) {
            setError(error, fileName, line, 0, recordName + u": no title"_s);
            return std::nullopt;
        }
        const QString type = item.value(u"type"_s).toString();
        s.kind = type.isEmpty() ? u"other"_s : kindForType(type);
        s.outlet = plainText(item.value(u"container-title"_s).toString()).trimmed();
        const QJsonArray authors = item.value(u"author"_s).toArray();
        for (const QJsonValue &a : authors) {
            const QString name = authorText(a.toObject());
            if (!name.isEmpty())
                s.authors.append(name);
        }
        s.url = item.value(u"URL"_s).toString().trimmed();
        s.doi = item.value(u"DOI"_s).toString().trimmed();
        s.language = item.value(u"language"_s).toString().trimmed();
        s.excerpt = item.value(u"abstract"_s).toString().trimmed();
        s.notes = item.value(u"note"_s).toString().trimmed();
        if (!type.isEmpty() && type != typeForKind(s.kind))
            FormatSupport::addNoteField(&s.notes, u"type"_s, type);
        for (const QString &key : {u"issued"_s, u"accessed"_s}) {
            if (!item.contains(key))
                continue;
            const std::optional<PartialDate> date = readDate(item.value(key));
            if (date)
                (key == u"issued"_s ? s.published : s.accessed) = *date;
            else // kept rather than dropped: "Spring 2025" is still information
                FormatSupport::addNoteField(&s.notes, key, scalarText(item.value(key)));
        }
        static const QSet<QString> mapped = {
            u"id"_s,       u"type"_s, u"title"_s,  u"container-title"_s,
            u"author"_s,   u"URL"_s,  u"DOI"_s,    u"language"_s,
            u"abstract"_s, u"note"_s, u"issued"_s, u"accessed"_s};
        for (auto it = item.constBegin(); it != item.constEnd(); ++it) {
            if (mapped.contains(it.key()))
                continue;
            const QString value = scalarText(it.value());
            if (!value.isEmpty())
                FormatSupport::addNoteField(&s.notes, it.key(), value);
        }
        FormatSupport::assignUid(&s, id);
        sources.append(s);
    }
    return sources;
}

QByteArray CslJsonFormat::write(const QList<Source> &sources) {
    QJsonArray items;
    for (const Source &source : sources) {
        QJsonObject item;
        QString notes = source.notes;
        const bool publishedKnown = source.published.isValid();
        const bool accessedKnown = source.accessed.isValid();
        const QList<NoteField> fields =
            FormatSupport::takeNoteFields(&notes, [&](const QString &key) {
                if (key == u"issued"_s)
                    return !publishedKnown;
                if (key == u"accessed"_s)
                    return !accessedKnown;
                return noteVariables().contains(key) && !item.contains(key);
            });
        item.insert(u"id"_s, source.uid.isEmpty() ? FormatSupport::derivedUid(source) : source.uid);
        item.insert(u"type"_s, typeForKind(source.kind));
        item.insert(u"title"_s, source.title);
        if (!source.outlet.isEmpty())
            item.insert(u"container-title"_s, source.outlet);
        if (!source.authors.isEmpty()) {
            QJsonArray authors;
            for (const QString &author : source.authors) {
                const auto [family, given] = FormatSupport::splitAuthor(author);
                if (family.isEmpty())
                    authors.append(QJsonObject{{u"literal"_s, given}});
                else
                    authors.append(QJsonObject{{u"family"_s, family}, {u"given"_s, given}});
            }
            item.insert(u"author"_s, authors);
        }
        if (!source.url.isEmpty())
            item.insert(u"URL"_s, source.url);
        if (!source.doi.isEmpty())
            item.insert(u"DOI"_s, source.doi);
        if (!source.language.isEmpty())
            item.insert(u"language"_s, source.language);
        if (!source.excerpt.isEmpty())
            item.insert(u"abstract"_s, source.excerpt);
        if (publishedKnown)
            item.insert(u"issued"_s, dateObject(source.published));
        if (accessedKnown)
            item.insert(u"accessed"_s, dateObject(source.accessed));
        for (const NoteField &f : fields) {
            const bool structured = f.value.startsWith(u'{') || f.value.startsWith(u'[');
            QJsonValue value(f.value);
            if (structured &&
                (dateVariables().contains(f.key) || nameVariables().contains(f.key))) {
                const QJsonDocument parsed = QJsonDocument::fromJson(f.value.toUtf8());
                if (parsed.isObject())
                    value = parsed.object();
                else if (parsed.isArray())
                    value = parsed.array();
            } else if (dateVariables().contains(f.key)) {
                value = QJsonObject{{u"raw"_s, f.value}};
            } else if (nameVariables().contains(f.key)) {
                value = QJsonArray{QJsonObject{{u"literal"_s, f.value}}};
            }
            item.insert(f.key, value);
        }
        if (!notes.trimmed().isEmpty())
            item.insert(u"note"_s, notes);
        items.append(item);
    }
    return QJsonDocument(items).toJson(QJsonDocument::Indented);
}

QString CslJsonFormat::plainText(const QString &richText) {
    // Only the tags citeproc knows: a "<" in other text ("x < y", "<T>") is text.
    static const QRegularExpression markup(
        u"</?(?:i|b|sub|sup|sc)>|<span\\s+(?:class=\"nocase\"|style=\"[^\"<>]*\")\\s*>|</span>"_s);
    if (!richText.contains(u'<'))
        return richText;
    QString text = richText;
    text.remove(markup);
    return text;
}
