#include "app/HistoryCommand.h"

#include "app/CommandLine.h"

#include "model/PartialDate.h"
#include "model/formats/JsonWriter.h"
#include "model/store/TimelineStore.h"

using namespace Qt::StringLiterals;

namespace HistoryCommand {

namespace {

const QCommandLineOption eventOption{u"event"_s, u"history: only revisions that changed UID."_s,
                                     u"UID"_s};
const QCommandLineOption authorOption{u"author"_s, u"history: only revisions by NAME."_s,
                                      u"NAME"_s};
const QCommandLineOption asOfOption{u"as-of"_s,
                                    u"list, search, export, export-data: the timeline as it stood "
                                    u"at revision rN or a UTC date-time "
                                    "(2025-09-01T12:00)."_s,
                                    u"POINT"_s};

const QCommandLineOption sinceOption{
    u"since"_s, u"changes: what changed after revision rN or a UTC date-time (2025-09-01T12:00)."_s,
    u"POINT"_s};

int fail(QTextStream &err, const QString &message, int code) {
    err << "chiptimeline: " << message << Qt::endl;
    return code;
}

} // namespace

QList<QCommandLineOption> options() {
    return {eventOption, authorOption, asOfOption, sinceOption};
}

QStringList optionNames() {
    return {u"event"_s, u"author"_s, u"as-of"_s, u"since"_s};
}

QString usage() {
    return u"  chiptimeline [--db PATH] history [--event UID] [--author NAME] [--from DATE] "
           "[--to DATE] [--json]\n"_s;
}

int history(const TimelineStore &store, const QCommandLineParser &parser, QTextStream &out,
            QTextStream &err) {
    RevisionFilter filter;
    filter.uid = parser.value(eventOption);
    filter.author = parser.value(authorOption);
    filter.withChanges = !filter.uid.isEmpty();
    // --from and --to were checked as dates (YYYY, YYYY-MM, YYYY-MM-DD) with the filters.
    if (const auto from = PartialDate::parseIso(parser.value(u"from"_s)))
        filter.from = QDate::fromJulianDay(from->firstJulianDay()).startOfDay(Qt::UTC);
    if (const auto to = PartialDate::parseIso(parser.value(u"to"_s)))
        filter.to = QDate::fromJulianDay(to->lastJulianDay()).endOfDay(Qt::UTC);
    const QList<Revision> found = store.revisions(filter);
    if (store.readError().isError())
        return fail(err, store.readError().message, CommandLine::Failure);
    if (parser.isSet(u"json"_s)) {
        JsonWriter writer;
        writer.beginArray();
        for (const Revision &revision : found) {
            writer.beginObject();
            writer.key(u"revision");
            writer.value(revision.number);
            writer.key(u"at");
            writer.value(revision.at.toString(Qt::ISODateWithMs));
            writer.key(u"author");
            writer.value(revision.author);
            writer.key(u"note");
            writer.value(revision.note);
            writer.key(u"kind");
            writer.value(revision.kind);
            writer.key(u"summary");
            writer.value(revision.summary);
            if (filter.withChanges) {
                writer.key(u"changes");
                writer.beginArray();
                for (const RevisionChange &change : revision.changes) {
                    writer.beginObject();
                    writer.key(u"entity");
                    writer.value(change.entity);
                    writer.key(u"uid");
                    writer.value(change.uid);
                    writer.key(u"field");
                    writer.value(change.field);
                    writer.key(u"old");
                    writer.value(change.oldValue);
                    writer.key(u"new");
                    writer.value(change.newValue);
                    writer.endObject();
                }
                writer.endArray();
            }
            writer.endObject();
        }
        writer.endArray();
        out << QString::fromUtf8(writer.take());
        out.flush();
        return CommandLine::Success;
    }
    for (const Revision &revision : found) {
        out << u"r%1  %2  %3  %4  %5"_s.arg(revision.number)
                   .arg(revision.at.toString(Qt::ISODate),
                        revision.author.isEmpty() ? u"-"_s : revision.author, revision.kind,
                        revision.summary);
        if (!revision.note.isEmpty())
            out << u"  (why: %1)"_s.arg(revision.note);
        out << '\n';
        for (const RevisionChange &change : revision.changes)
            out << u"    %1: %2 -> %3\n"_s.arg(
                change.field, change.oldValue.isNull() ? u"(none)"_s : change.oldValue,
                change.newValue.isNull() ? u"(none)"_s : change.newValue);
    }
    out << found.size() << (found.size() == 1 ? " revision\n" : " revisions\n");
    out.flush();
    return CommandLine::Success;
}

std::optional<Dataset> datasetAsOf(const TimelineStore &store, const QCommandLineParser &parser,
                                   QTextStream &err, int *code) {
    *code = CommandLine::Success;
    if (!parser.isSet(asOfOption))
        return std::nullopt;
    QString message;
    const qint64 revision = store.revisionAt(parser.value(asOfOption), &message);
    if (revision == 0) {
        *code = fail(err, message,
                     store.readError().isError() ? CommandLine::Failure : CommandLine::UsageError);
        return std::nullopt;
    }
    Dataset dataset = store.datasetAsOf(revision);
    if (store.readError().isError()) {
        *code = fail(err, store.readError().message, CommandLine::Failure);
        return std::nullopt;
    }
    return dataset;
}

StoreAsOf storeAsOf(const TimelineStore &store, qint64 revision, QTextStream &err, int *code,
                    AsOfDataset dataset) {
    *code = CommandLine::Success;
    QString error;
    StoreAsOf asOf = ::storeAsOf(store, revision, &error, dataset);
    if (asOf.revision == 0)
        *code = fail(err, store.readError().isError() ? error : u"--as-of "_s + error,
                     CommandLine::Failure);
    return asOf;
}

StoreAsOf storeAsOf(const TimelineStore &store, const QCommandLineParser &parser, QTextStream &err,
                    int *code, bool withStore, AsOfDataset dataset) {
    *code = CommandLine::Success;
    if (!parser.isSet(asOfOption))
        return {};
    QString message;
    const qint64 revision = store.revisionAt(parser.value(asOfOption), &message);
    if (revision == 0) {
        *code = fail(err, message,
                     store.readError().isError() ? CommandLine::Failure : CommandLine::UsageError);
        return {};
    }
    if (!withStore) {
        StoreAsOf asOf;
        asOf.dataset = store.datasetAsOf(revision);
        if (store.readError().isError()) {
            *code = fail(err, store.readError().message, CommandLine::Failure);
            return {};
        }
        asOf.revision = revision;
        return asOf;
    }
    return storeAsOf(store, revision, err, code, dataset);
}

} // namespace HistoryCommand
