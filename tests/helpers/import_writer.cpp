// Test helper for tst_crashsafety_import, killed with SIGKILL by the test at chosen moments.
//
//   import_writer import DATABASE FILE   imports a native JSON file in one transaction, read
//                                        while it is written, as `chiptimeline import` does
//                                        (FileImport); prints "started" before the import and
//                                        "committed" once it returned
//   import_writer edits DATABASE FIRST   saves events "edit-FIRST", "edit-FIRST+1", … one
//                                        store transaction each, printing "committed N"
//                                        after each one returns
//
// Output is unbuffered: a line the test reads was printed after the commit it reports.
#include "model/FileImport.h"
#include "model/store/TimelineStore.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

int fail(const QString &message) {
    std::fprintf(stderr, "import_writer: %s\n", qPrintable(message));
    return 1;
}

void say(const char *line) {
    std::fputs(line, stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4 || (args.at(1) != u"import"_s && args.at(1) != u"edits"_s))
        return fail(u"usage: import_writer import DATABASE FILE | edits DATABASE FIRST"_s);
    StoreError error;
    const std::unique_ptr<TimelineStore> store = TimelineStore::open(args.at(2), &error);
    if (!store)
        return fail(error.message);

    if (args.at(1) == u"import"_s) {
        say("started\n");
        ImportSummary summary;
        QString message;
        if (!FileImport::importFile(*store, args.at(3), DatasetFormat::Native, ImportPolicy::Skip,
                                    &summary, &message))
            return fail(message);
        say("committed\n");
        return 0;
    }

    for (int n = args.at(3).toInt();; ++n) {
        Event event;
        event.uid = u"edit-%1"_s.arg(n);
        event.title = u"Edit %1"_s.arg(n);
        event.summary = QString(100 + n % 400, QChar(u'a' + n % 26));
        event.start = PartialDate::fromYmd(2025, 1 + n % 12, 1 + n % 28);
        event.actors = {u"Writer %1"_s.arg(n % 5)};
        event.tags = {u"crash"_s};
        if (!store->saveEvent(event, &error))
            return fail(error.message);
        std::printf("committed %d\n", n);
        std::fflush(stdout);
    }
}
