// The PostgreSQL store: writing events, sources, categories and saved views, one transaction
// each. New rows' ids come back through RETURNING (QPSQL has no last insert id for them).

#include "model/store/postgres/PostgresTimelineStore.h"

#include <QColor>
#include <QDateTime>
#include <QSet>
#include <QSqlError>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

QString newUid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Text columns are NOT NULL: a null QString would bind as NULL, so bind "" instead.
QVariant text(const QString &value) {
    return value.isNull() ? QVariant(u""_s) : QVariant(value);
}

// An invalid QVariant binds NULL.
QVariant nullIfZero(int value) {
    return value == 0 ? QVariant() : QVariant(value);
}

// Runs a prepared INSERT … RETURNING id; 0 when it failed.
qint64 insertReturningId(QSqlQuery &query) {
    return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
}

} // namespace

bool PostgresTimelineStore::markFilled(StoreError *error) {
    QSqlQuery query(database());
    if (query.exec(u"INSERT INTO meta(key, value) VALUES ('filled', '1') "
                   "ON CONFLICT (key) DO NOTHING"_s))
        return true;
    *error = errorFrom(query, u"save"_s);
    return false;
}

qint64 PostgresTimelineStore::idForUid(const QString &table, const QString &uid) const {
    if (uid.isEmpty())
        return 0;
    QSqlQuery query(database());
    query.prepare(u"SELECT id FROM %1 WHERE uid = :uid"_s.arg(table));
    query.bindValue(u":uid"_s, uid);
    return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
}

qint64 PostgresTimelineStore::nameId(const QString &table, const QString &name, StoreError *error) {
    QHash<QString, qint64> &known = m_nameIds[table];
    if (const auto found = known.constFind(name); found != known.cend())
        return *found;
    QSqlQuery query(database());
    query.prepare(u"SELECT id FROM %1 WHERE name = :name"_s.arg(table));
    query.bindValue(u":name"_s, name);
    qint64 id = query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    if (id == 0) {
        query.prepare(u"INSERT INTO %1(name) VALUES (:name) RETURNING id"_s.arg(table));
        query.bindValue(u":name"_s, name);
        id = insertReturningId(query);
        if (id == 0) {
            *error = errorFrom(query, u"add %1 '%2'"_s.arg(table, name));
            return 0;
        }
    }
    known.insert(name, id);
    return id;
}

qint64 PostgresTimelineStore::categoryId(const QString &name, StoreError *error) {
    if (name.isEmpty())
        return 0;
    if (const auto found = m_categoryIds.constFind(name); found != m_categoryIds.cend())
        return *found;
    QSqlQuery query(database());
    query.prepare(u"SELECT id FROM category WHERE name = :name"_s);
    query.bindValue(u":name"_s, name);
    if (query.exec() && query.next()) {
        const qint64 id = query.value(0).toLongLong();
        m_categoryIds.insert(name, id);
        return id;
    }
    Category category;
    category.name = name;
    category.color = QColor(0x80, 0x80, 0x80);
    query.exec(u"SELECT coalesce(max(sort_order), 0) + 1 FROM category"_s);
    category.order = query.next() ? query.value(0).toInt() : 1;
    if (!writeCategory(category, error))
        return 0;
    m_categoryIds.insert(name, category.id);
    return category.id;
}

