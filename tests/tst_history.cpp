// History (issue #19): every write records a revision in its own transaction, and the
// dataset as of any revision is the one the timeline had then, exactly. Run on SQLite and,
// registered again as tst_history_server, on the PostgreSQL server (StoreLocationTestUtil.h),
// where the author is the database role and the server refuses to rewrite the history; the
// server run also plays one script on both backends and compares what they recorded.

#include "StoreLocationTestUtil.h"

#include "model/EditCommands.h"
#include "model/RelationCommands.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/history/EntitySnapshot.h"
#include "model/store/TimelineStore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

Source makeSource(const QString &uid, const QString &title) {
    Source source;
    source.uid = uid;
    source.title = title;
    source.outlet = u"Reuters"_s;
    source.url = u"https://example.org/"_s + uid;
    source.published = PartialDate::fromYmd(2025, 4, 15);
    return source;
}

Event makeEvent(const QString &uid, const QString &title, PartialDate start) {
    Event event;
    event.uid = uid;
    event.title = title;
    event.start = start;
    event.category = u"us-export-control"_s;
    event.created = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC);
    return event;
}

Dataset seedDataset() {
    Dataset data;
    data.title = u"AI chips"_s;
    data.categories << Category{0, u"us-export-control"_s, u"US export controls"_s,
                                QColor(u"#1f77b4"_s), 1}
                    << Category{0, u"china-industry"_s, u"China industry"_s, QColor(u"#d62728"_s),
                                2};
    data.sources << makeSource(u"src-a"_s, u"H20 license requirement"_s)
                 << makeSource(u"src-b"_s, u"Revenue share deal"_s);
    Event h20 =
        makeEvent(u"ev-h20"_s, u"License requirement on H20"_s, PartialDate::fromYmd(2025, 4, 15));
    h20.actors = {u"US Commerce"_s, u"Nvidia"_s};
    h20.chips = {u"H20"_s};
    h20.citations = {Citation{u"src-a"_s, u"the license is required"_s, u"para. 2"_s}};
    Event deal =
        makeEvent(u"ev-deal"_s, u"15% revenue-share deal"_s, PartialDate::fromYearMonth(2025, 8));
    deal.status = EventStatus::Reported;
    deal.citations = {Citation{u"src-b"_s, u"15 percent"_s, {}}};
    Event r2 = makeEvent(u"ev-r2"_s, u"R2 delayed"_s, PartialDate::fromYmd(2025, 8, 14));
    r2.category = u"china-industry"_s;
    data.events << h20 << deal << r2;
    return data;
}

Relation responseLink() {
    return {u"ev-r2"_s,
            u"ev-h20"_s,
            RelationType::RespondsTo,
            u"note"_s,
            {{u"src-a"_s, u"quote"_s, u"para. 1"_s}}};
}

Relation editedResponseLink() {
    Relation edited = responseLink();
    edited.note = u"R2 answers the licence requirement"_s;
    edited.citations << Citation{u"src-b"_s, u"another"_s, {}};
    return edited;
}

// A value recorded in a revision without the times that differ from one run to the next
// (an item's created and modified).
QString withoutTimes(const QString &value) {
    const QJsonValue parsed = EntitySnapshot::valueFromText(value);
    if (!parsed.isObject())
        return value;
    QJsonObject fields = parsed.toObject();
    fields.remove(u"created"_s);
    fields.remove(u"modified"_s);
    return EntitySnapshot::valueText(fields);
}

// What a revision records, as one line per change in a stable order, without author, time
// and the items' times: what two backends playing the same script must agree on.
QStringList recorded(const Revision &revision) {
    QStringList changes;
    for (const RevisionChange &change : revision.changes)
        if (change.field != u"created"_s && change.field != u"modified"_s)
            changes << u"%1 %2 %3: %4 -> %5"_s.arg(change.entity, change.uid, change.field,
                                                   withoutTimes(change.oldValue),
                                                   withoutTimes(change.newValue));
    changes.sort();
    return QStringList{u"r%1 %2 %3 [%4]"_s.arg(revision.number)
                           .arg(revision.kind, revision.summary, revision.note)} +
           changes;
}

