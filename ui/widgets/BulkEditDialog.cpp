#include "ui/widgets/BulkEditDialog.h"

#include "ui/widgets/NameListEdit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

BulkEditDialog::BulkEditDialog(int eventCount, const QList<Category> &categories,
                               const QStringList &tags, QWidget *parent)
    : QDialog(parent) {
    setObjectName(u"BulkEditDialog"_s);
    setWindowTitle(tr("Bulk Edit"));
    auto *intro = new QLabel(eventCount == 1 ? tr("Change the selected event:")
                                             : tr("Change the %1 selected events:").arg(eventCount),
                             this);

    m_category = new QComboBox(this);
    m_category->setObjectName(u"category"_s);
    m_category->addItem(tr("(unchanged)"));
    for (const Category &category : categories) {
        QPixmap swatch(12, 12);
        swatch.fill(category.color);
        m_category->addItem(QIcon(swatch), category.displayName(), category.name);
    }
    m_category->addItem(tr("(no category)"), QString(u""_s));

    m_status = new QComboBox(this);
    m_status->setObjectName(u"status"_s);
    m_status->addItem(tr("(unchanged)"));
    for (EventStatus status :
         {EventStatus::Confirmed, EventStatus::Reported, EventStatus::Disputed}) {
        m_status->addItem(eventStatusLabel(status), int(status));
        m_status->setItemData(m_status->count() - 1, eventStatusExplanation(status),
                              Qt::ToolTipRole);
    }
    m_addTags = new NameListEdit(this);
    m_addTags->setObjectName(u"addTags"_s);
    m_addTags->setKnownNames(tags);
    m_addTags->setPlaceholderText(tr("comma-separated"));
    m_removeTags = new NameListEdit(this);
    m_removeTags->setObjectName(u"removeTags"_s);
    m_removeTags->setKnownNames(tags);
    m_removeTags->setPlaceholderText(tr("comma-separated"));

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    form->setVerticalSpacing(8);
    form->addRow(tr("&Category:"), m_category);
    form->addRow(tr("&Status:"), m_status);
    form->addRow(tr("&Add tags:"), m_addTags);
    form->addRow(tr("&Remove tags:"), m_removeTags);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto update = [this] {
        m_ok->setEnabled(!change().isEmpty());
    };
    connect(m_category, &QComboBox::currentIndexChanged, this, update);
    connect(m_status, &QComboBox::currentIndexChanged, this, update);
    connect(m_addTags, &QLineEdit::textChanged, this, update);
    connect(m_removeTags, &QLineEdit::textChanged, this, update);
    update();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 14);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(460, sizeHint().height());
}

BulkChange BulkEditDialog::change() const {
    BulkChange change;
    if (m_category->currentIndex() > 0)
        change.category = m_category->currentData().toString();
    if (m_status->currentIndex() > 0)
        change.status = EventStatus(m_status->currentData().toInt());
    change.addTags = m_addTags->names();
    change.removeTags = m_removeTags->names();
    return change;
}
