#pragma once

#include "model/Category.h"
#include "model/Event.h"
#include "model/Source.h"
#include "model/StoreChanges.h"
#include "model/StoreError.h"

#include <QDateTime>
#include <QHash>
#include <QUndoCommand>

#include <functional>
#include <optional>

class TimelineStore;

// The undoable edits of curating. Each redo() and undo() is one StoreChanges written in one
// transaction. Each command keeps full snapshots of what it changes, so undoing a delete
// puts back the same uid, links, quotes and times.
//
// When a write fails (the database is locked or read-only, or the event was changed
// elsewhere), nothing was written: the command reports the StoreError through its error
// handler and marks itself obsolete, so QUndoStack drops it rather than claiming a change
// that did not happen. The database and the stack stay in agreement.
class StoreCommand : public QUndoCommand {
public:
    using ErrorHandler = std::function<void(const StoreError &)>;

    StoreCommand(TimelineStore &store, const QString &text, QUndoCommand *parent = nullptr);

    void setErrorHandler(ErrorHandler handler) { m_onError = std::move(handler); }
    void redo() final;
    void undo() final;

    // The outcome of the last redo() or undo().
    [[nodiscard]] bool failed() const { return m_error.isError(); }
    [[nodiscard]] StoreError lastError() const { return m_error; }
    // The event to select after the last redo() or undo(), 0 for none.
    [[nodiscard]] qint64 focusEventId() const { return m_focusEventId; }

protected:
    [[nodiscard]] virtual StoreChanges redoChanges() const = 0;
    [[nodiscard]] virtual StoreChanges undoChanges() const = 0;
    // What was written, with the ids, uids and times the store filled in.
    virtual void written(bool redone, const StoreChanges &changes);
    // The state of an existing event the command starts from: a later write that finds it
    // changed elsewhere is refused rather than overwriting that change.
    void expectEvent(const Event &event) {
        m_known.insert(event.uid, {event.modified, event.rowVersion.value});
    }

    TimelineStore &m_store;

private:
    void apply(bool redoing);

    ErrorHandler m_onError;
    StoreError m_error;
    // The version of an event known to exist: its `modified` and, where the store keeps one,
    // its row version (0: none).
    struct KnownVersion {
        QDateTime modified;
        qint64 rowVersion = 0;
    };
    QHash<QString, KnownVersion> m_known;     // uid → version, for events known to exist
    QHash<QString, QDateTime> m_redoModified; // uid → modified the first redo() wrote
    bool m_doneOnce = false;
    qint64 m_focusEventId = 0;
};

class AddEventCommand : public StoreCommand {
public:
    AddEventCommand(TimelineStore &store, Event event);
    [[nodiscard]] const Event &event() const { return m_event; }

protected:
    StoreChanges redoChanges() const override;
    StoreChanges undoChanges() const override;
    void written(bool redone, const StoreChanges &changes) override;

    Event m_event;
};

// A copy of an event (new uid, "(copy)" after the title) with all its links.
class DuplicateEventCommand : public AddEventCommand {
public:
    DuplicateEventCommand(TimelineStore &store, const Event &original);
    [[nodiscard]] static Event duplicateOf(const Event &original);
};

class EditEventCommand : public StoreCommand {
public:
    // `before` is the event as the editor opened it (its `modified` is checked on write).
    EditEventCommand(TimelineStore &store, const Event &before, const Event &after,
                     const QString &text = {});

protected:
    StoreChanges redoChanges() const override;
    StoreChanges undoChanges() const override;
    void written(bool redone, const StoreChanges &changes) override;

    Event m_before;
    Event m_after;
};

// Dragging in time: the dates move by whole units of their precision.
class MoveEventCommand : public EditEventCommand {
public:
    MoveEventCommand(TimelineStore &store, const Event &event, qint64 dayDelta);
    // The event moved so its first day lands dayDelta days later, snapped to its precision.
    [[nodiscard]] static Event moved(const Event &event, qint64 dayDelta);
    // One end of a range (or a point's end, making it a range) set to the day, at its precision.
    [[nodiscard]] static Event resized(const Event &event, bool end, qint64 julianDay);
};