// An import in two parts; between them `between` runs (another client's write).
class PartsWithAWriteBetween final : public TimelineStore::DatasetParts {
public:
    PartsWithAWriteBetween(Dataset first, Dataset second, std::function<void()> between)
        : m_first(std::move(first))
        , m_second(std::move(second))
        , m_between(std::move(between)) {}
    const Dataset *next() override {
        switch (m_step++) {
        case 0:
            return &m_first;
        case 1:
            m_between();
            return &m_second;
        default:
            return nullptr;
        }
    }
    [[nodiscard]] bool failed() const override { return false; }

private:
    Dataset m_first;
    Dataset m_second;
    std::function<void()> m_between;
    int m_step = 0;
};

// A dataset without the times that differ from one run to the next.
Dataset withoutTimes(Dataset data) {
    for (Event &event : data.events)
        event.created = event.modified = QDateTime();
    return data;
}

} // namespace

class TestHistory : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_locations.stop(); }
    void init();
    void cleanup();
    void newDatabaseStartsItsHistory();
    void newestRevisionIsReadDirectly();
    void editRecordsOnlyChangedFieldsWithAuthorAndNote();
    void importIsOneRevisionNamingTheFile();
    void everyRevisionReconstructsExactly();
    void badPointsAreRefusedInOneLine();
    void historyIsNeverRewritten();
    void bothBackendsRecordTheSame();
    void importRecordsOnlyItsOwnRows();
    void importAgainAfterDeletionRecordsTheAddedItemsInOrder();

private:
    // The native export now, under the revision just written.
    void capture();
    // The scripted sequence of imports, edits, relations, a merge, deletes, undo and redo,
    // each step captured.
    void playScript();
    // Who the store's revisions name: the name set (SQLite) or the role (a server).
    [[nodiscard]] QString author() const;

    StoreLocations m_locations;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TimelineStore> m_store;
    QString m_location;
    QString m_serverRole; // the role a server's revisions name
    QList<std::pair<qint64, QByteArray>> m_exports;
    QList<std::pair<qint64, Dataset>> m_datasets;
};

void TestHistory::initTestCase() {
    if (!m_locations.start()) {
        if (m_locations.skipped())
            QSKIP("CHIPTIMELINE_TEST_PG is not set: no PostgreSQL server to test against");
        QFAIL("the PostgreSQL server CHIPTIMELINE_TEST_PG names cannot be used");
    }
}

void TestHistory::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_locations.beginTest());
    m_location = m_locations.location(u"h.sqlite"_s);
    StoreError error;
    m_store = TimelineStore::open(m_location, &error);
    QVERIFY2(m_store, qPrintable(error.message));
    m_store->setAuthor(u"Ada"_s);
    // The role that made the database's first revision ("history starts here").
    m_serverRole =
        StoreLocations::onServer() ? m_store->revisions({}).constFirst().author : QString();
    m_exports.clear();
    m_datasets.clear();
}

void TestHistory::cleanup() {
    m_store.reset();
    m_locations.endTest();
    m_dir.reset();
}

QString TestHistory::author() const {
    return StoreLocations::onServer() ? m_serverRole : u"Ada"_s;
}

void TestHistory::capture() {
    const QList<Revision> all = m_store->revisions({});
    QVERIFY(!all.isEmpty());
    const Dataset data = m_store->dataset();
    m_exports.append({all.constLast().number, NativeJsonFormat::write(data)});
    m_datasets.append({all.constLast().number, data});
}

void TestHistory::newDatabaseStartsItsHistory() {
    const QList<Revision> all = m_store->revisions({});
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().number, 1);
    QCOMPARE(all.first().kind, u"start"_s);
    QCOMPARE(all.first().summary, u"history starts here"_s);
    QVERIFY(all.first().at.isValid());
    QVERIFY(all.first().at <= QDateTime::currentDateTimeUtc());
}

void TestHistory::newestRevisionIsReadDirectly() {
    QCOMPARE(m_store->latestRevision(), 1); // "history starts here"
    StoreError error;
    QVERIFY2(m_store->importDataset(seedDataset(), ImportPolicy::Skip, nullptr, &error),
             qPrintable(error.message));
    QCOMPARE(m_store->latestRevision(), 2);
    Event deal = *m_store->eventByUid(u"ev-deal"_s);
    for (int i = 1; i <= 3; ++i) {
        deal.importance = i;
        QVERIFY2(m_store->saveEvent(deal, &error), qPrintable(error.message));
    }
    QCOMPARE(m_store->latestRevision(), 5);
    QCOMPARE(m_store->revisions({}).constLast().number, 5);
    // Another connection's write is seen by the next read.
    {
        std::unique_ptr<TimelineStore> other = TimelineStore::open(m_location, &error);
        QVERIFY2(other, qPrintable(error.message));
        Event r2 = *other->eventByUid(u"ev-r2"_s);
        r2.title = u"R2 delayed again"_s;
        QVERIFY2(other->saveEvent(r2, &error), qPrintable(error.message));
    }
    QCOMPARE(m_store->latestRevision(), 6);
    QVERIFY(!m_store->readError().isError());
}

