#pragma once

#include "model/Category.h"
#include "model/EditCommands.h"

#include <QDialog>

class NameListEdit;
class QComboBox;
class QPushButton;

// One change for several events: category, status, tags to add and to remove. Fields left
// at "(unchanged)" or empty change nothing.
class BulkEditDialog : public QDialog {
    Q_OBJECT

public:
    BulkEditDialog(int eventCount, const QList<Category> &categories, const QStringList &tags,
                   QWidget *parent = nullptr);
    [[nodiscard]] BulkChange change() const;

private:
    QComboBox *m_category = nullptr;
    QComboBox *m_status = nullptr;
    NameListEdit *m_addTags = nullptr;
    NameListEdit *m_removeTags = nullptr;
    QPushButton *m_ok = nullptr;
};
