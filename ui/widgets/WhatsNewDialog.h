#pragma once

#include <QDialog>

class QTextBrowser;

// Help → What's New: the releases of the AppStream metainfo built into the program
// (AppStreamReleases), newest first, each with its version, date and notes.
class WhatsNewDialog : public QDialog {
    Q_OBJECT

public:
    explicit WhatsNewDialog(QWidget *parent = nullptr);

    [[nodiscard]] QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser = nullptr;
};
