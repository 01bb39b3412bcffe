#include "ui/widgets/SourceEditorDialog.h"

#include "model/DateInput.h"
#include "model/LinkPolicy.h"
#include "ui/widgets/Confirmations.h"
#include "ui/widgets/FieldMessages.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

QString SourceEditorDialog::normalisedDoi(const QString &text, QString *reason) {
    QString doi = text.trimmed();
    for (const QString &prefix :
         {u"https://doi.org/"_s, u"http://doi.org/"_s, u"https://dx.doi.org/"_s, u"doi:"_s}) {
        if (doi.startsWith(prefix, Qt::CaseInsensitive)) {
            doi = doi.mid(prefix.size()).trimmed();
            break;
        }
    }
    static const QRegularExpression form(u"^10\\.\\d{4,9}/\\S+$"_s);
    if (!form.match(doi).hasMatch()) {
        if (reason)
            *reason = tr("A DOI looks like 10.1234/abc (“doi:” and https://doi.org/ are fine).");
        return {};
    }
    return doi;
}

SourceEditorDialog::SourceEditorDialog(const Source &source, QWidget *parent)
    : QDialog(parent)
    , m_source(source) {
    setObjectName(u"SourceEditorDialog"_s);
    setWindowTitle(source.uid.isEmpty() ? tr("New Source") : tr("Edit Source"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    form->setVerticalSpacing(8);

    const auto line = [this](const QString &name, const QString &text, const QString &placeholder) {
        auto *edit = new QLineEdit(text, this);
        edit->setObjectName(name);
        edit->setPlaceholderText(placeholder);
        connect(edit, &QLineEdit::textChanged, this, &SourceEditorDialog::validate);
        return edit;
    };

    m_title = line(u"title"_s, source.title, tr("Headline or document title"));
    m_titleError = FieldMessages::createError(this, u"titleError"_s);
    form->addRow(FieldMessages::buddyLabel(tr("&Title:"), m_title),
                 FieldMessages::stack(m_title, m_titleError));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(u"kind"_s);
    const QList<std::pair<QString, QString>> kinds = {
        {u"news"_s, tr("News article")}, {u"official"_s, tr("Official document")},
        {u"report"_s, tr("Report")},     {u"paper"_s, tr("Paper")},
        {u"filing"_s, tr("Filing")},     {u"web"_s, tr("Web page")},
    };
    for (const auto &[key, label] : kinds)
        m_kind->addItem(label, key);
    if (m_kind->findData(source.kind) < 0)
        m_kind->addItem(source.kind, source.kind);
    m_kind->setCurrentIndex(m_kind->findData(source.kind));
    m_outlet = line(u"outlet"_s, source.outlet, tr("Reuters, Financial Times, BIS, …"));
    auto *kindRow = new QHBoxLayout;
    kindRow->setSpacing(12);
    kindRow->addWidget(m_kind);
    auto *outletLabel = new QLabel(tr("&Outlet:"), this);
    outletLabel->setBuddy(m_outlet);
    kindRow->addWidget(outletLabel);
    kindRow->addWidget(m_outlet, 1);
    form->addRow(FieldMessages::buddyLabel(tr("&Kind:"), m_kind), kindRow);

    m_authors =
        line(u"authors"_s, source.authors.join(u"; "_s), tr("Family, Given; Family, Given"));
    form->addRow(tr("A&uthors:"), m_authors);

    m_url = line(u"url"_s, source.url, u"https://"_s);
    m_urlError = FieldMessages::createError(this, u"urlError"_s);
    form->addRow(FieldMessages::buddyLabel(tr("&Address:"), m_url),
                 FieldMessages::stack(m_url, m_urlError));
    m_doi = line(u"doi"_s, source.doi, u"10.1234/abc"_s);
    m_doiError = FieldMessages::createError(this, u"doiError"_s);
    form->addRow(FieldMessages::buddyLabel(tr("&DOI:"), m_doi),
                 FieldMessages::stack(m_doi, m_doiError));

    const auto dateField = [&](const QString &name, const PartialDate &date, QLineEdit *&edit,
                               QLabel *&info, QLabel *&error) {
        edit = line(name, date.toIsoString(), tr("e.g. 15.08.2025"));
        info = FieldMessages::createInfo(this, name + u"Info"_s);
        error = FieldMessages::createError(this, name + u"Error"_s);
        return FieldMessages::stack(edit, info, error);
    };
    auto *dates = new QHBoxLayout;
    dates->setSpacing(12);
    dates->addLayout(
        dateField(u"published"_s, source.published, m_published, m_publishedInfo, m_publishedError),
        1);
    auto *accessedLabel = new QLabel(tr("A&ccessed:"), this);
    dates->addWidget(accessedLabel, 0, Qt::AlignTop);
    dates->addLayout(
        dateField(u"accessed"_s, source.accessed, m_accessed, m_accessedInfo, m_accessedError), 1);
    accessedLabel->setBuddy(m_accessed);
    accessedLabel->setMinimumHeight(m_accessed->sizeHint().height());
    form->addRow(FieldMessages::buddyLabel(tr("&Published:"), m_published), dates);

    m_language = line(u"language"_s, source.language, tr("en, de, zh-Hans, …"));
    m_language->setMaximumWidth(160);
    m_languageError = FieldMessages::createError(this, u"languageError"_s);
    form->addRow(FieldMessages::buddyLabel(tr("&Language:"), m_language),
                 FieldMessages::stack(m_language, m_languageError));

    m_excerpt = new QPlainTextEdit(source.excerpt, this);
    m_excerpt->setObjectName(u"excerpt"_s);
    m_excerpt->setTabChangesFocus(true);
    m_excerpt->setMinimumHeight(80);
    form->addRow(tr("E&xcerpt:"), m_excerpt);
    m_notes = new QPlainTextEdit(source.notes, this);
    m_notes->setObjectName(u"notes"_s);
    m_notes->setTabChangesFocus(true);
    m_notes->setMinimumHeight(60);
    form->addRow(tr("&Notes:"), m_notes);

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
    validate();
    resize(640, 600);
    m_title->setFocus();
    m_initial = this->source(); // the parameter `source` hides the member
    m_initialTyped = typedTexts();
}

QStringList SourceEditorDialog::typedTexts() const {
    return {m_published->text(), m_accessed->text(), m_doi->text()};
}

bool SourceEditorDialog::hasChanges() const {
    return source() != m_initial || typedTexts() != m_initialTyped;
}

void SourceEditorDialog::reject() {
    if (!hasChanges() || Confirmations::discardChanges(this, tr("this source")))
        QDialog::reject();
}

QPushButton *SourceEditorDialog::okButton() const {
    return m_buttons->button(QDialogButtonBox::Ok);
}

bool SourceEditorDialog::isValid() const {
    return okButton()->isEnabled();
}

void SourceEditorDialog::validate() {
    bool ok = FieldMessages::show(
        m_titleError, m_title->text().trimmed().isEmpty() ? tr("A title is required.") : QString());
    QString urlError;
    const QString url = m_url->text().trimmed();
    if (!url.isEmpty()) {
        QString reason;
        const std::optional<QUrl> openable = LinkPolicy::openableUrl(url, &reason);
        if (!openable)
            urlError = reason;
        else if (openable->scheme() != u"http"_s && openable->scheme() != u"https"_s)
            urlError = tr("A source's address must start with http:// or https://.");
    }
    ok = FieldMessages::show(m_urlError, urlError) && ok;

    QString doiError;
    if (!m_doi->text().trimmed().isEmpty())
        (void)normalisedDoi(m_doi->text(), &doiError);
    ok = FieldMessages::show(m_doiError, doiError) && ok;

    for (const auto &[edit, info, error] :
         {std::tuple{m_published, m_publishedInfo, m_publishedError},
          std::tuple{m_accessed, m_accessedInfo, m_accessedError}}) {
        QString message;
        std::optional<PartialDate> date;
        if (!edit->text().trimmed().isEmpty())
            date = DateInput::parse(edit->text(), &message);
        FieldMessages::show(info, date ? DateInput::describe(*date) : QString());
        ok = FieldMessages::show(error, message) && ok;
    }

    static const QRegularExpression languageForm(u"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"_s);
    const QString language = m_language->text().trimmed();
    ok = FieldMessages::show(m_languageError,
                             language.isEmpty() || languageForm.match(language).hasMatch()
                                 ? QString()
                                 : tr("A language code such as en, de or zh-Hans.")) &&
         ok;
    okButton()->setEnabled(ok);
}

Source SourceEditorDialog::source() const {
    Source result = m_source;
    result.kind = m_kind->currentData().toString();
    result.title = m_title->text().trimmed();
    result.outlet = m_outlet->text().trimmed();
    result.authors.clear();
    for (const QString &author : m_authors->text().split(u';'))
        if (!author.trimmed().isEmpty())
            result.authors << author.trimmed();
    result.url = m_url->text().trimmed();
    result.doi = m_doi->text().trimmed().isEmpty() ? QString() : normalisedDoi(m_doi->text());
    result.published = DateInput::parse(m_published->text()).value_or(PartialDate());
    result.accessed = DateInput::parse(m_accessed->text()).value_or(PartialDate());
    result.language = m_language->text().trimmed();
    result.excerpt = m_excerpt->toPlainText();
    result.notes = m_notes->toPlainText();
    return result;
}
