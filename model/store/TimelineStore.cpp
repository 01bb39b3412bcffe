// TimelineStore: what every backend shares (the damage bookkeeping, a whole dataset as one
// import), and open(), which picks the backend from the location it is given.

#include "model/store/TimelineStore.h"

#include "model/store/sqlite/SqliteTimelineStore.h"

#include <QUrl>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

// A whole dataset, as the one part of an import.
class WholeDataset final : public TimelineStore::DatasetParts {
public:
    WholeDataset(const Dataset &dataset, const QString &fileName)
        : m_dataset(&dataset) {
        setFileName(fileName);
    }
    const Dataset *next() override { return std::exchange(m_dataset, nullptr); }
    [[nodiscard]] bool failed() const override { return false; }
    [[nodiscard]] bool laterPartsMayHaveSources() const override { return false; }

private:
    const Dataset *m_dataset;
};

// A server's address as it may be shown: never its password.
QString shownServerLocation(const QString &location) {
    if (location.startsWith(u"service="_s))
        return location.section(u' ', 0, 0);
    const QUrl url(location);
    if (!url.isValid())
        return url.scheme().isEmpty() ? u"the server"_s : url.scheme() + u"://…"_s;
    return url.toString(QUrl::RemovePassword | QUrl::RemoveQuery);
}

} // namespace

TimelineStore::TimelineStore(QString path)
    : m_path(std::move(path))
    , m_author(qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"))) {}

TimelineStore::~TimelineStore() = default;

bool TimelineStore::isServerLocation(const QString &location) {
    return location.startsWith(u"postgresql://"_s, Qt::CaseInsensitive) ||
           location.startsWith(u"postgres://"_s, Qt::CaseInsensitive) ||
           location.startsWith(u"service="_s);
}

std::unique_ptr<TimelineStore> TimelineStore::open(const QString &location, StoreError *error,
                                                   OpenMode mode, OpenCheck check) {
    if (isServerLocation(location)) {
        StoreError refused{StoreError::Kind::Io,
                           u"%1: PostgreSQL timelines are not supported yet; give the path of "
                           "a timeline file"_s.arg(shownServerLocation(location))};
        if (error)
            *error = std::move(refused);
        return nullptr;
    }
    return SqliteTimelineStore::open(location, error, mode, check);
}

void TimelineStore::noteDamage(const StoreError &damage) const {
    if (!damage.isError())
        return;
    if (!m_readError.isError())
        m_readError = damage;
    m_readOnlyReason = u"the database is damaged"_s;
}

bool TimelineStore::importDataset(const Dataset &dataset, ImportPolicy policy,
                                  ImportSummary *summary, StoreError *error,
                                  const QString &fileName) {
    WholeDataset whole(dataset, fileName);
    return importParts(whole, policy, summary, error);
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
