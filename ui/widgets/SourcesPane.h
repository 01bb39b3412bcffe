#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;
class SourceTableModel;
class TimelineStore;

// The sources of the database beside the timeline: a sortable, filterable table; the selected
// source's excerpt, address and notes; and the events that cite it, each with its quote.
// Clicking such an event asks the window to show it on the timeline.
class SourcesPane : public QWidget {
    Q_OBJECT

public:
    explicit SourcesPane(QWidget *parent = nullptr);

    void reload(const TimelineStore &store);
    void selectSource(const QString &uid);
    [[nodiscard]] QString selectedSourceUid() const;
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QTextBrowser *details() const { return m_details; }

signals:
    void eventActivated(qint64 eventId);
    void openLinkRequested(const QUrl &url);
    void linkRefused(const QString &reason);

private:
    void showSelected();

    const TimelineStore *m_store = nullptr;
    SourceTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_details = nullptr;
};
