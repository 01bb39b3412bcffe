// The SQLite store: the rows a bulk import inserts, through SQLite's own interface.

#include "model/IsoTimeStamp.h"
#include "model/store/sqlite/SqliteBulkStatements.h"
#include "model/store/sqlite/SqliteStoreInternals.h"

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

using StoreBulk::BulkStatement;
using StoreBulk::ImportStatements;

qint64 SqliteTimelineStore::insertImportedEvent(ImportStatements &bulk, const Event &event,
                                                StoreError *error) {
    const auto what = [&event] {
        return event.title.isEmpty() ? event.uid : u"'%1'"_s.arg(event.title);
    };
    if (!checkEvent(event, error))
        return 0;
    const qint64 category = categoryId(event.category, error);
    if (!event.category.isEmpty() && category == 0)
        return 0;
    const QString &now = bulk.now();
    const QString uid = event.uid.isEmpty() ? newUid() : event.uid;
    const QString created = event.created.isValid() ? isoUtcText(event.created) : now;
    const QString title = event.title.trimmed();
    const QString status = eventStatusKey(event.status);
    BulkStatement &insert = bulk.insertEvent;
    insert.bindText(1, uid);
    insert.bindText(2, title);
    insert.bindText(3, event.summary);
    insert.bindInt(4, event.start.year());
    insert.bindIntOrNull(5, event.start.month());
    insert.bindIntOrNull(6, event.start.day());
    insert.bindIntOrNull(7, event.end.year());
    insert.bindIntOrNull(8, event.end.month());
    insert.bindIntOrNull(9, event.end.day());
    insert.bindInt(10, event.firstJulianDay());
    insert.bindInt(11, event.lastJulianDay());
    insert.bindIntOrNull(12, category);
    insert.bindText(13, status);
    insert.bindInt(14, event.importance);
    insert.bindText(15, created);
    insert.bindText(16, now);
    insert.bindText(17, DataTranslations::toText(event.translations));
    if (!insert.run()) {
        *error =
            errorFromCode(insert.errorCode(), insert.errorText(), u"save event %1"_s.arg(what()));
        return 0;
    }
    const qint64 eventRow = sqlite3_last_insert_rowid(bulk.db);

    // As writeEventLinks: names trimmed, empty ones and repeats left out, in file order.
    // The search index's "names" column lists them as the view event_search_text does:
    // actors, chips, then tags, each in the order of their row ids.
    QString indexNames;
    const auto writeNames = [&](const QString &table, BulkStatement &link,
                                const QStringList &names) {
        // The names met so far (nameId's), looked up here without first finding the table's.
        const QHash<QString, qint64> &known = m_nameIds[table];
        qint64 position = 0;
        QVarLengthArray<qint64, 8> seen;
        QVarLengthArray<std::pair<qint64, QString>, 8> indexed;
        for (const QString &rawName : names) {
            const QString name = rawName.trimmed();
            if (name.isEmpty())
                continue;
            const auto found = known.constFind(name);
            const qint64 nameRow = found != known.cend() ? *found : nameId(table, name, error);
            if (nameRow == 0)
                return false;
            if (std::find(seen.cbegin(), seen.cend(), nameRow) != seen.cend())
                continue;
            seen.append(nameRow);
            indexed.append({nameRow, name});
            link.bindInt(1, eventRow);
            link.bindInt(2, nameRow);
            link.bindInt(3, position++);
            if (!link.run()) {
                *error = errorFromCode(link.errorCode(), link.errorText(),
                                       u"link %1 '%2'"_s.arg(table, name));
                return false;
            }
        }
        std::sort(indexed.begin(), indexed.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[row, name] : indexed) {
            if (!indexNames.isEmpty())
                indexNames += u' ';
            indexNames += name;
        }
        return true;
    };
    if (!writeNames(u"actor"_s, bulk.insertActor, event.actors) ||
        !writeNames(u"chip"_s, bulk.insertChip, event.chips) ||
        !writeNames(u"tag"_s, bulk.insertTag, event.tags))
        return 0;
    qint64 position = 0;
    QVarLengthArray<qint64, 8> seen;
    for (const Citation &citation : event.citations) {
        const qint64 sourceRow = sourceIdForUid(citation.sourceUid);
        if (sourceRow == 0) {
            *error = {StoreError::Kind::Invalid,
                      u"%1: event '%2' cites source %3, which is not in the database"_s.arg(
                          QDir::toNativeSeparators(m_path), event.title, citation.sourceUid)};
            return 0;
        }
        if (std::find(seen.cbegin(), seen.cend(), sourceRow) != seen.cend())
            continue;
        seen.append(sourceRow);
        const auto newSource = bulk.newSourceAt.constFind(sourceRow);
        if (newSource == bulk.newSourceAt.cend()) {
            // A stored source: its quotes change.
            if (const BulkStatement *failed = bulk.noteSource(sourceRow)) {
                *error = errorFromCode(failed->errorCode(), failed->errorText(), u"link source"_s);
                return 0;
            }
        }
        BulkStatement &link = bulk.insertCitation;
        link.bindInt(1, eventRow);
        link.bindInt(2, sourceRow);
        link.bindText(3, citation.quote);
        link.bindText(4, citation.locator);
        link.bindInt(5, position++);
        if (!link.run()) {
            *error = errorFromCode(link.errorCode(), link.errorText(), u"link source"_s);
            return 0;
        }
        if (newSource != bulk.newSourceAt.cend())
            bulk.newSourceQuotes.emplace_back(*newSource, citation.quote);
    }
    BulkStatement &index = bulk.insertEventIndex;
    index.bindInt(1, eventRow);
    index.bindText(2, title);
    // With its translations, as the view event_search_text gives it.
    const QString indexedSummary =
        event.translations.isEmpty()
            ? event.summary
            : QString(event.summary + DataTranslations::searchText(event.translations));
    index.bindText(3, indexedSummary);
    index.bindText(4, indexNames);
    if (!index.run()) {
        *error =
            errorFromCode(index.errorCode(), index.errorText(), u"save event %1"_s.arg(what()));
        return 0;
    }
    return eventRow;
}

