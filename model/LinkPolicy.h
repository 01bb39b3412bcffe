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
};
