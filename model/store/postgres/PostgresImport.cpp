// The PostgreSQL store: importing a dataset, whole or in parts, in one transaction, with the
// SQLite store's rules (ImportPolicy for records already stored; a source stored under
// another uid, as SourceMatcher judges, is merged, never added twice). New sources and
// events go in batches (PostgresImportBatch.cpp), indexed for search once, at the end.

#include "model/formats/SourceMatcher.h"
#include "model/store/postgres/PostgresTimelineStore.h"

#include <QDateTime>
#include <QSqlError>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

QString newUid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

bool PostgresTimelineStore::importParts(DatasetParts &parts, ImportPolicy policy,
                                        ImportSummary *summary, StoreError *error) {
    StoreError localError;
    StoreError *err = error ? error : &localError;
    // The first part is awaited before anything is sent: a file that cannot be read, an
    // import stopped before its first part, a read-only store change nothing.
    const Dataset *part = parts.next();
    const StoreError stoppedError{
        StoreError::Kind::Stopped,
        u"%1: the import was stopped; nothing was imported"_s.arg(m_path)};
    const StoreError unreadError{
        StoreError::Kind::Invalid,
        u"%1: nothing was imported: the file could not be read to its end"_s.arg(m_path)};
    if (!part && (parts.stopped() || parts.failed())) {
        *err = parts.stopped() ? stoppedError : unreadError;
        return false;
    }
    ImportSummary counts;
    const bool done = inTransaction(err, [&] {
        QSqlQuery query(database());
        // The rows past it are the import's.
        const std::optional<BeforeImport> before = beforeImport(err);
        if (!before)
            return false;
        // Sources first: events refer to them by uid. With "keep both", a duplicate gets a
        // new uid and the file's events are pointed at it.
        QHash<QString, QString> renamedSources;
        QHash<QString, QString> renamedEvents; // file uid → the uid of the copy (keep-both)
        std::optional<QList<Source>> knownSources;
        std::optional<SourceMatcher> matcher;
        bool titleWritten = false;
        ImportBatch batch(*this);
        if (!batch.begin(err))
            return false;
        for (; part; part = parts.next()) {
            const Dataset &dataset = *part;
            if (!dataset.title.isEmpty() && !titleWritten) {
                titleWritten = true;
                query.prepare(u"INSERT INTO meta(key, value) VALUES ('title', :title) "
                              "ON CONFLICT (key) DO NOTHING"_s);
                query.bindValue(u":title"_s, dataset.title);
                if (!query.exec()) {
                    *err = errorFrom(query, u"import"_s);
                    return false;
                }
            }
            for (Category category : dataset.categories) {
                category.id = 0;
                query.prepare(u"SELECT id FROM category WHERE name = :name"_s);
                query.bindValue(u":name"_s, category.name);
                const bool exists = query.exec() && query.next();
                if (exists && policy != ImportPolicy::Update)
                    continue;
                if (!writeCategory(category, err))
                    return false;
                if (!exists)
                    ++counts.categoriesAdded;
            }
            if (!dataset.sources.isEmpty() && !knownSources) {
                knownSources = sources();
                matcher.emplace(*knownSources);
            }
            if (!batch.lookUpSources(dataset.sources, err))
                return false;
            for (Source source : dataset.sources) {
                bool failed = false;
                const qint64 existing = batch.storedId(u"source"_s, source.uid, err, &failed);
                if (failed)
                    return false;
                const bool matched = !existing && !parts.asStored();
                const SourceMatcher::Keys keys =
                    matched ? SourceMatcher::keysOf(source) : SourceMatcher::Keys{};
                const qsizetype match = matched ? matcher->findMatch(source, keys) : -1;
                if (match >= 0) {
                    Source stored = knownSources->at(match);
                    renamedSources.insert(source.uid, stored.uid);
                    if (policy == ImportPolicy::Update) {
                        if (stored.id == 0) { // added by this import, still in a batch
                            if (!batch.flushSources(err))
                                return false;
                            stored.id = m_sourceIds.value(stored.uid);
                        }
                        Source merged = SourceMatcher::merged(stored, source);
                        merged.uid = stored.uid;
                        m_revision.touch(u"source"_s, stored.uid);
                        if (!writeSource(merged, stored.id, err))
                            return false;
                        batch.noteSource(stored.id);
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
                if (source.uid.isEmpty())
                    source.uid = newUid();
                const bool update = existing && policy == ImportPolicy::Update;
                if (update) {
                    m_revision.touch(u"source"_s, source.uid);
                    if (!writeSource(source, existing, err))
                        return false;
                    batch.noteSource(existing);
                } else if (!batch.addSource(source, err)) {
                    return false;
                }
                ++(update ? counts.sourcesUpdated : counts.sourcesAdded);
                if (matched) {
                    // Later records of the same file may be this article again.
                    knownSources->append(source);
                    matcher->add(source, keys);
                }
            }
            if (!parts.laterPartsMayHaveSources()) {
                knownSources.reset();
                matcher.reset();
            }
            // New records go to the server in batches (ImportBatch); an update is written
            // on its own.
            if (!batch.flushSources(err) || !batch.lookUpEvents(dataset.events, err))
                return false;
            for (const Event &fileEvent : dataset.events) {
                Event event = fileEvent;
                qint64 existing = 0;
                if (!event.uid.isEmpty()) {
                    bool failed = false;
                    existing = batch.storedId(u"event"_s, event.uid, err, &failed);
                    if (failed)
                        return false;
                } else {
                    if (!batch.flushEvents(err))
                        return false;
                    query.prepare(u"SELECT id FROM event WHERE title = :title AND first_day = "
                                  ":first AND last_day = :last ORDER BY id LIMIT 1"_s);
                    query.bindValue(u":title"_s, event.title.trimmed());
                    query.bindValue(u":first"_s, qint64(event.firstJulianDay()));
                    query.bindValue(u":last"_s, qint64(event.lastJulianDay()));
                    if (query.exec() && query.next())
                        existing = query.value(0).toLongLong();
                }
                if (existing && policy == ImportPolicy::Skip) {
                    ++counts.eventsSkipped;
                    continue;
                }
                if (existing && policy == ImportPolicy::KeepBoth) {
                    event.uid = newUid();
                    renamedEvents.insert(fileEvent.uid, event.uid);
                }
                for (Citation &citation : event.citations)
                    citation.sourceUid =
                        renamedSources.value(citation.sourceUid, citation.sourceUid);
                if (!existing || policy != ImportPolicy::Update) {
                    if (!batch.addEvent(event, err))
                        return false;
                    ++counts.eventsAdded;
                    continue;
                }
                // Only its uid and creation time are kept from the stored event.
                query.prepare(u"SELECT uid, created FROM event WHERE id = :id"_s);
                query.bindValue(u":id"_s, existing);
                if (query.exec() && query.next()) {
                    event.created =
                        QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
                    if (event.uid.isEmpty())
                        event.uid = query.value(0).toString();
                }
                m_revision.touch(u"event"_s, uidOf(u"event"_s, existing));
                // Its document, and those of the sources it cited and cites, are indexed
                // at the end.
                if (!batch.noteCitedSources(existing, err) || !writeEvent(event, existing, err) ||
                    !batch.noteCitedSources(existing, err))
                    return false;
                batch.noteEvent(existing);
                ++counts.eventsUpdated;
            }
            if (!batch.flushEvents(err))
                return false;
            // A relation between events the file keeps both of joins the file's own copies.
            for (Relation relation : dataset.relations) {
                relation.fromUid = renamedEvents.value(relation.fromUid, relation.fromUid);
                relation.toUid = renamedEvents.value(relation.toUid, relation.toUid);
                for (Citation &citation : relation.citations)
                    citation.sourceUid =
                        renamedSources.value(citation.sourceUid, citation.sourceUid);
                if (!writeRelation(relation, policy != ImportPolicy::Skip, err))
                    return false;
            }
            for (const SavedView &view : dataset.savedViews) {
                query.prepare(u"INSERT INTO saved_view(name, filter) VALUES (:name, :filter) "
                              "ON CONFLICT (name) DO UPDATE SET filter = excluded.filter"_s);
                query.bindValue(u":name"_s, view.name);
                query.bindValue(u":filter"_s, view.filter.isNull() ? u""_s : view.filter);
                if (!query.exec()) {
                    *err = errorFrom(query, u"import saved view '%1'"_s.arg(view.name));
                    return false;
                }
            }
        }
        if (parts.stopped()) {
            *err = stoppedError;
            return false;
        }
        if (parts.failed()) {
            *err = unreadError;
            return false;
        }
        return batch.index(err) && markFilled(err) &&
               (parts.asStored() || recordImport(parts.fileName(), counts, *before, err));
    });
    if (done)
        gatherStatisticsAfterImport(counts);
    if (done && summary)
        *summary = counts;
    return done;
}
