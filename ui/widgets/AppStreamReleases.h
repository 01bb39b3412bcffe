#pragma once

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

#include <optional>

// The <releases> of an AppStream metainfo file: what Help → What's New shows, read from the
// metainfo the program installs (built into it as a resource), so the release notes are
// written once.
namespace AppStreamReleases {

struct Release {
    QString version;
    QDate date;
    // The <description>'s paragraphs and lists as HTML (p, ul, ol, li, em, code), text escaped.
    QString descriptionHtml;

    friend bool operator==(const Release &, const Release &) = default;
};

// The releases in file order (AppStream lists the newest first); nullopt and a reason
// naming the line when the XML is broken, a release lacks its version or date, or there
// is no <releases>.
[[nodiscard]] std::optional<QList<Release>> parse(const QByteArray &xml, QString *error = nullptr);

// The metainfo built into the program.
[[nodiscard]] QString bundledPath();
[[nodiscard]] std::optional<QList<Release>> bundled(QString *error = nullptr);

} // namespace AppStreamReleases
