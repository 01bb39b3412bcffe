// Relations between events (model/Relation.h): stored, carried by the native file, undone,
// checked by Dataset Health and printed by `chain`.

#include "BundledDatasetTestUtil.h"
#include "CommandLineTestUtil.h"

#include "model/DatasetHealth.h"
#include "model/RelationChain.h"
#include "model/RelationCommands.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/store/TimelineStore.h"
#include "ui/render/TimelineFigure.h"

#include <QFontMetricsF>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

using namespace BundledChain;

// A small native file: three events, one source and the relations given.
QByteArray fileWithRelations(const QString &relations) {
    return uR"({"format": "chiptimeline", "version": 2,
  "sources": [{"uid": "s1", "title": "Report"}],
  "events": [
    {"uid": "a", "title": "Rule", "start": "2025-01-13"},
    {"uid": "b", "title": "Rescission", "start": "2025-05-13"},
    {"uid": "c", "title": "Answer", "start": "2025-06-01"}
  ],
  "relations": [
%1
  ]
})"_s.arg(relations)
        .toUtf8();
}

// What a reader sees of an SVG figure: its title texts' boxes and its relation arcs.
struct SvgFigure {
    struct Title {
        QString text;
        QRectF box;
    };
    struct Arc {
        QPointF from, c1, c2, to; // a cubic curve
        [[nodiscard]] QPointF at(double t) const {
            const double u = 1 - t;
            return from * (u * u * u) + c1 * (3 * u * u * t) + c2 * (3 * u * t * t) +
                   to * (t * t * t);
        }
    };
    QList<Title> titles;
    QList<Arc> arcs;
};

