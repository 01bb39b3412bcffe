// The SQLite store: write transactions, prepared statements kept for the connection, and
// SQLite's errors in words.

#include "model/store/sqlite/SqliteStoreInternals.h"

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

QSqlQuery &SqliteTimelineStore::statement(const QString &sql) const {
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        QSqlQuery query(database());
        if (!query.prepare(sql)) {
            // Not kept: the caller's exec() fails with this error, and the next call tries
            // again (the schema may have changed since).
            m_failedStatement = std::move(query);
            return m_failedStatement;
        }
        found = m_statements.emplace(sql, std::move(query)).first;
    }
    return found->second;
}

StoreError SqliteTimelineStore::errorFrom(const QSqlQuery &query, const QString &action) const {
    const QSqlError sqlError = query.lastError();
    const QString detail =
        sqlError.databaseText().isEmpty() ? sqlError.text() : sqlError.databaseText();
    return errorFromCode(primaryCode(sqlError), detail, action);
}

StoreError SqliteTimelineStore::errorFromCode(int code, const QString &detail,
                                              const QString &action) const {
    const QString shownPath = QDir::toNativeSeparators(m_path);
    switch (code) {
    case SqliteBusy:
    case SqliteLocked:
        return {StoreError::Kind::Locked,
                u"%1: locked by another program; could not %2 (try again when it is closed)"_s.arg(
                    shownPath, action)};
    case SqliteReadOnly:
        return {StoreError::Kind::ReadOnly,
                u"%1: the database is read-only; could not %2"_s.arg(shownPath, action)};
    case SqliteCorrupt:
        return {StoreError::Kind::Corrupt,
                u"%1: the database file is damaged (%2); could not %3"_s.arg(shownPath, detail,
                                                                             action)};
    case SqliteNotADb:
        return {StoreError::Kind::NotADatabase,
                u"%1: not a ChipTimeline database (%2)"_s.arg(shownPath, detail)};
    case SqliteFull:
        return {StoreError::Kind::Io,
                u"%1: the disk is full; could not %2"_s.arg(shownPath, action)};
    case SqliteConstraint:
        return {StoreError::Kind::Invalid,
                u"%1: could not %2: %3"_s.arg(shownPath, action, detail)};
    case SqliteIoErr:
    case SqliteCantOpen:
    default:
        return {StoreError::Kind::Io, u"%1: could not %2: %3"_s.arg(shownPath, action, detail)};
    }
}

StoreError SqliteTimelineStore::refusedBecauseReadOnly() const {
    return {StoreError::Kind::ReadOnly, u"%1: %2; nothing was changed"_s.arg(
                                            QDir::toNativeSeparators(m_path), m_readOnlyReason)};
}

void SqliteTimelineStore::clearWriteCaches() {
    m_nameIds.clear();
    m_categoryIds.clear();
    m_sourceIds.clear();
}

bool SqliteTimelineStore::beginWrite(StoreError *error) {
    if (isReadOnly()) {
        *error = refusedBecauseReadOnly();
        return false;
    }
    clearWriteCaches();
    m_revision.clear();
    QSqlQuery query(database());
    // IMMEDIATE takes the write lock now, so a busy database fails before any work is done.
    if (!query.exec(u"BEGIN IMMEDIATE"_s)) {
        *error = errorFrom(query, u"start a change"_s);
        return false;
    }
    m_inWrite = true;
    return true;
}

bool SqliteTimelineStore::commitWrite(StoreError *error) {
    clearWriteCaches();
    if (!flushSearchIndex(error)) {
        rollbackWrite();
        return false;
    }
    QSqlQuery query(database());
    if (!query.exec(u"COMMIT"_s)) {
        *error = errorFrom(query, u"save the change"_s);
        rollbackWrite();
        return false;
    }
    m_inWrite = false;
    if (!m_wordsWritten.isEmpty())
        m_vocabulary.add(m_wordsWritten);
    m_wordsWritten.clear();
    return true;
}

void SqliteTimelineStore::rollbackWrite() {
    clearWriteCaches(); // ids written in the transaction are gone with it
    m_wordsWritten.clear();
    m_inWrite = false;
    m_revision.clear();
    QSqlQuery query(database());
    query.exec(u"ROLLBACK"_s);
}

bool SqliteTimelineStore::inWriteTransaction(StoreError *error, const std::function<bool()> &work) {
    if (!beginWrite(error))
        return false;
    if (!work()) {
        rollbackWrite();
        return false;
    }
    return commitWrite(error);
}

bool SqliteTimelineStore::deleteRow(const QString &table, qint64 id, const QString &what,
                                    StoreError *error) {
    return inWriteTransaction(error, [&] {
        // The revision records the item's last values, the citations a source takes along
        // and the relations an event takes along.
        QString uid;
        if (table == u"event"_s || table == u"source"_s) {
            uid = uidOf(table, id);
            if (table == u"source"_s) {
                touchEventsWhere(u"e.id IN (SELECT event_id FROM event_source "
                                 "WHERE source_id = :id)"_s,
                                 id);
                touchRelationsCitingSource(uid);
            } else {
                touchRelationsOfEvent(uid); // they go with it
            }
            touch(table, uid);
        }
        QSqlQuery query(database());
        query.prepare(u"DELETE FROM %1 WHERE id = :id"_s.arg(table));
        query.bindValue(u":id"_s, id);
        if (!query.exec()) {
            *error = errorFrom(query, u"delete the %1"_s.arg(what));
            return false;
        }
        return writeRevision(u"delete"_s,
                             u"delete %1 %2"_s.arg(what, uid.isEmpty() ? QString::number(id) : uid),
                             error) != 0;
    });
}
