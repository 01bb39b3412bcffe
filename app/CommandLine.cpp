#include "app/CommandLine.h"

#include "app/ChainCommand.h"
#include "app/ChangesCommand.h"
#include "app/ExportCommand.h"
#include "app/HistoryCommand.h"
#include "app/ListText.h"
#include "app/TeamCommands.h"

#include "model/DatasetHealth.h"
#include "model/DatasetReads.h"
#include "model/DefaultDatabase.h"
#include "model/FileImport.h"
#include "model/FilterNames.h"
#include "model/ImportPreview.h"
#include "model/SearchQuery.h"
#include "model/formats/DatasetFormats.h"
#include "model/formats/JsonWriter.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"
#include "ui/render/Translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace {

const QStringList commands = {u"list"_s,        u"search"_s, u"check"_s,     u"import"_s,
                              u"export-data"_s, u"export"_s, u"reproduce"_s, u"init"_s,
                              u"copy"_s,        u"chain"_s,  u"history"_s,   u"changes"_s};

struct Options {
    QCommandLineOption db{
        u"db"_s,
        QCoreApplication::translate("CommandLine",
                                    "Use the database file PATH (or the PostgreSQL server "
                                    "postgresql://…, service=NAME) instead of the default."),
        u"PATH"_s};
    QCommandLineOption json{
        u"json"_s, QCoreApplication::translate("CommandLine", "Print JSON instead of text.")};
    QCommandLineOption from{
        u"from"_s,
        QCoreApplication::translate("CommandLine",
                                    "Only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)."),
        u"DATE"_s};
    QCommandLineOption to{
        u"to"_s, QCoreApplication::translate("CommandLine", "Only events on or before DATE."),
        u"DATE"_s};
    QCommandLineOption category{
        u"category"_s,
        QCoreApplication::translate(
            "CommandLine",
            "Only events in category C, its key or its legend name, any case (repeatable)."),
        u"C"_s};
    QCommandLineOption actor{
        u"actor"_s,
        QCoreApplication::translate("CommandLine",
                                    "Only events involving actor A, any case (repeatable)."),
        u"A"_s};
    QCommandLineOption chip{u"chip"_s,
                            QCoreApplication::translate(
                                "CommandLine", "Only events about chip X, any case (repeatable)."),
                            u"X"_s};
    QCommandLineOption status{
        u"status"_s,
        QCoreApplication::translate("CommandLine", "Only events with status S (repeatable)."),
        u"S"_s};
    QCommandLineOption query{u"query"_s,
                             QCoreApplication::translate(
                                 "CommandLine", "Only events matching the full-text query TEXT."),
                             u"TEXT"_s};
    QCommandLineOption out{u"out"_s, QCoreApplication::translate("CommandLine", "Write to FILE."),
                           u"FILE"_s};
    QCommandLineOption format{
        u"format"_s, QCoreApplication::translate("CommandLine", "File format."), u"FORMAT"_s};
    QCommandLineOption policy{
        u"policy"_s,
        QCoreApplication::translate("CommandLine",
                                    "On records already present: skip, update or keep-both."),
        u"POLICY"_s};
    QCommandLineOption dryRun{
        u"dry-run"_s, QCoreApplication::translate(
                          "CommandLine", "Only count what the import would add, update or skip.")};
    QCommandLineOption readOnly{
        u"read-only"_s,
        QCoreApplication::translate(
            "CommandLine", "Open the database read-only: reading works, changing is refused.")};
    QCommandLineOption help{{u"h"_s, u"help"_s},
                            QCoreApplication::translate("CommandLine", "Show this help.")};
    QCommandLineOption lang{
        u"lang"_s,
        QCoreApplication::translate("CommandLine", "Speak LANG (de or en) instead of the system's "
                                                   "language; export draws the figure in it."),
        u"LANG"_s};

    QList<QCommandLineOption> all() const {
        return QList<QCommandLineOption>{db,     json,     from,  to,  category, actor,
                                         chip,   status,   query, out, format,   policy,
                                         dryRun, readOnly, help,  lang} +
               ExportCommand::options() + HistoryCommand::options();
    }
};

