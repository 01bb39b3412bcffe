#include "ui/widgets/WhatsNewDialog.h"

#include "ui/widgets/AppStreamReleases.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLocale>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

WhatsNewDialog::WhatsNewDialog(QWidget *parent)
    : QDialog(parent) {
    setObjectName(u"whatsNewDialog"_s);
    setWindowTitle(tr("What's New in ChipTimeline"));
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(u"releases"_s);
    m_browser->setOpenLinks(false);

    QString error;
    const auto releases = AppStreamReleases::bundled(&error);
    QString html;
    if (!releases) {
        html = u"<p>"_s + tr("The release notes cannot be read: %1").arg(error).toHtmlEscaped() +
               u"</p>"_s;
    } else {
        for (const AppStreamReleases::Release &release : *releases) {
            const QString heading =
                tr("Version %1 — %2")
                    .arg(release.version, QLocale().toString(release.date, QLocale::LongFormat));
            html += u"<h3>"_s + heading.toHtmlEscaped() + u"</h3>"_s + release.descriptionHtml;
        }
    }
    m_browser->setHtml(html);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(560, 420);
}
