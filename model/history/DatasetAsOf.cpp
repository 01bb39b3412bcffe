#include "model/history/DatasetAsOf.h"

#include "model/history/EntitySnapshot.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// Undoes one change of an item held in `slot` (nullopt: it does not exist): a whole-item
// change puts back the item as it was (or removes it, when it did not exist), a field change
// the field's old value. Events and sources (many: at halfway through a history, every one)
// are undone on their structs, each in a slot of its own (found by slot, not by its uid in
// every change), without a round trip through JSON; categories and relations (few) are kept
// as JSON objects of their fields.
template <typename Item, typename ToItem, typename SetField>
void undoInSlot(std::optional<Item> &slot, const RevisionChange &change, ToItem toItem,
                SetField setField) {
    if (change.field == u"*"_s) {
        const QJsonValue old = EntitySnapshot::valueFromText(change.oldValue);
        if (old.isObject())
            slot = toItem(change.uid, old.toObject());
        else
            slot.reset();
        return;
    }
    if (slot)
        setField(*slot, change.field, EntitySnapshot::valueFromText(change.oldValue));
}

using Items = QHash<QString, QJsonObject>;

void undoFields(Items &items, const RevisionChange &change) {
    const auto found = items.find(change.uid);
    std::optional<QJsonObject> slot;
    if (found != items.end())
        slot = *found;
    undoInSlot(
        slot, change, [](const QString &, const QJsonObject &fields) { return fields; },
        [](QJsonObject &fields, QStringView field, const QJsonValue &value) {
            fields.insert(field, value);
        });
    if (slot)
        items.insert(change.uid, *slot);
    else
        items.remove(change.uid);
}

void undoEvent(std::optional<Event> &event, const RevisionChange &change) {
    undoInSlot(event, change, EntitySnapshot::toEvent, EntitySnapshot::setEventField);
}

// Equal texts; those the store read for one item share their data, compared by address first.
bool sameText(const QString &a, const QString &b) {
    return a.size() == b.size() && (a.constData() == b.constData() || a == b);
}

using Entity = TouchedItems::Entity;

Entity entityOf(const RevisionChange &change) {
    static const QString event = u"event"_s, source = u"source"_s, category = u"category"_s,
                         relation = u"relation"_s, dataset = u"dataset"_s, title = u"title"_s;
    if (sameText(change.entity, event))
        return Entity::Event;
    if (sameText(change.entity, source))
        return Entity::Source;
    if (sameText(change.entity, category))
        return Entity::Category;
    if (sameText(change.entity, relation))
        return Entity::Relation;
    if (sameText(change.entity, dataset) && change.field == title)
        return Entity::DatasetTitle;
    return Entity::Other;
}

// The untouched items of `current` appended to `kept` (moved), the touched ones moved into
// their slots.
template <typename Item>
void takeTouched(QList<Item> &current, const QHash<QString, qsizetype> &slotOfUid,
                 QList<Item> &kept, std::vector<std::optional<Item>> &taken) {
    taken.resize(size_t(slotOfUid.size()));
    kept.reserve(current.size());
    for (Item &item : current) {
        const auto slot = slotOfUid.isEmpty() ? slotOfUid.cend() : slotOfUid.constFind(item.uid);
        if (slot != slotOfUid.cend())
            taken[size_t(*slot)] = std::move(item);
        else
            kept.append(std::move(item));
    }
}

// `undone` (the items in their slots that exist then, in any order) put among `kept` (the
// untouched items, in the store's order, which `keyOf` gives): a merge, so that the many kept
// items are not sorted again. The undone items' keys are worked out once each, not in every
// comparison of the sort.
template <typename Item, typename KeyOf>
void putInPlace(QList<Item> &kept, std::vector<std::optional<Item>> &&undone, KeyOf keyOf) {
    using Key = decltype(keyOf(std::declval<const Item &>()));
    std::vector<std::pair<Key, Item *>> keyed;
    keyed.reserve(undone.size());
    for (std::optional<Item> &item : undone)
        if (item)
            keyed.emplace_back(keyOf(*item), &*item);
    std::sort(keyed.begin(), keyed.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    const qsizetype keptCount = kept.size();
    kept.reserve(keptCount + qsizetype(keyed.size()));
    for (auto &[key, item] : keyed)
        kept.append(std::move(*item));
    const auto less = [&keyOf](const Item &a, const Item &b) {
        return keyOf(a) < keyOf(b);
    };
    std::inplace_merge(kept.begin(), kept.begin() + keptCount, kept.end(), less);
}

} // namespace

