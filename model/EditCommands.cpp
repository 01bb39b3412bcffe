#include "model/EditCommands.h"

#include "model/store/TimelineStore.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("EditCommands", text);
}

QString quoted(const Event &event) {
    return u"“%1”"_s.arg(event.title);
}

// Appends the names of `more` that `names` lacks, keeping the order of both.
QStringList united(QStringList names, const QStringList &more) {
    for (const QString &name : more)
        if (!names.contains(name, Qt::CaseInsensitive))
            names << name;
    return names;
}

int monthIndex(const PartialDate &date) {
    return date.year() * 12 + (date.month() > 0 ? date.month() - 1 : 0);
}

PartialDate shiftedMonths(const PartialDate &date, int months) {
    const QDate first = date.firstDay().addMonths(months);
    return PartialDate::fromDate(first, date.precision());
}

} // namespace

// ---- StoreCommand ----

StoreCommand::StoreCommand(TimelineStore &store, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_store(store) {}

void StoreCommand::redo() {
    apply(true);
}

void StoreCommand::undo() {
    apply(false);
}

void StoreCommand::written(bool redone, const StoreChanges &changes) {
    Q_UNUSED(redone);
    Q_UNUSED(changes);
}

void StoreCommand::apply(bool redoing) {
    StoreChanges changes = redoing ? redoChanges() : undoChanges();
    // Only the first do stamps a new time; undo restores the snapshots' times and a redo
    // the first do's, so each step of the history is reached in exactly one state.
    changes.keepModified = !redoing || m_doneOnce;
    changes.revisionKind = !redoing ? u"undo"_s : m_doneOnce ? u"redo"_s : u"edit"_s;
    changes.revisionSummary = text();
    if (redoing && m_doneOnce)
        for (Event &event : changes.saveEvents)
            event.modified = m_redoModified.value(event.uid, event.modified);
    const auto expect = [&](const QString &uid) {
        const auto known = m_known.constFind(uid);
        if (known == m_known.cend())
            return;
        changes.expectModified.insert(uid, known->modified);
        if (known->rowVersion > 0)
            changes.expectRowVersion.insert(uid, known->rowVersion);
    };
    for (const Event &event : std::as_const(changes.saveEvents))
        expect(event.uid);
    for (const QString &uid : std::as_const(changes.deleteEventUids))
        expect(uid);

    m_error = {};
    if (!m_store.applyChanges(changes, &m_error)) {
        // Nothing was written: the stack must not show this step as done (or undone).
        setObsolete(true);
        if (m_onError)
            m_onError(m_error);
        return;
    }
    for (const Event &event : std::as_const(changes.saveEvents))
        expectEvent(event);
    for (const QString &uid : std::as_const(changes.deleteEventUids))
        m_known.remove(uid);
    if (redoing && !m_doneOnce) {
        m_doneOnce = true;
        for (const Event &event : std::as_const(changes.saveEvents))
            m_redoModified.insert(event.uid, event.modified);
    }
    m_focusEventId = changes.saveEvents.isEmpty() ? 0 : changes.saveEvents.constFirst().id;
    written(redoing, changes);
}

// ---- Events ----

AddEventCommand::AddEventCommand(TimelineStore &store, Event event)
    : StoreCommand(store, tr("Add %1").arg(quoted(event)))
    , m_event(std::move(event)) {}

StoreChanges AddEventCommand::redoChanges() const {
    StoreChanges changes;
    changes.saveEvents << m_event;
    return changes;
}

StoreChanges AddEventCommand::undoChanges() const {
    StoreChanges changes;
    changes.deleteEventUids << m_event.uid;
    return changes;
}

void AddEventCommand::written(bool redone, const StoreChanges &changes) {
    // Later redos put back this very event: same uid, row id and times.
    if (redone && m_event.uid.isEmpty())
        m_event = changes.saveEvents.constFirst();
}

Event DuplicateEventCommand::duplicateOf(const Event &original) {
    Event copy = original;
    copy.id = 0;
    copy.uid.clear();
    copy.created = {};
    copy.modified = {};
    copy.title = tr("%1 (copy)").arg(original.title);
    return copy;
}

DuplicateEventCommand::DuplicateEventCommand(TimelineStore &store, const Event &original)
    : AddEventCommand(store, duplicateOf(original)) {
    setText(tr("Duplicate %1").arg(quoted(original)));
}

EditEventCommand::EditEventCommand(TimelineStore &store, const Event &before, const Event &after,
                                   const QString &text)
    : StoreCommand(store, text.isEmpty() ? tr("Edit %1").arg(quoted(after)) : text)
    , m_before(before)
    , m_after(after) {
    m_after.uid = before.uid;
    m_after.id = before.id;
    m_after.created = before.created;
    expectEvent(before);
}

StoreChanges EditEventCommand::redoChanges() const {
    StoreChanges changes;
    changes.saveEvents << m_after;
    return changes;
}

StoreChanges EditEventCommand::undoChanges() const {
    StoreChanges changes;
    changes.saveEvents << m_before;
    return changes;
}

void EditEventCommand::written(bool redone, const StoreChanges &changes) {
    (redone ? m_after : m_before).modified = changes.saveEvents.constFirst().modified;
}

Event MoveEventCommand::moved(const Event &event, qint64 dayDelta) {
    Event result = event;
    const QDate newFirst = event.start.firstDay().addDays(dayDelta);
    result.start = PartialDate::fromDate(newFirst, event.start.precision());
    if (event.end.isValid()) {
        if (event.start.precision() == DatePrecision::Day &&
            event.end.precision() == DatePrecision::Day) {
            result.end =
                PartialDate::fromDate(event.end.firstDay().addDays(dayDelta), DatePrecision::Day);
        } else {
            // Coarse dates move by whole months (or years), keeping the range's length.
            const int months = monthIndex(result.start) - monthIndex(event.start);
            result.end = shiftedMonths(event.end, months);
        }
    }
    return result;
}

Event MoveEventCommand::resized(const Event &event, bool end, qint64 julianDay) {
    Event result = event;
    const QDate day = QDate::fromJulianDay(julianDay);
    if (end) {
        const DatePrecision precision =
            event.end.isValid() ? event.end.precision() : event.start.precision();
        result.end = PartialDate::fromDate(day, precision);
        if (result.end.lastJulianDay() < result.start.firstJulianDay())
            result.end = event.end;
    } else {
        result.start = PartialDate::fromDate(day, event.start.precision());
        if (event.end.isValid() && result.start.firstJulianDay() > event.end.lastJulianDay())
            result.start = event.start;
    }
    // A range that shrank to the span of its start is a point again.
    if (result.end.isValid() && result.end == result.start)
        result.end = {};
    return result;
}

MoveEventCommand::MoveEventCommand(TimelineStore &store, const Event &event, qint64 dayDelta)
    : EditEventCommand(store, event, moved(event, dayDelta), tr("Move %1").arg(quoted(event))) {}

DeleteEventsCommand::DeleteEventsCommand(TimelineStore &store, const QList<Event> &events)
    : StoreCommand(store, events.size() == 1
                              ? tr("Delete %1").arg(quoted(events.constFirst()))
                              : QCoreApplication::translate("EditCommands", "Delete %n events",
                                                            nullptr, int(events.size())))
    , m_events(events) {
    for (const Event &event : events) {
        expectEvent(event);
        for (const Relation &relation : store.relationsOf(event.uid))
            if (std::none_of(m_relations.cbegin(), m_relations.cend(),
                             [&](const Relation &r) { return r.sameKey(relation); }))
                m_relations << relation;
    }
}

StoreChanges DeleteEventsCommand::redoChanges() const {
    StoreChanges changes;
    for (const Event &event : m_events)
        changes.deleteEventUids << event.uid;
    return changes;
}

StoreChanges DeleteEventsCommand::undoChanges() const {
    StoreChanges changes;
    changes.saveEvents = m_events;
    changes.saveRelations = m_relations;
    return changes;
}

Event MergeEventsCommand::merged(const Event &keep, const Event &drop) {
    Event result = keep;
    result.actors = united(keep.actors, drop.actors);
    result.chips = united(keep.chips, drop.chips);
    result.tags = united(keep.tags, drop.tags);
    if (result.summary.trimmed().isEmpty())
        result.summary = drop.summary;
    QSet<QString> cited;
    for (const Citation &citation : keep.citations)
        cited.insert(citation.sourceUid);
    for (const Citation &citation : drop.citations)
        if (!cited.contains(citation.sourceUid))
            result.citations << citation;
    result.importance = std::max(keep.importance, drop.importance);
    return result;
}

MergeEventsCommand::MergeEventsCommand(TimelineStore &store, const Event &keep, const Event &drop)
    : StoreCommand(store, tr("Merge %1 into %2").arg(quoted(drop), quoted(keep)))
    , m_keep(keep)
    , m_drop(drop)
    , m_merged(merged(keep, drop))
    , m_keepRelations(store.relationsOf(keep.uid))
    , m_dropRelations(store.relationsOf(drop.uid)) {
    expectEvent(keep);
    expectEvent(drop);
    for (Relation relation : std::as_const(m_dropRelations)) {
        if (relation.fromUid == drop.uid)
            relation.fromUid = keep.uid;
        if (relation.toUid == drop.uid)
            relation.toUid = keep.uid;
        if (relation.fromUid != relation.toUid)
            m_movedRelations << relation;
    }
}

StoreChanges MergeEventsCommand::redoChanges() const {
    StoreChanges changes;
    changes.saveEvents << m_merged;
    changes.saveRelations = m_movedRelations;
    changes.deleteEventUids << m_drop.uid;
    return changes;
}

StoreChanges MergeEventsCommand::undoChanges() const {
    StoreChanges changes;
    changes.saveEvents << m_keep << m_drop;
    for (const Relation &moved : m_movedRelations) {
        const auto before =
            std::find_if(m_keepRelations.cbegin(), m_keepRelations.cend(),
                         [&](const Relation &relation) { return relation.sameKey(moved); });
        if (before == m_keepRelations.cend())
            changes.deleteRelations << moved;
        else
            changes.saveRelations << *before;
    }
    changes.saveRelations << m_dropRelations;
    return changes;
}

void MergeEventsCommand::written(bool redone, const StoreChanges &changes) {
    if (redone)
        m_merged.modified = changes.saveEvents.constFirst().modified;
}

Event BulkChange::appliedTo(Event event) const {
    if (category)
        event.category = *category;
    if (status)
        event.status = *status;
    for (const QString &tag : removeTags)
        event.tags.removeIf(
            [&](const QString &t) { return t.compare(tag, Qt::CaseInsensitive) == 0; });
    event.tags = united(event.tags, addTags);
    return event;
}

BulkEditCommand::BulkEditCommand(TimelineStore &store, const QList<Event> &events,
                                 const BulkChange &change)
    : StoreCommand(store, QCoreApplication::translate("EditCommands", "Edit %n events", nullptr,
                                                      int(events.size())))
    , m_before(events) {
    for (const Event &event : events) {
        m_after << change.appliedTo(event);
        expectEvent(event);
    }
}

StoreChanges BulkEditCommand::redoChanges() const {
    StoreChanges changes;
    changes.saveEvents = m_after;
    return changes;
}

StoreChanges BulkEditCommand::undoChanges() const {
    StoreChanges changes;
    changes.saveEvents = m_before;
    return changes;
}

namespace {
Event withCitation(Event event, const Citation &citation) {
    for (Citation &existing : event.citations) {
        if (existing.sourceUid == citation.sourceUid) {
            existing = citation;
            return event;
        }
    }
    event.citations << citation;
    return event;
}

Event withoutCitation(Event event, const QString &sourceUid) {
    event.citations.removeIf([&](const Citation &c) { return c.sourceUid == sourceUid; });
    return event;
}
} // namespace

LinkSourceCommand::LinkSourceCommand(TimelineStore &store, const Event &event,
                                     const Citation &citation)
    : EditEventCommand(store, event, withCitation(event, citation),
                       tr("Link a source to %1").arg(quoted(event))) {}

UnlinkSourceCommand::UnlinkSourceCommand(TimelineStore &store, const Event &event,
                                         const QString &sourceUid)
    : EditEventCommand(store, event, withoutCitation(event, sourceUid),
                       tr("Unlink a source from %1").arg(quoted(event))) {}

// ---- Sources ----

AddSourceCommand::AddSourceCommand(TimelineStore &store, Source source)
    : StoreCommand(store, tr("Add source “%1”").arg(source.title))
    , m_source(std::move(source)) {}

StoreChanges AddSourceCommand::redoChanges() const {
    StoreChanges changes;
    changes.saveSources << m_source;
    return changes;
}

StoreChanges AddSourceCommand::undoChanges() const {
    StoreChanges changes;
    changes.deleteSourceUids << m_source.uid;
    return changes;
}

void AddSourceCommand::written(bool redone, const StoreChanges &changes) {
    if (redone && m_source.uid.isEmpty())
        m_source = changes.saveSources.constFirst();
}

EditSourceCommand::EditSourceCommand(TimelineStore &store, const Source &before,
                                     const Source &after)
    : StoreCommand(store, tr("Edit source “%1”").arg(after.title))
    , m_before(before)
    , m_after(after) {
    m_after.uid = before.uid;
    m_after.id = before.id;
}

StoreChanges EditSourceCommand::redoChanges() const {
    StoreChanges changes;
    changes.saveSources << m_after;
    return changes;
}

StoreChanges EditSourceCommand::undoChanges() const {
    StoreChanges changes;
    changes.saveSources << m_before;
    return changes;
}

DeleteSourceCommand::DeleteSourceCommand(TimelineStore &store, const Source &source,
                                         const QList<Event> &citing)
    : StoreCommand(store, tr("Delete source “%1”").arg(source.title))
    , m_source(source)
    , m_citing(citing) {
    for (const Event &event : citing)
        expectEvent(event);
    for (const Relation &relation : store.relations())
        if (std::any_of(relation.citations.cbegin(), relation.citations.cend(),
                        [&](const Citation &c) { return c.sourceUid == source.uid; }))
            m_citingRelations << relation;
}

StoreChanges DeleteSourceCommand::redoChanges() const {
    StoreChanges changes;
    changes.deleteSourceUids << m_source.uid;
    return changes;
}

StoreChanges DeleteSourceCommand::undoChanges() const {
    StoreChanges changes;
    changes.saveSources << m_source;
    changes.saveEvents = m_citing;
    changes.saveRelations = m_citingRelations;
    return changes;
}

void DeleteSourceCommand::written(bool redone, const StoreChanges &changes) {
    if (!redone)
        m_source.id = changes.saveSources.constFirst().id;
}

// ---- Categories ----

EditCategoriesCommand::EditCategoriesCommand(TimelineStore &store, const QList<Category> &before,
                                             const QList<Category> &after, const QString &text)
    : StoreCommand(store, text)
    , m_before(before)
    , m_after(after) {}

StoreChanges EditCategoriesCommand::redoChanges() const {
    StoreChanges changes;
    changes.saveCategories = m_after;
    return changes;
}

StoreChanges EditCategoriesCommand::undoChanges() const {
    StoreChanges changes;
    changes.saveCategories = m_before;
    QSet<qint64> existed;
    for (const Category &category : m_before)
        existed.insert(category.id);
    for (const Category &category : m_after)
        if (!existed.contains(category.id))
            changes.deleteCategoryIds << category.id;
    return changes;
}

void EditCategoriesCommand::written(bool redone, const StoreChanges &changes) {
    // New categories keep their row id, so undo can remove them and redo put them back.
    if (redone)
        m_after = changes.saveCategories;
}

DeleteCategoryCommand::DeleteCategoryCommand(TimelineStore &store, const Category &category,
                                             const QList<Event> &events, const QString &moveTo)
    : StoreCommand(store, tr("Delete category “%1”").arg(category.displayName()))
    , m_category(category)
    , m_before(events) {
    for (Event event : events) {
        expectEvent(event);
        event.category = moveTo;
        m_after << event;
    }
}

StoreChanges DeleteCategoryCommand::redoChanges() const {
    StoreChanges changes;
    changes.saveEvents = m_after;
    changes.deleteCategoryIds << m_category.id;
    return changes;
}

StoreChanges DeleteCategoryCommand::undoChanges() const {
    StoreChanges changes;
    changes.saveCategories << m_category;
    changes.saveEvents = m_before;
    return changes;
}
