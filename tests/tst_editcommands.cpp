#include "model/EditCommands.h"
#include "model/store/TimelineStore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace {

// The whole database as the exchange format carries it, with what a re-insert may
// legitimately change (row ids, modification times) set aside.
Dataset normalised(const TimelineStore &store) {
    Dataset data = store.dataset();
    for (Category &category : data.categories)
        category.id = 0;
    for (Source &source : data.sources)
        source.id = 0;
    for (Event &event : data.events) {
        event.id = 0;
        event.modified = {};
    }
    for (SavedView &view : data.savedViews)
        view.id = 0;
    return data;
}

Event *findEvent(Dataset &data, const QString &uid) {
    for (Event &event : data.events)
        if (event.uid == uid)
            return &event;
    return nullptr;
}

Source makeSource(const QString &uid, const QString &title, const QString &url) {
    Source source;
    source.uid = uid;
    source.title = title;
    source.outlet = u"Reuters"_s;
    source.url = url;
    source.published = PartialDate::fromYmd(2025, 4, 15);
    source.language = u"en"_s;
    return source;
}

Event makeEvent(const QString &uid, const QString &title, PartialDate start, PartialDate end = {}) {
    Event event;
    event.uid = uid;
    event.title = title;
    event.start = start;
    event.end = end;
    event.category = u"us-export-control"_s;
    event.created = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC);
    return event;
}

Dataset seedDataset() {
    Dataset data;
    data.categories << Category{0, u"us-export-control"_s, u"US export controls"_s,
                                QColor(u"#1f77b4"_s), 1}
                    << Category{0, u"china-industry"_s, u"China industry"_s, QColor(u"#d62728"_s),
                                2};
    data.sources << makeSource(u"src-a"_s, u"H20 license requirement"_s, u"https://a.example/h20"_s)
                 << makeSource(u"src-b"_s, u"Revenue share deal"_s, u"https://b.example/deal"_s)
                 << makeSource(u"src-c"_s, u"R2 delay"_s, u"https://c.example/r2"_s);
    Event h20 =
        makeEvent(u"ev-h20"_s, u"License requirement on H20"_s, PartialDate::fromYmd(2025, 4, 15));
    h20.summary = u"The **US** requires a license."_s;
    h20.actors = {u"US Commerce"_s, u"Nvidia"_s};
    h20.chips = {u"H20"_s};
    h20.tags = {u"license"_s, u"china"_s};
    h20.citations = {Citation{u"src-a"_s, u"Nvidia said the license is required"_s, u"para. 2"_s},
                     Citation{u"src-b"_s, u"earlier in April"_s, u"p. 1"_s}};
    h20.importance = 3;
    Event deal =
        makeEvent(u"ev-deal"_s, u"15% revenue-share deal"_s, PartialDate::fromYearMonth(2025, 8));
    deal.actors = {u"Nvidia"_s, u"AMD"_s};
    deal.tags = {u"deal"_s};
    deal.citations = {Citation{u"src-b"_s, u"15 percent"_s, u"para. 1"_s}};
    Event dealDup = makeEvent(u"ev-deal-dup"_s, u"Nvidia and AMD to pay 15%"_s,
                              PartialDate::fromYmd(2025, 8, 11));
    dealDup.actors = {u"AMD"_s, u"US government"_s};
    dealDup.tags = {u"deal"_s, u"revenue"_s};
    dealDup.citations = {Citation{u"src-c"_s, u"pay 15% of revenue"_s, u"para. 4"_s}};
    Event r2 = makeEvent(u"ev-r2"_s, u"DeepSeek R2 delayed"_s, PartialDate::fromYearMonth(2025, 5),
                         PartialDate::fromYearMonth(2025, 8));
    r2.category = u"china-industry"_s;
    r2.status = EventStatus::Reported;
    r2.chips = {u"Ascend 910C"_s};
    r2.citations = {Citation{u"src-c"_s, u"training on Ascend failed"_s, u"para. 7"_s}};
    data.events << h20 << deal << dealDup << r2;
    return data;
}