TouchedItems touchedItems(const QList<RevisionChange> &laterChanges) {
    TouchedItems touched;
    touched.entityOfChange.reserve(size_t(laterChanges.size()));
    touched.slotOfChange.assign(size_t(laterChanges.size()), -1);
    const QString *lastUid = nullptr; // of the last event or source change, and its slot
    Entity lastEntity = Entity::Other;
    qsizetype lastSlot = -1;
    for (qsizetype i = 0; i < laterChanges.size(); ++i) {
        const Entity entity = entityOf(laterChanges[i]);
        touched.entityOfChange.push_back(entity);
        if (entity != Entity::Event && entity != Entity::Source)
            continue;
        // An item's changes of one revision come one after another: looked up once per run.
        const QString &uid = laterChanges[i].uid;
        if (entity != lastEntity || !lastUid || !sameText(*lastUid, uid)) {
            QHash<QString, qsizetype> &ofEntity =
                entity == Entity::Event ? touched.eventSlot : touched.sourceSlot;
            auto found = ofEntity.find(uid); // (QHash::emplace would replace a slot met before)
            if (found == ofEntity.end())
                found = ofEntity.insert(uid, ofEntity.size());
            lastSlot = found.value();
            lastUid = &uid;
            lastEntity = entity;
        }
        touched.slotOfChange[size_t(i)] = lastSlot;
    }
    return touched;
}

Dataset datasetAsOf(Dataset current, const QList<RevisionChange> &laterChanges) {
    return datasetAsOf(std::move(current), laterChanges, touchedItems(laterChanges));
}

Dataset datasetAsOf(Dataset current, const QList<RevisionChange> &laterChanges,
                    const TouchedItems &touched) {
    // Only the events and sources a later change touched are taken out to be undone; the
    // others are as they were then already and are kept as they are (at 100k events, most).
    // The undo reaches its item by slot, not by its uid in every change (at halfway through
    // a long history, a million changes).
    Dataset dataset;
    std::vector<std::optional<Event>> events;
    std::vector<std::optional<Source>> sources;
    Items categories, relations;
    for (const Relation &relation : current.relations)
        relations.insert(EntitySnapshot::relationKey(relation),
                         EntitySnapshot::fromRelation(relation));
    // Moved, not copied: `current` is the store's read, handed over.
    takeTouched(current.events, touched.eventSlot, dataset.events, events);
    takeTouched(current.sources, touched.sourceSlot, dataset.sources, sources);
    for (const Category &category : current.categories)
        categories.insert(QString::number(category.id), EntitySnapshot::fromCategory(category));
    QString title = current.title;

    for (qsizetype i = laterChanges.size() - 1; i >= 0; --i) {
        const RevisionChange &change = laterChanges[i];
        switch (touched.entityOfChange[size_t(i)]) {
        case Entity::Event:
            undoEvent(events[size_t(touched.slotOfChange[size_t(i)])], change);
            break;
        case Entity::Source:
            undoInSlot(sources[size_t(touched.slotOfChange[size_t(i)])], change,
                       EntitySnapshot::toSource, EntitySnapshot::setSourceField);
            break;
        case Entity::Category:
            undoFields(categories, change);
            break;
        case Entity::Relation:
            undoFields(relations, change);
            break;
        case Entity::DatasetTitle:
            title = EntitySnapshot::valueFromText(change.oldValue).toString();
            break;
        case Entity::Other:
            break;
        }
    }

    dataset.title = title;
    dataset.savedViews = std::move(current.savedViews);
    for (auto it = categories.cbegin(); it != categories.cend(); ++it)
        dataset.categories.append(EntitySnapshot::toCategory(it.value()));
    std::sort(dataset.categories.begin(), dataset.categories.end(),
              [](const Category &a, const Category &b) {
                  return std::pair(a.order, a.name.toUtf8()) < std::pair(b.order, b.name.toUtf8());
              });
    putInPlace(dataset.sources, std::move(sources), [](const Source &source) {
        return std::tuple(source.published.toIsoString().toUtf8(), source.title.toUtf8(),
                          source.id);
    });
    putInPlace(dataset.events, std::move(events), [](const Event &event) {
        return std::tuple(event.firstJulianDay(), event.lastJulianDay(), event.id);
    });
    // Relations as they were. One an import brought in is recorded only with its events, so
    // a relation whose events or cited sources did not exist then is left out. Of the sources
    // then, only the ones a relation cites are looked for (a few; there may be 100k sources).
    QSet<QString> citedByRelations;
    for (auto it = relations.cbegin(); it != relations.cend(); ++it)
        for (const QJsonValue citation : it.value().value(u"citations"_s).toArray())
            citedByRelations.insert(citation.toArray().at(0).toString()); // EntitySnapshot
    QSet<QString> sourcesThen; // those of citedByRelations that existed then
    if (!citedByRelations.isEmpty())
        for (const Source &source : std::as_const(dataset.sources))
            if (citedByRelations.contains(source.uid))
                sourcesThen.insert(source.uid);
    QHash<QString, const Event *> eventByUid; // for the relations: none, no index
    if (!relations.isEmpty())
        for (const Event &event : std::as_const(dataset.events))
            eventByUid.insert(event.uid, &event);
    for (auto it = relations.cbegin(); it != relations.cend(); ++it) {
        const std::optional<Relation> relation = EntitySnapshot::toRelation(it.key(), it.value());
        if (!relation || !eventByUid.contains(relation->fromUid) ||
            !eventByUid.contains(relation->toUid))
            continue;
        const bool citedSourcesThen = std::all_of(
            relation->citations.cbegin(), relation->citations.cend(),
            [&](const Citation &citation) { return sourcesThen.contains(citation.sourceUid); });
        if (citedSourcesThen)
            dataset.relations << *relation;
    }
    // In the store's order: by the pointing event, then the answered one, then the type.
    const auto order = [&](const Relation &r) {
        const Event *from = eventByUid.value(r.fromUid);
        const Event *to = eventByUid.value(r.toUid);
        return std::tuple(from->firstJulianDay(), from->id, to->firstJulianDay(), to->id,
                          relationTypeKey(r.type));
    };
    std::sort(dataset.relations.begin(), dataset.relations.end(),
              [&](const Relation &a, const Relation &b) { return order(a) < order(b); });
    return dataset;
}

