#include "ui/widgets/SourceTableModel.h"

#include <QColor>

SourceTableModel::SourceTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void SourceTableModel::setSources(QList<Source> sources, QHash<QString, int> citationCounts) {
    beginResetModel();
    m_sources = std::move(sources);
    m_counts = std::move(citationCounts);
    endResetModel();
}

int SourceTableModel::rowOfUid(const QString &uid) const {
    for (qsizetype i = 0; i < m_sources.size(); ++i)
        if (m_sources.at(i).uid == uid)
            return int(i);
    return -1;
}

int SourceTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_sources.size());
}

int SourceTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourceTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Source &source = m_sources.at(index.row());
    const int count = m_counts.value(source.uid);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return source.title;
        case OutletColumn:
            return source.outlet;
        case PublishedColumn:
            return source.published.toIsoString();
        case LanguageColumn:
            return source.language;
        case EventsColumn:
            return count;
        }
        break;
    case SortRole:
        switch (index.column()) {
        case PublishedColumn:
            return source.published.isValid() ? source.published.firstJulianDay() : qint64(0);
        case EventsColumn:
            return count;
        default:
            return data(index, Qt::DisplayRole).toString().toCaseFolded();
        }
    case UidRole:
        return source.uid;
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn)
            return source.title;
        if (index.column() == EventsColumn && count == 0)
            return tr("No event cites this source");
        break;
    case Qt::ForegroundRole:
        if (index.column() == EventsColumn && count == 0)
            return QColor(0xb2, 0x6a, 0x00);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == EventsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant SourceTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case OutletColumn:
        return tr("Outlet");
    case PublishedColumn:
        return tr("Published");
    case LanguageColumn:
        return tr("Lang.");
    case EventsColumn:
        return tr("Events");
    }
    return {};
}
