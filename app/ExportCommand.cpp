#include "app/ExportCommand.h"

#include "app/HistoryCommand.h"

#include "model/DatasetReads.h"

#include "model/EventFilter.h"
#include "model/FilterText.h"
#include "model/PartialDate.h"
#include "model/RelationChain.h"
#include "model/TimelineDataQuery.h"
#include "model/store/TimelineStore.h"
#include "ui/render/ChainFigure.h"
#include "ui/render/FigureOptionNames.h"
#include "ui/render/FigureProvenance.h"
#include "ui/render/FigureSources.h"
#include "ui/render/ImageExporter.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cstdio>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

int usageError(QTextStream &err, const QString &message) {
    err << "chiptimeline: " << message << Qt::endl;
    return 2;
}

// Everything of the request that the options say; false with a usage message otherwise.
bool readRequest(const QCommandLineParser &parser, ExportRequest &request, QTextStream &err) {
    request.path = parser.value(u"out"_s);
    if (request.path.isEmpty()) {
        usageError(err, u"export: --out FILE is required"_s);
        return false;
    }
    if (parser.isSet(u"format"_s)) {
        const QString name = parser.value(u"format"_s);
        const auto format = ImageExporter::formatFromName(name);
        if (!format) {
            usageError(err, u"export: unknown --format '%1' (use png, svg or pdf)"_s.arg(name));
            return false;
        }
        request.format = *format;
    } else if (!ImageExporter::formatOf(request)) {
        const QString suffix = QFileInfo(request.path).suffix();
        usageError(err,
                   suffix.isEmpty()
                       ? u"%1: cannot tell the image format without an extension "
                         "(use .png, .svg or .pdf, or --format)"_s.arg(request.path)
                       : u"%1: unknown image format '%2' (use png, svg or pdf, or --format)"_s.arg(
                             request.path, suffix));
        return false;
    }
    if (parser.isSet(u"size"_s)) {
        QString reason;
        if (!ImageExporter::parseSize(parser.value(u"size"_s), request, &reason)) {
            usageError(err, u"--size: "_s + reason);
            return false;
        }
    }
    if (parser.isSet(u"scale"_s)) {
        bool ok = false;
        const int scale = parser.value(u"scale"_s).toInt(&ok);
        if (!ok || scale < 1 || scale > 4) {
            usageError(err, u"--scale: '%1' is not 1, 2, 3 or 4"_s.arg(parser.value(u"scale"_s)));
            return false;
        }
        request.scale = scale;
    }
    if (parser.isSet(u"theme"_s)) {
        const auto theme = TimelineTheme::fromName(parser.value(u"theme"_s));
        if (!theme) {
            usageError(err, u"--theme: '%1' is not one of light, dark, print"_s.arg(
                                parser.value(u"theme"_s)));
            return false;
        }
        request.figure.theme = theme->kind;
    }
    if (parser.isSet(u"lanes"_s)) {
        const auto lanes = FigureOptionNames::lanesFromName(parser.value(u"lanes"_s));
        if (!lanes) {
            usageError(err, u"--lanes: '%1' is not one of category, actor, chip, none"_s.arg(
                                parser.value(u"lanes"_s)));
            return false;
        }
        request.figure.lanes = *lanes;
    }
    if (parser.isSet(u"dpi"_s)) {
        bool ok = false;
        const int dpi = parser.value(u"dpi"_s).toInt(&ok);
        if (!ok || dpi < 72 || dpi > 1200) {
            usageError(err, u"--dpi: '%1' is not a resolution from 72 to 1200"_s.arg(
                                parser.value(u"dpi"_s)));
            return false;
        }
        request.dpi = dpi;
    }
    request.figure.title = parser.value(u"title"_s);
    request.figure.subtitle = parser.value(u"subtitle"_s);
    if (parser.isSet(u"notes"_s)) {
        const auto style = FigureOptionNames::noteStyleFromName(parser.value(u"notes"_s).toLower());
        if (!style) {
            usageError(err, u"--notes: '%1' is not one of full, short, none"_s.arg(
                                parser.value(u"notes"_s)));
            return false;
        }
        request.figure.noteStyle = *style;
    }
    if (parser.isSet(u"no-notes"_s))
        request.figure.noteStyle = FigureOptions::NoteStyle::None;
    if (parser.isSet(u"date-labels"_s)) {
        const QString value = parser.value(u"date-labels"_s).toLower();
        if (value == u"on"_s || value == u"yes"_s || value == u"true"_s) {
            request.figure.dateLabels = true;
        } else if (value == u"off"_s || value == u"no"_s || value == u"false"_s) {
            request.figure.dateLabels = false;
        } else {
            usageError(
                err, u"--date-labels: '%1' is not on or off"_s.arg(parser.value(u"date-labels"_s)));
            return false;
        }
    }
    request.figure.footer = !parser.isSet(u"no-footer"_s);
    request.figure.chain = parser.value(u"chain"_s).trimmed();
    // Dates were checked with the filter; the figure keeps their precision ("2025-04").
    if (parser.isSet(u"from"_s))
        request.figure.from = PartialDate::parseIso(parser.value(u"from"_s));
    if (parser.isSet(u"to"_s))
        request.figure.to = PartialDate::parseIso(parser.value(u"to"_s));
    return true;
}

} // namespace

