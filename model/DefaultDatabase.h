#pragma once

#include "model/StoreError.h"

#include <QString>

class TimelineStore;

// Where the researcher's own database lives, and the dataset it starts with.
class DefaultDatabase {
public:
    // <AppDataLocation>/chiptimeline.sqlite; the folder is created if missing.
    [[nodiscard]] static QString path();
    // The bundled dataset (resources/dataset/default.chiptimeline.json).
    [[nodiscard]] static QString datasetResource();
    // Fills a store that has never held anything with the bundled dataset, in one
    // transaction. A store that has data, or was emptied by its owner, is left alone.
    static bool fillIfNew(TimelineStore &store, StoreError *error);
};
