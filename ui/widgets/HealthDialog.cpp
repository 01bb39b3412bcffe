#include "ui/widgets/HealthDialog.h"

#include "model/store/TimelineStore.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// The order a careful editor works in: facts without evidence first, tidiness last.
const QList<HealthFinding::Kind> &kindOrder() {
    static const QList<HealthFinding::Kind> kinds = {
        HealthFinding::Kind::UnsourcedEvent,       HealthFinding::Kind::OnlyUnaddressedSources,
        HealthFinding::Kind::EventAfterSources,    HealthFinding::Kind::UnsourcedRelation,
        HealthFinding::Kind::BackwardRelation,     HealthFinding::Kind::RelationCycle,
        HealthFinding::Kind::SourceWithoutAddress, HealthFinding::Kind::UnsafeAddress,
        HealthFinding::Kind::UncitedSource,        HealthFinding::Kind::DuplicateSources,
    };
    return kinds;
}

bool isEventKind(HealthFinding::Kind kind) {
    return kind == HealthFinding::Kind::UnsourcedEvent ||
           kind == HealthFinding::Kind::OnlyUnaddressedSources ||
           kind == HealthFinding::Kind::EventAfterSources ||
           kind == HealthFinding::Kind::BackwardRelation ||
           kind == HealthFinding::Kind::RelationCycle ||
           kind == HealthFinding::Kind::UnsourcedRelation;
}

