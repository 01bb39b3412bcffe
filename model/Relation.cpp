#include "model/Relation.h"

#include <QCoreApplication>

#include <array>

using namespace Qt::StringLiterals;

namespace {

constexpr std::array relationTypes{RelationType::RespondsTo, RelationType::Amends,
                                   RelationType::Replaces,   RelationType::Rescinds,
                                   RelationType::Implements, RelationType::FollowsFrom};

} // namespace

QString relationTypeKey(RelationType type) {
    switch (type) {
    case RelationType::RespondsTo:
        return u"responds-to"_s;
    case RelationType::Amends:
        return u"amends"_s;
    case RelationType::Replaces:
        return u"replaces"_s;
    case RelationType::Rescinds:
        return u"rescinds"_s;
    case RelationType::Implements:
        return u"implements"_s;
    case RelationType::FollowsFrom:
        return u"follows-from"_s;
    }
    return u"responds-to"_s;
}

std::optional<RelationType> relationTypeFromKey(QStringView key) {
    const QStringView k = key.trimmed();
    for (RelationType type : relationTypes) {
        const QString name = relationTypeKey(type);
        if (k.compare(name, Qt::CaseInsensitive) == 0 ||
            k.compare(QString(name).replace(u'-', u' '), Qt::CaseInsensitive) == 0 ||
            k.compare(QString(name).remove(u'-'), Qt::CaseInsensitive) == 0)
            return type;
    }
    return std::nullopt;
}

QStringList relationTypeKeys() {
    QStringList keys;
    for (RelationType type : relationTypes)
        keys << relationTypeKey(type);
    return keys;
}

QString relationTypeLabel(RelationType type) {
    switch (type) {
    case RelationType::RespondsTo:
        return QCoreApplication::translate("Relation", "responds to");
    case RelationType::Amends:
        return QCoreApplication::translate("Relation", "amends");
    case RelationType::Replaces:
        return QCoreApplication::translate("Relation", "replaces");
    case RelationType::Rescinds:
        return QCoreApplication::translate("Relation", "rescinds");
    case RelationType::Implements:
        return QCoreApplication::translate("Relation", "implements");
    case RelationType::FollowsFrom:
        return QCoreApplication::translate("Relation", "follows from");
    }
    return {};
}

QString relationTypeInverseLabel(RelationType type) {
    switch (type) {
    case RelationType::RespondsTo:
        return QCoreApplication::translate("Relation", "answered by");
    case RelationType::Amends:
        return QCoreApplication::translate("Relation", "amended by");
    case RelationType::Replaces:
        return QCoreApplication::translate("Relation", "replaced by");
    case RelationType::Rescinds:
        return QCoreApplication::translate("Relation", "rescinded by");
    case RelationType::Implements:
        return QCoreApplication::translate("Relation", "implemented by");
    case RelationType::FollowsFrom:
        return QCoreApplication::translate("Relation", "leads to");
    }
    return {};
}

bool relationEndsForce(RelationType type) {
    return type == RelationType::Rescinds || type == RelationType::Replaces;
}
