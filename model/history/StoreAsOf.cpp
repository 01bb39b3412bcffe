#include "model/history/StoreAsOf.h"

#include "model/ImportPolicy.h"
#include "model/store/TimelineStore.h"

using namespace Qt::StringLiterals;

StoreAsOf storeAsOf(const TimelineStore &store, qint64 revision, QString *error) {
    StoreAsOf asOf;
    asOf.dataset = store.datasetAsOf(revision);
    if (store.readError().isError()) {
        *error = store.readError().message;
        return asOf;
    }
    asOf.folder = std::make_unique<QTemporaryDir>();
    StoreError opened;
    if (asOf.folder->isValid())
        asOf.store = TimelineStore::open(asOf.folder->filePath(u"as-of.sqlite"_s), &opened);
    ImportSummary summary;
    if (!asOf.store ||
        !asOf.store->importDataset(asOf.dataset, ImportPolicy::Skip, &summary, &opened)) {
        *error = u"r%1: cannot hold the timeline as of then: %2"_s.arg(revision).arg(
            asOf.folder->isValid() ? opened.message : asOf.folder->errorString());
        asOf.store.reset();
        return asOf;
    }
    asOf.revision = revision;
    return asOf;
}
