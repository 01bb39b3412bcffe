#include "ui/widgets/EventEditorDialog.h"

#include "model/DateInput.h"
#include "ui/widgets/Confirmations.h"
#include "ui/widgets/FieldMessages.h"
#include "ui/widgets/NameListEdit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// The language edited beside the original.
QString germanCode() {
    return u"de"_s;
}

enum CitationColumn { SourceColumn, QuoteColumn, LocatorColumn };

QString sourceLabel(const Source &source) {
    QString label = source.title;
    if (!source.outlet.isEmpty())
        label = source.outlet + u" — "_s + label;
    if (source.published.isValid())
        label += u" ("_s + source.published.toIsoString() + u')';
    return label;
}
} // namespace

EventEditorDialog::EventEditorDialog(const Event &event, const QList<Category> &categories,
                                     const QList<Source> &sources, const KnownNames &names,
                                     QWidget *parent)
    : QDialog(parent)
    , m_event(event) {
    setObjectName(u"EventEditorDialog"_s);
    setWindowTitle(event.uid.isEmpty() ? tr("New Event") : tr("Edit Event"));
    for (const Source &source : sources)
        m_sources.insert(source.uid, source);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    form->setVerticalSpacing(8);

    m_title = new QLineEdit(event.title, this);
    m_title->setObjectName(u"title"_s);
    m_title->setPlaceholderText(tr("What happened, in one line"));
    m_titleError = FieldMessages::createError(this, u"titleError"_s);
    // The German translation beside the original (DataTranslations): optional, and what a
    // window or figure in German shows instead.
    const EventTranslation german = event.translations.value(germanCode());
    m_germanTitle = new QLineEdit(german.title, this);
    m_germanTitle->setObjectName(u"germanTitle"_s);
    m_germanTitle->setPlaceholderText(tr("German title (optional)"));
    m_germanTitle->setToolTip(tr("Shown instead of the title in German windows and figures"));
    auto *titles = new QHBoxLayout;
    titles->addLayout(FieldMessages::stack(m_title, m_titleError), 1);
    auto *germanTitleLabel = new QLabel(tr("Deutsch:"), this);
    germanTitleLabel->setBuddy(m_germanTitle);
    titles->addWidget(germanTitleLabel, 0, Qt::AlignTop);
    titles->addWidget(m_germanTitle, 1, Qt::AlignTop);
    form->addRow(FieldMessages::buddyLabel(tr("&Title:"), m_title), titles);

    const auto dateField = [this](const QString &name, const PartialDate &date, QLineEdit *&edit,
                                  QLabel *&info, QLabel *&error) {
        edit = new QLineEdit(date.isValid() ? date.toIsoString() : QString(), this);
        edit->setObjectName(name);
        edit->setPlaceholderText(tr("e.g. 15.08.2025, Aug 2025 or 2025"));
        info = FieldMessages::createInfo(this, name + u"Info"_s);
        error = FieldMessages::createError(this, name + u"Error"_s);
        return FieldMessages::stack(edit, info, error);
    };
    QLayout *startField = dateField(u"start"_s, event.start, m_start, m_startInfo, m_startError);
    form->addRow(FieldMessages::buddyLabel(tr("&Start:"), m_start), startField);
    QLayout *endField = dateField(u"end"_s, event.end, m_end, m_endInfo, m_endError);
    form->addRow(FieldMessages::buddyLabel(tr("&End:"), m_end), endField);
    m_end->setPlaceholderText(tr("empty for a single date"));

    m_category = new QComboBox(this);
    m_category->setObjectName(u"category"_s);
    m_category->addItem(tr("(none)"), QString());
    for (const Category &category : categories) {
        QPixmap swatch(12, 12);
        swatch.fill(category.color);
        m_category->addItem(QIcon(swatch), category.displayName(), category.name);
    }
    if (!event.category.isEmpty() && m_category->findData(event.category) < 0)
        m_category->addItem(event.category, event.category);
    m_category->setCurrentIndex(std::max(0, m_category->findData(event.category)));

    m_status = new QComboBox(this);
    m_status->setObjectName(u"status"_s);
    for (EventStatus status :
         {EventStatus::Confirmed, EventStatus::Reported, EventStatus::Disputed}) {
        m_status->addItem(eventStatusLabel(status), int(status));
        m_status->setItemData(
            m_status->count() - 1,
            QString(eventStatusLabel(status) + u": "_s + eventStatusExplanation(status)),
            Qt::ToolTipRole);
    }
    m_status->setCurrentIndex(m_status->findData(int(event.status)));
    const auto statusTip = [this] {
        m_status->setToolTip(m_status->currentData(Qt::ToolTipRole).toString());
    };
    statusTip();
    connect(m_status, &QComboBox::currentIndexChanged, this, statusTip);

    m_importance = new QComboBox(this);
    m_importance->setObjectName(u"importance"_s);
    m_importance->addItem(tr("Minor"), 1);
    m_importance->addItem(tr("Normal"), 2);
    m_importance->addItem(tr("Major"), 3);
    m_importance->setCurrentIndex(m_importance->findData(event.importance));

    auto *classification = new QHBoxLayout;
    classification->setSpacing(12);
    classification->addWidget(m_category, 2);
    auto *statusLabel = new QLabel(tr("St&atus:"), this);
    statusLabel->setBuddy(m_status);
    classification->addWidget(statusLabel);
    classification->addWidget(m_status, 1);
    auto *importanceLabel = new QLabel(tr("&Importance:"), this);
    importanceLabel->setBuddy(m_importance);
    classification->addWidget(importanceLabel);
    classification->addWidget(m_importance, 1);
    form->addRow(FieldMessages::buddyLabel(tr("&Category:"), m_category), classification);

    const auto namesField = [this](const QString &name, const QStringList &value,
                                   const QStringList &known, const QString &placeholder) {
        auto *edit = new NameListEdit(this);
        edit->setObjectName(name);
        edit->setKnownNames(known);
        edit->setNames(value);
        edit->setPlaceholderText(placeholder);
        return edit;
    };
    m_actors = namesField(u"actors"_s, event.actors, names.actors,
                          tr("comma-separated, e.g. Nvidia, US Commerce"));
    m_chips = namesField(u"chips"_s, event.chips, names.chips, tr("comma-separated, e.g. H20"));
    m_tags = namesField(u"tags"_s, event.tags, names.tags, tr("comma-separated"));
    form->addRow(tr("Ac&tors:"), m_actors);
    form->addRow(tr("C&hips:"), m_chips);
    form->addRow(tr("Ta&gs:"), m_tags);

    m_descriptionTabs = new QTabWidget(this);
    m_descriptionTabs->setObjectName(u"descriptionTabs"_s);
    m_descriptionTabs->setDocumentMode(true);
    m_description = new QPlainTextEdit(event.summary, this);
    m_description->setObjectName(u"description"_s);
    m_description->setPlaceholderText(tr("Markdown: **bold**, *italic*, [link](https://…)"));
    m_description->setTabChangesFocus(true);
    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(u"preview"_s);
    m_preview->setOpenLinks(false);
    m_germanDescription = new QPlainTextEdit(german.summary, this);
    m_germanDescription->setObjectName(u"germanDescription"_s);
    m_germanDescription->setPlaceholderText(tr("German description (optional)"));
    m_germanDescription->setTabChangesFocus(true);
    auto *bothLanguages = new QWidget(this);
    auto *sideBySide = new QGridLayout(bothLanguages);
    sideBySide->setContentsMargins(0, 4, 0, 0);
    sideBySide->addWidget(new QLabel(tr("English"), bothLanguages), 0, 0);
    sideBySide->addWidget(new QLabel(tr("Deutsch"), bothLanguages), 0, 1);
    sideBySide->addWidget(m_description, 1, 0);
    sideBySide->addWidget(m_germanDescription, 1, 1);
    m_descriptionTabs->addTab(bothLanguages, tr("Write"));
    m_descriptionTabs->addTab(m_preview, tr("Preview"));
    m_descriptionTabs->setMinimumHeight(120);
    connect(m_descriptionTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            updatePreview();
    });
    form->addRow(tr("&Description:"), m_descriptionTabs);

    m_citations = new QTableWidget(0, 3, this);
    m_citations->setObjectName(u"citations"_s);
    m_citations->setHorizontalHeaderLabels({tr("Source"), tr("Supporting quote"), tr("Where")});
    m_citations->horizontalHeader()->setSectionResizeMode(SourceColumn, QHeaderView::Interactive);
    m_citations->horizontalHeader()->setSectionResizeMode(QuoteColumn, QHeaderView::Stretch);
    m_citations->horizontalHeader()->setSectionResizeMode(LocatorColumn,
                                                          QHeaderView::ResizeToContents);
    m_citations->setColumnWidth(SourceColumn, 220);
    m_citations->verticalHeader()->hide();
    m_citations->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_citations->setSelectionMode(QAbstractItemView::SingleSelection);
    m_citations->setMinimumHeight(110);
    m_citations->setWordWrap(false);
    for (const Citation &citation : event.citations)
        addSourceRow(citation);

    m_sourceChoice = new QComboBox(this);
    m_sourceChoice->setObjectName(u"sourceChoice"_s);
    m_sourceChoice->setEditable(true);
    m_sourceChoice->setInsertPolicy(QComboBox::NoInsert);
    m_sourceChoice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_sourceChoice->setMinimumContentsLength(24);
    m_sourceChoice->lineEdit()->setPlaceholderText(tr("Find a source to link…"));
    m_linkSource = new QPushButton(tr("&Link"), this);
    m_linkSource->setObjectName(u"linkSource"_s);
    m_unlinkSource = new QPushButton(tr("Re&move"), this);
    m_unlinkSource->setObjectName(u"unlinkSource"_s);
    connect(m_linkSource, &QPushButton::clicked, this, &EventEditorDialog::linkSelectedSource);
    connect(m_unlinkSource, &QPushButton::clicked, this, &EventEditorDialog::removeSelectedSource);
    connect(m_citations, &QTableWidget::itemSelectionChanged, this,
            [this] { m_unlinkSource->setEnabled(!m_citations->selectedItems().isEmpty()); });
    m_unlinkSource->setEnabled(false);
    updateSourceChoices();

    auto *sourceButtons = new QHBoxLayout;
    sourceButtons->addWidget(m_sourceChoice, 1);
    sourceButtons->addWidget(m_linkSource);
    sourceButtons->addStretch();
    sourceButtons->addWidget(m_unlinkSource);
    auto *sourcesBox = new QVBoxLayout;
    sourcesBox->setSpacing(6);
    sourcesBox->addWidget(m_citations);
    sourcesBox->addLayout(sourceButtons);
    form->addRow(FieldMessages::buddyLabel(tr("Sou&rces:"), m_citations), sourcesBox);
    m_why = new QLineEdit(this);
    m_why->setObjectName(u"why"_s);
    m_why->setPlaceholderText(tr("Optional, e.g. date corrected per the BIS press release"));
    m_why->setToolTip(tr("Recorded with this change in the timeline's history"));
    form->addRow(FieldMessages::buddyLabel(tr("&Why:"), m_why), m_why);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isValid())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 14);
    layout->setSpacing(14);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    for (QLineEdit *edit : {m_title, m_start, m_end})
        connect(edit, &QLineEdit::textChanged, this, &EventEditorDialog::validate);
    validate();
    resize(720, 760);
    m_title->setFocus();
    m_initial = this->event(); // the parameter `event` hides the member
    m_initialDates = {m_start->text(), m_end->text()};
}

