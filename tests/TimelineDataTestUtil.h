#pragma once

// Shared by the TimelineData tests: every column of one row compared with a row of another
// snapshot (the same event read or filtered another way).

#include "model/TimelineData.h"

#include <QList>
#include <QTest>

// QCOMPAREs row `i` of `a` with row `j` of `b`, column by column; callers check
// QTest::currentTestFailed() afterwards.
inline void compareTimelineRows(const TimelineData &a, qsizetype i, const TimelineData &b,
                                qsizetype j) {
    QCOMPARE(a.id(i), b.id(j));
    QCOMPARE(a.title(i), b.title(j));
    QCOMPARE(a.firstDay(i), b.firstDay(j));
    QCOMPARE(a.lastDay(i), b.lastDay(j));
    QCOMPARE(a.precision(i), b.precision(j));
    QCOMPARE(a.isRange(i), b.isRange(j));
    QCOMPARE(a.category(i), b.category(j));
    QCOMPARE(a.status(i), b.status(j));
    QCOMPARE(a.importance(i), b.importance(j));
    QCOMPARE(a.flags(i), b.flags(j));
    QCOMPARE(a.sourceCount(i), b.sourceCount(j));
    QCOMPARE(a.isUnsourced(i), b.isUnsourced(j));
    QCOMPARE(a.hasNoSourceAddress(i), b.hasNoSourceAddress(j));
    const auto actorsA = a.actors(i);
    const auto actorsB = b.actors(j);
    QCOMPARE(QList<quint32>(actorsA.begin(), actorsA.end()),
             QList<quint32>(actorsB.begin(), actorsB.end()));
    const auto chipsA = a.chips(i);
    const auto chipsB = b.chips(j);
    QCOMPARE(QList<quint32>(chipsA.begin(), chipsA.end()),
             QList<quint32>(chipsB.begin(), chipsB.end()));
}
