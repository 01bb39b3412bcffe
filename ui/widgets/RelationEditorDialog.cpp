#include "ui/widgets/RelationEditorDialog.h"

#include "model/EventSearch.h"
#include "model/store/TimelineStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString described(const Event &event) {
    return u"%1 — %2"_s.arg(event.start.toDisplayString(), event.title);
}

// Search hits carry their matches marked; the list shows plain titles.
QString unmarked(QString text) {
    text.remove(EventSearch::MatchStart);
    text.remove(EventSearch::MatchEnd);
    return text;
}

constexpr int typeCount = 6;

} // namespace

RelationEditorDialog::RelationEditorDialog(const TimelineStore &store, const Event &subject,
                                           const std::optional<Relation> &existing,
                                           const std::optional<Event> &other, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_subject(subject)
    , m_existing(existing)
    , m_sources(store.sources()) {
    setObjectName(u"relationEditor"_s);
    setWindowTitle(existing ? tr("Edit Relation") : tr("Link Events"));

    auto *form = new QFormLayout;
    auto *subjectLabel = new QLabel(described(subject), this);
    subjectLabel->setObjectName(u"subject"_s);
    subjectLabel->setWordWrap(true);
    form->addRow(tr("This event:"), subjectLabel);

    // Each type twice: as this event reads it ("responds to") and as the other does.
    m_type = new QComboBox(this);
    m_type->setObjectName(u"type"_s);
    for (int i = 0; i < typeCount; ++i)
        m_type->addItem(relationTypeLabel(RelationType(i)), i);
    for (int i = 0; i < typeCount; ++i)
        m_type->addItem(relationTypeInverseLabel(RelationType(i)), typeCount + i);
    form->addRow(tr("&Relation:"), m_type);

    m_find = new QLineEdit(this);
    m_find->setObjectName(u"find"_s);
    m_find->setPlaceholderText(tr("Type words of the other event's title"));
    m_find->setClearButtonEnabled(true);
    form->addRow(tr("&Other event:"), m_find);
    m_found = new QListWidget(this);
    m_found->setObjectName(u"found"_s);
    m_found->setMaximumHeight(140);
    form->addRow(QString(), m_found);
    m_chosen = new QLabel(this);
    m_chosen->setObjectName(u"chosen"_s);
    m_chosen->setWordWrap(true);
    form->addRow(QString(), m_chosen);

    m_note = new QLineEdit(this);
    m_note->setObjectName(u"note"_s);
    m_note->setPlaceholderText(tr("Optional: how the two are connected"));
    form->addRow(tr("&Note:"), m_note);

    m_source = new QComboBox(this);
    m_source->setObjectName(u"source"_s);
    m_source->addItem(tr("(no source yet)"), QString());
    for (const Source &source : std::as_const(m_sources))
        m_source->addItem(source.outlet.isEmpty() ? source.title
                                                  : u"%1 — %2"_s.arg(source.outlet, source.title),
                          source.uid);
    form->addRow(tr("&Source:"), m_source);
    m_quote = new QPlainTextEdit(this);
    m_quote->setObjectName(u"quote"_s);
    m_quote->setPlaceholderText(tr("The passage that says so, verbatim"));
    m_quote->setMaximumHeight(70);
    form->addRow(tr("&Quote:"), m_quote);
    m_locator = new QLineEdit(this);
    m_locator->setObjectName(u"locator"_s);
    m_locator->setPlaceholderText(tr("para. 5, p. 12"));
    form->addRow(tr("&Locator:"), m_locator);

    m_problem = new QLabel(this);
    m_problem->setObjectName(u"problem"_s);
    m_problem->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_find, &QLineEdit::textChanged, this, &RelationEditorDialog::findEvents);
    connect(m_found, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        if (const std::optional<Event> event =
                m_store.event(m_found->item(row)->data(Qt::UserRole).toLongLong()))
            chooseOther(*event);
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, &RelationEditorDialog::updateState);

    if (existing) {
        const bool points = existing->fromUid == subject.uid;
        m_type->setCurrentIndex(int(existing->type) + (points ? 0 : typeCount));
        const QString otherUid = points ? existing->toUid : existing->fromUid;
        if (const std::optional<Event> event = store.eventByUid(otherUid))
            chooseOther(*event);
        m_note->setText(existing->note);
        if (!existing->citations.isEmpty()) {
            const Citation &first = existing->citations.constFirst();
            m_source->setCurrentIndex(std::max(0, m_source->findData(first.sourceUid)));
            m_quote->setPlainText(first.quote);
            m_locator->setText(first.locator);
        }
    } else if (other) {
        chooseOther(*other);
        // Read from the later event: it is usually the one that answers.
        if (other->firstJulianDay() > subject.firstJulianDay())
            m_type->setCurrentIndex(typeCount); // "answered by"
    }
    updateState();
    resize(560, sizeHint().height());
}

void RelationEditorDialog::findEvents(const QString &text) {
    m_found->clear();
    if (text.trimmed().isEmpty())
        return;
    // Words typed so far match as prefixes ("lic" finds "licence").
    QString query;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts))
        query += word + u"* "_s;
    const QList<EventSearch::EventHit> hits =
        EventSearch::searchEvents(m_store, query.trimmed(), {}, 30);
    for (const EventSearch::EventHit &hit : hits) {
        if (hit.eventId == m_subject.id)
            continue;
        auto *item = new QListWidgetItem(unmarked(hit.title), m_found);
        item->setData(Qt::UserRole, hit.eventId);
    }
}

void RelationEditorDialog::chooseOther(const Event &event) {
    m_other = event;
    m_chosen->setText(described(event));
    updateState();
}

bool RelationEditorDialog::subjectPoints() const {
    return m_type->currentData().toInt() < typeCount;
}

RelationType RelationEditorDialog::chosenType() const {
    return RelationType(m_type->currentData().toInt() % typeCount);
}

void RelationEditorDialog::updateState() {
    QString problem;
    bool valid = m_other.has_value();
    if (!m_other) {
        problem = tr("Choose the other event.");
    } else if (m_other->uid == m_subject.uid) {
        problem = tr("An event cannot be related to itself.");
        valid = false;
    } else {
        const Event &from = subjectPoints() ? m_subject : *m_other;
        const Event &to = subjectPoints() ? *m_other : m_subject;
        if (from.firstJulianDay() < to.firstJulianDay())
            problem = tr("“%1” is dated before “%2”, which it %3: Dataset Health will report "
                         "it.")
                          .arg(from.title, to.title, relationTypeLabel(chosenType()));
    }
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

Relation RelationEditorDialog::relation() const {
    Relation relation;
    const Event other = m_other.value_or(Event{});
    relation.fromUid = subjectPoints() ? m_subject.uid : other.uid;
    relation.toUid = subjectPoints() ? other.uid : m_subject.uid;
    relation.type = chosenType();
    relation.note = m_note->text().trimmed();
    const QString source = m_source->currentData().toString();
    if (!source.isEmpty())
        relation.citations << Citation{source, m_quote->toPlainText().trimmed(),
                                       m_locator->text().trimmed()};
    // Further citations of an edited relation stay as they were.
    if (m_existing)
        for (qsizetype i = 1; i < m_existing->citations.size(); ++i)
            if (m_existing->citations.at(i).sourceUid != source)
                relation.citations << m_existing->citations.at(i);
    return relation;
}

QString RelationEditorDialog::fromTitle() const {
    return subjectPoints() ? m_subject.title : m_other.value_or(Event{}).title;
}

QString RelationEditorDialog::toTitle() const {
    return subjectPoints() ? m_other.value_or(Event{}).title : m_subject.title;
}
