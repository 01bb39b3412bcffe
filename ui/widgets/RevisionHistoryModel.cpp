#include "ui/widgets/RevisionHistoryModel.h"

#include "model/history/EntitySnapshot.h"

#include <QJsonArray>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace {

// A recorded value as a reader sees it: text in quotes, lists joined, nothing as "—".
QString valueText(const QString &recorded) {
    const QJsonValue value = EntitySnapshot::valueFromText(recorded);
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return u"—"_s;
    case QJsonValue::String:
        return value.toString().isEmpty() ? u"—"_s : u"“%1”"_s.arg(value.toString());
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items << (item.isString() ? item.toString() : EntitySnapshot::valueText(item));
        return items.isEmpty() ? u"—"_s : items.join(u", "_s);
    }
    default:
        return recorded;
    }
}

// Long values are cut for the row; the tooltip has them whole.
QString shortened(const QString &text) {
    constexpr qsizetype Most = 140;
    return text.size() <= Most ? text : text.left(Most - 1) + u'…';
}

} // namespace

RevisionHistoryModel::RevisionHistoryModel(QObject *parent)
    : QAbstractItemModel(parent) {}

void RevisionHistoryModel::setRevisions(const QList<Revision> &revisions, const QString &uid) {
    beginResetModel();
    m_revisions = revisions;
    for (Revision &revision : m_revisions)
        revision.changes.removeIf([&](const RevisionChange &c) {
            // The record's own times say nothing the revision's time does not.
            return c.uid != uid || c.field == u"modified"_s || c.field == u"created"_s;
        });
    endResetModel();
}

QString RevisionHistoryModel::changeText(const RevisionChange &change) {
    if (change.field == u"*"_s) {
        if (change.oldValue.isNull() && change.newValue.isNull())
            return tr("added by the import");
        return change.oldValue.isNull() ? tr("created") : tr("deleted");
    }
    return tr("%1: %2 → %3")
        .arg(change.field, valueText(change.oldValue), valueText(change.newValue));
}

QModelIndex RevisionHistoryModel::index(int row, int column, const QModelIndex &parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row() + 1) : 0);
}

QModelIndex RevisionHistoryModel::parent(const QModelIndex &child) const {
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int RevisionHistoryModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return int(m_revisions.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_revisions.at(parent.row()).changes.size());
}

int RevisionHistoryModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QVariant RevisionHistoryModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() != 0) { // a field change: one line in the first column
        const Revision &revision = m_revisions.at(int(index.internalId() - 1));
        const RevisionChange &change = revision.changes.at(index.row());
        if (role == RevisionRole)
            return revision.number;
        if (index.column() != RevisionColumn)
            return {};
        if (role == Qt::DisplayRole)
            return shortened(changeText(change));
        if (role == Qt::ToolTipRole)
            return changeText(change);
        return {};
    }
    const Revision &revision = m_revisions.at(index.row());
    if (role == RevisionRole)
        return revision.number;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case RevisionColumn:
        return u"r%1"_s.arg(revision.number);
    case WhenColumn:
        return QString(revision.at.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s);
    case AuthorColumn:
        return revision.author;
    case WhyColumn:
        return revision.note.isEmpty() ? revision.summary
                                       : tr("%1 (%2)").arg(revision.note, revision.summary);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RevisionHistoryModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case RevisionColumn:
        return tr("Revision");
    case WhenColumn:
        return tr("When");
    case AuthorColumn:
        return tr("Who");
    case WhyColumn:
        return tr("Why / what");
    case ColumnCount:
        break;
    }
    return {};
}
