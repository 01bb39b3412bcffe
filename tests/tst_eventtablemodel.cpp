#include "ui/widgets/EventTableModel.h"

#include "model/Event.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_EventTableModel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void empty();
    void cells();
    void header();
    void eventIds();
    void sorting_data();
    void sorting();
    void sortKeptAcrossReset();
    void persistentIndexFollowsSort();
    void largeData();

private:
    [[nodiscard]] QList<qint64> idsInRowOrder() const;

    EventTableModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

namespace {

QList<Category> categories() {
    return {Category{1, u"us-export-control"_s, u"US export controls"_s, QColor(u"#d55e00"_s), 1},
            Category{2, u"industry"_s, u"Industry"_s, QColor(u"#009e73"_s), 2},
            Category{3, u"china-policy"_s, u"China policy"_s, QColor(u"#0a7bc0"_s), 3}};
}

Event makeEvent(qint64 id, const QString &title, PartialDate start, const QString &category,
                EventStatus status, int sources, PartialDate end = {}) {
    Event e;
    e.id = id;
    e.title = title;
    e.start = start;
    e.end = end;
    e.category = category;
    e.status = status;
    for (int i = 0; i < sources; ++i)
        e.citations << Citation{u"source-%1"_s.arg(i), QString(), QString()};
    return e;
}

TimelineData sampleData() {
    return TimelineData::fromEvents(
        {
            makeEvent(11, u"H20 licence requirement in force"_s, PartialDate::fromYmd(2025, 4, 9),
                      u"us-export-control"_s, EventStatus::Confirmed, 2,
                      PartialDate::fromYmd(2025, 7, 14)),
            makeEvent(12, u"Huawei readies Ascend 910C mass shipments"_s,
                      PartialDate::fromYearMonth(2025, 4), u"industry"_s, EventStatus::Reported, 1),
            makeEvent(13, u"Claim: DeepSeek-R1 trained on 50,000 Hopper GPUs"_s,
                      PartialDate::fromYear(2025), u"industry"_s, EventStatus::Reported, 1),
            makeEvent(14, u"beijing discourages H20 purchases"_s, PartialDate::fromYmd(2025, 8, 12),
                      u"china-policy"_s, EventStatus::Confirmed, 3),
            makeEvent(15, u"Affiliates Rule due to return"_s, PartialDate::fromYmd(2026, 11, 10),
                      QString(), EventStatus::Disputed, 0),
        },
        categories());
}

} // namespace

void tst_EventTableModel::init() {
    m_model = new EventTableModel(this);
    m_tester = new QAbstractItemModelTester(
        m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    m_model->setTimelineData(sampleData());
}

void tst_EventTableModel::cleanup() {
    delete m_tester;
    delete m_model;
    m_tester = nullptr;
    m_model = nullptr;
}

QList<qint64> tst_EventTableModel::idsInRowOrder() const {
    QList<qint64> ids;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ids << m_model->index(row, 0).data(EventTableModel::EventIdRole).toLongLong();
    return ids;
}

void tst_EventTableModel::empty() {
    m_model->setTimelineData(TimelineData());
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), 5);
    QCOMPARE(m_model->rowOfEvent(11), -1);
    QCOMPARE(m_model->eventId(0), 0);
    m_model->sort(EventTableModel::TitleColumn);
    QCOMPARE(m_model->rowCount(), 0);
}