EventFilter inCategory(const QString &name) {
    EventFilter filter;
    filter.categories = {name};
    return filter;
}

} // namespace

class TestEditCommands : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void replaysEditsUndosAndRedos();
    void deleteUndoRestoresEventExactly();
    void mergeAndUndo();
    void deleteSourceUndoRestoresCitations();
    void deleteCategoryMovesEvents();
    void moveSnapsToPrecision_data();
    void moveSnapsToPrecision();
    void lockedDatabaseIsReportedAndStackStaysConsistent();
    void failedUndoKeepsTheChange();
    void readOnlyStoreRefuses();
    void concurrentEditIsRefused();
    void dataVersionSeesOtherConnections();

private:
    [[nodiscard]] Event stored(const QString &uid) const { return *m_store->eventByUid(uid); }
    void push(StoreCommand *command);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TimelineStore> m_store;
    std::unique_ptr<QUndoStack> m_stack;
    QList<StoreError> m_errors;
};

void TestEditCommands::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    StoreError error;
    m_store = TimelineStore::open(m_dir->filePath(u"t.sqlite"_s), &error);
    QVERIFY2(m_store, qPrintable(error.message));
    QVERIFY2(m_store->importDataset(seedDataset(), ImportPolicy::Skip, nullptr, &error),
             qPrintable(error.message));
    m_stack = std::make_unique<QUndoStack>();
    m_errors.clear();
}

void TestEditCommands::cleanup() {
    m_stack.reset();
    m_store.reset();
    m_dir.reset();
}

void TestEditCommands::push(StoreCommand *command) {
    command->setErrorHandler([this](const StoreError &error) { m_errors << error; });
    m_stack->push(command);
}

