#pragma once

// The bundled dataset (resources/dataset/default.chiptimeline.json) in a fresh SQLite store,
// as a first start makes it: the fixture of the figure and export tests.

#include "model/TimelineDataQuery.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"
#include "ui/render/FigureSources.h"

#include <QString>
#include <QtGlobal>

#include <memory>

// Events of the bundled dataset's H20 chain and the AI Diffusion Rule's (its relations).
namespace BundledChain {
inline const QString april = QStringLiteral("d9dad484-014e-59ff-8e92-95fdd7271ee3"); // H20 licence
inline const QString july = QStringLiteral("a13c86e2-6762-5b67-b629-ab43534c28f8");  // licences due
inline const QString deal = QStringLiteral("5aafee21-7d5f-5e25-be5d-ea6d631245e6");  // 12 August
inline const QString beijing = QStringLiteral("f62c7e26-3ad4-5fe3-83d6-80a0e8a38635"); // warnings
inline const QString diffusion = QStringLiteral("22faa901-ccdd-516f-84fe-a5c42306a231");
inline const QString rescinded = QStringLiteral("8e48937f-ff1a-5d76-b31d-daafeaa52e72");
// The seed article the relations quote (ed359814, para. 5).
inline const QString seedSource = QStringLiteral("ed359814-0474-5270-91b5-c451e225d34f");
} // namespace BundledChain

// The store at `path` with the bundled dataset imported; nullptr (and a warning saying why)
// when that fails.
[[nodiscard]] inline std::unique_ptr<TimelineStore> openBundledDataset(const QString &path) {
    InputError inputError;
    const auto dataset = NativeJsonFormat::readFile(
        QStringLiteral(CHIPTIMELINE_SOURCE_DIR "/resources/dataset/default.chiptimeline.json"),
        &inputError);
    if (!dataset) {
        qWarning("bundled dataset: %s", qPrintable(inputError.toString()));
        return nullptr;
    }
    StoreError error;
    auto store = TimelineStore::open(path, &error);
    ImportSummary summary;
    if (!store || !store->importDataset(*dataset, ImportPolicy::Skip, &summary, &error)) {
        qWarning("%s: %s", qPrintable(path), qPrintable(error.message));
        return nullptr;
    }
    return store;
}

// What a figure of the whole store is made from: its events and their sources.
struct FigureInput {
    TimelineData data;
    FigureSources::Map sources;
};
[[nodiscard]] inline FigureInput figureInput(const TimelineStore &store) {
    FigureInput input{TimelineDataQuery::load(store), {}};
    QList<qint64> ids;
    for (qsizetype i = 0; i < input.data.size(); ++i)
        ids << input.data.id(i);
    input.sources = FigureSources::load(store, ids);
    return input;
}