bool PostgresTimelineStore::writeCategory(Category &category, StoreError *error) {
    m_categoryIds.clear(); // a rename would leave a name pointing at the wrong row
    QSqlQuery query(database());
    if (category.id == 0) {
        query.prepare(u"SELECT id FROM category WHERE name = :name"_s);
        query.bindValue(u":name"_s, category.name);
        if (query.exec() && query.next())
            category.id = query.value(0).toLongLong();
    }
    if (category.id == 0) {
        query.prepare(u"INSERT INTO category(name, label, color, sort_order, translations) "
                      "VALUES (:name, :label, :color, :order, :translations) RETURNING id"_s);
    } else {
        query.prepare(
            u"UPDATE category SET name = :name, label = :label, color = :color, "
            "sort_order = :order, translations = :translations WHERE id = :id RETURNING id"_s);
        query.bindValue(u":id"_s, category.id);
        // A renamed category renames the category of every event in it.
        QSqlQuery stored(database());
        stored.prepare(u"SELECT name FROM category WHERE id = :id"_s);
        stored.bindValue(u":id"_s, category.id);
        if (stored.exec() && stored.next() && stored.value(0).toString() != category.name.trimmed())
            touchEventsInCategory(category.id);
        m_revision.touch(u"category"_s, QString::number(category.id));
    }
    query.bindValue(u":name"_s, category.name.trimmed());
    query.bindValue(u":label"_s, text(category.label));
    query.bindValue(u":color"_s, category.color.isValid() ? category.color.name() : u"#808080"_s);
    query.bindValue(u":order"_s, category.order);
    query.bindValue(u":translations"_s, text(DataTranslations::toText(category.labelTranslations)));
    const qint64 id = insertReturningId(query);
    if (id == 0) {
        *error = errorFrom(query, u"save category '%1'"_s.arg(category.name));
        return false;
    }
    if (category.id == 0)
        m_revision.touchNew(u"category"_s, QString::number(id));
    category.id = id;
    return true;
}

bool PostgresTimelineStore::saveCategory(Category &category, StoreError *error) {
    Category copy = category;
    if (!inTransaction(error, [&] {
            return writeCategory(copy, error) &&
                   writeRevision(u"edit"_s, u"save category '%1'"_s.arg(copy.name), error) != 0;
        }))
        return false;
    category = copy;
    return true;
}

bool PostgresTimelineStore::checkEvent(const Event &event, StoreError *error) const {
    const auto what = [&event] {
        return event.title.isEmpty() ? event.uid : u"'%1'"_s.arg(event.title);
    };
    if (event.title.trimmed().isEmpty()) {
        *error = {StoreError::Kind::Invalid, u"%1: event %2 has no title"_s.arg(m_path, event.uid)};
        return false;
    }
    if (!event.start.isValid()) {
        *error = {StoreError::Kind::Invalid,
                  u"%1: event %2 has no valid start date"_s.arg(m_path, what())};
        return false;
    }
    if (event.end.isValid() && event.end.lastJulianDay() < event.start.firstJulianDay()) {
        *error = {StoreError::Kind::Invalid,
                  u"%1: event %2 ends (%3) before it starts (%4)"_s.arg(
                      m_path, what(), event.end.toIsoString(), event.start.toIsoString())};
        return false;
    }
    if (event.importance < 1 || event.importance > 3) {
        *error = {StoreError::Kind::Invalid,
                  u"%1: event %2 has importance %3 (allowed: 1 to 3)"_s.arg(m_path, what())
                      .arg(event.importance)};
        return false;
    }
    return true;
}

