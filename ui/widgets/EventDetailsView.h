#pragma once

#include "model/Category.h"
#include "model/Event.h"
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

    void showEvent(const Event &event, const QHash<QString, Source> &sources,
                   const QList<Category> &categories);
    void clearEvent();

signals:
    // A link the user clicked that LinkPolicy allows; the window opens it.
    void openLinkRequested(const QUrl &url);
    // A link that was refused, with the reason, for the status bar.
    void linkRefused(const QString &reason);

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
    };
    std::optional<Shown> m_shown;
};
