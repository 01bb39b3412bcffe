#include "ui/widgets/AppTheme.h"

#include <QApplication>

using namespace Qt::StringLiterals;

namespace AppTheme {

namespace {

struct Colours {
    QColor window, windowText, base, alternateBase, text, button, buttonText, highlight,
        highlightedText, link, placeholder, disabledText, light, mid, dark, toolTipBase,
        toolTipText;
};

QPalette paletteOf(const Colours &c) {
    QPalette p;
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.windowText);
    p.setColor(QPalette::Base, c.base);
    p.setColor(QPalette::AlternateBase, c.alternateBase);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::Button, c.button);
    p.setColor(QPalette::ButtonText, c.buttonText);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, c.highlight);
    p.setColor(QPalette::HighlightedText, c.highlightedText);
    p.setColor(QPalette::Link, c.link);
    p.setColor(QPalette::LinkVisited, c.link);
    p.setColor(QPalette::PlaceholderText, c.placeholder);
    p.setColor(QPalette::Light, c.light);
    p.setColor(QPalette::Midlight, c.mid.lighter(115));
    p.setColor(QPalette::Mid, c.mid);
    p.setColor(QPalette::Dark, c.dark);
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::ToolTipBase, c.toolTipBase);
    p.setColor(QPalette::ToolTipText, c.toolTipText);
    for (QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, c.disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, c.mid);
    return p;
}

} // namespace

QPalette lightPalette() {
    return paletteOf({.window = QColor(0xef, 0xef, 0xef),
                      .windowText = QColor(0x1f, 0x1f, 0x1f),
                      .base = Qt::white,
                      .alternateBase = QColor(0xf5, 0xf5, 0xf5),
                      .text = QColor(0x1f, 0x1f, 0x1f),
                      .button = QColor(0xef, 0xef, 0xef),
                      .buttonText = QColor(0x1f, 0x1f, 0x1f),
                      .highlight = QColor(0x30, 0x8c, 0xc6),
                      .highlightedText = Qt::white,
                      .link = QColor(0x1a, 0x5f, 0xb4),
                      .placeholder = QColor(0x70, 0x70, 0x70),
                      .disabledText = QColor(0x9a, 0x9a, 0x9a),
                      .light = Qt::white,
                      .mid = QColor(0xb8, 0xb8, 0xb8),
                      .dark = QColor(0x9f, 0x9f, 0x9f),
                      .toolTipBase = QColor(0xff, 0xff, 0xdc),
                      .toolTipText = Qt::black});
}

QPalette darkPalette() {
    return paletteOf({.window = QColor(0x2b, 0x2d, 0x30),
                      .windowText = QColor(0xe6, 0xe6, 0xe6),
                      .base = QColor(0x1e, 0x1f, 0x22),
                      .alternateBase = QColor(0x26, 0x28, 0x2b),
                      .text = QColor(0xe6, 0xe6, 0xe6),
                      .button = QColor(0x35, 0x37, 0x3b),
                      .buttonText = QColor(0xe6, 0xe6, 0xe6),
                      .highlight = QColor(0x3d, 0x7e, 0xc9),
                      .highlightedText = Qt::white,
                      .link = QColor(0x7a, 0xb7, 0xff),
                      .placeholder = QColor(0x96, 0x96, 0x96),
                      .disabledText = QColor(0x6e, 0x6e, 0x6e),
                      .light = QColor(0x4a, 0x4c, 0x50),
                      .mid = QColor(0x3a, 0x3c, 0x40),
                      .dark = QColor(0x18, 0x19, 0x1b),
                      .toolTipBase = QColor(0x3a, 0x3c, 0x40),
                      .toolTipText = QColor(0xe6, 0xe6, 0xe6)});
}

void apply(AppSettings::Theme theme) {
    switch (theme) {
    case AppSettings::Theme::System:
        // A palette that sets nothing: the platform's, which keeps following it.
        QApplication::setPalette(QPalette());
        break;
    case AppSettings::Theme::Light:
        QApplication::setPalette(lightPalette());
        break;
    case AppSettings::Theme::Dark:
        QApplication::setPalette(darkPalette());
        break;
    }
}

TimelineTheme timelineThemeFor(const QPalette &palette) {
    // Qt 6.4 has no colour-scheme hint: a dark window background means a dark theme.
    return palette.color(QPalette::Window).lightness() < 128 ? TimelineTheme::dark()
                                                             : TimelineTheme::light();
}

} // namespace AppTheme
