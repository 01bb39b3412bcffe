#include "app/ManPage.h"

#include "app/CommandLine.h"

#include <QCommandLineOption>

using namespace Qt::StringLiterals;

QString ManPage::escape(const QString &text) {
    QString escaped;
    escaped.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (c == u'\\')
            escaped += u"\\e"_s;
        else if (c == u'-')
            escaped += u"\\-"_s;
        else if (c.unicode() > 0x7f)
            // groff reads the page as Latin-1: anything else by its code point ("…", "–").
            escaped += u"\\[u%1]"_s.arg(
                QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0'));
        else
            escaped += c;
    }
    if (escaped.startsWith(u'.') || escaped.startsWith(u'\''))
        escaped.prepend(u"\\&"_s);
    return escaped;
}

QString ManPage::troff(const QString &version) {
    // The usage text is a synopsis block, a blank line, then notes on filters and formats.
    const QString usage = CommandLine::usage();
    QStringList synopsis;
    QStringList notes;
    bool inNotes = false;
    for (const QString &line : usage.split(u'\n')) {
        if (line == u"Usage:"_s)
            continue;
        if (line.trimmed().isEmpty()) {
            inNotes = !synopsis.isEmpty();
            continue;
        }
        // Synopsis lines lose the usage text's indent; continuation lines keep the rest of
        // theirs, which the no-fill block shows as it is.
        if (inNotes)
            notes << escape(line.trimmed());
        else
            synopsis << escape(line.startsWith(u"  "_s) ? line.mid(2) : line);
    }

    QString page;
    page += u".TH CHIPTIMELINE 1 \"\" \"ChipTimeline "_s + escape(version) +
            u"\" \"User Commands\"\n"_s;
    page += u".SH NAME\nchiptimeline \\- AI\\-chip export policy as a timeline\n"_s;
    page += u".SH SYNOPSIS\n.nf\n"_s + synopsis.join(u'\n') + u"\n.fi\n"_s;
    page += uR"(.SH DESCRIPTION
ChipTimeline shows AI\-chip export\-policy events on a zoomable timeline, each traceable to
the sources that report it, with the supporting passage quoted. Without a command it opens
the window on the default database (or the file given with \fB\-\-db\fR). With a command it
works without a display: it lists, searches, checks, imports and exports the timeline, and
draws figures as PNG, SVG or PDF for reports.
.SH OPTIONS
)"_s;
    for (const QCommandLineOption &option : CommandLine::options()) {
        QStringList names;
        for (const QString &name : option.names())
            names << (name.size() == 1 ? u"\\fB\\-"_s : u"\\fB\\-\\-"_s) + escape(name) + u"\\fR"_s;
        page += u".TP\n"_s + names.join(u", "_s);
        if (!option.valueName().isEmpty())
            page += u" \\fI"_s + escape(option.valueName()) + u"\\fR"_s;
        page += u'\n' + escape(option.description()) + u'\n';
    }
    page += u".SH NOTES\n.nf\n"_s + notes.join(u'\n') + u"\n.fi\n"_s;
    page += uR"(.SH FILES
.TP
\fI~/.local/share/ChipTimeline/chiptimeline/chiptimeline.sqlite\fR
The default database, filled with the bundled dataset on first start.
.TP
\fI~/.config/ChipTimeline/chiptimeline.conf\fR
Settings of the window: geometry, recent timelines, the timeline's zoom.
.TP
\fI*.chiptimeline.json\fR
ChipTimeline's native exchange file, read by \fBimport\fR and written by \fBexport\-data\fR.
.SH SEE ALSO
The User Guide in the window: Help \(-> User Guide (F1).
)"_s;
    return page;
}
