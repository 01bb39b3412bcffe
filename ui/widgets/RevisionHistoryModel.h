#pragma once

// The history of one event as a tree: each revision that touched it (number, time in UTC, who,
// why or what) with, under it, one row per field it changed: "title: “Old” → “New”". Read
// from TimelineStore::revisions; shown by HistoryPane.

#include "model/history/Revision.h"

#include <QAbstractItemModel>
#include <QList>

class RevisionHistoryModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { RevisionColumn, WhenColumn, AuthorColumn, WhyColumn, ColumnCount };
    // Each row's revision number (both levels).
    static constexpr int RevisionRole = Qt::UserRole + 1;

    explicit RevisionHistoryModel(QObject *parent = nullptr);

    // The revisions as given, with their changes of the item `uid` only (not the record's
    // `created` and `modified` times, which the revision's own time tells).
    void setRevisions(const QList<Revision> &revisions, const QString &uid);
    [[nodiscard]] const QList<Revision> &revisions() const { return m_revisions; }

    // How a field change reads: "title: “Old” → “New”", "created", "deleted".
    [[nodiscard]] static QString changeText(const RevisionChange &change);

    [[nodiscard]] QModelIndex index(int row, int column,
                                    const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    // A change row's internal id is its revision's row + 1; a revision row's is 0.
    QList<Revision> m_revisions;
};
