// The SQLite store: the words its full-text indexes hold, for SearchCompounds to widen a
// search to the compound words that contain a typed word. Read from FTS5's own vocabulary
// (fts5vocab) when a search first needs them: that walks every position list, about 0.2 s
// at 100k events, so it is done once, and this connection's writes add the words of the rows
// they index (cut into words by the index's own tokenizer) instead of reading them again.
// Another connection's commit (data_version) makes the next search read them afresh.

#include "model/SearchCompounds.h"
#include "model/store/sqlite/SqliteSearchRank.h"
#include "model/store/sqlite/SqliteStoreInternals.h"

#include <QSet>

using namespace Qt::StringLiterals;
using namespace SqliteDetail;

namespace {

// The words of `texts` as the indexes' tokenizer (unicode61, remove_diacritics 2) makes them.
class IndexTokenizer {
public:
    explicit IndexTokenizer(sqlite3 *db) {
        fts5_api *api = db ? SearchRank::fts5Api(db) : nullptr;
        void *context = nullptr;
        if (!api || api->xFindTokenizer(api, "unicode61", &context, &m_module) != SQLITE_OK)
            return;
        const char *arguments[] = {"remove_diacritics", "2"};
        if (m_module.xCreate(context, arguments, 2, &m_tokenizer) != SQLITE_OK)
            m_tokenizer = nullptr;
    }
    ~IndexTokenizer() {
        if (m_tokenizer)
            m_module.xDelete(m_tokenizer);
    }
    IndexTokenizer(const IndexTokenizer &) = delete;
    IndexTokenizer &operator=(const IndexTokenizer &) = delete;

    [[nodiscard]] bool isValid() const { return m_tokenizer != nullptr; }
    bool add(const QString &text, QSet<QString> *words) {
        const QByteArray utf8 = text.toUtf8();
        return m_module.xTokenize(m_tokenizer, words, FTS5_TOKENIZE_DOCUMENT, utf8.constData(),
                                  int(utf8.size()), addToken) == SQLITE_OK;
    }

private:
    static int addToken(void *context, int, const char *token, int length, int, int) {
        static_cast<QSet<QString> *>(context)->insert(QString::fromUtf8(token, length));
        return SQLITE_OK;
    }

    fts5_tokenizer m_module{};
    Fts5Tokenizer *m_tokenizer = nullptr;
};

} // namespace

QString SqliteTimelineStore::searchExpression(const QString &expression) const {
    if (expression.isEmpty())
        return expression;
    const auto termsContaining = [this](const QString &folded) {
        const qint64 version = dataVersion();
        if (!m_vocabulary.isLoaded() || version != m_vocabularyDataVersion) {
            m_vocabulary.clear();
            QStringList terms;
            QSqlQuery query(database());
            query.setForwardOnly(true);
            // Temporary tables on this connection: a read-only file can have them too.
            for (const QString &index : {u"event_fts"_s, u"source_fts"_s}) {
                if (!query.exec(uR"(CREATE VIRTUAL TABLE IF NOT EXISTS temp.%1_words
                                      USING fts5vocab(main, %1, 'row'))"_s.arg(index)) ||
                    !query.exec(u"SELECT term FROM temp.%1_words"_s.arg(index))) {
                    readFailed(query, index);
                    return QStringList();
                }
                while (query.next())
                    terms << query.value(0).toString();
                if (readFailed(query, index))
                    return QStringList();
            }
            m_vocabulary.add(terms);
            m_vocabularyDataVersion = version;
        }
        return m_vocabulary.containing(folded, 4 * SearchCompounds::MaxInfixTerms);
    };
    return SearchCompounds::expand(expression, termsContaining);
}

bool SqliteTimelineStore::noteIndexedWords(StoreError *error) {
    if (!m_vocabulary.isLoaded())
        return true; // read whole when a search next needs it
    IndexTokenizer tokenizer(sqliteHandle(database()));
    if (!tokenizer.isValid()) {
        m_vocabulary.clear();
        return true;
    }
    QSet<QString> words;
    const QStringList reads = {
        uR"(SELECT coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(names, '') FROM event_search_text
             WHERE id IN (SELECT id FROM temp.changed_event))"_s,
        uR"(SELECT coalesce(title, '') || ' ' || coalesce(outlet, '') || ' ' ||
                   coalesce(excerpt, '') || ' ' || coalesce(quotes, '')
              FROM source_search_text WHERE id IN (SELECT id FROM temp.changed_source))"_s,
    };
    for (const QString &sql : reads) {
        QSqlQuery &query = statement(sql);
        if (!query.exec()) {
            *error = errorFrom(query, u"update the search index"_s);
            return false;
        }
        while (query.next())
            tokenizer.add(query.value(0).toString(), &words);
        query.finish();
    }
    m_wordsWritten += QStringList(words.cbegin(), words.cend());
    return true;
}
