#include "app/TeamCommands.h"

#include "app/CommandLine.h"

#include "model/store/TimelineStore.h"

using namespace Qt::StringLiterals;

namespace {

int fail(QTextStream &err, const QString &message) {
    err << "chiptimeline: " << message << Qt::endl;
    return CommandLine::Failure;
}

// A whole dataset in parts for the import, reporting each part on `err`: the categories,
// sources and saved views first, then the events a thousand at a time.
class CopyParts final : public TimelineStore::DatasetParts {
public:
    CopyParts(const Dataset &dataset, QTextStream &err)
        : m_dataset(dataset)
        , m_err(err) {}

    const Dataset *next() override {
        if (m_nextEvent < 0) {
            m_part = Dataset();
            m_part.title = m_dataset.title;
            m_part.categories = m_dataset.categories;
            m_part.sources = m_dataset.sources;
            m_part.savedViews = m_dataset.savedViews;
            m_nextEvent = 0;
            m_err << "copy: " << m_dataset.sources.size() << " sources, "
                  << m_dataset.categories.size() << " categories" << Qt::endl;
            return &m_part;
        }
        if (m_nextEvent >= m_dataset.events.size())
            return nullptr;
        m_part = Dataset();
        m_part.events = m_dataset.events.mid(m_nextEvent, PartSize);
        m_nextEvent += m_part.events.size();
        if (m_nextEvent >= m_dataset.events.size())
            m_part.relations = m_dataset.relations; // after the last of the events they join
        m_err << "copy: " << m_nextEvent << " of " << m_dataset.events.size() << " events"
              << Qt::endl;
        return &m_part;
    }
    [[nodiscard]] bool failed() const override { return false; }
    [[nodiscard]] bool laterPartsMayHaveSources() const override { return m_nextEvent < 0; }

private:
    static constexpr qsizetype PartSize = 1000;
    const Dataset &m_dataset;
    QTextStream &m_err;
    Dataset m_part;
    qsizetype m_nextEvent = -1;
};

} // namespace

int TeamCommands::init(const QString &location, QTextStream &out, QTextStream &err) {
    StoreError error;
    if (!TimelineStore::initialize(location, &error))
        return fail(err, error.message);
    const auto store = TimelineStore::open(location, &error, TimelineStore::OpenMode::ReadOnly);
    if (!store)
        return fail(err, error.message);
    out << store->path() << ": ready, schema version " << store->schemaVersion() << "\n";
    out.flush();
    return CommandLine::Success;
}

int TeamCommands::copy(const QString &from, const QString &to, QTextStream &out, QTextStream &err) {
    if (from.isEmpty() || to.isEmpty())
        return fail(err, u"copy: give both --from LOCATION and --to LOCATION"_s);
    StoreError error;
    const auto source = TimelineStore::open(from, &error, TimelineStore::OpenMode::ReadOnly);
    if (!source)
        return fail(err, error.message);
    // A server's empty database gets the schema first; a new file gets it on opening.
    if (TimelineStore::isServerLocation(to) && !TimelineStore::initialize(to, &error))
        return fail(err, error.message);
    const auto target = TimelineStore::open(to, &error);
    if (!target)
        return fail(err, error.message);
    if (target->eventCount() > 0 || target->sourceCount() > 0 || !target->categories().isEmpty() ||
        !target->savedViews().isEmpty())
        return fail(err, u"%1: not empty (%2 events, %3 sources); copy writes only into an "
                         "empty timeline"_s.arg(target->path())
                             .arg(target->eventCount())
                             .arg(target->sourceCount()));
    const Dataset dataset = source->dataset();
    if (source->readError().isError())
        return fail(err, source->readError().message);
    CopyParts parts(dataset, err);
    ImportSummary summary;
    if (!target->importParts(parts, ImportPolicy::Skip, &summary, &error))
        return fail(err, error.message);
    out << "copied " << summary.eventsAdded << " events, " << summary.sourcesAdded << " sources, "
        << dataset.categories.size() << " categories, " << dataset.savedViews.size()
        << " saved views\n";
    out.flush();
    return CommandLine::Success;
}
