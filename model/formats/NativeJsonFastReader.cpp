#include "model/formats/NativeJsonFastReader.h"

#include "model/formats/NativeJsonFormat.h"

#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <cstring>
#include <limits>
#include <utility>

#ifdef Q_OS_UNIX
#include <sys/mman.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

// Every method returns false to mean "not sure: let the thorough reader decide".
class FastReader {
public:
    FastReader(const QByteArray &bytes, NativeJsonFastReader::Pages pages)
        : m_p(bytes.constData())
        , m_end(bytes.constData() + bytes.size())
        , m_begin(bytes.constData())
        , m_released(bytes.constData())
        , m_release(pages == NativeJsonFastReader::Pages::ReleaseAsRead) {}

    std::optional<Dataset> read() {
        Dataset dataset;
        if (!readRoot(dataset))
            return std::nullopt;
        return dataset;
    }

    bool readInParts(qsizetype firstPartEvents, qsizetype partEvents,
                     const DatasetPartReceiver &receive) {
        m_receive = &receive;
        m_partEvents = std::max<qsizetype>(1, firstPartEvents);
        m_laterPartEvents = std::max<qsizetype>(1, partEvents);
        Dataset rest;
        return readRoot(rest) && receive(std::move(rest), true);
    }

private:
    // Gives the pages before the current position back, 16 MB at a time (see Pages).
    void releaseReadPages() {
#ifdef Q_OS_UNIX
        constexpr qsizetype Step = qsizetype(16) << 20;
        if (!m_release || m_p - m_released < Step)
            return;
        const auto page = quintptr(sysconf(_SC_PAGESIZE));
        const auto from = (quintptr(m_released) + page - 1) / page * page;
        const auto to = quintptr(m_p) / page * page;
        if (to > from)
            madvise(reinterpret_cast<void *>(from), size_t(to - from), MADV_DONTNEED);
        m_released = m_p;
#endif
    }

    // ---- JSON syntax (RFC 8259, strictly; anything beyond it is left to Qt) ----