bool PostgresTimelineStore::writeEvent(Event &event, qint64 existingId, StoreError *error) {
    const QString what = event.title.isEmpty() ? event.uid : u"'%1'"_s.arg(event.title);
    if (!checkEvent(event, error))
        return false;
    const qint64 category = categoryId(event.category, error);
    if (!event.category.isEmpty() && category == 0)
        return false;
    // Milliseconds, as stored: the same value the text reads back as.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString nowText = now.toString(Qt::ISODateWithMs);
    if (event.uid.isEmpty())
        event.uid = newUid();
    const bool createdNow = !event.created.isValid();
    if (createdNow)
        event.created = now;
    event.modified = now;

    QSqlQuery query(database());
    query.prepare(
        existingId == 0
            ? uR"(INSERT INTO event(uid, title, summary, start_year, start_month, start_day,
                            end_year, end_month, end_day, first_day, last_day, category_id, status,
                            importance, created, modified, translations)
                          VALUES (:uid, :title, :summary, :sy, :sm, :sd, :ey, :em, :ed, :first,
                            :last, :category, :status, :importance, :created, :modified,
                            :translations)
                  RETURNING id, row_version)"_s
            : uR"(UPDATE event SET uid = :uid, title = :title, summary = :summary,
                            start_year = :sy, start_month = :sm, start_day = :sd,
                            end_year = :ey, end_month = :em, end_day = :ed,
                            first_day = :first, last_day = :last, category_id = :category,
                            status = :status, importance = :importance, modified = :modified,
                            translations = :translations
                          WHERE id = :id RETURNING id, row_version)"_s);
    if (existingId == 0)
        query.bindValue(u":created"_s,
                        createdNow ? nowText : event.created.toString(Qt::ISODateWithMs));
    else
        query.bindValue(u":id"_s, existingId);
    query.bindValue(u":uid"_s, event.uid);
    query.bindValue(u":title"_s, event.title.trimmed());
    query.bindValue(u":summary"_s, text(event.summary));
    query.bindValue(u":sy"_s, event.start.year());
    query.bindValue(u":sm"_s, nullIfZero(event.start.month()));
    query.bindValue(u":sd"_s, nullIfZero(event.start.day()));
    query.bindValue(u":ey"_s, nullIfZero(event.end.year()));
    query.bindValue(u":em"_s, nullIfZero(event.end.month()));
    query.bindValue(u":ed"_s, nullIfZero(event.end.day()));
    query.bindValue(u":first"_s, qint64(event.firstJulianDay()));
    query.bindValue(u":last"_s, qint64(event.lastJulianDay()));
    query.bindValue(u":category"_s, category ? QVariant(category) : QVariant());
    query.bindValue(u":status"_s, eventStatusKey(event.status));
    query.bindValue(u":importance"_s, event.importance);
    query.bindValue(u":modified"_s, nowText);
    query.bindValue(u":translations"_s, text(DataTranslations::toText(event.translations)));
    const qint64 id = insertReturningId(query);
    if (id == 0) {
        *error = query.lastError().isValid()
                     ? errorFrom(query, u"save event %1"_s.arg(what))
                     : StoreError{StoreError::Kind::Invalid,
                                  u"%1: event %2 is no longer there"_s.arg(m_path, what)};
        return false;
    }
    event.id = id;
    event.rowVersion.value = query.value(1).toLongLong(); // its links leave the row alone
    return writeEventLinks(event, existingId == 0, error);
}

bool PostgresTimelineStore::writeEventLinks(const Event &event, bool isNew, StoreError *error) {
    QSqlQuery query(database());
    // A row just inserted has no links yet (they go with their event: ON DELETE CASCADE).
    for (const QString &table : {u"actor"_s, u"chip"_s, u"tag"_s, u"source"_s}) {
        if (isNew)
            break;
        query.prepare(u"DELETE FROM event_%1 WHERE event_id = :event"_s.arg(table));
        query.bindValue(u":event"_s, event.id);
        if (!query.exec()) {
            *error = errorFrom(query, u"save event links"_s);
            return false;
        }
    }
    const auto writeNames = [&](const QString &table, const QStringList &names) {
        int position = 0;
        QSet<qint64> seen;
        for (const QString &rawName : names) {
            const QString name = rawName.trimmed();
            if (name.isEmpty())
                continue;
            const qint64 nameRow = nameId(table, name, error);
            if (nameRow == 0)
                return false;
            if (seen.contains(nameRow))
                continue;
            seen.insert(nameRow);
            query.prepare(
                u"INSERT INTO event_%1(event_id, %1_id, position) VALUES (:e, :n, :p)"_s.arg(
                    table));
            query.bindValue(u":e"_s, event.id);
            query.bindValue(u":n"_s, nameRow);
            query.bindValue(u":p"_s, position++);
            if (!query.exec()) {
                *error = errorFrom(query, u"link %1 '%2'"_s.arg(table, name));
                return false;
            }
        }
        return true;
    };
    if (!writeNames(u"actor"_s, event.actors) || !writeNames(u"chip"_s, event.chips) ||
        !writeNames(u"tag"_s, event.tags))
        return false;
    int position = 0;
    QSet<qint64> seen;
    for (const Citation &citation : std::as_const(event.citations)) {
        qint64 sourceRow = m_sourceIds.value(citation.sourceUid);
        if (sourceRow == 0 && (sourceRow = idForUid(u"source"_s, citation.sourceUid)) != 0)
            m_sourceIds.insert(citation.sourceUid, sourceRow);
        if (sourceRow == 0) {
            *error = {StoreError::Kind::Invalid,
                      u"%1: event '%2' cites source %3, which is not in the database"_s.arg(
                          m_path, event.title, citation.sourceUid)};
            return false;
        }
        if (seen.contains(sourceRow))
            continue;
        seen.insert(sourceRow);
        query.prepare(u"INSERT INTO event_source(event_id, source_id, quote, locator, position) "
                      "VALUES (:e, :s, :quote, :locator, :p)"_s);
        query.bindValue(u":e"_s, event.id);
        query.bindValue(u":s"_s, sourceRow);
        query.bindValue(u":quote"_s, text(citation.quote));
        query.bindValue(u":locator"_s, text(citation.locator));
        query.bindValue(u":p"_s, position++);
        if (!query.exec()) {
            *error = errorFrom(query, u"link source"_s);
            return false;
        }
    }
    return true;
}

