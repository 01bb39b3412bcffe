#include "ui/widgets/HelpWindow.h"

#include <QAction>
#include <QDesktopServices>
#include <QKeySequence>
#include <QTextBrowser>
#include <QTextDocument>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

const QUrl &HelpWindow::guideUrl() {
    static const QUrl url(u"qrc:/help/guide.html"_s);
    return url;
}

HelpWindow::HelpWindow(QWidget *parent)
    : QWidget(parent, Qt::Window) {
    setObjectName(u"helpWindow"_s);
    setWindowTitle(tr("ChipTimeline User Guide"));
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(u"guide"_s);
    // Every link is judged here: only the guide's own pages, web and mail addresses.
    m_browser->setOpenLinks(false);
    m_browser->setOpenExternalLinks(false);
    m_browser->document()->setDocumentMargin(14);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &HelpWindow::follow);

    auto *bar = new QToolBar(this);
    QAction *back = bar->addAction(tr("Back"), m_browser, &QTextBrowser::backward);
    back->setShortcut(QKeySequence::Back);
    back->setToolTip(tr("Back to the previous place in the guide"));
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QAction::setEnabled);
    back->setEnabled(false);
    QAction *contents = bar->addAction(tr("Contents"), this, [this] { showSection({}); });
    contents->setToolTip(tr("The guide's table of contents"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_browser);
    resize(760, 820);
    m_browser->setSource(guideUrl());
}

void HelpWindow::showSection(const QString &anchor) {
    QUrl url = guideUrl();
    if (!anchor.isEmpty())
        url.setFragment(anchor);
    m_browser->setSource(url);
    if (anchor.isEmpty())
        m_browser->scrollToAnchor({});
}

void HelpWindow::follow(const QUrl &url) {
    const QUrl resolved = m_browser->source().resolved(url);
    if (resolved.scheme() == u"qrc"_s && resolved.path() == guideUrl().path()) {
        m_browser->setSource(resolved);
        return;
    }
    const QString scheme = resolved.scheme();
    if (scheme == u"http"_s || scheme == u"https"_s || scheme == u"mailto"_s) {
        emit externalLinkRequested(resolved);
        QDesktopServices::openUrl(resolved);
    }
}
