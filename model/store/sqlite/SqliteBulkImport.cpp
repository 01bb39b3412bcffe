// The SQLite store: importing a dataset, whole or in parts, in one transaction.

#include "model/formats/SourceMatcher.h"
#include "model/store/sqlite/SqliteBulkStatements.h"
#include "model/store/sqlite/SqliteRowReader.h"
#include "model/store/sqlite/SqliteStoreInternals.h"

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

using StoreBulk::BulkStatement;
using StoreBulk::ImportStatements;

namespace {} // namespace

bool SqliteTimelineStore::importParts(DatasetParts &parts, ImportPolicy policy,
                                      ImportSummary *summary, StoreError *error) {
    StoreError localError;
    StoreError *err = error ? error : &localError;
    ImportSummary counts;
    // The import runs with the usual 32 MB page cache. (A 256 MB cache paid off while the
    // search index was built at commit by reading every new row back; now that the import
    // writes the index rows itself, a larger cache measured slower and raised the peak
    // memory by ~250 MB at 100k events.)
    //
    // Every reference the import writes is one it has checked: an event's category, actors,
    // chips and tags are looked up or added (categoryId, nameId), a cited source must be
    // stored (sourceIdForUid), and the event is the row just written. So SQLite's own checks
    // of the foreign keys, two lookups for each link (~600k links at 100k events, 0.45 s of
    // the import), are off for its transaction. (The pragma has effect only between
    // transactions: turned off before BEGIN, on again once it is committed or rolled back.)
    // The import deletes only link rows, which no foreign key points at.
    struct ForeignKeysOff {
        explicit ForeignKeysOff(const QSqlDatabase &db)
            : query(db) {
            query.exec(u"PRAGMA foreign_keys = OFF"_s);
        }
        ~ForeignKeysOff() { query.exec(u"PRAGMA foreign_keys = ON"_s); }
        ForeignKeysOff(const ForeignKeysOff &) = delete;
        ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;
        QSqlQuery query;
    };
    // The first part is awaited before anything touches the file: a file that cannot be read,
    // an import stopped before its first part, a read-only store leave every byte as it was.
    const Dataset *part = parts.next();
    if (!part && (parts.stopped() || parts.failed())) {
        *err = parts.stopped()
                   ? StoreError{StoreError::Kind::Stopped,
                                u"%1: the import was stopped; nothing was imported"_s.arg(
                                    QDir::toNativeSeparators(m_path))}
                   : StoreError{
                         StoreError::Kind::Invalid,
                         u"%1: nothing was imported: the file could not be read to its end"_s.arg(
                             QDir::toNativeSeparators(m_path))};
        return false;
    }
    if (isReadOnly()) {
        *err = refusedBecauseReadOnly();
        return false;
    }
    const ForeignKeysOff foreignKeysOff(database());
    // The import goes through the WAL like every other write, also with the file to itself.
    // Leaving the WAL for a rollback journal (each page written once instead of into the log
    // and again by the checkpoint: 0.45 s of a 3.2 s import of 100k events) writes the header
    // twice, its change counters advanced even when the import is then refused; through the
    // WAL a refused import leaves every byte of the file as it was (docs/reliability.md).
    if (!beginWrite(err))
        return false;
    const auto fail = [&] {
        rollbackWrite(); // undoes the DROP of the change tracking too; made sure of below
        StoreError ignored;
        installChangeTracking(&ignored);
        return false;
    };
    // A statement of the import that failed: its error, then all undone.
    const auto failWith = [&](const BulkStatement &statement) {
        *err = errorFromCode(statement.errorCode(), statement.errorText(), u"import"_s);
        return fail();
    };
    // The import indexes the rows it inserts itself, from the values in hand, so the
    // change-tracking triggers are dropped for its transaction (they would note every row
    // and link, and flushSearchIndex would read each one back); rows it updates are noted
    // by hand below. Installed again when it ends.
    if (!suspendChangeTracking(err))
        return fail();
    ImportStatements bulk(sqliteHandle(database()));
    if (!bulk.db) {
        *err = {StoreError::Kind::Io, u"%1: could not import: not an SQLite connection"_s.arg(
                                          QDir::toNativeSeparators(m_path))};
        return fail();
    }
    if (const BulkStatement *invalid = bulk.invalidStatement())
        return failWith(*invalid);
    // The file could not be read to its end: nothing of it is kept.
    const auto readingFailed = [&] {
        *err = {StoreError::Kind::Invalid,
                u"%1: nothing was imported: the file could not be read to its end"_s.arg(
                    QDir::toNativeSeparators(m_path))};
        return fail();
    };
    const auto stopped = [&] {
        *err = {StoreError::Kind::Stopped,
                u"%1: the import was stopped; nothing was imported"_s.arg(
                    QDir::toNativeSeparators(m_path))};
        return fail();
    };

    // Decided on the first part with events, which holds at least the first 5,000 events of a
    // file read in parts (a native file's sources come in a part of their own before them),
    // against the database as it was before the import:
    const qsizetype storedEvents = eventCount();
    // What the import's revision records: the rows past these ids are the import's own (one
    // change each, their content the file's); stored items it updates are recorded field by
    // field (touched below).
    const auto maxId = [&](const QString &table) {
        QSqlQuery max(database());
        return max.exec(u"SELECT coalesce(max(id), 0) FROM %1"_s.arg(table)) && max.next()
                   ? max.value(0).toLongLong()
                   : qint64(0);
    };
    const qint64 eventsBefore = maxId(u"event"_s);
    const qint64 sourcesBefore = maxId(u"source"_s);
    const QString titleBefore = [&] {
        QSqlQuery title(database());
        return title.exec(u"SELECT value FROM meta WHERE key = 'title'"_s) && title.next()
                   ? title.value(0).toString()
                   : QString();
    }();
    const bool sourcesStored = sourceCount() > 0;
    // Events without a uid are matched by title and span of days: when there are many (a
    // spreadsheet has no uids), in memory (below), else by a query through event_by_first_day.
    bool matchInMemory = false;
    // A large import into a small database writes the link tables' and the event table's
    // secondary indexes afresh after its rows, from sorted keys, instead of inserting ~900k
    // entries one by one at 100k events (0.5 s of 6.5 s). Their SQL is taken as stored and
    // run again before anything reads them (the search index's flush does); a rollback
    // brings the old ones back. event_by_first_day stays while events without a uid are
    // matched by a query through it, and event_source_by_source while there are stored
    // sources: a stored source that new events cite has its quotes read through it before
    // they change (see ImportStatements::noteSource).
    QSqlQuery query(database());
    QList<std::pair<QString, QString>> rebuiltIndexes;
    // Without event_by_first_day, events without a uid in a later part are matched in memory.
    bool firstDayIndexDropped = false;
    bool decided = false;
    const auto decide = [&](const Dataset &firstEvents) {
        decided = true;
        const qsizetype withoutUid =
            std::count_if(firstEvents.events.cbegin(), firstEvents.events.cend(),
                          [](const Event &event) { return event.uid.isEmpty(); });
        matchInMemory = withoutUid >= 1000;
        if (firstEvents.events.size() < 5000 || firstEvents.events.size() < storedEvents)
            return true;
        const bool matchesByDay = withoutUid > 0 && !matchInMemory;
        if (!query.exec(u"SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                        "AND sql IS NOT NULL AND tbl_name IN "
                        "('event', 'event_source', 'event_actor', 'event_chip', 'event_tag')"_s)) {
            *err = errorFrom(query, u"import"_s);
            return false;
        }
        while (query.next()) {
            const QString name = query.value(0).toString();
            if ((matchesByDay && name == u"event_by_first_day"_s) ||
                (sourcesStored && name == u"event_source_by_source"_s))
                continue;
            rebuiltIndexes.append({name, query.value(1).toString()});
        }
        query.finish();
        for (const auto &[name, sql] : std::as_const(rebuiltIndexes)) {
            if (!query.exec(u"DROP INDEX \"%1\""_s.arg(name))) {
                *err = errorFrom(query, u"import"_s);
                return false;
            }
        }
        firstDayIndexDropped =
            std::any_of(rebuiltIndexes.cbegin(), rebuiltIndexes.cend(),
                        [](const auto &index) { return index.first == u"event_by_first_day"_s; });
        return true;
    };

    // Sources first: events refer to them by uid. With "keep both", a duplicate gets a new
    // uid and the file's events are pointed at it.
    QHash<QString, QString> renamedSources;
    QHash<QString, QString> renamedEvents; // file uid → the uid of the copy (keep-both)
    // The same article under another uid (same DOI, same address, or same title and date,
    // as SourceMatcher judges) is merged into the stored one, never added twice. The stored
    // sources and the matcher's keys are read when the first source comes, and freed once
    // no more sources can come (before the events of a whole dataset are written).
    std::optional<QList<Source>> knownSources;
    std::optional<SourceMatcher> matcher;
    // Matching in memory: the stored events' keys are read once and each written event's
    // added, where a query per event walked every event of its first day. The first match
    // by id is taken, as that query's order (event_by_first_day) gives.
    std::optional<QHash<TitleAndDays, qint64>> byTitleAndDays;
    // Into a database without events, a uid can only come again within the import: the rows
    // it wrote are found by uid here, not through the event table's uid index (a query per
    // event, 0.1 s at 100k events).
    std::optional<QHash<QString, qint64>> writtenByUid;
    if (storedEvents == 0)
        writtenByUid.emplace();
    bool titleWritten = false;
    for (; part; part = parts.next()) {
        const Dataset &dataset = *part;
        if (!dataset.title.isEmpty() && !titleWritten) {
            titleWritten = true;
            query.prepare(u"INSERT INTO meta(key, value) VALUES ('title', :title) "
                          "ON CONFLICT(key) DO NOTHING"_s);
            query.bindValue(u":title"_s, dataset.title);
            if (!query.exec()) {
                *err = errorFrom(query, u"import"_s);
                return fail();
            }
        }
        for (Category category : dataset.categories) {
            category.id = 0;
            QSqlQuery find(database());
            find.prepare(u"SELECT id FROM category WHERE name = :name"_s);
            find.bindValue(u":name"_s, category.name);
            const bool exists = find.exec() && find.next();
            find.finish();
            if (exists && policy != ImportPolicy::Update)
                continue;
            if (!saveCategory(category, err))
                return fail();
            if (!exists)
                ++counts.categoriesAdded;
        }

        // A source the file's events are pointed at, and with "update" its empty fields filled in.
        if (!dataset.sources.isEmpty()) {
            if (!knownSources) {
                knownSources = sources();
                matcher.emplace(*knownSources);
            }
            for (Source source : dataset.sources) {
                qint64 existing = 0;
                if (!source.uid.isEmpty()) {
                    bulk.sourceByUid.bindText(1, source.uid);
                    const std::optional<qint64> found = bulk.sourceByUid.firstInt();
                    if (!found)
                        return failWith(bulk.sourceByUid);
                    existing = *found;
                }
                // Looked for among the known sources, then added to them: found by the same keys.
                const bool matched = !existing && !parts.asStored();
                const SourceMatcher::Keys keys =
                    matched ? SourceMatcher::keysOf(source) : SourceMatcher::Keys{};
                const qsizetype match = matched ? matcher->findMatch(source, keys) : -1;
                if (match >= 0) {
                    const Source stored = knownSources->at(match);
                    renamedSources.insert(source.uid, stored.uid);
                    if (policy == ImportPolicy::Update) {
                        Source merged = SourceMatcher::merged(stored, source);
                        merged.uid = stored.uid;
                        if (const BulkStatement *failed = bulk.noteSource(stored.id))
                            return failWith(*failed);
                        touch(u"source"_s, stored.uid);
                        if (!writeSource(merged, stored.id, err))
                            return fail();
                        (*knownSources)[match] = merged;
                        ++counts.sourcesUpdated;
                    } else {
                        ++counts.sourcesSkipped;
                    }
                    continue;
                }
                if (existing && policy == ImportPolicy::Skip) {
                    ++counts.sourcesSkipped;
                    continue;
                }
                if (existing && policy == ImportPolicy::KeepBoth) {
                    const QString fileUid = source.uid;
                    source.uid = newUid();
                    renamedSources.insert(fileUid, source.uid);
                }
                if (existing && policy == ImportPolicy::Update) {
                    if (const BulkStatement *failed = bulk.noteSource(existing))
                        return failWith(*failed);
                    touch(u"source"_s, source.uid);
                    if (!writeSource(source, existing, err))
                        return fail();
                } else if (!insertImportedSource(bulk, source, err)) {
                    return fail();
                }
                ++(existing && policy == ImportPolicy::Update ? counts.sourcesUpdated
                                                              : counts.sourcesAdded);
                if (matched) {
                    // Later records of the same file may be this article again.
                    knownSources->append(source);
                    matcher->add(source, keys);
                }
            }
        }
        if (!parts.laterPartsMayHaveSources()) {
            knownSources.reset();
            matcher.reset();
        }
        if (!decided && !dataset.events.isEmpty() && !decide(dataset))
            return fail();
        if (!byTitleAndDays &&
            (matchInMemory || (firstDayIndexDropped &&
                               std::any_of(dataset.events.cbegin(), dataset.events.cend(),
                                           [](const Event &e) { return e.uid.isEmpty(); })))) {
            byTitleAndDays.emplace();
            RowReader stored(bulk.db,
                             "SELECT id, title, first_day, last_day FROM event ORDER BY id");
            if (!stored.isValid()) {
                *err = {StoreError::Kind::Io, u"%1: could not import: %2"_s.arg(
                                                  QDir::toNativeSeparators(m_path),
                                                  QString::fromUtf8(sqlite3_errmsg(bulk.db)))};
                return fail();
            }
            while (stored.next())
                addFirst(*byTitleAndDays, {stored.text(1), stored.integer(2), stored.integer(3)},
                         stored.integer(0));
        }
        qsizetype citationCount = 0;
        for (const Event &event : dataset.events)
            citationCount += event.citations.size();
        // Grown by at least half each time: reserving just this part's need would move the
        // whole list again at every part.
        if (const size_t needed = bulk.newSourceQuotes.size() + size_t(citationCount);
            needed > bulk.newSourceQuotes.capacity())
            bulk.newSourceQuotes.reserve(std::max(needed, bulk.newSourceQuotes.capacity() * 3 / 2));
        for (const Event &event : dataset.events) {
            // The event as written: the file's, or a copy where the import changes it (a new
            // uid, sources renamed, an update's stored uid and creation time).
            std::optional<Event> changed;
            const auto changeable = [&]() -> Event & {
                if (!changed)
                    changed.emplace(event);
                return *changed;
            };
            qint64 existing = 0;
            if (!event.uid.isEmpty() && writtenByUid) {
                existing = writtenByUid->value(event.uid);
            } else if (!event.uid.isEmpty()) {
                bulk.eventByUid.bindText(1, event.uid);
                const std::optional<qint64> found = bulk.eventByUid.firstInt();
                if (!found)
                    return failWith(bulk.eventByUid);
                existing = *found;
            }
            if (!existing && event.uid.isEmpty() && byTitleAndDays) {
                const auto found = byTitleAndDays->constFind(
                    {event.title.trimmed(), event.firstJulianDay(), event.lastJulianDay()});
                existing = found != byTitleAndDays->cend() ? *found : 0;
            } else if (!existing && event.uid.isEmpty()) {
                QSqlQuery &same =
                    statement(u"SELECT id FROM event WHERE title = :title AND first_day = :first "
                              "AND last_day = :last"_s);
                same.bindValue(u":title"_s, event.title.trimmed());
                same.bindValue(u":first"_s, event.firstJulianDay());
                same.bindValue(u":last"_s, event.lastJulianDay());
                if (same.exec() && same.next())
                    existing = same.value(0).toLongLong();
                same.finish();
            }
            if (existing && policy == ImportPolicy::Skip) {
                ++counts.eventsSkipped;
                continue;
            }
            if (existing && policy == ImportPolicy::KeepBoth) {
                changeable().uid = newUid();
                renamedEvents.insert(event.uid, changed->uid);
            }
            if (!renamedSources.isEmpty() &&
                std::any_of(
                    event.citations.cbegin(), event.citations.cend(),
                    [&](const Citation &c) { return renamedSources.contains(c.sourceUid); }))
                for (Citation &citation : changeable().citations)
                    citation.sourceUid =
                        renamedSources.value(citation.sourceUid, citation.sourceUid);
            const bool update = existing && policy == ImportPolicy::Update;
            if (update) {
                Event &updated = changeable();
                // Only its uid and creation time are kept from the stored event.
                QSqlQuery &old = statement(u"SELECT uid, created FROM event WHERE id = :id"_s);
                old.bindValue(u":id"_s, existing);
                if (old.exec() && old.next()) {
                    updated.created =
                        QDateTime::fromString(old.value(1).toString(), Qt::ISODateWithMs);
                    if (updated.uid.isEmpty())
                        updated.uid = old.value(0).toString();
                }
                old.finish();
            }
            const Event &written = changed ? *changed : event;
            qint64 writtenRow = 0;
            if (update) {
                // The event's index row, and the quotes of the sources it cited before and after.
                if (const BulkStatement *failed = bulk.noteEvent(existing))
                    return failWith(*failed);
                if (const BulkStatement *failed = bulk.noteSourcesCitedBy(existing))
                    return failWith(*failed);
                for (const Citation &citation : written.citations)
                    if (const qint64 cited = sourceIdForUid(citation.sourceUid))
                        if (const BulkStatement *failed = bulk.noteSource(cited))
                            return failWith(*failed);
                touch(u"event"_s, uidOf(u"event"_s, existing));
                if (!writeEvent(*changed, existing, err))
                    return fail();
            } else if ((writtenRow = insertImportedEvent(bulk, written, err)) == 0) {
                return fail();
            } else {
                if (byTitleAndDays)
                    addFirst(*byTitleAndDays,
                             {written.title.trimmed(), written.firstJulianDay(),
                              written.lastJulianDay()},
                             writtenRow);
                if (writtenByUid && !written.uid.isEmpty())
                    writtenByUid->insert(written.uid, writtenRow);
            }
            ++(update ? counts.eventsUpdated : counts.eventsAdded);
        }
        // A relation between events the file keeps both of joins the file's own copies.
        for (Relation relation : dataset.relations) {
            relation.fromUid = renamedEvents.value(relation.fromUid, relation.fromUid);
            relation.toUid = renamedEvents.value(relation.toUid, relation.toUid);
            for (Citation &citation : relation.citations)
                citation.sourceUid = renamedSources.value(citation.sourceUid, citation.sourceUid);
            if (!writeRelation(relation, policy != ImportPolicy::Skip, err))
                return fail();
        }
        for (const SavedView &view : dataset.savedViews) {
            query.prepare(u"INSERT INTO saved_view(name, filter) VALUES (:name, :filter) "
                          "ON CONFLICT(name) DO UPDATE SET filter = excluded.filter"_s);
            query.bindValue(u":name"_s, view.name);
            query.bindValue(u":filter"_s, text(view.filter));
            if (!query.exec()) {
                *err = errorFrom(query, u"import saved view '%1'"_s.arg(view.name));
                return fail();
            }
        }
    }
    if (parts.stopped())
        return stopped();
    if (parts.failed())
        return readingFailed();
    for (const auto &[name, sql] : std::as_const(rebuiltIndexes)) {
        if (!query.exec(sql)) {
            *err = errorFrom(query, u"import"_s);
            return fail();
        }
    }
    if (!markFilled(err) ||
        (!parts.asStored() &&
         !recordImport(parts.fileName(), counts, {eventsBefore, sourcesBefore, titleBefore}, err)))
        return fail();
    // The new sources' index rows, now that their quotes are known; stored sources that new
    // events cite, and new ones that stored events cite, are noted and indexed again by
    // flushSearchIndex at the commit.
    // Each one's quotes, joined by spaces as the view source_search_text joins them, in the
    // order of the citing events' ids: the quotes grouped by source (a stable sort keeps the
    // order the events were written in, which is their ids'), each group joined just before
    // its row is written.
    std::stable_sort(bulk.newSourceQuotes.begin(), bulk.newSourceQuotes.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    auto nextQuote = bulk.newSourceQuotes.cbegin();
    QString quotes;
    for (size_t at = 0; at < bulk.newSources.size(); ++at) {
        const ImportStatements::NewSource &source = bulk.newSources[at];
        if (bulk.notedSources.contains(source.id)) {
            while (nextQuote != bulk.newSourceQuotes.cend() && size_t(nextQuote->first) == at)
                ++nextQuote;
            continue;
        }
        quotes.resize(0); // keeps its capacity
        for (bool first = true;
             nextQuote != bulk.newSourceQuotes.cend() && size_t(nextQuote->first) == at;
             ++nextQuote, first = false) {
            if (!first)
                quotes += u' ';
            quotes += nextQuote->second;
        }
        BulkStatement &index = bulk.insertSourceIndex;
        index.bindInt(1, source.id);
        index.bindText(2, source.title);
        index.bindText(3, source.outlet);
        index.bindText(4, source.excerpt);
        index.bindText(5, source.notes);
        index.bindText(6, quotes);
        if (!index.run()) {
            *err =
                errorFromCode(index.errorCode(), index.errorText(), u"update the search index"_s);
            return fail();
        }
    }
    // The new rows were indexed above without flushSearchIndex: their words are the index's
    // words the table does not hold yet.
    if ((counts.eventsAdded > 0 || counts.sourcesAdded > 0) && !addIndexedWords(err))
        return fail();
    if (!commitWrite(err)) {
        StoreError ignored;
        installChangeTracking(&ignored);
        return false;
    }
    if (!installChangeTracking(err))
        return false;
    if (summary)
        *summary = counts;
    return true;
}