void TestHistory::editRecordsOnlyChangedFieldsWithAuthorAndNote() {
    StoreError error;
    QVERIFY2(m_store->importDataset(seedDataset(), ImportPolicy::Skip, nullptr, &error),
             qPrintable(error.message));
    Event deal = *m_store->eventByUid(u"ev-deal"_s);
    deal.status = EventStatus::Confirmed;
    deal.title = u"15% revenue-share deal agreed"_s;
    m_store->setChangeNote(u"status per the BIS press release"_s);
    QVERIFY2(m_store->saveEvent(deal, &error), qPrintable(error.message));
    Event again = deal;
    again.importance = 3;
    QVERIFY2(m_store->saveEvent(again, &error), qPrintable(error.message));

    const QList<Revision> all = m_store->revisions({u"ev-deal"_s, {}, {}, {}, true});
    QCOMPARE(all.size(), 3); // the import, the edit with the note, the one without
    const Revision &edit = all.at(1);
    QCOMPARE(edit.kind, u"edit"_s);
    QCOMPARE(edit.author, author());
    if (StoreLocations::onServer())
        QVERIFY(!author().isEmpty() && author() != u"Ada"_s); // the role, not the name set
    QCOMPARE(edit.note, u"status per the BIS press release"_s);
    QCOMPARE(edit.summary, u"edit event '15% revenue-share deal agreed'"_s);
    QStringList fields;
    for (const RevisionChange &change : edit.changes)
        fields << change.field;
    QCOMPARE(fields, (QStringList{u"modified"_s, u"status"_s, u"title"_s}));
    QCOMPARE(edit.changes.at(1).oldValue, u"\"reported\""_s);
    QCOMPARE(edit.changes.at(1).newValue, u"\"confirmed\""_s);
    QCOMPARE(edit.changes.at(2).oldValue, u"\"15% revenue-share deal\""_s);
    QCOMPARE(all.at(2).note, QString()); // the note was for one write only
    QCOMPARE(all.at(2).changes.at(0).field, u"importance"_s);
    QCOMPARE(all.at(2).changes.at(0).oldValue, u"2"_s);
    QCOMPARE(all.at(2).changes.at(0).newValue, u"3"_s);
    QCOMPARE(m_store->revisions({{}, u"Nobody"_s, {}, {}, false}).size(), 0);
    QCOMPARE(m_store->revisions({{}, author(), {}, {}, false}).size(),
             StoreLocations::onServer() ? 4 : 3); // the server's role made the first one too
    // A time range: the edits since the import, and none in the future.
    const QDateTime importedAt = m_store->revisions({}).at(1).at;
    QCOMPARE(m_store->revisions({{}, {}, importedAt, {}, false}).size(), 3);
    QCOMPARE(
        m_store->revisions({{}, {}, QDateTime::currentDateTimeUtc().addDays(1), {}, false}).size(),
        0);
    QCOMPARE(m_store->revisions({{}, {}, {}, importedAt.addMSecs(-1), false}).size(), 1);
}

void TestHistory::importIsOneRevisionNamingTheFile() {
    StoreError error;
    ImportSummary summary;
    QVERIFY2(m_store->importDataset(seedDataset(), ImportPolicy::Skip, &summary, &error,
                                    u"/data/seed.chiptimeline.json"_s),
             qPrintable(error.message));
    const QList<Revision> all = m_store->revisions({{}, {}, {}, {}, true});
    QCOMPARE(all.size(), 2);
    const Revision &import = all.at(1);
    QCOMPARE(import.kind, u"import"_s);
    QCOMPARE(import.summary, u"seed.chiptimeline.json: "_s + summary.toString());
    // Categories field by field; each added source and event once; the dataset's title.
    int created = 0;
    for (const RevisionChange &change : import.changes)
        if (change.field == u"*"_s && change.oldValue.isNull() && change.newValue.isNull())
            ++created;
    QCOMPARE(created, 5);
    QCOMPARE(import.changes.constLast().entity, u"dataset"_s);
    QCOMPARE(import.changes.constLast().newValue, u"\"AI chips\""_s);
}

