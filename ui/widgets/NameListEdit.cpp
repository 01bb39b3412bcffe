#include "ui/widgets/NameListEdit.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QStringListModel>

using namespace Qt::StringLiterals;

NameListEdit::NameListEdit(QWidget *parent)
    : QLineEdit(parent)
    , m_completer(new QCompleter(this))
    , m_model(new QStringListModel(this)) {
    m_completer->setModel(m_model);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    // Not QLineEdit::setCompleter: that would complete the whole text, not the last name.
    m_completer->setWidget(this);
    connect(this, &QLineEdit::textEdited, this, &NameListEdit::completeCurrent);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &NameListEdit::insertCompletion);
}

void NameListEdit::setKnownNames(const QStringList &names) {
    m_model->setStringList(names);
}

void NameListEdit::setNames(const QStringList &names) {
    setText(names.join(u", "_s));
}

QStringList NameListEdit::names() const {
    QStringList result;
    for (const QString &part : text().split(u',')) {
        const QString name = part.simplified();
        if (!name.isEmpty() && !result.contains(name, Qt::CaseInsensitive))
            result << name;
    }
    return result;
}

void NameListEdit::completeCurrent() {
    const QString before = text().left(cursorPosition());
    const QString current = before.mid(before.lastIndexOf(u',') + 1).trimmed();
    if (current.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(current);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
}

void NameListEdit::insertCompletion(const QString &name) {
    // Replace only the name being typed; the ones before and after it stay as they are.
    const QString full = text();
    const int cursor = cursorPosition();
    const qsizetype start = full.left(cursor).lastIndexOf(u',') + 1;
    qsizetype end = full.indexOf(u',', cursor);
    if (end < 0)
        end = full.size();
    const QString prefix = full.left(start);
    const QString suffix = full.mid(end);
    const QString inserted = (start > 0 ? u" "_s : QString()) + name;
    setText(prefix + inserted + (suffix.isEmpty() ? u", "_s : suffix));
    setCursorPosition(int(prefix.size() + inserted.size()) + (suffix.isEmpty() ? 2 : 0));
}
