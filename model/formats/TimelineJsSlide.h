#pragma once

#include "model/Category.h"
#include "model/Event.h"
#include "model/PartialDate.h"
#include "model/Source.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

class LinkedSources;

// One TimelineJS slide, as both its JSON and its spreadsheet carry it, and the mapping to
// and from our Event (docs/formats.md, "TimelineJS"). Shared by the two TimelineJS formats so
// they map the same way.
struct TimelineJsSlide {
    PartialDate start;
    PartialDate end;
    QString headline; // HTML
    QString text;     // HTML
    QString mediaUrl;
    QString mediaCredit;  // HTML
    QString mediaCaption; // HTML
    QString group;
    QString uniqueId;
    bool era = false;
    // The event's title and summary in other languages (Markdown, as our native file holds
    // them): TimelineJS ignores the key, and import gives them back.
    EventTranslations translations;

    // The category eras are imported into and exported from.
    [[nodiscard]] static QString eraCategory();

    // Headline and text → title and Markdown summary; links in the text and an article in
    // the media → sources (gathered in *sources) the event cites. The media's citation has
    // the locator "media", so export puts it back in the media. On a problem (no headline
    // to name the event) std::nullopt and *error set.
    [[nodiscard]] std::optional<Event> toEvent(LinkedSources *sources, QString *error) const;
    // The group (TimelineJS's lane) is what people read: the category's label from
    // `laneLabels` (key → label, see laneLabels()), the key where there is none.
    [[nodiscard]] static TimelineJsSlide fromEvent(const Event &event,
                                                   const QHash<QString, Source> &sourcesByUid,
                                                   const QHash<QString, QString> &laneLabels = {});
    // Category key → label for the categories that have one.
    [[nodiscard]] static QHash<QString, QString> laneLabels(const QList<Category> &categories);

    // A date from TimelineJS's parts; month and day 0 when not given. Reasons read like
    // "day 30 does not exist in February 2025".
    [[nodiscard]] static std::optional<PartialDate> dateFromParts(qint64 year, qint64 month,
                                                                  qint64 day, QString *reason);
    // "2025", " 2,025 " → 2025 (commas and spaces ignored); empty → 0; nullopt if not a number.
    [[nodiscard]] static std::optional<qint64> number(QStringView text);
    // Whether an address is a picture rather than an article.
    [[nodiscard]] static bool isImageUrl(const QString &url);
};