// Which options each command accepts, beyond --db and --help.
const QHash<QString, QStringList> &allowedOptions() {
    static const QHash<QString, QStringList> allowed = {
        {u"list"_s,
         {u"json"_s, u"from"_s, u"to"_s, u"category"_s, u"actor"_s, u"chip"_s, u"status"_s,
          u"query"_s, u"as-of"_s}},
        {u"history"_s, {u"json"_s, u"from"_s, u"to"_s, u"event"_s, u"author"_s}},
        {u"changes"_s, {u"json"_s, u"since"_s}},
        {u"search"_s,
         {u"json"_s, u"from"_s, u"to"_s, u"category"_s, u"actor"_s, u"chip"_s, u"status"_s,
          u"as-of"_s}},
        {u"check"_s, {u"json"_s}},
        {u"reproduce"_s, {u"out"_s}},
        {u"init"_s, {}},
        {u"copy"_s, {u"from"_s, u"to"_s}},
        {u"chain"_s, {u"json"_s}},
        {u"import"_s, {u"format"_s, u"policy"_s, u"dry-run"_s}},
        {u"export-data"_s,
         {u"out"_s, u"format"_s, u"from"_s, u"to"_s, u"category"_s, u"actor"_s, u"chip"_s,
          u"status"_s, u"query"_s, u"as-of"_s}},
        {u"export"_s, QStringList{u"out"_s, u"format"_s, u"from"_s, u"to"_s, u"category"_s,
                                  u"actor"_s, u"chip"_s, u"status"_s, u"query"_s, u"as-of"_s} +
                          ExportCommand::optionNames()},
    };
    return allowed;
}

class Session {
public:
    Session(QTextStream &out, QTextStream &err)
        : m_out(out)
        , m_err(err) {}

    int fail(const QString &message, int code = CommandLine::Failure) {
        m_err << "chiptimeline: " << message << Qt::endl;
        return code;
    }

    bool openStore(const QString &dbPath, TimelineStore::OpenMode mode) {
        StoreError error;
        const bool isDefault = dbPath.isEmpty();
        const QString path = isDefault ? DefaultDatabase::path() : dbPath;
        m_store = TimelineStore::open(path, &error, mode);
        if (!m_store) {
            fail(error.message);
            return false;
        }
        if (isDefault && !m_store->isReadOnly() && !DefaultDatabase::fillIfNew(*m_store, &error)) {
            fail(error.message);
            return false;
        }
        return true;
    }

    bool readFilter(const QCommandLineParser &parser, const Options &options, EventFilter &filter) {
        for (const auto &[option, isEnd] :
             {std::pair{&options.from, false}, std::pair{&options.to, true}}) {
            if (!parser.isSet(*option))
                continue;
            QString reason;
            const auto date = PartialDate::parseIso(parser.value(*option), &reason);
            if (!date) {
                fail(u"--%1: %2"_s.arg(option->names().constFirst(), reason),
                     CommandLine::UsageError);
                return false;
            }
            if (isEnd)
                filter.toJulianDay = date->lastJulianDay();
            else
                filter.fromJulianDay = date->firstJulianDay();
        }
        if (filter.fromJulianDay && filter.toJulianDay &&
            *filter.fromJulianDay > *filter.toJulianDay) {
            fail(QCoreApplication::translate("CommandLine", "--from %1 is after --to %2")
                     .arg(parser.value(options.from), parser.value(options.to)),
                 CommandLine::UsageError);
            return false;
        }
        filter.categories = parser.values(options.category);
        filter.actors = parser.values(options.actor);
        filter.chips = parser.values(options.chip);
        for (const QString &key : parser.values(options.status)) {
            const auto status = eventStatusFromKey(key);
            if (!status) {
                fail(
                    QCoreApplication::translate(
                        "CommandLine", "--status: '%1' is not one of confirmed, reported, disputed")
                        .arg(key),
                    CommandLine::UsageError);
                return false;
            }
            filter.statuses << *status;
        }
        if (parser.isSet(options.query))
            filter.query = SearchQuery::toFtsExpression(parser.value(options.query));
        return true;
    }

