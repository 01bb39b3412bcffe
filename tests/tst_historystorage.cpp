// The SQLite history's compact rows (schema versions 10 to 12, docs/history.md): a version-9
// file's history converted without a change, the reads by index (the changes that decide an
// as-of dataset, the deleted events, the revision a time names) giving what the whole list
// gives, the new values a field change no longer stores (what came next) read back as the
// item was just after each revision, whichever revisions are asked for, and an edit's own
// `modified` change kept apart from version 12 on (revision_modified) read back in its place,
// beside the rows a version-11 file wrote before its upgrade.

#include "StoreConnectionTestUtil.h"
#include "model/StoreChanges.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/history/DatasetAsOf.h"
#include "model/history/EntitySnapshot.h"
#include "model/store/RevisionRecorder.h"
#include "model/store/TimelineStore.h"
#include "model/store/sqlite/SqliteSchemaMigrations.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {

Event makeEvent(const QString &uid, const QString &title, int day) {
    Event event;
    event.uid = uid;
    event.title = title;
    event.start = PartialDate::fromYmd(2025, 4, day);
    return event;
}

QString sqlText(const QString &value) {
    return value.isNull() ? u"NULL"_s : u"'"_s + QString(value).replace(u'\'', u"''"_s) + u"'"_s;
}

} // namespace

class TestHistoryStorage : public QObject {
    Q_OBJECT

private slots:
    void migratesVersion9HistoryWithoutAChange();
    void readsByIndexGiveWhatTheWholeListGives();
    void newValuesAreTheItemJustAfterItsRevision();
    void recordedValuesReadBackExactly();
    void upgradedVersion11HistoryReadsBackInPlace();
};

