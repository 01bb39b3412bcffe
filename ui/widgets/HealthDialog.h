#pragma once

#include "model/DatasetHealth.h"

#include <QDialog>

class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;
class TimelineStore;

// Tools → Dataset Health: what a careful editor would look at before publishing (unsourced
// events, sources nobody could find again, dates that do not fit their sources), grouped
// by kind with a line on why each matters. Activating a finding asks the window to show the
// event or source it names. Non-modal: it stays open beside the timeline while fixing.
class HealthDialog : public QDialog {
    Q_OBJECT

public:
    enum Role { KindRole = Qt::UserRole + 1, UidRole, IsEventRole, ExplanationRole };

    explicit HealthDialog(const TimelineStore &store, QWidget *parent = nullptr);

    [[nodiscard]] QTreeWidget *tree() const { return m_tree; }
    [[nodiscard]] int findingCount() const { return m_findingCount; }
    [[nodiscard]] static QString kindTitle(HealthFinding::Kind kind);
    [[nodiscard]] static QString kindExplanation(HealthFinding::Kind kind);

public slots:
    // Checks the database again.
    void refresh();

signals:
    void eventRequested(qint64 id);
    void sourceRequested(const QString &uid);

private:
    void activate(QTreeWidgetItem *item);

    const TimelineStore &m_store;
    int m_findingCount = 0;
    QLabel *m_summary = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTreeWidget *m_tree = nullptr;
};