void TestEditCommands::replaysEditsUndosAndRedos() {
    QList<Dataset> states{normalised(*m_store)};
    // Undo and redo restore even row ids and modification times: each step of the history
    // is reached in exactly one state.
    QList<Dataset> exact{m_store->dataset()};
    const auto record = [&] {
        states << normalised(*m_store);
        exact << m_store->dataset();
    };

    // 1. Add an event.
    Event added = makeEvent({}, u"Guidance on Ascend chips"_s, PartialDate::fromYmd(2025, 5, 13));
    added.created = {};
    added.tags = {u"guidance"_s};
    added.citations = {Citation{u"src-a"_s, u"anywhere in the world"_s, u"para. 9"_s}};
    auto *add = new AddEventCommand(*m_store, added);
    push(add);
    QVERIFY(!add->event().uid.isEmpty());
    {
        Dataset expected = states.last();
        Event newEvent = added;
        newEvent.uid = add->event().uid;
        newEvent.created = add->event().created;
        expected.events.insert(2, newEvent); // in time order: after April, before May–August
        QCOMPARE(normalised(*m_store), expected);
    }
    record();

    // 2. Edit it: title, dates, status.
    const Event before = stored(add->event().uid);
    Event after = before;
    after.title = u"BIS guidance: Ascend use anywhere violates EAR"_s;
    after.status = EventStatus::Disputed;
    after.importance = 3;
    push(new EditEventCommand(*m_store, before, after));
    {
        Dataset expected = states.last();
        Event *e = findEvent(expected, before.uid);
        e->title = after.title;
        e->status = after.status;
        e->importance = 3;
        QCOMPARE(normalised(*m_store), expected);
    }
    record();

    // 3. Duplicate the H20 event.
    auto *duplicate = new DuplicateEventCommand(*m_store, stored(u"ev-h20"_s));
    push(duplicate);
    QCOMPARE(stored(duplicate->event().uid).title, u"License requirement on H20 (copy)"_s);
    QCOMPARE(stored(duplicate->event().uid).citations, stored(u"ev-h20"_s).citations);
    record();

    // 4. Link a source with quote and locator, 5. unlink another.
    push(new LinkSourceCommand(*m_store, stored(u"ev-r2"_s),
                               Citation{u"src-a"_s, u"Huawei Ascend"_s, u"p. 3"_s}));
    QCOMPARE(stored(u"ev-r2"_s).citations.last(),
             (Citation{u"src-a"_s, u"Huawei Ascend"_s, u"p. 3"_s}));
    record();
    push(new UnlinkSourceCommand(*m_store, stored(u"ev-h20"_s), u"src-b"_s));
    QCOMPARE(stored(u"ev-h20"_s).citations.size(), 1);
    record();

    // 6. Bulk edit: category, status, tags on two events.
    BulkChange change;
    change.category = u"china-industry"_s;
    change.status = EventStatus::Reported;
    change.addTags = {u"review"_s};
    change.removeTags = {u"deal"_s};
    push(new BulkEditCommand(*m_store, {stored(u"ev-deal"_s), stored(u"ev-deal-dup"_s)}, change));
    QCOMPARE(stored(u"ev-deal"_s).tags, QStringList{u"review"_s});
    QCOMPARE(stored(u"ev-deal-dup"_s).tags, (QStringList{u"revenue"_s, u"review"_s}));
    QCOMPARE(stored(u"ev-deal-dup"_s).category, u"china-industry"_s);
    record();

    // 7. Move the month-precision R2 range by a month.
    push(new MoveEventCommand(*m_store, stored(u"ev-r2"_s), 31));
    QCOMPARE(stored(u"ev-r2"_s).start, PartialDate::fromYearMonth(2025, 6));
    QCOMPARE(stored(u"ev-r2"_s).end, PartialDate::fromYearMonth(2025, 9));
    record();

    // 8. Delete two events.
    push(new DeleteEventsCommand(*m_store, {stored(u"ev-h20"_s), stored(duplicate->event().uid)}));
    QCOMPARE(m_store->eventCount(), 4);
    record();

    // 9. Merge the duplicate deal into the deal.
    push(new MergeEventsCommand(*m_store, stored(u"ev-deal"_s), stored(u"ev-deal-dup"_s)));
    record();

    // 10. Sources: add, edit, delete.
    auto *addSource = new AddSourceCommand(
        *m_store, makeSource({}, u"BIS guidance"_s, u"https://www.bis.gov/guidance"_s));
    push(addSource);
    record();
    Source edited = *m_store->sourceByUid(addSource->source().uid);
    edited.title = u"BIS guidance on Ascend"_s;
    push(new EditSourceCommand(*m_store, *m_store->sourceByUid(addSource->source().uid), edited));
    record();
    push(new DeleteSourceCommand(*m_store, *m_store->sourceByUid(u"src-c"_s), [&] {
        QList<Event> citing;
        for (const auto &[event, citation] : m_store->citingEvents(u"src-c"_s))
            citing << event;
        return citing;
    }()));
    QVERIFY(!m_store->sourceByUid(u"src-c"_s));
    record();

    // 11. Categories: recolour and reorder, then delete one moving its events.
    QList<Category> categoriesBefore = m_store->categories();
    QList<Category> categoriesAfter = categoriesBefore;
    categoriesAfter[0].color = QColor(u"#2ca02c"_s);
    categoriesAfter[0].order = 2;
    categoriesAfter[1].order = 1;
    push(new EditCategoriesCommand(*m_store, categoriesBefore, categoriesAfter,
                                   u"Reorder categories"_s));
    QCOMPARE(m_store->categories().constFirst().name, u"china-industry"_s);
    record();
    const Category china = m_store->categories().constFirst();
    push(new DeleteCategoryCommand(*m_store, china, m_store->events(inCategory(china.name)),
                                   u"us-export-control"_s));
    QCOMPARE(m_store->categories().size(), 1);
    record();

    QVERIFY(m_errors.isEmpty());
    const int steps = int(states.size()) - 1;
    QCOMPARE(m_stack->count(), steps);

    // Walk the whole history down and up again, and then jump around in it.
    for (int i = steps; i > 0; --i) {
        m_stack->undo();
        QVERIFY2(normalised(*m_store) == states.at(i - 1), qPrintable(u"undo to %1"_s.arg(i - 1)));
        QVERIFY2(m_store->dataset() == exact.at(i - 1), qPrintable(u"exactly %1"_s.arg(i - 1)));
    }
    for (int i = 1; i <= steps; ++i) {
        m_stack->redo();
        QVERIFY2(normalised(*m_store) == states.at(i), qPrintable(u"redo to %1"_s.arg(i)));
        QVERIFY2(m_store->dataset() == exact.at(i), qPrintable(u"exactly %1"_s.arg(i)));
    }
    for (const int index : {7, 3, 10, 0, steps, 5}) {
        m_stack->setIndex(index);
        QVERIFY2(normalised(*m_store) == states.at(index), qPrintable(u"index %1"_s.arg(index)));
        QVERIFY2(m_store->dataset() == exact.at(index), qPrintable(u"exactly %1"_s.arg(index)));
    }
    QVERIFY(m_errors.isEmpty());
    QCOMPARE(m_stack->count(), steps);
}