void TestHistory::everyRevisionReconstructsExactly() {
    playScript();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_exports.size(), 18);
    QCOMPARE(m_datasets.at(6).second.relations, (QList<Relation>{responseLink()}));
    QCOMPARE(m_datasets.at(7).second.relations, (QList<Relation>{editedResponseLink()}));
    QVERIFY(m_datasets.constLast().second.relations.isEmpty());
    for (qsizetype i = 0; i < m_exports.size(); ++i) {
        const auto &[revision, bytes] = m_exports.at(i);
        const Dataset asOf = m_store->datasetAsOf(revision);
        QVERIFY(!m_store->readError().isError());
        QCOMPARE(NativeJsonFormat::write(asOf), bytes);
        QCOMPARE(asOf, m_datasets.at(i).second);
    }
    // Each step was one revision (undo and redo too), numbered one after another.
    for (qsizetype i = 1; i < m_exports.size(); ++i)
        QCOMPARE(m_exports.at(i).first, i + 1);
    const QList<Revision> all = m_store->revisions({});
    QCOMPARE(all.at(10).kind, u"undo"_s);
    QCOMPARE(all.at(11).kind, u"undo"_s);
    QCOMPARE(all.at(12).kind, u"redo"_s);
    QVERIFY2(all.at(8).summary.startsWith(u"Merge "_s), qPrintable(all.at(8).summary));
    // The relation's own changes: created whole, then its note and citations.
    QStringList relationChanges;
    const qint64 editedAt = m_exports.at(7).first;
    for (const RevisionChange &change : m_store->changesAfter(editedAt - 1))
        if (change.revision == editedAt)
            relationChanges << change.entity + u' ' + change.field;
    QCOMPARE(relationChanges, (QStringList{u"relation citations"_s, u"relation note"_s}));
}

void TestHistory::playScript() {
    StoreError error;
    QUndoStack stack;
    capture();
    QVERIFY2(
        m_store->importDataset(seedDataset(), ImportPolicy::Skip, nullptr, &error, u"seed.json"_s),
        qPrintable(error.message));
    capture();
    Event h20 = *m_store->eventByUid(u"ev-h20"_s);
    h20.title = u"Licence requirement on the H20"_s;
    h20.chips << u"H20E"_s;
    QVERIFY(m_store->saveEvent(h20, &error));
    capture();
    Event created =
        makeEvent(u"ev-ascend"_s, u"Ascend 910C shipments"_s, PartialDate::fromYear(2025));
    created.category = u"new-lane"_s; // a category the save creates
    QVERIFY(m_store->saveEvent(created, &error));
    capture();
    stack.push(new AddEventCommand(*m_store, makeEvent(u"ev-added"_s, u"Added by command"_s,
                                                       PartialDate::fromYmd(2025, 5, 1))));
    capture();
    const Event before = *m_store->eventByUid(u"ev-r2"_s);
    Event after = before;
    after.summary = u"DeepSeek delayed R2."_s;
    after.status = EventStatus::Disputed;
    stack.push(new EditEventCommand(*m_store, before, after, u"Edit R2"_s));
    capture();
    // A relation linked, then its note and evidence edited: both in the history, and the
    // merge, the source's deletion and the event's deletion below change or remove it.
    const Relation link = responseLink();
    stack.push(new SaveRelationCommand(*m_store, link, std::nullopt, u"R2"_s, u"H20"_s));
    capture();
    const Relation edited = editedResponseLink();
    stack.push(new SaveRelationCommand(*m_store, edited, link, u"R2"_s, u"H20"_s));
    capture();
    stack.push(new MergeEventsCommand(*m_store, *m_store->eventByUid(u"ev-h20"_s),
                                      *m_store->eventByUid(u"ev-deal"_s)));
    capture();
    stack.push(new DeleteEventsCommand(*m_store, {*m_store->eventByUid(u"ev-added"_s)}));
    capture();
    stack.undo();
    capture();
    stack.undo();
    capture();
    stack.redo();
    capture();
    Source source = *m_store->sourceByUid(u"src-b"_s);
    source.notes = u"Paywalled."_s;
    QVERIFY(m_store->saveSource(source, &error));
    capture();
    QVERIFY(m_store->deleteSource(m_store->sourceByUid(u"src-a"_s)->id, &error));
    capture();
    QList<Category> categories = m_store->categories();
    QList<Category> renamed = categories;
    renamed[0].name = u"us-controls"_s;
    renamed[0].color = QColor(u"#000000"_s);
    stack.push(new EditCategoriesCommand(*m_store, categories, renamed, u"Rename"_s));
    capture();
    Dataset update = seedDataset();
    update.events[2].title = u"R2 delayed again"_s;
    QVERIFY2(
        m_store->importDataset(update, ImportPolicy::Update, nullptr, &error, u"update.json"_s),
        qPrintable(error.message));
    capture();
    QVERIFY(m_store->deleteEvent(m_store->eventByUid(u"ev-r2"_s)->id, &error));
    capture();
}

