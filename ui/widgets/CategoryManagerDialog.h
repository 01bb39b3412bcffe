#pragma once

#include "model/Category.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class StoreCommand;
class TimelineStore;

// The lanes: name (the key files use), label, colour and order. Each change is applied at
// once as an undoable command, so there is nothing to save; deleting a category asks where
// its events go.
class CategoryManagerDialog : public QDialog {
    Q_OBJECT

public:
    // `push` runs a command on the undo stack; it returns whether the change was written.
    using Push = std::function<bool(StoreCommand *)>;
    CategoryManagerDialog(TimelineStore &store, Push push, QWidget *parent = nullptr);

    void reload();

private:
    [[nodiscard]] int currentRow() const;
    void showCurrent();
    void commitNameAndLabel();
    void chooseColor();
    void addCategory();
    void deleteCategory();
    void move(int step);
    void saveChanged(const QList<Category> &after, const QString &text);
    [[nodiscard]] QString nameProblem(const QString &name) const;

    TimelineStore &m_store;
    Push m_push;
    QList<Category> m_categories;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameError = nullptr;
    QLineEdit *m_label = nullptr;
    QLineEdit *m_germanLabel = nullptr;
    QPushButton *m_color = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
};