bool EventEditorDialog::hasChanges() const {
    return event() != m_initial || QStringList{m_start->text(), m_end->text()} != m_initialDates;
}

void EventEditorDialog::reject() {
    if (!hasChanges() || Confirmations::discardChanges(this, tr("this event")))
        QDialog::reject();
}

QString EventEditorDialog::changeNote() const {
    return m_why->text().simplified();
}

void EventEditorDialog::offerLinking() {
    if (m_linkEvents)
        return;
    m_linkEvents = m_buttons->addButton(tr("&Link Events…"), QDialogButtonBox::ActionRole);
    m_linkEvents->setToolTip(
        tr("Relate this event to another: responds to, amends, replaces, rescinds…"));
    connect(m_linkEvents, &QPushButton::clicked, this, &EventEditorDialog::linkEventsRequested);
}

QPushButton *EventEditorDialog::okButton() const {
    return m_buttons->button(QDialogButtonBox::Ok);
}

void EventEditorDialog::validate() {
    bool ok = FieldMessages::show(
        m_titleError, m_title->text().trimmed().isEmpty() ? tr("A title is required.") : QString());
    QString error;
    std::optional<PartialDate> start = DateInput::parse(m_start->text(), &error);
    if (m_start->text().trimmed().isEmpty())
        error = tr("A start date is required.");
    FieldMessages::show(m_startInfo, start ? DateInput::describe(*start) : QString());
    ok = FieldMessages::show(m_startError, start ? QString() : error) && ok;

    std::optional<PartialDate> end;
    QString endError;
    if (!m_end->text().trimmed().isEmpty()) {
        end = DateInput::parse(m_end->text(), &endError);
        if (end && start && end->lastJulianDay() < start->firstJulianDay()) {
            endError = tr("The end (%1) is before the start (%2).")
                           .arg(end->toDisplayString(), start->toDisplayString());
            FieldMessages::show(m_endInfo, QString());
            end.reset();
        } else {
            FieldMessages::show(m_endInfo, end ? DateInput::describe(*end) : QString());
        }
    } else {
        FieldMessages::show(m_endInfo, QString());
    }
    ok = FieldMessages::show(m_endError, endError) && ok;
    okButton()->setEnabled(ok);
}

