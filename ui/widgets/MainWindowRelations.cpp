// MainWindow: the selected event in Details and its relations on the timeline: arcs to the
// events it answers and that answer it, or with Show Chain its whole lineage.

#include "model/RelationChain.h"
#include "ui/widgets/EventDetailsView.h"
#include "ui/widgets/HistoryPane.h"
#include "ui/widgets/MainWindow.h"
#include "ui/widgets/TimelineView.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

void MainWindow::setShowChain(bool show) {
    if (show == m_showChain)
        return;
    m_showChain = show;
    showSelected(m_timeline->selectedEvent());
}

void MainWindow::showSelected(qint64 id) {
    const std::optional<Event> event = id ? m_store->event(id) : std::nullopt;
    if (m_history)
        m_history->setEvent(event ? event->uid : QString(), event ? event->title : QString());
    if (!event) {
        m_timeline->setRelationArcs({});
        m_timeline->setChainFocus(std::nullopt);
        m_details->clearEvent();
        return;
    }
    // Its relations: arcs on the timeline, a list in Details.
    const QList<Relation> relations = m_store->relationsOf(event->uid);
    QHash<QString, Event> related;
    const auto remember = [&](const QString &uid) {
        if (uid != event->uid && !related.contains(uid))
            if (std::optional<Event> found = m_store->eventByUid(uid))
                related.insert(uid, *std::move(found));
    };
    const auto idOf = [&](const QString &uid) {
        return uid == event->uid ? event->id : related.value(uid).id;
    };
    for (const Relation &relation : relations) {
        remember(relation.fromUid);
        remember(relation.toUid);
    }
    // Show Chain draws every relation of the lineage and veils what is not part of it.
    const QList<Relation> drawn =
        m_showChain ? m_store->relationChain(event->uid).relations : relations;
    QList<RelationArc> arcs;
    QSet<qint64> chain{event->id};
    for (const Relation &relation : drawn) {
        remember(relation.fromUid);
        remember(relation.toUid);
        arcs << RelationArc{idOf(relation.fromUid), idOf(relation.toUid),
                            relationTypeLabel(relation.type)};
        chain << idOf(relation.fromUid) << idOf(relation.toUid);
    }
    m_timeline->setRelationArcs(arcs);
    m_timeline->setChainFocus(m_showChain ? std::optional(chain) : std::nullopt);
    // Only the sources this event and its relations cite are read, not every source.
    QHash<QString, Source> cited;
    const auto cite = [&](const Citation &citation) {
        if (!cited.contains(citation.sourceUid))
            if (std::optional<Source> source = m_store->sourceByUid(citation.sourceUid))
                cited.insert(citation.sourceUid, *std::move(source));
    };
    for (const Citation &citation : event->citations)
        cite(citation);
    for (const Relation &relation : relations)
        for (const Citation &citation : relation.citations)
            cite(citation);
    m_details->showEvent(*event, cited, m_categories, relations, related);
}
