#pragma once

// An event's or a category's translations in a JSON file ("translations": {"de": {…}}, see
// DataTranslations), written only when there are any, so a file without translations is
// written as before. Shared by the native format and TimelineJS.

#include "model/DataTranslations.h"
#include "model/formats/JsonWriter.h"

namespace TranslationsJson {

void write(JsonWriter &json, const EventTranslations &translations);
void write(JsonWriter &json, const LabelTranslations &translations);

} // namespace TranslationsJson
