#pragma once

#include "model/InputError.h"

#include <QByteArray>
#include <QSet>
#include <QString>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

// Shared by the libFuzzer harnesses: an invariant that does not hold is a finding, reported
// like a crash (abort), so libFuzzer saves the input and scripts/fuzz counts it.
[[noreturn]] inline void fuzzFail(const char *what, const QString &detail = {}) {
    std::fprintf(stderr, "INVARIANT FAILED: %s\n%s\n", what, detail.toUtf8().constData());
    std::abort();
}

// A weaker invariant whose failures are open findings (docs/reliability.md) rather than
// defects: reported once per run as "SOFT FINDING" (scripts/fuzz counts them), fatal only
// with CHIPTIMELINE_FUZZ_STRICT=1 set, to minimise a new one.
inline void softFinding(const char *what, const QString &detail) {
    static const bool strict = qEnvironmentVariableIsSet("CHIPTIMELINE_FUZZ_STRICT");
    if (strict)
        fuzzFail(what, detail);
    static bool reported = false;
    if (!reported)
        std::fprintf(stderr, "SOFT FINDING: %s\n%s\n", what, detail.toUtf8().constData());
    reported = true;
}

#define FUZZ_CHECK(condition, detail)                                                              \
    do {                                                                                           \
        if (!(condition))                                                                          \
            fuzzFail(#condition, (detail));                                                        \
    } while (false)

// A refused file must say why.
inline void checkErrorReported(const InputError &error) {
    FUZZ_CHECK(!error.message.isEmpty(), QStringLiteral("refused without a message"));
    FUZZ_CHECK(!error.toString().isEmpty(), QString());
}

inline QByteArray fuzzBytes(const uint8_t *data, size_t size) {
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// A file we read back from our own export must be accepted (what we export is importable);
// writing it again should give the same bytes (a soft finding when it does not: a field
// moved or reformatted, nothing crashed).
template <typename Read, typename Write>
void checkExportRereads(const QByteArray &exported, const QString &fileName, Read read, Write write,
                        bool stable = true) {
    InputError again;
    const auto reread = read(exported, fileName, &again);
    if (!reread)
        fuzzFail("our own export is refused on import", again.toString());
    if (!stable)
        return;
    const QByteArray twice = write(*reread);
    if (twice != exported) {
        qsizetype at = 0;
        while (at < twice.size() && at < exported.size() && twice.at(at) == exported.at(at))
            ++at;
        const auto around = [at](const QByteArray &bytes) {
            return QString::fromLatin1(
                bytes.mid(qMax<qsizetype>(0, at - 80), 240).toPercentEncoding(" {}=,@\"'\\\n"));
        };
        softFinding("export not stable",
                    QStringLiteral(
                        "first difference at byte %1 (sizes %2, %3)\n--- once\n%4\n--- twice\n%5")
                        .arg(at)
                        .arg(exported.size())
                        .arg(twice.size())
                        .arg(around(exported), around(twice)));
    }
}

#include "model/formats/NativeJsonFormat.h"

// The native file is written in a stable order (docs/formats.md), not in the order given:
// compare datasets by content, each list sorted by its key.
inline Dataset sortedByKey(Dataset dataset) {
    const auto byKey = [](auto &list, auto key) {
        std::stable_sort(list.begin(), list.end(),
                         [&](const auto &a, const auto &b) { return key(a) < key(b); });
    };
    byKey(dataset.categories, [](const Category &c) { return c.name; });
    byKey(dataset.sources, [](const Source &s) { return s.uid; });
    byKey(dataset.events, [](const Event &e) { return e.uid; });
    byKey(dataset.savedViews, [](const SavedView &v) { return v.name; });
    return dataset;
}

// Names the first difference between two datasets, so a finding says what was lost.
inline QString datasetDifference(const Dataset &a, const Dataset &b) {
    if (a.title != b.title)
        return QStringLiteral("title: %1 | %2").arg(a.title, b.title);
    if (a.categories != b.categories)
        return QStringLiteral("categories differ");
    if (a.savedViews != b.savedViews)
        return QStringLiteral("saved views differ");
    if (a.sources.size() != b.sources.size())
        return QStringLiteral("source count");
    for (qsizetype i = 0; i < a.sources.size(); ++i) {
        const Source &x = a.sources.at(i);
        const Source &y = b.sources.at(i);
        if (x == y)
            continue;
        const auto field = [](const char *name, const QString &p, const QString &q) {
            return QStringLiteral("source field %1: [%2] | [%3]")
                .arg(QString::fromLatin1(name), p, q);
        };
        if (x.uid != y.uid)
            return field("uid", x.uid, y.uid);
        if (x.kind != y.kind)
            return field("kind", x.kind, y.kind);
        if (x.title != y.title)
            return field("title", x.title, y.title);
        if (x.outlet != y.outlet)
            return field("outlet", x.outlet, y.outlet);
        if (x.authors != y.authors)
            return field("authors", x.authors.join(u'|'), y.authors.join(u'|'));
        if (x.url != y.url)
            return field("url", x.url, y.url);
        if (x.doi != y.doi)
            return field("doi", x.doi, y.doi);
        if (x.published != y.published)
            return field("published", x.published.toIsoString(), y.published.toIsoString());
        if (x.accessed != y.accessed)
            return field("accessed", x.accessed.toIsoString(), y.accessed.toIsoString());
        if (x.language != y.language)
            return field("language", x.language, y.language);
        if (x.excerpt != y.excerpt)
            return field("excerpt", x.excerpt, y.excerpt);
        if (x.notes != y.notes)
            return field("notes", x.notes, y.notes);
        return field("id", QString::number(x.id), QString::number(y.id));
    }
    if (a.events.size() != b.events.size())
        return QStringLiteral("event count");
    for (qsizetype i = 0; i < a.events.size(); ++i) {
        const Event &x = a.events.at(i);
        const Event &y = b.events.at(i);
        if (x == y)
            continue;
        const auto field = [](const char *name, const QString &p, const QString &q) {
            return QStringLiteral("event field %1: [%2] | [%3]")
                .arg(QString::fromLatin1(name), p, q);
        };
        if (x.uid != y.uid)
            return field("uid", x.uid, y.uid);
        if (x.title != y.title)
            return field("title", x.title, y.title);
        if (x.summary != y.summary)
            return field("summary", x.summary, y.summary);
        if (x.start != y.start)
            return field("start", x.start.toIsoString(), y.start.toIsoString());
        if (x.end != y.end)
            return field("end", x.end.toIsoString(), y.end.toIsoString());
        if (x.category != y.category)
            return field("category", x.category, y.category);
        if (x.actors != y.actors)
            return field("actors", x.actors.join(u'|'), y.actors.join(u'|'));
        if (x.chips != y.chips)
            return field("chips", x.chips.join(u'|'), y.chips.join(u'|'));
        if (x.tags != y.tags)
            return field("tags", x.tags.join(u'|'), y.tags.join(u'|'));
        if (x.citations != y.citations)
            return QStringLiteral("event citations differ");
        if (x.created != y.created)
            return field("created", x.created.toString(Qt::ISODateWithMs),
                         y.created.toString(Qt::ISODateWithMs));
        if (x.modified != y.modified)
            return field("modified", x.modified.toString(Qt::ISODateWithMs),
                         y.modified.toString(Qt::ISODateWithMs));
        return QStringLiteral("event status/importance/id differ");
    }
    return QStringLiteral("no difference found");
}

// Whatever an importer accepts is a dataset the app keeps and shares: the native file must
// carry it losslessly. Two things the store does first are done here too: records without a
// uid get one, and of records sharing a uid the first is kept (ImportPolicy::Skip). The
// native file may name categories the events use that the input did not declare.
inline void checkNativeKeeps(Dataset dataset) {
    int next = 0;
    QSet<QString> seen;
    QList<Source> sources;
    for (Source source : std::as_const(dataset.sources)) {
        if (source.uid.isEmpty())
            source.uid = QStringLiteral("fuzz-source-%1").arg(++next);
        if (!seen.contains(source.uid))
            sources << source;
        seen.insert(source.uid);
    }
    dataset.sources = sources;
    seen.clear();
    QList<Event> events;
    for (Event event : std::as_const(dataset.events)) {
        if (event.uid.isEmpty())
            event.uid = QStringLiteral("fuzz-event-%1").arg(++next);
        if (!seen.contains(event.uid))
            events << event;
        seen.insert(event.uid);
    }
    dataset.events = events;

    const QByteArray native = NativeJsonFormat::write(dataset);
    InputError error;
    const auto reread = NativeJsonFormat::read(native, QStringLiteral("native.json"), &error);
    if (!reread)
        fuzzFail("an imported dataset cannot be read back from the native file",
                 error.toString() + QStringLiteral("\n") + QString::fromUtf8(native));
    Dataset expected = sortedByKey(dataset);
    Dataset actual = sortedByKey(*reread);
    for (const Category &category : std::as_const(expected.categories)) {
        const bool kept = std::any_of(actual.categories.cbegin(), actual.categories.cend(),
                                      [&](const Category &c) { return c == category; });
        FUZZ_CHECK(kept, QStringLiteral("category lost: ") + category.name);
    }
    expected.categories.clear();
    actual.categories.clear();
    FUZZ_CHECK(actual == expected, datasetDifference(expected, actual));
}

// The common harness body of a dataset format that reads and writes.
// `stableExport` false: the export must be accepted again, but need not give the same bytes
// (TimelineJS: HTML with nested or escaped markup becomes Markdown and back, not a fixed
// point; docs/reliability.md lists it as an open finding).
template <typename Read, typename Write>
void fuzzDatasetFormat(const QByteArray &bytes, const QString &fileName, Read read, Write write,
                       bool stableExport = true) {
    InputError error;
    const auto dataset = read(bytes, fileName, &error);
    if (!dataset) {
        checkErrorReported(error);
        return;
    }
    checkNativeKeeps(*dataset);
    checkExportRereads(write(*dataset), fileName, read, write, stableExport);
}
