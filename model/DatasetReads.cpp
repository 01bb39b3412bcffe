#include "model/DatasetReads.h"

#include "model/Relation.h"

#include <QSet>

#include <algorithm>

namespace {

// SQLite's NOCASE: ASCII letters folded, the UTF-8 bytes compared; then exactly, so that the
// order does not depend on the order the names were met in.
QStringList inStoreOrder(const QSet<QString> &names) {
    QList<std::pair<QByteArray, QString>> keyed;
    keyed.reserve(names.size());
    for (const QString &name : names) {
        QByteArray folded = name.toUtf8();
        for (char &c : folded)
            if (c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');
        keyed.append({std::move(folded), name});
    }
    std::sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : a.second.toUtf8() < b.second.toUtf8();
    });
    QStringList ordered;
    ordered.reserve(keyed.size());
    for (const auto &[folded, name] : std::as_const(keyed))
        ordered.append(name);
    return ordered;
}

bool namesAny(const QStringList &names, const QStringList &wanted) {
    return std::any_of(names.cbegin(), names.cend(),
                       [&](const QString &name) { return wanted.contains(name); });
}

} // namespace

DatasetReads::DatasetReads(Dataset dataset)
    : m_dataset(std::move(dataset)) {
    m_sourceByUid.reserve(m_dataset.sources.size());
    for (const Source &source : std::as_const(m_dataset.sources))
        m_sourceByUid.insert(source.uid, &source);
    QSet<QString> actors, chips;
    QHash<QString, const Event *> eventByUid; // for the relations, when there are any
    m_eventById.reserve(m_dataset.events.size());
    for (const Event &event : std::as_const(m_dataset.events)) {
        m_eventById.insert(event.id, &event);
        if (!m_dataset.relations.isEmpty())
            eventByUid.insert(event.uid, &event);
        for (const QString &actor : event.actors)
            actors.insert(actor);
        for (const QString &chip : event.chips)
            chips.insert(chip);
    }
    m_actorNames = inStoreOrder(actors);
    m_chipNames = inStoreOrder(chips);
    // A rule's force ends on the first day of the earliest event that rescinds or replaces it,
    // whether or not a filter shows that event.
    for (const Relation &relation : std::as_const(m_dataset.relations)) {
        const Event *from = eventByUid.value(relation.fromUid);
        const Event *to = eventByUid.value(relation.toUid);
        if (!from || !to || !relationEndsForce(relation.type))
            continue;
        const qint64 day = from->firstJulianDay();
        const auto found = m_forceEndDays.find(to->id);
        if (found == m_forceEndDays.end())
            m_forceEndDays.insert(to->id, day);
        else
            *found = std::min(*found, day);
    }
}

bool DatasetReads::selects(const Event &event, const EventFilter &filter) const {
    // As SqliteDetail::filterClause: the stored first and last day (a range's end may lie
    // before its start), names compared exactly.
    if (filter.fromJulianDay && event.lastJulianDay() < *filter.fromJulianDay)
        return false;
    if (filter.toJulianDay && event.firstJulianDay() > *filter.toJulianDay)
        return false;
    if (!filter.categories.isEmpty() && !filter.categories.contains(event.category))
        return false;
    if (!filter.actors.isEmpty() && !namesAny(event.actors, filter.actors))
        return false;
    if (!filter.chips.isEmpty() && !namesAny(event.chips, filter.chips))
        return false;
    if (!filter.tags.isEmpty() && !namesAny(event.tags, filter.tags))
        return false;
    if (!filter.statuses.isEmpty() && !filter.statuses.contains(event.status))
        return false;
    if (filter.hasSources && event.citations.isEmpty() == *filter.hasSources)
        return false;
    return true;
}

TimelineData DatasetReads::timelineData(const EventFilter &filter) const {
    Q_ASSERT(canSelect(filter));
    TimelineDataBuilder builder;
    builder.setCategories(m_dataset.categories);
    builder.setActorNames(m_actorNames);
    builder.setChipNames(m_chipNames);
    builder.reserve(m_dataset.events.size());
    TimelineRow row;
    for (const Event &event : m_dataset.events) {
        if (!selects(event, filter))
            continue;
        row.id = event.id;
        row.title = event.title;
        row.firstDay = event.firstJulianDay();
        row.lastDay = event.lastJulianDay();
        row.precision = event.start.isValid() ? event.start.precision() : DatePrecision::Year;
        row.isRange = event.isRange();
        row.category = builder.categoryIndex(event.category);
        row.status = event.status;
        row.importance = event.importance;
        row.sourceCount = int(event.citations.size());
        row.anySourceHasAddress =
            std::any_of(event.citations.cbegin(), event.citations.cend(), [&](const Citation &c) {
                const Source *source = m_sourceByUid.value(c.sourceUid);
                return source && (!source->url.isEmpty() || !source->doi.isEmpty());
            });
        row.actors.clear();
        for (const QString &actor : event.actors)
            row.actors.append(builder.actorIndex(actor));
        row.chips.clear();
        for (const QString &chip : event.chips)
            row.chips.append(builder.chipIndex(chip));
        builder.add(row);
    }
    builder.setForceEndDays(m_forceEndDays);
    return std::move(builder).build();
}

std::vector<qint64> DatasetReads::eventIds(const EventFilter &filter) const {
    Q_ASSERT(canSelect(filter));
    std::vector<qint64> ids;
    for (const Event &event : m_dataset.events)
        if (selects(event, filter))
            ids.push_back(event.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

QHash<qint64, QString> DatasetReads::translatedTitles(const QString &language) const {
    QHash<qint64, QString> titles;
    for (const Event &event : m_dataset.events) {
        const QString title = event.translations.value(language).title;
        if (!title.isEmpty())
            titles.insert(event.id, title);
    }
    return titles;
}

QHash<qint64, QList<CitedSource>> DatasetReads::citationsFor(const QList<qint64> &eventIds) const {
    QHash<qint64, QList<CitedSource>> cited;
    for (const qint64 id : eventIds) {
        const Event *event = m_eventById.value(id);
        if (!event)
            continue;
        for (const Citation &citation : event->citations) {
            const Source *source = m_sourceByUid.value(citation.sourceUid);
            if (!source)
                continue;
            cited[id].append(CitedSource{source->id, source->outlet, source->title,
                                         source->published, source->url, source->doi});
        }
    }
    return cited;
}