    // The user's words for categories, actors and chips become the keys the store has (any
    // case, a category's key or legend label); a word that names nothing is an error that
    // names the filter and the closest names, not an empty result blamed on something else.
    bool resolveNames(const QCommandLineParser &parser, const Options &options,
                      EventFilter &filter) {
        struct Kind {
            const QCommandLineOption *option;
            const char16_t *singular;
            const char16_t *plural;
            QStringList *keys;
        };
        for (const Kind &kind :
             {Kind{&options.category, u"category", u"categories", &filter.categories},
              Kind{&options.actor, u"actor", u"actors", &filter.actors},
              Kind{&options.chip, u"chip", u"chips", &filter.chips}}) {
            const QStringList words = parser.values(*kind.option);
            if (words.isEmpty())
                continue;
            QList<FilterNames::Name> names;
            if (kind.keys == &filter.categories) {
                for (const Category &category : reads().categories())
                    names.append({category.name, category.label});
            } else {
                for (const QString &name :
                     kind.keys == &filter.actors ? reads().actorNames() : reads().chipNames())
                    names.append({name, {}});
            }
            QStringList keys;
            for (const QString &word : words) {
                const QStringList found = FilterNames::keysFor(word, names);
                if (found.isEmpty()) {
                    const QString what =
                        QCoreApplication::translate("CommandLine", "--%1 '%2' matches no %3")
                            .arg(kind.option->names().constFirst(), word,
                                 QString::fromUtf16(kind.singular));
                    const QStringList near = FilterNames::closest(word, names);
                    fail(near.isEmpty()
                             ? QCoreApplication::translate("CommandLine",
                                                           "%1; the database has no %2")
                                   .arg(what, QString::fromUtf16(kind.plural))
                             : QCoreApplication::translate("CommandLine", "%1; closest: %2")
                                   .arg(what, near.join(u", "_s)));
                    return false;
                }
                for (const QString &key : found)
                    if (!keys.contains(key))
                        keys << key;
            }
            *kind.keys = keys;
        }
        return true;
    }

    // Before a figure is drawn: when the filters besides the dates leave nothing, say so in
    // their words (the figure itself can only name the dates). 0 when there is something.
    int checkSomethingToExport(const QCommandLineParser &parser, const Options &options,
                               const EventFilter &filter) {
        QStringList given;
        for (const QCommandLineOption *option :
             {&options.category, &options.actor, &options.chip, &options.status, &options.query}) {
            for (const QString &value : parser.values(*option)) {
                const bool quote = value.isEmpty() || value.contains(u' ') ||
                                   value.contains(u'\'') || value.contains(u'"');
                given << u"--"_s + option->names().constFirst() + u' ' +
                             (quote ? u'\'' + value + u'\'' : value);
            }
        }
        if (given.isEmpty() || !reads().eventIds(filter).empty())
            return CommandLine::Success;
        QString message = u"no events match "_s + given.join(u' ');
        const QString from = parser.value(options.from);
        const QString to = parser.value(options.to);
        if (!from.isEmpty() && !to.isEmpty())
            message += u" between %1 and %2"_s.arg(from, to);
        else if (!from.isEmpty())
            message += u" on or after %1"_s.arg(from);
        else if (!to.isEmpty())
            message += u" on or before %1"_s.arg(to);
        return fail(parser.value(options.out) + u": "_s + message);
    }

    // A read that met damage (see TimelineStore::readError): its one-line message, exit 1.
    [[nodiscard]] bool readFailed() {
        if (!m_store->readError().isError())
            return false;
        fail(m_store->readError().message);
        return true;
    }

    int list(const EventFilter &filter, bool json) {
        const QList<Event> events = selectEvents(filter);
        if (!json)
            return printEvents(events, json);
        // The list's JSON carries each event's relations too (the search's does not).
        const QList<Relation> relations = m_store->relations();
        return printEvents(events, json, &relations);
    }

    int changes(const QString &since, bool json) {
        return ChangesCommand::changes(*m_store, since, json, m_out, m_err);
    }
    int history(const QCommandLineParser &parser) {
        return HistoryCommand::history(*m_store, parser, m_out, m_err);
    }

    // --as-of: every later read goes to the timeline as it stood then, held in a store of
    // its own, so that filters, search and export read it with the same code as now. A
    // command that writes the whole as-of dataset (`withStore` false) needs no such store,
    // and a figure (`dataset` Skip) no whole dataset besides it.
    int useAsOf(const QCommandLineParser &parser, bool withStore, AsOfDataset dataset) {
        int code = CommandLine::Success;
        HistoryCommand::StoreAsOf asOf =
            HistoryCommand::storeAsOf(*m_store, parser, m_err, &code, withStore, dataset);
        if (code != CommandLine::Success || asOf.revision == 0)
            return code;
        if (asOf.store) {
            m_liveStore = std::move(m_store);
            m_store = std::move(asOf.store);
            m_asOfFolder = std::move(asOf.folder);
        }
        m_asOfRevision = asOf.revision;
        if (dataset == AsOfDataset::Keep)
            m_asOfDataset = std::move(asOf.dataset);
        return code;
    }

