#include "ui/widgets/CategoryManagerDialog.h"

#include "model/EditCommands.h"
#include "model/store/TimelineStore.h"
#include "ui/widgets/FieldMessages.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QIcon swatch(const QColor &color) {
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(0.5, 0.5, 13, 13), 3, 3);
    return QIcon(pixmap);
}
} // namespace

CategoryManagerDialog::CategoryManagerDialog(TimelineStore &store, Push push, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_push(std::move(push)) {
    setObjectName(u"CategoryManagerDialog"_s);
    setWindowTitle(tr("Manage Categories"));

    m_list = new QListWidget(this);
    m_list->setObjectName(u"categories"_s);
    m_list->setMinimumWidth(220);
    m_list->setIconSize(QSize(14, 14));
    connect(m_list, &QListWidget::currentRowChanged, this, &CategoryManagerDialog::showCurrent);

    m_add = new QPushButton(tr("&Add"), this);
    m_delete = new QPushButton(tr("&Delete…"), this);
    m_up = new QPushButton(tr("Move &Up"), this);
    m_down = new QPushButton(tr("Move Do&wn"), this);
    connect(m_add, &QPushButton::clicked, this, &CategoryManagerDialog::addCategory);
    connect(m_delete, &QPushButton::clicked, this, &CategoryManagerDialog::deleteCategory);
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(1); });

    m_name = new QLineEdit(this);
    m_name->setObjectName(u"name"_s);
    m_name->setToolTip(tr("The key used in files: lower case, digits and dashes"));
    m_nameError = FieldMessages::createError(this, u"nameError"_s);
    m_label = new QLineEdit(this);
    m_label->setObjectName(u"label"_s);
    m_label->setPlaceholderText(tr("What the lane is called on screen"));
    m_germanLabel = new QLineEdit(this);
    m_germanLabel->setObjectName(u"germanLabel"_s);
    m_germanLabel->setPlaceholderText(tr("German label (optional)"));
    m_color = new QPushButton(this);
    m_color->setObjectName(u"color"_s);
    connect(m_name, &QLineEdit::textChanged, this,
            [this](const QString &text) { FieldMessages::show(m_nameError, nameProblem(text)); });
    connect(m_name, &QLineEdit::editingFinished, this, &CategoryManagerDialog::commitNameAndLabel);
    connect(m_label, &QLineEdit::editingFinished, this, &CategoryManagerDialog::commitNameAndLabel);
    connect(m_germanLabel, &QLineEdit::editingFinished, this,
            &CategoryManagerDialog::commitNameAndLabel);
    connect(m_color, &QPushButton::clicked, this, &CategoryManagerDialog::chooseColor);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    form->setVerticalSpacing(8);
    form->addRow(FieldMessages::buddyLabel(tr("&Name:"), m_name),
                 FieldMessages::stack(m_name, m_nameError));
    // The German label beside the original: what German windows and figures show.
    auto *labels = new QHBoxLayout;
    labels->addWidget(m_label, 1);
    labels->addWidget(new QLabel(tr("Deutsch:"), this));
    labels->addWidget(m_germanLabel, 1);
    form->addRow(FieldMessages::buddyLabel(tr("&Label:"), m_label), labels);
    auto *colorRow = new QHBoxLayout;
    colorRow->addWidget(m_color);
    colorRow->addStretch();
    form->addRow(FieldMessages::buddyLabel(tr("&Colour:"), m_color), colorRow);

    auto *listButtons = new QHBoxLayout;
    listButtons->setSpacing(6);
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_delete);
    listButtons->addStretch();
    listButtons->addWidget(m_up);
    listButtons->addWidget(m_down);

    auto *left = new QVBoxLayout;
    left->setSpacing(6);
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addStretch();
    auto *columns = new QHBoxLayout;
    columns->setSpacing(18);
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 14);
    layout->setSpacing(14);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    reload();
    resize(680, 400);
}

void CategoryManagerDialog::reload() {
    const int row = std::max(0, m_list->currentRow());
    m_categories = m_store.categories();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const Category &category : std::as_const(m_categories))
        m_list->addItem(new QListWidgetItem(swatch(category.color), category.displayName()));
    m_list->setCurrentRow(std::min(row, int(m_categories.size()) - 1));
    showCurrent();
    const bool writable = !m_store.isReadOnly();
    m_add->setEnabled(writable);
    m_name->setReadOnly(!writable);
    m_label->setReadOnly(!writable);
    m_germanLabel->setReadOnly(!writable);
}

int CategoryManagerDialog::currentRow() const {
    const int row = m_list->currentRow();
    return row >= 0 && row < m_categories.size() ? row : -1;
}

void CategoryManagerDialog::showCurrent() {
    const int row = currentRow();
    const bool has = row >= 0;
    const bool writable = !m_store.isReadOnly();
    m_name->setEnabled(has);
    m_label->setEnabled(has);
    m_germanLabel->setEnabled(has);
    m_color->setEnabled(has && writable);
    m_delete->setEnabled(has && writable);
    m_up->setEnabled(has && writable && row > 0);
    m_down->setEnabled(has && writable && row < m_categories.size() - 1);
    const Category category = has ? m_categories.at(row) : Category();
    const QSignalBlocker nameBlocker(m_name);
    m_name->setText(category.name);
    FieldMessages::show(m_nameError, QString());
    m_label->setText(category.label);
    m_germanLabel->setText(category.labelTranslations.value(u"de"_s));
    m_color->setIcon(swatch(has ? category.color : palette().color(QPalette::Button)));
    m_color->setText(has ? category.color.name() : QString());
}