QList<QCommandLineOption> ExportCommand::options() {
    return {
        {u"size"_s, u"export: WxH, slide, a4, a4-portrait, letter or letter-portrait."_s,
         u"SIZE"_s},
        {u"scale"_s, u"export: PNG pixels per unit, 1 to 4."_s, u"N"_s},
        {u"title"_s, u"export: the figure's title."_s, u"T"_s},
        {u"subtitle"_s, u"export: the figure's subtitle."_s, u"S"_s},
        {u"theme"_s, u"export: light, dark or print."_s, u"THEME"_s},
        {u"lanes"_s, u"export: lanes by category, actor, chip or none."_s, u"LANES"_s},
        {u"dpi"_s, u"export: PNG resolution, 72 to 1200 (paper sizes: 300)."_s, u"N"_s},
        {u"notes"_s, u"export: source notes full, short (outlet, title, date) or none."_s,
         u"STYLE"_s},
        {u"no-notes"_s, u"export: leave out the numbered source notes (--notes none)."_s},
        {u"date-labels"_s, u"export: on puts each event's date before its label."_s, u"on|off"_s},
        {u"no-footer"_s, u"export: leave out the attribution line at the foot."_s},
        {u"chain"_s,
         u"export: only the events linked to EVENT-UID by relations, with their arcs."_s,
         u"EVENT-UID"_s},
    };
}

QStringList ExportCommand::optionNames() {
    QStringList names;
    for (const QCommandLineOption &option : options())
        names << option.names().constLast();
    return names;
}

QString ExportCommand::usage() {
    return QCoreApplication::translate(
        "CommandLine",
        R"(  chiptimeline [--db PATH] export --out FILE [--format png|svg|pdf] [filters]
               [--size WxH|slide|a4|a4-portrait|letter|letter-portrait] [--scale N]
               [--title T] [--subtitle S] [--theme light|dark|print]
               [--lanes category|actor|chip|none] [--notes full|short|none]
               [--date-labels on|off] [--dpi N] [--no-footer] [--chain EVENT-UID]
)");
}

int ExportCommand::check(const QCommandLineParser &parser, QTextStream &err) {
    ExportRequest request;
    return readRequest(parser, request, err) ? 0 : 2;
}

namespace {

// Loads what the filter selects, draws it and writes the figure; the one path of `export`
// and `reproduce`. The events and their sources come from `reads`: `store` itself, or the
// dataset of an earlier revision held in memory (DatasetReads; never for a chain, which reads
// the store's relations). `drawn` receives the digest of what the figure drew.
int writeFigure(const TimelineStore &store, const TimelineReads &reads, ExportRequest &request,
                const EventFilter &filter, QTextStream &out, QTextStream &err,
                QString *drawn = nullptr) {
    Q_ASSERT(&reads == &store || request.figure.chain.isEmpty());
    TimelineData data = TimelineDataQuery::load(reads, filter, request.figure.language);
    FigureSources::Map sources;
    if (!request.figure.chain.isEmpty()) {
        std::optional<ChainFigure> chain = ChainFigure::of(store, request.figure.chain, data);
        if (!chain) {
            if (store.readError().isError())
                err << "chiptimeline: export: " << store.readError().message << Qt::endl;
            else
                err << "chiptimeline: export: --chain: there is no event " << request.figure.chain
                    << " (list --json shows each event's uid)" << Qt::endl;
            return 1;
        }
        data = std::move(chain->data);
        sources = std::move(chain->sources);
        request.figure.relationArcs = std::move(chain->arcs);
    } else {
        QList<qint64> ids;
        ids.reserve(data.size());
        for (qsizetype i = 0; i < data.size(); ++i)
            ids << data.id(i);
        sources = FigureSources::load(reads, ids);
    }
    // A read that met damage gave only part of the timeline: no figure is drawn from it.
    if (store.readError().isError()) {
        err << "chiptimeline: " << store.readError().message << Qt::endl;
        return 1;
    }
    if (drawn)
        *drawn = FigureProvenance::digestOf(data, sources);

    // A progress line only for a person watching: not in pipes, logs or tests.
    const bool showProgress = err.string() == nullptr && isatty(STDERR_FILENO);
    int shown = -1;
    const auto progress = [&](int percent) {
        if (showProgress && percent / 10 != shown / 10) {
            shown = percent;
            err << "\rchiptimeline: exporting " << QFileInfo(request.path).fileName() << ' '
                << percent << '%';
            err.flush();
        }
        return true;
    };
    QString error;
    QString notice;
    const bool ok = ImageExporter::exportImage(data, sources, request, &error, progress, &notice);
    if (showProgress && shown >= 0) {
        err << "\r\033[K";
        err.flush();
    }
    if (!ok) {
        err << "chiptimeline: " << error << Qt::endl;
        return 1;
    }
    // What the figure could not label is never lost silently.
    if (!notice.isEmpty())
        err << "chiptimeline: " << notice << Qt::endl;
    out << "wrote " << request.path << Qt::endl;
    return 0;
}

FigureProvenance provenanceFor(const TimelineStore &store, const QString &filterText,
                               qint64 revision) {
    FigureProvenance record;
    record.database = QFileInfo(store.path()).fileName();
    record.filter = filterText;
    record.revision = revision;
    return record;
}

} // namespace

