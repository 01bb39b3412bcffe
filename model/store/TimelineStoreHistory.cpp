// TimelineStore: the history's backend-neutral part (which revision a point names, the
// dataset as of a revision); each backend records and reads the revisions themselves.

#include "model/history/DatasetAsOf.h"
#include "model/history/EntitySnapshot.h"
#include "model/store/TimelineStore.h"

#include <QHash>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

QList<Revision> TimelineStore::revisions(const RevisionFilter &) const {
    noteDamage({StoreError::Kind::Io, u"%1: this database keeps no history"_s.arg(m_path)});
    return {};
}

qint64 TimelineStore::latestRevision() const {
    return 0;
}

QList<RevisionChange> TimelineStore::changesAfter(qint64) const {
    noteDamage({StoreError::Kind::Io, u"%1: this database keeps no history"_s.arg(m_path)});
    return {};
}

QList<RevisionChange> TimelineStore::decidingChangesAfter(qint64 revision) const {
    return changesAfter(revision);
}

std::optional<Revision> TimelineStore::firstRevision() const {
    const QList<Revision> all = revisions({});
    return all.isEmpty() ? std::nullopt : std::optional(all.constFirst());
}

bool TimelineStore::hasRevision(qint64 number) const {
    const QList<Revision> all = revisions({});
    return std::any_of(all.cbegin(), all.cend(),
                       [&](const Revision &r) { return r.number == number; });
}

qint64 TimelineStore::lastRevisionBy(const QDateTime &at) const {
    qint64 number = 0;
    for (const Revision &revision : revisions({}))
        if (revision.at <= at)
            number = revision.number;
    return number;
}

qint64 TimelineStore::revisionAt(const QString &point, QString *message) const {
    const std::optional<Revision> first = firstRevision();
    const qint64 last = first ? latestRevision() : 0;
    if (m_readError.isError()) {
        *message = m_readError.message;
        return 0;
    }
    if (!first) {
        *message = u"%1: the database has no history"_s.arg(m_path);
        return 0;
    }
    const QString range = u"r%1 to r%2"_s.arg(first->number).arg(last);
    if (point.startsWith(u'r')) {
        bool ok = false;
        const qint64 number = point.mid(1).toLongLong(&ok);
        if (!ok || !hasRevision(number)) {
            *message = u"--as-of %1: no such revision (the history has %2)"_s.arg(point, range);
            return 0;
        }
        return number;
    }
    QDateTime at = QDateTime::fromString(point, Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(point, Qt::ISODate);
    if (!at.isValid()) {
        const QDate date = QDate::fromString(point, Qt::ISODate);
        if (date.isValid())
            at = date.startOfDay(Qt::UTC);
    }
    if (!at.isValid()) {
        *message =
            u"--as-of %1: not a revision (r123) or a UTC date-time (2025-09-01T12:00)"_s.arg(point);
        return 0;
    }
    if (at.timeSpec() == Qt::LocalTime)
        at = QDateTime(at.date(), at.time(), Qt::UTC);
    if (at > QDateTime::currentDateTimeUtc()) {
        *message = u"--as-of %1: that is in the future"_s.arg(point);
        return 0;
    }
    if (at < first->at) {
        *message = u"--as-of %1: before the first revision (r%2, %3)"_s.arg(point)
                       .arg(first->number)
                       .arg(first->at.toString(Qt::ISODate));
        return 0;
    }
    const qint64 number = lastRevisionBy(at);
    return number == 0 ? first->number : number;
}

Dataset TimelineStore::datasetAsOf(qint64 revision) const {
    return ::datasetAsOf(dataset(), decidingChangesAfter(revision));
}

namespace {

// Every store keeps a history from its first revision ("history starts here"); a server
// with an older schema opened read-only has none, and asking it for its revisions would be
// a read error, which would mark it damaged.
bool keepsHistory(const TimelineStore &store) {
    return store.latestRevision() > 0;
}

} // namespace

QList<DeletedEvent> TimelineStore::deletedEvents() const {
    if (!keepsHistory(*this))
        return {};
    RevisionFilter filter;
    filter.withChanges = true;
    const QList<Revision> all = revisions(filter);
    QHash<QString, DeletedEvent> deleted;
    for (const Revision &revision : all) {
        for (const RevisionChange &change : revision.changes) {
            if (change.entity != u"event"_s || change.field != u"*"_s)
                continue;
            if (!change.newValue.isNull()) { // created (again)
                deleted.remove(change.uid);
                continue;
            }
            if (change.oldValue.isNull())
                continue; // an import's record of an added event
            DeletedEvent gone;
            gone.uid = change.uid;
            gone.title = EntitySnapshot::valueFromText(change.oldValue)
                             .toObject()
                             .value(u"title"_s)
                             .toString();
            gone.revision = revision.number;
            gone.at = revision.at;
            gone.author = revision.author;
            gone.note = revision.note;
            gone.summary = revision.summary;
            deleted.insert(change.uid, gone);
        }
    }
    QList<DeletedEvent> result;
    for (const DeletedEvent &gone : std::as_const(deleted))
        if (!eventByUid(gone.uid)) // an import may have brought it back
            result.append(gone);
    std::sort(result.begin(), result.end(), [](const DeletedEvent &a, const DeletedEvent &b) {
        return a.revision != b.revision ? a.revision > b.revision : a.uid < b.uid;
    });
    return result;
}

void TimelineStore::holdReadOnly(const QString &reason) {
    if (!m_readOnlyHeld)
        m_reasonBeforeHold = m_readOnlyReason;
    m_readOnlyHeld = true;
    m_readOnlyReason = reason;
}

void TimelineStore::releaseReadOnly() {
    if (!m_readOnlyHeld)
        return;
    m_readOnlyHeld = false;
    m_readOnlyReason = m_reasonBeforeHold;
    m_reasonBeforeHold.clear();
}