void TestEditCommands::deleteUndoRestoresEventExactly() {
    const Event original = stored(u"ev-h20"_s);
    push(new DeleteEventsCommand(*m_store, {original}));
    QVERIFY(!m_store->eventByUid(u"ev-h20"_s));
    m_stack->undo();
    // Same row id, uid, times, actors, chips, tags, quotes and locators, in the same order.
    QCOMPARE(stored(u"ev-h20"_s), original);
    m_stack->redo();
    QVERIFY(!m_store->eventByUid(u"ev-h20"_s));
    m_stack->undo();
    QCOMPARE(stored(u"ev-h20"_s), original);
}

void TestEditCommands::mergeAndUndo() {
    const Event keep = stored(u"ev-deal"_s);
    const Event drop = stored(u"ev-deal-dup"_s);
    push(new MergeEventsCommand(*m_store, keep, drop));
    QVERIFY(!m_store->eventByUid(drop.uid));
    const Event merged = stored(keep.uid);
    QCOMPARE(merged.title, keep.title);
    QCOMPARE(merged.actors, (QStringList{u"Nvidia"_s, u"AMD"_s, u"US government"_s}));
    QCOMPARE(merged.tags, (QStringList{u"deal"_s, u"revenue"_s}));
    QCOMPARE(merged.citations,
             (QList<Citation>{Citation{u"src-b"_s, u"15 percent"_s, u"para. 1"_s},
                              Citation{u"src-c"_s, u"pay 15% of revenue"_s, u"para. 4"_s}}));
    m_stack->undo();
    QCOMPARE(stored(drop.uid), drop);
    Event keepAfterUndo = stored(keep.uid);
    keepAfterUndo.modified = keep.modified;
    QCOMPARE(keepAfterUndo, keep);
    QCOMPARE(m_store->eventCount(), 4);
}

void TestEditCommands::deleteSourceUndoRestoresCitations() {
    const Dataset before = normalised(*m_store);
    const Source source = *m_store->sourceByUid(u"src-b"_s);
    QList<Event> citing;
    for (const auto &[event, citation] : m_store->citingEvents(source.uid))
        citing << event;
    QCOMPARE(citing.size(), 2);
    push(new DeleteSourceCommand(*m_store, source, citing));
    QCOMPARE(stored(u"ev-h20"_s).citations.size(), 1);
    m_stack->undo();
    QCOMPARE(normalised(*m_store), before);
    QCOMPARE(m_store->sourceByUid(u"src-b"_s)->id, source.id);
    // The quote stays second in the H20 event, where it was.
    QCOMPARE(stored(u"ev-h20"_s).citations.at(1),
             (Citation{u"src-b"_s, u"earlier in April"_s, u"p. 1"_s}));
}