bool SqliteTimelineStore::insertImportedSource(ImportStatements &bulk, Source &source,
                                               StoreError *error) {
    if (source.title.trimmed().isEmpty()) {
        *error = {StoreError::Kind::Invalid, u"%1: source %2 has no title"_s.arg(
                                                 QDir::toNativeSeparators(m_path), source.uid)};
        return false;
    }
    if (source.uid.isEmpty())
        source.uid = newUid();
    const QString &now = bulk.now();
    const QString title = source.title.trimmed();
    const QString authors = source.authors.join(u'\n');
    const QString url = source.url.trimmed();
    const QString doi = source.doi.trimmed();
    const QString published = source.published.toIsoString();
    const QString accessed = source.accessed.toIsoString();
    BulkStatement &insert = bulk.insertSource;
    insert.bindText(1, source.uid);
    insert.bindText(2, source.kind);
    insert.bindText(3, title);
    insert.bindText(4, source.outlet);
    insert.bindText(5, authors);
    insert.bindText(6, url);
    insert.bindText(7, doi);
    insert.bindText(8, published);
    insert.bindText(9, accessed);
    insert.bindText(10, source.language);
    insert.bindText(11, source.excerpt);
    insert.bindText(12, source.notes);
    insert.bindText(13, now);
    if (!insert.run()) {
        *error = errorFromCode(insert.errorCode(), insert.errorText(),
                               u"save source '%1'"_s.arg(source.title));
        return false;
    }
    source.id = sqlite3_last_insert_rowid(bulk.db);
    m_sourceIds.insert(source.uid, source.id);
    bulk.newSourceAt.insert(source.id, qsizetype(bulk.newSources.size()));
    bulk.newSources.push_back({source.id, title, source.outlet, source.excerpt, source.notes});
    return true;
}