void TestHistoryStorage::migratesVersion9HistoryWithoutAChange() {
    QTemporaryDir dir;
    const QString file = dir.filePath(u"v9.sqlite"_s);
    // Revisions 2 and 3 of a version-9 file, their changes as version 9 stored them: times
    // (converted to integers), a time that is no date (kept as text), numbers, texts, NULLs,
    // whole items, a relation, the dataset's title.
    const QList<Revision> written = {
        {2,
         QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC),
         u"Ada"_s,
         u"per the press release"_s,
         u"create"_s,
         u"create event 'A'"_s,
         {{2, u"event"_s, u"ev-1"_s, u"*"_s, {}, uR"({"title":"A","importance":2})"_s},
          {2, u"event"_s, u"ev-1"_s, u"modified"_s, u"\"2026-01-02T03:04:05.678Z\""_s,
           u"\"2026-01-03T00:00:00.000Z\""_s},
          {2, u"event"_s, u"ev-1"_s, u"created"_s, u"\"2026-02-30T00:00:00.000Z\""_s,
           u"\"0999-01-01T00:00:00.000Z\""_s},
          {2, u"event"_s, u"ev-1"_s, u"importance"_s, u"2"_s, u"3"_s},
          // A field the item lost: no new value (stored as '' from version 11 on).
          {2, u"event"_s, u"ev-1"_s, u"translations"_s, uR"({"de":{"title":"B"}})"_s, {}},
          {2, u"relation"_s, uR"(["ev-1","causes","ev-2"])"_s, u"note"_s, u"\"\""_s,
           u"\"it's why\""_s},
          {2, u"dataset"_s, u"title"_s, u"title"_s, u"\"Old\""_s, u"\"New\""_s}}},
        {3,
         QDateTime(QDate(2026, 1, 3), QTime(0, 0), Qt::UTC),
         u"Bo"_s,
         u""_s,
         u"import"_s,
         u"seed.json: 1 added"_s,
         {{3, u"event"_s, u"ev-2"_s, u"*"_s, {}, {}},
          {3, u"source"_s, u"src-1"_s, u"*"_s, {}, {}},
          {3, u"event"_s, u"ev-1"_s, u"*"_s, uR"({"title":"A","importance":3})"_s, {}},
          {3, u"event"_s, u"ev-1"_s, u"modified"_s, u"\"2026-01-03T00:00:00.000Z\""_s,
           u"\"2026-01-03T00:00:00.001Z\""_s}}},
    };
    QStringList rows = {u"INSERT INTO meta VALUES ('schema_version', '9')"_s};
    for (const Revision &revision : written) {
        rows << u"INSERT INTO revision(number, at, author, note, kind, summary) VALUES (%1, %2, "
                "%3, %4, %5, %6)"_s.arg(revision.number)
                    .arg(sqlText(revision.at.toString(Qt::ISODateWithMs)), sqlText(revision.author),
                         sqlText(revision.note), sqlText(revision.kind), sqlText(revision.summary));
        for (const RevisionChange &change : revision.changes)
            rows << u"INSERT INTO revision_change(revision, entity, uid, field, old, new) "
                    "VALUES (%1, %2, %3, %4, %5, %6)"_s.arg(change.revision)
                        .arg(sqlText(change.entity), sqlText(change.uid), sqlText(change.field),
                             sqlText(change.oldValue), sqlText(change.newValue));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v9"_s);
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const SchemaMigration &migration : schemaMigrations())
            if (migration.version <= 9)
                for (const QString &statement : migration.statements)
                    QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        for (const QString &statement : std::as_const(rows))
            QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v9"_s);

    StoreError error;
    auto store = TimelineStore::open(file, &error);
    QVERIFY2(store, qPrintable(error.message));
    QCOMPARE(store->schemaVersion(), 13);
    QList<Revision> read = store->revisions({{}, {}, {}, {}, true});
    QCOMPARE(read.size(), 3);
    QCOMPARE(read.at(0).summary, u"history starts here"_s); // version 6's first revision
    read.removeFirst();
    for (qsizetype r = 0; r < written.size(); ++r) {
        const Revision &got = read.at(r);
        const Revision &want = written.at(r);
        QCOMPARE(got.number, want.number);
        QCOMPARE(got.at, want.at);
        QCOMPARE(got.author + u'|' + got.note + u'|' + got.kind + u'|' + got.summary,
                 want.author + u'|' + want.note + u'|' + want.kind + u'|' + want.summary);
        QCOMPARE(got.changes.size(), want.changes.size());
        for (qsizetype c = 0; c < want.changes.size(); ++c) {
            const RevisionChange &a = got.changes.at(c);
            const RevisionChange &b = want.changes.at(c);
            QCOMPARE(QStringList({QString::number(a.revision), a.entity, a.uid, a.field,
                                  a.oldValue.isNull() ? u"NULL"_s : a.oldValue,
                                  a.newValue.isNull() ? u"NULL"_s : a.newValue}),
                     QStringList({QString::number(b.revision), b.entity, b.uid, b.field,
                                  b.oldValue.isNull() ? u"NULL"_s : b.oldValue,
                                  b.newValue.isNull() ? u"NULL"_s : b.newValue}));
        }
    }
    QCOMPARE(read, written);
    QList<RevisionChange> all = written.at(0).changes + written.at(1).changes;
    QCOMPARE(store->changesAfter(1), all);
    QCOMPARE(store->revisions({u"ev-2"_s, {}, {}, {}, true}).constFirst().changes,
             QList<RevisionChange>{written.at(1).changes.at(0)});
    const QList<DeletedEvent> deleted = store->deletedEvents();
    QCOMPARE(deleted.size(), 1);
    QCOMPARE(deleted.at(0).uid, u"ev-1"_s);
    QCOMPARE(deleted.at(0).title, u"A"_s);
    QCOMPARE(deleted.at(0).author, u"Bo"_s);

    QSqlQuery query(connectionOf(*store));
    // The times are integers now; the one that is no date stays text.
    QVERIFY(query.exec(u"SELECT typeof(c.old), typeof(c.new) FROM revision_change c "
                       "JOIN revision_field f ON f.code = c.field WHERE c.revision = 2 "
                       "AND f.name IN ('modified', 'created') ORDER BY c.seq"_s));
    QStringList types;
    while (query.next())
        types << query.value(0).toString() + u'/' + query.value(1).toString();
    QCOMPARE(types, (QStringList{u"integer/integer"_s, u"text/text"_s}));
    // Version 11 left the converted rows' new values as they were, the lost field's as ''.
    QVERIFY(query.exec(u"SELECT quote(c.new) FROM revision_change c JOIN revision_field f "
                       "ON f.code = c.field WHERE c.revision = 2 AND f.name IN "
                       "('importance', 'translations') ORDER BY c.seq"_s));
    QStringList stored;
    while (query.next())
        stored << query.value(0).toString();
    QCOMPARE(stored, (QStringList{u"'3'"_s, u"''"_s}));
    for (const QString &statement :
         {u"UPDATE revision_change SET old = NULL"_s, u"DELETE FROM revision_change"_s,
          u"UPDATE revision_item SET uid = 'x'"_s, u"DELETE FROM revision_field"_s}) {
        QVERIFY2(!query.exec(statement), qPrintable(statement));
        QVERIFY2(query.lastError().databaseText().contains(u"history is never rewritten"_s),
                 qPrintable(query.lastError().databaseText()));
    }
}