void TestEditCommands::deleteCategoryMovesEvents() {
    const Dataset before = normalised(*m_store);
    const Category china = m_store->categories().at(1);
    QCOMPARE(china.name, u"china-industry"_s);
    push(new DeleteCategoryCommand(*m_store, china, m_store->events(inCategory(china.name)),
                                   u"us-export-control"_s));
    QCOMPARE(stored(u"ev-r2"_s).category, u"us-export-control"_s);
    QCOMPARE(m_store->categories().size(), 1);
    m_stack->undo();
    QCOMPARE(normalised(*m_store), before);
    QCOMPARE(m_store->categories().at(1), china);
}

void TestEditCommands::moveSnapsToPrecision_data() {
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<int>("delta");
    QTest::addColumn<QString>("newStart");
    QTest::addColumn<QString>("newEnd");
    QTest::newRow("day") << u"2025-04-15"_s << QString() << 10 << u"2025-04-25"_s << QString();
    QTest::newRow("day range") << u"2025-04-15"_s << u"2025-04-20"_s << -20 << u"2025-03-26"_s
                               << u"2025-03-31"_s;
    QTest::newRow("month") << u"2025-02"_s << QString() << 28 << u"2025-03"_s << QString();
    QTest::newRow("month range") << u"2025-02"_s << u"2025-04"_s << 28 << u"2025-03"_s
                                 << u"2025-05"_s;
    QTest::newRow("year") << u"2024"_s << QString() << 366 << u"2025"_s << QString();
    QTest::newRow("year back") << u"2024"_s << u"2025"_s << -1 << u"2023"_s << u"2024"_s;
}

void TestEditCommands::moveSnapsToPrecision() {
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(int, delta);
    QFETCH(QString, newStart);
    QFETCH(QString, newEnd);
    Event event;
    event.start = *PartialDate::parseIso(start);
    event.end = end.isEmpty() ? PartialDate() : *PartialDate::parseIso(end);
    const Event moved = MoveEventCommand::moved(event, delta);
    QCOMPARE(moved.start.toIsoString(), newStart);
    QCOMPARE(moved.end.toIsoString(), newEnd);
}

namespace {
// A second connection that holds the write lock, as another program would.
class ExclusiveLock {
public:
    explicit ExclusiveLock(const QString &path) {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"locker"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            m_locked = query.exec(u"BEGIN EXCLUSIVE"_s);
        }
    }
    ~ExclusiveLock() {
        {
            QSqlDatabase db = QSqlDatabase::database(u"locker"_s, false);
            QSqlQuery(db).exec(u"ROLLBACK"_s);
            db.close();
        }
        QSqlDatabase::removeDatabase(u"locker"_s);
    }
    [[nodiscard]] bool isLocked() const { return m_locked; }

private:
    bool m_locked = false;
};
} // namespace

void TestEditCommands::lockedDatabaseIsReportedAndStackStaysConsistent() {
    push(new UnlinkSourceCommand(*m_store, stored(u"ev-h20"_s), u"src-b"_s));
    const Dataset before = normalised(*m_store);
    {
        ExclusiveLock lock(m_store->path());
        QVERIFY(lock.isLocked());
        Event edited = stored(u"ev-h20"_s);
        edited.title = u"Changed while locked"_s;
        push(new EditEventCommand(*m_store, stored(u"ev-h20"_s), edited));
        QCOMPARE(m_errors.size(), 1);
        QCOMPARE(m_errors.constFirst().kind, StoreError::Kind::Locked);
        QVERIFY2(m_errors.constFirst().message.contains(u"locked by another program"_s),
                 qPrintable(m_errors.constFirst().message));
        // The failed edit is not on the stack; the earlier one still is, and can be undone.
        QCOMPARE(m_stack->count(), 1);
        QCOMPARE(m_stack->index(), 1);
        QCOMPARE(m_stack->undoText(), u"Unlink a source from “License requirement on H20”"_s);
    }
    QCOMPARE(normalised(*m_store), before);
    m_stack->undo();
    QCOMPARE(stored(u"ev-h20"_s).citations.size(), 2);
    QCOMPARE(m_errors.size(), 1);
}

