#pragma once

#include <QString>
#include <QUrl>

#include <optional>

// Which addresses the app will hand to the browser: http, https and mailto only. A DOI
// ("10.1234/x" or "doi:10.1234/x") becomes https://doi.org/…; anything else (javascript:,
// file:, data:, custom schemes, text that is no address) is refused with a reason.
class LinkPolicy {
public:
    [[nodiscard]] static std::optional<QUrl> openableUrl(const QString &address,
                                                         QString *reason = nullptr);
    [[nodiscard]] static QUrl doiUrl(const QString &doi);
    // javascript:, vbscript:, file: and data: addresses run code or reach into the reader's
    // own machine: they are never a source's address (imports move them to the notes, Dataset
    // Health lists those already stored).
    [[nodiscard]] static bool isUnsafeAddress(const QString &address);
    // A mailto: link with only the recipients, `subject` and `body`: `attach=`, `cc=` and the
    // like could make a mail program attach local files or copy in others. Other URLs as given.
    [[nodiscard]] static QUrl sanitizedMailto(const QUrl &url);
};