    void skipSpace() {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool take(char c) {
        skipSpace();
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }

    char peek() {
        skipSpace();
        return m_p < m_end ? *m_p : '\0';
    }

    // One well-formed UTF-8 sequence of two or more bytes at m_p; no surrogates, no overlong
    // forms, no noncharacters (Qt's own checks are left to decide those).
    bool skipUtf8Sequence() {
        const auto *s = reinterpret_cast<const unsigned char *>(m_p);
        const auto *e = reinterpret_cast<const unsigned char *>(m_end);
        const auto cont = [&](qsizetype i) {
            return s + i < e && (s[i] & 0xC0) == 0x80;
        };
        char32_t cp = 0;
        qsizetype length = 0;
        if (s[0] >= 0xC2 && s[0] <= 0xDF) {
            if (!cont(1))
                return false;
            cp = char32_t(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
            length = 2;
        } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
            if (!cont(1) || !cont(2))
                return false;
            cp = char32_t(s[0] & 0x0F) << 12 | char32_t(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
            if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
                return false;
            length = 3;
        } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
            if (!cont(1) || !cont(2) || !cont(3))
                return false;
            cp = char32_t(s[0] & 0x07) << 18 | char32_t(s[1] & 0x3F) << 12 |
                 char32_t(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
            if (cp < 0x10000 || cp > 0x10FFFF)
                return false;
            length = 4;
        } else {
            return false;
        }
        // Noncharacters, and U+FEFF, which Qt's reader drops at the start of a string.
        if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE || cp == 0xFEFF)
            return false;
        m_p += length;
        return true;
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool hex4(char16_t *out) {
        if (m_end - m_p < 4)
            return false;
        int value = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hexValue(m_p[i]);
            if (digit < 0)
                return false;
            value = value * 16 + digit;
        }
        m_p += 4;
        *out = char16_t(value);
        return true;
    }

    // A run of unescaped characters up to the next quote or backslash; whether it was ASCII.
    bool scanRun(bool *ascii) {
        *ascii = true;
        while (m_p < m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"' || c == '\\')
                return true;
            if (c < 0x20)
                return false;
            if (c >= 0x80) {
                *ascii = false;
                if (!skipUtf8Sequence())
                    return false;
                continue;
            }
            ++m_p;
        }
        return false; // the string never closes
    }

    static void appendRun(QString *out, const char *begin, const char *end, bool ascii) {
        if (ascii)
            out->append(QLatin1StringView(begin, end - begin));
        else
            out->append(QString::fromUtf8(begin, end - begin));
    }

    // A string value; `out` may be null to only check it.
    bool string(QString *out) {
        if (!take('"'))
            return false;
        const char *start = m_p;
        bool ascii = true;
        if (!scanRun(&ascii))
            return false;
        if (*m_p == '"') {
            if (out)
                *out = ascii ? QString::fromLatin1(start, m_p - start)
                             : QString::fromUtf8(start, m_p - start);
            ++m_p;
            return true;
        }
        QString text;
        appendRun(&text, start, m_p, ascii);
        while (m_p < m_end) {
            if (*m_p == '"') {
                ++m_p;
                if (out)
                    *out = std::move(text);
                return true;
            }
            // A backslash.
            if (++m_p >= m_end)
                return false;
            const char escape = *m_p++;
            switch (escape) {
            case '"':
            case '\\':
            case '/':
                text.append(QChar(char16_t(escape)));
                break;
            case 'b':
                text.append(u'\b');
                break;
            case 'f':
                text.append(u'\f');
                break;
            case 'n':
                text.append(u'\n');
                break;
            case 'r':
                text.append(u'\r');
                break;
            case 't':
                text.append(u'\t');
                break;
            case 'u': {
                char16_t unit = 0;
                if (!hex4(&unit))
                    return false;
                if (QChar::isLowSurrogate(unit))
                    return false;
                if (QChar::isHighSurrogate(unit)) {
                    char16_t low = 0;
                    if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                        return false;
                    m_p += 2;
                    if (!hex4(&low) || !QChar::isLowSurrogate(low))
                        return false;
                    const char32_t cp = QChar::surrogateToUcs4(unit, low);
                    if ((cp & 0xFFFE) == 0xFFFE)
                        return false;
                    text.append(QChar(unit));
                    text.append(QChar(low));
                } else {
                    if ((unit >= 0xFDD0 && unit <= 0xFDEF) || (unit & 0xFFFE) == 0xFFFE)
                        return false;
                    text.append(QChar(unit));
                }
                break;
            }
            default:
                return false;
            }
            const char *runStart = m_p;
            if (!scanRun(&ascii))
                return false;
            appendRun(&text, runStart, m_p, ascii);
        }
        return false;
    }

    // A key as raw bytes when it has no escapes (all our keys); escaped keys give up.
    bool key(QByteArrayView *out) {
        if (!take('"'))
            return false;
        const char *start = m_p;
        while (m_p < m_end && *m_p != '"') {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '\\' || c < 0x20)
                return false;
            if (c >= 0x80) {
                if (!skipUtf8Sequence())
                    return false;
                continue;
            }
            ++m_p;
        }
        if (m_p >= m_end)
            return false;
        *out = QByteArrayView(start, m_p - start);
        ++m_p;
        return take(':');
    }

    // A whole number written plainly (no fraction, no exponent) that fits an int.
    bool integer(int *out) {
        skipSpace();
        const bool negative = m_p < m_end && *m_p == '-';
        if (negative)
            ++m_p;
        if (m_p >= m_end || *m_p < '0' || *m_p > '9')
            return false;
        if (*m_p == '0' && m_p + 1 < m_end && m_p[1] >= '0' && m_p[1] <= '9')
            return false;
        qint64 value = 0;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9') {
            value = value * 10 + (*m_p++ - '0');
            if (value > std::numeric_limits<int>::max())
                return false;
        }
        if (m_p < m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E'))
            return false;
        *out = int(negative ? -value : value);
        return true;
    }

    bool literal(const char *word) {
        skipSpace();
        const qsizetype length = qsizetype(std::strlen(word));
        if (m_end - m_p < length || std::memcmp(m_p, word, size_t(length)) != 0)
            return false;
        m_p += length;
        return true;
    }

    // A number of any plain form (the fraction and the exponent of short numbers only).
    bool skipNumber() {
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        const char *digits = m_p;
        if (m_p >= m_end || *m_p < '0' || *m_p > '9')
            return false;
        if (*m_p == '0' && m_p + 1 < m_end && m_p[1] >= '0' && m_p[1] <= '9')
            return false;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (m_p >= m_end || *m_p < '0' || *m_p > '9')
                return false;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E'))
            return false;
        return m_p - digits <= 15;
    }

