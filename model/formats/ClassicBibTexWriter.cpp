#include "model/formats/ClassicBibTexWriter.h"

#include "model/MonthNames.h"

#include "model/formats/BibTexFormat.h"
#include "model/formats/FormatSupport.h"

using namespace Qt::StringLiterals;

namespace {

QString entryType(const Source &s) {
    if ((s.kind == u"news"_s || s.kind == u"paper"_s) && !s.outlet.trimmed().isEmpty())
        return u"article"_s;
    if (s.kind == u"report"_s)
        return u"techreport"_s;
    if (s.kind == u"book"_s)
        return u"book"_s;
    return u"misc"_s;
}

QString authorList(const QStringList &authors) {
    QStringList names;
    for (const QString &author : authors) {
        const auto [family, given] = FormatSupport::splitAuthor(author);
        if (family.isEmpty())
            names.append(u'{' + BibTexFormat::encodeLatex(given) + u'}');
        else if (given.isEmpty())
            names.append(BibTexFormat::encodeLatex(family));
        else
            names.append(BibTexFormat::encodeLatex(family) + u", "_s +
                         BibTexFormat::encodeLatex(given));
    }
    return names.join(u" and "_s);
}

} // namespace

QByteArray ClassicBibTexWriter::write(const QList<Source> &sources) {
    const QStringList keys = BibTexFormat::citationKeys(sources);
    QString out;
    for (qsizetype n = 0; n < sources.size(); ++n) {
        const Source &s = sources.at(n);
        const QString type = entryType(s);
        out += u'@' + type + u'{' + keys.at(n) + u",\n"_s;
        const auto put = [&out](const QString &name, const QString &value) {
            if (!value.trimmed().isEmpty())
                out += u"  "_s + name + u" = {"_s + value + u"},\n"_s;
        };
        put(u"author"_s, authorList(s.authors));
        put(u"title"_s, BibTexFormat::encodeLatex(s.title, true));
        QStringList note;
        if (type == u"article"_s)
            put(u"journal"_s, BibTexFormat::encodeLatex(s.outlet));
        else if (type == u"techreport"_s)
            put(u"institution"_s, BibTexFormat::encodeLatex(s.outlet));
        else if (type == u"book"_s)
            put(u"publisher"_s, BibTexFormat::encodeLatex(s.outlet));
        else if (!s.outlet.trimmed().isEmpty())
            note.append(BibTexFormat::encodeLatex(s.outlet));
        if (s.published.isValid()) {
            put(u"year"_s, QString::number(s.published.year()));
            if (s.published.month() >= 1 && s.published.month() <= 12)
                // BibTeX's predefined macros jan … dec, written without braces
                out += u"  month = "_s +
                       MonthNames::englishName(s.published.month()).left(3).toString().toLower() +
                       u",\n"_s;
            if (s.published.precision() == DatePrecision::Day)
                put(u"day"_s, QString::number(s.published.day())); // ignored by BibTeX, read back
        }
        if (!s.url.trimmed().isEmpty()) {
            if (type == u"misc"_s)
                put(u"howpublished"_s, u"\\url{"_s + s.url + u'}');
            put(u"url"_s, s.url);
        }
        put(u"doi"_s, s.doi);
        if (s.accessed.isValid())
            note.append(u"Accessed "_s + s.accessed.toIsoString());
        if (!s.notes.trimmed().isEmpty())
            note.append(BibTexFormat::encodeLatex(s.notes.trimmed()));
        put(u"note"_s, note.join(u". "_s));
        out += u"}\n\n"_s;
    }
    return out.toUtf8();
}
