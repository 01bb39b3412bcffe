#include "model/formats/TranslationsJson.h"

namespace TranslationsJson {

void write(JsonWriter &json, const EventTranslations &translations) {
    if (translations.isEmpty())
        return;
    json.key(u"translations");
    json.beginObject();
    for (auto it = translations.cbegin(); it != translations.cend(); ++it) {
        json.key(it.key());
        json.beginObject();
        if (!it->title.isEmpty()) {
            json.key(u"title");
            json.value(it->title);
        }
        if (!it->summary.isEmpty()) {
            json.key(u"summary");
            json.value(it->summary);
        }
        json.endObject();
    }
    json.endObject();
}

void write(JsonWriter &json, const LabelTranslations &translations) {
    if (translations.isEmpty())
        return;
    json.key(u"translations");
    json.beginObject();
    for (auto it = translations.cbegin(); it != translations.cend(); ++it) {
        json.key(it.key());
        json.beginObject();
        json.key(u"label");
        json.value(*it);
        json.endObject();
    }
    json.endObject();
}

} // namespace TranslationsJson