QString CategoryManagerDialog::nameProblem(const QString &name) const {
    static const QRegularExpression form(u"^[a-z0-9]+(-[a-z0-9]+)*$"_s);
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("A name is required.");
    if (!form.match(trimmed).hasMatch())
        return tr("Use lower case letters, digits and dashes, e.g. us-export-control.");
    const int row = currentRow();
    for (int i = 0; i < m_categories.size(); ++i)
        if (i != row && m_categories.at(i).name == trimmed)
            return tr("Another category is already called %1.").arg(trimmed);
    return {};
}

void CategoryManagerDialog::saveChanged(const QList<Category> &after, const QString &text) {
    QList<Category> before;
    QList<Category> changed;
    for (const Category &category : after) {
        for (const Category &old : std::as_const(m_categories)) {
            if (old.id == category.id && !(old == category)) {
                before << old;
                changed << category;
            }
        }
    }
    if (!changed.isEmpty())
        m_push(new EditCategoriesCommand(m_store, before, changed, text));
    reload();
}

void CategoryManagerDialog::commitNameAndLabel() {
    const int row = currentRow();
    if (row < 0 || m_store.isReadOnly() || !nameProblem(m_name->text()).isEmpty())
        return;
    QList<Category> after = m_categories;
    after[row].name = m_name->text().trimmed();
    after[row].label = m_label->text().trimmed();
    const QString german = m_germanLabel->text().trimmed();
    if (german.isEmpty())
        after[row].labelTranslations.remove(u"de"_s);
    else
        after[row].labelTranslations.insert(u"de"_s, german);
    saveChanged(after, tr("Rename category “%1”").arg(m_categories.at(row).displayName()));
}

void CategoryManagerDialog::chooseColor() {
    const int row = currentRow();
    if (row < 0)
        return;
    const QColor color = QColorDialog::getColor(m_categories.at(row).color, this,
                                                tr("Colour of %1").arg(m_list->item(row)->text()));
    if (!color.isValid())
        return;
    QList<Category> after = m_categories;
    after[row].color = color;
    saveChanged(after, tr("Recolour category “%1”").arg(m_categories.at(row).displayName()));
}

void CategoryManagerDialog::move(int step) {
    const int row = currentRow();
    const int other = row + step;
    if (row < 0 || other < 0 || other >= m_categories.size())
        return;
    QList<Category> after = m_categories;
    after.swapItemsAt(row, other);
    for (int i = 0; i < after.size(); ++i)
        after[i].order = i + 1;
    m_list->setCurrentRow(other);
    saveChanged(after, tr("Reorder categories"));
}

void CategoryManagerDialog::addCategory() {
    QString name = u"new-category"_s;
    for (int n = 2; !nameProblem(name).isEmpty() && n < 1000; ++n)
        name = u"new-category-%1"_s.arg(n);
    Category category;
    category.name = name;
    category.label = tr("New category");
    category.color = QColor(0x7f, 0x7f, 0x7f);
    category.order = m_categories.isEmpty() ? 1 : m_categories.constLast().order + 1;
    if (m_push(new EditCategoriesCommand(m_store, {}, {category}, tr("Add category")))) {
        reload();
        m_list->setCurrentRow(m_list->count() - 1);
        m_name->setFocus();
        m_name->selectAll();
    }
}

void CategoryManagerDialog::deleteCategory() {
    const int row = currentRow();
    if (row < 0)
        return;
    const Category category = m_categories.at(row);
    EventFilter filter;
    filter.categories = {category.name};
    const QList<Event> events = m_store.events(filter);

    QString moveTo;
    if (!events.isEmpty()) {
        // Where do its events go? Never silently to nowhere.
        QDialog ask(this);
        ask.setWindowTitle(tr("Delete Category"));
        auto *text = new QLabel(
            events.size() == 1 ? tr("“%1” has one event. Move it to:").arg(category.displayName())
                               : tr("“%1” has %2 events. Move them to:")
                                     .arg(category.displayName())
                                     .arg(events.size()),
            &ask);
        text->setWordWrap(true);
        auto *target = new QComboBox(&ask);
        for (const Category &other : std::as_const(m_categories))
            if (other.id != category.id)
                target->addItem(swatch(other.color), other.displayName(), other.name);
        target->addItem(tr("(no category)"), QString());
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &ask);
        buttons->addButton(tr("Move and Delete"), QDialogButtonBox::AcceptRole);
        connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
        auto *layout = new QVBoxLayout(&ask);
        layout->setContentsMargins(18, 18, 18, 14);
        layout->setSpacing(10);
        layout->addWidget(text);
        layout->addWidget(target);
        layout->addSpacing(6);
        layout->addWidget(buttons);
        if (ask.exec() != QDialog::Accepted)
            return;
        moveTo = target->currentData().toString();
    }
    m_push(new DeleteCategoryCommand(m_store, category, events, moveTo));
    reload();
}
