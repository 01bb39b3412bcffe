#pragma once

#include "model/InputError.h"
#include "model/Source.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

// The files sources are imported from and exported to.
// BibTex and BibLaTex share a reader; BibTex writes classic BibTeX, BibLaTex current BibLaTeX.
enum class SourceFileFormat { Auto, CslJson, Ris, BibTex, ArticleText, BibLaTex };

// Chooses the reader for a source file and runs it; the store calls this for `import`.
class SourceFormat {
public:
    // "csl-json", "ris", "bibtex", "biblatex", "article" ("auto" for Auto): the command
    // line's names.
    [[nodiscard]] static QString name(SourceFileFormat format);
    [[nodiscard]] static std::optional<SourceFileFormat> fromName(QStringView name);
    [[nodiscard]] static QString fileExtension(SourceFileFormat format); // "json", "ris", …

    // By extension (.ris, .bib) and by content (a JSON array with CSL keys, "TY  - " lines,
    // "@article{"); other text is an article. A .json file that is not CSL-JSON gives
    // std::nullopt: it is some other JSON, not a source list.
    [[nodiscard]] static std::optional<SourceFileFormat> detect(const QString &fileName,
                                                                const QByteArray &content);

    // Reads `path` in `format` (Auto: detected). All or nothing, like every import.
    [[nodiscard]] static std::optional<QList<Source>>
    readSources(const QString &path, SourceFileFormat format, InputError *error);
    [[nodiscard]] static std::optional<QList<Source>> readSources(const QByteArray &data,
                                                                  const QString &fileName,
                                                                  SourceFileFormat format,
                                                                  InputError *error);
    // CSL-JSON, RIS, BibTeX or BibLaTeX; an empty array for Auto and ArticleText, which are not
    // written.
    [[nodiscard]] static QByteArray write(const QList<Source> &sources, SourceFileFormat format);
};
