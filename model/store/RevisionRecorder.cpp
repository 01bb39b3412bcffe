// The revision of a write in progress, backend-neutral (see RevisionRecorder.h).

#include "model/store/RevisionRecorder.h"

#include "model/history/EntitySnapshot.h"
#include "model/store/TimelineStore.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

std::optional<QJsonObject> RevisionRecorder::snapshot(const TimelineStore &store,
                                                      const QString &entity, const QString &uid) {
    if (entity == u"event"_s) {
        const std::optional<Event> found = store.eventByUid(uid);
        return found ? std::optional(EntitySnapshot::fromEvent(*found)) : std::nullopt;
    }
    if (entity == u"source"_s) {
        const std::optional<Source> found = store.sourceByUid(uid);
        return found ? std::optional(EntitySnapshot::fromSource(*found)) : std::nullopt;
    }
    if (entity == u"relation"_s) {
        const std::optional<Relation> key = EntitySnapshot::toRelation(uid, {});
        if (!key)
            return std::nullopt;
        for (const Relation &relation : store.relationsOf(key->fromUid))
            if (relation.sameKey(*key))
                return EntitySnapshot::fromRelation(relation);
        return std::nullopt;
    }
    const qint64 id = uid.toLongLong();
    for (const Category &category : store.categories())
        if (category.id == id)
            return EntitySnapshot::fromCategory(category);
    return std::nullopt;
}

void RevisionRecorder::touch(const QString &entity, const QString &uid) {
    if (uid.isEmpty() || m_touchedKeys.contains(entity + u':' + uid))
        return;
    m_touchedKeys.insert(entity + u':' + uid);
    m_touched.append({entity, uid, snapshot(m_store, entity, uid)});
}

void RevisionRecorder::touchNew(const QString &entity, const QString &uid) {
    if (uid.isEmpty() || m_touchedKeys.contains(entity + u':' + uid))
        return;
    m_touchedKeys.insert(entity + u':' + uid);
    m_touched.append({entity, uid, std::nullopt});
}

void RevisionRecorder::touchRelationsOfEvent(const QString &eventUid) {
    if (eventUid.isEmpty())
        return;
    for (const Relation &relation : m_store.relationsOf(eventUid))
        touch(u"relation"_s, EntitySnapshot::relationKey(relation));
}

void RevisionRecorder::touchEventsCiting(const QString &sourceUid) {
    if (sourceUid.isEmpty())
        return;
    for (const auto &cited : m_store.citingEvents(sourceUid))
        touch(u"event"_s, cited.first.uid);
}

QList<RevisionChange> RevisionRecorder::changes() const {
    QList<RevisionChange> found;
    for (const TouchedItem &item : m_touched)
        found += EntitySnapshot::diff(item.entity, item.uid, item.before,
                                      snapshot(m_store, item.entity, item.uid));
    return found;
}

void RevisionRecorder::clear() {
    m_touched.clear();
    m_touchedKeys.clear();
}

QString RevisionRecorder::importSummary(const QString &fileName, const ImportSummary &counts) {
    return fileName.isEmpty() ? counts.toString()
                              : u"%1: %2"_s.arg(QFileInfo(fileName).fileName(), counts.toString());
}