void tst_EventTableModel::cells() {
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(m_model->columnCount(), 5);
    const auto row = [this](int r) {
        QStringList cells;
        for (int c = 0; c < m_model->columnCount(); ++c)
            cells << m_model->index(r, c).data().toString();
        return cells;
    };
    // Time order: a year covers from 1 January, a month from its first day.
    QCOMPARE(row(0), (QStringList{u"2025"_s, u"Claim: DeepSeek-R1 trained on 50,000 Hopper GPUs"_s,
                                  u"Industry"_s, u"Reported"_s, u"1"_s}));
    QCOMPARE(row(1), (QStringList{u"2025-04"_s, u"Huawei readies Ascend 910C mass shipments"_s,
                                  u"Industry"_s, u"Reported"_s, u"1"_s}));
    QCOMPARE(row(2), (QStringList{u"2025-04-09"_s, u"H20 licence requirement in force"_s,
                                  u"US export controls"_s, u"Confirmed"_s, u"2"_s}));
    QCOMPARE(row(3), (QStringList{u"2025-08-12"_s, u"beijing discourages H20 purchases"_s,
                                  u"China policy"_s, u"Confirmed"_s, u"3"_s}));
    QCOMPARE(row(4), (QStringList{u"2026-11-10"_s, u"Affiliates Rule due to return"_s, QString(),
                                  u"Disputed"_s, u"0"_s}));

    QCOMPARE(m_model->index(2, EventTableModel::CategoryColumn).data(Qt::DecorationRole),
             QVariant(QColor(u"#d55e00"_s)));
    QVERIFY(!m_model->index(4, EventTableModel::CategoryColumn).data(Qt::DecorationRole).isValid());
    QCOMPARE(m_model->index(0, EventTableModel::SourcesColumn).data(Qt::TextAlignmentRole),
             QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter));
    QCOMPARE(m_model->index(4, EventTableModel::StatusColumn).data(Qt::ToolTipRole).toString(),
             eventStatusExplanation(EventStatus::Disputed));
    QCOMPARE(m_model->index(0, EventTableModel::DateColumn).data(EventTableModel::SortRole),
             QVariant(qint64(QDate(2025, 1, 1).toJulianDay())));
    QCOMPARE(m_model->index(0, EventTableModel::SourcesColumn).data(Qt::DisplayRole), QVariant(1));
}

void tst_EventTableModel::header() {
    QStringList headers;
    for (int c = 0; c < m_model->columnCount(); ++c)
        headers << m_model->headerData(c, Qt::Horizontal).toString();
    QCOMPARE(headers,
             (QStringList{u"Date"_s, u"Title"_s, u"Category"_s, u"Status"_s, u"Sources"_s}));
}

void tst_EventTableModel::eventIds() {
    QCOMPARE(idsInRowOrder(), (QList<qint64>{13, 12, 11, 14, 15}));
    QCOMPARE(m_model->eventId(2), 11);
    QCOMPARE(m_model->eventId(5), 0);
    QCOMPARE(m_model->eventId(-1), 0);
    QCOMPARE(m_model->rowOfEvent(14), 3);
    QCOMPARE(m_model->rowOfEvent(99), -1);
    m_model->sort(EventTableModel::TitleColumn);
    QCOMPARE(m_model->rowOfEvent(14), 1);
    QCOMPARE(m_model->eventId(1), 14);
}

void tst_EventTableModel::sorting_data() {
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QList<qint64>>("ids");

    QTest::newRow("date asc") << int(EventTableModel::DateColumn) << Qt::AscendingOrder
                              << QList<qint64>{13, 12, 11, 14, 15};
    QTest::newRow("date desc") << int(EventTableModel::DateColumn) << Qt::DescendingOrder
                               << QList<qint64>{15, 14, 11, 12, 13};
    QTest::newRow("title asc, case-insensitive")
        << int(EventTableModel::TitleColumn) << Qt::AscendingOrder
        << QList<qint64>{15, 14, 13, 11, 12};
    QTest::newRow("title desc") << int(EventTableModel::TitleColumn) << Qt::DescendingOrder
                                << QList<qint64>{12, 11, 13, 14, 15};
    QTest::newRow("category asc: lane order, none last")
        << int(EventTableModel::CategoryColumn) << Qt::AscendingOrder
        << QList<qint64>{11, 13, 12, 14, 15};
    QTest::newRow("category desc: ties stay in time order")
        << int(EventTableModel::CategoryColumn) << Qt::DescendingOrder
        << QList<qint64>{15, 14, 13, 12, 11};
    QTest::newRow("status asc") << int(EventTableModel::StatusColumn) << Qt::AscendingOrder
                                << QList<qint64>{11, 14, 13, 12, 15};
    QTest::newRow("sources asc") << int(EventTableModel::SourcesColumn) << Qt::AscendingOrder
                                 << QList<qint64>{15, 13, 12, 11, 14};
    QTest::newRow("sources desc") << int(EventTableModel::SourcesColumn) << Qt::DescendingOrder
                                  << QList<qint64>{14, 11, 13, 12, 15};
    QTest::newRow("none: time order")
        << -1 << Qt::AscendingOrder << QList<qint64>{13, 12, 11, 14, 15};
}

