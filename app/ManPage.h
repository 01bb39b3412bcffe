#pragma once

#include <QString>

// chiptimeline(1) in troff, made from the same usage text and option table as --help
// (CommandLine::usage(), CommandLine::options()), so the two never disagree. The build
// runs it through chiptimeline_manpage and installs the result.
class ManPage {
public:
    [[nodiscard]] static QString troff(const QString &version);
    // Text made safe for troff: backslashes, hyphens and a leading dot or quote escaped.
    [[nodiscard]] static QString escape(const QString &text);
};
