// The SQLite store: the words its full-text indexes hold (the table search_word, schema 9),
// for SearchCompounds to widen a search to the compound words that contain a typed word.
// Each write adds the words of the rows it indexes, cut into words by the index's own
// tokenizer, in its transaction; a bulk import adds what FTS5's vocabulary (fts5vocab) lists,
// which walks every position list (0.15 s at 100k events) but costs less than cutting 100k
// rows into words again. Searches look the words up in memory (SearchVocabulary), read from
// the table when first needed and again after another connection's commit (data_version).

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
            QStringList words;
            QSqlQuery query(database());
            query.setForwardOnly(true);
            if (query.exec(u"SELECT word FROM search_word"_s))
                while (query.next())
                    words << query.value(0).toString();
            if (readFailed(query, u"search_word"_s))
                return QStringList();
            m_vocabulary.add(words);
            m_vocabularyDataVersion = version;
        }
        return m_vocabulary.containing(folded, 4 * SearchCompounds::MaxInfixTerms);
    };
    return SearchCompounds::expand(expression, termsContaining);
}

bool SqliteTimelineStore::noteIndexedWords(StoreError *error) {
    IndexTokenizer tokenizer(sqliteHandle(database()));
    if (!tokenizer.isValid()) {
        *error = {StoreError::Kind::Io, u"%1: could not update the search index: FTS5's "
                                        "tokenizer is missing"_s.arg(m_path)};
        return false;
    }
    QSet<QString> words;
    const QStringList reads = {
        uR"(SELECT coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' ||
                   coalesce(names, '')
              FROM event_search_text WHERE id IN (SELECT id FROM temp.changed_event))"_s,
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
    if (words.isEmpty())
        return true;
    QSqlQuery &insert = statement(u"INSERT OR IGNORE INTO search_word(word) VALUES (?)"_s);
    for (const QString &word : std::as_const(words)) {
        insert.bindValue(0, word);
        if (!insert.exec()) {
            *error = errorFrom(insert, u"update the search index"_s);
            return false;
        }
    }
    if (m_vocabulary.isLoaded())
        m_wordsWritten += QStringList(words.cbegin(), words.cend());
    return true;
}

bool SqliteTimelineStore::addIndexedWords(StoreError *error) {
    m_vocabulary.clear(); // read again from the table when a search next needs it
    const QStringList statements = {
        u"CREATE VIRTUAL TABLE IF NOT EXISTS temp.event_fts_words "
        "USING fts5vocab(main, event_fts, 'row')"_s,
        u"CREATE VIRTUAL TABLE IF NOT EXISTS temp.source_fts_words "
        "USING fts5vocab(main, source_fts, 'row')"_s,
        uR"(INSERT OR IGNORE INTO search_word(word)
              SELECT term FROM temp.event_fts_words UNION SELECT term FROM temp.source_fts_words)"_s,
    };
    QSqlQuery query(database());
    for (const QString &sql : statements) {
        if (!query.exec(sql)) {
            *error = errorFrom(query, u"update the search index"_s);
            return false;
        }
    }
    return true;
}