void tst_EventTableModel::sorting() {
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QList<qint64>, ids);
    m_model->sort(EventTableModel::TitleColumn, Qt::DescendingOrder); // start elsewhere
    QSignalSpy aboutToChange(m_model, &QAbstractItemModel::layoutAboutToBeChanged);
    QSignalSpy changed(m_model, &QAbstractItemModel::layoutChanged);
    m_model->sort(column, order);
    QCOMPARE(idsInRowOrder(), ids);
    QCOMPARE(aboutToChange.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_model->sortColumn(), column);
    QCOMPARE(m_model->sortOrder(), order);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->rowOfEvent(ids[row]), row);
}

void tst_EventTableModel::sortKeptAcrossReset() {
    m_model->sort(EventTableModel::SourcesColumn, Qt::DescendingOrder);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->setTimelineData(sampleData());
    QCOMPARE(reset.size(), 1);
    QCOMPARE(idsInRowOrder(), (QList<qint64>{14, 11, 13, 12, 15}));
}

void tst_EventTableModel::persistentIndexFollowsSort() {
    const QPersistentModelIndex h20 = m_model->index(2, EventTableModel::TitleColumn);
    QCOMPARE(h20.data().toString(), u"H20 licence requirement in force"_s);
    m_model->sort(EventTableModel::TitleColumn);
    QCOMPARE(h20.row(), 3);
    QCOMPARE(h20.column(), int(EventTableModel::TitleColumn));
    QCOMPARE(h20.data().toString(), u"H20 licence requirement in force"_s);
}

void tst_EventTableModel::largeData() {
    // Many rows, no Event objects: ids, dates and titles come straight from the columns.
    QList<Event> events;
    const int count = 20000;
    events.reserve(count);
    for (int i = 0; i < count; ++i) {
        const int n = (i * 7919) % count; // a permutation of 0..count-1
        events << makeEvent(i + 1, u"Event %1"_s.arg(n, 5, 10, QChar(u'0')),
                            PartialDate::fromDate(QDate(2020, 1, 1).addDays(i % 2000)),
                            u"industry"_s, EventStatus::Confirmed, i % 4);
    }
    m_model->setTimelineData(TimelineData::fromEvents(events, categories()));
    QCOMPARE(m_model->rowCount(), count);
    m_model->sort(EventTableModel::TitleColumn);
    QCOMPARE(m_model->index(0, 1).data().toString(), u"Event 00000"_s);
    QCOMPARE(m_model->index(count - 1, 1).data().toString(), u"Event 19999"_s);
    for (int row = 1; row < count; ++row) {
        QVERIFY(m_model->index(row - 1, 1).data(EventTableModel::SortRole).toString() <
                m_model->index(row, 1).data(EventTableModel::SortRole).toString());
    }
    m_model->sort(EventTableModel::SourcesColumn, Qt::DescendingOrder);
    QCOMPARE(m_model->index(0, EventTableModel::SourcesColumn).data().toInt(), 3);
    QCOMPARE(m_model->index(count - 1, EventTableModel::SourcesColumn).data().toInt(), 0);
}

QTEST_MAIN(tst_EventTableModel)
#include "tst_eventtablemodel.moc"
