#pragma once

#include "model/history/Revision.h"

#include <QJsonObject>
#include <QList>

#include <optional>

// A field change's new value need not be stored (docs/history.md, "Storage"): it is what came
// next, namely the old value of the item's next change of that field, the field's value in the
// item as its next deletion found it ("*" with the whole item as its old value), or, when
// nothing came after, the field's value in the item now. A store that keeps only old values
// (reverse deltas) gives its readers the new ones through this.
namespace RevisionNewValues {

// Fills in the new values of `chain`'s changes marked in `lacking`. `chain` holds one item's
// changes in their order (revision, then place in the revision), every one of them from the
// first that lacks its new value to the last the item has; `now` is the item as it is now
// (nothing: it does not exist).
void fill(const QList<RevisionChange *> &chain, const QList<bool> &lacking,
          std::optional<QJsonObject> now);

} // namespace RevisionNewValues
