#pragma once

#include "model/history/Revision.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

class TimelineStore;
struct ImportSummary;

// The backend-neutral part of recording a write's revision, which every store shares: the
// items a write is about to change are noted ("touched") with their content before it, read
// through the store's own reads; once the write is done, each touched item is read again and
// the two compared (EntitySnapshot::diff) into the revision's field changes. Each backend
// writes the revision and its changes in the write's own transaction.
class RevisionRecorder {
public:
    explicit RevisionRecorder(const TimelineStore &store)
        : m_store(store) {}

    // An item as its revision records it (entity "event", "source", "category" or
    // "relation"; a category's uid is its row id, a relation's EntitySnapshot::relationKey),
    // or nothing when it does not exist.
    [[nodiscard]] static std::optional<QJsonObject>
    snapshot(const TimelineStore &store, const QString &entity, const QString &uid);

    // The summary of an import's one revision: "FILE: counts", or the counts alone when it
    // read no file (a copy).
    [[nodiscard]] static QString importSummary(const QString &fileName,
                                               const ImportSummary &counts);

    // Notes an item the write is about to change, as it is now (once per write).
    void touch(const QString &entity, const QString &uid);
    // Notes an item the write has just created (nothing before it).
    void touchNew(const QString &entity, const QString &uid);
    // Notes the relations from or to an event (those its deletion takes along).
    void touchRelationsOfEvent(const QString &eventUid);
    // Notes the events that cite a source (their citations go with it).
    void touchEventsCiting(const QString &sourceUid);

    // The changes of every touched item from before to now, in the order first touched.
    [[nodiscard]] QList<RevisionChange> changes() const;
    // Forgets the touched items (after the revision is written, or the write rolled back).
    void clear();

private:
    struct TouchedItem {
        QString entity;
        QString uid;
        std::optional<QJsonObject> before;
    };
    const TimelineStore &m_store;
    QList<TouchedItem> m_touched; // in the order first touched
    QSet<QString> m_touchedKeys;  // "entity:uid"
};