    // --as-of for a figure that the dataset of then can answer (DatasetReads: no full-text
    // query, no chain): a copy of the file where few items changed since, else that dataset
    // in memory, which the names, the check that something matches and the figure then read,
    // with no store of then to fill first.
    int useAsOfForFigure(const QCommandLineParser &parser) {
        int code = CommandLine::Success;
        HistoryCommand::StoreAsOf asOf = HistoryCommand::storeAsOf(
            *m_store, parser, m_err, &code, true, AsOfDataset::InsteadOfImport);
        if (code != CommandLine::Success || asOf.revision == 0)
            return code;
        m_asOfRevision = asOf.revision;
        if (asOf.store) {
            m_liveStore = std::move(m_store);
            m_store = std::move(asOf.store);
            m_asOfFolder = std::move(asOf.folder);
        } else {
            m_asOfReads.emplace(std::move(asOf.dataset));
        }
        return code;
    }

    // What names, the check for something to export and the figure read: the store, or with a
    // figure's --as-of the dataset of then in memory.
    [[nodiscard]] const TimelineReads &reads() const {
        return m_asOfReads ? static_cast<const TimelineReads &>(*m_asOfReads) : *m_store;
    }

    // The events the filter selects, as the timeline holds them (with --as-of: as the
    // revision's dataset holds them, selected through the as-of store).
    QList<Event> selectEvents(const EventFilter &filter) {
        QList<Event> events = m_store->events(filter);
        if (!m_asOfDataset)
            return events;
        QHash<QString, const Event *> byUid;
        for (const Event &event : std::as_const(m_asOfDataset->events))
            byUid.insert(event.uid, &event);
        for (Event &event : events)
            if (const Event *then = byUid.value(event.uid))
                event = *then;
        return events;
    }

    int search(const QString &text, EventFilter filter, bool json) {
        filter.query = SearchQuery::toFtsExpression(text);
        if (filter.query.isEmpty())
            return fail(u"search: the query '%1' holds no word to search for"_s.arg(text),
                        CommandLine::UsageError);
        const int printed = printEvents(selectEvents(filter), json);
        // In text, the matching sources follow the events (--json stays the events' array).
        return json || printed != CommandLine::Success ? printed : printSources(filter.query);
    }

    // The sources the full-text `expression` matches, best first.
    int printSources(const QString &expression) {
        const int total = m_store->countSources(expression);
        const QList<EventSearch::SourceHit> hits =
            total > 0 ? m_store->searchSources(expression, total) : QList<EventSearch::SourceHit>();
        QList<Source> found;
        for (const EventSearch::SourceHit &hit : hits)
            if (const std::optional<Source> source = m_store->source(hit.sourceId))
                found << *source;
        if (readFailed())
            return CommandLine::Failure;
        for (const Source &source : std::as_const(found))
            m_out << "source: " << ListText::source(source) << '\n';
        m_out << found.size() << (found.size() == 1 ? " source\n" : " sources\n");
        m_out.flush();
        return CommandLine::Success;
    }

    int check(bool json) {
        // SQLite's full check first: the health of a damaged file would be read from what
        // could be read of it.
        if (const StoreError damage = m_store->checkIntegrity(true); damage.isError())
            return fail(damage.message);
        const Dataset dataset = m_store->dataset();
        const int eventTotal = m_store->eventCount();
        const int sourceTotal = m_store->sourceCount();
        if (readFailed())
            return CommandLine::Failure;
        const QList<HealthFinding> findings = DatasetHealth::check(dataset);
        if (json) {
            JsonWriter writer;
            writer.beginArray();
            for (const HealthFinding &finding : findings) {
                writer.beginObject();
                writer.key(u"kind");
                writer.value(healthKindKey(finding.kind));
                writer.key(u"uid");
                writer.value(finding.subjectUid);
                if (!finding.otherUid.isEmpty()) {
                    writer.key(u"other_uid");
                    writer.value(finding.otherUid);
                }
                writer.key(u"message");
                writer.value(finding.message);
                writer.endObject();
            }
            writer.endArray();
            m_out << QString::fromUtf8(writer.take());
        } else {
            QHash<HealthFinding::Kind, int> counts;
            for (const HealthFinding &finding : findings) {
                m_out << finding.message << '\n';
                ++counts[finding.kind];
            }
            m_out << u"%1 events, %2 sources: %3 unsourced events, %4 sources without address, "
                     "%5 sources cited by no event, %6 events dated after their sources, "
                     "%7 duplicate sources\n"_s.arg(eventTotal)
                         .arg(sourceTotal)
                         .arg(counts.value(HealthFinding::Kind::UnsourcedEvent))
                         .arg(counts.value(HealthFinding::Kind::SourceWithoutAddress))
                         .arg(counts.value(HealthFinding::Kind::UncitedSource))
                         .arg(counts.value(HealthFinding::Kind::EventAfterSources))
                         .arg(counts.value(HealthFinding::Kind::DuplicateSources));
            if (!dataset.relations.isEmpty())
                m_out << u"%1 relations: %2 without a source, %3 dated before what they answer, "
                         "%4 circles\n"_s.arg(dataset.relations.size())
                             .arg(counts.value(HealthFinding::Kind::UnsourcedRelation))
                             .arg(counts.value(HealthFinding::Kind::BackwardRelation))
                             .arg(counts.value(HealthFinding::Kind::RelationCycle));
        }
        m_out.flush();
        return DatasetHealth::hasErrors(findings) ? CommandLine::Failure : CommandLine::Success;
    }

