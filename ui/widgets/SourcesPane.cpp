#include "ui/widgets/SourcesPane.h"

#include "model/LinkPolicy.h"
#include "model/store/TimelineStore.h"
#include "ui/widgets/SourceTableModel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SourcesPane::SourcesPane(QWidget *parent)
    : QWidget(parent)
    , m_model(new SourceTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SourceTableModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter sources by title, outlet, language…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_table = new QTableView(this);
    m_table->setObjectName(u"sourcesTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    // Newest first; sources without a date go last.
    m_table->sortByColumn(SourceTableModel::PublishedColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // The title gets the room; the outlet a fixed share the user can drag wider.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SourceTableModel::TitleColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(SourceTableModel::OutletColumn,
                                                      QHeaderView::Interactive);
    m_table->horizontalHeader()->resizeSection(SourceTableModel::OutletColumn, 100);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SourcesPane::showSelected);

    m_details = new QTextBrowser(this);
    m_details->setObjectName(u"sourceDetails"_s);
    m_details->setOpenLinks(false);
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == u"event"_s) {
            emit eventActivated(url.path().toLongLong());
            return;
        }
        QString reason;
        if (const auto allowed = LinkPolicy::openableUrl(url.toString(QUrl::FullyEncoded), &reason))
            emit openLinkRequested(*allowed);
        else
            emit linkRefused(tr("Link not opened: %1").arg(reason));
    });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addWidget(splitter);
}

void SourcesPane::reload(const TimelineStore &store) {
    const QString selected = selectedSourceUid();
    m_store = &store;
    m_model->setSources(store.sources(), store.citationCounts());
    if (!selected.isEmpty())
        selectSource(selected);
    else
        m_details->clear();
}

QString SourcesPane::selectedSourceUid() const {
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(SourceTableModel::UidRole).toString() : QString();
}

void SourcesPane::selectSource(const QString &uid) {
    const int row = m_model->rowOfUid(uid);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        m_filter->clear();
        return selectSource(uid);
    }
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void SourcesPane::showSelected() {
    const QModelIndex current = m_proxy->mapToSource(m_table->selectionModel()->currentIndex());
    if (!current.isValid() || !m_store) {
        m_details->clear();
        return;
    }
    const Source &source = m_model->source(current.row());
    const auto esc = [](const QString &text) {
        return text.toHtmlEscaped();
    };
    QString html = u"<h3>%1</h3>"_s.arg(esc(source.title));
    QStringList facts;
    if (!source.outlet.isEmpty())
        facts << u"<b>%1</b>"_s.arg(esc(source.outlet));
    if (!source.authors.isEmpty())
        facts << esc(source.authors.join(u"; "_s));
    if (source.published.isValid())
        facts << esc(source.published.toDisplayString());
    facts << esc(source.kind);
    if (!source.language.isEmpty())
        facts << esc(source.language);
    html += u"<p>%1</p>"_s.arg(facts.join(u" · "_s));
    QString address = source.url;
    if (address.isEmpty() && !source.doi.isEmpty())
        address = LinkPolicy::doiUrl(source.doi).toString();
    html += address.isEmpty()
                ? u"<p style='color:#b26a00'>%1</p>"_s.arg(esc(tr("No address recorded.")))
                : u"<p><a href=\"%1\">%2</a></p>"_s.arg(esc(address), esc(address));
    if (!source.excerpt.isEmpty())
        html += u"<p><i>%1</i></p>"_s.arg(esc(source.excerpt));
    if (!source.notes.isEmpty())
        html += u"<p style='color:gray'>%1</p>"_s.arg(esc(source.notes).replace(u'\n', u"<br>"_s));
    const QList<std::pair<Event, Citation>> citing = m_store->citingEvents(source.uid);
    html += u"<h4>%1</h4>"_s.arg(
        esc((citing.size() == 1 ? tr("Cited by 1 event")
                                : tr("Cited by %1 events").arg(citing.size()))));
    for (const auto &[event, citation] : citing) {
        html += u"<p><a href=\"event:%1\">%2</a> — %3"_s.arg(event.id).arg(
            esc(event.title), esc(event.start.toDisplayString()));
        if (!citation.quote.isEmpty())
            html += u"<br><i>„%1“</i>"_s.arg(esc(citation.quote));
        html += u"</p>"_s;
    }
    m_details->setHtml(html);
}
