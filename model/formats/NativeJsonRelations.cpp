#include "model/formats/NativeJsonRelations.h"

#include "model/formats/JsonWriter.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace NativeJsonRelations {

bool read(const QJsonArray &array, const QSet<QString> &eventUids, const QSet<QString> &sourceUids,
          QList<Relation> *out, Problem *problem) {
    QSet<QString> keys;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const auto fail = [&](const QString &field, const QString &message) {
            *problem = {i, field, message};
            return false;
        };
        if (!array.at(i).isObject())
            return fail({}, u"must be an object"_s);
        const QJsonObject object = array.at(i).toObject();
        Relation relation;
        for (const auto &[key, target] :
             {std::pair{u"from"_s, &relation.fromUid}, std::pair{u"to"_s, &relation.toUid}}) {
            const QJsonValue value = object.value(key);
            if (value.isUndefined() || value.isNull())
                return fail(key, u"missing"_s);
            if (!value.isString())
                return fail(key, u"must be a string"_s);
            *target = value.toString();
            if (!eventUids.contains(*target))
                return fail(key, u"names event %1, which the file does not contain"_s.arg(*target));
        }
        const QJsonValue type = object.value(u"type"_s);
        const std::optional<RelationType> parsed =
            type.isString() ? relationTypeFromKey(type.toString()) : std::nullopt;
        if (!parsed)
            return fail(u"type"_s, u"'%1' is not one of %2"_s.arg(
                                       type.isString() ? type.toString() : u"(none)"_s,
                                       relationTypeKeys().join(u", "_s)));
        relation.type = *parsed;
        if (relation.fromUid == relation.toUid)
            return fail(u"to"_s, u"event %1 cannot be related to itself"_s.arg(relation.fromUid));
        const QJsonValue note = object.value(u"note"_s);
        if (!note.isUndefined() && !note.isNull() && !note.isString())
            return fail(u"note"_s, u"must be a string"_s);
        relation.note = note.toString();
        const QJsonValue links = object.value(u"sources"_s);
        if (!links.isUndefined() && !links.isNull() && !links.isArray())
            return fail(u"sources"_s, u"must be an array"_s);
        const QJsonArray citations = links.toArray();
        for (qsizetype k = 0; k < citations.size(); ++k) {
            const QJsonObject link = citations.at(k).toObject();
            Citation citation{link.value(u"source"_s).toString(), link.value(u"quote"_s).toString(),
                              link.value(u"locator"_s).toString()};
            if (!sourceUids.contains(citation.sourceUid))
                return fail(u"sources[%1].source"_s.arg(k),
                            citation.sourceUid.isEmpty()
                                ? u"missing source uid"_s
                                : u"cites source %1, which the file does not contain"_s.arg(
                                      citation.sourceUid));
            relation.citations << citation;
        }
        const QString key =
            relation.fromUid + u'\n' + relationTypeKey(relation.type) + u'\n' + relation.toUid;
        if (keys.contains(key))
            return fail({}, u"%1 %2 %3 appears twice"_s.arg(
                                relation.fromUid, relationTypeKey(relation.type), relation.toUid));
        keys.insert(key);
        *out << std::move(relation);
    }
    return true;
}

void writeRelation(JsonWriter &json, const Relation &relation) {
    json.beginObject();
    json.key(u"from");
    json.value(relation.fromUid);
    json.key(u"to");
    json.value(relation.toUid);
    json.key(u"type");
    json.value(relationTypeKey(relation.type));
    json.key(u"note");
    json.value(relation.note);
    json.key(u"sources");
    writeCitations(json, relation.citations);
    json.endObject();
}

void writeCitations(JsonWriter &json, const QList<Citation> &citations) {
    json.beginArray();
    for (const Citation &citation : citations) {
        json.beginObject();
        json.key(u"source");
        json.value(citation.sourceUid);
        json.key(u"quote");
        json.value(citation.quote);
        json.key(u"locator");
        json.value(citation.locator);
        json.endObject();
    }
    json.endArray();
}

} // namespace NativeJsonRelations
