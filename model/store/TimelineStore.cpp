// TimelineStore: what every backend shares (the damage bookkeeping, a whole dataset as one
// import), and open(), which picks the backend from the location it is given.

#include "model/store/TimelineStore.h"

#include "model/history/EntitySnapshot.h"

#include "model/store/postgres/PostgresTimelineStore.h"
#include "model/store/sqlite/SqliteTimelineStore.h"

#include <QMutex>
#include <QSet>

#include <tuple>
#include <utility>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// A whole dataset, as the one part of an import.
class WholeDataset final : public TimelineStore::DatasetParts {
public:
    WholeDataset(const Dataset &dataset, const QString &fileName, bool asStored = false)
        : m_dataset(&dataset)
        , m_asStored(asStored) {
        setFileName(fileName);
    }
    const Dataset *next() override { return std::exchange(m_dataset, nullptr); }
    [[nodiscard]] bool failed() const override { return false; }
    [[nodiscard]] bool laterPartsMayHaveSources() const override { return false; }
    [[nodiscard]] bool asStored() const override { return m_asStored; }

private:
    const Dataset *m_dataset;
    bool m_asStored;
};

} // namespace

TimelineStore::TimelineStore(QString path)
    : m_path(std::move(path)) {}

namespace {
// The program's author (setDefaultAuthor): read by stores on the import's thread too.
QMutex defaultAuthorMutex;
QString chosenDefaultAuthor;
} // namespace

QString TimelineStore::author() const {
    return m_author.isEmpty() ? defaultAuthor() : m_author;
}

void TimelineStore::setDefaultAuthor(const QString &author) {
    const QMutexLocker lock(&defaultAuthorMutex);
    chosenDefaultAuthor = author.trimmed();
}

QString TimelineStore::defaultAuthor() {
    {
        const QMutexLocker lock(&defaultAuthorMutex);
        if (!chosenDefaultAuthor.isEmpty())
            return chosenDefaultAuthor;
    }
    return loginName();
}

QString TimelineStore::loginName() {
    // Looked up once: the password database may be a file read, and this is asked at every
    // write that records a revision.
    static const QString name = [] {
        if (const passwd *user = getpwuid(getuid()); user && user->pw_name && *user->pw_name)
            return QString::fromLocal8Bit(user->pw_name);
        return qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    }();
    return name;
}

TimelineStore::~TimelineStore() = default;

bool TimelineStore::listenForChanges(ChangeListener) {
    return false;
}

bool TimelineStore::reconnect(StoreError *) {
    return true;
}

void TimelineStore::watchConnection(ConnectionLostListener) {}

bool TimelineStore::isServerLocation(const QString &location) {
    return location.startsWith(u"postgresql://"_s, Qt::CaseInsensitive) ||
           location.startsWith(u"postgres://"_s, Qt::CaseInsensitive) ||
           location.startsWith(u"service="_s);
}

std::unique_ptr<TimelineStore> TimelineStore::open(const QString &location, StoreError *error,
                                                   OpenMode mode, OpenCheck check) {
    if (isServerLocation(location))
        return PostgresTimelineStore::open(location, error, mode);
    return SqliteTimelineStore::open(location, error, mode, check);
}

bool TimelineStore::initialize(const QString &location, StoreError *error) {
    if (isServerLocation(location))
        return PostgresTimelineStore::initialize(location, error);
    return SqliteTimelineStore::open(location, error, OpenMode::ReadWrite, OpenCheck::BySize) !=
           nullptr;
}

void TimelineStore::noteDamage(const StoreError &damage) const {
    if (!damage.isError())
        return;
    if (!m_readError.isError())
        m_readError = damage;
    m_readOnlyReason = u"the database is damaged"_s;
}

RelationChain TimelineStore::relationChain(const QString &eventUid) const {
    QList<Relation> found;
    QSet<QString> foundKeys;
    QSet<QString> reached{eventUid};
    QStringList waiting{eventUid};
    while (!waiting.isEmpty()) {
        const QString uid = waiting.takeFirst();
        const QList<Relation> touching = relationsOf(uid);
        if (readError().isError())
            return {};
        for (const Relation &relation : touching) {
            const QString key = EntitySnapshot::relationKey(relation);
            if (foundKeys.contains(key))
                continue;
            foundKeys.insert(key);
            found << relation;
            for (const QString &end : {relation.fromUid, relation.toUid})
                if (!reached.contains(end)) {
                    reached.insert(end);
                    waiting << end;
                }
        }
    }
    return RelationGraph(found).chainOf(eventUid);
}

bool TimelineStore::importDataset(const Dataset &dataset, ImportPolicy policy,
                                  ImportSummary *summary, StoreError *error,
                                  const QString &fileName) {
    WholeDataset whole(dataset, fileName);
    return importParts(whole, policy, summary, error);
}

bool TimelineStore::importAsStored(const Dataset &dataset, StoreError *error) {
    WholeDataset whole(dataset, {}, true);
    ImportSummary summary;
    return importParts(whole, ImportPolicy::Skip, &summary, error);
}

StoreError TimelineStore::quickCheckFile(const QString &path) {
    return SqliteTimelineStore::quickCheckFile(path);
}

bool TimelineStore::backupFile(const QString &from, const QString &target, StoreError *error) {
    return SqliteTimelineStore::backupFile(from, target, error);
}

bool TimelineStore::restoreBackup(const QString &backupPath, const QString &livePath,
                                  StoreError *error) {
    return SqliteTimelineStore::restoreBackup(backupPath, livePath, error);
}

QList<Event> TimelineStore::eventsByUid(const QStringList &uids) const {
    QList<Event> found;
    for (const QString &uid : uids)
        if (std::optional<Event> event = eventByUid(uid))
            found << std::move(*event);
    std::stable_sort(found.begin(), found.end(), [](const Event &a, const Event &b) {
        return std::tuple(a.firstJulianDay(), a.lastJulianDay(), a.id) <
               std::tuple(b.firstJulianDay(), b.lastJulianDay(), b.id);
    });
    return found;
}
