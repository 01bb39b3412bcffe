#include "model/DatasetHealth.h"

#include "model/LinkPolicy.h"
#include "model/RelationChain.h"
#include "model/formats/SourceMatcher.h"

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
    case HealthFinding::Kind::UnsafeAddress:
        return u"unsafe-address"_s;
    case HealthFinding::Kind::BackwardRelation:
        return u"backward-relation"_s;
    case HealthFinding::Kind::RelationCycle:
        return u"relation-cycle"_s;
    case HealthFinding::Kind::UnsourcedRelation:
        return u"unsourced-relation"_s;
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

    // Duplicates by the rule imports merge by, so `check` never calls two sources one that
    // an import keeps apart, nor the other way round.
    SourceMatcher matcher;
    QList<const Source *> added; // what the matcher's indexes stand for
    for (const Source &source : dataset.sources) {
        if (!hasAddress(source))
            findings << HealthFinding{HealthFinding::Kind::SourceWithoutAddress,
                                      source.uid,
                                      {},
                                      u"source without address: %1"_s.arg(sourceName(source))};
        if (LinkPolicy::isUnsafeAddress(source.url))
            findings << HealthFinding{
                HealthFinding::Kind::UnsafeAddress,
                source.uid,
                {},
                u"source whose address is not a web address (%1): %2"_s.arg(
                    source.url.trimmed().section(u':', 0, 0).toLower(), sourceName(source))};
        if (!cited.contains(source.uid))
            findings << HealthFinding{HealthFinding::Kind::UncitedSource,
                                      source.uid,
                                      {},
                                      u"source cited by no event: %1"_s.arg(sourceName(source))};
        const SourceMatcher::Keys keys = SourceMatcher::keysOf(source);
        const qsizetype match = matcher.findMatch(source, keys);
        if (match >= 0) {
            const Source &first = *added.at(match);
            findings << HealthFinding{
                HealthFinding::Kind::DuplicateSources, source.uid, first.uid,
                u"duplicate sources: %1 and %2"_s.arg(sourceName(source), sourceName(first))};
            continue;
        }
        added.append(&source);
        matcher.add(source, keys);
    }

    QHash<QString, const Event *> eventByUid;
    for (const Event &event : dataset.events)
        eventByUid.insert(event.uid, &event);
    const auto named = [&](const QString &uid) {
        const Event *event = eventByUid.value(uid);
        return event ? eventName(*event) : uid;
    };
    for (const Relation &relation : dataset.relations) {
        const Event *from = eventByUid.value(relation.fromUid);
        const Event *to = eventByUid.value(relation.toUid);
        // Backward only when certainly so: the answer's last possible day is before the first
        // possible day of what it answers (a month-precise date covers its whole month).
        if (from && to && from->start.lastJulianDay() < to->start.firstJulianDay())
            findings << HealthFinding{
                HealthFinding::Kind::BackwardRelation, relation.fromUid, relation.toUid,
                u"relation dated backward: %1 %2 %3, which comes later"_s.arg(
                    eventName(*from), relationTypeLabel(relation.type), eventName(*to))};
    }
    const RelationGraph graph(dataset.relations);
    for (const QStringList &cycle : graph.cycles()) {
        QStringList names;
        for (const QString &uid : cycle)
            names << named(uid);
        findings << HealthFinding{HealthFinding::Kind::RelationCycle, cycle.constFirst(),
                                  cycle.value(1),
                                  u"relations in a circle: %1"_s.arg(names.join(u" → "_s))};
    }
    for (const Relation &relation : dataset.relations)
        if (relation.citations.isEmpty())
            findings << HealthFinding{HealthFinding::Kind::UnsourcedRelation, relation.fromUid,
                                      relation.toUid,
                                      u"relation without a source: %1 %2 %3"_s.arg(
                                          named(relation.fromUid), relationTypeLabel(relation.type),
                                          named(relation.toUid))};
    return findings;
}

bool DatasetHealth::hasErrors(const QList<HealthFinding> &findings) {
    return std::any_of(findings.cbegin(), findings.cend(), [](const HealthFinding &finding) {
        return finding.kind == HealthFinding::Kind::UnsourcedEvent;
    });
}