std::optional<Event> eventAsOf(const std::optional<Event> &current, const QString &uid,
                               const QList<RevisionChange> &laterChanges) {
    std::optional<Event> event = current;
    for (auto it = laterChanges.crbegin(); it != laterChanges.crend(); ++it)
        if (it->entity == u"event"_s && it->uid == uid)
            undoEvent(event, *it);
    if (event && current) // the same stored row: its id and times stay the store's
        event->id = current->id;
    return event;
}

StoreChanges changesBackTo(const Dataset &current, const QList<RevisionChange> &laterChanges,
                           const TouchedItems &touched) {
    // The touched events and sources, and every category, as they were then (::datasetAsOf
    // of a dataset that holds only those).
    Dataset touchedNow;
    touchedNow.categories = current.categories;
    touchedNow.events = current.events;
    touchedNow.sources = current.sources;
    const Dataset then = datasetAsOf(std::move(touchedNow), laterChanges, touched);

    StoreChanges changes;
    changes.keepModified = true;
    changes.revisionKind = u"edit"_s;
    changes.revisionSummary = u"the timeline as of an earlier revision"_s;

    QHash<qint64, const Category *> categoryNow;
    for (const Category &category : current.categories)
        categoryNow.insert(category.id, &category);
    QSet<qint64> categoriesThen;
    for (const Category &category : then.categories) {
        categoriesThen.insert(category.id);
        const Category *now = categoryNow.value(category.id);
        if (!now || !(*now == category))
            changes.saveCategories << category;
    }
    for (const Category &category : current.categories)
        if (!categoriesThen.contains(category.id))
            changes.deleteCategoryIds << category.id;

    QSet<QString> sourcesThen, eventsThen;
    for (const Source &source : then.sources) {
        sourcesThen.insert(source.uid);
        changes.saveSources << source;
    }
    for (const Source &source : current.sources)
        if (!sourcesThen.contains(source.uid))
            changes.deleteSourceUids << source.uid;
    for (const Event &event : then.events) {
        eventsThen.insert(event.uid);
        changes.saveEvents << event;
    }
    for (const Event &event : current.events)
        if (!eventsThen.contains(event.uid))
            changes.deleteEventUids << event.uid;

    // Every relation as it was, kept where its events and cited sources existed then (an
    // item no later change touched exists then as now).
    Items relations;
    QHash<QString, const Relation *> relationNow;
    for (const Relation &relation : current.relations) {
        const QString key = EntitySnapshot::relationKey(relation);
        relations.insert(key, EntitySnapshot::fromRelation(relation));
        relationNow.insert(key, &relation);
    }
    for (auto it = laterChanges.crbegin(); it != laterChanges.crend(); ++it)
        if (it->entity == u"relation"_s)
            undoFields(relations, *it);
    const auto eventThen = [&](const QString &uid) {
        return !touched.eventSlot.contains(uid) || eventsThen.contains(uid);
    };
    const auto sourceThen = [&](const QString &uid) {
        return !touched.sourceSlot.contains(uid) || sourcesThen.contains(uid);
    };
    QSet<QString> relationsThen;
    for (auto it = relations.cbegin(); it != relations.cend(); ++it) {
        const std::optional<Relation> relation = EntitySnapshot::toRelation(it.key(), it.value());
        if (!relation || !eventThen(relation->fromUid) || !eventThen(relation->toUid))
            continue;
        if (!std::all_of(relation->citations.cbegin(), relation->citations.cend(),
                         [&](const Citation &citation) { return sourceThen(citation.sourceUid); }))
            continue;
        relationsThen.insert(it.key());
        const Relation *now = relationNow.value(it.key());
        if (!now || !(*now == *relation))
            changes.saveRelations << *relation;
    }
    for (const Relation &relation : current.relations)
        if (!relationsThen.contains(EntitySnapshot::relationKey(relation)))
            changes.deleteRelations << relation;
    return changes;
}