    int importFiles(const QStringList &files, const QString &formatName, ImportPolicy policy,
                    bool dryRun) {
        if (files.isEmpty())
            return fail(u"import: name at least one file"_s, CommandLine::UsageError);
        const auto format =
            DatasetFormats::formatFromName(formatName.isEmpty() ? u"auto"_s : formatName);
        if (!format)
            return fail(u"import: unknown --format '%1' (one of: %2)"_s.arg(
                            formatName, DatasetFormats::readNames().join(u", "_s)),
                        CommandLine::UsageError);
        if (files.size() == 1 && !dryRun) {
            // One file: read while it is written (FileImport), all or nothing as always.
            ImportSummary summary;
            QString message;
            if (!FileImport::importFile(*m_store, files.first(), *format, policy, &summary,
                                        &message))
                return fail(message);
            m_out << summary.toString() << Qt::endl;
            return CommandLine::Success;
        }
        // Read every file before writing anything: one bad file imports nothing.
        Dataset combined;
        bool first = true;
        for (const QString &file : files) {
            InputError error;
            auto dataset = readDatasetFile(file, *format, &error);
            if (!dataset)
                return fail(error.toString());
            if (first) { // the usual single file: taken over, not copied
                combined = std::move(*dataset);
                first = false;
                continue;
            }
            combined.title = combined.title.isEmpty() ? dataset->title : combined.title;
            combined.categories += dataset->categories;
            combined.sources += dataset->sources;
            combined.events += dataset->events;
            combined.savedViews += dataset->savedViews;
        }
        if (dryRun) {
            // The same counts the import would give, and nothing written.
            const ImportSummary preview = ImportPreview::preview(*m_store, combined, policy);
            if (readFailed())
                return CommandLine::Failure;
            m_out << u"would import: "_s << preview.toString() << Qt::endl;
            return CommandLine::Success;
        }
        ImportSummary summary;
        StoreError error;
        if (!m_store->importDataset(combined, policy, &summary, &error))
            return fail(error.message);
        m_out << summary.toString() << Qt::endl;
        return CommandLine::Success;
    }

    int exportData(const QString &outPath, const QString &format, const EventFilter &filter) {
        if (outPath.isEmpty())
            return fail(u"export-data: --out FILE is required"_s, CommandLine::UsageError);
        // The format named, else the one the file name suggests, else the native file.
        std::optional<DatasetFormat> chosen;
        if (!format.isEmpty())
            chosen = DatasetFormats::formatFromName(format);
        else
            chosen = DatasetFormats::detect(outPath, {}).value_or(DatasetFormat::Native);
        if (!chosen || *chosen == DatasetFormat::Auto || !DatasetFormats::canWrite(*chosen))
            return fail(u"export-data: unknown --format '%1' (one of: %2)"_s.arg(
                            format, DatasetFormats::writeNames().join(u", "_s)),
                        CommandLine::UsageError);
        Dataset dataset = m_asOfDataset ? *m_asOfDataset : m_store->dataset();
        if (!filter.isEmpty()) {
            // Only the selected events, and the sources they cite.
            dataset.events = selectEvents(filter);
            QSet<QString> cited;
            for (const Event &event : std::as_const(dataset.events))
                for (const Citation &citation : event.citations)
                    cited.insert(citation.sourceUid);
            dataset.sources.removeIf([&](const Source &s) { return !cited.contains(s.uid); });
        }
        if (readFailed())
            return CommandLine::Failure;
        return writeFile(outPath, DatasetFormats::write(dataset, *chosen));
    }

    int exportImage(const QCommandLineParser &parser, const EventFilter &filter) {
        // The figure records the revision it was drawn from: --as-of's, else the newest.
        const TimelineStore &live = m_liveStore ? *m_liveStore : *m_store;
        const qint64 revision = m_asOfRevision ? m_asOfRevision : m_store->latestRevision();
        return ExportCommand::run(*m_store, parser, filter, m_out, m_err, live, revision,
                                  m_asOfReads ? &*m_asOfReads : nullptr);
    }

