#include "ui/render/TextMeasurer.h"

#include <QHash>
#include <QMutex>

std::shared_ptr<const TextMeasurer::Table> TextMeasurer::tableFor(const QFont &font) {
    static QMutex mutex;
    static QHash<QString, std::shared_ptr<const Table>> cache;
    const QString key = font.key();
    const QMutexLocker lock(&mutex);
    if (auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    const QFontMetricsF fm(font);
    auto table = std::make_shared<Table>();
    for (int c = 0; c < 256; ++c)
        (*table)[size_t(c)] = fm.horizontalAdvance(QChar(c));
    (*table)[256] = fm.horizontalAdvance(QChar(0x2026));
    cache.insert(key, table);
    return table;
}
