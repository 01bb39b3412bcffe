// The SQLite store: the whole dataset, read through SQLite's own interface.

#include "model/store/sqlite/SqliteRowReader.h"
#include "model/store/sqlite/SqliteStoreInternals.h"

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

Dataset SqliteTimelineStore::dataset() const {
    return readDataset(true);
}

Dataset SqliteTimelineStore::figureDataset() const {
    return readDataset(false);
}

Dataset SqliteTimelineStore::readDataset(bool whole) const {
    Dataset dataset;
    QSqlQuery query(database());
    if (query.exec(u"SELECT value FROM meta WHERE key = 'title'"_s) && query.next())
        dataset.title = query.value(0).toString();
    readFailed(query, u"meta"_s);
    query.finish();
    dataset.categories = categories();
    dataset.savedViews = savedViews();

    // What sources() and events() give, read in a few passes through SQLite's interface.
    // Names (of categories, actors, chips, tags) and the uids of cited sources are read once
    // and shared by every event that has them, rather than joined and decoded on every row.
    // For a figure, the long texts it does not read (summaries, excerpts, notes, quotes) are
    // neither decoded nor carried through the sorts: at 100k events, half the read.
    sqlite3 *db = sqliteHandle(database());
    RowReader sources(db, whole ? "SELECT id, uid, kind, title, outlet, authors, url, doi, "
                                  "published, accessed, language, excerpt, notes FROM source "
                                  "ORDER BY published, title, id"
                                : "SELECT id, uid, NULL, title, outlet, NULL, url, doi, "
                                  "published, NULL, NULL, NULL, NULL FROM source "
                                  "ORDER BY published, title, id");
    RowReader events(db, whole ? "SELECT id, uid, title, summary, start_year, start_month, "
                                 "start_day, end_year, end_month, end_day, category_id, status, "
                                 "importance, created, modified, translations FROM event "
                                 "ORDER BY first_day, last_day, id"
                               : "SELECT id, uid, title, NULL, start_year, start_month, "
                                 "start_day, end_year, end_month, end_day, category_id, status, "
                                 "importance, NULL, NULL, translations FROM event "
                                 "ORDER BY first_day, last_day, id");
    RowReader actorNames(db, "SELECT id, name FROM actor");
    RowReader chipNames(db, "SELECT id, name FROM chip");
    RowReader tagNames(db, "SELECT id, name FROM tag");
    RowReader actors(db, "SELECT event_id, actor_id FROM event_actor ORDER BY event_id, position");
    RowReader chips(db, "SELECT event_id, chip_id FROM event_chip ORDER BY event_id, position");
    RowReader tags(db, "SELECT event_id, tag_id FROM event_tag ORDER BY event_id, position");
    RowReader citations(db, whole ? "SELECT event_id, source_id, quote, locator FROM event_source "
                                    "ORDER BY event_id, position"
                                  : "SELECT event_id, source_id, NULL, NULL FROM event_source "
                                    "ORDER BY event_id, position");
    if (!sources.isValid() || !events.isValid() || !actorNames.isValid() || !chipNames.isValid() ||
        !tagNames.isValid() || !actors.isValid() || !chips.isValid() || !tags.isValid() ||
        !citations.isValid()) {
        dataset.sources = this->sources();
        dataset.events = this->events();
        return dataset;
    }

    QHash<QByteArray, QString> sharedTexts;
    QHash<qint64, QString> sourceUids;
    const int sourceTotal = sourceCount();
    sourceUids.reserve(sourceTotal);
    dataset.sources.reserve(sourceTotal);
    while (sources.next()) {
        Source &source = dataset.sources.emplaceBack();
        source.id = sources.integer(0);
        source.uid = sources.text(1);
        source.kind = sources.sharedText(2, &sharedTexts);
        source.title = sources.text(3);
        source.outlet = sources.sharedText(4, &sharedTexts);
        const QString authors = sources.text(5);
        source.authors = authors.isEmpty() ? QStringList() : authors.split(u'\n');
        source.url = sources.text(6);
        source.doi = sources.text(7);
        source.published = dateFromIso(sources.text(8));
        source.accessed = dateFromIso(sources.text(9));
        source.language = sources.sharedText(10, &sharedTexts);
        source.excerpt = sources.text(11);
        source.notes = sources.text(12);
        sourceUids.insert(source.id, source.uid);
    }
    sources.failed(*this, u"source"_s);

    QHash<qint64, QString> categoryNames;
    for (const Category &category : std::as_const(dataset.categories))
        categoryNames.insert(category.id, category.name);
    dataset.events.reserve(eventCount());
    while (events.next()) {
        Event &event = dataset.events.emplaceBack();
        event.id = events.integer(0);
        event.uid = events.text(1);
        event.title = events.text(2);
        event.summary = events.text(3);
        event.start = events.date(4);
        event.end = events.date(7);
        if (!events.isNull(10))
            event.category = categoryNames.value(events.integer(10));
        event.status = eventStatusFromKey(events.sharedText(11, &sharedTexts))
                           .value_or(EventStatus::Confirmed);
        event.importance = int(events.integer(12));
        event.created = events.timeStamp(13);
        event.modified = events.timeStamp(14);
        if (!events.isNull(15) && events.text(15).size() > 0)
            event.translations = DataTranslations::eventTranslationsFromText(events.text(15));
    }
    events.failed(*this, u"event"_s);

    // The link rows come in order of event id: each pass walks the events sorted by id.
    std::vector<Event *> byId;
    byId.reserve(size_t(dataset.events.size()));
    for (Event &event : dataset.events)
        byId.push_back(&event);
    std::sort(byId.begin(), byId.end(),
              [](const Event *a, const Event *b) { return a->id < b->id; });
    const auto eventWithId = [&byId](size_t *cursor, qint64 id) -> Event * {
        while (*cursor < byId.size() && byId[*cursor]->id < id)
            ++*cursor;
        return *cursor < byId.size() && byId[*cursor]->id == id ? byId[*cursor] : nullptr;
    };
    const auto readNames = [&](RowReader &names, RowReader &links, QStringList Event::*list,
                               const QString &table) {
        QHash<qint64, QString> nameOf;
        while (names.next())
            nameOf.insert(names.integer(0), names.text(1));
        names.failed(*this, table);
        size_t cursor = 0;
        while (links.next()) {
            Event *event = eventWithId(&cursor, links.integer(0));
            const auto name = nameOf.constFind(links.integer(1));
            if (event && name != nameOf.cend())
                (event->*list) << *name;
        }
        links.failed(*this, u"event_"_s + table);
    };
    readNames(actorNames, actors, &Event::actors, u"actor"_s);
    readNames(chipNames, chips, &Event::chips, u"chip"_s);
    readNames(tagNames, tags, &Event::tags, u"tag"_s);
    size_t cursor = 0;
    while (citations.next()) {
        Event *event = eventWithId(&cursor, citations.integer(0));
        const auto uid = sourceUids.constFind(citations.integer(1));
        if (event && uid != sourceUids.cend())
            event->citations << Citation{*uid, citations.text(2),
                                         citations.sharedText(3, &sharedTexts)};
    }
    citations.failed(*this, u"event_source"_s);
    dataset.relations = relations();
    return dataset;
}