// A group header: the kind and its count in bold, the reason it matters below in a quieter
// line, on a band that sets the group apart from its findings.
class GroupDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override {
        if (index.parent().isValid()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QPalette &palette = opt.palette;
        const bool selected = opt.state & QStyle::State_Selected;
        painter->save();
        painter->fillRect(opt.rect, selected ? palette.highlight() : palette.alternateBase());
        painter->setPen(palette.color(QPalette::Midlight));
        if (index.row() > 0)
            painter->drawLine(opt.rect.topLeft(), opt.rect.topRight());
        painter->drawLine(opt.rect.bottomLeft(), opt.rect.bottomRight());
        const QRect text = opt.rect.adjusted(6, 6, -8, -6);
        QFont bold = opt.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        const QFontMetrics boldMetrics(bold);
        painter->drawText(QRect(text.left(), text.top(), text.width(), boldMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          boldMetrics.elidedText(opt.text, Qt::ElideRight, text.width()));
        QFont small = opt.font;
        small.setPointSizeF(opt.font.pointSizeF() * 0.92);
        painter->setFont(small);
        const QFontMetrics smallMetrics(small);
        painter->setPen(
            palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        const QString explanation = index.data(HealthDialog::ExplanationRole).toString();
        painter->drawText(QRect(text.left(), text.top() + boldMetrics.height() + 2, text.width(),
                                smallMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          smallMetrics.elidedText(explanation, Qt::ElideRight, text.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        if (index.parent().isValid())
            return size + QSize(0, 6);
        QFont small = option.font;
        small.setPointSizeF(option.font.pointSizeF() * 0.92);
        return {size.width(),
                QFontMetrics(option.font).height() + QFontMetrics(small).height() + 14};
    }
};

} // namespace

HealthDialog::HealthDialog(const TimelineStore &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store) {
    setObjectName(u"HealthDialog"_s);
    setWindowTitle(tr("Dataset Health"));
    setModal(false);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"summary"_s);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_pages = new QStackedWidget(this);
    m_tree = new QTreeWidget(m_pages);
    m_tree->setObjectName(u"findings"_s);
    m_tree->setColumnCount(2);
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(false); // the group bands run the full width
    m_tree->setIndentation(14);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setItemDelegate(new GroupDelegate(m_tree));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_pages->addWidget(m_tree);
    connect(m_tree, &QTreeWidget::itemActivated, this, &HealthDialog::activate);

    auto *clean = new QLabel(m_pages);
    clean->setObjectName(u"emptyState"_s);
    clean->setAlignment(Qt::AlignCenter);
    clean->setWordWrap(true);
    clean->setText(tr("<p style='font-size:large'><b>No problems found</b></p>"
                      "<p>Every event cites a source with an address, every source is cited, "
                      "and every date fits its sources.</p>"));
    clean->setMargin(24);
    m_pages->addWidget(clean);
    layout->addWidget(m_pages, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *refreshButton = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    refreshButton->setObjectName(u"refreshButton"_s);
    // Enter in the list opens a finding; it must not press a button and close the dialog.
    for (QAbstractButton *button : buttons->buttons())
        if (auto *push = qobject_cast<QPushButton *>(button))
            push->setAutoDefault(false);
    connect(refreshButton, &QPushButton::clicked, this, &HealthDialog::refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);

    resize(760, 540);
    refresh();
}

QString HealthDialog::kindTitle(HealthFinding::Kind kind) {
    switch (kind) {
    case HealthFinding::Kind::UnsourcedEvent:
        return tr("Unsourced events");
    case HealthFinding::Kind::OnlyUnaddressedSources:
        return tr("Events whose sources all lack an address");
    case HealthFinding::Kind::EventAfterSources:
        return tr("Events dated after their sources");
    case HealthFinding::Kind::SourceWithoutAddress:
        return tr("Sources without address");
    case HealthFinding::Kind::UncitedSource:
        return tr("Sources cited by no event");
    case HealthFinding::Kind::DuplicateSources:
        return tr("Duplicate sources");
    case HealthFinding::Kind::UnsafeAddress:
        return tr("Sources with an unsafe address");
    case HealthFinding::Kind::BackwardRelation:
        return tr("Responses dated before what they answer");
    case HealthFinding::Kind::RelationCycle:
        return tr("Relations in a circle");
    case HealthFinding::Kind::UnsourcedRelation:
        return tr("Relations without a source");
    }
    return {};
}

QString HealthDialog::kindExplanation(HealthFinding::Kind kind) {
    switch (kind) {
    case HealthFinding::Kind::UnsourcedEvent:
        return tr("Nothing backs these up, so no reader can check them. Cite what reports them.");
    case HealthFinding::Kind::OnlyUnaddressedSources:
        return tr("Their evidence cannot be found again: add a URL or DOI to a source.");
    case HealthFinding::Kind::EventAfterSources:
        return tr("Either the date is wrong or the event was announced in advance.");
    case HealthFinding::Kind::SourceWithoutAddress:
        return tr("Neither URL nor DOI: a reader cannot look the article up.");
    case HealthFinding::Kind::UncitedSource:
        return tr("Link them to the events they report, or remove them.");
    case HealthFinding::Kind::DuplicateSources:
        return tr("The same article twice splits its citations: merge the two.");
    case HealthFinding::Kind::UnsafeAddress:
        return tr("A javascript:, file: or data: address is never opened: replace it with the "
                  "article's web address.");
    case HealthFinding::Kind::BackwardRelation:
        return tr("A response dated before what it answers: one of the two dates is wrong, or "
                  "the relation points the wrong way.");
    case HealthFinding::Kind::RelationCycle:
        return tr("A chain that leads back to where it started cannot be read in time order.");
    case HealthFinding::Kind::UnsourcedRelation:
        return tr("The claim that one event answers another needs evidence like any other: cite "
                  "the source that says so.");
    }
    return {};
}

void HealthDialog::refresh() {
    const Dataset dataset = m_store.dataset();
    const QList<HealthFinding> findings = DatasetHealth::check(dataset);
    m_findingCount = int(findings.size());

    m_tree->clear();
    int groups = 0;
    for (HealthFinding::Kind kind : kindOrder()) {
        QList<const HealthFinding *> ofKind;
        for (const HealthFinding &finding : findings)
            if (finding.kind == kind)
                ofKind << &finding;
        if (ofKind.isEmpty())
            continue;
        ++groups;
        auto *group = new QTreeWidgetItem(m_tree);
        group->setText(0, u"%1 (%2)"_s.arg(kindTitle(kind)).arg(ofKind.size()));
        group->setData(0, KindRole, int(kind));
        group->setData(0, ExplanationRole, kindExplanation(kind));
        group->setToolTip(0, kindExplanation(kind));
        group->setFlags(Qt::ItemIsEnabled);
        group->setFirstColumnSpanned(true);
        const bool isEvent = isEventKind(kind);
        for (const HealthFinding *finding : std::as_const(ofKind)) {
            auto *item = new QTreeWidgetItem(group);
            // The message names its kind before the colon; the group header already does.
            const qsizetype colon = finding->message.indexOf(u": "_s);
            item->setText(0, colon >= 0 ? finding->message.mid(colon + 2) : finding->message);
            item->setToolTip(0, finding->message);
            item->setText(1, isEvent ? tr("Show event") : tr("Show source"));
            item->setForeground(1, palette().color(QPalette::PlaceholderText));
            item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
            item->setData(0, KindRole, int(kind));
            item->setData(0, UidRole, finding->subjectUid);
            item->setData(0, IsEventRole, isEvent);
        }
    }
    m_tree->expandAll();
    m_pages->setCurrentIndex(findings.isEmpty() ? 1 : 0);
    m_summary->setText(
        findings.isEmpty()
            ? tr("Checked %1 events and %2 sources.")
                  .arg(dataset.events.size())
                  .arg(dataset.sources.size())
            : tr("<b>%1 findings</b> in %2 groups, checked across %3 events and %4 sources. "
                 "Double-click a finding to show it.")
                  .arg(findings.size())
                  .arg(groups)
                  .arg(dataset.events.size())
                  .arg(dataset.sources.size()));
    if (QTreeWidgetItem *first = m_tree->topLevelItem(0); first && first->childCount() > 0)
        m_tree->setCurrentItem(first->child(0));
}

void HealthDialog::activate(QTreeWidgetItem *item) {
    if (!item || !item->parent())
        return;
    const QString uid = item->data(0, UidRole).toString();
    if (!item->data(0, IsEventRole).toBool()) {
        emit sourceRequested(uid);
        return;
    }
    if (const std::optional<Event> event = m_store.eventByUid(uid))
        emit eventRequested(event->id);
}