void TestHistoryStorage::readsByIndexGiveWhatTheWholeListGives() {
    QTemporaryDir dir;
    StoreError error;
    auto store = TimelineStore::open(dir.filePath(u"h.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    Dataset seed;
    seed.title = u"Seed"_s;
    for (int n = 1; n <= 4; ++n)
        seed.events << makeEvent(u"ev-%1"_s.arg(n), u"Event %1"_s.arg(n), n);
    QVERIFY2(store->importDataset(seed, ImportPolicy::Skip, nullptr, &error),
             qPrintable(error.message));
    // Edits of the same fields again and again, a delete, a re-creation, a delete again, a
    // deleted event imported back.
    for (int round = 0; round < 3; ++round) {
        for (int n = 1; n <= 3; ++n) {
            Event event = *store->eventByUid(u"ev-%1"_s.arg(n));
            event.title = event.title + u" r%1"_s.arg(round);
            if (n == 2)
                event.importance = round % 3 + 1;
            QVERIFY2(store->saveEvent(event, &error), qPrintable(error.message));
        }
    }
    const auto remove = [&](const QString &uid) {
        QVERIFY2(store->deleteEvent(store->eventByUid(uid)->id, &error), qPrintable(error.message));
    };
    remove(u"ev-1"_s);
    Event again = makeEvent(u"ev-1"_s, u"Event 1 again"_s, 9);
    QVERIFY2(store->saveEvent(again, &error), qPrintable(error.message));
    Event edited = *store->eventByUid(u"ev-1"_s);
    edited.title = u"Event 1 edited"_s;
    QVERIFY2(store->saveEvent(edited, &error), qPrintable(error.message));
    remove(u"ev-1"_s);
    remove(u"ev-2"_s);
    remove(u"ev-4"_s);
    Dataset back = seed;
    back.events = {seed.events.at(1), seed.events.at(3)};
    QVERIFY2(store->importDataset(back, ImportPolicy::Skip, nullptr, &error),
             qPrintable(error.message)); // brings ev-2 and ev-4 back
    Event third = *store->eventByUid(u"ev-3"_s);
    third.summary = u"Later"_s;
    QVERIFY2(store->saveEvent(third, &error), qPrintable(error.message));

    const QList<Revision> all = store->revisions({});
    const Dataset now = store->dataset();
    qsizetype fewer = 0;
    for (const Revision &revision : all) {
        const QList<RevisionChange> every = store->changesAfter(revision.number);
        const QList<RevisionChange> deciding = store->decidingChangesAfter(revision.number);
        for (RevisionChange change : deciding) {
            // A field change's new value is not read there (an as-of needs the old one).
            const auto same = [&](const RevisionChange &other) {
                return other.revision == change.revision && other.entity == change.entity &&
                       other.uid == change.uid && other.field == change.field &&
                       other.oldValue == change.oldValue &&
                       (change.field != u"*"_s || other.newValue == change.newValue);
            };
            QVERIFY(std::any_of(every.cbegin(), every.cend(), same));
        }
        fewer += every.size() - deciding.size();
        QCOMPARE(NativeJsonFormat::write(store->datasetAsOf(revision.number)),
                 NativeJsonFormat::write(datasetAsOf(now, every)));
        QCOMPARE(store->lastRevisionBy(revision.at),
                 store->TimelineStore::lastRevisionBy(revision.at));
        QCOMPARE(store->lastRevisionBy(revision.at.addMSecs(-1)),
                 store->TimelineStore::lastRevisionBy(revision.at.addMSecs(-1)));
        QVERIFY(store->hasRevision(revision.number));
    }
    QVERIFY(fewer > 0);
    QVERIFY(!store->hasRevision(all.constLast().number + 1));
    QCOMPARE(store->firstRevision()->number, 1);
    QCOMPARE(store->firstRevision()->at, store->TimelineStore::firstRevision()->at);
    const QList<DeletedEvent> deleted = store->deletedEvents();
    QCOMPARE(deleted, store->TimelineStore::deletedEvents());
    QCOMPARE(deleted.size(), 1);
    QCOMPARE(deleted.at(0).uid, u"ev-1"_s);
    QCOMPARE(deleted.at(0).title, u"Event 1 edited"_s);
    QVERIFY(!store->readError().isError());
}

void TestHistoryStorage::newValuesAreTheItemJustAfterItsRevision() {
    QTemporaryDir dir;
    StoreError error;
    auto store = TimelineStore::open(dir.filePath(u"n.sqlite"_s), &error);
    QVERIFY2(store, qPrintable(error.message));
    // After each revision, every item as its revisions record it: what each of the revision's
    // field changes must give as its new value.
    QHash<qint64, QHash<QString, std::optional<QJsonObject>>> after;
    const QStringList items = {u"event\nev-1"_s, u"event\nev-2"_s, u"source\nsrc-1"_s};
    const auto remember = [&] {
        QHash<QString, std::optional<QJsonObject>> now;
        for (const QString &key : items)
            now.insert(key, RevisionRecorder::snapshot(*store, key.section(u'\n', 0, 0),
                                                       key.section(u'\n', 1)));
        now.insert(u"dataset\ntitle"_s, QJsonObject{{u"title"_s, store->dataset().title}});
        after.insert(store->latestRevision(), now);
    };
    Dataset seed;
    seed.title = u"Seed"_s;
    seed.events << makeEvent(u"ev-1"_s, u"One"_s, 1) << makeEvent(u"ev-2"_s, u"Two"_s, 2);
    Source source;
    source.uid = u"src-1"_s;
    source.title = u"Press release"_s;
    seed.sources << source;
    QVERIFY2(store->importDataset(seed, ImportPolicy::Skip, nullptr, &error),
             qPrintable(error.message));
    remember();
    const auto save = [&](const std::function<void(Event &)> &edit, const QString &uid) {
        Event event = *store->eventByUid(uid);
        edit(event);
        QVERIFY2(store->saveEvent(event, &error), qPrintable(error.message));
        remember();
    };
    store->setAuthor(u"Ada"_s);
    save([](Event &e) { e.title = u"One, corrected"_s; }, u"ev-1"_s);
    save([](Event &e) { e.translations[u"de"_s].title = u"Eins"_s; }, u"ev-1"_s); // gained
    store->setAuthor(u"Bo"_s);
    save([](Event &e) { e.importance = 3; }, u"ev-2"_s);
    save([](Event &e) { e.translations.clear(); }, u"ev-1"_s); // lost again
    save([](Event &e) { e.summary = u"Per the agency."_s; }, u"ev-1"_s);
    QVERIFY2(store->deleteEvent(store->eventByUid(u"ev-1"_s)->id, &error),
             qPrintable(error.message));
    remember();
    Event back = makeEvent(u"ev-1"_s, u"One, back"_s, 5);
    QVERIFY2(store->saveEvent(back, &error), qPrintable(error.message));
    remember();
    store->setAuthor(u"Ada"_s);
    save([](Event &e) { e.title = u"One, back and edited"_s; }, u"ev-1"_s);
    Dataset update = seed;
    update.title = u"Seed, updated"_s;
    update.events = {makeEvent(u"ev-2"_s, u"Two, from the file"_s, 2)};
    update.sources.first().title = u"Press release (BIS)"_s;
    QVERIFY2(store->importDataset(update, ImportPolicy::Update, nullptr, &error),
             qPrintable(error.message));
    remember();
    save([](Event &e) { e.title = u"Two, last"_s; }, u"ev-2"_s);

    // The file holds no new value of a field change written now.
    QSqlQuery query(connectionOf(*store));
    QVERIFY(query.exec(u"SELECT count(*), count(new) FROM revision_change WHERE field <> 0"_s));
    QVERIFY(query.next());
    QVERIFY(query.value(0).toInt() >= 10);
    QCOMPARE(query.value(1).toInt(), 0);

    QStringList wrong;
    const auto check = [&](const QList<Revision> &revisions, const QString &how) {
        qsizetype checked = 0;
        for (const Revision &revision : revisions)
            for (const RevisionChange &change : revision.changes) {
                if (change.field == u"*"_s)
                    continue;
                const std::optional<QJsonObject> item =
                    after.value(revision.number).value(change.entity + u'\n' + change.uid);
                const QString want = item && item->contains(change.field)
                                         ? EntitySnapshot::valueText(item->value(change.field))
                                         : QString();
                if (!item || change.newValue != want)
                    wrong << u"%1: r%2 %3 %4: %5, not %6"_s.arg(how)
                                 .arg(revision.number)
                                 .arg(change.uid, change.field, change.newValue, want);
                ++checked;
            }
        return checked;
    };
    const QList<Revision> all = store->revisions({{}, {}, {}, {}, true});
    const qsizetype fieldChanges = check(all, u"all"_s);
    QVERIFY(fieldChanges >= 10);
    // Asked for one author's, one time range's, one item's revisions: the same values,
    // though the changes that come next are not among those read.
    qsizetype byAuthor = check(store->revisions({{}, u"Ada"_s, {}, {}, true}), u"Ada"_s);
    byAuthor += check(store->revisions({{}, u"Bo"_s, {}, {}, true}), u"Bo"_s);
    QVERIFY(byAuthor > 0 && byAuthor < fieldChanges);
    check(store->revisions({{}, {}, {}, all.at(3).at, true}), u"to"_s);
    check(store->revisions({u"ev-1"_s, {}, {}, {}, true}), u"ev-1"_s);
    check(store->revisions({u"ev-2"_s, u"Ada"_s, {}, {}, true}), u"ev-2 by Ada"_s);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    // changesAfter: every change after a revision, the same values.
    for (const Revision &revision : all) {
        QList<Revision> later;
        for (const Revision &other : all)
            if (other.number > revision.number)
                later << other;
        QList<RevisionChange> flat;
        for (const Revision &other : std::as_const(later))
            flat << other.changes;
        QCOMPARE(store->changesAfter(revision.number), flat);
    }
    QVERIFY(!store->readError().isError());
}

QTEST_GUILESS_MAIN(TestHistoryStorage)
void TestHistoryStorage::recordedValuesReadBackExactly() {
    // Plain strings are read without the JSON parser (valueFromText's short way): every
    // value must still read back as it was written, escapes and all.
    const QList<QJsonValue> values = {
        u""_s,
        u"plain"_s,
        u"2025-04-15T08:00:00.000Z"_s,
        u"she said \"no\""_s,
        u"back\\slash"_s,
        u"\"\""_s,
        u"tab\tand\nnewline"_s,
        u"Beschränkungen für Nvidias H20 – „Lizenz“"_s,
        u"\u0001"_s,
        0,
        3,
        -1.5,
        true,
        QJsonValue::Null,
        QJsonArray{u"a"_s, u"b\"c"_s},
        QJsonObject{{u"title"_s, u"A"_s}, {u"importance"_s, 2}},
    };
    for (const QJsonValue &value : values)
        QCOMPARE(EntitySnapshot::valueFromText(EntitySnapshot::valueText(value)), value);
    QCOMPARE(EntitySnapshot::valueFromText(QString()).type(), QJsonValue::Undefined);
    QCOMPARE(EntitySnapshot::valueFromText(u"\"unterminated"_s).type(), QJsonValue::Undefined);
    QCOMPARE(EntitySnapshot::valueFromText(u"\"a\"b\""_s).type(), QJsonValue::Undefined);

    // An event undone field by field (as an as-of does) equals the event read whole.
    Event full = makeEvent(u"ev-1"_s, u"H20 licence \"required\""_s, 15);
    full.id = 42;
    full.summary = u"Nvidia must apply for a licence.\n\nSecond paragraph."_s;
    full.end = PartialDate::fromYmd(2025, 5, 1);
    full.category = u"controls"_s;
    full.status = EventStatus::Reported;
    full.importance = 3;
    full.actors = {u"BIS"_s, u"Nvidia"_s};
    full.chips = {u"H20"_s};
    full.tags = {u"licence"_s};
    full.citations = {{u"src-1"_s, u"„Die Lizenzpflicht“"_s, u"para. 3"_s}};
    full.translations.insert(u"de"_s, {u"H20-Lizenz"_s, u"Nvidia braucht eine Lizenz."_s});
    full.created = QDateTime(QDate(2025, 4, 15), QTime(8, 0, 0, 123), Qt::UTC);
    full.modified = QDateTime(QDate(2025, 4, 16), QTime(9, 30), Qt::UTC);
    const QJsonObject fields = EntitySnapshot::fromEvent(full);
    QCOMPARE(EntitySnapshot::toEvent(u"ev-1"_s, fields), full);
    Event undone = makeEvent(u"ev-1"_s, u"Other"_s, 1);
    undone.translations.insert(u"fr"_s, {u"Autre"_s, QString()});
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        EntitySnapshot::setEventField(
            undone, it.key(), EntitySnapshot::valueFromText(EntitySnapshot::valueText(it.value())));
    QCOMPARE(undone, full);
    // A field the item did not have then (no value recorded) is the field's default.
    EntitySnapshot::setEventField(undone, u"translations"_s, QJsonValue(QJsonValue::Undefined));
    QVERIFY(undone.translations.isEmpty());
    EntitySnapshot::setEventField(undone, u"no such field"_s, u"x"_s);
    full.translations.clear();
    QCOMPARE(undone, full);
}

namespace {

// The rows of a table, as text (revision_modified's and revision_change's counts).
int countOf(const QSqlDatabase &db, const QString &sql) {
    QSqlQuery query(db);
    return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
}

// Takes a file of schema version 12 back to the rows version 11 wrote: every `modified`
// change a row of revision_change in its place (before the item's change at `place`, or
// after its last), each revision's seq numbered again, and no revision_modified.
bool asVersion11(const QString &file) {
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v11"_s);
        db.setDatabaseName(file);
        ok = db.open();
        QSqlQuery query(db);
        QStringList statements = {
            u"DROP TRIGGER revision_change_never_updated"_s,
            u"DROP TRIGGER revision_change_never_deleted"_s,
            u"DROP TRIGGER revision_modified_never_updated"_s,
            u"DROP TRIGGER revision_modified_never_deleted"_s,
            u"INSERT INTO revision_field(name) SELECT 'modified' WHERE NOT EXISTS "
            "(SELECT 1 FROM revision_field WHERE name = 'modified')"_s,
            u"CREATE TABLE v11_rows AS "
            "SELECT revision, 2 * seq AS k, item, field, old, new FROM revision_change "
            "UNION ALL SELECT m.revision, coalesce("
            "(SELECT 2 * c.seq - 1 FROM revision_change c WHERE c.revision = m.revision AND "
            "c.item = m.item AND m.place = (SELECT count(*) FROM revision_change d WHERE "
            "d.revision = c.revision AND d.item = c.item AND d.seq < c.seq)), "
            "(SELECT 2 * MAX(c.seq) + 1 FROM revision_change c WHERE c.revision = m.revision "
            "AND c.item = m.item)), m.item, "
            "(SELECT code FROM revision_field WHERE name = 'modified'), m.old, NULL "
            "FROM revision_modified m"_s,
            u"DELETE FROM revision_change"_s,
            u"INSERT INTO revision_change(revision, seq, item, field, old, new) SELECT revision, "
            "ROW_NUMBER() OVER (PARTITION BY revision ORDER BY k), item, field, old, new "
            "FROM v11_rows"_s,
            u"DROP TABLE v11_rows"_s,
            u"DROP TABLE revision_modified"_s,
            u"UPDATE meta SET value = '11' WHERE key = 'schema_version'"_s,
        };
        // The triggers as version 11 left them.
        for (const SchemaMigration &migration : schemaMigrations())
            if (migration.version == 10 || migration.version == 11)
                for (const QString &statement : migration.statements)
                    if (statement.startsWith(u"CREATE TRIGGER revision_change_never_"_s) &&
                        !(migration.version == 10 && statement.contains(u"never_updated"_s)))
                        statements << statement;
        for (const QString &statement : std::as_const(statements))
            if (ok && !query.exec(statement)) {
                qWarning() << statement << query.lastError().text();
                ok = false;
            }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v11"_s);
    return ok;
}

} // namespace

void TestHistoryStorage::upgradedVersion11HistoryReadsBackInPlace() {
    QTemporaryDir dir;
    const QString file = dir.filePath(u"up.sqlite"_s);
    StoreError error;
    auto store = TimelineStore::open(file, &error);
    QVERIFY2(store, qPrintable(error.message));
    // Every item as its revisions record it after each revision, and the native export then.
    const QStringList items = {u"event\nev-1"_s, u"event\nev-2"_s, u"event\nev-3"_s,
                               u"source\nsrc-1"_s};
    QHash<qint64, QHash<QString, std::optional<QJsonObject>>> after;
    QHash<qint64, QByteArray> exported;
    const auto remember = [&] {
        QHash<QString, std::optional<QJsonObject>> now;
        for (const QString &key : items)
            now.insert(key, RevisionRecorder::snapshot(*store, key.section(u'\n', 0, 0),
                                                       key.section(u'\n', 1)));
        after.insert(store->latestRevision(), now);
        exported.insert(store->latestRevision(), NativeJsonFormat::write(store->dataset()));
    };
    Dataset seed;
    seed.title = u"Seed"_s;
    for (int n = 1; n <= 3; ++n)
        seed.events << makeEvent(u"ev-%1"_s.arg(n), u"Event %1"_s.arg(n), n);
    Source source;
    source.uid = u"src-1"_s;
    source.title = u"Press release"_s;
    seed.sources << source;
    QVERIFY2(store->importDataset(seed, ImportPolicy::Skip, nullptr, &error),
             qPrintable(error.message));
    const qint64 imported = store->latestRevision();
    remember();
    qint64 lone = 0; // the revisions whose one change is an event's `modified`
    qint64 loneAgain = 0;
    const auto save = [&](const std::function<void(Event &)> &edit, const QString &uid) {
        QThread::msleep(2); // a `modified` of its own, whatever the clock's resolution
        Event event = *store->eventByUid(uid);
        edit(event);
        QVERIFY2(store->saveEvent(event, &error), qPrintable(error.message));
        remember();
    };
    const auto bulk = [&](const QStringList &uids, const QString &suffix) {
        QThread::msleep(2);
        StoreChanges changes;
        changes.revisionKind = u"bulk"_s;
        changes.revisionSummary = u"bulk "_s + suffix;
        for (const QString &uid : uids) {
            Event event = *store->eventByUid(uid);
            event.title += suffix;
            event.importance = event.importance % 3 + 1;
            changes.saveEvents << event;
        }
        QVERIFY2(store->applyChanges(changes, &error), qPrintable(error.message));
        remember();
    };
    // Written by version 12, then taken back to what version 11 wrote.
    store->setAuthor(u"Ada"_s);
    save([](Event &e) { e.title = u"One, corrected"_s; }, u"ev-1"_s);
    save(
        [](Event &e) {
            e.importance = 3;
            e.summary = u"Per the agency."_s;
            e.translations[u"de"_s].title = u"Zwei"_s;
        },
        u"ev-2"_s);
    bulk({u"ev-1"_s, u"ev-3"_s}, u" (bulk)"_s);
    save([](Event &) {}, u"ev-3"_s); // saved unchanged: its `modified` alone
    lone = store->latestRevision();
    QVERIFY2(store->deleteEvent(store->eventByUid(u"ev-2"_s)->id, &error),
             qPrintable(error.message));
    remember();
    const qint64 lastOf11 = store->latestRevision();
    const QList<Revision> written11 = store->revisions({{}, {}, {}, {}, true});
    QVERIFY(countOf(connectionOf(*store), u"SELECT count(*) FROM revision_modified"_s) >= 4);
    store.reset();
    QVERIFY(asVersion11(file));

    // Upgraded: the rows of version 11 stay where they are; new edits write revision_modified.
    store = TimelineStore::open(file, &error);
    QVERIFY2(store, qPrintable(error.message));
    QCOMPARE(store->schemaVersion(), 13);
    QSqlDatabase db = connectionOf(*store);
    QCOMPARE(countOf(db, u"SELECT count(*) FROM revision_modified"_s), 0);
    const QString modifiedRows =
        u"SELECT count(*) FROM revision_change c JOIN revision_field f ON f.code = c.field "
        "WHERE f.name = 'modified'"_s;
    const int modifiedOf11 = countOf(db, modifiedRows);
    QVERIFY(modifiedOf11 >= 5);
    QCOMPARE(store->revisions({{}, {}, {}, {}, true}), written11);
    store->setAuthor(u"Bo"_s);
    save([](Event &e) { e.title = u"One, again"_s; }, u"ev-1"_s);
    bulk({u"ev-3"_s, u"ev-1"_s}, u" (bulk 2)"_s);
    save([](Event &) {}, u"ev-1"_s);
    loneAgain = store->latestRevision();
    Event back = makeEvent(u"ev-2"_s, u"Two, back"_s, 7);
    QVERIFY2(store->saveEvent(back, &error), qPrintable(error.message)); // created: "*" only
    remember();
    save([](Event &e) { e.status = EventStatus::Disputed; }, u"ev-2"_s);
    save([](Event &e) { e.summary = u"Later"_s; }, u"ev-3"_s);
    // The lone `modified` change is a row of revision_change (found by item); the others of
    // the new edits are not.
    QCOMPARE(countOf(db, modifiedRows), modifiedOf11 + 1);
    QCOMPARE(countOf(db, u"SELECT count(*) FROM revision_modified"_s), 5);
    QCOMPARE(countOf(db, u"SELECT count(*) FROM revision_change c JOIN revision_field f ON "
                         "f.code = c.field WHERE f.name = 'modified' AND c.revision = %1"_s.arg(
                             loneAgain)),
             1);

    // Every revision's changes, item by item, are the differences between the items before
    // and after it: fields in the order written, old and new values.
    const QList<Revision> all = store->revisions({{}, {}, {}, {}, true});
    QCOMPARE(all.mid(0, written11.size()), written11);
    QStringList wrong;
    qsizetype checked = 0;
    const auto check = [&](const QList<Revision> &revisions, const QString &how) {
        for (const Revision &revision : revisions) {
            if (revision.number <= imported)
                continue;
            qsizetype expected = 0;
            for (const QString &key : items) {
                QList<RevisionChange> want =
                    EntitySnapshot::diff(key.section(u'\n', 0, 0), key.section(u'\n', 1),
                                         after.value(revision.number - 1).value(key),
                                         after.value(revision.number).value(key));
                for (RevisionChange &change : want)
                    change.revision = revision.number;
                QList<RevisionChange> got;
                for (const RevisionChange &change : revision.changes)
                    if (change.entity + u'\n' + change.uid == key)
                        got << change;
                if (!how.isEmpty() && !key.endsWith(how))
                    continue;
                expected += want.size();
                if (got != want)
                    wrong << u"%1 r%2 %3: %4 changes read, %5 written"_s.arg(how)
                                 .arg(revision.number)
                                 .arg(key.section(u'\n', 1))
                                 .arg(got.size())
                                 .arg(want.size());
                ++checked;
            }
            if (how.isEmpty() && revision.changes.size() != expected)
                wrong << u"r%1: %2 changes, %3 expected"_s.arg(revision.number)
                             .arg(revision.changes.size())
                             .arg(expected);
        }
    };
    check(all, {});
    for (const QString &uid : {u"ev-1"_s, u"ev-2"_s, u"ev-3"_s})
        check(store->revisions({uid, {}, {}, {}, true}), uid);
    check(store->revisions({{}, u"Ada"_s, {}, {}, true}), {});
    check(store->revisions({{}, u"Bo"_s, {}, {}, true}), {});
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    QVERIFY(checked > 40);
    // The lone `modified` changes, found by their item, before and after the upgrade.
    for (const qint64 number : {lone, loneAgain}) {
        const QString uid = number == lone ? u"ev-3"_s : u"ev-1"_s;
        const QList<Revision> ofItem = store->revisions({uid, {}, {}, {}, true});
        const auto found = std::find_if(ofItem.cbegin(), ofItem.cend(),
                                        [&](const Revision &r) { return r.number == number; });
        QVERIFY2(found != ofItem.cend(), qPrintable(u"r%1"_s.arg(number)));
        QCOMPARE(found->changes.size(), 1);
        QCOMPARE(found->changes.at(0).field, u"modified"_s);
    }

    // As of every revision: the export made then, by the deciding changes and by every change.
    const Dataset now = store->dataset();
    for (const Revision &revision : all) {
        QList<RevisionChange> flat;
        for (const Revision &later : all)
            if (later.number > revision.number)
                flat << later.changes;
        QCOMPARE(store->changesAfter(revision.number), flat);
        if (revision.number < imported)
            continue;
        const QByteArray asOf = NativeJsonFormat::write(store->datasetAsOf(revision.number));
        QCOMPARE(asOf, NativeJsonFormat::write(datasetAsOf(now, flat)));
        QCOMPARE(asOf, exported.value(revision.number));
    }
    QVERIFY(lastOf11 > imported);
    QVERIFY(!store->readError().isError());
}

#include "tst_historystorage.moc"