bool PostgresTimelineStore::writeSource(Source &source, qint64 existingId, StoreError *error) {
    if (source.title.trimmed().isEmpty()) {
        *error = {StoreError::Kind::Invalid,
                  u"%1: source %2 has no title"_s.arg(m_path, source.uid)};
        return false;
    }
    if (source.uid.isEmpty())
        source.uid = newUid();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QSqlQuery query(database());
    query.prepare(
        existingId == 0
            ? uR"(INSERT INTO source(uid, kind, title, outlet, authors, url, doi, published,
                            accessed, language, excerpt, notes, created, modified)
                          VALUES (:uid, :kind, :title, :outlet, :authors, :url, :doi, :published,
                            :accessed, :language, :excerpt, :notes, :now, :now)
                  RETURNING id)"_s
            : uR"(UPDATE source SET uid = :uid, kind = :kind, title = :title,
                            outlet = :outlet, authors = :authors, url = :url, doi = :doi,
                            published = :published, accessed = :accessed, language = :language,
                            excerpt = :excerpt, notes = :notes, modified = :now
                          WHERE id = :id RETURNING id)"_s);
    if (existingId != 0)
        query.bindValue(u":id"_s, existingId);
    query.bindValue(u":uid"_s, source.uid);
    query.bindValue(u":kind"_s, text(source.kind));
    query.bindValue(u":title"_s, source.title.trimmed());
    query.bindValue(u":outlet"_s, text(source.outlet));
    query.bindValue(u":authors"_s, text(source.authors.join(u'\n')));
    query.bindValue(u":url"_s, text(source.url.trimmed()));
    query.bindValue(u":doi"_s, text(source.doi.trimmed()));
    query.bindValue(u":published"_s, text(source.published.toIsoString()));
    query.bindValue(u":accessed"_s, text(source.accessed.toIsoString()));
    query.bindValue(u":language"_s, text(source.language));
    query.bindValue(u":excerpt"_s, text(source.excerpt));
    query.bindValue(u":notes"_s, text(source.notes));
    query.bindValue(u":now"_s, now);
    const qint64 id = insertReturningId(query);
    if (id == 0) {
        *error =
            query.lastError().isValid()
                ? errorFrom(query, u"save source '%1'"_s.arg(source.title))
                : StoreError{StoreError::Kind::Invalid,
                             u"%1: source '%2' is no longer there"_s.arg(m_path, source.title)};
        return false;
    }
    source.id = id;
    m_sourceIds.insert(source.uid, source.id);
    return true;
}

