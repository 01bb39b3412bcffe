#include "model/formats/FormatSupport.h"

#include "model/LinkPolicy.h"

#include <algorithm>

#include "model/formats/SourceMatcher.h"

#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

const QRegularExpression &noteFieldLine() {
    static const QRegularExpression re(u"^([A-Za-z][A-Za-z0-9_-]*): (.*)$"_s);
    return re;
}

const QUuid &sourceNamespace() {
    static const QUuid ns =
        QUuid::createUuidV5(QUuid(u"6ba7b811-9dad-11d1-80b4-00c04fd430c8"_s), // RFC 4122 URL ns
                            u"https://chiptimeline.invalid/source"_s);
    return ns;
}

struct LanguageName {
    QStringView name;
    QStringView code;
};

// First entry per code is the name written on export.
constexpr LanguageName LanguageNames[] = {
    {u"german", u"de"},       {u"ngerman", u"de"},        {u"austrian", u"de-AT"},
    {u"naustrian", u"de-AT"}, {u"swissgerman", u"de-CH"}, {u"nswissgerman", u"de-CH"},
    {u"english", u"en"},      {u"american", u"en-US"},    {u"USenglish", u"en-US"},
    {u"british", u"en-GB"},   {u"UKenglish", u"en-GB"},   {u"french", u"fr"},
    {u"italian", u"it"},      {u"spanish", u"es"},        {u"dutch", u"nl"},
    {u"chinese", u"zh"},      {u"japanese", u"ja"},       {u"korean", u"ko"},
    {u"russian", u"ru"},      {u"polish", u"pl"},         {u"portuguese", u"pt"},
};

} // namespace

void FormatSupport::addNoteField(QString *notes, const QString &key, const QString &value) {
    QString flat = value;
    flat.replace(u"\r\n"_s, u" "_s);
    flat.replace(u'\n', u' ');
    flat.replace(u'\r', u' ');
    if (!notes->isEmpty() && !notes->endsWith(u'\n'))
        notes->append(u'\n');
    notes->append(key + u": "_s + flat);
}

QList<NoteField> FormatSupport::takeNoteFields(QString *notes,
                                               const std::function<bool(const QString &)> &accept) {
    QList<NoteField> taken;
    if (notes->isEmpty())
        return taken;
    QStringList kept;
    const QStringList lines = notes->split(u'\n');
    for (const QString &line : lines) {
        const QRegularExpressionMatch m = noteFieldLine().match(line);
        if (m.hasMatch() && accept(m.captured(1))) {
            taken.append(NoteField{m.captured(1), m.captured(2)});
            continue;
        }
        kept.append(line);
    }
    while (!kept.isEmpty() && kept.constLast().trimmed().isEmpty())
        kept.removeLast();
    *notes = kept.join(u'\n');
    return taken;
}

bool FormatSupport::startsWithIgnoringCase(QStringView text, QLatin1StringView prefix) {
    if (text.size() < prefix.size())
        return false;
    for (qsizetype i = 0; i < prefix.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x80) // folded by Unicode's rules ('ſ' is an 's')
            return text.startsWith(prefix, Qt::CaseInsensitive);
        const char16_t lower = c >= u'A' && c <= u'Z' ? c + (u'a' - u'A') : c;
        if (lower != char16_t(prefix[i].unicode()))
            return false;
    }
    return true;
}

QString FormatSupport::uuidIn(QStringView text) {
    static const QRegularExpression re(
        u"^(?:urn:uuid:)?\\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
        "[0-9a-fA-F]{12})\\}?$"_s);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    return m.hasMatch() ? m.captured(1).toLower() : QString();
}

QString FormatSupport::derivedUid(const Source &source) {
    QString basis;
    if (!source.doi.trimmed().isEmpty())
        basis = u"doi:"_s + SourceMatcher::normalizedDoi(source.doi);
    else if (!source.url.trimmed().isEmpty())
        // With the title: two works at one address (a landing page) are two sources.
        basis = u"url:"_s + SourceMatcher::normalizedUrl(source.url) + u'|' +
                SourceMatcher::normalizedTitle(source.title);
    else
        basis = u"title:"_s + SourceMatcher::normalizedTitle(source.title) + u'|' +
                source.published.toIsoString();
    return QUuid::createUuidV5(sourceNamespace(), basis).toString(QUuid::WithoutBraces);
}

void FormatSupport::assignUid(Source *source, QStringView recordId) {
    QString uid = uuidIn(recordId);
    const QList<NoteField> fromNotes =
        takeNoteFields(&source->notes, [](const QString &key) { return key == u"uid"_s; });
    if (uid.isEmpty()) {
        for (const NoteField &f : fromNotes) {
            uid = uuidIn(f.value);
            if (!uid.isEmpty())
                break;
        }
    }
    source->uid = uid.isEmpty() ? derivedUid(*source) : uid;
}

QString FormatSupport::languageCode(QStringView nameOrCode) {
    const QStringView t = nameOrCode.trimmed();
    for (const LanguageName &l : LanguageNames) {
        if (t.compare(l.name, Qt::CaseInsensitive) == 0)
            return l.code.toString();
    }
    return t.toString();
}

QString FormatSupport::languageName(QStringView code) {
    for (const LanguageName &l : LanguageNames) {
        if (code.compare(l.code, Qt::CaseInsensitive) == 0)
            return l.name.toString();
    }
    return {};
}

std::pair<QString, QString> FormatSupport::splitAuthor(const QString &author) {
    const qsizetype comma = author.indexOf(u',');
    if (comma < 0)
        return {QString(), author.trimmed()};
    return {author.left(comma).trimmed(), author.mid(comma + 1).trimmed()};
}

InputError FormatSupport::jsonSyntaxError(const QByteArray &bytes, qsizetype offset,
                                          const QString &reason, const QString &fileName) {
    // Qt may report an offset just past the end of a truncated file: the column then points
    // after the last character, where the missing text would go.
    const qsizetype counted = std::clamp<qsizetype>(offset, 0, bytes.size());
    const int line = int(std::count(bytes.cbegin(), bytes.cbegin() + counted, '\n')) + 1;
    const qsizetype lineStart = bytes.lastIndexOf('\n', std::max<qsizetype>(0, offset - 1)) + 1;
    return {fileName,
            line,
            int(offset - lineStart) + 1,
            {},
            QStringLiteral("not valid JSON: %1").arg(reason)};
}

void FormatSupport::setAsideUnsafeAddresses(QList<Source> *sources) {
    for (Source &source : *sources) {
        if (!LinkPolicy::isUnsafeAddress(source.url))
            continue;
        addNoteField(&source.notes, u"unsafe-address"_s, source.url.trimmed());
        source.url.clear();
    }
}
