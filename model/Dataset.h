#pragma once

#include "model/Category.h"
#include "model/Event.h"
#include "model/Relation.h"
#include "model/SavedView.h"
#include "model/Source.h"

#include <QList>
#include <QString>

#include <functional>

// Everything a file can carry: what the native exchange format reads and writes, what
// importers produce and what the store takes in one transaction.
struct Dataset {
    QString title;
    QList<Category> categories;
    QList<Source> sources;
    QList<Event> events;
    QList<SavedView> savedViews;
    // How events answer each other (see Relation); both ends are among `events` or stored.
    QList<Relation> relations;

    friend bool operator==(const Dataset &, const Dataset &) = default;
};

// Receives a dataset in parts from a reader that hands it over while reading (see
// FileImport): each part holds what was read since the last one, `last` is set on the final
// part. Returns false to stop the reading.
using DatasetPartReceiver = std::function<bool(Dataset &&part, bool last)>;
