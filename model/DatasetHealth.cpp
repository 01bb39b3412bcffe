#include "model/DatasetHealth.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

bool hasAddress(const Source &source) {
    return !source.url.trimmed().isEmpty() || !source.doi.trimmed().isEmpty();
}

QString eventName(const Event &event) {
    return u"%1 \"%2\""_s.arg(event.start.toIsoString(), event.title);
}

QString sourceName(const Source &source) {
    return source.outlet.isEmpty() ? u"\"%1\""_s.arg(source.title)
                                   : u"%1, \"%2\""_s.arg(source.outlet, source.title);
}

// The same article twice: same DOI, same address, or same title and date.
QString normalisedAddress(const Source &source) {
    QString url = source.url.trimmed().toLower();
    for (const QString &prefix : {u"https://"_s, u"http://"_s})
        if (url.startsWith(prefix))
            url = url.mid(prefix.size());
    if (url.startsWith(u"www."_s))
        url = url.mid(4);
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

} // namespace

QString healthKindKey(HealthFinding::Kind kind) {
    switch (kind) {
    case HealthFinding::Kind::UnsourcedEvent:
        return u"unsourced-event"_s;
    case HealthFinding::Kind::OnlyUnaddressedSources:
        return u"only-unaddressed-sources"_s;
    case HealthFinding::Kind::SourceWithoutAddress:
        return u"source-without-address"_s;
    case HealthFinding::Kind::UncitedSource:
        return u"uncited-source"_s;
    case HealthFinding::Kind::EventAfterSources:
        return u"event-after-sources"_s;
    case HealthFinding::Kind::DuplicateSources:
        return u"duplicate-sources"_s;
    }
    return {};
}

QList<HealthFinding> DatasetHealth::check(const Dataset &dataset) {
    QList<HealthFinding> findings;
    QHash<QString, const Source *> sourceByUid;
    for (const Source &source : dataset.sources)
        sourceByUid.insert(source.uid, &source);
    QSet<QString> cited;

    for (const Event &event : dataset.events) {
        if (event.citations.isEmpty()) {
            findings << HealthFinding{HealthFinding::Kind::UnsourcedEvent,
                                      event.uid,
                                      {},
                                      u"unsourced event: %1"_s.arg(eventName(event))};
            continue;
        }
        bool anyAddress = false;
        qint64 latestPublished = 0;
        bool allDated = true;
        for (const Citation &citation : event.citations) {
            cited.insert(citation.sourceUid);
            const Source *source = sourceByUid.value(citation.sourceUid);
            if (!source)
                continue;
            anyAddress = anyAddress || hasAddress(*source);
            if (source->published.isValid())
                latestPublished = std::max(latestPublished, source->published.lastJulianDay());
            else
                allDated = false;
        }
        if (!anyAddress)
            findings << HealthFinding{
                HealthFinding::Kind::OnlyUnaddressedSources,
                event.uid,
                {},
                u"event whose sources all lack an address: %1"_s.arg(eventName(event))};
        // Reported before it happened: the date may be wrong, or it was announced ahead.
        if (allDated && latestPublished > 0 && event.firstJulianDay() > latestPublished)
            findings << HealthFinding{
                HealthFinding::Kind::EventAfterSources,
                event.uid,
                {},
                u"event dated after every source that reports it was published: %1 (latest source %2)"_s
                    .arg(eventName(event),
                         QDate::fromJulianDay(latestPublished).toString(Qt::ISODate))};
    }

    QHash<QString, QString> byDoi;
    QHash<QString, QString> byAddress;
    QHash<QString, QString> byTitleAndDate;
    for (const Source &source : dataset.sources) {
        if (!hasAddress(source))
            findings << HealthFinding{HealthFinding::Kind::SourceWithoutAddress,
                                      source.uid,
                                      {},
                                      u"source without address: %1"_s.arg(sourceName(source))};
        if (!cited.contains(source.uid))
            findings << HealthFinding{HealthFinding::Kind::UncitedSource,
                                      source.uid,
                                      {},
                                      u"source cited by no event: %1"_s.arg(sourceName(source))};
        QString duplicateOf;
        const QString doi = source.doi.trimmed().toLower();
        const QString address = normalisedAddress(source);
        const QString titleKey =
            source.title.simplified().toCaseFolded() + u'|' + source.published.toIsoString();
        if (!doi.isEmpty())
            duplicateOf = byDoi.value(doi);
        if (duplicateOf.isEmpty() && !address.isEmpty())
            duplicateOf = byAddress.value(address);
        if (duplicateOf.isEmpty())
            duplicateOf = byTitleAndDate.value(titleKey);
        if (!duplicateOf.isEmpty()) {
            findings << HealthFinding{
                HealthFinding::Kind::DuplicateSources, source.uid, duplicateOf,
                u"duplicate sources: %1 and %2"_s.arg(sourceName(source),
                                                      sourceName(*sourceByUid.value(duplicateOf)))};
            continue;
        }
        if (!doi.isEmpty())
            byDoi.insert(doi, source.uid);
        if (!address.isEmpty())
            byAddress.insert(address, source.uid);
        byTitleAndDate.insert(titleKey, source.uid);
    }
    return findings;
}

bool DatasetHealth::hasErrors(const QList<HealthFinding> &findings) {
    return std::any_of(findings.cbegin(), findings.cend(), [](const HealthFinding &finding) {
        return finding.kind == HealthFinding::Kind::UnsourcedEvent;
    });
}