    bool skipValue(int depth = 0) {
        if (depth > 64)
            return false;
        switch (peek()) {
        case '"':
            return string(nullptr);
        case '{': {
            ++m_p;
            if (take('}'))
                return true;
            do {
                QByteArrayView name;
                if (!key(&name) || !skipValue(depth + 1))
                    return false;
            } while (take(','));
            return take('}');
        }
        case '[':
            ++m_p;
            if (take(']'))
                return true;
            do {
                if (!skipValue(depth + 1))
                    return false;
            } while (take(','));
            return take(']');
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return skipNumber();
        }
    }

    // Walks the members of an object, calling `member(key)` with m_p at each value; a key
    // given twice gives up (Qt keeps the last; this reader does not guess).
    template <typename Member>
    bool object(Member member) {
        if (!take('{'))
            return false;
        if (take('}'))
            return true;
        QVarLengthArray<QByteArrayView, 16> keys;
        do {
            QByteArrayView name;
            if (!key(&name) || keys.size() >= 64 ||
                std::find(keys.cbegin(), keys.cend(), name) != keys.cend())
                return false;
            keys.append(name);
            if (!member(name))
                return false;
        } while (take(','));
        return take('}');
    }

    template <typename Element>
    bool array(Element element) {
        if (!take('['))
            return false;
        if (take(']'))
            return true;
        do {
            if (!element())
                return false;
        } while (take(','));
        return take(']');
    }

    // ---- Field values, as NativeJsonFormat's reader takes them ----

    // A string, or null (empty; the field counts as absent).
    bool optionalString(QString *out) {
        if (peek() == 'n') {
            out->clear();
            return literal("null");
        }
        return string(out);
    }

    bool strings(QStringList *out) {
        out->clear();
        if (peek() == 'n')
            return literal("null");
        return array([&] {
            QString text;
            if (!string(&text))
                return false;
            *out << std::move(text);
            return true;
        });
    }

    bool date(PartialDate *out) {
        QString text;
        if (!optionalString(&text))
            return false;
        if (text.isEmpty()) {
            *out = {};
            return true;
        }
        const auto parsed = PartialDate::parseIso(text);
        if (!parsed)
            return false;
        *out = *parsed;
        return true;
    }

    static bool present(const QString &required) {
        return !required.trimmed().isEmpty();
    }

    // ---- The file ----

    bool readRoot(Dataset &dataset) {
        QString format;
        int version = 0;
        bool eventsRead = false;
        QSet<QString> categoryNames;
        QSet<QString> sourceUids;
        QSet<QString> eventUids;
        const bool whole = object([&](QByteArrayView name) {
            if (name == "format")
                return string(&format);
            if (name == "version")
                return integer(&version);
            if (name == "title")
                return optionalString(&dataset.title);
            if (name == "categories")
                return !eventsRead && readCategories(dataset, categoryNames);
            if (name == "sources")
                return !eventsRead && readSources(dataset, sourceUids);
            if (name == "events") {
                eventsRead = true;
                // The sources go first, on their own: the store writes them while the first
                // events are read (a 100k-event file's first part took 0.3 s to read).
                if (m_receive && !dataset.sources.isEmpty() && !handOverSources(dataset))
                    return false;
                return readEvents(dataset, categoryNames, sourceUids, eventUids);
            }
            if (name == "saved_views")
                return readViews(dataset);
            if (name == "relations")
                return eventsRead && readRelations(dataset, eventUids, sourceUids);
            return skipValue();
        });
        skipSpace();
        return whole && m_p == m_end && format == u"chiptimeline"_s && version >= 1 &&
               version <= NativeJsonFormat::Version;
    }

    // "translations": {"de": {"title": "…", …}}: each text by language and field name;
    // a bad language code or a value that is not text fails (the thorough reader names it).
    template <typename Take>
    bool translations(const Take &take) {
        if (peek() == 'n')
            return literal("null");
        return object([&](QByteArrayView language) {
            const QString code = QString::fromUtf8(language);
            if (!DataTranslations::isLanguageCode(code))
                return false;
            return object([&](QByteArrayView field) {
                QString text;
                if (!optionalString(&text))
                    return false;
                take(code, field, text);
                return true;
            });
        });
    }

