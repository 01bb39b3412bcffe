#pragma once

#include "model/Source.h"

#include <QByteArray>
#include <QList>

// Classic BibTeX, as BibTeX's standard styles and bibtexparser's defaults read it: only the
// entry types those know (@article for a source with an outlet that is news or a paper,
// @techreport, @book, else @misc), `journal`, `year` and `month` (as the jan…dec macros),
// the address as `howpublished = {\url{…}}` on @misc and as `url` for styles that know it,
// and the access date, the outlet of a @misc and the notes in `note`. Non-ASCII letters are
// written as LaTeX accents. BibTexFormat reads what this writes; BibLaTeX is
// BibTexFormat::write.
class ClassicBibTexWriter {
public:
    [[nodiscard]] static QByteArray write(const QList<Source> &sources);
};
