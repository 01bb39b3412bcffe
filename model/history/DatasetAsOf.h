#pragma once

#include "model/Dataset.h"
#include "model/history/Revision.h"

// A dataset as it stood at an earlier revision: the current one with the changes of every
// later revision undone, newest first (backend-neutral; see TimelineStore::datasetAsOf).
// `laterChanges` are those changes in the order they were written (oldest first). The
// result is in the order the store reads a dataset: categories by order and name, sources
// by publication date, title and row id, events by their span of days and row id.
[[nodiscard]] Dataset datasetAsOf(const Dataset &current,
                                  const QList<RevisionChange> &laterChanges);
