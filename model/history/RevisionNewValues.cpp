// Reverse deltas: a field change's new value from what came after it (see RevisionNewValues.h).

#include "model/history/RevisionNewValues.h"

#include "model/history/EntitySnapshot.h"

using namespace Qt::StringLiterals;

namespace RevisionNewValues {

void fill(const QList<RevisionChange *> &chain, const QList<bool> &lacking,
          std::optional<QJsonObject> now) {
    // EntitySnapshot::diff records a field an item gained with the text of an undefined value
    // as its old value, and a field it lost with no new value.
    const QString absent = EntitySnapshot::valueText(QJsonValue(QJsonValue::Undefined));
    // Walking back from now: `item` is the item as it was just after the change at hand.
    std::optional<QJsonObject> item = std::move(now);
    for (qsizetype i = chain.size() - 1; i >= 0; --i) {
        RevisionChange &change = *chain.at(i);
        if (change.field == u"*"_s) {
            item = change.oldValue.isNull()
                       ? std::nullopt
                       : std::optional(EntitySnapshot::valueFromText(change.oldValue).toObject());
            continue;
        }
        if (lacking.at(i))
            change.newValue = item && item->contains(change.field)
                                  ? EntitySnapshot::valueText(item->value(change.field))
                                  : QString();
        if (!item)
            item = QJsonObject();
        if (change.oldValue.isNull() || change.oldValue == absent)
            item->remove(change.field);
        else
            item->insert(change.field, EntitySnapshot::valueFromText(change.oldValue));
    }
}

} // namespace RevisionNewValues
