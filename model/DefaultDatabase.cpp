#include "model/DefaultDatabase.h"

#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

QString DefaultDatabase::path() {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(u"chiptimeline.sqlite"_s);
}

QString DefaultDatabase::datasetResource() {
    return u":/dataset/default.chiptimeline.json"_s;
}

bool DefaultDatabase::fillIfNew(TimelineStore &store, StoreError *error) {
    if (store.isReadOnly() || store.wasEverFilled())
        return true;
    InputError inputError;
    const auto dataset = NativeJsonFormat::readFile(datasetResource(), &inputError);
    if (!dataset) {
        *error = {StoreError::Kind::Invalid,
                  u"the bundled dataset is damaged: %1"_s.arg(inputError.toString())};
        return false;
    }
    ImportSummary summary;
    return store.importDataset(*dataset, ImportPolicy::Skip, &summary, error);
}
