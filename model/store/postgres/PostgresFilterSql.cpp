// The PostgreSQL store: an EventFilter as an SQL condition over `event e`, and SearchQuery's
// FTS5 expression as a tsquery.

#include "model/store/postgres/PostgresTimelineStore.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

// Reads SearchQuery's canonical FTS5 output: quoted terms ("…", "" for a quote inside,
// optionally followed by * for a prefix), AND, OR, NOT and parentheses. FTS5's precedence:
// NOT binds tighter than AND, AND tighter than OR; `a NOT b` means a and not b.
class FtsToTsquery {
public:
    explicit FtsToTsquery(const QString &text)
        : m_text(text) {}

    QString translate() {
        const QString result = orExpression();
        skipSpace();
        return m_failed || m_at < m_text.size() ? QString() : result;
    }

private:
    void skipSpace() {
        while (m_at < m_text.size() && m_text.at(m_at).isSpace())
            ++m_at;
    }
    bool keyword(QLatin1StringView word) {
        skipSpace();
        const qsizetype end = m_at + word.size();
        if (QStringView(m_text).mid(m_at, word.size()) != word ||
            (end < m_text.size() && !m_text.at(end).isSpace() && m_text.at(end) != u'(' &&
             m_text.at(end) != u'"'))
            return false;
        m_at = end;
        return true;
    }
    bool startsImplicitTerm() {
        skipSpace();
        if (m_at >= m_text.size() || m_text.at(m_at) == u')')
            return false;
        const qsizetype at = m_at;
        const bool isOperator = keyword("OR"_L1) || keyword("NOT"_L1) || keyword("AND"_L1);
        m_at = at;
        return !isOperator;
    }
    QString orExpression() {
        QStringList parts{andExpression()};
        while (keyword("OR"_L1))
            parts << andExpression();
        return parts.size() == 1 ? parts.constFirst() : u"("_s + parts.join(u" | "_s) + u")"_s;
    }
    QString andExpression() {
        QStringList parts{notExpression()};
        // An explicit AND, or (as FTS5 reads `a b`) a term right after a term.
        while (!m_failed && (keyword("AND"_L1) || startsImplicitTerm()))
            parts << notExpression();
        return parts.size() == 1 ? parts.constFirst() : u"("_s + parts.join(u" & "_s) + u")"_s;
    }
    QString notExpression() {
        QString result = primary();
        while (keyword("NOT"_L1))
            result = u"(%1 & !%2)"_s.arg(result, primary());
        return result;
    }
    QString primary() {
        skipSpace();
        if (m_at < m_text.size() && m_text.at(m_at) == u'(') {
            ++m_at;
            const QString inner = orExpression();
            skipSpace();
            if (m_at < m_text.size() && m_text.at(m_at) == u')')
                ++m_at;
            else
                m_failed = true;
            return inner;
        }
        if (m_at >= m_text.size() || m_text.at(m_at) == u')') {
            m_failed = true;
            return {};
        }
        QString phrase;
        if (m_text.at(m_at) != u'"') {
            // A bare word (FTS5 takes one unquoted): up to a space, a parenthesis or a '*'.
            while (m_at < m_text.size() && !m_text.at(m_at).isSpace() && m_text.at(m_at) != u'(' &&
                   m_text.at(m_at) != u')' && m_text.at(m_at) != u'*') {
                const QChar c = m_text.at(m_at++);
                phrase += c.isLetterOrNumber() ? c : QChar(u' ');
            }
        } else {
            ++m_at;
            while (m_at < m_text.size()) {
                const QChar c = m_text.at(m_at++);
                if (c == u'"') {
                    if (m_at < m_text.size() && m_text.at(m_at) == u'"') {
                        ++m_at;
                        phrase += u' '; // a quote inside separates words, as the tokenizer does
                        continue;
                    }
                    break;
                }
                phrase += c.isLetterOrNumber() ? c : QChar(u' ');
            }
        }
        const bool prefix = m_at < m_text.size() && m_text.at(m_at) == u'*';
        if (prefix)
            ++m_at;
        QStringList words;
        for (const QString &word : phrase.split(u' ', Qt::SkipEmptyParts))
            words << u"'"_s + word + u"'"_s;
        if (words.isEmpty()) {
            m_failed = true;
            return {};
        }
        if (prefix)
            words.last() += u":*"_s;
        return words.size() == 1 ? words.constFirst() : u"("_s + words.join(u" <-> "_s) + u")"_s;
    }

    const QString &m_text;
    qsizetype m_at = 0;
    bool m_failed = false;
};

} // namespace

QString PostgresDetail::tsqueryFromFts(const QString &expression) {
    if (expression.trimmed().isEmpty())
        return {};
    return FtsToTsquery(expression).translate();
}

QString PostgresTimelineStore::filterSql(const EventFilter &filter, QVariantMap &bindings) const {
    QStringList conditions;
    const auto inList = [&bindings](const QString &prefix, const QStringList &values) {
        QStringList names;
        for (qsizetype i = 0; i < values.size(); ++i) {
            const QString name = u":%1%2"_s.arg(prefix).arg(i);
            bindings.insert(name, values.at(i));
            names << name;
        }
        return names.join(u", ");
    };
    if (filter.fromJulianDay) {
        conditions << u"e.last_day >= :from_day"_s;
        bindings.insert(u":from_day"_s, qint64(*filter.fromJulianDay));
    }
    if (filter.toJulianDay) {
        conditions << u"e.first_day <= :to_day"_s;
        bindings.insert(u":to_day"_s, qint64(*filter.toJulianDay));
    }
    if (!filter.categories.isEmpty())
        conditions << u"e.category_id IN (SELECT id FROM category WHERE name IN (%1))"_s.arg(
            inList(u"category"_s, filter.categories));
    const auto linked = [&](const QString &table, const QStringList &names) {
        conditions << uR"(e.id IN (SELECT l.event_id FROM event_%1 l JOIN %1 n ON n.id = l.%1_id
                                    WHERE n.name IN (%2)))"_s.arg(table, inList(table, names));
    };
    if (!filter.actors.isEmpty())
        linked(u"actor"_s, filter.actors);
    if (!filter.chips.isEmpty())
        linked(u"chip"_s, filter.chips);
    if (!filter.tags.isEmpty())
        linked(u"tag"_s, filter.tags);
    if (!filter.statuses.isEmpty()) {
        QStringList keys;
        for (EventStatus status : filter.statuses)
            keys << eventStatusKey(status);
        conditions << u"e.status IN (%1)"_s.arg(inList(u"status"_s, keys));
    }
    if (filter.hasSources) {
        conditions
            << (*filter.hasSources
                    ? u"EXISTS (SELECT 1 FROM event_source es WHERE es.event_id = e.id)"_s
                    : u"NOT EXISTS (SELECT 1 FROM event_source es WHERE es.event_id = e.id)"_s);
    }
    if (!filter.query.trimmed().isEmpty()) {
        const QString tsquery = PostgresDetail::tsqueryFromFts(searchExpression(filter.query));
        if (tsquery.isEmpty()) {
            conditions << u"FALSE"_s;
        } else {
            conditions << uR"(e.id IN (SELECT event_id FROM event_search
                                        WHERE document @@ to_tsquery('chiptimeline_search', :fts)))"_s;
            bindings.insert(u":fts"_s, tsquery);
        }
    }
    return conditions.join(u" AND ");
}
