// Build tool: writes chiptimeline(1) to the file named (see ManPage).
#include "app/ManPage.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <cstdio>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: chiptimeline_manpage VERSION OUT.1\n");
        return 2;
    }
    QSaveFile file(QString::fromLocal8Bit(argv[2]));
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(ManPage::troff(QString::fromLocal8Bit(argv[1])).toUtf8());
    return file.commit() ? 0 : 1;
}
