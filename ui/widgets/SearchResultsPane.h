#pragma once

#include "model/EventFilter.h"

#include <QWidget>

class QLabel;
class QTextBrowser;
class TimelineData;
class TimelineStore;

// What a search found, best first: events and then sources, each with its title and a
// snippet in which the matched words are highlighted. Clicking an event shows it on the
// timeline; clicking a source shows it in the sources pane.
class SearchResultsPane : public QWidget {
    Q_OBJECT

public:
    explicit SearchResultsPane(QWidget *parent = nullptr);

    // Runs the search (nothing for empty text) among the events `filter` selects.
    // `among`, when given, holds the events `filter` leaves (the window's snapshot after the
    // filter, without the search): the search then filters its matches in memory.
    void search(const TimelineStore &store, const QString &userText, const EventFilter &filter,
                const TimelineData *among = nullptr);
    [[nodiscard]] QTextBrowser *results() const { return m_results; }
    [[nodiscard]] int eventHitCount() const { return m_eventHits; }
    [[nodiscard]] int sourceHitCount() const { return m_sourceHits; }

signals:
    void eventActivated(qint64 eventId);
    void sourceActivated(const QString &sourceUid);

private:
    QLabel *m_summary = nullptr;
    QTextBrowser *m_results = nullptr;
    int m_eventHits = 0;
    int m_sourceHits = 0;
};
