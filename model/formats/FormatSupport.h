#pragma once

#include "model/InputError.h"

#include "model/Source.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <functional>

// A "field: value" line kept in Source::notes. Formats keep the fields the data model has
// no column for (publisher, page, section, …) in the notes so nothing is lost, and turn the
// lines back into fields on export so a round trip through the app preserves them.
struct NoteField {
    QString key;
    QString value;

    friend bool operator==(const NoteField &, const NoteField &) = default;
};

// Helpers the citation formats share: note fields, stable uids and language names.
class FormatSupport {
public:
    // Appends "key: value" as a new line of *notes (line breaks in value become spaces).
    static void addNoteField(QString *notes, const QString &key, const QString &value);
    // A JSON syntax error as "file:line:column: not valid JSON: …", the offset turned into
    // the line and column an editor shows.
    [[nodiscard]] static InputError jsonSyntaxError(const QByteArray &bytes, qsizetype offset,
                                                    const QString &reason, const QString &fileName);
    // Removes the "key: value" lines whose key `accept` takes from *notes and returns them in
    // order; the rest of the notes is left as it was (trailing blank lines trimmed).
    [[nodiscard]] static QList<NoteField>
    takeNoteFields(QString *notes, const std::function<bool(const QString &key)> &accept);

    // The UUID that `text` is or carries ("urn:uuid:…", "{…}", bare), lower case without
    // braces; empty if text is not a UUID.
    [[nodiscard]] static QString uuidIn(QStringView text);
    // A UUID v5 derived from DOI, else URL + title, else title + published date, so the same source
    // imported twice from any format gets the same uid.
    [[nodiscard]] static QString derivedUid(const Source &source);
    // Sets source->uid: from recordId when it is a UUID, else from a "uid: <UUID>" note line
    // (which is removed), else derived.
    static void assignUid(Source *source, QStringView recordId);

    // BCP 47 code for a language given as a code or a babel/polyglossia name
    // ("ngerman" → "de", "english" → "en", "en-US" stays); empty when empty.
    [[nodiscard]] static QString languageCode(QStringView nameOrCode);
    // The babel name for a code ("de" → "german"), empty when there is none.
    [[nodiscard]] static QString languageName(QStringView code);

    // text.startsWith(prefix, Qt::CaseInsensitive) for a lower-case ASCII prefix ("https://"),
    // without Qt's case folding when the text begins in ASCII (as nearly every URL does).
    [[nodiscard]] static bool startsWithIgnoringCase(QStringView text, QLatin1StringView prefix);

    // A javascript:, vbscript:, file: or data: address (LinkPolicy::isUnsafeAddress) is no
    // source's address: it is moved to an "unsafe-address: …" note line, so nothing is lost
    // and nothing can run it.
    static void setAsideUnsafeAddresses(QList<Source> *sources);

    // Splits "Family, Given" into its parts; a name without comma is a literal (family empty).
    [[nodiscard]] static std::pair<QString, QString> splitAuthor(const QString &author);
};
