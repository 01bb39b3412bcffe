#include "ui/widgets/AppStreamReleases.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace AppStreamReleases {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("AppStreamReleases", text);
}

// The markup AppStream allows in a description, kept as the same HTML element.
bool isDescriptionMarkup(QStringView name) {
    return name == u"p" || name == u"ul" || name == u"ol" || name == u"li" || name == u"em" ||
           name == u"code";
}

// Reads the <description> the reader stands on, up to its end tag.
QString readDescription(QXmlStreamReader &xml) {
    QString html;
    int depth = 1;
    while (depth > 0 && !xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement:
            ++depth;
            if (isDescriptionMarkup(xml.name()))
                html += u'<' + xml.name().toString() + u'>';
            break;
        case QXmlStreamReader::EndElement:
            --depth;
            if (depth > 0 && isDescriptionMarkup(xml.name()))
                html += u"</"_s + xml.name().toString() + u'>';
            break;
        case QXmlStreamReader::Characters:
            html += xml.text().toString().toHtmlEscaped();
            break;
        default:
            break;
        }
    }
    // The file's line breaks and indentation are not the text's; around paragraphs and
    // list items no space is.
    static const QRegularExpression blockTag(u"\\s*(</?(?:p|ul|ol|li)>)\\s*"_s);
    return html.simplified().replace(blockTag, u"\\1"_s);
}

} // namespace

std::optional<QList<Release>> parse(const QByteArray &bytes, QString *error) {
    QXmlStreamReader xml(bytes);
    QList<Release> releases;
    bool sawReleases = false;
    const auto fail = [&xml, error](const QString &reason) -> std::optional<QList<Release>> {
        if (error)
            *error = tr("line %1: %2").arg(xml.lineNumber()).arg(reason);
        return std::nullopt;
    };
    bool inReleases = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"releases")
            inReleases = false;
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"releases") {
            sawReleases = inReleases = true;
        } else if (inReleases && xml.name() == u"release") {
            Release release;
            release.version = xml.attributes().value(u"version"_s).toString().trimmed();
            const QString date = xml.attributes().value(u"date"_s).toString();
            if (release.version.isEmpty())
                return fail(tr("a <release> without a version"));
            release.date = QDate::fromString(date.left(10), Qt::ISODate);
            bool isTimestamp = false; // AppStream's other way to give the day
            const qint64 seconds = xml.attributes().value(u"timestamp"_s).toLongLong(&isTimestamp);
            if (date.isEmpty() && isTimestamp)
                release.date = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).date();
            if (!release.date.isValid())
                return fail(tr("release %1: the date \u201c%2\u201d is not YYYY-MM-DD")
                                .arg(release.version, date));
            while (xml.readNextStartElement()) {
                if (xml.name() == u"description")
                    release.descriptionHtml = readDescription(xml);
                else
                    xml.skipCurrentElement();
            }
            releases << release;
        }
    }
    if (xml.hasError())
        return fail(xml.errorString());
    if (!sawReleases)
        return fail(tr("no <releases> in the metainfo"));
    return releases;
}

QString bundledPath() {
    return u":/metainfo/org.chiptimeline.ChipTimeline.metainfo.xml"_s;
}

std::optional<QList<Release>> bundled(QString *error) {
    QFile file(bundledPath());
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1: %2").arg(bundledPath(), file.errorString());
        return std::nullopt;
    }
    return parse(file.readAll(), error);
}

} // namespace AppStreamReleases
