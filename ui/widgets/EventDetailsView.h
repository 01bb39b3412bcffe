#pragma once

#include "model/Category.h"
#include "model/Event.h"
#include "model/Relation.h"
#include "model/Source.h"

#include <QHash>
#include <QTextBrowser>

#include <optional>

// The details of one event: title, date at its precision, status (explained), actors, chips,
// the Markdown description (rendered without raw HTML), and every source with its outlet,
// title, date, the supporting quote and its full address. Only http, https and mailto links
// are opened, through LinkPolicy; anything else is refused with a message.
class EventDetailsView : public QTextBrowser {
    Q_OBJECT

public:
    explicit EventDetailsView(QWidget *parent = nullptr);

    // `sources`: those the event and its relations cite; `related`: the events at the other
    // end of its relations, by uid.
    void showEvent(const Event &event, const QHash<QString, Source> &sources,
                   const QList<Category> &categories, const QList<Relation> &relations = {},
                   const QHash<QString, Event> &related = {});
    void clearEvent();
    // Whether each relation offers Edit and Remove (not in a read-only timeline).
    void setEditable(bool editable);

signals:
    // A link the user clicked that LinkPolicy allows; the window opens it.
    void openLinkRequested(const QUrl &url);
    // A link that was refused, with the reason, for the status bar.
    void linkRefused(const QString &reason);
    // A related event's title was clicked: the window selects it (walking the chain).
    void relatedEventRequested(const QString &uid);
    // Edit or Remove was clicked on one of the shown event's relations.
    void editRelationRequested(const Event &shown, const Relation &relation);
    void removeRelationRequested(const Event &shown, const Relation &relation);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onAnchorClicked(const QUrl &url);
    void replaceImagesWithText();
    // `wanted`, or as near to it as reads on the palette's background (TextContrast).
    [[nodiscard]] QString readableColor(const QColor &wanted) const;

    // What is shown, to be written again in the colours of a new palette.
    struct Shown {
        Event event;
        QHash<QString, Source> sources;
        QList<Category> categories;
        QList<Relation> relations;
        QHash<QString, Event> related;
    };
    // The Relations section: what the event answers and what answers it, with the evidence.
    [[nodiscard]] QString relationsHtml(const Shown &shown, const QString &quoteColor,
                                        const QString &mutedColor, const QString &warningColor,
                                        const QString &linkColor) const;
    std::optional<Shown> m_shown;
    bool m_editable = true;
};
