#include "ui/render/FigureLanguage.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Language {
    QLocale locale;
    std::unique_ptr<QTranslator> words; // null for English, the source language
};

thread_local const Language *current = nullptr;

// One loaded translation per language, kept for the program's life.
const Language *languageFor(const QString &code) {
    static QMutex mutex;
    static QHash<QString, std::shared_ptr<Language>> loaded;
    const QMutexLocker lock(&mutex);
    auto &entry = loaded[code];
    if (!entry) {
        entry = std::make_shared<Language>();
        entry->locale = QLocale(code);
        if (code != u"en"_s) {
            auto words = std::make_unique<QTranslator>();
            // A translation that fails to load leaves the figure in English, never empty.
            if (words->load(u":/i18n/chiptimeline_"_s + code + u".qm"_s))
                entry->words = std::move(words);
        }
    }
    return entry.get();
}

} // namespace

FigureLanguage::Scope::Scope(const QString &code)
    : m_previous(current) {
    if (!code.isEmpty())
        current = languageFor(code);
}

FigureLanguage::Scope::~Scope() {
    current = static_cast<const Language *>(m_previous);
}

QString FigureLanguage::translate(const char *context, const char *text) {
    if (!current)
        return QCoreApplication::translate(context, text);
    if (current->words) {
        const QString words = current->words->translate(context, text);
        if (!words.isEmpty())
            return words;
    }
    return QString::fromUtf8(text);
}

QLocale FigureLanguage::locale() {
    return current ? current->locale : QLocale();
}

QString FigureLanguage::quoted(const QString &text) {
    if (locale().language() == QLocale::German)
        return u"\u201e"_s + text + u"\u201c"_s;
    return u"\u201c"_s + text + u"\u201d"_s;
}

QString FigureLanguage::codeOf(const QString &requested) {
    if (!requested.isEmpty())
        return requested;
    return QLocale().language() == QLocale::German ? u"de"_s : u"en"_s;
}
