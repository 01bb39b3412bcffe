#pragma once

#include "model/EditCommands.h"
#include "model/Relation.h"

#include <optional>

// Undoable edits of relations between events (see EditCommands): link two events, change a
// link's note or sources (its type or ends make it another link), remove a link.
class SaveRelationCommand : public StoreCommand {
public:
    // `before` empty: a new link. Event titles name the step in Undo History.
    SaveRelationCommand(TimelineStore &store, const Relation &after,
                        const std::optional<Relation> &before, const QString &fromTitle,
                        const QString &toTitle);

protected:
    StoreChanges redoChanges() const override;
    StoreChanges undoChanges() const override;

private:
    Relation m_after;
    std::optional<Relation> m_before;
};

class RemoveRelationCommand : public StoreCommand {
public:
    RemoveRelationCommand(TimelineStore &store, const Relation &relation, const QString &fromTitle,
                          const QString &toTitle);

protected:
    StoreChanges redoChanges() const override;
    StoreChanges undoChanges() const override;

private:
    Relation m_relation;
};
