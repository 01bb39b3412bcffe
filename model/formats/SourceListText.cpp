#include "model/formats/SourceListText.h"

#include "model/formats/FormatSupport.h"

using namespace Qt::StringLiterals;

namespace {

// Splits on unescaped `separator`, unescaping \\, \<separator> and \n.
QStringList splitEscaped(QStringView text, QChar separator) {
    QStringList parts;
    QString current;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' && i + 1 < text.size()) {
            const QChar next = text.at(i + 1);
            if (next == u'\\' || next == separator) {
                current += next;
                ++i;
                continue;
            }
            if (next == u'n') {
                current += u'\n';
                ++i;
                continue;
            }
        }
        if (c == separator) {
            parts << current;
            current.clear();
            continue;
        }
        current += c;
    }
    parts << current;
    return parts;
}

} // namespace

QString SourceListText::escapeField(QStringView text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\')
            out += u"\\\\";
        else if (c == u'|')
            out += u"\\|";
        else if (c == u'\n')
            out += u"\\n";
        else if (c != u'\r')
            out += c;
    }
    return out;
}

QString SourceListText::joinList(const QStringList &items) {
    QStringList escaped;
    escaped.reserve(items.size());
    for (const QString &item : items) {
        QString e;
        for (const QChar c : item) {
            if (c == u'\\' || c == u';')
                e += u'\\';
            e += c;
        }
        escaped << e;
    }
    return escaped.join(u"; "_s);
}

QStringList SourceListText::splitList(QStringView text) {
    QStringList items;
    if (text.trimmed().isEmpty())
        return items;
    QString current;
    const auto push = [&] {
        const QString item = current.trimmed();
        if (!item.isEmpty())
            items << item;
        current.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' && i + 1 < text.size() &&
            (text.at(i + 1) == u'\\' || text.at(i + 1) == u';')) {
            current += text.at(++i);
            continue;
        }
        if (c == u';') {
            push();
            continue;
        }
        current += c;
    }
    push();
    return items;
}

QString SourceListText::formatEntry(const Source &source, const Citation &citation) {
    QStringList fields{escapeField(source.outlet), escapeField(source.title),
                       escapeField(source.url), source.published.toIsoString(),
                       escapeField(citation.quote)};
    Source implied;
    implied.title = source.title.trimmed();
    implied.url = source.url.trimmed();
    implied.published = source.published;
    const bool uidImplied = FormatSupport::derivedUid(implied) == source.uid;
    if (!citation.locator.isEmpty() || !uidImplied)
        fields << escapeField(citation.locator);
    if (!uidImplied)
        fields << source.uid;
    return fields.join(u" | "_s);
}

QString SourceListText::format(const QList<Citation> &citations,
                               const QHash<QString, Source> &sourcesByUid) {
    QStringList lines;
    for (const Citation &citation : citations) {
        Source source = sourcesByUid.value(citation.sourceUid);
        source.uid = citation.sourceUid;
        lines << formatEntry(source, citation);
    }
    return lines.join(u'\n');
}

std::optional<QList<SourceEntry>> SourceListText::parse(QStringView text, QString *error) {
    QList<SourceEntry> entries;
    const QList<QStringView> lines = text.split(u'\n');
    int number = 0;
    for (QStringView line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        ++number;
        const QStringList fields = splitEscaped(line, u'|');
        if (fields.size() > 7) {
            *error = u"source %1 has %2 fields (at most 7: outlet | title | url | published | "
                     "quote | locator | uid)"_s.arg(number)
                         .arg(fields.size());
            return std::nullopt;
        }
        const auto field = [&](qsizetype i) {
            return i < fields.size() ? fields.at(i).trimmed() : QString();
        };
        SourceEntry entry;
        entry.source.outlet = field(0);
        entry.source.title = field(1);
        entry.source.url = field(2);
        const QString published = field(3);
        if (!published.isEmpty()) {
            QString reason;
            const auto date = PartialDate::parseIso(published, &reason);
            if (!date) {
                *error = u"source %1: published: %2"_s.arg(number).arg(reason);
                return std::nullopt;
            }
            entry.source.published = *date;
        }
        entry.citation.quote = field(4);
        entry.citation.locator = field(5);
        const QString uid = field(6);
        if (entry.source.title.isEmpty() && entry.source.url.isEmpty()) {
            *error = u"source %1 has neither a title nor a URL"_s.arg(number);
            return std::nullopt;
        }
        if (entry.source.title.isEmpty())
            entry.source.title = entry.source.url;
        if (!uid.isEmpty()) {
            entry.source.uid = FormatSupport::uuidIn(uid);
            if (entry.source.uid.isEmpty()) {
                *error = u"source %1: '%2' is not a uid (a UUID)"_s.arg(number).arg(uid);
                return std::nullopt;
            }
        } else {
            Source implied;
            implied.title = field(1);
            implied.url = entry.source.url;
            implied.published = entry.source.published;
            entry.source.uid = FormatSupport::derivedUid(implied);
        }
        entry.citation.sourceUid = entry.source.uid;
        entries << entry;
    }
    return entries;
}
