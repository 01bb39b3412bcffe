#pragma once

// Translations of an event's title and summary and of a category's label, per language
// ("de"): the original text stays in Event::title/summary and Category::label, and a reader in
// another language sees the translation where one exists and the original otherwise.
//
// Stores and files keep them as one JSON object per event or category, keyed by language:
//   event:    {"de": {"title": "…", "summary": "…"}}
//   category: {"de": {"label": "…"}}
// (empty texts are left out; no translation at all is no object).

#include <QJsonObject>
#include <QMap>
#include <QString>

struct Event;
struct Category;

struct EventTranslation {
    QString title;
    QString summary; // Markdown

    [[nodiscard]] bool isEmpty() const { return title.isEmpty() && summary.isEmpty(); }
    friend bool operator==(const EventTranslation &, const EventTranslation &) = default;
};

using EventTranslations = QMap<QString, EventTranslation>; // by language code
using LabelTranslations = QMap<QString, QString>;          // by language code

namespace DataTranslations {

// The language codes a translation may carry: two or three lowercase letters ("de").
[[nodiscard]] bool isLanguageCode(const QString &code);

[[nodiscard]] QJsonObject toJson(const EventTranslations &translations);
[[nodiscard]] QJsonObject toJson(const LabelTranslations &translations);
// Reads what toJson writes; entries with a bad language code or no text are skipped, and
// `error` (when given) names the first of them.
[[nodiscard]] EventTranslations eventTranslationsFromJson(const QJsonObject &object,
                                                          QString *error = nullptr);
[[nodiscard]] LabelTranslations labelTranslationsFromJson(const QJsonObject &object,
                                                          QString *error = nullptr);

// The compact JSON text a store keeps in its `translations` column; empty when there is none.
[[nodiscard]] QString toText(const EventTranslations &translations);
[[nodiscard]] QString toText(const LabelTranslations &translations);
[[nodiscard]] EventTranslations eventTranslationsFromText(const QString &text);
[[nodiscard]] LabelTranslations labelTranslationsFromText(const QString &text);

// What the search index adds to an event's summary: " " + title + " " + summary of the
// German translation, empty when the event has no translation at all. SQLite's view
// event_search_text computes the same text.
[[nodiscard]] QString searchText(const EventTranslations &translations);

// What a reader in `language` sees: the translation when there is one, else the original.
[[nodiscard]] QString title(const Event &event, const QString &language);
[[nodiscard]] QString summary(const Event &event, const QString &language);
[[nodiscard]] QString label(const Category &category, const QString &language);

} // namespace DataTranslations
