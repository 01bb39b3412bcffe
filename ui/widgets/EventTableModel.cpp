#include "ui/widgets/EventTableModel.h"

#include <QDate>

#include <algorithm>
#include <limits>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

// Case-insensitive for ASCII, bytewise beyond: fast on a million UTF-8 titles, and it
// orders the titles of this domain (mostly English names and chip models) as people expect.
int compareTitles(QByteArrayView a, QByteArrayView b) {
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        auto fold = [](char c) {
            const auto u = static_cast<unsigned char>(c);
            return u >= 'A' && u <= 'Z' ? u + ('a' - 'A') : u;
        };
        const unsigned int x = fold(a[i]);
        const unsigned int y = fold(b[i]);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

} // namespace

EventTableModel::EventTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void EventTableModel::setTimelineData(const TimelineData &data) {
    beginResetModel();
    m_data = data;
    applySort();
    endResetModel();
}

QString EventTableModel::dateText(const TimelineData &data, qsizetype i) {
    return PartialDate::fromDate(QDate::fromJulianDay(data.firstDay(i)), data.precision(i))
        .toIsoString();
}

qint64 EventTableModel::eventId(int row) const {
    return row >= 0 && row < rowCount() ? m_data.id(dataIndex(row)) : 0;
}

int EventTableModel::rowOfEvent(qint64 eventId) const {
    const qsizetype i = m_data.indexOfId(eventId);
    return i < 0 ? -1 : int(m_rowOf[size_t(i)]);
}

int EventTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_order.size());
}

int EventTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qsizetype i = dataIndex(index.row());
    const int category = m_data.category(i);
    const bool hasCategory = category >= 0 && category < m_data.categories().size();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn:
            return dateText(m_data, i);
        case TitleColumn:
            return m_data.title(i);
        case CategoryColumn:
            return hasCategory ? m_data.categories().at(category).displayName() : QString();
        case StatusColumn:
            return eventStatusLabel(m_data.status(i));
        case SourcesColumn:
            return m_data.sourceCount(i);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn)
            return eventStatusExplanation(m_data.status(i));
        if (index.column() == TitleColumn)
            return m_data.title(i);
        break;
    case Qt::DecorationRole:
        if (index.column() == CategoryColumn && hasCategory)
            return m_data.categories().at(category).color;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == SourcesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case EventIdRole:
        return m_data.id(i);
    case SortRole:
        switch (index.column()) {
        case DateColumn:
            return qint64(m_data.firstDay(i));
        case TitleColumn:
            return m_data.title(i);
        case CategoryColumn:
            return category;
        case StatusColumn:
            return int(m_data.status(i));
        case SourcesColumn:
            return m_data.sourceCount(i);
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn:
        return tr("Date");
    case TitleColumn:
        return tr("Title");
    case CategoryColumn:
        return tr("Category");
    case StatusColumn:
        return tr("Status");
    case SourcesColumn:
        return tr("Sources");
    default:
        return {};
    }
}

void EventTableModel::sort(int column, Qt::SortOrder order) {
    if (column >= ColumnCount)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<quint32> oldIndices;
    oldIndices.reserve(size_t(before.size()));
    for (const QModelIndex &index : before)
        oldIndices.push_back(m_order[size_t(index.row())]);
    m_sortColumn = column;
    m_sortOrder = order;
    applySort();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype k = 0; k < before.size(); ++k)
        after << index(int(m_rowOf[oldIndices[size_t(k)]]), before[k].column());
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void EventTableModel::applySort() {
    const size_t n = size_t(m_data.size());
    m_order.resize(n);
    std::iota(m_order.begin(), m_order.end(), 0u);
    const TimelineData &d = m_data;
    // Categories sort by their order in the category list (the lanes' order), none last.
    const auto categoryKey = [&d](quint32 i) {
        const int c = d.category(i);
        return c < 0 ? std::numeric_limits<int>::max() : c;
    };
    const auto less = [&](quint32 a, quint32 b) -> bool {
        switch (m_sortColumn) {
        case DateColumn:
            return d.firstDay(a) < d.firstDay(b);
        case TitleColumn:
            return compareTitles(d.titleUtf8(a), d.titleUtf8(b)) < 0;
        case CategoryColumn:
            return categoryKey(a) < categoryKey(b);
        case StatusColumn:
            return d.status(a) < d.status(b);
        case SourcesColumn:
            return d.sourceCount(a) < d.sourceCount(b);
        default:
            return false;
        }
    };
    if (m_sortColumn >= 0) {
        // Descending reverses the key but not the tie order: ties stay in time order.
        if (m_sortOrder == Qt::AscendingOrder)
            std::stable_sort(m_order.begin(), m_order.end(), less);
        else
            std::stable_sort(m_order.begin(), m_order.end(),
                             [&less](quint32 a, quint32 b) { return less(b, a); });
    }
    m_rowOf.resize(n);
    for (size_t row = 0; row < n; ++row)
        m_rowOf[m_order[row]] = quint32(row);
}
