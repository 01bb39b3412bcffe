#pragma once

#include "model/Category.h"
#include "model/Event.h"
#include "model/Relation.h"
#include "model/Source.h"
#include "model/history/Revision.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <optional>

// Events, sources and categories as JSON objects of their fields, the form in which
// revisions record them (backend-neutral: every store records the same fields).
namespace EntitySnapshot {

[[nodiscard]] QJsonObject fromEvent(const Event &event);
[[nodiscard]] Event toEvent(const QString &uid, const QJsonObject &fields);
// One recorded field (as fromEvent names and writes it) put into `event`; an unknown field
// changes nothing, an absent value (undefined) gives the field's default.
void setEventField(Event &event, QStringView field, const QJsonValue &value);
[[nodiscard]] QJsonObject fromSource(const Source &source);
[[nodiscard]] Source toSource(const QString &uid, const QJsonObject &fields);
void setSourceField(Source &source, QStringView field, const QJsonValue &value);
[[nodiscard]] QJsonObject fromCategory(const Category &category);
[[nodiscard]] Category toCategory(const QJsonObject &fields);
// A relation is recorded under the key of its two events and type (relationKey: the compact
// JSON array ["FROM-UID","type","TO-UID"]), with its note and citations as fields.
[[nodiscard]] QString relationKey(const Relation &relation);
[[nodiscard]] QJsonObject fromRelation(const Relation &relation);
// Nothing when `key` is not a relation's key.
[[nodiscard]] std::optional<Relation> toRelation(const QString &key, const QJsonObject &fields);

// A value as compact JSON text, and back (a null QString reads as an undefined value).
[[nodiscard]] QString valueText(const QJsonValue &value);
[[nodiscard]] QJsonValue valueFromText(const QString &text);

// The changes from `before` to `after` (either may be absent): "*" for a created or deleted
// item, else one change per field whose value differs, in the order of the fields' names.
[[nodiscard]] QList<RevisionChange> diff(const QString &entity, const QString &uid,
                                         const std::optional<QJsonObject> &before,
                                         const std::optional<QJsonObject> &after);

} // namespace EntitySnapshot