class DeleteEventsCommand : public StoreCommand {
public:
    DeleteEventsCommand(TimelineStore &store, const QList<Event> &events);

protected:
    StoreChanges redoChanges() const override;
    StoreChanges undoChanges() const override;

private:
    QList<Event> m_events;
    QList<Relation> m_relations; // from or to the events: removed with them, put back by undo
};

// `keep` takes the union of both events' actors, chips, tags and sources; `drop` is deleted.
class MergeEventsCommand : public StoreCommand {
public:
    MergeEventsCommand(TimelineStore &store, const Event &keep, const Event &drop);
    [[nodiscard]] static Event merged(const Event &keep, const Event &drop);

protected:
    StoreChanges redoChanges() const override;
    StoreChanges undoChanges() const override;
    void written(bool redone, const StoreChanges &changes) override;

private:
    Event m_keep;
    Event m_drop;
    Event m_merged;
    // The relations of `drop` move to `keep` (one between the two is dropped); undo puts back
    // both events' relations as they were.
    QList<Relation> m_keepRelations;
    QList<Relation> m_dropRelations;
    QList<Relation> m_movedRelations;
};

// The same change applied to several events.
struct BulkChange {
    std::optional<QString> category;
    std::optional<EventStatus> status;
    QStringList addTags;
    QStringList removeTags;

    [[nodiscard]] Event appliedTo(Event event) const;
    [[nodiscard]] bool isEmpty() const {
        return !category && !status && addTags.isEmpty() && removeTags.isEmpty();
    }
};

class BulkEditCommand : public StoreCommand {
public:
    BulkEditCommand(TimelineStore &store, const QList<Event> &events, const BulkChange &change);

protected:
    StoreChanges redoChanges() const override;
    StoreChanges undoChanges() const override;

private:
    QList<Event> m_before;
    QList<Event> m_after;
};

// Adds a source or replaces one citation (quote and locator) of an event.
class LinkSourceCommand : public EditEventCommand {
public:
    LinkSourceCommand(TimelineStore &store, const Event &event, const Citation &citation);
};

class UnlinkSourceCommand : public EditEventCommand {
public:
    UnlinkSourceCommand(TimelineStore &store, const Event &event, const QString &sourceUid);
};

class AddSourceCommand : public StoreCommand {
public:
    AddSourceCommand(TimelineStore &store, Source source);
    [[nodiscard]] const Source &source() const { return m_source; }

protected:
    StoreChanges redoChanges() const override;
    StoreChanges undoChanges() const override;
    void written(bool redone, const StoreChanges &changes) override;

private:
    Source m_source;
};

class EditSourceCommand : public StoreCommand {
public:
    EditSourceCommand(TimelineStore &store, const Source &before, const Source &after);

protected:
    StoreChanges redoChanges() const override;
    StoreChanges undoChanges() const override;

private:
    Source m_before;
    Source m_after;
};

// Undo puts the source back with every citation (quote, locator, position) it had.
class DeleteSourceCommand : public StoreCommand {
public:
    DeleteSourceCommand(TimelineStore &store, const Source &source, const QList<Event> &citing);

protected:
    StoreChanges redoChanges() const override;
    StoreChanges undoChanges() const override;
    void written(bool redone, const StoreChanges &changes) override;

private:
    Source m_source;
    QList<Event> m_citing;
    QList<Relation> m_citingRelations; // relations citing the source lose that citation
};

// Saves categories (new ones have id 0): renames, colours, order. Undo restores the old ones
// and removes the new ones.
class EditCategoriesCommand : public StoreCommand {
public:
    EditCategoriesCommand(TimelineStore &store, const QList<Category> &before,
                          const QList<Category> &after, const QString &text);

protected:
    StoreChanges redoChanges() const override;
    StoreChanges undoChanges() const override;
    void written(bool redone, const StoreChanges &changes) override;

private:
    QList<Category> m_before;
    QList<Category> m_after;
};

// Deletes a category after moving its events to another (empty name: no category).
class DeleteCategoryCommand : public StoreCommand {
public:
    DeleteCategoryCommand(TimelineStore &store, const Category &category,
                          const QList<Event> &events, const QString &moveTo);

protected:
    StoreChanges redoChanges() const override;
    StoreChanges undoChanges() const override;

private:
    Category m_category;
    QList<Event> m_before;
    QList<Event> m_after;
};