bool PostgresTimelineStore::saveEvent(Event &event, StoreError *error) {
    Event copy = event;
    if (!inTransaction(error, [&] {
            if (event.id != 0)
                m_revision.touch(u"event"_s, uidOf(u"event"_s, event.id));
            if (!writeEvent(copy, event.id, error) || !markFilled(error))
                return false;
            m_revision.touchNew(u"event"_s, copy.uid); // noted above unless it is new
            const QString kind = event.id == 0 ? u"create"_s : u"edit"_s;
            return writeRevision(kind, u"%1 event '%2'"_s.arg(kind, copy.title), error) != 0;
        }))
        return false;
    event = copy;
    return true;
}

bool PostgresTimelineStore::deleteEvent(qint64 id, StoreError *error) {
    return deleteRow(u"event"_s, id, u"event"_s, error);
}

bool PostgresTimelineStore::saveSource(Source &source, StoreError *error) {
    Source copy = source;
    if (!inTransaction(error, [&] {
            if (source.id != 0)
                m_revision.touch(u"source"_s, uidOf(u"source"_s, source.id));
            if (!writeSource(copy, source.id, error) || !markFilled(error))
                return false;
            m_revision.touchNew(u"source"_s, copy.uid);
            const QString kind = source.id == 0 ? u"create"_s : u"edit"_s;
            return writeRevision(kind, u"%1 source '%2'"_s.arg(kind, copy.title), error) != 0;
        }))
        return false;
    source = copy;
    return true;
}

bool PostgresTimelineStore::deleteSource(qint64 id, StoreError *error) {
    return deleteRow(u"source"_s, id, u"source"_s, error);
}

bool PostgresTimelineStore::saveView(SavedView &view, StoreError *error) {
    SavedView copy = view;
    if (!inTransaction(error, [&] {
            QSqlQuery query(database());
            if (copy.id == 0) {
                query.prepare(u"INSERT INTO saved_view(name, filter) VALUES (:name, :filter) "
                              "RETURNING id"_s);
            } else {
                query.prepare(u"UPDATE saved_view SET name = :name, filter = :filter "
                              "WHERE id = :id RETURNING id"_s);
                query.bindValue(u":id"_s, copy.id);
            }
            query.bindValue(u":name"_s, copy.name.trimmed());
            query.bindValue(u":filter"_s, text(copy.filter));
            copy.id = insertReturningId(query);
            if (copy.id != 0)
                return writeRevision(u"edit"_s, u"save view '%1'"_s.arg(copy.name), error) != 0;
            *error = errorFrom(query, u"save view '%1'"_s.arg(copy.name));
            return false;
        }))
        return false;
    view = copy;
    return true;
}

bool PostgresTimelineStore::deleteView(qint64 id, StoreError *error) {
    return deleteRow(u"saved_view"_s, id, u"view"_s, error);
}

bool PostgresTimelineStore::deleteRow(const QString &table, qint64 id, const QString &what,
                                      StoreError *error) {
    return inTransaction(error, [&] {
        // The revision records the item's last values, the citations a source takes along
        // and the relations an event takes along.
        QString uid;
        if (table == u"event"_s || table == u"source"_s) {
            uid = uidOf(table, id);
            if (table == u"source"_s) {
                m_revision.touchEventsCiting(uid);
                touchRelationsCitingSource(uid);
            } else {
                m_revision.touchRelationsOfEvent(uid); // they go with it
            }
            m_revision.touch(table, uid);
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

bool PostgresTimelineStore::advanceIdSequences(StoreError *error) {
    QSqlQuery query(database());
    for (const QString &table : {u"category"_s, u"event"_s, u"source"_s, u"actor"_s, u"chip"_s,
                                 u"tag"_s, u"saved_view"_s}) {
        query.prepare(u"SELECT setval(pg_get_serial_sequence(:table, 'id'), "
                      "greatest((SELECT max(id) FROM %1), 1), (SELECT max(id) FROM %1) "
                      "IS NOT NULL)"_s.arg(table));
        query.bindValue(u":table"_s, table);
        if (!query.exec()) {
            *error = errorFrom(query, u"advance the ids of %1"_s.arg(table));
            return false;
        }
    }
    return true;
}
