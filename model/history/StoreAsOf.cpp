#include "model/history/StoreAsOf.h"

#include "model/history/DatasetAsOf.h"
#include "model/store/TimelineStore.h"

using namespace Qt::StringLiterals;

namespace {

// The copy pays for every touched event one read and one write; an import pays for every
// event one bulk insert, and the whole dataset's read and undo before it. Beyond this share
// of touched events the import is the cheaper way (bench_history's as_of_store rows).
constexpr int copyWhileTouchedBelowPercent = 30;

// `store` copied to `path` and turned back to revision `revision`'s state by writing only
// the touched items; nullptr with `error` set when it cannot be.
std::unique_ptr<TimelineStore> copyTurnedBack(const TimelineStore &store,
                                              const QList<RevisionChange> &laterChanges,
                                              const TouchedItems &touched, const QString &path,
                                              StoreError *error) {
    Dataset current;
    current.categories = store.categories();
    current.relations = store.relations();
    current.events = store.eventsByUid(touched.eventSlot.keys());
    for (auto it = touched.sourceSlot.cbegin(); it != touched.sourceSlot.cend(); ++it)
        if (std::optional<Source> source = store.sourceByUid(it.key()))
            current.sources << std::move(*source);
    if (store.readError().isError()) {
        *error = store.readError();
        return nullptr;
    }
    StoreChanges back = changesBackTo(current, laterChanges, touched);
    back.recordRevision = false; // the copy's writes are no one's history
    if (!store.saveCopy(path, error))
        return nullptr;
    // Copied from an open, checked store a moment ago: no page check (it reads every page).
    std::unique_ptr<TimelineStore> copy = TimelineStore::open(
        path, error, TimelineStore::OpenMode::ReadWrite, TimelineStore::OpenCheck::None);
    if (!copy || (!back.isEmpty() && !copy->applyChanges(back, error)))
        return nullptr;
    return copy;
}

} // namespace

StoreAsOf storeAsOf(const TimelineStore &store, qint64 revision, QString *error,
                    AsOfDataset dataset) {
    StoreAsOf asOf;
    const QList<RevisionChange> laterChanges = store.decidingChangesAfter(revision);
    const auto readFailed = [&] {
        if (!store.readError().isError())
            return false;
        *error = store.readError().message;
        return true;
    };
    if (readFailed())
        return asOf;
    const TouchedItems touched = touchedItems(laterChanges);
    const qint64 touchedEvents = touched.eventSlot.size();
    const bool copy = store.isFileBased() && touchedEvents * 100 < qint64(store.eventCount()) *
                                                                       copyWhileTouchedBelowPercent;
    if (!copy || dataset == AsOfDataset::Keep) {
        // A figure drawn from the dataset (no store of then to fill) reads only its fields.
        const bool figureOnly = !copy && dataset == AsOfDataset::InsteadOfImport;
        asOf.dataset = datasetAsOf(figureOnly ? store.figureDataset() : store.dataset(),
                                   laterChanges, touched);
        if (readFailed())
            return asOf;
        if (!copy && dataset == AsOfDataset::InsteadOfImport) {
            asOf.revision = revision;
            return asOf;
        }
    }
    asOf.folder = std::make_unique<QTemporaryDir>();
    StoreError failure;
    if (asOf.folder->isValid()) {
        const QString path = asOf.folder->filePath(u"as-of.sqlite"_s);
        if (copy) {
            asOf.store = copyTurnedBack(store, laterChanges, touched, path, &failure);
        } else {
            asOf.store = TimelineStore::open(path, &failure);
            if (asOf.store && !asOf.store->importAsStored(asOf.dataset, &failure))
                asOf.store.reset();
        }
    }
    if (!asOf.store) {
        *error = u"r%1: cannot hold the timeline as of then: %2"_s.arg(revision).arg(
            asOf.folder->isValid() ? failure.message : asOf.folder->errorString());
        return asOf;
    }
    asOf.revision = revision;
    return asOf;
}
