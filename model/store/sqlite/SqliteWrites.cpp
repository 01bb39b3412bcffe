// The SQLite store: writing events, sources, categories and saved views, one transaction each.

#include "model/store/sqlite/SqliteStoreInternals.h"

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

bool SqliteTimelineStore::markFilled(StoreError *error) {
    QSqlQuery query(database());
    if (query.exec(u"INSERT OR IGNORE INTO meta(key, value) VALUES ('filled', '1')"_s))
        return true;
    *error = errorFrom(query, u"save"_s);
    return false;
}

// ---- Writing ----

qint64 SqliteTimelineStore::idForUid(const QString &table, const QString &uid) const {
    if (uid.isEmpty())
        return 0;
    QSqlQuery &query = statement(u"SELECT id FROM %1 WHERE uid = :uid"_s.arg(table));
    query.bindValue(u":uid"_s, uid);
    const qint64 id = query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return id;
}

qint64 SqliteTimelineStore::nameId(const QString &table, const QString &name, StoreError *error) {
    QHash<QString, qint64> &known = m_nameIds[table];
    if (const auto found = known.constFind(name); found != known.cend())
        return *found;
    QSqlQuery &find = statement(u"SELECT id FROM %1 WHERE name = :name"_s.arg(table));
    find.bindValue(u":name"_s, name);
    if (find.exec() && find.next()) {
        const qint64 id = find.value(0).toLongLong();
        find.finish();
        known.insert(name, id);
        return id;
    }
    find.finish();
    QSqlQuery &insert = statement(u"INSERT INTO %1(name) VALUES (:name)"_s.arg(table));
    insert.bindValue(u":name"_s, name);
    if (!insert.exec()) {
        *error = errorFrom(insert, u"add %1 '%2'"_s.arg(table, name));
        return 0;
    }
    const qint64 id = insert.lastInsertId().toLongLong();
    known.insert(name, id);
    return id;
}

qint64 SqliteTimelineStore::sourceIdForUid(const QString &uid) {
    if (const auto found = m_sourceIds.constFind(uid); found != m_sourceIds.cend())
        return *found;
    const qint64 id = idForUid(u"source"_s, uid);
    if (id != 0)
        m_sourceIds.insert(uid, id);
    return id;
}

qint64 SqliteTimelineStore::categoryId(const QString &name, StoreError *error) {
    if (name.isEmpty())
        return 0;
    if (const auto found = m_categoryIds.constFind(name); found != m_categoryIds.cend())
        return *found;
    QSqlQuery &find = statement(u"SELECT id FROM category WHERE name = :name"_s);
    find.bindValue(u":name"_s, name);
    if (find.exec() && find.next()) {
        const qint64 id = find.value(0).toLongLong();
        find.finish();
        m_categoryIds.insert(name, id);
        return id;
    }
    find.finish();
    QSqlQuery query(database());
    Category category;
    category.name = name;
    category.color = QColor(0x80, 0x80, 0x80);
    query.exec(u"SELECT coalesce(max(sort_order), 0) + 1 FROM category"_s);
    category.order = query.next() ? query.value(0).toInt() : 1;
    if (!saveCategory(category, error))
        return 0;
    m_categoryIds.insert(name, category.id);
    return category.id;
}

bool SqliteTimelineStore::saveCategory(Category &category, StoreError *error) {
    if (m_inWrite)
        return writeCategory(category, error);
    Category copy = category;
    if (!inWriteTransaction(error, [&] {
            return writeCategory(copy, error) &&
                   writeRevision(u"edit"_s, u"save category '%1'"_s.arg(copy.name), error) != 0;
        }))
        return false;
    category = copy;
    return true;
}

bool SqliteTimelineStore::writeCategory(Category &category, StoreError *error) {
    if (isReadOnly()) {
        *error = refusedBecauseReadOnly();
        return false;
    }
    m_categoryIds.clear(); // a rename would leave a name pointing at the wrong row
    QSqlQuery query(database());
    if (category.id == 0)
        category.id = [&] {
            QSqlQuery find(database());
            find.prepare(u"SELECT id FROM category WHERE name = :name"_s);
            find.bindValue(u":name"_s, category.name);
            return find.exec() && find.next() ? find.value(0).toLongLong() : qint64(0);
        }();
    if (category.id == 0)
        query.prepare(u"INSERT INTO category(name, label, color, sort_order, translations) "
                      "VALUES (:name, :label, :color, :order, :translations)"_s);
    else {
        query.prepare(u"UPDATE category SET name = :name, label = :label, color = :color, "
                      "sort_order = :order, translations = :translations WHERE id = :id"_s);
        query.bindValue(u":id"_s, category.id);
    }
    if (category.id != 0) {
        // A renamed category renames the category of every event in it.
        QSqlQuery stored(database());
        stored.prepare(u"SELECT name FROM category WHERE id = :id"_s);
        stored.bindValue(u":id"_s, category.id);
        if (stored.exec() && stored.next() && stored.value(0).toString() != category.name.trimmed())
            touchEventsWhere(u"e.category_id = :id"_s, category.id);
        touch(u"category"_s, QString::number(category.id));
    }
    query.bindValue(u":name"_s, category.name.trimmed());
    query.bindValue(u":label"_s, text(category.label));
    query.bindValue(u":color"_s, category.color.isValid() ? category.color.name() : u"#808080"_s);
    query.bindValue(u":order"_s, category.order);
    query.bindValue(u":translations"_s, text(DataTranslations::toText(category.labelTranslations)));
    if (!query.exec()) {
        *error = errorFrom(query, u"save category '%1'"_s.arg(category.name));
        return false;
    }
    if (category.id == 0) {
        category.id = query.lastInsertId().toLongLong();
        touchNew(u"category"_s, QString::number(category.id));
    }
    return true;
}

