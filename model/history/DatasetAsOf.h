#pragma once

#include "model/Dataset.h"
#include "model/history/Revision.h"

#include <optional>

// A dataset as it stood at an earlier revision: the current one with the changes of every
// later revision undone, newest first (backend-neutral; see TimelineStore::datasetAsOf).
// `laterChanges` are those changes in the order they were written (oldest first). The
// result is in the order the store reads a dataset: categories by order and name, sources
// by publication date, title and row id, events by their span of days and row id.
[[nodiscard]] Dataset datasetAsOf(const Dataset &current,
                                  const QList<RevisionChange> &laterChanges);

// One event as it stood at an earlier revision: `current` (nullopt: not stored now) with the
// later changes of the event `uid` undone, newest first. nullopt when it did not exist then.
// Restore (the History pane) puts this back as a new revision.
[[nodiscard]] std::optional<Event> eventAsOf(const std::optional<Event> &current,
                                             const QString &uid,
                                             const QList<RevisionChange> &laterChanges);