    int chain(const QString &uid, bool json) {
        return ChainCommand::run(*m_store, uid, json, m_out, m_err);
    }

    int reproduce(const QString &figure, const QString &outPath) {
        return ExportCommand::reproduce(*m_store, figure, outPath, m_out, m_err);
    }

private:
    int writeFile(const QString &path, const QByteArray &bytes) {
        // Written beside the target and renamed into place: a failure leaves no half file
        // and keeps any existing file as it was.
        const QFileInfo info(path);
        if (!QFileInfo(info.absolutePath()).isDir())
            return fail(u"%1: the folder %2 does not exist"_s.arg(path, info.absolutePath()));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return fail(u"%1: cannot write: %2"_s.arg(path, file.errorString()));
        file.write(bytes);
        if (!file.commit())
            return fail(u"%1: cannot write: %2"_s.arg(path, file.errorString()));
        return CommandLine::Success;
    }

    int printEvents(const QList<Event> &events, bool json,
                    const QList<Relation> *relations = nullptr) {
        if (json) {
            // The events as the native file writes them (docs/formats.md), in this order.
            if (readFailed())
                return CommandLine::Failure;
            m_out << QString::fromUtf8(NativeJsonFormat::writeEvents(events, relations));
            m_out.flush();
            return CommandLine::Success;
        }
        QHash<QString, Source> sources;
        for (const Source &source : m_store->sources())
            sources.insert(source.uid, source);
        if (readFailed())
            return CommandLine::Failure;
        for (const Event &event : events) {
            m_out << ListText::when(event).leftJustified(23) << ' ' << event.title << "  ["
                  << event.category << ", " << eventStatusKey(event.status) << "]\n";
            for (const Citation &citation : event.citations) {
                m_out << "    source: " << ListText::source(sources.value(citation.sourceUid))
                      << '\n';
                if (!citation.quote.isEmpty())
                    m_out << "      quote: \"" << citation.quote << "\"\n";
            }
        }
        m_out << events.size() << (events.size() == 1 ? " event\n" : " events\n");
        m_out.flush();
        return CommandLine::Success;
    }

    QTextStream &m_out;
    QTextStream &m_err;
    // With --as-of: the file of the as-of store (outlives m_store, declared first), the
    // timeline as it is now, and the revision m_store shows.
    std::unique_ptr<QTemporaryDir> m_asOfFolder;
    std::unique_ptr<TimelineStore> m_liveStore;
    std::unique_ptr<TimelineStore> m_store;
    qint64 m_asOfRevision = 0;
    std::optional<Dataset> m_asOfDataset;
    std::optional<DatasetReads> m_asOfReads; // a figure's --as-of: see useAsOfForFigure
};

// The value of --lang LANG or --lang=LANG, before the parser runs; empty without one.
QString languageArgument(const QStringList &arguments) {
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i) == u"--lang"_s && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arguments.at(i).startsWith(u"--lang="_s))
            return arguments.at(i).mid(7);
    }
    return {};
}

} // namespace

QString CommandLine::languageOf(const QStringList &arguments) {
    return languageArgument(arguments);
}

QString CommandLine::usage() {
    return QCoreApplication::translate("CommandLine", R"(Usage:
  chiptimeline [--db PATH] [--lang de|en]    open the window
  chiptimeline [--db PATH] list [--json] [filters]
  chiptimeline [--db PATH] search QUERY [--json] [filters]
  chiptimeline [--db PATH] import FILE... [--format F] [--policy skip|update|keep-both] [--dry-run]
  chiptimeline [--db PATH] export-data --out FILE [--format F] [filters]
)") + ExportCommand::usage() +
           HistoryCommand::usage() + ChangesCommand::usage() +
           QCoreApplication::translate(
               "CommandLine",
               R"(  chiptimeline [--db PATH] reproduce FIGURE --out FILE   redraw a figure from its record
  chiptimeline [--db PATH] chain EVENT-UID [--json]   the events it answers and that answer it
  chiptimeline [--db PATH] check [--json]    SQLite's integrity check, then dataset health
  chiptimeline --db PATH init                create the timeline's schema (a server's empty database)
  chiptimeline copy --from PATH --to PATH    the whole timeline into an empty one (file or server)

--read-only opens the database without changing it (the window then disables editing).
--as-of rN|DATE-TIME (list, search, export, export-data; filters apply): the timeline as it
stood at revision N or at a UTC date-time (2025-09-01T12:00); before the first revision, in the
future or unknown: exit 2.
PATH is a timeline file or a PostgreSQL server: postgresql://user@host:5432/dbname,
postgres://…, or service=NAME (docs/team.md).
--lang de|en speaks German or English instead of the system's language (LANGUAGE, LANG).

Filters: --from DATE --to DATE --category C... --actor A... --chip X... --status S... --query TEXT
DATE is YYYY, YYYY-MM or YYYY-MM-DD. C is a category's key or its name in the legend
(china-policy or "China policy"); C, A and X match in any case (--chip h20). A value that
names nothing fails (exit 1) with the closest names. Repeated, a filter matches any value.
Exit status: 0 success, 1 failure, 2 usage error.
import formats: )") +
           DatasetFormats::readNames().join(u", "_s) + u"\n"_s +
           QCoreApplication::translate("CommandLine", "export-data formats: ") +
           DatasetFormats::writeNames().join(u", "_s) + u"\n"_s;
}

