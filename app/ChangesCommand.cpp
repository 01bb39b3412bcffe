#include "app/ChangesCommand.h"

#include "app/CommandLine.h"
#include "model/formats/JsonWriter.h"
#include "model/history/ChangesSince.h"
#include "model/store/TimelineStore.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

QString kindOf(const ItemChangeSince &item) {
    return item.added ? u"added"_s : item.deleted ? u"deleted"_s : u"changed"_s;
}

} // namespace

QString ChangesCommand::usage() {
    return QCoreApplication::translate(
        "CommandLine", "  chiptimeline [--db PATH] changes --since rN|DATE-TIME [--json]   what "
                       "was added, changed or deleted since\n");
}

int ChangesCommand::changes(const TimelineStore &store, const QString &since, bool json,
                            QTextStream &out, QTextStream &err) {
    QString message;
    const qint64 point = store.revisionAt(since, &message);
    if (point == 0) {
        err << "chiptimeline: changes: " << message.replace(u"--as-of"_s, u"--since"_s) << Qt::endl;
        return store.readError().isError() ? CommandLine::Failure : CommandLine::UsageError;
    }
    RevisionFilter filter;
    filter.withChanges = true;
    const QList<Revision> all = store.revisions(filter);
    if (store.readError().isError()) {
        err << "chiptimeline: changes: " << store.readError().message << Qt::endl;
        return CommandLine::Failure;
    }
    const QList<ItemChangeSince> items = changesSince(all, point);
    const auto titleOf = [&](const ItemChangeSince &item) {
        if (item.deleted)
            return item.oldTitle;
        if (item.entity == u"event"_s)
            if (const std::optional<Event> event = store.eventByUid(item.uid))
                return event->title;
        if (item.entity == u"source"_s)
            if (const std::optional<Source> source = store.sourceByUid(item.uid))
                return source->title;
        return QString();
    };

    const Revision *at = nullptr;
    for (const Revision &revision : all)
        if (revision.number == point)
            at = &revision;
    if (json) {
        JsonWriter writer;
        writer.beginArray();
        for (const ItemChangeSince &item : std::as_const(items)) {
            writer.beginObject();
            writer.key(u"entity");
            writer.value(item.entity);
            writer.key(u"uid");
            writer.value(item.uid);
            writer.key(u"title");
            writer.value(titleOf(item));
            writer.key(u"change");
            writer.value(kindOf(item));
            writer.key(u"fields");
            writer.beginArray();
            for (const QString &field : item.fields)
                writer.value(field);
            writer.endArray();
            writer.key(u"revision");
            writer.value(item.lastRevision);
            writer.key(u"at");
            writer.value(item.lastAt.toString(Qt::ISODateWithMs));
            writer.key(u"author");
            writer.value(item.lastAuthor);
            writer.endObject();
        }
        writer.endArray();
        out << QString::fromUtf8(writer.take());
        out.flush();
        return CommandLine::Success;
    }
    for (const ItemChangeSince &item : std::as_const(items)) {
        const QString title = titleOf(item);
        out << u"%1  %2 %3"_s.arg(kindOf(item), -7).arg(item.entity, item.uid);
        if (!title.isEmpty())
            out << u"  “%1”"_s.arg(title);
        if (!item.added && !item.deleted && !item.fields.isEmpty())
            out << u": "_s << item.fields.join(u", "_s);
        out << u"  (r%1, %2, %3)\n"_s.arg(item.lastRevision)
                   .arg(item.lastAt.toString(Qt::ISODate),
                        item.lastAuthor.isEmpty() ? u"-"_s : item.lastAuthor);
    }
    out << u"%1 since r%2 (%3)\n"_s
               .arg(items.size() == 1 ? u"1 item changed"_s
                                      : u"%1 items changed"_s.arg(items.size()))
               .arg(point)
               .arg(at ? at->at.toString(Qt::ISODate) : QString());
    out.flush();
    return CommandLine::Success;
}
