#pragma once

#include "model/TimelineData.h"

#include <QAbstractTableModel>

#include <vector>

// The matching events as a table: date (at its precision), title, category, status and
// number of sources. It reads the compact TimelineData the timeline draws, so a million
// rows cost two index arrays, not a million Event objects; cells are made when shown.
//
// Sorting is the model's own (sort(), as QTableView::setSortingEnabled calls it): it orders
// an index array by the raw columns, which a QSortFilterProxyModel comparing QVariants
// could not do fast enough for a million rows. Ties keep time order.
class EventTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        DateColumn,
        TitleColumn,
        CategoryColumn,
        StatusColumn,
        SourcesColumn,
        ColumnCount
    };
    enum Role {
        EventIdRole = Qt::UserRole + 1, // qint64, the event's row id in the store
        SortRole,                       // the raw value the column sorts by
    };

    explicit EventTableModel(QObject *parent = nullptr);

    // Replaces the rows (a reset); the current sort order is kept.
    void setTimelineData(const TimelineData &data);
    [[nodiscard]] const TimelineData &timelineData() const { return m_data; }

    [[nodiscard]] qint64 eventId(int row) const;
    [[nodiscard]] int rowOfEvent(qint64 eventId) const; // -1 when not shown
    [[nodiscard]] int sortColumn() const { return m_sortColumn; }
    [[nodiscard]] Qt::SortOrder sortOrder() const { return m_sortOrder; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    // -1 restores time order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The date as shown: "2025", "2025-04" or "2025-04-09" (the start, at its precision).
    [[nodiscard]] static QString dateText(const TimelineData &data, qsizetype i);

private:
    void applySort();
    [[nodiscard]] qsizetype dataIndex(int row) const { return qsizetype(m_order[size_t(row)]); }

    TimelineData m_data;
    std::vector<quint32> m_order; // row → index into m_data
    std::vector<quint32> m_rowOf; // index into m_data → row
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};
