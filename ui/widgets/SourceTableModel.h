#pragma once

#include "model/Source.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

// The sources of the database as a table: title, outlet, date, language and how many
// events cite each. Sorting goes through a QSortFilterProxyModel (SortRole gives values
// that sort correctly: dates by their first day, counts as numbers).
class SourceTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TitleColumn,
        OutletColumn,
        PublishedColumn,
        LanguageColumn,
        EventsColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, UidRole };

    explicit SourceTableModel(QObject *parent = nullptr);

    void setSources(QList<Source> sources, QHash<QString, int> citationCounts);
    [[nodiscard]] const Source &source(int row) const { return m_sources.at(row); }
    [[nodiscard]] int rowOfUid(const QString &uid) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    QList<Source> m_sources;
    QHash<QString, int> m_counts;
};
