#include "ui/render/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Translations {

QStringList available() {
    return {u"de"_s, u"en"_s};
}

QString systemLanguage() {
    const QStringList languages = available();
    for (const QString &language : QLocale::system().uiLanguages()) {
        const QString code = language.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
        if (languages.contains(code))
            return code;
    }
    return u"en"_s;
}

QString install(const QString &code, QObject *parent) {
    const QLocale locale(code);
    QLocale::setDefault(locale);
    if (code == u"en"_s)
        return {};
    QStringList missing;
    auto *own = new QTranslator(parent);
    if (own->load(u":/i18n/chiptimeline_"_s + code + u".qm"_s))
        QCoreApplication::installTranslator(own);
    else
        missing << u"chiptimeline_%1.qm"_s.arg(code);
    auto *qtWords = new QTranslator(parent);
    const QString qtFolder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (qtWords->load(u"qtbase_"_s + code, qtFolder))
        QCoreApplication::installTranslator(qtWords);
    else
        missing << u"%1/qtbase_%2.qm"_s.arg(qtFolder, code);
    if (missing.isEmpty())
        return {};
    return QCoreApplication::translate("Translations",
                                       "warning: cannot load %1; those texts stay in English")
        .arg(missing.join(u", "_s));
}

} // namespace Translations
