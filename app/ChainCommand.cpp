#include "app/ChainCommand.h"

#include "app/ListText.h"

#include "model/RelationChain.h"
#include "model/formats/JsonWriter.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/formats/NativeJsonRelations.h"
#include "model/store/TimelineStore.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString dated(const Event &event) {
    return u"%1 \"%2\""_s.arg(event.start.toIsoString(), event.title);
}

} // namespace

int ChainCommand::run(const TimelineStore &store, const QString &uid, bool json, QTextStream &out,
                      QTextStream &err) {
    const auto failed = [&] {
        if (!store.readError().isError())
            return false;
        err << store.readError().message << '\n';
        err.flush();
        return true;
    };
    const std::optional<Event> start = store.eventByUid(uid);
    if (failed())
        return 1;
    if (!start) {
        err << u"chain: there is no event %1 (list --json shows each event's uid)"_s.arg(uid)
            << '\n';
        err.flush();
        return 1;
    }
    const RelationChain chain = store.relationChain(uid);
    if (failed())
        return 1;
    QList<Event> events;
    QHash<QString, const Event *> byUid;
    for (const QString &member : chain.eventUids) {
        const std::optional<Event> event = store.eventByUid(member);
        if (failed())
            return 1;
        if (event)
            events << *event;
    }
    std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        return std::pair(a.firstJulianDay(), a.lastJulianDay()) <
               std::pair(b.firstJulianDay(), b.lastJulianDay());
    });
    for (const Event &event : std::as_const(events))
        byUid.insert(event.uid, &event);

    if (json) {
        JsonWriter writer;
        writer.beginObject();
        writer.key(u"event");
        writer.value(uid);
        writer.key(u"events");
        writer.beginArray();
        for (const Event &event : std::as_const(events))
            writer.value(event.uid);
        writer.endArray();
        writer.key(u"relations");
        writer.beginArray();
        for (const Relation &relation : chain.relations)
            NativeJsonRelations::writeRelation(writer, relation);
        writer.endArray();
        writer.endObject();
        out << QString::fromUtf8(writer.take()) << '\n';
        out.flush();
        return 0;
    }

    // Only the sources the chain's relations cite, not every source in the store.
    QHash<QString, Source> sources;
    const auto sourceLine = [&](const Citation &citation) {
        auto found = sources.find(citation.sourceUid);
        if (found == sources.end())
            found = sources.insert(citation.sourceUid,
                                   store.sourceByUid(citation.sourceUid).value_or(Source{}));
        return ListText::source(*found);
    };
    for (const Event &event : std::as_const(events)) {
        out << ListText::when(event).leftJustified(23) << ' ' << event.title << "  [" << event.uid
            << "]\n";
        for (const Relation &relation : chain.relations) {
            if (relation.fromUid != event.uid)
                continue;
            const Event *to = byUid.value(relation.toUid);
            out << "    " << relationTypeLabel(relation.type) << ' '
                << (to ? dated(*to) : relation.toUid) << '\n';
            if (!relation.note.isEmpty())
                out << "      note: " << relation.note << '\n';
            for (const Citation &citation : relation.citations) {
                out << "      source: " << sourceLine(citation) << '\n';
                if (!citation.quote.isEmpty())
                    out << "        quote: \"" << citation.quote << "\"\n";
            }
            if (relation.citations.isEmpty())
                out << "      (no source)\n";
        }
    }
    if (failed())
        return 1;
    out << events.size() << (events.size() == 1 ? " event, " : " events, ")
        << chain.relations.size() << (chain.relations.size() == 1 ? " relation\n" : " relations\n");
    out.flush();
    return 0;
}
