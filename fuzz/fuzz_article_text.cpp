// ArticleTextFormat on arbitrary bytes, plus its helpers on the decoded text. Invariants: a
// refusal has a message; an accepted article becomes a source that the native format keeps
// losslessly; a shortened sentence is never longer than asked plus the ellipsis.
#include "fuzz/FuzzSupport.h"
#include "model/formats/ArticleTextFormat.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes = fuzzBytes(data, size);
    InputError error;
    const auto source = ArticleTextFormat::read(bytes, u"fuzz.txt"_s, &error);
    const QString text = QString::fromUtf8(bytes);
    (void)ArticleTextFormat::detectLanguage(text);
    const QStringList sentences = ArticleTextFormat::splitSentences(text);
    for (const QString &sentence : sentences) {
        const QString shortened = ArticleTextFormat::shortened(sentence, 40);
        FUZZ_CHECK(shortened.size() <= qMax<qsizetype>(sentence.size(), 41), shortened);
    }
    if (!source) {
        checkErrorReported(error);
        return 0;
    }
    Dataset dataset;
    dataset.sources = {*source};
    checkNativeKeeps(dataset);
    return 0;
}
