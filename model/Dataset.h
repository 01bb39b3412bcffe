#pragma once

#include "model/Category.h"
#include "model/Event.h"
#include "model/SavedView.h"
#include "model/Source.h"

#include <QList>
#include <QString>

// Everything a file can carry: what the native exchange format reads and writes, what
// importers produce and what the store takes in one transaction.
struct Dataset
{
    QString title;
    QList<Category> categories;
    QList<Source> sources;
    QList<Event> events;
    QList<SavedView> savedViews;

    friend bool operator==(const Dataset &, const Dataset &) = default;
};