bool EventEditorDialog::isValid() const {
    return okButton()->isEnabled();
}

Event EventEditorDialog::event() const {
    Event result = m_event;
    result.title = m_title->text().trimmed();
    result.start = DateInput::parse(m_start->text()).value_or(PartialDate());
    result.end = m_end->text().trimmed().isEmpty()
                     ? PartialDate()
                     : DateInput::parse(m_end->text()).value_or(PartialDate());
    if (result.end.isValid() && result.end == result.start)
        result.end = {};
    result.category = m_category->currentData().toString();
    result.status = EventStatus(m_status->currentData().toInt());
    result.importance = m_importance->currentData().toInt();
    result.actors = m_actors->names();
    result.chips = m_chips->names();
    result.tags = m_tags->names();
    result.summary = m_description->toPlainText();
    const EventTranslation german{m_germanTitle->text().trimmed(),
                                  m_germanDescription->toPlainText()};
    if (german.isEmpty())
        result.translations.remove(germanCode());
    else
        result.translations.insert(germanCode(), german);
    result.citations.clear();
    for (int row = 0; row < m_citations->rowCount(); ++row) {
        Citation citation;
        citation.sourceUid = m_citations->item(row, SourceColumn)->data(Qt::UserRole).toString();
        citation.quote = m_citations->item(row, QuoteColumn)->text().trimmed();
        citation.locator = m_citations->item(row, LocatorColumn)->text().trimmed();
        result.citations << citation;
    }
    return result;
}