QList<QCommandLineOption> CommandLine::options() {
    return Options().all();
}

bool CommandLine::isHeadless(const QStringList &arguments) {
    for (const QString &argument : arguments)
        if (commands.contains(argument) || argument == u"-h"_s || argument == u"--help"_s)
            return true;
    // Anything other than --db PATH is for the command line to judge (and reject).
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i) == u"--db"_s) {
            ++i;
            continue;
        }
        if (arguments.at(i) == u"--lang"_s) {
            ++i;
            continue;
        }
        if (arguments.at(i).startsWith(u"--db="_s) || arguments.at(i).startsWith(u"--lang="_s) ||
            arguments.at(i) == u"--read-only"_s)
            continue;
        return true;
    }
    return false;
}

int CommandLine::run(const QStringList &arguments, QTextStream &out, QTextStream &err,
                     QString *dbPath, bool *readOnly) {
    Session session(out, err);
    // --lang first: the option texts of --help and every message below speak it.
    QObject languageScope;
    const QString language = languageArgument(arguments);
    if (!language.isEmpty() && !Translations::available().contains(language))
        return session.fail(
            QCoreApplication::translate("CommandLine", "unknown language %1; available: %2")
                .arg(language, Translations::available().join(u", "_s)),
            UsageError);
    if (!language.isEmpty()) {
        const QString warning = Translations::install(language, &languageScope);
        if (!warning.isEmpty())
            err << "chiptimeline: " << warning << Qt::endl;
    }
    Options options;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(options.all());
    if (!parser.parse(QStringList{u"chiptimeline"_s} + arguments)) {
        err << "chiptimeline: " << parser.errorText() << "\n\n" << usage();
        err.flush();
        return UsageError;
    }
    if (parser.isSet(options.help)) {
        out << usage();
        out.flush();
        return Success;
    }
    QStringList positional = parser.positionalArguments();
    if (dbPath)
        *dbPath = parser.value(options.db);
    if (readOnly)
        *readOnly = parser.isSet(options.readOnly);
    if (positional.isEmpty()) {
        for (const QCommandLineOption &option : options.all()) {
            const QString name = option.names().constLast();
            if (name != u"db"_s && name != u"read-only"_s && name != u"lang"_s &&
                parser.isSet(option)) {
                err << "chiptimeline: "
                    << QCoreApplication::translate("CommandLine", "--%1 needs a command").arg(name)
                    << "\n\n"
                    << usage();
                err.flush();
                return UsageError;
            }
        }
        return -1; // the window
    }
    const QString command = positional.takeFirst();
    if (!commands.contains(command)) {
        err << "chiptimeline: "
            << QCoreApplication::translate("CommandLine", "unknown command '%1'").arg(command)
            << "\n\n"
            << usage();
        err.flush();
        return UsageError;
    }
    const QStringList allowed = allowedOptions().value(command);
    for (const QCommandLineOption &option : options.all()) {
        const QString name = option.names().constLast();
        if (name == u"db"_s || name == u"read-only"_s || name == u"help"_s || name == u"lang"_s ||
            !parser.isSet(option) || allowed.contains(name))
            continue;
        return session.fail(
            QCoreApplication::translate("CommandLine", "%1: the option --%2 does not apply")
                .arg(command, name),
            UsageError);
    }

    if ((command == u"init"_s || command == u"copy"_s) && !positional.isEmpty())
        return session.fail(u"%1: unexpected argument '%2'"_s.arg(command, positional.constFirst()),
                            UsageError);
    if (command == u"init"_s) {
        if (!parser.isSet(options.db))
            return session.fail(u"init: give the timeline with --db LOCATION"_s, UsageError);
        return TeamCommands::init(parser.value(options.db), out, err);
    }
    if (command == u"copy"_s)
        return TeamCommands::copy(parser.value(options.from), parser.value(options.to), out, err);

    EventFilter filter;
    if (!session.readFilter(parser, options, filter))
        return UsageError;

    if (command == u"reproduce"_s) {
        if (positional.size() != 1)
            return session.fail(
                QCoreApplication::translate(
                    "CommandLine", "reproduce: give exactly one FIGURE (a PNG, SVG or PDF)"),
                UsageError);
        if (!parser.isSet(options.out))
            return session.fail(
                QCoreApplication::translate("CommandLine", "reproduce: --out FILE is required"),
                UsageError);
    }
    if (command == u"changes"_s && !parser.isSet(u"since"_s))
        return session.fail(
            QCoreApplication::translate("CommandLine", "changes: --since rN|DATE-TIME is required"),
            UsageError);
    if (command == u"chain"_s && positional.size() != 1)
        return session.fail(u"chain: give exactly one EVENT-UID"_s, UsageError);
    if (command == u"search"_s && positional.size() != 1)
        return session.fail(
            QCoreApplication::translate(
                "CommandLine", "search: give exactly one QUERY (quote it if it has spaces)"),
            UsageError);
    if ((command == u"list"_s || command == u"check"_s || command == u"export-data"_s ||
         command == u"export"_s || command == u"history"_s || command == u"changes"_s) &&
        !positional.isEmpty())
        return session.fail(
            QCoreApplication::translate("CommandLine", "%1: unexpected argument '%2'")
                .arg(command, positional.constFirst()),
            UsageError);
    ImportPolicy policy = ImportPolicy::Skip;
    if (parser.isSet(options.policy)) {
        const QString value = parser.value(options.policy);
        if (value == u"skip"_s)
            policy = ImportPolicy::Skip;
        else if (value == u"update"_s)
            policy = ImportPolicy::Update;
        else if (value == u"keep-both"_s)
            policy = ImportPolicy::KeepBoth;
        else
            return session.fail(
                QCoreApplication::translate("CommandLine",
                                            "--policy: '%1' is not one of skip, update, keep-both")
                    .arg(value),
                UsageError);
    }

    if (command == u"export"_s) {
        if (const int code = ExportCommand::check(parser, err))
            return code;
    }

    // Read-write even to read: a new default database is created and filled, an older one
    // upgraded. A read-only file still opens for the reading commands.
    if (!session.openStore(parser.value(options.db), parser.isSet(options.readOnly)
                                                         ? TimelineStore::OpenMode::ReadOnly
                                                         : TimelineStore::OpenMode::ReadWrite))
        return Failure;
    // Names are resolved in the timeline as of --as-of: a category since removed still filters.
    // export-data with no filter writes the as-of dataset whole: no store of it to fill.
    const bool wholeDataset = command == u"export-data"_s && filter.isEmpty() &&
                              !parser.isSet(options.category) && !parser.isSet(options.actor) &&
                              !parser.isSet(options.chip);
    // A figure whose filter the dataset of then answers is drawn from that dataset.
    const bool figureFromDataset = command == u"export"_s && DatasetReads::canSelect(filter) &&
                                   parser.value(u"chain"_s).trimmed().isEmpty();
    if (const int code =
            figureFromDataset
                ? session.useAsOfForFigure(parser)
                : session.useAsOf(parser, !wholeDataset,
                                  command == u"export"_s ? AsOfDataset::Skip : AsOfDataset::Keep))
        return code;
    if (!session.resolveNames(parser, options, filter))
        return Failure;
    const bool json = parser.isSet(options.json);
    if (command == u"history"_s)
        return session.history(parser);
    if (command == u"changes"_s)
        return session.changes(parser.value(u"since"_s), json);
    if (command == u"list"_s)
        return session.list(filter, json);
    if (command == u"search"_s)
        return session.search(positional.constFirst(), filter, json);
    if (command == u"check"_s)
        return session.check(json);
    if (command == u"import"_s)
        return session.importFiles(positional, parser.value(options.format), policy,
                                   parser.isSet(options.dryRun));
    if (command == u"chain"_s)
        return session.chain(positional.constFirst(), json);
    if (command == u"reproduce"_s)
        return session.reproduce(positional.constFirst(), parser.value(options.out));
    if (command == u"export"_s) {
        if (const int code = session.checkSomethingToExport(parser, options, filter))
            return code;
        return session.exportImage(parser, filter);
    }
    return session.exportData(parser.value(options.out), parser.value(options.format), filter);
}