    bool readCategories(Dataset &dataset, QSet<QString> &names) {
        qsizetype index = 0;
        return array([&] {
            Category category;
            QString color;
            bool hasOrder = false;
            const bool ok = object([&](QByteArrayView name) {
                if (name == "name")
                    return optionalString(&category.name);
                if (name == "label")
                    return optionalString(&category.label);
                if (name == "color")
                    return optionalString(&color);
                if (name == "order") {
                    if (peek() == 'n')
                        return literal("null");
                    hasOrder = true;
                    return integer(&category.order);
                }
                if (name == "translations")
                    return translations(
                        [&](const QString &language, QByteArrayView field, const QString &text) {
                            if (field == "label" && !text.trimmed().isEmpty())
                                category.labelTranslations.insert(language, text.trimmed());
                        });
                return skipValue();
            });
            if (!ok || !present(category.name) || names.contains(category.name))
                return false;
            if (!color.isEmpty()) {
                category.color = QColor::fromString(color);
                if (!category.color.isValid())
                    return false;
            }
            if (!hasOrder)
                category.order = int(index) + 1;
            names.insert(category.name);
            dataset.categories << std::move(category);
            ++index;
            return true;
        });
    }

    bool readSources(Dataset &dataset, QSet<QString> &uids) {
        return array([&] {
            Source source;
            source.kind.clear();
            const bool ok = object([&](QByteArrayView name) {
                if (name == "uid")
                    return optionalString(&source.uid);
                if (name == "kind")
                    return optionalString(&source.kind);
                if (name == "title")
                    return optionalString(&source.title);
                if (name == "outlet")
                    return optionalString(&source.outlet);
                if (name == "authors")
                    return strings(&source.authors);
                if (name == "url")
                    return optionalString(&source.url);
                if (name == "doi")
                    return optionalString(&source.doi);
                if (name == "published")
                    return date(&source.published);
                if (name == "accessed")
                    return date(&source.accessed);
                if (name == "language")
                    return optionalString(&source.language);
                if (name == "excerpt")
                    return optionalString(&source.excerpt);
                if (name == "notes")
                    return optionalString(&source.notes);
                return skipValue();
            });
            if (!ok || !present(source.uid) || !present(source.title) || uids.contains(source.uid))
                return false;
            if (source.kind.isEmpty())
                source.kind = u"news"_s;
            uids.insert(source.uid);
            dataset.sources << std::move(source);
            releaseReadPages();
            return true;
        });
    }

    bool readCitation(Event &event, const QSet<QString> &sourceUids) {
        return readCitation(event.citations, sourceUids);
    }

    bool readCitation(QList<Citation> &citations, const QSet<QString> &sourceUids) {
        Citation citation;
        const bool ok = object([&](QByteArrayView name) {
            if (name == "source")
                return optionalString(&citation.sourceUid);
            if (name == "quote")
                return optionalString(&citation.quote);
            if (name == "locator")
                return optionalString(&citation.locator);
            return skipValue();
        });
        if (!ok || !sourceUids.contains(citation.sourceUid))
            return false;
        citations << std::move(citation);
        return true;
    }

    // The relations after the events (NativeJsonRelations words what is wrong with one).
    bool readRelations(Dataset &dataset, const QSet<QString> &eventUids,
                       const QSet<QString> &sourceUids) {
        QSet<QString> keys;
        return array([&] {
            Relation relation;
            QString type;
            const bool ok = object([&](QByteArrayView name) {
                if (name == "from")
                    return optionalString(&relation.fromUid);
                if (name == "to")
                    return optionalString(&relation.toUid);
                if (name == "type")
                    return optionalString(&type);
                if (name == "note")
                    return optionalString(&relation.note);
                if (name == "sources") {
                    if (peek() == 'n')
                        return literal("null");
                    return array([&] { return readCitation(relation.citations, sourceUids); });
                }
                return skipValue();
            });
            const std::optional<RelationType> parsed = relationTypeFromKey(type);
            if (!ok || !parsed || !eventUids.contains(relation.fromUid) ||
                !eventUids.contains(relation.toUid) || relation.fromUid == relation.toUid)
                return false;
            relation.type = *parsed;
            const QString key =
                relation.fromUid + u'\n' + relationTypeKey(relation.type) + u'\n' + relation.toUid;
            if (keys.contains(key))
                return false;
            keys.insert(key);
            dataset.relations << std::move(relation);
            return true;
        });
    }