// Parses QSvgGenerator's output: groups translated by `transform="matrix(1,0,0,1,X,Y)"`,
// texts with x, y (the baseline), family, pixel size and weight, and the arcs: the curves stroked
// 1.6 wide (`M x,y C x,y x,y x,y`). `titleSize` picks the texts of that size (the titles).
SvgFigure parseSvgFigure(const QString &svg, int titleSize) {
    SvgFigure figure;
    static const QRegularExpression translate(u"matrix\\(1,0,0,1,([-\\d.]+),([-\\d.]+)\\)"_s);
    static const QRegularExpression text(
        uR"re(<text [^>]*x="([-\d.]+)" y="([-\d.]+)" font-family="([^"]*)" font-size="(\d+)" font-weight="(\d+)"[^>]*>([^<]*)</text>)re"_s);
    static const QRegularExpression curve(
        uR"re(d="M([-\d.]+),([-\d.]+) C([-\d.]+),([-\d.]+) ([-\d.]+),([-\d.]+) ([-\d.]+),([-\d.]+) ")re"_s);
    for (const QString &group : svg.split(u"<g "_s)) {
        const QRegularExpressionMatch shift = translate.match(group);
        const QPointF offset =
            shift.hasMatch() ? QPointF(shift.captured(1).toDouble(), shift.captured(2).toDouble())
                             : QPointF();
        for (auto m = text.globalMatch(group); m.hasNext();) {
            const QRegularExpressionMatch t = m.next();
            if (t.captured(4).toInt() != titleSize || t.captured(5) != u"400"_s)
                continue; // not a title: a lane's header (bold), the legend, the notes
            QFont font(t.captured(3));
            font.setPixelSize(titleSize);
            const QFontMetricsF fm(font);
            QString title = t.captured(6);
            title.replace(u"&quot;"_s, u"\""_s).replace(u"&amp;"_s, u"&"_s);
            const QPointF baseline =
                QPointF(t.captured(1).toDouble(), t.captured(2).toDouble()) + offset;
            figure.titles.append({title, QRectF(baseline.x(), baseline.y() - fm.ascent(),
                                                fm.horizontalAdvance(title), fm.height())});
        }
        if (!group.contains(u"stroke-width=\"1.6\""_s))
            continue;
        for (auto m = curve.globalMatch(group); m.hasNext();) {
            const QRegularExpressionMatch c = m.next();
            const auto point = [&](int i) {
                return QPointF(c.captured(i).toDouble(), c.captured(i + 1).toDouble()) + offset;
            };
            figure.arcs.append({point(1), point(3), point(5), point(7)});
        }
    }
    return figure;
}

// The title nearest to `point`.
QString titleNearest(const SvgFigure &figure, QPointF point) {
    QString nearest;
    double best = std::numeric_limits<double>::max();
    for (const SvgFigure::Title &title : figure.titles) {
        const QRectF &box = title.box;
        const double dx = std::max({box.left() - point.x(), 0.0, point.x() - box.right()});
        const double dy = std::max({box.top() - point.y(), 0.0, point.y() - box.bottom()});
        if (std::hypot(dx, dy) < best) {
            best = std::hypot(dx, dy);
            nearest = title.text;
        }
    }
    return nearest;
}

QString keys(const QList<Relation> &relations) {
    QStringList keys;
    for (const Relation &relation : relations)
        keys << relation.fromUid.left(8) + u' ' + relationTypeKey(relation.type) + u' ' +
                    relation.toUid.left(8);
    return keys.join(u"; "_s);
}

} // namespace

class TestRelations : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"t%1.sqlite"_s.arg(++m_count));
        m_store = openBundledDataset(m_path);
        QVERIFY(m_store);
    }
    void cleanup() { m_store.reset(); }

    void storedAsTheFileHasThem() {
        const QList<Relation> relations = m_store->relations();
        QCOMPARE(keys(relations), u"63a59647 responds-to 5c8375e4; 8e48937f rescinds 22faa901; "
                                  "a13c86e2 follows-from d9dad484; 5aafee21 amends d9dad484; "
                                  "f62c7e26 responds-to 5aafee21"_s);
        const QList<Relation> ofApril = m_store->relationsOf(april);
        QCOMPARE(keys(ofApril), u"a13c86e2 follows-from d9dad484; 5aafee21 amends d9dad484"_s);
        QCOMPARE(ofApril.at(1).citations,
                 (QList<Citation>{{seedSource,
                                   u"Beide Unternehmen dürfen ihre Chips an chinesische "
                                   "Unternehmen verkaufen, sofern sie der US-Regierung 15 % des "
                                   "Erlöses aus dem Verkauf in China zahlen."_s,
                                   u"para. 5"_s}}));
        QCOMPARE(ofApril.at(1).note,
                 u"The restricted chips may be sold to China on condition of the 15% payment."_s);
        // The whole store written again is the bundled file, byte for byte.
        QCOMPARE(NativeJsonFormat::write(m_store->dataset()), readAll(datasetFile()));
    }

    void fastAndThoroughReadersAgree() {
        const QByteArray bytes = readAll(datasetFile());
        InputError error;
        const auto thorough = NativeJsonFormat::readThoroughly(bytes, u"f.json"_s, &error);
        const auto fast = NativeJsonFormat::read(bytes, u"f.json"_s, &error);
        QVERIFY(thorough && fast);
        QCOMPARE(fast->relations.size(), 5);
        QCOMPARE(fast->relations, thorough->relations);
    }

    void fileRefused_data() {
        QTest::addColumn<QString>("relations");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing event")
            << uR"(    {"from": "b", "to": "a", "type": "rescinds"},
    {"from": "c", "to": "zz", "type": "responds-to"})"_s
            << u"f.json:10: relations[1].to: names event zz, which the file does not contain"_s;
        QTest::newRow("itself")
            << uR"(    {"from": "b", "to": "b", "type": "rescinds"})"_s
            << u"f.json:9: relations[0].to: event b cannot be related to itself"_s;
        QTest::newRow("unknown type")
            << uR"(    {"from": "b", "to": "a", "type": "cancels"})"_s
            << u"f.json:9: relations[0].type: 'cancels' is not one of responds-to, amends, "
               "replaces, rescinds, implements, follows-from"_s;
        QTest::newRow("twice") << uR"(    {"from": "b", "to": "a", "type": "rescinds"},
    {"from": "b", "to": "a", "type": "rescinds"})"_s
                               << u"f.json:10: relations[1]: b rescinds a appears twice"_s;
        QTest::newRow("unknown source")
            << uR"(    {"from": "b", "to": "a", "type": "rescinds", "sources": [{"source": "s9"}]})"_s
            << u"f.json:9: relations[0].sources[0].source: cites source s9, which the file does "
               "not contain"_s;
    }

    void fileRefused() {
        QFETCH(QString, relations);
        QFETCH(QString, message);
        InputError error;
        QVERIFY(!NativeJsonFormat::read(fileWithRelations(relations), u"f.json"_s, &error));
        QCOMPARE(error.toString(), message);
    }

    void keepBothLinksTheCopies() {
        const auto dataset = NativeJsonFormat::readFile(datasetFile(), nullptr);
        QVERIFY(dataset);
        ImportSummary summary;
        StoreError error;
        QVERIFY2(m_store->importDataset(*dataset, ImportPolicy::KeepBoth, &summary, &error),
                 qPrintable(error.message));
        const QList<Relation> relations = m_store->relations();
        QCOMPARE(relations.size(), 10);
        // Every relation joins two events of one copy: the file's uids or both new ones.
        const QSet<QString> original = {april,
                                        july,
                                        deal,
                                        beijing,
                                        diffusion,
                                        rescinded,
                                        u"63a59647-d22c-538c-8cdb-7ea728be7896"_s,
                                        u"5c8375e4-5c57-5ce4-b5ab-8abefb86e7a9"_s};
        int betweenCopies = 0;
        for (const Relation &relation : relations) {
            QCOMPARE(original.contains(relation.fromUid), original.contains(relation.toUid));
            betweenCopies += original.contains(relation.fromUid) ? 0 : 1;
        }
        QCOMPARE(betweenCopies, 5);
    }

    void linkAndUnlinkUndo() {
        const QList<Relation> before = m_store->relations();
        QUndoStack stack;
        const Relation link{beijing,
                            july,
                            RelationType::RespondsTo,
                            u"note"_s,
                            {{seedSource, u"quote"_s, u"para. 5"_s}}};
        stack.push(new SaveRelationCommand(*m_store, link, std::nullopt, u"Beijing"_s, u"July"_s));
        QCOMPARE(stack.text(0), u"Link “Beijing” responds to “July”"_s);
        QCOMPARE(m_store->relations().size(), 6);
        QVERIFY(m_store->relationsOf(july).contains(link));
        Relation retyped = link;
        retyped.type = RelationType::FollowsFrom;
        stack.push(new SaveRelationCommand(*m_store, retyped, link, u"Beijing"_s, u"July"_s));
        QCOMPARE(keys(m_store->relationsOf(july)),
                 u"a13c86e2 follows-from d9dad484; f62c7e26 follows-from a13c86e2"_s);
        stack.undo();
        QVERIFY(m_store->relationsOf(july).contains(link));
        stack.undo();
        QCOMPARE(m_store->relations(), before);
        stack.redo();
        stack.redo();
        stack.push(new RemoveRelationCommand(*m_store, retyped, u"Beijing"_s, u"July"_s));
        QCOMPARE(m_store->relations(), before);
        stack.undo();
        QCOMPARE(m_store->relationsOf(july).constLast(), retyped);
    }

    void relationWithoutNoteQuoteOrLocator() {
        // What Link Events… and a file without the optional fields give: null strings.
        const Relation bare{beijing,
                            july,
                            RelationType::RespondsTo,
                            QString(),
                            {{seedSource, QString(), QString()}}};
        QUndoStack stack;
        stack.push(new SaveRelationCommand(*m_store, bare, std::nullopt, u"B"_s, u"J"_s));
        QVERIFY(!m_store->readError().isError());
        const QList<Relation> ofJuly = m_store->relationsOf(july);
        QVERIFY(ofJuly.contains(bare));
        QCOMPARE(ofJuly.constLast().note, u""_s);
    }

    void deletingAnEventTakesItsRelationsAndUndoGivesThemBack() {
        const QList<Relation> before = m_store->relations();
        const std::optional<Event> event = m_store->eventByUid(april);
        QVERIFY(event);
        QUndoStack stack;
        stack.push(new DeleteEventsCommand(*m_store, {*event}));
        QCOMPARE(keys(m_store->relations()),
                 u"63a59647 responds-to 5c8375e4; 8e48937f rescinds 22faa901; "
                 "f62c7e26 responds-to 5aafee21"_s);
        stack.undo();
        QCOMPARE(m_store->relations(), before);
    }

    void mergeMovesRelationsAndUndoRestores() {
        const QList<Relation> before = m_store->relations();
        const std::optional<Event> keep = m_store->eventByUid(july);
        const std::optional<Event> drop = m_store->eventByUid(deal);
        QVERIFY(keep && drop);
        QUndoStack stack;
        stack.push(new MergeEventsCommand(*m_store, *keep, *drop));
        QCOMPARE(keys(m_store->relations()),
                 u"63a59647 responds-to 5c8375e4; 8e48937f rescinds 22faa901; "
                 "a13c86e2 amends d9dad484; a13c86e2 follows-from d9dad484; "
                 "f62c7e26 responds-to a13c86e2"_s);
        stack.undo();
        QCOMPARE(m_store->relations(), before);
    }

    void deletingASourceTakesItsCitationsAndUndoGivesThemBack() {
        const QList<Relation> before = m_store->relations();
        const std::optional<Source> source = m_store->sourceByUid(seedSource);
        QVERIFY(source);
        QList<Event> citing;
        for (const auto &[event, citation] : m_store->citingEvents(seedSource))
            citing << event;
        QUndoStack stack;
        stack.push(new DeleteSourceCommand(*m_store, *source, citing));
        for (const Relation &relation : m_store->relationsOf(deal))
            QVERIFY(relation.citations.isEmpty());
        stack.undo();
        QCOMPARE(m_store->relations(), before);
    }

    void healthFindings() {
        const auto dataset = NativeJsonFormat::read(
            fileWithRelations(
                uR"(    {"from": "a", "to": "b", "type": "responds-to", "sources": [{"source": "s1"}]},
    {"from": "b", "to": "c", "type": "follows-from", "sources": [{"source": "s1"}]},
    {"from": "c", "to": "a", "type": "amends"})"_s),
            u"f.json"_s, nullptr);
        QVERIFY(dataset);
        QStringList relationFindings;
        for (const HealthFinding &finding : DatasetHealth::check(*dataset))
            if (healthKindKey(finding.kind).contains(u"relation"_s))
                relationFindings << healthKindKey(finding.kind) + u": "_s + finding.message;
        QCOMPARE(relationFindings,
                 (QStringList{
                     u"backward-relation: relation dated backward: 2025-01-13 \"Rule\" responds "
                     "to 2025-05-13 \"Rescission\", which comes later"_s,
                     u"backward-relation: relation dated backward: 2025-05-13 \"Rescission\" "
                     "follows from 2025-06-01 \"Answer\", which comes later"_s,
                     u"relation-cycle: relations in a circle: 2025-01-13 \"Rule\" → 2025-05-13 "
                     "\"Rescission\" → 2025-06-01 \"Answer\" → 2025-01-13 \"Rule\""_s,
                     u"unsourced-relation: relation without a source: 2025-06-01 \"Answer\" "
                     "amends 2025-01-13 \"Rule\""_s}));
        // The bundled dataset's relations are all sourced and in time order.
        for (const HealthFinding &finding : DatasetHealth::check(m_store->dataset()))
            QVERIFY2(!healthKindKey(finding.kind).contains(u"relation"_s),
                     qPrintable(finding.message));
    }

    void chainCommand() {
        m_store.reset();
        const Result json = run({u"--db"_s, m_path, u"chain"_s, deal, u"--json"_s});
        QCOMPARE(json.code, 0);
        const QJsonObject chain = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(chain.value(u"events"_s).toArray(), (QJsonArray{april, july, deal, beijing}));
        QCOMPARE(chain.value(u"relations"_s).toArray().size(), 3);

        const Result text = run({u"--db"_s, m_path, u"chain"_s, rescinded});
        QCOMPARE(text.code, 0);
        QCOMPARE(text.out.section(u'\n', 0, 1),
                 u"2025-01-13              AI Diffusion Rule issued  [%1]\n"
                 "2025-05-13              AI Diffusion Rule rescinded; guidance on Huawei Ascend  "
                 "[%2]"_s.arg(diffusion, rescinded));
        QVERIFY(text.out.contains(u"    rescinds 2025-01-13 \"AI Diffusion Rule issued\"\n"_s));
        QVERIFY(text.out.endsWith(u"2 events, 1 relation\n"_s));

        const Result missing = run({u"--db"_s, m_path, u"chain"_s, u"no-such-event"_s});
        QCOMPARE(missing.code, 1);
        QCOMPARE(missing.err, u"chain: there is no event no-such-event (list --json shows each "
                              "event's uid)\n"_s);
        QCOMPARE(run({u"--db"_s, m_path, u"chain"_s}).code, 2);
    }

    void chainFigure() {
        m_store.reset();
        const QString svg = m_dir.filePath(u"h20-chain.svg"_s);
        const Result made = run({u"--db"_s, m_path, u"export"_s, u"--out"_s, svg, u"--size"_s,
                                 u"a4"_s, u"--chain"_s, april});
        QCOMPARE(made.code, 0);
        const QString text = QString::fromUtf8(readAll(svg));
        // The chain's four events and nothing else, each relation's type written on its arc.
        QVERIFY(text.contains(u"4 events, 8 sources"_s));
        for (const QString &title :
             {u"H20 licence requirement in force"_s, u"US signals H20 licences will be granted"_s,
              u"Beijing discourages H20 purchases"_s, u"follows from"_s, u"amends"_s,
              u"responds to"_s})
            QVERIFY2(text.contains(u">"_s + title + u"<"_s), qPrintable(title));
        QVERIFY(!text.contains(u"AI Diffusion Rule"_s));

        // Each arc runs from the answering event's mark to the answered one's, and no arc
        // crosses a title: every point along it is outside every title's box.
        const SvgFigure figure = parseSvgFigure(text, 12);
        QCOMPARE(figure.titles.size(), 4);
        QStringList joined;
        for (const SvgFigure::Arc &arc : figure.arcs) {
            joined << titleNearest(figure, arc.from) + u" -> "_s + titleNearest(figure, arc.to);
            for (int i = 0; i <= 400; ++i)
                for (const SvgFigure::Title &title : figure.titles)
                    QVERIFY2(!title.box.adjusted(1, 1, -1, -1).contains(arc.at(i / 400.0)),
                             qPrintable(joined.last() + u" crosses "_s + title.text));
        }
        joined.sort();
        QCOMPARE(joined,
                 (QStringList{u"15% revenue-share deal (\"August 12 deal\") -> H20 licence "
                              "requirement in force"_s,
                              u"Beijing discourages H20 purchases -> 15% revenue-share deal "
                              "(\"August 12 deal\")"_s,
                              u"US signals H20 licences will be granted -> H20 licence "
                              "requirement in force"_s}));

        const Result missing = run(
            {u"--db"_s, m_path, u"export"_s, u"--out"_s, svg, u"--chain"_s, u"no-such-event"_s});
        QCOMPARE(missing.code, 1);
        QCOMPARE(missing.err, u"chiptimeline: export: --chain: there is no event no-such-event "
                              "(list --json shows each event's uid)\n"_s);
    }

    void rescindedRuleFigure() {
        // The AI Diffusion Rule (13 January 2025) was rescinded on 13 May 2025: in a figure of
        // that spring it is a bar from its date to the rescission's, named in the legend.
        FigureOptions options;
        options.from = PartialDate::fromYearMonth(2024, 12);
        options.to = PartialDate::fromYearMonth(2025, 6);
        options.size = QSizeF(1123, 794); // A4 landscape
        options.exportDate = QDate(2025, 9, 1);
        const FigureInput input = figureInput(*m_store);
        QString error;
        const auto figure = TimelineFigure::compose(input.data, input.sources, options, &error);
        QVERIFY2(figure, qPrintable(error));
        const TimelineLayout &layout = figure->timeline();
        const PlacedEvent *rule = layout.placedEvent(m_store->eventByUid(diffusion)->id);
        QVERIFY(rule);
        QCOMPARE(int(rule->shape), int(MarkShape::InForce));
        const qint64 january13 = QDate(2025, 1, 13).toJulianDay();
        const qint64 may13 = QDate(2025, 5, 13).toJulianDay();
        QCOMPARE(m_store->eventByUid(rescinded)->start.firstJulianDay(), may13);
        QCOMPARE(rule->markRect.left(), layout.xForDay(double(january13)));
        QCOMPARE(rule->markRect.right(), layout.xForDay(double(may13) + 1));
        QStringList texts;
        for (const TimelineFigure::TextBox &box : figure->textBoxes(0))
            texts << box.text;
        QVERIFY(texts.contains(u"in force until rescinded or replaced"_s));
        QVERIFY(texts.contains(u"AI Diffusion Rule issued"_s));
        // The rescission ends it; nothing else in the dataset rescinds or replaces a rule.
        qsizetype ended = 0;
        for (const PlacedEvent &placed : layout.events())
            ended += placed.shape == MarkShape::InForce;
        QCOMPARE(ended, 1);
    }

    void chainAtScale() {
        // 100k events with 50k relations: a chain is found from the graph without a query each.
        QList<Relation> relations;
        for (int i = 0; i < 50000; ++i)
            relations << Relation{QString::number(2 * i + 1),
                                  QString::number(2 * i),
                                  RelationType::RespondsTo,
                                  {},
                                  {}};
        relations << Relation{u"3"_s, u"1"_s, RelationType::Amends, {}, {}};
        const RelationGraph graph(relations);
        const RelationChain chain = graph.chainOf(u"0"_s);
        QCOMPARE(chain.eventUids, (QStringList{u"0"_s, u"1"_s, u"3"_s, u"2"_s}));
        QCOMPARE(chain.relations.size(), 3);
        QVERIFY(graph.cycles().isEmpty());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_count = 0;
    std::unique_ptr<TimelineStore> m_store;
};

QTEST_MAIN(TestRelations)
#include "tst_relations.moc"