int ExportCommand::run(const TimelineStore &store, const QCommandLineParser &parser,
                       const EventFilter &filter, QTextStream &out, QTextStream &err,
                       const TimelineStore &live, qint64 revision, const TimelineReads *reads) {
    ExportRequest request;
    if (!readRequest(parser, request, err))
        return 2;
    request.figure.exportDate = QDate::currentDate();
    // Drawn as of an earlier revision: the figure's attribution line says which.
    request.figure.asOfRevision = parser.isSet(u"as-of"_s) ? revision : 0;
    // --lang (checked by CommandLine::run) draws the figure in that language; else English.
    request.figure.language = parser.isSet(u"lang"_s) ? parser.value(u"lang"_s) : u"en"_s;
    request.provenance =
        provenanceFor(live, FilterText::format(filter, parser.value(u"query"_s)), revision);
    return writeFigure(store, reads ? *reads : store, request, filter, out, err);
}

int ExportCommand::reproduce(const TimelineStore &store, const QString &figurePath,
                             const QString &outPath, QTextStream &out, QTextStream &err) {
    QString error;
    const auto record = FigureProvenance::readFromFile(figurePath, &error);
    if (!record) {
        err << "chiptimeline: " << error << Qt::endl;
        return 1;
    }
    QString reason;
    std::optional<ExportRequest> request = record->toRequest(outPath, &reason);
    if (!request) {
        err << "chiptimeline: " << figurePath << ": the provenance record is damaged: " << reason
            << Qt::endl;
        return 1;
    }
    FilterText::Error filterError;
    const auto filter = FilterText::parse(record->filter, &filterError);
    if (!filter) {
        err << "chiptimeline: " << figurePath << ": the recorded filter, " << filterError.toString()
            << Qt::endl;
        return 1;
    }
    // Drawn as of the recorded revision: later edits do not change the figure. As `export
    // --as-of` draws it: from a copy of the file where few items changed since, else from the
    // dataset of then in memory where that can answer the figure, else from a store of then.
    HistoryCommand::StoreAsOf asOf;
    std::optional<DatasetReads> reads;
    if (record->revision > 0) {
        QString message;
        if (store.revisionAt(u"r%1"_s.arg(record->revision), &message) == 0) {
            err << "chiptimeline: " << figurePath << ": drawn as of r" << record->revision
                << ", which this timeline does not have: " << message << Qt::endl;
            return 1;
        }
        const bool datasetAnswers =
            request->figure.chain.isEmpty() && DatasetReads::canSelect(filter->filter);
        int code = 0;
        asOf = HistoryCommand::storeAsOf(store, record->revision, err, &code,
                                         datasetAnswers ? AsOfDataset::InsteadOfImport
                                                        : AsOfDataset::Skip);
        if (code != 0)
            return code;
        if (!asOf.store)
            reads.emplace(std::move(asOf.dataset));
    }
    const TimelineStore &source = asOf.store ? *asOf.store : store;
    request->provenance = provenanceFor(store, record->filter, record->revision);
    request->provenance->language = record->language;
    if (record->program != FigureProvenance::currentProgram())
        err << "chiptimeline: " << figurePath << ": made by " << record->program << ", redrawn by "
            << FigureProvenance::currentProgram() << ": the drawing may differ" << Qt::endl;
    QString drawn;
    const int code =
        writeFigure(source, reads ? static_cast<const TimelineReads &>(*reads) : source, *request,
                    filter->filter, out, err, &drawn);
    if (code == 0 && drawn != record->digest) {
        if (record->revision > 0)
            err << "chiptimeline: " << figurePath << ": what r" << record->revision
                << " holds differs from what the figure drew (" << record->events
                << " events then): " << outPath << " shows r" << record->revision << Qt::endl;
        else
            err << "chiptimeline: " << figurePath
                << ": the timeline has changed since the figure was made on "
                << record->madeAt.toString(Qt::ISODate) << " (" << record->events
                << " events then): " << outPath << " shows it as it is now" << Qt::endl;
    }
    return code;
}
