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