void TestHistory::badPointsAreRefusedInOneLine() {
    QString message;
    QCOMPARE(m_store->revisionAt(u"r1"_s, &message), 1);
    QCOMPARE(m_store->revisionAt(u"r7"_s, &message), 0);
    QCOMPARE(message, u"--as-of r7: no such revision (the history has r1 to r1)"_s);
    QCOMPARE(m_store->revisionAt(u"2999-01-01T00:00"_s, &message), 0);
    QCOMPARE(message, u"--as-of 2999-01-01T00:00: that is in the future"_s);
    QCOMPARE(m_store->revisionAt(u"2001-01-01"_s, &message), 0);
    QVERIFY2(message.startsWith(u"--as-of 2001-01-01: before the first revision (r1, "_s),
             qPrintable(message));
    QCOMPARE(m_store->revisionAt(u"yesterday"_s, &message), 0);
    QCOMPARE(message,
             u"--as-of yesterday: not a revision (r123) or a UTC date-time (2025-09-01T12:00)"_s);
    QCOMPARE(m_store->revisionAt(
                 QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).chopped(1), &message),
             1);
}

void TestHistory::historyIsNeverRewritten() {
    if (StoreLocations::onServer()) {
        // The server refuses it (tst_postgresschema: to readers, editors and the owner); the
        // store has no way to ask, and the start revision is still there, unchanged.
        const QList<Revision> all = m_store->revisions({});
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().kind, u"start"_s);
        return;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"rewrite"_s);
    {
        db.setDatabaseName(m_location);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(!query.exec(u"DELETE FROM revision"_s));
        QVERIFY2(query.lastError().databaseText().contains(u"history is never rewritten"_s),
                 qPrintable(query.lastError().databaseText()));
        QVERIFY(!query.exec(u"UPDATE revision SET author = 'Eve'"_s));
        QVERIFY(query.exec(u"SELECT count(*), min(author) FROM revision"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QCOMPARE(query.value(1).toString(), QString());
        db.close();
    }
    db = {};
    QSqlDatabase::removeDatabase(u"rewrite"_s);
}

void TestHistory::bothBackendsRecordTheSame() {
    if (!StoreLocations::onServer())
        QSKIP("the server run compares the server with a file");
    playScript();
    if (QTest::currentTestFailed())
        return;
    RevisionFilter withChanges;
    withChanges.withChanges = true;
    const QList<Revision> onServer = m_store->revisions(withChanges);
    const QList<std::pair<qint64, QByteArray>> serverExports = m_exports;
    QList<Dataset> serverAsOf;
    for (const auto &[revision, bytes] : serverExports)
        serverAsOf << withoutTimes(m_store->datasetAsOf(revision));
    QVERIFY(!m_store->readError().isError());

    StoreError error;
    m_store = TimelineStore::open(m_dir->filePath(u"same.sqlite"_s), &error);
    QVERIFY2(m_store, qPrintable(error.message));
    m_store->setAuthor(u"Ada"_s);
    m_exports.clear();
    m_datasets.clear();
    playScript();
    if (QTest::currentTestFailed())
        return;
    const QList<Revision> inFile = m_store->revisions(withChanges);
    QCOMPARE(inFile.size(), onServer.size());
    QCOMPARE(inFile.size(), 18);
    for (qsizetype i = 0; i < inFile.size(); ++i) {
        QCOMPARE(recorded(onServer.at(i)), recorded(inFile.at(i)));
        QCOMPARE(inFile.at(i).author, i == 0 ? QString() : u"Ada"_s);
        QCOMPARE(onServer.at(i).author, m_serverRole);
    }
    QCOMPARE(m_exports.size(), serverExports.size());
    for (qsizetype i = 0; i < m_exports.size(); ++i) {
        QCOMPARE(m_exports.at(i).first, serverExports.at(i).first);
        const Dataset asOf = withoutTimes(m_store->datasetAsOf(m_exports.at(i).first));
        QCOMPARE(NativeJsonFormat::write(serverAsOf.at(i)), NativeJsonFormat::write(asOf));
        QCOMPARE(serverAsOf.at(i), asOf);
    }
}

// A colleague's event committed on the server while an import runs is the colleague's
// revision's, not the import's: as of the colleague's revision, it is there alone.
void TestHistory::importRecordsOnlyItsOwnRows() {
    if (!StoreLocations::onServer())
        QSKIP("an SQLite file has one writer at a time");
    StoreError error;
    std::unique_ptr<TimelineStore> colleague = TimelineStore::open(m_location, &error);
    QVERIFY2(colleague, qPrintable(error.message));
    Dataset later;
    later.events << makeEvent(u"ev-later"_s, u"Later in the file"_s,
                              PartialDate::fromYmd(2025, 9, 1));
    PartsWithAWriteBetween parts(seedDataset(), later, [&] {
        // No category: the import's are not committed yet, so the colleague cannot see them.
        Event theirs = makeEvent(u"ev-theirs"_s, u"Saved by a colleague meanwhile"_s,
                                 PartialDate::fromYmd(2025, 6, 1));
        theirs.category.clear();
        StoreError theirError;
        QVERIFY2(colleague->saveEvent(theirs, &theirError), qPrintable(theirError.message));
    });
    parts.setFileName(u"/data/two-parts.chiptimeline.json"_s);
    ImportSummary summary;
    QVERIFY2(m_store->importParts(parts, ImportPolicy::Skip, &summary, &error),
             qPrintable(error.message));
    QCOMPARE(summary.eventsAdded, 4);

    const QList<Revision> all = m_store->revisions({{}, {}, {}, {}, true});
    QCOMPARE(all.size(), 3); // the start, the colleague's (committed first), the import
    QCOMPARE(all.at(1).kind, u"create"_s);
    QCOMPARE(all.at(2).kind, u"import"_s);
    QStringList added;
    for (const RevisionChange &change : all.at(2).changes)
        if (change.entity == u"event"_s && change.field == u"*"_s)
            added << change.uid;
    QCOMPARE(added, (QStringList{u"ev-h20"_s, u"ev-deal"_s, u"ev-r2"_s, u"ev-later"_s}));
    const Dataset asOf = m_store->datasetAsOf(all.at(1).number);
    QVERIFY(!m_store->readError().isError());
    QCOMPARE(asOf.events.size(), 1);
    QCOMPARE(asOf.events.constFirst().uid, u"ev-theirs"_s);
    QVERIFY(asOf.sources.isEmpty());
}

// An event deleted and then imported again has its history item already: the second import
// records it added, in the file's place among the others, and every revision still gives
// the dataset of then.
void TestHistory::importAgainAfterDeletionRecordsTheAddedItemsInOrder() {
    StoreError error;
    capture();
    QVERIFY2(
        m_store->importDataset(seedDataset(), ImportPolicy::Skip, nullptr, &error, u"seed.json"_s),
        qPrintable(error.message));
    capture();
    QVERIFY2(m_store->deleteEvent(m_store->eventByUid(u"ev-deal"_s)->id, &error),
             qPrintable(error.message));
    capture();
    Dataset again = seedDataset();
    again.events.insert(
        1, makeEvent(u"ev-new"_s, u"New in the second file"_s, PartialDate::fromYmd(2025, 10, 1)));
    QVERIFY2(m_store->importDataset(again, ImportPolicy::Skip, nullptr, &error, u"again.json"_s),
             qPrintable(error.message));
    capture();
    const QList<Revision> all = m_store->revisions({{}, {}, {}, {}, true});
    QCOMPARE(all.size(), 4);
    QCOMPARE(all.at(3).kind, u"import"_s);
    QStringList added;
    for (const RevisionChange &change : all.at(3).changes)
        if (change.field == u"*"_s && change.oldValue.isNull() && change.newValue.isNull())
            added << change.entity + u' ' + change.uid;
    QCOMPARE(added, (QStringList{u"event ev-new"_s, u"event ev-deal"_s}));
    QCOMPARE(m_store->revisions({u"ev-deal"_s, {}, {}, {}, false}).size(), 3);
    for (qsizetype i = 0; i < m_exports.size(); ++i) {
        const auto &[revision, bytes] = m_exports.at(i);
        const Dataset asOf = m_store->datasetAsOf(revision);
        QVERIFY(!m_store->readError().isError());
        QCOMPARE(NativeJsonFormat::write(asOf), bytes);
        QCOMPARE(asOf, m_datasets.at(i).second);
    }
}

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