bool SqliteTimelineStore::checkEvent(const Event &event, StoreError *error) const {
    const QString shownPath = QDir::toNativeSeparators(m_path);
    const auto what = [&event] {
        return event.title.isEmpty() ? event.uid : u"'%1'"_s.arg(event.title);
    };
    if (event.title.trimmed().isEmpty()) {
        *error = {StoreError::Kind::Invalid,
                  u"%1: event %2 has no title"_s.arg(shownPath, event.uid)};
        return false;
    }
    if (!event.start.isValid()) {
        *error = {StoreError::Kind::Invalid,
                  u"%1: event %2 has no valid start date"_s.arg(shownPath, what())};
        return false;
    }
    if (event.end.isValid() && event.end.lastJulianDay() < event.start.firstJulianDay()) {
        *error = {StoreError::Kind::Invalid,
                  u"%1: event %2 ends (%3) before it starts (%4)"_s.arg(
                      shownPath, what(), event.end.toIsoString(), event.start.toIsoString())};
        return false;
    }
    if (event.importance < 1 || event.importance > 3) {
        *error = {StoreError::Kind::Invalid,
                  u"%1: event %2 has importance %3 (allowed: 1 to 3)"_s.arg(shownPath, what())
                      .arg(event.importance)};
        return false;
    }
    return true;
}

bool SqliteTimelineStore::writeEvent(Event &event, qint64 existingId, StoreError *error) {
    const QString what = event.title.isEmpty() ? event.uid : u"'%1'"_s.arg(event.title);
    if (!checkEvent(event, error))
        return false;
    const qint64 category = categoryId(event.category, error);
    if (!event.category.isEmpty() && category == 0)
        return false;

    // Milliseconds, as stored: the same value the text reads back as.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString nowText = isoUtcText(now);
    if (event.uid.isEmpty())
        event.uid = newUid();
    const bool createdNow = !event.created.isValid();
    if (createdNow)
        event.created = now;
    event.modified = now;

    QSqlQuery &query = statement(
        existingId == 0
            ? uR"(INSERT INTO event(uid, title, summary, start_year, start_month, start_day,
                            end_year, end_month, end_day, first_day, last_day, category_id, status,
                            importance, created, modified, translations)
                          VALUES (:uid, :title, :summary, :sy, :sm, :sd, :ey, :em, :ed, :first,
                            :last, :category, :status, :importance, :created, :modified,
                            :translations))"_s
            : uR"(UPDATE event SET uid = :uid, title = :title, summary = :summary,
                            start_year = :sy, start_month = :sm, start_day = :sd,
                            end_year = :ey, end_month = :em, end_day = :ed,
                            first_day = :first, last_day = :last, category_id = :category,
                            status = :status, importance = :importance, modified = :modified,
                            translations = :translations
                          WHERE id = :id)"_s);
    if (existingId == 0)
        query.bindValue(u":created"_s, createdNow ? nowText : isoUtcText(event.created));
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
    query.bindValue(u":first"_s, event.firstJulianDay());
    query.bindValue(u":last"_s, event.lastJulianDay());
    query.bindValue(u":category"_s, category ? QVariant(category) : QVariant());
    query.bindValue(u":status"_s, eventStatusKey(event.status));
    query.bindValue(u":importance"_s, event.importance);
    query.bindValue(u":modified"_s, nowText);
    query.bindValue(u":translations"_s, text(DataTranslations::toText(event.translations)));
    if (!query.exec()) {
        *error = errorFrom(query, u"save event %1"_s.arg(what));
        return false;
    }
    event.id = existingId ? existingId : query.lastInsertId().toLongLong();
    return writeEventLinks(event, existingId == 0, error);
}

