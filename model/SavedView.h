#pragma once

#include <QString>

// A named search + filter + zoom. `filter` is the short shareable text form of the filter.
struct SavedView
{
    qint64 id = 0;
    QString name;
    QString filter;

    friend bool operator==(const SavedView &, const SavedView &) = default;
};
