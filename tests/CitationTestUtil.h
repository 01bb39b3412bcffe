#pragma once

#include "model/Source.h"

#include <QFile>
#include <QTest>

// Shared by the citation format tests: test data access and a field-by-field comparison
// whose failure names the field that differs.
inline QString citationPath(const QString &name) {
    return QStringLiteral(CHIPTIMELINE_TEST_DATA "/citations/") + name;
}

inline QByteArray citationBytes(const QString &name) {
    QFile file(citationPath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

inline Source makeSource(const QString &kind, const QString &title, const QString &outlet,
                         const QStringList &authors, const QString &url, const QString &doi,
                         const PartialDate &published, const PartialDate &accessed,
                         const QString &language, const QString &excerpt, const QString &notes) {
    Source s;
    s.kind = kind;
    s.title = title;
    s.outlet = outlet;
    s.authors = authors;
    s.url = url;
    s.doi = doi;
    s.published = published;
    s.accessed = accessed;
    s.language = language;
    s.excerpt = excerpt;
    s.notes = notes;
    return s;
}

// Compares every field but uid and id (checked separately where they matter).
inline void compareFields(const Source &actual, const Source &expected) {
    QCOMPARE(actual.kind, expected.kind);
    QCOMPARE(actual.title, expected.title);
    QCOMPARE(actual.outlet, expected.outlet);
    QCOMPARE(actual.authors, expected.authors);
    QCOMPARE(actual.url, expected.url);
    QCOMPARE(actual.doi, expected.doi);
    QCOMPARE(actual.published.toIsoString(), expected.published.toIsoString());
    QCOMPARE(actual.accessed.toIsoString(), expected.accessed.toIsoString());
    QCOMPARE(actual.language, expected.language);
    QCOMPARE(actual.excerpt, expected.excerpt);
    QCOMPARE(actual.notes, expected.notes);
}