bool SqliteTimelineStore::writeEventLinks(const Event &event, bool isNew, StoreError *error) {
    // A row just inserted has no links yet (they go with their event: ON DELETE CASCADE).
    for (const QString &table : {u"actor"_s, u"chip"_s, u"tag"_s, u"source"_s}) {
        if (isNew)
            break;
        QSqlQuery &query = statement(u"DELETE FROM event_%1 WHERE event_id = :event"_s.arg(table));
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
            QSqlQuery &query = statement(
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
        const qint64 sourceRow = sourceIdForUid(citation.sourceUid);
        if (sourceRow == 0) {
            *error = {StoreError::Kind::Invalid,
                      u"%1: event '%2' cites source %3, which is not in the database"_s.arg(
                          QDir::toNativeSeparators(m_path), event.title, citation.sourceUid)};
            return false;
        }
        if (seen.contains(sourceRow))
            continue;
        seen.insert(sourceRow);
        QSqlQuery &query =
            statement(u"INSERT INTO event_source(event_id, source_id, quote, locator, position) "
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

bool SqliteTimelineStore::writeSource(Source &source, qint64 existingId, StoreError *error) {
    if (source.title.trimmed().isEmpty()) {
        *error = {StoreError::Kind::Invalid, u"%1: source %2 has no title"_s.arg(
                                                 QDir::toNativeSeparators(m_path), source.uid)};
        return false;
    }
    if (source.uid.isEmpty())
        source.uid = newUid();
    const QString now = nowIso();
    QSqlQuery &query = statement(
        existingId == 0
            ? uR"(INSERT INTO source(uid, kind, title, outlet, authors, url, doi, published,
                            accessed, language, excerpt, notes, created, modified)
                          VALUES (:uid, :kind, :title, :outlet, :authors, :url, :doi, :published,
                            :accessed, :language, :excerpt, :notes, :now, :now))"_s
            : uR"(UPDATE source SET uid = :uid, kind = :kind, title = :title,
                            outlet = :outlet, authors = :authors, url = :url, doi = :doi,
                            published = :published, accessed = :accessed, language = :language,
                            excerpt = :excerpt, notes = :notes, modified = :now
                          WHERE id = :id)"_s);
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
    if (!query.exec()) {
        *error = errorFrom(query, u"save source '%1'"_s.arg(source.title));
        return false;
    }
    source.id = existingId ? existingId : query.lastInsertId().toLongLong();
    m_sourceIds.insert(source.uid, source.id);
    return true;
}

bool SqliteTimelineStore::saveEvent(Event &event, StoreError *error) {
    Event copy = event;
    if (!inWriteTransaction(error, [&] {
            if (event.id != 0)
                touch(u"event"_s, uidOf(u"event"_s, event.id));
            if (!writeEvent(copy, event.id, error) || !markFilled(error))
                return false;
            touchNew(u"event"_s, copy.uid); // noted above unless it is new
            return writeRevision(
                       event.id == 0 ? u"create"_s : u"edit"_s,
                       u"%1 event '%2'"_s.arg(event.id == 0 ? u"create"_s : u"edit"_s, copy.title),
                       error) != 0;
        }))
        return false;
    event = copy;
    return true;
}

bool SqliteTimelineStore::deleteEvent(qint64 id, StoreError *error) {
    return deleteRow(u"event"_s, id, u"event"_s, error);
}

bool SqliteTimelineStore::saveSource(Source &source, StoreError *error) {
    Source copy = source;
    if (!inWriteTransaction(error, [&] {
            if (source.id != 0)
                touch(u"source"_s, uidOf(u"source"_s, source.id));
            if (!writeSource(copy, source.id, error) || !markFilled(error))
                return false;
            touchNew(u"source"_s, copy.uid);
            return writeRevision(source.id == 0 ? u"create"_s : u"edit"_s,
                                 u"%1 source '%2'"_s.arg(source.id == 0 ? u"create"_s : u"edit"_s,
                                                         copy.title),
                                 error) != 0;
        }))
        return false;
    source = copy;
    return true;
}

bool SqliteTimelineStore::deleteSource(qint64 id, StoreError *error) {
    return deleteRow(u"source"_s, id, u"source"_s, error);
}

bool SqliteTimelineStore::saveView(SavedView &view, StoreError *error) {
    if (!beginWrite(error))
        return false;
    QSqlQuery query(database());
    if (view.id == 0) {
        query.prepare(u"INSERT INTO saved_view(name, filter) VALUES (:name, :filter)"_s);
    } else {
        query.prepare(u"UPDATE saved_view SET name = :name, filter = :filter WHERE id = :id"_s);
        query.bindValue(u":id"_s, view.id);
    }
    query.bindValue(u":name"_s, view.name.trimmed());
    query.bindValue(u":filter"_s, text(view.filter));
    if (!query.exec()) {
        *error = errorFrom(query, u"save view '%1'"_s.arg(view.name));
        rollbackWrite();
        return false;
    }
    if (view.id == 0)
        view.id = query.lastInsertId().toLongLong();
    if (writeRevision(u"edit"_s, u"save view '%1'"_s.arg(view.name), error) == 0) {
        rollbackWrite();
        return false;
    }
    return commitWrite(error);
}

bool SqliteTimelineStore::deleteView(qint64 id, StoreError *error) {
    return deleteRow(u"saved_view"_s, id, u"view"_s, error);
}
