#include "model/DataTranslations.h"

#include "model/Category.h"
#include "model/Event.h"

#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace DataTranslations {

bool isLanguageCode(const QString &code) {
    if (code.size() < 2 || code.size() > 3)
        return false;
    for (const QChar c : code)
        if (c < u'a' || c > u'z')
            return false;
    return true;
}

QJsonObject toJson(const EventTranslations &translations) {
    QJsonObject object;
    for (auto it = translations.cbegin(); it != translations.cend(); ++it) {
        if (it->isEmpty())
            continue;
        QJsonObject texts;
        if (!it->title.isEmpty())
            texts.insert(u"title"_s, it->title);
        if (!it->summary.isEmpty())
            texts.insert(u"summary"_s, it->summary);
        object.insert(it.key(), texts);
    }
    return object;
}

QJsonObject toJson(const LabelTranslations &translations) {
    QJsonObject object;
    for (auto it = translations.cbegin(); it != translations.cend(); ++it)
        if (!it->isEmpty())
            object.insert(it.key(), QJsonObject{{u"label"_s, *it}});
    return object;
}

namespace {

void noteError(QString *error, const QString &message) {
    if (error && error->isEmpty())
        *error = message;
}

// Whether one entry of a translations object is a language code with an object of texts;
// else the error is noted and the entry is skipped.
bool isLanguageEntry(const QString &language, const QJsonValue &texts, QString *error) {
    if (!isLanguageCode(language)) {
        noteError(
            error,
            u"\"%1\" is not a language code (use two or three lowercase letters: \"de\")"_s.arg(
                language));
        return false;
    }
    if (!texts.isObject()) {
        noteError(error, u"%1 must be an object"_s.arg(language));
        return false;
    }
    return true;
}

} // namespace

EventTranslations eventTranslationsFromJson(const QJsonObject &object, QString *error) {
    EventTranslations translations;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!isLanguageEntry(it.key(), it.value(), error))
            continue;
        const QJsonObject texts = it->toObject();
        const EventTranslation translation{texts.value(u"title"_s).toString().trimmed(),
                                           texts.value(u"summary"_s).toString()};
        if (!translation.isEmpty())
            translations.insert(it.key(), translation);
    }
    return translations;
}

LabelTranslations labelTranslationsFromJson(const QJsonObject &object, QString *error) {
    LabelTranslations translations;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!isLanguageEntry(it.key(), it.value(), error))
            continue;
        const QString label = it->toObject().value(u"label"_s).toString().trimmed();
        if (!label.isEmpty())
            translations.insert(it.key(), label);
    }
    return translations;
}

namespace {

QString compactText(const QJsonObject &object) {
    if (object.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject objectFromText(const QString &text) {
    if (text.isEmpty())
        return {};
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

QString toText(const EventTranslations &translations) {
    return compactText(toJson(translations));
}

QString toText(const LabelTranslations &translations) {
    return compactText(toJson(translations));
}

EventTranslations eventTranslationsFromText(const QString &text) {
    return eventTranslationsFromJson(objectFromText(text));
}

LabelTranslations labelTranslationsFromText(const QString &text) {
    return labelTranslationsFromJson(objectFromText(text));
}

QString searchText(const EventTranslations &translations) {
    const bool any = std::any_of(translations.cbegin(), translations.cend(),
                                 [](const EventTranslation &t) { return !t.isEmpty(); });
    if (!any)
        return {};
    const EventTranslation german = translations.value(u"de"_s);
    return u' ' + german.title + u' ' + german.summary;
}

QString title(const Event &event, const QString &language) {
    const auto it = event.translations.constFind(language);
    return it != event.translations.cend() && !it->title.isEmpty() ? it->title : event.title;
}

QString summary(const Event &event, const QString &language) {
    const auto it = event.translations.constFind(language);
    return it != event.translations.cend() && !it->summary.isEmpty() ? it->summary : event.summary;
}

QString label(const Category &category, const QString &language) {
    const QString translated = category.labelTranslations.value(language);
    return translated.isEmpty() ? category.displayName() : translated;
}

} // namespace DataTranslations
