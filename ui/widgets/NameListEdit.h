#pragma once

#include <QLineEdit>
#include <QStringList>

class QCompleter;
class QStringListModel;

// A comma-separated list of names ("Nvidia, US Commerce") that completes each name from the
// ones already in the database; a name not among them is simply new.
class NameListEdit : public QLineEdit {
    Q_OBJECT

public:
    explicit NameListEdit(QWidget *parent = nullptr);

    void setKnownNames(const QStringList &names);
    void setNames(const QStringList &names);
    // The names typed, trimmed, empty ones and repeats (ignoring case) left out.
    [[nodiscard]] QStringList names() const;

private:
    void completeCurrent();
    void insertCompletion(const QString &name);

    QCompleter *m_completer = nullptr;
    QStringListModel *m_model = nullptr;
};