void TestEditCommands::failedUndoKeepsTheChange() {
    push(new UnlinkSourceCommand(*m_store, stored(u"ev-h20"_s), u"src-b"_s));
    const Dataset changed = normalised(*m_store);
    {
        ExclusiveLock lock(m_store->path());
        QVERIFY(lock.isLocked());
        m_stack->undo();
    }
    QCOMPARE(m_errors.size(), 1);
    QCOMPARE(m_errors.constFirst().kind, StoreError::Kind::Locked);
    // The change is still in the database and the stack no longer offers to undo it: what
    // the window shows and what is stored agree, and nothing was lost.
    QCOMPARE(normalised(*m_store), changed);
    QCOMPARE(m_stack->count(), 0);
    QVERIFY(!m_stack->canRedo());
}

void TestEditCommands::readOnlyStoreRefuses() {
    const QString path = m_store->path();
    m_store.reset();
    StoreError error;
    m_store = TimelineStore::open(path, &error, TimelineStore::OpenMode::ReadOnly);
    QVERIFY(m_store);
    push(new DeleteEventsCommand(*m_store, {stored(u"ev-h20"_s)}));
    QCOMPARE(m_errors.size(), 1);
    QCOMPARE(m_errors.constFirst().kind, StoreError::Kind::ReadOnly);
    QCOMPARE(m_stack->count(), 0);
    QVERIFY(m_store->eventByUid(u"ev-h20"_s));
}

void TestEditCommands::concurrentEditIsRefused() {
    StoreError error;
    auto other = TimelineStore::open(m_store->path(), &error);
    QVERIFY(other);
    const Event opened = stored(u"ev-deal"_s); // this window opens the editor ...
    Event elsewhere = *other->eventByUid(u"ev-deal"_s);
    elsewhere.title = u"Changed in the other window"_s; // ... the other window saves first
    QVERIFY(other->saveEvent(elsewhere, &error));

    Event mine = opened;
    mine.title = u"Changed in this window"_s;
    push(new EditEventCommand(*m_store, opened, mine));
    QCOMPARE(m_errors.size(), 1);
    QCOMPARE(m_errors.constFirst().message,
             u"This event was changed elsewhere at %1; your edit was not saved. Reopen it to "
             "edit again."_s.arg(elsewhere.modified.toLocalTime().toString(u"HH:mm"_s)));
    QCOMPARE(stored(u"ev-deal"_s).title, u"Changed in the other window"_s);
    QCOMPARE(m_stack->count(), 0);

    // Reopened, the edit goes through.
    push(new EditEventCommand(*m_store, stored(u"ev-deal"_s), mine));
    QCOMPARE(stored(u"ev-deal"_s).title, u"Changed in this window"_s);
    QCOMPARE(m_errors.size(), 1);
}

void TestEditCommands::dataVersionSeesOtherConnections() {
    StoreError error;
    auto other = TimelineStore::open(m_store->path(), &error);
    QVERIFY(other);
    const qint64 version = m_store->dataVersion();
    QCOMPARE(m_store->dataVersion(), version);
    Event event = *other->eventByUid(u"ev-r2"_s);
    event.importance = 1;
    QVERIFY(other->saveEvent(event, &error));
    QVERIFY(m_store->dataVersion() != version);
}

QTEST_GUILESS_MAIN(TestEditCommands)
#include "tst_editcommands.moc"
