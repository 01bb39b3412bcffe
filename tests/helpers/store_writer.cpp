// Test helper for tst_crashsafety: opens a database and performs numbered edits in a loop,
// each one a store transaction, printing the number of every edit once it is committed.
// The parent kills it at arbitrary moments and checks that every reported edit survived.
#include "model/EditCommands.h"
#include "model/store/TimelineStore.h"

#include <QCoreApplication>
#include <QUndoStack>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: store_writer DATABASE [FIRST]\n");
        return 2;
    }
    StoreError error;
    std::unique_ptr<TimelineStore> store = TimelineStore::open(args.at(1), &error);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    const int first = args.size() > 2 ? args.at(2).toInt() : 1;
    QUndoStack stack;
    Source source;
    source.title = u"Crash-safety source"_s;
    source.url = u"https://example.org/crash"_s;
    for (int n = first;; ++n) {
        // Alternate the kinds of edit: adds with links, edits, and an undo now and then.
        Event event;
        event.uid = u"edit-%1"_s.arg(n);
        event.title = u"Edit %1"_s.arg(n);
        event.start = PartialDate::fromYmd(2025, 1 + n % 12, 1 + n % 28);
        event.tags = {u"crash"_s, u"n%1"_s.arg(n % 7)};
        event.actors = {u"Writer"_s};
        event.summary = QString(200, QChar(u'a' + n % 26));
        auto *add = new AddEventCommand(*store, event);
        bool failed = false;
        add->setErrorHandler([&](const StoreError &e) {
            std::fprintf(stderr, "edit %d: %s\n", n, qPrintable(e.message));
            failed = true;
        });
        stack.push(add);
        if (failed)
            return 1;
        if (n % 5 == 0) {
            // An edit, then its undo and redo: three more transactions.
            const std::optional<Event> stored = store->eventByUid(event.uid);
            Event after = *stored;
            after.title = u"Edit %1 (revised)"_s.arg(n);
            stack.push(new EditEventCommand(*store, *stored, after));
            stack.undo();
            stack.redo();
        }
        std::printf("%d\n", n);
        std::fflush(stdout);
    }
}
