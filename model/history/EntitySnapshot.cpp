#include "model/history/EntitySnapshot.h"

#include "model/EventStatus.h"
#include "model/IsoTimeStamp.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace EntitySnapshot {

namespace {

QJsonArray stringArray(const QStringList &list) {
    return QJsonArray::fromStringList(list);
}

QStringList stringList(const QJsonValue &value) {
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

QString timeText(const QDateTime &time) {
    return time.isValid() ? isoUtcText(time.toUTC()) : QString();
}

QDateTime timeFromText(const QJsonValue &value) {
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    if (const std::optional<QDateTime> time = isoUtcTimeStamp(text.utf16(), text.size()))
        return *time;
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

PartialDate dateFromText(const QJsonValue &value) {
    return PartialDate::parseIso(value.toString()).value_or(PartialDate());
}

} // namespace

QJsonObject fromEvent(const Event &event) {
    QJsonArray citations;
    for (const Citation &citation : event.citations)
        citations.append(QJsonArray{citation.sourceUid, citation.quote, citation.locator});
    QJsonObject fields{
        {u"id"_s, double(event.id)},
        {u"title"_s, event.title},
        {u"summary"_s, event.summary},
        {u"start"_s, event.start.toIsoString()},
        {u"end"_s, event.end.toIsoString()},
        {u"category"_s, event.category},
        {u"status"_s, eventStatusKey(event.status)},
        {u"importance"_s, event.importance},
        {u"actors"_s, stringArray(event.actors)},
        {u"chips"_s, stringArray(event.chips)},
        {u"tags"_s, stringArray(event.tags)},
        {u"citations"_s, citations},
        {u"created"_s, timeText(event.created)},
        {u"modified"_s, timeText(event.modified)},
    };
    // Only when there are any, so snapshots of events without translations stay as they were.
    if (!event.translations.isEmpty())
        fields.insert(u"translations"_s, DataTranslations::toJson(event.translations));
    return fields;
}

void setEventField(Event &event, QStringView field, const QJsonValue &value) {
    if (field == u"id")
        event.id = qint64(value.toDouble());
    else if (field == u"title")
        event.title = value.toString();
    else if (field == u"summary")
        event.summary = value.toString();
    else if (field == u"start")
        event.start = dateFromText(value);
    else if (field == u"end")
        event.end = dateFromText(value);
    else if (field == u"category")
        event.category = value.toString();
    else if (field == u"status")
        event.status = eventStatusFromKey(value.toString()).value_or(EventStatus::Confirmed);
    else if (field == u"importance")
        event.importance = value.toInt(2);
    else if (field == u"actors")
        event.actors = stringList(value);
    else if (field == u"chips")
        event.chips = stringList(value);
    else if (field == u"tags")
        event.tags = stringList(value);
    else if (field == u"citations") {
        event.citations.clear();
        for (const QJsonValue &item : value.toArray()) {
            const QJsonArray citation = item.toArray();
            event.citations.append(
                {citation.at(0).toString(), citation.at(1).toString(), citation.at(2).toString()});
        }
    } else if (field == u"created")
        event.created = timeFromText(value);
    else if (field == u"modified")
        event.modified = timeFromText(value);
    else if (field == u"translations")
        event.translations = DataTranslations::eventTranslationsFromJson(value.toObject());
}

Event toEvent(const QString &uid, const QJsonObject &fields) {
    Event event; // a field the snapshot lacks keeps its default, as setEventField reads it
    event.uid = uid;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        setEventField(event, it.key(), it.value());
    return event;
}

QString relationKey(const Relation &relation) {
    return QString::fromUtf8(
        QJsonDocument(QJsonArray{relation.fromUid, relationTypeKey(relation.type), relation.toUid})
            .toJson(QJsonDocument::Compact));
}

QJsonObject fromRelation(const Relation &relation) {
    QJsonArray citations;
    for (const Citation &citation : relation.citations)
        citations.append(QJsonArray{citation.sourceUid, citation.quote, citation.locator});
    return {{u"note"_s, relation.note}, {u"citations"_s, citations}};
}

std::optional<Relation> toRelation(const QString &key, const QJsonObject &fields) {
    const QJsonArray ends = QJsonDocument::fromJson(key.toUtf8()).array();
    const std::optional<RelationType> type = relationTypeFromKey(ends.at(1).toString());
    if (ends.size() != 3 || !type)
        return std::nullopt;
    Relation relation{ends.at(0).toString(),
                      ends.at(2).toString(),
                      *type,
                      fields.value(u"note"_s).toString(),
                      {}};
    for (const QJsonValue &item : fields.value(u"citations"_s).toArray()) {
        const QJsonArray citation = item.toArray();
        relation.citations.append(
            {citation.at(0).toString(), citation.at(1).toString(), citation.at(2).toString()});
    }
    return relation;
}

QJsonObject fromSource(const Source &source) {
    return {
        {u"id"_s, double(source.id)},
        {u"kind"_s, source.kind},
        {u"title"_s, source.title},
        {u"outlet"_s, source.outlet},
        {u"authors"_s, stringArray(source.authors)},
        {u"url"_s, source.url},
        {u"doi"_s, source.doi},
        {u"published"_s, source.published.toIsoString()},
        {u"accessed"_s, source.accessed.toIsoString()},
        {u"language"_s, source.language},
        {u"excerpt"_s, source.excerpt},
        {u"notes"_s, source.notes},
    };
}

void setSourceField(Source &source, QStringView field, const QJsonValue &value) {
    if (field == u"id")
        source.id = qint64(value.toDouble());
    else if (field == u"kind")
        source.kind = value.toString();
    else if (field == u"title")
        source.title = value.toString();
    else if (field == u"outlet")
        source.outlet = value.toString();
    else if (field == u"authors")
        source.authors = stringList(value);
    else if (field == u"url")
        source.url = value.toString();
    else if (field == u"doi")
        source.doi = value.toString();
    else if (field == u"published")
        source.published = dateFromText(value);
    else if (field == u"accessed")
        source.accessed = dateFromText(value);
    else if (field == u"language")
        source.language = value.toString();
    else if (field == u"excerpt")
        source.excerpt = value.toString();
    else if (field == u"notes")
        source.notes = value.toString();
}

Source toSource(const QString &uid, const QJsonObject &fields) {
    Source source;
    source.uid = uid;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        setSourceField(source, it.key(), it.value());
    return source;
}

QJsonObject fromCategory(const Category &category) {
    QJsonObject fields{
        {u"id"_s, double(category.id)},
        {u"name"_s, category.name},
        {u"label"_s, category.label},
        {u"color"_s, category.color.isValid() ? category.color.name() : QString()},
        {u"order"_s, category.order},
    };
    if (!category.labelTranslations.isEmpty())
        fields.insert(u"translations"_s, DataTranslations::toJson(category.labelTranslations));
    return fields;
}

Category toCategory(const QJsonObject &fields) {
    Category category;
    category.id = qint64(fields.value(u"id"_s).toDouble());
    category.name = fields.value(u"name"_s).toString();
    category.label = fields.value(u"label"_s).toString();
    const QString color = fields.value(u"color"_s).toString();
    category.color = color.isEmpty() ? QColor() : QColor(color);
    category.order = fields.value(u"order"_s).toInt();
    category.labelTranslations =
        DataTranslations::labelTranslationsFromJson(fields.value(u"translations"_s).toObject());
    return category;
}

QString valueText(const QJsonValue &value) {
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QJsonValue valueFromText(const QString &text) {
    if (text.isNull())
        return QJsonValue(QJsonValue::Undefined);
    // Most recorded values are plain strings (titles, dates, keys, times): those without an
    // escape are read as they stand, the rest through the JSON parser.
    if (text.size() >= 2 && text.startsWith(u'"') && text.indexOf(u'"', 1) == text.size() - 1 &&
        !text.contains(u'\\'))
        return QJsonValue(text.mid(1, text.size() - 2));
    const QJsonDocument document = QJsonDocument::fromJson(u"[%1]"_s.arg(text).toUtf8());
    return document.array().isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                      : document.array().first();
}

QList<RevisionChange> diff(const QString &entity, const QString &uid,
                           const std::optional<QJsonObject> &before,
                           const std::optional<QJsonObject> &after) {
    QList<RevisionChange> changes;
    if (!before && !after)
        return changes;
    if (!before || !after) {
        changes.append({0, entity, uid, u"*"_s, before ? valueText(*before) : QString(),
                        after ? valueText(*after) : QString()});
        return changes;
    }
    for (auto it = after->constBegin(); it != after->constEnd(); ++it) {
        const QJsonValue old = before->value(it.key());
        if (old != it.value())
            changes.append({0, entity, uid, it.key(), valueText(old), valueText(it.value())});
    }
    // A field only some snapshots carry (translations) that is gone: its new value is absent.
    for (auto it = before->constBegin(); it != before->constEnd(); ++it)
        if (!after->contains(it.key()))
            changes.append({0, entity, uid, it.key(), valueText(it.value()), QString()});
    return changes;
}

} // namespace EntitySnapshot
