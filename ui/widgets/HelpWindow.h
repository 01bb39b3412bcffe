#pragma once

#include <QWidget>

class QTextBrowser;
class QUrl;

// Help → User Guide: the guide bundled in the program (resources/help/guide.html), read
// offline in a QTextBrowser. Links inside the guide move within it; web and mail addresses
// open in the browser; nothing else is followed and nothing remote is fetched.
class HelpWindow : public QWidget {
    Q_OBJECT

public:
    explicit HelpWindow(QWidget *parent = nullptr);

    [[nodiscard]] QTextBrowser *browser() const { return m_browser; }
    // Shows the guide at a section ("search", "export", …); empty: the top.
    void showSection(const QString &anchor);

    static const QUrl &guideUrl();

signals:
    // A web or mail address the reader followed (tests watch it; the window opens it).
    void externalLinkRequested(const QUrl &url);

private:
    void follow(const QUrl &url);

    QTextBrowser *m_browser = nullptr;
};