void EventEditorDialog::addSourceRow(const Citation &citation) {
    const int row = m_citations->rowCount();
    m_citations->insertRow(row);
    const auto found = m_sources.constFind(citation.sourceUid);
    auto *sourceItem =
        new QTableWidgetItem(found != m_sources.cend() ? sourceLabel(*found) : citation.sourceUid);
    sourceItem->setData(Qt::UserRole, citation.sourceUid);
    sourceItem->setFlags(sourceItem->flags() & ~Qt::ItemIsEditable);
    if (found != m_sources.cend())
        sourceItem->setToolTip(found->url.isEmpty() ? sourceLabel(*found) : found->url);
    m_citations->setItem(row, SourceColumn, sourceItem);
    auto *quote = new QTableWidgetItem(citation.quote);
    quote->setToolTip(tr("The supporting passage, in the source's language"));
    m_citations->setItem(row, QuoteColumn, quote);
    auto *locator = new QTableWidgetItem(citation.locator);
    locator->setToolTip(tr("Where in the source: para. 3, p. 12, …"));
    m_citations->setItem(row, LocatorColumn, locator);
}

void EventEditorDialog::updateSourceChoices() {
    QSet<QString> linked;
    for (int row = 0; row < m_citations->rowCount(); ++row)
        linked.insert(m_citations->item(row, SourceColumn)->data(Qt::UserRole).toString());
    m_sourceChoice->clear();
    QList<Source> choices;
    for (const Source &source : std::as_const(m_sources))
        if (!linked.contains(source.uid))
            choices << source;
    std::sort(choices.begin(), choices.end(), [](const Source &a, const Source &b) {
        return sourceLabel(a).localeAwareCompare(sourceLabel(b)) < 0;
    });
    for (const Source &source : choices)
        m_sourceChoice->addItem(sourceLabel(source), source.uid);
    m_sourceChoice->setCurrentIndex(-1);
    m_linkSource->setEnabled(!choices.isEmpty());
}

void EventEditorDialog::linkSelectedSource() {
    int index = m_sourceChoice->currentIndex();
    if (index < 0 || m_sourceChoice->itemText(index) != m_sourceChoice->currentText())
        index = m_sourceChoice->findText(m_sourceChoice->currentText(), Qt::MatchContains);
    if (index < 0)
        return;
    addSourceRow(Citation{m_sourceChoice->itemData(index).toString(), {}, {}});
    updateSourceChoices();
    // Straight on to the quote: a link without its passage is half a citation.
    const int row = m_citations->rowCount() - 1;
    m_citations->setCurrentCell(row, QuoteColumn);
    m_citations->editItem(m_citations->item(row, QuoteColumn));
}

void EventEditorDialog::removeSelectedSource() {
    const int row = m_citations->currentRow();
    if (row < 0)
        return;
    m_citations->removeRow(row);
    updateSourceChoices();
}

void EventEditorDialog::updatePreview() {
    m_preview->document()->setMarkdown(
        m_description->toPlainText(),
        QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                        QTextDocument::MarkdownNoHTML));
}
