#include "model/RelationCommands.h"

#include <QCoreApplication>

SaveRelationCommand::SaveRelationCommand(TimelineStore &store, const Relation &after,
                                         const std::optional<Relation> &before,
                                         const QString &fromTitle, const QString &toTitle)
    : StoreCommand(store,
                   (before
                        ? QCoreApplication::translate("RelationCommands", "Edit link: “%1” %2 “%3”")
                        : QCoreApplication::translate("RelationCommands", "Link “%1” %2 “%3”"))
                       .arg(fromTitle, relationTypeLabel(after.type), toTitle))
    , m_after(after)
    , m_before(before) {}

StoreChanges SaveRelationCommand::redoChanges() const {
    StoreChanges changes;
    if (m_before && !m_before->sameKey(m_after))
        changes.deleteRelations << *m_before;
    changes.saveRelations << m_after;
    return changes;
}

StoreChanges SaveRelationCommand::undoChanges() const {
    StoreChanges changes;
    if (!m_before || !m_before->sameKey(m_after))
        changes.deleteRelations << m_after;
    if (m_before)
        changes.saveRelations << *m_before;
    return changes;
}

RemoveRelationCommand::RemoveRelationCommand(TimelineStore &store, const Relation &relation,
                                             const QString &fromTitle, const QString &toTitle)
    : StoreCommand(store, QCoreApplication::translate("RelationCommands", "Unlink “%1” %2 “%3”")
                              .arg(fromTitle, relationTypeLabel(relation.type), toTitle))
    , m_relation(relation) {}

StoreChanges RemoveRelationCommand::redoChanges() const {
    StoreChanges changes;
    changes.deleteRelations << m_relation;
    return changes;
}

StoreChanges RemoveRelationCommand::undoChanges() const {
    StoreChanges changes;
    changes.saveRelations << m_relation;
    return changes;
}