    bool readEvents(Dataset &dataset, QSet<QString> &categoryNames, const QSet<QString> &sourceUids,
                    QSet<QString> &uids) {
        return array([&] {
            Event event;
            QString status;
            bool hasStart = false;
            const bool ok = object([&](QByteArrayView name) {
                if (name == "uid")
                    return optionalString(&event.uid);
                if (name == "title")
                    return optionalString(&event.title);
                if (name == "summary")
                    return optionalString(&event.summary);
                if (name == "translations")
                    return translations(
                        [&](const QString &language, QByteArrayView field, const QString &text) {
                            if (field == "title" && !text.trimmed().isEmpty())
                                event.translations[language].title = text.trimmed();
                            else if (field == "summary" && !text.isEmpty())
                                event.translations[language].summary = text;
                        });
                if (name == "start") {
                    hasStart = true;
                    return date(&event.start);
                }
                if (name == "end")
                    return date(&event.end);
                if (name == "category")
                    return optionalString(&event.category);
                if (name == "status")
                    return optionalString(&status);
                if (name == "actors")
                    return strings(&event.actors);
                if (name == "chips")
                    return strings(&event.chips);
                if (name == "tags")
                    return strings(&event.tags);
                if (name == "importance")
                    return integer(&event.importance) && event.importance >= 1 &&
                           event.importance <= 3;
                if (name == "sources") {
                    if (peek() == 'n')
                        return literal("null");
                    return array([&] { return readCitation(event, sourceUids); });
                }
                return skipValue();
            });
            if (!ok || !present(event.uid) || !present(event.title) || !hasStart ||
                !event.start.isValid() || uids.contains(event.uid))
                return false;
            if (event.end.isValid() && event.end.lastJulianDay() < event.start.firstJulianDay())
                return false;
            if (!status.isEmpty()) {
                const auto parsed = eventStatusFromKey(status);
                if (!parsed)
                    return false;
                event.status = *parsed;
            }
            if (!event.category.isEmpty() && !categoryNames.contains(event.category)) {
                categoryNames.insert(event.category);
                Category category;
                category.name = event.category;
                category.order = int(m_categoriesHandedOver + dataset.categories.size()) + 1;
                category.color = QColor(0x80, 0x80, 0x80);
                dataset.categories << category;
            }
            uids.insert(event.uid);
            dataset.events << std::move(event);
            releaseReadPages();
            return !m_receive || dataset.events.size() < m_partEvents || handOver(dataset);
        });
    }

    bool readViews(Dataset &dataset) {
        return array([&] {
            SavedView view;
            const bool ok = object([&](QByteArrayView name) {
                if (name == "name")
                    return optionalString(&view.name);
                if (name == "filter")
                    return optionalString(&view.filter);
                return skipValue();
            });
            if (!ok || !present(view.name))
                return false;
            dataset.savedViews << std::move(view);
            return true;
        });
    }

    // Hands what was read so far over as a part (everything but the saved views, which
    // follow the events), and starts the next part empty.
    bool handOver(Dataset &dataset) {
        Dataset part;
        part.events = std::exchange(dataset.events, {});
        dataset.events.reserve(m_laterPartEvents);
        m_partEvents = m_laterPartEvents;
        return handOverSources(dataset, std::move(part));
    }

    // The sources and categories read so far, with the events in `part` (none: a part of
    // its own before the events).
    bool handOverSources(Dataset &dataset, Dataset &&part = {}) {
        part.title = dataset.title;
        part.categories = std::exchange(dataset.categories, {});
        part.sources = std::exchange(dataset.sources, {});
        m_categoriesHandedOver += part.categories.size();
        return (*m_receive)(std::move(part), false);
    }

    const DatasetPartReceiver *m_receive = nullptr;
    qsizetype m_partEvents = 0;
    qsizetype m_laterPartEvents = 0;
    qsizetype m_categoriesHandedOver = 0;
    const char *m_p;
    const char *m_end;
    const char *m_begin;
    const char *m_released;
    bool m_release;
};

} // namespace

std::optional<Dataset> NativeJsonFastReader::read(const QByteArray &bytes, Pages pages) {
    return FastReader(bytes, pages).read();
}

bool NativeJsonFastReader::readInParts(const QByteArray &bytes, Pages pages,
                                       qsizetype firstPartEvents, qsizetype partEvents,
                                       const DatasetPartReceiver &receive) {
    return FastReader(bytes, pages).readInParts(firstPartEvents, partEvents, receive);
}
